"""Long alternations of names, tried only where a name can start.

Treaty and body names are matched with one alternation of every printed name (longest first).
Python's regex engine tries such an alternation at every position of the text, and with a
lookbehind or an optional article in front it cannot skip ahead by the first character, so
it is most of the cost of reading a paragraph. A name can only start where one of its first
words does: `Prefiltered` searches for those words (a plain alternation of literals, which
the engine scans for quickly) and tries the whole pattern only there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


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
        search, match = self.leads.search, self.pattern.match
        pos = 0
        while (lead := search(text, pos)) is not None:
            found = match(text, lead.start())
            if found is None:
                pos = lead.start() + 1  # a lead that is no name: the next may start inside it
                continue
            yield found
            pos = found.end()

