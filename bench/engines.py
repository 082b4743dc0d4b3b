"""The three stores side by side on one synthetic corpus, and the check that they agree.

    python -m bench.engines --n 10000 [--engines oxigraph,virtuoso] [--work DIR] [--reps 5]

Synthesizes N documents (`lod corpus synth`), builds them (`lod build --jobs 2`), then for each
external engine: starts it on 127.0.0.1 with its own data directory (tests/engines.py), publishes
the build (`lod publish`; Virtuoso by its bulk loader), and checks that every example query
(lod.rdf.examples) and the graphs of a random sample of works give the same answers as the
embedded store. Then it times the SPARQL mix (bench/queries.py) three ways: the engine's own
endpoint, `lod serve`'s /sparql over that engine (the Flask app in-process: guard, limits,
answer checked and re-serialized), and `lod serve` over the embedded store; and it reads the
engine's memory. Every query's figures are the median wall time and the CPU per call (lod's
side: this process and its query processes; the engine's side: its process tree), the figure
that holds on a loaded machine. Then it dereferences through `lod serve` (gunicorn, the real
server) over each store at 8 and 32 clients (bench.deref's load generator): work IRIs as Turtle
(the build's files: the engine is not asked) and State pages as HTML (SPARQL on the engine per
request). Prints a Markdown report; exits 1 when any answer differs (what `make engine-test`
checks).
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from bench import deref
from bench.common import free_port, median, start, tree_cpu_seconds, tree_memory_mib
from bench.queries import query_mix

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the engines' starters are shared with the tests

JSON = {"Accept": "application/sparql-results+json"}
UNLIMITED = {"query-network-unconfined": True, "max-rows": 100000, "query-timeout": 60.0,
             "client-seconds-per-minute": 1e9, "query-queue-seconds": 120.0}
"""One benchmark client asks everything: the per-client budget and queue limits would refuse it."""
SAMPLE = 50
"""Works whose graphs are compared between the embedded store and each engine."""
ENGINE_ROWS = 1_000_000
"""Virtuoso's ResultSetMaxRows in the benchmark: above UNLIMITED's max-rows (docs/deploy.md)."""
MIN_SECONDS = 2.0
MAX_CALLS = 50
CLIENTS = (8, 32)
DEREF_SECONDS = 10.0
STATE_PAGES = 40
"""State pages (/states/XXX, answered by SPARQL on the store) among the dereferenced HTML paths."""


@dataclass
class Timing:
    """One query (or page) on one route: median wall seconds, CPU seconds per call on lod's side
    and on the engine's; or the HTTP status that stopped it."""

    wall: float | str
    lod_cpu: float = 0.0
    engine_cpu: float = 0.0


@dataclass
class EngineRun:
    kind: str
    load_seconds: float = 0.0
    load_cpu: float = 0.0
    memory_mib: float = 0.0
    differences: list[str] = field(default_factory=list)
    refused_alike: list[str] = field(default_factory=list)
    """Example queries both stores refused with the same status (413 past max-rows)."""
    times: dict[str, dict[str, Timing]] = field(default_factory=dict)
    deref: list[str] = field(default_factory=list)


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def lod(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "lod.cli", *args], check=True, cwd=ROOT)


def prepare(n: int, work: Path) -> tuple[Path, float, float]:
    corpus, build = work / "corpus", work / "build"
    started, used = time.monotonic(), cpu()
    if not (build / "report.json").is_file():
        if not corpus.is_dir():
            lod("corpus", "synth", str(n), "--out", str(corpus))
        lod("build", str(corpus), "--out", str(build), "--jobs", "2")
    return build, time.monotonic() - started, cpu() - used


def answers(body: bytes) -> object:
    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    names = [v.value for v in result.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in result)


