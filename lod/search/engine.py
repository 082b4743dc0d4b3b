"""The tantivy index `lod build` writes (a folder in the output) and what reader and writer share.

Why tantivy, not SQLite FTS5 (measured on the same 292,240 passages, bench/search.py and
docs/benchmarks.md): about a seventh of the CPU per search, mostly because FTS5's bm25 walks
the whole posting list of every phrase of the query to compute its IDF on every query, where
tantivy keeps the document frequencies in its term dictionary; exact facet counts over every
match from a fast field; a third of the size on disk.

Same input, same bytes: one writer thread, one commit, so the segment files are the same;
tantivy names segments by a random id, so after the commit each segment is renamed by a hash
of its files, and `meta.json` and `.managed.json` are rewritten without the random ids.

In groups, so that a one-document change rewrites a part of the index, not all of it: a
document's group is given by its name in the corpus (`search_group`, so it keeps its group when
its text changes), each group is an index of one segment of its own (`IndexWriter`, named by
content), and the index is those segments side by side (`assemble`: their files linked into one
folder, one meta.json listing them all). tantivy takes a search's statistics (document
frequencies, average lengths) over every segment, so the ranking is the one index's. The build
keeps each group's segment in its cache, under a digest of its members (lod.publish.searchindex).

Fields: `text` (the passage, stored for the highlight, analysed by `ANALYZER`), `tags` (the
facet tokens, `lod.search.query.facet_token`: indexed for filtering, a fast field for the facet
counts), `order` (`passage_order`: newest document first, a document's passages in its order: the
order of a search by facets alone), `slice` (`SLICES`) and `shown` (what a hit shows: its IRIs, symbol, title, date, label, part; stored, not indexed).
Facet labels and the index's counts are in `about.json` beside tantivy's files.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import zlib
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import tantivy

from lod import output
from lod.search.query import facet_token
from lod.search.records import DocumentRecord

INDEX_FILE = output.SEARCH_INDEX
"""Where the index lives in the build output (a folder)."""
ABOUT_FILE = "about.json"
SCHEMA_VERSION = "3"
ANALYZER = "lod_english"
SLICES = 64
"""Passages are dealt round-robin into this many slices (`slice` = n mod SLICES), so that the
facets of a search matching very many can be counted on a few slices spread evenly over the
corpus (lod.search.index.FACET_SAMPLE)."""
WRITER_HEAP = 400_000_000
"""Bytes the single writer thread may hold before it writes a segment: enough for a group of
the 17,000-document corpus many times over, so that a group is one segment."""
GROUPS = 8
"""Groups of documents, each one segment: a one-document change rewrites an eighth of the index.
More groups make a smaller rewrite and slower searches (a search walks every segment)."""
LAST_DAY = date.max.toordinal()


def search_group(source: str) -> str:
    """The group of the document named `source` in the corpus: a hash of the name, so that a
    document keeps its group from one build to the next whatever its text."""
    return f"{int(hashlib.sha256(source.encode()).hexdigest()[:8], 16) % GROUPS}"


def passage_order(day: str, work: str, position: int) -> int:
    """A passage's place when a search has no words: newest document first (`day`, ISO;
    undated ones last), the documents of a day by a hash of their work IRI, a document's
    passages in their order. A key of its own, not a number counted over the corpus, so that a
    change to one document leaves every other group's segment as it was."""
    try:
        ordinal = date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        ordinal = 0
    return (LAST_DAY - ordinal) << 40 | (zlib.crc32(work.encode()) & 0xFFFFFF) << 16 | min(position, 0xFFFF)


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
    builder.add_unsigned_field("order", indexed=True, fast=True)
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
    """Writes one group's index (one segment) from its documents given one at a time, in a stable order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir()
        self._index = open_index(path, create=True)
        self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)
        self._facets: dict[str, tuple[str, str, str]] = {}
        self._counts: Counter[str] = Counter()
        self.documents = 0
        self.passages = 0

    def add(self, record: DocumentRecord) -> None:
        self.documents += 1
        for position, p in enumerate(record.passages):
            tokens = []
            for f in p.facets:
                token = facet_token(f.facet, f.value)
                self._facets.setdefault(token, (f.facet, f.value, f.label))
                self._counts[token] += 1
                tokens.append(token)
            self.passages += 1
            shown = [record.work, record.main, record.symbol, record.title, record.date, p.eid, p.part, p.label]
            doc = tantivy.Document(text=p.text, tags=tokens)
            doc.add_unsigned("order", passage_order(record.date, record.work, position))
            doc.add_unsigned("slice", (zlib.crc32(record.work.encode()) + position) % SLICES)
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


def assemble(target: Path, groups: Sequence[Path]) -> None:
    """The index at `target` made of the segments of the groups' indexes (each written by an
    `IndexWriter`): their files linked (copied across file systems), one meta.json listing every
    segment, one about.json of their counts summed; no group, an empty index."""
    if not groups:
        IndexWriter(target).close()
        return
    target.mkdir()
    meta: dict[str, object] = {}
    segments: list[dict[str, object]] = []
    managed = {"meta.json"}
    documents = passages = 0
    facets: dict[str, list[object]] = {}
    for folder in groups:
        meta = json.loads((folder / "meta.json").read_text())
        segments += meta["segments"]  # type: ignore[arg-type]
        for name in json.loads((folder / ".managed.json").read_text()):
            if name != "meta.json":
                _link(folder / name, target / name)
                managed.add(name)
        about = json.loads((folder / ABOUT_FILE).read_text(encoding="utf-8"))
        documents, passages = documents + about["documents"], passages + about["passages"]
        for token, facet, value, label, count in about["facets"]:
            facets.setdefault(token, [token, facet, value, label, 0])[4] += count  # type: ignore[operator]
    meta["segments"] = sorted(segments, key=lambda s: str(s["segment_id"]))
    (target / "meta.json").write_text(json.dumps(meta, sort_keys=True, indent=2))
    (target / ".managed.json").write_text(json.dumps(sorted(managed), separators=(",", ":")))
    about = {"schema": SCHEMA_VERSION, "documents": documents, "passages": passages,
             "facets": [facets[t] for t in sorted(facets)]}
    (target / ABOUT_FILE).write_text(json.dumps(about, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        target.write_bytes(source.read_bytes())


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
