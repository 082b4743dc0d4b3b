"""`lod publish --to URL`: load a build into a SPARQL engine, one named graph per document.

The engine keeps, in the graph `{base}/graph/published`, the SHA-256 of every graph it was given
(`<graph> lodp:sha256 "…"`). A publish compares the build with that record and replaces only the
graphs whose content changed, drops the graphs of documents no longer in the build, and leaves
the rest alone. So it is idempotent (a second run changes nothing), and resumable: the record is
written every `BATCH` graphs, so a publish stopped half-way (engine down, Ctrl-C) sends only the
graphs not yet recorded when it is run again. Keeping the record in the engine, not beside the
build, means any machine holding the build can publish it.

Graphs: every document's (the work IRI, as in the build's N-Quads dump), the authorities graph,
the dataset description (void.ttl) as `{base}/graph/dataset`, and the RDF merge of the documents
(dumps/lod.nt.gz) as `{base}/graph/merged` (`MERGED_GRAPH`), which `lod serve --store` queries as
the default graph. The merge is sent in slices of `MERGE_SLICE` triples (PUT, then POSTs), so
memory holds one slice whatever the build's size.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from lod import output
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from lod.engines.base import DATASET_GRAPH, MERGED_GRAPH, PUBLISHED_GRAPH, Engine, EngineError, _iri

PUBLISH_NS = "https://w3id.org/un-lod/publish#"
SHA = PUBLISH_NS + "sha256"
BATCH = 200
"""Graphs between two writes of the record (the most a resumed publish may send twice)."""
BULK_FROM = 2000
"""From this many changed graphs on, the engine's bulk loader is used where it has one."""
ENV_LOAD_DIR = "LOD_ENGINE_LOAD_DIR"
MERGED_DUMP = "dumps/lod.nt.gz"
MERGE_SLICE = 50_000
"""Triples of the merge graph per request."""


@dataclass
class PublishReport:
    replaced: int = 0
    unchanged: int = 0
    dropped: int = 0
    bulk: bool = False
    text_indexed: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        how = (" (bulk loader)" if self.bulk else "") + ("; text index updated" if self.text_indexed else "")
        return (f"{self.replaced} graph(s) replaced{how}, {self.unchanged} unchanged, "
                f"{self.dropped} dropped in {self.seconds:.1f} s")


def build_base(out: Path) -> str:
    try:
        return str(json.loads((out / output.REPORT).read_text(encoding="utf-8"))["base"]).rstrip("/")
    except (OSError, ValueError, KeyError) as exc:
        raise EngineError(f"{out} is not a build of lod (report.json: {exc})") from None


def build_graphs(out: Path) -> Iterator[tuple[str, bytes, str]]:
    """(graph IRI, its N-Triples, SHA-256 of what it was made from) for every graph of the build,
    in the dump's order. The digest of the dataset description is the digest of void.ttl (its
    blank nodes get new labels each time it is converted)."""
    dump = out / output.dump(output.DUMP_NQUADS)
    if not dump.is_file():
        raise EngineError(f"{dump} is missing: run `lod build` first")
    current: str | None = None
    lines: list[bytes] = []
    done: set[str] = set()
    with gzip.open(dump, "rb") as stream:
        for line in stream:
            cut = line.rstrip().rfind(b" <", 0, len(line.rstrip()) - 2)
            graph = line[cut + 2: line.rstrip().rfind(b">")].decode("utf-8")
            if graph != current:
                if current is not None:
                    data = b"".join(lines)
                    yield current, data, hashlib.sha256(data).hexdigest()
                    done.add(current)
                if graph in done:
                    raise EngineError(f"{dump} is not grouped by graph (graph {graph} comes back)")
                current, lines = graph, []
            lines.append(line[:cut] + b" .\n")
    if current is not None:
        data = b"".join(lines)
        yield current, data, hashlib.sha256(data).hexdigest()
    void = out / output.VOID
    if void.is_file():
        ntriples = Graph().parse(void, format="turtle").serialize(format="nt").encode("utf-8")
        yield build_base(out) + DATASET_GRAPH, ntriples, hashlib.sha256(void.read_bytes()).hexdigest()


def merge_digest(out: Path) -> str:
    """The merge dump's sha256, from SHA256SUMS (written by the build), else computed."""
    sums = out / "SHA256SUMS"
    if sums.is_file():
        for line in sums.read_text().splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].lstrip("*").lstrip("./") == MERGED_DUMP:
                return parts[0]
    path = out / MERGED_DUMP
    if not path.is_file():
        raise EngineError(f"{path} is missing: run `lod build` first")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _send_merge(engine: Engine, out: Path, graph: str | None) -> None:
    """The merge graph replaced by its first slice, then the others added (see the docstring)."""
    with gzip.open(out / MERGED_DUMP, "rb") as stream:
        engine.put_graph(graph, b"".join(line for _, line in zip(range(MERGE_SLICE), stream)))
        while chunk := b"".join(line for _, line in zip(range(MERGE_SLICE), stream)):
            engine.add_to_graph(graph, chunk)


