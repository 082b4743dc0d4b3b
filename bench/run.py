"""`make bench` / `make bench-quick`: every benchmark, one command, results into docs/benchmarks.md.

For each corpus size N: synthesize N documents (lod.synth, fixed seed), build them with
`lod build` semantics in a fresh process (jobs=2), time each dump format, then serve the
build with `lod serve` (gunicorn, as `make run` starts it) and a bare Oxigraph server on the
same N-Quads dump, and measure SPARQL latency (also against rdflib in-process) and
dereferencing throughput. Results go to bench/results/{mode}.json; docs/benchmarks.md is
rendered from every results file present, each figure labelled with the run it comes from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import deref, dumps, sparql
from bench.common import PYTHON, ROOT, free_port, machine, start, tree_memory_mib, versions
from bench.queries import query_mix

RESULTS = ROOT / "bench" / "results"
DUMP_FILES = {"documents/*.ttl": "documents/*.ttl", "lod.nt.gz": "dumps/lod.nt.gz", "lod.nq.gz": "dumps/lod.nq.gz",
              "lod.ttl": "dumps/lod.ttl", "lod.jsonld": "dumps/lod.jsonld"}
MODES = {
    "quick": {"sizes": [200, 1000], "serve": [200, 1000], "reps": 10, "query_budget": 10.0, "duration": 4.0,
              "rdflib_max_triples": 2_000_000},
    # 17,000 documents are ~10 million triples: the size the memory target names
    "full": {"sizes": [1000, 10000, 17000, 50000], "serve": [1000, 10000, 17000], "reps": 20, "query_budget": 20.0,
             "duration": 8.0, "rdflib_max_triples": 4_000_000},
}


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def lod_command() -> list[str]:
    script = Path(PYTHON).parent / "lod"
    return [str(script)] if script.exists() else [PYTHON, "-m", "lod.cli"]


def synth(n: int, folder: Path, seed: int) -> float:
    """Always regenerated (seconds even at 50,000), so a corpus never lags behind lod.synth."""
    from lod.synth import synthesize

    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.perf_counter()
    synthesize(n, folder, seed=seed)
    return time.perf_counter() - t0


def build(corpus: Path, out: Path, jobs: int, timeout: float) -> dict:  # type: ignore[type-arg]
    t0 = time.perf_counter()
    proc = subprocess.run([PYTHON, "-m", "bench.build_one", str(corpus), str(out), "--jobs", str(jobs)],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        return {"error": proc.stderr[-3000:], "process_seconds": time.perf_counter() - t0}
    result = json.loads(proc.stdout)
    result["process_seconds"] = time.perf_counter() - t0
    return result


def pick_parameters(corpus: Path) -> tuple[str, str]:
    """A resolution to describe (the newest) and a landmark to cite (the most cited)."""
    from collections import Counter

    from lod.synth import read_manifest

    manifest = read_manifest(corpus)
    numbers = {m["number"]: m["symbol"] for m in manifest if m["number"] and m["body"] == "ga"}
    cited = Counter(c for m in manifest for c in m["cites"] if c in numbers)
    landmark = numbers[cited.most_common(1)[0][0]] if cited else next(iter(numbers.values()))
    newest = [m["symbol"] for m in manifest if m["kind"] == "resolution" and m["body"] == "ga"][-1]
    return newest, landmark


def serve_benchmarks(n: int, out: Path, work: Path, corpus: Path, cfg: dict) -> dict:  # type: ignore[type-arg]
    symbol, landmark = pick_parameters(corpus)
    queries = query_mix(symbol, landmark)
    result: dict = {"parameters": {"symbol": symbol, "landmark": landmark}, "queries": queries}
    logs = work / "logs"
    logs.mkdir(exist_ok=True)

    # the lod server, as `make run` starts it; only the SPARQL client budget is raised, so the
    # benchmark's single client is not throttled by the per-client fairness limit
    port = free_port()
    env = {"LOD_CLIENT_SECONDS_PER_MINUTE": "1000000", "LOD_QUERY_TIMEOUT": str(cfg["query_budget"] + 10)}
    t0 = time.perf_counter()
    lod = start("lod serve", [*lod_command(), "serve", "--data", str(out), "--host", "127.0.0.1", "--port", str(port)],
                port, "/sparql", logs / f"lod-serve-{n}.log", timeout=1800, env=env)
    result["lod_startup_seconds"] = time.perf_counter() - t0
    try:
        result["lod_memory_idle"] = tree_memory_mib(lod.proc.pid)
        log(f"N={n}: SPARQL on lod serve")
        result["sparql_lod"] = [t.summary() for t in sparql.http_engine("lod", port, "/sparql", queries, cfg["reps"], cfg["query_budget"])]
        paths = work_paths(out)
        result["deref"] = []
        for fmt, clients in cfg["deref_cells"]:
            log(f"N={n}: dereferencing {fmt} with {clients} clients (just after start-up)")
            r = deref.load(port, paths, fmt, clients, cfg["duration"], cap=20000)
            result["deref"].append({**r.__dict__, "deref_per_s": r.deref_per_s, "http_per_s": r.http_per_s})
        result["lod_memory_loaded"] = tree_memory_mib(lod.proc.pid)
    finally:
        lod.stop()

    oxigraph = Path(PYTHON).parent / "oxigraph"
    if oxigraph.exists():
        folder = work / f"oxigraph-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        nq = folder / "data.nq"
        nq.write_bytes(gzip.decompress((out / "dumps" / "lod.nq.gz").read_bytes()))
        t0 = time.perf_counter()
        subprocess.run([str(oxigraph), "load", "--location", str(folder / "db"), "--file", str(nq)],
                       check=True, capture_output=True, timeout=3600)
        result["oxigraph_load_seconds"] = time.perf_counter() - t0
        nq.unlink()
        port = free_port()
        ox = start("oxigraph", [str(oxigraph), "serve-read-only", "--location", str(folder / "db"),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                   port, "/query?query=ASK%7B%7D", logs / f"oxigraph-{n}.log", timeout=600)
        try:
            log(f"N={n}: SPARQL on Oxigraph server")
            result["sparql_oxigraph"] = [t.summary() for t in sparql.http_engine("oxigraph", port, "/query", queries, cfg["reps"], cfg["query_budget"])]
            result["oxigraph_memory"] = tree_memory_mib(ox.proc.pid)
        finally:
            ox.stop()
        shutil.rmtree(folder, ignore_errors=True)
    else:
        result["sparql_oxigraph_error"] = "the oxigraph CLI is not installed (pip install '.[bench]')"

    triples = json.loads((out / "report.json").read_text())["triples"]
    if triples <= cfg["rdflib_max_triples"]:
        log(f"N={n}: SPARQL on rdflib ({triples} triples)")
        timings, load_seconds = sparql.rdflib_engine(out / "dumps" / "lod.nq.gz", queries, cfg["reps"], cfg["query_budget"])
        result["sparql_rdflib"] = [t.summary() for t in timings]
        result["rdflib_load_seconds"] = load_seconds
    else:
        result["sparql_rdflib_error"] = f"not loaded: {triples} triples is over the {cfg['rdflib_max_triples']} triples this run allows rdflib"
    return result


def work_paths(out: Path) -> list[str]:
    """Path of every published work IRI (the server answers them whatever its base)."""
    from urllib.parse import urlsplit

    report = json.loads((out / "report.json").read_text())
    works = sorted({d["work"] for d in report["documents"] if d.get("work")})
    return [urlsplit(w).path for w in works]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=sorted(MODES), default="quick")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (overrides the mode's)")
    parser.add_argument("--serve-sizes", help="comma-separated sizes to serve (default: the mode's, within --sizes)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("LOD_BENCH_WORK", "/tmp/lod-bench")))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--label", help="results file name (default: the mode)")
    parser.add_argument("--deref", default="turtle,jsonld,html:1,8,32",
                        help="dereferencing cells as FORMATS:CLIENTS, e.g. 'turtle:8' for a memory-only run")
    parser.add_argument("--reuse-build", action="store_true",
                        help="serve an existing corpus-N/out-N in --work instead of synthesizing and building again")
    args = parser.parse_args(argv)
    cfg = dict(MODES[args.mode])
    if args.sizes:
        cfg["sizes"] = [int(s) for s in args.sizes.split(",")]
    cfg["serve"] = ([int(s) for s in args.serve_sizes.split(",") if s.strip()] if args.serve_sizes is not None
                    else [s for s in cfg["serve"] if s in cfg["sizes"]])
    formats, _, clients = args.deref.partition(":")
    cfg["deref_cells"] = [(f, int(c)) for f in formats.split(",") for c in (clients or "1,8,32").split(",")]
    label = args.label or args.mode
    args.work.mkdir(parents=True, exist_ok=True)
    results = {
        "label": label, "mode": args.mode, "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(), "versions": versions(), "config": cfg, "sizes": {},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{label}.json"
    for n in cfg["sizes"]:
        corpus, out = args.work / f"corpus-{n}", args.work / f"out-{n}"
        entry: dict = {}
        results["sizes"][str(n)] = entry
        if args.reuse_build and (out / "report.json").exists() and (corpus / ".synth-manifest.jsonl").exists():
            entry["build"] = {"reused": str(out)}
            log(f"N={n}: reusing the build in {out}")
            try:
                entry["serve"] = serve_benchmarks(n, out, args.work, corpus, cfg)
            except Exception as exc:  # a server that fails is a result to report, not a crash
                entry["serve_error"] = f"{type(exc).__name__}: {exc}"[-3000:]
            target.write_text(json.dumps(results, indent=1, default=str))
            continue
        log(f"N={n}: synthesizing")
        entry["synth_seconds"] = synth(n, corpus, args.seed)
        log(f"N={n}: building (jobs={args.jobs})")
        entry["load_average_before"] = os.getloadavg()
        entry["build"] = build(corpus, out, args.jobs, timeout=max(1800.0, n * 1.0))
        entry["load_average_after_build"] = os.getloadavg()
        if "error" in entry["build"]:
            log(f"N={n}: build failed: {entry['build']['error'][-500:]}")
            target.write_text(json.dumps(results, indent=1, default=str))
            continue
        entry["dump_bytes"] = {name: sum(p.stat().st_size for p in out.glob(pattern))
                               for name, pattern in DUMP_FILES.items()}
        if n <= cfg.get("dump_measure_max", 10000):  # each format alone again: minutes at 50,000
            log(f"N={n}: dump formats, one at a time")
            entry["dumps"] = dumps.measure(out)
        if n in cfg["serve"]:
            try:
                entry["serve"] = serve_benchmarks(n, out, args.work, corpus, cfg)
            except Exception as exc:  # a server that fails is a result to report, not a crash
                entry["serve_error"] = f"{type(exc).__name__}: {exc}"[-3000:]
                log(f"N={n}: serving failed: {entry['serve_error'][-500:]}")
        target.write_text(json.dumps(results, indent=1, default=str))
    results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    target.write_text(json.dumps(results, indent=1, default=str))
    from bench.report import write_report

    write_report()
    log(f"results in {target.relative_to(ROOT)}; report in docs/benchmarks.md")


if __name__ == "__main__":
    main()
