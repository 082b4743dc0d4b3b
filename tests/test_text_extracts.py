"""Text that pdftotext (poppler) extracts from a resolution's PDF: no italics, the paragraph
number on a line of its own ("1." ⏎ "Reaffirms …"), the number and title of the resolution on
lines apart, a job number's date alone ("18-11250 (E)" ⏎ "170718"), a note's marker left as a
plain number at a paragraph's end whose note is elsewhere. `python -m bench.pdf_agreement`'s PDFs
of ga-docx, extracted so, read as their Word files on every measure but notes: 36 of 347 at the
session's start, 117 after (`pdftotext`, raw order); with `pdftotext -layout`, on every measure
notes included: 15 → 188."""

from __future__ import annotations

import pytest

from lod.parse import parse_text
from lod.parse.furniture import is_furniture
from lod.parse.readers import detect_layout

HEAD = """E/RES/2018/27

United Nations

Economic and Social Council

Distr.: General
7 August 2018

Resolution adopted by the Economic and Social Council
on 24 July 2018

2018/27.

Report of the Committee for Development Policy
on its twentieth session
The Economic and Social Council,
"""


def test_the_number_alone_and_the_title_on_the_lines_below() -> None:
    res = parse_text(HEAD + "Recalling its resolutions,\n1.\nTakes note of the report;\n", source="a.txt")
    assert (res.number, res.title) == ("2018/27", "Report of the Committee for Development Policy on its twentieth session")


def test_a_paragraph_ending_in_a_lost_note_s_marker_ends_there() -> None:
    text = HEAD + "\n".join([
        "Recalling also General Assembly resolution 50/161 on the outcome of the twenty-fourth special",
        "session of the Assembly, 2",
        "Recalling further General Assembly resolution 70/1 of 25 September 2015,",
        "Having considered the report of the Secretary-General, 3",
        "1.",
        "Reiterates its invitation to Governments to take into consideration the Declaration;",
        "2.",
        "Decides to remain seized of the matter.",
    ])
    res = parse_text(text, source="a.txt")
    assert [p.verb for p in res.preamble] == ["Recalling also", "Recalling further", "Having considered"]
    assert [(p.num, p.verb) for p in res.operative] == [("1", "Reiterates its invitation"), ("2", "Decides")]


def test_a_job_number_s_date_alone_is_page_furniture() -> None:
    assert is_furniture("170718") and is_furniture("18-11250 (E)")
    assert not is_furniture("2018") and not is_furniture("1.") and not is_furniture("991299")


def test_a_running_title_over_two_lines_between_blank_lines_goes() -> None:
    """E/RES/2018/2 as pdftotext gives it: the page's furniture (the job number's date alone among
    it), the title over two lines between blank lines, then the symbol: the second line is a piece
    of the title, not a paragraph of its own, and the paragraph goes on after the header."""
    title = "Future organization and methods of work of the United Nations Group of Experts on Geographical Names"
    text = HEAD.replace("2018/27.", "2018/2.").replace("Report of the Committee for Development Policy\non its twentieth session",
                                                      "Future organization and methods of work of the United Nations\n"
                                                      "Group of Experts on Geographical Names").replace("E/RES/2018/27", "E/RES/2018/2")
    text += "\n".join([
        "Taking into account General Assembly resolution 70/1 of 25 September 2015, entitled",
        "“Transforming our world: the 2030 Agenda for Sustainable Development”,",
        "", "17-22671 (E)", "", "020118", "", "*1722671*", "",
        "Future organization and methods of work of the United", "Nations Group of Experts on Geographical Names",
        "", "E/RES/2018/2", "",
        "and stressing the importance of the implementation of this new Agenda, including the",
        "relevance of the standardization of geographical names,",
        "Recalling decision 29/101 of 29 April 2016 of the United Nations Group of Experts on",
        "Geographical Names, in which the Group of Experts welcomed the initiative of the Bureau",
        "of the Group of Experts to reflect on how the working modalities of the Group of Experts",
        "could be improved, took note of the specific proposals that had been made by the Bureau",
        "and agreed that it was useful to periodically review the working methods of the Group",
        "of Experts in order to ensure that its work remained relevant,",
        "1.", "Decides that the United Nations Group of Experts on Geographical Names shall",
        "continue to meet every two years, and that the conferences shall be held within the",
        "sessions of the Group of Experts;",
        "2.", "Decides to remain seized of the matter.",
    ])
    assert detect_layout(text) == "pdf-text"  # as pdftotext's raw order prints it
    res = parse_text(text, source="a.txt")
    assert res.title == title
    assert [p.verb for p in res.preamble] == ["Taking into account", "Recalling"]
    assert "Geographical Names and stressing" not in res.preamble[0].text


