"""Tables a text extract prints one cell per line: the UN's staffing and budget tables.

Text extraction writes a table's cells in reading order, one per line, an empty cell as a
blank line:

    Category ⏎ Number of posts (excluding ⏎ special political missions) ⏎ … ⏎ Total    the header
    Expenditure sections ⏎ ⏎ ⏎ ⏎                         a row of a label alone, its cells empty
    Deputy Secretary-General ⏎ 1 ⏎ – ⏎ 1                 a label and one figure per column

A run of at least MIN_ROWS rows of a label and the same number (two or more) of figures is a
table. The lines right above its first rows, up to a blank line, are its header: a header line
that goes on in lower case or with a parenthesis is the same cell's ("Number of posts ⏎
(excluding special ⏎ political missions)"); a new page prints the header again, read once here.
The paragraphs under it that open with a marker its cells print ("9 237b", "… missions)a") are
its notes; one that opens "Abbreviations:" or "Note:" its legend (lod.parse.tables.notes_under).

`text_grids` finds them in the lines of a text and puts the anchor of a table kept apart
(lod.parse.tables.TABLE_ANCHOR) where each stands, blank lines in the places of its other lines,
so that the text keeps its line count (the masthead is told from the body by it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lod.model import Table, TableNote
from lod.parse.blocks import ANNEX_HEADING
from lod.parse.furniture import is_furniture
from lod.parse.printedsymbol import is_symbol_line
from lod.parse.tables import LEGEND_OPENING, NOTE_LINE, notes_under, table_anchor

MIN_ROWS = 4
"""Rows of a label and figures a run needs to be read as a table."""
MOST_HEADER_LINES = 12
_LONGEST_LABEL = 100
_PAGE_HEAD_LINES = 8
"""Lines a new page prints before a table's header again (its short title, symbol, job number)."""
_LONGEST_HEADER_LINE = 60
"""A header's lines are a column's width: a paragraph's wrapped lines above a table are longer."""

_FIGURE = re.compile(
    r"^(?:[-–—]|\(?(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.\d+)?\)?%?)(?P<mark>[a-z]|\*{1,3})?$")
"""A cell of figures as the UN prints them: "1 573", "2,640", "0.5", "(12.3)", "15%", "–" for
none; a note's marker raised after it ("120a", "9 237b")."""
_RAISED = re.compile(r"(?<=[\d)\]%.])(?P<mark>[a-z])$|(?P<stars>\*{1,3})$")
"""A marker raised at the end of a cell's words: after a figure or a bracket ("missions)a"), or
asterisks; a letter after a letter is a word's."""
_GOES_ON = re.compile(r"^[a-z(]")
"""A header line that is the cell above's, wrapped: "(excluding special", "political missions)"."""


@dataclass(frozen=True)
class _Grid:
    """A table found in lines [start, end): its header, rows and the notes under it."""

    start: int
    end: int
    table: Table


def text_grids(lines: list[str], first: int = 0) -> tuple[list[str], list[Table]]:
    """The lines with each one-cell-per-line table replaced by its anchor (numbered from `first`,
    after the tables the reader kept apart itself), and the tables in reading order."""
    stripped = [line.strip() for line in lines]
    if sum(1 for s in stripped if _FIGURE.match(s)) < 2 * MIN_ROWS:  # most texts: no figures on lines of their own
        return lines, []
    out = list(lines)
    tables: list[Table] = []
    at = 0
    while at < len(stripped):
        grid = _grid_at(stripped, at)
        if grid is None:
            at += 1
            continue
        out[grid.start:grid.end] = [table_anchor(first + len(tables)), *[""] * (grid.end - grid.start - 1)]
        tables.append(grid.table)
        at = grid.end
    return out, tables


def _figures_after(lines: list[str], at: int) -> int:
    """How many figures follow the label at `at`, each on its own line (0: not a label)."""
    if not _is_label(lines[at]):
        return 0
    k = at + 1
    while k < len(lines) and _FIGURE.match(lines[k]):
        k += 1
    return k - at - 1


def _is_label(line: str) -> bool:
    return (0 < len(line) <= _LONGEST_LABEL and not _FIGURE.match(line) and not line.endswith((".", ";", ","))
            and not is_symbol_line(line) and not is_furniture(line))


def _is_section(lines: list[str], at: int, columns: int) -> bool:
    """A row of a label alone: the label, then one blank line per figure column, then text."""
    end = at + 1 + columns
    return (_is_label(lines[at]) and end < len(lines) and all(not s for s in lines[at + 1:end])
            and bool(lines[end]))


