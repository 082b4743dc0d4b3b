"""Page furniture and footnotes: what is printed on the page but is not the resolution's text.

Running headers, job numbers, barcodes, page numbers and footnote blocks can fall in the
middle of a sentence; they are taken out line by line here so that the structure stage sees
one continuous text. Footnote markers are replaced by a private token (`MARK`) so that later
stages can record where they were without confusing them with numbers of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lod.dates import MONTH_NAMES
from lod.parse.joining import join_lines
from lod.parse.pdf import LOWERED, PAGE_BREAK, PRINTED_RULE
from lod.parse.printedsymbol import document_symbol, is_symbol_line

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK_RE = re.compile("\ue000([^\ue001]{1,5})\ue001")
_PRIVATE_USE = re.compile("(\ue002\\d{1,4}\ue003)|[\ue000-\uf8ff]")
"""Characters no text prints, which the parser uses for its own tokens: taken out of any input,
but for the anchor a reader puts where a table it keeps apart stands (lod.parse.tables.TABLE_ANCHOR)."""

_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")


def mark(marker: str) -> str:
    """The in-text token for a footnote marker."""
    return f"{MARK_OPEN}{marker}{MARK_CLOSE}"


def strip_marks(text: str) -> tuple[str, list[str]]:
    """Text without marker tokens, and the markers in reading order."""
    refs = MARK_RE.findall(text)
    return " ".join(MARK_RE.sub("", text).split()), refs


@dataclass
class Cleaned:
    """Lines of text (blank lines kept as "") and the footnotes taken out of them."""

    lines: list[str]
    footnotes: dict[str, str] = field(default_factory=dict)


def normalise(text: str) -> str:
    """Characters that print the same but compare differently become one form."""
    text = _PRIVATE_USE.sub(r"\1", text)
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00ad", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    return _LONE_UNDERSCORE.sub(" ", text) if "_" in text else text


_LONE_UNDERSCORE = re.compile(r"(?<=[A-Za-z])(?: _ ?| ?_)(?=(?:on|upon|for|to|in|of|the|all)\b(?!_))")
"""An underscore between a word and a small word: a smudge OCR read ("Calls _ upon all parties",
S/RES/775 (1992); "Calls _on", "Calls_on"); no text prints one (Markdown's emphasis holds its
words: "_so_")."""


# --- Markdown -----------------------------------------------------------------------------
_MD_FOOTNOTE_DEFS = (
    re.compile(r"^\[\^([\w*]{1,5})\]:\s*(.*)$"),
    re.compile(r"^<sup>\s*([\w*]{1,5})\s*</sup>\s*(.*)$"),
    re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+(.*)$"),
)
_MD_STAR_FOOTNOTE = re.compile(r"^\\?(\*{1,3})\s+(\S.*)$")
_MD_PLAIN_FOOTNOTE = re.compile(r"^(\d{1,3})\s+([A-Z*“\"\[].*)$")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,300}\)")
_MD_SUP = re.compile(r"<sup>\s*([\w*]{1,5})\s*</sup>")
_MD_REF = re.compile(r"\[\^([\w*]{1,5})\]")
_MD_STAR_MARK = re.compile(r"(?<=[^\s\\])\\\*")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,100})?/?>")


def _md_inline(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_SUP.sub(lambda m: mark(m.group(1)), line)
    line = _MD_REF.sub(lambda m: mark(m.group(1)), line)
    line = _SUPERSCRIPT_RUN.sub(lambda m: mark(m.group(0).translate(LOWERED)), line)
    line = _MD_STAR_MARK.sub(mark("*"), line)
    line = line.replace("\\*", "*").replace("**", "")
    line = _HTML_TAG.sub("", line)
    return line.replace("\\", "")


def clean_markdown(text: str) -> Cleaned:
    """Markdown export: footnote definitions out, inline markers to tokens, links to text."""
    out: list[str] = []
    notes: dict[str, str] = {}
    after_rule = False
    last_note: str | None = None
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if _MD_RULE.match(line):
            out.append("")
            after_rule = True
            continue
        definition = None
        for pattern in _MD_FOOTNOTE_DEFS:
            m = pattern.match(line)
            if m:
                definition = (m.group(1).translate(LOWERED), m.group(2))
                break
        if definition is None and after_rule:
            m = _MD_STAR_FOOTNOTE.match(line) or _MD_PLAIN_FOOTNOTE.match(line)
            if m and (not m.group(1).isdigit() or _next_note(m.group(1), notes)):
                definition = (m.group(1), m.group(2))
        if definition is not None and last_note is not None and not _next_note(definition[0], notes):
            # "[^1994]: …" where the note above wrapped before a year: the year continues that note
            notes[last_note] = f"{notes[last_note]} {definition[0]} {clean_inline_text(_md_inline(definition[1]))}"
            out.append("")
            continue
        if definition is not None:
            notes.setdefault(definition[0], clean_inline_text(_md_inline(definition[1])))
            last_note = definition[0]
            out.append("")
            continue
        if line and last_note is not None and raw[:1] in " \t":
            # an indented line continues the footnote above (Markdown's footnote continuation)
            notes[last_note] = f"{notes[last_note]} {clean_inline_text(_md_inline(line))}"
            out.append("")
            continue
        if line:
            after_rule = False
            last_note = None
        out.append(_md_inline(_MD_HEADING.sub("", line)))
    return Cleaned(out, notes)


def clean_inline_text(text: str) -> str:
    """Footnote text as a reader sees it: no markup, no markers, single spaces."""
    text, _ = strip_marks(text)
    return " ".join(text.replace("*", "").split())


# --- Raw PDF text and page extracts --------------------------------------------------------
_JOB = r"(?:GE\.)?\d{2}-\d{5}"  # a job number: New York's "23-12345", Geneva's "GE.23-06890" (the HRC's texts)
JOB_NUMBER = re.compile(rf"^{_JOB}(?:\s*\([A-Z]\))?(?:\s+\d{{6}})?(?:\s+\d{{1,3}}/\d{{1,3}})?\s*$")
BARCODE = re.compile(r"^\*\d{6,8}\*$")
_JOB_DATE = re.compile(r"^[0-3]\d[01]\d\d\d$")
"""The date of a job number on a line of its own ("18-11250 (E)" ⏎ "170718", as pdftotext splits them)."""
PAGE_NUMBER = re.compile(rf"^\d{{1,3}}/\d{{1,3}}(?:\s+{_JOB})?$|^GE\.\d{{2}}-\d{{5}}\s+\d{{1,3}}$|^\d{{1,3}}\s+GE\.\d{{2}}-\d{{5}}$")
"""A page number, with the job number where a page prints both: "3/12 23-12345", "GE.23-06890 3"."""
_FOOTNOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s+(\S.*)$")


def is_furniture(line: str) -> bool:
    """Job numbers, barcodes and page numbers: never part of the text; nor a Word field's error
    printed where a running header's short title should be ("Error! No document variable supplied.")."""
    s = line.strip()
    if s.startswith("Error!"):
        return _FIELD_ERROR.match(s) is not None
    if not (s[:1].isdecimal() or s[:1] == "*" or s.startswith("GE.")):  # what all three open with (\d is isdecimal)
        return False
    return bool(JOB_NUMBER.match(s) or BARCODE.match(s) or PAGE_NUMBER.match(s) or _JOB_DATE.match(s))


