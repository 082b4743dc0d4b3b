"""The vocabularies the published graphs use, and the IRIs of their terms, in one place.

Our own terms live in `unres:` (ontology/lod.ttl); everything else is reused so that a client
that knows Akoma Ntoso, UNDO, ELI or FRBR can read the data without learning ours. FRBR has
two namespaces in the wild: SPAR's FRBR DL (`frbr:`) and Ian Davis's FRBR core (`frbrcore:`),
which is the one UNDO's ALLOT classes are declared against; both are bound.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pycountry
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from lod.uri import encode_number

class TermNamespace(Namespace):
    """An rdflib `Namespace` that makes each term's URIRef once.

    `Namespace.__getattr__` builds (and checks) a new URIRef on every `UNRES.text`; the mapping
    reads some 800 terms per document, which was a sixth of its time. The first access stores
    the term on the instance, so later ones are plain attribute reads of the same URIRef.
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


UNRES = TermNamespace("https://w3id.org/un-lod/ontology#")
"""Our ontology: document structure, metadata and flags not covered by the reused vocabularies."""

UNRES_SHAPES = TermNamespace("https://w3id.org/un-lod/shapes#")
"""The SHACL shapes (shapes/lod-shapes.ttl); named so a validation result says which rule failed."""

VERB = TermNamespace("https://w3id.org/un-lod/vocab/verb/")
"""SKOS concepts of the leading phrases of paragraphs (ontology/verbs.ttl)."""

RELATION = TermNamespace("https://w3id.org/un-lod/vocab/relation/")
"""SKOS concepts of the relations a citation expresses (recall, reaffirm, welcome, ...)."""

UNDO = TermNamespace("https://w3id.org/un/ontology/undo/")
ALLOT = TermNamespace("https://w3id.org/akn/ontology/allot/")
FRBR = TermNamespace("http://purl.org/spar/frbr/")
FRBRCORE = TermNamespace("http://purl.org/vocab/frbr/core#")
ELI = TermNamespace("http://data.europa.eu/eli/ontology#")
DOCO = TermNamespace("http://purl.org/spar/doco/")
AKN = TermNamespace("http://docs.oasis-open.org/legaldocml/ns/akn/3.0/")
LANG1 = TermNamespace("http://id.loc.gov/vocabulary/iso639-1/")
"""ISO 639-1 language IRIs: the individuals UNDO declares as `undo:Language`."""
LANG2 = TermNamespace("http://id.loc.gov/vocabulary/iso639-2/")
"""ISO 639-2 language IRIs, for languages that have no two-letter code."""
WD = TermNamespace("http://www.wikidata.org/entity/")
DQV = TermNamespace("http://www.w3.org/ns/dqv#")
"""W3C Data Quality Vocabulary: curator findings as quality annotations (lod.rdf.quality)."""
OA = TermNamespace("http://www.w3.org/ns/oa#")
"""W3C Web Annotation: the target and body of a quality annotation."""
FINDING = TermNamespace("https://w3id.org/un-lod/vocab/finding/")
"""SKOS concepts of the kinds of curator findings (lod.quality.CHECKS)."""

PREFIXES: dict[str, Namespace] = {
    "unres": UNRES,
    "verb": VERB,
    "relation": RELATION,
    "undo": UNDO,
    "allot": ALLOT,
    "frbr": FRBR,
    "frbrcore": FRBRCORE,
    "eli": ELI,
    "doco": DOCO,
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
    "xsd": Namespace(str(XSD)),
    "wd": WD,
    "dqv": DQV,
    "oa": OA,
    "finding": FINDING,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes so Turtle output is readable and identical from run to run."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


# --- IRIs of vocabulary terms and linked resources ---------------------------------------------
def slug(text: str) -> str:
    """A lowercase, hyphenated IRI segment: "Takes note with appreciation" → takes-note-with-appreciation."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


def verb_concept(phrase: str) -> URIRef:
    """The SKOS concept of a leading phrase; ontology/verbs.ttl uses the same slugs.

    A trailing "of" is dropped because documents differ on whether it is part of the
    italic span ("*Takes note of* the report" / "*Takes note* of the report").
    """
    return VERB[re.sub(r"-of$", "", slug(phrase))]


def state_iri(base: str, iso3: str) -> URIRef:
    return URIRef(f"{base.rstrip('/')}/id/state/{iso3.upper()}")


def treaty_iri(base: str, key: str) -> URIRef:
    """A treaty by its lod.treaties key: the UNTS number, suffixed for protocols ("39574-TIP")."""
    return URIRef(f"{base.rstrip('/')}/id/treaty/unts/{re.sub(r'[^A-Za-z0-9-]+', '-', key)}")


def document_iri(base: str, symbol: str) -> URIRef:
    """A UN document that is not an AKN work of the corpus (a report, a draft we do not hold)."""
    return URIRef(f"{base.rstrip('/')}/id/document/{encode_number(symbol)}")


def undocs_iri(symbol: str) -> URIRef:
    return URIRef("https://undocs.org/" + quote(" ".join(symbol.split()), safe="/().-"))


def language_tag(code: str) -> str:
    """The BCP 47 tag for an ISO 639-2 code: two letters where ISO 639-1 has them (eng → en)."""
    lang = pycountry.languages.get(alpha_3=code)
    return getattr(lang, "alpha_2", None) or code


__all__ = [
    "AKN", "ALLOT", "DCTERMS", "DOCO", "DQV", "ELI", "FINDING", "FRBR", "FRBRCORE", "LANG1", "LANG2", "OA", "OWL", "PREFIXES",
    "PROV", "RDF", "RDFS", "RELATION", "SKOS", "UNDO", "UNRES", "UNRES_SHAPES", "VERB", "WD", "XSD",
    "bind_prefixes", "document_iri", "language_tag", "slug", "state_iri", "treaty_iri", "undocs_iri",
    "verb_concept",
]
