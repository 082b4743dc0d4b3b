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

from typing import Any, Callable, Hashable
from urllib.parse import quote

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request
from rdflib import Literal, URIRef

from lod.store import OxigraphStore, Store
from lod.uri import IRIError, WorkIRI
from lod.web import conneg, manifestations, queries
from lod.web.cache import Rendered
from lod.web.conneg import AKN, BY_EXT, DOCUMENT_FORMATS, HTML, RDF_FORMATS, RESOURCE_FORMATS, Format
from lod.web.describe import Description, resource_description
from lod.web.http import Precompressed, gzip_body
from lod.web.describe import work_description as describe_work
from lod.web.dumps import send_build_file as send_file
from lod.web.render import resource_page, work_page
from lod.web.rendered import RenderedDir, Warmer
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


def _chosen() -> Format | None:
    return conneg.negotiate(request.headers.get("Accept"), RESOURCE_FORMATS)


def represent(description: Description, fmt: Format, data_path: str, query: str, html: str,
              extra: list[tuple[str, Format]] | None = None, **context: object) -> Response:
    """A 200 description in `fmt`, linking its alternates (header and, for HTML, <link>);
    `extra` are other representations of the thing (its AKN files)."""
    alts = alternates(data_path, query) + (extra or [])
    if fmt is HTML:
        body = render_template(html, alternates=[(u, f) for u, f in alts if f is not HTML], **context)
        response = Response(body, mimetype="text/html")
    else:
        response = Response(description.serialize(fmt), mimetype=fmt.mime)
    response.headers["Link"] = conneg.link_header([(u, f) for u, f in alts if f is not fmt])
    return response


CACHED_HEADERS = ("Link", "Content-Location", "Vary")


def cached_response(key: tuple[Hashable, ...], build: Callable[[Store], Response]) -> Response:
    """`build(store)`'s answer, computed once per store version and kept (lod.web.cache).

    Only 200s are kept; the key includes the base (links are written on it) and the script
    root, because pages link their static files under it (a server mounted under a path prefix)."""
    rt = runtime()
    store = rt.store()
    version = rt.cache_version(store)
    if version is None:
        return build(store)
    full_key = (rt.base, request.script_root, *key)
    hit = rt.responses.get(version, full_key)
    shared = rendered_dir(rt, store, version) if key[0] == "work" else None
    if hit is None and shared is not None:
        hit = shared.get(full_key)
        if hit is not None:
            rt.responses.put(version, full_key, hit)
    if hit is not None:
        return _thaw(hit)
    response = build(store)
    if response.status_code == 200 and not response.is_streamed:
        frozen = _freeze(response)
        rt.responses.put(version, full_key, frozen)
        if shared is not None:
            shared.put(full_key, frozen)
    return response


def start_rendering() -> None:
    """Before each request: make sure the shared renderings of the store in use exist and are
    being filled (a dictionary look-up once started), so that descriptions are ready before
    the first client asks for them rather than rendered while it waits."""
    rt = runtime()
    try:
        store = rt.store()
    except (OSError, RuntimeError):
        return  # no build to serve yet: the route itself says so
    version = rt.cache_version(store)
    if version is not None and version not in rt.rendered:
        rendered_dir(rt, store, version)


def _freeze(response: Response) -> Rendered:
    headers = tuple((k, v) for k, v in response.headers.items() if k in CACHED_HEADERS)
    body = response.get_data()
    return Rendered(body, response.mimetype or "", headers, gzip_body(body))


def _thaw(rendered: Rendered) -> Response:
    response = Precompressed(rendered.body, mimetype=rendered.mimetype)
    response.gzipped = rendered.gzipped
    for name, value in rendered.headers:
        response.headers.add(name, value)
    return response


def rendered_dir(rt: Runtime, store: Store, version: str) -> RenderedDir | None:
    """The shared renderings of this store version; the first request of a version starts the
    background rendering of every work's descriptions (lod.web.prerender, its own process)."""
    shared = rt.rendered.get(version)
    if shared is None and isinstance(store, OxigraphStore) and store.path is not None:
        shared = RenderedDir(store.path)
        rt.rendered.clear()
        rt.rendered[version] = shared
        shared.prune()
        if not rt.config.get("prerender", True):
            return shared
        if rt.warmer is None:
            rt.warmer = Warmer(dict(rt.config))
        rt.warmer.start(shared)
    return shared  # type: ignore[no-any-return]


def render_work(app: Flask, work: str, phase: str) -> None:
    """Render `work` into the shared directory, unless a worker already did: in every
    machine-readable format ("data"), or its HTML page ("page", as served at the root path;
    a server mounted under a path prefix renders its own pages on demand)."""
    with app.app_context():
        rt = runtime()
        store = rt.store()
        version = rt.cache_version(store)
        shared = rt.rendered.get(version or "")
        if shared is None or not work.startswith(rt.base + "/"):
            return
        formats = RDF_FORMATS if phase == "data" else (HTML,)
        keys = {fmt: (rt.base, "", "work", work, fmt.ext) for fmt in formats}
        if all(shared.has(k) for k in keys.values()):
            return
        description = describe_work(store, work)
        if not len(description):
            return
        with app.test_request_context("/"):
            for fmt, key in keys.items():
                response = _work_response(store, work, work[len(rt.base):], fmt, description)
                shared.put(key, _freeze(response))


