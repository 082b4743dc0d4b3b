"""Numbers and labels as the UN's AKN files print them, in six scripts: paragraph numbers
("1.", "1 -", "١."), point labels ("(a)", "(iv)", "(أ)", "а)") and the eId tokens they become."""

from __future__ import annotations

import re
import unicodedata

from lod.parse.akn.inline import squash
from lod.symbols import int_to_roman

POINT_LABEL = re.compile(r"^[(（]?([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,4}|[^\W\d_]{1,2})(?:\)\s+|）\s*)(?=\S)")
"""A point label printed at the start of a numberless paragraph: "(a) ", "(iv) ", "(1) ", "(أ) ",
"(二十一) " or "（二十一）" (the Chinese number of a point, full-width brackets or not)."""
PRINTED_NUMBER = re.compile(r"^(\d{1,3})\s?[.\-–]\s+(?=\S)")
"""A paragraph number printed in the text instead of in `<num>`: "1. ", "1 - " (Arabic)."""
ROMANS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"})
PARA_NUMBER = re.compile(r"^(\d+(?: ?[a-z]| (?:bis|ter|quater))?|[IVXLCDM]+|[A-Z])$")
"""A paragraph number as the shapes accept it; anything else printed as a number is a point."""


_LABEL_MARKS = re.compile(r"[().\s\-–—（）]")
_NUMBER_MARKS = re.compile(r"^[(\s]+|[.\-–—)\s]+$")
_NOT_LATIN = re.compile(r"[^A-Za-z0-9]+")


def ascii_digits(text: str) -> str:
    """Arabic-Indic and other decimal digits → 0-9, so "١٢" and "12" name one paragraph."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


def point_num(raw: str) -> str:
    """ "(a)" / "a." / "a)" / "(أ)" → "a" / "أ": the label without its brackets; "Item 1." → "1"
    (a decision's list of agenda items)."""
    return _LABEL_MARKS.sub("", _LABEL_WORD.sub("", ascii_digits(raw))) or raw.strip()


_LABEL_WORD = re.compile(r"^(?:Item|Article|Rule|Part)\s+(?=\d)")


def para_num(raw: str) -> str:
    """ "1." / "1 -" (Arabic) / "١." → "1"; "12 bis." → "12 bis"."""
    return _NUMBER_MARKS.sub("", squash(ascii_digits(raw)))


def point_token(num: str, position: int) -> str:
    """The eId token of a point: its Latin label, else its letter by position (the Arabic
    (أ), (ب) and Russian а), б) are (a), (b) of the English text: one portion IRI for all
    six languages); after (z) the English text doubles the letter, (aa), (bb), and so do the
    others' positions ((أأ), (ب ب) in Arabic, A/RES/76/140)."""
    token = _NOT_LATIN.sub("", num)
    if token and token == num:
        return token
    value = _chinese_number(num)
    if value is not None:  # the Chinese files number in words the points the others number (i), (ii) …
        return int_to_roman(value).lower()
    if position <= 26:
        return chr(ord("a") + position - 1)
    return chr(ord("a") + position - 27) * 2 if position <= 52 else str(position)


_CHINESE_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九", 1)}


def _chinese_number(num: str) -> int | None:
    """一 … 九十九 as a number (十 is ten: 十二 twelve, 二十 twenty, 二十八 twenty-eight), else None."""
    tens, ten, units = num.partition("十")
    if not ten:
        return _CHINESE_DIGITS.get(num)
    high = _CHINESE_DIGITS.get(tens) if tens else 1
    low = _CHINESE_DIGITS.get(units) if units else 0
    return high * 10 + low if high is not None and low is not None else None
