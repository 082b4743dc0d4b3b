"""A PDF page as lines of glyphs, and what their geometry says: the page's body type, where its
text ends and its notes begin, and which raised digits are footnote markers.

lod.parse.pdf reads the glyphs with PDFium and writes the text; the measures here need no PDF
(tests/test_pdf_layouts.py builds lines by hand). Page layouts differ by the program that made
the PDF: the UN's tagged PDFs mark running headers and footers as artifacts; a PDF printed from
the same Word file by another program (LibreOffice) leaves its footer in body type below the
notes and puts a note's raised marker on a line of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

__all__ = ["Glyph", "Line", "NOTE_MARKS", "attach_markers", "body_size", "lowest_body"]

NOTE_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹*"
"""What a note's first line opens with, once its raised marker is written as a superscript."""


@dataclass(slots=True)
class Glyph:
    """One character as printed: where (its origin, points from the page's foot), how big, in
    which style, and whether a tagged PDF marks it as page furniture (an artifact)."""

    char: str
    size: float
    x: float
    y: float
    italic: bool
    artifact: bool
    bold: bool = False


@dataclass
class Line:
    """The glyphs PDFium gives between two line breaks (a raised marker may be a line of its own)."""

    glyphs: list[Glyph] = field(default_factory=list)

    @cached_property
    def size(self) -> float:
        """The line's type size: the most common size among its letters."""
        sizes = Counter(round(g.size, 1) for g in self.glyphs if g.char.isalpha()) or Counter(
            round(g.size, 1) for g in self.glyphs if not g.char.isspace()
        )
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @cached_property
    def baseline(self) -> float:
        size = self.size
        ys = Counter(round(g.y, 1) for g in self.glyphs if not g.char.isspace() and abs(g.size - size) < 0.6)
        return ys.most_common(1)[0][0] if ys else 0.0

    @property
    def artifact(self) -> bool:
        printed = [g for g in self.glyphs if not g.char.isspace()]
        return bool(printed) and all(g.artifact for g in printed)


def body_size(lines: list[Line]) -> float:
    """The type size most of the lines' glyphs are set in: the text's, where it outweighs the notes."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def lowest_body(lines: list[Line], texts: list[str], size: float) -> float:
    """The baseline of the page's last line in body type above its notes: a footer in body type
    below them ("17-17734 (E) 121017", where a PDF does not tag it as an artifact) is not the
    text's; where a smaller line opens with a marker below body text, the body line above it is."""
    body = [line.baseline for line in lines if line.size >= size * 0.95]
    starts = [line.baseline for line, text in zip(lines, texts)  # "¹ Official Records …", "* Reissued …"
              if line.size < size * 0.92 and (text[:1] in NOTE_MARKS[:-1] or text.startswith("* "))
              and any(b > line.baseline for b in body)]
    if starts:
        first = max(starts)
        return min(b for b in body if b > first)
    return min(body, default=0.0)


def attach_markers(lines: list[Line]) -> list[Line]:
    """A footnote marker PDFium puts on a line of its own (raised above the line it belongs to)
    goes back to the end of that line; a note's own marker, raised before its first word ("⁵
    Ibid., vol. 1577" with "5" a line of its own above), to the start of the line after it."""
    out: list[Line] = []
    pending: list[Glyph] = []
    for i, line in enumerate(lines):
        printed = [g for g in line.glyphs if not g.char.isspace()]
        if pending:
            line.glyphs[:0] = pending
            pending = []
        elif printed and all(g.char.isdigit() for g in printed) and len(printed) <= 3:
            if out and _raised_over(printed, out[-1].size, out[-1].baseline) and printed[0].x >= max(g.x for g in out[-1].glyphs):
                out[-1].glyphs.extend(printed)
                continue
            first = next((g for g in lines[i + 1].glyphs if not g.char.isspace()), None) if i + 1 < len(lines) else None
            if first and first.x >= printed[-1].x and _raised_over(printed, first.size, first.y):  # before its first word
                pending = printed
                continue
        out.append(line)
    return out


def _raised_over(printed: list[Glyph], size: float, baseline: float) -> bool:
    """Digits in smaller type than `size`, raised above `baseline` within that height."""
    return all(g.size < size * 0.85 and baseline < g.y < baseline + size for g in printed)
