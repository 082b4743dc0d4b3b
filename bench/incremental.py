"""A one-document change to a built corpus: how long the incremental rebuild takes.

    python -m bench.incremental CORPUS WORK [--jobs 2] [--full]

Copies CORPUS to WORK/corpus, builds it into WORK/out (unless WORK/out exists from an earlier
run: then that build and its cache are reused), edits one document in the middle of the corpus
(a word added to its text), builds again with the cache, and with `--full` builds the edited
corpus without the cache into WORK/full and compares the two SHA256SUMS. Each build runs in its
own process (bench.build_one: wall time, CPU of the build and its workers, stages); the result
is printed as JSON with the machine's load average before and after.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click

from lod.cli import jobs_option


def _build(corpus: Path, out: Path, jobs: int, cache: bool) -> dict[str, object]:
    environment = {**os.environ, "LOD_BUILD_CACHE": "1" if cache else "0"}
    done = subprocess.run([sys.executable, "-m", "bench.build_one", str(corpus), str(out), "--jobs", str(jobs)],
                          env=environment, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _edit(corpus: Path) -> Path:
    """Add a word to the text of the middle document (its structure stays as it was)."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    target = files[len(files) // 2]
    text = target.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)
    target.write_text(text[:at] + " the present " + text[at + len(" the "):], encoding="utf-8")
    return target


@click.command(help=(__doc__ or "").splitlines()[0])
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("work", type=click.Path(path_type=Path))
@jobs_option(default=2)
@click.option("--full", is_flag=True, help="also build the edited corpus without the cache and compare")
def command(**options: Any) -> None:
    run(SimpleNamespace(**options))


def main(argv: list[str] | None = None) -> None:
    """`python -m bench.incremental CORPUS WORK` (--jobs is lod's own option)."""
    command.main(args=sys.argv[1:] if argv is None else argv, prog_name="python -m bench.incremental")


def run(args: Any) -> None:
    corpus, out = args.work / "corpus", args.work / "out"
    result: dict[str, object] = {"load_before": os.getloadavg()}
    if not out.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(args.corpus, corpus)
        result["first"] = _build(corpus, out, args.jobs, cache=True)
    result["edited"] = str(_edit(corpus).name)
    result["incremental"] = _build(corpus, out, args.jobs, cache=True)
    if args.full:
        result["full"] = _build(corpus, args.work / "full", args.jobs, cache=False)
        result["byte_identical"] = (out / "SHA256SUMS").read_bytes() == (args.work / "full" / "SHA256SUMS").read_bytes()
    result["load_after"] = os.getloadavg()
    json.dump(result, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
