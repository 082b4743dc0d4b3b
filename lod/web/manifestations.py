"""AKN manifestations on the web: `{expression}/!main.xml` is the document's Akoma Ntoso file.

The build writes each file at its manifestation IRI's path (lod.publish.akn), so the file of an
IRI is found by its path alone, confined to the build's `akn/` folder; no query is needed.

    {work}/{lang}@/!main.xml                 200 application/akn+xml (ETag = its sha256)
    {work}, {work}/{lang}@ with Accept: application/akn+xml
                                             303 → the expression's file (a work: the expression
                                             the client's Accept-Language prefers, else English,
                                             else the first language)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Response, abort
from werkzeug.wrappers import Request

from lod.akn.vocabulary import AKN_DIR
from lod.describe.akn_files import MAIN, akn_alternates, languages, manifestation_path
from lod.rdf.namespaces import language_tag
from lod.uri import WorkIRI

__all__ = ["akn_alternates", "is_manifestation", "manifestation_file", "negotiated_manifestation", "send_manifestation"]


def is_manifestation(path: str) -> bool:
    """Whether a request path (`/akn/…`) names an AKN manifestation."""
    return path.endswith("@/" + MAIN)


def manifestation_file(data: Path, path: str) -> Path | None:
    """The build's file for a manifestation path, or None; nothing outside `akn/` is reachable."""
    root = (data / AKN_DIR).resolve()
    candidate = (data / path.lstrip("/")).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def send_manifestation(data: Path, path: str, send: Callable[[Path, str, str], Response]) -> Response:
    """The AKN file at `path` (a manifestation IRI's path) with its media type, or 404."""
    if manifestation_file(data, path) is None:
        abort(404, description=f"No AKN manifestation {path} in this build.")
    folder, name = path.lstrip("/").rsplit("/", 1)
    return send(data, folder, name)


def negotiated_manifestation(data: Path, iri: WorkIRI, base: str, req: Request) -> str | None:
    """Where a request for `application/akn+xml` on a work or expression IRI goes, or None when
    this build has no AKN file for it."""
    found = languages(data, iri, base)
    if not found:
        return None
    if iri.lang:
        return manifestation_path(iri, iri.lang, base) if iri.lang in found else None
    wanted = req.accept_languages.best_match([language_tag(code) for code in found])
    lang = next((code for code in found if language_tag(code) == wanted), None)
    lang = lang or ("eng" if "eng" in found else found[0])
    return manifestation_path(iri, lang, base)
