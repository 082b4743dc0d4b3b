"""Joining the lines of a printed text: a line break inside a sentence becomes a space, and a
word hyphenated at the end of a line is joined again ("implemen-" + "tation") unless the hyphen
is the word's own ("follow-" + "up", "seventy-" + "seventh"), judged by the document's own words.

Used by the page-furniture stage (footnotes carried over lines) and the block builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HYPHEN_SUFFIXES = frozenset(
    "up based building making related level term ended laundering led owned specific sensitive free "
    "wide friendly scale oriented centred centered recorded designed like long fold sized income affected "
    "intensive".split()  # "medium-⏎sized enterprises", "middle-⏎income countries", "conflict-⏎affected"
)
_HYPHEN_PREFIXES = frozenset(
    "non co self anti ex cross well follow open multi pre post quasi semi sub- "
    "twenty thirty forty fifty sixty seventy eighty ninety".split()  # "seventy-\nseventh session"
)


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass
class Vocabulary:
    """Words the document itself uses, to decide whether a line-end hyphen is real."""

    plain: set[str] = field(default_factory=set)
    hyphenated: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        words = _WORD.findall(text)
        # the words are ASCII letters and hyphens: lowering them all at once lowers each alike
        lowered = set(" ".join(words).lower().split(" ")) if words else set()
        hyphenated = {w for w in lowered if "-" in w}
        return cls(lowered - hyphenated, hyphenated)


_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
_LEADING_WORD = re.compile(r"[A-Za-z]+")
_SUSPENSION = frozenset({"and", "or", "nor", "to"})
"""Words after a suspended hyphen ("child- and youth-related"), which keeps its space."""


def join_lines(left: str, right: str, vocabulary: Vocabulary | None = None, *, dehyphenate: bool = True) -> str:
    """Join a line to the next, undoing hyphenation only where a word was split.

    Only hard-wrapped layouts (raw PDF text) split words at line ends; elsewhere a line-end
    hyphen is printed text and stays (`dehyphenate=False`).
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    m = _HYPHENATED_END.search(left[-80:]) if left.endswith("-") else None  # left has no trailing newline
    if m and right[0].isalpha():
        head = m.group(1)
        tail_m = _LEADING_WORD.match(right)
        tail = tail_m.group(0) if tail_m else ""
        if tail.lower() in _SUSPENSION:
            return f"{left} {right}"
        if not dehyphenate or right[0].isupper() or _keep_hyphen(head, tail, vocabulary):
            return left + right
        return left[:-1] + right
    return f"{left} {right}"


def _keep_hyphen(head: str, tail: str, vocabulary: Vocabulary | None) -> bool:
    joined, hyphened = (head + tail).lower(), f"{head}-{tail}".lower()
    if vocabulary is not None:
        if hyphened in vocabulary.hyphenated:
            return True
        if joined in vocabulary.plain:
            return False
    return tail.lower() in _HYPHEN_SUFFIXES or head.lower() in _HYPHEN_PREFIXES
