"""IRIs never break: a work IRI with the right actor and number but another date answers 301.

One test per shape of request (right date, wrong date, approximate date, unknown number), on
the real server publishing the sample corpus; the registry's side (an approximate IRI that
changes once a date is printed) and the record of earlier builds (a renamed or removed
document) on real builds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph, Literal, URIRef


from corpora import CORPUS, REAL, needs_shared
from lod.model import Citation, Resolution
from lod.parse.resolved import resolve, resolve_citation
from lod.publish.workiris import WORK_IRIS, WorkIRITable, record_path
from lod.rdf.namespaces import UNRES
from lod.rdf.registry import WorkRegistry
from lod.uri import DEFAULT_BASE, WorkIRI
from server_fixtures import Server, build_corpus, path_of


ANY_URI = URIRef("http://www.w3.org/2001/XMLSchema#anyURI")


def _with_date(work: str, date: str) -> str:
    iri = WorkIRI.parse(work)
    return WorkIRI(iri.actor, date, iri.number, iri.base).work()


def test_right_date_answers_303_as_before(server: Server, published_works: list[dict[str, str]]) -> None:
    work = published_works[0]["work"]
    response = server.get(path_of(work), headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/data.ttl")


def test_wrong_date_answers_301_to_the_current_iri(server: Server, published_works: list[dict[str, str]]) -> None:
    work = published_works[0]["work"]
    wrong = _with_date(work, "1999-09-09")
    response = server.get(path_of(wrong) + "/data.ttl?x=1")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(path_of(work) + "/data.ttl?x=1")
    followed = server.get(path_of(wrong), headers={"Accept": "text/turtle"}, allow_redirects=True)
    assert followed.status_code == 200
    assert followed.url.endswith(path_of(work) + "/data.ttl")


def test_approximate_date_is_an_alias_in_the_rdf_and_answers_301(server: Server,
                                                                 published_works: list[dict[str, str]]) -> None:
    """A published work whose number implies its year (70/174 → 2015) had an approximate IRI
    in any build that did not know its date: the RDF names it, and it leads to the work."""
    checked = 0
    for row in published_works:
        work = row["work"]
        description = Graph().parse(data=server.get(path_of(work) + "/data.ttl").text, format="turtle")
        earlier = [str(a) for a in description.objects(URIRef(work), UNRES.alias)
                   if isinstance(a, Literal) and a.datatype == ANY_URI and WorkIRI.parse(str(a)).date.endswith("-01-01")]
        for alias in earlier:
            assert WorkIRI.parse(alias).number == WorkIRI.parse(work).number
            response = server.get(path_of(alias))
            assert response.status_code == 301
            assert response.headers["Location"].endswith(path_of(work))
            checked += 1
    assert checked, "no published work of the sample corpus has an approximate alias"


def test_unknown_number_answers_404(server: Server, published_works: list[dict[str, str]]) -> None:
    iri = WorkIRI.parse(published_works[0]["work"])
    unknown = WorkIRI(iri.actor, iri.date, "99999-99999", iri.base).work()
    assert server.get(path_of(unknown), headers={"Accept": "text/turtle"}).status_code == 404


def test_a_cited_works_iri_changes_when_a_text_prints_its_date() -> None:
    cited = resolve_citation(Citation(type="resolution", text="resolution 70/174", body="General Assembly",
                                      number="70/174", symbol="A/RES/70/174"))
    registry = WorkRegistry(base=DEFAULT_BASE)
    before = registry.entry_for_citation(cited)
    assert before.approximate and before.iri.date == "2015-01-01"
    dated = Citation(type="resolution", text="A/RES/70/174 of 17 December 2015", symbol="A/RES/70/174",
                     date="17 December 2015")
    registry.add(resolve(Resolution(symbol=None, kind="draft-resolution", body=None, citations=[dated], source="x.txt")))
    after = registry.entry_for_citation(cited)
    assert not after.approximate and after.iri.date == "2015-12-17"
    assert after.earlier == before.iri.work()


def test_earlier_builds_paths_keep_answering(tmp_path: Path) -> None:
    """A draft that printed no symbol is named by its file stem. When a sidecar gives its symbol,
    its IRI changes, and the record beside the output sends the stem IRI on (301); when its file
    leaves the corpus, both of its IRIs are gone (410), not unknown."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "output"
    build_corpus(corpus, out)
    first = WorkIRITable.read(out / WORK_IRIS)
    named_by_stem = {line.split("\t")[1]: line.split("\t")[0]
                     for line in record_path(out).read_text(encoding="utf-8").splitlines()
                     if Path(line.split("\t")[1]).stem in line.split("\t")[0]}
    assert named_by_stem, "the sample corpus has a draft printed without symbol"
    source, stem_path = sorted(named_by_stem.items())[0]
    assert first.moved(stem_path) is None  # its current IRI

    (corpus / f"{source}.meta.yaml").write_text("symbol: E/CN.15/2019/L.4\n", encoding="utf-8")
    build_corpus(corpus, out)
    second = WorkIRITable.read(out / WORK_IRIS)
    now = second.earlier[stem_path]
    assert "E-CN.15-2019-L.4" in now
    assert second.moved(stem_path + "/data.ttl") == (301, now + "/data.ttl")

    (corpus / source).unlink()
    build_corpus(corpus, out)
    third = WorkIRITable.read(out / WORK_IRIS)
    assert third.moved(stem_path) == (410, "")
    assert third.moved(now) == (410, "")


@needs_shared
def test_the_uns_own_iri_of_a_work_answers_301_to_ours(tmp_path: Path) -> None:
    """An AKN4UN file names its work with the UN's actor (`unga`); the RDF keeps that IRI as
    unres:alias, and the table sends it (and any path under it) to our IRI of the work."""
    from lxml import etree

    source = sorted((REAL / "ga-akn").rglob("A_RES_*.xml"))[0]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(source, corpus)
    out = build_corpus(corpus, tmp_path / "output")
    theirs = etree.parse(str(source)).xpath("//*[local-name()='FRBRWork']/*[local-name()='FRBRuri']/@value")[0].rstrip("/")
    table = WorkIRITable.read(out / WORK_IRIS)
    ours = [path for path in table.current.values() if path.endswith("/" + theirs.rsplit("/", 1)[1])]
    assert len(ours) == 1 and ours[0] != theirs
    assert table.moved(theirs) == (301, ours[0])
    assert table.moved(theirs + "/eng@/!main.xml") == (301, ours[0] + "/eng@/!main.xml")
