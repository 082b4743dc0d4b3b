"""The `Engine` interface and the HTTP client every engine shares (connection reuse, timeouts,
errors that name the engine and the request, never the credentials)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, ClassVar
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase, HTTPDigestAuth

from lod.engines.wire import QueryClient

ENV_USER = "LOD_ENGINE_USER"
ENV_PASSWORD = "LOD_ENGINE_PASSWORD"

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for the engine to accept a connection: a down engine is reported at once."""
SEND_TIMEOUT = 120.0
"""Seconds a write may wait for the engine to take the next part of its body: requests applies
the connect timeout while a body is sent, and a busy engine parsing a large graph reads slowly."""

MERGED_GRAPH = "/graph/merged"
"""After the base: the graph `lod publish` fills with the build's RDF merge (dumps/lod.nt.gz),
and `lod serve --store` names as the default graph of every query that names none. An engine's
own default graph is the union of all its graphs (its system graphs too), in which a triple of
several documents (a cited work's label) counts once per document; the merge counts it once,
as the embedded store's default graph does."""
PUBLISHED_GRAPH = "/graph/published"
"""After the base: `lod publish`'s record of the SHA-256 of every graph it sent."""
DATASET_GRAPH = "/graph/dataset"
"""After the base: the dataset description (void.ttl) as a graph of the engine."""


