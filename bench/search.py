"""Full-text search: the build's tantivy index in one process and `/search` under load.

    python -m bench.search --data OUT [--corpus DIR] [--label NAME] [--clients 8] [--duration 30]

`OUT` is a `lod build` output; its tantivy index (`search/`) is what is measured (this script
converted the FTS5 `search.sqlite` of builds before tantivy up to commit 25e1bef).
Measurements, written to bench/results/search/{label}.json (docs/benchmarks.md shows them):

1. inprocess: the index read by lod.search.SearchIndex as the server reads it, one search at a
   time: p50/p99 wall and CPU milliseconds per search; and the costliest searches lod accepts
   (`WORST`: common words, short prefixes, the broadest facets, 24 words), CPU of each;
2. child: the same searches run in a child process and answered over a pipe, as the killable
   query processes would run them: what that adds per search (wall and the CPU of both);
3. records: CPU per document of making its search record from the model (what the build's
   workers add), on a sample of the corpus when `--corpus` is given;
4. serve: `lod serve` (2 workers) answering `/search?q=two words&facet&facet&format=json` to
   `--clients` keep-alive clients for `--duration` seconds (from wrk, `--loadgen wrk`, the
   default: threads of this process, `--loadgen python`, take more CPU than the server they
   measure on 2 cores): p50, p99, requests/s, and the
   server's CPU milliseconds per request (its processes' user + system time over the run: the
   figure that holds on a shared machine, where waiting for a CPU inflates the latencies).
   The queries repeat every `--queries` requests: with the server's answer cache (setting
   search-cache, `--search-cache`, default 500) most are answered from it; `--search-cache 0` measures searching.

Queries are two adjacent words of a random passage with two of that passage's facets (one of
the document: body, year, kind or session; one of the passage: verb or part), seed 0, so each
has at least one hit. Everything runs on 127.0.0.1 and is bounded in time.
"""

from __future__ import annotations

import http.client
import multiprocessing as mp
import json
import os
import random
import re
import shutil
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import click

from bench import wrk
from bench.common import PYTHON, ROOT, free_port, machine, percentile, run_clients, start, tree_cpu_seconds, versions
from bench.hostile import source_address
from lod import settings
from lod.cli import setting_option
from lod.search import INDEX_FILE, SearchIndex
from lod.search.engine import ABOUT_FILE

RESULTS = ROOT / "bench" / "results" / "search"
DOCUMENT_FACETS = ("body", "year", "kind", "session")
PASSAGE_FACETS = ("verb", "part")
Query = tuple[str, dict[str, list[str]]]


def make_queries(folder: Path, n: int, seed: int = 0) -> list[Query]:
    """`n` queries from random passages of the index at `folder`: passage k is the k-th over the
    segments in the order meta.json lists them (an index of any lod version), its two words
    searched for, and two facet values of the passages that match them (one of the document,
    one of the passage) kept if the query still matches."""
    import tantivy

    from lod.search import SearchIndex

    sizes = [s["max_doc"] for s in json.loads((folder / "meta.json").read_text())["segments"]]
    index = SearchIndex(folder)
    searcher = index._searcher  # noqa: SLF001 - the bench reads passages by address
    rng = random.Random(seed)
    queries: list[Query] = []
    while len(queries) < n:
        k = rng.randrange(sum(sizes))
        segment = 0
        while k >= sizes[segment]:
            k, segment = k - sizes[segment], segment + 1
        words = re.findall(r"[A-Za-z]{4,}", searcher.doc(tantivy.DocAddress(segment, k)).get_first("text") or "")
        if len(words) < 3:
            continue
        at = rng.randrange(len(words) - 1)
        q = f"{words[at]} {words[at + 1]}"
        facets = index.search(q, {}, size=1).facets
        doc = [(f, c.value) for f in DOCUMENT_FACETS for c in facets.get(f, [])]
        own = [(f, c.value) for f in PASSAGE_FACETS for c in facets.get(f, [])]
        if not doc or not own:
            continue
        chosen = {f: [v] for f, v in (rng.choice(doc), rng.choice(own))}
        if index.search(q, chosen, size=1).total:
            queries.append((q, chosen))
    return queries


