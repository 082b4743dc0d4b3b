"""docs/benchmarks.md from bench/results/*.json (and bench/analysis.md, written by hand).

Generated, never edited: every figure in it comes from a results file, and each table says
which run (label, date, command) produced it, so quick and full runs can sit side by side.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from bench.common import ROOT
from bench.queries import JOIN_AND_AGGREGATION, TEMPLATES

RESULTS = ROOT / "bench" / "results"
ANALYSIS = ROOT / "bench" / "analysis.md"
SESSIONS = ROOT / "bench" / "sessions.md"
"""Each working session's measurements, newest first, written by hand (commands and raw results named)."""
OUTPUT = ROOT / "docs" / "benchmarks.md"


def _f(value: object, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None or math.isnan(seconds) else f"{seconds * 1000:,.1f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def _build_section(run: dict) -> list[str]:
    rows = []
    for n, entry in run["sizes"].items():
        b = entry.get("build", {})
        if "reused" in b:
            continue
        if "error" in b:
            rows.append([n, "build failed: " + b["error"].strip().splitlines()[-1][:120]] + [""] * 10)
            continue
        docs, triples, s = b["documents"], b["triples"], b["seconds"]
        stage = lambda k: f"{docs / s[k]:,.0f} / {triples / s[k]:,.0f}" if s.get(k) else "–"  # noqa: E731
        total = sum(s.values())
        rows.append([
            n, f"{b['published']:,} / {b['failed']:,}", f"{triples:,}", stage("parse"), stage("map+validate"), stage("dumps"),
            f"{docs / total:,.1f} / {triples / total:,.0f}", f"{b['wall']:,.1f}", f"{1000 * b['wall'] / docs:,.1f}",
            f"{b['maxrss_main_mib']:,.0f} / {b['maxrss_worker_mib']:,.0f}", f"{b['cpu_seconds']:,.0f}",
        ])
    loads = [f"N={n}: {', '.join(f'{x:.1f}' for x in e['load_average_before'])} before, "
             f"{', '.join(f'{x:.1f}' for x in e['load_average_after_build'])} after the build"
             for n, e in run["sizes"].items() if "load_average_before" in e and "load_average_after_build" in e]
    note = ["", "Load average (1, 5, 15 min) on the machine, which other work may share: " + "; ".join(loads) + "."] if loads else []
    return _table(["N", "published / failed", "triples", "parse docs/s / triples/s", "map+validate docs/s / triples/s",
                   "dumps docs/s / triples/s", "end to end docs/s / triples/s", "wall s", "ms per doc",
                   "peak RSS MiB main / largest worker", "CPU s"], rows) + note


def _sparql_section(n: str, serve: dict) -> list[str]:
    engines = {"lod": serve.get("sparql_lod", []), "oxigraph": serve.get("sparql_oxigraph", []), "rdflib": serve.get("sparql_rdflib", [])}
    by = {e: {t["query"]: t for t in ts} for e, ts in engines.items()}
    rows = []
    for name, (title, _) in TEMPLATES.items():
        cells = [f"{name} ({title})"]
        rowcounts = []
        for engine in ("lod", "oxigraph", "rdflib"):
            t = by[engine].get(name)
            if t is None:
                cells.append("–")
            elif t.get("error"):
                cells.append("error: " + t["error"][:60])
            elif t.get("over_budget"):
                cells.append(f"> {t['over_budget']:.0f} s")
            else:
                cells.append(f"{_ms(t['median'])} / {_ms(t['p95'])}")
                rowcounts.append(str(t["rows"]))
        lod, ox, rd = by["lod"].get(name), by["oxigraph"].get(name), by["rdflib"].get(name)
        ratio = lambda a, b: f"{a['median'] / b['median']:,.2f}×" if a and b and a.get("seconds") and b.get("seconds") and not a.get("error") and not b.get("error") else "–"  # noqa: E731
        cells.append(ratio(lod, ox))
        if rd and rd.get("over_budget") and lod and lod.get("seconds"):
            cells.append(f"> {rd['over_budget'] / lod['median']:,.0f}×")
        else:
            cells.append(ratio(rd, lod))
        cells.append("/".join(dict.fromkeys(rowcounts)) or "–")
        rows.append(cells)
    lines = [f"**N = {n}** — described resolution {serve['parameters']['symbol']}, landmark {serve['parameters']['landmark']}. "
             f"Median / p95 latency in ms.", ""]
    lines += _table(["query", "lod serve", "Oxigraph server", "rdflib (in-process)", "lod ÷ Oxigraph (median)",
                     "rdflib ÷ lod (median)", "rows"], rows)
    notes = []
    for key in ("sparql_oxigraph_error", "sparql_rdflib_error"):
        if key in serve:
            notes.append(serve[key])
    if "rdflib_load_seconds" in serve:
        notes.append(f"rdflib Dataset load from lod.nq.gz: {serve['rdflib_load_seconds']:.1f} s")
    if "oxigraph_load_seconds" in serve:
        notes.append(f"`oxigraph load` of the same N-Quads: {serve['oxigraph_load_seconds']:.1f} s")
    notes.append(f"lod serve start-up (store load included): {serve['lod_startup_seconds']:.1f} s")
    return lines + [""] + [f"- {n}" for n in notes]


def _deref_rows(cells: list[dict]) -> list[list[str]]:
    return [[r["fmt"], str(r["clients"]), f"{r['deref_per_s']:,.0f}", f"{r['http_per_s']:,.0f}", f"{r['p50_ms']:,.1f}",
             f"{r['p99_ms']:,.1f}", f"{r['http_p50_ms']:,.1f}", f"{r['http_p99_ms']:,.1f}", f"{r['dereferences']:,}",
             f"{r['errors']}" + (f" ({r['first_error'][:60]})" if r.get("first_error") else "")]
            for r in cells]


def _deref_section(n: str, serve: dict) -> list[str]:
    mem = serve.get("lod_memory_loaded", {})
    ox = serve.get("oxigraph_memory", {})
    header = ["format", "clients", "dereferences/s", "HTTP requests/s", "p50 ms (303+200)", "p99 ms (303+200)",
              "p50 ms per request", "p99 ms per request", "dereferences", "errors"]
    when = ("descriptions rendered on first request while the background renderer runs" if "rendering_complete" in serve
            else "every description written by the build, sent as a file")
    lines = [f"**N = {n}**, just after start-up ({when})", ""]
    lines += _table(header, _deref_rows(serve.get("deref", [])))
    if serve.get("deref_warm"):
        lines += ["", f"**N = {n}**, once the background renderer had rendered every description "
                  f"({serve['warm_wait_seconds']:.0f} s after the first runs)", ""]
        lines += _table(header, _deref_rows(serve["deref_warm"]))
    elif "rendering_complete" in serve:
        lines += ["", f"- the background rendering had not finished {serve['warm_wait_seconds']:.0f} s after the first runs; no warm figures"]
    lines += ["", f"- lod serve memory after the runs: RSS {_f(mem.get('rss'), 0)} MiB, PSS {_f(mem.get('pss'), 0)} MiB "
              f"over {_f(mem.get('processes'), 0)} processes; Oxigraph server: RSS {_f(ox.get('rss'), 0)} MiB"]
    for proc in sorted(mem.get("by_process", []), key=lambda p: -p["pss"])[:6]:
        lines.append(f"  - pid {proc['pid']}: RSS {proc['rss']:,.0f} MiB, PSS {proc['pss']:,.0f} MiB — `{_command(proc['command'])}`")
    return lines


def _command(command: str) -> str:
    """A process's command line, short: paths cut to their last part."""
    words = [w.rsplit("/", 1)[-1] if w.startswith("/") else w for w in command.split()]
    return " ".join(words)[:100]


def _dumps_section(run: dict) -> list[str]:
    """Per format: seconds inside the build (formats written concurrently, documents/*.ttl summed
    over the workers) when recorded, seconds alone (bench/dumps.py) when measured, and size."""
    rows = []
    for n, entry in run["sizes"].items():
        in_build = entry.get("build", {}).get("dump_seconds", {})
        alone = entry.get("dumps", {})
        sizes = entry.get("dump_bytes", {}) or {name: d["bytes"] for name, d in alone.items()}
        for name in sizes:
            seconds_in_build = f"{in_build[name]:,.2f}" if name in in_build else "–"
            seconds_alone = f"{alone[name]['seconds']:,.2f}" if name in alone else "–"
            rows.append([n, name, seconds_in_build, seconds_alone, f"{sizes[name] / 1e6:,.1f}"])
    return _table(["N", "dump", "seconds in the build (concurrent)", "seconds alone", "MB"], rows)


SEARCH_RESULTS = RESULTS / "search"
SEARCH_ANALYSIS = ROOT / "bench" / "search_analysis.md"
SEARCH_TARGET = "p50 < 30 ms, p99 < 150 ms for a two-word query with two facets at 8 clients (17,000 documents)"


def _search_section(run: dict) -> list[str]:
    """One bench/search.py run: the engine comparison, the workers' cost, and /search under load."""
    out = [f"### Run `{run['label']}` ({run['started']}{', finished ' + run['finished'] if run.get('finished') else ', INCOMPLETE'})", "",
           f"Command: `{run['command']}`", "",
           f"Machine: {run['machine']['nproc']} CPUs ({run['machine']['cpu']}), {run['machine']['memory']} memory. "
           f"Index of the build: {run['documents']:,} documents, {run['passages']:,} passages"
           + (f", {run['triples']:,} triples in the build" if run.get("triples") else "")
           + (f"; tantivy index `search/` {run['index_bytes_in_build'] / 2**20:,.0f} MiB." if run.get("index") == "tantivy"
              else f"; `search.sqlite` {run['index_bytes_in_build'] / 2**20:,.0f} MiB."), "",
           "Example queries: " + ", ".join(f"`{q}`" for q in run.get("example_queries", [])) + ".", ""]
    if run.get("engines"):
        out += ["Same passages, same queries, one process, in-process latency of a whole search (ranked top 20 "
                "with the highlighted passages, total, counts of every facet value):", ""]
        out += _table(["engine", "index s", "size MiB", "queries", "p50 ms", "p99 ms", "CPU ms p50 / p99 / mean", "mean hits",
                       "load average before"], [
            [e["engine"], _f(e["index_seconds"]), _f(e["bytes"] / 2**20), str(e["queries"]), _f(e["p50_ms"], 2),
             _f(e["p99_ms"], 2), _cpu(e), _f(e["mean_hits"]),
             ", ".join(f"{x:.1f}" for x in e["load_average"][0]) if e.get("load_average") else "–"] for e in run["engines"]]) + [""]
    if run.get("tantivy_reproducible"):
        r = run["tantivy_reproducible"]
        out += [f"tantivy, the same {r['passages']:,} passages indexed twice (one writer thread, one commit): same bytes: "
                + ", ".join(f"`{n}`" for n in r["same"]) + "; different: " + (", ".join(f"`{n}`" for n in r["different"]) or "none")
                + " (segment files compared by extension: their names are a random segment id)"
                + ("" if "identical_after_naming_by_content" not in r else
                   f"; with the segment named by a hash of its files, the two folders are "
                   f"{'byte-identical' if r['identical_after_naming_by_content'] else 'still different'} and the renamed "
                   f"index opens and finds `resolution` in {r['renamed_index_hits_for_resolution']:,} passages") + ".", ""]
    if run.get("converted"):
        c = run["converted"]
        out += [f"The tantivy index written from the records of the build's `search.sqlite` by `lod.search.IndexWriter` "
                f"(what `lod build` runs; one writer thread): {c['seconds']:,.1f} s ({c['cpu_seconds']:,.1f} s CPU) for "
                f"{c['passages']:,} passages, {c['bytes'] / 2**20:,.0f} MiB.", ""]
    if run.get("in_process"):
        i = run["in_process"]
        load = ", ".join(f"{x:.1f}" for x in i["load_average"][0])
        name = "tantivy index `search/`" if run.get("index") == "tantivy" else "`search.sqlite`"
        out += [f"The build's own {name} read by `lod.search.SearchIndex` in one process, one search at a time "
                f"(count, facet counts, ranked page, highlights; load average before: {load}):", ""]
        out += _table(["queries", "p50 ms", "p99 ms", "CPU ms p50 / p99 / mean", "mean hits"], [
            [str(i["queries"]), _f(i["p50_ms"], 2), _f(i["p99_ms"], 2), _cpu(i), _f(i["mean_hits"])]]) + [""]
        if i.get("worst"):
            out += ["The costliest searches lod accepts (commonest words, shortest prefixes, facets alone, 24 words), "
                    "one search each:", ""]
            out += _table(["q", "facets", "hits", "CPU ms", "wall ms"], [
                [f"`{w['q']}`" if w["q"] else "–", ", ".join(f"{k}={v[0]}" for k, v in w["filters"].items()) or "–",
                 f"{w['hits']:,}", _f(w["cpu_ms"], 1), _f(w["wall_ms"], 1)] for w in i["worst"]]) + [""]
    if run.get("in_child"):
        c = run["in_child"]
        out += [f"The same {c['queries']} searches run in a child process and answered over a pipe (as killable query "
                f"processes would run them): p50 {c['p50_ms']:,.2f} ms, p99 {c['p99_ms']:,.2f} ms as the caller waits; "
                f"{c['cpu_mean_ms']:,.2f} ms of CPU per search in both processes together"
                + (f", against {run['in_process']['cpu_mean_ms']:,.2f} ms in one process." if run.get("in_process") else "."), ""]
    if run.get("records"):
        r = run["records"]
        out += [f"Search records made in the build's workers: {r['ms_per_document']:.2f} ms of CPU per document "
                f"({r['passages_per_document']:.0f} passages per document, {r['documents']} documents sampled).", ""]
    if run.get("serve"):
        s = run["serve"]
        load = ", ".join(f"{x:.1f}" for x in run.get("load_average_before_serve", []))
        out += [f"`lod serve` (2 workers × 8 threads), {s['clients']} clients for {s['seconds']:.0f} s, "
                f"`/search?q=…&{{facet}}&{{facet}}&format=json` (load average before: {load}):", ""]
        out += _table(["clients", "requests", "requests/s", "p50 ms", "p99 ms", "server CPU ms per request", "errors"], [[
            str(s["clients"]), f"{s['requests']:,}", _f(s["requests_per_s"]), _f(s["p50_ms"]), _f(s["p99_ms"]),
            _f(s["server_cpu_ms_per_request"], 1) if "server_cpu_ms_per_request" in s else "not measured",
            f"{s['errors']}" + (f" (first: {s['first_error']})" if s.get("first_error") else "")]]) + [""]
    return out


def _cpu(figures: dict) -> str:
    """CPU milliseconds per search (p50 / p99 / mean), where the run measured them."""
    if "cpu_p50_ms" not in figures:
        return "not measured"
    return f"{figures['cpu_p50_ms']:,.1f} / {figures['cpu_p99_ms']:,.1f} / {figures['cpu_mean_ms']:,.1f}"


def _hostile_section() -> list[str]:
    """The mixed loads with hostile clients in flight (bench/hostile_load.py → bench/results/hostile/)."""
    runs = sorted((json.loads(p.read_text()) for p in (RESULTS / "hostile").glob("*.json")), key=lambda r: r["started"])
    out: list[str] = []
    for run in runs:
        m, bg = run["machine"], run["background"]
        out += [f"## Hostile load `{run['label']}` ({run['started']}, finished {run['finished']})", "",
                f"Command: `{run['command']}`", "",
                f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} memory. `lod serve` with its default settings "
                f"(2 workers, 8 + 8 threads each) but the access log and prerendering off (every description is rendered "
                f"on its first request, during the run) on {run['documents']:,} synthetic documents. Each client "
                "has its own loopback address and cycles through HTML pages, descriptions by content negotiation "
                "(303, not followed), per-document Turtle files, the document list, the dumps page and two small "
                f"SPARQL queries. In flight throughout: {bg['slow']} connections sending a request head a byte a second "
                f"(reconnecting when closed), {bg['runaway']} runaway and {bg['large']} large queries. "
                "An error is an ordinary request answered 4xx/5xx or not at all. The load generator shares the two CPUs.", ""]
        rows = [[str(lv["clients"]), f"{lv['seconds']:.0f}", f"{lv['requests']:,}", f"{lv['per_second']:,.1f}", str(lv["errors"]),
                 ", ".join(f"{k}: {v:,}" for k, v in lv["statuses"].items()), f"{lv['p50_ms']:,.1f}", f"{lv['p99_ms']:,.1f}",
                 f"{lv['max_ms']:,.1f}", f"{lv['memory_mib']['pss']:,.0f}"] for lv in run["levels"]]
        out += _table(["clients", "s", "requests", "req/s", "errors", "statuses", "p50 ms", "p99 ms", "max ms",
                       "server PSS MiB"], rows)
        if run.get("load_average_after"):
            out += ["", "Load average (1, 5, 15 min) on the machine just after the run, which other work shares: "
                    + ", ".join(f"{x:.1f}" for x in run["load_average_after"]) + " on 2 CPUs: the latencies include the time spent waiting for a CPU."]
        seen = "; ".join(f"{kind}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()) for kind, counts in run["hostile_seen"].items())
        out += ["", f"What the hostile clients saw: {seen} (reconnects: connections the server closed at request-read-seconds).", ""]
    return out


def render() -> str:
    runs = sorted((json.loads(p.read_text()) for p in RESULTS.glob("*.json")), key=lambda r: r["started"])
    out = ["# Benchmarks", "",
           "Generated by `make bench` (full) or `make bench-quick` (bench/run.py → bench/report.py) from "
           "bench/results/*.json; do not edit by hand. Each session's measurements come first, newest first "
           "(bench/sessions.md, written by hand), then the targets and what limits them (bench/analysis.md), "
           "then every run's figures, then the profiles.",
           "Synthetic corpora come from `lod corpus synth N` (lod.synth, seed 0): real paragraphs recombined under new symbols.", ""]
    for written in (SESSIONS, ANALYSIS):
        if written.exists():
            out += [written.read_text(encoding="utf-8").rstrip(), ""]
    searches = sorted((json.loads(p.read_text()) for p in SEARCH_RESULTS.glob("*.json")), key=lambda r: r["started"]) \
        if SEARCH_RESULTS.is_dir() else []
    if searches:
        out += ["## Full-text search (`python -m bench.search`)", "", f"Target: {SEARCH_TARGET}.", ""]
        if SEARCH_ANALYSIS.exists():
            out += [SEARCH_ANALYSIS.read_text(encoding="utf-8").rstrip(), ""]
        for run in searches:
            out += _search_section(run)
    for run in runs:
        out += [f"## Run `{run['label']}` ({run['started']}{', finished ' + run['finished'] if run.get('finished') else ', INCOMPLETE'})", "",
                f"Command: `{run['command']}`", ""]
        m, v = run["machine"], run["versions"]
        out += [f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} memory, {m['os']}.",
                "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
                f"Build with jobs=2 (process pool), in a fresh process per N; SPARQL: {run['config']['reps']} timed runs "
                f"after one warm-up (rdflib: first run timed too), budget {run['config']['query_budget']:.0f} s per query; "
                f"dereferencing runs {run['config']['duration']:.0f} s per cell.", ""]
        if any("reused" not in e.get("build", {}) for e in run["sizes"].values()):
            out += ["### Build", ""] + _build_section(run) + [""]
        for n, entry in run["sizes"].items():
            if "serve_error" in entry:
                out += [f"Serving N={n} failed: `{entry['serve_error'].strip().splitlines()[-1][:300]}`", ""]
        served = [(n, e["serve"]) for n, e in run["sizes"].items() if "serve" in e]
        if served:
            out += ["### SPARQL", ""]
            for n, serve in served:
                out += _sparql_section(n, serve) + [""]
            out += ["### Dereferencing", ""]
            for n, serve in served:
                out += _deref_section(n, serve) + [""]
        if any("dumps" in e or "dump_bytes" in e for e in run["sizes"].values()):
            out += ["### Dumps", ""] + _dumps_section(run) + [""]
    out += _hostile_section()
    profiles = sorted((RESULTS / "profiles").glob("*.txt"))
    if profiles:
        out += ["## Profiles (pyinstrument, `python -m bench.profile`)", ""]
        for path in profiles:
            body = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
            out += [f"### {path.stem}", "", "```"] + body[3:45] + ["```", ""]
    out.append(f"Join and aggregation queries for the rdflib target: {', '.join(JOIN_AND_AGGREGATION)}.")
    return "\n".join(out) + "\n"


def write_report() -> Path:
    OUTPUT.write_text(render(), encoding="utf-8")
    return OUTPUT


if __name__ == "__main__":
    print(write_report())
