"""`lod build`: a folder of resolution texts in, a published dataset out.

Two passes, because a citation's target IRI can depend on every other document (a resolution
cited by one text and published by another must get one IRI): first parse everything and fill
the work registry, then map, validate and serialize each document. Both passes run on all
cores. A document that fails to parse or to validate is reported by name with the reason and
left out; the others are published. Nothing reaches `out` unless the whole build succeeds.

Memory does not grow with the corpus: between the passes each parsed document waits in a
pickle, and each mapped document's sorted N-Triples in a run file, in the staging directory's
`.parts/` (deleted before the output is swapped in); the main process keeps only names and
counts, and the dataset dumps are merged from the run files (lod.publish.dumps).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import sqlite3
import sys
import time
from itertools import chain
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from lod import output
from pathlib import Path
from typing import Any, Literal, TypeVar

from tqdm import tqdm

from lod.model import Resolution
from lod.parse import ParseError, parse_file
from lod.akn import akn_schema
from lod.publish.akn import place_manifestation, write_akn_zip, write_manifestation
from lod.publish.atomic import staged_directory
from lod.quality import Finding, findings
from lod.publish.describe import describe_dataset
from lod.publish.descriptions import DescriptionStage, write_link_records
from lod.publish.links import unreadable_links
from lod.publish.limits import DocumentLimits, Refused, check_pages, deadline, memory_refusal, start_worker
from lod.publish.dumps import DocumentPart, write_checksums, write_dataset, write_part, write_turtle
from lod.publish.vocabulary import write_vocabularies
from lod.publish.workiris import write_work_iris
from lod.publish.searchindex import IndexStage, save_record
from lod.search import INDEX_FILE
from lod.rdf import WorkRegistry, map_resolution
from lod.rdf.authorities import AUTHORITIES_SLUG, authorities_iri, authorities_lines
from lod.uri import DEFAULT_BASE
from lod.validate import ShapeResult, ValidationResult, validate_batch, validate_lines

Status = Literal["published", "parse-error", "invalid", "error", "refused"]
SKIPPED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.md", "notice"}
MAX_CHUNK = 8

MAP_BATCH = 16
"""Documents a map worker validates together (lod.validate.validate_batch)."""
"""Documents per task sent to a worker: enough to amortize the pipe, few enough that results
finished out of order and waiting for their turn stay small."""
T = TypeVar("T")
R = TypeVar("R")


class BuildError(Exception):
    """The build was stopped and nothing was written (strict mode, or nothing to publish)."""


@dataclass
class DocumentOutcome:
    """What happened to one input file; `errors` say why it was not published."""

    source: str
    status: Status
    symbol: str | None = None
    kind: str | None = None
    layout: str | None = None
    work: str | None = None
    slug: str | None = None
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)
    """What a curator must look at (lod.quality): code, message, eId; the same as `lod check`."""
    akn: str | None = None
    """The output path of the document's AKN XML (its manifestation IRI's path)."""


@dataclass
class BuildReport:
    corpus: str
    out: str
    base: str
    documents: list[DocumentOutcome]
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    dump_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds each dump took to write (written concurrently; documents/*.ttl summed over workers)."""
    skipped: list[dict[str, str]] = field(default_factory=list)
    """Entries of the corpus that are not documents and say why (a symbolic link loop, say)."""

    @property
    def published(self) -> list[DocumentOutcome]:
        return [d for d in self.documents if d.status == "published"]

    @property
    def failed(self) -> list[DocumentOutcome]:
        return [d for d in self.documents if d.status != "published"]

    def to_json(self) -> dict[str, Any]:
        """The report as written to report.json: no timings, so the output stays byte-identical."""
        return {
            "base": self.base,
            "documents": [asdict(d) for d in self.documents],
            "published": len(self.published),
            "failed": len(self.failed),
            "triples": self.triples,
            "skipped": self.skipped,
        }


def discover(corpus: Path) -> list[Path]:
    """Input files under `corpus`, in a stable order; sidecars and READMEs are not documents."""
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise BuildError(f"{corpus}: no such file or directory")
    found = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if path.name.lower() in SKIPPED_NAMES or path.name.endswith((".meta.yaml", ".meta.yml")):
            continue
        found.append(path)
    return found


# --- workers (module-level so that process pools can pickle them) ----------------------------
_REGISTRY: WorkRegistry | None = None
_BASE: str = DEFAULT_BASE
_LIMITS: DocumentLimits = DocumentLimits()
SCRATCH = ".parts"
"""Folder of the staging directory holding per-document files until the dumps are merged."""


