"""lod.parse.markers: footnote numbers that extraction glued to the words, one case per shape.
A number is a marker only where the count of notes expects it."""

from __future__ import annotations

import pytest

from lod.parse.furniture import mark
from lod.parse.markers import MarkerState, resolve_glued


def read(text: str, seen: int) -> str:
    """`text` with its markers as tokens, in a document of notes 1 to 9 (or to `seen` and three more)
    whose notes up to `seen` were read."""
    state = MarkerState({str(n) for n in range(1, max(10, seen + 4))})
    for n in range(1, seen + 1):
        state.note(str(n))
    return resolve_glued(text, state)


@pytest.mark.parametrize(
    ("text", "seen", "read_as"),
    [
        ("the Charter of the United Nations,1 and", 0, f"the Charter of the United Nations,{mark('1')} and"),
        ("of the Secretary-General;3", 2, f"of the Secretary-General;{mark('3')}"),
        ("held in Khartoum in January 2006,2 in which", 1, f"held in Khartoum in January 2006,{mark('2')} in which"),
        ("of 19881 and", 0, f"of 1988{mark('1')} and"),
        ("the Committee on Disarmament, 4 inter alia", 3, f"the Committee on Disarmament, {mark('4')} inter alia"),
        ("the report of the Secretary-General, 2and expressing", 1, f"the report of the Secretary-General, {mark('2')}and expressing"),
        ("agenda items 5, 6 and 7, 5 for the 2025 session", 4, f"agenda items 5, 6 and 7, {mark('5')} for the 2025 session"),
        ("of the Treaty on Nuclear Weapons 6and the advisory opinion", 5, f"of the Treaty on Nuclear Weapons {mark('6')}and the advisory opinion"),
        ("the adoption by the group of the agenda 5 and the indicative timetable", 4,
         f"the adoption by the group of the agenda {mark('5')} and the indicative timetable"),
        ("resolution 76/271.4", 3, f"resolution 76/271.{mark('4')}"),
        ("the application of the Republic of the Congo, 2 3 and", 1,  # two notes on one word (S/RES/142 (1960))
         f"the application of the Republic of the Congo, {mark('2')}{mark('3')} and"),
        ("the Congo, 2 4 and", 1, f"the Congo, {mark('2')} 4 and"),  # 4 after the marker 2: not the count's next
        ("the report of the International Atomic Energy Agency for 2022 1", 0,  # A/RES/78/8: the comma lost
         f"the report of the International Atomic Energy Agency for 2022 {mark('1')}"),
        ("the relevant commitments in the Pact for the Future. 6", 5,  # A/80/L.4: after the paragraph's full stop
         f"the relevant commitments in the Pact for the Future. {mark('6')}"),
    ],
)
def test_a_glued_marker_the_count_expects_is_a_marker(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("in particular Goal 16 and target 16.4, which addresses", 1),  # a target's number, not 16 and note 4
        ("paragraphs 2, 3 and 4 of resolution 70/1", 2),  # a list going on
        ("to reach 5 million people", 4),  # a quantity after a lower-case word
        ("the decision C-24/DEC.4 of the Committee", 3),  # a symbol's number
        ("Article 9 of the Charter", 8),  # a reference's number, though the count expects note 9
        ("the Charter of the United Nations,5 and", 0),  # not a note the count expects (1, or 2 or 3 after a lost one)
        ("as the Assembly decided in its report, para. 6", 5),  # a paragraph's number after "para."
        ("the commitments in the Pact for the Future. 7", 5),  # after the full stop only the very next note
    ],
)
def test_a_number_that_is_not_a_marker_stays_text(text: str, seen: int) -> None:
    assert read(text, seen) == text


