"""`/search` answered without Flask's request machinery, from one reader per worker, with an
LRU of answers.

Under 8 clients most of a search's server CPU was not tantivy's: Flask's request and app
contexts, hooks and the JSON encoding cost about as much as the search (docs/benchmarks.md,
"Full-text search"). So the request is read here from a plain werkzeug `Request`, by the same
functions for the Flask view (lod.web.search, which adds the HTML page) and for `LeanSearch`,
the WSGI app `lod serve` answers `GET /search` in JSON with (the HTML page, a path prefix, a
too long URL and any failure go to the Flask app). Both finish with `finish_response`, so
their status, headers and bytes are the same (tests/test_search_lean.py).

`Searches` owns the index reader of the build being served (one per worker process, shared by
its threads) and `AnswerCache`, its last `search-cache` answers keyed by the question (words,
facets, page, size) and the index's version: a new build is a new folder, a new version, and
the cache is emptied. A cached answer is not charged to the client's budget: it costs a dict
lookup, like a dereference. Searches served by an engine (Virtuoso) are never cached: lod
cannot tell when `lod publish` changed what the engine holds.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import orjson
from cachetools import LRUCache
from flask import Flask, Response
from markupsafe import Markup, escape
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Request

from lod import formats
from lod.describe.linker import Linker
from lod.engines.search import EngineSearch
from lod.search import (FACET_NAMES, FACETS, INDEX_FILE, MARK_END, MARK_START, PART_LABELS, SearchError,
                        SearchIndex, SearchResult, SearchTimeout)
from lod.web.budget import OverBudget
from lod.web.http import finish_response, gzip_body, gzip_wanted, oversized_target
from lod.web.runtime import Runtime

HTML, JSON = formats.HTML.mime, formats.JSON.mime
"""The media types /search answers in (lod.formats)."""
PATH = "/search"
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_PAGE = 50
"""Deepest page served: ranked search is for reading the best hits, not for harvesting (the dumps are)."""
PARAMETERS = frozenset({"q", "page", "size", "format"}) | FACET_NAMES
log = logging.getLogger(__name__)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    response = Response(f"{status}: {message}\n", status=status, mimetype="text/plain")
    response.headers.update(headers or {})
    return response


def negotiated(response: Response) -> Response:
    response.vary.add("Accept")
    return response


@dataclass(frozen=True)
class Question:
    """What a request to /search asks, read and checked: the cache's key without the format."""

    fmt: str
    q: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    """(facet, values as given) in FACETS order: the same question gives the same key."""
    page: int
    size: int

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.q, self.filters, self.page, self.size)

    @property
    def empty(self) -> bool:
        return not self.q.strip() and not self.filters


def _choose(req: Request) -> str | None:
    """`format=json|html`, else the Accept header; browsers get HTML, everyone else JSON."""
    wanted = req.args.get("format", "").strip().lower()
    if wanted in ("json", JSON):
        return JSON
    if wanted in ("html", HTML):
        return HTML
    if wanted:
        return None
    header = req.headers.get("Accept", "")
    if not header.strip():
        return JSON
    return parse_accept_header(header, MIMEAccept).best_match([JSON, HTML])


def _number(req: Request, name: str, default: int, lowest: int, highest: int) -> int:
    raw = req.args.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or not lowest <= int(raw) <= highest:
        raise SearchError(f"{name} must be a whole number from {lowest} to {highest}, not {raw[:40]!r}")
    return int(raw)


def question(req: Request) -> Question | Response:
    """The question `req` asks, or the 406 or 400 saying why it cannot be asked."""
    fmt = _choose(req)
    if fmt is None:
        return error(406, f"offered here: {JSON} (format=json), {HTML} (format=html)")
    unknown = sorted(set(req.args) - PARAMETERS)
    if unknown:
        return error(400, f"unknown parameter {unknown[0][:60]!r}; use q, page, size, format and the facets: "
                     + ", ".join(f.name for f in FACETS))
    filters = tuple((f.name, tuple(values)) for f in FACETS if (values := req.args.getlist(f.name)))
    try:
        page = _number(req, "page", 1, 1, MAX_PAGE)
        size = _number(req, "size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    except SearchError as exc:
        return error(400, str(exc))
    return Question(fmt, req.args.get("q", ""), filters, page, size)


@dataclass
class Answer:
    """A search's answer: the JSON, which is also what the page shows (`view()`). Kept as bytes
    and not as the dict they are made from: in the cache, 24 kB an answer against 68 kB with the dict (N = 3,000, tracemalloc)."""

    body: bytes
    total: int
    _gzipped: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, shown: dict[str, Any]) -> Answer:
        return cls(orjson.dumps(shown) + b"\n", shown["total"])

    def view(self) -> dict[str, Any]:
        """What the page shows (lod.web.search's template)."""
        return orjson.loads(self.body)  # type: ignore[no-any-return]

    @property
    def gzipped(self) -> bytes:
        """The JSON gzip-encoded as `finish_response` would (deterministic), once (a benign race:
        two threads may both encode it)."""
        if self._gzipped is None:
            self._gzipped = gzip_body(self.body)
        return self._gzipped


