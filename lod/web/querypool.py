"""Run SPARQL queries in child processes that can be killed: the only way to bound query time.

pyoxigraph cannot cancel a running query, so each query runs in a child process that keeps a
read-only store open. The parent waits at most `timeout` seconds for the *complete, serialized*
answer; past that it kills the child, starts a fresh one, and the request is answered 503
before any byte of a result was sent. Other requests use the other children meanwhile.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lod.store import QueryError, RawResult


class QueryTimeout(Exception):
    """The query ran past the time limit and its process was killed."""


def _child(conn: Connection) -> None:
    """Child main loop: open stores lazily (one per build version) and answer tasks."""
    from lod.store import OxigraphStore  # the child imports only what it needs

    stores: dict[str, Any] = {}
    conn.send(("ready",))  # imports done: from now on only query time counts
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        store_dir, sparql, defaults, named, accept, max_rows = task
        try:
            store = stores.get(store_dir)
            if store is None:
                stores.clear()  # an older build is no longer needed
                store = stores[store_dir] = OxigraphStore.open_read_only(Path(store_dir))
            result = store.query(sparql, defaults, named, accept, max_rows)
            conn.send(("ok", result.content_type, result.body, result.kind, result.count))
        except QueryError as exc:
            conn.send(("error", exc.status, str(exc)))
        except Exception as exc:  # noqa: BLE001 - any engine failure becomes a clean answer
            conn.send(("error", 400, f"{type(exc).__name__}: {exc}"))


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    ready: bool = False
    idle_since: float = field(default_factory=time.monotonic)


STARTUP_LIMIT = 60.0
"""Seconds a new child may take to start (spawn, imports); not charged to any query."""


class QueryPool:
    """Up to `size` query children; `run()` blocks until one is free (bounded wait).

    Children are reused from query to query. Of the children waiting for work, `keep_idle` stay
    ready for the next query; the others are stopped once they have waited `idle_seconds`
    (each holds its own store handle and caches: tens of megabytes for nothing while idle), and
    started again from the forkserver when queries come in together.
    """

    def __init__(self, size: int = 2, keep_idle: int | None = None, idle_seconds: float = 60.0) -> None:
        # forkserver: children are forked from a clean server process that has already imported
        # this module (a child is ready in milliseconds), never from this multi-threaded worker,
        # and never from a process that has opened a RocksDB store.
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["__main__", "lod.web.querypool"])
        self._idle: list[_Worker] = []
        self._size = size
        self._keep_idle = size if keep_idle is None else max(0, min(keep_idle, size))
        self._idle_seconds = idle_seconds
        self._reaper: threading.Thread | None = None
        self._free = threading.Semaphore(size)
        self._lock = threading.Lock()
        self._closed = False

    def warm(self, count: int | None = None) -> None:
        """Start children in the background (by default the ones kept idle), so the next
        queries do not wait for them."""

        def start() -> None:
            for _ in range(self._keep_idle if count is None else count):
                fresh = self._spawn()
                try:
                    self._await_ready(fresh)
                except QueryError:
                    continue
                with self._lock:
                    if len(self._idle) < self._size:
                        self._idle.append(fresh)
                        continue
                fresh.process.kill()

        threading.Thread(target=start, name="lod-query-warmup", daemon=True).start()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_child, args=(child,), daemon=True, name="lod-query")
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _await_ready(self, worker: _Worker) -> None:
        if worker.ready:
            return
        if worker.conn.poll(STARTUP_LIMIT):
            try:
                worker.ready = worker.conn.recv() == ("ready",)
            except EOFError:
                pass
        if not worker.ready:
            worker.process.kill()
            raise QueryError("a query process failed to start; try again", status=503)

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
        worker = self._spawn()
        self._await_ready(worker)
        return worker

    def run(
        self,
        store_dir: Path,
        sparql: str,
        defaults: list[str],
        named: list[str],
        accept: str,
        max_rows: int | None,
        timeout: float,
    ) -> RawResult:
        if not self._free.acquire(timeout=timeout):
            raise QueryTimeout("the server is busy with other queries; try again shortly")
        try:
            worker = self._take()
            worker.conn.send((str(store_dir), sparql, defaults, named, accept, max_rows))
            if not worker.conn.poll(timeout):  # the query's own time starts now
                worker.process.kill()
                worker.process.join(5)
                worker.conn.close()
                if self._keep_idle:
                    self.warm(1)  # its replacement starts now, not when the next query comes
                raise QueryTimeout(f"the query did not finish within {timeout:g} seconds (setting query-timeout)")
            try:
                answer = worker.conn.recv()
            except EOFError as exc:
                worker.process.join(1)
                raise QueryError("the query process died (out of memory?)", status=500) from exc
            with self._lock:
                if len(self._idle) < self._size:
                    worker.idle_since = time.monotonic()
                    self._idle.append(worker)
                    self._start_reaper()
                else:  # one too many (started while the warm-up was running)
                    worker.process.kill()
        finally:
            self._free.release()
        if answer[0] == "error":
            raise QueryError(answer[2], status=answer[1])
        _, ctype, body, kind, count = answer
        return RawResult(ctype, body, kind, count)

    def _start_reaper(self) -> None:
        """(Under the lock) watch for surplus idle children, once there can be any."""
        if self._reaper is None and self._keep_idle < self._size:
            self._reaper = threading.Thread(target=self._reap_forever, name="lod-query-reaper", daemon=True)
            self._reaper.start()

    def _reap_forever(self) -> None:
        while not self._closed:
            time.sleep(max(self._idle_seconds / 4, 0.05))
            self.reap()

    def reap(self, now: float | None = None) -> int:
        """Stop the children idle for `idle_seconds` beyond the `keep_idle` most recently used;
        the number stopped."""
        now = time.monotonic() if now is None else now
        with self._lock:
            # _idle is a stack (the last returned is taken first): the oldest are at the bottom
            surplus = len(self._idle) - self._keep_idle
            stale = [w for w in self._idle[:max(surplus, 0)] if now - w.idle_since >= self._idle_seconds]
            for worker in stale:
                self._idle.remove(worker)
        for worker in stale:
            worker.conn.close()
            worker.process.kill()
            worker.process.join(5)
        return len(stale)

    @property
    def idle(self) -> int:
        """Children started and waiting for a query."""
        return len(self._idle)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            for worker in self._idle:
                worker.process.kill()
            self._idle.clear()
