"""Raw PDF text, as the UN Digital Library's text extracts print a document.

What makes this layout hard for a converter is reproduced on purpose, because a benchmark
corpus that is easier than the real one measures nothing: hard line breaks inside sentences,
a trailing space on most lines, paragraph numbers and point letters on a line of their own,
footnote digits glued to the word before them, footnotes after a rule at the foot of the
page, and a running header (symbol, short title, job number, "2/5") that can fall in the
middle of a sentence. Optionally YAML front matter, as the extracts carry.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap

from lod.synth.blocks import body_blocks, joined, markers, print_markers, sponsor_line
from lod.synth.compose import SynthDocument, committee_name, organ_name
from lod.ordinals import ordinal_suffix
from lod.synth.lexicon import un_date

WIDTH = 86
PAGE_LINES = 52
RULE = "_______________ "


def render_pdf_text(doc: SynthDocument, rng: random.Random) -> str:
    """The document as raw text extracted from its PDF."""
    blocks, notes = body_blocks(doc, sc_points=doc.slot.series.body == "sc" and rng.random() < 0.5)
    first = _masthead(doc)
    body: list[str] = []
    for block in blocks:
        if block.label:
            body.append(f"{block.label} ")
        body += _wrap(joined(block.phrase, block.text))
        body.append(" ")
    body += _closing(doc)
    pages = _paginate(first, body, notes)
    out = [front_matter(doc)] if rng.random() < 0.4 else []
    short = _short_title(doc.title)
    for k, page in enumerate(pages, 1):
        if k > 1:
            out.append(_running_header(doc, short, k, len(pages)))
        out.append("\n".join(page))
    return print_markers("\n".join(out), "glued").rstrip() + "\n"


def _wrap(text: str) -> list[str]:
    return [line + " " for line in textwrap.wrap(text, WIDTH, break_long_words=False, break_on_hyphens=False)]


def _masthead(doc: SynthDocument) -> list[str]:
    slot, series = doc.slot, doc.slot.series
    distribution = "General" if series.kind == "resolution" else "Limited"
    lines = ["United Nations ", f"{doc.symbol} ", " ", f"{doc.organ if series.body in ('ga', 'sc') else 'Economic and Social Council'} ",
             f"Distr.: {distribution} ", f"{un_date(doc.issued)} "]
    if series.kind != "resolution":
        lines.append("Original: English ")
    digits = doc.job.replace("-", "")
    lines += [" ", f"{doc.job} (E)    {doc.issued.strftime('%d%m%y')}", f"*{digits}* ", " ", " "]
    if series.body == "sc":
        lines += [f"Resolution {slot.number} ", " ",
                  f"Adopted by the Security Council at its {ordinal_suffix(slot.meeting or 0)} meeting, on {un_date(slot.date)} ",
                  " ", " ", " "]
        return lines + [doc.opening + " ", " "]
    if series.body == "ga":
        lines.append(f"{doc.session_name} ")
        if series.committee:
            lines.append(f"{committee_name(series.committee)} ")
        lines.append(f"Agenda item {doc.agenda_number} ")
    elif series.body == "ecosoc":
        lines += [f"{slot.date.year} session ", f"Agenda item {doc.agenda_number} "]
    else:
        lines += [f"{organ_name(series.body)} ", f"{doc.session_name[:1].upper()}{doc.session_name[1:]} ",
                  f"Vienna, {_meeting_days(slot.date)} ", f"Item {doc.agenda_number % 12 + 1} of the provisional agenda "]
    lines += _wrap(doc.agenda_title) + [" ", " ", " ", " "]
    if series.kind == "resolution":
        lines += [" Resolution adopted by the General Assembly ", f"on {un_date(slot.date)} ", " ", " ", f"{doc.route} ", " ", " ", " "]
        lines += _wrap(f"{slot.number}. {doc.title}") + [" ", " ", " "]
    else:
        lines += _wrap(sponsor_line(doc)) + [" ", " ", " "]
        if doc.recommendation:
            lines += _wrap(doc.recommendation) + [" ", " "]
        lines += [" " + line for line in _wrap(doc.title)] + [" ", " ", " "]
    return lines + [doc.opening + " ", " "]


def _closing(doc: SynthDocument) -> list[str]:
    if doc.slot.series.key == "ga-res":
        return [f"{ordinal_suffix(doc.slot.meeting or 1)} plenary meeting ", un_date(doc.slot.date)]
    return []


def _paginate(first: list[str], body: list[str], notes: dict[int, str]) -> list[list[str]]:
    """Fill pages line by line; footnotes go to the foot of the page their marker is on."""
    pages: list[list[str]] = []
    page, page_notes = list(first), []  # type: ignore[var-annotated]
    capacity = PAGE_LINES

    def foot(numbers: list[int]) -> list[str]:
        if not numbers:
            return []
        lines = [RULE, " "]
        for n in numbers:
            lines += [f"{n} {line.strip()}" if i == 0 else line for i, line in enumerate(_wrap(notes[n]))] + [" "]
        return lines

    for line in body:
        new = markers(line)
        if page and len(page) + 1 + len(foot(page_notes + new)) > capacity and len(page) > len(first):
            pages.append(page + foot(page_notes))
            page, page_notes, capacity = [], [], PAGE_LINES - 6
        page.append(line)
        page_notes += new
    pages.append(page + foot(page_notes))
    return pages


def _running_header(doc: SynthDocument, short: str, k: int, total: int) -> str:
    """Symbol, short title, job number and "k/N", as the extracts print them on every page
    after the first (Security Council resolutions have no title, so none is repeated)."""
    title = f"{short}\n" if short and doc.slot.series.body != "sc" else ""
    return f"\n{doc.symbol} \n{title} \n{doc.job}\n{k}/{total} \n \n"


def _short_title(title: str) -> str:
    return title if len(title) <= 80 else title[:80].rsplit(" ", 1)[0]


def front_matter(doc: SynthDocument) -> str:
    title = doc.title.replace('"', "'")
    return (
        f"---\nsymbol: {doc.symbol}\nrecord_id: \"{doc.record_id}\"\ntitle: \"{title} :\"\n"
        f"date: \"{doc.issued.isoformat()}\"\nlanguage: EN\n"
        f"source_pdf: https://digitallibrary.un.org/record/{doc.record_id}/files/{doc.symbol.replace('/', '_')}-EN.pdf\n"
        f"extract_version: \"1.0.0\"\n---\n"
    )



def _meeting_days(issued: dt.date) -> str:
    """"20–24 May 2019": a commission meets about a month after its drafts are issued."""
    start = issued + dt.timedelta(days=28 - issued.weekday())
    end = start + dt.timedelta(days=4)
    if start.month == end.month:
        return f"{start.day}–{end.day} {end.strftime('%B')} {end.year}"
    return f"{start.day} {start.strftime('%B')}–{end.day} {end.strftime('%B')} {end.year}"
