"""Agenda item designations, in the one form every reader gives them: "19 (c)", "125".

The same item is printed "Agenda item 19 (c)", "Point 19 c) de l’ordre du jour", "Tema 19 c) del
programa", "Пункт 19 с) повестки дня" (a Cyrillic с), "البند 19 (ج) من جدول الأعمال" (the Arabic
letters run in abjad order: أ ب ج د ه … are a b c d e …), "议程项目19 (c)"; the UN's AKN keywords
write "19c". An agenda item is a resource of its own (lod.rdf.proceedings), so every language
version and every reader must name it alike, or one item becomes six.
"""

from __future__ import annotations

import re

ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
"""Arabic sub-item letters in their order, (أ) = (a) … the UN's Arabic texts letter points so."""
_CYRILLIC = {"а": "a", "б": "b", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "к": "k", "і": "i"}
"""Cyrillic letters typed for the Latin one they look like ("19 с)"), and б for b."""
_ARABIC = {letter: chr(ord("a") + k) for k, letter in enumerate(ABJAD)} | {"ا": "a", "إ": "a", "آ": "a"}

_DESIGNATION = re.compile(
    r"(?<!\d)(\d{1,3})(?!\d)"
    r"(?:([a-z])(?![^\W\d_])"  # "19c", as the AKN keywords write it
    r"|\s*\(?\s*([^\W\d_])\u0640?\s*\))?"  # "19 (c)", "19 c)", "19 (ج)", "19 (هـ)"
)


def _latin(letter: str) -> str | None:
    letter = letter.lower()
    if "a" <= letter <= "z":
        return letter
    return _CYRILLIC.get(letter) or _ARABIC.get(letter)


def agenda_items(printed: str) -> list[str]:
    """Every item a printed designation names, in order: "Agenda items 13 and 117" → ["13",
    "117"]; "Пункт 19 с) повестки дня" → ["19 (c)"]. A sub-item letter no table maps is dropped
    with a number kept, rather than naming an item no other language version names."""
    found: list[str] = []
    for m in _DESIGNATION.finditer(printed):
        letter = _latin(m.group(2) or m.group(3) or "")
        number = str(int(m.group(1)))  # any script's digits ("١٢٥"): `\d` and int() read them all
        item = f"{number} ({letter})" if letter else number
        if item not in found:
            found.append(item)
    return found
