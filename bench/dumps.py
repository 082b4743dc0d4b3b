"""Time and size of each dump format, from a finished build.

`lod build` reports one "dumps" time for all formats together (they are written concurrently,
lod.publish.dumps); to say which format costs what, this runs the build's own writers again,
one format at a time, on the build's own output, into a scratch directory. Memory stays
bounded as in the build: lod.nq.gz is split back into one run file per document (its lines are
grouped by graph), and every writer streams from files.

- documents/*.ttl: `write_turtle` for every document run;
- lod.nt.gz: the merge of the runs (`merge_to_file`, the system's `sort -m`) and its compression;
- lod.nq.gz: `_write_quads` over the runs;
- lod.ttl, lod.jsonld: pyoxigraph's serializers reading the merged N-Triples file.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import time
from pathlib import Path

from lod.publish.dumps import DocumentPart, _gzip_file, _serialize, _write_quads, write_turtle
from lod.publish.runs import merge_to_file


def _split_runs(build: Path, scratch: Path) -> list[DocumentPart]:
    """One run file of sorted N-Triples lines per named graph of lod.nq.gz (not timed)."""
    parts: list[DocumentPart] = []
    current: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current is not None:
            path = scratch / f"run-{len(parts):08d}.nt"
            path.write_text("".join(line + "\n" for line in sorted(set(lines))), encoding="utf-8")
            parts.append(DocumentPart(f"doc{len(parts)}", current, path, len(lines)))

    with gzip.open(build / "dumps" / "lod.nq.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.endswith("> ."):
                continue
            head, _, graph = line[:-2].rstrip().rpartition(" <")
            if graph[:-1] != current:
                flush()
                current, lines = graph[:-1], []
            lines.append(head + " .")
    flush()
    return parts


def measure(build: Path) -> dict[str, dict[str, float]]:
    """{format: {"seconds", "bytes"}} for documents/*.ttl and the four dataset dumps."""
    scratch = Path(tempfile.mkdtemp(prefix="lod-bench-dumps-"))
    timings: dict[str, dict[str, float]] = {}
    try:
        parts = _split_runs(build, scratch)
        t0 = time.perf_counter()
        for part in parts:
            write_turtle(scratch / "document.ttl", part.path.read_text(encoding="utf-8").split("\n")[:-1])
        timings["documents/*.ttl"] = {"seconds": time.perf_counter() - t0,
                                      "bytes": sum(p.stat().st_size for p in (build / "documents").glob("*.ttl"))}
        merged = scratch / "lod.nt"
        t0 = time.perf_counter()
        merge_to_file([p.path for p in parts], merged, scratch)
        merge_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        _gzip_file(merged, scratch / "lod.nt.gz")
        timings["lod.nt.gz"] = {"seconds": time.perf_counter() - t0 + merge_seconds, "merge_seconds": merge_seconds}
        t0 = time.perf_counter()
        _write_quads(scratch / "lod.nq.gz", parts, {})
        timings["lod.nq.gz"] = {"seconds": time.perf_counter() - t0}
        for name, extension in (("lod.ttl", "ttl"), ("lod.jsonld", "jsonld")):
            t0 = time.perf_counter()
            _serialize(merged, scratch / name, extension)
            timings[name] = {"seconds": time.perf_counter() - t0}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for name in ("lod.nt.gz", "lod.nq.gz", "lod.ttl", "lod.jsonld"):
        timings[name]["bytes"] = (build / "dumps" / name).stat().st_size
    return timings
