"""newest.json: the newest documents of the build, newest first, for the home page and /documents.

Those pages used to ask the store for every work's date and symbol and keep the newest 500: a
scan proportional to the dataset on every view (99 s at 17,000 documents with the first query,
1-3 s after it was rewritten). The build knows each published document's work, symbol, title and
date already, so it writes the list once (lod.output.NEWEST) and the pages read 500 lines.

Order and columns are those of the store's answer (lod.web.queries.DOCUMENTS): the work's date
(the date in its IRI, which is `unres:docDate`) descending, then the symbol; one row per work,
its title in English where a file of the work is English (else the first file's), its symbol as
the English file prints it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from lod import output
from lod.publish.report import DocumentOutcome
from lod.uri import IRIError, WorkIRI

ENGLISH = "eng"


def newest(published: Iterable[DocumentOutcome], count: int = output.NEWEST_COUNT) -> list[dict[str, str]]:
    """The `count` newest works among these published documents, as JSON-ready rows."""
    rows: dict[str, dict[str, str]] = {}
    for outcome in published:
        if not outcome.work:
            continue
        try:
            date = WorkIRI.parse(outcome.work).date
        except IRIError:
            date = ""
        row = {"work": outcome.work, "symbol": outcome.symbol or "", "title": outcome.title or "", "date": date}
        kept = rows.get(outcome.work)
        if kept is None or (outcome.language == ENGLISH and kept.get("language") != ENGLISH):
            rows[outcome.work] = {**row, "language": outcome.language or ""}
    ordered = sorted(rows.values(), key=lambda r: r["symbol"])
    ordered.sort(key=lambda r: r["date"], reverse=True)  # stable: date descending, then symbol
    return [{k: v for k, v in r.items() if k != "language"} for r in ordered[:count]]


def write_newest(staging: Path, published: Iterable[DocumentOutcome]) -> None:
    (staging / output.NEWEST).write_text(json.dumps(newest(published), ensure_ascii=False, indent=0) + "\n",
                                         encoding="utf-8")
