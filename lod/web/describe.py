"""Descriptions of resources as RDF graphs, and their serialization in every offered format.

A work's description is its document graph plus everything that cites it (so a client that
dereferences a resolution learns its incoming links too) plus the names of what it links to.

Dereferencing is the hot path of a Linked Data server, so a description stays in pyoxigraph's
own terms from the CONSTRUCT to the bytes on the wire (pyoxigraph serializes in microseconds
what rdflib took tens of milliseconds to parse and re-serialize); an rdflib Graph is only made
for HTML pages, whose renderer walks it, and for stores that answer in rdflib terms anyway.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from lod.store import Store
from lod.store.base import values_block
from lod.web import queries
from lod.web.conneg import JSONLD, NTRIPLES, RDFXML, TURTLE, Format

CONTEXT_FILE = "lod.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_GEN_DELIMS = tuple(":/?#[]@")
OX_FORMATS: dict[Format, ox.RdfFormat] = {
    TURTLE: ox.RdfFormat.TURTLE, JSONLD: ox.RdfFormat.JSON_LD,
    RDFXML: ox.RdfFormat.RDF_XML, NTRIPLES: ox.RdfFormat.N_TRIPLES,
}


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


def _bind(graph: Graph) -> Graph:
    for prefix, ns in jsonld_context().items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def _to_rdflib_graph(triples: list[ox.Triple]) -> Graph:
    graph = Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return _bind(graph)


@dataclass
class Description:
    """One resource's description, in pyoxigraph triples when the store can give them (the fast
    path) or as an rdflib Graph (remote stores); either way the other form is made on demand."""

    triples: list[ox.Triple] | None = None
    _graph: Graph | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.triples) if self.triples is not None else len(self._graph or ())

    def graph(self) -> Graph:
        """The rdflib Graph the HTML renderer walks."""
        if self._graph is None:
            self._graph = _to_rdflib_graph(self.triples or [])
        return self._graph

    def serialize(self, fmt: Format) -> bytes:
        if self.triples is None:
            return serialize(self.graph(), fmt)
        return serialize_triples(self.triples, fmt)


def serialize_triples(triples: list[ox.Triple], fmt: Format) -> bytes:
    """pyoxigraph's serializers, with the shipped context's prefixes (and keys, for JSON-LD)."""
    if fmt is JSONLD:
        expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)) if triples else []
        return json.dumps(compact_jsonld(expanded), ensure_ascii=False, indent=1).encode("utf-8")
    oxfmt = OX_FORMATS.get(fmt, ox.RdfFormat.TURTLE)
    if oxfmt is ox.RdfFormat.N_TRIPLES:
        return ox.serialize(triples, format=oxfmt)
    return ox.serialize(triples, format=oxfmt, prefixes=jsonld_context())


def _construct(store: Store, sparql: str, bindings: dict[str, Any]) -> list[ox.Triple]:
    return store.construct_triples(sparql, bindings)  # type: ignore[attr-defined,no-any-return]


def work_description(store: Store, work: str) -> Description:
    """The document graph of `work`, what cites it, and labels of what it links to."""
    if not hasattr(store, "construct_triples"):
        return Description(_graph=describe_work_graph(store, work))
    bindings = {"work": URIRef(work)}
    triples = _construct(store, queries.WORK_GRAPH, bindings)
    if not triples:  # no graph per work: the generic queries (nothing is a part, nothing to label)
        triples = _construct(store, queries.WORK_SUBJECTS, bindings)
        if not triples:
            return Description(triples=[])
        triples += _construct(store, queries.INCOMING_TO_WORK, bindings)
        triples += _construct(store, queries.LABELS_OF_OBJECTS, bindings)
        return Description(triples=list(dict.fromkeys(triples)))
    # the work's graph is read once; its parts and the IRIs it links to are taken from it
    prefix = work + "/"
    parts = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(prefix)}
    objects = {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
    targets = values_block("target", [URIRef(work), *map(URIRef, sorted(parts))])
    triples += _construct(store, queries.INCOMING_TO_TARGETS.replace("$TARGETS", targets), bindings)
    if objects:
        labelled = values_block("o", map(URIRef, sorted(objects)))
        triples += _construct(store, queries.LABELS_OF_TERMS.replace("$TARGETS", labelled), {})
    return Description(triples=list(dict.fromkeys(triples)))


def resource_description(store: Store, iri: str) -> Description:
    """Any resource that is not a work: its own triples and the links into it, with labels."""
    if not hasattr(store, "construct_triples"):
        return Description(_graph=_bind(store.construct(queries.DESCRIBE_RESOURCE, {"iri": URIRef(iri)})))
    triples = _construct(store, queries.DESCRIBE_RESOURCE, {"iri": URIRef(iri)})
    return Description(triples=list(dict.fromkeys(triples)))


def describe_work_graph(store: Store, work: str) -> Graph:
    """The same description through the rdflib interface every store offers."""
    bindings = {"work": URIRef(work)}
    graph = store.construct(queries.WORK_GRAPH, bindings)
    if len(graph) == 0:
        graph = store.construct(queries.WORK_SUBJECTS, bindings)
    if len(graph) == 0:
        return graph
    graph += store.construct(queries.INCOMING_TO_WORK, bindings)
    graph += store.construct(queries.LABELS_OF_OBJECTS, bindings)
    return _bind(graph)


def describe_work(store: Store, work: str) -> Graph:
    """`work_description` as an rdflib Graph (kept for callers that walk graphs)."""
    return work_description(store, work).graph()


def describe_resource(store: Store, iri: str) -> Graph:
    """`resource_description` as an rdflib Graph."""
    return resource_description(store, iri).graph()


def serialize(graph: Graph, fmt: Format) -> bytes:
    """Serialize with the shipped context for JSON-LD (compact, readable keys)."""
    if fmt.rdflib == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
    data = graph.serialize(format=fmt.rdflib or "turtle")
    return data if isinstance(data, bytes) else data.encode("utf-8")
