"""SPARQL latency of the same query mix on lod serve, a bare Oxigraph server and rdflib.

lod serve and Oxigraph are queried the same way: SPARQL Protocol GET over one keep-alive
HTTP connection on 127.0.0.1, JSON results read to the end. rdflib runs in-process on a
Dataset loaded from the same N-Quads dump (what rdflib-endpoint would serve from); each of
its queries runs in a forked child so that a query over its time budget can be stopped and
reported as "> budget" instead of stalling the benchmark.
"""

from __future__ import annotations

import gzip
import http.client
import json
import multiprocessing
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.common import median, percentile


@dataclass
class QueryTiming:
    """Latencies of one query on one engine; `over_budget` when it never finished in time."""

    engine: str
    query: str
    seconds: list[float] = field(default_factory=list)
    rows: int | None = None
    error: str | None = None
    over_budget: float | None = None

    def summary(self) -> dict[str, object]:
        return {**asdict(self), "median": median(self.seconds), "p95": percentile(self.seconds, 95), "runs": len(self.seconds)}


def http_engine(engine: str, port: int, path: str, queries: dict[str, str], reps: int, budget: float) -> list[QueryTiming]:
    """Each query once to warm up, then up to `reps` times within `budget` seconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=budget + 30)
    results = []
    for name, sparql in queries.items():
        timing = QueryTiming(engine, name)
        url = f"{path}?{urlencode({'query': sparql})}"
        started = time.monotonic()
        for attempt in range(reps + 1):
            t0 = time.perf_counter()
            try:
                conn.request("GET", url, headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as exc:
                timing.error = f"{type(exc).__name__}: {exc}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=budget + 30)
                break
            elapsed = time.perf_counter() - t0
            if response.status != 200:
                timing.error = f"HTTP {response.status}: {body[:200].decode(errors='replace').strip()}"
                break
            if attempt == 0:
                timing.rows = len(json.loads(body)["results"]["bindings"])
            else:
                timing.seconds.append(elapsed)
            if time.monotonic() - started > budget and len(timing.seconds) >= 3:
                break
            if attempt == 0 and elapsed > budget:
                timing.over_budget = budget
                timing.seconds.append(elapsed)
                break
        results.append(timing)
    conn.close()
    return results


_DATASET = None


def _rdflib_worker(sparql: str, reps: int, budget: float, pipe) -> None:  # type: ignore[no-untyped-def]
    times = []
    rows = None
    started = time.monotonic()
    for attempt in range(reps + 1):
        t0 = time.perf_counter()
        result = list(_DATASET.query(sparql))  # type: ignore[union-attr]
        elapsed = time.perf_counter() - t0
        if attempt == 0:
            rows = len(result)
        times.append(elapsed)
        pipe.send(("progress", rows, times))
        if time.monotonic() - started > budget:
            break
    pipe.send(("done", rows, times))


def rdflib_engine(nquads_gz: Path, queries: dict[str, str], reps: int, budget: float) -> tuple[list[QueryTiming], float]:
    """Load the dump into an rdflib Dataset, then time each query in a forked child."""
    global _DATASET
    from rdflib import Dataset

    t0 = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data=gzip.decompress(nquads_gz.read_bytes()), format="nquads")
    load_seconds = time.perf_counter() - t0
    _DATASET = dataset
    context = multiprocessing.get_context("fork")
    results = []
    for name, sparql in queries.items():
        timing = QueryTiming("rdflib", name)
        parent, child = context.Pipe(duplex=False)
        proc = context.Process(target=_rdflib_worker, args=(sparql, reps, budget, child), daemon=True)
        proc.start()
        child.close()
        deadline = time.monotonic() + budget
        state = None
        while time.monotonic() < deadline + 5:
            if parent.poll(max(0.0, min(1.0, deadline + 5 - time.monotonic()))):
                try:
                    state = parent.recv()
                except EOFError:
                    break
                if state[0] == "done":
                    break
            elif not proc.is_alive():
                break
        if proc.is_alive():
            proc.terminate()
        proc.join(10)
        if state is None:
            timing.over_budget = budget
        else:
            _, timing.rows, timing.seconds = state
            if not timing.seconds:
                timing.over_budget = budget
        results.append(timing)
    _DATASET = None
    return results, load_seconds
