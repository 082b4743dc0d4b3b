"""Links to the world, on the sample corpus: every document of corpus/ parsed, mapped with one
registry and loaded with the authorities graph into one store, then asked with SPARQL.

Each test names the printed text it relies on, so a failure says which link was lost.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from lod.model import Resolution
from lod.parse import parse_file
from lod.parse.sponsors import parse_sponsors
from lod.rdf import WorkRegistry, resolution_graph
from lod.rdf.authorities import authorities_graph
from lod.rdf.examples import CO_SPONSORED_REAFFIRMING_TREATY, EXAMPLES
from lod.rdf.groups import GROUPS, lookup_group
from lod.rdf.namespaces import OWL, RDF, SKOS, UNRES
from lod.rdf.relations import relation_of_phrase, relation_property
from lod.states import all_states, lookup_state
from lod.validate import validate
from lod.rdf.examples import PREFIXES as EXAMPLE_PREFIXES

from corpora import CORPUS, needs_shared  # noqa: E402
BASE = "http://127.0.0.1:8080"
PREFIXES = EXAMPLE_PREFIXES + "PREFIX undo: <https://w3id.org/un/ontology/undo/>\n"
UNTOC = f"{BASE}/id/treaty/unts/39574"
UNCAC = f"{BASE}/id/treaty/unts/42146"
UNODC = f"{BASE}/akn/ontology/organizations/un/unitedNationsOfficeOnDrugsAndCrime"
SG = f"{BASE}/akn/ontology/organizations/un/secretaryGeneral"


def _corpus() -> list[Resolution]:
    return [parse_file(p) for p in sorted(CORPUS.iterdir()) if p.name != "README.md"]


@pytest.fixture(scope="module")
def documents() -> dict[str, Resolution]:
    return {res.source.split("_")[0] if res.source[0].isdigit() else res.source: res for res in _corpus()}


@pytest.fixture(scope="module")
def graphs(documents: dict[str, Resolution]) -> dict[str, Graph]:
    registry = WorkRegistry.from_corpus(list(documents.values()), BASE)
    return {key: resolution_graph(res, registry, BASE) for key, res in documents.items()}


@pytest.fixture(scope="module")
def store(graphs: dict[str, Graph]) -> ox.Store:
    store = ox.Store()
    for g in [*graphs.values(), authorities_graph(BASE)]:
        store.load(g.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def work(graphs: dict[str, Graph], key: str) -> str:
    return str(next(graphs[key].subjects(RDF.type, UNRES.Work)))


def ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(PREFIXES + query))


def rows(store: ox.Store, query: str) -> list[tuple[str | None, ...]]:
    return [tuple(t.value if t is not None else None for t in row) for row in store.query(PREFIXES + query)]


# --- the corpus maps and validates with the links -------------------------------------------
def test_every_corpus_document_conforms_with_its_links(documents: dict[str, Resolution], graphs: dict[str, Graph]) -> None:
    for key, g in graphs.items():
        result = validate(g, documents[key].source)
        assert result.conforms, result.report()


# --- sponsors → States and groups -------------------------------------------------------------
def test_sponsor_is_a_state_with_iso_codes_and_wikidata(store: ox.Store, graphs: dict[str, Graph]) -> None:
    # corpus/001 prints "the former Yugoslav Republic of Macedonia" among its 43 sponsors
    found = rows(store, f"""SELECT ?iso2 ?iso3 ?name ?wd WHERE {{
        <{work(graphs, '001')}> unres:docProponent ?s . ?s unres:iso3 "MKD" ; unres:iso2 ?iso2 ; unres:iso3 ?iso3 ;
        skos:prefLabel ?name ; owl:sameAs ?wd }}""")
    assert found == [("MK", "MKD", "North Macedonia", "http://www.wikidata.org/entity/Q221")]
    historic = rows(store, f"SELECT ?h WHERE {{ <{BASE}/id/state/MKD> skos:hiddenLabel ?h }}")
    assert ("The former Yugoslav Republic of Macedonia",) in historic
    count = rows(store, f"SELECT (COUNT(?s) AS ?n) WHERE {{ <{work(graphs, '001')}> unres:docProponent ?s . ?s a unres:State }}")
    assert count == [("43",)]


def test_every_state_of_the_authorities_is_consistent() -> None:
    g = authorities_graph(BASE)
    states = list(g.subjects(RDF.type, UNRES.State))
    assert len(states) == len(all_states()) == 195
    assert len({str(o) for s in states for o in g.objects(s, OWL.sameAs)}) == 195
    members = [s for s in states if g.value(s, UNRES.unStatus) == Literal("member")]
    assert len(members) == 193
    for node in states:
        iso2, iso3 = str(g.value(node, UNRES.iso2)), str(g.value(node, UNRES.iso3))
        assert str(node).endswith(f"/id/state/{iso3}")
        assert pycountry.countries.get(alpha_3=iso3).alpha_2 == iso2
        for label in (*g.objects(node, SKOS.prefLabel), *g.objects(node, SKOS.altLabel), *g.objects(node, SKOS.hiddenLabel)):
            assert lookup_state(str(label)).iso3 == iso3, label


@needs_shared
@pytest.mark.parametrize("printed, iso3", [("Swaziland", "SWZ"), ("Turkey", "TUR"), ("the Czech Republic", "CZE")])
def test_historic_names_in_a_sponsor_line_link_to_todays_state(printed: str, iso3: str) -> None:
    draft = parse_file(CORPUS / "A_C.6_80_L.2.txt")
    draft.sponsors = parse_sponsors(f"Austria, {printed} and Brazil")
    g = resolution_graph(draft, WorkRegistry.from_corpus([draft], BASE), BASE)
    assert (None, UNRES.docProponent, URIRef(f"{BASE}/id/state/{iso3}")) in g
    assert validate(g, draft.source).results == []


@needs_shared
def test_group_sponsoring_on_behalf_of_its_members_is_an_entity() -> None:
    draft = parse_file(CORPUS / "A_C.6_80_L.2.txt")
    draft.sponsors = parse_sponsors(
        "Bolivia (Plurinational State of) (on behalf of the States Members of the United Nations "
        "that are members of the Group of 77 and China)")
    g = resolution_graph(draft, WorkRegistry.from_corpus([draft], BASE), BASE)
    group = URIRef(f"{BASE}/id/group/g77-china")
    assert (None, UNRES.docProponent, group) in g and (group, RDF.type, UNRES.SponsorGroup) in g
    assert validate(g, draft.source).results == []
    assert (group, SKOS.prefLabel, Literal("Group of 77 and China", lang="en")) in authorities_graph(BASE)
    assert lookup_group("the States Members of the United Nations that are members of the Group of 77 and China").key == "g77-china"
    assert len({g.key for g in GROUPS}) == len(GROUPS)


@needs_shared
def test_unresolvable_sponsor_is_kept_and_reported() -> None:
    draft = parse_file(CORPUS / "A_C.6_80_L.2.txt")
    draft.sponsors = parse_sponsors("Argentina, Ruritania and Brazil")
    g = resolution_graph(draft, WorkRegistry.from_corpus([draft], BASE), BASE)
    assert (URIRef(f"{BASE}/id/sponsor/ruritania"), UNRES.unresolved, Literal(True)) in g
    assert validate(g, draft.source).shapes("Warning") == {"SponsorUnresolved"}


# --- addressees → bodies ------------------------------------------------------------------------
def test_paragraphs_requesting_unodc_and_the_secretary_general(store: ox.Store, graphs: dict[str, Graph]) -> None:
    # 004 para 8: "Requests the United Nations Office on Drugs and Crime to continue to periodically collect …"
    asked = rows(store, f"""SELECT ?p WHERE {{ ?p unres:hasAddressee ?a . ?a undo:hasReceiver <{UNODC}> ;
                            unres:actionLemma "request" }}""")
    assert (f"{work(graphs, '004')}/!main#para_8",) in asked
    assert (f"{work(graphs, '001')}/!main#para_13",) in asked
    # 001 para 63: "Requests the Secretary-General to submit to the General Assembly at its seventy-fourth session a report …"
    sg = rows(store, f"SELECT ?p WHERE {{ ?p unres:addresses <{SG}> }}")
    assert (f"{work(graphs, '001')}/!main#para_63",) in sg
    assert rows(store, f"SELECT ?wd WHERE {{ <{SG}> owl:sameAs ?wd }}") == [("http://www.wikidata.org/entity/Q81066",)]


# --- treaties: UNTS citation and mention in words land on one entity ---------------------------
def test_treaty_citation_and_mention_are_the_same_entity(store: ox.Store, graphs: dict[str, Graph]) -> None:
    main = f"{work(graphs, '001')}/!main"
    # footnote 5 of 001: "United Nations, Treaty Series, vol. 2349, No. 42146."; preamble 17 names it in words
    assert ask(store, f"ASK {{ <{main}#fn_5> unres:cites <{UNCAC}> }}")
    assert ask(store, f"ASK {{ <{main}#preamble__para_17> unres:cites <{UNCAC}> }}")
    assert ask(store, f"ASK {{ <{main}#fn_1> unres:cites <{UNTOC}> }}")
    assert ask(store, f"ASK {{ <{main}#para_5> unres:cites <{UNTOC}> }}")
    described = rows(store, f"""SELECT ?title ?n ?vol WHERE {{ <{UNTOC}> a unres:Treaty ; rdfs:label ?title ;
                                unres:untsNumber ?n ; unres:untsVolume ?vol FILTER(lang(?title) = "en") }}""")
    assert described == [("United Nations Convention against Transnational Organized Crime", "39574", "2225")]
    # its name in each official language (lod/data/treaty_names.csv): a French page shows the French
    labels = dict(rows(store, f"SELECT (lang(?l) AS ?tag) ?l WHERE {{ <{UNTOC}> skos:prefLabel ?l }}"))
    assert set(labels) == {"en", "fr", "es", "ru", "ar", "zh"}
    assert labels["fr"] == "Convention des Nations Unies contre la criminalité transnationale organisée"
    protocol = rows(store, f"SELECT ?t WHERE {{ ?t unres:supplements <{UNTOC}> ; unres:untsVolume '2237' }}")
    assert protocol == [(f"{BASE}/id/treaty/unts/39574-TIP",)]


# --- typed, paragraph-level citations -------------------------------------------------------------
def test_paragraph_links_typed_by_the_verb_that_introduces_the_citation(store: ox.Store, graphs: dict[str, Graph]) -> None:
    main = f"{work(graphs, '001')}/!main"
    # preamble 1: "Reaffirming its resolutions 46/152 …"; preamble 10 "…its resolution 70/299…" recalled
    assert ask(store, f"ASK {{ <{main}#preamble__para_1> unres:reaffirms ?w . ?w unres:symbol 'A/RES/46/152' }}")
    # preamble 4 of 001: "Welcoming Economic and Social Council resolution 2018/16 …"
    assert ask(store, f"ASK {{ <{main}#preamble__para_4> unres:welcomes ?w . ?w unres:symbol 'E/RES/2018/16' }}")
    # typed links are sub-properties of unres:cites: the plain link is always there too
    missing = rows(store, "SELECT ?p ?w WHERE { ?p unres:reaffirms ?w FILTER NOT EXISTS { ?p unres:cites ?w } }")
    assert missing == []


def test_footnote_citation_is_a_citation_of_the_paragraph_that_carries_the_marker(
    store: ox.Store, graphs: dict[str, Graph]
) -> None:
    main = f"{work(graphs, '001')}/!main"
    # preamble 3 of 001: "Recalling the Doha Declaration …,⁶" with footnote 6 "Resolution 70/174, annex."
    recalled = rows(store, f"SELECT ?s WHERE {{ <{main}#preamble__para_3> unres:recalls ?w . ?w unres:symbol ?s }}")
    assert recalled == [("A/RES/70/174",)]
    # preamble 14: "Taking note of … ⁸" with footnote 8 "See E/2016/30": the paragraph takes note of it
    assert ask(store, f"ASK {{ <{main}#preamble__para_14> unres:takesNoteOf ?d . ?d unres:symbol 'E/2016/30' }}")
    # operative 4: "Urges … the United Nations Convention against Transnational Organized Crime …¹": cites, untyped
    assert ask(store, f"ASK {{ <{main}#para_4> unres:cites <{UNTOC}> }}")
    assert rows(store, f"SELECT ?p WHERE {{ <{main}#para_4> ?p <{UNTOC}> FILTER(?p != unres:cites) "
                       "FILTER(STRSTARTS(STR(?p), STR(unres:))) }") == []


def test_citation_with_no_verb_of_its_own_takes_the_leading_phrase(store: ox.Store, graphs: dict[str, Graph]) -> None:
    main = f"{work(graphs, '001')}/!main"
    # preamble 20: "Recognizing that, thanks to their nearly universal adherence …, the United Nations
    # Convention against Transnational Organized Crime and the United Nations Convention against Corruption offer …"
    recognized = rows(store, f"SELECT ?t WHERE {{ <{main}#preamble__para_20> unres:recognizes ?t }} ORDER BY ?t")
    assert recognized == [(UNTOC,), (UNCAC,)]
    # operative 27: "Requests the Secretary-General … the United Nations Convention against …": no relation to type
    assert rows(store, f"SELECT ?p WHERE {{ <{main}#para_27> ?p <{UNTOC}> FILTER(?p != unres:cites) "
                       "FILTER(STRSTARTS(STR(?p), STR(unres:))) }") == []


def test_relation_of_a_leading_phrase_follows_the_verb_scheme() -> None:
    assert relation_of_phrase("Reaffirming also") == "reaffirm"
    assert relation_of_phrase("Takes note with appreciation") == "take-note"
    assert relation_of_phrase("Highlighting") is None
    assert relation_property("take-note") == UNRES.takesNoteOf and relation_property("highlight") is None


# --- cited works outside the corpus, placeholders ---------------------------------------------
def test_cited_work_outside_the_corpus_has_a_minimal_description(store: ox.Store) -> None:
    found = rows(store, """SELECT ?w ?page WHERE { ?w a unres:CitedWork ; unres:symbol "A/RES/46/152" ;
                           unres:actor ?organ ; rdfs:seeAlso ?page . ?organ rdfs:label "General Assembly"@en }""")
    assert [page for _, page in found] == ["https://undocs.org/A/RES/46/152"]


def test_cited_work_in_the_corpus_links_to_its_own_graph(store: ox.Store, graphs: dict[str, Graph]) -> None:
    # 004 preamble 1 recalls "its resolution 65/230"; corpus/003 is a page of A/RES/65/230
    assert ask(store, f"ASK {{ ?p unres:recalls <{work(graphs, '003')}> }}")


def test_placeholder_is_flagged_and_reported(store: ox.Store, documents: dict[str, Resolution], graphs: dict[str, Graph]) -> None:
    # 001 preamble 5: "Reaffirming its resolution 73/___ of … December 2018"
    flagged = rows(store, f"""SELECT ?c WHERE {{ ?c unres:inPortion <{work(graphs, '001')}/!main#preamble__para_5> ;
                              unres:placeholder true FILTER NOT EXISTS {{ ?c unres:citesWork ?w }} }}""")
    assert len(flagged) == 1
    assert "CitationPlaceholder" in validate(graphs["001"], documents["001"].source).shapes("Warning")


# --- drafts, reports and adopted texts --------------------------------------------------------
@needs_shared
def test_adopted_text_links_to_its_draft_and_report(store: ox.Store, graphs: dict[str, Graph]) -> None:
    # A/RES/80/1: "[without reference to a Main Committee (A/80/L.2/Rev.1)]"
    draft = rows(store, f"SELECT ?d ?page WHERE {{ <{work(graphs, 'A_RES_80_1.txt')}> unres:draft ?d . "
                        "?d unres:symbol 'A/80/L.2/Rev.1' ; rdfs:seeAlso ?page }")
    assert draft == [(f"{BASE}/id/document/A-80-L.2-Rev.1", "https://undocs.org/A/80/L.2/Rev.1")]
    # A/RES/80/2: "on the report of the Fifth Committee (A/80/401)"
    report = rows(store, f"SELECT ?s WHERE {{ <{work(graphs, 'A_RES_80_2.md')}> unres:report ?r . ?r unres:symbol ?s }}")
    assert report == [("A/80/401",)]


@needs_shared
def test_draft_and_adopted_text_in_one_corpus_are_linked_both_ways() -> None:
    """The sample corpus holds no draft together with its adopted text, so A/RES/80/1 is read as
    adopted on the Sixth Committee draft of the corpus (A/C.6/80/L.2): the rule is what is tested."""
    draft, adopted = parse_file(CORPUS / "A_C.6_80_L.2.txt"), parse_file(CORPUS / "A_RES_80_1.txt")
    adopted.draft_symbol = "A/C.6/80/L.2"
    registry = WorkRegistry.from_corpus([draft, adopted], BASE)
    draft_iri, adopted_iri = registry.work_for(draft).work(), registry.work_for(adopted).work()
    g_adopted, g_draft = resolution_graph(adopted, registry, BASE), resolution_graph(draft, registry, BASE)
    assert (URIRef(adopted_iri), UNRES.draft, URIRef(draft_iri)) in g_adopted
    assert (URIRef(adopted_iri), UNRES.alias, Literal(draft_iri, datatype=URIRef("http://www.w3.org/2001/XMLSchema#anyURI"))) in g_adopted
    assert (URIRef(draft_iri), UNRES.adoptedAs, URIRef(adopted_iri)) in g_draft
    assert (URIRef(draft_iri), URIRef("http://purl.org/spar/frbr/transformation"), URIRef(adopted_iri)) in g_draft
    for g, res in ((g_adopted, adopted), (g_draft, draft)):
        assert validate(g, res.source).results == []


@needs_shared
def test_a_revised_draft_falls_back_to_the_draft_it_revises() -> None:
    draft, adopted = parse_file(CORPUS / "A_C.6_80_L.2.txt"), parse_file(CORPUS / "A_RES_80_1.txt")
    adopted.draft_symbol = "A/C.6/80/L.2/Rev.1"
    registry = WorkRegistry.from_corpus([draft, adopted], BASE)
    assert registry.corpus_work("A/C.6/80/L.2/Rev.1") == registry.entry_for(draft)
    assert registry.corpus_work("A/C.6/80/L.3") is None
    assert registry.adopted_from("A/C.6/80/L.2") == [registry.entry_for(adopted)]
    assert registry.adopted_from("A/C.6/80/L.3") == []


# --- the example question, as one SPARQL query --------------------------------------------------
def test_resolutions_colombia_cosponsored_that_reaffirm_untoc(store: ox.Store, graphs: dict[str, Graph]) -> None:
    answer = [tuple(t.value for t in row) for row in store.query(CO_SPONSORED_REAFFIRMING_TREATY.query)]
    works = {w for w, _, _ in answer}
    # 001 (Colombia co-sponsors): preamble 2 "Reaffirming also … the Convention …¹", operative 5 "Reaffirms that the Convention …"
    assert works == {work(graphs, "001")}
    assert {p.rsplit("#", 1)[1] for _, _, p in answer} == {"preamble__para_2", "para_5"}
    # 004 is sponsored by Colombia too, but only "Highlighting the utility of" the Convention
    assert ask(store, f"ASK {{ <{work(graphs, '004')}> unres:docProponent <{BASE}/id/state/COL> }}")


@needs_shared
def test_every_example_query_runs_and_answers(store: ox.Store) -> None:
    for example in EXAMPLES:
        assert list(store.query(example.query)), example.slug


def test_the_published_dataset_answers_the_example_question(tmp_path: Path) -> None:
    """Through `lod build`: document graphs and the authorities graph as named graphs of the
    N-Quads dump, queried with the default graph as their union (as the endpoint does)."""
    import gzip

    from lod.publish import build

    report = build(CORPUS, tmp_path / "out", base=BASE, jobs=1, progress=False)
    quads = ox.Store()
    quads.load(gzip.decompress((tmp_path / "out" / "dumps" / "lod.nq.gz").read_bytes()), ox.RdfFormat.N_QUADS)
    assert ox.NamedNode(f"{BASE}/graph/authorities") in set(quads.named_graphs())
    answer = {row[0].value for row in quads.query(CO_SPONSORED_REAFFIRMING_TREATY.query, use_default_graph_as_union=True)}
    drafts = [d for d in report.published if d.source.startswith("001_")]
    assert answer == {drafts[0].work}


def test_a_decision_no_organ_numbers_so_links_to_no_work() -> None:
    """A decision whose number is no decision of the citing organ ("its decisions 20/1 and 20/2" of
    a committee, in an Assembly text) is a citation with its words and number, unresolved: no
    Assembly decision stub is made up for it, and the graph still conforms."""
    from lod.model import Citation, OperativeParagraph

    res = Resolution(symbol="A/RES/77/185", kind="resolution", body="General Assembly", date="2022-12-14", language="eng",
                     adoption_date="2022-12-14", session=77, number="77/185", title="South-South cooperation",
                     operative=[OperativeParagraph(num="1", text="Recalls its decisions 20/1 and 77/511;", eid="para_1",
                                                   verb="Recalls")],
                     citations=[Citation(type="decision", text="its decisions 20/1", number="20/1", location="para_1"),
                                Citation(type="decision", text="77/511", number="77/511", location="para_1")])
    from lod.parse.resolved import resolve

    resolve(res)
    registry = WorkRegistry(base=BASE)
    registry.add(res)
    g = resolution_graph(res, registry, BASE)
    nodes = {str(c): c for c in g.subjects(UNRES.citedNumber, None)}
    by_number = {str(g.value(c, UNRES.citedNumber)): c for c in nodes.values()}
    assert g.value(by_number["20/1"], UNRES.unresolved) == Literal(True)
    assert g.value(by_number["20/1"], UNRES.citesWork) is None
    assert g.value(by_number["77/511"], UNRES.citesWork) is not None
    assert validate(g, "A/RES/77/185").conforms
