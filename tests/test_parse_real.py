"""Hand-checked facts about real UN documents of every kind, read from ../shared/corpus/real.

Each fact was checked against the document as printed (numbers, verbs, notes, parts). The
documents are Security Council resolutions from the annual compilations (1946–1993, hand-
corrected OCR: headings instead of mastheads, formulas without commas, "Whereas" preambles,
notes under the closing lines, parts and lettered sections), GA decisions as the decisions
database stores them, and GA resolutions as cleaned Markdown, raw PDF text and extracted text.
Where ../shared is absent these tests skip with a message (conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.model import Resolution
from lod.parse import ParseError, parse_file, parse_text

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=ABSENT)

SC = REAL / "sc"
GA_TEXT = REAL / "ga-text"
DECISIONS = REAL / "decisions"


def sc(number: int, year: int) -> Resolution:
    return parse_file(SC / f"S_RES_{number:04d}_{year}_EN_GOLD.txt")


def decision(name: str) -> Resolution:
    path = DECISIONS / name.split("_")[0] / f"{name}.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    return parse_text(record["ED_DecisionText"], source=path.name)


def repeated_eids(res: Resolution) -> list[str]:
    """The eIds the model gives to more than one element."""
    seen: list[str] = []
    stack = [*res.preamble, *res.operative, *(p for a in res.annexes for p in a.paragraphs)]
    while stack:
        element = stack.pop()
        seen.append(element.eid)
        stack.extend(getattr(element, "subparagraphs", []))
    seen += [f.eid for f in res.footnotes if f.eid] + [t.eid for t in res.tables]
    return sorted({e for e in seen if seen.count(e) > 1})


def nums(paragraphs: list) -> list[str | None]:
    return [p.num for p in paragraphs]


def verbs(paragraphs: list) -> list[str | None]:
    return [p.verb for p in paragraphs]


# --- Security Council ------------------------------------------------------------------


def test_sc_modern_compilation_text_gets_symbol_body_and_date_from_its_heading() -> None:
    r = sc(660, 1990)
    assert (r.symbol, r.kind, r.body, r.number) == ("S/RES/660 (1990)", "resolution", "Security Council", "660 (1990)")
    assert (r.adoption_date, r.meeting) == ("1990-08-02", "2932nd meeting")
    assert verbs(r.preamble) == ["Alarmed", "Determining", "Acting"]
    assert nums(r.operative) == ["1", "2", "3", "4"]
    assert verbs(r.operative) == ["Condemns", "Demands", "Calls upon", "Decides"]


@pytest.mark.parametrize(("number", "year", "under"), [(30, 1947, "(S/525, I]"), (36, 1947, "(S/597]"), (119, 1956, "(S/3721}")])
def test_the_document_a_heading_names_in_brackets_is_not_the_resolutions_symbol(number: int, year: int, under: str) -> None:
    """Under "30 (1947). Resolution of 25 August 1947" the volume prints the document the text was
    issued in, its brackets misread ("(S/525, I]"): the resolution is S/RES/30 (1947), not S/525."""
    r = sc(number, year)
    assert (r.symbol, r.number) == (f"S/RES/{number} ({year})", f"{number} ({year})")


def test_sc_1946_without_formula_numbered_paragraphs_and_a_note_on_the_vote() -> None:
    r = sc(1, 1946)
    assert (r.symbol, r.body, r.adoption_date, r.meeting) == ("S/RES/1 (1946)", "Security Council", "1946-01-25", "2nd meeting")
    assert r.preamble_formula is None
    assert len(r.preamble) == 2  # "By Article 47 …;" and "Therefore"
    assert nums(r.operative) == ["1", "2", "3"]
    assert [(f.marker, f.text) for f in r.footnotes] == [("22", "Adopted without vote.")]


def test_sc_resolves_colon_leads_the_numbered_paragraphs_and_and_joins_no_paragraphs() -> None:
    """"Resolves:" (or "Resolves :") then "1. That …": the operative part's lead-in, not a
    preambular paragraph; "…, and" ⏎ ⏎ "Taking into account …" are two preambular paragraphs."""
    from lod.quality import findings

    r = sc(6, 1946)
    assert verbs(r.preamble) == ["Taking into account", "Taking into account"]
    assert r.preamble[0].text.endswith("carry out these obligations, and")
    assert [(p.num, p.verb, p.text) for p in r.operative[:1]] == [(None, "Resolves", "Resolves:")]
    assert nums(r.operative) == [None, "1", "2"]
    r = sc(26, 1947)
    assert (verbs(r.operative), nums(r.operative)) == ([("Resolves"), None, None, "Transmits"], [None, "1", "2", None])
    assert r.operative[3].text == "Transmits this resolution to the General Assembly for its information."
    assert not [f for f in findings(r) if f.code in ("paragraph-length", "no-leading-verb")]


def test_sc_annexes_lettered_a_and_b_are_annexes() -> None:
    """S/RES/1454 (2002): "Annex A ⏎ Textual entries …" and "Annex B ⏎ Goods Review List
    procedures" were read as operative paragraphs in sections named after the lines."""
    r = sc(1454, 2002)
    assert nums(r.operative) == ["1", "2", "3", "4", "5"]
    assert [(a.num, a.title) for a in r.annexes] == [
        ("A", "Textual entries for the proposed item changes to the Goods Review List"),
        ("B", "Goods Review List procedures"),
    ]
    assert nums(r.annexes[1].paragraphs)[:20] == [str(n) for n in range(1, 21)]