def _init_worker(registry: WorkRegistry | None, base: str, limits: DocumentLimits | None = None,
                 in_pool: bool = True) -> None:
    """Each worker's state; in a pool worker also its memory cap and its tie to the build's life."""
    global _REGISTRY, _BASE, _LIMITS
    _REGISTRY, _BASE = registry, base
    _LIMITS = limits or DocumentLimits()
    if in_pool:
        start_worker(_LIMITS)


@dataclass(frozen=True)
class _ParseTask:
    """A file to parse, and where to keep its model until the map pass (not in memory)."""

    path: Path
    saved: Path


@dataclass(frozen=True)
class _MapTask:
    """A parsed document to map, and where to write its sorted N-Triples and its Turtle."""

    saved: Path
    part: Path
    turtle: Path
    akn: Path | None = None

    @property
    def links(self) -> Path:
        """Where the worker leaves the document's link records (lod.describe.incoming)."""
        return self.part.with_suffix(".links")

    @property
    def labels(self) -> Path:
        """Where the worker leaves the document's label records (lod.describe.incoming)."""
        return self.part.with_suffix(".labels")

    @property
    def record(self) -> Path:
        """Where the worker leaves the document's search record (lod.publish.searchindex)."""
        return self.saved.with_suffix(".search")


@dataclass(frozen=True)
class _Mapped:
    """What the main process needs of a mapped document; the triples stay on disk."""

    graph: str
    triples: int
    violations: list[str]
    warnings: list[str]
    error: str | None = None
    turtle_seconds: float = 0.0
    findings: list[dict[str, str]] = field(default_factory=list)
    akn: str | None = None


def _parse_one(task: _ParseTask) -> tuple[Resolution | None, str | None]:
    """The parsed document, or why not: a parse error, or "refused: ..." (over a DocumentLimits cap)."""
    try:
        check_pages(task.path, _LIMITS)
        with deadline(task.path.name, _LIMITS, "parsing"):
            res = parse_file(task.path)
    except Refused as exc:
        return None, str(exc)
    except MemoryError:
        return None, memory_refusal(task.path.name, _LIMITS)
    except ParseError as exc:
        return None, str(exc)
    except Exception as exc:  # a converter bug must not take the other documents down
        return None, f"{task.path.name}: internal error while parsing: {type(exc).__name__}: {exc}"
    _write(task.saved, pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL))
    return res, None


