"""The describe stage alone: CPU per document, per work and per other resource, in one process.

Under load the build's own figure ("describe cpu" in BuildReport.seconds) moves with what else
the machine runs; this benchmark builds CORPUS once (`--jobs`), keeps the describe stage's inputs
(the merged link records, the labels, the run files: lod.describe.build.prepare's state) and
then runs the stage on them `--rounds` times in this process, each round into a fresh folder,
so that rounds can be compared and the best one read. `--profile N` prints cProfile's top N
entries of one more round (by own time) for docs/benchmarks.md.

    python -m bench.describe CORPUS --rounds 3 --profile 25
"""

from __future__ import annotations

import cProfile
import json
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from lod.cli import jobs_option
from lod.describe import build as stage
from lod.describe.link_index import MergedLinks
from lod.publish.collector import build_collector


def _keep_inputs(corpus: Path, scratch: Path, jobs: int) -> tuple[stage._Inputs, list[stage.DescribeTask], Path]:
    """Build `corpus` and keep a copy of the describe stage's inputs as the stage began."""
    from lod.publish import build

    kept: dict[str, object] = {}
    run = stage.run

    def keep(todo: list[stage.DescribeTask], pool: object) -> list[stage.Described]:
        state = stage._STATE
        assert state is not None
        assert isinstance(state.links, MergedLinks), "a build without the cache merges its link records"
        folder = state.links.path.parent
        shutil.copytree(folder, scratch / "inputs")
        moved = lambda p: scratch / "inputs" / p.relative_to(folder) if p.is_relative_to(folder) else p  # noqa: E731
        kept["state"] = (state.base, MergedLinks(moved(state.links.path), state.links.index, state.links.digests), state.labels)
        kept["tasks"] = [stage.DescribeTask(t.iri, t.kind, tuple(moved(r) for r in t.runs)) for t in todo]
        return run(todo, pool)  # type: ignore[arg-type]

    stage.run = keep  # type: ignore[assignment]
    try:
        build(corpus, scratch / "built", jobs=jobs, progress=False, cache=False)
    finally:
        stage.run = run
    base, links, labels = kept["state"]  # type: ignore[misc]
    return stage._Inputs(scratch / "round", base, links, labels), kept["tasks"], scratch / "built"  # type: ignore[return-value]


def _round(inputs: stage._Inputs, tasks: list[stage.DescribeTask], built: Path) -> dict[str, float]:
    out = inputs.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "akn").symlink_to(built / "akn")  # the work pages link their AKN files
    stage._STATE = stage._Inputs(out, inputs.base, inputs.links, inputs.labels)
    cpu = {"work": 0.0, "resource": 0.0}
    count = {"work": 0, "resource": 0}
    written = 0
    for task in tasks:
        started = time.process_time()
        described = stage.describe(task)
        cpu[task.kind] += time.process_time() - started
        count[task.kind] += 1
        written += sum((out / path).stat().st_size for path in described.files)
    works = max(count["work"], 1)
    return {"documents": count["work"], "descriptions": len(tasks), "cpu_seconds": cpu["work"] + cpu["resource"],
            "cpu_ms_per_document": (cpu["work"] + cpu["resource"]) / works * 1e3,
            "cpu_ms_per_work": cpu["work"] / works * 1e3,
            "cpu_ms_per_resource": cpu["resource"] / max(count["resource"], 1) * 1e3,
            "gzip_bytes": written}


@click.command(help=(__doc__ or "").splitlines()[0])
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--rounds", default=3, show_default=True, help="Rounds of the stage on the same inputs.")
@click.option("--profile", "top", default=0, help="Print cProfile's top N entries of one more round.")
@jobs_option(default=2)
def main(corpus: Path, rounds: int, top: int, jobs: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="lod-bench-describe-"))
    try:
        inputs, tasks, built = _keep_inputs(corpus, scratch, jobs)
        results = []
        with build_collector():  # the build's thresholds, which its describe workers run with
            for n in range(rounds):
                results.append(_round(inputs, tasks, built))
                print(f"round {n + 1}: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                                     for k, v in results[-1].items()), file=sys.stderr, flush=True)
            if top:
                profiler = cProfile.Profile()
                profiler.runcall(_round, inputs, tasks, built)
                pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(top)
        json.dump({"best": min(results, key=lambda r: r["cpu_seconds"]), "rounds": results}, sys.stdout, indent=1)
        print()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