_FIELD_ERROR = re.compile(r"Error! (?:No document variable supplied|Reference source not found|Bookmark not defined)\.$")


_CLOSING_LINE = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting(?:,? \d{1,2} [A-Z][a-z]+ \d{4})?$"
    r"|\\?\[?Adopted,? (?:at its|without a vote|by consensus|by a recorded vote|as orally)\b)"
)
"""The closing lines ("62nd plenary meeting", "[Adopted without a vote.]"): the end of a last
page is text again, even when its footnotes were printed above them."""


def is_running_header(line: str, symbol: str | None) -> bool:
    """The symbol with the short title beside it on one line ("A/RES/74/2 Political declaration …");
    odd pages print the title first ("Political declaration … A/RES/74/2"). The masthead's
    "United Nations A/RES/74/2" is not a header."""
    s = line.strip()
    if not symbol or s == symbol or s.startswith("United Nations"):
        return False
    beside = _beside_symbol(s, symbol)
    rest = beside[1] if beside else ""
    if not rest or _MASTHEAD_ITEM.match(rest):
        return False
    return rest[:1].isupper() and not rest.endswith((".", ",", ";", ":"))


_PARTS = r"(?: [A-Z](?:[-–][A-Z]| and [A-Z])?)?"


def _beside_symbol(line: str, symbol: str) -> tuple[bool, str] | None:
    """(whether the symbol comes first, the rest) of a line that holds the document's symbol at
    one end, with its parts where it has them ("A/RES/72/90 A-B"); None for any other line."""
    if symbol not in line:  # both patterns below hold the symbol as printed; most lines do not
        return None
    parts = re.escape(symbol) + _PARTS
    if m := re.match(parts + " ", line):
        return True, line[m.end() :].strip()
    if m := re.search(" " + parts + "$", line):
        return False, line[: m.start()].strip()
    return None


_MASTHEAD_ITEM = re.compile(r"(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Distr\.)")


