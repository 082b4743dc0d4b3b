"""Dump files: one Turtle file per document and the whole dataset in four formats.

Every writer starts from sorted, de-duplicated N-Triples lines, so the same input gives
byte-identical files (gzip without timestamps or file names), and uses pyoxigraph's
serializers: rdflib's pretty Turtle writer is two orders of magnitude slower at dataset scale.
"""

from __future__ import annotations

import gzip
import hashlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from lod.publish.runs import batched_lines, merge_runs
from lod.publish.statistics import DatasetStatistics
from lod.rdf.namespaces import PREFIXES

DUMP_FORMATS: dict[str, tuple[str, str]] = {
    "lod.ttl": ("text/turtle", "Turtle"),
    "lod.nt.gz": ("application/n-triples", "N-Triples (gzip)"),
    "lod.nq.gz": ("application/n-quads", "N-Quads, one named graph per document (gzip)"),
    "lod.jsonld": ("application/ld+json", "JSON-LD"),
}
"""File name → (media type, label): the distributions the dataset description lists."""


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
    """A gzip stream without file name or timestamp, so equal content gives equal bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        yield gz


def write_turtle(path: Path, lines: Sequence[str]) -> None:
    ox.serialize(_parse_lines(lines), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_documents(out: Path, documents: Sequence[DocumentTriples]) -> None:
    folder = out / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        write_turtle(folder / f"{doc.slug}.ttl", doc.lines)


def write_part(path: Path, lines: Sequence[str]) -> None:
    """A document's sorted N-Triples lines as a run file, for the dataset dumps to merge later."""
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))


def write_dataset(out: Path, parts: Sequence[DocumentPart], scratch: Path) -> DatasetStatistics:
    """Write the whole-dataset dumps from the documents' run files; return the VoID counts.

    Memory stays bounded by one document plus fixed buffers: lod.nt.gz is a k-way merge of the
    runs (also kept uncompressed in `scratch` for the Turtle and JSON-LD serializers, which
    stream), lod.nq.gz reads the runs one at a time in graph-name order.
    """
    folder = out / "dumps"
    folder.mkdir(parents=True, exist_ok=True)
    statistics = DatasetStatistics(scratch)
    merged = scratch / "lod.nt"
    # zlib releases the GIL: the N-Quads dump and the N-Triples compression run in threads
    # beside the merge, which is Python-bound
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lod-nq") as side:
        quads = side.submit(_write_quads, folder / "lod.nq.gz", parts)
        with open(merged, "wb") as plain, _threaded_gzip(folder / "lod.nt.gz") as compress:
            for batch in batched_lines(_counted(merge_runs([p.path for p in parts], scratch), statistics)):
                plain.write(batch)
                compress(batch)
        quads.result()

    for name, rdf_format in (("lod.ttl", ox.RdfFormat.TURTLE), ("lod.jsonld", ox.RdfFormat.JSON_LD)):
        triples = ox.parse(path=str(merged), format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, str(folder / name), format=rdf_format, prefixes=PREFIXES)
    merged.unlink()
    statistics.objects  # noqa: B018 - count the distinct objects while the runs are on disk
    return statistics


def _write_quads(path: Path, parts: Sequence[DocumentPart]) -> None:
    """lod.nq.gz: each document's run, in graph-name order, one run in memory at a time."""
    with _gzip_open(path) as gz:
        for part in sorted(parts, key=lambda d: d.graph):
            suffix = f" <{part.graph}> .\n"
            lines = part.path.read_bytes().decode("utf-8").split("\n")[:-1]
            gz.write("".join(line[: line.rstrip().rfind(".")].rstrip() + suffix for line in lines).encode("utf-8"))


@contextmanager
def _threaded_gzip(path: Path, depth: int = 16) -> Iterator[Callable[[bytes], None]]:
    """A gzip writer whose compression runs in a thread; at most `depth` chunks wait for it.

    The writes reach one GzipFile in order, so the bytes are those of a plain `gz.write` loop.
    A failure in the thread is raised in the caller at its next write or at the end.
    """
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
    failure: list[BaseException] = []

    def drain() -> None:
        ended = False
        try:
            with _gzip_open(path) as gz:
                while (chunk := chunks.get()) is not None:
                    gz.write(chunk)
                ended = True
        except BaseException as exc:  # handed to the caller; the queue is emptied so it never blocks
            failure.append(exc)
            while not ended:
                ended = chunks.get() is None

    def write(chunk: bytes) -> None:
        if failure:
            raise failure[0]
        chunks.put(chunk)

    thread = threading.Thread(target=drain, name=f"gzip-{path.name}", daemon=True)
    thread.start()
    try:
        yield write
    finally:
        chunks.put(None)
        thread.join()
    if failure:
        raise failure[0]


def _counted(lines: Iterable[bytes], statistics: DatasetStatistics) -> Iterator[bytes]:
    for line in lines:
        statistics.add(line)
        yield line


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(out: Path) -> dict[str, str]:
    """SHA256SUMS in the format `sha256sum -c` reads, for every file of the build."""
    sums = {
        str(p.relative_to(out)): sha256(p)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    }
    (out / "SHA256SUMS").write_text("".join(f"{h}  {name}\n" for name, h in sums.items()), encoding="utf-8")
    return sums
