"""Dereferencing right after a fresh start, with the build's descriptions: latency, rate, CPU, memory.

    python -m bench.deref_fresh --data OUT [--formats turtle,html] [--clients 8] [--seconds 8] [--label NAME]

Starts `lod serve` on an existing build, and as soon as it answers (no warm-up) runs the
load generator of bench.deref for each format; reports p50/p99, dereferences and HTTP
requests per second, the server's CPU seconds per HTTP request (summed over its processes,
from /proc: the figure that holds on a loaded machine) and its memory (RSS and PSS over every
process). The machine's load average is recorded with the figures. Results go to
bench/results/deref-fresh/{label}.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from pathlib import Path

from bench import deref
from bench.common import ROOT, free_port, machine, start, tree_memory_mib
from bench.run import lod_command, work_paths

RESULTS = ROOT / "bench" / "results" / "deref-fresh"
TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its descendants (alive ones), from /proc."""
    total, frontier, seen = 0.0, [pid], {pid}
    while frontier:
        current = frontier.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
            children = [int(c) for task in Path(f"/proc/{current}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            if child not in seen:
                seen.add(child)
                frontier.append(child)
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--formats", default="turtle,html")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--label", default="fresh")
    args = parser.parse_args(argv)
    port = free_port()
    logs = Path(os.environ.get("LOD_BENCH_WORK", "/tmp/lod-bench")) / "logs"  # the server's log: not a result
    logs.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    server = start("lod serve", [*lod_command(), "serve", "--data", str(args.data), "--host", "127.0.0.1",
                                 "--port", str(port)], port, "/", logs / f"{args.label}.log", timeout=1800)
    result: dict[str, object] = {
        "command": "python -m bench.deref_fresh " + " ".join(argv if argv is not None else os.sys.argv[1:]),
        "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
        "startup_seconds": time.perf_counter() - t0, "runs": [],
    }
    try:
        paths = work_paths(args.data)
        result["works"] = len(paths)
        for fmt in args.formats.split(","):
            load_before = os.getloadavg()
            cpu_before = tree_cpu_seconds(server.proc.pid)
            r = deref.load(port, paths, fmt, args.clients, args.seconds, cap=100_000)
            cpu = tree_cpu_seconds(server.proc.pid) - cpu_before
            result["runs"].append({**r.__dict__, "deref_per_s": r.deref_per_s, "http_per_s": r.http_per_s,  # type: ignore[union-attr]
                                   "server_cpu_ms_per_http_request": 1000 * cpu / max(1, r.http_requests),
                                   "load_before": load_before, "load_after": os.getloadavg()})
            print(json.dumps(result["runs"][-1]), flush=True)  # type: ignore[index]
        memory = tree_memory_mib(server.proc.pid)
        result["memory"] = {k: v for k, v in memory.items() if k != "by_process"}
    finally:
        server.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.label}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["memory"]))


if __name__ == "__main__":
    main()