def test_sc_scan_errors_around_the_heading_and_the_final_punctuation() -> None:
    """What the scans misread no longer moves text between heading, preamble and operative part."""
    # a heading without its year or with the year misread takes the year from its date
    assert (sc(290, 1970).symbol, sc(361, 1974).symbol) == ("S/RES/290 (1970)", "S/RES/361 (1974)")
    # the heading's date or draft symbol as misread, right above the formula, is the heading's
    r = sc(206, 1965)  # "ef 15 June 1965"
    assert (r.preamble[0].verb, r.adoption_date) == ("Noting", "1965-06-15")
    assert sc(59, 1948).preamble[0].text.startswith("Having in mind")  # "[S/1045}"
    # a preambular paragraph whose final comma was lost, then after a blank line the operative verb
    r = sc(464, 1980)
    assert [(p.verb, p.text[-21:]) for p in r.preamble] == [("Having examined", "to the United Nations")]
    assert verbs(r.operative) == ["Recommends"]
    # the one operative sentence, ending in a misread comma, is still the operative part
    r = sc(299, 1971)
    assert (verbs(r.preamble), verbs(r.operative)) == (["Having examined"], ["Recommends"])
    # "… on 27 April" ⏎ "1968.": a year opening a line, not paragraph 1968
    r = sc(251, 1968)
    assert nums(r.operative) == [None] and r.operative[0].text.endswith("on 27 April 1968.")
    assert r.meeting == "1420th meeting"


def test_sc_unnumbered_operative_paragraphs_before_numbered_sections() -> None:
    """S/RES/47 (1948): "Reaffirms …;", "Resolves …;", "Instructs …;", "Recommends … the following
    measures …:" then "A. Restoration of peace and order" and paragraphs 1 to 5: the operative part
    starts at "Reaffirms", not at paragraph 1, and the numbered measures need no verb."""
    from lod.quality import findings

    r = sc(47, 1948)
    assert verbs(r.preamble)[-1] == "Considering"
    assert [(p.num, p.verb) for p in r.operative[:5]] == [
        (None, "Reaffirms"), (None, "Resolves"), (None, "Instructs"), (None, "Recommends"), ("1", None)]
    assert [p.section for p in r.operative[4:10]] == ["A. Restoration of peace and order"] * 5 + ["B. Plebiscite"]
    assert not [f for f in findings(r) if f.code == "no-leading-verb"]


def test_sc_part_letter_then_its_own_acting_under_chapter_vii() -> None:
    """S/RES/814 (1993): "B" ⏎ "Acting under Chapter VII of the Charter …," then "5. Decides": part
    B's own paragraph, no longer the end of paragraph 4 of part A."""
    r = sc(814, 1993)
    four = next(p for p in r.operative if p.num == "4")
    assert four.section == "A" and "Chapter VII" not in four.text
    acting = r.operative[r.operative.index(four) + 1]
    assert (acting.num, acting.section, acting.verb) == (None, "B", "Acting under Chapter VII of the Charter of the United Nations")


