"""The full-text index's reader: tantivy queries built from the user's words, never parsed.

`SearchIndex.search(q, filters, page, size, timeout)` runs in three steps over one immutable
tantivy searcher shared by the threads of a process (tantivy releases the GIL while it
searches): the ranked page with the number of matches (bm25 on the words, facets as filters
that score nothing), the counts of every facet value over the matches (a terms aggregation on
the `tags` fast field; past FACET_SAMPLE matches, on an even sample of them), then the page's
stored passages with their matched words marked.

The time limit: tantivy cannot stop a search once started, so the clock is looked at between
the steps, and each step's cost is bounded by what the query may hold (at most `MAX_TERMS`
words and phrases, a prefix expands to at most `PREFIX_TERMS` words, no regular expressions or
fuzzy terms): it walks the posting lists of those words and facet values once. Measured on the
17,000-document build, the longest searches lod accepts stay in tens of milliseconds of CPU
(docs/benchmarks.md), so `search-timeout` stops a search that waits for the CPU, not one that
runs away.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import tantivy

from lod.search.engine import ABOUT_FILE, INDEX_FILE, SLICES, analyzer, open_index
from lod.search.query import SearchError, Terms, checked_filters, facet_token, parse_terms
from lod.search.records import FACETS

__all__ = ["INDEX_FILE", "MARK_END", "MARK_START", "FacetCount", "Hit", "SearchIndex", "SearchResult", "SearchTimeout"]

MARK_START, MARK_END = "\x02", "\x03"
"""What a highlight puts around a matched word: control characters no text contains, so the web
layer can escape the passage and then mark it."""
SNIPPET_CHARS = 260
"""About how much of a long passage a hit shows around its matched words."""
FACET_SAMPLE = 3_000
"""Matching passages whose facets are counted: beyond it, the matches in the first few of the
index's `SLICES` (evenly spread over the corpus), about that many, scaled to the total and
marked approximate (`counts_exact`), so the counts of a common word cost no more than a rare
one's (counting is a pass over every counted passage's facet values: 25 ms for 170,000). A
value with a tenth of the matches is then counted on about 300 passages: within a few per cent,
enough to choose a facet by."""
FACET_VALUES_SHOWN = 12
PREFIX_TERMS = 200
"""Most words a `prefix*` stands for (the most frequent ones): bounds what a short prefix costs."""
_WORDS = re.compile(r"([^\W_]+)")
"""A word as tantivy's simple tokenizer cuts them (runs of letters and digits)."""
Must = tantivy.Occur.Must
Pattern = list[set[str]]
"""What the highlight marks for one word or phrase: the index terms each of its positions matches."""


