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
from werkzeug.security import safe_join

from lod import output
from lod.formats import FILE_TYPES, HTML, JSONLD, PLAIN, RDF_FORMATS
from lod.web import conneg
from lod.web.files import send_description
from lod.describe.serialize import CONTEXT_FILE
from lod.web.runtime import runtime

bp = Blueprint("dumps", __name__)

MEDIA_TYPES = FILE_TYPES


def checksums(data: Path) -> dict[str, str]:
    """relative path → sha256 hex, as written by the build."""
    sums: dict[str, str] = {}
    try:
        text = (data / output.CHECKSUMS).read_text(encoding="utf-8")
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
    mimetype = MEDIA_TYPES.get(Path(joined).suffix, PLAIN.mime)
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
    dumps = [output.dump(p.name) for p in sorted((rt.data / output.DUMPS_DIR).glob("*")) if p.is_file()]
    for relative in dumps + list(output.TOP_FILES):
        path = rt.data / relative
        if path.is_file():
            files.append({"name": relative, "href": "/" + relative, "size": path.stat().st_size,
                          "sha256": sums.get(relative, ""), "type": MEDIA_TYPES.get(path.suffix, PLAIN.mime)})
    documents = sorted(p.name for p in (rt.data / output.DOCUMENTS).glob("*.ttl"))
    return Response(render_template("dumps.html", files=files, documents=documents), mimetype="text/html")


@bp.route("/dumps/<path:name>")
def dump(name: str) -> Response:
    return send_build_file(runtime().data, output.DUMPS_DIR, name)


@bp.route("/documents/<path:name>")
def document(name: str) -> Response:
    return send_build_file(runtime().data, output.DOCUMENTS, name)


@bp.route(f"/{output.CHECKSUMS}")
@bp.route(f"/{output.REPORT}")
@bp.route(f"/{output.VOID}")
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
    # the dataset's description, written by the build from void.ttl like every other description
    response = send_description(request, rt.data, output.resource_description(output.dataset_iri(rt.base), fmt), fmt)
    if response is None:
        abort(404, description="this build has no description of its dataset (void.ttl)")
    response.headers["Content-Location"] = "/void.ttl" if fmt is RDF_FORMATS[0] else request.path
    response.vary.add("Accept")
    return response


@bp.route("/contexts/lod.jsonld")
def context() -> Response:
    text = resources.files("lod.contexts").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")
    return Response(text, mimetype=JSONLD.mime)