def test_a_marker_glued_to_an_acronym_is_the_note_the_count_expects() -> None:
    """"the United Nations and INTERPOL1 and all other …" (A/RES/77/20 as the UN's text extract
    prints it): four capitals or more are an acronym, the digit the note; "G20" stays a name."""
    assert read("between the United Nations and INTERPOL1 and all", 0) == f"between the United Nations and INTERPOL{mark('1')} and all"
    assert read("the UNESCO2 Convention", 1) == f"the UNESCO{mark('2')} Convention"
    assert read("the leaders of the G20 met", 1) == "the leaders of the G20 met"
    assert read("the INTERPOL7 database", 1) == "the INTERPOL7 database"  # not the note the count expects


@pytest.mark.parametrize(
    ("text", "seen", "read_as"),
    [  # A/RES/77/56 and 77/64 as the UN's text extracts print them: the marker set apart after a lower-case word
        ("regulating Mongolia’s nuclear-weapon-free status 4 as a concrete step", 3,
         f"regulating Mongolia’s nuclear-weapon-free status {mark('4')} as a concrete step"),
        ("the questionnaire on countering improvised explosive devices 7 with a view to", 6,  # note 17 there
         f"the questionnaire on countering improvised explosive devices {mark('7')} with a view to"),
        ("to the Commission on Human Rights at its sixtieth session 5 and the", 4,  # A/RES/76/151
         f"to the Commission on Human Rights at its sixtieth session {mark('5')} and the"),
        ("to reach 5 million people", 4, "to reach 5 million people"),
        ("as decided at session 5 and later", 4, "as decided at session 5 and later"),
        ("to achieve the Sustainable Development Goals 6 and to make reference", 5,  # A/RES/77/45
         f"to achieve the Sustainable Development Goals {mark('6')} and to make reference"),
        ("in line with Goals 6 and 7 of the Agenda", 5, "in line with Goals 6 and 7 of the Agenda"),
        ("the attainment of the Sustainable Development Goals 6 in Central Africa;", 5,  # A/C.3/80/L.21
         f"the attainment of the Sustainable Development Goals {mark('6')} in Central Africa;"),
        ("under paragraphs 6 in resolution 1", 2, "under paragraphs 6 in resolution 1"),  # not the note the count expects
        ("Recalling all previous resolutions 2  on the follow-up to", 1,  # A/C.2/80/L.9: after a lower-case plural
         f"Recalling all previous resolutions {mark('2')}  on the follow-up to"),
        ("under targets 6 and 7", 5, "under targets 6 and 7"),
        ("assistance to 4 as many States", 2, "assistance to 4 as many States"),  # not the note the count expects
        ("which followed the ruling 6  of a federal court in the United States", 5,  # A/RES/79/105
         f"which followed the ruling {mark('6')}  of a federal court in the United States"),
        ("and noting the ruling 8 issued on 21 December 2018", 7,  # the same: a participle after the note
         f"and noting the ruling {mark('8')} issued on 21 December 2018"),
        ("in chapter 6 of the report", 5, "in chapter 6 of the report"),  # a reference word takes the number
        ("up to 6 of the members", 5, "up to 6 of the members"),  # a word that takes a count
        ("the 6 adopted texts", 5, "the 6 adopted texts"),
    ],
)
def test_a_marker_set_apart_before_a_word_no_count_is_followed_by(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # a marker after a full stop before the next sentence (A/RES/79/233: "the Decade 2014–2024. 11 The combined")
    ("Declaration on the Right to Development. 5 We recognize that", 4,
     f"Declaration on the Right to Development. {mark('5')} We recognize that"),
    ("for the Decade 2014–2024. 6 The combined effects", 5, f"for the Decade 2014–2024. {mark('6')} The combined effects"),
])
def test_a_marker_set_apart_after_a_full_stop_before_the_next_sentence(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("as set out in para. 5 The", 4),  # a reference's number
    ("that 4.5 billion people", 4),  # a decimal number, not 4 and note 5
])
def test_a_reference_or_a_decimal_after_a_stop_is_no_marker(text: str, seen: int) -> None:
    assert read(text, seen) == text


