"""PDF reader on PDFium (pypdfium2): the printed page's character data → hard-wrapped text.

Plain text extraction loses what a reader of the printed page sees; PDFium's per-character data
keeps it, and this module writes it into the text in the forms the rest of the parser reads:

- italics (font names with "Italic" or "Oblique") as `*…*`, so the verb phrase the UN prints in
  italics ("*Reiterates its call for*") is read as printed; an italic span that runs on to the
  next line stays one span. The barcode font ("Barcode 3 of 9 …,BoldItalic") is not italics.
- footnote markers (small raised digits) as Unicode superscripts, apart from the word they
  follow ("Charter¹"); footnote text (smaller type below the page's text) after a rule line.
- running headers and footers: tagged PDFs mark them as artifacts, and they are dropped on
  every page but the first, whose masthead carries the document's metadata.
- a line-end hyphen is printed text and is kept: the next line is joined to it directly.

PDFium positions words itself, so justified spacing never splits a word. PDFium is not
thread-safe: one lock serialises it inside a process, and the build extracts in its worker
processes (lod.publish.pipeline), so documents are still read in parallel.
"""

from __future__ import annotations

import ctypes
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from lod.parse.errors import ParseError
from lod.parse.pdflines import NOTE_MARKS, Glyph, Line, attach_markers, body_size, lowest_body

PAGE_BREAK = "\f"
PDFIUM_HYPHEN = "\ufffe"
"""What PDFium reports for a hyphen it found at a line end ("Secretary-General" broken after the
hyphen): a noncharacter that XML cannot carry, so it is read as the hyphen it stands for."""
RULE = "__________"
"""The line the furniture stage takes for a footnote rule (a drawn line has no text)."""
PRINTED_RULE = re.compile(r"^\s*_{5,}\s*$")
"""A rule as text prints it (five underscores or more): what every reader takes for one."""

_LOCK = threading.Lock()
_BARCODE = re.compile(r"^\*\d{6,8}\*$")
RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Digits → superscript digits: how every reader writes a footnote marker (furniture reads them back)."""
LOWERED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
"""Superscript digits → digits: a marker as `RAISED` wrote it, read back."""
_NOT_ITALIC_FONTS = ("barcode", "3 of 9", "3of9", "code39")


def pdf_pages(data: bytes, source: str) -> list[str]:
    """The text of each page of a PDF, in the hard-wrapped form the raw-PDF-text stages read."""
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise ParseError(source, f"the PDF cannot be read ({_reason(exc)})") from None
        try:
            lines = [[x for x in _lines(document[k]) if k == 0 or not x.artifact] for k in range(len(document))]
            text_size = body_size([x for page in lines for x in page])  # the document's, beside each page's
            pages = [_page_text(page, text_size) for page in lines]
        except pdfium.PdfiumError as exc:
            raise ParseError(source, f"a page of the PDF cannot be read ({_reason(exc)})") from None
        finally:
            document.close()
    return _number_stops(pages)


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF, without reading its text (PDFium loads pages lazily): for page caps."""
    import pypdfium2 as pdfium

    with _LOCK:
        document = pdfium.PdfDocument(path)
        try:
            return len(document)
        finally:
            document.close()


def _number_stops(pages: list[str]) -> list[str]:
    """A paragraph number printed without its full stop ("11 *Condemns* …") is one when three
    signs agree: it continues the count, the line before ends a paragraph, and an italic verb
    follows it."""
    last = 0
    previous = ""
    out = []
    for page in pages:
        lines = page.split("\n")
        for k, line in enumerate(lines):
            numbered = _NUMBERED.match(line)
            bare = None if numbered else _BARE_NUMBER.match(line)
            if bare and int(bare.group(1)) == last + 1 and previous.rstrip("*”’\"").endswith((";", ".")):
                lines[k] = f"{bare.group(1)}.{line[bare.end(1):]}"
                numbered = bare
            if numbered:
                last = int(numbered.group(1))
            if line.strip():
                previous = line
        out.append("\n".join(lines))
    return out


_BARE_NUMBER = re.compile(r"^(\d{1,3}) \*[A-Z][a-z]")


def pdf_text(data: bytes, source: str) -> str:
    """Every page's text, pages joined by a form feed; a PDF without text is refused."""
    text = PAGE_BREAK.join(pdf_pages(data, source))
    if not text.replace(PAGE_BREAK, "").strip():
        raise ParseError(source, "the PDF has no extractable text (scanned, truncated or empty)")
    return text


