"""A page's notes as pdftotext prints them in its raw reading order: after the page's text, each
note's text first and all their numbers after them, without the rule.

    … the Declaration and Programme of Action on a Culture of Peace, 1 which serve …
    … adopted under the agenda item entitled "Culture of peace",
    ⏎
    Resolutions 53/243 A and B.
    ⏎
    1
    ⏎
    17-21455 (E)

or, two notes on a page: "United Nations, Treaty Series, vol. 610, No. 8843." ⏎ "Resolution
S-10/2." ⏎ ⏎ "1" ⏎ "2". The notes are written back as a rule and numbered notes ("__________" ⏎
"1 Resolutions 53/243 A and B."), the form every text reader reads (lod.parse.furniture). Only
where nothing else can be meant: a run of consecutive numbers alone on their lines right above
the page's furniture, a short block of sentences above them set apart by blank lines and
splitting into as many notes as there are numbers, each number printed in the page's text as
a marker, and the text above ending a paragraph.
"""

from __future__ import annotations

import re

from lod.parse.furniture import BARE_MARKER, is_furniture
from lod.parse.pdf import PAGE_BREAK, PRINTED_RULE, RULE

_NOTE_END = re.compile(r"[.)]$")
MAX_NOTE_CHARS = 600
"""A longer block is text, not a note (a page's last paragraph above a stray number)."""


def notes_before_numbers(text: str) -> str:
    """`text` with each page's notes printed before their numbers written after a rule."""
    if PAGE_BREAK not in text or any(PRINTED_RULE.match(line) for line in text.split("\n")):
        return text  # notes under a rule are read as they are
    return PAGE_BREAK.join(_page(page) for page in text.split(PAGE_BREAK))


def _page(page: str) -> str:
    lines = page.split("\n")
    end = len(lines)
    while end and (not lines[end - 1].strip() or is_furniture(lines[end - 1].strip())):
        end -= 1
    first = end
    while first and BARE_MARKER.match(lines[first - 1]):
        first -= 1
    numbers = [int(line) for line in lines[first:end]]
    if not numbers or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return page
    notes_end = first
    while notes_end and not lines[notes_end - 1].strip():
        notes_end -= 1
    start = notes_end
    while start and lines[start - 1].strip():
        start -= 1
    if notes_end == first or start == 0 or lines[start - 1].strip():
        return page  # the notes are set apart by blank lines from the numbers and from the text
    body = "\n".join(lines[:start])
    groups = _notes(lines[start:notes_end], len(numbers))
    if groups is None or not body.rstrip().endswith((",", ";", ".", ":")) or not all(
            re.search(rf"(?<=[A-Za-z,;:.)”’\d])\s?{n}(?!\d)", body) for n in numbers):
        return page
    notes = [f"{n} {note}" for n, note in zip(numbers, groups)]
    return "\n".join([*lines[:start], RULE, *notes, "", *lines[end:]])


def _notes(block: list[str], count: int) -> list[str] | None:
    """The block's lines as `count` notes: all of it for one note, a line each, or up to each
    line that ends a sentence; None when it splits into no such notes."""
    lines = [" ".join(line.split()) for line in block]
    if count == 1:
        groups = [" ".join(lines)]
    elif len(lines) == count:
        groups = lines
    else:
        groups, current = [], []
        for line in lines:
            current.append(line)
            if _NOTE_END.search(line):
                groups.append(" ".join(current))
                current = []
        if current or len(groups) != count:
            return None
    if any(len(g) > MAX_NOTE_CHARS or not _NOTE_END.search(g) or not g[:1].isalnum() for g in groups):
        return None
    return groups