def clean_pdf_text(text: str) -> Cleaned:
    """Raw PDF text: footnote blocks after a rule come out, job numbers and page numbers go.

    A footnote block runs from the rule to the end of its page; the page ends at a form
    feed, a page number, a job number, the next running header (a symbol alone on a line, or
    with the short title beside it) or the closing lines of the text. A footnote too long for
    its page goes on under the next page's rule without a number: a block that does not start
    with a marker continues the last footnote.
    """
    out: list[str] = []
    notes: dict[str, str] = {}
    in_notes = False
    current: str | None = None
    last: str | None = None
    lines = normalise(text).replace(PAGE_BREAK, "\n" + PAGE_BREAK + "\n").split("\n")
    symbol = document_symbol(lines)
    ruled, page_start = False, 0
    for raw in lines:
        line = raw.strip()
        if raw.strip(" \t") == PAGE_BREAK:  # str.strip() would take the form feed for blank space
            if not ruled:
                _unruled_notes(out, page_start, notes)
            in_notes, current, ruled, page_start = False, None, False, len(out) + 1
            out.append("")
            continue
        if PRINTED_RULE.match(line):
            ruled = True
            in_notes, current = True, None
            continue
        header = is_running_header(line, symbol)
        if in_notes:
            if is_furniture(line) or is_symbol_line(line) or header or _CLOSING_LINE.match(line):
                in_notes, current = False, None
                out.append(symbol if header else line if not is_furniture(line) else "")
                continue
            if not line:
                continue
            if current is not None and _text_resumes(notes[current], line):
                # no page furniture ends the notes (text without its pages): the text goes on
                in_notes, current = False, None
                out.append(line)
                continue
            m = _FOOTNOTE_START.match(line.translate(LOWERED))
            if m and m.group(1) not in notes and _next_note(m.group(1), notes) and not _wrapped_date(m, current, notes):
                current = last = m.group(1)
                notes[current] = m.group(2)
            elif current is not None:
                notes[current] = join_lines(notes[current], line)
            elif last is not None:
                current = last
                notes[current] = join_lines(notes[current], line)
            continue
        if is_furniture(line):
            out.append("")
            continue
        if header:
            out.append(symbol or "")
            if not any(x.strip() for x in out[:-1]):
                out.append(line.replace(symbol or "", "").strip())  # an extract's first header: its short title
            continue
        wrapped = _wrapped_title(line, symbol, page_start > 0)  # rare: the page is counted only then, never per line
        if wrapped is not None and sum(1 for x in out[page_start:] if x.strip()) <= 3:
            # a short title wrapped, the symbol beside its last line ("Role of the United Nations in
            # promoting development ⏎ in the context of globalization … A/RES/72/227", or the symbol
            # first on an even page): the symbol marks the header, the block builder drops the pieces
            out += [symbol or "", wrapped]
            continue
        out.append(_SUPERSCRIPT_RUN.sub(lambda m: mark(m.group(0).translate(LOWERED)), line))
    if PAGE_BREAK in text and not ruled:
        _unruled_notes(out, page_start, notes)
    _unruled_star_note(out, notes)
    return Cleaned(out, {k: " ".join(v.split()) for k, v in notes.items()})


_STAR_NOTE = re.compile(r"^(\*{1,3})\s+(\S.*)$")


def _unruled_star_note(out: list[str], notes: dict[str, str]) -> None:
    """A star note whose rule extraction lost: "Palau:* draft resolution" above, "* On behalf of
    the States Members … of the Alliance of Small Island States." alone at the foot (A/C.2/80/L.2).
    Only a star printed glued after a word or a colon above opens it; it runs to a blank line."""
    for k, line in enumerate(out):
        m = _STAR_NOTE.match(line.strip())
        if not m or m.group(1) in notes:
            continue
        star = re.escape(m.group(1))
        if not re.search(rf"(?<=[A-Za-z:;,.)”’]){star}(?![*\d])", " ".join(out[:k])):
            continue
        end = k + 1
        while end < len(out) and out[end].strip() and not _FOOTNOTE_START.match(out[end].strip()):
            end += 1
        notes[m.group(1)] = " ".join([m.group(2), *(x.strip() for x in out[k + 1 : end])])
        del out[k:end]
        return


_RESUMES = re.compile(r"^(?:\d{1,3}\.\s+[A-Z]|\([a-z]\)\s+[A-Z]|[A-Z][a-z]+(?:ing|ed)\b|(?:Deeply|Gravely|Seriously|Further|Also|Bearing|Taking) [a-z])")


def _text_resumes(note: str, line: str) -> bool:
    """A finished note (final full stop) followed by a line that opens a paragraph of the text:
    a paragraph number, a point, or a preambular participle ("Recognizing the role …")."""
    return note.rstrip().endswith(".") and len(line) > 60 and _RESUMES.match(line) is not None


