"""Dump files: one Turtle file per document and the whole dataset in four formats.

Every writer starts from sorted, de-duplicated N-Triples lines, so the same input gives
byte-identical files (gzip without timestamps or file names), and uses pyoxigraph's
serializers: rdflib's pretty Turtle writer is two orders of magnitude slower at dataset scale.
"""

from __future__ import annotations

import gzip
import hashlib
import multiprocessing
import multiprocessing.context
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from lod import output
from lod.publish.runs import merge_to_file
from lod.publish.statistics import DatasetStatistics
from lod.rdf.namespaces import PREFIXES


_LINE_END = re.compile(rb"[ \t]*\.[ \t]*\n")
"""The end of an N-Triples line: where a quad's graph name goes."""

GZIP_BLOCK = 1 << 20
"""Bytes read at a time when streaming the merged N-Triples file."""


@dataclass(frozen=True)
class DocumentPart:
    """One published document as the build keeps it: its run file of sorted N-Triples lines.

    The lines themselves stay on disk, so the build's memory does not grow with the corpus.
    """

    slug: str
    graph: str
    path: Path
    triples: int


@dataclass(frozen=True)
class DocumentTriples:
    """One document with its sorted N-Triples lines in memory: for tools that re-serialize a
    finished build (bench/dumps.py); the build itself works from `DocumentPart` files."""

    slug: str
    graph: str
    lines: tuple[str, ...]


def _parse_lines(lines: Iterable[str]) -> list[ox.Triple]:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


@contextmanager
def _gzip_open(path: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream without file name or timestamp, so equal content gives equal bytes.

    Level 6 (gzip's own default) rather than Python's 9: half the CPU for files 6 % larger.
    """
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as gz:
        yield gz


def write_turtle(path: Path, lines: Sequence[str]) -> None:
    ox.serialize(_parse_lines(lines), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_documents(out: Path, documents: Sequence[DocumentTriples]) -> None:
    folder = out / output.DOCUMENTS
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        write_turtle(out / output.document_turtle(doc.slug), doc.lines)


def write_part(path: Path, lines: Sequence[str]) -> None:
    """A document's sorted N-Triples lines as a run file, for the dataset dumps to merge later."""
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))


def write_dataset(
    out: Path, parts: Sequence[DocumentPart], scratch: Path, seconds: dict[str, float] | None = None
) -> DatasetStatistics:
    """Write the whole-dataset dumps from the documents' run files; return the VoID counts.

    Memory stays bounded by one document plus fixed buffers: the runs are merged on disk into
    one sorted N-Triples file (lod.publish.runs), which every other dump streams from, and
    lod.nq.gz reads the runs one at a time in graph-name order. The work is spread over both
    cores: pyoxigraph's Turtle and JSON-LD serializers hold the GIL, so they run in a process
    of their own while this one counts the statistics and threads compress (zlib releases it).
    `seconds`, if given, receives each dump's writing time (they overlap; lod.nt.gz includes the merge).
    """
    seconds = {} if seconds is None else seconds
    folder = out / output.DUMPS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    statistics = DatasetStatistics(scratch)
    merged = scratch / "lod.nt"
    with ProcessPoolExecutor(1, mp_context=_fork_context()) as serializer, ThreadPoolExecutor(2) as threads:
        serializer.submit(os.getpid).result()  # fork the serializer now, before any thread of ours runs
        # lod.nq.gz needs only the runs: it is written while `sort` merges them
        side = {output.DUMP_NQUADS: threads.submit(_timed, _write_quads, folder / output.DUMP_NQUADS, parts)}
        started = time.perf_counter()
        merge_to_file([p.path for p in parts], merged, scratch)
        merged_in = time.perf_counter() - started
        serialized = {
            name: serializer.submit(_timed, _serialize, merged, folder / name, extension)
            for name, extension in ((output.DUMP_TURTLE, "ttl"), (output.DUMP_JSONLD, "jsonld"))
        }
        side[output.DUMP_NTRIPLES] = threads.submit(_timed, _gzip_file, merged, folder / output.DUMP_NTRIPLES)
        with open(merged, "rb") as f:
            for batch in _line_batches(f):
                statistics.add_batch(batch)
        for name, future in {**side, **serialized}.items():
            seconds[name] = future.result()
        seconds[output.DUMP_NTRIPLES] += merged_in
    merged.unlink()
    statistics.objects  # noqa: B018 - count the distinct objects while the runs are on disk
    return statistics


def _timed(write: Callable[..., None], *arguments: object) -> float:
    started = time.perf_counter()
    write(*arguments)
    return time.perf_counter() - started


def _fork_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _serialize(source: Path, target: Path, extension: str) -> None:
    """One dump written by pyoxigraph (the format is named by its extension: formats do not pickle)."""
    rdf_format = ox.RdfFormat.from_extension(extension)
    triples = ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, str(target), format=rdf_format, prefixes=PREFIXES)


def _gzip_file(source: Path, target: Path) -> None:
    with open(source, "rb") as f, _gzip_open(target) as gz:
        shutil.copyfileobj(f, gz, GZIP_BLOCK)


def _line_batches(f: BinaryIO, size: int = GZIP_BLOCK) -> Iterator[list[bytes]]:
    """The file's lines without terminators, a block of bytes at a time."""
    tail = b""
    while block := f.read(size):
        lines = (tail + block).split(b"\n")
        tail = lines.pop()
        if lines:
            yield lines
    if tail:
        yield [tail]


def _write_quads(path: Path, parts: Sequence[DocumentPart]) -> None:
    """lod.nq.gz: each document's run, in graph-name order, one run in memory at a time."""
    with _gzip_open(path) as gz:
        for part in sorted(parts, key=lambda d: d.graph):
            gz.write(_with_graph(part.path.read_bytes(), f" <{part.graph}> .\n".encode()))


def _with_graph(run: bytes, suffix: bytes) -> bytes:
    """A run's N-Triples lines as N-Quads ending in `suffix`.

    A raw line break never occurs inside an N-Triples term, so " .\n" can only be a line's end:
    the plain replacement (ten times faster than the regular expression) is exact whenever every
    line ends that way, which is how the mapping writes them; other spacing takes the expression.
    """
    if run.count(b" .\n") == run.count(b"\n"):
        return run.replace(b" .\n", suffix)
    return _LINE_END.sub(suffix.replace(b"\\", b"\\\\"), run)  # a template: backslashes escaped


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(out: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """SHA256SUMS in the format `sha256sum -c` reads, for every file of the build; `known`
    digests (of files not written since) are reused rather than read again."""
    known = known or {}
    sums = {}
    for p in sorted(out.rglob("*")):
        if p.is_file() and p.name != output.CHECKSUMS:
            name = str(p.relative_to(out))
            sums[name] = known.get(name) or sha256(p)
    (out / output.CHECKSUMS).write_text("".join(f"{h}  {name}\n" for name, h in sums.items()), encoding="utf-8")
    return sums
