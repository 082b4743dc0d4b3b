"""UN document symbols: what a symbol says about a document.

A symbol is the UN's own identifier and the join key with the rest of the world (Wikidata
P3069, undocs.org/{symbol}, the Digital Library). Its series tells the organ and the kind of
document; this module reads that once so parser, mapper and server agree on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from lod.bodies import BODIES, by_key

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(roman: str) -> int:
    total, prev = 0, 0
    for ch in reversed(roman.upper()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def int_to_roman(number: int) -> str:
    """A session as the early resolutions print it (21 → "XXI"; sessions stay under 400)."""
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


@dataclass(frozen=True)
class SymbolInfo:
    """What a symbol tells: `body` key (lod.bodies), `kind`, `session` and `number`."""

    symbol: str
    body: str | None
    kind: str
    session: int | None = None
    number: str | None = None
    year: int | None = None
    committee: str | None = None


def _adopted_series() -> Iterator[tuple[re.Pattern[str], str, str]]:
    """The symbol series of adopted texts, from each organ's conventions (lod.bodies): the
    series' fixed part ("S/RES/") followed by the organ's number as a symbol prints it."""
    for body in BODIES:
        conventions = body.conventions
        for kind in ("resolution", "decision"):
            series = conventions.series(kind) if conventions else ""
            if conventions and series:
                fixed = re.escape(series.split("{number}")[0])
                yield re.compile(f"^{fixed}{conventions.number_parts}$"), body.key, kind


def _commission_drafts() -> Iterator[tuple[re.Pattern[str], str, str]]:
    """Drafts of the commissions that have a document series of their own (E/CN.15/2019/L.3)."""
    for body in BODIES:
        if body.document_series:
            fixed = re.escape(body.document_series)
            yield re.compile(rf"^{fixed}/(?P<year>\d{{4}})/L\.\d+.*$"), body.key, "draft-resolution"


_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    *_adopted_series(),
    (re.compile(r"^A/C\.(?P<committee>[1-6])/(?P<session>\d+)/L\.\d+.*$"), "ga", "draft-resolution"),
    (re.compile(r"^A/(?P<session>(?:ES-|S-)?\d+)/L\.\d+.*$"), "ga", "draft-resolution"),
    *_commission_drafts(),
    (re.compile(r"^E/(?P<year>\d{4})/L\.\d+.*$"), "ecosoc", "draft-resolution"),
    (re.compile(r"^A/HRC/(?P<session>\d+)/L\.\d+.*$"), "hrc", "draft-resolution"),
    (re.compile(r"^S/(?P<year>\d{4})/\d+.*$"), "sc", "document"),
    (re.compile(r"^A/(?P<session>\d+)/\d+.*$"), "ga", "document"),
    (re.compile(r"^E/CN\.\d+/(?P<year>\d{4})/\d+.*$"), "ecosoc", "document"),
    (re.compile(r"^E/(?P<year>\d{4})/\d+.*$"), "ecosoc", "document"),
)

SYMBOL_RE = re.compile(
    r"\b(?:A|S|E|A/HRC|E/CN\.\d+|A/C\.\d|A/CONF\.\d+|S/RES|A/RES|E/RES)"
    r"(?:/(?:[A-Z]+\.?\d*|\d+(?:\s?\(\d{4}\))?|ES-\d+|S-\d+|L\.\d+|Rev\.\d+|Add\.\d+|Corr\.\d+|Amend\.\d+))+"
)
"""Anything that looks like a UN document symbol in running text (A/73/131, E/CN.15/2019/1)."""


@dataclass(frozen=True)
class NumberInfo:
    """What the form of an adopted text's number implies about when it was adopted: the year it
    prints ("1373 (2001)", "2017/16") or its session ("70/174"; "169 (II)", a session in Roman
    numerals: `body` the Assembly, or the Economic and Social Council for its own "1566 (L)"). The
    registry turns a session into a year by the organ's rule (lod.bodies `Body.session_year`) when
    no text prints the date."""

    year: int | None = None
    session: int | None = None
    body: str | None = None


SPECIAL_SESSION_YEARS: dict[str, int] = {
    **{f"S-{n}": year for n, year in enumerate(
        (1947, 1948, 1961, 1963, 1967, 1974, 1975, 1978, 1978, 1978, 1980, 1982, 1986, 1986, 1988, 1989,
         1990, 1990, 1997, 1998, 1999, 1999, 2000, 2000, 2001, 2001, 2002, 2005, 2014, 2016, 2020, 2021), 1)},
    **{f"ES-{n}": year for n, year in enumerate(
        (1956, 1956, 1958, 1960, 1967, 1980, 1980, 1981, 1982, 1997, 2022), 1)},
}
"""The year each special ("S-10/2") and emergency special ("ES-10/15") session of the General
Assembly opened (un.org/en/ga/sessions): its resolutions' numbers print no year. The tenth
emergency special session has been resumed since 1997, so its later resolutions get 1997 until a
text prints their date (and their IRI then moves, answering 301)."""


def _roman_organ(body: str | None) -> str:
    """Whose session a Roman number counts: the organ's given, where it numbered so (the Economic
    and Social Council's "1566 (L)"), else the Assembly's."""
    organ = by_key(body) if body else None
    if organ is not None and organ.conventions is not None and organ.conventions.roman_sessions:
        return organ.key
    return "ga"


def parse_number(number: str | None, body: str | None = None) -> NumberInfo | None:
    """The year or session a printed number implies; None when its form implies neither. `body`
    is the organ's key where known: "S-21/1" of the Human Rights Council is no General Assembly
    special session."""
    n = " ".join((number or "").split())
    if m := re.fullmatch(r"\d+\s*\((\d{4})\)", n):
        return NumberInfo(year=int(m.group(1)))
    if m := re.fullmatch(r"(\d{4})/\d+.*", n):
        return NumberInfo(year=int(m.group(1)))
    if m := re.fullmatch(r"\d+(?:\s*[A-Z]{1,2})?\s*\(([IVXLC]+)\)", n):  # "1514 (XV)", "217 A (III)"
        return NumberInfo(session=roman_to_int(m.group(1)), body=_roman_organ(body))
    if m := re.fullmatch(r"((?:E?S)-\d{1,2})/\d+.*", n):
        year = SPECIAL_SESSION_YEARS.get(m.group(1)) if body in (None, "ga") else None
        return NumberInfo(year=year, body="ga") if year else None
    if m := re.fullmatch(r"(\d{1,3})/\d+.*", n):
        return NumberInfo(session=int(m.group(1)))
    return None


def parse_symbol(symbol: str) -> SymbolInfo:
    """Read a symbol's series; unknown series give body None and kind "document". An early
    text's symbol (A/RES/1145(XII), E/RES/1566(L)) gives its organ and its number as texts cite
    it, "1145 (XII)", so that a citation by symbol and one by number name the same work."""
    s = " ".join(symbol.split())
    for pattern, body, kind in _PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        groups = m.groupdict()
        session = groups.get("session")
        session_int = None
        if session and session.isdigit():
            session_int = int(session)
        number = None
        conventions = by_key(body).conventions
        if kind in ("resolution", "decision") and conventions is not None:
            number = conventions.number_template.format(**groups)
        year = int(groups["year"]) if groups.get("year") else None
        committee = groups.get("committee")
        return SymbolInfo(s, body, kind, session_int, number, year, f"c{committee}" if committee else None)
    if (early := early_symbol(s)) is not None:  # A/RES/1145(XII): numbered by session before 1976
        kind, body, number = early
        session = number.rsplit("(", 1)[1].rstrip(")")
        return SymbolInfo(s, body, kind, roman_to_int(session) if session.isalpha() else None, number)
    return SymbolInfo(s, None, "document")


def resolution_symbol(body: str, number: str) -> str | None:
    """The symbol of an adopted resolution from its body and printed number.

    70/174 (GA) → A/RES/70/174; 1373 (2001) (SC) → S/RES/1373 (2001); 2017/16 (ECOSOC) →
    E/RES/2017/16; 6/15 (HRC) → A/HRC/RES/6/15. Old GA numbers "3263 (XXIX)" have the symbol
    A/RES/3263(XXIX). Bodies without a symbol series of their own give None.
    """
    try:
        conventions = by_key(body).conventions
    except KeyError:
        return None
    if conventions is None or not conventions.is_resolution_number(number):
        # "resolution 6/2019 of 28 June 2019 of the Conference of FAO" taken for the Assembly's: a
        # number no session of an organ that numbers by session gives has no symbol of that organ
        return None
    return conventions.symbol("resolution", number)


_EARLY_SYMBOL = re.compile(r"^(A|E)/(RES|DEC)/(\d{1,4})\s*\(([IVXLC]+|S-\d+|ES-\d+)\)$")
_EARLY_ORGANS = {"A": "ga", "E": "ecosoc"}


def early_symbol(symbol: str) -> tuple[str, str, str] | None:
    """(kind, organ key, number) of the symbol of an early text, its session in Roman numerals,
    which no series of today's describes: A/RES/217(III) → ("resolution", "ga", "217 (III)"),
    E/RES/1566(L) (the Council numbered so before 1978), E/DEC/281(LXIII); None for any other."""
    found = _EARLY_SYMBOL.match(symbol)
    if found is None:
        return None
    kind = "resolution" if found.group(2) == "RES" else "decision"
    return kind, _EARLY_ORGANS[found.group(1)], f"{found.group(3)} ({found.group(4)})"


_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
"""A word of a symbol written in lower case: undocs.org answers "A/hrc/RES/45/3" and "a/res/70/1" as the
documents A/HRC/RES/45/3 and A/RES/70/1, and the UN's files link so (A/RES/77/230, E/RES/2022/21 in
Chinese); the symbol is the one the UN prints, in capitals but for the words below."""
_MIXED_CASE = {"add": "Add", "rev": "Rev", "corr": "Corr", "amend": "Amend", "misc": "Misc"}
"""The words of a symbol printed with a capital only ("A/77/367/Corr.1")."""
_SYMBOL_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/.-"
"""What a symbol's series and number are written with, up to a space or a bracket."""


