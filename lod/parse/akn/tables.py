"""Tables of an AKN4UN file (`<table>` with `<tr>` of `<th>`/`<td>`) → `lod.model.Table`.

A table that stands between paragraphs (the UN marks it `<container name="table">`) is a table
of the document: a form's list of items, a programme of work, a scale of assessments. Read as
a paragraph, its cells ran into one line ("1. | Statement … / 2. | Name …") that looked like a
numbered paragraph when written back; kept as rows and cells, it reaches the RDF and the AKN
output as the table it is. A table inside a paragraph's words stays part of that paragraph's
text (`lod.parse.akn.inline.table_text`).

What is printed under a table belongs to it: its lettered notes ("a See A/77/528.", the UN's
`<paragraph class="FootnoteText">` after the container), whose raised markers ("2023<sup>a</sup>")
its cells print, and a legend no marker points to ("Abbreviations: GS (OL), …"). Read as the
paragraphs they are marked as, they became operative paragraphs without numbers, and the
markers ran into the cells' words ("inflationb").
"""

from __future__ import annotations

import re

from lxml import etree

from lod.model import Table, TableNote
from lod.parse.akn.embedded import detach
from lod.parse.akn.inline import InlineReader, child, descendants, local, squash
from lod.parse.tables import LEGEND_OPENING, notes_under

OUR_EID = re.compile(r"^(?:annex_\d+__)?table_\d+$")
"""The eId lod.akn gives a table (`table_3`): kept on reading, so a table keeps its number."""
NOTE_CLASSES = ("FootnoteText", "tableNote", "tableLegend")
"""Classes of the paragraphs printed under a table that are its own: the UN's (AKN4UN marks a
table's notes and legend as footnote text) and lod.akn's."""


def standing_table(el: etree._Element) -> etree._Element | None:
    """The `<table>` an element of a body is, or holds as its only block: the UN's
    `<container name="table">`, or lod.akn's `<hcontainer name="table">` whose content is the
    table (a container is not allowed among an annex's hcontainers)."""
    if local(el) == "table":
        return el
    if local(el) == "hcontainer" and el.get("name") == "table":
        el = child(el, "content") if child(el, "content") is not None else el
    if local(el) in ("container", "blockContainer", "tblock", "content"):
        blocks = [c for c in el if local(c) and not (local(c) == "p" and c.get("class") in NOTE_CLASSES)]
        if blocks and all(local(c) in ("table", "num", "heading") for c in blocks) and child(el, "table") is not None:
            return child(el, "table")
    return None


def notes_of(el: etree._Element) -> list[etree._Element]:
    """What is printed under a standing table as its notes and legend: lod.akn's `<p>`s after the
    table in its content, else the paragraphs right after the table's container that the UN marks
    as footnote text (or that open as a legend), up to the first that is neither."""
    table = standing_table(el)
    if table is None:
        return []
    inside = [c for c in table.itersiblings() if local(c) == "p"] if table is not el else []
    if inside:
        return inside
    found = []
    for sibling in el.itersiblings():
        if not local(sibling):
            continue  # a comment
        words = squash("".join(sibling.itertext()))
        if local(sibling) != "paragraph" or child(sibling, "num") is not None or not words or (
                sibling.get("class") not in NOTE_CLASSES and not LEGEND_OPENING.match(words)):
            break
        found.append(sibling)
    return found


def _notes(elements: list[etree._Element], inline: InlineReader) -> tuple[list[TableNote], str | None]:
    """The table's notes and legend (lod.parse.tables.notes_under), each paragraph with its raised words."""
    printed = []
    for el in elements:
        holder = child(el, "content") if local(el) == "paragraph" else el
        raised = {squash("".join(s.itertext())) for s in descendants(holder, "sup")} if holder is not None else set()
        printed.append((inline.read(holder).text, raised))
    return notes_under(printed)


def read_table(el: etree._Element, inline: InlineReader, title: str | None, under: list[etree._Element]) -> Table:
    """Rows of cell texts; a first row of header cells (`<th>`) is the header. The caption, where
    the file has one, is the title; else the heading printed just before the table. The notes
    printed under it (`under`, as `notes_of` finds them) are its notes and legend; a note's raised marker in a cell is
    taken out of the cell's words and recorded on the note."""
    table = standing_table(el)
    assert table is not None
    caption = child(table, "caption")
    notes, legend = _notes(under, inline)
    noted = {note.marker: note for note in notes}
    rows: list[list[str]] = []
    header: list[str] = []
    markers: list[str] = []
    for k, tr in enumerate(descendants(table, "tr")):
        cells = [c for c in tr if local(c) in ("td", "th")]
        place = 0 if k == 0 and all(local(c) == "th" for c in cells) else len(rows) + 1
        for column, cell in enumerate(cells, 1):
            for sup in list(descendants(cell, "sup")):
                marker = squash("".join(sup.itertext()))
                if marker in noted:  # a marker notes_under read
                    noted[marker].cells.append((place, column))
                    detach(sup)
        read = [inline.read(c) for c in cells]
        markers += [m for r in read for m in r.markers if m not in markers]
        texts = [r.text for r in read]
        if not any(texts):
            continue
        if k == 0 and all(local(c) == "th" for c in cells):
            header = texts
        else:
            rows.append(texts)
    own = el.get("eId") or table.get("eId") or ""
    return Table(
        header=header,
        rows=rows,
        eid=own.rsplit("__", 1)[-1] if OUR_EID.match(own) else "",
        title=(inline.read(caption).text or None) if caption is not None else title,
        footnote_refs=markers,
        notes=notes,
        legend=legend,
    )
