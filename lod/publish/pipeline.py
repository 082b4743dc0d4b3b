"""`lod build`: a folder of resolution texts in, a published dataset out.

Two passes, because a citation's target IRI can depend on every other document (a resolution
cited by one text and published by another must get one IRI): first parse everything and fill
the work registry, then map, validate and serialize each document. Both passes run on all
cores. A document that fails to parse or to validate is reported by name with the reason and
left out; the others are published. Nothing reaches `out` unless the whole build succeeds.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from tqdm import tqdm

from lod.model import Resolution
from lod.parse import ParseError, parse_file
from lod.publish.atomic import staged_directory
from lod.publish.describe import describe_dataset
from lod.publish.dumps import DocumentTriples, write_checksums, write_dataset, write_documents
from lod.rdf import WorkRegistry, resolution_graph
from lod.rdf.authorities import AUTHORITIES_SLUG, authorities_iri, authorities_lines
from lod.uri import DEFAULT_BASE
from lod.validate import ShapeResult, validate

Status = Literal["published", "parse-error", "invalid", "error"]
SKIPPED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.md", "notice"}
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


@dataclass
class BuildReport:
    corpus: str
    out: str
    base: str
    documents: list[DocumentOutcome]
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

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


def _init_worker(registry: WorkRegistry | None, base: str) -> None:
    global _REGISTRY, _BASE
    _REGISTRY, _BASE = registry, base


def _parse_one(path: Path) -> tuple[Resolution | None, str | None]:
    try:
        return parse_file(path), None
    except ParseError as exc:
        return None, str(exc)
    except Exception as exc:  # a converter bug must not take the other documents down
        return None, f"{path.name}: internal error while parsing: {type(exc).__name__}: {exc}"


def _map_one(res: Resolution) -> tuple[str, list[str], list[str], list[str]]:
    """Map and validate one document: (graph name, sorted N-Triples, violations, warnings)."""
    assert _REGISTRY is not None
    graph = resolution_graph(res, _REGISTRY, _BASE)
    result = validate(graph, res.source)
    lines = sorted({ln for ln in graph.serialize(format="nt").splitlines() if ln.strip()})
    violations = [_result_line(r) for r in result.violations]
    warnings = [_result_line(r) for r in result.results if r.severity != "Violation"]
    return _REGISTRY.work_for(res).work(), lines, violations, warnings


def _result_line(r: ShapeResult) -> str:
    """One SHACL result as a line of the build report: severity, rule, message, node."""
    path = f" {r.path}" if r.path else ""
    return f"{r.severity}: {r.shape.rsplit('#', 1)[-1]}: {r.message} (at {r.focus}{path})"


def _run(fn: Callable[[T], R], items: Sequence[T], pool: Executor | None, label: str, show: bool) -> list[R]:
    it: Iterable[R] = pool.map(fn, items, chunksize=max(1, len(items) // 64)) if pool else map(fn, items)
    return list(tqdm(it, total=len(items), desc=label, unit="doc", disable=not show, leave=False))


def _slug(res: Resolution, path: Path, taken: set[str]) -> str:
    slug = (res.symbol or path.stem).replace("/", "_").replace(" ", "_")
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
) -> BuildReport:
    """Parse, map, validate and publish every document under `corpus` into `out`, atomically."""
    base = base.rstrip("/")
    show = sys.stderr.isatty() if progress is None else progress
    paths = discover(Path(corpus))
    jobs = jobs or os.cpu_count() or 1
    timings: dict[str, float] = {}
    outcomes = {p: DocumentOutcome(source=_display(p, Path(corpus)), status="published") for p in paths}

    pool: Executor | None = None
    try:
        t0 = time.perf_counter()
        if jobs > 1 and len(paths) > 1:
            pool = ProcessPoolExecutor(jobs, mp_context=_context())
        parsed = _run(_parse_one, paths, pool, "parse", show)
        timings["parse"] = time.perf_counter() - t0

        registry = WorkRegistry(base=base)
        documents: list[tuple[Path, Resolution]] = []
        for path, (res, error) in zip(paths, parsed):
            outcome = outcomes[path]
            if res is None:
                outcome.status, outcome.errors = "parse-error", [error or "unknown error"]
                continue
            outcome.symbol, outcome.kind, outcome.layout = res.symbol, res.kind, res.layout
            outcome.warnings = list(res.warnings)
            registry.add(res)
            documents.append((path, res))

        t0 = time.perf_counter()
        if pool is not None:
            pool.shutdown()
            pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(registry, base))
        else:
            _init_worker(registry, base)
        mapped = _run(_map_one_safe, [res for _, res in documents], pool, "map+validate", show)
        timings["map+validate"] = time.perf_counter() - t0
    finally:
        if pool is not None:
            pool.shutdown()

    published: list[DocumentTriples] = []
    taken: set[str] = {AUTHORITIES_SLUG}
    graphs: set[str] = set()
    for (path, res), (graph_name, lines, violations, warnings, error) in zip(documents, mapped):
        outcome = outcomes[path]
        outcome.warnings += warnings
        if error:
            outcome.status, outcome.errors = "error", [error]
            continue
        if violations:
            outcome.status, outcome.errors = "invalid", violations
            continue
        outcome.slug = _slug(res, path, taken)
        outcome.work, outcome.triples = graph_name, len(lines)
        if graph_name in graphs:
            graph_name = f"{graph_name}#source-{outcome.slug}"
        graphs.add(graph_name)
        published.append(DocumentTriples(outcome.slug, graph_name, tuple(lines)))

    report = BuildReport(str(corpus), str(out), base, [outcomes[p] for p in paths], seconds=timings)
    if strict and report.failed:
        raise BuildError("strict build stopped; nothing was written:\n" + _failures(report))
    if not published:
        raise BuildError("no document could be published; nothing was written:\n" + _failures(report))

    # States, organs, treaties and groups the documents link to, described once, in their own graph
    published.append(DocumentTriples(AUTHORITIES_SLUG, authorities_iri(base), authorities_lines(base)))

    t0 = time.perf_counter()
    with staged_directory(Path(out)) as staging:
        write_documents(staging, published)
        merged = write_dataset(staging, published)
        report.triples = len(merged)
        (staging / "report.json").write_text(json.dumps(report.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        checksums = write_checksums(staging)
        examples = sorted(d.work for d in report.published if d.work)[:3]
        void = describe_dataset(base, staging, merged, checksums, examples)
        void.serialize(staging / "void.ttl", format="turtle")
        write_checksums(staging)
    timings["dumps"] = time.perf_counter() - t0
    return report


def _map_one_safe(res: Resolution) -> tuple[str, list[str], list[str], list[str], str | None]:
    try:
        return (*_map_one(res), None)
    except Exception as exc:  # a mapping bug is reported against its document, not fatal
        return "", [], [], [], f"{res.source}: internal error while mapping: {type(exc).__name__}: {exc}"


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
