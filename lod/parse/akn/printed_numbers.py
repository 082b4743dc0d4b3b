"""How the other five languages print a resolution's number: its part letters (Latin, Arabic by name,
Cyrillic lookalikes), a range of parts, the Arabic session and special-session forms, and how each
reads as lod.symbols reads the English number ("2200 ألف (د-21)" is "2200 A (XXI)"). The grammar
lod.parse.akn.printed finds cited numbers with."""

from __future__ import annotations

import re

from lod.bodies import Body, body_of_number
from lod.parse.akn.numbers import ARABIC_PARTS
from lod.parse.citation_patterns import normalise_number
from lod.symbols import int_to_roman

LOOKALIKE_PARTS = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T"}
"""Cyrillic letters the Russian texts type for a part's Latin one ("резолюции 45/55 В")."""
PART_LETTERS = {**ARABIC_PARTS, **LOOKALIKE_PARTS}
_NAMED_PART = "(?:" + "|".join(PART_LETTERS) + ")"
_PART = "(?:" + "|".join(2 * chr(c) for c in range(ord("A"), ord("Z") + 1)) + rf"|[A-Z]|{_NAMED_PART}(?:\s?{_NAMED_PART})?)"
"""A part's letter: Latin, Arabic by name, a Cyrillic lookalike; after Z a doubled one ("53/77 AA", "53/77 ألف ألف",
A/RES/75/44)."""
_UP_TO = r"\s*(?:à|a|al|по|до|–|-|إلى)\s*"
"""The word of a range of parts ("76/247 A à C", "ألف إلى جيم", "A–C")."""
_AND = r"\s?(?:et|y|и|و|和|及)\s?"
"""The word that joins the last of a list of parts ("74/255 A et B", "A y B", "A и B", "ألف و باء", "A和B")."""
_MORE_PARTS = rf"((?:\s?[,،、]\s?{_PART})*{_AND}{_PART})"
"""The parts after the first in a list of them ("66/235 A, B et C")."""
RESOLUTION_NUMBER = (r"(\d{4}/\d{1,3}|\d{1,2}/\d{1,3}|(?:E?S|دإط?)\s?-\s?\d{1,2}/\d{1,2}|\d{1,4}\s?\((?:19|20)\d{2}\)"
                     rf"|\d{{1,4}}(?:\s?{_PART})?\s?\((?:[IVXLC]{{1,9}}|د\s?-\s?\d{{1,2}})\))")
"""A resolution's number: the Council's year and number, the Assembly's session and number, the
Security Council's number and year ("2334 (2016)"), a
special session's ("S-23/2", Arabic "دإ-23/2"), an emergency special session's ("ES-10/13",
"دإط-10/13"), an early one with its session in Roman numerals ("2200 A (XXI)", "2200 ألف (د-21)")."""
NUMBER = re.compile(r"(?<![\w/.\-‑])" + RESOLUTION_NUMBER
                    + rf"(?:\s?({_PART})(?:{_UP_TO}({_PART})|{_MORE_PARTS})?(?!\w))?(?![\w/])")
"""A number with its part, a range of parts or a list of them: groups 1 (the number), 2 (the first
part), 3 (the last of a range), 4 (the rest of a list)."""
_ARABIC_SESSION = re.compile(r"\(د\s?-\s?(\d{1,2})\)")
_ARABIC_SPECIAL = re.compile(r"^(دإط?)\s?-\s?")
_PRINTED_PART = re.compile(r"(?<=\d)\s?(" + "|".join(PART_LETTERS) + r"|[A-Z])\s?(?=\()")


def number_as_read(printed: str, part: str | None) -> str:
    """The number as lod.symbols reads it: "2200 ألف (د-21)" → "2200 A (XXI)", "دإ-23/2" → "S-23/2",
    "دإط-10/13" → "ES-10/13", "47/53" and part "دال" → "47/53 D"."""
    number = _ARABIC_SPECIAL.sub(lambda m: "ES-" if m.group(1) == "دإط" else "S-", printed)
    number = _ARABIC_SESSION.sub(lambda m: f"({int_to_roman(int(m.group(1)))})", number)
    number = _PRINTED_PART.sub(lambda m: f" {PART_LETTERS.get(m.group(1), m.group(1))} ", number)
    number = normalise_number(number)  # "2334(2016)" → "2334 (2016)", as the English reader spells it
    part = _letters(part) if part else None
    return number + (f" {part}" if part else "")


_YEAR_IN_BRACKETS = re.compile(r"\d{1,4} \((?:19|20)\d{2}\)")
"""A number with its year in brackets, "2334 (2016)" (printed "2334(2016)" in Chinese): the one organ's
that numbers so, the Security Council's (lod.bodies.body_of_number), whatever other organ the clause names."""


def year_numbered_organ(number: str) -> Body | None:
    """The organ whose numbers carry their year in brackets, for such a number; None for any other."""
    return body_of_number(number) if _YEAR_IN_BRACKETS.fullmatch(number) else None


def _letters(part: str) -> str:
    """A part as lod.symbols reads it: "دال" → "D", "ألف ألف" → "AA", "В" (Cyrillic) → "B", "AA" → "AA"."""
    return "".join(PART_LETTERS.get(name, name) for name in re.findall(_NAMED_PART + "|[A-Z]", part))


def numbers_of(found: re.Match[str]) -> list[str]:
    """The numbers a NUMBER match names: one, each part of a range ("51/211 ألف إلى هاء": A to E) or
    of a list ("74/255 A et B", "74/255 ألف و باء")."""
    first, last = (_letters(p) if p else None for p in (found.group(2), found.group(3)))
    if first and last and len(first) == len(last) == 1 and first < last <= "Z":
        return [number_as_read(found.group(1), chr(c)) for c in range(ord(first), ord(last) + 1)]
    listed = re.findall(_PART, found.group(4)) if found.group(4) else []  # the words between are lower case
    return [number_as_read(found.group(1), part) for part in [found.group(2), *listed]]


CHINESE_NUMBER = re.compile(r"(?<![\d/])" + RESOLUTION_NUMBER + r"(?:\s?((?P<letter>[A-Z])(?P=letter)?)(?![A-Za-z])"
                            r"(?P<more>(?:\s?[、和及]\s?[A-Z](?![A-Za-z]))*))?")
"""A number inside "第…号" with its part or a list of parts ("第74/255 A和B号")."""


def chinese_numbers_of(found: re.Match[str]) -> list[str]:
    """The numbers a CHINESE_NUMBER match names: one, or each part of a list ("74/255 A和B")."""
    parts = [found.group(2), *re.findall("[A-Z]", found.group("more") or "")]
    return [number_as_read(found.group(1), part) for part in parts]
