"""Which properties name a thing: what a description carries about the things it links to.

A description holds, besides the resource's own triples and the links into it, the names of
both ends (so a page or a client can show "A/RES/70/174" rather than an IRI). These properties
are the names; the build's join (lod.describe.incoming) picks them out of every document, and the
page (lod.describe.page) prefers them in this order.
"""

from __future__ import annotations

import re

LABEL_PREDICATES: tuple[str, ...] = (
    "http://purl.org/dc/terms/title",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "https://w3id.org/un-lod/ontology#symbol",
    "http://data.europa.eu/eli/ontology#title",
)

SYMBOL_PREDICATES: tuple[str, ...] = (
    "https://w3id.org/un-lod/ontology#symbol",
    "https://w3id.org/un-lod/ontology#docNumber",
    "http://data.europa.eu/eli/ontology#number",
)
"""Properties whose value is a UN document symbol: /symbol/A/RES/70/174 finds a work by them."""

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

TITLE_NAMES = ("title", "doctitle")
"""Names of the properties that hold a work's or an expression's title."""

TEXT_NAMES = ("text", "content", "value", "chars", "body", "plaintext", "citationtext")
"""Names of the properties that hold a part's or a citation's words (lod.describe.page reads by name)."""

POINTER_PREDICATES: frozenset[str] = frozenset({"http://www.w3.org/2000/01/rdf-schema#seeAlso"})
"""Properties whose value is a web page about the subject (undocs.org's copy of a document), not a
resource of the data: an IRI elsewhere that is only pointed at is not described (its description
would hold nothing but the pointer, which its subject's holds), and pages link it straight out."""


def natural_key(label: str) -> list[object]:
    """The order people read numbered names in: "para_2" before "para_10", "77/9" before "77/10"."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", label)]
