"""Documents the converters were not written against (tests/data/unseen/).

Each file is a UN document written for these tests in one of the layouts UN documents come
in (raw PDF text with page furniture, Markdown with front matter, page extracts, plain text),
by organs and kinds the corpus does not have. Expected values are what a careful reader
extracts from the printed document, written down from the document itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lod.model import Resolution
from lod.parse import parse_file

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"


@pytest.fixture(scope="module")
def docs() -> dict[str, Resolution]:
    return {p.name: parse_file(p) for p in sorted(UNSEEN.iterdir()) if p.suffix in (".txt", ".md")}


def meta(r: Resolution, *fields: str) -> tuple[object, ...]:
    return tuple(getattr(r, f) for f in fields)


def nums(paragraphs: list) -> list[str | None]:
    return [p.num for p in paragraphs]


def verbs(paragraphs: list) -> list[str | None]:
    return [p.verb for p in paragraphs]


def addressed(paragraph) -> list[tuple[str, str]]:
    return [(a.name, a.action) for a in paragraph.addressees]


# --- GA resolution adopting a declaration printed in its text -----------------------------------
def test_adopts_the_following_declaration(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_74_2_declaration.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "session", "agenda_items") == (
        "A/RES/74/2", "resolution", "General Assembly", "74/2", 74, ["126"])
    assert meta(r, "date", "adoption_date", "draft_symbol", "meeting") == (
        "2019-10-18", "2019-10-10", "A/74/L.4", "14th plenary meeting")
    assert r.title == "Political declaration of the high-level meeting on universal health coverage"
    assert r.preamble == []
    [adopts] = r.operative
    assert (adopts.num, adopts.verb, adopts.eid) == (None, "Adopts", "para_u1")
    assert adopts.text.startswith("Adopts the following political declaration approved by the high-level meeting")
    assert adopts.text.endswith("resolution 72/139 of 12 December 2017:")
    [annex] = r.annexes
    assert annex.title == "Political declaration of the high-level meeting on universal health coverage"
    assert nums(annex.paragraphs) == ["1", "2", "3", "4", "5"]
    assert [p.eid for p in annex.paragraphs][:2] == ["annex_1__para_1", "annex_1__para_2"]
    assert verbs(annex.paragraphs) == ["We reaffirm", "We recognize", "We reaffirm", "We commit", "We decide"]


def test_declaration_points_and_footnotes_across_pages(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_74_2_declaration.txt"]
    fourth = r.annexes[0].paragraphs[3]
    assert [s.num for s in fourth.subparagraphs] == ["a", "b", "c"]
    assert [s.num for s in fourth.subparagraphs[1].subparagraphs] == ["i", "ii"]
    assert fourth.subparagraphs[1].subparagraphs[1].eid == "annex_1__para_4__list_1__point_b__list_1__point_ii"
    assert "implementation of the present declaration:" in fourth.text  # "imple-\nmentation" rejoined
    assert "A/RES/74/2" not in fourth.text and "2/3" not in fourth.text
    assert [(f.marker, f.text) for f in r.footnotes] == [
        ("1", "Resolution 70/1."),
        ("2", "United Nations, Treaty Series, vol. 1577, No. 27531."),
        ("3", "See also A/74/L.4/Rev.1."),
    ]
    assert r.annexes[0].paragraphs[0].footnote_refs == ["1"]
    assert r.annexes[0].paragraphs[4].text.endswith("seventy-seventh session of the General Assembly.")
    assert r.annexes[0].paragraphs[4].footnote_refs == ["3"]


def test_declaration_treaty_mention_beside_its_footnote(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_74_2_declaration.txt"]
    mentions = [(c.treaty_key, c.location, c.relation) for c in r.citations if c.treaty_key]
    # "We reaffirm the Convention on the Rights of the Child,2 and recall the Constitution of the World Health Organization"
    assert mentions == [("27531", "annex_1__para_3", "reaffirm"), ("221", "annex_1__para_3", "recall")]
    assert ("27531", "fn_2") in [(c.unts_number, c.location) for c in r.citations if c.type == "treaty"]
    assert [(c.number, c.location) for c in r.citations if c.type == "resolution"] == [
        ("72/139", "para_u1"), ("70/1", "fn_1")]


def test_adopts_text_annexed_to_the_resolution(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_78_2_annexed.txt"]
    assert meta(r, "symbol", "number", "agenda_items", "adoption_date", "meeting") == (
        "A/RES/78/2", "78/2", ["19", "20"], "2023-10-05", "9th plenary meeting")
    [adopts] = r.operative
    assert (adopts.num, adopts.verb) == (None, "Adopts")
    assert adopts.text.endswith("annexed to the present resolution.")
    [annex] = r.annexes
    assert annex.title == (
        "Political declaration of the high-level political forum on sustainable development "
        "convened under the auspices of the General Assembly")
    assert nums(annex.paragraphs) == ["1", "2", "3"]
    assert annex.paragraphs[0].text.startswith("We, the Heads of State and Government")
    assert verbs(annex.paragraphs) == ["We have gathered", "We are alarmed", "We commit"]


# --- Security Council -------------------------------------------------------------------------------
def test_security_council_raw_pdf(docs: dict[str, Resolution]) -> None:
    r = docs["sc_res_2397.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "meeting", "adoption_date", "date") == (
        "S/RES/2397 (2017)", "resolution", "Security Council", "2397 (2017)", "8151st meeting",
        "2017-12-22", "2017-12-22")
    assert r.preamble_formula == "The Security Council,"
    assert verbs(r.preamble) == [
        "Recalling", "Reaffirming", "Expressing its gravest concern",
        "Acting under Chapter VII of the Charter of the United Nations"]
    assert r.preamble[3].text == ("Acting under Chapter VII of the Charter of the United Nations, "
                                  "and taking measures under its Article 41,")
    assert nums(r.operative) == ["1", "2", "3", "4"]
    assert verbs(r.operative) == ["Condemns in the strongest terms", "Decides", "Directs", "Decides"]
    assert [(s.num, s.eid) for s in r.operative[1].subparagraphs] == [
        ("a", "para_2__list_1__point_a"), ("b", "para_2__list_1__point_b")]
    assert r.operative[1].subparagraphs[0].text.endswith("up to 500,000 barrels during an initial period;")
    assert r.operative[3].text == "Decides to remain seized of the matter."
    assert [c.number for c in r.citations if c.location == "preamble__para_1"] == [
        "825 (1993)", "1695 (2006)", "1718 (2006)", "2375 (2017)"]
    assert ("the Secretary-General", "request") in addressed(r.operative[2])


def test_security_council_markdown(docs: dict[str, Resolution]) -> None:
    r = docs["sc_res_2719.md"]
    assert meta(r, "symbol", "body", "number", "meeting", "adoption_date", "language") == (
        "S/RES/2719 (2023)", "Security Council", "2719 (2023)", "9518th meeting", "2023-12-21", "eng")
    assert verbs(r.preamble) == ["Recalling", "Reaffirming", "Acting"]
    assert nums(r.operative) == ["1", "2", "3"]
    assert [s.text for s in r.operative[1].subparagraphs] == ["A reporting mechanism;", "A compliance framework;"]
    assert [name for name, _ in addressed(r.operative[1])] == [
        "the Secretary-General", "the Chairperson of the African Union Commission"]


# --- Human Rights Council ---------------------------------------------------------------------------
def test_human_rights_council_resolution(docs: dict[str, Resolution]) -> None:
    r = docs["hrc_res_52_1.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "session", "agenda_items") == (
        "A/HRC/RES/52/1", "resolution", "Human Rights Council", "52/1", 52, ["3"])
    assert meta(r, "date", "adoption_date", "meeting", "title") == (
        "2023-04-11", "2023-04-03", "53rd meeting", "Freedom of opinion and expression")
    assert verbs(r.preamble) == ["Guided", "Reaffirming", "Recalling", "Deeply concerned"]
    assert r.preamble[1].footnote_refs == ["1"]
    assert verbs(r.operative) == ["Calls upon", "Requests", "Decides"]
    assert r.operative[2].text == "Decides to continue its consideration of this issue under the same agenda item."
    # the closing lines after the last footnote are not part of it
    assert [(f.marker, f.text) for f in r.footnotes] == [("1", "See resolution 2200 A (XXI), annex.")]
    assert [(c.number, c.body) for c in r.citations if c.location == "preamble__para_3"] == [
        ("44/12", "Human Rights Council"), ("74/157", "General Assembly")]


def test_human_rights_council_draft_with_non_member_asterisks(docs: dict[str, Resolution]) -> None:
    r = docs["hrc_draft_52_L_12.txt"]
    assert meta(r, "symbol", "kind", "body", "session", "agenda_items", "date") == (
        "A/HRC/52/L.12", "draft-resolution", "Human Rights Council", 52, ["3"], "2023-03-29")
    assert r.title == "The right to a clean, healthy and sustainable environment"
    assert [s.name for s in r.sponsors] == [
        "Albania", "Argentina", "Austria", "Bosnia and Herzegovina", "Chile", "Costa Rica", "Croatia",
        "Mexico", "Montenegro", "Netherlands (Kingdom of the)", "Portugal", "Slovenia", "Uruguay"]
    assert all(s.iso3 for s in r.sponsors)
    assert [(f.marker, f.text) for f in r.footnotes] == [("*", "State not a member of the Human Rights Council.")]
    assert verbs(r.preamble) == ["Guided", "Recalling", "Noting with appreciation"]
    assert verbs(r.operative) == ["Welcomes", "Encourages", "Decides"]
    assert [name for name, _ in addressed(r.operative[1])] == [
        "States", "the United Nations Environment Programme"]


# --- Economic and Social Council and its commissions ------------------------------------------------
def test_ecosoc_resolution(docs: dict[str, Resolution]) -> None:
    r = docs["ecosoc_res_2019_4.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "agenda_items", "report_symbol") == (
        "E/RES/2019/4", "resolution", "Economic and Social Council", "2019/4", ["18 (e)"], "E/2019/25")
    assert meta(r, "date", "adoption_date", "meeting", "preamble_formula") == (
        "2019-06-17", "2019-06-06", "14th plenary meeting", "The Economic and Social Council,")
    assert r.title == "Future organization and methods of work of the Commission on Population and Development"
    assert verbs(r.preamble) == ["Recalling", "Recalling also", "Reaffirming"]
    assert [(c.number, c.body) for c in r.citations if c.location == "preamble__para_1"] == [
        ("2016/25", "Economic and Social Council"), ("2017/1", "Economic and Social Council")]
    assert verbs(r.operative) == ["Decides", "Requests", "Invites"]
    assert addressed(r.operative[1]) == [("the Secretary-General", "request")]


def test_ecosoc_decision(docs: dict[str, Resolution]) -> None:
    r = docs["ecosoc_dec_2019_210.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "adoption_date", "meeting") == (
        "E/DEC/2019/210", "decision", "Economic and Social Council", "2019/210", "2019-06-07",
        "15th plenary meeting")
    assert r.title == "Election of members of the Committee on Non-Governmental Organizations"
    assert r.preamble == []
    [text] = r.operative
    assert text.num is None and text.verb == "elected"
    assert text.text.startswith("At its 15th plenary meeting, on 7 June 2019, the Economic and Social Council")
    assert text.text.endswith("United States of America and Eswatini.")


def test_commission_draft_for_ecosoc(docs: dict[str, Resolution]) -> None:
    r = docs["cnd_draft_2020_L_5.md"]
    assert meta(r, "symbol", "kind", "body", "committee", "session", "agenda_items", "date") == (
        "E/CN.7/2020/L.5", "draft-resolution", "Economic and Social Council", "Commission on Narcotic Drugs",
        63, ["5 (b)"], "2020-03-04")
    assert r.title == "Promoting alternative development as a development-oriented drug control strategy"
    assert [s.iso3 for s in r.sponsors] == ["COL", "ECU", "PER", "THA"]
    assert r.preamble_formula == "The Economic and Social Council,"
    assert verbs(r.preamble) == ["Recalling", "Recalling also", "Bearing in mind"]
    assert r.preamble[0].footnote_refs == ["1", "2", "3"]
    assert verbs(r.operative) == ["Encourages", "Requests", "Also requests"]
    assert addressed(r.operative[1]) == [
        ("the United Nations Office on Drugs and Crime", "request"), ("other donors", "invite")]
    third = r.operative[2].addressees[0]
    assert (third.name, third.kind, third.head_of) == ("the Executive Director of the Office", "office", "unodc")
    treaty_footnotes = [(c.location, c.unts_number) for c in r.citations if c.location.startswith("fn_")]
    assert treaty_footnotes == [("fn_1", "14152"), ("fn_2", "14956"), ("fn_3", "27627")]
    named = {(c.treaty_key, c.relation) for c in r.citations if c.location == "preamble__para_1" and c.treaty_key}
    assert {("14152", "recall"), ("14956", "recall"), ("27627", "recall")} <= named


def test_commission_own_resolution_plain_text(docs: dict[str, Resolution]) -> None:
    r = docs["ccpcj_res_32_1.txt"]
    assert meta(r, "kind", "body", "number", "adoption_date") == (
        "resolution", "Commission on Crime Prevention and Criminal Justice", "32/1", "2023-05-26")
    assert r.title == "Promoting international cooperation to combat illicit trafficking in cultural property"
    assert [(c.number, c.body) for c in r.citations if c.type == "resolution"] == [
        ("31/2", "Commission on Crime Prevention and Criminal Justice"), ("2019/23", "Economic and Social Council")]
    assert [(c.treaty_key, c.location, c.relation) for c in r.citations if c.treaty_key] == [
        ("39574", "preamble__para_2", "recall")]
    second = r.operative[1].addressees
    assert [(a.name, a.body_key) for a in second] == [
        ("the United Nations Office on Drugs and Crime", "unodc"), ("the Office", "unodc")]


# --- GA decision --------------------------------------------------------------------------------------
def test_general_assembly_decision(docs: dict[str, Resolution]) -> None:
    r = docs["ga_dec_73_522.txt"]
    assert meta(r, "symbol", "kind", "body", "number", "session", "agenda_items") == (
        "A/DEC/73/522", "decision", "General Assembly", "73/522", 73, ["20 (a)"])
    assert meta(r, "adoption_date", "report_symbol", "committee", "meeting") == (
        "2018-12-20", "A/73/538/Add.1", "Second Committee", "62nd plenary meeting")
    assert r.title == ("Report of the United Nations Conference on Housing and Sustainable Urban "
                       "Development (Habitat III)")
    [text] = r.operative
    assert text.verb == "decided" and text.num is None
    assert text.text.endswith("Sustainable Urban Development (Habitat III).")


# --- Sections, sub-headings, roman points -----------------------------------------------------------
def test_sections_with_continuous_numbering(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_74_118_sections.txt"]
    assert meta(r, "agenda_items", "meeting", "draft_symbol") == (["70 (a)"], "50th plenary meeting", "A/74/L.27")
    assert r.title == (
        "Strengthening of the coordination of emergency humanitarian assistance of the United Nations, "
        "including the role of the International Court of Justice in the peaceful settlement of disputes")
    assert verbs(r.preamble) == ["Reaffirming", "Recalling", "Noting with concern"]
    assert [p.footnote_refs for p in r.preamble] == [["1", "2"], ["3", "4"], ["5"]]
    assert nums(r.operative) == ["1", "2", "3", "4", "5"]
    assert [p.eid for p in r.operative] == ["para_1", "para_2", "para_3", "para_4", "para_5"]
    assert [p.section for p in r.operative] == [
        "I. General considerations", "I. General considerations", "Humanitarian access",
        "II. Disaster risk reduction", "II. Disaster risk reduction"]
    assert r.operative[1].text.endswith("international humanitarian law;")
    third = r.operative[2]
    assert third.verb == "Calls upon" and third.intro.endswith("and to respect:")
    assert [s.num for s in third.subparagraphs] == ["a", "b"]
    assert [s.num for s in third.subparagraphs[0].subparagraphs] == ["i", "ii"]
    assert r.warnings == []


def test_footnote_continued_on_the_next_page(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_74_118_sections.txt"]
    notes = {f.marker: f.text for f in r.footnotes}
    assert notes["5"] == ("See Official Records of the General Assembly, Seventy-fourth Session, "
                          "Supplement No. 1 (A/74/1).")
    assert notes["1"] == "Legality of the Threat or Use of Nuclear Weapons, Advisory Opinion, I.C.J. Reports 1996, p. 226."
    assert "Strengthening of the coordination" not in notes["5"]
    assert ("A/74/1", "fn_5") in [(c.symbol, c.location) for c in r.citations]


def test_sections_restarting_numbering(docs: dict[str, Resolution]) -> None:
    r = docs["ga_res_restart.md"]
    assert meta(r, "symbol", "agenda_items", "report_symbol", "committee", "meeting", "language") == (
        "A/RES/77/245", ["19 (b)"], "A/77/443/Add.2", "Second Committee", "54th plenary meeting", "eng")
    assert nums(r.operative) == ["1", "2", "1", "2"]
    assert [p.eid for p in r.operative] == ["sec_I__para_1", "sec_I__para_2", "sec_II__para_1", "sec_II__para_2"]
    assert [p.section for p in r.operative] == [
        "I. Digital divides", "I. Digital divides", "II. Capacity-building", "II. Capacity-building"]
    assert r.operative[3].text.endswith("implementation of the present resolution.")
    assert r.warnings == []


# --- Drafts: revised, on behalf of a group, submitted by an officer ----------------------------------
def test_revised_draft_on_behalf_of_group(docs: dict[str, Resolution]) -> None:
    r = docs["ga_c3_78_L12_rev1.txt"]
    assert meta(r, "symbol", "kind", "body", "committee", "session", "agenda_items", "date") == (
        "A/C.3/78/L.12/Rev.1", "draft-resolution", "General Assembly", "Third Committee", 78, ["28"], "2023-11-14")
    assert r.title == ("Implementation of the outcome of the World Summit for Social Development and of the "
                       "twenty-fourth special session of the General Assembly")
    assert [(s.name, s.kind) for s in r.sponsors] == [("Cuba", "state"), ("Group of 77 and China", "group")]
    assert r.preamble[0].text.endswith("held in Geneva from 26 June to 1 July 2000,")
    assert verbs(r.operative) == ["Takes note", "Reaffirms", "Invites", "Requests"]


def test_draft_submitted_by_vice_chair(docs: dict[str, Resolution]) -> None:
    r = docs["ga_c2_vicechair_draft.txt"]
    assert meta(r, "symbol", "kind", "committee", "session", "agenda_items") == (
        "A/C.2/77/L.65", "draft-resolution", "Second Committee", 77, ["16"])
    assert r.title == "International financial system and development"
    assert r.sponsors == []
    assert not any("sponsor" in w for w in r.warnings)
    assert verbs(r.preamble) == ["Recalling", "Recognizing"]
    assert r.operative[2].text.endswith("“International financial system and development”.")


def test_draft_with_glued_footnote_markers(docs: dict[str, Resolution]) -> None:
    r = docs["ga_draft_75_L_50_footnotes.txt"]
    assert meta(r, "symbol", "kind", "session", "agenda_items", "date") == (
        "A/75/L.50", "draft-resolution", 75, ["68 (b)"], "2021-03-04")
    assert r.title == ("International Decade for People of African Descent: midterm review of the "
                       "implementation of the programme of activities for the Decade")
    assert len(r.sponsors) == 18 and r.sponsors[-1].iso3 == "GBR"
    assert [p.footnote_refs for p in r.preamble] == [["1", "2"], ["3", "4"], ["5", "6", "7"]]
    assert r.preamble[0].text == ("Recalling the Charter of the United Nations and the Universal Declaration "
                                  "of Human Rights, and the advisory opinions of the International Court of Justice,")
    assert "“2030 Agenda”," in r.preamble[2].text
    assert r.operative[1].footnote_refs == ["8"]
    assert r.operative[1].text.endswith("adopted in December 2020.")
    notes = {f.marker: f.text for f in r.footnotes}
    assert sorted(notes, key=int) == [str(n) for n in range(1, 9)]
    assert notes["4"] == ("Resolution 69/16, annex. The programme of activities was adopted following informal "
                          "consultations held in 2014 (see A/69/PV.57).")
    assert ("9464", "preamble__para_3", "reaffirm") in [
        (c.treaty_key, c.location, c.relation) for c in r.citations if c.treaty_key]
    assert addressed(r.operative[1]) == [("the President of the General Assembly", "request")]


# --- Page extracts ----------------------------------------------------------------------------------
def test_extract_starting_mid_preamble(docs: dict[str, Resolution]) -> None:
    r = docs["extract_72_196_p3.txt"]
    assert meta(r, "layout", "kind", "symbol", "number", "body") == (
        "plain-extract", "extract", "A/RES/72/196", "72/196", "General Assembly")
    assert r.title == "Strengthening the United Nations crime prevention and criminal justice programme"
    assert r.preamble[0].text.startswith("and of transnational organized crime")
    assert verbs(r.preamble)[1:] == ["Recognizing", "Welcoming"]
    assert nums(r.operative) == ["1", "2", "3"]
    assert r.operative[2].truncated and r.operative[2].text.endswith("in the field of crime prevention and")
    assert "3/9" not in r.operative[2].text
    assert [a.name for a in r.operative[1].addressees] == [
        "States parties to the United Nations Convention against Corruption",
        "the United Nations Office on Drugs and Crime"]


def test_extract_starting_mid_paragraph(docs: dict[str, Resolution]) -> None:
    r = docs["extract_70_1_p5.txt"]
    assert meta(r, "kind", "symbol", "number") == ("extract", "A/RES/70/1", "70/1")
    assert r.title == "Transforming our world: the 2030 Agenda for Sustainable Development"
    first = r.operative[0]
    assert first.num is None and first.continued and first.eid == "para_u1"
    assert first.text.startswith("sustainable development in its three dimensions")
    assert nums(r.operative) == [None, "18", "19", "20", "21"]
    assert verbs(r.operative)[1:4] == ["We are announcing", "We reaffirm", "We recognize"]
    assert [s.num for s in r.operative[3].subparagraphs] == ["a", "b"]
    last = r.operative[-1]
    assert last.truncated and last.text.endswith("All of us will work to implement")


def test_extract_of_an_odd_page_title_before_symbol(docs: dict[str, Resolution]) -> None:
    r = docs["extract_odd_page.txt"]
    assert meta(r, "layout", "kind", "symbol", "number") == ("plain-extract", "extract", "A/RES/74/173", "74/173")
    assert r.title == ("Promoting technical assistance and capacity-building to strengthen national measures and "
                       "international cooperation to combat cybercrime")
    assert nums(r.operative) == [None, "8", "9"]
    assert r.operative[0].continued and r.operative[0].text.startswith("support to Member States upon request")
    assert r.operative[2].text.endswith("implementation of the present resolution.")
    assert not r.operative[2].truncated
    assert addressed(r.operative[1]) == [("Member States", "invite"), ("other donors", "invite")]


# --- Closing lines: a recorded vote, a draft decision ------------------------------------------------
def test_recorded_vote_is_not_text(docs: dict[str, Resolution]) -> None:
    r = docs["hrc_res_49_1_vote.txt"]
    assert meta(r, "symbol", "body", "number", "session", "adoption_date", "meeting", "agenda_items") == (
        "A/HRC/RES/49/1", "Human Rights Council", "49/1", 49, "2022-03-04", "2nd meeting", ["4"])
    assert r.title == "Situation of human rights in Ukraine stemming from the Russian aggression"
    assert verbs(r.operative) == ["Strongly condemns", "Decides", "Requests"]
    assert r.operative[-1].text.endswith("necessary to fulfil the mandate.")
    assert not any("In favour" in p.text or "Eritrea" in p.text for p in r.operative)
    assert r.annexes == [] and r.footnotes == []
    assert [(c.number, c.body) for c in r.citations] == [("ES-11/1", "General Assembly")]


def test_draft_decision_submitted_by_the_president(docs: dict[str, Resolution]) -> None:
    r = docs["ga_draft_decision_77_L_80.txt"]
    assert meta(r, "symbol", "kind", "body", "session", "agenda_items", "date") == (
        "A/77/L.80", "draft-decision", "General Assembly", 77, ["13", "117"], "2023-06-12")
    assert r.title == ("Scope, modalities, format and organization of the high-level meeting on "
                       "antimicrobial resistance")
    assert r.sponsors == [] and r.preamble == []
    [text] = r.operative
    assert text.verb == "decides" and text.intro == "The General Assembly decides:"
    assert [s.num for s in text.subparagraphs] == ["a", "b", "c"]
    assert text.subparagraphs[1].addressees[0].name == "the President of the General Assembly"


def test_decision_with_number_in_its_heading(docs: dict[str, Resolution]) -> None:
    r = docs["ga_dec_73_501.md"]
    assert meta(r, "symbol", "kind", "body", "number", "session", "meeting", "adoption_date") == (
        "A/DEC/73/501", "decision", "General Assembly", "73/501", 73, "50th plenary meeting", "2018-12-05")
    assert r.title == "Appointment of members of the Committee on Contributions"
    [text] = r.operative
    assert text.verb == "appointed" and text.text.endswith("Mr. Kunal Maheshwari and Ms. Teresa Yuan.")


def test_commission_draft_of_its_own_resolution_by_the_chair(docs: dict[str, Resolution]) -> None:
    r = docs["csw_draft_chair.txt"]
    assert meta(r, "symbol", "kind", "body", "session", "agenda_items", "date") == (
        "E/CN.6/2023/L.4", "draft-resolution", "Commission on the Status of Women", 67, ["3 (c)"], "2023-03-15")
    assert r.title == "Women, the girl child and HIV and AIDS"
    assert r.sponsors == [] and r.preamble_formula == "The Commission on the Status of Women,"
    assert verbs(r.preamble) == ["Reaffirming", "Recalling"]
    assert r.preamble[1].footnote_refs == ["1", "2"]
    assert [(f.marker, f.text) for f in r.footnotes] == [
        ("*", "E/CN.6/2023/1."),
        ("1", "United Nations, Treaty Series, vol. 1249, No. 20378."),
        ("2", "Ibid., vol. 1577, No. 27531."),
    ]
    assert [(c.treaty_key, c.location) for c in r.citations if c.treaty_key] == [
        ("20378", "preamble__para_2"), ("27531", "preamble__para_2")]
    assert [(c.unts_number, c.unts_volume, c.location) for c in r.citations if c.location in ("fn_1", "fn_2")] == [
        ("20378", "1249", "fn_1"), ("27531", "1577", "fn_2")]
    assert addressed(r.operative[0]) == [("Governments", "urge")]


def test_sponsor_line_wrapped_inside_names_and_before_draft_resolution() -> None:
    from lod.parse import parse_text

    masthead = (
        "United Nations A/C.2/81/L.9\nGeneral Assembly Distr.: Limited\n2 November 2026\n"
        "Eighty-first session\nSecond Committee\nAgenda item 18 (a)\n"
        "Promotion and protection of all human rights, civil, political,\n"
        "economic, social and cultural rights, including the right to development\n"
    )
    body = "Sustainable tourism\nThe General Assembly,\nRecalling its resolution 79/1,\n1. Decides to act.\n"
    wrapped = parse_text(
        masthead + "Chad, Comoros, Cuba, Lao People’s Democratic Republic, Syrian Arab\n"
        "Republic, Montenegro\nand Norway: draft\nresolution\n" + body, source="wrapped.txt")
    assert [s.iso3 for s in wrapped.sponsors] == ["TCD", "COM", "CUB", "LAO", "SYR", "MNE", "NOR"]
    assert (wrapped.kind, wrapped.title) == ("draft-resolution", "Sustainable tourism")
    assert wrapped.agenda_items == ["18 (a)"]


def test_title_with_a_colon_or_ending_in_session() -> None:
    from lod.parse import parse_text

    head = "United Nations A/81/L.8\nGeneral Assembly Distr.: Limited\n2 November 2026\nEighty-first session\nAgenda item 140\n"
    body = "The General Assembly,\nRecalling its resolution 79/1,\n1. Decides to act.\n"
    colon = parse_text(
        head + "Chile and Peru: draft resolution\nScale of assessments for the apportionment of the expenses of the "
        "United Nations:\nrequests under Article 19 of the Charter\n" + body, source="colon.txt")
    assert colon.title == ("Scale of assessments for the apportionment of the expenses of the United Nations: "
                           "requests under Article 19 of the Charter")
    session = parse_text(
        head + "Chile and Peru: draft resolution\nParticipation by the State of Palestine during the eightieth session\n"
        + body, source="session.txt")
    assert session.title == "Participation by the State of Palestine during the eightieth session"
    assert (session.session, [s.iso3 for s in session.sponsors]) == (81, ["CHL", "PER"])


def test_running_title_without_its_symbol_between_paragraphs() -> None:
    from lod.parse import parse_text

    text = (
        "United Nations A/RES/76/300\nGeneral Assembly Distr.: General\n1 August 2022\nSeventy-sixth session\n"
        "Agenda item 74 (b)\nResolution adopted by the General Assembly on 28 July 2022\n"
        "[without reference to a Main Committee (A/76/L.75)]\n"
        "76/300. The human right to a clean, healthy and sustainable environment\n"
        "The General Assembly,\nGuided by the purposes and principles of the Charter of the United Nations,\n"
        "1. Recognizes the right to a clean, healthy and sustainable environment as a human right;\n"
        "The human right to a clean, healthy and sustainable environment\n22-12066 2/3\n"
        "2. Notes that the right to a clean, healthy and sustainable environment is related to other rights;\n"
        "3. Affirms that the promotion of the human right requires the full implementation of the "
        "multilateral environmental agreements.\n97th plenary meeting\n28 July 2022\n[without a vote]\n"
    )
    r = parse_text(text, source="a_res_76_300.txt")
    assert nums(r.operative) == ["1", "2", "3"] and verbs(r.operative) == ["Recognizes", "Notes", "Affirms"]
    assert r.operative[0].text.endswith("environment as a human right;")
    assert r.operative[-1].text.endswith("multilateral environmental agreements.")
    assert all(p.section is None for p in r.operative)
    assert (r.meeting, r.agenda_items, r.draft_symbol) == ("97th plenary meeting", ["74 (b)"], "A/76/L.75")


def test_pdf_pages_whose_footnote_rule_was_lost(docs: dict[str, Resolution]) -> None:
    """Text extracted from a PDF: pages end with a form feed and the footnote rule is a drawn line."""
    r = docs["ga_res_74_299_pdf_pages.txt"]
    assert meta(r, "symbol", "number", "adoption_date", "meeting", "draft_symbol") == (
        "A/RES/74/299", "74/299", "2020-08-31", "67th plenary meeting", "A/74/L.86")
    assert r.title == "Improving global road safety"
    assert [(f.marker, f.text) for f in r.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 1042, No. 15705."), ("2", "A/74/757, annex.")]
    assert [p.footnote_refs for p in r.preamble] == [["1"], []]
    assert r.preamble[1].text == ("Noting that 13 November 2019 marked the World Day of Remembrance for Road "
                                  "Traffic Victims,")
    assert nums(r.operative) == ["1", "2"]
    assert r.operative[0].text.endswith("in accordance with the Stockholm Declaration;")
    assert r.operative[0].footnote_refs == ["2"]
    assert r.operative[1].text.endswith("at its seventy-seventh session.")


# --- GA resolution of the 1990s: its masthead names no adoption date --------------------------
def test_a_1990s_masthead_and_the_closing_lines_date_the_adoption(docs: dict[str, Resolution]) -> None:
    """"RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY" with no "on …" and "[on the report of the First
    Committee (A/50/590)]": the closing "90th plenary meeting ⏎ 12 December 1995" dates it."""
    r = docs["ga_res_1995_masthead.txt"]
    assert meta(r, "symbol", "number", "session", "agenda_items", "committee", "report_symbol") == (
        "A/RES/50/45", "50/45", 50, ["77"], "First Committee", "A/50/590")
    assert meta(r, "date", "adoption_date", "meeting") == ("1996-01-26", "1995-12-12", "90th plenary meeting")
    assert r.title == "Moratorium on the export of anti-personnel land-mines"
    assert verbs(r.preamble) == ["Recalling", "Noting with satisfaction"]
    assert (nums(r.operative), verbs(r.operative)) == (["1", "2", "3"], ["Urges", "Requests", "Decides"])
