"""Tables that text extraction flattened into lines: one row per Member State and its figure.

A scale of assessments prints 193 rows ("Afghanistan 0.006"), its header repeated on every
page; without the PDF's cells the text is a run of "name number" pairs. Such a run is a table,
not a paragraph, when every name ends with the name of a State (lod.states) and what any name
carries in front of its State is one and the same header ("Member State Scale of assessments
(percentage)"), repeated where a page began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lod.model import Table, TableNote
from lod.parse.pdf import LOWERED
from lod.states import lookup_state

_PAIR = re.compile(r"(?P<name>[A-Z][^\d;:]*?)\s+(?P<value>\d{1,3}(?:\.\d{1,6})?)(?=\s|$)")
MIN_ROWS = 5
_TOTALS = frozenset({"Total", "Grand total", "Subtotal"})


def _state_at_end(name: str) -> tuple[str, str] | None:
    """(the State as printed, what precedes it) for the longest State name ending `name`."""
    words = name.split()
    for k in range(len(words)):
        candidate = " ".join(words[k:])
        if lookup_state(candidate) is not None:
            return candidate, " ".join(words[:k])
    return None


def state_table(text: str) -> Table | None:
    """The table a block of "State figure" pairs is, or None when the block is anything else."""
    plain = " ".join(text.split())
    pairs = list(_PAIR.finditer(plain))
    if len(pairs) < MIN_ROWS or sum(len(m.group(0)) for m in pairs) < 0.9 * len(plain):
        return None
    header: str | None = None
    rows: list[list[str]] = []
    for m in pairs:
        name = " ".join(m.group("name").split())
        if name in _TOTALS and rows:
            rows.append([name, m.group("value")])
            continue
        found = _state_at_end(name)
        if found is None:
            return None
        state, before = found
        if before:
            if header is None and not rows:
                header = before
            elif before != header:
                return None  # text other than the repeated header: not a table of States
        rows.append([state, m.group("value")])
    return Table(header=[header] if header else [], rows=rows)


_END_MARKERS = re.compile("(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\\s?(\\*{1,4}))$")


def _unmarked(text: str, notes: set[str], refs: list[str]) -> str:
    """`text` without the marker it ends with ("… status³", "… of work *") where a note of
    that marker exists; the marker appended to `refs`."""
    m = _END_MARKERS.search(text)
    marker = (m.group(1) or "").translate(LOWERED) or (m.group(2) or "") if m else ""
    if marker not in notes:
        return text
    refs.append(marker)
    return text[: m.start()].rstrip()  # type: ignore[union-attr]


TABLE_ANCHOR = re.compile("\ue002(\\d{1,4})\ue003")
"""The line put in a text where a table kept apart stands (`table_anchor`: the Word reader's tables,
a text's one-cell-per-line tables, lod.parse.textgrids), so that the table is part of the annex it
is printed in and numbered in reading order."""


def table_anchor(k: int) -> str:
    """The anchor line of the reader's `k`-th table (from 0)."""
    return f"\ue002{k}\ue003"


@dataclass
class TableAnchor(Table):
    """Where the source's table `source` stands in the text: its eId and location, its rows to come."""

    source: int = 0


def table_at(plain: str) -> Table | None:
    """The table a block is: an anchor, or a run of "State figure" pairs; else None."""
    anchor = TABLE_ANCHOR.fullmatch(plain)
    if anchor:
        return TableAnchor(source=int(anchor.group(1)))
    return state_table(plain) if len(plain) > 60 and plain[-1:].isdigit() else None


def placed(tables: list[Table], kept: list[Table], notes: set[str]) -> tuple[list[Table], list[Table]]:
    """The text's tables with the source's own (`kept`) in their anchors' places, eIds and
    locations, then those without an anchor (a decision record's programme of work), numbered on;
    and, apart, the source's tables as placed."""
    out: list[Table] = []
    from_source: list[Table] = []
    anchored: set[int] = set()
    for table in tables:
        if not isinstance(table, TableAnchor):
            out.append(table)
        elif table.source < len(kept) and table.source not in anchored:
            anchored.add(table.source)
            from_source.append(source_table(replace(kept[table.source], location=table.location), table.eid, notes))
            out.append(from_source[-1])
    for k, table in enumerate(kept):
        if k not in anchored:
            from_source.append(source_table(table, f"table_{len(out) + 1}", notes))
            out.append(from_source[-1])
    return out, from_source


def source_table(table: Table, eid: str, notes: set[str]) -> Table:
    """A table the source kept as rows of cells (Word, a record's programme of work), numbered
    `eid`, with the markers its title and cells end with ("Request(s) for observer status³", raised
    as every reader writes them) taken out of their text into `footnote_refs` where a note of that
    number exists."""
    refs: list[str] = []
    title = _unmarked(table.title, notes, refs) if table.title else table.title
    rows = [[_unmarked(cell, notes, refs) for cell in row] for row in table.rows]
    return Table(header=table.header, rows=rows, eid=eid, title=title, location=table.location,
                 footnote_refs=list(dict.fromkeys([*table.footnote_refs, *refs])), notes=table.notes, legend=table.legend)


_NOTE_MARKER = r"[a-z]|\*{1,3}|[†‡§]"
TABLE_NOTE_MARKER = re.compile(rf"^(?:{_NOTE_MARKER})$")
"""A table note's marker as its cells raise it: a letter, asterisks, a dagger (a document's own
footnotes are numbered through the text)."""
NOTE_LINE = re.compile(rf"^({_NOTE_MARKER})\s+(\S.*)$", re.DOTALL)
"""A note under a table: its marker, then its words ("a See A/77/528.")."""
LEGEND_OPENING = re.compile(r"^(?:Abbreviations?|Sources?|Notes?|Key)\s*:")
"""A legend's opening words, where the source does not mark a paragraph as the table's."""


def notes_under(printed: list[tuple[str, set[str]]]) -> tuple[list[TableNote], str | None]:
    """The notes and the legend of a table from the paragraphs printed under it, each as (its
    words, the markers it prints raised): a note opens with its marker, raised or an asterisk
    ("a See A/77/528.", "* Dependency allowances …"); the rest is the legend ("Abbreviations: …",
    "Note: The specific assignment …"). The UN's AKN and Word files mark both alike."""
    notes: list[TableNote] = []
    legend: list[str] = []
    for text, raised in printed:
        opening = NOTE_LINE.match(text)
        if opening and (opening.group(1) in raised or not opening.group(1).isalpha()):
            notes.append(TableNote(opening.group(1), " ".join(opening.group(2).split())))
        elif text.strip():
            legend.append(" ".join(text.split()))
    return notes, " ".join(legend) or None
