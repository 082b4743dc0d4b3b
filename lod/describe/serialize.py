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
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from lod.formats import JSONLD, NTRIPLES, TURTLE, Format

CONTEXT_FILE = "lod.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
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


@lru_cache(maxsize=1)
def _context_json() -> str:
    """The shipped context as the JSON text every description starts with (encoded once)."""
    return json.dumps(jsonld_context(), ensure_ascii=False, indent=1).replace("\n", "\n ")


def _jsonld_value(term: Any) -> Any:
    """A compacted JSON-LD value: a plain string for an xsd:string, `{"@id": prefix:local}`…"""
    if type(term) is ox.NamedNode:
        return {"@id": compact_iri(term.value)}
    if type(term) is ox.BlankNode:
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@language": term.language, "@value": term.value}
    datatype = term.datatype.value
    if datatype == XSD_STRING:
        return term.value
    return {"@type": compact_iri(datatype), "@value": term.value}


def jsonld_nodes(triples: Sequence[ox.Triple]) -> list[dict[str, Any]]:
    """The triples as flattened JSON-LD nodes under the shipped context, one per subject.

    The context holds prefixes only, so compaction is exactly: IRIs written as `prefix:local`,
    `rdf:type` as `@type` (IRIs only), plain strings unwrapped, single values unwrapped. Built
    straight from the triples: no expanded document is written and read back.
    """
    grouped: dict[Any, dict[str, list[Any]]] = {}
    for t in triples:
        properties = grouped.get(t.subject)
        if properties is None:
            properties = grouped[t.subject] = {}
        properties.setdefault(t.predicate.value, []).append(t.object)
    nodes = []
    for subject, properties in grouped.items():
        node: dict[str, Any] = {"@id": compact_iri(subject.value) if type(subject) is ox.NamedNode else f"_:{subject.value}"}
        types = properties.pop(RDF_TYPE, None)
        if types is not None:
            if all(type(o) is ox.NamedNode for o in types):
                names = [compact_iri(o.value) for o in types]
                node["@type"] = names[0] if len(names) == 1 else names
            else:
                properties = {RDF_TYPE: types, **properties}
        for predicate, objects in properties.items():
            values = [_jsonld_value(o) for o in objects]
            node[compact_iri(predicate)] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return nodes


def jsonld_document(triples: Sequence[ox.Triple]) -> bytes:
    """The JSON-LD document: the shipped context, then one node per line (C-speed encoding,
    still readable), `{"@context": …, "@graph": […]}` as the package's context defines it."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    body = ",\n  ".join(encode(node) for node in jsonld_nodes(triples))
    graph = f"[\n  {body}\n ]" if body else "[]"
    return f'{{\n "@context": {_context_json()},\n "@graph": {graph}\n}}\n'.encode("utf-8")


def bind_prefixes(graph: Graph) -> Graph:
    """The shipped context's prefixes on an rdflib graph (its Turtle and RDF/XML use them)."""
    for prefix, ns in jsonld_context().items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def serialize_triples(triples: list[ox.Triple], fmt: Format) -> bytes:
    """pyoxigraph's serializers, with the shipped context's prefixes (and keys, for JSON-LD)."""
    if fmt is JSONLD:
        return jsonld_document(triples)
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
