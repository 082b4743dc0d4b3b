"""Full-text search over the build's index, `/search` (HTML and JSON) and `/opensearch.xml`.

Served with the SPARQL endpoint's limits: each search is charged to its client's budget
(lod.web.budget: searches at once and seconds per minute, 429 beyond), stopped at
`search-timeout` (503), and answers at most `MAX_PAGE_SIZE` hits a page and `MAX_PAGE` pages.
A query the index cannot take (too long, nothing to search for, an unknown facet or parameter)
is a 400 saying why. The words people type never become FTS5 syntax (lod.search.query).
The web layer only reads the index; lod.search and `lod build` make it.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from markupsafe import Markup, escape
from rdflib import Graph
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from lod import formats
from lod.search import (FACET_NAMES, FACETS, INDEX_FILE, MARK_END, MARK_START, MAX_QUERY_CHARS, PART_LABELS,
                        SearchError, SearchIndex, SearchResult, SearchTimeout)
from lod.engines.search import EngineSearch
from lod.web.budget import OverBudget
from lod.describe.page import Linker
from lod.web.runtime import runtime

bp = Blueprint("search", __name__)

HTML, JSON = formats.HTML.mime, formats.JSON.mime
"""The media types /search answers in (lod.formats)."""
OPENSEARCH = "application/opensearchdescription+xml"
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_PAGE = 50
"""Deepest page served: ranked search is for reading the best hits, not for harvesting (the dumps are)."""
PARAMETERS = frozenset({"q", "page", "size", "format"}) | FACET_NAMES


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    response = Response(f"{status}: {message}\n", status=status, mimetype="text/plain")
    response.headers.update(headers or {})
    return response


def _choose() -> str | None:
    """`format=json|html`, else the Accept header; browsers get HTML, everyone else JSON."""
    wanted = request.args.get("format", "").strip().lower()
    if wanted in ("json", JSON):
        return JSON
    if wanted in ("html", HTML):
        return HTML
    if wanted:
        return None
    header = request.headers.get("Accept", "")
    if not header.strip():
        return JSON
    return parse_accept_header(header, MIMEAccept).best_match([JSON, HTML])


def _index() -> SearchIndex | EngineSearch | None:
    """The index of the build being served; a new build (a new file) gets a new reader. Served
    from an engine with a full-text index (Virtuoso), search goes through the engine instead."""
    store = runtime().store()
    if store.capabilities.text_index:  # only an engine's store has one (lod.store.base.Capabilities)
        return EngineSearch(store)  # type: ignore[arg-type]
    path = runtime().data / INDEX_FILE
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (str(path), stat.st_ino, stat.st_mtime_ns)
    cache: dict[str, Any] = current_app.extensions.setdefault("lod-search", {})
    if cache.get("key") != key:
        cache["key"], cache["index"] = key, SearchIndex(path)
    return cache["index"]  # type: ignore[no-any-return]


def _number(name: str, default: int, lowest: int, highest: int) -> int:
    raw = request.args.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or not lowest <= int(raw) <= highest:
        raise SearchError(f"{name} must be a whole number from {lowest} to {highest}, not {raw[:40]!r}")
    return int(raw)


@bp.route("/search")
def search() -> Response:
    rt = runtime()
    fmt = _choose()
    if fmt is None:
        return _error(406, f"offered here: {JSON} (format=json), {HTML} (format=html)")
    unknown = sorted(set(request.args) - PARAMETERS)
    if unknown:
        return _error(400, f"unknown parameter {unknown[0][:60]!r}; use q, page, size, format and the facets: "
                      + ", ".join(f.name for f in FACETS))
    q = request.args.get("q", "")
    filters = {name: request.args.getlist(name) for name in FACET_NAMES if request.args.getlist(name)}
    try:
        page = _number("page", 1, 1, MAX_PAGE)
        size = _number("size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    except SearchError as exc:
        return _error(400, str(exc))
    if fmt == HTML and not q.strip() and not filters:
        return _negotiated(Response(render_template("search.html", result=None, q="", facets=FACETS)))
    index = _index()
    if index is None:
        return _error(503, "this build has no search index: rebuild it with `lod build`", {"Retry-After": "60"})
    try:
        with rt.budget.charged(request.remote_addr or "unknown"):
            result = index.search(q, filters, page, size, float(rt.config["search-timeout"]))
    except OverBudget as exc:
        return _error(429, str(exc), {"Retry-After": str(exc.retry_after)})
    except SearchError as exc:
        return _error(400, str(exc))
    except SearchTimeout as exc:
        return _error(503, str(exc), {"Retry-After": "10"})
    view = _view(result)
    if fmt == JSON:
        response = jsonify(view)
    else:
        response = Response(render_template("search.html", result=view, q=q, facets=FACETS))
    response.headers["X-Result-Count"] = str(result.total)
    return _negotiated(response)


def _negotiated(response: Response) -> Response:
    response.vary.add("Accept")
    return response


def _url(params: list[tuple[str, str]]) -> str:
    return "/search?" + urlencode(params) if params else "/search"


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


def _view(result: SearchResult) -> dict[str, Any]:
    """What both the JSON and the page show: hits with their links, facets with theirs."""
    rt = runtime()
    linker = Linker(rt.base, Graph())
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
            else f"{here}{joiner}{urlencode([(name, v.value)])}",
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


@bp.route("/opensearch.xml")
def opensearch() -> Response:
    """The OpenSearch description browsers use to add the site's search to their search bar."""
    root = request.url_root.rstrip("/")
    body = render_template("opensearch.xml", root=root, max_chars=MAX_QUERY_CHARS)
    return Response(body, mimetype=OPENSEARCH)