def test_sc_a_number_the_scan_misread_between_its_neighbours_and_a_closing_by_consensus() -> None:
    """S/RES/591 (1986) prints "4.", "8.", "6.": the 8 is paragraph 5 (with a warning); "Adopted by
    consensus at the 2723rd meeting." closes the text instead of ending paragraph 15."""
    r = sc(591, 1986)
    assert nums(r.operative) == [str(n) for n in range(1, 16)]
    assert "paragraph 5 is printed 8, between 4 and 6: read as 5" in r.warnings
    assert r.operative[-1].text == "Decides to remain seized of the matter."
    assert (r.meeting, r.voting.outcome if r.voting else None) == ("2723rd meeting", "adopted-without-vote")


def test_sc_the_government_alone_is_the_one_named_before() -> None:
    """S/RES/465 (1980): "the Government of Israel" in the preamble, then "calls upon the Government
    and people of Israel"; S/RES/59 (1948): "Requests that Government" after "the Provisional
    Government of Israel"."""
    for number, year in ((465, 1980), (59, 1948)):
        named = [(a.name, a.iso3) for p in sc(number, year).operative for a in p.addressees if a.kind == "state"]
        assert named and all(iso3 == "ISR" for _, iso3 in named), named


def test_sc_whereas_preamble_before_a_formula_that_follows_it() -> None:
    r = sc(4, 1946)
    assert r.preamble_formula == "Therefore the Security Council,"
    assert r.body == "Security Council"
    assert r.preamble[0].text.startswith("The attention of the Security Council has been drawn")
    assert r.preamble[1].text.startswith("Keeping in mind the unanimous moral condemnation")
    assert nums(r.operative) == [None, None]  # unnumbered: "Hereby resolves …", "To this end, …"
    assert r.operative[0].verb == "Hereby resolves"
    assert r.operative[1].text.startswith("To this end, the Security Council appoints")


def test_sc_it_is_resolved_without_any_formula() -> None:
    r = sc(17, 1947)
    assert r.title is None  # "17 (1947). Resolution of 10 February 1947" is the heading, not a title
    assert (r.adoption_date, r.meeting) == ("1947-02-10", "101st meeting")
    [whereas] = r.preamble
    assert whereas.verb == "Whereas"
    [resolved] = r.operative
    assert resolved.text.startswith("It is resolved that the Security Council request the Secretary-General")


def test_sc_formula_without_comma_then_one_operative_sentence() -> None:
    r = sc(28, 1947)
    assert r.preamble_formula == "The Security Council"
    assert r.preamble == []
    assert verbs(r.operative) == ["Resolves"]
    assert r.meeting == "177th meeting"


def test_sc_paragraph_number_read_with_a_comma_by_ocr_keeps_the_count() -> None:
    r = sc(183, 1963)  # "5, Notes General Assembly resolution 1542 (XV)"
    assert nums(r.operative) == ["1", "2", "3", "4", "5", "6", "7"]
    assert r.operative[4].verb == "Notes"
    assert r.operative[6].verb == "Requests"
    # "… with\n1 abstention (France)." continues the closing lines: it is not footnote 1
    assert [f.marker for f in r.footnotes] == ["5"]
    assert r.preamble[0].footnote_refs == ["5"]
    r = sc(282, 1970)  # "4, Calls upon all States"
    assert nums(r.operative)[:5] == ["1", "2", "3", "4", "5"]


def test_sc_paragraph_whose_number_was_lost_takes_the_place_the_count_leaves() -> None:
    r = sc(484, 1980)  # "1. Reaffirms …;" then "Calls upon Israel …;" without number, then "3. Declares"
    assert [(p.num, p.verb) for p in r.operative] == [("1", "Reaffirms"), ("2", "Calls upon"), ("3", "Declares"), ("4", "Requests")]
    assert "paragraph 2 has no printed number; it is inferred from paragraphs 1 and 3" in r.warnings
    r = sc(593, 1986)  # "2 Requests the Secretary -General …": no stop after the number
    assert [(p.num, p.verb) for p in r.operative] == [("1", "Extends once more"), ("2", "Requests"), ("3", "Calls upon")]


def test_sc_resolution_in_two_parts_each_with_formula_and_preamble() -> None:
    r = sc(161, 1961)
    assert [p.part for p in r.preamble] == ["A"] * 4 + ["B"] * 5
    assert r.preamble[0].text == "Having considered the situation in the Congo,"
    assert r.preamble[4].verb == "Gravely concerned"
    assert [(p.section, p.num) for p in r.operative] == [("A", str(n)) for n in range(1, 6)] + [("B", str(n)) for n in range(1, 4)]
    assert [p.eid for p in r.operative][5] == "sec_B__para_1"
    assert verbs(r.operative)[5:] == ["Urges", "Urges", "Calls upon"]


