"""CPU time per document of each stage the build runs on a document, in one process.

    python -m bench.akn_stages [FOLDER] [--every N]

FOLDER is AKN4UN input by default (../shared/corpus/real/ga-akn); any corpus folder works
(`lod corpus synth 1000 --out /tmp/syn1k; python -m bench.akn_stages /tmp/syn1k`): its files
are those `lod build` would read (lod.publish.discover).

`lod build` on ../shared/corpus/real/ga-akn gives the whole build's CPU (`/usr/bin/time -v`);
this splits the per-document part into its stages, measured with `time.process_time` (CPU, so
the figure holds on a loaded machine): reading the XML into the model (lod.parse.akn), the
RDF mapping, the AKN output (writing and the XSD check), the document's Turtle file, and the
SHACL validation (the build's batched SPARQL engine). The dumps and the search index, written
once per build, are not in it. `--every N` takes every N-th file in path order (all folders and
languages stay represented).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lod.parse import parse_file
from lod.publish import discover
from lod.publish.akn import write_manifestation
from lod.publish.dumps import write_turtle
from lod.rdf import WorkRegistry, map_resolution
from lod.validate import validate_batch

BASE = "http://lod.test"


def measure(paths: list[Path]) -> dict[str, float]:
    """Seconds of CPU per stage, summed over the documents."""
    spent: dict[str, float] = {}

    def clock(stage: str, work: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        result = work(*args)
        spent[stage] = spent.get(stage, 0.0) + time.process_time() - started
        return result

    models = [clock("parse", parse_file, path) for path in paths]
    registry = WorkRegistry(base=BASE)
    for res in models:
        clock("registry", registry.add, res)
    documents = []
    with tempfile.TemporaryDirectory() as scratch:
        for k, res in enumerate(models):
            lines = clock("map", lambda r=res: map_resolution(r, registry, BASE).lines())
            documents.append((res.source, lines))
            clock("akn", write_manifestation, res, registry, BASE, Path(scratch) / f"{k}.xml")
            clock("turtle", write_turtle, Path(scratch) / f"{k}.ttl", lines)
        clock("validate", validate_batch, documents)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="../shared/corpus/real/ga-akn")
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    paths = discover(Path(args.folder))[:: args.every]
    spent = measure(paths)
    n = len(paths)
    per = {stage: 1000 * seconds / n for stage, seconds in spent.items()}
    print(f"{n} documents; ms of CPU per document: " + ", ".join(f"{k} {v:.1f}" for k, v in per.items())
          + f"; total {sum(per.values()):.1f}")


if __name__ == "__main__":
    main()
