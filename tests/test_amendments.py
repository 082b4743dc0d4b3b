"""Amendments to drafts (lod.parse.amendments): "Russian Federation:* amendment to draft resolution
A/80/L.18" and its instructions, read into the model (kind "draft-amendment", sponsors, the draft
it amends, the changes as paragraphs), mapped to RDF (unres:Amendment, unres:amends), valid under
the shapes, written to AKN and read back. The texts are written for the test in the layouts of the
UN's PDF text (the General Assembly's plenary and Third Committee, the Human Rights Council)."""

from __future__ import annotations

import pytest

from lod.model import Resolution
from lod.parse import parse_text

MASTHEAD = ("United Nations\nA/{symbol}\n\nGeneral Assembly\nDistr.: Limited\n25 November 2099\nOriginal: English\n\n"
            "99-19374 (E)    021299\n*9919374*\n\nNinety-ninth session\n{committee}Agenda item 72 (a)\n"
            "Strengthening of the coordination of humanitarian and\ndisaster relief assistance\n\n\n")

ONE_LINE = MASTHEAD.format(symbol="99/L.20", committee="") + (
    "Russian Federation:* amendment to draft resolution A/99/L.18\n\n\n"
    " Safety and security of humanitarian personnel and protection of\nUnited Nations personnel\n\n\n"
    "Delete operative paragraph 9.\n\n\n"
    "* Any changes to the list of sponsors will be reflected in the official record of the meeting.\n")

NUMBERED = MASTHEAD.format(symbol="C.3/99/L.61", committee="Third Committee\n") + (
    "Ruritania, Freedonia and Canada: amendment to revised draft resolution\nA/C.3/99/L.20/Rev.1\n\n"
    "Rights of the child\n\n1.\nIn the fourteenth preambular paragraph, replace “which notes” with “noting”.\n"
    "2.\nDelete the fifteenth preambular paragraph.\n")

IN_A_REPORT = MASTHEAD.format(symbol="99/L.40", committee="") + (
    "Algeria, Bahrain, Bangladesh, Côte d’Ivoire, Egypt and State of Palestine:*\n"
    "amendment to draft resolution 23 recommended by the Third Committee in its\nreport contained in document A/99/545\n\n\n"
    " Implementation of the Convention on the Rights of Persons with\nDisabilities\n\n\n"
    "In the eleventh preambular paragraph, delete “sexual orientation and gender identity,”.\n")

COUNCIL = (
    "United Nations A/HRC/99/L.45\nGeneral Assembly Distr.: Limited\n30 March 2099\nOriginal: English\n\n"
    "Human Rights Council\nNinety-ninth session\nAgenda item 3\nPromotion and protection of all human rights\n\n"
    "Nigeria* and Qatar**: amendment to draft resolution A/HRC/99/L.40\n\n"
    "99/… Mandate of the Special Rapporteur on the sale of children\n\n"
    "1. Fifth preambular paragraph\nFor the existing text substitute\nExpressing concern that conflicts have increased the risk,\n\n"
    "2. Paragraph 3\nFor “a child-friendly manner” read “a child-friendly and family-oriented manner”\n\n"
    "__________________\n* State not a member of the Human Rights Council.\n"
    "** On behalf of the States Members of the United Nations that are members of the Group of Arab States.\n")


def read(text: str) -> Resolution:
    return parse_text(text, source="amendment.txt")


@pytest.mark.parametrize(("text", "expected"), [
    (ONE_LINE, ("A/99/L.20", ["RUS"], "A/99/L.18", None,
                "Safety and security of humanitarian personnel and protection of United Nations personnel",
                [(None, "Delete operative paragraph 9.")])),
    (NUMBERED, ("A/C.3/99/L.61", [None, None, "CAN"], "A/C.3/99/L.20/Rev.1", None, "Rights of the child",
                [("1", "In the fourteenth preambular paragraph, replace “which notes” with “noting”."),
                 ("2", "Delete the fifteenth preambular paragraph.")])),
    (IN_A_REPORT, ("A/99/L.40", ["DZA", "BHR", "BGD", "CIV", "EGY", "PSE"], None, "A/99/545",
                   "Implementation of the Convention on the Rights of Persons with Disabilities",
                   [(None, "In the eleventh preambular paragraph, delete “sexual orientation and gender identity,”.")])),
    # its only words a list of sponsors and "Delete …": English by its masthead ("Distr.: Limited")
    (("United Nations\nA/C.3/99/L.65\n\nGeneral Assembly\nDistr.: Limited\n14 November 2099\n\n99-18551 (E)    171199\n"
      "*9918551*\n\nNinety-ninth session\nThird Committee\nAgenda item 66\nReport of the Human Rights Council\n\n\n"
      "Bulgaria, Chile, Croatia, Cyprus, Denmark, Estonia, Finland, Germany,\nLuxembourg, Malta, Mexico, Norway, Poland, "
      "Portugal, Slovakia, Slovenia,\nSpain, Switzerland and Uruguay: amendment to draft resolution A/C.3/99/L.24\n\n\n"
      " Report of the Human Rights Council\n\n\nDelete the third preambular paragraph and operative paragraph 2.\n"),
     ("A/C.3/99/L.65", ["BGR", "CHL", "HRV", "CYP", "DNK", "EST", "FIN", "DEU", "LUX", "MLT", "MEX", "NOR", "POL", "PRT",
                        "SVK", "SVN", "ESP", "CHE", "URY"], "A/C.3/99/L.24", None, "Report of the Human Rights Council",
      [(None, "Delete the third preambular paragraph and operative paragraph 2.")])),
])
def test_an_amendment_is_read_with_its_sponsors_its_draft_and_its_changes(text: str, expected: tuple) -> None:
    res = read(text)
    symbol, sponsors, draft, report, title, changes = expected
    assert (res.symbol, res.kind, res.body, res.language) == (symbol, "draft-amendment", "General Assembly", "eng")
    assert [s.iso3 for s in res.sponsors] == sponsors
    assert (res.draft_symbol, res.report_symbol, res.title) == (draft, report, title)
    assert res.preamble == [] and [(p.num, p.text) for p in res.operative] == changes


