"""Tables (lod.model.Table) from every reader, into the RDF and the AKN output and back:
the UN's AKN tables (budget appropriations, staffing tables, a form's items, a programme of
work), Word tables and a scale of assessments read out of text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal

from corpora import ABSENT, REAL
from lod.akn import akn_document, akn_errors
from lod.model import Resolution
from lod.parse import parse_file, parse_text
from lod.parse.akn import read_akn
from lod.quality import findings
from lod.rdf import WorkRegistry, map_resolution, resolution_graph
from lod.rdf.namespaces import DCTERMS, UNRES
from lod.validate import validate_lines
from test_akn_read import store_of
from test_parse_rules import SCALE
from test_shapes import validate

AKN = REAL / "ga-akn"
GA77 = AKN / "GAresolutions-main" / "77session" / "English"
ECOSOC_2021 = AKN / "ECOSOCresolutions-main" / "2021" / "English"
DOCX = REAL / "ga-docx"
BASE = "http://lod.test"
pytestmark = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)
PREFIXES = "PREFIX unres: <https://w3id.org/un-lod/ontology#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"


def one(folder: Path, prefix: str) -> Path:
    found = sorted(p for p in folder.rglob("*") if p.name.startswith(prefix))
    assert found, f"no {prefix}* in {folder}"
    return found[0]


def paragraph_texts(res: Resolution) -> list[str]:
    return [p.text for p in [*res.preamble, *res.operative, *(q for a in res.annexes for q in a.paragraphs)]]


def test_a_table_between_paragraphs_is_a_table_not_a_paragraph() -> None:
    budget = parse_file(one(GA77, "A_RES_77_264 A-C"))
    first = budget.tables[0]
    assert (first.eid, first.location, first.header) == ("table_1", "", ["Section", "Amount (United States dollars)"])
    assert ["1", "Overall policymaking, direction and coordination", "86 769 400"] in first.rows
    assert not any("86 769 400" in text for text in paragraph_texts(budget))
    form = parse_file(one(GA77, "A_RES_77_100-"))
    notice = next(t for t in form.tables if t.location == "annex_2")
    assert notice.title == "Minimum information to be contained in the notice of judicial sale"
    assert notice.rows[1] == ["2.", "Name of State of judicial sale"] and len(notice.rows) == 14
    assert not any(" | " in text for text in paragraph_texts(form))
    forests = parse_file(one(ECOSOC_2021, "E_RES_2021_6-"))
    assert [t.footnote_refs for t in forests.tables] == [[], [], ["1"]]  # a note printed in a cell
    assert not [f for f in findings(forests) if f.code == "note-without-marker"]
    assert [t.title for t in forests.tables] == [
        "Seventeenth session of the United Nations Forum on Forests, 2022 (policy session)",
        "Eighteenth session of the United Nations Forum on Forests, 2023 (technical session)",
        "Nineteenth session of the United Nations Forum on Forests, 2024 (policy session)",
    ]


def _store(*docs: Resolution) -> pyoxigraph.Store:
    """The documents in one store (test_akn_read.store_of), each checked by both SHACL engines."""
    registry = WorkRegistry(base=BASE)
    for res in docs:
        registry.add(res)
    for res in docs:
        lines = map_resolution(res, registry, BASE).lines()
        for engine in ("sparql", "pyshacl"):
            result = validate_lines(lines, res.source, engine=engine)
            assert result.conforms, (res.source, engine, result.results[:3])
    return store_of(*docs)


def _select(store: pyoxigraph.Store, query: str) -> list[tuple[str, ...]]:
    return [tuple(t.value for t in row) for row in store.query(PREFIXES + query)]


def test_tables_are_rows_and_cells_in_rdf_and_conform_to_the_shapes() -> None:
    budget = parse_file(one(GA77, "A_RES_77_264 A-C"))
    word = parse_file(one(DOCX, "N1824662.docx"))
    scale = parse_text(SCALE, source="scale.txt")
    store = _store(budget, word, scale)
    amount = _select(store, """SELECT ?amount WHERE {
        ?w unres:symbol "A/RES/77/264 A-C" . ?table a unres:Table ; unres:eId "table_1" .
        FILTER(STRSTARTS(STR(?table), STR(?w)))
        ?row unres:rowOf ?table . ?name unres:cellOf ?row ; unres:column 2 ; unres:text ?section .
        FILTER(STR(?section) = "Overall policymaking, direction and coordination")
        ?cell unres:cellOf ?row ; unres:column 3 ; unres:text ?amount }""")
    assert amount == [("86 769 400",)]
    header = _select(store, """SELECT ?text WHERE { ?row unres:headerRow true ; unres:position 1 ; unres:rowOf ?t .
        ?t unres:eId "table_1" . FILTER(CONTAINS(STR(?t), "77-264")) ?c unres:cellOf ?row ; unres:column 1 ; unres:text ?text }""")
    assert header == [("Section",)]
    rate = _select(store, """SELECT ?rate WHERE {
        ?row unres:rowState <http://lod.test/id/state/BOL> . ?c unres:cellOf ?row ; unres:column 2 ; unres:text ?rate }""")
    assert rate == [("0.019",)]
    states = _select(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?row unres:rowState ?s }")
    assert states == [(str(sum(1 for r in scale.tables[0].rows if r[0] != "Total")),)]
    in_annex = _select(store, """SELECT ?w (COUNT(?t) AS ?n) WHERE { ?t a unres:Table ; dcterms:isPartOf ?part .
        FILTER(STRENDS(STR(?part), "#annex_1")) ?w unres:symbol ?symbol . FILTER(STRSTARTS(STR(?t), STR(?w))) }
        GROUP BY ?w""")
    assert sorted(n for _, n in in_annex) == ["1", "9"]  # the scale of assessments; E/RES/2018/30's nine lists
    word_tables = _select(store, """SELECT (COUNT(?t) AS ?n) WHERE { ?w unres:symbol "E/RES/2018/30" .
        ?t a unres:Table . FILTER(STRSTARTS(STR(?t), STR(?w))) }""")
    assert word_tables == [("9",)]


@pytest.mark.parametrize("name", ["A_RES_77_264 A-C", "A_RES_77_100-", "E_RES_2021_6-", "scale", "N1824662.docx",
                                  "A_RES_77_261-", "A_RES_77_258-", "N1821512.docx"])
def test_tables_go_into_the_akn_output_and_read_back(name: str) -> None:
    if name == "scale":
        res = parse_text(SCALE, source="scale.txt")
    else:
        res = parse_file(one(DOCX if name.endswith(".docx") else AKN, name))
    assert res.tables
    registry = WorkRegistry(base=BASE)
    registry.add(res)
    xml = akn_document(res, registry, BASE)
    assert akn_errors(xml, res.source) == []
    again = read_akn(xml, res.source)
    assert again.tables == res.tables
    assert paragraph_texts(again) == paragraph_texts(res)


def test_the_notes_and_legend_printed_under_a_table_are_the_table_s() -> None:
    """The UN marks a table's notes as footnote-text paragraphs after the table ("a See
    A/77/528.") and its cells' markers raised ("2023<sup>a</sup>"): they had been unnumbered
    paragraphs of the annex, and the markers part of the cells' words ("inflationb"). The legend
    of a staffing table ("Abbreviations: GS (OL), …") had been an unnumbered operative paragraph."""
    mechanism = parse_file(one(GA77, "A_RES_77_261-"))
    table = mechanism.tables[0]
    assert [(n.marker, n.text, n.cells) for n in table.notes] == [
        ("a", "See A/77/528.", [(2, 1)]), ("b", "See A/77/628.", [(3, 1)]), ("c", "Reflects amounts after recosting.", [(4, 1)])]
    assert table.rows[1][0] == "Estimated appropriation for 2023"
    assert table.rows[2][0] == "Revised estimates: effects of changes in rates of exchange and inflation"
    assert not any(p.num is None for a in mechanism.annexes for p in a.paragraphs)
    pensions = parse_file(one(GA77, "A_RES_77_258-"))
    assert pensions.tables[0].legend == ("Abbreviations: GS (OL), General Service (Other level); "
                                         "GS (PL), General Service (Principal level).")
    assert pensions.tables[0].notes == [] and pensions.tables[1].legend is None
    assert [p.num for p in pensions.operative if p.num is None] == []
    store = _store(mechanism, pensions)
    noted = _select(store, """SELECT ?words ?marker ?note WHERE { ?cell unres:hasNote ?n ; unres:text ?words .
        ?t unres:hasNote ?n ; unres:eId "table_1" . ?n a unres:AuthorialNote ; unres:marker ?marker ; unres:text ?note ;
        dcterms:isPartOf ?t . FILTER(CONTAINS(STR(?t), "77-261")) } ORDER BY ?marker""")
    assert noted == [("Estimated appropriation for 2023", "a", "See A/77/528."),
                     ("Revised estimates: effects of changes in rates of exchange and inflation", "b", "See A/77/628."),
                     ("Recommendations of the Advisory Committee on Administrative and Budgetary Questions", "c",
                      "Reflects amounts after recosting.")]
    cited = _select(store, """SELECT ?eid WHERE { ?n unres:hasCitation ?c ; unres:eId ?eid . ?c unres:citesWork ?doc .
        FILTER(CONTAINS(STR(?n), "77-261") && STRENDS(STR(?doc), "A-77-628")) } ORDER BY ?eid""")
    assert cited == [("fn_1",), ("table_1__note_2",)]  # note 1 cites "A/77/488, A/77/528 and A/77/628"
    legend = _select(store, """SELECT ?legend WHERE { ?t unres:legend ?legend }""")
    assert [text for (text,) in legend] == [pensions.tables[0].legend]


def test_a_word_table_s_notes_and_legend_are_the_table_s() -> None:
    """A/RES/72/288 (Word): the paragraphs in the footnote-text style right under a staffing table
    ("Note: The specific assignment …", "Abbreviations: GS (OL), …", "a Person-months are indicated
    …") had been unnumbered annex paragraphs, and the raised "a" part of a cell's words ("(positions
    of less than 12 months’ duration)a"). The legend's citations stay, at the table."""
    support = parse_file(one(DOCX, "N1821512.docx"))
    posts, positions = support.tables
    assert posts.notes == [] and posts.legend.startswith("Note: The specific assignment and location of each of the new posts")
    [note] = positions.notes
    assert (note.marker, note.text) == ("a", "Person-months are indicated in the column entitled “Level”.")
    [(row, column)] = note.cells
    assert positions.rows[row - 1][column - 1] == "Positions and 52 person-months (positions of less than 12 months’ duration)"
    assert positions.legend.endswith("Abbreviations: GS (OL), General Service (Other level); NGS, national General Service.")
    assert not any(p.text.startswith(("Note:", "*Note*")) for a in support.annexes for p in a.paragraphs)
    assert {(c.text, c.location) for c in support.citations if c.location.startswith("table")} == {
        ("A/72/790/Rev.1", "table_1"), ("A/72/857", "table_1"), ("A/72/790/Rev.1", "table_2"), ("A/72/857", "table_2")}


def test_a_word_table_stands_in_its_annex_under_its_heading() -> None:
    """A Word file's tables had all been parts of the main text, after its paragraphs, untitled:
    A/RES/72/288's staffing tables are annex I's and annex II's, E/RES/2018/30's nine lists of
    bodies its annex's, each titled by the heading printed right above it; a table inside a
    paragraph's points (A/RES/72/253: "… as follows:" ⏎ the table ⏎ "(b) …") stays the main
    text's, and the paragraph keeps its points."""
    support = parse_file(one(DOCX, "N1821512.docx"))
    assert [(t.eid, t.location, t.title) for t in support.tables] == [
        ("table_1", "annex_1", "Posts to be established under the support account for peacekeeping operations for the "
                               "period from 1 July 2018 to 30 June 2019"),
        ("table_2", "annex_2", "General temporary assistance positions to be established under the support account for "
                               "peacekeeping operations for the period from 1 July 2018 to 30 June 2019")]
    bodies = parse_file(one(DOCX, "N1824662.docx"))
    assert {t.location for t in bodies.tables} == {"annex_1"}
    assert [t.title for t in bodies.tables][:4] == ["Economic and Social Council", "Functional commissions and their "
                                                    "respective subsidiary bodies", "Regional commissions", "Standing committees"]
    budget = parse_file(one(DOCX, "N1746933.docx"))
    assert [(t.location, t.title) for t in budget.tables] == [("", None), ("", None)]
    assert [p.num for p in budget.operative[1].subparagraphs][:2] == ["a", "b"]
    assert not any("\ue002" in p.text for a in [budget.operative, *(x.paragraphs for x in bodies.annexes)] for p in a)


def test_the_document_page_prints_a_table_s_notes_under_it_linked_from_its_cells() -> None:
    from lxml import html as lxml_html

    from lod.describe.html import render_work
    from lod.describe.page import work_page

    mechanism = parse_file(one(GA77, "A_RES_77_261-"))
    registry = WorkRegistry(base=BASE)
    registry.add(mechanism)
    work = str(registry.work_for(mechanism).work())
    page = lxml_html.fromstring(render_work(work_page(resolution_graph(mechanism, registry, BASE), work, BASE), BASE, []))
    cell = page.get_element_by_id("table_1__row_3__cell_1")
    assert cell.text_content() == "Revised estimates: effects of changes in rates of exchange and inflationb"
    assert cell.xpath("sup/a/@href") == ["#table_1__note_2"]
    note = page.get_element_by_id("table_1__note_2")
    assert note.tag == "p" and note.text_content() == "b See A/77/628." and note.get("lang") == "en"
    # printed in the annex it is part of (its eId does not say so), not among "Other parts"
    assert page.get_element_by_id("table_1").xpath("ancestor::section/h2/@id") == ["h-annex_1"]


TABLE_BREAKS = {
    "TablePart": lambda g, t: g.remove((t, DCTERMS.isPartOf, None)),
    "TableRowOf": lambda g, t: g.remove((next(g.subjects(UNRES.rowOf, t)), UNRES.rowOf, None)),
    "TableCellColumn": lambda g, t: g.remove((next(g.subjects(UNRES.cellOf, next(g.subjects(UNRES.rowOf, t)))),
                                              UNRES.column, None)),
}


@pytest.mark.parametrize("shape", sorted(TABLE_BREAKS))
def test_each_break_of_a_table_is_reported_by_its_own_shape_only(shape: str) -> None:
    res = parse_text(SCALE, source="scale.txt")
    registry = WorkRegistry(base=BASE)
    registry.add(res)
    graph = resolution_graph(res, registry, BASE)
    assert validate(graph, res.source).conforms
    table = next(graph.subjects(UNRES.eId, Literal("table_1")))
    TABLE_BREAKS[shape](graph, table)
    result = validate(graph, res.source)
    assert result.shapes("Violation") == {shape}, result.report()


def test_table_rows_are_found_by_search_at_their_row() -> None:
    """The words of a table stay searchable now that they are no paragraph: one passage per row,
    at the row's IRI fragment (the portion lod.rdf.tables publishes)."""
    from lod.search import document_record

    budget = parse_file(one(GA77, "A_RES_77_264 A-C"))
    rows = [p for p in document_record(budget, "w", "m").passages if p.part == "table"]
    line = next(p for p in rows if "86 769 400" in p.text)
    assert "Overall policymaking, direction and coordination" in line.text and line.eid == "table_1__row_2"
    assert len(rows) == sum(len(t.rows) for t in budget.tables)


def test_the_document_page_shows_a_table_as_rows_at_the_anchors_search_links_to() -> None:
    """Search links a table row as `#table_n__row_r`: the page has that row as a <tr> with that
    id, the header row's cells as <th>, and no cell left outside its table."""
    from lxml import html as lxml_html

    from lod.describe.html import render_work
    from lod.describe.page import work_page
    from lod.search import document_record

    budget = parse_file(one(GA77, "A_RES_77_264 A-C"))
    registry = WorkRegistry(base=BASE)
    registry.add(budget)
    work = str(registry.work_for(budget).work())
    page = lxml_html.fromstring(render_work(work_page(resolution_graph(budget, registry, BASE), work, BASE), BASE, []))
    for passage in (p for p in document_record(budget, work, "m").passages if p.part == "table"):
        row = page.get_element_by_id(passage.eid)
        assert row.tag == "tr" and row.getparent().tag in ("table", "tbody"), passage.eid
        assert [c.text_content() for c in row] == [c for c in _cells(budget, passage.eid)], passage.eid
    header = page.get_element_by_id("table_1__header")
    assert [(c.tag, c.text_content()) for c in header] == [("th", "Section"), ("th", "Amount (United States dollars)")]
    assert not page.xpath("//td[not(ancestor::table)] | //li[contains(@id, '__cell_')]")


def _cells(res: Resolution, row_eid: str) -> list[str]:
    table_eid, row = row_eid.split("__row_")
    table = next(t for t in res.tables if t.eid == table_eid)
    return table.rows[int(row) - 1]


def test_a_word_table_s_legend_is_its_own_after_an_empty_table(tmp_path: Path) -> None:
    """The lines under a table go to that table, however many empty tables the file has before it
    (an empty table is no table: the readings of tables and of what is under them stay in step)."""
    import docx
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    document = docx.Document()
    for text in ("The General Assembly,", "1. Approves the staffing table annexed to the present resolution.", "Annex"):
        document.add_paragraph(text)
    document.add_table(rows=1, cols=2)  # nothing in it
    grid = document.add_table(rows=2, cols=2)
    for cell, text in zip([c for row in grid.rows for c in row.cells], ["Post", "Level", "Legal Officer", "GS (OL)"]):
        cell.text = text
    legend = document.add_paragraph("Abbreviations: GS (OL), General Service (Other level).")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), "FootnoteText")
    legend._p.get_or_add_pPr().append(style)
    path = tmp_path / "staffing.docx"
    document.save(str(path))
    [table] = parse_file(path).tables
    assert (table.location, table.rows[1], table.legend) == (
        "annex_1", ["Legal Officer", "GS (OL)"], "Abbreviations: GS (OL), General Service (Other level).")