def _grid_at(lines: list[str], first_row: int) -> _Grid | None:
    """The table whose first row of figures is at `first_row`, if enough rows follow."""
    columns = _figures_after(lines, first_row)
    if columns < 2:
        return None
    start = _sections_above(lines, first_row, columns)
    header_start = _header_above(lines, start)
    header_lines = lines[header_start:start]
    rows: list[list[str]] = []
    at = end = start
    while at < len(lines):
        if _figures_after(lines, at) == columns:
            rows.append(lines[at:at + 1 + columns])
            at = end = at + 1 + columns
        elif _is_section(lines, at, columns):
            rows.append([lines[at], *[""] * columns])
            at += 1 + columns
        elif (again := _header_again(lines, at, header_lines)) is not None:
            at = again  # the header again, on a new page, after its running header
        elif not lines[at] or is_symbol_line(lines[at]) or is_furniture(lines[at]):
            at += 1  # a page break's blank lines and running header
        else:
            break
    while rows and not any(rows[-1][1:]):
        rows.pop()  # labels alone after the last figures are not the table's
    if sum(1 for row in rows if any(row[1:])) < MIN_ROWS:
        return None
    header = _header_cells(header_lines, columns + 1)
    notes_end, notes, legend = _notes_below(lines, end, [header, *rows])
    table = Table(header=header, rows=rows, title=_title_above(lines, header_start), notes=notes, legend=legend)
    return _Grid(header_start, notes_end, table)


def _header_again(lines: list[str], at: int, header_lines: list[str]) -> int | None:
    """Where the rows go on when the header is printed again within a few lines of `at` (a new
    page: its running header and title, then the header): else None."""
    if not header_lines:
        return None
    for k in range(at, min(at + _PAGE_HEAD_LINES, len(lines))):
        if lines[k:k + len(header_lines)] == header_lines:
            return k + len(header_lines)
    return None


def _sections_above(lines: list[str], first_row: int, columns: int) -> int:
    """Where the rows of labels alone right above the first row of figures begin."""
    at = first_row
    while at - 1 - columns >= 0 and _is_section(lines, at - 1 - columns, columns):
        at -= 1 + columns
    return at


def _header_above(lines: list[str], start: int) -> int:
    """Where the header ends at `start` begins: the lines of text right above it, up to a blank line."""
    at = start
    while at > 0 and _is_label(lines[at - 1]) and len(lines[at - 1]) <= _LONGEST_HEADER_LINE and start - at < MOST_HEADER_LINES:
        at -= 1
    return at if at == 0 or not lines[at - 1] else start  # a header stands below a blank line


def _title_above(lines: list[str], start: int) -> str | None:
    """The table's title: the line of text right above it, blank lines between, when it reads
    as one ("Staffing table for 2026"; not "Annex", not a sentence)."""
    at = start
    while at > 0 and not lines[at - 1] and start - at < 3:
        at -= 1
    above = lines[at - 1] if at > 0 else ""
    if at == start or not _is_label(above) or above.endswith(":") or ANNEX_HEADING.match(above):
        return None
    return above


def _header_cells(header_lines: list[str], width: int) -> list[str]:
    """The header's cells: each line a cell's, or the one above's where it goes on. When that does
    not give one cell per column, the header's words in the first cell, none lost."""
    cells: list[str] = []
    for line in header_lines:
        if cells and _GOES_ON.match(line):
            cells[-1] = f"{cells[-1]} {line}"
        else:
            cells.append(line)
    if not cells or len(cells) == width:
        return cells
    return [" ".join(cells), *[""] * (width - 1)]


def _notes_below(lines: list[str], end: int, grid: list[list[str]]) -> tuple[int, list[TableNote], str | None]:
    """The notes and legend printed under the table (its cells' markers taken out of their words),
    and where they end."""
    marked = {(r, c): m for r, row in enumerate(grid) for c, cell in enumerate(row) if (m := _RAISED.search(cell))}
    raised = {m.group("mark") or m.group("stars") for m in marked.values()}
    printed: list[tuple[str, set[str]]] = []
    at = taken = end
    while at < len(lines):
        while at < len(lines) and not lines[at]:
            at += 1
        paragraph_end = at
        while paragraph_end < len(lines) and lines[paragraph_end]:
            paragraph_end += 1
        text = " ".join(lines[at:paragraph_end])
        note = NOTE_LINE.match(text)
        if not text or not (note and note.group(1) in raised or LEGEND_OPENING.match(text)):
            break
        printed.append((text, raised))
        at = taken = paragraph_end
    notes, legend = notes_under(printed)
    for note_read in notes:
        for (r, c), m in marked.items():
            if (m.group("mark") or m.group("stars")) == note_read.marker:
                grid[r][c] = grid[r][c][: m.start()].rstrip()
                note_read.cells.append((r, c + 1))
    return taken, notes, legend
