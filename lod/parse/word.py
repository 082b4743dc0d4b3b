"""Word (DOCX) reader on python-docx: the UN's original files, as the Official Document System
keeps them.

A Word file says directly what a PDF only shows: each paragraph is one paragraph, runs carry
italics (the verb phrase is an italic run), footnote references are footnote references, and
tables are tables. This reader writes paragraphs one per line with a blank line between
them, italic runs as `*…*` and footnote references as superscript numbers with the notes after
a rule at the end — the forms the rest of the parser reads — and hands tables over as rows of
cells, so a scale of assessments is never read as paragraphs.

The masthead ("United Nations", symbol, organ, "Distr.: General", date) is the first page's
header in these files and is read from there; the running headers and footers (short title,
page numbers, job numbers, barcodes) are page furniture and are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from lod.model import Table, TableNote
from lod.parse.errors import ParseError
from lod.parse.pdf import RAISED, RULE
from lod.parse.readers import SourceText
from lod.parse.tables import LEGEND_OPENING, TABLE_NOTE_MARKER, notes_under, table_anchor

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class DocxSource:
    """A Word file, recognised as a ZIP archive holding word/document.xml."""

    name: str = "docx"

    def accepts(self, data: bytes) -> bool:
        return data.startswith(b"PK\x03\x04")

    def read(self, data: bytes, source: str) -> SourceText:
        return docx_source(data, source)


def docx_source(data: bytes, source: str) -> SourceText:
    """A DOCX file → its text in reading order, with its tables beside it."""
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ParseError(source, "the file is a ZIP archive but not a Word document (it has no word/document.xml)")
        document = docx.Document(io.BytesIO(data))
    except ParseError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError(source, f"the Word document cannot be read ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml and python-docx raise many types for damaged parts; all mean "unreadable"
        raise ParseError(source, f"the Word document cannot be read ({type(exc).__name__}: {exc})") from None
    reading = _Reading(_footnote_texts(document))
    lines = _masthead(document)
    head = len(lines)
    under: list[tuple[str, set[str]]] | None = None  # what is printed under the last table, while it goes on
    heading: str | None = None  # a heading printed right above: the title of a table that follows
    for block in _blocks(document.element.body):
        if block.tag == _W + "p":
            text = reading.paragraph(block)
            if under is not None and text.strip() and (_paragraph_style(block) == "FootnoteText" or LEGEND_OPENING.match(text)):
                under.append((_EMPHASIS.sub(r"\1", text), set(_raised_marks(block))))  # the table's, not the text's
                continue
            if text.strip():
                under = None
                lines += [text, ""]
                heading = " ".join(_EMPHASIS.sub(r"\1", text).split()) if _HEADING_STYLE.match(_paragraph_style(block) or "") else None
        elif block.tag == _W + "tbl":
            table = _table(block, reading)
            table.title = heading
            if table.rows:
                lines += [table_anchor(len(reading.tables)), ""]  # where it stands: its annex (lod.parse.tables)
                reading.tables.append((table, under := []))
    if not any(line.strip() for line in lines[head:]) and not reading.tables:
        raise ParseError(source, "the Word document has no text")
    if reading.used:
        lines += [RULE, *(f"{marker} {reading.footnotes.get(ref, '')}" for ref, marker in reading.used)]
    return SourceText("\n".join(lines) + "\n", "docx", {}, source, tables=[_noted(t, u) for t, u in reading.tables])


def _blocks(body: Any) -> list[Any]:
    """Paragraphs and tables of the body in order; content controls are looked into."""
    out = []
    for child in body.iterchildren():
        if child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                out += _blocks(content)
        elif child.tag in (_W + "p", _W + "tbl"):
            out.append(child)
    return out


class _Reading:
    """The state of reading one document: footnotes met so far (numbered in order) and tables."""

    def __init__(self, footnotes: dict[str, str]) -> None:
        self.footnotes = footnotes
        self.used: list[tuple[str, str]] = []
        """(footnote id, marker) in the order of reference: Word numbers the notes it numbers itself."""
        self.numbered = 0
        self.tables: list[tuple[Table, list[tuple[str, set[str]]]]] = []
        """Each table read, with the paragraphs printed under it as its notes and legend (words, raised
        markers): one list, so a table and what is under it never part."""

    def paragraph(self, p: Any) -> str:
        """One paragraph: tabs to spaces, italic runs as `*…*`, footnote references as ¹²³."""
        from docx.text.run import Run

        pieces: list[tuple[str, bool]] = []
        custom: str | None = None  # a reference whose mark ("*") is the text of the next run
        for r in p.iterfind(f".//{_W}r"):
            if _deleted(r, p):
                continue
            ref = r.find(f"{_W}footnoteReference")
            if ref is not None:
                if ref.get(_W + "customMarkFollows") in ("1", "true", "on"):
                    custom = ref.get(_W + "id", "")
                    mark = Run(r, None).text.strip()  # type: ignore[arg-type]
                    if mark:  # the mark in the reference's own run
                        self.used.append((custom, mark))
                        pieces.append((mark, False))
                        custom = None
                    continue
                self.numbered += 1
                self.used.append((ref.get(_W + "id", ""), str(self.numbered)))
                pieces.append((str(self.numbered).translate(RAISED), False))
                continue
            run = Run(r, None)  # type: ignore[arg-type]
            text = run.text
            if text and custom is not None:
                self.used.append((custom, text.strip()))
                pieces.append((text.strip(), False))
                custom = None
            elif text and run.font.superscript:
                # a marker typed as raised text rather than a footnote reference
                pieces.append((_raised(text), False))
            elif text:
                pieces.append((text, bool(run.italic)))
        return _emphasised(pieces)


def _raised(text: str) -> str:
    """Raised marker text → superscript markers, one per note: "1–21" (a range) is notes 1 to 21,
    "3, 4" notes 3 and 4; what is not a number stays as printed."""
    marks: list[str] = []
    for part in re.split(r"\s*[,;]\s*", text.strip()):
        m = re.fullmatch(r"(\d{1,3})\s*[–-]\s*(\d{1,3})", part)
        if m and 0 < int(m.group(2)) - int(m.group(1)) <= 50:
            marks += [str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif part.isdigit():
            marks.append(part)
        else:
            return text
    return " ".join(mark.translate(RAISED) for mark in marks)


def _plain(p: Any) -> str:
    """A footnote's paragraph as text, its runs read as the body's are (python-docx's Run.text):
    Word's non-breaking hyphen is an element of its own, not a character of `w:t`, and a symbol
    "A/ES-10/273" or "A/69/711-S/2015/1" printed with one lost it ("A/ES10/273"). The note's own
    mark, where typed as a run in the FootnoteReference style rather than `w:footnoteRef`, is
    not its text; a line break inside a web address only wraps it."""
    from docx.text.run import Run

    pieces = []
    for r in p.iterfind(f".//{_W}r"):
        if _deleted(r, p) or _style(r) == "FootnoteReference":
            continue
        pieces.append(Run(r, None).text)  # type: ignore[arg-type]
    return _WRAPPED_ADDRESS.sub(r"\1", "".join(pieces))


_WRAPPED_ADDRESS = re.compile(r"((?:https?://|www\.)\S*)\n(?=\S)")
"""A web address a line break wraps ("…%20Report%20on%⏎20Emergency…"): the break is not a space."""


def _style(r: Any) -> str | None:
    """The character style of a run (w:rStyle), if any."""
    style = r.find(f"{_W}rPr/{_W}rStyle")
    return None if style is None else style.get(_W + "val")


def _deleted(r: Any, p: Any) -> bool:
    """A run inside tracked deletions (w:del) is not text; neither is a text box's inner text."""
    node = r.getparent()
    while node is not None and node is not p:
        if node.tag in (_W + "del", _W + "txbxContent"):
            return True
        node = node.getparent()
    return False


def _emphasised(pieces: list[tuple[str, bool]]) -> str:
    """Runs → one line; a span of italic runs becomes one `*…*` with its spaces outside."""
    out: list[str] = []
    k = 0
    while k < len(pieces):
        text, italic = pieces[k]
        if not italic:
            out.append(text)
            k += 1
            continue
        span = []
        while k < len(pieces) and (pieces[k][1] or (not pieces[k][0].strip() and k + 1 < len(pieces) and pieces[k + 1][1])):
            span.append(pieces[k][0])
            k += 1
        joined = "".join(span)
        punctuation = _LEADING_PUNCTUATION.match(joined).group(0)  # "7*. Also welcomes*": the number's stop is not italics
        out.append(punctuation)
        joined = joined[len(punctuation) :]
        inner = joined.strip()
        if inner:
            lead = joined[: len(joined) - len(joined.lstrip())]
            trail = joined[len(joined.rstrip()) :]
            out.append(f"{lead}*{inner}*{trail}")
        else:
            out.append(joined)
    lines = "".join(out).replace("\t", " ").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines)


