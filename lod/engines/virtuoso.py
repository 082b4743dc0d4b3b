"""OpenLink Virtuoso 7: digest-authenticated endpoints, its bulk loader, `bif:contains`.

Measured on Virtuoso 7.2 (Debian's virtuoso-opensource): a TriG POST to its Graph Store
answers 200 and loads nothing, so graphs go one by one with PUT (N-Triples) to
/sparql-graph-crud-auth, or — for large loads on the same machine — through its bulk loader
(`ld_dir` + `rdf_loader_run`, run with isql-vt on the SQL port). Writes need digest
authentication; a server still answering to dba/dba is refused for writing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import requests
from requests.auth import HTTPDigestAuth

from lod.engines.base import (
    CONNECT_TIMEOUT, DATASET_GRAPH, MERGED_GRAPH, PUBLISHED_GRAPH, Engine, EngineError, _iri, register,
)

DEFAULT_PASSWORD = ("dba", "dba")


@register
class Virtuoso(Engine):
    name: ClassVar[str] = "virtuoso"
    query_path: ClassVar[str] = "/sparql"
    update_path: ClassVar[str] = "/sparql-auth"
    graph_store_path: ClassVar[str] = "/sparql-graph-crud-auth"
    graph_param: ClassVar[str] = "graph-uri"
    text_index: ClassVar[bool] = True
    integer_booleans: ClassVar[bool] = True
    session_headers: ClassVar[dict[str, str]] = {"Accept-Encoding": "identity"}
    """Measured on 7.2: Virtuoso answers a request that accepts gzip compressed, chunked and with
    `Connection: close`, so every query paid a new TCP connection (10–16 ms of the 1.58× of the
    two-hop query on a loaded machine); uncompressed it keeps the connection alive."""
    bulk_loaded_bytes: int = 0
    """What this engine's bulk loads read: the text index after them is given as long."""

    def query_params(self, timeout: float) -> dict[str, str]:
        # Virtuoso's "anytime" limit: at the limit it answers 200 with what it has so far and
        # X-SQL-State S1TAT, which lod.store.remote turns into a 504, never into an answer
        return {"timeout": str(max(1, int(timeout * 1000)))}

    def check_security(self) -> None:
        if self.credentials is None:
            raise EngineError("Virtuoso needs credentials to write: set LOD_ENGINE_USER and LOD_ENGINE_PASSWORD")
        try:
            answer = requests.post(self.url + self.update_path, data={"query": "ASK {}"}, timeout=(CONNECT_TIMEOUT, 30),
                                   auth=HTTPDigestAuth(*DEFAULT_PASSWORD))
        except requests.RequestException as exc:
            raise EngineError(f"virtuoso at {self.url} cannot be reached: {exc.__class__.__name__}") from None
        if answer.status_code != 401:
            raise EngineError(
                f"virtuoso at {self.url} still accepts the default dba password: change it first "
                "(isql-vt PORT dba dba exec=\"user_set_password('dba', '…');\"); lod does not write to it until then"
            )

    def with_default_graph(self, sparql: str, graph: str) -> str:
        # Virtuoso's default graph is every graph it holds (its system graphs too, a triple once
        # per graph); its default-graph-uri parameter hides the named graphs from GRAPH ?g, this
        # pragma does not. The publish record and the dataset description are hidden from
        # GRAPH ?g, as on the embedded store (the merge cannot be: hidden, it is no default graph
        # either; lod's queries keep it out by naming the work as the subject in its own graph)
        base = graph[: -len(MERGED_GRAPH)] if graph.endswith(MERGED_GRAPH) else None
        hidden = "".join(f"DEFINE input:named-graph-exclude <{_iri(base + g)}>\n"
                         for g in (PUBLISHED_GRAPH, DATASET_GRAPH)) if base else ""
        return f"{hidden}DEFINE input:default-graph-uri <{_iri(graph)}>\n{sparql}"

    def text_filter(self, variable: str, words: list[str]) -> str:
        # bif:contains takes one string expression; the words are bound values, quoted as phrases
        expr = " AND ".join(f"'\"' || ?_w{i} || '\"'" for i in range(len(words)))
        return f"?{variable} <bif:contains> ({expr}) ." if words else ""

    def index_text(self) -> bool:
        """Index every literal for `bif:contains` (the rule is idempotent) and update the index,
        through isql-vt on the SQL port (LOD_ENGINE_SQL_PORT) when it is set."""
        return self._isql(["DB.DBA.RDF_OBJ_FT_RULE_ADD(null, null, 'lod');", "DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ();"],
                          "text index", loading_budget(self.timeout, self.bulk_loaded_bytes))

    def _isql(self, statements: list[str], what: str, timeout: float | None = None) -> bool:
        import os

        isql = shutil.which("isql-vt") or shutil.which("isql")
        port = os.environ.get("LOD_ENGINE_SQL_PORT")
        if not isql or not port or self.credentials is None:
            return False
        budget = timeout if timeout is not None else self.timeout
        try:
            done = subprocess.run([isql, port, self.credentials.user, self.credentials.password],
                                  input="\n".join(statements) + "\n", capture_output=True, text=True, timeout=budget)
        except subprocess.TimeoutExpired:
            raise EngineError(f"virtuoso {what} did not finish within {budget:.0f} s (isql-vt on port {port}); "
                              "what was loaded stays, and `lod publish` again loads what is not recorded") from None
        if done.returncode != 0 or "*** Error" in done.stdout:
            first = next((ln for ln in done.stdout.splitlines() if "Error" in ln), done.stderr.strip()[:200])
            raise EngineError(f"virtuoso {what} failed: {first}")
        return True

    def bulk_load(self, files: dict[str, str]) -> bool:
        """Through isql-vt on the SQL port (LOD_ENGINE_SQL_PORT, default 1111), when Virtuoso runs
        on this machine and may read the files' folder (DirsAllowed in virtuoso.ini).

        Each file names its graph in a `{file without .gz}.graph` beside it, and the folder is
        registered with one `ld_dir` per file pattern: `ld_dir` lists its whole folder at every
        call, so one call per file was quadratic (17,003 files of a 17,000-document build: 10,651
        registered after 15 minutes). A graph being replaced is emptied first by one indexed
        delete (`iri_to_id(…, 0)` is NULL for a graph Virtuoso has never seen: nothing to do)."""
        folders: dict[Path, set[str]] = {}
        statements = ["DELETE FROM DB.DBA.load_list WHERE ll_state = 2;"]
        for graph, file in files.items():
            path = Path(file).resolve()
            for name in {path.name.removesuffix(".gz"), path.name}:  # the loader's own rule drops .gz; older ones kept it
                path.with_name(name + ".graph").write_text(graph + "\n", encoding="utf-8")
            folders.setdefault(path.parent, set()).add("*.nt.gz" if path.name.endswith(".gz") else "*.nt")
            statements.append(f"DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id('{_sql(graph)}', 0);")
        for folder, masks in sorted(folders.items()):
            statements += [f"ld_dir('{_sql(str(folder))}', '{mask}', '{UNNAMED_GRAPH}');" for mask in sorted(masks)]
        statements += ["rdf_loader_run();", "checkpoint;",
                       "SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;"]
        size = sum(Path(f).stat().st_size for f in files.values())
        self.bulk_loaded_bytes += size  # the text index then has as much to read (index_text)
        return self._isql(statements, "bulk load", loading_budget(self.timeout, size))


UNNAMED_GRAPH = "urn:lod:bulk-load-without-graph-file"
"""The graph `ld_dir` is given for a file without its `.graph` file: none of lod's (every file has
one), so anything found there is a loader fault, not a document."""

LOADER_FLOOR_BYTES_PER_S = 1 << 20
"""The slowest the bulk loader is assumed to read its files (measured: 10.8 M triples, 2.7 GB of
N-Triples and the merge, took Virtuoso more than 300 s on 2 cores, which the HTTP timeout had
cut): a load gets the engine's timeout plus a second per MiB, so it is never cut for its size,
and a loader that stopped is still reported."""


def loading_budget(timeout: float, size: int) -> float:
    """Seconds a bulk load of `size` bytes may take before it is reported as stuck."""
    return timeout + size / LOADER_FLOOR_BYTES_PER_S


def _sql(value: str) -> str:
    if "'" in value or "\n" in value:
        raise EngineError(f"cannot pass {value!r} to the bulk loader")
    return value