def test_sc_lettered_sections_a_to_i_are_letters_not_roman_numerals() -> None:
    r = sc(687, 1991)
    assert len(r.preamble) == 26
    assert nums(r.operative) == [str(n) for n in range(1, 35)]
    sections = [p.section for p in r.operative]
    assert sections[0] is None and sections[1] == "A" and sections[14] == "D" and sections[-1] == "I"
    assert sorted({s for s in sections if s}) == list("ABCDEFGHI")
    assert [p.eid for p in r.operative][:2] == ["para_1", "para_2"]  # numbering runs on: no section in the eId


def test_sc_notes_under_the_closing_lines_and_markers_at_paragraph_ends() -> None:
    r = sc(675, 1990)
    assert [(f.marker, f.text) for f in r.footnotes] == [("99", "Ibid., document S$/21909.")]
    assert r.preamble[0].footnote_refs == ["89"] and r.operative[0].footnote_refs == ["99"]
    assert "footnote marker 89 has no footnote text" in r.warnings  # its note is on another page of the volume
    assert nums(r.operative) == ["1", "2", "3"]  # "Adopted unanimously at the 2952nd meeting." is not one
    assert r.meeting == "2952nd meeting"


def test_sc_two_markers_at_a_paragraph_s_end() -> None:
    r = sc(142, 1960)  # "Having examined the application of the Republic of ⏎ the Congo, 21 22"
    assert r.preamble[0].footnote_refs == ["21", "22"]
    assert r.preamble[0].text.endswith("the Republic of the Congo,")
    assert [f.marker for f in r.footnotes] == ["21", "22"]
    glued = sc(152, 1960)  # "… of the Republic of ⏎ the Congo,28 29": the first marker glued to the comma
    assert glued.preamble[0].footnote_refs == ["28", "29"] and glued.preamble[0].text.endswith("the Congo,")


def test_sc_operative_verb_after_a_preamble_ending_in_a_marker() -> None:
    r = sc(590, 1986)  # "…Observer Force, 24" then "Decides:" on the next line
    assert r.preamble_formula == "The Security Council."
    [considered] = r.preamble
    assert considered.verb == "Having considered" and considered.footnote_refs == ["24"]
    [decides] = r.operative
    assert decides.verb == "Decides"
    assert "(b) To renew the mandate of the United Nations Disengagement Observer Force" in decides.text


def test_sc_capitalised_heading_with_its_adoption_line_and_no_formula() -> None:
    r = sc(781, 1992)
    assert (r.symbol, r.adoption_date, r.meeting) == ("S/RES/781 (1992)", "1992-10-09", "3122nd meeting")
    assert verbs(r.preamble)[:3] == ["Reaffirming", "Determined", "Noting"]
    assert nums(r.operative) == [str(n) for n in range(1, 8)]
    r = sc(768, 1992)  # "Adopted by the Security Council at its …" under the heading is not the closing
    assert nums(r.operative) == ["1", "2", "3", "4", "5"]
    assert verbs(r.operative)[:3] == ["Decides", "Reiterates its strong support", "Re-emphasizes"]


def sc_draft(name: str) -> Resolution:
    path = sorted((REAL / "sc-drafts").glob(f"*/*/{name}-EN.json"))[0]  # some drafts are in both tasks
    return parse_text(json.loads(path.read_text(encoding="utf-8"))["Content"], source=path.name)


def test_sc_draft_text_with_a_footnote_rule_and_no_page_furniture() -> None:
    # the note under the rule ends; "Recognizing the role …" resumes the preamble (no page end says so)
    r = sc_draft("S_2024_400")
    assert [(f.marker, f.text) for f in r.footnotes] == [
        ("1", "The initial Aide Memoire was adopted on 15 March 2002 in S/PRST/2002/6.")]
    assert len(r.preamble) == 22
    assert nums(r.operative) == [str(n) for n in range(1, 17)]
    assert r.operative[10].verb == "Condemns"  # printed "11     Condemns", without its stop


def test_sc_draft_whose_numbered_paragraphs_run_together_on_one_line() -> None:
    r = sc_draft("S_2019_266")  # "… rule of law institutions; 12. Welcomes the completion …"
    assert nums(r.operative) == [str(n) for n in range(1, 24)]
    assert verbs(r.operative)[10:15] == ["Urges", "Welcomes", "Further underlines", "Calls upon", "Emphasises"]
    assert r.operative[10].text.endswith("investing in effective and accountable rule of law institutions;")


