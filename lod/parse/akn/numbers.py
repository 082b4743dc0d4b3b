"""Numbers and labels as the UN's AKN files print them, in six scripts: paragraph numbers
("1.", "1 -", "١."), point labels ("(a)", "(iv)", "(أ)", "а)") and the eId tokens they become."""

from __future__ import annotations

import re
import unicodedata

from lod.parse.akn.inline import squash
from lod.symbols import int_to_roman, roman_to_int

POINT_LABEL = re.compile(r"^[(（]?([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,4}|[㈠-㈩]|[^\W\d_]{1,2})"
                         r"(?:\)\s+|）\s*|(?<=[㈠-㈩])\s*)(?=\S)")
"""A point label printed at the start of a numberless paragraph: "(a) ", "(iv) ", "(1) ", "(أ) ",
"(二十一) " or "（二十一）" (the Chinese number of a point, full-width brackets or not), "㈠" (one
character, the parenthesised ideograph one to ten: A/RES/78/1's points (i)-(x) in Chinese)."""
_QUOTED = r"[’‘'](\d{1,2})[‘’']"
"""The Arabic files' label for the English text's (i), (ii) …: "’1‘", "’2‘" (A/RES/78/1)."""
_QUOTED_NUMBER = re.compile(rf"^{_QUOTED}\s*(?=\S)")  # before a point's words
_QUOTED_ALONE = re.compile(_QUOTED)  # a <num> of its own


def _quoted_roman(digits: str) -> str | None:
    """The roman a "’1‘" label stands for ("i"), for the labels a point can have (1 to 50)."""
    return int_to_roman(int(digits)).lower() if 0 < int(digits) <= 50 else None


def point_label(text: str) -> tuple[str, int] | None:
    """(label, where the words start) of a point label printed at the start of a numberless
    paragraph (POINT_LABEL's, or the Arabic "’1‘" as the roman it stands for), else None."""
    quoted = _QUOTED_NUMBER.match(text)
    if quoted and (roman := _quoted_roman(quoted.group(1))):
        return roman, quoted.end()
    found = POINT_LABEL.match(text)
    return (found.group(1), found.end()) if found else None


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
    (a decision's list of agenda items); the Arabic "’1‘" → "i", as `point_label` reads it in the
    words (A/RES/75/260 in Arabic marks it as a paragraph's `<num>`)."""
    quoted = _QUOTED_ALONE.fullmatch(raw.strip())
    if quoted and (roman := _quoted_roman(quoted.group(1))):
        return roman
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


def roman_like(num: str) -> bool:
    """Whether a point's label counts as the English text's (i), (ii) … do: a roman numeral, or the
    parenthesised ideograph the Chinese files print in its place ("㈠", A/RES/78/1). Such points
    after a lettered one are its points. ("(二十一)" is not: E/RES/2022/16's Chinese file prints
    (十一)-(二十八) where the other five mark (xx)-(xxviii) as the list's own points.)"""
    return num in ROMANS or num in _PARENTHESISED


_ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6}
ORDINAL_WORDS = "|".join(_ORDINALS)
"""The Arabic ordinals an annex or appendix is numbered by ("التذييل الثاني": Appendix II)."""


ANNEX_HEADING = re.compile(r"^(?:Annex|Annexe|Anexo|Appendix|Appendice|Apéndice|Приложение|Добавление|المرفق|مرفق|التذييل|附件|附录)"
                            r"(?:\s+([IVXLC]+|\d+|[A-Z]|" + ORDINAL_WORDS + r")|([一二三四五六七八九十]{1,3}))?\s*$", re.I)
"""An annex's or appendix's heading in the six languages: "Appendix II", "Apéndice II", "التذييل
الثاني", "附录二" (E/RES/2022/11's appendices to the annexed resolution 78/2)."""


def annex_number(printed: str | None) -> str | None:
    """An annex's number as the English text prints it: "الثاني" and "二" are "II"; others as printed."""
    if not printed:
        return None
    value = _ORDINALS.get(printed) or _chinese_number(printed)
    return int_to_roman(value) if value else printed


def continues(num: str, before: str) -> bool:
    """Whether a label is the next of a run of (i), (ii) … (or the Chinese numbers in their place):
    "(十一)" after "㈩" (A/RES/78/1 in Chinese numbers (i)-(x) one way, (xi) on another)."""
    value, previous = _roman_value(num), _roman_value(before)
    return value is not None and previous is not None and value == previous + 1


def _roman_value(num: str) -> int | None:
    return roman_to_int(num) if num in ROMANS else _chinese_number(num)


_CHINESE_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九", 1)}
_PARENTHESISED = {chr(0x3220 + k): k + 1 for k in range(10)}
"""㈠ … ㈩: one character each for (一) … (十)."""


def _chinese_number(num: str) -> int | None:
    """一 … 九十九 as a number (十 is ten: 十二 twelve, 二十 twenty, 二十八 twenty-eight), ㈠ … ㈩
    too, else None."""
    if num in _PARENTHESISED:
        return _PARENTHESISED[num]
    tens, ten, units = num.partition("十")
    if not ten:
        return _CHINESE_DIGITS.get(num)
    high = _CHINESE_DIGITS.get(tens) if tens else 1
    low = _CHINESE_DIGITS.get(units) if units else 0
    return high * 10 + low if high is not None and low is not None else None


ARABIC_PARTS = {"ألف": "A", "باء": "B", "جيم": "C", "دال": "D", "هاء": "E", "واو": "F", "زاي": "G", "حاء": "H", "طاء": "I",
                "ياء": "J", "كاف": "K", "لام": "L", "ميم": "M", "نون": "N", "سين": "O", "عين": "P", "فاء": "Q", "صاد": "R",
                "قاف": "S", "راء": "T", "شين": "U", "تاء": "V", "ثاء": "W", "خاء": "X", "ذال": "Y", "ضاد": "Z"}
"""A letter as the Arabic texts name it, in the abjad order they letter with: the part of a resolution
adopted in parts ("47/53 دال": 47/53 D; "54/54 شين": 54/54 U, A/RES/75/44), the number of a section
("باء - تطور الهامش …": B. Evolution of the margin …). A part after Z repeats the name ("53/77 ألف ألف": AA)."""
_BARE_LABEL = re.compile(r"[IVXLC]{1,6}|[A-Z]")


def bare_label(text: str) -> bool:
    """Whether a heading is a section's number alone ("II", "B", Arabic "باء"), whose title follows it."""
    return _BARE_LABEL.fullmatch(text) is not None or text in ARABIC_PARTS


def section_title(parts: list[str]) -> str | None:
    """A section's title from its number, heading and subheadings as the file marks them, the number
    printed with its stop: "A" and "Work of the Committee …" (E/RES/2021/13), "I" and "Revised
    estimates …" (A/RES/77/263) → "A. Work of the Committee …", "I. Revised estimates …"; the Arabic
    letter's name with a dash, as the Arabic files print it ("باء - تطور الهامش …", A/RES/75/245)."""
    printed = [(f"{p}." if _BARE_LABEL.fullmatch(p) else f"{p} -" if p in ARABIC_PARTS else p) if k + 1 < len(parts) else p
               for k, p in enumerate(parts)]
    return " ".join(p for p in printed if p) or None
