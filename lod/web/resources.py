"""Dereferencing: every IRI we mint answers on this server (W3C "Cool URIs", 303 pattern).

    {work}, {work}/eng@, {work}/!main      303 → {work}/data.{ext}, ext chosen by Accept
    {work}/fra@ (and the other languages)  303 → {work}/data.html?lang=fr for HTML: the page in it
    {work}/data.{ttl,jsonld,rdf,nt,html}   200, the description the build wrote (lod.describe)
    any other IRI on our base              303 → /resource.{ext}?iri=… (a browser: its browse page)
    /resource?iri=…                        200 by Accept (Vary), Content-Location /resource.{ext}?iri=…
    /symbol/A/RES/70/174                   303 → the work (the build's symbol table); 404 with a search link

Nothing here queries the store: a description is a file of the build (lod.output), sent as it
is (lod.web.files). An IRI with no description answers 404 saying so. Paragraph IRIs are hash
IRIs (`{work}/!main#para_8`): the browser keeps the fragment across the 303 and the HTML page
has an anchor with that id; the paragraph container `{work}/!main` is described by its work.

IRIs that moved (a cited work's approximate date) are answered before these routes by the
moved-IRI table (lod.web.moved, a before-request hook).

The handlers take the request and the runtime as arguments (a werkzeug `Request`, no Flask
global), so that the same code answers as a Flask view and on the lean path of lod.web.fastpath,
from the same route table (`ROUTES`).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from flask import Blueprint, render_template, request
from werkzeug.exceptions import abort
from werkzeug.routing import Map, Rule
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from lod import output
from lod.describe.paths import browse_path
from lod.formats import AKN, BY_EXT, DOCUMENT_FORMATS, HTML, RESOURCE_FORMATS, TURTLE, Format
from lod.languages import TAGS, tag_of
from lod.uri import IRIError, WorkIRI
from lod.web import conneg, manifestations
from lod.web.dumps import send_build_file as send_file
from lod.web.files import SYMBOLS, has_description, send_description
from lod.web.runtime import Runtime, runtime

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


def _chosen(req: Request) -> Format | None:
    return conneg.negotiate(req.headers.get("Accept"), RESOURCE_FORMATS)


def _described(rt: Runtime, iri: str) -> bool:
    """Whether the build wrote a description of `iri` (at its work path or under its hash)."""
    path = output.work_path(iri, rt.base)
    if path is not None and has_description(rt.data, output.work_description(path, TURTLE)):
        return True
    return has_description(rt.data, output.resource_description(iri, TURTLE))


def _with_links(response: Response, alts: list[tuple[str, Format]], fmt: Format, location: str) -> Response:
    response.headers["Link"] = conneg.link_header([(u, f) for u, f in alts if f is not fmt])
    response.headers["Content-Location"] = location
    return response


def akn(req: Request, rt: Runtime, rest: str) -> Response:
    path = "/akn/" + rest
    head, _, last = path.rpartition("/")
    if last.startswith(DATA + "."):
        return work_description(req, rt, head, last[len(DATA) + 1:])
    if manifestations.is_manifestation(path):
        return manifestations.send_manifestation(rt.data, path, send_file)
    iri = rt.base + path
    try:
        parsed = WorkIRI.parse(iri)
        work = parsed.work()
    except IRIError:
        return other_iri(req, rt, iri)
    if not _described(rt, work):
        abort(404, description=f"No resource {iri} in this dataset.")
    fmt = conneg.negotiate(req.headers.get("Accept"), DOCUMENT_FORMATS)
    if fmt is AKN and not parsed.component and not parsed.eid:
        target = manifestations.negotiated_manifestation(rt.data, parsed, rt.base, req)
        if target is not None:
            response = see_other(target)
            response.vary.add("Accept-Language")
            return response
        fmt = _chosen(req)
    if fmt is None or fmt is AKN:
        return not_acceptable()
    # an expression names its language: a person's browser is sent to the page in it (the RDF
    # formats describe the work with every expression, in one file)
    lang = tag_of(parsed.lang) if fmt is HTML else None
    return see_other(f"{work[len(rt.base):]}/{DATA}.{fmt.ext}" + (f"?lang={lang}" if lang else ""))


def work_description(req: Request, rt: Runtime, work_path: str, ext: str) -> Response:
    fmt = BY_EXT.get(ext)
    if fmt is None:
        abort(404, description=f"No format .{ext}; offered: " + ", ".join(sorted(BY_EXT)))
    work = rt.base + work_path
    try:
        if WorkIRI.parse(work).work() != work:
            abort(404)
    except IRIError:
        abort(404)
    path = output.work_path(work, rt.base)
    if path is None:
        abort(404)
    data_path = f"{work_path}/{DATA}"
    response = None
    if fmt is HTML and (lang := page_language(req)) != output.DEFAULT_PAGE_LANGUAGE:
        response = send_description(req, rt.data, output.work_description(path, fmt, lang), fmt)
        if response is not None:  # the page in the language asked (its text and its words)
            response.content_language.add(lang)
    response = response or send_description(req, rt.data, output.work_description(path, fmt), fmt)
    if response is None:
        abort(404, description=f"No resolution {work} in this dataset.")
    if fmt is HTML:
        response.vary.update(("Accept", "Accept-Language"))
    extra = manifestations.akn_alternates(rt.data, WorkIRI.parse(work), rt.base)
    return _with_links(response, alternates(data_path) + extra, fmt, f"{data_path}.{fmt.ext}")


PAGE_LANGUAGES = TAGS
"""The languages a resolution's page is offered in: the six official languages of the UN."""