def test_sc_draft_numbered_list_inside_a_paragraph_is_its_points() -> None:
    r = sc_draft("S_2018_1021")  # paragraph 7 ends with a colon, then "1. …", "2. …", "3. …", then "8. Urges"
    seventh = r.operative[6]
    assert seventh.num == "7" and seventh.verb == "Expresses disappointment"
    assert [(s.num, s.eid) for s in seventh.subparagraphs] == [
        ("1", "para_7__list_1__point_1"), ("2", "para_7__list_1__point_2"), ("3", "para_7__list_1__point_3")]
    assert r.operative[7].num == "8"


def test_no_security_council_draft_text_has_a_numbering_gap() -> None:
    paths = sorted((REAL / "sc-drafts").glob("*/*/*.json"))
    if not paths:
        raise FileNotFoundError(REAL / "sc-drafts")
    gaps = []
    for path in paths:
        res = parse_text(json.loads(path.read_text(encoding="utf-8"))["Content"], source=path.name)
        numbers = [int(p.num) for p in res.operative if p.num and p.num.isdigit()]
        if not numbers or numbers != list(range(1, len(numbers) + 1)):
            gaps.append((path.name, numbers))
    assert len(paths) == 34  # 34 drafts (one symbol appears in both tasks)
    assert gaps == []


# --- GA decisions as the decisions database stores them ----------------------------------


def test_decision_text_without_masthead_is_a_decision_of_the_assembly() -> None:
    r = decision("77_401")
    assert (r.kind, r.body, r.adoption_date, r.meeting) == ("decision", "General Assembly", "2022-09-13", "1st plenary meeting")
    [text] = r.operative
    assert text.text.startswith("At its 1st plenary meeting, on 13 September 2022, the General Assembly")
    assert r.preamble == []


def test_decision_taken_on_two_days_and_one_opening_with_the_organ() -> None:
    r = decision("74_418")  # "On 17 and 18 June 2020, the General Assembly … elected"
    assert (r.kind, r.body, r.adoption_date) == ("decision", "General Assembly", "2020-06-18")
    r = decision("72_404_A_and_B")  # "The General Assembly, at its 44th plenary meeting, on 9 November 2017, …"
    assert (r.kind, r.adoption_date, r.meeting) == ("decision", "2017-11-09", "44th plenary meeting")
    assert [f.marker for f in r.footnotes] == ["*", "**", "***"]


def test_a_draft_decision_whose_kind_wraps_onto_the_next_line_and_whose_text_opens_with_the_organ() -> None:
    """A/C.4/80/L.10: "Austria, …, Morocco and Spain: ⏎ draft decision", then "The General Assembly,
    taking note of the application …, as noted in paragraph 306 of the report …, decides to appoint
    …": a draft decision (refused before) whose verb is "decides", not the "as noted" clause's."""
    text = ("United Nations\nA/C.4/99/L.10\n\nGeneral Assembly\nDistr.: Limited\n24 October 2099\n\nNinety-ninth session\n"
            "Special Political and Decolonization Committee\n(Fourth Committee)\nAgenda item 48\n\n"
            "Austria, France, Morocco and Spain:\ndraft decision\n\n\n Increase in the membership of the Committee\n\n"
            "The General Assembly, taking note of the application of Gabon for membership in the Committee, as noted in\n"
            "paragraph 306 of the report of the Committee, decides to appoint Gabon as a member of the Committee.\n")
    r = parse_text(text, source="L10.txt")
    assert (r.kind, r.symbol, r.title) == ("draft-decision", "A/C.4/99/L.10", "Increase in the membership of the Committee")
    assert [s.iso3 for s in r.sponsors] == ["AUT", "FRA", "MAR", "ESP"]
    assert [p.verb for p in r.operative] == ["decides"]


def test_decision_in_parts_keeps_its_part_letters() -> None:
    r = decision("71_405_A_and_B")
    assert r.operative[0].section == "A"
    assert r.operative[0].text.startswith("At its 45th plenary meeting, on 10 November 2016")
    assert {p.section for p in r.operative} >= {"A"}


# --- GA resolutions as text -----------------------------------------------------------


