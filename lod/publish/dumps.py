"""Dump files: one Turtle file per document and the whole dataset in four formats.

Every writer starts from sorted, de-duplicated N-Triples lines, so the same input gives
byte-identical files (gzip without timestamps or file names), and uses pyoxigraph's
serializers: rdflib's pretty Turtle writer is two orders of magnitude slower at dataset scale.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from isal import igzip

from lod import output
from lod.publish.chunks import ChunkedDumps, boundary_subjects
from lod.publish.limits import fork_context
from lod.publish.runs import merge_to_file
from lod.publish.signatures import sha256_file as sha256
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
    boundaries: tuple[str, ...] | None = None
    """Its chunk boundary subjects (lod.publish.chunks.boundary_subjects); None: read from the run."""
    digest: str | None = None
    """The run file's sha256, where known (the build cache records it): part of the reuse key of
    its work's description (lod.describe.reuse)."""


@dataclass(frozen=True)
class DocumentTriples:
    """One document with its sorted N-Triples lines in memory: for tools that re-serialize a
    finished build (bench/dumps.py); the build itself works from `DocumentPart` files."""

    slug: str
    graph: str
    lines: tuple[str, ...]


@contextmanager
def _gzip_open(path: Path) -> Iterator[igzip.IGzipFile]:
    """A gzip stream as the build writes its gzip files (lod.output.gzip_bytes: ISA-L at
    output.GZIP_LEVEL, no file name, no timestamp), for a file too large to compress in memory."""
    with open(path, "wb") as raw, igzip.IGzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                  compresslevel=output.GZIP_LEVEL) as gz:
        yield gz


def nt_bytes(lines: Sequence[str]) -> bytes:
    """N-Triples lines as the bytes of a run file: encoded once, written as the run and read
    by the Turtle serializer."""
    return "".join(line + "\n" for line in lines).encode("utf-8")


def write_turtle(path: Path, lines: Sequence[str] | bytes) -> None:
    """A document's Turtle file from its sorted N-Triples (lines, or their `nt_bytes`).

    The parser's triples stream straight into the serializer (no Python list of them: half the
    CPU of the file) and the parse is lenient: every line comes from the mapping, whose IRIs
    were each checked once by rdflib (lod.rdf.ntriples), as the validation store loads them
    too; checking each IRI again was a third of this file's cost. The dataset dumps
    (lod.publish.chunks) still parse strictly.
    """
    data = lines if isinstance(lines, bytes) else nt_bytes(lines)
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    ox.serialize(triples, str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_documents(out: Path, documents: Sequence[DocumentTriples]) -> None:
    folder = out / output.DOCUMENTS
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        write_turtle(out / output.document_turtle(doc.slug), doc.lines)


def write_part(path: Path, lines: Sequence[str] | bytes) -> None:
    """A document's sorted N-Triples lines (or their `nt_bytes`) as a run file, for the dataset
    dumps to merge later."""
    path.write_bytes(lines if isinstance(lines, bytes) else nt_bytes(lines))


def write_dataset(
    out: Path, parts: Sequence[DocumentPart], scratch: Path, seconds: dict[str, float] | None = None,
    chunks: ChunkedDumps | None = None, pool: Executor | None = None,
) -> DatasetStatistics:
    """Write the whole-dataset dumps from the documents' run files; return the VoID counts.

    Memory stays bounded by one document plus fixed buffers: the runs are merged on disk into
    one sorted N-Triples file (lod.publish.runs), which is cut into chunks whose dumps and counts
    are made in `pool` (default: `dump_pool`'s), or taken from `chunks`' store when an earlier build made them
    (lod.publish.chunks); lod.nq.gz is each document's gzip member in graph-name order, made
    in a thread or taken from the document's cache entry.
    `seconds`, if given, receives each dump's writing time (they overlap; lod.nt.gz includes the merge).
    """
    seconds = {} if seconds is None else seconds
    chunks = chunks or ChunkedDumps(scratch / "chunks")
    folder = out / output.DUMPS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    merged = scratch / "lod.nt"
    with ExitStack() as stack:
        pool = pool or stack.enter_context(dump_pool(2))
        threads = stack.enter_context(ThreadPoolExecutor(1))
        quads = threads.submit(_timed, _write_quads, folder / output.DUMP_NQUADS, parts, chunks.digests)
        started = time.perf_counter()
        boundaries = set().union(*(p.boundaries if p.boundaries is not None else _boundaries(p.path) for p in parts))
        if chunks.groups is not None:  # the build cache: merged in groups, only changed chunks remade
            statistics = chunks.write_runs([p.path for p in parts], boundaries, folder, scratch, pool)
        else:
            merge_to_file([p.path for p in parts], merged, scratch)
            statistics = chunks.write(merged, boundaries, folder, scratch, pool)
            merged.unlink()
        seconds[f"{output.DUMP_NTRIPLES}+{output.DUMP_TURTLE}+{output.DUMP_JSONLD}"] = time.perf_counter() - started
        seconds[output.DUMP_NQUADS] = quads.result()
    return statistics


def _boundaries(run: Path) -> list[str]:
    return boundary_subjects(run.read_text(encoding="utf-8").split("\n")[:-1])


@contextmanager
def dump_pool(jobs: int) -> Iterator[Executor]:
    """Processes that make dump chunks, forked (and started) before the caller starts any thread."""
    with ProcessPoolExecutor(max(1, jobs), mp_context=fork_context()) as pool:
        for started in [pool.submit(os.getpid) for _ in range(max(1, jobs))]:
            started.result()
        yield pool


def _timed(write: Callable[..., None], *arguments: object) -> float:
    started = time.perf_counter()
    write(*arguments)
    return time.perf_counter() - started


def _serialize(source: Path, target: Path, extension: str) -> None:
    """One dump written by pyoxigraph (the format is named by its extension: formats do not pickle)."""
    rdf_format = ox.RdfFormat.from_extension(extension)
    triples = ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, str(target), format=rdf_format, prefixes=PREFIXES)