def test_a_note_set_apart_after_a_full_stop_in_a_security_council_volume() -> None:
    """S/RES/39 (1948): "… to be designated by the two so selected. 3 Each …": note 3 ("By its
    resolution 47 (1948), the Council decided …") was a note without marker."""
    from corpora import ABSENT, REAL
    from lod.parse import parse_file

    path = REAL / "sc" / "S_RES_0039_1948_EN_GOLD.txt"
    if not path.is_file():
        pytest.skip(ABSENT)
    res = parse_file(path)
    assert "3" in res.annexes[0].paragraphs[0].footnote_refs


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # the UN's text extracts leave two spaces after a raised number (A/RES/78/140, 78/180, 79/120)
    ("to combat tax evasion 5  in response to", 4, f"to combat tax evasion {mark('5')}  in response to"),
    ("referred to in his previous report 4  in various formats", 3, f"referred to in his previous report {mark('4')}  in various formats"),
    ("as set out in paragraph 5  of the report", 4, "as set out in paragraph 5  of the report"),  # a reference's number
    ("more than 5  in", 3, "more than 5  in"),  # not the note the count expects
])
def test_a_number_raised_in_the_text_extract_two_spaces_after_it(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    ("treaties governing the uses of outer space 5 to give consideration", 4,  # A/RES/76/76
     f"treaties governing the uses of outer space {mark('5')} to give consideration"),
    ("to increase it by 5 to ensure", 4, "to increase it by 5 to ensure"),  # "by" takes a count
    ("from space 5 to 10 per cent", 4, "from space 5 to 10 per cent"),  # a range
])
def test_a_marker_after_a_noun_before_to_and_a_verb(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    ("the Sustainable Development Goals 5  to address inequalities", 4,  # A/RES/78/180
     f"the Sustainable Development Goals {mark('5')}  to address inequalities"),
    ("the Sustainable Development Goals 5 to 7", 4, "the Sustainable Development Goals 5 to 7"),  # a range
])
def test_a_marker_after_a_plural_reference_word_before_to_and_a_verb(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(
    ("text", "seen", "read_as"),
    [
        # A/C.3/80/L.5: after "5," the number the count expects, then "and" and a word: no list goes on
        ("doubling the number of children under age 5, 6 and that this increase", 5,
         f"doubling the number of children under age 5, {mark('6')} and that this increase"),
        # A/C.3/80/L.8: before "or" and "in order", words no count of things is followed by
        ("access to a legal adviser 3 or, in the case of need", 2, f"access to a legal adviser {mark('3')} or, in the case of need"),
        ("a legal aid provider 4 in order to ensure", 3, f"a legal aid provider {mark('4')} in order to ensure"),
        # A/C.3/80/L.8: glued after a decimal-looking number, a sentence after it
        ("referred to under model strategy 10.5 Furthermore, States", 4,
         f"referred to under model strategy 10.{mark('5')} Furthermore, States"),
        # A/RES/80/129: run into the next word after a reference word, which a reference's number never is
        ("and all previous resolutions 3on the follow-up", 2, f"and all previous resolutions {mark('3')}on the follow-up"),
    ],
)
def test_a_marker_where_a_list_a_quantity_or_a_decimal_could_have_been(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("paragraphs 1, 2 and 3 of the report", 1),  # a list going on, though the count expects 2
    ("between 3 or 4 States", 2),  # a count before "or" and a number
    ("a rise of 4.5 billion dollars", 4),  # a decimal before a lower-case word
    ("at the 3rd meeting of the resolutions 3 and 4", 2),  # an ordinal's ending; a list of resolutions
])
def test_a_list_a_quantity_or_a_decimal_stays_text(text: str, seen: int) -> None:
    assert read(text, seen) == text


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # A/C.2/80/L.51: a quoted title set apart from its note's marker, a word no count is followed by after it
    ("a rescue plan for people and planet” 3 and the 2023 report", 2,
     f"a rescue plan for people and planet” {mark('3')} and the 2023 report"),
    ("entitled “Promoting sustainable lifestyles” 4 as part of", 3,
     f"entitled “Promoting sustainable lifestyles” {mark('4')} as part of"),
    # A/C.4/80/L.20: glued to a treaty part's roman number, which no name runs on from
    ("codified in Additional Protocol I6 to the four Geneva Conventions", 5,
     f"codified in Additional Protocol I{mark('6')} to the four Geneva Conventions"),
])
def test_a_marker_after_a_quoted_title_or_a_protocol_s_roman_number(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("the “Group of 77” 3 States", 2),  # a count after a quotation: before a word, not "and" or "as"
    ("Additional Protocol I6 to the four Geneva Conventions", 3),  # not the number the count expects
    ("the G20 and the A4 format", 19),  # letters and digits of one name
])
def test_a_quotation_or_a_roman_number_before_a_number_that_is_no_marker(text: str, seen: int) -> None:
    assert read(text, seen) == text


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # A/RES/75/213: a treaty's title, its note's marker, then a parenthesis naming the treaties
    ("Experiencing Serious Drought and/or Desertification, Particularly in Africa 7 (the Rio conventions)", 6,
     f"Experiencing Serious Drought and/or Desertification, Particularly in Africa {mark('7')} (the Rio conventions)"),
])
def test_a_marker_before_a_parenthesis(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("Sustainable Development Goal 7 (affordable and clean energy)", 6),  # a reference's number
    ("the Group of 7 (the summit of seven States)", 6),  # a name's number, after a small word
    ("Particularly in Africa 7 (the Rio conventions)", 5),  # not the number the count expects
])
def test_a_number_before_a_parenthesis_that_is_no_marker(text: str, seen: int) -> None:
    assert read(text, seen) == text


