"""Dereferencing right after a fresh start, with the build's descriptions: latency, rate, CPU, memory.

    python -m bench.deref_fresh --data OUT [--formats turtle,html] [--clients 8] [--seconds 8] [--label NAME]
                                [--loadgen python|wrk] [--gzip]

Starts `lod serve` on an existing build, and as soon as it answers (no warm-up) runs the
load generator of bench.deref (or wrk, bench.wrk: a C client that leaves the cores to the
server) for each format; reports p50/p99, dereferences and HTTP
requests per second, the server's CPU seconds per HTTP request (summed over its processes,
from /proc: the figure that holds on a loaded machine) and its memory (RSS and PSS over every
process). The machine's load average is recorded with the figures. Results go to
bench/results/deref-fresh/{label}.json.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click

from lod import settings
from lod.cli import setting_option

from bench import deref, wrk
from bench.common import ROOT, free_port, machine, start, tree_cpu_seconds, tree_memory_mib
from bench.run import lod_command, work_paths

RESULTS = ROOT / "bench" / "results" / "deref-fresh"
READY_PATH = "/.well-known/void"
"""Asked until the server answers: a file of the build, like the descriptions measured. Not the home
page, whose counts scan the whole store (40 s a request on the loaded machine: the probe's 5 s
timeouts piled up queries instead of starting the run)."""



@click.command(help=(__doc__ or "").splitlines()[0])
@setting_option("data")
@click.option("--formats", default="turtle,html", show_default=True)
@click.option("--clients", type=int, default=8, show_default=True)
@click.option("--seconds", type=float, default=8.0, show_default=True)
@click.option("--label", default="fresh", show_default=True)
@click.option("--loadgen", type=click.Choice(["python", "wrk"]), default="python", show_default=True,
              help="bench.deref's Python threads, or wrk (make wrk-deps)")
@click.option("--gzip", is_flag=True,
              help="wrk's clients send Accept-Encoding: gzip, as browsers and HTTP libraries do (the build's "
                   "compressed files are then sent as they are)")
@click.pass_obj
def command(argv: list[str], **options: Any) -> None:
    run(SimpleNamespace(**{**options, "data": Path(settings.value("data", options["data"]))}), argv)


def main(argv: list[str] | None = None) -> None:
    """`python -m bench.deref_fresh …` (--data is lod's own option)."""
    argv = sys.argv[1:] if argv is None else argv
    command.main(args=argv, obj=argv, prog_name="python -m bench.deref_fresh")


def run(args: Any, argv: list[str] | None) -> None:
    port = free_port()
    logs = Path(os.environ.get("LOD_BENCH_WORK", "/tmp/lod-bench")) / "logs"  # the server's log: not a result
    logs.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    server = start("lod serve", [*lod_command(), "serve", "--data", str(args.data), "--host", "127.0.0.1",
                                 "--port", str(port)], port, READY_PATH, logs / f"{args.label}.log", timeout=1800)
    if args.loadgen == "wrk" and not wrk.available():
        raise SystemExit("wrk is not installed: make wrk-deps (Debian package wrk)")
    result: dict[str, object] = {
        "loadgen": args.loadgen, "accept_encoding": "gzip" if args.gzip else "",
        "command": "python -m bench.deref_fresh " + " ".join(argv or []),
        "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
        "startup_seconds": time.perf_counter() - t0, "runs": [],
    }
    try:
        paths = work_paths(args.data)
        result["works"] = len(paths)
        for fmt in args.formats.split(","):
            load_before = os.getloadavg()
            cpu_before = tree_cpu_seconds(server.proc.pid)
            if args.loadgen == "wrk":
                r = wrk.load(port, paths, fmt, args.clients, args.seconds, "gzip" if args.gzip else "")
            else:
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
