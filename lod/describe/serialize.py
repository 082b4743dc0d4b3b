"""A description's RDF representations: Turtle, JSON-LD (the package's context), RDF/XML, N-Triples.

The build writes every description in every format (lod.describe.build), so serializing is on
the build's path, once per resource: pyoxigraph's serializers do it in microseconds where
rdflib took tens of milliseconds. rdflib graphs are serialized only for the few graphs rdflib
makes (the VoID description, SPARQL answers of remote stores).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from lod.formats import JSONLD, NTRIPLES, TURTLE, Format

CONTEXT_FILE = "lod.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_GEN_DELIMS = tuple(":/?#[]@")


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context shipped in the package: never fetched from the network."""
    text = resources.files("lod.contexts").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")
    return json.loads(text)["@context"]


@lru_cache(maxsize=1)
def _prefixes_longest_first() -> tuple[tuple[str, str], ...]:
    """(namespace, prefix) pairs usable for compact IRIs: JSON-LD 1.1 only expands a term as a
    prefix when its IRI ends with a gen-delim, and the longest namespace must win."""
    pairs = [(ns, p) for p, ns in jsonld_context().items() if isinstance(ns, str) and ns.endswith(_GEN_DELIMS)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=65536)
def compact_iri(iri: str) -> str:
    """`prefix:local` when a context prefix covers `iri`, else the IRI itself (always expandable
    back to `iri` under the shipped context)."""
    for ns, prefix in _prefixes_longest_first():
        if iri.startswith(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _compact_value(value: dict[str, Any]) -> Any:
    if "@id" in value and len(value) == 1:
        return {"@id": compact_iri(value["@id"])}
    if set(value) == {"@value"} and isinstance(value["@value"], str):
        return value["@value"]
    if "@type" in value:
        return {**value, "@type": compact_iri(value["@type"])}
    return value


def compact_jsonld(expanded: list[dict[str, Any]]) -> dict[str, Any]:
    """Expanded, flattened JSON-LD (pyoxigraph's output) → the shipped context's compact keys.

    The context holds prefixes only, so compaction is exactly: IRIs written as `prefix:local`,
    `rdf:type` as `@type`, plain strings and single values unwrapped. Readers that expand the
    document with the embedded context get the same triples back.
    """
    nodes = []
    for node in expanded:
        out: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                out["@id"] = compact_iri(values)
                continue
            if key == RDF_TYPE and all(set(v) == {"@id"} and not v["@id"].startswith("_:") for v in values):
                types = [compact_iri(v["@id"]) for v in values]
                out["@type"] = types[0] if len(types) == 1 else types
                continue
            if key.startswith("@"):
                out[key] = values
                continue
            compacted = [_compact_value(v) for v in values]
            out[compact_iri(key)] = compacted[0] if len(compacted) == 1 else compacted
        nodes.append(out)
    return {"@context": jsonld_context(), "@graph": nodes}


def bind_prefixes(graph: Graph) -> Graph:
    """The shipped context's prefixes on an rdflib graph (its Turtle and RDF/XML use them)."""
    for prefix, ns in jsonld_context().items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def _to_rdflib_graph(triples: list[ox.Triple]) -> Graph:
    graph = Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return bind_prefixes(graph)


def serialize_triples(triples: list[ox.Triple], fmt: Format) -> bytes:
    """pyoxigraph's serializers, with the shipped context's prefixes (and keys, for JSON-LD)."""
    if fmt is JSONLD:
        expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)) if triples else []
        return json.dumps(compact_jsonld(expanded), ensure_ascii=False, indent=1).encode("utf-8")
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
