"""Markdown, in the three forms the sample corpus has.

- "markdown-sup" (like corpus/004_*.txt): headings, italic leading phrases, `<sup>` markers,
  page breaks as `---` followed by that page's footnotes, sometimes inside a paragraph.
- "markdown-unicode" (like corpus/001_*.txt): plain masthead lines, italic phrases, Unicode
  superscript markers, footnote blocks at page ends without a rule, resolution numbers as
  Markdown links.
- "markdown-clean" (like corpus/A_RES_80_2.md): YAML front matter, masthead lines run
  together, no italics, footnote digits glued to the text, `[^n]:` footnotes at the end,
  and a running-header remnant (the truncated title) between paragraphs at page ends.
"""

from __future__ import annotations

import random
import re

from lod.synth.blocks import Block, body_blocks, joined, markers, print_markers, sponsor_line
from lod.synth.compose import SynthDocument, committee_name, organ_name
from lod.ordinals import ordinal_suffix
from lod.synth.lexicon import un_date
from lod.synth.render_pdf import front_matter

PAGE_CHARS = 3200
STYLES = ("markdown-sup", "markdown-unicode", "markdown-clean")


def render_markdown(doc: SynthDocument, rng: random.Random, style: str) -> str:
    """The document as Markdown in one of STYLES."""
    if style not in STYLES:
        raise ValueError(f"unknown Markdown style {style!r}")
    italic = style != "markdown-clean"
    blocks, notes = body_blocks(doc)
    head = _masthead(doc, style)
    body = _body(blocks, notes, style, italic, rng, doc)
    text = head + body + _closing(doc)
    if style == "markdown-clean":
        text = front_matter(doc) + "\n" + text
        if notes:
            text += "\n\n---\n\n" + "\n\n".join(f"[^{n}]: {note}" for n, note in notes.items())
    marker_style = {"markdown-sup": "sup", "markdown-unicode": "unicode", "markdown-clean": "glued"}[style]
    return print_markers(text, marker_style).rstrip() + "\n"


def _masthead(doc: SynthDocument, style: str) -> str:
    slot, series = doc.slot, doc.slot.series
    distribution = "General" if series.kind == "resolution" else "Limited"
    organ = doc.organ if series.body in ("ga", "sc") else "Economic and Social Council"
    if series.body == "ga":
        session = [doc.session_name] + ([committee_name(series.committee)] if series.committee else []) + [f"Agenda item {doc.agenda_number}"]
    elif series.body == "sc":
        session = []
    elif series.body == "ecosoc":
        session = [f"{slot.date.year} session", f"Agenda item {doc.agenda_number}"]
    else:
        session = [organ_name(series.body), doc.session_name[:1].upper() + doc.session_name[1:],
                   f"Item {doc.agenda_number % 12 + 1} of the provisional agenda"]
    if series.body != "sc":
        session.append(doc.agenda_title)
    if series.key == "ga-res":
        heading = [f"Resolution adopted by the General Assembly on {un_date(slot.date)}", doc.route or "", f"{slot.number}. {doc.title}"]
    elif series.body == "sc":
        heading = [f"Resolution {slot.number}", f"Adopted by the Security Council at its {ordinal_suffix(slot.meeting or 0)} meeting, on {un_date(slot.date)}"]
    else:
        heading = [sponsor_line(doc)] + ([doc.recommendation] if doc.recommendation else []) + [doc.title]
    opening = f"*{doc.opening}*" if style != "markdown-clean" else doc.opening
    if style == "markdown-clean":
        lines = ["United Nations", f"{organ} Distr.: {distribution} {un_date(doc.issued)}", " ".join(session), *heading, opening]
        return "\n\n".join(lines) + "\n\n"
    if style == "markdown-sup":
        lines = ["\n\n", f"# {organ}", doc.symbol, f"Distr.: {distribution}  \n{un_date(doc.issued)}", "Original: English", "---"]
        for n, line in enumerate(session):
            lines.append(f"## {line}" if n == 0 else f"### {line}" if n == len(session) - 1 else line)
        if series.kind == "resolution":
            lines += [*heading[:-1], f"### {heading[-1]}"] if series.body == "ga" else [f"### {heading[0]}", *heading[1:]]
        else:
            lines += [f"#### {heading[0]}", *heading[1:-1], f"### {heading[-1]}"]
        return "\n\n".join(lines + [opening]) + "\n\n"
    lines = ["\n\n\n", organ, doc.symbol, f"Distr.: {distribution}\n{un_date(doc.issued)}", "Original: English", *session, *heading, opening]
    return "\n\n".join(lines) + "\n\n"


def _body(blocks: list[Block], notes: dict[int, str], style: str, italic: bool, rng: random.Random, doc: SynthDocument) -> str:
    """Paragraphs with page breaks every PAGE_CHARS; a page's footnotes follow its break."""
    out: list[str] = []
    printed: set[int] = set()
    used = 0
    for block in blocks:
        phrase = f"*{block.phrase}*" if italic and block.phrase else block.phrase
        text = block.text
        if style == "markdown-unicode":
            text = re.sub(r"(?<![\d/])(\d{1,3}/\d{1,3})(?![\d/])", r"[\1](#)", text) if rng.random() < 0.5 else text
        line = joined(phrase, text)
        if block.label:
            line = f"{block.label} {line}"
        used += len(line)
        if used > PAGE_CHARS:
            used = 0
            words = line.split(" ")
            if style != "markdown-clean" and len(words) > 40 and rng.random() < 0.5:
                cut = len(words) // 2
                while cut < len(words) - 5 and words[cut - 1][-1:] in ",;:.":
                    cut += 1
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                out.append(head)
                out.append(_page_break(notes, printed, markers(head), style, doc))
                out.append(tail)
                printed.update(markers(head))
                continue
            out.append(line)
            out.append(_page_break(notes, printed, markers(line), style, doc))
            printed.update(markers(line))
            continue
        out.append(line)
    pending = [n for n in notes if n not in printed]
    if pending and style != "markdown-clean":
        out.append(_footnote_block(notes, pending, style))
    return "\n\n".join(p for p in out if p)


def _page_break(notes: dict[int, str], printed: set[int], new: list[int], style: str, doc: SynthDocument) -> str:
    due = [n for n in notes if n not in printed and (n <= max(new, default=0) or n in new)]
    printed.update(due)
    if style == "markdown-clean":
        title = doc.title if len(doc.title) < 70 else doc.title[:66].rsplit(" ", 1)[0]
        return title
    block = _footnote_block(notes, due, style) if due else ""
    if style == "markdown-sup":
        # the export prints a rule only above a page's footnotes; a page without any just ends
        return (block + "\n\n\n") if block else ""
    return block + "\n\n"


def _footnote_block(notes: dict[int, str], numbers: list[int], style: str) -> str:
    rule = "---\n\n" if style == "markdown-sup" else ""
    mark = "sup" if style == "markdown-sup" else "unicode"
    return rule + "\n\n".join(print_markers(f"\ue002{n}\ue003 {notes[n]}", mark) for n in numbers)


def _closing(doc: SynthDocument) -> str:
    if doc.slot.series.key == "ga-res":
        return f"\n\n{ordinal_suffix(doc.slot.meeting or 1)} plenary meeting {un_date(doc.slot.date)}" if doc.layout == "markdown-clean" else f"\n\n{ordinal_suffix(doc.slot.meeting or 1)} plenary meeting  \n{un_date(doc.slot.date)}"
    return ""
