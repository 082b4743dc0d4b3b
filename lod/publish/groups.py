"""The documents' runs merged in groups that stay the same from one build to the next.

The dataset dumps are cut into chunks by content (lod.publish.chunks); to make them, every
document's sorted run had to be merged into one file of the whole dataset, and that merge
(≈ 1 GB through `sort -m` at 10,000 documents) was what a one-document change still paid in
full. With the build cache, the runs are merged in `GROUPS` groups instead, a document's group
given by its cache key (so by its bytes: a group keeps its members from one build to the next),
and each group's merged run is kept in the cache under a digest of its members. A changed
document changes one group: that group is merged again (a few hundred kilobytes), and the lines
that differ between its old and new merged run name the subjects whose chunks must be made
again. Every other chunk is the previous build's (lod.publish.chunks.ChunkedDumps.write_groups).

A member run's identity is its path and stat signature (lod.publish.signatures) when it lies in
the cache, where a run is written once; its sha256 otherwise (the authorities' run is written
anew by every build).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lod.publish.runs import merge_to_file
from lod.publish.signatures import sha256_file, signature, unchanged

GROUP_DIGITS = 2
"""Hex digits of a document's cache key that name its group: 256 groups (≈ 40 runs each at 10,000)."""
MOSTLY_CHANGED = 4
"""More than one group in this many changed (a new version of lod, a copied cache): every chunk is
made from the merged group runs, as a full build does."""
MANIFEST = "dumps.json"
"""In the cache root: the last build's groups (name → digest) and chunks (lower subject, upper subject, name)."""


def group_name(run: Path, cache: Path) -> str:
    """A run's group: the first digits of its cache entry's key (the folder it lies in), or its
    own name outside the cache (`cache` and the runs' paths are absolute, as the build makes them)."""
    if not str(run).startswith(f"{cache}{os.sep}"):
        return f"own-{run.name}"
    return run.parent.name[:GROUP_DIGITS]


def member_identity(run: Path, cache: Path) -> str:
    inside = str(run).startswith(f"{cache}{os.sep}")
    return f"{run}\t{signature(run) if inside else sha256_file(run)}"


@dataclass
class Manifest:
    """What the previous build recorded: its groups' digests and its chunks by subject range."""

    groups: dict[str, str] = field(default_factory=dict)
    chunks: list[tuple[str | None, str | None, str]] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(dict(data["groups"]), [(lo, hi, name) for lo, hi, name in data["chunks"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, path: Path) -> None:
        temporary = path.with_name(f".{path.name}.new")
        temporary.write_text(json.dumps({"groups": self.groups, "chunks": self.chunks}, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)


@dataclass
class RunGroups:
    """The group runs of one build, merged (or found) in `store`."""

    store: Path
    cache: Path
    runs: dict[str, Path] = field(default_factory=dict)
    """group name → its merged run (in `store`, named by the group's digest)."""
    digests: dict[str, str] = field(default_factory=dict)

    def merge(self, members: Sequence[Path], scratch: Path) -> None:
        """Group the runs and merge each group the store does not hold yet."""
        self.store.mkdir(parents=True, exist_ok=True)
        grouped: dict[str, list[Path]] = defaultdict(list)
        for run in members:
            grouped[group_name(run, self.cache)].append(run)
        for name, runs in sorted(grouped.items()):
            identities = sorted(member_identity(r, self.cache) for r in runs)
            digest = hashlib.sha256("\n".join(identities).encode()).hexdigest()
            target = self.store / f"{digest}.run"
            if not _intact(target):
                temporary = self.store / f".{digest}.{os.getpid()}"
                merge_to_file(runs, temporary, scratch)
                check = f"{sha256_file(temporary)} {signature(temporary)}"
                os.replace(temporary, target)  # keeps the signature
                _check_file(target).write_text(check, encoding="ascii")
            self.runs[name], self.digests[name] = target, digest

    def used(self) -> set[str]:
        """The files of this build's group runs in `store` (what the cache keeps)."""
        return {n for p in self.runs.values() for n in (p.name, _check_file(p).name)}

    def changed_subjects(self, previous: Manifest, separator: bytes = b" ", at_least: int = 0) -> set[bytes] | None:
        """Subjects (what precedes `separator`: the key of a link record) of the lines in which this
        build's group runs differ from the previous build's; None when a previous group run is
        missing (then every chunk is made again) or more than a quarter of the groups (and more
        than `at_least`) changed.

        The changed groups are compared together, not one by one: a changed document changes its
        cache key, so it usually leaves one group for another, and its lines, gone from the old
        group and found in the new, are no change of the whole (a key whose records did not change
        would otherwise be gathered again: at 10,000 documents, every State and body the document
        names, 3 s)."""
        names = sorted(set(self.digests) | set(previous.groups))
        changed = [n for n in names if previous.groups.get(n) != self.digests.get(n)]
        if len(changed) > at_least and len(changed) * MOSTLY_CHANGED > len(names):
            return None  # cheaper to merge the group runs whole (sort -m) than to compare and gather
        before: set[bytes] = set()
        after: set[bytes] = set()
        for name in changed:
            old, new = previous.groups.get(name), self.digests.get(name)
            old_lines = _intact_lines(self.store / f"{old}.run") if old else set()
            new_lines = _lines(self.runs[name]) if new else set()
            if old_lines is None or new_lines is None:
                return None
            before |= old_lines
            after |= new_lines
        return {line[: line.find(separator)] for line in before ^ after}

    @contextmanager
    def opened(self) -> Iterator[list[mmap.mmap]]:
        """Every group run mapped into memory (empty runs left out), for `lines_between`."""
        with ExitStack() as stack:
            maps = []
            for run in self.runs.values():
                f = stack.enter_context(open(run, "rb"))
                if os.fstat(f.fileno()).st_size:
                    maps.append(stack.enter_context(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)))
            yield maps


def _check_file(run: Path) -> Path:
    return run.with_suffix(".sha256")


def _intact(run: Path) -> bool:
    """Whether a group run is the file merged then (lod.publish.signatures)."""
    try:
        sha256, _, recorded = _check_file(run).read_text(encoding="ascii").partition(" ")
    except OSError:
        return False
    return unchanged(run, sha256, recorded)


def _intact_lines(run: Path) -> set[bytes] | None:
    """The lines of a kept group run, or None when it is not the file merged then."""
    return _lines(run) if _intact(run) else None


def _lines(path: Path) -> set[bytes] | None:
    try:
        return set(path.read_bytes().split(b"\n")[:-1])
    except OSError:
        return None


def first_line_at_or_after(data: mmap.mmap | bytes, key: bytes, lo: int = 0) -> int:
    """Offset of the first line of sorted `data` that is >= `key` (len(data) if none); `lo`: a
    line's start before which there is none."""
    hi = len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    return min(lo, len(data))


def lines_between(maps: Sequence[mmap.mmap | bytes], lower: bytes | None, upper: bytes | None) -> bytes:
    """The sorted, de-duplicated lines of all `maps` whose subject is in [lower, upper) (None:
    unbounded), `\\n`-terminated: the bytes of that range of the merged dataset."""
    found: set[bytes] = set()
    for data in maps:
        start = 0 if lower is None else first_line_at_or_after(data, lower + b" ")
        end = len(data) if upper is None else first_line_at_or_after(data, upper + b" ")
        if start < end:
            found.update(data[start:end].rstrip(b"\n").split(b"\n"))
    return b"".join(line + b"\n" for line in sorted(found))