def test_a_marker_between_a_year_and_the_title_it_dates() -> None:
    """A/C.1/80/L.55: "the Final Documents of the 2000 7 and the 2010 8 Review Conferences"."""
    text = "the Final Documents of the 2000 7 and the 2010 8 Review Conferences of the Parties"
    assert read(text, 6) == f"the Final Documents of the 2000 {mark('7')} and the 2010 {mark('8')} Review Conferences of the Parties"
    assert read("adopted in 2016 3 Member States", 2) == "adopted in 2016 3 Member States"  # a count after "in" and a year
    assert read("the 2010 8 Review Conferences", 6) == "the 2010 8 Review Conferences"  # not the number the count expects


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # A/C.3/80/L.20: a convention's number in its parenthesis, then its note's marker
    ("the Minimum Age Convention, 1973 (No. 138) 7 and the Worst Forms of Child Labour Convention", 6,
     f"the Minimum Age Convention, 1973 (No. 138) {mark('7')} and the Worst Forms of Child Labour Convention"),
])
def test_a_marker_after_a_parenthesis_closed_on_its_reference(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("the Minimum Age Convention, 1973 (No. 138) 7 and the Worst Forms", 5),  # not the number the count expects
    ("as set out in paragraph 7 and the annex", 6),  # a reference's number, no parenthesis closed
])
def test_a_reference_s_number_outside_a_parenthesis_stays_text(text: str, seen: int) -> None:
    assert read(text, seen) == text


def test_a_marker_set_apart_after_a_resolution_s_number() -> None:
    """A/C.3/80/L.33: "submitted pursuant to resolutions 71/205 20  and 72/190, 21  and the reports …"."""
    text = "submitted pursuant to resolutions 71/205 4  and 72/190, 5  and the reports"
    assert read(text, 3) == f"submitted pursuant to resolutions 71/205 {mark('4')}  and 72/190, {mark('5')}  and the reports"
    assert read(text, 2) == text  # not the number the count expects
    assert read("its resolution 71/205 4 December 2016", 3) == "its resolution 71/205 4 December 2016"  # a date's day