def link_symbol(href: str) -> str | None:
    """The UN symbol an undocs.org link names: https://undocs.org/en/A/RES/37/4 → A/RES/37/4.
    The AKN reader takes a linked symbol from it, and the AKN writer links a citation by its
    symbol only where this reads the link back as that very symbol."""
    url = urlparse(href)
    if not url.netloc.lower().endswith("undocs.org"):
        return None
    path = unquote(url.path).strip("/")
    path = re.sub(r"^(?:en|fr|es|sp|ru|ar|zh|ch)/", "", path, flags=re.IGNORECASE)  # the Chinese files say "ch", some Spanish "sp"
    cut = len(path) - len(path.lstrip(_SYMBOL_CHARACTERS))  # the series and number, not "(Parts I and II)"
    path = _LOWER_WORD.sub(lambda m: _MIXED_CASE.get(m.group(0), m.group(0).upper()), path[:cut]) + path[cut:]
    # the symbol as lod.bodies' conventions write it: S/RES/1373 (2001) with a space before the
    # year, A/RES/3369(XXX) without one before the session (resolution_symbol's form)
    path = re.sub(r"(\S)\s?\((\d{4})\)$", r"\1 (\2)", path)
    path = re.sub(r"(\S)\s+\(([IVXLC]+)\)$", r"\1(\2)", path)
    path = re.sub(r"^([AE]/RES/\d+/\d+)([a-kA-K])$", lambda m: f"{m.group(1)} {m.group(2).upper()}", path)  # …/57/270b → 57/270 B
    path = re.sub(r"^(A/RES/\d+/\d+)[a-k]-[a-k]$", r"\1", path, flags=re.IGNORECASE)  # …/54/237a-c, A-C: parts A to C, the resolution whole
    path = re.sub(r"\s?\(supp\)$", "", path, flags=re.IGNORECASE)  # E/1993/23(supp): the supplement printed E/1993/23
    return printed_part(path) or None  # A/73/12(PartI) is printed A/73/12 (Part I)


DOCUMENT_PART = re.compile(r"\s?\((Part|[Vv]ol\.)\s?([IVX]{1,5})\)")
"""A part or volume of a document, part of its symbol: "A/CONF.157/24 (Part I)", "A/77/49 (Vol. II)";
undocs.org writes them "(PartI)", "(Vol.I)"."""


def printed_part(symbol: str) -> str:
    """The symbol with its part or volume as the UN prints it: "A/73/12(PartI)" → "A/73/12 (Part I)",
    "NPT/CONF.2010/50(Vol.I)" → "NPT/CONF.2010/50 (Vol. I)"."""
    return DOCUMENT_PART.sub(lambda m: f" ({'Part' if m.group(1) == 'Part' else 'Vol.'} {m.group(2)})", symbol)
