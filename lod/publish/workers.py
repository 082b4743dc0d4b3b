"""The build's two passes over documents, as they run in worker processes.

Module-level functions, so that process pools can pickle them. Each document has a folder of
its own in the staging directory's `.parts/`, where the workers leave its files (model, run file
of sorted N-Triples, its link and label records, Turtle, AKN, search record) with their sha256; the main process moves that
folder into the build cache (lod.publish.cache) once the document is placed, so only names,
counts and messages travel back through the pipes.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lod.model import Resolution
from lod.parse import ParseError, parse_file
from lod.publish import cache
from lod.publish.akn import write_manifestation
from lod.publish.chunks import boundary_subjects
from lod.publish.descriptions import write_link_records
from lod.publish.dumps import nt_bytes, write_part, write_turtle
from lod.publish.limits import DocumentLimits, Refused, check_pages, deadline, memory_refusal, start_worker
from lod.publish.lists import keep_facts
from lod.publish.searchindex import save_record
from lod.quality import findings
from lod.rdf import WorkRegistry, map_resolution
from lod.uri import DEFAULT_BASE
from lod.validate import ShapeResult, ValidationResult, validate_batch, validate_lines

_REGISTRY: WorkRegistry | None = None
_BASE: str = DEFAULT_BASE
_LIMITS: DocumentLimits = DocumentLimits()


def init_worker(registry: WorkRegistry | None, base: str, limits: DocumentLimits | None = None,
                in_pool: bool = True) -> None:
    """Each worker's state; in a pool worker also its memory cap and its tie to the build's life."""
    global _REGISTRY, _BASE, _LIMITS
    _REGISTRY, _BASE = registry, base
    _LIMITS = limits or DocumentLimits()
    if in_pool:
        start_worker(_LIMITS)


@dataclass(frozen=True)
class ParseTask:
    """A file to parse, and the folder where its model waits for the map pass (not in memory)."""

    path: Path
    folder: Path


@dataclass(frozen=True)
class Parsed:
    """What the main process needs of a parsed document: its registry view and file digests."""

    view: Resolution | None
    error: str | None = None
    files: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mapped:
    """What the main process needs of a mapped document; the triples stay on disk."""

    graph: str
    triples: int
    violations: list[str]
    warnings: list[str]
    error: str | None = None
    turtle_seconds: float = 0.0
    findings: list[dict[str, str]] = field(default_factory=list)
    akn: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    answers: str = ""
    """Digest of the WorkRegistry's answers to the mapping's questions (lod.publish.cache)."""
    boundaries: list[str] = field(default_factory=list)
    """Its subjects that start a chunk of the dumps (lod.publish.chunks.boundary_subjects)."""


def _failed(error: str) -> Mapped:
    return Mapped("", 0, [], [], error)


def parse_one(task: ParseTask) -> Parsed:
    """The parsed document's registry view, or why not: a parse error, or "refused: ..."."""
    try:
        check_pages(task.path, _LIMITS)
        with deadline(task.path.name, _LIMITS, "parsing"):
            res = parse_file(task.path)
    except Refused as exc:
        return Parsed(None, str(exc))
    except MemoryError:
        return Parsed(None, memory_refusal(task.path.name, _LIMITS))
    except ParseError as exc:
        return Parsed(None, str(exc))
    except Exception as exc:  # a converter bug must not take the other documents down
        return Parsed(None, f"{task.path.name}: internal error while parsing: {type(exc).__name__}: {exc}")
    view = cache.registry_view(res)
    task.folder.mkdir(exist_ok=True)
    write(task.folder / cache.MODEL, pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL))
    write(task.folder / cache.VIEW, pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL))
    return Parsed(view, None, cache.written(task.folder, (cache.MODEL, cache.VIEW)))


