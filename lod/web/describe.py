"""Descriptions of resources as RDF graphs, and their serialization in every offered format.

A work's description is its document graph plus everything that cites it (so a client that
dereferences a resolution learns its incoming links too) plus the names of what it links to.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from rdflib import Graph, URIRef

from lod.store import Store
from lod.web import queries
from lod.web.conneg import Format

CONTEXT_FILE = "lod.jsonld"


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context shipped in the package: never fetched from the network."""
    text = resources.files("lod.contexts").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def _bind(graph: Graph) -> Graph:
    for prefix, ns in jsonld_context().items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def describe_work(store: Store, work: str) -> Graph:
    """The document graph of `work`, what cites it, and labels of what it links to."""
    bindings = {"work": URIRef(work)}
    graph = store.construct(queries.WORK_GRAPH, bindings)
    if len(graph) == 0:
        graph = store.construct(queries.WORK_SUBJECTS, bindings)
    if len(graph) == 0:
        return graph
    graph += store.construct(queries.INCOMING_TO_WORK, bindings)
    graph += store.construct(queries.LABELS_OF_OBJECTS, bindings)
    return _bind(graph)


def describe_resource(store: Store, iri: str) -> Graph:
    """Any resource that is not a work: its own triples and the links into it, with labels."""
    return _bind(store.construct(queries.DESCRIBE_RESOURCE, {"iri": URIRef(iri)}))


def serialize(graph: Graph, fmt: Format) -> bytes:
    """Serialize with the shipped context for JSON-LD (compact, readable keys)."""
    if fmt.rdflib == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
    data = graph.serialize(format=fmt.rdflib or "turtle")
    return data if isinstance(data, bytes) else data.encode("utf-8")