def test_printed_numbering_beats_a_lost_final_punctuation() -> None:
    # paragraph 3 ends "… arms limitation agreements to" at a page break; "4. Encourages" follows
    r = parse_file(GA_TEXT / "railcar_A_RES_80_25_clean.md")
    assert nums(r.operative) == [str(n) for n in range(1, 9)]
    assert verbs(r.operative) == [
        "Stresses", "Requests", "Urges", "Encourages", "Encourages", "Reiterates its invitation", "Requests", "Decides"]
    assert r.operative[2].text.endswith("arms limitation agreements to")
    assert r.operative[3].footnote_refs == ["5"]


def test_a_soft_line_break_before_a_capitalised_ing_word_does_not_open_a_paragraph() -> None:
    # "… the Secretary-General’s disarmament agenda, ⏎ Securing Our Common Future: An Agenda for
    # Disarmament," in one Markdown paragraph: a title, not a preambular participle
    r = parse_file(GA_TEXT / "railcar_A_RES_80_39_clean.md")
    assert "Securing" not in verbs(r.preamble)
    report = next(p for p in r.preamble if "entitled “Our Common Agenda”" in p.text)
    assert report.text.endswith("disarmament agenda, Securing Our Common Future: An Agenda for Disarmament,")
    # a paragraph the blank line sets apart still opens with its participle: "Looking ahead"
    assert "Looking ahead" in verbs(r.preamble)


def test_markers_glued_to_a_year_or_set_after_a_comma_are_read_in_sequence() -> None:
    r = parse_file(GA_TEXT / "railcar_A_RES_80_26_clean.md")
    # "of 19881 and … of 1989,2" and "the Conference of the Committee on Disarmament, 4 inter alia"
    assert r.preamble[0].footnote_refs == ["1", "2"]
    assert "of 1988 and CM/Res.1225 (L) of 1989, adopted" in r.preamble[0].text
    assert r.preamble[3].footnote_refs == ["4"]
    # footnote 4's wrapped (indented) lines stay in footnote 4, not in the last paragraph
    note = next(f for f in r.footnotes if f.marker == "4")
    assert note.text.endswith("redesignated the Conference on Disarmament as from 7 February 1984.")
    assert r.operative[-1].text.endswith("“Prohibition of the dumping of radioactive wastes”.")
    assert r.meeting == "52nd plenary meeting"


def test_extracted_text_of_a_session_77_resolution() -> None:
    r = parse_file(GA_TEXT / "undocsdl_A_RES_77_8_extracted.txt")
    assert (r.symbol, r.adoption_date, r.meeting) == ("A/RES/77/8", "2022-11-07", "30th plenary meeting")
    assert verbs(r.preamble) == ["Recalling", "Reaffirming", "Recalling", "Expressing grave concern", "Affirming"]
    assert r.preamble[1].footnote_refs == ["1", "2", "3", "4", "5", "6"]
    assert verbs(r.operative) == ["Decides", "Invites", "Stresses", "Requests"]


def test_ever_mindful_is_a_phrase_of_the_lexicon_with_its_adverb() -> None:
    r = parse_file(GA_TEXT / "railcar_A_RES_80_39_clean.md")
    assert "Ever mindful" in verbs(r.preamble) and None not in verbs(r.preamble)


def test_raw_pdf_text_of_a_session_80_resolution() -> None:
    r = parse_file(GA_TEXT / "railcar_A_RES_80_12_raw.txt")
    assert (r.symbol, r.session, r.meeting) == ("A/RES/80/12", 80, "52nd plenary meeting")
    # 14 preambular paragraphs as printed; the notes left between them at page ends ("1 A/54/298.")
    # are footnotes, not paragraphs, and the paragraph they interrupted is one
    assert len(r.preamble) == 14
    assert verbs(r.preamble)[-3:] == ["Emphasizing", "Recalling", "Mindful"]
    assert [f.marker for f in r.footnotes] == ["1", "2", "3", "4", "5"]
    assert r.footnotes[0].text == "A/54/298."
    assert nums(r.operative) == [str(n) for n in range(1, 11)]
    assert verbs(r.operative)[:4] == ["Calls upon", "Recommends", "Invites", "Also invites"]


# --- every real text -----------------------------------------------------------------


