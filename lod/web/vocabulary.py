"""The vocabulary dereferences: https://w3id.org/un-lod/… is sent here (w3id/un-lod/.htaccess).

    /vocab/{name}                  303 → /vocab/{name}.{ext} by Accept (ontology, shapes, verb, relation)
    /vocab/{name}.{ext}            200, the file the build wrote (ttl, jsonld, rdf, nt; html but for shapes)
    /vocab/{verb|relation}/{term}  303 → the scheme's file in the chosen format; for HTML, its
                                   documentation at the term's anchor (/vocab/verb.html#verb:recalling)

Hash terms (`…/ontology#Work`) reach the server as the ontology itself; the browser keeps the
fragment across the 303, and the HTML has an element with that id. Everything is a file of
the build (lod.publish.vocabulary): no query, no rendering at request time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, redirect, request

from lod.vocabulary import BY_NAME, TERMS_FILE, VOCAB_FOLDER, W3ID, Vocabulary
from lod.web import conneg
from lod.formats import HTML, RDF_FORMATS, RESOURCE_FORMATS, Format
from lod.web.dumps import send_build_file
from lod.web.runtime import runtime

bp = Blueprint("vocabulary", __name__)


def offered(vocabulary: Vocabulary) -> tuple[Format, ...]:
    return RDF_FORMATS if vocabulary.kind == "shapes" else RESOURCE_FORMATS


def _see_other(location: str) -> Response:
    response = redirect(request.script_root + location, code=303)
    response.vary.add("Accept")
    return response


def _negotiated(vocabulary: Vocabulary) -> Format:
    formats = offered(vocabulary)
    fmt = conneg.negotiate(request.headers.get("Accept"), formats)
    if fmt is None:
        abort(406, description=conneg.not_acceptable_message(formats))
    return fmt


@lru_cache(maxsize=4)
def _anchors(terms_file: Path, stamp: int) -> dict[str, str]:
    return dict(json.loads(terms_file.read_text(encoding="utf-8")))


def anchors(data: Path) -> dict[str, str]:
    """The build's concept → anchor table (vocab/terms.json), read again when a build replaces it."""
    path = data / VOCAB_FOLDER / TERMS_FILE
    try:
        return _anchors(path, path.stat().st_mtime_ns)
    except OSError:
        abort(404, description="This build has no vocabulary files (vocab/); build again with this version.")


@bp.route(f"/{VOCAB_FOLDER}/<name>")
def vocabulary(name: str) -> Response:
    stem, dot, ext = name.partition(".")
    found = BY_NAME.get(stem)
    if found is None:
        abort(404, description=f"No vocabulary {stem!r}; offered: " + ", ".join(sorted(BY_NAME)))
    if not dot:
        return _see_other(f"/{VOCAB_FOLDER}/{stem}.{_negotiated(found).ext}")
    fmt = next((f for f in offered(found) if f.ext == ext), None)
    if fmt is None:
        abort(404, description=f"No format .{ext} of {found.iri}; offered: " + ", ".join(f.ext for f in offered(found)))
    response = send_build_file(runtime().data, VOCAB_FOLDER, f"{stem}.{fmt.ext}")
    response.mimetype = fmt.mime
    response.headers["Link"] = conneg.link_header(
        [(f"{request.script_root}/{VOCAB_FOLDER}/{stem}.{f.ext}", f) for f in offered(found) if f is not fmt])
    return response


@bp.route(f"/{VOCAB_FOLDER}/<name>/<term>")
def concept(name: str, term: str) -> Response:
    found = BY_NAME.get(name)
    if found is None or not found.slash_terms:
        abort(404, description=f"No concept scheme {name!r} here.")
    iri = f"{W3ID}/{found.path}/{term}"
    table = anchors(runtime().data)
    if iri not in table:
        abort(404, description=f"No concept {iri} in {found.iri}.")
    fmt = _negotiated(found)
    if fmt is HTML:
        anchor = table[iri]
        return _see_other(f"/{VOCAB_FOLDER}/{name}.html" + (f"#{anchor}" if anchor else ""))
    return _see_other(f"/{VOCAB_FOLDER}/{name}.{fmt.ext}")
