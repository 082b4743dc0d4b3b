"""Every setting of lod in one registry, with its default, environment variable and help text.

The CLI options, the server configuration and docs/settings.md are all generated from or
checked against this table (tests/test_settings.py fails when a setting is undocumented), so
an operator never has to read the code to learn what can be tuned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from lod.uri import DEFAULT_BASE


def flag(raw: str | bool) -> bool:
    """A yes/no setting from the environment or the command line ("1", "true", "yes", "on")."""
    if isinstance(raw, bool):
        return raw
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"not a yes/no value: {raw!r}")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "LOD_" + self.name.upper().replace("-", "_")


SETTINGS: tuple[Setting, ...] = (
    Setting("base", DEFAULT_BASE, "IRI base of every published resource (work, expression, paragraph IRIs)."),
    Setting("data", "output", "Build output directory that `lod serve` publishes (dumps, per-document Turtle, store)."),
    Setting("host", "127.0.0.1", "Interface the server listens on."),
    Setting("port", 8080, "TCP port the server listens on.", int),
    Setting("workers", 2, "gunicorn worker processes.", int),
    Setting("query-timeout", 30.0, "Seconds a SPARQL query may run before it is stopped and answered 503.", float),
    Setting("max-rows", 10000, "Most result rows a SPARQL SELECT returns; beyond it the query fails, never truncates.", int),
    Setting("max-request-bytes", 1_000_000, "Largest request body accepted (a SPARQL query by POST).", int),
    Setting("search-timeout", 5.0, "Seconds a full-text search (/search) may run before it is stopped and answered 503.", float),
    Setting("client-concurrency", 4, "SPARQL queries one client may have running at once (429 beyond); always fewer than workers x query-processes.", int),
    Setting("client-seconds-per-minute", 60.0, "SPARQL query seconds one client may use per minute (429 beyond).", float),
    Setting("cache-max-age", 300, "Seconds clients and proxies may cache a response (Cache-Control max-age).", int),
    Setting("threads", 8, "Threads per server worker running the app: requests one worker answers at once "
            "(connections are read by the worker's event loop, not by these threads).", int),
    Setting("query-processes", 2, "Killable child processes per server worker that run SPARQL queries (their concurrency).", int),
    Setting(
        "query-processes-idle", 1,
        "Of those, how many stay started while no query comes (ready at once); the others stop after a minute "
        "idle and start again (milliseconds) when queries arrive together. 0 keeps none.", int,
    ),
    Setting(
        "access-log", True,
        "Write one line per request to standard output (gunicorn's access log); off saves a little CPU per request.", flag,
    ),
    Setting("reload-check-seconds", 2.0, "How often the server checks whether a new build landed in the data directory.", float),
    Setting("max-query-bytes", 100_000, "Longest SPARQL query text accepted, in UTF-8 bytes (413 beyond); checking a query costs time in proportion.", int),
    Setting("query-memory-mb", 1024, "Megabytes of memory each SPARQL query process may use (an OS limit); a query needing more is stopped and answered 503. 0: unlimited.", int),
    Setting("query-queue", 2, "SPARQL queries that may wait for a free query process, per server worker; beyond, 503 at once with Retry-After.", int),
    Setting("query-queue-seconds", 5.0, "Most seconds a SPARQL query waits in that queue before it is answered 503 with Retry-After.", float),
    Setting(
        "query-network-unconfined", False,
        "Accept the risk of running SPARQL queries in processes that can reach the network, where this system allows "
        "neither network namespaces nor seccomp. Off (the default): SPARQL is refused there, with a start-up error.", flag,
    ),
    Setting("max-connections", 1000, "Open connections one server worker holds (idle and slow ones included); "
            "more wait in the listen backlog.", int),
    Setting("request-read-seconds", 10.0, "Seconds a client has to send a request's head, and again its body; "
            "then the connection is closed (head) or answered 408 (body).", float),
    Setting("max-url-bytes", 8192, "Longest request target (path and query) accepted outside /sparql (414 beyond); "
            "a /sparql query in the URL may be as long as max-request-bytes.", int),
    Setting("build-cache", True, "`lod build`: reuse what an earlier build into the same output folder made of unchanged "
            "documents and dump chunks (kept in `.{output}.cache/` beside it). Off (or `--no-cache`): a full build.", flag),
    Setting("max-pages", 2000, "`lod build`: a document with more pages (PDF) is refused and reported, not published.", int),
    Setting("document-seconds", 120.0, "`lod build`: seconds one document may take to parse, or to map and validate; "
            "beyond, it is refused and reported.", float),
    Setting("document-memory-mb", 2048, "`lod build`: memory (MB) a build worker may use for one document; "
            "beyond, the document is refused and reported.", int),
    Setting(
        "store", "",
        "HTTP root of an external SPARQL engine to serve from (e.g. http://127.0.0.1:8890 for Virtuoso); empty: "
        "the embedded store built from the data directory; a directory: a pyoxigraph store loaded there. "
        "`lod publish --to` loads a build into an engine.", str,
    ),
    Setting("engine", "virtuoso", "Kind of the external engine at `store` / `lod publish --to`: virtuoso, oxigraph, "
            "or sparql (any SPARQL 1.1 endpoint, `store` being its query URL; serving only).", str),
    Setting("store-dir", "", "Directory of the server's on-disk SPARQL store (one subdirectory per build); empty: .{data}.store next to the data directory.", str),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


def resolve(name: str, override: Any = None) -> Any:
    """The value in force: an explicit override, else the environment variable, else the default."""
    s = _BY_NAME[name]
    if override is not None:
        return override
    raw = os.environ.get(s.env)
    return s.type(raw) if raw is not None else s.default
