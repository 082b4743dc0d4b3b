"""The readers on real UN documents from ../shared: PDF (PDFium), Word (DOCX) and records of the
decisions database. Every expected value below was checked by hand against the printed document
(the PDF or Word file opened as a reader sees it, or the JSON record).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from corpora import ABSENT, DEV, REAL
from lod.parse import ParseError, parse_file
from lod.parse.pdf import pdf_pages
from lod.quality import findings
from lod.states import lookup_state

SC_DRAFTS = REAL / "sc-drafts"
DOCX = REAL / "ga-docx"
DECISIONS = REAL / "decisions"


def _one(folder: Path, name: str) -> Path:
    found = sorted(folder.rglob(name))
    if not found:
        pytest.skip(f"{name}: {ABSENT}")
    return found[0]


def _sc_drafts() -> list[Path]:
    paths = sorted(SC_DRAFTS.rglob("*.pdf"))  # 34 files: S/2024/400 is in both tasks
    if not paths:
        pytest.skip(f"the Security Council draft PDFs: {ABSENT}")
    return paths


def _authors(pdf: Path) -> set[str] | None:
    """The sponsors the record lists; None where it names the Council itself rather than States."""
    authors = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))["Authors"]
    if isinstance(authors, str):
        authors = ast.literal_eval(authors) if authors.startswith("[") else [authors]
    if not all(lookup_state(name) for name in authors):
        return None
    return set(authors)


# --- PDF -------------------------------------------------------------------------------------------
def test_sc_draft_sponsors_match_their_records() -> None:
    """Sponsors F1 over the drafts whose record lists States (some say "The Security Council")."""
    found = expected = both = 0
    for pdf in _sc_drafts():
        gold = _authors(pdf)
        if gold is None:
            continue
        read = {s.name for s in parse_file(pdf).sponsors}
        found, expected, both = found + len(read), expected + len(gold), both + len(read & gold)
    precision, recall = both / found, both / expected
    assert expected > 500
    assert 2 * precision * recall / (precision + recall) >= 0.98


def test_sc_draft_operative_numbering_has_no_gaps() -> None:
    gaps = []
    drafts = _sc_drafts()
    for pdf in drafts:
        numbers = [int(p.num) for p in parse_file(pdf).operative if p.num and p.num.isdigit()]
        runs = [n for k, n in enumerate(numbers) if k and n != numbers[k - 1] + 1 and n != 1]
        if runs:
            gaps.append(pdf.name)
    # S/2018/1021 numbers a list inside paragraph 7 "1.", "2.", "3.": a structure question, not the reader's
    assert len(drafts) == 34 and set(gaps) <= {"S_2018_1021-EN.pdf"}, gaps


def test_italic_verb_phrases_and_a_number_printed_without_its_stop() -> None:
    res = parse_file(_one(SC_DRAFTS, "S_2024_400-EN.pdf"))
    assert (res.symbol, res.kind, res.date) == ("S/2024/400", "draft-resolution", "2024-05-24")
    assert [p.verb for p in res.preamble[:3]] == ["Reiterating", "Recalling", "Recalling also"]
    assert [p.verb for p in res.operative[:3]] == ["Calls upon", "Calls upon", "Demands"]
    # "11 *Condemns* disinformation" is printed without the full stop: the count and the italic verb say 11
    assert [p.num for p in res.operative] == [str(n) for n in range(1, 17)]
    assert (res.operative[10].verb, res.operative[10].text[:32]) == ("Condemns", "Condemns disinformation, informa")
    assert [(f.marker, f.text) for f in res.footnotes] == [
        ("1", "The initial Aide Memoire was adopted on 15 March 2002 in S/PRST/2002/6.")]


def test_tagged_running_headers_are_dropped_but_not_the_masthead() -> None:
    pages = pdf_pages(_one(SC_DRAFTS, "S_2024_400-EN.pdf").read_bytes(), "S_2024_400-EN.pdf")
    assert len(pages) == 6
    assert pages[0].startswith("United Nations S/2024/400\nSecurity Council Distr.: General\n24 May 2024\n")
    assert "\n*2409272*\n" in pages[0]  # the barcode font is "…BoldItalic": it is not italics
    assert pages[1].startswith("in all circumstances, and also *recalling* the obligation")
    assert not any("S/2024/400" in page or "24-09272" in page for page in pages[1:])


def test_bold_sub_headings_do_not_swallow_the_next_paragraph() -> None:
    res = parse_file(_one(SC_DRAFTS, "S_2017_142-EN.pdf"))
    assert [p.num for p in res.operative] == [str(n) for n in range(1, 14)]
    assert res.operative[4].text.startswith("Decides to extend until 28 March 2018 the mandate of the Panel")
    assert "Reporting" not in res.operative[3].text


def test_raised_marker_on_a_line_of_its_own_goes_back_to_its_word() -> None:
    pages = pdf_pages((DEV / "A_RES_73_8.pdf").read_bytes() if DEV.is_dir() else pytest.skip(ABSENT), "A_RES_73_8.pdf")
    assert "resolution 72/4;¹\n2. *Reiterates its call upon* all States" in pages[1]
    assert pages[1].rstrip().endswith("__________________\n¹ A/73/85.")


# --- Word ------------------------------------------------------------------------------------------
def test_word_resolution_with_its_masthead_italics_and_footnote() -> None:
    res = parse_file(_one(DOCX, "N1731586.docx"))
    assert (res.layout, res.symbol, res.number, res.body) == ("docx", "A/RES/72/2", "72/2", "General Assembly")
    assert (res.date, res.adoption_date, res.report_symbol, res.meeting) == (
        "2017-10-10", "2017-10-09", "A/72/519", "29th plenary meeting")
    assert res.agenda_items == ["140"]
    assert [p.verb for p in res.preamble] == ["Having considered", "Reaffirming"]
    assert [(p.num, p.verb) for p in res.operative] == [
        ("1", "Reaffirms"), ("2", "Also reaffirms"), ("3", "Requests"), ("4", "Urges"), ("5", "Agrees"), ("6", "Decides")]
    assert "54/237 C" in res.operative[1].text  # a resolution number inside a hyperlink is text too
    assert [(f.marker, f.text) for f in res.footnotes] == [
        ("1", "Official Records of the General Assembly, Seventy-second Session, Supplement No. 11 (A/72/11).")]


def test_word_sections_hold_their_own_preambles_and_headings_take_in_no_paragraph() -> None:
    """A/RES/72/262 (Fifth Committee, "Special subjects"): "I ⏎ International Public Sector
    Accounting Standards" (one Word paragraph), then the section's "Recalling …", "Having
    considered …", "1. Takes note …"; section II's only operative paragraph is unnumbered. Each
    section holds its own paragraphs, as the UN's AKN files mark them (A/RES/77/263 B)."""
    res = parse_file(_one(DOCX, "N1747020.docx"))
    assert res.symbol == "A/RES/72/262" and res.preamble == []
    first = [(p.num, p.verb) for p in res.operative if p.section == "I. International Public Sector Accounting Standards"]
    assert first == [(None, "Recalling"), (None, "Having considered"), ("1", "Takes note"), ("2", "Endorses")]
    second = [p for p in res.operative if (p.section or "").startswith("II. Conditions of service and compensation")]
    assert [(p.num, p.verb) for p in second] == [(None, "Recalling"), (None, "Having considered"), (None, "Takes note")]
    # a heading without a full stop before a numbered paragraph (A/RES/72/255, section I, A)
    res = parse_file(_one(DOCX, "N1746953.docx"))
    assert [p.num for p in res.operative if (p.section or "").startswith("A. Use of categories of staff")] == ["1", "2", "3"]


