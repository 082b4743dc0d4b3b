"""The store interface and what every implementation shares: errors, wire formats, bound values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from lod import formats

GRAPH_CAP_FACTOR = 100
"""A CONSTRUCT/DESCRIBE may return this many times max-rows triples: one resolution's
description is hundreds of triples, so a graph cap equal to the row cap would refuse pages."""
class QueryError(Exception):
    """A query the store refused or failed on; `status` is the HTTP status it maps to."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class RawResult:
    """A query answer already serialized for the wire: computed in full before any byte is sent."""

    content_type: str
    body: bytes
    kind: str  # "solutions", "boolean" or "graph"
    count: int = 0


# --- formats ------------------------------------------------------------------------------

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    f.mime: f.oxigraph for f in formats.RESULT_FORMATS if isinstance(f.oxigraph, ox.QueryResultsFormat)
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    f.mime: f.oxigraph for f in formats.RDF_FORMATS if isinstance(f.oxigraph, ox.RdfFormat)
}
"""The store's answer formats by media type, from lod.formats."""


# --- term conversion ----------------------------------------------------------------------

def to_rdflib(term: object) -> Node:
    """pyoxigraph term → rdflib term, so pages never depend on which store answered."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


# --- the interface -------------------------------------------------------------------------

@dataclass(frozen=True)
class Capabilities:
    """What a store can promise, so the web layer decides from these and never from its class.

    `enforces_timeout`: `query(…, timeout=)` stops the query itself (a remote engine: its own
    limit plus the HTTP timeout). When False the caller must run the query where it can be
    killed: the embedded store's files (`Store.path`) are opened by lod.web.querypool's processes.
    `stable_version`: the data under one `version` never changes (a build's checksum), so
    answers may be cached under it; an engine others write to can change at any moment.
    `text_index`: the engine has a full-text index that search can use (lod.engines.search).
    """

    enforces_timeout: bool
    stable_version: bool
    text_index: bool = False


class Store(Protocol):
    """What the web layer needs from a SPARQL store.

    `bindings` are values for query variables; implementations pass them as data (an escaped
    VALUES block, `bind_values`), never by pasting user text into the query.
    """

    version: str
    capabilities: Capabilities
    path: Path | None
    """Files a query process may open read-only (the embedded store); None for a remote engine."""

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]: ...

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool: ...

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph: ...

    def query(
        self,
        sparql: str,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        accept: str = "application/sparql-results+json",
        max_rows: int | None = None,
        timeout: float | None = None,
        dataset_in_query: bool = False,
    ) -> RawResult:
        """The answer, serialized whole for `accept`, or QueryError (413 over `max_rows`; 502 the
        engine failed or is unreachable; 504 the engine ran out of time), never a truncated answer.
        `timeout` is honoured only where `capabilities.enforces_timeout`; `dataset_in_query`: the
        query picks its own graphs (FROM / FROM NAMED), so the store must not add its default."""
        ...


def _ctype(accept: str, table: Mapping[str, object]) -> str:
    mime = accept if accept in table else next(iter(table))
    return mime + ("; charset=utf-8" if mime.startswith("text/") or mime.endswith("json") else "")


BINDINGS_MARKER = "$BINDINGS"
"""Where a query wants its bound values: at the start of its WHERE group, so that the engine
joins them first (a trailing VALUES would be joined after the whole pattern is evaluated)."""

_NOT_IN_IRI = set('<>"{}|^`\\ \n\r\t')


def values_block(name: str, terms: Iterable[Node]) -> str:
    """`VALUES ?name { ... }` with one row per term, checked as `bind_values` checks its terms."""
    if not name.isidentifier():
        raise ValueError(f"not a SPARQL variable name: {name!r}")
    return f"VALUES ?{name} {{ {' '.join(_written(term) for term in terms)} }}"


def _written(term: Node) -> str:
    """A term as query text: rdflib escapes literals; an IRI holding a character that could end
    it early is refused, so a value is always data in the query, never query syntax."""
    if isinstance(term, URIRef) and (_NOT_IN_IRI & set(str(term)) or not str(term)):
        raise QueryError(f"not an IRI: {str(term)!r}")
    if not isinstance(term, (URIRef, Literal)):
        raise TypeError(f"only IRIs and literals can be bound, not {term!r}")
    return term.n3()


def literal_text(term: Node) -> str:
    """One term as query text, escaped by rdflib exactly as `bind_values` writes it: for the few
    places an engine takes only a constant (Virtuoso's `bif:contains`), never raw user text."""
    return _written(term)


def bind_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """Give query variables values as a VALUES block of terms written by rdflib's `n3()`.

    rdflib escapes literals; IRIs are refused when they hold a character that could end the
    IRI early. So values from a request are data in the query, never query syntax. (pyoxigraph's
    `substitutions` were the first choice, but they reject variables outside the projection.)
    """
    if not bindings:
        return sparql.replace(BINDINGS_MARKER, "")
    names = list(bindings)
    for name in names:
        if not name.isidentifier():
            raise ValueError(f"not a SPARQL variable name: {name!r}")
    terms = [_written(bindings[name]) for name in names]
    block = "VALUES (" + " ".join("?" + n for n in names) + ") { (" + " ".join(terms) + ") }"
    if BINDINGS_MARKER in sparql:
        return sparql.replace(BINDINGS_MARKER, block)
    return sparql + "\n" + block


