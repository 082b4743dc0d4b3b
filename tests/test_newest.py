"""The newest documents the build lists (newest.json) are what the store answers: the same works,
symbols, dates and order as lod.web.queries.DOCUMENTS over the same build, so the home page and
/documents read the list instead of ordering every work of the store on each view."""

from __future__ import annotations

from pathlib import Path

from lod import output
from lod.publish.newest import newest
from lod.publish.report import DocumentOutcome
from lod.store.oxigraph import OxigraphStore
from lod.web import queries

from corpora import needs_shared  # noqa: E402

BASE = "http://127.0.0.1:8080/akn/un/statement/deliberation"


@needs_shared  # pages through more documents than the repository's four
def test_the_list_is_the_stores_answer(corpus_build: Path, tmp_path: Path) -> None:
    store = OxigraphStore.from_build(corpus_build, root=tmp_path / "store")
    answered = [(str(r["work"]), str(r.get("symbol", "")), str(r.get("date", ""))) for r in store.select(queries.DOCUMENTS)]
    listed = [(r["work"], r["symbol"], r["date"]) for r in output.read_newest(corpus_build) or []]
    assert len(listed) >= 8 and listed == answered
    titles: dict[str, set[str]] = {}
    for r in store.select(queries.PREFIXES + "SELECT ?work ?t WHERE { GRAPH ?work { ?work eli:is_realized_by/dcterms:title ?t } }"):
        titles.setdefault(str(r["work"]), set()).add(str(r["t"]))
    for row in output.read_newest(corpus_build) or []:
        assert (row["title"] in titles[row["work"]]) if row["work"] in titles else not row["title"], row


def outcome(work: str, symbol: str, title: str, language: str = "eng") -> DocumentOutcome:
    return DocumentOutcome(source=f"{symbol}-{language}.txt", status="published", symbol=symbol, work=work,
                           title=title, language=language)


def test_one_row_per_work_newest_first_english_title() -> None:
    rows = newest([
        outcome(f"{BASE}/unga/2015-12-17/70-174", "A/RES/70/174", "Titre", "fra"),
        outcome(f"{BASE}/unga/2015-12-17/70-174", "A/RES/70/174", "Title"),
        outcome(f"{BASE}/unga/2015-12-17/70-1", "A/RES/70/1", "Transforming our world"),
        outcome(f"{BASE}/unsc/2016-01-22/2266_(2016)", "S/RES/2266 (2016)", "Yemen"),
    ])
    assert [(r["symbol"], r["title"]) for r in rows] == [
        ("S/RES/2266 (2016)", "Yemen"), ("A/RES/70/1", "Transforming our world"), ("A/RES/70/174", "Title")]
    assert rows[0]["date"] == "2016-01-22"
    assert len(newest([outcome(f"{BASE}/unga/2015-12-{d:02d}/70-{d}", f"A/RES/70/{d}", "t") for d in range(1, 29)], 5)) == 5