def page_language(req: Request) -> str:
    """The language asked for: `?lang=` (the page's switch; fr or fra), else the best of the
    browser's Accept-Language, else English."""
    asked = (req.args.get("lang") or "").strip().lower()
    asked = tag_of(asked) or asked
    if asked in PAGE_LANGUAGES:
        return asked
    return req.accept_languages.best_match(PAGE_LANGUAGES, default="en") or "en"


def other_iri(req: Request, rt: Runtime, iri: str) -> Response:
    if not _described(rt, iri):
        abort(404, description=f"No resource {iri} in this dataset (this build describes nothing by that IRI).")
    fmt = _chosen(req)
    if fmt is None:
        return not_acceptable()
    page = browse_path(iri, rt.base) if fmt is HTML else None
    if page is not None:  # a person's browser: the State, treaty or body page (it links the data)
        return see_other(page)
    path = output.work_path(iri, rt.base)
    if path is not None and has_description(rt.data, output.work_description(path, fmt)):
        return see_other(f"/{path}/{DATA}.{fmt.ext}")
    return see_other(f"/resource.{fmt.ext}?iri={quote(iri, safe='')}")


def resource(req: Request, rt: Runtime, ext: str | None = None) -> Response:
    iri = req.args.get("iri", "").strip()
    if not iri:
        abort(400, description="give the IRI to describe: /resource?iri=…")
    if ext is None:
        fmt = _chosen(req)
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
    response = send_description(req, rt.data, output.resource_description(iri, fmt), fmt)
    if response is None:
        abort(404, description=f"Nothing is known about {iri} here.")
    query = "?iri=" + quote(iri, safe="")
    if ext is None:
        response.vary.add("Accept")
    return _with_links(response, alternates("/resource", query), fmt, f"/resource.{fmt.ext}{query}")


Handler = Callable[..., Response]
ROUTES: tuple[tuple[str, Handler], ...] = (
    ("/akn/<path:rest>", akn),
    ("/resource", resource),
    ("/resource.<ext>", resource),
)
"""Dereferencing's routes: the Flask blueprint and the lean path (lod.web.fastpath) both serve these."""
URLS = Map([Rule(rule, endpoint=handler) for rule, handler in ROUTES])


def _view(handler: Handler) -> Handler:
    def view(**arguments: str) -> Response:
        return handler(request._get_current_object(), runtime(), **arguments)  # type: ignore[attr-defined]
    return view


_VIEWS = {handler: _view(handler) for _, handler in ROUTES}
for _rule, _handler in ROUTES:
    bp.add_url_rule(_rule, _handler.__name__, _VIEWS[_handler])


@bp.route("/symbol/<path:symbol>")
def symbol(symbol: str) -> Response:
    """A UN document symbol → its work (303), from the build's symbol table (lod.output.SYMBOLS)."""
    rt = runtime()
    wanted = " ".join(symbol.split())
    work = SYMBOLS.work(rt.data, wanted)
    if work is None:
        return Response(render_template("symbol_404.html", symbol=wanted), status=404, mimetype="text/html")
    location = work[len(rt.base):] if work.startswith(rt.base + "/") else work
    return see_other(location)
