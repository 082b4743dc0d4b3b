"""The build's browse lists (lists.sqlite, lod.lists) are the store's answers: for every list the
build wrote, the same works in the same order with the same columns as the SPARQL the pages asked
before (lod.web.browse_queries), so a page reading the file shows what the store would.

Titles are the exception: a work's expressions have a title each and the store's SAMPLE takes any,
the build the English one; it must be one of the work's titles. tests/test_browse_akn.py holds the
vote and subject lists of AKN input to the store the same way.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from lod import lists, output
from lod.lists import BuiltLists, Row
from lod.store import Store
from lod.store.oxigraph import OxigraphStore
from lod.web import queries
from lod.web.lists import StoreLists

from corpora import needs_shared  # noqa: E402

METHODS = {lists.SPONSOR: "sponsored_by", lists.CITES: "citing", lists.BODY: "by_body",
           lists.SUBJECT: "subject_documents", lists.VOTE: "votes_of", lists.SUBMITTER: "submitted_as_officer"}


def _titles(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for r in store.select(queries.PREFIXES + "SELECT ?work ?t WHERE { ?work eli:is_realized_by/dcterms:title ?t }"):
        found[str(r["work"])].add(str(r["t"]))
    return found


def _same(built: list[Row], asked: list[Row], titles: dict[str, set[str]], what: str) -> None:
    assert [{k: v for k, v in r.items() if k != "title"} for r in built] == \
           [{k: v for k, v in r.items() if k != "title"} for r in asked], what
    for row in built:
        assert ("title" in row) == bool(titles.get(row["work"])), (what, row)
        assert "title" not in row or row["title"] in titles[row["work"]], (what, row)


def assert_lists_agree(data: Path, store: Store) -> Counter:
    """Every list of the build in `data` against the store's answer; how many lists of each kind."""
    built, asked, titles = BuiltLists.of(data), StoreLists(store), _titles(store)
    assert built is not None, f"{data} has no {output.LISTS}"
    db = sqlite3.connect(data / output.LISTS)
    targets = db.execute("SELECT DISTINCT list, target FROM members ORDER BY list, target").fetchall()
    addressed = [t for (t,) in db.execute("SELECT DISTINCT target FROM addressed ORDER BY target")]
    sessions = db.execute("SELECT DISTINCT m.target, w.session FROM members m JOIN works w ON w.work = m.work "
                          "WHERE m.list = ? AND w.session IS NOT NULL", (lists.BODY,)).fetchall()
    db.close()
    kinds: Counter = Counter()
    for name, target in targets:
        method = METHODS[name]
        _same(getattr(built, method)(target), getattr(asked, method)(target), titles, f"{method}({target})")
        kinds[name] += 1
        if name == lists.SPONSOR:
            assert built.cosponsors(target) == asked.cosponsors(target), f"cosponsors({target})"
    for name in lists.LISTINGS:
        assert built.listing(name) == asked.listing(name), f"listing({name})"
        kinds[f"listing {name}"] = len(built.listing(name))
    for target in addressed:
        mine, theirs = built.addressed_to(target), asked.addressed_to(target)
        # a paragraph of a six-language work has a text per language: the store's SAMPLE takes any
        assert [{k: v for k, v in r.items() if k != "text"} for r in mine] == \
               [{k: v for k, v in r.items() if k != "text"} for r in theirs], f"addressed_to({target})"
        kinds["addressed"] += 1
    for body, session in sessions:
        _same(built.session(body, int(session)), asked.session(body, int(session)), titles, f"session({body}, {session})")
        kinds["session"] += 1
    return kinds


def test_every_list_of_the_sample_build_is_the_stores_answer(corpus_build: Path, tmp_path: Path) -> None:
    store = OxigraphStore.from_build(corpus_build, root=tmp_path / "store")
    kinds = assert_lists_agree(corpus_build, store)
    assert kinds[lists.SPONSOR] >= 40 and kinds[lists.CITES] >= 10 and kinds[lists.BODY] >= 2, kinds
    assert kinds["session"] >= 1 and kinds["addressed"] >= 3, kinds


def test_a_target_without_documents_has_an_empty_list(corpus_build: Path) -> None:
    built = BuiltLists.of(corpus_build)
    assert built is not None
    assert built.sponsored_by("http://example.org/nobody") == [] and built.session("http://example.org/x", 1) == []


def test_data_without_the_file_has_no_built_lists(tmp_path: Path) -> None:
    assert BuiltLists.of(tmp_path) is None