def cached_fact(store: Store, key: tuple[Hashable, ...], compute: Callable[[], Any]) -> Any:
    """A small query answer (existence, a symbol's work), kept per store version like pages."""
    rt = runtime()
    version = rt.cache_version(store)
    if version is None:
        return compute()
    hit = rt.facts.get(version, key)
    if hit is None:
        hit = (compute(),)  # wrapped: a False or an empty list is an answer too
        rt.facts.put(version, key, hit)
    return hit[0]


def exists(store: Store, iri: str) -> bool:
    return bool(cached_fact(store, ("exists", iri), lambda: store.ask(queries.EXISTS, {"iri": URIRef(iri)})))


@bp.route("/akn/<path:rest>")
def akn(rest: str) -> Response:
    rt = runtime()
    path = "/akn/" + rest
    head, _, last = path.rpartition("/")
    if last.startswith(DATA + "."):
        return work_description(head, last[len(DATA) + 1:])
    if manifestations.is_manifestation(path):
        return manifestations.send_manifestation(rt.data, path, send_file)
    iri = rt.base + path
    try:
        parsed = WorkIRI.parse(iri)
        work = parsed.work()
    except IRIError:
        return other_iri(iri)
    if not exists(rt.store(), work):
        abort(404, description=f"No resource {iri} in this dataset.")
    fmt = conneg.negotiate(request.headers.get("Accept"), DOCUMENT_FORMATS)
    if fmt is AKN and not parsed.component and not parsed.eid:
        target = manifestations.negotiated_manifestation(rt.data, parsed, rt.base)
        if target is not None:
            response = see_other(target)
            response.vary.add("Accept-Language")
            return response
        fmt = _chosen()
    if fmt is None or fmt is AKN:
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
    if fmt is HTML:
        lang = page_language()
        key = ("work", work, fmt.ext) if lang == "en" else ("work", work, fmt.ext, lang)
        response = cached_response(key, lambda store: _work_response(store, work, work_path, fmt, lang=lang))
        response.headers["Vary"] = "Accept, Accept-Language"
        return response
    return cached_response(("work", work, fmt.ext), lambda store: _work_response(store, work, work_path, fmt))


PAGE_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
"""The languages a resolution's page is offered in: the six official languages of the UN."""
_ISO639_2 = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh"}


def page_language() -> str:
    """The language asked for: `?lang=` (the page's switch; fr or fra), else the best of the
    browser's Accept-Language, else English."""
    asked = (request.args.get("lang") or "").strip().lower()
    asked = _ISO639_2.get(asked, asked)
    if asked in PAGE_LANGUAGES:
        return asked
    return request.accept_languages.best_match(PAGE_LANGUAGES, default="en") or "en"


def _work_response(store: Store, work: str, work_path: str, fmt: Format,
                   description: Description | None = None, lang: str = "en") -> Response:
    base = runtime().base
    data_path = f"{work_path}/{DATA}"
    if description is None:
        description = describe_work(store, work)
    if len(description):
        page = work_page(description.graph(), work, base, lang) if fmt is HTML else None
        akn = manifestations.alternates(runtime().data, WorkIRI.parse(work), base)
        response = represent(description, fmt, data_path, "", "work.html", extra=akn, page=page)
    else:
        # a work that is cited here but not published: what we know is who cites it
        description = resource_description(store, work)
        if len(description) == 0:
            abort(404, description=f"No resolution {work} in this dataset.")
        page = resource_page(description.graph(), work, base) if fmt is HTML else None
        response = represent(description, fmt, data_path, "", "resource.html", page=page)
    response.headers["Content-Location"] = f"{data_path}.{fmt.ext}"
    return response


def other_iri(iri: str) -> Response:
    rt = runtime()
    if not exists(rt.store(), iri):
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
    chosen = fmt
    return cached_response(("resource", iri, fmt.ext, ext is None),
                           lambda store: _resource_response(store, iri, chosen, negotiated=ext is None))


def _resource_response(store: Store, iri: str, fmt: Format, negotiated: bool) -> Response:
    description = resource_description(store, iri)
    if len(description) == 0:
        abort(404, description=f"Nothing is known about {iri} here.")
    query = "?iri=" + quote(iri, safe="")
    page = resource_page(description.graph(), iri, runtime().base) if fmt is HTML else None
    response = represent(description, fmt, "/resource", query, "resource.html", page=page)
    response.headers["Content-Location"] = f"/resource.{fmt.ext}{query}"
    if negotiated:
        response.vary.add("Accept")
    return response


@bp.route("/symbol/<path:symbol>")
def symbol(symbol: str) -> Response:
    """A UN document symbol → its work (303). The symbol is bound as a literal, never pasted."""
    rt = runtime()
    wanted = " ".join(symbol.split())
    store = rt.store()
    rows = cached_fact(store, ("symbol", wanted),
                       lambda: store.select(queries.SYMBOL_TO_WORK, {"symbol": Literal(wanted)}))
    if not rows:
        response = Response(render_template("symbol_404.html", symbol=wanted), status=404, mimetype="text/html")
        return response
    work = str(rows[0]["work"])
    location = work[len(rt.base):] if work.startswith(rt.base + "/") else work
    return see_other(location)
