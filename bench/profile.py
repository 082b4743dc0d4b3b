"""Profiles of the paths whose targets are missed, with pyinstrument, for docs/benchmarks.md.

Each profile runs in this process on a finished benchmark build (no gunicorn, no pool), so
the profile shows lod's own code rather than process plumbing: the build of a small corpus
(jobs=1), dereferencing a work IRI in Turtle through the Flask app, and a SPARQL request.
The text output's top entries go to bench/results/profiles/{name}.txt.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from pyinstrument import Profiler

from bench.common import ROOT
from lod.rdf.namespaces import prefix_lines

PROFILES = ROOT / "bench" / "results" / "profiles"


def _save(name: str, profiler: Profiler, lines: int = 60) -> Path:
    PROFILES.mkdir(parents=True, exist_ok=True)
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    path = PROFILES / f"{name}.txt"
    path.write_text("\n".join(text.splitlines()[:lines]) + "\n", encoding="utf-8")
    return path


def profile_build(corpus: Path) -> Path:
    from lod.publish import build

    scratch = Path(tempfile.mkdtemp(prefix="lod-profile-"))
    profiler = Profiler(interval=0.002)
    try:
        profiler.start()
        build(corpus, scratch / "out", jobs=1, progress=False)
        profiler.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return _save("build", profiler)


def profile_requests(out: Path, requests: int) -> list[Path]:
    from lod.store import load_build
    from lod.web.app import create_app

    load_build(out)
    app = create_app({"data": str(out)}, client_seconds_per_minute=1e9)
    client = app.test_client()
    report = json.loads((out / "report.json").read_text())
    works = sorted(urlsplit(d["work"]).path for d in report["documents"] if d.get("work"))[:requests]
    client.get(works[0], headers={"Accept": "text/turtle"}, follow_redirects=True)
    saved = []
    for fmt, accept in (("turtle", "text/turtle"), ("html", "text/html")):
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for path in works:
            client.get(path, headers={"Accept": accept}, follow_redirects=True)
        profiler.stop()
        saved.append(_save(f"deref-{fmt}", profiler))
    query = (prefix_lines("unres") +
             "SELECT ?verb (COUNT(?para) AS ?n) WHERE { ?para unres:action ?verb } GROUP BY ?verb ORDER BY DESC(?n) ?verb")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(20):
        client.get("/sparql?" + urlencode({"query": query}), headers={"Accept": "application/sparql-results+json"})
    profiler.stop()
    saved.append(_save("sparql-aggregate", profiler))
    return saved


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a synthetic corpus to build (keep it small)")
    parser.add_argument("--out", type=Path, required=True, help="a finished build to serve")
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args(argv)
    for path in [profile_build(args.corpus), *profile_requests(args.out, args.requests)]:
        print(path)


if __name__ == "__main__":
    main()
