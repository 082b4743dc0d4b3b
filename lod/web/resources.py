"""Dereferencing: every IRI we mint answers on this server (W3C "Cool URIs", 303 pattern).

    {work}, {work}/eng@, {work}/!main      303 → {work}/data.{ext}, ext chosen by Accept
    {work}/data.{ttl,jsonld,rdf,nt,html}   200, the description (document graph + incoming links)
    any other IRI on our base              303 → /resource.{ext}?iri=…
    /resource?iri=…                        200 by Accept (Vary), Content-Location /resource.{ext}?iri=…
    /symbol/A/RES/70/174                   303 → the work; 404 with a search link when unknown

Paragraph IRIs are hash IRIs (`{work}/!main#para_8`): the browser keeps the fragment across the
303 and the HTML page has an anchor with that id.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, redirect, render_template, request
from rdflib import Literal, URIRef

from lod.uri import IRIError, WorkIRI
from lod.web import conneg, queries
from lod.web.conneg import BY_EXT, HTML, RESOURCE_FORMATS, Format
from lod.web.describe import describe_resource, describe_work, serialize
from lod.web.render import resource_page, work_page
from lod.web.runtime import runtime

bp = Blueprint("resources", __name__)
DATA = "data"


def not_acceptable() -> Response:
    return Response(conneg.not_acceptable_message(RESOURCE_FORMATS) + "\n", status=406, mimetype="text/plain")


def alternates(path: str, query: str = "") -> list[tuple[str, Format]]:
    """(url, format) of every representation of a description at `path` (…/data or /resource)."""
    return [(f"{path}.{f.ext}{query}", f) for f in RESOURCE_FORMATS]


def see_other(location: str) -> Response:
    response = redirect(location, code=303)
    response.vary.add("Accept")
    return response


def _chosen() -> Format | None:
    return conneg.negotiate(request.headers.get("Accept"), RESOURCE_FORMATS)


def represent(graph_or_page: object, fmt: Format, data_path: str, query: str, html: str, **context: object) -> Response:
    """A 200 description in `fmt`, linking its alternates (header and, for HTML, <link>)."""
    alts = alternates(data_path, query)
    if fmt is HTML:
        body = render_template(html, alternates=[(u, f) for u, f in alts if f is not HTML], **context)
        response = Response(body, mimetype="text/html")
    else:
        response = Response(serialize(graph_or_page, fmt), mimetype=fmt.mime)  # type: ignore[arg-type]
    response.headers["Link"] = conneg.link_header([(u, f) for u, f in alts if f is not fmt])
    return response


@bp.route("/akn/<path:rest>")
def akn(rest: str) -> Response:
    rt = runtime()
    path = "/akn/" + rest
    head, _, last = path.rpartition("/")
    if last.startswith(DATA + "."):
        return work_description(head, last[len(DATA) + 1:])
    iri = rt.base + path
    try:
        work = WorkIRI.parse(iri).work()
    except IRIError:
        return other_iri(iri)
    if not rt.store().ask(queries.EXISTS, {"iri": URIRef(work)}):
        abort(404, description=f"No resource {iri} in this dataset.")
    fmt = _chosen()
    if fmt is None:
        return not_acceptable()
    return see_other(f"{work[len(rt.base):]}/{DATA}.{fmt.ext}")


def work_description(work_path: str, ext: str) -> Response:
    rt = runtime()
    fmt = BY_EXT.get(ext)
    if fmt is None:
        abort(404, description=f"No format .{ext}; offered: " + ", ".join(sorted(BY_EXT)))
    work = rt.base + work_path
    try:
        if WorkIRI.parse(work).work() != work:
            abort(404)
    except IRIError:
        abort(404)
    store = rt.store()
    data_path = f"{work_path}/{DATA}"
    graph = describe_work(store, work)
    if len(graph):
        page = work_page(graph, work, rt.base) if fmt is HTML else None
        response = represent(graph, fmt, data_path, "", "work.html", page=page)
    else:
        # a work that is cited here but not published: what we know is who cites it
        graph = describe_resource(store, work)
        if len(graph) == 0:
            abort(404, description=f"No resolution {work} in this dataset.")
        page = resource_page(graph, work, rt.base) if fmt is HTML else None
        response = represent(graph, fmt, data_path, "", "resource.html", page=page)
    response.headers["Content-Location"] = f"{data_path}.{fmt.ext}"
    return response


def other_iri(iri: str) -> Response:
    rt = runtime()
    if not rt.store().ask(queries.EXISTS, {"iri": URIRef(iri)}):
        abort(404, description=f"No resource {iri} in this dataset.")
    fmt = _chosen()
    if fmt is None:
        return not_acceptable()
    return see_other(f"/resource.{fmt.ext}?iri={quote(iri, safe='')}")


@bp.route("/resource")
@bp.route("/resource.<ext>")
def resource(ext: str | None = None) -> Response:
    rt = runtime()
    iri = request.args.get("iri", "").strip()
    if not iri:
        abort(400, description="give the IRI to describe: /resource?iri=…")
    if ext is None:
        fmt = _chosen()
        if fmt is None:
            return not_acceptable()
    else:
        fmt = BY_EXT.get(ext) or abort(404)
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        abort(400, description="not an IRI")
    try:
        work = WorkIRI.parse(iri)
        if iri.startswith(rt.base + "/"):
            return see_other(f"{work.work()[len(rt.base):]}/{DATA}.{fmt.ext}")
    except IRIError:
        pass
    graph = describe_resource(rt.store(), iri)
    if len(graph) == 0:
        abort(404, description=f"Nothing is known about {iri} here.")
    query = "?iri=" + quote(iri, safe="")
    page = resource_page(graph, iri, rt.base) if fmt is HTML else None
    response = represent(graph, fmt, "/resource", query, "resource.html", page=page)
    response.headers["Content-Location"] = f"/resource.{fmt.ext}{query}"
    if ext is None:
        response.vary.add("Accept")
    return response


@bp.route("/symbol/<path:symbol>")
def symbol(symbol: str) -> Response:
    """A UN document symbol → its work (303). The symbol is bound as a literal, never pasted."""
    rt = runtime()
    wanted = " ".join(symbol.split())
    rows = rt.store().select(queries.SYMBOL_TO_WORK, {"symbol": Literal(wanted)})
    if not rows:
        response = Response(render_template("symbol_404.html", symbol=wanted), status=404, mimetype="text/html")
        return response
    work = str(rows[0]["work"])
    location = work[len(rt.base):] if work.startswith(rt.base + "/") else work
    return see_other(location)
