"""The queries behind the pages people open, timed one by one on one store.

    python -m bench.browse_queries --data OUTPUT [--store URL --engine virtuoso|oxigraph] [--reps 2]

Each listing (home/documents, sponsors, treaties, bodies, sessions, documents per year) and each
document list of a browse page (a State's sponsored documents and co-sponsors, a treaty's citing
documents, a body's documents, a session) for the busiest State, the most cited treaty, a treaty
nobody cites and the busiest body of the build. Wall ms of the last of `--reps` runs (the first
warms the store's caches) and the rows. The subjects picked are found by queries of their own,
not hard-coded, so any build can be measured.
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from rdflib import URIRef

from lod import settings as registry
from lod.cli import setting_option
from lod.store import Store
from lod.store.choose import open_store
from lod.web import browse_queries as bq
from lod.web import queries as wq

P = bq.PREFIXES_BROWSE
PICK = {
    "state": "SELECT ?x (COUNT(*) AS ?n) WHERE { GRAPH ?w { ?w unres:docProponent ?x } } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1",
    "treaty": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x a unres:Treaty . GRAPH ?w { ?p unres:cites ?x } } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1",
    "uncited": "SELECT ?x WHERE { ?x a unres:Treaty FILTER NOT EXISTS { GRAPH ?w { ?p unres:cites ?x } } } LIMIT 1",
    "body": "SELECT ?x (COUNT(*) AS ?n) WHERE { GRAPH ?w { ?w unres:actor ?x } } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1",
    "session": "SELECT ?x ?s (COUNT(*) AS ?n) WHERE { GRAPH ?w { ?w unres:actor ?x ; unres:session ?s } } GROUP BY ?x ?s ORDER BY DESC(?n) LIMIT 1",
}


@click.command(help=(__doc__ or "").splitlines()[0])
@setting_option("data")
@setting_option("store")
@setting_option("engine")
@click.option("--reps", type=int, default=2, show_default=True)
def main(data: Path, store: str | None, engine: str, reps: int) -> None:
    # the store `lod serve` would use with these settings (lod.store.choose), the query time limit lifted
    settings = registry.resolve({"data": str(data), "store": store or "", "engine": engine, "query-timeout": 3600})
    measure(open_store(settings).current(), reps)


def measure(store: Store, reps: int) -> None:
    picked = {k: store.select(P + q) for k, q in PICK.items()}
    one = {k: rows[0] for k, rows in picked.items() if rows}
    cases = [("DOCUMENTS", wq.DOCUMENTS, None), ("SPONSORS", wq.SPONSORS, None), ("TREATIES", wq.TREATIES, None),
             ("BODIES", bq.BODIES, None), ("SESSIONS", bq.SESSIONS, None), ("PER_YEAR_AND_BODY", bq.PER_YEAR_AND_BODY, None)]
    if "state" in one:
        cases += [(f"{n} {one['state']['x']}", getattr(bq, n), {"iri": URIRef(str(one["state"]["x"]))})
                  for n in ("SPONSORED_BY", "COSPONSORS", "ADDRESSED_TO", "VOTES_OF")]
    for key in ("treaty", "uncited"):
        if key in one:
            cases.append((f"CITING {one[key]['x']}", bq.CITING, {"iri": URIRef(str(one[key]["x"]))}))
    if "body" in one:
        cases.append((f"BY_BODY {one['body']['x']}", bq.BY_BODY, {"iri": URIRef(str(one["body"]["x"]))}))
    if "session" in one:
        row = one["session"]
        cases.append((f"SESSION {row['x']} {row['s']}", bq.SESSION, {"iri": URIRef(str(row["x"])), "session": row["s"]}))
    print("| query | rows | wall ms |\n|---|---|---|")
    for name, query, bindings in cases:
        for _ in range(max(1, reps)):
            started = time.perf_counter()
            rows = store.select(query, bindings)
            seconds = time.perf_counter() - started
        print(f"| {name} | {len(rows)} | {1000 * seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
