"""HTML pages that are not descriptions of one resource: home, document list, sponsors, treaties.

Plain server-rendered HTML (Jinja autoescape), readable without JavaScript. Every page links its
machine-readable alternates, and the dataset description at /.well-known/void.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from rdflib import Graph, URIRef

from lod.store import Store
from lod.web import queries
from lod.web.paths import browse_path
from lod.web.render import Link, Linker
from lod.web.resources import cached_fact, cached_response, other_iri
from lod.web.runtime import runtime

bp = Blueprint("pages", __name__)


def page(template: str, **context: object) -> Response:
    return Response(render_template(template, **context), mimetype="text/html")


def _documents(store: Store) -> list[dict[str, object]]:
    """The document list, queried once per store version (every listing page starts from it)."""
    return cached_fact(store, ("documents",), lambda: _query_documents(store))  # type: ignore[no-any-return]


def _query_documents(store: Store) -> list[dict[str, object]]:
    rt = runtime()
    rows = store.select(queries.DOCUMENTS)
    linker = Linker(rt.base, Graph())
    docs = []
    for row in rows:
        work = row["work"]
        docs.append({
            "link": Link(linker.href(str(work)), str(row.get("symbol") or linker.label(work)), str(work)),
            "symbol": str(row.get("symbol", "")),
            "title": str(row.get("title", "")),
            "date": str(row.get("date", "")),
        })
    return docs


@bp.route("/")
def home() -> Response:
    return cached_response(("page", "home"), _home)


def _home(store: Store) -> Response:
    rt = runtime()
    counts = store.select(queries.COUNTS)
    documents = _documents(store)
    return page(
        "home.html",
        documents=documents[:25],
        total_documents=int(counts[0]["documents"]) if counts else 0,
        total_triples=int(counts[0]["triples"]) if counts else 0,
        base=rt.base,
    )


@bp.route("/documents")
def documents() -> Response:
    """Every document, optionally filtered by `q` (matched in Python: nothing reaches SPARQL)."""
    q = " ".join(request.args.get("q", "").split()).lower()
    docs = _documents(runtime().store())
    if q:
        docs = [d for d in docs if q in str(d["symbol"]).lower() or q in str(d["title"]).lower()]
    return page("documents.html", documents=docs, q=request.args.get("q", ""))


def _listing(store: Store, query: str, key: str) -> list[dict[str, object]]:
    rt = runtime()
    linker = Linker(rt.base, Graph())
    out = []
    for row in store.select(query):
        node = row[key]
        label = str(row.get("label") or linker.label(URIRef(str(node))))
        href = browse_path(str(node), rt.base) or linker.href(str(node))
        out.append({"link": Link(href, label, str(node)), "documents": int(row.get("documents", 0))})
    return out


@bp.route("/sponsors")
def sponsors() -> Response:
    return cached_response(("page", "sponsors"), lambda store: page(
        "listing.html", title="Sponsors", items=_listing(store, queries.SPONSORS, "sponsor"),
        intro="States and groups named as sponsors of a draft, with the number of documents."))


@bp.route("/treaties")
def treaties() -> Response:
    return cached_response(("page", "treaties"), lambda store: page(
        "listing.html", title="Treaties", items=_listing(store, queries.TREATIES, "treaty"),
        intro="Treaties cited by the documents, with the number of documents citing each."))


@bp.route("/<path:path>")
def fallback(path: str) -> Response:
    """Any other IRI on our base that the data mentions (a State, a body, the dataset) → 303."""
    return other_iri(f"{runtime().base}/{path}")
