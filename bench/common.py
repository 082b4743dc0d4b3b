"""What every benchmark needs: the machine, versions, percentiles, loopback servers, RSS.

Benchmarks only ever talk to 127.0.0.1 and every wait here is bounded, so a broken server
makes a benchmark report a failure instead of hanging `make bench`.
"""

from __future__ import annotations

import http.client
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def machine() -> dict[str, str]:
    """nproc, memory and CPU model, as docs/benchmarks.md reports them."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "memory": memory, "cpu": cpu, "os": platform.platform()}


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in ("rdflib", "pyoxigraph", "pyshacl", "oxigraph", "flask", "gunicorn"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def file_create_us(near: Path, files: int = 300) -> float:
    """CPU microseconds to create one empty file in a new folder beside `near` (removed after).

    On this machine's ext4 without a journal, creating a file costs 20 µs, or 100-500 µs for some
    minutes after many files were deleted (the kernel skips each recently deleted inode number,
    ext4's recently_deleted(), found with `perf record -g`): a build that writes 126,000 files
    then spends half a minute more of system time. Each build benchmark records it, so a run
    after a large deletion is recognized for what it is."""
    folder = Path(tempfile.mkdtemp(prefix=".lod-fs-probe-", dir=near.parent))
    try:
        started = time.process_time()
        for n in range(files):
            os.close(os.open(folder / f"{n}", os.O_WRONLY | os.O_CREAT, 0o644))
        return (time.process_time() - started) / files * 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100); what "p95 latency" means here."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(port: int, path: str, timeout: float, proc: subprocess.Popen | None = None) -> bool:  # type: ignore[type-arg]
    """Poll until the server answers `path` (any status below 500), the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            status = conn.getresponse().status
            conn.close()
            if status < 500:
                return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants (gunicorn's workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, frontier, seen = 0.0, [pid], {pid}
    while frontier:
        current = frontier.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            children = [int(c) for task in Path(f"/proc/{current}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        except OSError:
            continue
        frontier += [c for c in children if c not in seen]
        seen.update(children)
    return total


def tree_memory_mib(pid: int) -> dict[str, object]:
    """Resident (RSS) and proportional (PSS) memory of a process and all its descendants.

    gunicorn workers share the master's pages after fork; summing RSS counts those pages once
    per worker, PSS divides them among the sharers, so PSS is the honest "memory used"."""
    totals: dict[str, object] = {"rss": 0.0, "pss": 0.0}
    processes = []
    seen = {pid}
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        try:
            memory = {"pid": current, "rss": 0.0, "pss": 0.0,
                      "command": " ".join(Path(f"/proc/{current}/cmdline").read_text().split("\0"))[:120]}
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                key = line.split(":")[0]
                if key in ("Rss", "Pss"):
                    memory[key.lower()] = int(line.split()[1]) / 1024
            children = [c for task in Path(f"/proc/{current}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        except OSError:
            continue
        processes.append(memory)
        totals["rss"] = float(totals["rss"]) + memory["rss"]  # type: ignore[arg-type]
        totals["pss"] = float(totals["pss"]) + memory["pss"]  # type: ignore[arg-type]
        for child in map(int, children):
            if child not in seen:
                seen.add(child)
                frontier.append(child)
    totals["processes"] = float(len(processes))
    totals["by_process"] = processes
    return totals


@dataclass
class Server:
    """A server process the benchmark started, stopped by its own pid only."""

    name: str
    proc: subprocess.Popen  # type: ignore[type-arg]
    port: int
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start(name: str, argv: list[str], port: int, ready_path: str, log: Path, timeout: float,
          env: dict[str, str] | None = None) -> Server:
    """Start a loopback server and wait until it answers; raise with its log when it does not."""
    handle = log.open("wb")
    proc = subprocess.Popen(argv, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT,
                            env={**os.environ, **(env or {})})
    server = Server(name, proc, port, log)
    if not wait_http(port, ready_path, timeout, proc):
        server.stop()
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{name} did not come up on 127.0.0.1:{port} within {timeout:.0f}s:\n{tail}")
    return server


def run_clients(clients: int, client: Callable[..., None], args_of: Callable[[int], tuple[object, ...]],
                seconds: float) -> float:
    """Run `clients` threads of `client(*args_of(k))` for a load that lasts `seconds`; the wall
    seconds from the first start to the last end (a stuck client is given up a minute later)."""
    threads = [threading.Thread(target=client, args=args_of(k), daemon=True) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    return time.perf_counter() - t0
