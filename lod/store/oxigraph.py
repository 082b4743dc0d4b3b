"""The embedded pyoxigraph store, opened read-only on a loaded build."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable, Mapping

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from lod.store.base import (
    GRAPH_CAP_FACTOR, GRAPH_FORMATS, RESULT_FORMATS, Capabilities, QueryError, RawResult, _ctype, bind_values, to_rdflib,
)

EMBEDDED = Capabilities(enforces_timeout=False, stable_version=True, text_index=False)
"""pyoxigraph cannot stop a running query (the query pool kills its process instead); a loaded
build never changes (its version is the dump's checksum); search uses the build's own index."""

class _CapExceeded(Exception):
    pass


class _LineCountingSink(io.RawIOBase):
    """Receives a TSV serialization and stops it as soon as the row cap is passed,
    so an oversized result is refused without being materialized."""

    def __init__(self, max_lines: int | None) -> None:
        self.buffer = io.BytesIO()
        self.lines = 0
        self.max_lines = max_lines

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.lines += bytes(data).count(b"\n")
        if self.max_lines is not None and self.lines > self.max_lines:
            raise _CapExceeded()
        self.buffer.write(data)
        return len(data)


class OxigraphStore:
    """An on-disk pyoxigraph store.

    Its default graph holds the RDF merge of all documents (the de-duplicated N-Triples dump), and
    each document also has its own named graph. A triple shared by several documents (a cited
    work's label) is in the default graph once, so COUNTs mean what users expect; pyoxigraph's
    union-default flag would return it once per graph.
    """

    capabilities = EMBEDDED

    def __init__(self, store: ox.Store, version: str = "", path: Path | None = None) -> None:
        self._store = store
        self.version = version
        self.path = path

    @classmethod
    def open_read_only(cls, path: Path) -> OxigraphStore:
        return cls(ox.Store.read_only(str(path)), version=path.name, path=path)

    @classmethod
    def from_build(cls, data: Path, root: Path | None = None) -> OxigraphStore:
        from lod.store.loading import load_build  # loading builds on this module

        return cls.open_read_only(load_build(data, root=root))

    def _run(self, sparql: str, bindings: Mapping[str, Node] | None = None, **dataset: object) -> object:
        try:
            return self._store.query(bind_values(sparql, bindings), **dataset)
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from exc

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]:
        result = self._run(sparql, bindings)
        names = [v.value for v in result.variables]  # type: ignore[attr-defined]
        rows = []
        for solution in result:  # type: ignore[attr-defined]
            rows.append({n: to_rdflib(solution[n]) for n in names if solution[n] is not None})
        return rows

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self._run(sparql, bindings))

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        triples = self._run(sparql, bindings)
        data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]
        return Graph().parse(data=data, format="nt")

    def construct_triples(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[ox.Triple]:
        """A CONSTRUCT answer as pyoxigraph triples: what the description routes serialize with
        pyoxigraph directly, without the rdflib round trip that cost more than the query."""
        return list(self._run(sparql, bindings))  # type: ignore[call-overload]

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
        """Run a protocol query and serialize it completely (or fail) before returning.

        `timeout` cannot be enforced here (`capabilities.enforces_timeout` is False): the web
        layer runs this method in a query process it kills at the limit (lod.web.querypool).
        pyoxigraph reads FROM / FROM NAMED itself, so `dataset_in_query` changes nothing.

        The default graph is the merge of all documents unless the request (default-graph-uri,
        named-graph-uri) or the query (FROM, FROM NAMED) picks graphs.
        """
        dataset: dict[str, object] = {}
        defaults = [ox.NamedNode(u) for u in default_graph_uris]
        named = [ox.NamedNode(u) for u in named_graph_uris]
        if defaults:
            dataset["default_graph"] = defaults
        if named:
            dataset["named_graphs"] = named
        result = self._run(sparql, None, **dataset)
        if isinstance(result, ox.QueryBoolean):
            fmt = RESULT_FORMATS.get(accept, ox.QueryResultsFormat.JSON)
            return RawResult(_ctype(accept, RESULT_FORMATS), result.serialize(format=fmt), "boolean", 1)
        if isinstance(result, ox.QuerySolutions):
            sink = _LineCountingSink(None if max_rows is None else max_rows + 1)  # + header line
            try:
                result.serialize(sink, format=ox.QueryResultsFormat.TSV)
            except (_CapExceeded, OSError) as exc:
                if sink.max_lines is not None and sink.lines > sink.max_lines:
                    raise QueryError(
                        f"the query returns more than {max_rows} rows (setting max-rows); "
                        "add LIMIT/OFFSET to page through the results", status=413,
                    ) from exc
                raise
            tsv = sink.buffer.getvalue()
            count = max(tsv.count(b"\n") - 1, 0)
            fmt = RESULT_FORMATS.get(accept, ox.QueryResultsFormat.JSON)
            if fmt == ox.QueryResultsFormat.TSV:
                body = tsv
            else:
                body = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(format=fmt)
            return RawResult(_ctype(accept, RESULT_FORMATS), body, "solutions", count)
        triples = list(result)  # type: ignore[call-overload]
        cap = None if max_rows is None else max_rows * GRAPH_CAP_FACTOR
        if cap is not None and len(triples) > cap:
            raise QueryError(f"the query returns more than {cap} triples ({GRAPH_CAP_FACTOR} × setting max-rows)", status=413)
        fmt = GRAPH_FORMATS.get(accept, ox.RdfFormat.TURTLE)
        body = ox.serialize(triples, format=fmt)
        return RawResult(_ctype(accept, GRAPH_FORMATS), body, "graph", len(triples))




