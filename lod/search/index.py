"""The full-text index: one SQLite file with an FTS5 table, written by `lod build`, read by the server.

Why SQLite FTS5: it is in Python's standard library, ranks by bm25, answers phrase queries,
cuts the matching passage out with its words marked (`snippet`), and its file is read by many
server processes at once without a server of its own. It was measured against tantivy on the
same passages (bench/search.py, docs/benchmarks.md): tantivy needs about a seventh of the CPU
per search, mostly because FTS5's bm25 walks the whole posting list of every phrase of the
query to compute its IDF, on every query (bench/search_analysis.md).

Facets are tokens in a second indexed column (`tags`), so narrowing by a facet is a posting-
list intersection inside FTS5; the counts of every facet value over the matching passages come
from a compact table (`passage_facets`: per passage, its facet ids as little-endian uint32),
joined to the match by rowid and counted in C (`collections.Counter` over an `array`).

The writer is fed documents in corpus order by one process, so the same build input gives a
byte-identical file.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
import time
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from lod import output
from pathlib import Path

from lod.search.query import SearchError, full_match, facet_token, parse_terms
from lod.search.records import FACETS, DocumentRecord

INDEX_FILE = output.SEARCH_INDEX
"""Where the index lives in the build output."""
SCHEMA_VERSION = "1"
MARK_START, MARK_END = "\x02", "\x03"
"""What `snippet` puts around a matched word: control characters no text contains, so the web
layer can escape the passage and then mark it."""
SNIPPET_CHARS = 260
"""About how much of a long passage a hit shows around its matched words."""
FACET_SAMPLE = 3_000
"""Matching passages whose facets are counted: beyond it, about that many evenly spread over the
index (every k-th rowid), scaled to the total and marked approximate (`counts_exact`), so the
counts of a common word cost no more than a rare one's. A value with a tenth of the matches is
then counted on about 300 passages: within a few per cent, enough to choose a facet by."""
FACET_VALUES_SHOWN = 12
PROGRESS_OPS = 1000
"""SQLite virtual-machine steps between two looks at the clock (the search's time limit)."""

SCHEMA = """
CREATE TABLE about(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE document(id INTEGER PRIMARY KEY, work TEXT NOT NULL, main TEXT NOT NULL,
                      symbol TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL);
CREATE TABLE facet(token TEXT PRIMARY KEY, id INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
                   label TEXT NOT NULL, passages INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE passage_facets(id INTEGER PRIMARY KEY, ids BLOB NOT NULL);
CREATE VIRTUAL TABLE passage USING fts5(
    text, tags, doc UNINDEXED, eid UNINDEXED, part UNINDEXED, label UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
RANKING = "bm25(passage, 1.0, 0.0)"
"""The ranking weighs the words of the text only: every hit has the facet tokens asked for."""


def excerpt(marked: str, width: int = SNIPPET_CHARS) -> str:
    """The part of a highlighted passage that shows most matched words within about `width`
    characters, cut at spaces, never inside a marked span (FTS5's own `snippet` cuts phrases).

    Hand-written because FTS5 counts its window in tokens from a fixed set of starts and can
    end it inside the phrase that matched."""
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


class IndexWriter:
    """Writes an index file from documents given one at a time, in a stable order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # check_same_thread off: the build closes (merges) the index in a thread of its own
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;")
        self._db.executescript(SCHEMA)
        self._db.execute("BEGIN")
        self._facets: dict[str, tuple[int, str, str, str]] = {}
        self._counts: Counter[str] = Counter()
        self.documents = 0
        self.passages = 0

    def add(self, record: DocumentRecord) -> None:
        self.documents += 1
        doc = self.documents
        self._db.execute("INSERT INTO document VALUES (?, ?, ?, ?, ?, ?)",
                         (doc, record.work, record.main, record.symbol, record.title, record.date))
        rows, facet_rows = [], []
        for p in record.passages:
            tokens, ids = [], array("I")
            for f in p.facets:
                token = facet_token(f.facet, f.value)
                known = self._facets.setdefault(token, (len(self._facets), f.facet, f.value, f.label))
                self._counts[token] += 1
                tokens.append(token)
                ids.append(known[0])
            self.passages += 1
            rows.append((self.passages, p.text, " ".join(tokens), doc, p.eid, p.part, p.label))
            facet_rows.append((self.passages, _little_endian(ids)))
        self._db.executemany("INSERT INTO passage(rowid, text, tags, doc, eid, part, label) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self._db.executemany("INSERT INTO passage_facets VALUES (?, ?)", facet_rows)

    def close(self) -> None:
        """Write the facet table, merge the index into as few segments as it can, and close."""
        self._db.executemany("INSERT INTO facet VALUES (?, ?, ?, ?, ?, ?)",
                             [(t, *self._facets[t], self._counts[t]) for t in sorted(self._facets)])
        self._db.executemany("INSERT INTO about VALUES (?, ?)", [
            ("schema", SCHEMA_VERSION), ("documents", str(self.documents)), ("passages", str(self.passages))])
        self._db.execute("INSERT INTO passage(passage) VALUES ('optimize')")
        self._db.execute("COMMIT")
        self._db.execute("VACUUM")
        self._db.close()

    def abort(self) -> None:
        self._db.close()


def _little_endian(ids: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder == "big":
        ids.byteswap()
    return ids.tobytes()


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
    """An index file opened read-only; each thread gets its own connection."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no search index (run `lod build` to make one)")
        self.path = path
        self._local = threading.local()
        self._labels: dict[int, tuple[str, str, str]] | None = None

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            # immutable: the build never changes a published file (a new build is a new file),
            # so readers need no locks
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                 check_same_thread=False)
            db.execute("PRAGMA mmap_size=268435456")
            self._local.db = db
        return db

    def facet_labels(self) -> dict[int, tuple[str, str, str]]:
        """id → (facet, value, label) of every facet value in the index (small: kept)."""
        if self._labels is None:
            rows = self._db().execute("SELECT id, facet, value, label FROM facet").fetchall()
            self._labels = {i: (f, v, lbl) for i, f, v, lbl in rows}
        return self._labels

    def search(self, q: str, filters: Mapping[str, Sequence[str]], page: int = 1, size: int = 20,
               timeout: float = 5.0) -> SearchResult:
        """Passages matching `q` with every chosen facet, best first (bm25), and the facet counts
        over all of them. SearchError for a query it cannot take, SearchTimeout past `timeout`.

        Four statements, each doing one thing over the match: the count (FTS5 alone), the facet
        ids of the matching passages (or of an even sample of them), the rowids of the page
        (bm25 ranked in SQLite's top-N sorter, nothing else read), then the page's passages
        with their highlighted text (20 lookups by rowid)."""
        terms = parse_terms(q)
        match = full_match(terms, filters)
        if match is None:
            raise SearchError("nothing to search for: give words to find (q=) or a facet value")
        chosen = {k: list(dict.fromkeys(v)) for k, v in filters.items() if v}
        result = SearchResult(q, chosen, 0, page, size)
        db = self._db()
        deadline = time.monotonic() + timeout
        db.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_OPS)
        counts: Counter[int] = Counter()
        try:
            (result.total,) = db.execute("SELECT count(*) FROM passage WHERE passage MATCH ?", (match,)).fetchone()
            if result.total:
                counts = self._count(db, match, result)
                result.hits = self._hits(db, match, self._page(db, match, bool(terms.phrases), page, size))
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise SearchTimeout(f"search stopped after {timeout:g} s (setting search-timeout)") from None
            raise SearchError(f"the index could not run this search: {exc}") from None
        finally:
            db.set_progress_handler(None, 0)
        result.facets = self._facet_counts(counts, chosen)
        return result

    def _count(self, db: sqlite3.Connection, match: str, result: SearchResult) -> Counter[int]:
        """How many matching passages have each facet value; past FACET_SAMPLE matches, counted
        on the passages whose rowid is a multiple of a step (evenly spread over the index) and
        scaled to the total."""
        step = -(-result.total // FACET_SAMPLE)
        sql = "SELECT f.ids FROM passage JOIN passage_facets AS f ON f.id = passage.rowid WHERE passage MATCH ?"
        blobs = [b for (b,) in (db.execute(sql + " AND passage.rowid % ? = 0", (match, step)) if step > 1
                                else db.execute(sql, (match,)))]
        if step > 1 and not blobs:  # no match fell on the step: count them all
            blobs = [b for (b,) in db.execute(sql, (match,))]
            step = 1
        ids = array("I", b"".join(blobs))
        if sys.byteorder == "big":
            ids.byteswap()
        counts = Counter(ids)
        if step > 1:
            result.counts_exact = False
            scale = result.total / len(blobs)
            counts = Counter({k: max(1, round(v * scale)) for k, v in counts.items()})
        return counts

    def _page(self, db: sqlite3.Connection, match: str, ranked: bool, page: int, size: int) -> list[int]:
        """The rowids of the page shown: by bm25 on the words (ties in index order), or in index
        order when only facets were chosen. Only the rowid and its score go through the sorter."""
        order = f"{RANKING}, rowid" if ranked else "rowid"
        sql = f"SELECT rowid FROM passage WHERE passage MATCH ? ORDER BY {order} LIMIT ? OFFSET ?"
        return [r for (r,) in db.execute(sql, (match, size, (page - 1) * size))]

    def _hits(self, db: sqlite3.Connection, match: str, rowids: list[int]) -> list[Hit]:
        """The page's passages, with their documents and their matched words marked."""
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        sql = f"""
            SELECT passage.rowid, d.work, d.main, d.symbol, d.title, d.date, passage.eid, passage.part,
                   passage.label, highlight(passage, 0, ?, ?)
            FROM passage JOIN document AS d ON d.id = passage.doc
            WHERE passage MATCH ? AND passage.rowid IN ({marks})"""
        found = {row[0]: row[1:] for row in db.execute(sql, (MARK_START, MARK_END, match, *rowids))}
        return [Hit(f"{main}#{eid}" if eid else work, work, symbol, title, date, label, part, excerpt(snip))
                for work, main, symbol, title, date, eid, part, label, snip in (found[r] for r in rowids if r in found)]

    def _facet_counts(self, counts: Counter[int], chosen: Mapping[str, list[str]]) -> dict[str, list[FacetCount]]:
        labels = self.facet_labels()
        by_facet: dict[str, list[FacetCount]] = {f.name: [] for f in FACETS}
        for key, n in counts.most_common():
            if key in labels:
                facet, value, label = labels[key]
                by_facet[facet].append(FacetCount(value, label, n, value in chosen.get(facet, [])))
        shown: dict[str, list[FacetCount]] = {}
        for facet, values in by_facet.items():
            top = values[:FACET_VALUES_SHOWN]
            top += [v for v in values[FACET_VALUES_SHOWN:] if v.selected]
            if top:
                shown[facet] = top
        return shown

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