def test_what_the_writer_keeps_from_the_runs(tmp_path: Path) -> None:
    """A literal sponsor is no list's target; a paragraph citing twice counts once, also when two
    documents (language versions) of the work say it; a work citing itself is not listed; an
    addressee record is joined inside its document; a document without kept facts has them made from its run."""
    from lod.publish.dumps import DocumentPart
    from lod.publish.lists import KEPT, keep_facts, write_lists

    u, w1, w2 = "https://w3id.org/un-lod/ontology#", "http://x.org/akn/w1", "http://x.org/akn/w2"
    state, treaty = "http://x.org/id/state/AUT", "http://x.org/id/treaty/t1"
    english = [
        (w1, f"{u}docProponent", f"<{state}>"), (w1, f"{u}docProponent", '"Some delegation"'),
        (w1, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{u}Work>"),
        (w1, f"{u}docDate", '"2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date>'),
        (f"{w1}#para_1", f"{u}cites", f"<{treaty}>"), (f"{w1}#para_2", f"{u}cites", f"<{treaty}>"),
        (f"{w1}#para_2", f"{u}cites", f"<{w1}>"),
        (f"{w1}#para_2", f"{u}hasAddressee", f"<{w1}#para_2__addressee_1>"),
        (f"{w1}#para_2__addressee_1", "https://w3id.org/un/ontology/undo/hasReceiver", f"<{state}>"),
        (f"{w1}#para_2__addressee_1", f"{u}actionLemma", '"request"'),
        (f"{w1}#para_2", f"{u}text", '"Requests Austria to act"@en'),
    ]
    french = [(w1, f"{u}docProponent", f"<{state}>"), (f"{w1}#para_2", f"{u}cites", f"<{treaty}>")]
    other = [(w2, f"{u}docProponent", f"<{state}>"), (f"{w2}#para_1", f"{u}text", '"unaddressed"')]
    parts = []
    for slug, graph, triples in (("w1", w1, english), ("w1.fra", w1, french), ("w2", w2, other)):
        (tmp_path / slug).mkdir()
        run = tmp_path / slug / "run.nt"
        run.write_text("".join(sorted(f"<{s}> <{p}> {o} .\n" for s, p, o in triples)), encoding="utf-8")
        parts.append(DocumentPart(slug, graph, run, len(triples)))
    out = tmp_path / "out"
    out.mkdir()
    for keep in (False, True):  # made from the runs; then read back from beside them, as a map worker keeps them
        if keep:
            for part in parts:
                keep_facts(part.path, part.graph, part.path.read_bytes())
        write_lists(out, parts)
        built = BuiltLists.of(out)
        assert built is not None
        assert [r["work"] for r in built.sponsored_by(state)] == [w1, w2]  # dated first, newest first
        assert built.listing("sponsors") == [{"sponsor": state, "documents": "2"}]
        assert built.citing(treaty) == [{"work": w1, "date": "2020-01-02", "paragraphs": "2"}]
        assert built.citing(w1) == []
        assert built.addressed_to(state) == [{"work": w1, "paragraph": f"{w1}#para_2",
                                              "text": "Requests Austria to act", "action": "request"}]
    assert len(list(tmp_path.glob("*/" + KEPT.format("*")))) == 3


@needs_shared  # pages through more documents than the repository's four
def test_documents_are_paged_newest_first_and_filtered(corpus_build: Path, tmp_path: Path,
                                                       monkeypatch) -> None:
    """/documents pages through every published work in the store's order (lod.web.queries.DOCUMENTS:
    date descending, then symbol), links its neighbours, and filters by words of a symbol or title
    whatever their case; the lists are the build's (no store is opened)."""
    import re

    from lod.web import pages
    from lod.web.app import create_app

    store = OxigraphStore.from_build(corpus_build, root=tmp_path / "store")
    expected = [str(r["work"]) for r in store.select(queries.DOCUMENTS)]
    assert len(expected) >= 5
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    client = create_app({"data": str(corpus_build), "store-dir": str(tmp_path / "unused")}).test_client()
    seen: list[str] = []
    for number in range(1, 4):
        text = client.get(f"/documents?page={number}").get_data(as_text=True)
        rows = re.findall(r'<tr><td class="doc-symbol"><a href="([^"]+)"', text)
        seen += rows
        assert ('rel="next"' in text) == (number * 2 < len(expected)) and ('rel="prev"' in text) == (number > 1)
        assert f"of {len(expected)} documents" in text
    assert seen == [work.removeprefix("http://127.0.0.1:8080") for work in expected[:6]]
    for listing in ("/bodies", "/sessions", "/subjects", "/sponsors", "/treaties"):
        assert client.get(listing).status_code == 200
    assert not (tmp_path / "unused").exists()  # pages made from the build's lists open no store
    built = BuiltLists.of(corpus_build)
    assert built is not None
    total, rows = built.documents("", 0, 100)
    title = next(r["title"] for r in rows if r.get("title"))
    word = max(title.split(), key=len)
    page = client.get("/documents", query_string={"q": word.upper()}).get_data(as_text=True)
    listed = re.findall(r'<tr><td class="doc-symbol"><a href="[^"]+">[^<]*</a></td><td>([^<]*)</td>', page)
    assert listed
    assert len(listed) == sum(1 for r in rows if word.casefold() in (r.get("title", "") + r.get("symbol", "")).casefold())
    assert "No documents." in client.get("/documents?page=99").get_data(as_text=True)


def test_a_damaged_lists_file_is_logged_and_the_store_answers(corpus_build: Path, tmp_path: Path, caplog) -> None:
    """lists.sqlite overwritten (or cut short): every page still answers, the same as over the
    intact build, from the store, and the log names the file and the reason."""
    import logging
    import shutil

    from lod.web.app import create_app

    intact, damaged = tmp_path / "intact", tmp_path / "damaged"
    shutil.copytree(corpus_build, intact)
    shutil.copytree(corpus_build, damaged)
    (damaged / output.LISTS).write_bytes(b"this is not a database, " * 200)
    pages = ["/states/AUT", "/bodies", "/sponsors", "/treaties", "/sessions", "/documents", "/documents?q=crime"]
    answers = {}
    for data in (intact, damaged):
        client = create_app({"data": str(data), "store-dir": str(tmp_path / f"store-{data.name}")}).test_client()
        with caplog.at_level(logging.WARNING):
            answers[data.name] = [(client.get(p).status_code, client.get(p).get_data(as_text=True)) for p in pages]
    assert [status for status, _ in answers["damaged"]] == [200] * len(pages)
    assert answers["damaged"] == answers["intact"]
    assert f"{damaged / output.LISTS} cannot be read" in caplog.text and "file is not a database" in caplog.text