def test_notes_at_a_page_s_foot_as_pdftotext_lays_them_out() -> None:
    """pdftotext -layout: no rule above the notes, each note's number on a line of its own, its
    text on the next; the markers in the text set apart by a space ("the World Summit 1 and")."""
    text = HEAD + "\n".join([
        "Recalling also the outcome of the World Summit 1 and the outcome of the twenty-fourth special",
        "session of the Assembly, 2",
        "Recalling further General Assembly resolution 70/1,",
        "        1",
        "                Report of the World Summit for Social Development, Copenhagen, 6-12 March 1995",
        "          (United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1.",
        "        2",
        "                General Assembly resolution S-24/2, annex.",
        "18-06884 (E)",
        "\f1.",
        "Decides to remain seized of the matter.",
    ])
    res = parse_text(text, source="a.txt")
    assert [f.marker for f in res.footnotes] == ["1", "2"]
    assert res.footnotes[0].text.startswith("Report of the World Summit") and res.footnotes[0].text.endswith("resolution 1.")
    assert res.preamble[0].footnote_refs == ["1", "2"]
    assert [p.verb for p in res.preamble] == ["Recalling also", "Recalling further"]
    # a marker glued to a year range ("for the biennium 2018–20195", A/RES/72/258) counts as printed
    glued = parse_text(text.replace("the World Summit 1 and", "the biennium 2018–20191 and"), source="a.txt")
    assert [f.marker for f in glued.footnotes] == ["1", "2"]
    after = parse_text(text.replace("the World Summit 1 and", "resolution 71/2051 and"), source="a.txt")  # A/RES/72/266
    assert [f.marker for f in after.footnotes] == ["1", "2"]
    # and where the marker glued to the resolution's number is all that ends the paragraph (its comma lost)
    ended = parse_text(text.replace("session of the Assembly, 2", "pursuant to resolution 71/2052"), source="a.txt")
    assert [p.verb for p in ended.preamble] == ["Recalling also", "Recalling further"]
    # a note whose text opens with a year (A/RES/72/70: "2010 Review Conference of the Parties …")
    year = parse_text(text.replace("Report of the World Summit for Social Development, Copenhagen",
                                   "2010 Review Conference of the Parties, Copenhagen"), source="a.txt")
    assert [f.marker for f in year.footnotes] == ["1", "2"] and year.footnotes[0].text.startswith("2010 Review Conference")


def test_the_closing_lines_end_the_last_paragraph_where_no_blank_line_sets_them_apart() -> None:
    """pdftotext in raw order (E/RES/2018/11 printed from its Word file): "… promoting their
    complementarity." ⏎ "40th plenary meeting" ⏎ "21 June 2018" ⏎ ⏎ "14" ⏎ ⏎ "16/16" ⏎ ⏎ "General
    Assembly resolution 71/256, annex." — the meeting and its date are the closing, whatever the
    page leaves after them (ga-docx's raw texts with the meeting read: 234 → 346 of 347)."""
    text = HEAD + "\n".join([
        "Recalling its resolution 2017/29,",
        "1. Requests the Presidents of the Council and the Assembly to continue their efforts, while",
        "promoting their complementarity.",
        "40th plenary meeting",
        "21 June 2018",
        "",
        "14",
        "",
        "General Assembly resolution 71/256, annex.",
    ])
    res = parse_text(text, source="a.txt")
    assert (res.meeting, res.adoption_date) == ("40th plenary meeting", "2018-07-24")
    assert res.operative[0].text.startswith("Requests the Presidents") and "plenary meeting" not in res.operative[0].text


def test_markers_before_resolution_numbers_and_an_unnumbered_operative_paragraph_after_a_marker() -> None:
    """pdftotext -layout of A/RES/72/158: "Human Rights Council resolutions 15/12 of 30 September
    2010, 1 15/26 of 1 October 2010, 2 …" (each marker before the next resolution's number) over
    unruled notes; A/RES/72/90 A: "… report of the Secretary-General, 2" ⏎ "Urges all countries …"
    (an unnumbered operative paragraph after a paragraph ending in a marker)."""
    text = HEAD + "\n".join([
        "Recalling Human Rights Council resolutions 15/12 of 30 September 2010, 1 15/26 of",
        "1 October 2010, 2 as well as all resolutions adopted by the Commission,",
        "Taking note also of the report of the Secretary-General, 3",
        "Urges all countries to act;",
        "        1",
        "              See Official Records of the General Assembly, Sixty-fifth Session, Supplement No. 53A.",
        "        2",
        "              Ibid., chap. I.",
        "        3",
        "              A/72/100.",
        "18-06884 (E)",
        "\f",
    ])
    res = parse_text(text, source="a.txt")
    assert [f.marker for f in res.footnotes] == ["1", "2", "3"] and res.preamble[0].footnote_refs == ["1", "2"]
    assert [p.verb for p in res.preamble] == ["Recalling", "Taking note also"]
    assert [(p.num, p.verb) for p in res.operative] == [(None, "Urges")]


