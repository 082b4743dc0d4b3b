"""Full-text search: SQLite FTS5 against tantivy on the same passages, and `/search` under load.

    python -m bench.search --data OUT [--corpus DIR] [--label NAME] [--clients 8] [--duration 30]

`OUT` is a `lod build` output (its `search.sqlite` holds every passage with its facet tokens).
Five measurements, written to bench/results/search/{label}.json (docs/benchmarks.md shows them):

1. engines: the build's passages indexed again by SQLite FTS5 (lod.search's schema) and by
   tantivy (tantivy-py: `en_stem` text, facet tokens as a raw multi-valued fast field), one
   process each: seconds to index, size on disk, and in-process latency of the same queries
   (ranked top 20 with highlighted passages + total + counts of every facet value);
2. reproducible: whether tantivy writes the same bytes for the same input (30,000 passages
   indexed twice by one writer thread, files compared by content);
3. inprocess: the build's own `search.sqlite` read by lod.search.SearchIndex as the server reads
   it, one search at a time: p50/p99 wall and CPU milliseconds per search;
4. records: CPU per document of making its search record from the model (what the build's
   workers add), on a sample of the corpus when `--corpus` is given;
5. serve: `lod serve` (2 workers) answering `/search?q=two words&facet&facet&format=json` to
   `--clients` keep-alive clients for `--duration` seconds: p50, p99, requests/s, and the
   server's CPU milliseconds per request (its processes' user + system time over the run: the
   figure that holds on a shared machine, where waiting for a CPU inflates the latencies).

Queries are two adjacent words of a random passage with two of that passage's facets (one of
the document: body, year, kind or session; one of the passage: verb or part), seed 0, so each
has at least one hit. Everything runs on 127.0.0.1 and is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from urllib.parse import urlencode

from bench.common import PYTHON, ROOT, free_port, machine, percentile, start, versions
from bench.hostile import source_address
from lod.search import INDEX_FILE, SearchIndex
from lod.search.index import SCHEMA
from lod.search.query import facet_token

RESULTS = ROOT / "bench" / "results" / "search"
DOCUMENT_FACETS = ("body", "year", "kind", "session")
PASSAGE_FACETS = ("verb", "part")
Query = tuple[str, dict[str, list[str]]]


def make_queries(db: sqlite3.Connection, n: int, seed: int = 0) -> list[Query]:
    rng = random.Random(seed)
    labels = {t: (f, v) for t, f, v in db.execute("SELECT token, facet, value FROM facet")}
    (top,) = db.execute("SELECT max(rowid) FROM passage").fetchone()
    queries: list[Query] = []
    while len(queries) < n:
        row = db.execute("SELECT text, tags FROM passage WHERE rowid = ?", (rng.randint(1, top),)).fetchone()
        if not row:
            continue
        words = re.findall(r"[A-Za-z]{4,}", row[0])
        if len(words) < 3:
            continue
        k = rng.randrange(len(words) - 1)
        facets = [labels[t] for t in row[1].split() if t in labels]
        doc = [fv for fv in facets if fv[0] in DOCUMENT_FACETS]
        own = [fv for fv in facets if fv[0] in PASSAGE_FACETS]
        if not doc or not own:
            continue
        chosen = [rng.choice(doc), rng.choice(own)]
        queries.append((f"{words[k]} {words[k + 1]}", {f: [v] for f, v in chosen}))
    return queries


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def _rows(source: Path):  # type: ignore[no-untyped-def]
    with sqlite3.connect(source) as db:
        yield from db.execute("SELECT text, tags, doc, eid, part, label FROM passage ORDER BY rowid")


def fts5_engine(source: Path, work: Path, queries: list[Query]) -> dict[str, object]:
    target = work / "fts5.sqlite"
    t0 = time.perf_counter()
    db = sqlite3.connect(target, isolation_level=None)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;" + SCHEMA)
    db.execute("BEGIN")
    db.execute("ATTACH ? AS src", (str(source),))
    db.execute("INSERT INTO document SELECT * FROM src.document")
    db.execute("INSERT INTO facet SELECT * FROM src.facet")
    db.execute("INSERT INTO about SELECT * FROM src.about")
    db.execute("INSERT INTO passage_facets SELECT * FROM src.passage_facets")
    db.execute("COMMIT")
    db.execute("DETACH src")
    db.execute("BEGIN")
    db.executemany("INSERT INTO passage(rowid, text, tags, doc, eid, part, label) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   ((k, *row) for k, row in enumerate(_rows(source), 1)))
    db.execute("INSERT INTO passage(passage) VALUES ('optimize')")
    db.execute("COMMIT")
    db.execute("VACUUM")
    db.close()
    seconds = time.perf_counter() - t0
    index = SearchIndex(target)
    index.search(*queries[0])  # open and warm
    latencies, totals = [], []
    for q, filters in queries:
        s = time.perf_counter()
        result = index.search(q, filters)
        latencies.append(time.perf_counter() - s)
        totals.append(result.total)
    return {"engine": "sqlite-fts5", "index_seconds": seconds, "bytes": _dir_bytes(target), **_latency(latencies, totals)}


def _tantivy_index(source: Path, folder: Path, threads: int, limit: int | None = None):  # type: ignore[no-untyped-def]
    """The build's passages in a tantivy index at `folder` (the first `limit` of them)."""
    import tantivy  # the bench extra; lod itself does not depend on it

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("tags", stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("doc", stored=True)
    builder.add_text_field("eid", stored=True, index_option="basic", tokenizer_name="raw")
    builder.add_text_field("label", stored=True, index_option="basic", tokenizer_name="raw")
    folder.mkdir()
    index = tantivy.Index(builder.build(), path=str(folder))
    writer = index.writer(heap_size=256_000_000, num_threads=threads)
    for k, (text, tags, doc, eid, _, label) in enumerate(_rows(source)):
        if limit is not None and k >= limit:
            break
        writer.add_document(tantivy.Document(text=text, tags=tags.split(), doc=doc, eid=eid, label=label))
    writer.commit()
    writer.wait_merging_threads()
    return index


def _name_segment_by_content(folder: Path) -> str:
    """Rename a one-segment tantivy index's segment to a hash of its files (tantivy names it by
    a random id), in the file names, meta.json and .managed.json (a set tantivy writes in hash
    order: written sorted); the new id."""
    import hashlib

    files = sorted(p for p in folder.iterdir() if len(p.stem) == 32 and "." in p.name)
    old = files[0].stem
    digest = hashlib.sha256(b"".join(hashlib.sha256(p.read_bytes()).digest() for p in files)).hexdigest()[:32]
    for path in files:
        path.rename(folder / f"{digest}{path.suffix}")
    dashed = lambda h: f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"  # noqa: E731 (meta.json's form)
    meta = folder / "meta.json"
    meta.write_text(meta.read_text().replace(dashed(old), dashed(digest)))
    managed = folder / ".managed.json"
    names = sorted(n.replace(old, digest) for n in json.loads(managed.read_text()))
    managed.write_text(json.dumps(names, separators=(",", ":")))
    return digest


def tantivy_reproducible(source: Path, work: Path, passages: int = 30_000) -> dict[str, object]:
    """Whether tantivy writes the same bytes for the same input: the first `passages` indexed
    twice by one writer thread in one commit; which files have the same content (the segment's
    files are named by a random id, so they are compared by extension) and which differ; then
    whether naming the segment by its content makes the two folders identical, and the renamed
    index still opens and answers."""
    import hashlib

    import tantivy

    def digests(folder: Path, by_extension: bool) -> dict[str, str]:
        return {p.name.rsplit(".", 1)[-1] if by_extension and len(p.stem) == 32 else p.name:
                hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}

    folders = [work / "first", work / "second"]
    for folder in folders:
        _tantivy_index(source, folder, threads=1, limit=passages)
    first, second = (digests(f, True) for f in folders)
    for folder in folders:
        _name_segment_by_content(folder)
    renamed = tantivy.Index.open(str(folders[1]))
    renamed.reload()
    hits = renamed.searcher().search(renamed.parse_query("resolution", ["text"]), 1, count=True).count
    return {"passages": passages, "same": sorted(k for k in first if first[k] == second.get(k)),
            "different": sorted(k for k in first if first[k] != second.get(k)),
            "identical_after_naming_by_content": digests(folders[0], False) == digests(folders[1], False),
            "renamed_index_hits_for_resolution": hits}


def tantivy_engine(source: Path, work: Path, queries: list[Query]) -> dict[str, object]:
    import tantivy

    t0 = time.perf_counter()
    index = _tantivy_index(source, work / "tantivy", threads=2)
    folder = work / "tantivy"
    schema = index.schema
    seconds = time.perf_counter() - t0
    index.reload()
    searcher = index.searcher()
    latencies, cpu, totals = [], [], []
    for q, filters in queries:
        s, c = time.perf_counter(), time.process_time()
        must = [(tantivy.Occur.Must, index.parse_query(f'"{w}"', ["text"])) for w in q.split()]
        for facet, values in filters.items():
            must.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "tags", facet_token(facet, values[0]))))
        query = tantivy.Query.boolean_query(must)
        found = searcher.search(query, 20, count=True)
        searcher.aggregate(query, {"facets": {"terms": {"field": "tags", "size": 2000}}})
        snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "text")
        for _, address in found.hits:
            snippets.snippet_from_doc(searcher.doc(address)).to_html()
        cpu.append(time.process_time() - c)
        latencies.append(time.perf_counter() - s)
        totals.append(found.count)
    return {"engine": f"tantivy {metadata.version('tantivy')}", "index_seconds": seconds,
            "bytes": _dir_bytes(folder), **_latency(latencies, totals),
            "cpu_p50_ms": percentile(cpu, 50) * 1000, "cpu_p99_ms": percentile(cpu, 99) * 1000,
            "cpu_mean_ms": sum(cpu) * 1000 / len(cpu)}


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
    index.close()
    return {**_latency(latencies, totals), "cpu_p50_ms": percentile(cpu, 50) * 1000,
            "cpu_p99_ms": percentile(cpu, 99) * 1000, "cpu_mean_ms": sum(cpu) * 1000 / len(cpu)}


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants (gunicorn's workers)."""
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


def serve_load(data: Path, queries: list[Query], clients: int, duration: float, log: Path) -> dict[str, object]:
    port = free_port()
    # each client has its own loopback address (127.0.0.2, .3 …), as people have, so the
    # per-client budget applies to each as it would in service
    env = {"LOD_PRERENDER": "0", "LOD_ACCESS_LOG": "0", "LOD_CLIENT_SECONDS_PER_MINUTE": "100000"}
    server = start("lod serve", [PYTHON, "-m", "lod.serve", "--data", str(data), "--port", str(port),
                                 "--workers", "2"], port, "/search?q=peace&format=json", log, 900, env)
    try:
        paths = [f"/search?{urlencode([('q', q)] + [(f, v[0]) for f, v in filters.items()] + [('format', 'json')])}"
                 for q, filters in queries]
        samples: list[float] = []
        errors: list[str] = []
        stop = time.monotonic() + duration
        threads = [threading.Thread(target=_client, args=(port, paths, k * 37, stop, samples, errors, (source_address(k), 0)))
                   for k in range(clients)]
        cpu_before = _tree_cpu_seconds(server.proc.pid)
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(duration + 60)
        elapsed = time.perf_counter() - t0
        cpu = _tree_cpu_seconds(server.proc.pid) - cpu_before
    finally:
        server.stop()
    return {"clients": clients, "seconds": elapsed, "requests": len(samples), "errors": len(errors),
            "server_cpu_ms_per_request": cpu * 1000 / max(1, len(samples) + len(errors)),
            "first_error": errors[0] if errors else None, "requests_per_s": len(samples) / elapsed,
            "p50_ms": percentile(samples, 50) * 1000, "p99_ms": percentile(samples, 99) * 1000}


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
    (served / INDEX_FILE).unlink(missing_ok=True)
    os.link(data / INDEX_FILE, served / INDEX_FILE)
    return served


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--label", default="search")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--skip", default="", help="comma-separated: engines (or one of them: fts5, tantivy), reproducible, inprocess, records, serve")
    parser.add_argument("--serve-store-from", type=Path,
                        help="serve --data's search index beside this (smaller) build's dumps: /search never reads "
                             "the SPARQL store, whose load can take longer than the run on a busy machine")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    source = args.data / INDEX_FILE
    with sqlite3.connect(source) as db:
        queries = make_queries(db, args.queries)
        about = dict(db.execute("SELECT key, value FROM about"))
    report: dict[str, object] = {
        "label": args.label, "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "command": "python -m bench.search " + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if v not in (None, "")),
        "machine": machine(), "versions": versions(), "documents": int(about["documents"]),
        "passages": int(about["passages"]), "index_bytes_in_build": source.stat().st_size,
        "example_queries": [f"/search?{urlencode([('q', q)] + [(f, v[0]) for f, v in fl.items()])}" for q, fl in queries[:3]],
    }
    triples = json.loads((args.data / "report.json").read_text()).get("triples")
    report["triples"] = triples
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{args.label}.json"
    if "engines" not in skip:
        work = Path(tempfile.mkdtemp(prefix="lod-bench-search-"))
        try:
            report["engines"] = []
            for engine in (e for name, e in (("fts5", fts5_engine), ("tantivy", tantivy_engine)) if name not in skip):
                before = list(os.getloadavg())
                report["engines"].append({**engine(source, work, queries), "load_average": [before, list(os.getloadavg())]})
        finally:
            shutil.rmtree(work, ignore_errors=True)
        out.write_text(json.dumps(report, indent=2) + "\n")
    if "reproducible" not in skip:
        work = Path(tempfile.mkdtemp(prefix="lod-bench-search-"))
        try:
            report["tantivy_reproducible"] = tantivy_reproducible(source, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if "inprocess" not in skip:
        before = list(os.getloadavg())
        report["in_process"] = {**in_process(source, queries), "load_average": [before, list(os.getloadavg())]}
        out.write_text(json.dumps(report, indent=2) + "\n")
    if args.corpus and "records" not in skip:
        report["records"] = record_cost(args.corpus, 300)
    if "serve" not in skip:
        report["load_average_before_serve"] = list(os.getloadavg())
        served = _served_directory(args.data, args.serve_store_from) if args.serve_store_from else args.data
        try:
            report["serve"] = serve_load(served, queries, args.clients, args.duration,
                                         Path(tempfile.gettempdir()) / "lod-bench-search.log")
        finally:
            if served != args.data:
                shutil.rmtree(served.parent, ignore_errors=True)
        if args.serve_store_from:
            report["serve"]["store_from"] = str(args.serve_store_from)
    report["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: report[k] for k in ("engines", "tantivy_reproducible", "in_process", "records", "serve") if k in report}, indent=2))


if __name__ == "__main__":
    main()
