"""A work's AKN files in a build: which languages it has, where each file is.

The build writes each AKN file at its manifestation IRI's path (lod.publish.akn), so the
languages of a work are the `{lang}@/!main.xml` files in its folder: the description pages
written by the build and the web layer's 303s (lod.web.manifestations) both read them here.
"""

from __future__ import annotations

import os
from pathlib import Path

from lod.akn.vocabulary import AKN_FORMAT
from lod.formats import AKN, Format
from lod.uri import WorkIRI

MAIN = f"!main.{AKN_FORMAT}"
"""The last segment of a manifestation IRI."""


def languages(data: Path, work: WorkIRI, base: str) -> list[str]:
    """The languages of a work that have an AKN file in the build at `data`, in code order."""
    folder = data / work.work()[len(base.rstrip("/")) + 1:]
    try:
        names = os.listdir(folder)  # one system call: this runs on every dereference of a work
    except OSError:
        return []
    # the build makes a `{lang}@` folder only to hold that expression's !main.xml
    return sorted(name[:-1] for name in names if name.endswith("@"))


def manifestation_path(work: WorkIRI, lang: str, base: str) -> str:
    return f"{work.expression(lang)[len(base.rstrip('/')):]}/{MAIN}"


def akn_alternates(data: Path, work: WorkIRI, base: str) -> list[tuple[str, Format]]:
    """(url, format) of each AKN file of a work, for `Link` headers and the HTML page."""
    return [
        (manifestation_path(work, lang, base), Format(AKN.ext, AKN.mime, f"{AKN.label} ({lang})"))
        for lang in languages(data, work, base)
    ]
