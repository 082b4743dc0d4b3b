"""Time and size of each dump format, from a finished build.

`lod build` reports one "dumps" time for all formats together; to say which format costs
what, this re-runs the same steps lod.publish.dumps takes (sorted N-Triples lines, gzip
without timestamps, pyoxigraph's Turtle and JSON-LD serializers), one format at a time, on
the triples of the build's own N-Quads dump, into a scratch directory.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from lod.publish.dumps import DocumentTriples, write_documents
from lod.rdf.namespaces import PREFIXES


def _gzip(path: Path, lines: list[str]) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        for line in lines:
            gz.write((line + "\n").encode("utf-8"))


def measure(build: Path) -> dict[str, dict[str, float]]:
    """{format: {"seconds", "bytes"}} for documents/*.ttl and the four dataset dumps."""
    graphs: dict[str, list[str]] = defaultdict(list)
    with gzip.open(build / "dumps" / "lod.nq.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.endswith("> ."):
                continue
            head, _, graph = line[:-2].rstrip().rpartition(" <")
            graphs[graph[:-1]].append(head + " .")
    documents = [DocumentTriples(f"doc{k}", g, tuple(sorted(set(lines)))) for k, (g, lines) in enumerate(sorted(graphs.items()))]
    scratch = Path(tempfile.mkdtemp(prefix="lod-bench-dumps-"))
    timings: dict[str, dict[str, float]] = {}
    try:
        t0 = time.perf_counter()
        write_documents(scratch, documents)
        timings["documents/*.ttl"] = {"seconds": time.perf_counter() - t0,
                                      "bytes": sum(p.stat().st_size for p in (build / "documents").glob("*.ttl"))}
        t0 = time.perf_counter()
        merged = sorted({line for doc in documents for line in doc.lines})
        sort_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        _gzip(scratch / "lod.nt.gz", merged)
        timings["lod.nt.gz"] = {"seconds": time.perf_counter() - t0 + sort_seconds}
        t0 = time.perf_counter()
        quads = [line[: line.rstrip().rfind(".")].rstrip() + f" <{doc.graph}> ." for doc in documents for line in doc.lines]
        _gzip(scratch / "lod.nq.gz", quads)
        timings["lod.nq.gz"] = {"seconds": time.perf_counter() - t0}
        t0 = time.perf_counter()
        triples = list(ox.parse("".join(line + "\n" for line in merged).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
        parse_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        ox.serialize(triples, str(scratch / "lod.ttl"), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        timings["lod.ttl"] = {"seconds": time.perf_counter() - t0 + parse_seconds}
        t0 = time.perf_counter()
        ox.serialize(triples, str(scratch / "lod.jsonld"), format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)
        timings["lod.jsonld"] = {"seconds": time.perf_counter() - t0 + parse_seconds}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for name in ("lod.nt.gz", "lod.nq.gz", "lod.ttl", "lod.jsonld"):
        timings[name]["bytes"] = (build / "dumps" / name).stat().st_size
    return timings
