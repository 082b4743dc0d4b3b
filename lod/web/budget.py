"""Per-client budgets on the SPARQL endpoint: queries at once, and query seconds per minute.

Like the Wikidata Query Service: a client over budget gets 429 with a Retry-After saying when
it may come back, instead of slowing everybody down. Clients are told apart by remote address.

The ledger is a small SQLite file shared by all gunicorn workers of one server (a per-process
counter would multiply every limit by the number of workers). A running query whose worker died
stops counting after `stale_after` seconds, so a crash cannot lock a client out.

Writers take turns on an `flock` of a file beside the ledger before they open a transaction.
SQLite's own busy handler polls with sleeps that grow to 100 ms and favours no one: measured
with 2 processes × 4 threads charging queries back to back (/tmp-free: tests/test_budget.py
runs the same race), p99 was 92 ms, the slowest 8.2 s, and some waited past the 10 s timeout
and failed with "database is locked"; the kernel's lock queue wakes the next writer as soon as
the lock is free. Each thread opens its own lock file description (flock is per description).
"""

from __future__ import annotations

import fcntl
import math
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

WINDOW = 60.0
OVER_BUDGET = ("too many queries from your address: wait and try again "
               "(settings client-concurrency, client-seconds-per-minute)")


class OverBudget(Exception):
    """The client may not start another query now; `retry_after` says in how many seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(OVER_BUDGET)
        self.retry_after = retry_after


@dataclass
class ClientBudget:
    concurrency: int
    seconds_per_minute: float
    path: Path
    stale_after: float = 600.0
    _local: threading.local = field(default_factory=threading.local)

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            # a fairness counter, not a record: losing the last writes in a power cut is harmless,
            # an fsync per query is not (it was most of the ledger's cost per request)
            conn.execute("PRAGMA synchronous=OFF")
            with self._turn():  # the journal mode too: setting it waits for writers, which never pause in a race
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("CREATE TABLE IF NOT EXISTS running (id INTEGER PRIMARY KEY, client TEXT, started REAL)")
                conn.execute("CREATE TABLE IF NOT EXISTS spent (client TEXT, at REAL, seconds REAL)")
                # a minute of queries is thousands of rows: without these each charge scanned them all
                conn.execute("CREATE INDEX IF NOT EXISTS spent_by_client ON spent (client, at)")
                conn.execute("CREATE INDEX IF NOT EXISTS spent_by_time ON spent (at)")
                conn.execute("CREATE INDEX IF NOT EXISTS running_by_client ON running (client)")
            self._local.conn = conn
        return conn

    @contextmanager
    def _turn(self) -> Iterator[None]:
        """This thread's turn to write the ledger (an exclusive flock; see the module's docstring)."""
        fd = getattr(self._local, "lock", None)
        if fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = self._local.lock = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def acquire(self, client: str) -> tuple[int | None, int | None]:
        """Start a query for `client`: (ticket, None) if allowed, else (None, seconds to wait)."""
        db = self._db()
        with self._turn():
            return self._acquire(db, client, time.time())

    def _acquire(self, db: sqlite3.Connection, client: str, now: float) -> tuple[int | None, int | None]:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM running WHERE started < ?", (now - self.stale_after,))
            (running,) = db.execute("SELECT COUNT(*) FROM running WHERE client = ?", (client,)).fetchone()
            if running >= self.concurrency:
                db.execute("ROLLBACK")
                return None, 1
            used, oldest = db.execute(
                "SELECT COALESCE(SUM(seconds), 0), MIN(at) FROM spent WHERE client = ? AND at > ?",
                (client, now - WINDOW),
            ).fetchone()
            if used >= self.seconds_per_minute:
                db.execute("ROLLBACK")
                return None, max(1, math.ceil(oldest + WINDOW - now))
            ticket = db.execute("INSERT INTO running (client, started) VALUES (?, ?)", (client, now)).lastrowid
            db.execute("COMMIT")
            return ticket, None
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def release(self, ticket: int, client: str, seconds: float) -> None:
        db = self._db()
        with self._turn():
            now = time.time()
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM running WHERE id = ?", (ticket,))
            db.execute("INSERT INTO spent (client, at, seconds) VALUES (?, ?, ?)", (client, now, seconds))
            db.execute("DELETE FROM spent WHERE at < ?", (now - WINDOW,))
            db.execute("COMMIT")

    @contextmanager
    def charged(self, client: str) -> Iterator[None]:
        """Run the block as one of `client`'s queries, its time charged to the client; raises
        `OverBudget` before the block when the client is over its concurrency or its seconds."""
        ticket, wait = self.acquire(client)
        if ticket is None:
            raise OverBudget(wait or 1)
        started = time.monotonic()
        try:
            yield
        finally:
            self.release(ticket, client, time.monotonic() - started)
