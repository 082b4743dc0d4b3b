"""Rendered descriptions on disk, one directory per store version, shared by every worker.

A description costs tens of milliseconds (three CONSTRUCTs over the whole dataset and a
serialization) and never changes within a build, so it is rendered once per *server*, not once
per worker and request: the workers share `{store root}.rendered/{version}/`, and one background
process per version (lod.web.prerender) renders every published work's descriptions after
start-up (the build-time rendering docs/benchmarks.md asks for, done where the store is), at
low CPU priority and outside the workers, so that it never competes with requests for a GIL.
Bodies are kept gzip-compressed (a tenth of the size); a new build is a new version directory
and the directories of versions whose store is gone are removed.

The files are written by this server only (atomic rename of a temporary file) and hold JSON
headers and a gzip body: nothing is unpickled or executed when they are read.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable

from lod.web.cache import Rendered
from lod.web.http import GZIP_LEVEL, gzip_body

log = logging.getLogger(__name__)
SUFFIX = ".rendered"
LOCK_FILE = ".rendering.lock"
COMPLETE_FILE = ".complete"


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
            headers = tuple(tuple(h) for h in meta["headers"])
            # the stored bytes are what is sent only if they were compressed the way http sends them
            sendable = body if meta.get("gzip") == GZIP_LEVEL else None
            return Rendered(gzip.decompress(body), meta["mimetype"], headers, sendable)  # type: ignore[arg-type]
        except (ValueError, KeyError, OSError, EOFError):
            return None

    def has(self, key: tuple[Hashable, ...]) -> bool:
        return self._file(key).exists()

    def put(self, key: tuple[Hashable, ...], rendered: Rendered) -> None:
        path = self._file(key)
        head = json.dumps({"key": key, "mimetype": rendered.mimetype, "headers": rendered.headers,
                           "gzip": GZIP_LEVEL}, default=str)
        gzipped = rendered.gzipped if rendered.gzipped is not None else gzip_body(rendered.body)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(head.encode("utf-8") + b"\n" + gzipped)
            os.replace(tmp, path)
        except OSError:  # a full or read-only disk: serve without the shared cache
            log.warning("could not write %s", path, exc_info=True)
            tmp.unlink(missing_ok=True)

    @property
    def complete(self) -> bool:
        """Every work of this version has been rendered (by lod.web.prerender)."""
        return (self.root / COMPLETE_FILE).exists()

    def mark_complete(self) -> None:
        (self.root / COMPLETE_FILE).write_text("")

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
    """Starts the renderer of a store version (`python -m lod.web.prerender`), once per version
    and server, in a process of its own at the lowest CPU priority.

    Why a process: rendering is pure-Python work; in a thread of a worker it held the GIL, and
    every request of that worker queued behind it (the 200+ ms p99 of docs/benchmarks.md). A
    niced process only gets the CPU that requests leave idle. Why a lock: every worker sees a
    new version at about the same time; the first one takes the version's lock file and hands
    it to its renderer, which holds it until it exits, so the others start nothing. Once a
    version is complete (every work rendered), no renderer starts for it again.
    """

    config: dict[str, Any]
    """The settings in force, passed on to the renderer (base, data, store-dir …)."""
    _done: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, shared: RenderedDir) -> None:
        version = shared.store_path.name
        with self._lock:
            if version in self._done:
                return
            self._done.add(version)
        if shared.complete:
            return
        try:
            shared.root.mkdir(parents=True, exist_ok=True)
            lock = open(shared.root / LOCK_FILE, "a")  # noqa: SIM115 - handed to the child, closed below
        except OSError:
            log.warning("cannot prerender into %s", shared.root, exc_info=True)
            return
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # another worker's renderer is at it
            argv = [sys.executable, "-m", "lod.web.prerender", "--store", str(shared.store_path),
                    "--lock-fd", str(lock.fileno()), json.dumps(self.config, default=str)]
            process = subprocess.Popen(argv, pass_fds=(lock.fileno(),), stdin=subprocess.DEVNULL)
            self.processes.append(process)
            # reap it when it ends (no zombie left behind a long-running worker)
            threading.Thread(target=process.wait, name="lod-prerender-reaper", daemon=True).start()
        except OSError:
            log.warning("could not start the renderer of %s", version, exc_info=True)
        finally:
            lock.close()  # the child's inherited descriptor keeps the lock until it exits
