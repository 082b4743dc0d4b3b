"""The pages people browse, timed whole (Flask test client: routing, lists, SPARQL, templates).

    python -m bench.browse_pages --data OUTPUT [--store-dir DIR] [--reps 2] [--without-lists]

The busiest State, the most cited treaty, the busiest body and session (picked from the build's
lists.sqlite, so any build can be measured) and every listing. Wall and CPU ms of the last of
`--reps` views of each page (the first opens the store and warms its caches). `--without-lists`
hides the build's lists.sqlite, so the same pages ask the store as they did before the build
wrote them (lod.web.lists.StoreLists): the before/after of docs/benchmarks.md.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import click

from lod import lists, output
from lod import settings as registry
from lod.cli import setting_option
from lod.describe.paths import browse_path


def busiest(data: Path, base: str) -> list[str]:
    """The page paths of the biggest lists of each kind in the build."""
    db = sqlite3.connect(f"{(data / output.LISTS).resolve().as_uri()}?mode=ro", uri=True)
    paths = []
    for kind in (lists.SPONSOR, lists.CITES, lists.BODY):
        for (target,) in db.execute("SELECT target FROM members WHERE list = ? GROUP BY target "
                                    "ORDER BY COUNT(*) DESC LIMIT 100", (kind,)):
            path = browse_path(target, base)
            if path:  # the busiest target that has a page (a cited resolution has none)
                paths.append(path)
                break
    for actor, session in db.execute("SELECT actor, session FROM works WHERE session IS NOT NULL "
                                     "GROUP BY actor, session ORDER BY COUNT(*) DESC LIMIT 1"):
        body = browse_path(actor, base)
        if body and body.startswith("/bodies/"):
            paths.append(f"/sessions/{body.rsplit('/', 1)[-1]}/{session}")
    db.close()
    return paths + ["/sponsors", "/treaties", "/bodies", "/sessions", "/subjects"]


@click.command(help=(__doc__ or "").splitlines()[0])
@setting_option("data")
@setting_option("store-dir")
@click.option("--reps", type=int, default=2, show_default=True)
@click.option("--without-lists", is_flag=True, help="ask the store, as if the build had written no lists.sqlite")
def main(data: Path, store_dir: str, reps: int, without_lists: bool) -> None:
    from lod.web.app import create_app

    settings = registry.resolve({"data": str(data), "store-dir": store_dir, "query-timeout": 3600})
    paths = busiest(Path(data), settings.base.rstrip("/"))
    if without_lists:
        lists.BuiltLists.of = classmethod(lambda cls, data: None)  # type: ignore[method-assign]
    client = create_app(settings).test_client()
    print("| page | status | bytes | wall ms | CPU ms |\n|---|---|---|---|---|")
    for path in paths:
        for _ in range(max(1, reps)):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"| {path} | {response.status_code} | {len(response.data):,} | {1000 * wall:.0f} | {1000 * cpu:.0f} |",
              flush=True)


if __name__ == "__main__":
    main()
