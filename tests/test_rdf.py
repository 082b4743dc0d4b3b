"""Model → RDF: work IRIs from the registry, and every fact of a hand-built model in the graph.

The models are built by hand (the parser is not used) from the real corpus documents:
corpus/004 (a CCPCJ draft: texts read from the file with a line pattern specific to this test)
and corpus/A_RES_80_1.txt (an adopted GA resolution with points and a footnote).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from lod.symbols import resolution_symbol
from lod.model import Addressee, Annex, Citation, Footnote, OperativeParagraph, PreambularParagraph, Resolution, Sponsor, SubParagraph
from lod.parse.resolved import resolve, resolve_citation
from lod.rdf import MappingError, WorkRegistry, resolution_graph
from lod.dates import iso_date
from lod.rdf.namespaces import ELI, OWL, RDF, RDFS, SKOS, UNRES

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

from corpora import CORPUS  # noqa: E402
BASE = "http://127.0.0.1:8080"
WORKS = f"{BASE}/akn/un/statement/deliberation"


# --- hand-built models -----------------------------------------------------------------------
def _md(text: str) -> str:
    """Drop the Markdown of corpus/004 (links, italics, <sup>) to get the printed text."""
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)
    text = re.sub(r"<sup>(\d+)</sup>", r"\1", text)
    return text.replace("*", "").strip()


def draft_004() -> Resolution:
    """corpus/004: the CCPCJ draft on cybercrime (sponsors Austria, Canada, Colombia)."""
    raw = (CORPUS / "004_a62735c9b0a34126.txt").read_text(encoding="utf-8")
    lines = raw.splitlines()
    start = lines.index("*The General Assembly,*")
    preamble = []
    for line in lines[start + 1:]:
        if re.match(r"^\d+\. ", line):
            break
        if m := re.match(r"^\*([A-Z][a-z]+(?: [a-z]+)*)\* ", line):
            preamble.append(PreambularParagraph(text=_md(line), verb=m.group(1), eid=f"preamble__para_{len(preamble) + 1}"))
    operative = []
    for m in re.finditer(r"^(\d+)\. \*([^*]+)\* (.+)$", raw, re.M):
        operative.append(OperativeParagraph(num=m.group(1), text=_md(f"{m.group(2)} {m.group(3)}"), verb=m.group(2), eid=f"para_{m.group(1)}"))
    preamble[7].footnote_refs = ["1"]
    operative[9].footnote_refs = ["2"]
    operative[3].addressees = [Addressee("Member States", "states", "urge")]
    operative[7].addressees = [Addressee("the United Nations Office on Drugs and Crime", "body", "request", body_key="unodc")]
    operative[12].addressees = [Addressee("the Executive Director", "office", "request", head_of="unodc")]
    return resolve(Resolution(
        symbol=None, kind="draft-resolution", body="ccpcj", session=28, session_label="Twenty-eighth session",
        title="Promoting technical assistance and capacity-building to strengthen national measures and "
        "international cooperation to combat cybercrime",
        agenda_items=["8"], date="2019-04-23", language="eng",
        sponsors=[Sponsor("Austria", "AUT"), Sponsor("Canada", "CAN"), Sponsor("Colombia", "COL")],
        preamble_formula="The General Assembly,", preamble=preamble, operative=operative,
        footnotes=[
            Footnote("*", "E/CN.15/2019/1.", "fn_*"),
            Footnote("1", "United Nations, Treaty Series, vol. 2225, No. 39574.", "fn_1"),
            Footnote("2", "General Assembly resolution 65/230, annex.", "fn_2"),
        ],
        citations=[
            Citation("resolution", "its resolution 65/230 of 21 December 2010", "ga", "65/230", date="2010-12-21",
                     location="preamble__para_1", relation="recall"),
            Citation("resolution", "46/152 of 18 December 1991", "ga", "46/152", date="1991-12-18",
                     location="preamble__para_2", relation="reaffirm"),
            Citation("resolution", "its resolution 70/174 of 17 December 2015", "ga", "70/174", date="2015-12-17",
                     location="preamble__para_3", relation="recall"),
            Citation("resolution", "Commission on Crime Prevention and Criminal Justice resolution 26/4 of 26 May 2017",
                     "ccpcj", "26/4", date="2017-05-26", location="preamble__para_4", relation="welcome"),
            Citation("resolution", "Commission on Crime Prevention and Criminal Justice resolution 22/8 of 26 April 2013",
                     "ccpcj", "22/8", date="2013-04-26", location="para_7"),
            Citation("treaty", "United Nations, Treaty Series, vol. 2225, No. 39574", unts_volumes=["2225"],
                     unts_number="39574", location="fn_1"),
            Citation("resolution", "General Assembly resolution 65/230, annex", "ga", "65/230", location="fn_2"),
            Citation("document", "E/CN.15/2019/1", symbol="E/CN.15/2019/1", location="fn_*"),
        ],
        source="004_a62735c9b0a34126.txt", layout="markdown",
    ))


def res_80_1() -> Resolution:
    """corpus/A_RES_80_1.txt: GA resolution 80/1, paragraph 1 with points (a)–(c), one footnote."""
    points = [
        SubParagraph("(a)", "The State of Palestine may submit a pre-recorded statement of its President, which will be "
                     "played in the General Assembly Hall during the general debate of the Assembly at its eightieth session "
                     "after introduction by its representative who is physically present in the Assembly Hall;",
                     eid="para_1__list_1__point_a"),
        SubParagraph("(b)", "The State of Palestine may deliver statements by means of videoconference or submit a "
                     "pre-recorded statement at the meetings of the High-level International Conference for the Peaceful "
                     "Settlement of the Question of Palestine and the Implementation of the Two-State Solution;",
                     eid="para_1__list_1__point_b"),
        SubParagraph("(c)", "The State of Palestine may submit a pre-recorded statement of its President or other "
                     "high-level representative at any high-level meeting or United Nations conference;",
                     eid="para_1__list_1__point_c"),
    ]
    intro = ("Decides, without setting a precedent for future general debates and mandated high-level meetings and "
             "while stressing that the representatives of the State of Palestine should be able to participate in person "
             "in the relevant meetings at the United Nations in New York, that:")
    return resolve(Resolution(
        symbol="A/RES/80/1", kind="resolution", body="ga", number="80/1", session=80, session_label="Eightieth session",
        title="Participation by the State of Palestine during the eightieth session",
        agenda_items=["7"], date="2025-09-19", adoption_date="2025-09-19", draft_symbol="A/80/L.2/Rev.1",
        meeting="3rd plenary meeting", language="eng", preamble_formula="The General Assembly,",
        preamble=[
            PreambularParagraph("Expressing concern regarding situations in which representatives referred to in section 11 "
                                "of the Agreement between the United Nations and the United States of America regarding the "
                                "Headquarters of the United Nations are prevented from participating in the meetings of the "
                                "General Assembly,", "Expressing concern", "preamble__para_1", ["1"]),
            PreambularParagraph("Regretting, in this regard, the decision of the United States of America to deny visas to and "
                                "revoke visas from representatives of the State of Palestine,", "Regretting", "preamble__para_2"),
            PreambularParagraph("Taking note of the meeting of the Committee on Relations with the Host Country of "
                                "12 September 2025,", "Taking note of", "preamble__para_3"),
            PreambularParagraph("Recalling its relevant resolutions regarding the question of Palestine,", "Recalling",
                                "preamble__para_4"),
            PreambularParagraph("Recalling also the Headquarters Agreement,", "Recalling also", "preamble__para_5"),
        ],
        operative=[
            OperativeParagraph("1", intro + " " + " ".join(p.text for p in points), "Decides", intro=intro,
                               subparagraphs=points, eid="para_1"),
            OperativeParagraph("2", "Also decides that the President of the General Assembly will circulate as a document of "
                               "the Assembly the statement referred to in paragraph 1 (a) above;", "Also decides", eid="para_2"),
            OperativeParagraph("3", "Further decides that these procedures shall apply only during the eightieth session.",
                               "Further decides", eid="para_3"),
        ],
        footnotes=[Footnote("1", "See resolution 169 (II).", "fn_1")],
        citations=[Citation("resolution", "resolution 169 (II)", "ga", "169 (II)", location="fn_1")],
        source="A_RES_80_1.txt", layout="pdf-text",
    ))


def graph_of(res: Resolution, *others: Resolution) -> Graph:
    """The graph of a hand-built model, resolved as a converter resolves what it reads (a test may
    have added a citation to it since)."""
    registry = WorkRegistry.from_corpus([resolve(r) for r in (res, *others)], BASE)
    return resolution_graph(res, registry, BASE)


def oxigraph(graph: Graph) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def select(store: pyoxigraph.Store, query: str) -> list[tuple[str, ...]]:
    prefixes = "PREFIX unres: <https://w3id.org/un-lod/ontology#>\nPREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    return [tuple(term.value for term in row) for row in store.query(prefixes + query)]


# --- work IRIs -------------------------------------------------------------------------------
def test_adopted_resolution_is_named_by_organ_adoption_date_and_number() -> None:
    registry = WorkRegistry.from_corpus([res_80_1()], BASE)
    assert registry.work_for(res_80_1()).work() == f"{WORKS}/un-ga/2025-09-19/80-1"


def test_draft_without_symbol_is_named_by_issue_date_and_source_file() -> None:
    registry = WorkRegistry.from_corpus([draft_004()], BASE)
    assert registry.work_for(draft_004()).work() == f"{WORKS}/un-ccpcj/2019-04-23/004_a62735c9b0a34126"


def test_committee_draft_is_named_by_its_symbol_under_the_adopting_assembly() -> None:
    draft = resolve(Resolution(symbol="A/C.3/73/L.9/Rev.1", kind="draft-resolution", body="c3", date="2018-11-09", language="eng"))
    registry = WorkRegistry.from_corpus([draft], BASE)
    assert registry.work_for(draft).work() == f"{WORKS}/un-ga/2018-11-09/A-C.3-73-L.9-Rev.1"


def test_extract_takes_the_adoption_date_another_document_prints_for_it() -> None:
    """corpus/000 is page 12 of A/RES/70/174; corpus/004 cites "70/174 of 17 December 2015"."""
    extract = resolve(Resolution(symbol="A/RES/70/174", kind="extract", body="ga", language="eng", source="000_b2f48f3f43e47248.txt",
                                 annexes=[Annex(None, paragraphs=[OperativeParagraph("9", "We endeavour to ensure ...", eid="annex_1__para_9")],
                                                eid="annex_1")]))
    registry = WorkRegistry.from_corpus([extract, draft_004()], BASE)
    assert registry.work_for(extract).work() == f"{WORKS}/un-ga/2015-12-17/70-174"
    cited = draft_004().citations[2]
    assert registry.work_for_citation(cited) == f"{WORKS}/un-ga/2015-12-17/70-174"
    g = resolution_graph(extract, registry, BASE)
    assert (URIRef(f"{WORKS}/un-ga/2015-12-17/70-174"), UNRES.dateIsApproximate, None) not in g
    extracts = list(g.subjects(RDF.type, UNRES.Extract))
    assert [str(e) for e in extracts] == [f"{WORKS}/un-ga/2015-12-17/70-174/!main~extract_000_b2f48f3f43e47248"]


@pytest.mark.parametrize(
    ("body", "number", "expected"),
    [
        ("sc", "1373 (2001)", "un-sc/2001-01-01/1373_(2001)"),
        ("ecosoc", "2017/16", "un-ecosoc/2017-01-01/2017-16"),
        ("ga", "169 (II)", "un-ga/1947-01-01/169_(II)"),
        # the Council's early sessions met two a year (three in 1946): its 50th in 1971, not the Assembly's 50th's 1995
        ("ecosoc", "1566 (L)", "un-ecosoc/1971-01-01/1566_(L)"),
        ("ecosoc", "155 C (VII)", "un-ecosoc/1948-01-01/155_C_(VII)"),
        ("ecosoc", "11 (II)", "un-ecosoc/1946-01-01/11_(II)"),
        ("ecosoc", "1086 (XXXIX)", "un-ecosoc/1965-01-01/1086_(XXXIX)"),
        ("ga", "36/87 A", "un-ga/1981-01-01/36-87_A"),
        ("ccpcj", "26/4", "un-ccpcj/2017-01-01/26-4"),
    ],
)
def test_cited_work_without_a_known_date_gets_the_year_its_number_implies(body: str, number: str, expected: str) -> None:
    registry = WorkRegistry(base=BASE)
    entry = registry.entry_for_citation(resolve_citation(Citation("resolution", f"resolution {number}", body, number)))
    assert entry.iri.work() == f"{WORKS}/{expected}" and entry.approximate


def test_best_printed_date_wins_over_the_year_for_every_citation_of_the_work() -> None:
    registry = WorkRegistry(base=BASE)
    dated = Citation("resolution", "resolution 65/230 of 21 December 2010", "ga", "65/230", date="21 December 2010")
    registry.add(resolve(Resolution(symbol=None, kind="draft-resolution", body="ga", citations=[dated], source="x.txt")))
    undated = resolve_citation(Citation("resolution", "General Assembly resolution 65/230, annex", "ga", "65/230"))
    assert registry.work_for_citation(undated) == f"{WORKS}/un-ga/2010-12-21/65-230"


def test_placeholder_citation_has_no_work() -> None:
    assert WorkRegistry(base=BASE).work_for_citation(resolve_citation(Citation("resolution", "resolution 73/___", "ga", "73/___", placeholder=True))) is None


@pytest.mark.parametrize("number", ["6/2019", "1993/28", "2140 (2140)"])
def test_a_number_no_session_of_the_assembly_gives_is_no_work_of_its(number: str) -> None:
    """"resolution 6/2019 of 28 June 2019 of the Conference of the Food and Agriculture Organization" (A/RES/77/186),
    "1993/28" in an annex of E/RES/2021/24, read as the Assembly's, had become works A/RES/6/2019 (of 1951) and
    A/RES/1993/28 that never were: neither symbol nor work."""
    cited = resolve_citation(Citation("resolution", f"resolution {number}", "General Assembly", number))
    assert WorkRegistry(base=BASE).work_for_citation(cited) is None
    assert resolution_symbol("ga", number) is None
    assert resolution_symbol("ga", "70/174") == "A/RES/70/174" and resolution_symbol("ga", "3263 A (XXIX)") == "A/RES/3263(XXIX)"


def test_treaty_is_named_by_its_unts_registration_number() -> None:
    treaty = draft_004().citations[5]
    assert WorkRegistry(base=BASE).work_for_citation(treaty) == f"{BASE}/id/treaty/unts/39574"


# --- the graph -------------------------------------------------------------------------------
def test_graph_has_no_blank_nodes_and_is_byte_identical_whatever_the_corpus_order() -> None:
    one = resolution_graph(draft_004(), WorkRegistry.from_corpus([draft_004(), res_80_1()], BASE), BASE)
    two = resolution_graph(draft_004(), WorkRegistry.from_corpus([res_80_1(), draft_004()], BASE), BASE)
    assert one.serialize(format="turtle") == two.serialize(format="turtle")
    assert not [t for t in one if any(isinstance(term, BNode) for term in t)]


def test_missing_language_is_an_error_not_a_default() -> None:
    res = res_80_1()
    res.language = None
    with pytest.raises(MappingError, match="language"):
        graph_of(res)


def test_every_text_of_the_model_is_in_the_graph() -> None:
    res = draft_004()
    texts = {str(o) for o in graph_of(res).objects() if isinstance(o, Literal)}
    expected = [p.text for p in res.preamble] + [p.text for p in res.operative] + [f.text for f in res.footnotes]
    expected += [c.text for c in res.citations] + [res.title or "", res.preamble_formula or ""]
    assert [t for t in expected if t not in texts] == []


def test_dates_are_typed_xsd_date() -> None:
    g = graph_of(res_80_1())
    work = URIRef(f"{WORKS}/un-ga/2025-09-19/80-1")
    assert g.value(work, UNRES.adoptionDate) == Literal("2025-09-19", datatype=XSD_DATE)
    assert g.value(work, ELI.date_document) == Literal("2025-09-19", datatype=XSD_DATE)


def test_cited_work_outside_the_corpus_is_described_and_flagged_approximate() -> None:
    g = graph_of(res_80_1())
    cited = URIRef(f"{WORKS}/un-ga/1947-01-01/169_(II)")
    assert g.value(cited, UNRES.symbol) == Literal("A/RES/169(II)")
    assert g.value(cited, UNRES.dateIsApproximate) == Literal(True)
    assert (URIRef(f"{WORKS}/un-ga/2025-09-19/80-1/!main#fn_1"), UNRES.cites, cited) in g


def test_unresolvable_citation_and_sponsor_are_kept_and_flagged() -> None:
    res = draft_004()
    res.sponsors.append(Sponsor("Ruritania", None, "state"))
    res.citations.append(Citation("document", "the report of the Secretary-General", location="para_13"))
    g = graph_of(res)
    assert g.value(URIRef(f"{BASE}/id/sponsor/ruritania"), UNRES.unresolved) == Literal(True)
    node = URIRef(f"{WORKS}/un-ccpcj/2019-04-23/004_a62735c9b0a34126/!main#para_13__cit_1")
    assert g.value(node, UNRES.unresolved) == Literal(True)
    assert g.value(node, UNRES.citationText) == Literal("the report of the Secretary-General", lang="en")


# --- round trip through SPARQL ---------------------------------------------------------------
def test_round_trip_of_the_draft_through_sparql() -> None:
    res = draft_004()
    store = oxigraph(graph_of(res))
    assert len(select(store, "SELECT ?p WHERE { ?p a unres:OperativeParagraph }")) == 13
    assert len(select(store, "SELECT ?p WHERE { ?p a unres:PreambularParagraph }")) == len(res.preamble) == 11
    nums = select(store, "SELECT ?n WHERE { ?p a unres:OperativeParagraph ; unres:num ?n ; unres:position ?i } ORDER BY ?i")
    assert [n for (n,) in nums] == [str(i) for i in range(1, 14)]
    verbs = select(store, "SELECT ?v WHERE { ?p a unres:OperativeParagraph ; unres:leadingPhrase ?v ; unres:position ?i } ORDER BY ?i")
    assert [v for (v,) in verbs] == [p.verb for p in res.operative]
    assert verbs[4] == ("Also urges",)
    actions = select(store, "SELECT ?a WHERE { ?p unres:num '5' ; unres:action ?a }")
    assert actions == [("https://w3id.org/un-lod/vocab/verb/also-urges",)]
    isos = select(store, "SELECT ?iso WHERE { ?w unres:docProponent ?s . ?s unres:iso3 ?iso } ORDER BY ?iso")
    assert isos == [("AUT",), ("CAN",), ("COL",)]
    markers = select(store, "SELECT ?m WHERE { ?f a unres:AuthorialNote ; unres:marker ?m } ORDER BY ?m")
    assert markers == [("*",), ("1",), ("2",)]
    volumes = select(store, "SELECT ?v ?n WHERE { ?c unres:untsVolume ?v ; unres:untsNumber ?n ; a unres:Citation }")
    assert volumes == [("2225", "39574")]
    symbols = select(store, "SELECT DISTINCT ?s WHERE { ?c unres:citesWork ?w . ?w unres:symbol ?s } ORDER BY ?s")
    assert symbols == [("A/RES/46/152",), ("A/RES/65/230",), ("A/RES/70/174",), ("E/CN.15/2019/1",)]
    relations = select(store, "SELECT ?r WHERE { ?p unres:eId 'preamble__para_4' ; unres:hasCitation ?c . ?c unres:relation ?r }")
    assert relations == [("https://w3id.org/un-lod/vocab/relation/welcome",)]


def test_round_trip_of_points_and_footnote_refs_of_80_1() -> None:
    store = oxigraph(graph_of(res_80_1()))
    points = select(store, "SELECT ?n WHERE { ?l eli:is_part_of ?p . ?p unres:num '1' . ?pt eli:is_part_of ?l ; "
                           "unres:num ?n ; unres:position ?i } ORDER BY ?i")
    assert points == [("(a)",), ("(b)",), ("(c)",)]
    notes = select(store, "SELECT ?m WHERE { ?p unres:eId 'preamble__para_1' ; unres:hasNote ?f . ?f unres:marker ?m }")
    assert notes == [("1",)]
    sponsors = select(store, "SELECT ?s WHERE { ?w unres:docProponent ?s }")
    assert sponsors == []


def test_adopted_text_printing_no_number_is_named_by_its_source_file() -> None:
    page = resolve(Resolution(symbol=None, kind="extract", body="ga", session=65, language="eng", source="003_5f0c7ad5381111d8.txt"))
    entry = WorkRegistry.from_corpus([page], BASE).entry_for(page)
    assert entry.iri.work() == f"{WORKS}/un-ga/2010-01-01/003_5f0c7ad5381111d8"
    assert entry.approximate and entry.alias == "003_5f0c7ad5381111d8"


def test_document_with_no_date_at_all_fails_alone() -> None:
    undated = resolve(Resolution(symbol=None, kind="draft-resolution", body="ga", language="eng", source="x.txt"))
    registry = WorkRegistry.from_corpus([undated, res_80_1()], BASE)
    assert registry.work_for(res_80_1()).work() == f"{WORKS}/un-ga/2025-09-19/80-1"
    with pytest.raises(MappingError, match="x.txt"):
        resolution_graph(undated, registry, BASE)


def test_decision_gets_no_resolution_symbol() -> None:
    entry = WorkRegistry(base=BASE).entry_for_citation(resolve_citation(Citation("decision", "decision 71/401", "ga", "71/401")))
    assert entry.symbol is None and entry.iri.work() == f"{WORKS}/un-ga/2016-01-01/71-401"


def test_same_digits_of_different_organs_are_different_works() -> None:
    registry = WorkRegistry(base=BASE)
    ga = registry.work_for_citation(resolve_citation(Citation("resolution", "resolution 26/4", "ga", "26/4")))
    ccpcj = registry.work_for_citation(resolve_citation(
        Citation("resolution", "resolution 26/4", "Commission on Crime Prevention and Criminal Justice", "26/4")))
    assert ga != ccpcj and "/un-ccpcj/" in ccpcj


def test_states_are_labelled_with_their_un_name_and_linked_to_wikidata() -> None:
    res = draft_004()
    res.sponsors = [Sponsor("Bolivia", "BOL"), Sponsor("State of Palestine", "PSE")]
    g = graph_of(res)
    bolivia, palestine = URIRef(f"{BASE}/id/state/BOL"), URIRef(f"{BASE}/id/state/PSE")
    assert g.value(bolivia, RDFS.label) == Literal("Bolivia (Plurinational State of)", lang="en")
    assert (bolivia, SKOS.altLabel, Literal("Bolivia", lang="en")) in g
    assert g.value(bolivia, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q750")
    assert g.value(palestine, UNRES.unStatus) == Literal("observer")


def test_registry_and_graph_share_one_base() -> None:
    with pytest.raises(MappingError, match="one base"):
        resolution_graph(res_80_1(), WorkRegistry.from_corpus([res_80_1()], BASE), "https://elsewhere.example")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("21 December 2010", "2010-12-21"), ("2010-12-21", "2010-12-21"), ("2017", "2017-01-01"),
     ("May 2019", "2019-05-01"), ("21 December", None), ("Seventy-third session", None),
     ("2018-11-01T00:00:00", "2018-11-01"), ("31 February 2010", None), ("2010-13-01", None), ("", None), (None, None)],
)
def test_printed_dates_become_iso_dates_that_never_depend_on_today(printed: str, expected: str | None) -> None:
    assert iso_date(printed) == expected


def test_turtle_is_identical_across_processes_with_different_hash_seeds() -> None:
    script = (
        "import sys, hashlib; sys.path[:0] = ['.', 'tests']\n"
        "from test_rdf import draft_004, res_80_1, graph_of\n"
        "print(hashlib.sha256(graph_of(draft_004(), res_80_1()).serialize(format='turtle').encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parent.parent
    digests = {
        subprocess.run([sys.executable, "-c", script], cwd=root, env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1 and len(digests.pop().strip()) == 64


@pytest.mark.parametrize("extract_first", [True, False])
def test_adding_documents_one_by_one_in_any_order_gives_the_same_iris(extract_first: bool) -> None:
    extract = resolve(Resolution(symbol="A/RES/70/174", kind="extract", body="General Assembly", language="eng",
                                 source="000_b2f48f3f43e47248.txt"))
    registry = WorkRegistry(base=BASE)
    for res in ([extract, draft_004()] if extract_first else [draft_004(), extract]):
        registry.add(res)
    assert registry.work_for(extract).work() == f"{WORKS}/un-ga/2015-12-17/70-174"


def test_full_text_names_the_work_its_page_extract_belongs_to() -> None:
    page = resolve(Resolution(symbol="A/RES/80/1", kind="extract", body="ga", language="eng", source="a_page.txt"))
    registry = WorkRegistry.from_corpus([page, res_80_1()], BASE)
    assert registry.work_for(page) == registry.work_for(res_80_1())
    assert registry.work_for(page).work() == f"{WORKS}/un-ga/2025-09-19/80-1"
    assert registry.entry_for_citation(resolve_citation(Citation("resolution", "resolution 80/1", "ga", "80/1"))).in_corpus


def test_treaty_series_citation_names_each_instrument_it_cites() -> None:
    """001 prints "vols. 2225, 2237, 2241 and 2326, No. 39574": the Convention and three Protocols."""
    res = res_80_1()
    res.citations.append(Citation("treaty", "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574",
                                  unts_volumes=["2225", "2237", "2241", "2326"], unts_number="39574", location="fn_1"))
    g = graph_of(res)
    cited = sorted(str(o) for o in g.objects(URIRef(f"{WORKS}/un-ga/2025-09-19/80-1/!main#fn_1__cit_2"), UNRES.citesWork))
    assert cited == [f"{BASE}/id/treaty/unts/{k}" for k in ("39574", "39574-FIR", "39574-SOM", "39574-TIP")]
    protocol = URIRef(f"{BASE}/id/treaty/unts/39574-TIP")
    assert g.value(protocol, UNRES.supplements) == URIRef(f"{BASE}/id/treaty/unts/39574")
    assert str(g.value(protocol, RDFS.label)).startswith("Protocol to Prevent, Suppress and Punish Trafficking in Persons")


def test_addressees_are_kept_as_printed_and_resolved_where_known() -> None:
    store = oxigraph(graph_of(draft_004()))
    rows = select(store, "SELECT ?num ?name ?kind ?lemma WHERE { ?p unres:num ?num ; unres:hasAddressee ?a . "
                         "?a unres:addresseeName ?name ; unres:addresseeKind ?kind ; unres:actionLemma ?lemma } ORDER BY ?num")
    assert rows == [("13", "the Executive Director", "office", "request"), ("4", "Member States", "states", "urge"),
                    ("8", "the United Nations Office on Drugs and Crime", "body", "request")]
    unodc = f"{BASE}/akn/ontology/organizations/un/unitedNationsOfficeOnDrugsAndCrime"
    assert select(store, "SELECT ?p WHERE { ?p unres:addresses ?o . ?p unres:num '8' }") != []
    assert select(store, f"SELECT ?n WHERE {{ ?p unres:num ?n ; unres:addresses <{unodc}> }}") == [("8",)]
    assert select(store, f"SELECT ?a WHERE {{ ?a unres:headOf <{unodc}> }}") != []