@pytest.mark.parametrize("folder", ["sc", "ga-text"])
def test_no_real_resolution_text_is_refused(folder: str) -> None:
    files = sorted(p for p in (REAL / folder).iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        raise FileNotFoundError(REAL / folder)
    refused, repeated = [], []
    for path in files:
        try:
            repeated += [(path.name, e) for e in repeated_eids(parse_file(path))]
        except ParseError as exc:
            refused.append(str(exc))
    assert refused == [] and repeated == []  # a repeated eId fails the shapes: the document is not published


def test_no_decision_of_the_database_is_refused_or_read_as_a_resolution() -> None:
    paths = sorted(DECISIONS.glob("*/*.json"))
    if not paths:
        raise FileNotFoundError(DECISIONS)
    kinds: dict[str, int] = {}
    repeated = []
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        res = parse_text(record["ED_DecisionText"], source=path.name)
        kinds[res.kind] = kinds.get(res.kind, 0) + 1
        repeated += [(path.name, e) for e in repeated_eids(res)]
    assert kinds == {"decision": len(paths)}
    assert repeated == []  # "(a) (b)" listed twice in a paragraph (71/567), "(h) …:" then "(i)" romans (75/510)


def test_a_point_ending_in_a_colon_before_i_opens_romans_and_the_letter_i_follows() -> None:
    """75/510: "(h) Authorized …: (i) … (ii) …" then "(i) Decided that …: (i) … (iv) …" then "(j)"."""
    points = decision("75_510").operative[0].subparagraphs
    assert [(p.num, [c.num for c in p.subparagraphs]) for p in points[6:]] == [
        ("g", ["i", "ii", "iii", "iv", "v"]), ("h", ["i", "ii"]), ("i", ["i", "ii", "iii", "iv"]), ("j", [])]
    assert points[8].text.startswith("Decided that if a point of order was raised")


def test_a_text_that_is_no_resolution_is_refused_with_its_name_and_why(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("Summary record of the 12th meeting\n\nThe meeting was called to order at 10 a.m.\n")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.source == "minutes.txt"
    assert "not a UN resolution, decision or draft" in caught.value.reason


@pytest.mark.parametrize(("heading", "said"), [
    ("Note by the Secretariat", "this is a note by the Secretariat, not a UN resolution"),  # A/C.2/80/L.1
    ("Statement by the President of the Security Council", "this is a statement by the President of the Security Council, not"),
])
def test_a_document_that_says_what_else_it_is_is_refused_as_that(tmp_path: Path, heading: str, said: str) -> None:
    """An L. document of a committee can be a note on its organization of work, an S/PRST a
    statement: the refusal names what the masthead calls it."""
    path = tmp_path / "other.txt"
    path.write_text("United Nations\nA/C.2/99/L.1\n\nGeneral Assembly\nDistr.: Limited\n12 September 2099\n\n"
                    f"Ninety-ninth session\nSecond Committee\n\n Organization of work\n\n{heading}\n\n"
                    "Allocation of items\n\n1.\nThe agenda items allocated to the Committee are listed in a note.\n")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.source == "other.txt" and caught.value.reason.startswith(said)


def test_a_title_that_ends_in_the_organ_s_name_is_no_opening_formula(tmp_path: Path) -> None:
    """A note's title wrapped so that its last line is "the General Assembly" (A/C.5/80/L.1, held
    out) had been taken for a formula without its comma, and the note read as a draft resolution
    whose paragraphs "The attention of the members …" had no verb."""
    path = tmp_path / "status.txt"
    path.write_text("United Nations\nA/C.5/99/L.1\n\nGeneral Assembly\nDistr.: Limited\n26 September 2099\n\n"
                    "Ninety-ninth session\nFifth Committee\n\n Status of preparedness of documentation for the Fifth\n"
                    "Committee during the main part of the ninety-ninth session of\nthe General Assembly\n\n"
                    " Note by the Secretariat\n\n1.\nThe attention of the members of the Fifth Committee is drawn to the\n"
                    "note by the Secretariat (A/C.5/99/1).\n")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason.startswith("this is a note by the Secretariat, not a UN resolution")
    path.write_text("United Nations\nA/99/L.5\n\nGeneral Assembly\nDistr.: Limited\n\nAgenda item 7\n\n"
                    "Declaration on the ninety-ninth anniversary\n\nthe General Assembly\n\nAdopts the declaration "
                    "annexed to the present resolution.\n")
    adopted = parse_file(path)  # a formula below a blank line stands, even in lower case
    assert adopted.body == "General Assembly" and adopted.operative[0].text.startswith("Adopts the declaration")