def _reason(exc: Exception) -> str:
    message = str(exc)
    if "password" in message.lower():
        return "it is encrypted and needs a password"
    return message or type(exc).__name__


def _page_text(lines: list[Line], text_size: float) -> str:
    """A page's text; its notes (smaller type below its text) after a rule. The page's body type
    is the document's where three lines or more of the page are set in it: on a first page
    whose notes hold more words than its text, the notes' type is not the body's."""
    size = body_size(lines)
    if size < text_size and sum(1 for line in lines if line.size == text_size) >= 3:
        size = text_size
    texts = [_render(line) for line in lines]
    text_end = lowest_body(lines, texts, size)
    heading = [_is_heading(line, text) for line, text in zip(lines, texts)]
    body: list[str] = []
    notes: list[str] = []
    for k, (line, text) in enumerate(zip(lines, texts)):
        if not text.strip():
            continue
        if heading[k] and _after_paragraph(body) and _heads(texts[k + 1 :], heading[k + 1 :]):
            body += ["", text, ""]  # a sub-heading: blank lines set it apart, as on the page
            continue
        below = line.baseline < text_end - 1 and line.size < size * 0.92
        if below and not line.artifact:
            notes.append(text)
        else:
            body.append(text)
    first_note = next((k for k, text in enumerate(notes) if text[:1] in NOTE_MARKS), None)
    if first_note is not None and not any(PRINTED_RULE.match(text) for text in notes[:first_note]):
        notes.insert(first_note, RULE)
    body += notes
    return "\n".join(_join_hyphens(body)) + "\n"


_HEADING_END = re.compile(r"[,;:.]\**$")


def _is_heading(line: Line, text: str) -> bool:
    """A short line set wholly in bold or wholly in italics, without closing punctuation."""
    printed = [g for g in line.glyphs if g.char.isalpha()]
    if not printed or len(text.split()) > 12 or _HEADING_END.search(text) or text[:1].isdigit() or text.startswith("("):
        return False
    return all(g.bold for g in printed) or all(g.italic for g in printed)


def _heads(texts: list[str], heading: list[bool]) -> bool:
    """What follows a heading: another heading line, or a numbered paragraph."""
    for text, is_heading in zip(texts, heading):
        if text.strip():
            return bool(_NUMBERED.match(text)) or is_heading
    return False


def _after_paragraph(body: list[str]) -> bool:
    """A heading comes after a finished paragraph (or another heading), never inside a list of
    sponsors or a sentence."""
    if not body:
        return False
    return not body[-1] or body[-1].rstrip("*”’\"").endswith((";", ".", ":"))


_NUMBERED = re.compile(r"^(\d{1,3})\.\s")


