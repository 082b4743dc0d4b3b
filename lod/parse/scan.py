"""Long alternations of names, tried only where a name can start.

Treaty and body names are matched with one alternation of every printed name (longest first).
Python's regex engine tries such an alternation at every position of the text, and with a
lookbehind or an optional article in front it cannot skip ahead by the first character, so
it is most of the cost of reading a paragraph. A name can only start where one of its first
words does: `Prefiltered` searches for those words (a plain alternation of literals, which
the engine scans for quickly) and tries the whole pattern only there. With hundreds of names
(`Alternatives`) even that one try is slow: there only the names whose first word is printed
at the place are tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator


@dataclass(frozen=True)
class Prefiltered:
    """`pattern`, with `leads` saying where it is worth trying.

    `leads` must match at every position where `pattern` matches (an alternation of the first
    words of the names, for instance), and `pattern` must never match the empty string; then
    `finditer` gives exactly the matches of `pattern.finditer`.
    """

    pattern: re.Pattern[str]
    leads: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`, left to right and not overlapping."""
        return _scan(text, self.leads, lambda pos: self.pattern.match(text, pos))


def _scan(text: str, leads: re.Pattern[str], match_at: Callable[[int], re.Match[str] | None]) -> Iterator[re.Match[str]]:
    """The names `match_at` finds where `leads` says one may start, left to right and not overlapping."""
    pos = 0
    while (lead := leads.search(text, pos)) is not None:
        found = match_at(lead.start())
        if found is None:
            pos = lead.start() + 1  # a lead that is no name: the next may start inside it
            continue
        yield found
        pos = found.end()


class Alternatives:
    """An alternation of names, tried at a lead with only the names whose first word is printed there.

    Prefiltered still tries the whole alternation at each lead, and with hundreds of names
    (every treaty in six languages, each behind its own lookbehind) one try costs about 0.1 ms:
    12 % of reading a paragraph. Here each alternative comes with the regex of its first word;
    at a lead the first words that match there (those beginning with the printed character,
    plus any that begin with a class) choose the alternatives, kept in their order, so the
    first that matches, the one the whole alternation gives, is found among them.
    `finditer` gives exactly the matches of `pattern.finditer`.
    """

    def __init__(self, alternatives: list[tuple[str, str]]) -> None:
        """`alternatives`: (first word's regex, the alternative's regex) in the alternation's
        order; each alternative must start its match with its first word (lookbehinds allowed)."""
        self.pattern = re.compile("|".join(alt for _, alt in alternatives))
        firsts = sorted({first for first, _ in alternatives}, key=len, reverse=True)
        self.leads = re.compile("|".join(firsts))
        self._order = alternatives
        self._by_char: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self._anywhere: list[tuple[str, re.Pattern[str]]] = []
        for first in firsts:  # a literal first character (re.escape leaves letters and digits as they are)
            entry = (first, re.compile(first))
            if first[:1].isalnum():
                self._by_char.setdefault(first[0], []).append(entry)
            else:
                self._anywhere.append(entry)
        self._narrowed: dict[frozenset[str], re.Pattern[str]] = {}

    def _at(self, text: str, pos: int) -> re.Pattern[str]:
        """The alternation of the names whose first word is printed at `pos`, compiled once per such set."""
        candidates = self._by_char.get(text[pos], [])
        printed = frozenset(first for first, rx in (*candidates, *self._anywhere) if rx.match(text, pos))
        found = self._narrowed.get(printed)
        if found is None:
            found = self._narrowed[printed] = re.compile("|".join(alt for first, alt in self._order if first in printed))
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`, left to right and not overlapping."""
        return _scan(text, self.leads, lambda pos: self._at(text, pos).match(text, pos))