def test_notes_that_pdftotext_s_raw_order_prints_before_their_numbers() -> None:
    """pdftotext without -layout prints a page's notes after its text, each note's text first and
    the numbers after them, without a rule (A/RES/72/17, 72/26 printed from their Word files):
    "… Culture of Peace, 1 which serve …" … ⏎ "United Nations, Treaty Series, vol. 610, No. 8843." ⏎
    "Resolution S-10/2." ⏎ ⏎ "1" ⏎ "2" ⏎ ⏎ "17-21455 (E)". ga-docx's raw texts agreeing with their
    Word files on every measure: 15 → 21 of 347 (most pages part a note's number from its text
    otherwise, which is not read); a number alone under a page's text that no marker names is left."""
    page = "\n".join([
        "Recognizing the importance of the Declaration and Programme of Action on a",
        "Culture of Peace, 1 which serve as the universal mandate for the international",
        "community, particularly the United Nations system, for the promotion of a culture",
        "of peace and non-violence that benefits humanity, in particular future generations,",
        "Recalling the Final Document, 2 adopted by consensus at the tenth special session",
        "of the General Assembly, the first special session devoted to disarmament, and",
        "recalling also its resolutions on the subject,",
        "",
        "United Nations, Treaty Series, vol. 610, No. 8843.",
        "Resolution S-10/2.",
        "",
        "1",
        "2",
        "",
        "17-21455 (E)",
        "",
        "\f1.",
        "Decides to remain seized of the matter.",
    ])
    res = parse_text(HEAD + page, source="a.txt")
    assert [(f.marker, f.text) for f in res.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 610, No. 8843."), ("2", "Resolution S-10/2.")]
    assert [p.footnote_refs for p in res.preamble] == [["1"], ["2"]]
    unnamed = parse_text(HEAD + page.replace("Peace, 1 which", "Peace, which").replace("Document, 2 adopted", "Document adopted"),
                         source="a.txt")
    assert unnamed.footnotes == []


def test_a_marker_after_a_year_and_an_even_page_s_wrapped_title() -> None:
    """pdftotext -layout: "the report of the Committee on Conferences for 2017 1 and" (a marker
    after a year); an even page's header with the symbol first and the title's second line
    beside it ("E/RES/2018/27   on its twentieth session"), its first line above."""
    text = HEAD + "\n".join([
        "Having considered the report of the Committee on Conferences for 2017 1 and",
        "the relevant report of the Secretary-General,",
        "        1",
        "              Official Records of the General Assembly, Seventy-second Session, Supplement No. 32.",
        "18-06884 (E)",
        "\f      Report of the Committee for Development Policy",
        "E/RES/2018/27        on its twentieth session",
        "Recalling its resolution 2017/29,",
        "1.",
        "Decides to remain seized of the matter.",
    ])
    res = parse_text(text, source="a.txt")
    assert [f.marker for f in res.footnotes] == ["1"] and res.preamble[0].footnote_refs == ["1"]
    assert [p.verb for p in res.preamble] == ["Having considered", "Recalling"]
    assert "twentieth session" not in res.preamble[0].text


def test_a_subtitle_after_a_colon_and_a_header_whose_symbol_stands_beside_the_title_s_second_line() -> None:
    """pdftotext -layout of A/RES/72/52 and 72/49 (printed from their Word files): "… the International
    Conference on Palestine:" ⏎ "Reconstructing Gaza, on 12 October 2014, …" is one paragraph (a
    title's subtitle, not a phrase); past the first page, the header's second line beside the symbol
    in capitals ("A/RES/72/49   General Assembly devoted to disarmament", under "Convening of the
    fourth special session") and a header that prints "non nuclear-weapon" for the title's
    "non-nuclear-weapon" are no paragraphs; nor is a name that opens with a participle ("Federated
    States of Micronesia", A/RES/72/102). 231 → 249 of ga-docx's 347 agree with their Word files on
    every measure (`python -m bench.pdf_agreement … --pdftotext layout`)."""
    head = HEAD.replace("Report of the Committee for Development Policy\non its twentieth session",
                        "Convening of the fourth special session of the General Assembly\ndevoted to non-nuclear-weapon States")
    text = head + "\n".join([
        "                    Recalling the convening of the Cairo International Conference on Palestine:",
        "               Reconstructing Gaza, on 12 October 2014, and urging the timely and full",
        "               disbursement of pledges,",
        "18-06884 (E)",
        "\f                                      Convening of the fourth special session",
        "E/RES/2018/27                          General Assembly devoted to non nuclear-weapon States",
        "                    Welcoming the work of the Open-ended Working Group, convened in Pohnpei,",
        "               Federated States of Micronesia, from 8 to 10 September 2016,",
        "18-06884 (E)",
        "\fConvening of the fourth special session of the General",
        "Assembly devoted to non nuclear-weapon States                            E/RES/2018/27",
        "                    Noting the report,",
        "1.",
        "Decides to remain seized of the matter.",
    ])
    res = parse_text(text, source="a.txt")
    assert [p.verb for p in res.preamble] == ["Recalling", "Welcoming", "Noting"]
    assert res.preamble[0].text.endswith("Palestine: Reconstructing Gaza, on 12 October 2014, and urging the timely and full "
                                         "disbursement of pledges,")


_CCW = "\n".join([  # A/RES/77/92 and 77/96 as the UN's text extracts print them (shortened)
    "United Nations ", "A/RES/77/92", " ", "General Assembly ", "Distr.: General ", "12 December 2022 ", " ",
    "Seventy-seventh session ", "Agenda item 101 ", " ", " Resolution adopted by the General Assembly ",
    "on 7 December 2022 ", " ", "[on the report of the First Committee (A/77/391)] ", " ",
    "77/92. Convention on Prohibitions or Restrictions on the Use of Certain ",
    "Conventional Weapons Which May Be Deemed to Be Excessively Injurious ", "or to Have Indiscriminate Effects ", " ",
    "The General Assembly, ", " ",
    "Recalling with satisfaction the adoption and entry into force of the ",
    "Convention on Prohibitions or Restrictions on the Use of Certain Conventional ",
    "Weapons Which May Be Deemed to Be Excessively Injurious or to Have ",
    "Indiscriminate Effects1 and the Protocol on Prohibitions or Restrictions on the Use of ",
    "Mines, Booby Traps and Other Devices (Protocol II) 2 and its amended version, ", " ",
    "Recalling also the Convention on the Prohibition of the Development, Production, ",
    "Stockpiling and Use of Chemical Weapons and on Their Destruction, ", " ",
    "Underlining the importance of the Cairo International Conference on Palestine: ",
    "Reconstructing Gaza, held on 12 October 2014, ", " ",
    "Noting that the Conference was held, ", " ",
    "Welcoming the work of the States, ", " ",
    "1. ", "Calls upon all States to become parties to the Convention; ", " ",
    "2. ", "Decides to include in the provisional agenda of its seventy-eighth session the item. ",
    "__________________ ", " ", "1  United Nations, Treaty Series, vol. 1342, No. 22495. ", " ",
    "2  Ibid., vol. 2048, No. 22495. ", "",
])


def test_paragraphs_set_apart_by_blank_lines_and_a_title_named_in_the_text() -> None:
    """The UN's text extracts set paragraphs apart by blank lines: a line opening with an "-ing"
    word that is no phrase of the lexicon goes on the paragraph ("Production, ⏎ Stockpiling and
    Use …", "on Palestine: ⏎ Reconstructing Gaza"); the document's own title named in a sentence
    ("entry into force of the ⏎ Convention on Prohibitions …") is text, not a running title; a
    marker set apart after a closing parenthesis ("(Protocol II) 2 and") is the note's."""
    res = parse_text(_CCW, source="A_RES_77_92_extracted.txt")
    assert [p.verb for p in res.preamble] == ["Recalling with satisfaction", "Recalling also", "Underlining",
                                              "Noting", "Welcoming"]
    first = res.preamble[0]
    assert "entry into force of the Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons" in first.text
    assert first.footnote_refs == ["1", "2"]
    assert "Production, Stockpiling and Use" in res.preamble[1].text and "Palestine: Reconstructing Gaza" in res.preamble[2].text


def test_the_fourth_committee_s_report_over_two_lines_and_a_one_word_running_title() -> None:
    """A/RES/76/100 and 76/12 as the UN's text extracts print them: the Fourth Committee's long
    name carries its short one over a line break ("[on the report of the Special Political and
    Decolonization Committee ⏎ (Fourth Committee) (A/76/425, para. 37)]"); a one-word running
    title ("Jerusalem") above the symbol on an odd page is no part of the last note before it."""
    text = _CCW.replace("[on the report of the First Committee (A/77/391)] ",
                        "[on the report of the Special Political and Decolonization Committee  \n"
                        "(Fourth Committee) (A/76/425, para. 37)] ")
    res = parse_text(text, source="A_RES_77_92_extracted.txt")
    assert (res.committee, res.report_symbol, res.report_paragraph) == ("Fourth Committee", "A/76/425", "37")
    short = _CCW.replace("77/92. Convention on Prohibitions or Restrictions on the Use of Certain \n"
                         "Conventional Weapons Which May Be Deemed to Be Excessively Injurious \n"
                         "or to Have Indiscriminate Effects ", "77/92. Jerusalem ")
    short = short.replace("2  Ibid., vol. 2048, No. 22495. \n", "2  Ibid., vol. 2048, No. 22495. \n\nJerusalem \nA/RES/77/92\n \n3/3\n")
    notes = parse_text(short, source="A_RES_77_92_extracted.txt").footnotes
    assert (notes[-1].marker, notes[-1].text) == ("2", "Ibid., vol. 2048, No. 22495.")


def test_points_whose_labels_a_cleaned_text_lost() -> None:
    """A/RES/80/12 as railcar's Markdown prints it: "7. Requests …:" then two points without
    their labels and "(c) …"; "8. Encourages Member States:" then two "To …" points without
    labels and "9. …". A point's own list (a point ending in a colon) keeps what it has."""
    text = "\n\n".join([
        "---", "symbol: A/RES/80/12", "---", "The General Assembly,", "Recalling its resolution 79/20,",
        "7. Requests the Secretary-General, within available resources:",
        "To continue the practice of sending an annual note verbale to Member States;",
        "To circulate annually a note verbale to Member States;",
        "(c) To continue consultations with relevant international bodies;",
        "(d) To report on experiences gained;",
        "8. Encourages Member States:",
        "To inform the Secretary-General about possible problems;",
        "To continue to provide the Secretary-General with their views;",
        "9. Decides that the panels will be organized as follows:",
        "(a) Two panels will be held;",
        "(b) The panels will address two themes:",
        "Panel 1: Strengthening health systems;",
        "Panel 2: Engaging Governments;",
        "(c) Each panel will be co-chaired by two representatives.",
    ])
    res = parse_text(text, source="railcar_A_RES_80_12_clean.md")
    points = {p.num: [s.num for s in p.subparagraphs] for p in res.operative}
    assert points["7"] == ["a", "b", "c", "d"] and points["8"] == ["a", "b"]
    assert points["9"] == ["a", "b", "c"]


@pytest.mark.parametrize(("line", "symbol", "expected"), [
    ("A/RES/72/8 B", "A/RES/72/8", "A/RES/72/8 B"),  # a part adopted alone
    ("United Nations A/RES/72/8 B", "A/RES/72/8", "A/RES/72/8 B"),
    ("A/RES/72/8 Budget", "A/RES/72/8", "A/RES/72/8"),  # a short title beside the symbol
    ("A/72/8 B", "A/72/8", "A/72/8"),  # a document, not a resolution: no parts
    ("S/RES/1373 (2001)", "S/RES/1373 (2001)", "S/RES/1373 (2001)"),
])
def test_the_letter_of_a_part_after_a_symbol(line: str, symbol: str, expected: str) -> None:
    from lod.parse.printedsymbol import with_part

    assert with_part(line, symbol) == expected


# --- raw PDF text as the UN's own extracts print it (wannli/un-docs-downloader's form) --------------
GA_HEAD = """United Nations
A/RES/78/250
General Assembly
Distr.: General
28 December 2023

Seventy-eighth session
Agenda item 163
Resolution adopted by the General Assembly on 22 December 2023
[on the report of the Fifth Committee (A/78/660, para. 6)]
78/250. Financing of the United Nations Multidimensional
Integrated Stabilization Mission in Mali
The General Assembly,
Having considered the report of the Secretary-General,
"""


def test_a_number_alone_under_a_heading_opens_the_next_paragraph() -> None:
    """A heading that ends without a stop, a blank line, then "2." alone and its text below: the
    number once went into the paragraph above with the heading."""
    res = parse_text(GA_HEAD + "\n".join([
        "1. ", "Endorses the conclusions and recommendations of the Advisory Committee; ", " ", " ",
        "Revised budget estimates for the period from 1 July 2023 to 30 June 2024 ", " ", " ",
        "2. ", "Decides to appropriate to the special account the amount of 866,865,700 dollars; ", " ",
        "Financing of the appropriation ", " ", "3. ", "Decides to apportion among Member States the amount; ",
    ]), source="a.txt")
    assert [(p.num, p.section, p.text[:12]) for p in res.operative] == [
        ("1", None, "Endorses the"),
        ("2", "Revised budget estimates for the period from 1 July 2023 to 30 June 2024", "Decides to a"),
        ("3", "Financing of the appropriation", "Decides to a")]


def test_a_long_heading_then_the_next_number_without_a_verb() -> None:
    """"VI. Role of … Countries" (over 200 characters) ⏎ "341. We recall …": the count goes on."""
    heading = ("Role of the Board of Advisers to the President of the General Assembly on Least Developed "
               "Countries, Landlocked Developing Countries and Small Island Developing States and the Group "
               "of Friends of Landlocked Developing Countries")
    res = parse_text(GA_HEAD + "\n".join([
        "1. Decides to keep the matter under review; ", " ", f"II. {heading}",
        "2. The Office of the High Representative will continue to be responsible for support. ",
    ]), source="a.txt")
    assert [(p.num, p.section) for p in res.operative] == [("1", None), ("2", f"II. {heading}")]


def test_a_short_title_over_two_lines_before_the_symbol_on_an_odd_page() -> None:
    """The page ends mid-word ("medium-"), the notes, then the running title over two lines and
    the symbol: the title's first line once joined the paragraph ("medium-Achieving gender …")."""
    text = GA_HEAD.replace("78/250. Financing of the United Nations Multidimensional\nIntegrated Stabilization Mission in Mali",
                           "78/250. Financing of the United Nations Multidimensional Integrated\nStabilization Mission in Mali")
    res = parse_text(text + "\n".join([
        "1. ", "Invites Member States to support women-led micro-, small and medium-",
        "__________________", " ", "1  A/78/516. ", "",
        "Financing of the United Nations Multidimensional Integrated", "Stabilization Mission in Mali",
        "A/RES/78/250", " ", "3/3", "23-26265 ", " ",
        "sized enterprises in urban and rural areas; ",
    ]), source="a.txt")
    assert res.operative[0].text == ("Invites Member States to support women-led micro-, small and "
                                     "medium-sized enterprises in urban and rural areas;")


def test_an_annex_with_numbers_sections_and_rules_each_alone_on_a_line() -> None:
    """Annexes of a conference's resolution (A/RES/75/212's form): "1." alone under the annex's
    title, "I." ⏎ "Organization of work", "A." ⏎ "Plenary meetings", "Rule 1" ⏎ its title ⏎ its text."""
    res = parse_text(GA_HEAD + "\n".join([
        "1. Decides to convene the Conference; ", "", "Annex I ", " ", " Provisional agenda of the Conference ", " ",
        "New York, 22 to 24 March 2023 ", " ", "1. ", "Opening of the Conference. ", "2. ", "Election of the two Presidents. ",
        "", "Annex II ", " ", " Proposed organization of work of the Conference ", " ",
        "1. ", "The Conference will be held in New York. ", " ", "I. ", "Organization of work ", " ",
        "A. ", "Plenary meetings ", " ", "2. ", "The Conference will consist of six plenary meetings. ", " ",
        "B. ", "Interactive dialogues ", " ", "3. ", "The Conference will include five interactive dialogues. ",
        "", "Annex III ", " ", " Provisional rules of procedure of the Conference ", " ",
        "Rule 1 ", " ", "Composition of delegations ", " ", "The delegation of each State shall consist of a head of delegation. ",
        " ", "Rule 2 ", " ", "Voting rights of the presiding President ", " ", "The presiding President shall not vote. ",
    ]), source="a.txt")
    agenda, work, rules = res.annexes
    assert [(p.num, p.text) for p in agenda.paragraphs] == [("1", "Opening of the Conference."), ("2", "Election of the two Presidents.")]
    assert [(p.num, p.section) for p in work.paragraphs] == [
        ("1", None), ("2", "A. Plenary meetings"), ("3", "B. Interactive dialogues")]
    assert [(p.section, p.text) for p in rules.paragraphs] == [
        ("Rule 1 Composition of delegations", "The delegation of each State shall consist of a head of delegation."),
        ("Rule 2 Voting rights of the presiding President", "The presiding President shall not vote.")]


def test_a_decimal_number_is_no_note_marker() -> None:
    """"4.3 billion people" with note 2 still to come: not 4 and note 3 (A/RES/75/232's "4.5
    billion" took note 5's place, and note 4, glued to "family farming4", lost its own)."""
    res = parse_text(GA_HEAD.replace("Secretary-General,", "Secretary-General,1") + "\n".join([
        "Noting that 4.3 billion people depend on food systems for their livelihoods, ",
        "Welcoming the role of family farming2 in the 2030 Agenda for Sustainable Development,3 ",
        "1. Decides to keep the matter under review. ", "__________________", "1  A/78/516. ", "2  Resolution 72/239. ",
        "3  Resolution 70/1. ",
    ]), source="a.txt")
    assert [p.footnote_refs for p in res.preamble] == [["1"], [], ["2", "3"]]
    assert "4.3 billion" in res.preamble[1].text


def test_a_note_wrapped_before_a_day_of_the_month_goes_on() -> None:
    """A/RES/79/202's first note: "… Rio de Janeiro, ⏎ 3 – 14 June 1992, vol. I …" under the rule;
    the line once became note 3, and the real notes 2 and 3 lost their places (21 notes without
    markers in that resolution)."""
    res = parse_text(GA_HEAD.replace("Secretary-General,", "Secretary-General,1") + "\n".join([
        "Recalling the Johannesburg Declaration,2 and resolution S-19/2,3 ",
        "1. Decides to keep the matter under review. ", "__________________", " ",
        "1  Report of the United Nations Conference on Environment and Development, Rio de Janeiro, ",
        "3 – 14 June 1992, vol. I, Resolutions Adopted by the Conference, resolution 1, annex I. ", " ",
        "2  Ibid., annex II. ", " ", "3  Resolution S-19/2, annex. ",
    ]), source="a.txt")
    assert [(n.marker, n.text[-22:]) for n in res.footnotes] == [
        ("1", "resolution 1, annex I."), ("2", "Ibid., annex II."), ("3", "olution S-19/2, annex.")]
    assert [p.footnote_refs for p in res.preamble] == [["1"], ["2", "3"]]


def test_a_short_paragraph_under_its_number_alone_is_no_heading() -> None:
    """A/RES/74/254's "1." ⏎ "Takes note of the note by the Secretary-General;1" ⏎ "2.": the short
    line, its marker not yet read, was taken for a sub-heading before paragraph 2, and paragraph 1
    was left empty (the document failed its shapes: not publishable)."""
    res = parse_text(GA_HEAD.replace("Having considered the report of the Secretary-General,",
                                     "Having considered the note by the Secretary-General,1  ") + "\n".join([
        " ", "1. ", "Takes note of the note by the Secretary-General;1 ", " ", "2. ",
        "Endorses the conclusions and recommendations of the Advisory Committee; ",
        "__________________", " ", "1  A/74/546. ",
    ]), source="a.txt")
    first, second = res.operative
    # note 1 cited a second time: its repeated marker is left as printed (the count expects note 2)
    assert first.num == "1" and first.text.startswith("Takes note of the note by the Secretary-General;")
    assert (second.num, second.text) == ("2", "Endorses the conclusions and recommendations of the Advisory Committee;")


def test_a_lettered_sub_heading_under_a_section_is_no_paragraph_text() -> None:
    """A/RES/73/273: "I" ⏎ "Conditions of service …" ⏎ "A." ⏎ "Review of pensionable remuneration" ⏎
    "Approves, with effect from 1 January 2019, …": the heading went into the paragraph's text."""
    res = parse_text(GA_HEAD + "\n".join([
        "1. Takes note of the report of the Commission; ", " ", "I ", " ",
        "Conditions of service applicable to both categories of staff ", " ", "A. ", "Review of pensionable remuneration ",
        " ", " ", "Approves, with effect from 1 January 2019, the recommendations of the Commission; ",
    ]), source="a.txt")
    approves = res.operative[-1]
    assert approves.text.startswith("Approves, with effect") and approves.section == "A. Review of pensionable remuneration"


def test_a_word_field_error_in_the_running_header_is_furniture() -> None:
    """The UN's PDFs of A/RES/72/3 and 72/14 print "Error! No document variable supplied." where
    the running header's short title should be (a Word field that failed): it was read as a
    preambular paragraph (72/3: 14 where the Word file has 13)."""
    assert is_furniture("Error! No document variable supplied. ")
    assert not is_furniture("Error! This sentence is text.")
    res = parse_text(GA_HEAD + "\n".join([
        "Recalling also its resolution 71/253, ", "", "Error! No document variable supplied. ", "2/5 ", "",
        "Expressing its appreciation to the Secretary-General, ", "1. Decides to keep the matter under review. ",
    ]), source="a.txt")
    assert [p.verb for p in res.preamble] == ["Having considered", "Recalling also", "Expressing its appreciation"]


def test_a_paragraph_number_whose_full_stop_the_extract_lost() -> None:
    """"25" alone after a blank line, then "Condemns …" (A/C.3/80/L.2 as the UN's text extract
    prints it): the count's next number, not a page number; a number the count does not expect,
    or one before words that open no paragraph, stays out."""
    text = HEAD + "\n".join([
        "Recalling its resolutions,", "", "1. Takes note of the report;", "", "2",
        "Condemns without reservation any denial of the Holocaust;", "", "3. Decides to remain seized of the matter.",
    ])
    res = parse_text(text, source="a.txt")
    assert [(p.num, p.verb) for p in res.operative] == [("1", "Takes note"), ("2", "Condemns without reservation"),
                                                      ("3", "Decides")]
    other = parse_text(text.replace("\n2\nCondemns", "\n5\nCondemns"), source="a.txt")
    assert [p.num for p in other.operative] != ["1", "5", "3"] and "5" not in [p.num for p in other.operative]


def test_a_title_that_ends_in_a_semicolon_goes_on_below_the_blank_line() -> None:
    """"79/243. United Nations Convention against Cybercrime;" ⏎ ⏎ "Strengthening International
    Cooperation for …" (A/RES/79/243, held out): one title; its second half had been a preambular
    paragraph."""
    text = ("United Nations\nA/RES/99/243\n\nGeneral Assembly\nDistr.: General\n31 December 2099\n\n"
            "Ninety-ninth session\nAgenda item 108\n\nResolution adopted by the General Assembly\non 24 December 2099\n\n"
            "[on the report of the Third Committee (A/99/460, para. 15)]\n\n"
            "99/243. United Nations Convention against Cybercrime;\n\n"
            "Strengthening International Cooperation for Combating Certain\nCrimes Committed by Means of "
            "Information and Communications\nTechnology Systems\n\n"
            "The General Assembly,\n\nRecalling its resolution 74/247 of 27 December 2019,\n\n"
            "1. Adopts the United Nations Convention against Cybercrime;\n")
    res = parse_text(text, source="A_RES_99_243.txt")
    assert res.title == ("United Nations Convention against Cybercrime; Strengthening International Cooperation for "
                         "Combating Certain Crimes Committed by Means of Information and Communications Technology Systems")
    assert [p.verb for p in res.preamble] == ["Recalling"]


LOST_FORMULA = """United Nations
A/RES/78/225

General Assembly
Distr.: General
22 December 2023

Seventy-eighth session
Agenda item 107
Crime prevention and criminal justice

 Resolution adopted by the General Assembly
on 19 December 2023

[on the report of the Third Committee (A/78/482, para. 29)]

 78/225. Enhancing the contributions of the Commission on Crime
Prevention and Criminal Justice to the accelerated
implementation of the 2030 Agenda for Sustainable Development

Reaffirming its resolution 70/1 of 25 September 2015,

Recalling its resolution 70/299 of 29 July 2016,

1. Invites the Commission to contribute to the review;

2. Decides to remain seized of the matter.
"""


def test_an_adopted_text_whose_extract_lost_its_opening_formula() -> None:
    """A/RES/78/225 as the UN's text extract prints it (held out): no "The General Assembly," between the title and
    the preamble, and the text was refused as not a resolution. The masthead says whose it is."""
    res = parse_text(LOST_FORMULA, source="a.txt")
    assert (res.symbol, res.body, res.number) == ("A/RES/78/225", "General Assembly", "78/225")
    assert res.title.startswith("Enhancing the contributions") and res.title.endswith("Sustainable Development")
    assert [p.verb for p in res.preamble] == ["Reaffirming", "Recalling"]
    assert [p.num for p in res.operative] == ["1", "2"]


def test_a_text_without_formula_or_numbered_title_is_still_refused() -> None:
    """Only the masthead's organ and the numbered title above the first paragraph stand for the formula."""
    from lod.parse import ParseError

    without_title = LOST_FORMULA.replace(" 78/225. Enhancing", " Enhancing")
    with pytest.raises(ParseError, match="no opening formula"):
        parse_text(without_title, source="a.txt")
