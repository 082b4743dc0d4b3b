"""What keeping IRIs from breaking costs: the 301 table at scale, and a 301 answered by the app.

    python -m bench.iri_moves [--works 100000] [--requests 2000] [--data output]

* the table (lod.publish.workiris) for `--works` work IRIs of the shape the build mints, with as
  many recorded earlier paths: CPU to make it, its size, CPU to read it, CPU per lookup;
* with `--data` (a build of corpus/), CPU per request of the Flask app answering a work IRI
  under a wrong date with 301 (before any route, no query), beside one answering 404 for a path
  that is no work (so the difference is the hook's).

CPU time (time.process_time) is the figure to read on a loaded machine; wall time is given too.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from lod.publish.workiris import WORK_IRIS, WorkIRITable, work_table

BASE = "http://127.0.0.1:8080"


def _iris(n: int) -> list[str]:
    actors = ("un-ga", "un-sc", "un-ecosoc", "un-hrc", "un-ccpcj")
    return [f"{BASE}/akn/un/statement/deliberation/{actors[k % 5]}/20{k % 25:02d}-0{k % 9 + 1}-1{k % 9}/{k // 25}-{k % 25 + 1}"
            for k in range(n)]


def table_figures(n: int) -> dict[str, float]:
    iris = _iris(n)
    published = {iri: f"doc_{k}.txt" for k, iri in enumerate(iris[: n // 2])}
    recorded = {iri.removeprefix(BASE).replace("/deliberation/un-ga/", "/deliberation/un-ga-old/"): f"doc_{k}.txt"
                for k, iri in enumerate(iris[: n // 2])}
    started, cpu = time.perf_counter(), time.process_time()
    table = work_table(iris, published, recorded, BASE)
    made = {"make_cpu_s": time.process_time() - cpu, "make_wall_s": time.perf_counter() - started}
    with tempfile.TemporaryDirectory(prefix="bench-iri-") as folder:
        path = Path(folder) / WORK_IRIS
        path.write_text(table.to_json(), encoding="utf-8")
        made["file_mib"] = path.stat().st_size / 2**20
        cpu = time.process_time()
        loaded = WorkIRITable.read(path)
        made["read_cpu_s"] = time.process_time() - cpu
    probes = [iri.removeprefix(BASE).replace("/20", "/19", 1) + "/data.ttl" for iri in iris[:100_000]]
    cpu = time.process_time()
    answers = [loaded.moved(p) for p in probes]
    made["lookup_cpu_us"] = (time.process_time() - cpu) / len(probes) * 1e6
    assert all(a is not None and a[0] == 301 for a in answers)
    return made


def app_figures(data: Path, requests: int) -> dict[str, float]:
    from lod.web import create_app

    table = WorkIRITable.read(data / WORK_IRIS)
    current = sorted(table.current.values())[0]
    wrong = current.replace(current.split("/")[6], "1999-09-09", 1)
    app = create_app({"data": str(data), "prerender": False} if _has_prerender() else {"data": str(data)})
    client = app.test_client()
    figures: dict[str, float] = {}
    for name, path, status in (("301", wrong + "/data.ttl", 301), ("404", "/akn/no/such/thing", 404)):
        assert client.get(path).status_code == status
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(requests):
            client.get(path)
        figures[f"{name}_cpu_ms"] = (time.process_time() - cpu) / requests * 1e3
        figures[f"{name}_wall_ms"] = (time.perf_counter() - started) / requests * 1e3
    return figures


def _has_prerender() -> bool:
    from lod import settings

    return any(s.name == "prerender" for s in settings.SETTINGS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    result = {"load_average": os.getloadavg(), "works": args.works, **table_figures(args.works)}
    if args.data:
        result.update(app_figures(args.data, args.requests))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
