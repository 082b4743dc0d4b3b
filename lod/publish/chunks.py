"""The whole-dataset dumps written chunk by chunk, so a build reuses what did not change.

The merged, sorted N-Triples of the dataset are cut into chunks where the content says so, not
where a count does: before the first line of each subject whose CRC-32 has its low `CHUNK_BITS`
bits zero (the file's first line excepted). A chunk therefore holds whole subjects,
and a change to one document moves only the chunks holding its subjects (and those of the works
it cites): every other chunk has the same bytes as in the previous build, found by its sha256
in the cache (lod.publish.cache), with its finished pieces:

- `nt.gz`: the chunk as a gzip member; lod.nt.gz is the members one after the other (RFC 1952
  allows a file of several members; gzip, Python and the store read it as one stream);
- `ttl`: its Turtle without the prefix lines; lod.ttl is the prefixes, then the pieces. The
  Turtle serializer writes each subject's triples together, so pieces cut between subjects
  give exactly the bytes of serializing the whole dataset at once (tests/test_build.py);
- `jsonld`: its JSON-LD node objects; lod.jsonld is them, comma-separated, in one array;
- `counts.json` and `objects.run`: its VoID counts (all additive, since chunks share no
  subject) and the sorted hashes of its distinct objects, merged to count the dataset's.

A full build cuts the same chunks from the same input, so its bytes are those of an incremental
build. Cached pieces are checked against their sha256 as they are copied; a damaged chunk is
made again.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import zlib
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from lod import output
from lod.publish.groups import Manifest, RunGroups, lines_between
from lod.publish.runs import merge_to_file
from lod.publish.signatures import SIGNATURES, signature, signatures
from lod.publish.statistics import DatasetStatistics
from lod.rdf.namespaces import PREFIXES

CHUNK_BITS = 10
"""A chunk ends, on average, every 2**CHUNK_BITS subjects (≈ 400 KB of N-Triples)."""
PIECES = ("nt.gz", "ttl", "jsonld", "counts.json", "objects.run")
MANIFEST = "manifest.json"
BLOCK = 1 << 22
IN_FLIGHT = 8
"""Chunks handed to the pool and not yet made, at most."""
OBJECT_HASH_BYTES = 12
"""Bytes of blake2b kept per distinct object (collisions at 10**8 objects: ≈ 10**-13)."""


class DamagedChunk(Exception):
    """A cached chunk piece whose bytes are not those recorded: the chunk is made again."""


def boundary_subjects(lines: Iterable[str]) -> list[str]:
    """The subjects of these N-Triples lines before which a chunk starts (see the module
    docstring). Each document's are found once, by the worker that maps it, and kept with it."""
    mask = (1 << CHUNK_BITS) - 1
    subjects = {line[: line.find(" ")] for line in lines}
    return sorted(s for s in subjects if not zlib.crc32(s.encode("utf-8")) & mask)


def ranges(boundaries: Iterable[str]) -> list[tuple[str | None, str | None]]:
    """The subject ranges [lower, upper) of the chunks cut at `boundaries` (None: unbounded)."""
    starts: list[str | None] = sorted(set(boundaries))
    return list(zip([None, *starts], [*starts, None]))


