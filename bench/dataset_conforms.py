"""Whether a whole build's dataset is one dataset: every document is validated alone by the
build, but the expressions of one work share its portions, so the merged dump can still state
two orders or two numbers for one element.

    python -m bench.dataset_conforms OUTPUT

Counts the portions with more than one `unres:position`, `unres:num` or `unres:eId` in
OUTPUT/dumps/lod.nt.gz, then runs the build's SHACL engine (lod.validate) over the whole dump
at once. (pyshacl with the ontology and RDFS inference, tests/test_dataset_conforms.py's way,
takes too long on a whole real build to be a routine benchmark.)
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections import Counter, defaultdict
from pathlib import Path

from lod.validate import validate_lines

SINGLE = ("#num>", "#position>", "#eId>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    started = time.process_time()
    with gzip.open(args.output / "dumps" / "lod.nt.gz", "rt", encoding="utf-8") as dump:
        lines = sorted({line.rstrip("\n") for line in dump if line.strip()})
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        if predicate.endswith(SINGLE):
            values[(subject, predicate)].add(rest)
    multiple = Counter(p.rsplit("#", 1)[1].rstrip(">") for (_, p), v in values.items() if len(v) > 1)
    result = validate_lines(lines, str(args.output))
    print(f"{len(lines)} triples; portions with several values: {dict(multiple) or 'none'}; "
          f"SHACL over the whole dump: {'conforms' if result.conforms else 'does not conform'}, "
          f"{len(result.violations)} violations; {time.process_time() - started:.1f} s CPU")


if __name__ == "__main__":
    main()
