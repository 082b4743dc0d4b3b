"""A SPARQL engine elsewhere (Virtuoso, the Oxigraph server, any SPARQL 1.1 endpoint) behind the
same `Store` interface as the embedded store.

Why the answers are checked here: engines report running out of time inside a 200. Virtuoso
answers a query stopped by its `timeout` parameter with the partial results it has and the header
`X-SQL-State: S1TAT`; the Oxigraph server streams a result head, then an error. So the store
always asks for a format it can check whole (SPARQL JSON results for solutions and booleans,
N-Triples for graphs), parses it with pyoxigraph, and only then writes what the client asked
for: a truncated or malformed answer becomes a 504/502 with the reason, never a success.

HTTP statuses of the errors (`QueryError.status`): 400 the engine refused the query, 413 more
rows than `max-rows`, 502 the engine is unreachable or failed, 504 the engine ran out of time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from lod.engines.base import CONNECT_TIMEOUT, Engine, SparqlEndpoint, _reason
from lod.engines.wire import Answer, WireError, WireTimeout
from lod.store.booleans import restore_booleans
from lod.store.base import (
    GRAPH_CAP_FACTOR, GRAPH_FORMATS, RESULT_FORMATS, Capabilities, QueryError, RawResult, _ctype, bind_values,
    to_rdflib,
)

TIMEOUT_STATES = ("S1TAT", "S1T00")
"""Virtuoso's SQL states for "stopped by a time limit" (anytime partial results; hard timeout)."""
_TIMEOUT_WORDS = ("S1T00", "S1TAT", "timed out", "timeout", "time limit", "estimated execution time")
HTTP_GRACE = 2.0
"""Seconds the HTTP read timeout exceeds the query's own limit, so that the engine's clean
"timed out" answer normally arrives before the connection is given up."""
SOLUTIONS_WIRE = "application/sparql-results+json"
GRAPH_WIRE = "application/n-triples"


