"""Paragraph numbers as OCR misread them: "ll." for 11, "S." for 5, "Z." for 2, "I0." for 10,
"5, Notes" (a comma for the full stop), "2 Requests" (no stop at all), "6.Calls" (no space).

A scanned resolution whose number OCR misread loses the paragraph: it runs into the one before
and the count shows a gap ("numbering-gap"). Such a token is only a number where the printed
numbering expects exactly that number next, at the start of a paragraph, before an operative
verb; elsewhere ("I. Introduction", "S. 1234", "2 See …") it stays text.
"""

from __future__ import annotations

import re

from lod.parse.verbs import opens_operative

_OCR_NUMBER = re.compile(r"^(\d{1,3})(?:,?\s+|\.)(?=[A-Z][a-z])")
"""A number followed by a comma, by nothing, or by its stop without a space: "5, Notes …",
"2 Requests …", "6.Calls for …"."""

_LOOKALIKE = re.compile(r"^([0-9IlSZOi|]{1,3})[.,]\s+(?=[A-Z][a-z])")
"""A number with letters OCR reads for digits, then its stop (or a comma)."""

_DIGITS = str.maketrans({"I": "1", "l": "1", "i": "1", "|": "1", "S": "5", "Z": "2", "O": "0"})


def misread_number(line: str, expected: int, at_start: bool) -> str:
    """`line` with its paragraph number restored ("ll. Further requests" → "11. Further
    requests") when the count expects that number here; otherwise `line` unchanged."""
    if not at_start:
        return line
    m = _OCR_NUMBER.match(line)
    if m:
        if int(m.group(1)) == expected and (line[m.end(1)] == "," or opens_operative(line[m.end():])):
            # "2 Requests …" (no stop at all) and "6.Calls" need the verb lexicon's word too: "2 See …" is a note
            return f"{m.group(1)}. {line[m.end():]}"
        return line
    m = _LOOKALIKE.match(line)
    if m and not m.group(1).isdigit() and m.group(1).translate(_DIGITS) == str(expected) \
            and opens_operative(line[m.end():]):
        return f"{expected}. {line[m.end():]}"
    return line


def may_be_misread(line: str) -> bool:
    """Cheap test before `misread_number`: the line opens with a token it could repair."""
    return bool(_OCR_NUMBER.match(line) or _LOOKALIKE.match(line))