def queries_for(folder: Path, n: int, saved: Path | None) -> list[Query]:
    """The queries of `saved` (JSON) if it exists, else drawn from the index and written there:
    the same queries for two indexes (two versions of lod) to compare."""
    if saved is not None and saved.is_file():
        return [(q, filters) for q, filters in json.loads(saved.read_text())][:n]
    queries = make_queries(folder, n)
    if saved is not None:
        saved.write_text(json.dumps(queries, indent=0))
    return queries


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


WORST: list[Query] = [
    ("the", {}), ("the of and", {}), ("an* co* de* in* re*", {}), ("in", {"kind": ["resolution"]}),
    ("", {"kind": ["resolution"], "part": ["operative"]}), (" ".join(["the", "of", "and", "to"] * 6), {}),
    ('"the united nations"', {}), ("s*", {"body": ["ga"]}),
]
"""Searches that cost most: the commonest words, the shortest prefixes, facets alone, 24 words."""


def worst_cases(index: SearchIndex) -> list[dict[str, object]]:
    rows = []
    for q, filters in WORST:
        c, s = time.process_time(), time.perf_counter()
        result = index.search(q, filters)
        rows.append({"q": q, "filters": filters, "hits": result.total, "cpu_ms": (time.process_time() - c) * 1000,
                     "wall_ms": (time.perf_counter() - s) * 1000})
    return rows


def in_process(source: Path, queries: list[Query]) -> dict[str, object]:
    """The build's own index as the server reads it (lod.search.SearchIndex), one search at a
    time: wall and CPU time of each whole search (count, facet counts, ranked page, highlights)."""
    index = SearchIndex(source)
    index.search(*queries[0])  # open and warm
    latencies, cpu, totals = [], [], []
    for q, filters in queries:
        s, c = time.perf_counter(), time.process_time()
        result = index.search(q, filters)
        cpu.append(time.process_time() - c)
        latencies.append(time.perf_counter() - s)
        totals.append(result.total)
    worst = worst_cases(index)
    return {**_latency(latencies, totals), "cpu_p50_ms": percentile(cpu, 50) * 1000,
            "cpu_p99_ms": percentile(cpu, 99) * 1000, "cpu_mean_ms": sum(cpu) * 1000 / len(cpu), "worst": worst}


def _answer(conn: Connection, folder: str) -> None:
    """In a child process: open the index, then answer searches sent down the pipe."""
    index = SearchIndex(Path(folder))
    while True:
        try:
            q, filters = conn.recv()
        except EOFError:
            return
        conn.send(index.search(q, filters))


def in_child(source: Path, queries: list[Query]) -> dict[str, object]:
    """The same searches run in a child process and sent back over a pipe (what running them in
    killable query processes would add): wall per search seen by the caller, and the CPU of
    both processes per search, against the same searches in process."""
    ctx = mp.get_context("forkserver")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_answer, args=(child, str(source)), daemon=True)
    proc.start()
    try:
        parent.send(queries[0])
        parent.recv()  # opened and warm
        child_before = tree_cpu_seconds(proc.pid)
        mine, latencies = time.process_time(), []
        for query in queries:
            t0 = time.perf_counter()
            parent.send(query)
            parent.recv()
            latencies.append(time.perf_counter() - t0)
        cpu = time.process_time() - mine + tree_cpu_seconds(proc.pid) - child_before
    finally:
        parent.close()
        proc.kill()
        proc.join(5)
    return {"queries": len(queries), "p50_ms": percentile(latencies, 50) * 1000, "p99_ms": percentile(latencies, 99) * 1000,
            "cpu_mean_ms": cpu * 1000 / len(queries)}



def _latency(latencies: list[float], totals: list[int]) -> dict[str, object]:
    return {"queries": len(latencies), "p50_ms": percentile(latencies, 50) * 1000,
            "p99_ms": percentile(latencies, 99) * 1000, "mean_hits": sum(totals) / max(1, len(totals))}


