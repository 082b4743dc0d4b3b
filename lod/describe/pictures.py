"""The pictures of a resolution page, from what the page already shows (lod.describe.page.WorkPage).

Registered as template globals (lod.web.browse), so work.html draws them without the
dereferencing code (lod.web.resources) knowing about pictures.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from lod.states import all_states
from lod.describe import charts, i18n
from lod.describe.paths import browse_path
from lod.describe.page import WorkPage


def citation_picture(page: WorkPage) -> Markup | None:
    """What the document cites and what cites it, as a graph (None when neither)."""
    if not page.cites and not page.cited_by:
        return None
    centre = charts.Node(page.symbol or page.title, "#", page.iri)
    cites = [charts.Node(link.label, link.href, link.iri) for link in page.cites]
    cited_by = [charts.Node(c.work.label, c.work.href, c.work.iri) for c in page.cited_by]
    return charts.citation_graph(centre, cites, cited_by, words=_words(page))


def sponsor_picture(page: WorkPage, base: str) -> Markup | None:
    """The Member States that sponsored the document among all 193 (None without State sponsors)."""
    chosen = {link.iri.rsplit("/", 1)[-1] for link in page.sponsors if "/id/state/" in link.iri}
    if not chosen:
        return None
    members = _members(base)
    count = len(chosen & {iso3 for iso3, _, _ in members})
    words = _words(page)
    title = words("Sponsors: %(count)s of %(total)s Member States") % {"count": count, "total": len(members)}
    return charts.state_tiles(members, chosen, title, words=words)


@lru_cache(maxsize=4)
def _members(base: str) -> list[tuple[str, str, str]]:
    """(iso3, name, browse path) of every Member State: the same for every page of a build."""
    return [(s.iso3, s.name, browse_path(f"{base.rstrip('/')}/id/state/{s.iso3}", base) or "")
            for s in all_states() if s.status == "member"]


VOTE_LABELS = {"in favour": "yes", "against": "no", "abstaining": "abstention", "non-voting": "non-voting"}
"""The resolution page's words for the printed counts of a recorded vote → the chart's keys."""


def vote_picture(page: WorkPage) -> Markup | None:
    """The recorded vote on the document (`page.voting`, from the AKN reader's voting record) as a
    yes / no / abstention / non-voting chart; None where no counts were recorded."""
    voting = getattr(page, "voting", None)
    counts = {VOTE_LABELS[label.lower()]: int(n) for label, n in getattr(voting, "counts", ())
              if label.lower() in VOTE_LABELS and str(n).isdigit()}
    if not counts:
        return None
    words = _words(page)
    return charts.vote_chart(counts, words("Recorded vote on %(document)s") % {"document": page.symbol or page.title},
                             words=words)


def _words(page: WorkPage) -> charts.Words:
    """The gettext of the page's language: the pictures say their words in it."""
    return i18n.translations(i18n.page_language(page.lang)).gettext