_LEADING_PUNCTUATION = re.compile(r"^[\s.,;:)\]]*")


def _table(table: Any, reading: _Reading) -> Table:
    """A table's rows of cell texts (a merged cell once), without empty rows; a line break in
    a cell ("Geneva/" ⏎ "New York") is the cell's width, not its words: one space. The raised
    letters a cell ends with are kept as the markers of notes it may have (`_noted`)."""
    rows = []
    marks: list[TableNote] = []
    for tr in table.iterfind(f"{_W}tr"):
        cells = []
        for tc in tr.iterfind(f"{_W}tc"):
            texts = [reading.paragraph(p) for p in tc.iterfind(f".//{_W}p")]
            cells.append(" ".join(" ".join(t.replace("*", "").split()) for t in texts if t.strip()))
            marks += [TableNote(mark, "", [(len(rows) + 1, len(cells))]) for mark in _raised_marks(tc)]
        if any(cells):
            rows.append(cells)
    return Table(rows=rows, notes=marks)  # notes without words: what the cells raise, until `_noted`


def _raised_marks(element: Any) -> list[str]:
    """The raised runs of `element` that read as a table note's marker ("a", "*")."""
    from docx.text.run import Run

    return [text for r in element.iterfind(f".//{_W}r")
            if (run := Run(r, None)).font.superscript and TABLE_NOTE_MARKER.match(text := run.text.strip())]  # type: ignore[arg-type]