def json_response(answer: Answer, req: Request) -> Response:
    """The JSON, gzip-encoded already when `req` asks for it (the answer keeps its encoding, where
    `finish_response` would compress a cached answer again on every request)."""
    response = Response(answer.body, mimetype=JSON)
    response.headers["X-Result-Count"] = str(answer.total)
    negotiated(response)
    if gzip_wanted(req, answer.body):
        response.set_data(answer.gzipped)
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
    return response


class AnswerCache:
    """The last `size` answers of one index version (cachetools' LRU: least recently asked
    dropped first); a new version empties it. Thread-safe (the worker's threads share it)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._version: object = None
        self._answers: LRUCache[tuple[Any, ...], Answer] = LRUCache(maxsize=max(1, size))
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def _at(self, version: object) -> None:
        if version != self._version:
            self._answers.clear()
            self._version = version

    def get(self, version: object, key: tuple[Any, ...]) -> Answer | None:
        if not self.size:
            return None
        with self._lock:
            self._at(version)
            return self._answers.get(key)

    def put(self, version: object, key: tuple[Any, ...], answer: Answer) -> None:
        if not self.size:
            return
        with self._lock:
            self._at(version)
            self._answers[key] = answer


class Searches:
    """The index reader of the build being served and its answers: one per app (worker process).
    A new build (a new index folder: another inode or time) gets a new reader and an empty cache."""

    def __init__(self, rt: Runtime) -> None:
        self.runtime = rt
        self.cache = AnswerCache(rt.config.search_cache)
        self._version: tuple[str, int, int] | None = None
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def current(self) -> tuple[object, SearchIndex | EngineSearch | None]:
        """(version, reader) of the index now served; reader None when the build has none."""
        rt = self.runtime
        if rt.fixed_store is not None or rt.config.store:  # the embedded store has no text index
            store = rt.store()
            if store.capabilities.text_index:  # only an engine's store has one (lod.store.base.Capabilities)
                return None, EngineSearch(store)  # type: ignore[arg-type]
        path = rt.data / INDEX_FILE
        try:
            stat = os.stat(path)
        except OSError:
            return None, None
        version = (str(path), stat.st_ino, stat.st_mtime_ns)
        if version != self._version:
            with self._lock:
                if version != self._version:
                    try:
                        self._index = SearchIndex(path)
                    except FileNotFoundError as exc:  # not an index, or one of another lod version
                        log.warning("%s", exc)
                        return None, None
                    self._version = version
        return version, self._index

    def answer(self, asked: Question, client: str) -> Answer | Response:
        """The answer (from the cache when it has it), or the error to send: 503 without an
        index or past search-timeout, 429 over the client's budget, 400 for a query the index
        cannot take."""
        rt = self.runtime
        version, index = self.current()
        if index is None:
            return error(503, "this build has no search index: rebuild it with `lod build`", {"Retry-After": "60"})
        cacheable = version is not None
        if cacheable and (found := self.cache.get(version, asked.key)) is not None:
            return found
        try:
            with rt.budget.charged(client):
                result = index.search(asked.q, {f: list(v) for f, v in asked.filters}, asked.page, asked.size,
                                      rt.config.search_timeout)
        except OverBudget as exc:
            return error(429, str(exc), {"Retry-After": str(exc.retry_after)})
        except SearchError as exc:
            return error(400, str(exc))
        except SearchTimeout as exc:
            return error(503, str(exc), {"Retry-After": "10"})
        answer = Answer.of(view(result, rt.base))
        if cacheable:
            self.cache.put(version, asked.key, answer)
        return answer


def searches_of(app: Flask) -> Searches:
    """The app's `Searches`, made once (the Flask view and LeanSearch share it)."""
    found = app.extensions.get("lod-searches")
    if found is None:
        found = app.extensions.setdefault("lod-searches", Searches(app.extensions["lod"]))
    return found  # type: ignore[no-any-return]