def timed(call, reps: int, engine_pid: int | None = None) -> Timing:  # type: ignore[no-untyped-def]
    """Median wall seconds of at least `reps` calls after one warm-up (more, up to MAX_CALLS, for
    a query faster than MIN_SECONDS in all: /proc counts CPU in 10 ms ticks), with the CPU per
    call of this process tree (minus the engine's, which runs as our child) and of the engine."""
    status, _ = call()
    if status != 200:
        return Timing(f"HTTP {status}")
    seconds: list[float] = []
    total, engine = tree_cpu_seconds(os.getpid()), tree_cpu_seconds(engine_pid) if engine_pid else 0.0
    while len(seconds) < reps or (sum(seconds) < MIN_SECONDS and len(seconds) < MAX_CALLS):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    engine_used = (tree_cpu_seconds(engine_pid) - engine) if engine_pid else 0.0
    lod_used = max(0.0, tree_cpu_seconds(os.getpid()) - total - engine_used)
    return Timing(median(seconds), lod_used / len(seconds), engine_used / len(seconds))


def dereference(build: Path, label: str, logs: Path, store: tuple[str, str] | None = None) -> list[str]:
    """`lod serve` (gunicorn) over `store` (URL, kind; None: the embedded store) at CLIENTS:
    Markdown rows of dereferences/s, p50/p99 and the server's CPU per HTTP request."""
    from bench.run import lod_command, work_paths

    port = free_port()
    env = {"LOD_" + k.upper().replace("-", "_"): str(v).lower() if isinstance(v, bool) else str(v)
           for k, v in UNLIMITED.items()}
    extra = ["--store", store[0], "--engine", store[1]] if store else []
    server = start(f"lod serve ({label})", [*lod_command(), "serve", "--data", str(build), "--host", "127.0.0.1",
                                            "--port", str(port), *extra], port, "/sparql", logs / f"serve-{label}.log",
                   timeout=1800, env=env)
    rows = []
    try:
        works = work_paths(build)
        states = [f"/states/{code}" for code in _state_codes(build)[:STATE_PAGES]]
        for fmt, paths in (("turtle", works), ("html", states)):
            for clients in CLIENTS:
                load_before, cpu_before = os.getloadavg()[0], tree_cpu_seconds(server.proc.pid)
                engine_pid = _engine_pid(store)
                engine_before = tree_cpu_seconds(engine_pid) if engine_pid else 0.0
                r = deref.load(port, paths, fmt, clients, DEREF_SECONDS, cap=100_000)
                cpu = tree_cpu_seconds(server.proc.pid) - cpu_before
                engine_cpu = (tree_cpu_seconds(engine_pid) - engine_before) if engine_pid else 0.0
                what = "work IRI → Turtle (file)" if fmt == "turtle" else "State page, HTML (SPARQL)"
                rows.append(f"| {label} | {what} | {clients} | {r.deref_per_s:.1f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
                            f"{1000 * cpu / max(1, r.http_requests):.2f} | {1000 * engine_cpu / max(1, r.http_requests):.2f} | "
                            f"{r.errors} | {load_before:.1f} |")
                print(rows[-1], file=sys.stderr, flush=True)
    finally:
        server.stop()
    return rows


ENGINE_PIDS: dict[str, int] = {}
"""The running engines' pids by URL, so the dereferencing figures can count the engine's CPU."""


def _engine_pid(store: tuple[str, str] | None) -> int | None:
    return ENGINE_PIDS.get(store[0]) if store else None


