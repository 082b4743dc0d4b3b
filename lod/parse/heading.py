"""Resolution headings printed in place of a masthead, and the opening formula in all its forms.

The annual compilations of Security Council resolutions, and older texts generally, print no
masthead: a heading ("Resolution 660 (1990)" with "of 2 August 1990" under it, "4 (1946).
Resolution of 29 April 1946", "RESOLUTION 781 (1992)" with "Adopted by the Security Council
at its 3122nd meeting, on 9 October 1992"), and then the text, whose opening formula may lack
its comma ("The Security Council"), follow a "Whereas" preamble ("…, Therefore the Security
Council,") or be missing altogether. The organ is told by the formula or, failing that, by the
form of the number (lod.bodies conventions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lod.bodies import Body, body_of_number, by_formula, by_name
from lod.parse.furniture import strip_marks
from lod.parse.labels import NUM_START
from lod.parse.verbs import leading_phrase

_MONTH_DATE = r"\d{1,2} [A-Z][a-z]+\]? \d{4}"
_HEADING = re.compile(
    rf"^(?:(?:RESOLUTION|Resolution) (?P<n1>\d{{1,4}}(?: \((?:\d[-. ]?){{4}}\))?)(?: of (?P<d1>{_MONTH_DATE}))?"
    rf"|(?P<n2>\d{{1,4}} \(\d{{4}}\))\.? Resolution(?: of (?P<d2>{_MONTH_DATE}))?)\s*$"
)
"""The year in brackets may be misread ("Resolution 361 (197-4)") or missing ("Resolution 290", the
date under it giving the year)."""
_UNDER_HEADING = re.compile(
    rf"^(?:of {_MONTH_DATE}|[\[(][^\])]{{1,80}}[\])]|Adopted by the [A-Z][\w ]+ at[\s_]+its .{{0,80}}meeting,? [Oo]n {_MONTH_DATE}\.?)$"
)
"""Lines that belong to the heading: the date, the draft's symbol in brackets, the adoption line."""


@dataclass
class Heading:
    """A printed heading: its number, the organ the number's form tells, and where the text starts."""

    number: str
    body: Body | None
    start: int
    date: str | None = None


def _plain(line: str) -> str:
    return " ".join(strip_marks(line)[0].replace("*", "").split())


def is_heading(line: str) -> bool:
    """A line that is a resolution heading ("4 (1946). Resolution of 29 April 1946")."""
    return _HEADING.match(_plain(line)) is not None


def find_heading(lines: list[str], limit: int = 30) -> Heading | None:
    """The "Resolution 660 (1990)" heading in the first lines, and the line after it and its date."""
    for i, line in enumerate(lines[:limit]):
        if "esolution" not in line and "ESOLUTION" not in line:
            continue
        m = _HEADING.match(_plain(line))
        if not m:
            continue
        number = m.group("n1") or m.group("n2")
        date = m.group("d1") or m.group("d2")
        end = i + 1
        while end < len(lines):
            if not lines[end].strip():
                end += 1
                continue
            width = _under_heading(lines, end)
            if not width:
                break
            found = re.search(_MONTH_DATE, " ".join(_plain(x) for x in lines[end : end + width]))
            date = date or (found.group(0).replace("]", "") if found else None)
            end += width
        return Heading(_with_year(number, date), body_of_number(_with_year(number, date)), end, date)
    return None


def _with_year(number: str, date: str | None) -> str:
    """"361 (197-4)" → "361 (1974)"; "290" with its date "8 December 1970" → "290 (1970)"."""
    n, _, year = number.partition(" ")
    digits = re.sub(r"\D", "", year)
    if len(digits) == 4:
        return f"{n} ({digits})"
    found = re.search(r"\d{4}$", date or "")
    return f"{n} ({found.group(0)})" if found else number


def _under_heading(lines: list[str], index: int) -> int:
    """How many lines (one, or two when it wraps) a line of the heading takes; 0 when it is text."""
    plain = _plain(lines[index])
    if _UNDER_HEADING.match(plain):
        return 1
    if len(plain) <= 40 and any(c.isdigit() for c in plain) and _formula_next(lines, index):
        return 1  # the date or symbol as the scan misread it ("ef 15 June 1965", "[S/1045}"), right above the formula
    if index + 1 < len(lines) and _UNDER_HEADING.match(f"{_plain(lines[index])} {_plain(lines[index + 1])}"):
        return 2
    return 0


def _formula_next(lines: list[str], index: int) -> bool:
    """The next line with text after `index` is an opening formula."""
    following = next((line for line in lines[index + 1 : index + 4] if line.strip()), "")
    return formula_line(following) is not None


def formula_line(line: str) -> Body | None:
    """The organ a line opens the text of, when it is an opening formula in any printed form."""
    plain = _plain(line)
    return by_formula(plain) if len(plain) < 110 else None


def find_formula(lines: list[str], start: int, limit: int = 200) -> int | None:
    """The first opening formula from `start` on, however printed (see `formula_line`); not the
    end of a wrapped line in lower case ("Status of preparedness of documentation for the Fifth
    Committee during the main part of the eightieth session of" ⏎ "the General Assembly", a
    note's title: A/C.5/80/L.1, then read as a draft resolution)."""
    for i in range(start, min(len(lines), start + limit)):
        if lines[i].strip() and formula_line(lines[i]) is not None and not _goes_on(lines, i):
            return i
    return None


def _goes_on(lines: list[str], i: int) -> bool:
    """Line `i` opens in lower case under a line that did not end its sentence."""
    above = lines[i - 1].rstrip() if i else ""
    return _plain(lines[i])[:1].islower() and bool(above) and not above.endswith((".", ",", ";", ":"))


_ADOPTED_BY = re.compile(r"^Resolution adopted by the (?P<organ>[A-Z][A-Za-z ]{2,60}?)(?: on \d.*)?$")
_NUMBERED_TITLE = re.compile(r"^(?:(?:ES-|S-)?\d{1,2}|(?:19|20)\d{2})/\d{1,3}(?: ?[A-Z])?\.\s+\S")


def lost_formula(lines: list[str], limit: int = 80) -> tuple[int, str, str] | None:
    """Where the text of an adopted resolution begins when its extract lost the opening formula
    (A/RES/78/225 as the UN's text extract prints it: masthead, "Resolution adopted by the
    General Assembly", "78/225. Enhancing the contributions …", then "Reaffirming its resolution
    70/1 …"): the blank line above the first paragraph after the numbered title, with the formula
    the masthead's organ prints, as an opening formula is given (index, text, organ). Only where
    that paragraph opens with a phrase of the lexicon or a paragraph number."""
    organ = None
    for i, line in enumerate(lines[:limit]):
        plain = _plain(line)
        if organ is None:
            adopted = _ADOPTED_BY.match(plain)
            organ = by_name(adopted.group("organ")) if adopted else None
            if organ is not None and organ.conventions is None:
                organ = None
            continue
        if not _NUMBERED_TITLE.match(plain):
            continue
        start = i + 1
        while start < len(lines) and lines[start].strip():  # the title's other lines
            start += 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        text = _plain(lines[start]) if start < len(lines) else ""
        if NUM_START.match(text) or leading_phrase(text, operative=False):
            return start - 1, organ.conventions.formula, organ.name  # type: ignore[union-attr]
        return None
    return None