def _noted(table: Table, under: list[tuple[str, set[str]]]) -> Table:
    """The table with the notes and legend printed under it; a note's marker taken out of the
    words of the cells that end with it raised."""
    notes, legend = notes_under([(text, raised | {m.marker for m in table.notes}) for text, raised in under])
    for note in notes:
        for mark in (m for m in table.notes if m.marker == note.marker):
            (r, c), = mark.cells
            if table.rows[r - 1][c - 1].endswith(note.marker):
                table.rows[r - 1][c - 1] = table.rows[r - 1][c - 1][: -len(note.marker)].rstrip()
                note.cells.append((r, c))
    return Table(rows=table.rows, title=table.title, notes=notes, legend=legend)


_HEADING_STYLE = re.compile(r"^(?:H\d{1,2}|HCh|HM|TitleH\d)$")
"""The UN's heading styles in Word ("H1", "H23", "H4"): a heading right above a table is its title."""
_EMPHASIS = re.compile(r"\*(\S[^*]*?)\*")
"""Italic runs as `_emphasised` marks them ("*Note*: …"): a note's words are plain text."""


def _paragraph_style(p: Any) -> str | None:
    """A paragraph's style (w:pStyle), as Word names it ("FootnoteText")."""
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return None if style is None else style.get(_W + "val")


def _masthead(document: Any) -> list[str]:
    """The first page's header: each distinct cell's text, in order, then a blank line."""
    lines: list[str] = []
    section = document.sections[0] if document.sections else None
    if section is None:
        return lines
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    seen: set[str] = set()
    for table in header.tables:
        for row in table.rows:
            for cell in row.cells:
                text = cell.text.strip()
                if text and text not in seen:
                    seen.add(text)
                    lines += [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    lines += [p.text.strip() for p in header.paragraphs if p.text.strip()]
    return [*lines, ""] if lines else lines


def _footnote_texts(document: Any) -> dict[str, str]:
    """Footnote id → text, from word/footnotes.xml (python-docx does not read footnotes)."""
    from docx.oxml.parser import parse_xml

    for part in document.part.package.parts:
        if str(part.partname) == "/word/footnotes.xml":
            root = parse_xml(part.blob)  # python-docx's classes: Run.text reads each run
            notes = {}
            for note in root.iterfind(f"{_W}footnote"):
                if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paragraphs = [_plain(p) for p in note.iterfind(f".//{_W}p")]
                notes[note.get(_W + "id", "")] = " ".join(" ".join(paragraphs).split())
            return notes
    return {}
