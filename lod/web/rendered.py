"""Rendered descriptions on disk, one directory per store version, shared by every worker.

A description costs tens of milliseconds (three CONSTRUCTs over the whole dataset and a
serialization) and never changes within a build, so it is rendered once per *server*, not once
per worker and request: the workers share `{store root}.rendered/{version}/`, and a background
thread in each worker renders the machine-readable descriptions of every published work after
start-up (the build-time rendering docs/benchmarks.md asks for, done where the store is).
Bodies are kept gzip-compressed (a tenth of the size); a new build is a new version directory
and the directories of versions whose store is gone are removed.

The files are written by this server only (atomic rename of a temporary file) and hold JSON
headers and a gzip body: nothing is unpickled or executed when they are read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import random
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Hashable

from lod.web.cache import Rendered

log = logging.getLogger(__name__)
SUFFIX = ".rendered"


@dataclass
class RenderedDir:
    """The rendered answers of one store version (the store directory at `store_path`)."""

    store_path: Path
    root: Path = field(init=False)

    def __post_init__(self) -> None:
        parent = self.store_path.parent
        self.root = parent.with_name(parent.name + SUFFIX) / self.store_path.name

    def _file(self, key: tuple[Hashable, ...]) -> Path:
        digest = hashlib.sha256(json.dumps(key, default=str).encode("utf-8")).hexdigest()
        return self.root / digest[:2] / digest[2:]

    def get(self, key: tuple[Hashable, ...]) -> Rendered | None:
        try:
            raw = self._file(key).read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            meta = json.loads(head)
            if meta.get("key") != json.loads(json.dumps(key, default=str)):
                return None  # a hash collision: recompute rather than answer another question
            return Rendered(gzip.decompress(body), meta["mimetype"], tuple(tuple(h) for h in meta["headers"]))  # type: ignore[misc]
        except (ValueError, KeyError, OSError, EOFError):
            return None

    def has(self, key: tuple[Hashable, ...]) -> bool:
        return self._file(key).exists()

    def put(self, key: tuple[Hashable, ...], rendered: Rendered) -> None:
        path = self._file(key)
        head = json.dumps({"key": key, "mimetype": rendered.mimetype, "headers": rendered.headers}, default=str)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(head.encode("utf-8") + b"\n" + gzip.compress(rendered.body, compresslevel=5, mtime=0))
            os.replace(tmp, path)
        except OSError:  # a full or read-only disk: serve without the shared cache
            log.warning("could not write %s", path, exc_info=True)
            tmp.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove rendered versions whose store directory no longer exists."""
        parent = self.root.parent
        if not parent.is_dir():
            return
        for old in parent.iterdir():
            if old.is_dir() and old.name != self.root.name and not (self.store_path.parent / old.name).exists():
                shutil.rmtree(old, ignore_errors=True)


@dataclass
class Warmer:
    """Renders every work's machine-readable descriptions in the background, once per version.

    Each worker walks the works in its own random order and skips what another worker already
    wrote, so two workers split the job without talking to each other. It pauses between works
    so that requests keep most of the process's time.
    """

    render: Callable[[str, str], None]
    """render(work, phase): "data" renders the machine-readable formats, "page" the HTML page."""
    phases: tuple[str, ...] = ("data", "page")
    pause: float = 0.002
    _done: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, version: str, works: Callable[[], list[str]]) -> None:
        with self._lock:
            if version in self._done:
                return
            self._done.add(version)
        threading.Thread(target=self._run, args=(version, works), name="lod-render-warmup", daemon=True).start()

    def _run(self, version: str, works: Callable[[], list[str]]) -> None:
        try:
            todo = works()
            random.shuffle(todo)
            started = time.monotonic()
            for phase in self.phases:  # every work's data first: what Linked Data clients ask for
                for work in todo:
                    t0 = time.monotonic()
                    self.render(work, phase)
                    # as long a rest as the work took: at most half of the process's time
                    time.sleep(max(self.pause, time.monotonic() - t0))
            log.info("rendered %d descriptions of %s in %.0f s", len(todo), version, time.monotonic() - started)
        except Exception:  # noqa: BLE001 - warming is an optimization: never take the worker down
            log.warning("warming the description cache of %s stopped", version, exc_info=True)
