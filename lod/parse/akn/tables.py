"""Tables of an AKN4UN file (`<table>` with `<tr>` of `<th>`/`<td>`) → `lod.model.Table`.

A table that stands between paragraphs (the UN marks it `<container name="table">`) is a table
of the document: a form's list of items, a programme of work, a scale of assessments. Read as
a paragraph, its cells ran into one line ("1. | Statement … / 2. | Name …") that looked like a
numbered paragraph when written back; kept as rows and cells, it reaches the RDF and the AKN
output as the table it is. A table inside a paragraph's words stays part of that paragraph's
text (`lod.parse.akn.inline.table_text`).
"""

from __future__ import annotations

import re

from lxml import etree

from lod.model import Table
from lod.parse.akn.inline import InlineReader, child, descendants, local

OUR_EID = re.compile(r"^(?:annex_\d+__)?table_\d+$")
"""The eId lod.akn gives a table (`table_3`): kept on reading, so a table keeps its number."""


def standing_table(el: etree._Element) -> etree._Element | None:
    """The `<table>` an element of a body is, or holds as its only block: the UN's
    `<container name="table">`, or lod.akn's `<hcontainer name="table">` whose content is the
    table (a container is not allowed among an annex's hcontainers)."""
    if local(el) == "table":
        return el
    if local(el) == "hcontainer" and el.get("name") == "table":
        el = child(el, "content") if child(el, "content") is not None else el
    if local(el) in ("container", "blockContainer", "tblock", "content"):
        blocks = [c for c in el if local(c)]
        if blocks and all(local(c) in ("table", "num", "heading") for c in blocks) and child(el, "table") is not None:
            return child(el, "table")
    return None


def read_table(el: etree._Element, inline: InlineReader, title: str | None) -> Table:
    """Rows of cell texts; a first row of header cells (`<th>`) is the header. The caption, where
    the file has one, is the title; else the heading printed just before the table."""
    table = standing_table(el)
    assert table is not None
    caption = child(table, "caption")
    rows: list[list[str]] = []
    header: list[str] = []
    markers: list[str] = []
    for k, tr in enumerate(descendants(table, "tr")):
        cells = [c for c in tr if local(c) in ("td", "th")]
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
    )
