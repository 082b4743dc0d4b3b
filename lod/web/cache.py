"""Rendered answers kept in each worker, keyed by the store version they were computed from.

The published data only changes when a new build is loaded, and a new build is a new store
version (its dump checksum), so an answer computed once is right until then: a description
costs tens of milliseconds to query and serialize and microseconds to look up. Entries of an
older version are dropped as soon as a newer one is seen, and the total size is bounded in
bytes (descriptions vary from a few hundred bytes to hundreds of kilobytes), not in entries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""Per worker process (setting response-cache-mb): the resident size of a worker is a target of
its own (docs/benchmarks.md), and a miss here is a read of the shared rendered file, not a render."""


@dataclass
class VersionedCache(Generic[V]):
    """A thread-safe LRU of `key → value` for one store version at a time.

    `size_of(value)` tells how many bytes a value holds; a value larger than a quarter of the
    budget is not kept (one huge page must not evict everything else).
    """

    size_of: Callable[[V], int]
    max_bytes: int = DEFAULT_MAX_BYTES
    version: str | None = None
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict[Hashable, tuple[V, int]] = field(default_factory=OrderedDict)
    _bytes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _switch(self, version: str) -> None:
        if version != self.version:
            self._entries.clear()
            self._bytes = 0
            self.version = version

    def get(self, version: str, key: Hashable) -> V | None:
        with self._lock:
            self._switch(version)
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, version: str, key: Hashable, value: V) -> None:
        size = self.size_of(value)
        if size * 4 > self.max_bytes:
            return
        with self._lock:
            if version != self.version:
                # every put follows a get of its version; a different version here means a
                # newer store was seen meanwhile, so this value is already stale
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes and self._entries:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.version = None


@dataclass(frozen=True)
class Rendered:
    """A finished 200 answer without its per-request headers (ETag, gzip, CORS are added by
    lod.web.http on the way out, from the body, so a cached body gets them exactly as a fresh one)."""

    body: bytes
    mimetype: str
    headers: tuple[tuple[str, str], ...]
    gzipped: bytes | None = None
    """The body as lod.web.http.gzip_body encodes it, made once when the answer is kept: most
    clients ask for gzip, and compressing a description costs more than the rest of serving it."""

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"") + sum(len(k) + len(v) for k, v in self.headers) + 200
