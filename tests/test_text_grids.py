"""Tables a text extract prints one cell per line (lod.parse.textgrids): a staffing table as the
UN's text extracts of programme budget resolutions print it, written for the test in that shape
(../shared has no text extract of such a table); one test per shape."""

from __future__ import annotations

import pytest

from lod.akn import akn_document, akn_errors
from lod.parse import parse_text
from lod.parse.akn import read_akn
from lod.parse.textgrids import text_grids
from lod.rdf import WorkRegistry

HEAD = """United Nations 
A/RES/81/999 
 
General Assembly 
Distr.: General 
30 December 2026 
 
Eighty-first session 
Agenda item 140 
Proposed programme budget for 2027 
 
 Resolution adopted by the General Assembly 
on 24 December 2026 
 
81/999. Questions relating to the proposed programme budget for 2027 
 
 
The General Assembly, 
 
Recalling its resolution 80/250 of 23 December 2025, 
 
1. Approves the staffing table for 2027 as set out in the annex to the present resolution; 
 
2. Decides to increase the interest income under income section 2 by 3,000,000 dollars. 
 
65th plenary meeting 
24 December 2026 
 
Annex 
Staffing table for 2027 
 
 
"""
HEADER = """Category 
Number of posts 
(excluding special 
political missions) 
Number of posts 
(special political 
missions)a 
Total 
"""
ROWS = """Expenditure sections 
 
 
 
Professional and higher 
 
 
 
Under-Secretary-General 
39 
17 
56 
D-2 
115 
5 
120 
P-4 
 1 573 
298 
1 871 
Subtotal 
1 727 
320 
2 047 
"""
PAGE_BREAK = """
Questions relating to the proposed programme budget for 2027 
A/RES/81/999
 
9/9
26-00001 
 
"""
MORE_ROWS = """General Service 
 
 
 
Other level 
1 842 
33 
1 875 
Total 
3 569b 
353 
3 922 
"""
NOTES = """ 
 
a Includes one National Professional Officer post established as of 1 February 
2027. 
 
b Includes 162 posts to be abolished in 2027 but later than 1 January (see 
A/81/400, table 8). 
"""
STAFFING = HEAD + HEADER + ROWS + PAGE_BREAK + HEADER + MORE_ROWS + NOTES


def staffing_table():
    res = parse_text(STAFFING, source="staffing.txt")
    [table] = res.tables
    return res, table


def test_a_table_printed_one_cell_per_line_is_a_table_in_its_annex() -> None:
    res, table = staffing_table()
    assert (table.eid, table.location, table.title) == ("table_1", "annex_1", "Staffing table for 2027")
    assert table.rows[2] == ["Under-Secretary-General", "39", "17", "56"]
    assert ["P-4", "1 573", "298", "1 871"] in table.rows
    assert res.annexes[0].paragraphs == []  # no cell was read as a paragraph
    assert [p.num for p in res.operative] == ["1", "2"]


def test_a_row_of_a_label_alone_keeps_its_empty_cells() -> None:
    _, table = staffing_table()
    assert table.rows[:2] == [["Expenditure sections", "", "", ""], ["Professional and higher", "", "", ""]]


def test_the_header_s_wrapped_lines_are_one_cell_each() -> None:
    _, table = staffing_table()
    assert table.header == ["Category", "Number of posts (excluding special political missions)",
                            "Number of posts (special political missions)", "Total"]


def test_the_header_printed_again_on_a_new_page_is_read_once() -> None:
    _, table = staffing_table()
    assert len(table.rows) == 9 and table.rows[-1] == ["Total", "3 569", "353", "3 922"]
    assert "Category" not in [row[0] for row in table.rows]


def test_the_notes_under_the_table_are_its_own_with_the_cells_that_print_their_marker() -> None:
    res, table = staffing_table()
    assert [(n.marker, n.cells) for n in table.notes] == [("a", [(0, 3)]), ("b", [(9, 2)])]
    assert table.notes[1].text == "Includes 162 posts to be abolished in 2027 but later than 1 January (see A/81/400, table 8)."
    assert not res.footnotes


def test_a_header_whose_lines_do_not_give_a_cell_per_column_keeps_its_words_in_the_first() -> None:
    two_lines = "Category and number of posts \nin each \n"
    res = parse_text(HEAD + two_lines + ROWS, source="staffing.txt")
    [table] = res.tables
    assert table.header == ["Category and number of posts in each", "", "", ""]


def test_fewer_rows_than_a_table_has_are_left_as_text() -> None:
    lines = (HEADER + "D-2 \n115 \n5 \n120 \nP-4 \n1 \n2 \n3 \n").splitlines()
    assert text_grids(lines) == (lines, [])


def test_lines_of_figures_in_a_paragraph_are_not_a_table() -> None:
    lines = ["3. Decides that the amounts shall be:", "", "Section 1", "86 769 400", "Section 2", "12 000",
             "Section 3", "1 000", "Section 4", "2", ""]  # one figure a label: no columns to read
    assert text_grids(lines) == (lines, [])


def test_a_text_table_goes_into_the_akn_output_and_reads_back() -> None:
    res, _ = staffing_table()
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    xml = akn_document(res, registry, "http://lod.test")
    assert akn_errors(xml, res.source) == []
    assert read_akn(xml, res.source).tables == res.tables


@pytest.mark.parametrize("figure", ["1 573", "2,640", "0.5", "(12.3)", "15%", "–", "120a", "9 237b"])
def test_a_figure_cell_as_the_un_prints_it(figure: str) -> None:
    from lod.parse.textgrids import _FIGURE
    assert _FIGURE.match(figure)


def test_the_page_prints_the_table_in_its_annex_with_its_notes() -> None:
    from lxml import html as lxml_html

    from lod.describe.html import render_work
    from lod.describe.page import work_page
    from lod.rdf import resolution_graph

    res, _ = staffing_table()
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    work = str(registry.work_for(res).work())
    graph = resolution_graph(res, registry, "http://lod.test")
    page = lxml_html.fromstring(render_work(work_page(graph, work, "http://lod.test"), "http://lod.test", []))
    table = page.get_element_by_id("table_1")
    assert table.xpath("ancestor::section/h2/text()") == ["Annex: Staffing table for 2027"]  # printed without a number
    assert page.get_element_by_id("table_1__row_3__cell_1").text_content() == "Under-Secretary-General"
    assert page.get_element_by_id("table_1__header__cell_3").xpath("sup/a/@href") == ["#table_1__note_1"]
