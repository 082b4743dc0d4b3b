"""One `lod build` in a fresh process, reported as JSON on stdout.

Run as a subprocess by bench.run so that its peak memory (getrusage: this process and the
build's worker processes, which it waits for) belongs to this build alone. The per-stage
seconds are BuildReport.seconds; "wall" is the whole build() call.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import click

from bench.common import file_create_us
from lod.cli import jobs_option


@click.command(help=(__doc__ or "").splitlines()[0])
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("out", type=click.Path(path_type=Path))
@jobs_option(default=2)
def main(corpus: Path, out: Path, jobs: int) -> None:
    probe = file_create_us(out)
    t_import = time.perf_counter()
    from lod.publish import build

    imported = time.perf_counter() - t_import
    t0 = time.perf_counter()
    report = build(corpus, out, jobs=jobs, progress=False)
    wall = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    json.dump({
        "documents": len(report.documents),
        "published": len(report.published),
        "failed": len(report.failed),
        "failures": sorted({(d.errors[0] if d.errors else d.status)[:160] for d in report.failed})[:10],
        "triples": report.triples,
        "reused": report.reused,
        "remapped": report.remapped,
        "descriptions_reused": report.descriptions_reused,
        "descriptions_by_key": report.descriptions_by_key,
        "link_keys_gathered": report.link_keys_gathered,
        "seconds": report.seconds,
        "dump_seconds": report.dump_seconds,
        "wall": wall,
        "import_seconds": imported,
        "maxrss_main_mib": own.ru_maxrss / 1024,
        "maxrss_worker_mib": children.ru_maxrss / 1024,
        "cpu_main_seconds": own.ru_utime + own.ru_stime,
        "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "system_seconds": own.ru_stime + children.ru_stime,
        "file_create_us": probe,
    }, sys.stdout)


if __name__ == "__main__":
    main()
