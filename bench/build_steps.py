"""CPU per document of each step of one `lod build --jobs 1`, user and system time apart.

    python -m bench.build_steps CORPUS OUT

With one job the build maps and describes in this process, so a timer (`time.process_time`)
around each per-document step of the map workers (lod.publish.workers) and around the stages
of the pipeline gives where the CPU goes, without a profiler's overhead: cProfile inflates
Python-heavy code three- to fourfold and py-spy samples wall time, which a loaded machine
distorts. User and system time are reported apart because on a busy disk creating a file costs
more system time than making its contents (strace: 0.2 ms per `openat(O_CREAT)` at load 10),
and a build creates about fifty files per document. Nested steps are counted inside their
stage too (the describe stage holds its own file writes). The processes the dumps and the
search index run in are summed as "children".
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

import lod.publish.pipeline as pipeline
import lod.publish.workers as workers
from lod.output import cache_root

WORKER_STEPS = ("parse_file", "map_resolution", "validate_all", "write_manifestation", "write_link_records",
                "save_record", "write_turtle", "nt_bytes", "write_part", "findings", "boundary_subjects", "write")
"""Functions the map workers call once per document (or per batch: validate_all)."""
PIPELINE_STEPS = ("write_dataset", "write_akn_zip", "write_checksums")
"""Stages of lod.publish.pipeline over the whole dataset."""


def _timed(owner: Any, name: str, spent: Counter[str], label: str | None = None) -> Callable[[], None]:
    """Wrap `owner.name` to add its CPU seconds to `spent`; returns what undoes it."""
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label or name] += time.process_time() - started

    setattr(owner, name, timed)
    return lambda: setattr(owner, name, original)


def measure(corpus: Path, out: Path) -> dict[str, Any]:
    """Build `corpus` into `out` (fresh, no cache) and return the CPU split in ms per document."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache_root(out), ignore_errors=True)
    spent: Counter[str] = Counter()
    undo = [_timed(workers, name, spent) for name in WORKER_STEPS]
    undo += [_timed(pipeline, name, spent) for name in PIPELINE_STEPS]
    undo.append(_timed(pipeline.DescriptionStage, "describe", spent, "describe stage"))
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        report = pipeline.build(corpus, out, jobs=1, progress=False, cache=False)
    finally:
        for restore in undo:
            restore()
    after, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    n = max(1, len(report.documents))
    per_doc = lambda seconds: round(seconds / n * 1e3, 2)  # noqa: E731
    return {
        "documents": len(report.documents),
        "published": len(report.published),
        "user_ms": per_doc(after.ru_utime - before.ru_utime),
        "system_ms": per_doc(after.ru_stime - before.ru_stime),
        "children_ms": per_doc(children.ru_utime + children.ru_stime),
        "steps_ms": {name: per_doc(seconds) for name, seconds in spent.most_common()},
    }


@click.command(help=(__doc__ or "").splitlines()[0])
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.argument("out", type=click.Path(path_type=Path))
def main(corpus: Path, out: Path) -> None:
    json.dump(measure(corpus, out), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
