"""A mixed load on `lod serve` at 8 and 32 clients while slow clients hold connections open.

`python -m bench.hostile_load --seconds 300` synthesizes and builds N documents (lod.synth,
seed 0), starts `lod serve` on loopback with its default settings, and runs, for each client
count, `seconds` of ordinary traffic: each client (its own loopback address, as distinct people
are) cycles through HTML pages, RDF descriptions by content negotiation, per-document Turtle
files, the dumps page and small SPARQL queries, on a kept-alive connection. Meanwhile
`--slow` connections send a request head a byte a second (and reconnect when the server closes
them), and optionally `--runaway` and `--large` hostile queries run (bench/hostile.py). An error
is any ordinary request answered 4xx/5xx or not at all. Results go to
bench/results/hostile/{label}.json, which bench/report.py renders into docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import click

from bench.common import PYTHON, ROOT, free_port, machine, percentile, start, tree_memory_mib, versions
from bench.hostile import clients_for, hostile
from lod.cli import setting_option
from lod.rdf.namespaces import prefix_lines

RESULTS = ROOT / "bench" / "results" / "hostile"

SMALL_QUERIES = (
    prefix_lines("unres") + "SELECT ?work ?symbol WHERE { GRAPH ?work { ?work unres:symbol ?symbol } } LIMIT 20",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?type } }",
)


def _plan(works: list[str], slugs: list[str], base: str) -> list[tuple[str, str, bytes | None, dict[str, str]]]:
    """One client's cycle of ordinary requests (method, path, body, headers)."""
    plan: list[tuple[str, str, bytes | None, dict[str, str]]] = []
    for k, work in enumerate(works):
        path = work[len(base):]
        plan.append(("GET", path, None, {"Accept": "text/html"}))
        plan.append(("GET", path, None, {"Accept": "text/turtle"}))
        plan.append(("GET", f"/documents/{slugs[k % len(slugs)]}.ttl", None, {}))
        if k % 5 == 0:
            plan.append(("GET", "/documents", None, {"Accept": "text/html"}))
            plan.append(("GET", "/dumps/", None, {"Accept": "text/html"}))
        if k % 3 == 0:
            query = SMALL_QUERIES[k % len(SMALL_QUERIES)]
            plan.append(("GET", "/sparql?query=" + quote(query, safe=""), None,
                         {"Accept": "application/sparql-results+json"}))
    return plan


def _level(url: str, plan: list[tuple[str, str, bytes | None, dict[str, str]]], clients: int, seconds: float) -> dict[str, object]:
    tally, elapsed = clients_for(url, lambda k: lambda i: plan[(k * 7 + i) % len(plan)], clients, seconds,
                                 first_address=100, timeout=60)
    errors = sum(n for status, n in tally.statuses.items() if status >= 400) + len(tally.failures)
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": tally.count, "per_second": round(tally.count / elapsed, 1),
        "errors": errors, "statuses": {str(s): n for s, n in sorted(tally.statuses.items())},
        "first_failures": tally.failures[:5],
        "p50_ms": round(percentile(tally.latencies, 50) * 1000, 1), "p99_ms": round(percentile(tally.latencies, 99) * 1000, 1),
        "max_ms": round(max(tally.latencies, default=0) * 1000, 1),
    }


@click.command(help=(__doc__ or "").splitlines()[0])
@click.option("--documents", type=int, default=1000, show_default=True, help="synthetic documents to build and serve")
@click.option("--seconds", type=float, default=300, show_default=True, help="seconds of load per client count")
@click.option("--clients", default="8,32", show_default=True, help="client counts, one run each")
@click.option("--slow", type=int, default=20, show_default=True, help="connections sending a byte a second throughout")
@click.option("--runaway", type=int, default=0, show_default=True,
              help="runaway queries in flight throughout, each its own address")
@click.option("--large", type=int, default=0, show_default=True, help="large (15 kB) queries in flight throughout")
@click.option("--label", default="hostile-load", show_default=True)
@setting_option("access-log", default=False)
@click.option("--work", type=click.Path(path_type=Path), default=None,
              help="folder for the corpus and build (default: a temporary one)")
def command(**options: Any) -> None:
    run(SimpleNamespace(**options))


def main(argv: list[str] | None = None) -> None:
    command.main(args=argv, prog_name="python -m bench.hostile_load")


def run(args: Any) -> None:
    work = args.work or Path(tempfile.mkdtemp(prefix="lod-hostile-"))
    corpus, out = work / "corpus", work / "output"
    if not (out / "report.json").exists():
        subprocess.run([PYTHON, "-m", "lod.cli", "corpus", "synth", str(args.documents), "--out", str(corpus)],
                       cwd=ROOT, check=True, capture_output=True)
        subprocess.run([PYTHON, "-m", "lod.cli", "build", str(corpus), "--out", str(out), "--jobs", "2"],
                       cwd=ROOT, check=True, capture_output=True)
    report = json.loads((out / "report.json").read_text())
    published = [d for d in report["documents"] if d["status"] == "published"]
    works = sorted({d["work"] for d in published})
    slugs = sorted(d["slug"] for d in published)
    plan = _plan(works, slugs, report["base"])

    port = free_port()
    server = start("lod serve", [PYTHON, "-m", "lod.serve", "--data", str(out), "--port", str(port),
                                 "--access-log", "1" if args.access_log else "0"],
                   port, "/", work / "server.log", timeout=600)
    url = f"http://127.0.0.1:{port}"
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    levels = []
    try:
        with hostile(url, slow=args.slow, runaway=args.runaway, large=args.large, first_address=10) as tallies:
            for clients in (int(c) for c in args.clients.split(",")):
                levels.append(_level(url, plan, clients, args.seconds))
                levels[-1]["memory_mib"] = {k: round(float(v), 1) for k, v in tree_memory_mib(server.proc.pid).items()
                                            if k in ("rss", "pss", "processes")}
                print(json.dumps(levels[-1]), flush=True)
        hostile_seen = {kind: {str(s): n for s, n in sorted(t.statuses.items())} | {"reconnects": len(t.failures)}
                        for kind, t in tallies.items()}
    finally:
        server.stop()
    result = {
        "label": args.label, "started": started, "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": "python -m bench.hostile_load " + " ".join(sys.argv[1:]),
        "machine": machine(), "versions": versions(), "documents": len(published),
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "background": {"slow": args.slow, "runaway": args.runaway, "large": args.large}, "hostile_seen": hostile_seen,
        "levels": levels,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{args.label}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(path)


if __name__ == "__main__":
    main()
