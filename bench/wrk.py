"""Dereferencing load from wrk (a C load generator) instead of bench.deref's Python threads.

The Python load generator shares the two cores with the server and holds the GIL: at 8 clients
it takes more CPU than the server it measures, so its latencies and rates are partly its own.
wrk (Debian package `wrk`; `make wrk-deps`) uses a few percent of a core for the same load. The
walk (bench/walk.lua) alternates each work IRI with the description it redirects to, found once
from the first work's 303, so the mix is the same as bench.deref's (one 303, one 200 per
dereference). wrk measures each HTTP request; a dereference's own latency (both hops) is not
measured, so `p50_ms`/`p99_ms` of the result are NaN and the `http_` figures are the ones to read.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from bench.deref import ACCEPT, LoadResult

WALK = Path(__file__).with_name("walk.lua")
THREADS = 2
"""wrk threads: one per core of this machine."""


def available() -> bool:
    return shutil.which("wrk") is not None


def _location(conn: http.client.HTTPConnection, path: str, accept: str) -> str:
    """The path the server's 303 for `path` names."""
    conn.request("GET", path, headers={"Accept": accept})
    response = conn.getresponse()
    response.read()
    location = response.getheader("Location") if response.status == 303 else None
    if location is None:
        raise RuntimeError(f"{path} answered {response.status}, not 303, for Accept: {accept}")
    target = urlsplit(location)
    return target.path + (f"?{target.query}" if target.query else "")


def walk(port: int, paths: list[str], accept: str) -> list[str]:
    """Each work IRI's path followed by the path of the description its 303 names.

    Only the first work is asked: its answer gives the suffix the server adds to a work's path
    (`/data.ttl`), which the others are checked against by wrk itself (a wrong path counts as an
    error). Asking every work first would be a warm-up of the very path the run measures."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        first = _location(conn, paths[0], accept)
    finally:
        conn.close()
    if not first.startswith(paths[0] + "/"):
        raise RuntimeError(f"{paths[0]} redirects to {first}, not below itself: the walk cannot be derived")
    suffix = first[len(paths[0]):]
    return [hop for path in paths for hop in (path, path + suffix)]


def load(port: int, paths: list[str], fmt: str, clients: int, duration: float, encoding: str = "") -> LoadResult:
    """`clients` keep-alive connections from wrk for `duration` seconds over the walk of `paths`;
    `encoding` is the Accept-Encoding they send (none by default: the server then decompresses
    the build's gzip files for every 200)."""
    accept = ACCEPT[fmt]
    figures = run(WALK, port, walk(port, paths, accept), clients, duration,
                  {"WRK_ACCEPT": accept, "WRK_ENCODING": encoding})
    seconds, errors = figures["microseconds"] / 1e6, error_count(figures)
    return LoadResult(
        fmt, clients, seconds, figures["requests"] // 2, figures["requests"], errors,
        float("nan"), float("nan"), figures["p50_ms"], figures["p99_ms"],
        f"{errors} errors from wrk: {figures}" if errors else None,
    )


def run(script: Path, port: int, paths: list[str], clients: int, duration: float,
        env: dict[str, str] | None = None) -> dict[str, float]:
    """wrk with `script` (bench/walk.lua) over `paths` (the file WRK_PATHS names)
    for `duration` seconds from `clients` connections: the JSON line the script prints at its end."""
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        proc = subprocess.run(
            ["wrk", f"-t{min(THREADS, clients)}", f"-c{clients}", f"-d{max(1, round(duration))}s", "--latency",
             "-s", str(script), f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, timeout=duration + 60, check=True,
            env={"WRK_PATHS": listing.name, "PATH": "/usr/bin:/bin", **(env or {})},
        )
    finally:
        Path(listing.name).unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def error_count(figures: dict[str, float]) -> int:
    """Requests wrk counted as failed (a status of 400 or more, a connect, read, write or timeout error)."""
    return int(sum(v for k, v in figures.items() if k.startswith("errors_")))