def _wrapped_title(line: str, symbol: str | None, later_page: bool = False) -> str | None:
    """The piece of a wrapped short title beside the symbol ("… interdependence A/RES/72/227", or
    after it on an even page: "E/RES/2018/18 and international institutions …"; past the first
    page, where no masthead stands beside the symbol, in capitals too: "A/RES/72/49 General
    Assembly devoted to disarmament" under "Convening of the fourth special session"), or None."""
    beside = _beside_symbol(line, symbol) if symbol else None
    if beside is None or (beside[0] and not (beside[1][:1].islower() or later_page)):
        return None
    rest = beside[1]
    return rest if rest and not rest.endswith((".", ",", ";", ":")) else None



BARE_MARKER, _A_YEAR = re.compile(r"^\s*\d{1,3}\s*$"), re.compile(r"(?:19|20)\d\d\b")  # a note may open with a year
A_MONTH = re.compile(rf"(?:{MONTH_NAMES})\b")
"""A month's name, as a day's number prints it after it ("1 October 2010", "3 November⇥…"): a date, not a note."""


def _unruled_notes(out: list[str], page_start: int, notes: dict[str, str]) -> None:
    """Footnotes at the foot of a PDF page whose rule is a drawn line that text extraction loses.

    Only the next footnote of the document's count can open the block, and only when its
    marker is printed glued in the page's text above ("Charter,1"): "13 November 2012" at the
    start of a line is then never taken for footnote 13.
    """
    expected = max((int(k) for k in notes if k.isdigit()), default=0) + 1
    for j in range(page_start, len(out) - 1):  # "        1" ⏎ "      Report of the World Summit …" (pdftotext -layout)
        if BARE_MARKER.match(out[j]) and (out[j + 1].strip()[:1].isupper() or _A_YEAR.match(out[j + 1].strip())):
            out[j], out[j + 1] = f"{out[j].strip()} {out[j + 1].strip()}", ""
    page = out[page_start:]
    for k, line in enumerate(page):
        m = _FOOTNOTE_START.match(line.strip())
        if k == 0 or not m or m.group(1) != str(expected) or A_MONTH.match(m.group(2)):
            continue  # "1 October 2010, 2 as well as …" is a date in the text, not note 1
        body = " ".join(page[:k])
        # "World Summit 1 and", "Assembly, 2", "for 2017 1 and" (pdftotext)
        spaced = re.compile(rf"(?:(?<=[A-Za-z,;:”’)])|(?<=(?:19|20)\d\d)) {expected}(?=\s+[a-z]|\s+\d{{1,2}}/\d|\s*$)")
        if not (mark(str(expected)) in body or re.search(rf"(?:(?<=[A-Za-z,;:”’)])|(?<=[–-](?:19|20)\d\d)|(?<=\d\d/\d\d\d)){expected}(?!\d)", body)
                or any(spaced.search(x) for x in page[:k])):
            continue
        current = None
        for rest in page[k:]:
            start = _FOOTNOTE_START.match(rest.strip())
            if start and start.group(1) not in notes and _next_note(start.group(1), notes):
                current = start.group(1)
                notes[current] = start.group(2)
            elif current is not None and rest.strip() and not is_symbol_line(rest):
                notes[current] = join_lines(notes[current], rest.strip())
        del out[page_start + k :]
        return


def _wrapped_date(start: re.Match[str], current: str | None, notes: dict[str, str]) -> bool:
    """A line of the note above that opens with a day ("… Rio de Janeiro, ⏎ 3 – 14 June 1992, …"):
    a number that skips the next note's, then a range's dash or a month, below a note cut mid-sentence."""
    if current is None or not start.group(1).isdigit() or not current.isdigit() or int(start.group(1)) == int(current) + 1:
        return False
    rest = start.group(2)
    return not notes[current].rstrip().endswith(".") and (rest[:1] in "–-" or A_MONTH.match(rest) is not None)


def _next_note(marker: str, notes: dict[str, str]) -> bool:
    """Footnotes are numbered through the document: a new one continues the count (gaps are small)."""
    if not marker.isdigit():
        return True
    numbers = [int(k) for k in notes if k.isdigit()]
    return not numbers or max(numbers) < int(marker) <= max(numbers) + 3


def clean_plain_extract(text: str) -> Cleaned:
    """A page extract: like raw PDF text, with the page number printed last."""
    cleaned = clean_pdf_text(text)
    lines = cleaned.lines
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        last = lines[-1]
        m = re.search(r"(?<=\S)(\d{1,3}/\d{1,3})$", last)
        if m:
            lines[-1] = last[: m.start()]
        elif re.fullmatch(r"\d{1,3}", last.strip()):
            lines.pop()
    return cleaned
