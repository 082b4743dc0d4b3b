"""Run SPARQL queries in child processes that can be killed: the only way to bound query time.

pyoxigraph cannot cancel a running query, so each query runs in a child process that keeps a
read-only store open. Each child, before it opens anything, takes itself off the network and
caps its own memory (lod.web.sandbox). A query's check (lod.web.guard: rdflib's parser takes
seconds on a huge query) runs in the child too, so that a web worker only ever waits on a pipe.

The parent gives the check and the run together at most `timeout` seconds for the *complete,
serialized* answer; past that it kills the child, starts a fresh one, and the request is
answered 503 before any byte of a result was sent. When a child dies on its own the parent
says why (memory cap, a signal, an exit) from its exit code and its last words on stderr.

Queueing is bounded: at most `size` queries run and `queue` wait, each for at most
`queue_seconds`; beyond that `Busy` is raised at once with the seconds after which a process
is certain to be free (a Retry-After that is true), so request threads are never parked behind
SPARQL and the pages keep theirs.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing as mp
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from lod.store import QueryError, RawResult
from lod.web import sandbox
from lod.web.guard import CheckedQuery, KnownVerdicts, Rejected
from lod.web.querychild import Worker as _Worker
from lod.web.querychild import child_main as _child


class QueryTimeout(Exception):
    """The query ran past the time limit and its process was killed."""


class Busy(Exception):
    """Every query process is taken and the queue is full: come back after `retry_after` seconds."""

    def __init__(self, retry_after: int, message: str) -> None:
        super().__init__(message)
        self.retry_after = retry_after


STARTUP_LIMIT = 60.0
"""Seconds a new child may take to start (spawn, imports); not charged to any query."""


KILL_SECONDS = 1.0
"""Time allowed for killing a child past its deadline and handing its slot on."""


class QuerySession:
    """One child held for one request: the check and the run share one deadline."""

    def __init__(self, pool: QueryPool, take: Callable[[], tuple[_Worker, float]], timeout: float) -> None:
        self._pool = pool
        self._take = take
        self._worker: _Worker | None = None
        self._gone = False
        self._deadline = time.monotonic() + timeout
        self._timeout = timeout

    @property
    def worker(self) -> _Worker | None:
        """The child of this request, taken when first needed (None once it was killed): a query
        whose verdict the worker already knows, run by an external engine, needs none."""
        if self._worker is None and not self._gone:
            self._worker, self._deadline = self._take()
        return self._worker

    @property
    def held(self) -> _Worker | None:
        """The child this session holds, without taking one."""
        return self._worker

    def _lose(self) -> None:
        self._worker, self._gone = None, True

    def _ask(self, task: tuple[Any, ...]) -> tuple[Any, ...]:
        worker = self.worker
        if worker is None:
            raise QueryError("the query process of this request is gone", status=500)
        try:
            worker.conn.send(task)
        except OSError:  # it died between two tasks: tell why, like a death during one
            return self._died(worker)
        if not worker.conn.poll(max(self._deadline - time.monotonic(), 0)):
            self._lose()
            worker.kill()
            self._pool.replace()
            what = "checking the query" if task[0] == "check" else "the query"
            raise QueryTimeout(f"{what} did not finish within {self._timeout:g} seconds (setting query-timeout)")
        try:
            answer: tuple[Any, ...] = worker.conn.recv()
        except EOFError:
            return self._died(worker)
        worker.last_words()
        if answer[0] == "error":
            raise (Rejected(answer[1], answer[2]) if task[0] == "check" else QueryError(answer[2], status=answer[1]))
        return answer

    def _died(self, worker: _Worker) -> NoReturn:
        self._lose()
        worker.process.join(5)
        words = worker.last_words()
        worker.kill()
        self._pool.replace()
        death = sandbox.cause_of_death(worker.process.exitcode, words, self._pool.memory_mb)
        raise QueryError(death.message, status=death.status)

    def check(self, text: str) -> CheckedQuery:
        """The guard's verdict on `text` (raises `Rejected`): computed in the child, unless the
        pool already received it for the same text (lod.web.guard.KnownVerdicts)."""
        known = self._pool.verdicts.get(text)
        if known is not None:
            return known
        try:
            answer = self._ask(("check", text))
        except Rejected as refusal:
            self._pool.verdicts.remember(text, refusal)
            raise
        checked = CheckedQuery(text, answer[1], answer[2])
        self._pool.verdicts.remember(text, checked)
        return checked

    def run(self, store_dir: Path, sparql: str, defaults: list[str], named: list[str], accept: str,
            max_rows: int | None) -> RawResult:
        _, ctype, body, kind, count = self._ask(("run", str(store_dir), sparql, defaults, named, accept, max_rows))
        return RawResult(ctype, body, kind, count)

    def probe(self, host: str, port: int) -> str | None:
        """From inside the child: None if it could connect to host:port, else why not."""
        return self._ask(("probe", host, port))[1]  # type: ignore[no-any-return]


class QueryPool:
    """Up to `size` query children, `queue` more requests waiting (bounded wait), the rest `Busy`.

    Children are reused from query to query. Of the children waiting for work, `keep_idle` stay
    ready for the next query; the others are stopped once they have waited `idle_seconds`
    (each holds its own store handle and caches: tens of megabytes for nothing while idle), and
    started again from the forkserver when queries come in together.
    """

    def __init__(self, size: int = 2, keep_idle: int | None = None, idle_seconds: float = 60.0,
                 queue: int = 2, queue_seconds: float = 5.0, memory_mb: int = 1024,
                 allow_unconfined: bool = False) -> None:
        # forkserver: children are forked from a clean server process that has already imported
        # this module (a child is ready in milliseconds), never from this multi-threaded worker,
        # and never from a process that has opened a RocksDB store.
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["__main__", "lod.web.querypool", "lod.web.querychild"])
        self._idle: list[_Worker] = []
        self._size = size
        self._keep_idle = size if keep_idle is None else max(0, min(keep_idle, size))
        self._idle_seconds = idle_seconds
        self._queue = max(0, queue)
        self._queue_seconds = queue_seconds
        self.memory_mb = memory_mb
        self._allow_unconfined = allow_unconfined
        self._reaper: threading.Thread | None = None
        self._slots = threading.Condition()
        self._deadlines: dict[int, float] = {}  # per running session: when its child is free at the latest
        self._waiting = 0
        self._keys = itertools.count()
        self._timeout = 30.0  # of the latest session: how long a queued query may hold a child
        self._startup_seconds = 0.5  # how long the latest child took to start
        self._lock = threading.Lock()
        self._closed = False
        self.verdicts = KnownVerdicts()
        self.refusal: str | None = None
        """Why this pool answers no query (its children could not be confined), once known."""

    def warm(self, count: int | None = None, wait: bool = False) -> None:
        """Start children (by default the ones kept idle), so the next queries do not wait for
        them: in the background, or before returning with `wait` (a server worker, before it
        accepts its first connection, so that the forkserver's imports do not take the CPU from
        the first requests)."""

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
                fresh.kill()

        if wait:
            start()
        else:
            threading.Thread(target=start, name="lod-query-warmup", daemon=True).start()

    def replace(self) -> None:
        """A child was killed or died: its replacement starts now, not when the next query comes."""
        if self._keep_idle:
            self.warm(1)

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        errors_in, errors_out = self._ctx.Pipe(duplex=False)
        proc = self._ctx.Process(target=_child, args=(child, errors_out, self.memory_mb, self._allow_unconfined),
                                 daemon=True, name="lod-query")
        proc.start()
        child.close()
        errors_out.close()
        return _Worker(proc, parent, errors_in)

    def _await_ready(self, worker: _Worker) -> None:
        if worker.ready:
            return
        hello: tuple[Any, ...] = ()
        if worker.conn.poll(STARTUP_LIMIT):
            try:
                hello = worker.conn.recv()
            except EOFError:
                pass
        if hello and hello[0] == "ready":
            worker.ready, worker.confinement = True, hello[1]
            return
        worker.kill()
        if hello and hello[0] == "unconfined":
            self.refusal = hello[1]
            raise QueryError(f"SPARQL is not available: {hello[1]}", status=503)
        raise QueryError("a query process failed to start; try again", status=503)

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
        started = time.monotonic()
        worker = self._spawn()
        self._await_ready(worker)
        self._startup_seconds = time.monotonic() - started
        return worker

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if len(self._idle) < self._size and not self._closed:
                worker.idle_since = time.monotonic()
                self._idle.append(worker)
                self._start_reaper()
                return
        worker.kill()  # one too many (started while the warm-up was running)

    def retry_after(self) -> int:
        """(Under the slots lock) seconds after which a newcomer is certain to find a free child:
        the queued requests take the first children to come free, each child is free at the
        latest at its session's deadline, and a later round takes at most one more timeout."""
        now = time.monotonic()
        remaining = sorted(max(d - now, 0.0) for d in self._deadlines.values()) or [0.0]
        rounds, place = divmod(self._waiting, len(remaining))
        return max(1, math.ceil(remaining[place] + rounds * self._timeout + KILL_SECONDS))

    @contextmanager
    def session(self, timeout: float) -> Iterator[QuerySession]:
        """Hold a child for one request for at most `timeout` seconds; raises `Busy` at once
        when `size` run and `queue` wait, or after `queue_seconds` in the queue."""
        if self.refusal:
            raise QueryError(f"SPARQL is not available: {self.refusal}", status=503)
        key = next(self._keys)
        with self._slots:
            self._timeout = timeout
            if len(self._deadlines) >= self._size and self._waiting >= self._queue:
                raise Busy(self.retry_after(), "the server is busy with other queries and its queue is full "
                                               "(settings query-processes, query-queue); try again later")
            self._waiting += 1
            try:
                free = self._slots.wait_for(lambda: len(self._deadlines) < self._size, timeout=self._queue_seconds)
            finally:
                self._waiting -= 1
            if not free:
                raise Busy(self.retry_after(), f"the server was busy with other queries for {self._queue_seconds:g} "
                                               "seconds (setting query-queue-seconds); try again later")
            # until its child is ready (at once if one is idle; a start usually takes well under a
            # second, never charged to the query), its deadline allows for the last start's time
            self._deadlines[key] = time.monotonic() + timeout + 2 * self._startup_seconds
        def take() -> tuple[_Worker, float]:
            worker = self._take()
            deadline = time.monotonic() + timeout
            with self._slots:
                self._deadlines[key] = deadline
            return worker, deadline

        session: QuerySession | None = None
        try:
            session = QuerySession(self, take, timeout)
            yield session
        finally:
            if session is not None and session.held is not None:
                self._give_back(session.held)
            with self._slots:
                del self._deadlines[key]
                self._slots.notify()

    def run(self, store_dir: Path, sparql: str, defaults: list[str], named: list[str], accept: str,
            max_rows: int | None, timeout: float) -> RawResult:
        """Run an already checked query (the pages' own queries use this)."""
        with self.session(timeout) as session:
            return session.run(store_dir, sparql, defaults, named, accept, max_rows)

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
            worker.kill()
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
