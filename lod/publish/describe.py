"""The dataset's own description: VoID for linked-data clients, DCAT 3 for catalogues.

Written after the dumps, because it states their sizes, checksums and triple counts. Served at
/.well-known/void and linked from every page, so a client that finds one resolution IRI can
discover the endpoint and the bulk downloads from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, VOID

from lod import __version__
from lod import output
from lod.publish.statistics import DatasetStatistics
from lod.publish.vocabulary import VOCABULARY_DUMP
from lod.rdf.namespaces import UNRES
from lod.vocabulary import VOCABULARIES

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
IANA = "https://www.iana.org/assignments/media-types/"
UN_TERMS = URIRef("https://www.un.org/en/about-us/terms-of-use")
WIKIDATA = URIRef("http://www.wikidata.org/")


def dataset_iri(base: str) -> URIRef:
    return URIRef(output.dataset_iri(base))


def describe_dataset(
    base: str,
    out: Path,
    statistics: DatasetStatistics,
    checksums: dict[str, str],
    examples: Sequence[str],
) -> Graph:
    """Build the VoID + DCAT graph of a finished build in `out`, from counts taken while the
    dumps were written (`DatasetStatistics`), so the dataset is not read a second time."""
    base = base.rstrip("/")
    ds = dataset_iri(base)
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("dcterms", DCTERMS)
    g.bind("spdx", SPDX)
    g.bind("sd", SD)
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("United Nations resolutions as Linked Open Data", lang="en")))
    g.add((
        ds,
        DCTERMS.description,
        Literal(
            "Resolutions, decisions and drafts of the General Assembly, the Security Council, the "
            "Economic and Social Council and its commissions, in an Akoma Ntoso (AKN4UN) model: "
            "metadata, sponsors, preambular and operative paragraphs, footnotes and citations.",
            lang="en",
        ),
    ))
    g.add((ds, DCTERMS.license, UN_TERMS))
    g.add((ds, DCTERMS.publisher, Literal("lod")))
    g.add((ds, DCTERMS.hasVersion, Literal(__version__)))
    g.add((ds, VOID.uriSpace, Literal(f"{base}/akn/un/")))
    g.add((ds, VOID.vocabulary, URIRef(str(UNRES))))
    _vocabularies(g, ds, base, out, checksums)
    g.add((ds, VOID.sparqlEndpoint, URIRef(f"{base}/sparql")))
    g.add((ds, FOAF.homepage, URIRef(f"{base}/")))
    for example in examples:
        g.add((ds, VOID.exampleResource, URIRef(example)))

    g.add((ds, VOID.triples, Literal(statistics.triples, datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(statistics.subjects, datatype=XSD.integer)))
    g.add((ds, VOID.distinctObjects, Literal(statistics.objects, datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(len(statistics.predicates), datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(len(statistics.classes), datatype=XSD.integer)))
    for n, (cls, count) in enumerate(sorted(statistics.classes.items()), 1):
        part = URIRef(f"{ds}#class-{n}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls[1:-1].decode("utf-8"))))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for n, (prop, count) in enumerate(sorted(statistics.predicates.items()), 1):
        part = URIRef(f"{ds}#property-{n}")
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop[1:-1].decode("utf-8"))))
        g.add((part, VOID.triples, Literal(count, datatype=XSD.integer)))

    _wikidata_linkset(g, ds, statistics.wikidata_links)

    for name, (fmt, label) in output.DUMPS.items():
        media = fmt.mime
        dist = URIRef(f"{base}/dumps/{name}")
        g.add((ds, VOID.dataDump, dist))
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(label, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.mediaType, URIRef(IANA + media)))
        g.add((dist, DCTERMS.license, UN_TERMS))
        path = out / output.dump(name)
        g.add((dist, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
        if name.endswith(".gz"):
            g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
        if name.endswith(".zip"):
            g.add((dist, DCAT.packageFormat, URIRef(IANA + "application/zip")))
        checksum = URIRef(f"{dist}#sha256")
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(checksums[output.dump(name)], datatype=XSD.hexBinary)))

    service = URIRef(f"{base}/sparql")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, RDF.type, SD.Service))
    g.add((service, DCAT.endpointURL, service))
    g.add((service, SD.endpoint, service))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    return g


def _vocabularies(g: Graph, ds: URIRef, base: str, out: Path, checksums: dict[str, str]) -> None:
    """Our own vocabularies (lod.vocabulary): named by void:vocabulary, each served at its IRI,
    and all of them in one download, a distribution of the dataset that is not a data dump."""
    for vocabulary in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(vocabulary.iri)))
    name = f"dumps/{VOCABULARY_DUMP}"
    if name not in checksums:
        return
    dist = URIRef(f"{base}/{name}")
    g.add((ds, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCTERMS.title, Literal("The vocabularies: ontology, SKOS schemes, SHACL shapes (Turtle)", lang="en")))
    g.add((dist, DCAT.downloadURL, dist))
    g.add((dist, DCAT.mediaType, URIRef(IANA + "text/turtle")))
    g.add((dist, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((dist, DCAT.byteSize, Literal((out / name).stat().st_size, datatype=XSD.nonNegativeInteger)))
    for vocabulary in VOCABULARIES:
        g.add((dist, DCTERMS.conformsTo, URIRef(vocabulary.iri)))
    checksum = URIRef(f"{dist}#sha256")
    g.add((dist, SPDX.checksum, checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(checksums[name], datatype=XSD.hexBinary)))


def _wikidata_linkset(g: Graph, ds: URIRef, count: int) -> None:
    """The owl:sameAs links to Wikidata as a void:Linkset, so link indexes can find and count them."""
    linkset = URIRef(f"{ds}#linkset-wikidata")
    g.add((ds, VOID.subset, linkset))
    g.add((linkset, RDF.type, VOID.Linkset))
    g.add((linkset, DCTERMS.title, Literal("Links to Wikidata", lang="en")))
    g.add((linkset, VOID.subjectsTarget, ds))
    g.add((linkset, VOID.objectsTarget, WIKIDATA))
    g.add((linkset, VOID.linkPredicate, OWL.sameAs))
    g.add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
    g.add((WIKIDATA, FOAF.homepage, URIRef("https://www.wikidata.org/")))
    g.add((WIKIDATA, VOID.sparqlEndpoint, URIRef("https://query.wikidata.org/sparql")))
    g.add((WIKIDATA, VOID.uriSpace, Literal("http://www.wikidata.org/entity/")))
