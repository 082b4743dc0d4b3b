"""Dereferencing load: resolution IRIs in Turtle, JSON-LD and HTML at 1, 8 and 32 clients.

A small load generator (threads, one keep-alive http.client connection each) instead of wrk,
so it runs wherever Python does and follows the server's 303 the way a Linked Data client
does: GET the work IRI with an Accept header (303 See Other → …/data.{ext}), then GET the
description (200). One "dereference" is that pair; HTTP requests/s counts both. Every run is
bounded by a duration and a request cap, on 127.0.0.1 only. The client shares the machine's
cores with the server and holds the GIL, so at high concurrency it is part of what is
measured; docs/benchmarks.md says so next to the figures.
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from bench.common import percentile, run_clients
from lod import formats

ACCEPT = {"turtle": formats.TURTLE.mime, "jsonld": formats.JSONLD.mime, "html": formats.HTML.mime,
          "rdfxml": formats.RDFXML.mime, "ntriples": formats.NTRIPLES.mime}
"""The formats a work IRI is asked for, by the name the benchmarks' --formats option takes."""


@dataclass
class LoadResult:
    fmt: str
    clients: int
    seconds: float
    dereferences: int
    http_requests: int
    errors: int
    p50_ms: float
    p99_ms: float
    http_p50_ms: float
    http_p99_ms: float
    first_error: str | None = None

    @property
    def deref_per_s(self) -> float:
        return self.dereferences / self.seconds if self.seconds else 0.0

    @property
    def http_per_s(self) -> float:
        return self.http_requests / self.seconds if self.seconds else 0.0


def _client(port: int, paths: list[str], offset: int, accept: str, stop: float, cap: int,
            out: list[tuple[float, list[float]]], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    done = 0
    while time.monotonic() < stop and done < cap:
        path = paths[i % len(paths)]
        i += 1
        done += 1
        hops: list[float] = []
        t0 = time.perf_counter()
        try:
            for _ in range(3):
                h0 = time.perf_counter()
                conn.request("GET", path, headers={"Accept": accept})
                response = conn.getresponse()
                response.read()
                hops.append(time.perf_counter() - h0)
                if response.status in (301, 302, 303, 307, 308):
                    location = urlsplit(response.getheader("Location", ""))
                    path = location.path + (f"?{location.query}" if location.query else "")
                    continue
                break
            if response.status != 200:
                errors.append(f"HTTP {response.status} for {path}")
                continue
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        out.append((time.perf_counter() - t0, hops))
    conn.close()


def load(port: int, paths: list[str], fmt: str, clients: int, duration: float, cap: int) -> LoadResult:
    """Run `clients` threads for `duration` seconds (at most `cap` dereferences each)."""
    samples: list[tuple[float, list[float]]] = []
    errors: list[str] = []
    stop = time.monotonic() + duration
    elapsed = run_clients(clients, _client,
                          lambda k: (port, paths, k * 7919, ACCEPT[fmt], stop, cap, samples, errors), duration)
    deref = [s for s, _ in samples]
    hops = [h for _, hs in samples for h in hs]
    return LoadResult(
        fmt, clients, elapsed, len(samples), len(hops), len(errors),
        percentile(deref, 50) * 1000, percentile(deref, 99) * 1000,
        percentile(hops, 50) * 1000, percentile(hops, 99) * 1000,
        errors[0] if errors else None,
    )