def cut(merged: Path, boundaries: Iterable[str]) -> Iterator[tuple[str | None, str | None, bytes]]:
    """The chunks of a merged, sorted N-Triples file, given the boundary subjects of every run
    merged into it: a chunk starts at the first line of each (but the file's first line); each
    with its subject range (`ranges`).

    The file is sorted, so its subjects come in byte order (no IRI is a prefix of another, and
    the space after a blank node label sorts before any character of a longer label), and each
    boundary is found by one search forward from the last: the file is scanned once, in C.
    """
    with open(merged, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            start, lower = 0, None
            for subject in sorted(set(boundaries)):
                key = subject.encode("utf-8")
                if start == 0 and data[: len(key) + 1] == key + b" ":
                    lower = subject
                    continue
                at = data.find(b"\n" + key + b" ", start)
                if at < 0:
                    raise ValueError(f"{merged}: no line of the chunk boundary subject {subject!r}")
                yield lower, subject, data[start : at + 1]
                start, lower = at + 1, subject
            yield lower, None, data[start:]


def turtle_prefixes() -> bytes:
    """The prefix lines the Turtle serializer writes before the first triple of any chunk."""
    probe = ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o"))
    text = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return text[: _prefix_end(text)]


def _prefix_end(text: bytes) -> int:
    end = 0
    while text.startswith(b"@prefix", end):
        end = text.index(b"\n", end) + 1
    return end


def make_chunk(data: bytes, folder: Path) -> None:
    """Write a chunk's pieces into `folder` (made whole, then renamed into place)."""
    temporary = folder.with_name(f".{folder.name}.{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    pieces: dict[str, bytes] = {"nt.gz": output.gzip_bytes(data)}
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    pieces["ttl"] = turtle[_prefix_end(turtle):]
    pieces["jsonld"] = ox.serialize(triples, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)[1:-1]
    lines = data.split(b"\n")[:-1]
    counts, distinct = DatasetStatistics.counted(lines)
    pieces["counts.json"] = json.dumps(counts, sort_keys=True).encode()
    objects = sorted({hashlib.blake2b(o, digest_size=OBJECT_HASH_BYTES).hexdigest().encode() for o in distinct})
    pieces["objects.run"] = b"".join(o + b"\n" for o in objects)
    for name, piece in pieces.items():
        (temporary / name).write_bytes(piece)
    sums = {name: hashlib.sha256(piece).hexdigest() for name, piece in pieces.items()}
    (temporary / MANIFEST).write_text(json.dumps(sums, sort_keys=True), encoding="utf-8")
    # the pieces' stat signatures (kept by the rename below): a later build reads none to check it
    (temporary / SIGNATURES).write_text(json.dumps(signatures(temporary, PIECES), sort_keys=True), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(temporary, folder)


@dataclass
class ChunkedDumps:
    """Writes lod.nt.gz, lod.ttl and lod.jsonld and counts the dataset from chunks kept in `store`."""

    store: Path
    used: set[str] = field(default_factory=set)
    made: int = 0
    digests: dict[str, str] = field(default_factory=dict)
    """sha256 of each dump written (dumps/{name}), for SHA256SUMS."""
    ranges: list[tuple[str | None, str | None, str]] = field(default_factory=list)
    """Each chunk of the dumps written: its subject range and name, in order."""
    groups: RunGroups | None = None
    """With the build cache: the runs are merged in groups (`write_runs`)."""
    previous: Manifest | None = None
    """The previous build's groups and chunks (lod.publish.groups)."""
    recipe: str = ""
    """What a chunk's pieces depend on besides its lines (the build cache's code fingerprint,
    lod.publish.cache): part of the chunk's name, so that a new version of lod, of pyoxigraph or
    of the prefix table never takes pieces an older one made of the same lines."""

    def write_runs(self, runs: Sequence[Path], boundaries: set[str], dumps: Path, scratch: Path,
                   pool: Executor) -> DatasetStatistics:
        """The dumps from the documents' runs, merged in groups (`groups`, required)."""
        assert self.groups is not None
        self.groups.merge(runs, scratch)
        return self.write_groups(self.groups, boundaries, dumps, scratch, pool, self.previous)

    def manifest(self) -> Manifest:
        """What the next build needs of this one's groups and chunks."""
        assert self.groups is not None
        return Manifest(dict(self.groups.digests), list(self.ranges))

    def write(self, merged: Path, boundaries: set[str], dumps: Path, scratch: Path, pool: Executor) -> DatasetStatistics:
        """Cut `merged` at `boundaries` (`cut`), make the chunks the store lacks (in `pool`), then join the pieces."""
        order = self._make(cut(merged, boundaries), pool)
        try:
            return self._join(order, dumps, scratch)
        except DamagedChunk as exc:  # remake the damaged chunk from the merged file and join again
            shutil.rmtree(self.store / str(exc), ignore_errors=True)
            self.used.clear()
            return self.write(merged, boundaries, dumps, scratch, pool)

    def write_groups(self, groups: RunGroups, boundaries: set[str], dumps: Path, scratch: Path, pool: Executor,
                     previous: Manifest | None) -> DatasetStatistics:
        """The same dumps from the group runs (lod.publish.groups): a chunk of the `previous`
        build whose range is unchanged and holds no subject of a line that changed is taken as
        it is; the others are gathered from the group runs by their range. Without a previous
        build (or with a damaged chunk) the group runs are merged whole and cut (`write`)."""
        touched = groups.changed_subjects(previous) if previous is not None else None
        if previous is None or touched is None:
            merged = scratch / "lod.nt"
            merge_to_file(list(groups.runs.values()), merged, scratch)
            try:
                return self.write(merged, boundaries, dumps, scratch, pool)
            finally:
                merged.unlink()
        before = {(lower, upper): name for lower, upper, name in previous.chunks}
        keys = sorted(subject + b" " for subject in touched)
        with groups.opened() as maps:
            order = self._make(self._gathered(maps, boundaries, before, keys), pool)
        try:
            return self._join(order, dumps, scratch)
        except DamagedChunk as exc:
            shutil.rmtree(self.store / str(exc), ignore_errors=True)
            self.used.clear()
            return self.write_groups(groups, boundaries, dumps, scratch, pool, None)

    def _gathered(self, maps: list[mmap.mmap], boundaries: set[str], before: dict[tuple[str | None, str | None], str],
                  keys: list[bytes]) -> Iterator[tuple[str | None, str | None, bytes | str]]:
        """Each chunk's range with the name of the previous build's chunk, or its bytes."""
        for lower, upper in ranges(boundaries):
            name = before.get((lower, upper))
            low, high = (None if t is None else t.encode("utf-8") for t in (lower, upper))
            at = bisect_left(keys, b"" if low is None else low + b" ")
            if name is not None and not (at < len(keys) and (high is None or keys[at] < high + b" ")):
                if (self.store / name / MANIFEST).exists():
                    yield lower, upper, name
                    continue
            data = lines_between(maps, low, high)
            if data or lower is not None:  # only the first range may be empty (`cut` leaves it out)
                if not data:
                    raise ValueError(f"no line of the chunk boundary subject {lower!r}")
                yield lower, upper, data

    def _make(self, chunks: Iterable[tuple[str | None, str | None, bytes | str]], pool: Executor) -> list[str]:
        """The chunks' names in order, made in `pool` when the store lacks them; their ranges
        are kept in `self.ranges` (the build cache's manifest, lod.publish.groups)."""
        self.store.mkdir(parents=True, exist_ok=True)
        order: list[str] = []
        self.ranges.clear()
        pending: deque[Future[None]] = deque()
        for lower, upper, data in chunks:
            name = data if isinstance(data, str) else self.name_of(data)
            order.append(name)
            self.ranges.append((lower, upper, name))
            if isinstance(data, bytes) and name not in self.used and not (self.store / name / MANIFEST).exists():
                pending.append(pool.submit(make_chunk, data, self.store / name))
                self.made += 1
                while len(pending) > IN_FLIGHT:  # chunks waiting for a process stay few: memory is bounded
                    pending.popleft().result()
            self.used.add(name)
        for future in pending:
            future.result()
        return order

    def name_of(self, data: bytes) -> str:
        """The name of the chunk of these lines in the store."""
        return hashlib.sha256(self.recipe.encode() + b"\0" + data).hexdigest()

    def _join(self, order: list[str], dumps: Path, scratch: Path) -> DatasetStatistics:
        sums = {name: self._manifest(name) for name in dict.fromkeys(order)}
        # the three dumps at once: reading, writing and hashing release the GIL (1.3 GB at 10,000 documents)
        with ThreadPoolExecutor(3) as writers:
            written = [writers.submit(self._concatenate, order, sums, *how) for how in (
                ("nt.gz", dumps / output.DUMP_NTRIPLES, b"", b"", b""),
                ("ttl", dumps / output.DUMP_TURTLE, turtle_prefixes(), b"", b""),
                ("jsonld", dumps / output.DUMP_JSONLD, b"[", b",", b"]"))]
            for future in written:
                future.result()
        counts = [json.loads(self._read(name, "counts.json", sums)) for name in order]
        for name in order:
            if not self._trusted(name, "objects.run", sums):
                self._read(name, "objects.run", sums)  # checked before it is merged
        objects = scratch / "objects.run"
        merge_to_file([self.store / name / "objects.run" for name in order], objects, scratch)
        with open(objects, "rb") as f:
            distinct = sum(block.count(b"\n") for block in iter(lambda: f.read(BLOCK), b""))
        objects.unlink()
        return DatasetStatistics.combined(scratch, counts, distinct)

    def _manifest(self, name: str) -> dict[str, object]:
        """The chunk's pieces' sha256, and under SIGNATURES their stat signatures if recorded."""
        sums: dict[str, object] = json.loads((self.store / name / MANIFEST).read_text(encoding="utf-8"))
        try:
            sums[SIGNATURES] = json.loads((self.store / name / SIGNATURES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            sums[SIGNATURES] = {}
        return sums

    def _trusted(self, name: str, piece: str, sums: dict[str, dict[str, object]]) -> bool:
        """Whether the piece is the file written when the chunk was made (lod.publish.signatures)."""
        recorded = sums[name][SIGNATURES]
        try:
            return isinstance(recorded, dict) and recorded.get(piece) == signature(self.store / name / piece)
        except OSError:
            return False

    def _read(self, name: str, piece: str, sums: dict[str, dict[str, object]]) -> bytes:
        """A piece's bytes, checked against its sha256 unless its signature is the recorded one."""
        try:
            data = (self.store / name / piece).read_bytes()
        except OSError:
            raise DamagedChunk(name) from None
        if not self._trusted(name, piece, sums) and hashlib.sha256(data).hexdigest() != sums[name].get(piece):
            raise DamagedChunk(name)
        return data

    def _concatenate(self, order: list[str], sums: dict[str, dict[str, object]], piece: str, target: Path,
                     head: bytes, between: bytes, end: bytes) -> None:
        """Write head, the chunks' pieces with `between` between them, and end; one piece in memory at a time."""
        digest = hashlib.sha256()
        with open(target, "wb") as out:
            parts = (self._read(name, piece, sums) for name in order)
            for k, part in enumerate(chain([head], parts, [end])):
                if between and 1 < k <= len(order):
                    out.write(between)
                    digest.update(between)
                out.write(part)
                digest.update(part)
        self.digests[output.dump(target.name)] = digest.hexdigest()