def record_cost(corpus: Path, sample: int) -> dict[str, object]:
    """CPU per document of `document_record` (in a build it runs in the workers)."""
    from lod.parse import parse_file
    from lod.publish.pipeline import discover
    from lod.search import document_record

    found = discover(corpus)
    paths = random.Random(0).sample(found, min(sample, len(found)))
    models = [parse_file(p) for p in paths]
    t0 = time.process_time()
    passages = sum(len(document_record(m, "w", "w/!main").passages) for m in models)
    return {"documents": len(models), "ms_per_document": (time.process_time() - t0) * 1000 / len(models),
            "passages_per_document": passages / len(models)}


def serve_load(data: Path, queries: list[Query], clients: int, duration: float, log: Path,
               search_cache: int, loadgen: str = "wrk") -> dict[str, object]:
    port = free_port()
    # each client has its own address, as people have, so the per-client budget applies to each
    # as it would in service: python's clients bind their own loopback address (127.0.0.2, .3 …),
    # wrk's requests name one in X-Forwarded-For (bench/walk.lua, WRK_CLIENTS), believed as from a proxy
    env = {"LOD_PRERENDER": "0", "LOD_ACCESS_LOG": "0", "LOD_CLIENT_SECONDS_PER_MINUTE": "100000",
           "LOD_TRUSTED_PROXIES": "1" if loadgen == "wrk" else "0"}
    env["LOD_SEARCH_CACHE"] = str(search_cache)  # the queries repeat: with a cache, most answers come from it
    server = start("lod serve", [PYTHON, "-m", "lod.serve", "--data", str(data), "--port", str(port),
                                 "--workers", "2"], port, "/search?q=peace&format=json", log, 900, env)
    try:
        paths = [f"/search?{urlencode([('q', q)] + [(f, v[0]) for f, v in filters.items()] + [('format', 'json')])}"
                 for q, filters in queries]
        cpu_before = tree_cpu_seconds(server.proc.pid)
        if loadgen == "wrk":
            figures = _wrk(port, paths, clients, duration)
        else:
            figures = _python_clients(port, paths, clients, duration)
        cpu = tree_cpu_seconds(server.proc.pid) - cpu_before
    finally:
        server.stop()
    answered = int(figures["requests"]) + int(figures["errors"])
    return {"loadgen": loadgen, "clients": clients, "search_cache": search_cache, **figures,
            "server_cpu_ms_per_request": cpu * 1000 / max(1, answered)}


def _python_clients(port: int, paths: list[str], clients: int, duration: float) -> dict[str, object]:
    """`clients` threads of this process (they share the cores and the GIL with what they measure)."""
    samples: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + duration
    elapsed = run_clients(clients, _client,
                          lambda k: (port, paths, k * 37, stop, samples, errors, (source_address(k), 0)), duration)
    return {"seconds": elapsed, "requests": len(samples), "errors": len(errors),
            "first_error": errors[0] if errors else None, "requests_per_s": len(samples) / elapsed,
            "p50_ms": percentile(samples, 50) * 1000, "p99_ms": percentile(samples, 99) * 1000}


def _wrk(port: int, paths: list[str], clients: int, duration: float) -> dict[str, object]:
    """`clients` keep-alive connections from wrk (C, a few per cent of a core: bench/wrk.py)."""
    found = wrk.run(wrk.WALK, port, paths, clients, duration, {"WRK_ACCEPT": "application/json", "WRK_CLIENTS": "1"})
    seconds, errors = found["microseconds"] / 1e6, wrk.error_count(found)
    return {"seconds": seconds, "requests": found["requests"] - errors, "errors": errors,
            "first_error": f"{errors} errors from wrk: {found}" if errors else None,
            "requests_per_s": (found["requests"] - errors) / seconds, "p50_ms": found["p50_ms"], "p99_ms": found["p99_ms"]}


def _client(port: int, paths: list[str], offset: int, stop: float, out: list[float], errors: list[str],
            address: tuple[str, int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=address)
    i = offset
    while time.monotonic() < stop:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=address)
            continue
        if response.status != 200:
            errors.append(f"HTTP {response.status} for {path}")
            continue
        out.append(time.perf_counter() - t0)
    conn.close()


