"""The record of how a text came about, shown in words at the top of its page.

A reader of a resolution wants to know at a glance who adopted it, when and at which meeting,
in which session and under which agenda item, on whose report (and which paragraph of it) and
from which draft: what a library catalogue or the UN's own cover page says. The description
graph has all of it (unres:actor, adoptionDate, meeting, meetingRecord, sessionLabel,
agendaItemOf, docCommittee, report, reportParagraph, draft, submittedBy); the "All metadata"
table lists it as properties. Read here by property names, like the rest of the page (lod.describe.page).
"""

from __future__ import annotations

import re

from lod.describe.i18n import N_, gettext, long_date, page_language
from lod.describe.graph import DescriptionGraph, is_iri, property_name
from lod.describe.linker import Link, Linker, Value, literal_text

RECORD_LABELS: dict[str, str] = {
    "organ": N_("Adopted by"),
    "adopted": N_("Adopted on"),
    "date": N_("Dated"),
    "meeting": N_("Meeting"),
    "session": N_("Session"),
    "agenda": N_("Agenda item"),
    "committee": N_("On the report of"),
    "drafted in": N_("Committee"),
    "draft": N_("Draft"),
    "submitted": N_("Submitted by"),
}
"""Each row of the record, in the order shown, and its label on the page (in English: the page
says it in its language, lod.describe.i18n)."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SUBMITTED = re.compile(r"^submitted by ", re.IGNORECASE)
"""The words the row's label says ("Submitted by: the Vice-Chair of the Committee, …")."""


def _when(value: str | None, lang: str) -> str | None:
    return long_date(value, page_language(lang)) if value and _ISO_DATE.match(value) else value


def record_of(graph: DescriptionGraph, linker: Linker, work: str, lang: str = "en") -> list[tuple[str, list[Value]]]:
    """(label, values) rows of the work's record, only those the description has; what each
    language version prints (the session, the meeting, the agenda item's title) in `lang`."""

    def literal(*names: str) -> str | None:
        return literal_text(graph, work, names, lang)

    def linked(name: str) -> list[Link]:
        return sorted((linker.link(o) for p, o in graph.predicate_objects(work) if property_name(p) == name and is_iri(o)),
                      key=lambda link: (link.label, link.iri))

    adopted = _when(literal("adoptiondate"), lang)
    rows: dict[str, list[Value]] = {
        "organ": [Value(link.label, link) for link in linked("actor")] if adopted else [],
        "adopted": [Value(adopted)] if adopted else [],
        "date": [] if adopted else [Value(d) for d in [_when(literal("docdate"), lang)] if d],
        "meeting": [*([Value(m)] if (m := literal("meeting")) else []),
                    *(Value(link.label, link) for link in linked("meetingrecord"))],
        "session": [Value(s)] if (s := literal("sessionlabel", "session")) else [],
        "agenda": [_agenda_item(graph, link, lang) for link in linked("agendaitemof")],
        "committee": [*(Value(link.label, link) for link in linked("doccommittee")),
                      *(_report(link, literal("reportparagraph"), lang) for link in linked("report"))] if adopted else [],
        "drafted in": [] if adopted else [Value(link.label, link) for link in linked("doccommittee")],
        "draft": [Value(link.label, link) for link in linked("draft")],
        "submitted": [Value(_SUBMITTED.sub("", s))] if (s := literal("submittedby")) else [],
    }
    return [(RECORD_LABELS[key], values) for key, values in rows.items() if values]


def _agenda_item(graph: DescriptionGraph, link: Link, lang: str) -> Value:
    """"68 (c): Promotion and protection of human rights …" (the title where a text prints it,
    in `lang` where the item has titles in several languages)."""
    number = literal_text(graph, link.iri, ("itemnumber",))
    if number is None and link.iri.endswith(link.label):  # no label in the description: its IRI's last segment
        return Value(link.label.replace("_", " "), link)
    title = literal_text(graph, link.iri, ("label",), lang) or link.label
    shown = f"{number}: {title}" if number and title != number and not link.iri.endswith(title) else (number or title)
    return Value(shown, Link(link.href, title, link.iri))


def _report(link: Link, paragraph: str | None, lang: str) -> Value:
    """"A/77/463/Add.3, para. 29": the report and the paragraph of it that recommends the text."""
    words = gettext(page_language(lang), N_("%(report)s, para. %(paragraph)s"))
    return Value(words % {"report": link.label, "paragraph": paragraph} if paragraph else link.label, link)