def test_the_text_a_change_inserts_is_part_of_the_change() -> None:
    """"After operative paragraph 3, insert a new operative paragraph, reading: ⏎ Notes with alarm …"
    (A/C.3/80/L.56): one change, whose inserted paragraph is not read as a change or a verb."""
    res = read(NUMBERED.replace(
        "1.\nIn the fourteenth preambular paragraph, replace “which notes” with “noting”.\n"
        "2.\nDelete the fifteenth preambular paragraph.\n",
        "After operative paragraph 3, insert a new operative paragraph, reading:\n\n"
        "“Notes with alarm the attacks on schools, and requests the Secretary-General to report thereon;”\n"))
    [change] = res.operative
    assert change.num is None and change.verb is None
    assert change.text == ("After operative paragraph 3, insert a new operative paragraph, reading: “Notes with alarm "
                           "the attacks on schools, and requests the Secretary-General to report thereon;”")


def test_a_human_rights_council_amendment_keeps_its_quoted_text_inside_its_change() -> None:
    res = read(COUNCIL)
    assert (res.symbol, res.kind, res.body, res.draft_symbol) == (
        "A/HRC/99/L.45", "draft-amendment", "Human Rights Council", "A/HRC/99/L.40")
    assert res.title == "Mandate of the Special Rapporteur on the sale of children"
    assert [(s.name, s.iso3 or s.group) for s in res.sponsors] == [
        ("Nigeria", "NGA"), ("Qatar", "QAT"), ("Group of Arab States", "arab-group")]
    assert [p.num for p in res.operative] == ["1", "2"]
    assert "Expressing concern that conflicts" in res.operative[0].text and res.preamble == []


def test_an_amendment_and_its_draft_are_linked_and_conform() -> None:
    """In one corpus with the draft it amends, the amendment's unres:amends is the draft's work;
    an amendment naming the draft by its report links the report; both graphs conform."""
    from lod.rdf import WorkRegistry, resolution_graph
    from lod.rdf.namespaces import RDF, UNRES
    from lod.validate import validate

    draft = parse_text(
        "United Nations\nA/99/L.18\n\nGeneral Assembly\nDistr.: Limited\n20 November 2099\n\nNinety-ninth session\n"
        "Agenda item 72 (a)\n\nNorway and Chile: draft resolution\n\nSafety and security of humanitarian personnel\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Urges States to protect humanitarian personnel;\n",
        source="draft.txt")
    amendment, by_report = read(ONE_LINE), read(IN_A_REPORT)
    base = "https://example.org"
    registry = WorkRegistry(base=base)
    for res in (draft, amendment, by_report):
        registry.add(res)
    graph = resolution_graph(amendment, registry, base)
    work = next(graph.subjects(RDF.type, UNRES.Amendment))
    drafted = registry.corpus_work("A/99/L.18")
    assert drafted is not None and [str(o) for o in graph.objects(work, UNRES.amends)] == [drafted.iri.work()]
    assert validate(graph, amendment.source).conforms
    report_graph = resolution_graph(by_report, registry, base)
    [target] = report_graph.objects(None, UNRES.amends)
    assert str(target).endswith("/A-99-545") and validate(report_graph, by_report.source).conforms


def test_an_amendment_is_written_to_akn_valid_and_read_back_the_same() -> None:
    from lod.akn import akn_document, akn_errors
    from lod.parse.akn import read_akn
    from lod.rdf import WorkRegistry

    res = read(NUMBERED)
    registry = WorkRegistry(base="https://example.org")
    registry.add(res)
    xml = akn_document(res, registry, "https://example.org")
    assert akn_errors(xml, res.source) == [] and b'name="amendment"' in xml
    again = read_akn(xml, res.source)
    assert (again.kind, again.symbol, again.draft_symbol, again.title) == (res.kind, res.symbol, res.draft_symbol, res.title)
    assert [s.name for s in again.sponsors] == [s.name for s in res.sponsors]
    assert [(p.num, p.text) for p in again.operative] == [(p.num, p.text) for p in res.operative]


def test_the_example_question_lists_the_amendments_to_each_draft_with_their_sponsors() -> None:
    from lod.rdf.examples import AMENDMENTS_TO_DRAFTS
    from stores import store_of

    store = store_of(read(ONE_LINE), read(NUMBERED), read(IN_A_REPORT))
    rows = [(row["draftSymbol"].value, row["symbol"].value, sorted(x.rsplit("/", 1)[-1] for x in row["sponsors"].value.split(", ")))
            for row in store.query(AMENDMENTS_TO_DRAFTS.query)]
    assert rows == [("A/99/545", "A/99/L.40", ["BGD", "BHR", "CIV", "DZA", "EGY", "PSE"]),
                    ("A/99/L.18", "A/99/L.20", ["RUS"]),
                    ("A/C.3/99/L.20/Rev.1", "A/C.3/99/L.61", ["CAN", "freedonia", "ruritania"])]