def excerpt(marked: str, width: int = SNIPPET_CHARS) -> str:
    """The part of a highlighted passage that shows most matched words within about `width`
    characters, cut at spaces, never inside a marked span.

    Hand-written because the passage is marked here (the words a prefix stands for included),
    and a window counted from the marks keeps a matched phrase whole."""
    if len(marked) <= width:
        return marked
    spans = [(m.start(), m.end()) for m in re.finditer(f"{MARK_START}[^{MARK_END}]*{MARK_END}", marked)]
    if not spans:
        return marked[: marked.rfind(" ", 0, width)] + "…"
    best = max(range(len(spans)), key=lambda i: sum(1 for s, e in spans[i:] if e - spans[i][0] <= width))
    first = spans[best][0]
    last = max(e for s, e in spans[best:] if e - first <= width or s == first)
    slack = max(0, width - (last - first))
    start = max(0, first - slack // 3)
    end = min(len(marked), max(last, start + width))
    if start > 0:
        cut = marked.find(" ", start, first)
        start = cut + 1 if cut != -1 else first
    if end < len(marked):
        cut = marked.rfind(" ", last, end)
        end = cut if cut != -1 else last
    return ("…" if start > 0 else "") + marked[start:end].strip() + ("…" if end < len(marked) else "")


class SearchTimeout(Exception):
    """The search ran past its time limit and was stopped (the web layer answers 503)."""


@dataclass
class Hit:
    iri: str
    work: str
    symbol: str
    title: str
    date: str
    label: str
    part: str
    snippet: str
    """The matching passage, matched words between MARK_START and MARK_END."""


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    q: str
    filters: dict[str, list[str]]
    total: int
    page: int
    size: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    counts_exact: bool = True


class SearchIndex:
    """An index folder opened read-only, one searcher shared by every thread of the process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index = open_index(path)  # FileNotFoundError: none, or not one this lod reads
        self._index.reload()
        self._searcher = self._index.searcher()
        self._schema = self._index.schema
        about = json.loads((path / ABOUT_FILE).read_text(encoding="utf-8"))
        self.documents: int = about["documents"]
        self.passages: int = about["passages"]
        self._labels = {t: (f, v, lbl) for t, f, v, lbl, _ in about["facets"]}
        self._stem, self._fold = analyzer(), analyzer(stem=False)
        self._stems: dict[str, str] = {}
        self._lock = threading.Lock()

    def search(self, q: str, filters: Mapping[str, Sequence[str]], page: int = 1, size: int = 20,
               timeout: float = 5.0) -> SearchResult:
        """Passages matching `q` with every chosen facet, best first (bm25), and the facet counts
        over all of them (on an even sample past FACET_SAMPLE). SearchError for a query it cannot take, SearchTimeout past
        `timeout` (looked at between the steps)."""
        deadline = time.monotonic() + timeout
        chosen = checked_filters(filters)
        words, patterns = self._text_queries(parse_terms(q))
        facets = [tantivy.Query.term_set_query(self._schema, "tags", [facet_token(f, v) for v in values])
                  for f, values in chosen.items()]
        if not words and not facets:
            raise SearchError("nothing to search for: give words to find (q=) or a facet value")
        # the facets filter and score nothing: the ranking is the words' alone
        query = tantivy.Query.boolean_query([(Must, w) for w in words]
                                            + [(Must, tantivy.Query.const_score_query(f, 0.0)) for f in facets])
        result = SearchResult(q, chosen, 0, page, size)
        offset = (page - 1) * size
        try:
            if words:
                found = self._searcher.search(query, size, count=True, offset=offset)
            else:  # facets alone: in corpus order
                found = self._searcher.search(query, size, count=True, offset=offset, order_by_field="n",
                                              order=tantivy.Order.Asc)
            self._check(deadline, timeout)
            result.total = found.count or 0
            if result.total:
                result.facets = self._facet_counts(self._count(query, result), chosen)
                self._check(deadline, timeout)
                result.hits = [self._hit(self._searcher.doc(address), patterns) for _, address in found.hits]
        except ValueError as exc:
            raise SearchError(f"the index could not run this search: {exc}") from None
        return result

    def _count(self, query: tantivy.Query, result: SearchResult) -> list[tuple[str, int]]:
        """(facet token, matching passages) of every value, most first: exact up to FACET_SAMPLE
        matches, beyond it counted on the matches in the first slices and scaled to the total."""
        slices = -(-SLICES * FACET_SAMPLE // result.total)
        terms = {"terms": {"field": "tags", "size": len(self._labels) or 1}}
        if slices < SLICES:
            few = tantivy.Query.term_set_query(self._schema, "slice", list(range(slices)))
            sampled = tantivy.Query.boolean_query([(Must, query), (Must, tantivy.Query.const_score_query(few, 0.0))])
            found = self._searcher.aggregate(sampled, {"facets": terms, "counted": {"value_count": {"field": "n"}}})
            counted = int(found["counted"]["value"] or 0)
            if counted:
                result.counts_exact = False
                scale = result.total / counted
                return [(b["key"], max(1, round(b["doc_count"] * scale))) for b in found["facets"]["buckets"]]
        found = self._searcher.aggregate(query, {"facets": terms})
        return [(b["key"], b["doc_count"]) for b in found["facets"]["buckets"]]

    @staticmethod
    def _check(deadline: float, timeout: float) -> None:
        if time.monotonic() > deadline:
            raise SearchTimeout(f"search stopped after {timeout:g} s (setting search-timeout)")

    def _text_queries(self, parsed: Terms) -> tuple[list[tantivy.Query], list[Pattern]]:
        """One query per word or phrase (all must match) and, for the highlight, the index terms
        each position of it matches. A word is a term, a phrase a phrase query, `word*` the set of
        words it starts (at most PREFIX_TERMS); pieces the analyser leaves nothing of are dropped."""
        queries, patterns = [], []
        for phrase, star in zip(parsed.phrases, parsed.prefix):
            tokens = self._stem.analyze(phrase)
            if star:
                head, folded = tokens[:-1], self._fold.analyze(phrase)[-1:]
                if not folded:
                    continue
                expanded = self._expand(folded[0])
                patterns.append([{t} for t in head] + [set(expanded)])
                if head:  # every word is letters and digits: no regular-expression syntax
                    alternatives = "(?:" + "|".join(expanded or [folded[0]]) + ")"
                    queries.append(tantivy.Query.regex_phrase_query(self._schema, "text", head + [alternatives]))
                else:  # no word starts so: an empty set matches nothing, as asked
                    queries.append(tantivy.Query.term_set_query(self._schema, "text", expanded))
                continue
            if tokens:
                patterns.append([{t} for t in tokens])
            if len(tokens) == 1:
                queries.append(tantivy.Query.term_query(self._schema, "text", tokens[0]))
            elif tokens:
                queries.append(tantivy.Query.phrase_query(self._schema, "text", tokens))
        return queries, patterns

    def _expand(self, prefix: str) -> list[str]:
        """The index terms (stems) of the words that start with `prefix`: the terms that start
        so (at most PREFIX_TERMS, the most frequent), and the stems the prefix itself starts
        with, down to three letters less (`cooperat*`: cooperation and cooperate are indexed as
        `cooper`)."""
        found = {t for t, _ in self._searcher.terms_with_prefix("text", prefix, limit=PREFIX_TERMS)}
        found |= {prefix[:k] for k in range(max(2, len(prefix) - 3), len(prefix))
                  if self._searcher.doc_freq("text", prefix[:k])}
        return sorted(found)

    def _stem_of(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = next(iter(self._stem.analyze(word)), "")
            with self._lock:
                if len(self._stems) > 200_000:
                    self._stems.clear()
                self._stems[word] = stem
        return stem

    def _marked(self, text: str, patterns: list[Pattern]) -> str:
        """The passage with the words of each place a word or a whole phrase matched between
        the marks (the words of a phrase found apart are not marked); adjacent ones as one span."""
        parts = _WORDS.split(text)  # separators and words in turn: the words are parts[1::2]
        words = parts[1::2]
        known = self._stems.get
        stems = [known(w) or self._stem_of(w) for w in words]
        marked = [False] * len(words)
        for pattern in patterns:
            first, rest = pattern[0], pattern[1:]
            for i in [i for i, stem in enumerate(stems) if stem in first]:
                if len(stems) - i > len(rest) and all(stems[i + 1 + j] in terms for j, terms in enumerate(rest)):
                    marked[i:i + 1 + len(rest)] = [True] * (1 + len(rest))
        for i in [i for i, flag in enumerate(marked) if flag]:
            opens = i == 0 or not marked[i - 1]
            closes = i == len(words) - 1 or not marked[i + 1]
            parts[2 * i + 1] = (MARK_START if opens else "") + words[i] + (MARK_END if closes else "")
        return "".join(parts)

    def _hit(self, doc: tantivy.Document, patterns: list[Pattern]) -> Hit:
        work, main, symbol, title, date, eid, part, label = orjson.loads(doc.get_first("shown"))
        text = doc.get_first("text") or ""
        return Hit(f"{main}#{eid}" if eid else work, work, symbol, title, date, label, part,
                   excerpt(self._marked(text, patterns)))

    def works(self) -> set[str]:
        """Every work the index has a document passage of."""
        query = tantivy.Query.term_query(self._schema, "tags", facet_token("part", "document"), index_option="basic")
        found = self._searcher.search(query, max(1, self.documents), count=False)
        return {json.loads(self._searcher.doc(a).get_first("shown"))[0] for _, a in found.hits}

    def _facet_counts(self, counts: list[tuple[str, int]], chosen: Mapping[str, list[str]]) -> dict[str, list[FacetCount]]:
        by_facet: dict[str, list[FacetCount]] = {f.name: [] for f in FACETS}
        for token, n in counts:  # most passages first: a facet's first FACET_VALUES_SHOWN, and the chosen ones
            known = self._labels.get(token)
            if known:
                facet, value, label = known
                values, selected = by_facet[facet], value in chosen.get(facet, ())
                if selected or len(values) < FACET_VALUES_SHOWN:
                    values.append(FacetCount(value, label, n, selected))
        return {facet: values for facet, values in by_facet.items() if values}

    def close(self) -> None:
        """Nothing to release: tantivy's files are mapped and unmapped with the searcher."""