class RemoteStore:
    """Queries go to `engine.query_url` over the engine's read path (`Engine.reads`: keep-alive, auth).

    `default_graph` (lod publish's merge graph, `Engine.merge_graph`) is made the default graph
    of every query whose request and text name no graphs (`Engine.with_default_graph`), so
    default-graph queries count each triple once, as on the embedded store; None for an engine
    whose default graph already is the merge (the Oxigraph server, another `lod serve`).
    """

    path: Path | None = None

    def __init__(self, engine: Engine | str, default_graph: str | None = None, version: str = "",
                 timeout: float = 30.0) -> None:
        self.engine = engine if isinstance(engine, Engine) else SparqlEndpoint(engine)
        self.default_graph = default_graph
        self.version = version or f"remote {self.engine.url}"
        self.timeout = timeout
        self.capabilities = Capabilities(enforces_timeout=True, stable_version=False, text_index=self.engine.text_index)

    # --- the interface -----------------------------------------------------------------------

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]:
        # the template without its values names the boolean variables (one parse per template)
        result = self._solutions(self._post(bind_values(sparql, bindings), SOLUTIONS_WIRE), bind_values(sparql, None))
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in result]  # type: ignore[union-attr]

    def select_within(self, sparql: str, timeout: float) -> list[dict[str, Node]]:
        """`select` with its own time limit (search's `search-timeout` rather than query-timeout)."""
        result = self._solutions(self._post(sparql, SOLUTIONS_WIRE, timeout=timeout), sparql)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in result]  # type: ignore[union-attr]

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self._solutions(self._post(bind_values(sparql, bindings), SOLUTIONS_WIRE), ""))

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        triples = self._triples(self._post(bind_values(sparql, bindings), GRAPH_WIRE))
        return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")

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
        graph_query = accept in GRAPH_FORMATS
        response = self._post(sparql, GRAPH_WIRE if graph_query else SOLUTIONS_WIRE, list(default_graph_uris),
                              list(named_graph_uris), timeout, dataset_in_query)
        if graph_query:
            triples = self._triples(response)
            cap = None if max_rows is None else max_rows * GRAPH_CAP_FACTOR
            if cap is not None and len(triples) > cap:
                raise QueryError(f"the query returns more than {cap} triples ({GRAPH_CAP_FACTOR} × setting max-rows)", 413)
            self._whole(response)
            body = ox.serialize(triples, format=GRAPH_FORMATS[accept])
            return RawResult(_ctype(accept, GRAPH_FORMATS), body, "graph", len(triples))
        result, count = self._checked_solutions(response, sparql)
        fmt = RESULT_FORMATS.get(accept, ox.QueryResultsFormat.JSON)
        if isinstance(result, ox.QueryBoolean):
            return RawResult(_ctype(accept, RESULT_FORMATS), result.serialize(format=fmt), "boolean", 1)
        if max_rows is not None and count > max_rows:
            raise QueryError(f"the query returns more than {max_rows} rows (setting max-rows); "
                             "add LIMIT/OFFSET to page through the results", 413)
        self._whole(response)
        return RawResult(_ctype(accept, RESULT_FORMATS), result.serialize(format=fmt), "solutions", count)

    # --- the wire ----------------------------------------------------------------------------

    def _post(self, sparql: str, wire: str, defaults: list[str] | None = None, named: list[str] | None = None,
              timeout: float | None = None, dataset_in_query: bool = False) -> Answer:
        seconds = self.timeout if timeout is None else timeout
        if self.default_graph and not defaults and not named and not dataset_in_query:
            sparql = self.engine.with_default_graph(sparql, self.default_graph)
        form: list[tuple[str, str]] = [("query", sparql)]
        form += [("default-graph-uri", g) for g in defaults or ()]
        form += [("named-graph-uri", g) for g in named or ()]
        form += list(self.engine.query_params(seconds).items())
        where = f"{self.engine.name} at {self.engine.url}"
        try:
            response = self.engine.reads.post(self.engine.query_url, form, wire, CONNECT_TIMEOUT, seconds + HTTP_GRACE)
        except WireTimeout:
            raise QueryError(f"{where} did not answer within {seconds:g} s (setting query-timeout)", 504) from None
        except WireError as exc:
            raise QueryError(f"{where} cannot be reached: {_reason(exc)}", 502) from None
        state = response.headers.get("X-SQL-State", "")
        text = "" if response.status_code == 200 else response.text.strip()
        if "estimated execution time" in text:  # Virtuoso's cost estimator, before running anything
            raise QueryError(f"{where} refused to run the query: it estimates it would take too long{_said(text)}", 504)
        if state in TIMEOUT_STATES or (response.status_code >= 500 and any(w in text for w in _TIMEOUT_WORDS)):
            raise QueryError(f"{where} stopped the query at its time limit ({seconds:g} s, setting query-timeout); "
                             f"its answer was incomplete and is not passed on{_said(text or state)}", 504)
        if response.status_code in (400, 413, 414):
            raise QueryError(f"{where} refused the query{_said(text)}", response.status_code)
        if response.status_code == 503:
            raise QueryError(f"{where} is busy{_said(text)}", 503)
        if response.status_code != 200:
            raise QueryError(f"{where} answered {response.status_code}{_said(text)}", 502)
        return response

    def _whole(self, response: Answer) -> None:
        """Refuse an answer the engine cut at its own row cap (after lod's max-rows had its say)."""
        engine_cap = response.headers.get("X-SPARQL-MaxRows")
        if engine_cap:  # Virtuoso stopped at its ResultSetMaxRows: the rows may not be all of them
            raise QueryError(f"the query returns {engine_cap} rows or more, the most {self.engine.name} at "
                             f"{self.engine.url} sends at once (its ResultSetMaxRows): the answer may be incomplete "
                             "and is not passed on; add LIMIT/OFFSET below that to page through the results", 413)

    def _solutions(self, response: Answer, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean:
        result = self._checked_solutions(response, sparql)[0]
        self._whole(response)
        return result

    def _checked_solutions(self, response: Answer,
                           sparql: str) -> tuple[ox.QuerySolutions | ox.QueryBoolean, int]:
        """The answer read whole as JSON first (a cut-off document fails here), then by pyoxigraph;
        an engine's 0/1 for the query's booleans turned back into booleans (lod.store.booleans)."""
        try:
            document = json.loads(response.content)
            if not isinstance(document, dict) or not ("boolean" in document or "results" in document):
                raise ValueError("neither solutions nor a boolean")
            count = 1 if "boolean" in document else len(document["results"]["bindings"])
            content = response.content
            if self.engine.integer_booleans and sparql and "results" in document and restore_booleans(document, sparql):
                content = json.dumps(document).encode("utf-8")
            return ox.parse_query_results(content, format=ox.QueryResultsFormat.JSON), count  # type: ignore[return-value]
        except (ValueError, SyntaxError, KeyError, TypeError) as exc:
            raise self._incomplete(response, exc) from None

    def _triples(self, response: Answer) -> list[ox.Triple]:
        try:
            return [q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)]
        except (ValueError, SyntaxError) as exc:
            raise self._incomplete(response, exc) from None

    def _incomplete(self, response: Answer, exc: Exception) -> QueryError:
        tail = response.content[-300:].decode("utf-8", "replace")
        where = f"{self.engine.name} at {self.engine.url}"
        if any(w in tail for w in _TIMEOUT_WORDS):
            return QueryError(f"{where} stopped the query at its time limit; its answer was incomplete and is not "
                              f"passed on{_said(tail)}", 504)
        return QueryError(f"{where} sent an answer that is incomplete or not {response.headers.get('Content-Type', '?')} "
                          f"({str(exc)[:200]}); it is not passed on", 502)


def _said(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return f": {' '.join(lines[:2])[:300]}" if lines else ""
