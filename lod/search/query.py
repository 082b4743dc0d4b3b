"""What people type into the search box, split into words, phrases and prefixes.

User input never reaches a query parser: lod.search.index builds tantivy's query objects from
these pieces (a term, a phrase, the terms a prefix expands to), so `AND`, `NEAR(`, `field:`,
`*` inside a word or an unbalanced quote are searched as text or dropped, never interpreted.
What people can ask is deliberately small: words (all must occur, in any order), "phrases" (in
this order), and `word*` (any word that starts so). Facet filters become tokens of the index's
`tags` field (`facet_token`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lod.search.records import FACET_NAMES

MAX_QUERY_CHARS = 500
"""Longest `q` accepted (a 400 beyond): every real question fits, a pasted page does not."""
MAX_TERMS = 24
"""Most words and phrases in one query."""
MAX_FILTER_VALUES = 20
"""Most facet values one request may select."""
MAX_VALUE_CHARS = 400

_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


class SearchError(ValueError):
    """A query the index cannot answer as asked (the web layer answers 400 with this message)."""


@dataclass(frozen=True)
class Terms:
    """The parsed query: phrases (a word is a one-word phrase) and which are prefixes."""

    phrases: tuple[str, ...]
    prefix: tuple[bool, ...]


def parse_terms(q: str) -> Terms:
    """Words, "phrases" and `prefix*` of `q`; pieces with no letter or digit are dropped
    (punctuation alone finds nothing). SearchError when `q` is too long or has too many terms."""
    if len(q) > MAX_QUERY_CHARS:
        raise SearchError(f"query too long: {len(q)} characters, at most {MAX_QUERY_CHARS}")
    phrases: list[str] = []
    prefix: list[bool] = []
    for match in _PIECE.finditer(q):
        quoted, word = match.group(1), match.group(2)
        text = " ".join((quoted if quoted is not None else word).split())
        star = quoted is None and text.endswith("*")
        text = text.rstrip("*") if star else text
        if not _WORD.search(text):
            continue
        phrases.append(text)
        prefix.append(star and len(text) >= 2)
    if len(phrases) > MAX_TERMS:
        raise SearchError(f"too many words and phrases: {len(phrases)}, at most {MAX_TERMS}")
    return Terms(tuple(phrases), tuple(prefix))


def facet_token(facet: str, value: str) -> str:
    """The token the index keeps for one facet value: letters of the facet name and digits of a
    hash of the value, one term of a raw (untokenized) field, whatever characters the value has."""
    digest = int.from_bytes(hashlib.blake2b(f"{facet}\x00{value}".encode(), digest_size=8).digest(), "big")
    return f"{facet}{digest}"


def checked_filters(filters: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The chosen facet values, each once, empty ones dropped: SearchError names an unknown facet,
    too many values or one too long. Values of one facet are alternatives (OR), different facets
    must all hold (AND)."""
    unknown = sorted(set(filters) - FACET_NAMES)
    if unknown:
        raise SearchError(f"unknown facet {unknown[0]!r}; the facets are: {', '.join(sorted(FACET_NAMES))}")
    if sum(len(v) for v in filters.values()) > MAX_FILTER_VALUES:
        raise SearchError(f"too many facet values selected, at most {MAX_FILTER_VALUES}")
    chosen = {}
    for facet in sorted(filters):
        values = [v for v in dict.fromkeys(filters[facet]) if v]
        if any(len(v) > MAX_VALUE_CHARS for v in values):
            raise SearchError(f"facet value too long for {facet!r}, at most {MAX_VALUE_CHARS} characters")
        if values:
            chosen[facet] = values
    return chosen
