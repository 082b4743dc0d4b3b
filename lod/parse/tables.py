"""Tables that text extraction flattened into lines: one row per Member State and its figure.

A scale of assessments prints 193 rows ("Afghanistan 0.006"), its header repeated on every
page; without the PDF's cells the text is a run of "name number" pairs. Such a run is a table,
not a paragraph, when every name ends with the name of a State (lod.states) and what any name
carries in front of its State is one and the same header ("Member State Scale of assessments
(percentage)"), repeated where a page began.
"""

from __future__ import annotations

import re

from lod.model import Table
from lod.states import lookup_state

_PAIR = re.compile(r"(?P<name>[A-Z][^\d;:]*?)\s+(?P<value>\d{1,3}(?:\.\d{1,6})?)(?=\s|$)")
MIN_ROWS = 5
_TOTALS = frozenset({"Total", "Grand total", "Subtotal"})


def _state_at_end(name: str) -> tuple[str, str] | None:
    """(the State as printed, what precedes it) for the longest State name ending `name`."""
    words = name.split()
    for k in range(len(words)):
        candidate = " ".join(words[k:])
        if lookup_state(candidate) is not None:
            return candidate, " ".join(words[:k])
    return None


def state_table(text: str) -> Table | None:
    """The table a block of "State figure" pairs is, or None when the block is anything else."""
    plain = " ".join(text.split())
    pairs = list(_PAIR.finditer(plain))
    if len(pairs) < MIN_ROWS or sum(len(m.group(0)) for m in pairs) < 0.9 * len(plain):
        return None
    header: str | None = None
    rows: list[list[str]] = []
    for m in pairs:
        name = " ".join(m.group("name").split())
        if name in _TOTALS and rows:
            rows.append([name, m.group("value")])
            continue
        found = _state_at_end(name)
        if found is None:
            return None
        state, before = found
        if before:
            if header is None and not rows:
                header = before
            elif before != header:
                return None  # text other than the repeated header: not a table of States
        rows.append([state, m.group("value")])
    return Table(header=[header] if header else [], rows=rows)
