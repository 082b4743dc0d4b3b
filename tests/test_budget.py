"""The per-client ledger (lod.web.budget) shared by the server's worker processes and their threads.

Charging races between processes as it does under gunicorn: every charge is recorded, the
concurrency limit holds across processes, and no writer gives up with "database is locked"
(SQLite's own busy handler let writers starve past its timeout under this race)."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading
import time
from pathlib import Path

from lod.web.budget import ClientBudget, OverBudget

PROCESSES, THREADS = 2, 4


def _charge_back_to_back(path: str, charges: int, failures: "mp.Queue[str]") -> None:
    budget = ClientBudget(concurrency=1000, seconds_per_minute=1e9, path=Path(path))

    def run(k: int) -> None:
        try:
            for _ in range(charges):
                with budget.charged(f"client-{k % 3}"):
                    pass
        except Exception as exc:  # reported to the test, which names it
            failures.put(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=run, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_every_charge_is_recorded_when_processes_race(tmp_path: Path) -> None:
    ledger, charges = tmp_path / "ledger.sqlite", 150
    failures: mp.Queue[str] = mp.Queue()
    workers = [mp.Process(target=_charge_back_to_back, args=(str(ledger), charges, failures)) for _ in range(PROCESSES)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0
    assert failures.empty(), failures.get()
    with sqlite3.connect(ledger) as db:
        (spent,) = db.execute("SELECT COUNT(*) FROM spent").fetchone()
        (running,) = db.execute("SELECT COUNT(*) FROM running").fetchone()
    assert spent == PROCESSES * THREADS * charges
    assert running == 0


def _hold(path: str, inside: "mp.Value", most: "mp.Value", refused: "mp.Value") -> None:  # type: ignore[type-arg]
    budget = ClientBudget(concurrency=2, seconds_per_minute=1e9, path=Path(path))

    def run() -> None:
        for _ in range(5):
            try:
                with budget.charged("one-client"):
                    with inside.get_lock():
                        inside.value += 1
                        most.value = max(most.value, inside.value)
                    time.sleep(0.02)
                    with inside.get_lock():
                        inside.value -= 1
            except OverBudget:
                with refused.get_lock():
                    refused.value += 1

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_concurrency_limit_holds_across_processes(tmp_path: Path) -> None:
    inside, most, refused = mp.Value("i", 0), mp.Value("i", 0), mp.Value("i", 0)
    workers = [mp.Process(target=_hold, args=(str(tmp_path / "ledger.sqlite"), inside, most, refused))
               for _ in range(PROCESSES)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert most.value == 2  # six threads in two processes, never more than the client's two at once
    assert refused.value > 0
