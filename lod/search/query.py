"""What people type into the search box, turned into an SQLite FTS5 MATCH expression.

User input never reaches FTS5 as syntax: every word and every "quoted phrase" becomes an FTS5
string (double quotes doubled), so `AND`, `NEAR(`, `col:`, `*` or an unbalanced quote are
searched as text or dropped, never interpreted. What people can ask is deliberately small:
words (all must occur, in any order), "phrases" (in this order), and `word*` (any word that
starts so). Facet filters become tokens of the index's `tags` column (`facet_token`).
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

    def match(self) -> str | None:
        """The FTS5 expression: every phrase as a quoted string, all required."""
        if not self.phrases:
            return None
        return " ".join(_quote(p) + (" *" if star else "") for p, star in zip(self.phrases, self.prefix))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


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
    hash of the value, a single FTS5 token that no stemmer changes and no text contains."""
    digest = int.from_bytes(hashlib.blake2b(f"{facet}\x00{value}".encode(), digest_size=8).digest(), "big")
    return f"{facet}{digest}"


def filter_match(filters: Mapping[str, Sequence[str]]) -> str | None:
    """The FTS5 expression selecting passages with the chosen facet values: values of one facet
    are alternatives (OR), different facets must all hold (AND). SearchError names an unknown facet."""
    unknown = sorted(set(filters) - FACET_NAMES)
    if unknown:
        raise SearchError(f"unknown facet {unknown[0]!r}; the facets are: {', '.join(sorted(FACET_NAMES))}")
    if sum(len(v) for v in filters.values()) > MAX_FILTER_VALUES:
        raise SearchError(f"too many facet values selected, at most {MAX_FILTER_VALUES}")
    groups = []
    for facet in sorted(filters):
        values = [v for v in dict.fromkeys(filters[facet]) if v]
        if any(len(v) > MAX_VALUE_CHARS for v in values):
            raise SearchError(f"facet value too long for {facet!r}, at most {MAX_VALUE_CHARS} characters")
        if values:
            groups.append("(" + " OR ".join(facet_token(facet, v) for v in values) + ")")
    return " AND ".join(groups) or None


def full_match(terms: Terms, filters: Mapping[str, Sequence[str]]) -> str | None:
    """The whole MATCH expression: the words in the text column, the facets in the tags column."""
    text, tags = terms.match(), filter_match(filters)
    parts = ([f"{{text}} : ({text})"] if text else []) + ([f"{{tags}} : ({tags})"] if tags else [])
    return " AND ".join(parts) or None
