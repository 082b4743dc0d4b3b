"""The tantivy index `lod build` writes (a folder in the output) and what reader and writer share.

Why tantivy, not SQLite FTS5 (measured on the same 292,240 passages, bench/search.py and
docs/benchmarks.md): about a seventh of the CPU per search, mostly because FTS5's bm25 walks
the whole posting list of every phrase of the query to compute its IDF on every query, where
tantivy keeps the document frequencies in its term dictionary; exact facet counts over every
match from a fast field; a third of the size on disk.

Same input, same bytes: one writer thread, one commit, so the segment files are the same;
tantivy names segments by a random id, so after the commit each segment is renamed by a hash
of its files, and `meta.json` and `.managed.json` are rewritten without the random ids.

Fields: `text` (the passage, stored for the highlight, analysed by `ANALYZER`), `tags` (the
facet tokens, `lod.search.query.facet_token`: indexed for filtering, a fast field for the facet
counts), `n` (the passage's number in corpus order: the order of a search by facets alone), `slice`
(`SLICES`) and
`shown` (what a hit shows: its IRIs, symbol, title, date, label, part; stored, not indexed).
Facet labels and the index's counts are in `about.json` beside tantivy's files.
"""

from __future__ import annotations

import errno
import hashlib
import json
from collections import Counter
from pathlib import Path

import tantivy

from lod import output
from lod.search.query import facet_token
from lod.search.records import DocumentRecord

INDEX_FILE = output.SEARCH_INDEX
"""Where the index lives in the build output (a folder)."""
ABOUT_FILE = "about.json"
SCHEMA_VERSION = "2"
ANALYZER = "lod_english"
SLICES = 64
"""Passages are dealt round-robin into this many slices (`slice` = n mod SLICES), so that the
facets of a search matching very many can be counted on a few slices spread evenly over the
corpus (lod.search.index.FACET_SAMPLE)."""
WRITER_HEAP = 400_000_000
"""Bytes the single writer thread may hold before it writes a segment: enough for the whole
17,000-document corpus in one segment (fewer segments, faster searches)."""


def analyzer(stem: bool = True) -> tantivy.TextAnalyzer:
    """Words as FTS5's `porter unicode61 remove_diacritics 2` made them: split at anything not a
    letter or digit, lower case, accents folded, English stems (`requests` → `request`)."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
    builder = builder.filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold())
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name=ANALYZER)
    builder.add_text_field("tags", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("n", indexed=True, fast=True)
    builder.add_unsigned_field("slice", indexed=True)
    builder.add_bytes_field("shown", stored=True)
    return builder.build()


def open_index(folder: Path, create: bool = False) -> tantivy.Index:
    """The index at `folder` with lod's analyser registered (tantivy keeps only its name);
    FileNotFoundError naming the folder when it is not an index this lod can read."""
    if create:
        index = tantivy.Index(schema(), path=str(folder), reuse=False)
    else:
        try:
            about = json.loads((folder / ABOUT_FILE).read_text(encoding="utf-8"))
            index = tantivy.Index.open(str(folder))
        except (OSError, ValueError) as exc:
            raise FileNotFoundError(f"{folder}: no search index lod can read ({exc}); rebuild it with `lod build`") from None
        if about.get("schema") != SCHEMA_VERSION:
            raise FileNotFoundError(f"{folder}: a search index of another lod version (schema {about.get('schema')}, "
                                    f"this one reads {SCHEMA_VERSION}); rebuild it with `lod build`")
    index.register_tokenizer(ANALYZER, analyzer())
    return index


class IndexWriter:
    """Writes the index folder from documents given one at a time, in a stable order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir()
        self._index = open_index(path, create=True)
        self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)
        self._facets: dict[str, tuple[str, str, str]] = {}
        self._tokens: dict[tuple[str, str], str] = {}
        """(facet, value) → its token: the same few values recur on every passage (hashing each
        again was 40 % of adding them)."""
        self._counts: Counter[str] = Counter()
        self.documents = 0
        self.passages = 0

    def add(self, record: DocumentRecord) -> None:
        self.documents += 1
        for p in record.passages:
            tokens = []
            for f in p.facets:
                token = self._tokens.get((f.facet, f.value))
                if token is None:
                    token = self._tokens[f.facet, f.value] = facet_token(f.facet, f.value)
                    self._facets.setdefault(token, (f.facet, f.value, f.label))
                self._counts[token] += 1
                tokens.append(token)
            self.passages += 1
            shown = [record.work, record.main, record.symbol, record.title, record.date, p.eid, p.part, p.label]
            doc = tantivy.Document(text=p.text, tags=tokens)
            doc.add_unsigned("n", self.passages)
            doc.add_unsigned("slice", self.passages % SLICES)
            doc.add_bytes("shown", json.dumps(shown, ensure_ascii=False).encode())
            self._writer.add_document(doc)

    def close(self) -> None:
        """Commit once, wait for merges, name the segments by their content, write about.json.
        A full disk is an OSError naming the folder (tantivy says it in a ValueError)."""
        try:
            self._writer.commit()
            self._writer.wait_merging_threads()
        except ValueError as exc:
            if "No space left" in str(exc):
                raise OSError(errno.ENOSPC, "No space left on device", str(self.path)) from None
            raise
        del self._writer, self._index
        name_segments_by_content(self.path)
        about = {"schema": SCHEMA_VERSION, "documents": self.documents, "passages": self.passages,
                 "facets": [[t, *self._facets[t], self._counts[t]] for t in sorted(self._facets)]}
        (self.path / ABOUT_FILE).write_text(json.dumps(about, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")

    def abort(self) -> None:
        """Drop what was added and stop the writer's threads (a failed build)."""
        writer = getattr(self, "_writer", None)
        if writer is not None:
            writer.rollback()
            writer.wait_merging_threads()  # consumes the writer: its threads end, its lock goes
            del self._writer, self._index


def _dashed(h: str) -> str:
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def name_segments_by_content(folder: Path) -> None:
    """Rename every segment (tantivy names it by a random id) to a hash of its files, in the file
    names, meta.json and .managed.json, so the same input gives the same folder."""
    meta_path, managed_path = folder / "meta.json", folder / ".managed.json"
    meta = json.loads(meta_path.read_text())
    renamed: dict[str, str] = {}
    for segment in meta["segments"]:
        old = segment["segment_id"].replace("-", "")
        files = sorted(p for p in folder.iterdir() if p.name.startswith(old + "."))
        digest = hashlib.sha256(b"".join(p.name[len(old):].encode() + hashlib.sha256(p.read_bytes()).digest()
                                         for p in files)).hexdigest()[:32]
        for path in files:
            path.rename(folder / (digest + path.name[len(old):]))
        renamed[old] = digest
        segment["segment_id"] = _dashed(digest)
    meta["segments"].sort(key=lambda s: s["segment_id"])
    meta["opstamp"] = meta.get("opstamp", 0)
    meta_path.write_text(json.dumps(meta, sort_keys=True, indent=2))
    names = []
    for name in json.loads(managed_path.read_text()):
        stem = name.split(".", 1)[0]
        names.append(renamed[stem] + name[len(stem):] if stem in renamed else name)
    managed_path.write_text(json.dumps(sorted(names), separators=(",", ":")))
    for path in (meta_path, managed_path):
        path.chmod(0o644)  # tantivy writes them owner-only; the output is published as a whole
