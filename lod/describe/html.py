"""Description pages rendered by plain Jinja2, without a web framework or a request.

The build renders every resolution's and resource's page (lod.describe.build) with the same
templates the server's other pages extend (lod/describe/templates: one copy of each, found by
Flask through a ChoiceLoader, lod.web.app). What depends on a request is kept out of the page:
links to our resources are paths (lod.describe.linker), and the one thing that depends on the
mount point, the static files' URL, is written as `/static/…` here and rewritten by the web layer
for a server mounted under a path prefix (lod.web.files).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from lod.describe import i18n, pictures
from lod.describe.adoption import RIGHT_TO_LEFT
from lod.describe.page import ResourcePage, WorkPage
from lod.formats import Format

STATIC = "/static/"
"""Where the page's style sheet is linked when rendered without a request (mount point = root)."""


def static_url(endpoint: str, filename: str = "", **_: Any) -> str:
    """`url_for('static', filename=…)` for a page rendered at build time."""
    if endpoint != "static":
        raise ValueError(f"a page rendered without a request can only link static files, not {endpoint!r}")
    return STATIC + filename


@lru_cache(maxsize=None)
def environment(lang: str = i18n.SOURCE_LANGUAGE) -> Environment:
    """The templates with the globals a description page uses (the pictures), saying the page's
    words in `lang` (lod.describe.i18n): one environment per language, so that a template is
    compiled with its catalogue once per process."""
    # compiled once per process and never looked at again (auto_reload would stat every template
    # at every include: thousands of times per build)
    env = Environment(loader=PackageLoader("lod.describe", "templates"), autoescape=select_autoescape(["html", "xml"]),
                      auto_reload=False, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(url_for=static_url, citation_picture=pictures.citation_picture,
                       vote_picture=pictures.vote_picture, page_lang=lang,
                       page_dir="rtl" if lang in RIGHT_TO_LEFT else "ltr")
    return env


def render_work(page: WorkPage, base: str, alternates: list[tuple[str, Format]]) -> str:
    """A resolution's page (work.html), linking `alternates` (url, format)."""
    return environment(i18n.page_language(page.lang)).get_template("work.html").render(
        page=page, alternates=alternates, sponsor_picture=lambda p: pictures.sponsor_picture(p, base))


def render_resource(page: ResourcePage, alternates: list[tuple[str, Format]]) -> str:
    """Any other resource's page (resource.html)."""
    return environment().get_template("resource.html").render(page=page, alternates=alternates)