def test_word_resolution_dated_by_its_closing_lines() -> None:
    """A/RES/72/90's masthead gives no adoption date; its closing "66th plenary meeting ⏎ 7 December
    2017" does."""
    res = parse_file(_one(DOCX, "N1743001.docx"))
    assert (res.symbol, res.adoption_date, res.meeting) == ("A/RES/72/90", "2017-12-07", "66th plenary meeting")


def test_word_resolutions_in_parts_read_each_part() -> None:
    """A/RES/72/253 A-B: "A ⏎ Final budget appropriations …" above the formula, then "B ⏎ Final
    income estimates …", its formula and its one unnumbered "Resolves that …:" with points."""
    res = parse_file(_one(DOCX, "N1746933.docx"))
    assert [(p.num, p.section, p.verb, [s.num for s in p.subparagraphs]) for p in res.operative] == [
        ("1", "A. Final budget appropriations for the biennium 2016–2017", "Takes note", []),
        ("2", "A. Final budget appropriations for the biennium 2016–2017", "Resolves", ["a", "b", "c"]),
        (None, "B. Final income estimates for the biennium 2016–2017", "Resolves", ["a", "b", "c"])]
    # A/RES/72/90 A-B: part A's one paragraph "Urges all countries …," with points (a) to (f);
    # part B's title and letter are no preambular paragraphs; its sections follow
    res = parse_file(_one(DOCX, "N1743001.docx"))
    urges = res.operative[0]
    assert (urges.num, urges.section, urges.verb, [s.num for s in urges.subparagraphs]) == (
        None, "A. Information in the service of humanity", "Urges", list("abcdef"))
    assert {p.part for p in res.preamble} == {"A", "B"} and all(p.verb for p in res.preamble)
    assert res.operative[1].section == "I. Introduction"


