"""A SPARQL 1.1 endpoint elsewhere, behind the same `Store` interface."""

from __future__ import annotations

from typing import Iterable, Mapping
from urllib.error import HTTPError

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from lod.store.base import GRAPH_FORMATS, QueryError, RawResult, bind_values, to_rdflib

class RemoteStore:
    """A SPARQL 1.1 endpoint elsewhere, spoken to with SPARQLWrapper.

    Bindings travel as a VALUES block whose terms are written by rdflib's `n3()` (`bind_values`).
    """

    def __init__(self, endpoint: str, version: str = "remote", timeout: float = 30.0) -> None:
        self.endpoint = endpoint
        self.version = version
        self.timeout = timeout

    def _wrapper(self, sparql: str, bindings: Mapping[str, Node] | None, fmt: str) -> object:
        from SPARQLWrapper import POST, SPARQLWrapper  # imported here: only remote setups need it

        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setTimeout(int(self.timeout))
        client.setQuery(bind_values(sparql, bindings))
        client.setReturnFormat(fmt)
        client.setOnlyConneg(True)  # our Accept header decides, not format= parameters
        return client

    def _raw(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None,
        accept: str,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
    ) -> tuple[str, bytes]:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        # SPARQLWrapper wants a return format that fits the query form; our Accept header decides
        client = self._wrapper(sparql, bindings, "turtle" if accept in GRAPH_FORMATS else "json")
        for uri in default_graph_uris:
            client.addDefaultGraph(uri)  # type: ignore[attr-defined]
        for uri in named_graph_uris:
            client.addNamedGraph(uri)  # type: ignore[attr-defined]
        client.addCustomHttpHeader("Accept", accept)  # type: ignore[attr-defined]
        try:
            response = client.query().response  # type: ignore[attr-defined]
        except SPARQLWrapperException as exc:
            raise QueryError(str(exc)) from exc
        except HTTPError as exc:  # statuses SPARQLWrapper has no exception for (413, 429, 503)
            raise QueryError(exc.read().decode("utf-8", "replace").strip() or str(exc), status=exc.code) from exc
        return response.headers.get("Content-Type", accept), response.read()

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]:
        _, body = self._raw(sparql, bindings, "text/tab-separated-values")
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in result]  # type: ignore[union-attr]

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        _, body = self._raw(sparql, bindings, "application/sparql-results+json")
        return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        _, body = self._raw(sparql, bindings, "application/n-triples")
        return Graph().parse(data=body.decode("utf-8"), format="nt")

    def query(
        self,
        sparql: str,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        accept: str = "application/sparql-results+json",
        max_rows: int | None = None,
    ) -> RawResult:
        ctype, body = self._raw(sparql, None, accept, default_graph_uris, named_graph_uris)
        kind = "graph" if ctype.split(";")[0] in GRAPH_FORMATS else "solutions"
        return RawResult(ctype, body, kind)


