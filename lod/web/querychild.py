"""The query process itself: what runs inside each killable child of lod.web.querypool.

A child leaves the network and caps its memory before it opens anything (lod.web.sandbox), then
answers tasks from its pipe. It lives in its own module so that the pool's module stays about
the parent's bookkeeping, and the forkserver preloads exactly what a child needs.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lod.store import QueryError
from lod.web import sandbox
from lod.web.guard import Rejected, check_query

QUERY_NICENESS = 10
"""Query processes yield the CPU to the web workers (pages and descriptions first)."""


def child_main(conn: Connection, errors: Connection, memory_mb: int, allow_unconfined: bool) -> None:
    """Child main loop: leave the network, cap memory, then open stores lazily (one per build
    version) and answer tasks: ("check", text), ("run", ...) and ("probe", host, port)."""
    os.dup2(errors.fileno(), 2)  # last words (an allocator's abort message) go to the parent
    os.set_blocking(2, False)  # and never block the child if nobody reads them
    try:
        how = sandbox.confine(allow_unconfined=allow_unconfined)
    except sandbox.Unconfined as exc:
        conn.send(("unconfined", str(exc)))
        return
    sandbox.limit_memory(memory_mb)
    os.nice(QUERY_NICENESS)
    from lod.store import OxigraphStore  # the child imports only what it needs

    stores: dict[str, Any] = {}
    conn.send(("ready", how))  # imports done: from now on only query time counts
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        try:
            if task[0] == "check":
                checked = check_query(task[1])
                conn.send(("checked", checked.form, checked.dataset_in_query))
            elif task[0] == "probe":
                conn.send(("probed", sandbox.probe(task[1], task[2])))
            else:
                _, store_dir, sparql, defaults, named, accept, max_rows = task
                store = stores.get(store_dir)
                if store is None:
                    stores.clear()  # an older build is no longer needed
                    store = stores[store_dir] = OxigraphStore.open_read_only(Path(store_dir))
                result = store.query(sparql, defaults, named, accept, max_rows)
                conn.send(("ok", result.content_type, result.body, result.kind, result.count))
        except Rejected as exc:
            conn.send(("error", exc.status, str(exc)))
        except QueryError as exc:
            conn.send(("error", exc.status, str(exc)))
        except MemoryError:
            death = sandbox.cause_of_death(None, "MemoryError", memory_mb)
            conn.send(("error", death.status, death.message))
        except Exception as exc:  # noqa: BLE001 - any engine failure becomes a clean answer
            conn.send(("error", 400, f"{type(exc).__name__}: {exc}"))


@dataclass
class Worker:
    process: mp.process.BaseProcess
    conn: Connection
    errors: Connection
    ready: bool = False
    confinement: str = ""
    idle_since: float = field(default_factory=time.monotonic)

    def last_words(self) -> str:
        """What the child wrote on stderr since last asked (passed on to our own log)."""
        chunks = []
        try:
            while self.errors.poll(0):
                chunk = os.read(self.errors.fileno(), 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            pass
        text = b"".join(chunks).decode("utf-8", "replace")
        if text:
            sys.stderr.write(f"[query process {self.process.pid}] {text}")
        return text

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()
        self.errors.close()