def test_the_count_goes_on_past_a_note_whose_marker_the_extraction_lost() -> None:
    """A/C.2/80/L.48 (held out): note 16's marker is nowhere in the text, and "welcomes that the Parties
    17 urged developed country Parties" was then no note (the count waited for 16). Read again taking
    16 for lost, 17 is read; a marker read before is never given up for it."""
    from lod.parse.markers import resolve_document

    blocks = ["Recalling the Charter of the United Nations,1", "Noting the report of the Secretary-General,",
              "Welcomes that the Parties 3 urged developed country Parties to act;"]
    assert resolve_document(blocks, {"1", "2", "3"}) == [
        f"Recalling the Charter of the United Nations,{mark('1')}", "Noting the report of the Secretary-General,",
        f"Welcomes that the Parties {mark('3')} urged developed country Parties to act;"]
    # nothing lost: "3 urged" after note 1 alone is no marker when note 2 comes later, as printed
    later = [*blocks[:2], "Welcomes that the Parties 3 urged developed country Parties to act;", "Decides to act;2"]
    assert resolve_document(later, {"1", "2", "3"})[2] == later[2]


@pytest.mark.parametrize(("text", "seen", "read_as"), [
    # A/C.3/80/L.30 (held out): the note of the Fact-Finding Mission's report glued to the Council's resolution
    ("submitted pursuant to Human Rights Council resolution 55/197 and the report", 6,
     f"submitted pursuant to Human Rights Council resolution 55/19{mark('7')} and the report"),
    ("Human Rights Council resolutions 52/3 of 3 April 2023 and 55/193, and", 2,
     f"Human Rights Council resolutions 52/3 of 3 April 2023 and 55/19{mark('3')}, and"),
    # A/C.2/80/L.35 (held out): glued to a name that ends in a number
    ("the Rio Declaration on Environment and Development5 and Agenda 216 and the principles", 5,
     f"the Rio Declaration on Environment and Development5 and Agenda 21{mark('6')} and the principles"),
    # A/RES/78/233 (held out): after "the", a reference word is the sentence's noun
    ("for the least developed countries, reiterates the decision 6 to provide financial and", 5,
     f"for the least developed countries, reiterates the decision {mark('6')} to provide financial and"),
    # A/RES/78/222 (held out): raised after a reference word, before a word no count is followed by
    ("and regretting that a draft resolution 8  was not adopted", 7, f"and regretting that a draft resolution {mark('8')}  was not adopted"),
    # A/C.2/80/L.32 (held out): a gerund after "in" ends the noun's phrase
    ("to raise the profile of the role of family farming 4 in contributing to", 3,
     f"to raise the profile of the role of family farming {mark('4')} in contributing to"),
    # A/C.5/80/L.4 (held out): glued to the paragraphs of a report's chapters
    ("Recalls paragraphs VIII.7441 and VIII.9642 of the reports of the Advisory Committee", 40,
     f"Recalls paragraphs VIII.74{mark('41')} and VIII.96{mark('42')} of the reports of the Advisory Committee"),
    # A/RES/79/183 (held out): glued to a special session's resolution of the Council
    ("the Mission on the Islamic Republic of Iran submitted pursuant to Human Rights Council resolution S-35/16 and", 5,
     f"the Mission on the Islamic Republic of Iran submitted pursuant to Human Rights Council resolution S-35/1{mark('6')} and"),
    # S/RES/855 (1993), S/RES/849 (1993): set apart inside the dates of letters and statements
    ("Taking note of the letters of 20 127 and 23 July 128 1993 from the Chairman-in-Office", 126,
     f"Taking note of the letters of 20 {mark('127')} and 23 July {mark('128')} 1993 from the Chairman-in-Office"),
    ("the statements made by the President of the Security Council on 10 September and 8 October 15 1992 and", 14,
     f"the statements made by the President of the Security Council on 10 September and 8 October {mark('15')} 1992 and"),
    # A/RES/79/181 (held out): "in relation to" follows no count
    ("the 1951 Convention relating to the Status of Refugees 19 and the 1967 Protocol thereto 20 in relation to refugees", 18,
     f"the 1951 Convention relating to the Status of Refugees {mark('19')} and the 1967 Protocol thereto {mark('20')} in relation to refugees"),
])
def test_a_marker_where_a_number_of_a_name_or_a_reference_could_have_been(text: str, seen: int, read_as: str) -> None:
    assert read(text, seen) == read_as