def _gzip_file(source: Path, target: Path) -> None:
    with open(source, "rb") as f, _gzip_open(target) as gz:
        shutil.copyfileobj(f, gz, GZIP_BLOCK)


def _write_quads(path: Path, parts: Sequence[DocumentPart], digests: dict[str, str]) -> None:
    """lod.nq.gz: each document's gzip member of N-Quads, in graph-name order, one in memory at a time."""
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        for part in sorted(parts, key=lambda d: d.graph):
            member = quads_member(part)
            out.write(member)
            digest.update(member)
    digests[output.dump(path.name)] = digest.hexdigest()


def quads_member(part: DocumentPart) -> bytes:
    """A document's run as N-Quads of its graph, one gzip member; kept beside the run (the
    document's cache entry) under its graph name's digest, with its own sha256, and reused."""
    name = hashlib.sha256(part.graph.encode()).hexdigest()[:32]
    kept, check = part.path.with_name(f"quads-{name}.gz"), part.path.with_name(f"quads-{name}.sha256")
    if kept.exists() and check.exists():
        member = kept.read_bytes()
        if hashlib.sha256(member).hexdigest() == check.read_text(encoding="ascii"):
            return member
    member = output.gzip_bytes(_with_graph(part.path.read_bytes(), f" <{part.graph}> .\n".encode()))
    kept.write_bytes(member)
    check.write_text(hashlib.sha256(member).hexdigest(), encoding="ascii")
    return member


def _with_graph(run: bytes, suffix: bytes) -> bytes:
    """A run's N-Triples lines as N-Quads ending in `suffix`.

    A raw line break never occurs inside an N-Triples term, so " .\n" can only be a line's end:
    the plain replacement (ten times faster than the regular expression) is exact whenever every
    line ends that way, which is how the mapping writes them; other spacing takes the expression.
    """
    if run.count(b" .\n") == run.count(b"\n"):
        return run.replace(b" .\n", suffix)
    return _LINE_END.sub(suffix.replace(b"\\", b"\\\\"), run)  # a template: backslashes escaped


def files_under(root: Path) -> list[str]:
    """Paths of the files under `root`, relative, in the order of their parts (as `Path`s sort),
    listed with os.scandir, whose entries know their type without a stat per file: a build of
    10,000 documents has ~250,000 files. Each folder's names are sorted as they are listed and
    its folders walked in place, which is that order (`a/x` before `a.b`, as ("a", "x") <
    ("a.b",)) without a sort key computed per path."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            listed = sorted([(e.name, e.is_dir(follow_symlinks=False), e.is_file()) for e in entries])
        for name, is_folder, is_file in listed:
            if is_folder:
                walk(f"{folder}/{name}", f"{prefix}{name}/")
            elif is_file:
                found.append(prefix + name)

    walk(str(root), "")
    return found


def with_files(listed: list[str], added: Iterable[str]) -> list[str]:
    """`listed` (in `files_under`'s order) with the `added` paths it lacks, each in its place."""
    for name in added:
        at = bisect.bisect_left(listed, name.split("/"), key=lambda n: n.split("/"))
        if at == len(listed) or listed[at] != name:
            listed.insert(at, name)
    return listed


def write_checksums(out: Path, known: dict[str, str] | None = None, listed: list[str] | None = None) -> dict[str, str]:
    """SHA256SUMS in the format `sha256sum -c` reads, for every file of the build; `known`
    digests (of files not written since) are reused rather than read again; `listed`: the
    files, in `files_under`'s order, when the caller knows them (else the folder is listed)."""
    known = known or {}
    sums = {}
    for name in files_under(out) if listed is None else listed:
        if name != output.CHECKSUMS:
            sums[name] = known.get(name) or sha256(out / name)
    (out / output.CHECKSUMS).write_text("".join(f"{h}  {name}\n" for name, h in sums.items()), encoding="utf-8")
    return sums
