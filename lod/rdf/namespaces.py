"""The vocabularies the published graphs use, and the IRIs of their terms, in one place.

Our own terms live in `unres:` (ontology/lod.ttl); everything else is reused so that a client
that knows Akoma Ntoso, UNDO, ELI or FRBR can read the data without learning ours. FRBR has
two namespaces in the wild: SPAR's FRBR DL (`frbr:`) and Ian Davis's FRBR core (`frbrcore:`),
which is the one UNDO's ALLOT classes are declared against; both are bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

import pycountry
from rdflib import Graph, Namespace, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

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


class DefinedTerms:
    """One of rdflib's closed namespaces (RDF, RDFS, XSD, DCTERMS, SKOS, OWL, PROV) with its terms
    made once.

    rdflib's `DefinedNamespace` checks each `RDF.type` against its term list and builds a new
    URIRef, about 2 µs an access; the mapping reads these terms hundreds of times per document
    (0.7 ms of its 4.7 ms). Unknown names still fail as rdflib's do, because the first access
    asks rdflib.
    """

    def __init__(self, defined: type) -> None:
        self.__dict__["_defined"] = defined

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._defined, name)
        self.__dict__[name] = term
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._defined[name]

    def __contains__(self, term: object) -> bool:
        return term in self._defined

    def __str__(self) -> str:
        return str(self._defined)

    def __repr__(self) -> str:
        return f"DefinedTerms({self._defined!r})"


RDF = DefinedTerms(_RDF)
RDFS = DefinedTerms(_RDFS)
XSD = DefinedTerms(_XSD)
DCTERMS = DefinedTerms(_DCTERMS)
SKOS = DefinedTerms(_SKOS)
OWL = DefinedTerms(_OWL)
PROV = DefinedTerms(_PROV)

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

VOID = TermNamespace(str(rdflib_namespace.VOID))
DCAT = TermNamespace(str(rdflib_namespace.DCAT))
FOAF = TermNamespace(str(rdflib_namespace.FOAF))
SD = TermNamespace("http://www.w3.org/ns/sparql-service-description#")
"""SPARQL 1.1 Service Description: the endpoint in the VoID/DCAT description."""
SPDX = TermNamespace("http://spdx.org/rdf/terms#")
"""SPDX: the checksums of the distributions."""

PREFIXES: dict[str, Namespace] = {
    "unres": UNRES,
    "verb": VERB,
    "relation": RELATION,
    "finding": FINDING,
    "undo": UNDO,
    "allot": ALLOT,
    "frbr": FRBR,
    "frbrcore": FRBRCORE,
    "eli": ELI,
    "doco": DOCO,
    "akn": AKN,
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
    "xsd": Namespace(str(XSD)),
    "void": VOID,
    "dcat": DCAT,
    "sd": SD,
    "spdx": SPDX,
    "foaf": FOAF,
    "dqv": DQV,
    "oa": OA,
    "wd": WD,
}
"""THE prefix table. Everything that writes a prefix is derived from it: Turtle bindings
(`bind_prefixes`, the dumps), the PREFIX lines of every SPARQL text (`prefix_lines`), the query
page's prefix completion, the JSON-LD context (lod/contexts/lod.jsonld, generated by
`python -m lod.contexts`) and the VoID `void:vocabulary`s (`vocabularies`)."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes so Turtle output is readable and identical from run to run."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def prefix_lines(*names: str) -> str:
    """SPARQL PREFIX declarations of the named prefixes (all of them when none are named), one a line."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or PREFIXES))


def jsonld_context() -> dict[str, str]:
    """The JSON-LD context of the table (the value of `@context`): prefixes only, so compacting an
    IRI is writing `prefix:local`."""
    return {name: str(ns) for name, ns in PREFIXES.items()}


def vocabularies(terms: Iterable[str]) -> list[str]:
    """The namespaces of the table that `terms` (predicate and class IRIs) come from, sorted: the
    dataset's `void:vocabulary`s, as used, not as hoped."""
    by_length = sorted({str(ns) for ns in PREFIXES.values()}, key=len, reverse=True)
    return sorted({next((ns for ns in by_length if term.startswith(ns)), "") for term in terms} - {""})


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
    "AKN", "ALLOT", "DCAT", "DCTERMS", "DOCO", "DQV", "ELI", "FINDING", "FOAF", "FRBR", "FRBRCORE", "LANG1", "LANG2",
    "OA", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "RELATION", "SD", "SKOS", "SPDX", "UNDO", "UNRES", "UNRES_SHAPES",
    "VERB", "VOID", "WD", "XSD", "bind_prefixes", "document_iri", "jsonld_context", "language_tag", "prefix_lines",
    "slug", "state_iri", "treaty_iri", "undocs_iri", "verb_concept", "vocabularies",
]
