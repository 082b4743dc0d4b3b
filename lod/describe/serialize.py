"""A description's RDF representations: Turtle, JSON-LD (the package's context), RDF/XML, N-Triples.

The build writes every description in every format (lod.describe.build), so serializing is on
the build's path, once per resource: pyoxigraph's serializers do it in microseconds where
rdflib took tens of milliseconds. rdflib graphs are serialized only for the few graphs rdflib
makes (the VoID description, SPARQL answers of remote stores).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef

from lod.describe.graph import DescriptionGraph
from lod.describe.jsonld import CONTEXT_FILE, compact_iri, jsonld_context, jsonld_document
from lod.formats import JSONLD, NTRIPLES, TURTLE, Format

__all__ = ["CONTEXT_FILE", "bind_prefixes", "compact_iri", "jsonld_context", "serialize", "serialize_triples"]


def bind_prefixes(graph: Graph) -> Graph:
    """The shipped context's prefixes on an rdflib graph (its Turtle and RDF/XML use them)."""
    for prefix, ns in jsonld_context().items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def serialize_triples(triples: list[ox.Triple], fmt: Format) -> bytes:
    """pyoxigraph's serializers, with the shipped context's prefixes (and keys, for JSON-LD)."""
    if fmt is JSONLD:
        return jsonld_document(DescriptionGraph.of(triples).out)
    oxfmt = fmt.oxigraph if isinstance(fmt.oxigraph, ox.RdfFormat) else TURTLE.oxigraph
    if fmt is NTRIPLES:
        return ox.serialize(triples, format=oxfmt)
    return ox.serialize(triples, format=oxfmt, prefixes=jsonld_context())


def serialize(graph: Graph, fmt: Format) -> bytes:
    """Serialize with the shipped context for JSON-LD (compact, readable keys)."""
    if fmt.rdflib == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
    data = graph.serialize(format=fmt.rdflib or "turtle")
    return data if isinstance(data, bytes) else data.encode("utf-8")
