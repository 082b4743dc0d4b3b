"""The closing "Adopted …" sentence → the meeting and the voting (lod.parse.closing), on the
printed shapes and on the Security Council's own texts in ../shared (re-typed and OCR'd volumes)."""

from __future__ import annotations

from collections import Counter

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file
from lod.parse.closing import parse_closing

SC = REAL / "sc"
needs_sc = pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)


@pytest.mark.parametrize(
    ("line", "meeting", "outcome", "counts"),
    [
        ("Adopted unanimously at the 1234th meeting.", "1234th meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted at the 2345th meeting by 13 votes to none, with 2 abstentions (China, Russian Federation).",
         "2345th meeting", "adopted-recorded-vote", (13, 0, 2)),
        ("Adopted at the 219th meeting by 7 votes to 1 (Poland), with 3 abstentions (Colombia, Syria, Union of "
         "Soviet Socialist Republics).", "219th meeting", "adopted-recorded-vote", (7, 1, 3)),
        ("Adopted at the 132nd meeting by 10 votes to 1 (Australia).", "132nd meeting", "adopted-recorded-vote", (10, 1, 0)),
        ("Adopted at the 1638th meeting by 14 votes to none.", "1638th meeting", "adopted-recorded-vote", (14, 0, 0)),
        ("Adopted without a vote at the 1776th meeting.", "1776th meeting", "adopted-without-vote", (None, None, None)),
        ("Adopted at the 1810th meeting by consensus.", "1810th meeting", "adopted-without-vote", (None, None, None)),
        ("Adopted unanimously, without a vote, at the 2008th meeting,", "2008th meeting", "adopted-without-vote",
         (None, None, None)),
        ("Adopted at the 80th meeting 25\n\n25 Adopted without vote.", "80th meeting", "adopted-without-vote",
         (None, None, None)),
        # OCR and re-typing damage: split words, misread digits and letters
        ("Adopted at the 127th meet-\ning by 8 votes to none, with 2 abstentions (Poland, Union of Soviet "
         "Socialist Republics).", "127th meeting", "adopted-recorded-vote", (8, 0, 2)),
        ("Adopted at the 754th meeting by 10 votes to I (Union of Soviet Socialist Republics).", "754th meeting",
         "adopted-recorded-vote", (10, 1, 0)),
        ("Adopted at the 1473rd meeting by I1 votes to none, with 4 abstentions (Colombia, Paraguay).",
         "1473rd meeting", "adopted-recorded-vote", (11, 0, 4)),
        ("Adapted unanimously at the 2916th meeting.", "2916th meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted unanimously at the I858th meeting.", "1858th meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted unanimously at the 283 1st meeting.", "2831st meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted unanimously at the 24491h meeting.", "2449th meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted unanimously at the 2714th (closed) meeting", "2714th meeting", "adopted-unanimously", (None, None, None)),
        ("Adopted ut the 2242nd meeting by 14 votes to none, with 1 abstention (United States of America).",
         "2242nd meeting", "adopted-recorded-vote", (14, 0, 1)),
        ("Adopted at the 1657th meeting hy 14 votes to none.", "1657th meeting", "adopted-recorded-vote", (14, 0, 0)),
    ],
)
def test_each_printed_shape_of_the_closing_line(line: str, meeting: str, outcome: str, counts: tuple) -> None:
    closing = parse_closing(line)
    assert closing is not None and closing.meeting == meeting
    assert closing.voting is not None and closing.voting.outcome == outcome
    assert (closing.voting.yes, closing.voting.no, closing.voting.abstention) == counts


def test_the_masthead_sentence_gives_meeting_and_date_but_no_vote() -> None:
    closing = parse_closing("Adopted by the Security Council at its 8123rd meeting, on 12 December 2017")
    assert closing is not None
    assert (closing.meeting, closing.date, closing.voting) == ("8123rd meeting", "2017-12-12", None)
    split = parse_closing("Adopted by the Security Council at _ its 3198th meeting, on 14 April 1993")
    assert split is not None and (split.meeting, split.date) == ("3198th meeting", "1993-04-14")


def test_a_sentence_that_says_nothing_of_a_meeting_is_not_a_closing_line() -> None:
    assert parse_closing("Recalls the resolution adopted unanimously by the General Assembly.") is None
    assert parse_closing("Paragraphs 1 and 2 were adopted unanimously.") is None


