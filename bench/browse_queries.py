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

import argparse
import time
from pathlib import Path

from rdflib import URIRef

from lod.store.choose import remote_store
from lod.store.oxigraph import OxigraphStore
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--store", help="an engine's URL (default: the build's embedded store)")
    parser.add_argument("--engine", default="virtuoso")
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args(argv)
    store = (remote_store(args.store, args.engine, args.data, "http://127.0.0.1:8080", 300) if args.store
             else OxigraphStore.from_build(args.data))
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
        for _ in range(max(1, args.reps)):
            started = time.perf_counter()
            rows = store.select(query, bindings)
            seconds = time.perf_counter() - started
        print(f"| {name} | {len(rows)} | {1000 * seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