@pytest.mark.parametrize(("text", "seen"), [
    ("General Assembly resolution 79/183 and", 2),  # the Assembly adopts hundreds a session
    ("Human Rights Council resolution 5/1 and General Assembly resolution 60/251", 0),  # the Assembly's number
    ("Human Rights Council resolution 55/197 and", 3),  # not the number the count expects
    ("about 4 in developing countries", 3),  # a count of things
    ("to 4 in achieving", 3),  # a word that takes a count
    ("Agenda 21 and", 1),  # the name alone
    ("Takes note of paragraph IV.7 of the report of the Advisory Committee", 6),  # A/RES/78/252: chapter IV's paragraph 7
    ("Calling for the immediate repeal of Law No. 10/2018 and all similar laws", 7),  # A/RES/78/222: a law's number and year
    ("the paragraph 8  of the report", 7),  # a reference's number, though raised
    ("in accordance with the decision 6/2 to provide", 5),  # a decision's number
    ("recalling its decision 6 to provide", 5),  # a reference word without "the" before it
    ("Takes note of paragraphs I.87, I.88 and I.89 of the report", 6),  # A/RES/78/252: paragraphs, not I.8 and note 7
    ("Recalls paragraphs V.151 and XIII.43 of the report", 0),  # a chapter's paragraph past a hundred
    ("Human Rights Council resolution S-35/1 and", 0),  # a special session's resolution
    ("Taking note of the letters of 20 and 23 July 1993 from the Chairman", 0),  # dates alone
    ("Taking note of the letters of 20 7 and 23 July 1993 from the Chairman", 0),  # not the number the count expects
])
def test_a_number_of_a_name_a_reference_or_a_count_stays_text(text: str, seen: int) -> None:
    assert read(text, seen) == text


def test_two_digit_markers_glued_to_the_council_s_numbers_in_a_long_list() -> None:
    """A/RES/78/253 (held out): "… and 54/18,37 54/22,38 54/2639 and 54/3340 of 12 October 2023": notes 39 and 40
    glued to the Council's resolutions 54/26 and 54/33, the list's start ("Human Rights Council resolutions") far before."""
    state = MarkerState({str(n) for n in range(1, 45)})
    for n in range(1, 39):
        state.note(str(n))
    text = ("recalling Human Rights Council resolutions 45/3 of 6 October 2020, 48/15 of 8 October 2021, 51/26 of "
            "7 October 2022, 53/29 of 14 July 2023, 54/9 of 11 October 2023 and 54/18, 54/22, 54/2639 and 54/3340 of "
            "12 October 2023,")
    assert resolve_glued(text, state) == text.replace("54/2639", f"54/26{mark('39')}").replace("54/3340", f"54/33{mark('40')}")
    # as A/RES/78/253 prints it: "mandated by the Human Rights Council in its resolutions …"
    state = MarkerState({str(n) for n in range(1, 45)})
    for n in range(1, 39):
        state.note(str(n))
    its = "to support the activities mandated by the Human Rights Council in its resolutions 54/22, 54/2639 and 54/3340;"
    assert resolve_glued(its, state) == its.replace("54/2639", f"54/26{mark('39')}").replace("54/3340", f"54/33{mark('40')}")