def _write(path: Path, data: bytes) -> None:
    """Write a scratch file; a failure (disk full) names the file."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None


def _map_batch(batch: Sequence[_MapTask]) -> list[_Mapped]:
    """Map a few documents, validate them together and write the valid ones' run files and
    Turtle in the worker, so only counts and messages travel back to the main process.

    Validating a batch pays the SHACL engine's fixed cost per query once for all its documents;
    the results are still per document. A mapping or validation bug is reported against its
    document, never fatal; writing errors (disk full) are the build's, not a document's: they raise.
    """
    assert _REGISTRY is not None
    outcomes: list[_Mapped | None] = []
    ready: list[tuple[int, Resolution, str, list[str]]] = []
    for task in batch:
        res: Resolution = pickle.loads(task.saved.read_bytes())
        task.saved.unlink()
        try:
            with deadline(res.source, _LIMITS, "mapping"):
                lines = map_resolution(res, _REGISTRY, _BASE).lines()
            ready.append((len(outcomes), res, _REGISTRY.work_for(res).work(), lines))
            outcomes.append(None)
        except Refused as exc:
            outcomes.append(_Mapped("", 0, [], [], str(exc)))
        except MemoryError:
            outcomes.append(_Mapped("", 0, [], [], memory_refusal(res.source, _LIMITS)))
        except Exception as exc:
            outcomes.append(_Mapped("", 0, [], [], f"{res.source}: internal error while mapping: {type(exc).__name__}: {exc}"))
    for (k, res, graph, lines), result in zip(ready, _validate_all([(res.source, lines) for _, res, _, lines in ready])):
        if isinstance(result, Refused):
            outcomes[k] = _Mapped("", 0, [], [], str(result))
            continue
        if isinstance(result, MemoryError):
            outcomes[k] = _Mapped("", 0, [], [], memory_refusal(res.source, _LIMITS))
            continue
        if isinstance(result, Exception):
            error = f"{res.source}: internal error while validating: {type(result).__name__}: {result}"
            outcomes[k] = _Mapped("", 0, [], [], error)
            continue
        violations = [_result_line(r) for r in result.violations]
        warnings = [_result_line(r) for r in result.results if r.severity != "Violation"]
        turtle_seconds, akn = 0.0, None
        if not violations and batch[k].akn is not None:  # the AKN file is checked against the XSD like the shapes
            written = write_manifestation(res, _REGISTRY, _BASE, batch[k].akn)
            violations, akn = written.violations, written.path
        if not violations:
            try:
                write_part(batch[k].part, lines)
                write_link_records(batch[k].links, batch[k].labels, lines, graph, _BASE)
                started = time.perf_counter()
                write_turtle(batch[k].turtle, lines)
                turtle_seconds = time.perf_counter() - started
            except OSError as exc:  # the build's failure, not the document's: name what could not be written
                raise OSError(exc.errno, exc.strerror or str(exc), exc.filename or str(batch[k].part)) from None
            try:
                save_record(res, _REGISTRY, batch[k].record)
            except Exception as exc:
                outcomes[k] = _Mapped("", 0, [], [], f"{res.source}: internal error while indexing: {type(exc).__name__}: {exc}")
                continue
        found = [f.to_json() for f in findings(res)]
        outcomes[k] = _Mapped(graph, len(lines), violations, warnings, turtle_seconds=turtle_seconds,
                              findings=found, akn=akn)
    assert all(o is not None for o in outcomes)  # one outcome per task, in order: the caller zips them
    return outcomes  # type: ignore[return-value]


def _validate_all(documents: Sequence[tuple[str, list[str]]]) -> list[ValidationResult | Exception]:
    """Every document's validation result; if the batch fails, each document alone, so an engine
    error is reported against the document that causes it. The batch has the time of all its
    documents; alone, each document has its own (DocumentLimits.seconds)."""
    try:
        batch_limits = DocumentLimits(_LIMITS.max_pages, _LIMITS.seconds * len(documents), _LIMITS.memory_mb)
        with deadline("batch", batch_limits, "validating"):
            return list(validate_batch(documents))
    except Exception:
        results: list[ValidationResult | Exception] = []
        for source, lines in documents:
            try:
                with deadline(source, _LIMITS, "validating"):
                    results.append(validate_lines(lines, source))
            except Exception as exc:
                results.append(exc)
        return results


def _result_line(r: ShapeResult) -> str:
    """One SHACL result as a line of the build report: severity, rule, message, node."""
    path = f" {r.path}" if r.path else ""
    return f"{r.severity}: {r.shape.rsplit('#', 1)[-1]}: {r.message} (at {r.focus}{path})"


def _run(
    fn: Callable[[T], R], items: Sequence[T], pool: Executor | None, label: str, show: bool, unit: str = "doc"
) -> Iterator[R]:
    """Results in input order, as they arrive: small chunks, so few finished results wait."""
    chunksize = min(MAX_CHUNK, max(1, len(items) // 64))
    it: Iterable[R] = pool.map(fn, items, chunksize=chunksize) if pool else map(fn, items)
    return iter(tqdm(it, total=len(items), desc=label, unit=unit, disable=not show, leave=False))


def _slug(symbol: str | None, path: Path, taken: set[str], language: str | None = None) -> str:
    """documents/{slug}.ttl: the symbol; a language version other than English adds its code
    (A_RES_78_6.fra), so the six files of one work have six predictable names."""
    slug = (symbol or path.stem).replace("/", "_").replace(" ", "_")
    if language and language != "eng" and symbol:
        slug = f"{slug}.{language}"
    if slug in taken:
        slug = f"{slug}__{path.stem}"
    taken.add(slug)
    return slug


def build(
    corpus: Path,
    out: Path,
    *,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    jobs: int | None = None,
    progress: bool | None = None,
    limits: DocumentLimits | None = None,
) -> BuildReport:
    """Parse, map, validate and publish every document under `corpus` into `out`, atomically.

    The main process never holds more than one document: parsed models wait in pickles and
    mapped triples in per-document run files in the staging directory, and the dataset dumps
    are merged from those files (lod.publish.dumps).

    Each document is held to `limits` (default: the settings max-pages, document-seconds,
    document-memory-mb) and refused beyond them. A write that fails (disk full, read-only
    output) stops the build with a BuildError naming the file; the previous output is untouched.
    """
    try:
        return _build(corpus, out, base, strict, jobs, progress, limits or DocumentLimits.from_settings())
    except OSError as exc:
        where = exc.filename or out
        raise BuildError(f"cannot write {where}: {exc.strerror or exc}; nothing was written, "
                         f"{out} is as it was") from None
    except sqlite3.OperationalError as exc:  # the search index's writer meets a full disk as SQLite says it
        if "disk is full" not in str(exc):
            raise
        raise BuildError(f"cannot write the search index ({output.SEARCH_INDEX}) beside {out}: No space left on "
                         f"device (SQLite: {exc}); nothing was written, {out} is as it was") from None


def _build(corpus: Path, out: Path, base: str, strict: bool, jobs: int | None, progress: bool | None,
           limits: DocumentLimits) -> BuildReport:
    base = base.rstrip("/")
    show = sys.stderr.isatty() if progress is None else progress
    paths = discover(Path(corpus))
    jobs = jobs or os.cpu_count() or 1
    timings: dict[str, float] = {}
    outcomes = {p: DocumentOutcome(source=_display(p, Path(corpus)), status="published") for p in paths}

    # the index is closed (or its writer stopped, on failure) before the staging directory goes
    with staged_directory(Path(out)) as staging, IndexStage(staging) as index:
        scratch, folder = staging / SCRATCH, staging / output.DOCUMENTS
        scratch.mkdir()
        folder.mkdir()
        dump_seconds = {"documents/*.ttl": 0.0}
        parts = _publish_documents(paths, outcomes, scratch, folder, base, jobs, show, timings, dump_seconds, limits, index)

        report = BuildReport(str(corpus), str(out), base, [outcomes[p] for p in paths], seconds=timings,
                             dump_seconds=dump_seconds, skipped=unreadable_links(Path(corpus)))
        if strict and report.failed:
            raise BuildError("strict build stopped; nothing was written:\n" + _failures(report))
        if not parts:
            raise BuildError("no document could be published; nothing was written:\n" + _failures(report))

        t0 = time.perf_counter()
        # States, organs, treaties and groups the documents link to, described once, in their own graph
        authorities = authorities_lines(base)
        write_part(scratch / "authorities.nt", authorities)
        write_turtle(staging / output.document_turtle(AUTHORITIES_SLUG), authorities)
        parts.append(DocumentPart(AUTHORITIES_SLUG, authorities_iri(base), scratch / "authorities.nt", len(authorities)))
        write_link_records(scratch / "authorities.links", scratch / "authorities.labels", authorities, None, base)
        timings["dumps"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        descriptions = DescriptionStage(staging, scratch, base, Path(out) if Path(out).is_dir() else None)
        descriptions.describe(parts, jobs, _context())
        timings["describe"] = time.perf_counter() - t0
        timings["describe cpu"] = descriptions.cpu_seconds
        timings["describe join"] = descriptions.join_seconds
        report.dump_seconds["descriptions"] = timings["describe"]
        t0 = time.perf_counter()

        index.start_closing()  # its commit runs in tantivy's thread while the dumps are written
        try:
            statistics = write_dataset(staging, parts, scratch, report.dump_seconds)
            write_akn_zip(staging, report.dump_seconds)
        finally:
            report.dump_seconds[INDEX_FILE] = index.finish()
        shutil.rmtree(scratch)
        report.triples = statistics.triples
        published = {d.work: d.source for d in report.published if d.work}
        published_record = write_work_iris(staging, Path(out), statistics.works, published, base, statistics.aliases)
        started = time.perf_counter()
        write_vocabularies(staging, base, previous=Path(out))
        report.dump_seconds["vocab/"] = time.perf_counter() - started
        (staging / output.REPORT).write_text(json.dumps(report.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        checksums = write_checksums(staging, known=descriptions.checksums)
        examples = sorted(d.work for d in report.published if d.work)[:3]
        void = describe_dataset(base, staging, statistics, checksums, examples)
        void.serialize(staging / output.VOID, format="turtle")
        descriptions.describe_dataset(void)
        # only void.ttl and the dataset's description are new: the rest is not read again
        write_checksums(staging, known={**checksums, **descriptions.checksums})
        timings["dumps"] += time.perf_counter() - t0
    published_record.save()  # the output is in place: its work paths join the record of published IRIs
    return report


def _publish_documents(
    paths: list[Path],
    outcomes: dict[Path, DocumentOutcome],
    scratch: Path,
    folder: Path,
    base: str,
    jobs: int,
    show: bool,
    timings: dict[str, float],
    dump_seconds: dict[str, float],
    limits: DocumentLimits,
    index: IndexStage | None = None,
) -> list[DocumentPart]:
    """Both passes over the corpus; fills `outcomes`, writes documents/*.ttl and the run files.

    Slugs and graph names are given in corpus order (the ordered results make that free),
    so they do not depend on which worker finishes first.
    """
    pool: Executor | None = None
    try:
        t0 = time.perf_counter()
        if jobs > 1 and len(paths) > 1:
            pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(None, base, limits))
        else:
            _init_worker(None, base, limits, in_pool=False)
        tasks = [_ParseTask(p, scratch / f"{i:08d}.pickle") for i, p in enumerate(paths)]
        registry = WorkRegistry(base=base)
        documents: list[tuple[Path, Path, str | None]] = []
        languages: dict[Path, str | None] = {}
        for task, (res, error) in zip(tasks, _run(_parse_one, tasks, pool, "parse", show)):
            outcome = outcomes[task.path]
            if res is None:
                outcome.status, outcome.errors = _failed("parse-error", error), [error or "unknown error"]
                outcome.findings = [Finding("refused", error or "unknown error").to_json()]
                continue
            outcome.symbol, outcome.kind, outcome.layout = res.symbol, res.kind, res.layout
            outcome.warnings = list(res.warnings)
            registry.add(res)
            languages[task.path] = res.language
            documents.append((task.path, task.saved, res.symbol))
        timings["parse"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        if pool is not None:
            pool.shutdown()
            akn_schema()  # compiled once here, inherited by the forked workers
            pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(registry, base, limits))
        else:
            _init_worker(registry, base, limits, in_pool=False)
        map_tasks = [_MapTask(saved, saved.with_suffix(".nt"), saved.with_suffix(".ttl"), saved.with_suffix(".xml"))
                     for _, saved, _ in documents]
        size = max(1, min(MAP_BATCH, len(map_tasks) // (4 * jobs)))  # small corpora still keep every worker busy
        batches = [map_tasks[k : k + size] for k in range(0, len(map_tasks), size)]
        results = chain.from_iterable(_run(_map_batch, batches, pool, "map+validate", show, unit="batch"))
        parts: list[DocumentPart] = []
        taken: set[str] = {AUTHORITIES_SLUG}
        graphs: set[str] = set()
        expressions: set[tuple[str, str | None]] = set()
        for (path, _, symbol), task, mapped in zip(documents, map_tasks, results):
            outcome = outcomes[path]
            outcome.warnings += mapped.warnings
            outcome.findings = mapped.findings
            if mapped.error:
                outcome.status, outcome.errors = _failed("error", mapped.error), [mapped.error]
                continue
            if mapped.violations:
                outcome.status, outcome.errors = "invalid", mapped.violations
                continue
            outcome.slug = _slug(symbol, path, taken, languages.get(path))
            outcome.work, outcome.triples = mapped.graph, mapped.triples
            dump_seconds["documents/*.ttl"] += mapped.turtle_seconds
            # one named graph per work, holding all its language expressions; a second file of
            # the same expression (a page extract beside the full text) gets a graph of its own
            graph_name = mapped.graph
            expression = (graph_name, languages.get(path))
            if graph_name in graphs and expression in expressions:
                graph_name = f"{graph_name}#source-{outcome.slug}"
            graphs.add(graph_name)
            expressions.add(expression)
            os.replace(task.turtle, folder.parent / output.document_turtle(outcome.slug))
            if mapped.akn and task.akn is not None:
                place_manifestation(task.akn, folder.parent, mapped.akn, outcome)
            if index is not None:
                index.add(task.record)
            parts.append(DocumentPart(outcome.slug, graph_name, task.part, mapped.triples))
        timings["map+validate"] = time.perf_counter() - t0
        return parts
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _failed(status: Status, error: str | None) -> Status:
    """"refused" for a document over a limit (lod.publish.limits), else `status`."""
    return "refused" if error and ": refused: " in error else status


def _failures(report: BuildReport) -> str:
    return "\n".join(f"  {d.source}: {d.errors[0] if d.errors else d.status}" for d in report.failed)


def _display(path: Path, corpus: Path) -> str:
    try:
        return str(path.relative_to(corpus)) if corpus.is_dir() else path.name
    except ValueError:
        return str(path)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