@lru_cache(maxsize=16384)
def _pair(name: str, value: str) -> str:
    """`name=value` as `urlencode` writes it, once per pair: a page links ~100 facet values, and
    percent-encoding them character by character was most of the view's time (1 of 1.3 ms)."""
    return urlencode([(name, value)])


def _url(params: list[tuple[str, str]]) -> str:
    return PATH + "?" + "&".join(_pair(k, v) for k, v in params) if params else PATH


def _params(result: SearchResult) -> list[tuple[str, str]]:
    """The request's search, as URL parameters in a stable order (page and format left out)."""
    params = [("q", result.q)] if result.q else []
    for facet in FACETS:
        params += [(facet.name, v) for v in result.filters.get(facet.name, [])]
    if result.size != PAGE_SIZE:
        params.append(("size", str(result.size)))
    return params


def marked(snippet: str) -> Markup:
    """The passage HTML-escaped, then its matched words in <mark>."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def view(result: SearchResult, base: str) -> dict[str, Any]:
    """What both the JSON and the page show: hits with their links, facets with theirs."""
    linker = Linker(base)
    params = _params(result)
    hits = [{
        "iri": h.iri, "href": linker.href(h.iri), "label": h.label, "part": h.part,
        "document": {"iri": h.work, "href": linker.href(h.work), "symbol": h.symbol, "title": h.title, "date": h.date},
        "snippet": h.snippet.replace(MARK_START, "").replace(MARK_END, ""),
        "snippet_html": str(marked(h.snippet)),
    } for h in result.hits]
    here = _url(params)
    joiner = "&" if params else "?"
    facets = {}
    for name, values in result.facets.items():
        facets[name] = [{
            "value": v.value, "label": PART_LABELS.get(v.value, v.label) if name == "part" else v.label,
            "count": v.count, "selected": v.selected,
            # adding a value appends one parameter to this search's URL (encoded once, not per link)
            "href": _url([p for p in params if p != (name, v.value)]) if v.selected
            else f"{here}{joiner}{_pair(name, v.value)}",
        } for v in values]
    pages = -(-result.total // result.size)
    last = min(pages, MAX_PAGE)
    return {
        "q": result.q, "filters": result.filters, "total": result.total, "counts_exact": result.counts_exact,
        "page": result.page, "page_size": result.size, "results": hits, "facets": facets,
        "previous": _url(params + [("page", str(result.page - 1))]) if result.page > 1 else None,
        "next": _url(params + [("page", str(result.page + 1))]) if result.page < last else None,
        "json": _url(params + [("format", "json")]),
    }


class LeanSearch:
    """A WSGI app: `GET /search` in JSON (and its 400, 406, 429, 503) answered directly, every
    other request by `app` (the Flask app), as it always was."""

    def __init__(self, app: Flask, exempt_path: str) -> None:
        self.app = app
        self.runtime: Runtime = app.extensions["lod"]
        self.searches = searches_of(app)
        self.exempt_path = exempt_path

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        response = self.answer(Request(environ))
        if response is None:
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        return response(environ, start_response)  # type: ignore[no-any-return]

    def answer(self, req: Request) -> Response | None:
        """The finished answer to `req`, or None when it is the Flask app's to give."""
        rt = self.runtime
        if req.method not in ("GET", "HEAD") or req.script_root or req.path != PATH:
            return None
        if oversized_target(req, rt.config.max_url_bytes, self.exempt_path) is not None:
            return None  # Flask's before-request hook says 414
        try:
            asked = question(req)
            if isinstance(asked, Response):
                response = asked
            elif asked.fmt != JSON:
                return None  # the page is a template: Flask renders it
            else:
                found = self.searches.answer(asked, req.remote_addr or "unknown")
                response = found if isinstance(found, Response) else json_response(found, req)
        except Exception:  # noqa: BLE001 - Flask runs it again, answers 500 and logs the traceback
            log.debug("lean search handed %s to Flask after an error", req.full_path, exc_info=True)
            return None
        return finish_response(response, rt.config, rt.last_modified(), req)