def _lines(page) -> list[Line]:  # type: ignore[no-untyped-def]
    """Characters in reading order, cut into lines where PDFium breaks them."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(textpage)
        text = textpage.get_text_range() if count > 0 else ""
        exact = len(text) == count
        objects: dict[int, tuple[bool, bool, bool]] = {}
        text_object, font_size, char_origin = _fast_calls()
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        x, y = ctypes.c_double(), ctypes.c_double()
        x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
        lines: list[Line] = [Line()]
        previous: Glyph | None = None
        hyphen: Glyph | None = None  # the last glyph before a line-end hyphen PDFium joined the next line to
        for i in range(count):
            char = text[i] if exact else chr(raw.FPDFText_GetUnicode(textpage, i) or 32)
            if char == PDFIUM_HYPHEN:
                char, hyphen = "-", previous
            if char in "\r\n":
                if char == "\n" or not exact:
                    lines.append(Line())
                previous = None
                continue
            key = text_object(handle, i)
            if not key:  # generated (a space PDFium inserts): like the glyph before it
                if previous is not None:
                    lines[-1].glyphs.append(
                        Glyph(char, previous.size, previous.x, previous.y, previous.italic, previous.artifact, previous.bold)
                    )
                continue
            if key not in objects:
                objects[key] = _object_style(raw.FPDFText_GetTextObject(textpage, i))
            italic, artifact, bold = objects[key]
            char_origin(handle, i, x_ref, y_ref)
            previous = Glyph(char, font_size(handle, i), x.value, y.value, italic, artifact, bold)
            if hyphen is not None and char != "-":
                if _elsewhere(hyphen, previous):  # "twenty-" then a note's "1 United Nations": not the word's end
                    lines.append(Line())
                hyphen = None
            lines[-1].glyphs.append(previous)
        return attach_markers([line for line in lines if line.glyphs])
    finally:
        textpage.close()


def _elsewhere(before: Glyph, after: Glyph) -> bool:
    """After a line-end hyphen, a glyph in other type or far below: the next text in reading order
    (a note at the page's foot where the paragraph goes on over the page), not the word's end."""
    return not 0.92 < after.size / max(before.size, 0.1) < 1.09 or before.y - after.y > 2.5 * before.size


@lru_cache(maxsize=1)
def _fast_calls() -> tuple[Any, Any, Any]:
    """The three PDFium calls made for every character, typed with plain addresses: the
    bindings' pointer types cost more per call than the call itself."""
    import pypdfium2.raw as raw

    def typed(function: Any, restype: Any, *argtypes: Any) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value
        return ctypes.CFUNCTYPE(restype, *argtypes)(address)

    handle, index, out = ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
    return (
        typed(raw.FPDFText_GetTextObject, ctypes.c_void_p, handle, index),
        typed(raw.FPDFText_GetFontSize, ctypes.c_double, handle, index),
        typed(raw.FPDFText_GetCharOrigin, ctypes.c_int, handle, index, out, out),
    )


_NAME = ctypes.create_string_buffer(256)


def _object_style(obj) -> tuple[bool, bool, bool]:  # type: ignore[no-untyped-def]
    """(italic, artifact, bold) of a text object: its font's name and its marked-content tags."""
    import pypdfium2.raw as raw

    font = raw.FPDFTextObj_GetFont(obj)
    name = ""
    if font:
        length = raw.FPDFFont_GetBaseFontName(font, _NAME, len(_NAME))
        name = _NAME.raw[: max(0, min(length, len(_NAME)) - 1)].decode("latin-1").lower()
    italic = ("italic" in name or "oblique" in name) and not any(n in name for n in _NOT_ITALIC_FONTS)
    barcode = any(n in name for n in _NOT_ITALIC_FONTS)
    return italic, _is_artifact(obj), "bold" in name and not barcode


def _is_artifact(obj) -> bool:  # type: ignore[no-untyped-def]
    import pypdfium2.raw as raw

    for k in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, k)
        buffer = (ctypes.c_ushort * 32)()
        length = ctypes.c_ulong()
        if raw.FPDFPageObjMark_GetName(mark, buffer, ctypes.sizeof(buffer), ctypes.byref(length)):
            name = bytes(buffer)[: max(0, length.value - 2)].decode("utf-16-le", "replace")
            if name == "Artifact":
                return True
    return False


def _render(line: Line) -> str:
    """One line as text: raised small digits as superscripts, italic runs as `*…*`."""
    size, baseline = line.size, line.baseline
    out: list[str] = []
    italic_open = False
    pending_space = ""
    for k, g in enumerate(line.glyphs):
        char = g.char
        raised = char.isdigit() and g.size < size * 0.85 and g.y > baseline + size * 0.2
        if raised:
            char = char.translate(RAISED)
            if k + 1 < len(line.glyphs) and line.glyphs[k + 1].char.isalnum() and not _is_raised(line.glyphs[k + 1], size, baseline):
                char += " "  # a footnote's own marker, printed against its text
        italic = g.italic and not raised and char != "*"
        if char.isspace():
            pending_space += char if not out or not out[-1].endswith(" ") else ""
            continue
        if italic and not italic_open:
            out.append(pending_space + "*")
            italic_open = True
        elif not italic and italic_open:
            out.append("*" + pending_space)
            italic_open = False
        else:
            out.append(pending_space)
        pending_space = ""
        out.append(char)
    if italic_open:
        out.append("*")
    return "".join(out).replace("**", "").rstrip()


def _is_raised(g: Glyph, size: float, baseline: float) -> bool:
    return g.char.isdigit() and g.size < size * 0.85 and g.y > baseline + size * 0.2


def _join_hyphens(lines: list[str]) -> list[str]:
    """A line ending in a hyphen goes on without a space on the next line; italic spans that
    wrap become one span ("*Reiterates its call*" + "*for* …" → "*Reiterates its call for* …")."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("-") and out[-1] != RULE and line[:1].isalpha():
            out[-1] += line
            continue
        if out and out[-1].endswith("*") and line.startswith("*") and out[-1].strip() != "*" and not line.startswith("* ") \
                and not _BARCODE.match(out[-1]) and not _BARCODE.match(line):  # not a note's star ("*" ⏎ "* Reissued …")
            out[-1] = out[-1][:-1]
            line = line[1:]
        out.append(line)
    return out