@needs_sc
def test_most_security_council_texts_say_how_they_were_adopted() -> None:
    """The volumes print a vote under nearly every resolution up to 1992 (the modern texts print
    only the meeting); what the parser reads is what the file prints."""
    outcomes: Counter[str] = Counter()
    impossible: list[tuple[str, object]] = []
    files = sorted(SC.iterdir())
    for path in files:
        res = parse_file(path)
        outcomes[res.voting.outcome if res.voting else "none"] += 1
        if res.voting and res.voting.outcome == "adopted-recorded-vote":
            v = res.voting  # a council of 11, then 15, members: no count can be more, unless OCR misread it
            if v.yes is None or not 1 <= v.yes + (v.no or 0) + (v.abstention or 0) <= 15:
                impossible.append((path.name, v))
    assert len(impossible) <= 3, impossible  # "by 73 votes" in S/RES/498 (1981) is how the scan prints 13
    assert sum(n for k, n in outcomes.items() if k != "none") >= 700, outcomes
    assert outcomes["adopted-unanimously"] >= 350 and outcomes["adopted-recorded-vote"] >= 250, outcomes


@needs_sc
def test_a_real_closing_line_reaches_the_resolution() -> None:
    res = parse_file(SC / "S_RES_0004_1946_EN_GOLD.txt")
    assert res.meeting == "39th meeting"
    assert res.voting is not None
    assert (res.voting.outcome, res.voting.yes, res.voting.no, res.voting.abstention) == ("adopted-recorded-vote", 10, 0, 1)
    modern = parse_file(SC / "S_RES_1445_2002_EN_GOLD.txt")
    assert (modern.meeting, modern.adoption_date, modern.voting) == ("4653rd meeting", "2002-12-04", None)


@needs_sc
@pytest.mark.parametrize("name", ["S_RES_0322_1972_EN_GOLD.txt", "S_RES_0409_1977_EN_GOLD.txt"])
def test_notes_under_an_ocr_damaged_closing_line_are_footnotes(name: str) -> None:
    """"Adopted unanimously At the 1677th meeting." / "Adopted unanimously, without a vote, at the
    2011th meeting.", then the volume's note: the note is read, and its marker finds it."""
    from lod.quality import findings

    res = parse_file(SC / name)
    assert res.footnotes and res.voting is not None
    assert [f for f in findings(res) if f.code in ("marker-without-note", "note-without-marker")] == []


@needs_sc
def test_a_compilation_counts_its_markers_from_its_first_note() -> None:
    """The volume numbers notes through the book: S/RES/5 (1946) prints notes 4 and 5, and "of 6
    May,5" is the marker of note 5 (the count starts at 4, not at 1)."""
    res = parse_file(SC / "S_RES_0005_1946_EN_GOLD.txt")
    assert {n.marker for n in res.footnotes} == {"4", "5"}
    assert [p.footnote_refs for p in res.preamble] == [["5"]]


@needs_sc
@pytest.mark.parametrize(("name", "marker"), [
    ("S_RES_0001_1946_EN_GOLD.txt", "22"),  # "Adopted at the 2nd meeting. 22"
    ("S_RES_0011_1946_EN_GOLD.txt", "25"),  # "Adopted at the 80th meeting 25": no punctuation
    ("S_RES_0083_1950_EN_GOLD.txt", "12"),  # "… by 7 votes to 1 ( Yugoslavia) 12"
    ("S_RES_0341_1973_EN_GOLD.txt", "33"),  # "… by 14 votes to none33": OCR lost the space
])
def test_a_marker_on_the_closing_lines_refers_the_note_on_the_adoption(name: str, marker: str) -> None:
    """The volumes put a marker at the end of the closing sentence; its note ("Adopted without
    vote.", "One member did not participate") is the adoption's, not a paragraph's."""
    from lod.quality import findings

    res = parse_file(SC / name)
    assert res.closing_refs == [marker] and marker in {n.marker for n in res.footnotes}
    assert not any(f.code == "note-without-marker" for f in findings(res))
    assert all(marker not in p.footnote_refs for p in [*res.preamble, *res.operative])


