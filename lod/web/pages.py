"""HTML pages that are not descriptions of one resource: home, document list, sponsors, treaties.

Plain server-rendered HTML (Jinja autoescape), readable without JavaScript. Every page links its
machine-readable alternates, and the dataset description at /.well-known/void.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

from flask import Blueprint, Response, render_template, request
from rdflib import Graph, URIRef
from rdflib.term import Node

from lod import output
from lod.store import Store
from lod.store.base import bind_values
from lod.web import conneg, queries
from lod.formats import CSV, SPARQL_JSON, Format
from lod.describe.paths import browse_path
from lod.describe.page import Link, Linker
from lod.lists import BuiltLists
from lod.web.lists import document_lists
from lod.web.resources import other_iri
from lod.web.runtime import runtime

bp = Blueprint("pages", __name__)
log = logging.getLogger(__name__)


def from_store(build: Callable[[Store], Response]) -> Response:
    """A page made from the store in use (browse pages query it; descriptions never do)."""
    return build(runtime().store())


def exists(store: Store, iri: str) -> bool:
    """Whether the data mentions `iri` (bound as a value, never pasted)."""
    return bool(store.ask(queries.EXISTS, {"iri": URIRef(iri)}))


def page(template: str, **context: object) -> Response:
    return Response(render_template(template, **context), mimetype="text/html")


def query_alternates(sparql: str, bindings: dict[str, Node]) -> list[tuple[str, Format]]:
    """A page without an IRI of its own (a session, a listing) offers its query's answer as data."""
    text = bind_values(sparql, bindings)
    return [(f"/sparql?{urlencode({'query': text, 'format': fmt})}", f)
            for fmt, f in (("json", SPARQL_JSON), ("csv", CSV))]


def alternate_page(template: str, alternates: list[tuple[str, Format]], **context: object) -> Response:
    """A page that links its machine-readable alternates, in `<link>`s and the Link header."""
    response = Response(render_template(template, alternates=alternates, **context), mimetype="text/html")
    response.headers["Link"] = conneg.link_header(alternates)
    return response


def _newest_rows() -> list[dict[str, str]]:
    """The newest documents: the build's list (lod.publish.newest), else asked of the store (which
    is only opened then: a page made from the build's files needs none)."""
    rt = runtime()
    rows = output.read_newest(rt.data)
    if rows is None:
        rows = [{k: str(v) for k, v in row.items()} for row in rt.store().select(queries.DOCUMENTS)]
    return rows


def _document_links(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Rows of work, symbol, title and date as the document tables show them."""
    linker = Linker(runtime().base, Graph())
    return [{"link": Link(linker.href(row["work"]), row.get("symbol") or linker.label(URIRef(row["work"])), row["work"]),
             "symbol": row.get("symbol", ""), "title": row.get("title", ""), "date": row.get("date", "")}
            for row in rows]


@bp.route("/")
def home() -> Response:
    rt = runtime()
    documents, triples = _published_counts(rt.data) or _counted(rt.store())
    return page(
        "home.html",
        documents=_document_links(_newest_rows()[:25]),
        total_documents=documents,
        total_triples=triples,
        base=rt.base,
    )


def _published_counts(data: Path) -> tuple[int, int] | None:
    """The build's own counts (report.json: documents published, distinct triples). Counting
    every triple of the store at each view of the home page costs seconds at 10 M triples."""
    try:
        report = json.loads((data / output.REPORT).read_text(encoding="utf-8"))
        return int(report["published"]), int(report["triples"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _counted(store: Store) -> tuple[int, int]:
    """Counts from the store, for data served without a build report."""
    counts = store.select(queries.COUNTS)
    return (int(counts[0]["documents"]), int(counts[0]["triples"])) if counts else (0, 0)


PAGE_SIZE = 100
"""Documents per page of /documents."""


@bp.route("/documents")
def documents() -> Response:
    """Every document, newest first, a page at a time (`page`), optionally those whose symbol or
    title holds `q` (bound as a value in SQLite, or matched in Python: nothing reaches SPARQL)."""
    rt = runtime()
    q = " ".join(request.args.get("q", "").split())
    number = max(1, request.args.get("page", 1, type=int) or 1)
    found = _built_page(rt.data, q, number)
    if found is None:  # data without the build's lists (or with a damaged file): the newest 500
        folded = q.casefold()
        rows = [r for r in _newest_rows()
                if folded in r.get("symbol", "").casefold() or folded in r.get("title", "").casefold()]
        found = len(rows), rows[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
    total, rows = found
    docs = _document_links(rows)
    pages = max(1, -(-total // PAGE_SIZE))
    around = {"previous": number - 1 if number > 1 else None, "next": number + 1 if number < pages else None}
    links = {rel: "/documents?" + urlencode({**({"q": q} if q else {}), "page": n}) for rel, n in around.items() if n}
    return page("documents.html", documents=docs, q=request.args.get("q", ""), total=total, number=number,
                pages=pages, first=(number - 1) * PAGE_SIZE + 1, links=links)


def _built_page(data: Path, words: str, number: int) -> tuple[int, list[dict[str, str]]] | None:
    """(how many, page `number` of them) of the works in the build's lists; None where it wrote
    none or SQLite cannot read the file (the reason logged)."""
    built = BuiltLists.of(data)
    if built is None:
        return None
    try:
        return built.documents(words, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    except sqlite3.DatabaseError as exc:
        log.warning("%s cannot be read (%s): /documents lists the newest documents", built.path, exc)
        return None


def _listing(name: str, key: str) -> list[dict[str, object]]:
    """A listing's rows (lod.lists.LISTINGS: the build's lists, else the store) as links and counts."""
    rt = runtime()
    linker = Linker(rt.base, Graph())
    out = []
    for row in document_lists(rt).listing(name):
        node = row[key]
        label = str(row.get("label") or linker.label(URIRef(str(node))))
        href = browse_path(str(node), rt.base) or linker.href(str(node))
        out.append({"link": Link(href, label, str(node)), "documents": int(row.get("documents", 0))})
    return out


@bp.route("/sponsors")
def sponsors() -> Response:
    return alternate_page("listing.html", query_alternates(queries.SPONSORS, {}), title="Sponsors",
                          items=_listing("sponsors", "sponsor"),
                          intro="States and groups named as sponsors of a draft, with the number of documents.")


@bp.route("/treaties")
def treaties() -> Response:
    return alternate_page("listing.html", query_alternates(queries.TREATIES, {}), title="Treaties",
                          items=_listing("treaties", "treaty"),
                          intro="Treaties cited by the documents, with the number of documents citing each.")


@bp.route("/<path:path>")
def fallback(path: str) -> Response:
    """Any other IRI on our base that the data mentions (a State, a body, the dataset) → 303."""
    return other_iri(request, runtime(), f"{runtime().base}/{path}")