def _state_codes(build: Path) -> list[str]:
    """ISO3 codes of the States that sponsored documents of the build, most frequent first."""
    import gzip
    import re
    from collections import Counter

    found: Counter[str] = Counter()
    with gzip.open(build / "dumps" / "lod.nt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if "#docProponent>" in line:
                m = re.search(r"/id/state/([A-Z]{3})>", line)
                if m:
                    found[m.group(1)] += 1
    return [code for code, _ in found.most_common()]


def run_engine(kind: str, build: Path, folder: Path, embedded, mix: dict[str, str], reps: int,  # type: ignore[no-untyped-def]
               deref_logs: Path | None) -> EngineRun:
    import requests

    from engines import TEST_PASSWORD, oxigraph_server, virtuoso_server
    from lod.engines import open_engine
    from lod.engines.base import Credentials
    from lod.engines.publish import publish
    from lod.rdf.examples import EXAMPLES
    from lod.store.choose import remote_store
    from lod.web import create_app

    run = EngineRun(kind)
    starter = oxigraph_server if kind == "oxigraph" else functools.partial(virtuoso_server, max_seconds=60,
                                                                            max_rows=ENGINE_ROWS)
    with starter(folder) as running:
        ENGINE_PIDS[running.url] = running.process.pid
        credentials = Credentials("dba", TEST_PASSWORD) if kind == "virtuoso" else None
        if kind == "virtuoso":
            os.environ["LOD_ENGINE_LOAD_DIR"] = str(folder / "load")
            os.environ["LOD_ENGINE_SQL_PORT"] = str(running.sql_port)
        started, used = time.monotonic(), cpu()
        report = publish(build, open_engine(running.url, kind, credentials), progress=False)
        run.load_seconds, run.load_cpu = time.monotonic() - started, cpu() - used
        print(f"{kind}: {report.summary()}", file=sys.stderr)
        settings = {"data": str(build), "store": running.url, "engine": kind, **UNLIMITED}
        served = create_app(settings).test_client()
        for example in EXAMPLES:
            mine = served.post("/sparql", data={"query": example.query}, headers=JSON)
            theirs = embedded.post("/sparql", data={"query": example.query}, headers=JSON)
            if mine.status_code != theirs.status_code or (mine.status_code == 200 and answers(mine.get_data()) != answers(theirs.get_data())):
                run.differences.append(f"example {example.title!r}: {mine.status_code} {mine.get_data()[:200]!r}, "
                                       f"embedded {theirs.status_code}")
            elif mine.status_code != 200:
                run.refused_alike.append(f"example {example.title!r}: {mine.status_code} from both")
        store = remote_store(running.url, kind, build, "", 60.0)
        local = embedded.application.extensions["lod"].store()
        works = [str(r["w"]) for r in local.select(
            "SELECT DISTINCT ?w WHERE { GRAPH ?w { ?w <https://w3id.org/un-lod/ontology#symbol> ?s } }")]
        for work in random.Random(0).sample(works, min(SAMPLE, len(works))):
            # the graph bound as a value, as lod's pages ask (docs/deploy.md: GRAPH <iri> on Virtuoso)
            graph = f"SELECT ?s ?p ?o WHERE {{ VALUES ?g {{ <{work}> }} GRAPH ?g {{ ?s ?p ?o }} }}"
            mine_rows = {tuple(map(str, (r["s"], r["p"], r["o"]))) for r in store.select(graph)}
            theirs_rows = {tuple(map(str, (r["s"], r["p"], r["o"]))) for r in local.select(graph)}
            if mine_rows != theirs_rows or not mine_rows:
                run.differences.append(f"graph of {work}: {len(mine_rows)} triples, embedded {len(theirs_rows)}")
        session = requests.Session()  # what lod's own connection to the engine sends (keep-alive)
        session.headers.update(store.engine.session_headers)
        for name, query in mix.items():
            direct_text = store.engine.with_default_graph(query, store.default_graph) if store.default_graph else query

            def direct() -> tuple[int, bytes]:
                r = session.post(store.engine.query_url, data={"query": direct_text}, headers=JSON, timeout=120)
                return r.status_code, r.content

            def via(client=served) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
                r = client.post("/sparql", data={"query": query}, headers=JSON)
                return r.status_code, r.get_data()

            pid = running.process.pid
            run.times[name] = {"engine": timed(direct, reps, pid), "lod serve": timed(via, reps, pid)}
            print(f"{kind} {name}: own {cell(run.times[name]['engine'])}, lod serve {cell(run.times[name]['lod serve'])}",
                  file=sys.stderr, flush=True)
        run.memory_mib = float(tree_memory_mib(running.process.pid)["rss"])  # type: ignore[arg-type]
        if deref_logs is not None:
            run.deref = dereference(build, f"over {kind}", deref_logs, (running.url, kind))
    return run


def fmt(value: float | str) -> str:
    return f"{value * 1000:.1f}" if isinstance(value, float) else value


def cell(t: Timing) -> str:
    """Median wall ms, then CPU ms per call on lod's side (+ the engine's)."""
    if not isinstance(t.wall, float):
        return t.wall
    engine = f" + {t.engine_cpu * 1000:.1f}" if t.engine_cpu else ""
    return f"{t.wall * 1000:.1f} ({t.lod_cpu * 1000:.1f}{engine})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--engines", default="oxigraph,virtuoso")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpus, build and engines (kept)")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--no-deref", action="store_true", help="skip dereferencing through lod serve")
    parser.add_argument("--engines-only", action="store_true",
                        help="keep a loaded embedded store and time only the engines (the embedded store still "
                             "gives the answers they are checked against)")
    args = parser.parse_args(argv)
    work = args.work or Path(f"/tmp/lod-engines-bench-{args.n}")
    work.mkdir(parents=True, exist_ok=True)
    build, build_seconds, build_cpu = prepare(args.n, work)
    import shutil

    from lod.store.loading import load_build, store_root
    from lod.web import create_app

    if not args.engines_only:
        shutil.rmtree(store_root(build), ignore_errors=True)  # timed from nothing; then served as loaded
    started, used = time.monotonic(), cpu()
    load_build(build)
    embedded_load = (time.monotonic() - started, cpu() - used)
    embedded = create_app({"data": str(build), **UNLIMITED}).test_client()
    local = embedded.application.extensions["lod"].store()
    symbol = str(local.select("SELECT ?s WHERE { ?w <https://w3id.org/un-lod/ontology#symbol> ?s } ORDER BY ?s LIMIT 1")[0]["s"])
    mix = query_mix(symbol, symbol)
    embedded_times: dict[str, object] = {name: Timing("not timed") for name in mix} if args.engines_only else {}
    for name, query in ({} if args.engines_only else mix).items():
        def via() -> tuple[int, bytes]:
            r = embedded.post("/sparql", data={"query": query}, headers=JSON)
            return r.status_code, r.get_data()
        embedded_times[name] = timed(via, args.reps)
        print(f"embedded {name}: {cell(embedded_times[name])}", file=sys.stderr, flush=True)
    logs = None if args.no_deref else work / "logs"
    if logs is not None:
        logs.mkdir(exist_ok=True)
    deref_rows = dereference(build, "embedded", logs) if logs is not None and not args.engines_only else []
    runs = [run_engine(kind, build, work / kind, embedded, mix, args.reps, logs) for kind in args.engines.split(",")]
    triples = sum(1 for _ in __import__("gzip").open(build / "dumps" / "lod.nt.gz", "rb"))
    load = os.getloadavg()
    print(f"N = {args.n} synthetic documents, {triples:,} triples in the merge; build {build_seconds:.0f} s "
          f"({build_cpu:.0f} s CPU); load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
    print("| store | load wall s | load CPU s (lod side) | engine RSS MiB |")
    print("|---|---|---|---|")
    print(f"| embedded (pyoxigraph) | {embedded_load[0]:.1f} | {embedded_load[1]:.1f} | in the server |")
    for run in runs:
        print(f"| {run.kind} | {run.load_seconds:.1f} | {run.load_cpu:.1f} | {run.memory_mib:.0f} |")
    print("\nMedian wall ms per query, one client, JSON results (CPU ms per query: lod's side + the engine's):\n")
    header = "| query | embedded lod serve | " + " | ".join(f"{r.kind} own | lod serve over {r.kind} | ratio" for r in runs) + " |"
    print(header)
    print("|" + "---|" * (2 + 3 * len(runs)))
    for name in mix:
        cells = [name, cell(embedded_times[name])]
        for run in runs:
            own, through = run.times[name]["engine"], run.times[name]["lod serve"]
            ratio = (f"{through.wall / own.wall:.2f}×" if isinstance(own.wall, float) and isinstance(through.wall, float)
                     else "–")
            cells += [cell(own), cell(through), ratio]
        print("| " + " | ".join(cells) + " |")
    if logs is not None:
        print(f"\nDereferencing through `lod serve` (gunicorn), {DEREF_SECONDS:g} s per row; CPU ms per HTTP request "
              "of the server's processes and of the engine's:\n")
        print("| store | what | clients | dereferences/s | p50 ms | p99 ms | lod CPU ms/req | engine CPU ms/req | errors | load |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for row in deref_rows + [r for run in runs for r in run.deref]:
            print(row)
    failed = False
    for run in runs:
        print(f"\n{run.kind}: {'every example query and all ' + str(SAMPLE) + ' sampled work graphs the same as embedded' if not run.differences else 'DIFFERENCES:'}")
        for line in run.differences:
            print("  - " + line)
            failed = True
        for line in run.refused_alike:
            print("  - refused alike (the same status and reason on both stores): " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