@needs_sc
def test_the_note_on_the_adoption_is_written_to_akn_conclusions_and_read_back() -> None:
    from lod.akn import akn_document
    from lod.parse.akn import read_akn
    from lod.rdf import WorkRegistry

    res = parse_file(SC / "S_RES_0083_1950_EN_GOLD.txt")
    registry = WorkRegistry(base="https://example.org")
    registry.add(res)
    xml = akn_document(res, registry, "https://example.org")
    assert b"<conclusions>" in xml
    again = read_akn(xml, res.source)
    assert again.closing_refs == ["12"] and {n.marker for n in again.footnotes} == {"11", "12"}


@needs_sc
def test_a_marker_on_the_heading_refers_the_headings_note() -> None:
    """"6 (1946). Resolution of 17 May 1946 21": note 21 is the heading's, not a paragraph's."""
    from lod.quality import findings

    res = parse_file(SC / "S_RES_0006_1946_EN_GOLD.txt")
    assert res.heading_refs == ["21"] and not any(f.code == "note-without-marker" for f in findings(res))


@pytest.mark.skipif(not (REAL / "ga-docx" / "GA72").is_dir(), reason=ABSENT)
def test_the_part_letters_note_is_the_headings_and_goes_to_the_akn_title() -> None:
    """A/RES/72/8 B prints "B¹" above the formula; note 1 says the earlier text "becomes resolution
    72/8 A". Written to AKN inside the title, read back as the heading's."""
    from lod.akn import akn_document, akn_errors
    from lod.parse.akn import read_akn
    from lod.rdf import WorkRegistry

    res = parse_file(REAL / "ga-docx" / "GA72" / "N1821424.docx")
    assert res.heading_refs == ["1"]
    registry = WorkRegistry(base="https://example.org")
    registry.add(res)
    xml = akn_document(res, registry, "https://example.org")
    assert akn_errors(xml, res.source) == [] and read_akn(xml, res.source).heading_refs == ["1"]


@needs_sc
@pytest.mark.parametrize(("name", "marker"), [
    ("S_RES_0129_1958_EN_GOLD.txt", "10"),  # "… S/Agenda/838, 10" … "10 Ibid., Thirteenth Year, 838th meeting, p. 1."
    ("S_RES_0289_1970_EN_GOLD.txt", "43"),  # the note wraps onto "1558th meeting of the Council."
])
def test_notes_after_the_last_paragraph_of_an_extract_without_closing_lines(name: str, marker: str) -> None:
    """The extract stops before "Adopted …", but the volume's notes follow the last paragraph: the
    numbered block after it is the notes, the number at a paragraph's end their marker."""
    from lod.quality import findings

    res = parse_file(SC / name)
    assert marker in {n.marker for n in res.footnotes}
    assert not [f for f in findings(res) if f.code in ("marker-without-note", "note-without-marker")]
    assert not any(p.text.startswith(marker + " ") for p in res.operative)


@needs_sc
def test_a_note_under_the_closing_lines_with_its_space_lost_but_not_a_sales_number() -> None:
    """"33.One member (China) did not participate in the voting." is note 33 (S/RES/434 (1978));
    "64.X.1), p. 173.", the end of a note's United Nations Sales No. 64.X.1 (S/RES/457 (1979)), is not note 64."""
    assert "33" in {n.marker for n in parse_file(SC / "S_RES_0434_1978_EN_GOLD.txt").footnotes}
    notes = {n.marker: n.text for n in parse_file(SC / "S_RES_0457_1979_EN_GOLD.txt").footnotes}
    assert "64" not in notes and notes["99"].endswith("Sales No. 64.X.1), p. 173.")


@needs_sc
@pytest.mark.parametrize("name", ["S_RES_0368_1975_EN_GOLD.txt", "S_RES_0494_1981_EN_GOLD.txt", "S_RES_0651_1990_EN_GOLD.txt"])
def test_a_closing_line_ocr_misread_as_adapted_is_no_paragraph(name: str) -> None:
    """"Adapted unanimously at the 2916th meeting.": the closing line, not an operative paragraph after the last."""
    res = parse_file(SC / name)
    assert not any(p.text.startswith("Adapted") for p in res.operative)
    assert res.meeting is not None and res.meeting.endswith("meeting")