def test_a_part_adopted_alone_keeps_its_letter() -> None:
    """A/RES/72/8 B (adopted on 5 July 2018, months after 72/8 of November 2017): "A/RES/72/8 B"
    on the masthead, "72/8." above the title and "B" above the formula. It was once read as
    A/RES/72/8 (the letter taken for a short title beside the symbol), and the two texts shared a
    work's citations and statements."""
    part_b = parse_file(_one(DOCX, "N1821424.docx"))
    assert (part_b.symbol, part_b.number, part_b.adoption_date) == ("A/RES/72/8 B", "72/8 B", "2018-07-05")
    first = parse_file(_one(DOCX, "N1738922.docx"))
    assert (first.symbol, first.number, first.adoption_date) == ("A/RES/72/8", "72/8", "2017-11-17")
    assert part_b.preamble[0].verb == "Recalling" and part_b.title == first.title


def test_word_markers_typed_as_a_raised_range() -> None:
    res = parse_file(_one(DOCX, "N1738922.docx"))
    assert res.symbol == "A/RES/72/8"
    assert res.operative[0].footnote_refs == [str(n) for n in range(1, 22)]  # printed "1–21"
    assert [p.num for p in res.operative[:3]] == ["1", "2", "3"]
    assert res.operative[1].verb == "Endorses"


def test_word_footnote_with_its_own_mark_does_not_shift_the_numbers() -> None:
    res = parse_file(_one(DOCX, "N1822444.docx"))
    assert res.symbol == "E/RES/2018/14"
    notes = [(f.marker, f.text) for f in res.footnotes]
    assert notes[0] == ("*", "Reissued for technical reasons on 31 August 2018.")
    assert notes[1][0] == "1" and notes[1][1].startswith("See Official Records of the Economic and Social Council")
    assert res.preamble[5].footnote_refs == ["1"]