def _served_directory(data: Path, store_from: Path) -> Path:
    """A build directory of `store_from`'s files (hard links) with `data`'s search index."""
    served = Path(tempfile.mkdtemp(prefix="lod-bench-search-serve-")) / "output"
    shutil.copytree(store_from, served, copy_function=os.link)
    shutil.rmtree(served / INDEX_FILE, ignore_errors=True)
    shutil.copytree(data / INDEX_FILE, served / INDEX_FILE, copy_function=os.link)
    return served


@click.command(help=(__doc__ or "").splitlines()[0])
@setting_option("data")
@click.option("--corpus", type=click.Path(path_type=Path))
@click.option("--label", default="search", show_default=True)
@click.option("--queries", type=int, default=300, show_default=True)
@click.option("--queries-file", type=click.Path(path_type=Path),
              help="JSON of the queries: read if it exists, else drawn and written (the same queries for two builds)")
@click.option("--clients", type=int, default=8, show_default=True)
@click.option("--duration", type=float, default=30, show_default=True)
@setting_option("search-cache")
@click.option("--loadgen", type=click.Choice(["wrk", "python"]), default="wrk", show_default=True,
              help="who sends the requests: wrk (C; `make wrk-deps`) or threads of this process")
@click.option("--skip", default="",
              help="comma-separated: inprocess, child, records, serve")
@click.option("--serve-store-from", type=click.Path(path_type=Path),
              help="serve --data's search index beside this (smaller) build's dumps: /search never reads "
                   "the SPARQL store, whose load can take longer than the run on a busy machine")
def main(**options: Any) -> None:
    args = SimpleNamespace(**{**options, "data": settings.value("data", options["data"]),
                              "search_cache": settings.value("search-cache", options["search_cache"])})
    skip = set(filter(None, args.skip.split(",")))
    source = args.data / INDEX_FILE
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{args.label}.json"
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    if not (source / ABOUT_FILE).is_file():
        raise SystemExit(f"{source}: no search index of this lod; build {args.data} again with `lod build`")
    queries = queries_for(source, args.queries, args.queries_file)
    about = json.loads((source / ABOUT_FILE).read_text())
    report: dict[str, object] = {
        "label": args.label, "started": started,
        "command": "python -m bench.search " + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if v not in (None, "")),
        "machine": machine(), "versions": versions(), "documents": about["documents"], "index": "tantivy",
        "passages": about["passages"], "index_bytes_in_build": _dir_bytes(source),
        "example_queries": [f"/search?{urlencode([('q', q)] + [(f, v[0]) for f, v in fl.items()])}" for q, fl in queries[:3]],
    }
    report["triples"] = json.loads((args.data / "report.json").read_text()).get("triples")
    if "inprocess" not in skip:
        before = list(os.getloadavg())
        report["in_process"] = {**in_process(source, queries), "load_average": [before, list(os.getloadavg())]}
        out.write_text(json.dumps(report, indent=2) + "\n")
    if "child" not in skip:
        before = list(os.getloadavg())
        report["in_child"] = {**in_child(source, queries), "load_average": [before, list(os.getloadavg())]}
        out.write_text(json.dumps(report, indent=2) + "\n")
    if args.corpus and "records" not in skip:
        report["records"] = record_cost(args.corpus, 300)
    if "serve" not in skip:
        report["load_average_before_serve"] = list(os.getloadavg())
        served = _served_directory(args.data, args.serve_store_from) if args.serve_store_from else args.data
        try:
            report["serve"] = serve_load(served, queries, args.clients, args.duration,
                                         Path(tempfile.gettempdir()) / "lod-bench-search.log", args.search_cache,
                                         args.loadgen)
        finally:
            if served != args.data:
                shutil.rmtree(served.parent, ignore_errors=True)
        if args.serve_store_from:
            report["serve"]["store_from"] = str(args.serve_store_from)
    report["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: report[k] for k in ("in_process", "in_child", "records", "serve") if k in report}, indent=2))


if __name__ == "__main__":
    main()
