"""The build's files as downloads (/dumps/, /documents/), the VoID/DCAT description, the JSON-LD context.

Files are sent from disk with their media type, Content-Length, an ETag that *is* their sha256
(from SHA256SUMS, so a client can check what it got), a `Repr-Digest` header (RFC 9530) and
Last-Modified; conditional and range requests are answered by werkzeug.
"""

from __future__ import annotations

import base64
from importlib import resources
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, request, send_from_directory
from rdflib import Graph
from werkzeug.security import safe_join

from lod.web import conneg
from lod.web.conneg import AKN, HTML, RDF_FORMATS
from lod.web.describe import CONTEXT_FILE, serialize
from lod.web.render import resource_page
from lod.web.runtime import runtime

bp = Blueprint("dumps", __name__)

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".gz": "application/gzip",
    ".jsonld": "application/ld+json",
    ".nq": "application/n-quads",
    ".nt": "application/n-triples",
    ".json": "application/json",
    ".xml": AKN.mime,
    ".zip": "application/zip",
}
_LISTED_DIRS = ("dumps", "documents")
_TOP_FILES = ("void.ttl", "SHA256SUMS", "report.json")


def checksums(data: Path) -> dict[str, str]:
    """relative path → sha256 hex, as written by the build."""
    sums: dict[str, str] = {}
    try:
        text = (data / "SHA256SUMS").read_text(encoding="utf-8")
    except OSError:
        return sums
    for line in text.splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2:
            sums[parts[1].strip().lstrip("*")] = parts[0]
    return sums


def send_build_file(data: Path, folder: str, name: str) -> Response:
    """A file of the build, confined to `folder` (werkzeug's safe_join refuses any escape)."""
    rt = runtime()
    # Absolute: Flask resolves a relative directory against the package, not the working directory.
    directory = (data / folder if folder else data).resolve()
    joined = safe_join(str(directory), name)
    try:
        found = joined is not None and Path(joined).is_file()
    except OSError:  # a name the file system refuses (longer than 255 bytes, say) names no file
        found = False
    if not found:
        abort(404)
    assert joined is not None
    relative = f"{folder}/{name}" if folder else name
    sha = checksums(data).get(relative)
    mimetype = MEDIA_TYPES.get(Path(joined).suffix, "text/plain")
    response = send_from_directory(
        directory, name, mimetype=mimetype, conditional=True, etag=sha or True,
        max_age=rt.config.cache_max_age,
    )
    if sha:
        response.headers["Repr-Digest"] = "sha-256=:" + base64.b64encode(bytes.fromhex(sha)).decode() + ":"
    return response


@bp.route("/dumps/")
def listing() -> Response:
    rt = runtime()
    sums = checksums(rt.data)
    files = []
    for relative in [f"dumps/{p.name}" for p in sorted((rt.data / "dumps").glob("*")) if p.is_file()] + list(_TOP_FILES):
        path = rt.data / relative
        if path.is_file():
            files.append({"name": relative, "href": "/" + relative, "size": path.stat().st_size,
                          "sha256": sums.get(relative, ""), "type": MEDIA_TYPES.get(path.suffix, "text/plain")})
    documents = sorted(p.name for p in (rt.data / "documents").glob("*.ttl"))
    return Response(render_template("dumps.html", files=files, documents=documents), mimetype="text/html")


@bp.route("/dumps/<path:name>")
def dump(name: str) -> Response:
    return send_build_file(runtime().data, "dumps", name)


@bp.route("/documents/<path:name>")
def document(name: str) -> Response:
    return send_build_file(runtime().data, "documents", name)


@bp.route("/SHA256SUMS")
@bp.route("/report.json")
@bp.route("/void.ttl")
def top_file() -> Response:
    return send_build_file(runtime().data, "", request.path.lstrip("/"))


@bp.route("/.well-known/void")
def void() -> Response:
    """VoID + DCAT of the dataset, by content negotiation (HTML for browsers)."""
    rt = runtime()
    offered = RDF_FORMATS + (HTML,)
    fmt = conneg.negotiate(request.headers.get("Accept"), offered)
    if fmt is None:
        return Response(conneg.not_acceptable_message(offered) + "\n", status=406, mimetype="text/plain")
    path = rt.data / "void.ttl"
    if not path.is_file():
        abort(404, description="this build has no void.ttl")
    graph = Graph().parse(path, format="turtle")
    if fmt is HTML:
        dataset = f"{rt.base}/dataset"
        page = resource_page(graph, dataset, rt.base)
        body = render_template("resource.html", page=page, alternates=[("/void.ttl", RDF_FORMATS[0])])
        response = Response(body, mimetype="text/html")
    else:
        response = Response(serialize(graph, fmt), mimetype=fmt.mime)
    response.headers["Content-Location"] = "/void.ttl" if fmt is RDF_FORMATS[0] else request.path
    response.vary.add("Accept")
    return response


@bp.route("/contexts/lod.jsonld")
def context() -> Response:
    text = resources.files("lod.contexts").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")
    return Response(text, mimetype="application/ld+json")
