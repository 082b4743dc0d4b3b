"""The build's document stage: every input file parsed, mapped, validated and placed in the output.

Two passes, because a citation's target IRI can depend on every other document (a resolution
cited by one text and published by another must get one IRI): first parse everything and fill
the work registry, then map, validate and serialize each document. Both passes run on all
cores (lod.publish.workers). A document found in the build cache (lod.publish.cache) skips
both: its registry view fills the registry, and if the registry answers its mapping's questions
as before, its files are linked into the output as they are; if only the answers changed (a
cited work's date printed by another document), its cached model is mapped again, not parsed.

Slugs and graph names are given in corpus order, so they do not depend on which worker
finishes first or on what came from the cache.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from lod import output
from lod.akn import akn_schema
from lod.publish import cache, workers
from lod.publish.akn import place_manifestation
from lod.publish.hardlinks import link_all
from lod.publish.dumps import DocumentPart
from lod.publish.limits import DocumentLimits, fork_context
from lod.publish.report import DocumentOutcome, failed_status
from lod.publish.searchindex import IndexStage
from lod.quality import Finding
from lod.rdf import WorkRegistry
from lod.rdf.authorities import AUTHORITIES_SLUG

MAX_CHUNK = 8
"""Documents per task sent to a worker: enough to amortize the pipe, few enough that results
finished out of order and waiting for their turn stay small."""
MAP_BATCH = 16
"""Documents a map worker validates together (lod.validate.validate_batch)."""
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Document:
    """One registered input file on its way through the stage."""

    path: Path
    key: str
    view_digest: str
    language: str | None
    entry: cache.CachedDocument | None = None
    folder: Path | None = None
    """Where its files are while it is mapped (the staging directory's `.parts/`)."""
    mapped: workers.Mapped | None = None
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class DocumentStage:
    """Both passes over the corpus; fills `outcomes`, writes documents/*.ttl and the AKN files."""

    outcomes: dict[Path, DocumentOutcome]
    scratch: Path
    staging: Path
    base: str
    jobs: int
    show: bool
    limits: DocumentLimits
    cache: cache.DocumentCache
    index: IndexStage | None = None
    timings: dict[str, float] = field(default_factory=dict)
    dump_seconds: dict[str, float] = field(default_factory=lambda: {"documents/*.ttl": 0.0})
    known: dict[str, str] = field(default_factory=dict)
    """sha256 of output files taken from the cache (for SHA256SUMS, not read again)."""
    reused: int = 0
    remapped: int = 0
    corpus_size: int = 0

    def run(self, paths: list[Path]) -> list[DocumentPart]:
        self.corpus_size = len(paths)
        t0 = time.perf_counter()
        registry = WorkRegistry(base=self.base)
        documents = self._register(paths, registry)
        self.timings["parse"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        self._map(documents, registry)
        parts = self._place(documents, cache.registry_digest(d.view_digest for d in documents))
        self.timings["map+validate"] = time.perf_counter() - t0
        return parts

    def _pool(self, tasks: int, registry: WorkRegistry | None) -> Executor | None:
        """Worker processes for a pass (each capped by the limits); none for a corpus of one file."""
        if self.jobs > 1 and tasks > 0 and self.corpus_size > 1:
            if registry is not None:
                akn_schema()  # compiled once here, inherited by the forked workers
            return ProcessPoolExecutor(self.jobs, mp_context=fork_context(), initializer=workers.init_worker,
                                       initargs=(registry, self.base, self.limits))
        workers.init_worker(registry, self.base, self.limits, in_pool=False)
        return None

    @contextmanager
    def _pass(self, tasks: int, registry: WorkRegistry | None) -> Iterator[Executor | None]:
        pool = self._pool(tasks, registry)
        try:
            yield pool
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _register(self, paths: list[Path], registry: WorkRegistry) -> list[Document]:
        """Pass one: every document's registry view, from the cache or parsed."""
        context_key = cache.build_context(self.base, self.limits)
        found: dict[Path, Document] = {}
        tasks: list[tuple[workers.ParseTask, str]] = []
        for i, path in enumerate(paths):
            key = cache.entry_key(cache.input_bytes(path), self.outcomes[path].source, context_key)
            entry = self.cache.lookup(key)
            if entry is None:
                tasks.append((workers.ParseTask(path, self.scratch / f"{i:08d}"), key))
                continue
            view = entry.load(cache.VIEW)
            self._registered(path, view, registry)
            found[path] = Document(path, key, entry.files[cache.VIEW], view.language, entry=entry)
        with self._pass(len(tasks), None) as pool:
            parsed = list(_run(workers.parse_one, [t for t, _ in tasks], pool, "parse", self.show))
        for (task, key), result in zip(tasks, parsed):
            if result.view is None:
                outcome, error = self.outcomes[task.path], result.error or "unknown error"
                outcome.status, outcome.errors = failed_status("parse-error", error), [error]
                outcome.findings = [Finding("refused", error).to_json()]
                continue
            self._registered(task.path, result.view, registry)
            found[task.path] = Document(task.path, key, result.files[cache.VIEW], result.view.language,
                                        folder=task.folder, files=result.files)
        return [found[p] for p in paths if p in found]

    def _registered(self, path: Path, view: object, registry: WorkRegistry) -> None:
        outcome = self.outcomes[path]
        outcome.symbol, outcome.kind, outcome.layout = view.symbol, view.kind, view.layout  # type: ignore[attr-defined]
        outcome.title, outcome.language = view.title, view.language  # type: ignore[attr-defined]
        outcome.warnings = list(view.warnings)  # type: ignore[attr-defined]
        registry.add(view)  # type: ignore[arg-type]

    def _map(self, documents: list[Document], registry: WorkRegistry) -> None:
        """Pass two for the documents the cache cannot answer for; the others are checked."""
        state = cache.registry_digest(d.view_digest for d in documents)
        answers = cache.Answers(registry)
        same = [d for d in documents if d.entry is not None and self._same_answers(d.entry, state, answers)]
        with ThreadPoolExecutor(max(1, self.jobs)) as threads:  # sha256 releases the GIL: files checked on all cores
            whole = {id(d) for d, ok in zip(same, threads.map(_intact, [d.entry for d in same])) if ok}
        todo: list[Document] = []
        for doc in documents:
            if id(doc) in whole:
                self.reused += 1
                continue
            if doc.entry is not None:  # the cited works' facts changed, or a file is damaged: map again
                self._from_cache(doc)
                self.remapped += 1
            todo.append(doc)
        size = max(1, min(MAP_BATCH, len(todo) // (4 * self.jobs)))  # small corpora still keep every worker busy
        batches = [[d.folder for d in todo[k : k + size]] for k in range(0, len(todo), size)]
        with self._pass(len(todo), registry) as pool:
            results = chain.from_iterable(_run(workers.map_batch, batches, pool, "map+validate", self.show, unit="batch"))
            for doc, mapped in zip(todo, results):
                doc.mapped = mapped

    def _same_answers(self, entry: cache.CachedDocument, state: str, answers: cache.Answers) -> bool:
        """Whether the registry of this build answers the entry's mapping as before: the same
        registry does, or else its recorded questions are asked again."""
        if entry.body.get("registry") == state:
            return True
        if self.cache.confirmed(entry.folder.name) == state:  # found so by the last build: kept for the next
            self.cache.confirm(entry.folder.name, state)
            return True
        if not entry.intact([cache.QUESTIONS]) or answers.digest(entry.load(cache.QUESTIONS)) != entry.body.get("answers"):
            return False
        self.cache.confirm(entry.folder.name, state)  # the same answers under this registry
        return True

    def _from_cache(self, doc: Document) -> None:
        """A scratch folder holding the cached model, or the parsed document again if it is damaged."""
        assert doc.entry is not None
        doc.folder = self.scratch / doc.key
        doc.folder.mkdir()
        if doc.entry.intact([cache.MODEL, cache.VIEW]):
            for name in (cache.MODEL, cache.VIEW):
                shutil.copyfile(doc.entry.path(name), doc.folder / name)
            doc.files = {n: doc.entry.files[n] for n in (cache.MODEL, cache.VIEW)}
        else:
            doc.files = workers.parse_one(workers.ParseTask(doc.path, doc.folder)).files
        self.cache.discard(doc.key)
        doc.entry = None

    def _place(self, documents: list[Document], state: str) -> list[DocumentPart]:
        """In corpus order: slugs, graph names, the output files, the search records, the cache."""
        parts: list[DocumentPart] = []
        links: list[tuple[str, str]] = []  # (file in the cache or scratch, its place in the output)
        placed: set[str] = set()
        taken: set[str] = {AUTHORITIES_SLUG}
        graphs: set[str] = set()
        expressions: set[tuple[str, str | None]] = set()
        for doc in documents:
            outcome = self.outcomes[doc.path]
            if doc.mapped is not None:
                self._stored(doc, state)
            if doc.mapped is not None and doc.mapped.error:
                outcome.status, outcome.errors = failed_status("error", doc.mapped.error), [doc.mapped.error]
                outcome.warnings += doc.mapped.warnings
                outcome.findings = doc.mapped.findings
                continue
            entry = doc.entry
            assert entry is not None or not self.cache.enabled
            body = entry.body if entry is not None else _body(doc.mapped)  # type: ignore[arg-type]
            folder = entry.folder if entry is not None else doc.folder
            assert folder is not None
            outcome.warnings += body["warnings"]
            outcome.findings = body["findings"]
            if body["violations"]:
                outcome.status, outcome.errors = "invalid", body["violations"]
                continue
            outcome.slug = slug(outcome.symbol, doc.path, taken, doc.language)
            outcome.work, outcome.triples = body["graph"], body["triples"]
            # one named graph per work, holding all its language expressions; a second file of
            # the same expression (a page extract beside the full text) gets a graph of its own
            graph_name, expression = body["graph"], (body["graph"], doc.language)
            if graph_name in graphs and expression in expressions:
                graph_name = f"{graph_name}#source-{outcome.slug}"
            graphs.add(graph_name)
            expressions.add(expression)
            turtle = output.document_turtle(outcome.slug)
            links.append((f"{folder}/{cache.TURTLE}", f"{self.staging}/{turtle}"))
            self.known[turtle] = body["files"][cache.TURTLE]
            if body["akn"] and place_manifestation(body["akn"], outcome, placed):
                links.append((f"{folder}/{cache.AKN}", f"{self.staging}/{body['akn']}"))
                self.known[body["akn"]] = body["files"][cache.AKN]
            if self.index is not None:
                self.index.add(folder / cache.RECORD)
            parts.append(DocumentPart(outcome.slug, graph_name, folder / cache.RUN, body["triples"],
                                      tuple(body["boundaries"]), body["files"].get(cache.RUN)))
        link_all(links)
        return parts

    def _stored(self, doc: Document, state: str) -> None:
        """Put a freshly mapped document's folder into the cache (unless it failed)."""
        mapped = doc.mapped
        assert mapped is not None and doc.folder is not None
        self.dump_seconds["documents/*.ttl"] += mapped.turtle_seconds
        if mapped.error:
            return
        body = _body(mapped)
        files = {**doc.files, **mapped.files}
        body.pop("files")
        doc.entry = self.cache.store(doc.key, doc.folder, files, registry=state, **body)


def _intact(entry: cache.CachedDocument | None) -> bool:
    """Whether the files a reused document puts in the output are what was cached."""
    assert entry is not None
    return entry.intact([n for n in entry.files if n not in (cache.VIEW, cache.MODEL, cache.QUESTIONS)])


def _body(mapped: workers.Mapped) -> dict[str, object]:
    """What entry.json keeps of a mapped document (and what `_place` reads, cached or not)."""
    return {"graph": mapped.graph, "triples": mapped.triples, "violations": mapped.violations,
            "warnings": mapped.warnings, "findings": mapped.findings, "akn": mapped.akn,
            "answers": mapped.answers, "files": mapped.files, "boundaries": mapped.boundaries}


def slug(symbol: str | None, path: Path, taken: set[str], language: str | None = None) -> str:
    """documents/{slug}.ttl: the symbol; a language version other than English adds its code
    (A_RES_78_6.fra), so the six files of one work have six predictable names. A second file of
    the same symbol adds its file name's stem; files whose stems are the same too (one draft's
    PDF and JSON record, in two folders) are numbered in corpus order: no name is given twice."""
    name = (symbol or path.stem).replace("/", "_").replace(" ", "_")
    if language and language != "eng" and symbol:
        name = f"{name}.{language}"
    if name in taken:
        name = f"{name}__{path.stem}"
    found, n = name, 2
    while found in taken:
        found, n = f"{name}_{n}", n + 1
    taken.add(found)
    return found


def _run(
    fn: Callable[[T], R], items: Sequence[T], pool: Executor | None, label: str, show: bool, unit: str = "doc"
) -> Iterator[R]:
    """Results in input order, as they arrive: small chunks, so few finished results wait."""
    chunksize = min(MAX_CHUNK, max(1, len(items) // 64))
    it: Iterable[R] = pool.map(fn, items, chunksize=chunksize) if pool else map(fn, items)
    return iter(tqdm(it, total=len(items), desc=label, unit=unit, disable=not show, leave=False))

