"""Sorted runs on disk: merging and counting more lines than fit in memory.

The build never holds the dataset's N-Triples in memory: each document's sorted lines are a
file (a "run"), the dataset is their k-way merge, and distinct counts come from runs too. Lines
are compared as UTF-8 bytes, which orders them exactly as Python orders the decoded strings
(UTF-8 preserves code-point order), so the merge equals `sorted(set(...))` of the strings.

A run file holds one line per `\\n`-terminated record; the terminator is cut before comparing,
because a byte below `\\n` (a raw tab, say) would otherwise sort a line after its own extension.
"""

from __future__ import annotations

import heapq
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from itertools import count
from operator import itemgetter
from pathlib import Path

FAN_IN = 256
"""Runs merged at once: bounds open files (and their read buffers) whatever the corpus size."""

DISTINCT_BUFFER = 500_000
"""Items a `DistinctCounter` keeps in memory before spilling a sorted run (~70 MB of N-Triples terms)."""

WRITE_BATCH = 4096
"""Lines joined into one write: per-line writes dominate the cost of a merge otherwise."""

_CUT_NEWLINE = itemgetter(slice(0, -1))


def write_run(path: Path, lines: Iterable[bytes]) -> int:
    """Write lines (already sorted and unique) as a run file; return how many were written."""
    written = 0
    with open(path, "wb") as f:
        for batch in batched_lines(lines):
            f.write(batch)
            written += batch.count(b"\n")
    return written


def batched_lines(lines: Iterable[bytes], size: int = WRITE_BATCH) -> Iterator[bytes]:
    """`\\n`-terminated lines joined in blocks of `size`, ready for one write each."""
    batch: list[bytes] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield b"\n".join(batch) + b"\n"
            batch.clear()
    if batch:
        yield b"\n".join(batch) + b"\n"


def unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Drop consecutive repeats: on sorted input, what `set` would drop."""
    previous: bytes | None = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def merge_runs(paths: Sequence[Path], scratch: Path, fan_in: int | None = None) -> Iterator[bytes]:
    """The sorted, de-duplicated union of sorted run files, streamed.

    More than `fan_in` runs are first merged in groups into intermediate runs under `scratch`
    (deleted as soon as they are read), so at most `fan_in` files are open at any time. The
    input runs are left in place: the caller may need them again.
    """
    owned: set[Path] = set()
    try:
        level = _merge_levels(paths, scratch, fan_in, _heap_merge, owned)
        with ExitStack() as stack:
            yield from unique(heapq.merge(*(stack.enter_context(_Run(p)) for p in level)))
    finally:
        for path in owned:
            path.unlink(missing_ok=True)


def merge_to_file(paths: Sequence[Path], target: Path, scratch: Path, fan_in: int | None = None) -> None:
    """Write the sorted, de-duplicated union of sorted run files to `target`.

    The system's `sort -m -u` does it when there is one: under `LC_ALL=C` it compares lines as
    bytes without their terminator, the order `merge_runs` defines, and it merges in C at a
    tenth of the CPU of the Python heap merge, which was the build's largest serial cost. More
    than `fan_in` runs are merged in groups first, so no command line grows with the corpus.
    Without `sort`, `merge_runs` writes the same bytes.
    """
    command = shutil.which("sort")
    if command is None:
        write_run(target, merge_runs(paths, scratch, fan_in))
        return
    owned: set[Path] = set()
    try:
        merge = partial(_sort_merge, command, scratch=scratch)
        merge(_merge_levels(paths, scratch, fan_in, merge, owned), target)
    finally:
        for path in owned:
            path.unlink(missing_ok=True)


def _merge_levels(
    paths: Sequence[Path], scratch: Path, fan_in: int | None, merge: Callable[[Sequence[Path], Path], None], owned: set[Path]
) -> list[Path]:
    """Merge groups of `fan_in` runs with `merge` into intermediate runs until at most `fan_in`
    are left, and return those. Intermediate runs are added to `owned` (the caller deletes what
    is left of them) and deleted as soon as they are merged into the next level."""
    fan_in = fan_in or FAN_IN
    if fan_in < 2:
        raise ValueError("fan_in must be at least 2")
    names = count()
    level: list[Path] = list(paths)
    while len(level) > fan_in:
        merged_level: list[Path] = []
        for start in range(0, len(level), fan_in):
            group = level[start : start + fan_in]
            merged_level.append(scratch / f"merge-{os.getpid()}-{next(names):06d}.run")
            owned.add(merged_level[-1])
            merge(group, merged_level[-1])
            for done in owned.intersection(group):
                done.unlink()
            owned.difference_update(group)
        level = merged_level
    return level


def _heap_merge(group: Sequence[Path], target: Path) -> None:
    with ExitStack() as stack:
        write_run(target, unique(heapq.merge(*(stack.enter_context(_Run(p)) for p in group))))


def _sort_merge(command: str, paths: Sequence[Path], target: Path, *, scratch: Path) -> None:
    if not paths:
        target.write_bytes(b"")
        return
    environment = {**os.environ, "LC_ALL": "C"}
    arguments = [command, "-m", "-u", "-T", str(scratch), "-o", str(target), *map(str, paths)]
    done = subprocess.run(arguments, env=environment, stdin=subprocess.DEVNULL, capture_output=True, check=False)
    if done.returncode != 0:
        reason = "; ".join(line.strip() for line in done.stderr.decode(errors="replace").splitlines() if line.strip())
        raise OSError(f"sort -m failed merging {len(paths)} run files into {target}: {reason}")  # one line


class _Run:
    """A run file open for reading, usable in an ExitStack so every file is closed on error."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")

    def __enter__(self) -> Iterator[bytes]:
        return map(_CUT_NEWLINE, self._file)

    def __exit__(self, *exc: object) -> None:
        self._file.close()


@dataclass
class DistinctCounter:
    """Counts distinct byte strings with memory bounded by `buffer` items, spilling sorted runs.

    For terms that are nearly as many as the triples (objects: every paragraph's text is one),
    a set would grow with the dataset; sorted runs on disk do not. Items hold no `\\n`.
    """

    scratch: Path
    buffer: int = 0
    """Items kept in memory; 0 means DISTINCT_BUFFER."""
    _pending: set[bytes] = field(default_factory=set)
    _runs: list[Path] = field(default_factory=list)

    def add(self, item: bytes) -> None:
        self._pending.add(item)
        if len(self._pending) >= (self.buffer or DISTINCT_BUFFER):
            self._spill()

    def update(self, items: Iterable[bytes]) -> None:
        """Add many items at once (set.update runs in C; a batch may overshoot the buffer once)."""
        self._pending.update(items)
        if len(self._pending) >= (self.buffer or DISTINCT_BUFFER):
            self._spill()

    def items(self) -> set[bytes]:
        """The distinct items added, where none was spilled to disk (a buffer larger than them)."""
        if self._runs:
            raise ValueError("DistinctCounter.items: items were spilled to runs; count() them instead")
        return self._pending

    def count(self) -> int:
        """The number of distinct items added; the spilled runs are deleted."""
        if not self._runs:
            return len(self._pending)
        if self._pending:
            self._spill()
        try:
            return sum(1 for _ in merge_runs(self._runs, self.scratch))
        finally:
            for path in self._runs:
                path.unlink(missing_ok=True)
            self._runs.clear()

    def _spill(self) -> None:
        path = self.scratch / f"distinct-{os.getpid()}-{id(self):x}-{len(self._runs):06d}.run"
        write_run(path, sorted(self._pending))
        self._pending.clear()
        self._runs.append(path)