def test_word_resolution_whose_operative_part_opens_with_its_verb_alone() -> None:
    """A/RES/72/265 has no preamble: "Resolves that:" then "1. The Working Capital Fund shall be
    established …": the lead-in is operative, and its clauses need no verb of their own."""
    from lod.quality import findings

    res = parse_file(_one(DOCX, "N1747057.docx"))
    assert res.symbol == "A/RES/72/265" and not res.preamble
    assert [(p.num, p.verb) for p in res.operative[:2]] == [(None, "Resolves"), ("1", None)]
    assert [p.num for p in res.operative[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert not [f for f in findings(res) if f.code == "no-leading-verb"]


def test_verb_phrases_whose_italics_stop_short_or_a_clause_interrupts() -> None:
    """"*Calls*, in particular, for …" is "Calls for"; a PDF preamble's "*Calling* for …" and
    "*Gravely* concerned …" read with the lexicon's longer phrase, as operative paragraphs were."""
    word = parse_file(_one(DOCX, "N1742887.docx"))
    assert [p.verb for p in word.operative if p.eid == "para_3"] == ["Calls for"]
    calling = parse_file(_one(SC_DRAFTS, "S_2022_158-EN.pdf"))
    assert [p.verb for p in calling.preamble if p.eid == "preamble__para_6"] == ["Calling for"]
    gravely = parse_file(_one(SC_DRAFTS, "S_2019_179-EN.pdf"))
    assert [p.verb for p in gravely.preamble if p.eid == "preamble__para_7"] == ["Gravely concerned"]


def test_a_section_heading_above_the_first_numbered_paragraph_is_no_preambular_paragraph() -> None:
    """"A. Theme for the Commission on the Status of Women in 2020" (E/RES/2018/8, Word) and
    "Arms embargo" (S/2017/77, PDF) head the first paragraphs; "Therefore" (S/RES/1 (1946)) heads nothing."""
    word = parse_file(_one(DOCX, "N1821438.docx"))
    assert [p.verb for p in word.preamble] == ["Recognizing", "Recalling", "Reiterating"]
    assert [p.section for p in word.operative] == ["A. Theme for the Commission on the Status of Women in 2020"] * 3 + [
        "B. Themes for the Commission on the Status of Women in 2021 and beyond"] * 2
    pdf = parse_file(_one(SC_DRAFTS, "S_2017_77-EN.pdf"))
    assert pdf.operative[0].section == "Arms embargo" and all(p.verb for p in pdf.preamble)


def test_a_heading_inside_the_preamble_is_not_glued_to_the_paragraph_under_it() -> None:
    """S/2018/693: "Current situation" ⏎ "*Welcoming* the improvement …" are two blocks, so the
    paragraph keeps its phrase."""
    res = parse_file(_one(SC_DRAFTS, "S_2018_693-EN.pdf"))
    texts = [(p.verb, p.text[:26]) for p in res.preamble]
    at = texts.index((None, "Current situation"))
    assert texts[at + 1] == ("Welcoming", "Welcoming the improvement ")
    assert not any(p.verb is None for p in res.preamble if p.text.startswith("Humanitarian situation") and len(p.text) > 80)


def test_the_universal_declaration_covenants_and_special_sessions_are_cited_works() -> None:
    """"Resolution 217 A (III)", "2200 A (XXI)" and "S-23/2" print no date: their IRIs take the
    year their session implies (1948, 1966, 2000) instead of the citation staying unresolved."""
    from lod.rdf import WorkRegistry, map_resolution

    res = parse_file(_one(DOCX, "N1746175.docx"))
    lines = "\n".join(map_resolution(res, WorkRegistry.from_corpus([res], "http://lod.test"), "http://lod.test").lines())
    for work in ("un-ga/1948-01-01/217_A_(III)", "un-ga/1966-01-01/2200_A_(XXI)", "un-ga/2000-01-01/S-23-2"):
        assert f"citesWork> <http://lod.test/akn/un/statement/deliberation/{work}>" in lines
    assert "ontology#unresolved>" not in lines


def test_word_footnotes_keep_their_non_breaking_hyphens_and_not_their_typed_marks() -> None:
    """A footnote's symbols are printed with Word's non-breaking hyphen (an element, not a
    character): "A/ES-10/273", "A/69/711-S/2015/1", "S-23/2" had become "A/ES10/273"."""
    res = parse_file(_one(DOCX, "N1742959.docx"))
    assert res.symbol == "A/RES/72/85"
    notes = {f.marker: f.text for f in res.footnotes}
    assert notes["6"] == "See A/ES-10/273 and A/ES-10/273/Corr.1."
    assert notes["7"] == "A/69/711-S/2015/1, annex."
    assert {"A/ES-10/273", "A/69/711"} <= {c.symbol for c in res.citations}
    special = parse_file(_one(DOCX, "N1746175.docx"))
    assert {"S-23/2", "S-23/3", "S-24/2"} <= {c.number for c in special.citations}
    # the note's mark typed in the FootnoteReference style is not its text
    typed = parse_file(_one(DOCX, "N1741937.docx"))
    assert typed.footnotes[0].text == "A/51/218, annex."
    # a line break that wraps a web address is not a space
    wrapped = parse_file(_one(DOCX, "N1822444.docx"))
    assert any("%20Report%20on%20Emergency%20Response.pdf" in f.text for f in wrapped.footnotes)


@pytest.mark.parametrize("name", ["N1746840.docx", "N1825180.docx"])
def test_word_rules_of_procedure_each_rule_keeps_its_own_paragraphs(name: str) -> None:
    """A/RES/72/244 and 72/308 annex rules of procedure: "Rule 18 ⏎ Decisions concerning
    organization ⏎ The Conference shall, at its first meeting: (a) … (d)" had been glued to rule
    14's paragraph 3, after rule 15's points (a) to (g), so two points were "(a)" in one list and
    the document failed its shapes (a repeated eId): it was not published."""
    res = parse_file(_one(DOCX, name))
    rules = {p.section.split(" ", 2)[1]: p for a in res.annexes for p in a.paragraphs if p.section and p.section.startswith("Rule ")}
    assert [s.num for s in rules["15"].subparagraphs] == list("abcdefg")
    assert rules["18"].text.startswith("The Conference shall, at its first meeting:")
    assert [s.num for s in rules["18"].subparagraphs] == list("abcd")
    eids = [p.eid for a in res.annexes for p in a.paragraphs] + [
        s.eid for a in res.annexes for p in a.paragraphs for s in p.subparagraphs]
    assert len(eids) == len(set(eids))


def test_word_tables_stay_tables() -> None:
    res = parse_file(_one(DOCX, "N1824662.docx"))
    assert (res.symbol, res.body) == ("E/RES/2018/30", "Economic and Social Council")
    assert len(res.tables) == 9 and [t.eid for t in res.tables[:2]] == ["table_1", "table_2"]
    assert res.tables[0].rows[1] == ["Management meetings", "New York"]
    assert not any("Management meetings" in p.text for p in [*res.preamble, *res.operative])


def test_most_word_files_are_read() -> None:
    paths = sorted(DOCX.rglob("*.docx"))
    if not paths:
        pytest.skip(f"the Word files: {ABSENT}")
    read = 0
    for path in paths[::10]:
        try:
            parse_file(path)
            read += 1
        except ParseError:
            pass
    assert read >= 0.95 * len(paths[::10])


# --- decisions database ------------------------------------------------------------------------------
def test_decision_record() -> None:
    res = parse_file(_one(DECISIONS, "77_401.json"))
    assert (res.kind, res.body, res.number, res.symbol, res.session) == ("decision", "General Assembly", "77/401", "A/DEC/77/401", 77)
    assert (res.adoption_date, res.meeting, res.agenda_items, res.language) == (
        "2022-09-13", "1st plenary meeting", ["3 (a)"], "eng")
    assert res.title == "Appointment of the members of the Credentials Committee"
    assert res.session_label == "Seventy-seventh session"  # as the Assembly's mastheads name it
    assert res.operative[0].text.startswith("At its 1st plenary meeting, on 13 September 2022, the General Assembly")


def test_decision_record_inline_footnote_and_later_meeting() -> None:
    res = parse_file(_one(DECISIONS, "77_408_A_and_B.json"))
    assert (res.number, res.meeting, res.adoption_date) == ("77/408", "34th plenary meeting", "2022-11-15")
    assert ("1", "A/77/567, para. 5.") in [(f.marker, f.text) for f in res.footnotes]
    assert any(p.footnote_refs == ["1"] for p in res.operative)
    # the database drops ordinal suffixes ("112 plenary meeting"): the printed form is restored
    assert parse_file(_one(DECISIONS, "72_504_A_and_B.json")).meeting == "112th plenary meeting"


def test_a_footnote_the_database_writes_with_a_capital_is_a_note_too() -> None:
    """"(Footnote: A/79/421, para. 19, Draft decision I.)" as 255 records of ../shared write it
    (others "(footnote: …)"): a numbered note, out of the text, where the operative verb of the
    sentence is read ("decided", not the "as noted in paragraph 382" before it)."""
    res = parse_file(_one(DECISIONS, "79_519_A_and_B.json"))
    first = res.operative[0]
    assert "Footnote" not in first.text and first.footnote_refs == ["1", "2"] and first.verb == "decided"
    assert [(f.marker, f.text) for f in res.footnotes][:2] == [
        ("1", "A/79/421, para. 19, Draft decision I."),
        ("2", "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 20 (A/79/20)")]


def test_a_decision_says_how_it_was_adopted_committee_report_record_and_vote() -> None:
    """What the text of a decision says of its proceedings becomes the model's, as a resolution's
    masthead does: "…, the General Assembly, by a recorded vote of 152 to 3, with 30 abstentions (See
    A/75/PV.37 for the result of the voting.), on the recommendation of the First Committee
    (A/75/397, para.16.), … decided …"; the report in a note ("(Footnote: A/76/483, para.7)"); the
    closing list "(See A/72/399, A/72/PV.62)". A document a decision names in its text ("… for the
    Community of Democracies (See A/70/142.) until …") is not its report, and a vote on an amendment
    ("as amended by a recorded vote of 59 to 10") not its vote."""

    def proceedings(name: str) -> tuple:
        res = parse_file(_one(DECISIONS, name))
        votes = (res.voting.outcome, res.voting.yes, res.voting.no, res.voting.abstention) if res.voting else None
        return res.committee, res.report_symbol, res.report_paragraph, res.draft_symbol, res.meeting_record, votes

    assert proceedings("75_514.json") == (
        "First Committee", "A/75/397", "16", None, "A/75/PV.37", ("adopted-recorded-vote", 152, 3, 30))
    assert proceedings("76_529.json") == ("Sixth Committee", "A/76/483", "7", None, None, None)
    assert proceedings("72_511.json") == (None, "A/72/399", None, None, "A/72/PV.62", None)
    assert proceedings("78_551.json") == (None, None, None, "A/78/L.76", "A/78/PV.90", None)
    assert proceedings("75_582.json")[4:] == ("A/75/PV.102", ("adopted-recorded-vote", 71, 12, 45))
    # a decision in parts: the first part's documents, and no vote for the whole
    assert proceedings("79_519_A_and_B.json") == ("Fourth Committee", "A/79/421", "19", None, None, None)


def test_the_notes_a_record_keeps_inside_its_text_do_not_swallow_the_next_part() -> None:
    """76/407: part A's members with their terms ("(Benin),***" ⏎ "__________" ⏎ "*⇥Term of office
    expires on 31 December 2022." …), then part B, whose letter carries a note ("B (footnote:
    Decision 76/407 … becomes decision 76/407 A.)"): part B is text, the stars are notes, the
    letter's note is the heading's. A section heading's note ("Provisional programme of work²",
    77/521) is the heading's too, not a note without its marker."""
    from lod.quality import findings

    res = parse_file(_one(DECISIONS, "76_407_A_and_B.json"))
    assert [p.section for p in res.operative] == ["A", "A", "B", "B"]
    assert res.operative[2].text.startswith("At its 74th plenary meeting, on 23 May 2022")
    notes = {f.marker: f.text for f in res.footnotes}
    assert notes["***"] == "Term of office expires on 31 December 2024." and res.heading_refs == ["2"]
    assert notes["2"].endswith("becomes decision 76/407 A.")
    assert [f for f in findings(res) if f.code.endswith("marker") or f.code.startswith("marker")] == []
    programme = parse_file(_one(DECISIONS, "77_521.json"))
    assert "2" in programme.tables[0].footnote_refs and not [f for f in findings(programme) if f.code == "note-without-marker"]


def test_a_programme_of_work_a_record_keeps_as_dated_rows_is_a_table() -> None:
    """The Sixth Committee's programme (76/525): "Provisional programme of work (Footnote: …" with its
    closing parenthesis lost, then "3 October⇥Organization of work …", "⇥Request(s) for observer
    status (Footnote: …)" under the day above, "25 to 28 October and 1 to 3 November⇥Report of the
    International Law Commission …", "3 November⇥Diplomatic protection". A table titled by its
    heading, the notes its heading and cells carry; no row taken for a note because "1 to 3
    November" above it carries a 3, no note running on to the next note's parenthesis."""
    res = parse_file(_one(DECISIONS, "76_525.json"))
    assert len(res.operative) == 1 and res.operative[0].text.endswith("as proposed by the Bureau:")
    (table,) = res.tables
    assert table.title == "Provisional programme of work" and table.footnote_refs == ["2", "3"]
    assert table.rows[0] == ["3 October", "Organization of work of the Sixth Committee"]
    assert ["", "Request(s) for observer status"] in table.rows and ["3 November", "Diplomatic protection"] in table.rows
    assert table.rows[-1] == ["14 October, 9 and 17 November", "Reserved"]  # the days on a line of their own
    notes = {f.marker: f.text for f in res.footnotes}
    assert notes["2"].startswith("Indicating provisional dates") and notes["2"].endswith("8 November (Gurpurab).")
    assert notes["3"].startswith("Request(s) for observer status included") and set(notes) == {"1", "2", "3"}


def _items(points: list) -> list[tuple[str, list[str]]]:
    return [(p.num, [q.num for q in p.subparagraphs]) for p in points]


def test_agenda_items_a_decision_lists_are_its_points_under_their_agenda_numbers() -> None:
    """ "took note of the following agenda items …:" then the items under their agenda numbers,
    which skip: points of that sentence, with their lettered sub-items, not paragraphs with
    numbering gaps; items printed without a full stop are not run together."""
    noted = parse_file(_one(DECISIONS, "79_552.json"))
    [sentence] = noted.operative
    assert sentence.num is None and sentence.verb == "took note"
    items = _items(sentence.subparagraphs)
    assert items[:9] == [("9", []), ("11", []), ("12", []), ("13", []), ("14", []), ("17", []), ("18", []),
                         ("21", ["b"]), ("28", [])]
    assert ("32", ["a", "b"]) in items and ("65", ["a", "b"]) in items
    assert not [f for f in findings(noted) if f.code.startswith("numbering")]
    included = parse_file(_one(DECISIONS, "72_575.json"))  # items without full stops, one per line
    items = _items(included.operative[0].subparagraphs)
    assert items[:8] == [("9", []), ("14", []), ("15", []), ("19", []), ("22", ["b"]), ("24", ["a", "b"]),
                         ("29", []), ("35", [])]
    programme = parse_file(_one(DECISIONS, "71_538.json"))  # "Item 1. Social development:" then "(a)", "(b)"
    assert _items(programme.operative[0].subparagraphs)[:5] == [
        ("1", ["a", "b"]), ("2", []), ("3", []), ("4", ["a", "b"]), ("5", ["a", "b"])]
    separate = parse_file(_one(DECISIONS, "71_502.json"))  # one paragraph per line of the record
    assert [p.verb for p in separate.operative][:3] == ["adopted", "decided", "decided"]


def test_decisions_of_a_session_publish(tmp_path: Path) -> None:
    from lod.publish import build

    folder = DECISIONS / "77"
    if not folder.is_dir():
        pytest.skip(f"the decisions of session 77: {ABSENT}")
    report = build(folder, tmp_path / "out", jobs=1)
    assert len(report.documents) == 98 and len(report.published) >= 97
    works = {d.work for d in report.published}
    assert any(w and w.endswith("/un-ga/2022-09-13/77-401") for w in works)


# --- bad input ----------------------------------------------------------------------------------------
def _refused(path: Path) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.source == path.name
    return caught.value


def test_truncated_pdf_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(_one(SC_DRAFTS, "S_2024_400-EN.pdf").read_bytes()[:2000])
    assert "PDF" in _refused(path).reason


_ENCRYPTED = b"""%%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
4 0 obj << /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >> endobj
trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>] >>
%%%%EOF
""" % (b"ab" * 32, b"cd" * 32)


def test_encrypted_pdf_names_the_file_and_the_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_ENCRYPTED)
    assert "password" in _refused(path).reason


def test_empty_word_document(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert _refused(path).reason == "the Word document has no text"


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "not a Word document" in _refused(path).reason


@pytest.mark.parametrize("content", [b'{"Title": "draft resolution", "Content": ""}', b"[1, 2]", b'{"ED_DecisionNumber": "77/401"}'])
def test_json_that_is_not_a_decision_record(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(content)
    reason = _refused(path).reason
    assert "not a record of the UN decisions database" in reason and "nor a record holding a document's text" in reason


def test_a_text_record_whose_text_holds_no_paragraphs_is_refused_as_such(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b'{"Title": "draft resolution", "Content": "The Security Council,"}')
    assert "no paragraphs were found" in _refused(path).reason


@pytest.mark.parametrize(("text", "reason"), [
    ("", "has an empty ED_DecisionText"),
    ("3 October\tOrganization of work\n4 October\tTerrorism\n5 October\tReserved\n", "holds only notes or a table of dates"),
])
def test_a_decision_record_without_a_decision_s_text_is_refused_as_such(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "record.json"
    path.write_text(json.dumps({"ED_DecisionNumber": "77/999", "ED_DecisionText": text}), encoding="utf-8")
    assert reason in _refused(path).reason


def test_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"ED_DecisionText": "At its')
    assert "not valid JSON" in _refused(path).reason


def test_json_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 200_000)
    assert "nested too deeply" in _refused(path).reason


@pytest.mark.skipif(not DOCX.is_dir(), reason=ABSENT)
@pytest.mark.parametrize(("name", "route"), [
    # the Fourth Committee's long name carries its short one
    ("GA72/N1742894.docx", ("Fourth Committee", "A/72/445", None)),
    # the bracket left open before the number and title
    ("GA72/N1747039.docx", ("Fifth Committee", "A/72/681", None)),
    # the Economic and Social Council's own draft
    ("ECOSOC2018/N1824662.docx", (None, None, "E/2018/L.21")),
    # a functional commission's recommendation, its name with a non-breaking space
    ("ECOSOC2018/N1824644.docx", (None, "E/2018/31", None)),
])
def test_the_route_a_word_file_prints_under_its_adoption(name: str, route: tuple[str | None, ...]) -> None:
    res = parse_file(DOCX / name)
    assert (res.committee, res.report_symbol, res.draft_symbol) == route


@pytest.mark.skipif(not DOCX.is_dir(), reason=ABSENT)
def test_a_long_title_under_a_label_printed_alone_is_the_section_s() -> None:
    """A/RES/72/262 C prints "III ⏎ Revised estimates relating to the programme budget … related to the
    peace and security reform", a title of 330 characters: the section's, not a preambular paragraph of
    its own before "Recalling its resolution 72/199"."""
    res = parse_file(DOCX / "GA72" / "N1821476.docx")
    third = [p for p in res.operative if (p.section or "").startswith("III")]
    assert third and third[0].section.startswith("III. Revised estimates relating to the programme budget")  # type: ignore[union-attr]
    assert not [p for p in res.operative if p.text.startswith("Revised estimates relating")]
    assert third[0].text.startswith("Recalling its resolution 72/199")