class EngineError(Exception):
    """The engine refused, failed or could not be reached; the message says which request and why."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = ""

    def __repr__(self) -> str:  # never print the password, even in a traceback
        return f"Credentials(user={self.user!r}, password=***)"


def credentials_from_env() -> Credentials | None:
    user = os.environ.get(ENV_USER)
    return Credentials(user, os.environ.get(ENV_PASSWORD, "")) if user else None


class Engine:
    """One SPARQL engine at `url` (its HTTP root, e.g. http://127.0.0.1:8890).

    Subclasses name their endpoints and may override `auth`, `check_security`, `bulk_load`
    and `text_filter`; everything else is the standard protocols.
    """

    name: ClassVar[str] = "generic"
    query_path: ClassVar[str] = "/sparql"
    update_path: ClassVar[str] = "/sparql"
    graph_store_path: ClassVar[str] = "/sparql-graph-crud"
    graph_param: ClassVar[str] = "graph"
    text_index: ClassVar[bool] = False
    """Whether `text_filter` uses a real full-text index (else a FILTER that scans every text)."""
    integer_booleans: ClassVar[bool] = False
    """Whether the engine writes computed booleans as the integers 0/1 (lod.store.booleans)."""
    session_headers: ClassVar[dict[str, str]] = {}
    """Headers of every request to this engine (what keeps its connections alive, for one)."""

    def __init__(self, url: str, credentials: Credentials | None = None, timeout: float = 300.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EngineError(f"{url!r} is not an http(s) URL of a SPARQL engine")
        self.url = url.rstrip("/")
        self.credentials = credentials
        self.timeout = timeout
        self.session = requests.Session()  # one connection pool: keep-alive across requests
        # the environment's proxy settings for this one URL, read once: left to requests, every
        # request scanned the whole environment (proxies, no_proxy) and looked for ~/.netrc,
        # a third of lod's own CPU on a millisecond query (credentials come from LOD_ENGINE_*)
        self.session.proxies = requests.utils.get_environ_proxies(self.url)
        self.session.trust_env = False
        self.session.auth = self.auth()
        self.session.headers.update(self.session_headers)
        self.reads = QueryClient(self.url, self.session_headers, self.session)
        """The read path (lod.engines.wire): queries without requests' machinery."""

    # --- what differs between engines --------------------------------------------------------

    def auth(self) -> AuthBase | None:
        if self.credentials is None:
            return None
        return HTTPDigestAuth(self.credentials.user, self.credentials.password)

    def check_security(self) -> None:
        """Refuse to write to an engine left with a default password (Virtuoso's dba/dba)."""

    def authenticate(self) -> None:
        """Answer the engine's authentication challenge once with a tiny request, so that the
        session sends its credentials up front with every large write: Virtuoso cuts the
        connection when it challenges a request whose body it has not read (a graph of MBs)."""
        if self.credentials is not None:
            self._request("POST", self.update_path, "authentication", data={"query": "ASK {}"},
                          headers={"Accept": "application/sparql-results+json"})

    def query_params(self, timeout: float) -> dict[str, str]:
        """Protocol parameters that make the engine itself stop a query after `timeout` seconds
        (none by default: the engine's configured limit and the HTTP timeout apply)."""
        return {}

    def merge_graph(self, base: str) -> str | None:
        """Where `lod publish` puts the build's RDF merge: the named graph `{base}/graph/merged`
        (MERGED_GRAPH), or None for the engine's own default graph where it keeps one apart from
        its named graphs (the Oxigraph server without --union-default-graph)."""
        return base.rstrip("/") + MERGED_GRAPH

    def with_default_graph(self, sparql: str, graph: str) -> str:
        """The query made to read `graph` as its default graph while every named graph stays
        visible to GRAPH ?g (the protocol's default-graph-uri would hide the named graphs)."""
        raise NotImplementedError(f"{self.name}: no way to choose the default graph of a query")

    def text_filter(self, variable: str, words: list[str]) -> str:
        """A graph-pattern fragment that keeps the solutions where `variable` holds every word.
        The words are passed as data by the caller (bound values), never pasted: this returns
        SPARQL over the placeholders ?_w0, ?_w1 … which the caller binds."""
        return " ".join(f"FILTER(CONTAINS(LCASE(STR(?{variable})), LCASE(?_w{i})))" for i in range(len(words)))

    # --- the standard protocols --------------------------------------------------------------

    @property
    def query_url(self) -> str:
        return self.url + self.query_path

    def _request(self, method: str, path: str, what: str, **kwargs: object) -> requests.Response:
        try:
            connect = SEND_TIMEOUT if method in ("PUT", "POST") and path == self.graph_store_path else CONNECT_TIMEOUT
            response = self.session.request(method, self.url + path, timeout=(connect, self.timeout), **kwargs)  # type: ignore[arg-type]
        except requests.ConnectionError as exc:
            raise EngineError(f"{self.name} at {self.url} cannot be reached ({what}): {_reason(exc)}") from None
        except requests.Timeout:
            raise EngineError(f"{self.name} at {self.url} did not answer within {self.timeout:g} s ({what})") from None
        except requests.RequestException as exc:  # a connection cut mid-answer (engine stopped)
            raise EngineError(f"{self.name} at {self.url} broke off the answer ({what}): {_reason(exc)}") from None
        if response.status_code == 401:
            raise EngineError(f"{self.name} at {self.url} refused the credentials ({what}); set {ENV_USER} and {ENV_PASSWORD}")
        if response.status_code >= 400:
            body = response.text.strip().splitlines()
            raise EngineError(f"{self.name} at {self.url} answered {response.status_code} to {what}: {' '.join(body[:3])[:300]}")
        return response

    def _graph_params(self, graph: str | None) -> dict[str, str]:
        return {"default": ""} if graph is None else {self.graph_param: graph}

    def put_graph(self, graph: str | None, ntriples: bytes) -> None:
        """Replace named graph `graph` (None: the default graph) with these triples (Graph Store Protocol PUT)."""
        self._request("PUT", self.graph_store_path, f"PUT graph {graph or 'default'}", params=self._graph_params(graph),
                      data=ntriples, headers={"Content-Type": "application/n-triples"})

    def add_to_graph(self, graph: str | None, ntriples: bytes) -> None:
        """Add these triples to named graph `graph` (None: the default graph) (Graph Store Protocol POST)."""
        self._request("POST", self.graph_store_path, f"POST to graph {graph or 'default'}",
                      params=self._graph_params(graph), data=ntriples, headers={"Content-Type": "application/n-triples"})

    def drop_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{_iri(graph)}>")

    def update(self, sparql: str) -> None:
        self._request("POST", self.update_path, "a SPARQL update", data=sparql.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update"})

    def select(self, sparql: str) -> list[dict[str, str]]:
        """The rows of a SELECT as {variable: value} (SPARQL JSON results, which every engine writes
        alike; Virtuoso's TSV quotes IRIs like strings)."""
        response = self._request("POST", self.query_path, "a SPARQL query", data={"query": sparql},
                                 headers={"Accept": "application/sparql-results+json"})
        try:
            bindings = response.json()["results"]["bindings"]
        except (ValueError, KeyError) as exc:
            raise EngineError(f"{self.name} at {self.url} answered a SELECT with something else than SPARQL JSON results") from exc
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]

    def index_text(self) -> bool:
        """Bring the engine's full-text index up to date with what was loaded, where that needs
        a step of its own; False: nothing to do or not reachable from here."""
        return False

    def bulk_load(self, files: dict[str, str]) -> bool:
        """Load many graphs at once by the engine's own loader, if it has one reachable from here
        ({graph IRI: N-Triples file path}); False means "not available: use put_graph"."""
        return False


def _iri(value: str) -> str:
    """An IRI of our own build, checked before it is written between angle brackets."""
    if any(c in value for c in '<>"{}|^`\\ \n\r\t'):
        raise EngineError(f"not an IRI: {value!r}")
    return value


def _reason(exc: Exception) -> str:
    text = str(exc)
    for known in ("Connection refused", "Name or service not known", "timed out", "Connection reset"):
        if known in text:
            return known
    return text.split(":")[-1].strip()[:200]


ENGINES: dict[str, Callable[..., Engine]] = {}


def register(cls: type[Engine]) -> type[Engine]:
    ENGINES[cls.name] = cls
    return cls


@register
class SparqlEndpoint(Engine):
    """Any SPARQL 1.1 Protocol endpoint, its URL the query endpoint itself (another `lod serve`)."""

    name: ClassVar[str] = "sparql"
    query_path: ClassVar[str] = ""


def open_engine(url: str, kind: str, credentials: Credentials | None = None, timeout: float = 300.0) -> Engine:
    from lod.engines import oxigraph_server, virtuoso  # noqa: F401 - they register themselves

    if kind not in ENGINES:
        raise EngineError(f"unknown engine {kind!r}: one of {', '.join(sorted(ENGINES))}")
    return ENGINES[kind](url, credentials if credentials is not None else credentials_from_env(), timeout)