def published_record(engine: Engine, record: str) -> dict[str, str]:
    rows = engine.select(f"SELECT ?g ?h WHERE {{ GRAPH <{_iri(record)}> {{ ?g <{SHA}> ?h }} }}")
    return {row["g"]: row["h"] for row in rows}


def _write_record(engine: Engine, record: str, entries: dict[str, str | None]) -> None:
    """Set (or, for None, remove) the checksum of each graph in the engine's record."""
    if not entries:
        return
    values = " ".join(f"<{_iri(g)}>" for g in entries)
    engine.update(f"DELETE {{ GRAPH <{record}> {{ ?g <{SHA}> ?h }} }} WHERE {{ VALUES ?g {{ {values} }} "
                  f"GRAPH <{record}> {{ ?g <{SHA}> ?h }} }}")
    fresh = " ".join(f'<{_iri(g)}> <{SHA}> "{h}" .' for g, h in entries.items() if h is not None)
    if fresh:
        engine.update(f"INSERT DATA {{ GRAPH <{record}> {{ {fresh} }} }}")


def publish(out: Path, engine: Engine, progress: bool = True) -> PublishReport:
    """Make the engine hold exactly the graphs of the build in `out` (see the module docstring).

    Two passes over the dump, so memory holds one graph at a time whatever the build's size: the
    first computes what changed, the second sends it."""
    started = time.monotonic()
    engine.check_security()
    engine.authenticate()
    record = build_base(out) + PUBLISHED_GRAPH
    known = published_record(engine, record)
    report = PublishReport()
    digests: dict[str, str] = {}
    for graph, _, digest in tqdm(build_graphs(out), desc="comparing", unit=" graphs", disable=not progress):
        digests[graph] = digest
    merged = build_base(out) + MERGED_GRAPH
    digests[merged] = merge_digest(out)
    changed = {graph for graph, digest in digests.items() if known.get(graph) != digest}
    report.unchanged = len(digests) - len(changed)
    if len(changed) >= BULK_FROM and os.environ.get(ENV_LOAD_DIR):
        report.bulk = _bulk(engine, out, changed, record, progress)
    pending: dict[str, str | None] = {}
    if not report.bulk and changed:
        sending = tqdm(total=len(changed), desc=f"publishing to {engine.name}", unit=" graphs", disable=not progress)
        if merged in changed:
            _send_merge(engine, out, engine.merge_graph(build_base(out)))
            _write_record(engine, record, {merged: digests[merged]})
            sending.update()
        for graph, data, digest in build_graphs(out):
            if graph not in changed:
                continue
            engine.put_graph(graph, data)
            pending[graph] = digest
            sending.update()
            if len(pending) >= BATCH:
                _write_record(engine, record, pending)
                pending = {}
        sending.close()
    report.replaced = len(changed)
    for graph in sorted(set(known) - set(digests)):
        engine.drop_graph(graph)
        pending[graph] = None
        report.dropped += 1
    _write_record(engine, record, pending)
    if report.replaced or report.dropped:
        report.text_indexed = engine.index_text()
    report.seconds = time.monotonic() - started
    return report


def _bulk(engine: Engine, out: Path, changed: set[str], record: str, progress: bool) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="lod-publish-", dir=os.environ[ENV_LOAD_DIR]))
    try:
        files: dict[str, str] = {}
        digests: dict[str, str] = {}
        for graph, data, digest in tqdm(build_graphs(out), desc="writing files for the bulk loader", unit=" graphs",
                                        disable=not progress):
            if graph in changed:
                path = folder / f"g{len(files):07d}.nt"
                path.write_bytes(data)
                files[graph], digests[graph] = str(path), digest
        merged = build_base(out) + MERGED_GRAPH
        if merged in changed and engine.merge_graph(build_base(out)) == merged:  # Virtuoso's loader reads .nt.gz
            shutil.copyfile(out / MERGED_DUMP, folder / "merged.nt.gz")
            files[merged], digests[merged] = str(folder / "merged.nt.gz"), merge_digest(out)
        if not engine.bulk_load(files):
            return False
        items = list(digests.items())
        for start in range(0, len(items), BATCH):
            _write_record(engine, record, dict(items[start:start + BATCH]))
        return True
    finally:
        for path in folder.glob("*"):
            path.unlink()
        folder.rmdir()