def write(path: Path, data: bytes) -> None:
    """Write a scratch file; a failure (disk full) names the file."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None


def map_batch(folders: Sequence[Path]) -> list[Mapped]:
    """Map a few documents, validate them together and write the valid ones' run files and
    Turtle in the worker, so only counts and messages travel back to the main process.

    Validating a batch pays the SHACL engine's fixed cost per query once for all its documents;
    the results are still per document. A mapping or validation bug is reported against its
    document, never fatal; writing errors (disk full) are the build's, not a document's: they raise.
    """
    assert _REGISTRY is not None
    outcomes: list[Mapped | None] = []
    ready: list[tuple[int, Resolution, str, list[str], cache.RecordingRegistry]] = []
    for folder in folders:
        res: Resolution = pickle.loads((folder / cache.MODEL).read_bytes())
        asked = cache.RecordingRegistry(_REGISTRY)
        try:
            with deadline(res.source, _LIMITS, "mapping"):
                lines = map_resolution(res, asked, _BASE).lines()  # type: ignore[arg-type]
            ready.append((len(outcomes), res, asked.work_for(res).work(), lines, asked))
            outcomes.append(None)
        except Refused as exc:
            outcomes.append(_failed(str(exc)))
        except MemoryError:
            outcomes.append(_failed(memory_refusal(res.source, _LIMITS)))
        except Exception as exc:
            outcomes.append(_failed(f"{res.source}: internal error while mapping: {type(exc).__name__}: {exc}"))
    for (k, res, graph, lines, asked), result in zip(ready, validate_all([(r.source, ls) for _, r, _, ls, _ in ready])):
        if isinstance(result, Refused):
            outcomes[k] = _failed(str(result))
        elif isinstance(result, MemoryError):
            outcomes[k] = _failed(memory_refusal(res.source, _LIMITS))
        elif isinstance(result, Exception):
            outcomes[k] = _failed(f"{res.source}: internal error while validating: {type(result).__name__}: {result}")
        else:
            outcomes[k] = _publish(folders[k], res, graph, lines, result, asked)
    assert all(o is not None for o in outcomes)  # one outcome per task, in order: the caller zips them
    return outcomes  # type: ignore[return-value]


def _publish(folder: Path, res: Resolution, graph: str, lines: list[str], result: ValidationResult,
             asked: cache.RecordingRegistry) -> Mapped:
    """A validated document's files (if it conforms) and its outcome."""
    violations = [result_line(r) for r in result.violations]
    warnings = [result_line(r) for r in result.results if r.severity != "Violation"]
    turtle_seconds, akn = 0.0, None
    if not violations:  # the AKN file is checked against the XSD like the shapes
        manifestation = write_manifestation(res, asked, _BASE, folder / cache.AKN)  # type: ignore[arg-type]
        violations, akn = manifestation.violations, manifestation.path
    if not violations:
        try:
            run = nt_bytes(lines)
            write_part(folder / cache.RUN, run)
            write_link_records(folder / cache.LINKS, folder / cache.LABELS, lines, graph, _BASE)
            keep_facts(folder / cache.RUN, graph, run)  # what the browse lists need (lod.publish.lists)
            started = time.perf_counter()
            write_turtle(folder / cache.TURTLE, run)
            turtle_seconds = time.perf_counter() - started
        except OSError as exc:  # the build's failure, not the document's: name what could not be written
            raise OSError(exc.errno, exc.strerror or str(exc), exc.filename or str(folder / cache.RUN)) from None
        try:
            save_record(res, asked, folder / cache.RECORD)  # type: ignore[arg-type]
        except Exception as exc:
            return _failed(f"{res.source}: internal error while indexing: {type(exc).__name__}: {exc}")
    write(folder / cache.QUESTIONS, pickle.dumps(asked.questions, protocol=pickle.HIGHEST_PROTOCOL))
    found = [f.to_json() for f in findings(res)]
    files = cache.written(folder, (cache.RUN, cache.LINKS, cache.LABELS, cache.TURTLE, cache.AKN, cache.RECORD,
                                   cache.QUESTIONS))
    return Mapped(graph, len(lines), violations, warnings, turtle_seconds=turtle_seconds, findings=found, akn=akn,
                  files=files, answers=asked.digest(), boundaries=[] if violations else boundary_subjects(lines))


def validate_all(documents: Sequence[tuple[str, list[str]]]) -> list[ValidationResult | Exception]:
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


def result_line(r: ShapeResult) -> str:
    """One SHACL result as a line of the build report: severity, rule, message, node."""
    path = f" {r.path}" if r.path else ""
    return f"{r.severity}: {r.shape.rsplit('#', 1)[-1]}: {r.message} (at {r.focus}{path})"
