"""The three stores side by side on one synthetic corpus, and the check that they agree.

    python -m bench.engines --n 10000 [--engines oxigraph,virtuoso] [--work DIR] [--reps 5]

Synthesizes N documents (`lod corpus synth`), builds them (`lod build --jobs 2`), then for each
external engine: starts it on 127.0.0.1 with its own data directory (tests/engines.py), publishes
the build (`lod publish`; Virtuoso by its bulk loader), and checks that every example query
(lod.rdf.examples) and the graphs of a random sample of works give the same answers as the
embedded store. Then it times the SPARQL mix (bench/queries.py) three ways: the engine's own
endpoint, `lod serve`'s /sparql over that engine (the Flask app in-process: guard, limits,
answer checked and re-serialized), and `lod serve` over the embedded store; and it reads the
engine's memory. Prints a Markdown report; exits 1 when any answer differs (what
`make engine-test` checks).
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

from bench.common import median, tree_memory_mib
from bench.queries import query_mix

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the engines' starters are shared with the tests

JSON = {"Accept": "application/sparql-results+json"}
UNLIMITED = {"query-network-unconfined": True, "max-rows": 100000, "query-timeout": 60.0,
             "client-seconds-per-minute": 1e9, "query-queue-seconds": 120.0}
"""One benchmark client asks everything: the per-client budget and queue limits would refuse it."""
SAMPLE = 50
"""Works whose graphs are compared between the embedded store and each engine."""


@dataclass
class EngineRun:
    kind: str
    load_seconds: float = 0.0
    load_cpu: float = 0.0
    memory_mib: float = 0.0
    differences: list[str] = field(default_factory=list)
    times: dict[str, dict[str, float | str]] = field(default_factory=dict)


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


def timed(call, reps: int) -> tuple[float | str, object]:  # type: ignore[no-untyped-def]
    """Median wall seconds of `reps` calls after one warm-up, or the error status."""
    status, body = call()
    if status != 200:
        return f"HTTP {status}", None
    seconds = []
    for _ in range(reps):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return median(seconds), body


def run_engine(kind: str, build: Path, folder: Path, embedded, mix: dict[str, str], reps: int) -> EngineRun:  # type: ignore[no-untyped-def]
    import requests

    from engines import TEST_PASSWORD, oxigraph_server, virtuoso_server
    from lod.engines import open_engine
    from lod.engines.base import Credentials
    from lod.engines.publish import publish
    from lod.rdf.examples import EXAMPLES
    from lod.store.choose import remote_store
    from lod.web import create_app

    run = EngineRun(kind)
    starter = oxigraph_server if kind == "oxigraph" else functools.partial(virtuoso_server, max_seconds=60)
    with starter(folder) as running:
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
            if mine.status_code != 200 or answers(mine.get_data()) != answers(theirs.get_data()):
                run.differences.append(f"example {example.title!r}: {mine.status_code} {mine.get_data()[:200]!r}")
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
        session = requests.Session()
        for name, query in mix.items():
            direct_text = store.engine.with_default_graph(query, store.default_graph) if store.default_graph else query

            def direct() -> tuple[int, bytes]:
                r = session.post(store.engine.query_url, data={"query": direct_text}, headers=JSON, timeout=120)
                return r.status_code, r.content

            def via(client=served) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
                r = client.post("/sparql", data={"query": query}, headers=JSON)
                return r.status_code, r.get_data()

            own, _ = timed(direct, reps)
            through, _ = timed(via, reps)
            run.times[name] = {"engine": own, "lod serve": through}
        run.memory_mib = float(tree_memory_mib(running.process.pid)["rss"])  # type: ignore[arg-type]
    return run


def fmt(value: float | str) -> str:
    return f"{value * 1000:.1f}" if isinstance(value, float) else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--engines", default="oxigraph,virtuoso")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpus, build and engines (kept)")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    work = args.work or Path(f"/tmp/lod-engines-bench-{args.n}")
    work.mkdir(parents=True, exist_ok=True)
    build, build_seconds, build_cpu = prepare(args.n, work)
    from lod.web import create_app

    embedded = create_app({"data": str(build), **UNLIMITED}).test_client()
    import shutil

    from lod.store import load_build

    fresh = work / "embedded-load"
    shutil.rmtree(fresh, ignore_errors=True)
    started, used = time.monotonic(), cpu()
    load_build(build, root=fresh)
    embedded_load = (time.monotonic() - started, cpu() - used)
    shutil.rmtree(fresh, ignore_errors=True)
    local = embedded.application.extensions["lod"].store()
    symbol = str(local.select("SELECT ?s WHERE { ?w <https://w3id.org/un-lod/ontology#symbol> ?s } ORDER BY ?s LIMIT 1")[0]["s"])
    mix = query_mix(symbol, symbol)
    embedded_times = {}
    for name, query in mix.items():
        def via() -> tuple[int, bytes]:
            r = embedded.post("/sparql", data={"query": query}, headers=JSON)
            return r.status_code, r.get_data()
        embedded_times[name], _ = timed(via, args.reps)
    runs = [run_engine(kind, build, work / kind, embedded, mix, args.reps) for kind in args.engines.split(",")]
    triples = sum(1 for _ in __import__("gzip").open(build / "dumps" / "lod.nt.gz", "rb"))
    load = os.getloadavg()
    print(f"N = {args.n} synthetic documents, {triples:,} triples in the merge; build {build_seconds:.0f} s "
          f"({build_cpu:.0f} s CPU); load average during the run {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
    print("| store | load wall s | load CPU s (lod side) | engine RSS MiB |")
    print("|---|---|---|---|")
    print(f"| embedded (pyoxigraph) | {embedded_load[0]:.1f} | {embedded_load[1]:.1f} | in the server |")
    for run in runs:
        print(f"| {run.kind} | {run.load_seconds:.1f} | {run.load_cpu:.1f} | {run.memory_mib:.0f} |")
    print("\nMedian ms per query (one client, JSON results):\n")
    header = "| query | embedded lod serve | " + " | ".join(f"{r.kind} own | lod serve over {r.kind} | ratio" for r in runs) + " |"
    print(header)
    print("|" + "---|" * (2 + 3 * len(runs)))
    for name in mix:
        cells = [name, fmt(embedded_times[name])]
        for run in runs:
            own, through = run.times[name]["engine"], run.times[name]["lod serve"]
            ratio = f"{through / own:.2f}×" if isinstance(own, float) and isinstance(through, float) else "–"
            cells += [fmt(own), fmt(through), ratio]
        print("| " + " | ".join(cells) + " |")
    failed = False
    for run in runs:
        print(f"\n{run.kind}: {'every example query and all ' + str(SAMPLE) + ' sampled work graphs the same as embedded' if not run.differences else 'DIFFERENCES:'}")
        for line in run.differences:
            print("  - " + line)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
