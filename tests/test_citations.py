"""lod.parse.citations: citations as real UN documents print them, read from corpus/, plus the
general forms of other bodies (Security Council, ECOSOC, Human Rights Council, old GA numbers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lod.model import Citation
from lod.parse.citations import CitationExtractor

from corpora import ABSENT, CORPUS, REAL  # noqa: E402
GA = "General Assembly"
needs_real = pytest.mark.skipif(not (REAL / "ga-akn").is_dir(), reason=ABSENT)


def paragraph(file: str, containing: str) -> str:
    """The paragraph (blank-line separated) of a corpus file that contains a snippet."""
    text = (CORPUS / file).read_text(encoding="utf-8")
    found = [p for p in re.split(r"\n\s*\n", text) if containing in p]
    assert len(found) == 1, (file, containing, len(found))
    return found[0]


def footnotes(file: str, first: str, count: int) -> list[str]:
    """`count` consecutive footnote paragraphs of a corpus file, starting at the one containing `first`."""
    text = (CORPUS / file).read_text(encoding="utf-8")
    paras = re.split(r"\n\s*\n", text)
    start = next(i for i, p in enumerate(paras) if first in p)
    return paras[start : start + count]


def numbers(citations: list[Citation]) -> list[str | None]:
    return [c.number for c in citations]


def test_list_of_dated_resolutions_with_markdown_links() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Reaffirming its resolutions [46/152]")
    found = CitationExtractor(GA).extract(para, "preamble__para_1")
    assert numbers(found) == ["46/152", "60/1", "67/1", "69/193", "69/196", "70/178", "70/182", "71/209", "72/196"]
    assert all(c.type == "resolution" and c.body == GA and c.relation == "reaffirm" for c in found)
    assert all(c.location == "preamble__para_1" for c in found)
    by_number = {c.number: c for c in found}
    assert by_number["46/152"].date == "1991-12-18"
    # "69/193 and 69/196 of 18 December 2014": both dated.
    assert by_number["69/193"].date == by_number["69/196"].date == "2014-12-18"
    assert by_number["70/178"].date == "2015-12-17"
    assert by_number["72/196"].symbol == "A/RES/72/196"
    assert found[0].text == "its resolutions 46/152"


def test_a_date_is_not_shared_across_sessions() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "welcoming Commission resolution 27/5")
    found = {c.number: c for c in CitationExtractor(GA).extract(para, "preamble__para_30")}
    assert found["68/186"].date == "2013-12-18"
    assert found["70/76"].date == "2015-12-09"
    assert found["69/196"].date is None  # adopted in 2014, not on 9 December 2015


def test_placeholders_are_kept_without_symbol_or_date() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Recalling its resolution [73/___](#) of _____ 2018 on preventing")
    [cited] = CitationExtractor(GA).extract(para, "preamble__para_20")
    assert (cited.number, cited.placeholder, cited.symbol, cited.date) == ("73/___", True, None, None)
    assert cited.relation == "recall"
    para = paragraph("001_a434e5ae4ec07524.txt", "Reaffirming its resolution 73/___ of _____ 2018 on enhancing")
    [cited] = CitationExtractor(GA).extract(para, "preamble__para_4")
    assert cited.placeholder and cited.date is None and cited.text == "its resolution 73/___"


def test_economic_and_social_council_resolution() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Welcoming Economic and Social Council resolution 2018/16")
    [cited] = CitationExtractor(GA).extract(para, "preamble__para_4")
    assert cited.body == "Economic and Social Council"
    assert (cited.number, cited.symbol, cited.date) == ("2018/16", "E/RES/2018/16", "2018-07-02")
    assert cited.relation == "welcome"


def test_economic_and_social_council_list() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Economic and Social Council resolutions [2014/23](#)")
    ecosoc = [c for c in CitationExtractor(GA).extract(para, "p") if c.body == "Economic and Social Council"]
    assert [(c.number, c.date) for c in ecosoc] == [("2014/23", "2014-07-16"), ("2015/23", "2015-07-21")]


def test_commission_named_after_the_number() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Taking note of resolution [25/2](#)")
    [cited] = CitationExtractor(GA).extract(para, "p")
    assert cited.body == "Commission on Crime Prevention and Criminal Justice"
    assert (cited.number, cited.date, cited.symbol, cited.relation) == ("25/2", "2016-05-27", None, "take-note")


def test_commission_named_before_the_number() -> None:
    para = paragraph("004_a62735c9b0a34126.txt", "*Welcoming* Commission on Crime Prevention")
    [cited] = CitationExtractor(GA).extract(para, "p")
    assert cited.body == "Commission on Crime Prevention and Criminal Justice"
    assert cited.text == "Commission on Crime Prevention and Criminal Justice resolution 26/4"
    assert cited.date == "2017-05-26"


def test_commission_resolution_refers_to_the_commission_named_earlier() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "welcoming Commission resolution 27/5")
    cited = CitationExtractor(GA).extract(para, "p")[0]
    assert (cited.number, cited.body, cited.text) == ("27/5", "Commission on Crime Prevention and Criminal Justice", "Commission resolution 27/5")
    assert cited.relation == "welcome"
    commission_text = CitationExtractor("Commission on Narcotic Drugs").extract("Recalling Commission resolution 61/2,", "p")
    assert commission_text[0].body == "Commission on Narcotic Drugs"


def test_conference_of_the_states_parties_to_the_convention() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "Welcoming resolution [7/2](#)")
    [cited] = CitationExtractor(GA).extract(para, "p")
    assert cited.body == "Conference of the States Parties to the United Nations Convention against Corruption"
    assert (cited.number, cited.date, cited.symbol) == ("7/2", "2017-11-10", None)


def test_conference_of_the_parties_named_at_its_session() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "the adoption of resolution 9/2")
    [cited] = CitationExtractor(GA).extract(para, "para_6")
    assert cited.body == "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"
    assert cited.date == "2018-10-19"


def test_operative_paragraph_with_two_bodies() -> None:
    para = paragraph("004_a62735c9b0a34126.txt", "pursuant to its mandates under General Assembly resolution")
    found = CitationExtractor(GA).extract(para, "para_2")
    assert [(c.body, c.number, c.symbol) for c in found] == [
        (GA, "65/230", "A/RES/65/230"),
        ("Commission on Crime Prevention and Criminal Justice", "26/4", None),
    ]
    assert {c.relation for c in found} == {"pursuant-to"}


def test_security_council_number_in_a_general_assembly_text() -> None:
    para = paragraph("001_a434e5ae4ec07524.txt", "pursuant to resolution 1373 (2001)")
    cited = CitationExtractor(GA).extract(para, "para_20")
    sc = [c for c in cited if c.number == "1373 (2001)"]
    assert sc and sc[0].body == "Security Council" and sc[0].symbol == "S/RES/1373 (2001)"
    assert sc[0].relation == "pursuant-to"


def test_parts_of_a_resolution() -> None:
    para = paragraph("A_RES_80_2.md", "Also reaffirms its resolution 54/237 C")
    [cited] = CitationExtractor(GA).extract(para, "para_2")
    assert (cited.number, cited.symbol, cited.date, cited.relation) == ("54/237 C", "A/RES/54/237 C", "1999-12-23", "reaffirm")
    found = CitationExtractor(GA).extract("Recalling its resolutions 36/87 A and B of 9 December 1981,", "p")
    assert [(c.number, c.date) for c in found] == [("36/87 A", "1981-12-09"), ("36/87 B", "1981-12-09")]


def test_old_general_assembly_numbering_in_a_footnote() -> None:
    text = paragraph("A_RES_80_1.txt", "See resolution 169 (II)")
    [cited] = CitationExtractor(GA).extract(text.strip().lstrip("1").strip(), "fn_1")
    assert (cited.body, cited.number, cited.symbol, cited.relation) == (GA, "169 (II)", "A/RES/169(II)", "see")
    [old] = CitationExtractor(GA).extract("Recalling its resolution 3263 (XXIX) of 9 December 1974,", "p")
    assert (old.number, old.symbol, old.date) == ("3263 (XXIX)", "A/RES/3263(XXIX)", "1974-12-09")


@pytest.mark.parametrize(
    ("document_body", "text", "expected"),
    [
        (
            "Security Council",
            "Recalling its resolutions 1267 (1999), 1989 (2011) and 2253 (2015),",
            [
                ("Security Council", "1267 (1999)", "S/RES/1267 (1999)"),
                ("Security Council", "1989 (2011)", "S/RES/1989 (2011)"),
                ("Security Council", "2253 (2015)", "S/RES/2253 (2015)"),
            ],
        ),
        (
            "Security Council",
            "Reaffirming its resolution 2334 (2016) and General Assembly resolution ES-10/19,",
            [("Security Council", "2334 (2016)", "S/RES/2334 (2016)"), (GA, "ES-10/19", "A/RES/ES-10/19")],
        ),
        (
            "Economic and Social Council",
            "Recalling its resolution 2017/16 of 6 July 2017 and General Assembly resolution S-30/1,",
            [("Economic and Social Council", "2017/16", "E/RES/2017/16"), (GA, "S-30/1", "A/RES/S-30/1")],
        ),
        (
            "Human Rights Council",
            "Recalling Human Rights Council resolution 6/15 and its resolution 35/14,",
            [("Human Rights Council", "6/15", "A/HRC/RES/6/15"), ("Human Rights Council", "35/14", "A/HRC/RES/35/14")],
        ),
        (
            GA,
            "Recalling Security Council resolution 1373 (2001) and its resolution 2017/16,",
            [("Security Council", "1373 (2001)", "S/RES/1373 (2001)"), ("Economic and Social Council", "2017/16", "E/RES/2017/16")],
        ),
    ],
)
def test_bodies_by_context_and_number_shape(document_body: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    found = CitationExtractor(document_body).extract(text, "p")
    assert [(c.body, c.number, c.symbol) for c in found] == expected


def test_decisions() -> None:
    found = CitationExtractor(GA).extract(
        "Recalling its decision 71/401 and Economic and Social Council decision 2019/201,", "p"
    )
    assert [(c.type, c.body, c.number, c.symbol) for c in found] == [
        ("decision", GA, "71/401", "A/DEC/71/401"),
        ("decision", "Economic and Social Council", "2019/201", "E/DEC/2019/201"),
    ]


def test_document_symbols() -> None:
    para = paragraph("004_a62735c9b0a34126.txt", "E/CN.15/2019/1")
    [cited] = CitationExtractor(GA).extract(para, "fn_*")
    assert (cited.type, cited.symbol) == ("document", "E/CN.15/2019/1")
    route = paragraph("A_RES_80_2.md", "on the report of the Fifth Committee")
    [report] = CitationExtractor(GA).extract(route, "p")
    assert (report.type, report.symbol, report.body) == ("document", "A/80/401", GA)
    route = paragraph("A_RES_80_1.txt", "without reference to a Main Committee")
    [draft] = CitationExtractor(GA).extract(route, "p")
    assert draft.symbol == "A/80/L.2/Rev.1"


def test_symbol_of_an_adopted_resolution_is_a_resolution_citation() -> None:
    [cited] = CitationExtractor(GA).extract("Taking note of A/RES/73/8 and", "p")
    assert (cited.type, cited.number, cited.symbol, cited.body) == ("resolution", "73/8", "A/RES/73/8", GA)


def test_footnotes_with_treaties_and_ibid() -> None:
    notes = footnotes("001_a434e5ae4ec07524.txt", "¹ United Nations, *Treaty Series*, vols. 2225", 5)
    extractor = CitationExtractor(GA)
    found = [extractor.extract(note, f"fn_{i}") for i, note in enumerate(notes, start=1)]
    first = found[0][0]
    assert first.type == "treaty" and first.unts_volumes == ["2225", "2237", "2241", "2326"]
    assert first.unts_number == "39574" and first.text == "vols. 2225, 2237, 2241 and 2326, No. 39574"
    assert first.unts_volume == "2225"
    assert [(c[0].type, c[0].unts_volumes, c[0].unts_number, c[0].location) for c in found[1:]] == [
        ("treaty", ["976"], "14152", "fn_2"),
        ("treaty", ["1019"], "14956", "fn_3"),
        ("treaty", ["1582"], "27627", "fn_4"),
        ("treaty", ["2349"], "42146", "fn_5"),
    ]


def test_ibid_after_official_records_is_the_printed_document() -> None:
    notes = footnotes("001_a434e5ae4ec07524.txt", "¹² See *Official Records", 2)
    extractor = CitationExtractor(GA)
    [records] = extractor.extract(notes[0], "fn_12")
    [ibid] = extractor.extract(notes[1], "fn_13")
    assert (records.symbol, records.relation) == ("E/2017/30", "see")
    assert (ibid.type, ibid.symbol, ibid.relation) == ("document", "E/2014/27", None)


def test_ibid_with_a_treaty_and_a_resolution() -> None:
    extractor = CitationExtractor(GA)
    previous = paragraph("001_a434e5ae4ec07524.txt", "vol. 1577, No. 27531")
    note = paragraph("001_a434e5ae4ec07524.txt", "vols. 2171 and 2173, No. 27531")
    extractor.extract(previous, "fn_40")
    found = extractor.extract(note, "fn_41")
    assert [(c.type, c.unts_volumes, c.unts_number, c.number) for c in found] == [
        ("treaty", ["2171", "2173"], "27531", None),
        ("resolution", [], None, "66/138"),
    ]


def test_ibid_alone_copies_the_previous_footnote() -> None:
    extractor = CitationExtractor(GA)
    extractor.extract("Resolution 70/174, annex.", "fn_6")
    [copy] = extractor.extract("*Ibid.*", "fn_7")
    assert (copy.type, copy.number, copy.symbol, copy.text, copy.location) == ("resolution", "70/174", "A/RES/70/174", "Ibid.", "fn_7")


def test_ibid_state_is_only_kept_across_footnotes() -> None:
    extractor = CitationExtractor(GA)
    extractor.extract("United Nations, Treaty Series, vol. 2225, No. 39574.", "fn_1")
    assert extractor.extract("Ibid., vol. 2237.", "preamble__para_3") == []
    [treaty] = extractor.extract("Ibid., vol. 2237.", "fn_2")
    assert treaty.unts_volumes == ["2237"] and treaty.unts_number is None


@pytest.mark.parametrize(("note", "volumes", "number"), [
    ("United Nations, Treaty Series, vol. 75 (1950), No. 972.", ["75"], "972"),  # the volume's year between
    ("United Nations, Treaty Series, vol. 75. No. 973.", ["75"], "973"),  # a full stop for the comma
    ("United Nations, Treaty Series, vol. 382 (1960), No. 5475", ["382"], "5475"),
    ("United Nations, Treaty Series, vol. 75, p. 287.", ["75"], None),  # cited by page: no number
])
def test_treaty_series_citations_as_the_older_texts_print_them(note: str, volumes: list[str], number: str | None) -> None:
    [treaty] = CitationExtractor(GA).extract(note, "fn_1")
    assert (treaty.type, treaty.unts_volumes, treaty.unts_number) == ("treaty", volumes, number)


def test_league_of_nations_series_is_not_unts() -> None:
    extractor = CitationExtractor(GA)
    assert extractor.extract("League of Nations, Treaty Series, vol. 94, No. 2138.", "fn_1") == []


def test_annex_footnote_of_a_commission_draft() -> None:
    note = paragraph("004_a62735c9b0a34126.txt", "General Assembly resolution [65/230](#), annex")
    [cited] = CitationExtractor(GA).extract(note, "fn_2")
    assert (cited.text, cited.body, cited.symbol, cited.relation) == ("General Assembly resolution 65/230", GA, "A/RES/65/230", None)


def test_its_resolution_in_an_annex_is_the_annexed_text_s_author() -> None:
    """A Council resolution annexes a commission's resolution ("The Economic and Social Commission for
    Asia and the Pacific, Recalling its resolution 73/1 …", E/RES/2022/11) or a draft it recommends to
    the Assembly ("The General Assembly, Recalling its resolution 46/152 …", E/RES/2022/12): "its", and
    a number no organ is named for, are the annexed text's author's, not the Assembly's by default."""
    from lod.bodies import by_key

    extractor = CitationExtractor("Economic and Social Council")
    extractor.annex_authors = {"annex_1": by_key("escap"), "annex_2": by_key("ga")}
    escap = extractor.extract("Recalling its resolution 73/1 of 19 May 2017 and resolution 74/5,", "annex_1__para_u2")
    assert [(c.body, c.symbol) for c in escap] == [("Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/73/1"),
                                                   ("Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/74/5")]
    [assembly] = extractor.extract("Recalling its resolution 46/152 of 18 December 1991,", "annex_2__para_u4")
    assert (assembly.body, assembly.symbol) == (GA, "A/RES/46/152")
    [named] = extractor.extract("Recalling General Assembly resolution 70/1,", "annex_1__para_u3")
    assert named.symbol == "A/RES/70/1"  # an organ named is that organ's wherever it is printed
    [council] = extractor.extract("Recalling Economic and Social Council resolution 2017/16,", "annex_1__para_u5")
    assert council.symbol == "E/RES/2017/16"


def test_the_most_recent_of_which_are_the_resolutions_of_the_organ_named_before() -> None:
    """"… recalling the resolutions and decisions of the Human Rights Council, the most recent of which being
    resolutions 43/26 of 22 June 2020 and 42/3 …" (A/RES/77/227, 77/222; held-out 75/238, 78/219, 79/182):
    the Council's, not the Assembly's 43/26 and 42/3; "its previous resolutions …, the most recent of
    which being resolution 74/246" stays the Assembly's."""
    text = ("Reaffirming its previous resolutions on the situation of human rights in Myanmar, the most recent of "
            "which being resolutions 74/246 of 27 December 2019, and recalling the resolutions and decisions of the "
            "Human Rights Council, the most recent of which being resolutions 43/26 of 22 June 2020, 42/3 of "
            "26 September 2019 and S-27/1 of 5 December 2017,")
    found = CitationExtractor(GA).extract(text, "preamble__para_3")
    assert [c.symbol for c in found] == ["A/RES/74/246", "A/HRC/RES/43/26", "A/HRC/RES/42/3", "A/HRC/RES/S-27/1"]
    # "including" as "the most recent of which" (A/RES/77/235, 77/201, 77/206; Word A/RES/72/84, 164, 183), not past
    # another resolution or "its" named after the organ's
    for text, symbols in [
        ("Recalling also all relevant Human Rights Council resolutions, including resolutions 23/9 of 13 June 2013 "
         "and 29/11 of 2 July 2015,", ["A/HRC/RES/23/9", "A/HRC/RES/29/11"]),
        ("Noting the resolutions adopted by the Human Rights Council that are relevant to the protection of children "
         "from bullying, including resolution 51/10 of 6 October 2022,", ["A/HRC/RES/51/10"]),
        ("Recalling the resolutions of the Human Rights Council and its own resolutions, including resolution 76/1,",
         ["A/RES/76/1"]),
        ("Recalling its resolutions on the subject, including resolution 76/151 of 16 December 2021,", ["A/RES/76/151"]),
    ]:
        assert [c.symbol for c in CitationExtractor(GA).extract(text, "preamble__para_2")] == symbols, text


def test_a_list_joined_by_and_to_an_organ_s_list_is_that_organ_s() -> None:
    """"… and Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 of 27 September
    2013, 27/21 …" (A/RES/77/214): the Council's resolutions, not the Assembly's of the same numbers; a
    number whose shape names another organ, or a list with an organ or "its" of its own, keeps its own."""
    for text, symbols in [
        ("Recalling all its previous resolutions on this subject, the most recent of which was resolution 76/161 of "
         "16 December 2021, and Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 of "
         "27 September 2013, 27/21 and 30/2,",
         ["A/RES/76/161", "A/HRC/DEC/18/120", "A/HRC/RES/24/14", "A/HRC/RES/27/21", "A/HRC/RES/30/2"]),
        ("Recalling Human Rights Council resolution 5/1 and its resolution 62/219,", ["A/HRC/RES/5/1", "A/RES/62/219"]),
        ("Recalling Human Rights Council resolution 5/1 and resolution 1325 (2000),", ["A/HRC/RES/5/1", "S/RES/1325 (2000)"]),
        ("Recalling Human Rights Council resolution 5/1, welcoming resolution 62/219,", ["A/HRC/RES/5/1", "A/RES/62/219"]),
        # a report to an organ made under resolutions no organ is named for: that organ's (A/RES/77/226, 75/190)
        ("as confirmed by the High Commissioner in her report to the Human Rights Council submitted pursuant to "
         "resolutions 34/24 and 40/20;", ["A/HRC/RES/34/24", "A/HRC/RES/40/20"]),
        ("in her report to the Human Rights Council submitted pursuant to resolution 34/24 and in her oral update to the "
         "Council pursuant to resolution 40/20;", ["A/HRC/RES/34/24", "A/HRC/RES/40/20"]),
        ("Takes note of the report of the Secretary-General to the Council pursuant to resolution 76/1,", ["A/RES/76/1"]),
        # the body made by the resolution is not its "its" (A/RES/77/205, held-out 78/234, 79/161)
        ("Welcomes the establishment of the Permanent Forum on People of African Descent, through its resolution 75/314 "
         "of 2 August 2021,", ["A/RES/75/314"]),
        ("Recalling the Human Rights Council, in its resolution 6/15,", ["A/HRC/RES/6/15"]),
        # a list that went on past a title naming another organ's resolution: numbers that organ never printed
        # are the one organ's their shape names (A/RES/76/185, E/RES/2021/24)
        ("Recalling Economic and Social Council resolutions 1992/22 of 30 July 1992, entitled “Implementation of "
         "General Assembly resolution 46/152”, 1993/28 of 27 July 1993 and 1996/10 of 23 July 1996,",
         ["E/RES/1992/22", "A/RES/46/152", "E/RES/1993/28", "E/RES/1996/10"]),
        ("Recalling Economic and Social Council resolution 155 C (VII),", ["E/RES/155(VII)"]),
        ("Takes note of the report of the Secretary-General to the General Assembly submitted pursuant to resolution 76/1 "
         "and of the report to the Human Rights Council pursuant to General Assembly resolution 60/251,",
         ["A/RES/76/1", "A/RES/60/251"]),
    ]:
        assert [c.symbol for c in CitationExtractor(GA).extract(text, "preamble__para_1")] == symbols, text


def test_a_date_the_assembly_s_session_contradicts_is_another_organ_s() -> None:
    """"Human Rights Council resolutions 28/16 … and 48/4 … on the right to privacy … and resolutions 32/13 of
    1 July 2016" (A/RES/77/211): the Assembly's 32nd session met in 1977, so 32/13 of 2016 is not its
    resolution but that of the organ named whose session 32 met in 2016; one whose sessions' years are not
    known (a conference of parties) is taken when it is the nearest named; no organ named: nobody's known,
    never a citation its own date contradicts. A date that fits keeps the Assembly's."""
    extract = CitationExtractor(GA).extract
    found = extract("Recalling Human Rights Council resolutions 28/16 of 26 March 2015 and 48/4 of 7 October 2021 on the "
                    "right to privacy in the digital age and resolutions 32/13 of 1 July 2016 and 38/7 of 5 July 2018 on "
                    "the promotion, protection and enjoyment of human rights on the Internet,", "preamble__para_2")
    assert [c.symbol for c in found] == ["A/HRC/RES/28/16", "A/HRC/RES/48/4", "A/HRC/RES/32/13", "A/HRC/RES/38/7"]
    [after] = extract("Takes note that, through its resolution 54/18 of 12 October 2023, the Human Rights Council "
                      "submitted to the General Assembly the draft guidelines,", "para_7")
    assert after.symbol == "A/HRC/RES/54/18"
    cop, _, unea, _ = extract("recalling the Kunming-Montreal Global Biodiversity Framework, adopted in decision 15/4 of "
                              "19 December 2022, as well as decision 15/29 of 19 December 2022 of the Conference of the "
                              "Parties to the Convention on Biological Diversity and resolutions 5/1 and 5/6 of 2 March 2022 "
                              "of the United Nations Environment Assembly,", "preamble__para_11")
    assert (cop.body, unea.body) == ("Conference of the Parties to the Convention on Biological Diversity",
                                     "United Nations Environment Assembly")
    # an organ named by its short name: the one of that name whose session met in that year (A/RES/77/263)
    mandated = extract("Approves 17 posts to support the activities mandated by the Council in its resolution 51/30 of "
                       "7 October 2022 and its decision 51/101 of 6 October 2022;", "sec_13__para_3")
    assert [c.symbol for c in mandated] == ["A/HRC/RES/51/30", "A/HRC/DEC/51/101"]
    [unnamed] = extract("Welcoming resolution 9/7 of 17 December 2021 on beneficial ownership information,", "preamble__para_5")
    assert (unnamed.body, unnamed.symbol) == (None, None)
    [fits] = extract("Recalling its resolution 76/161 of 16 December 2021 and the Human Rights Council,", "preamble__para_1")
    assert fits.symbol == "A/RES/76/161"
    # a number the Assembly never printed (its slash numbers start at its 31st session), undated: the
    # nearest organ named that can have numbered it, else nobody's known (A/RES/77/235, 77/248)
    [cosp] = extract("Welcomes the adoption by the Conference of the States Parties to the United Nations Convention against "
                     "Corruption of resolution 7/5 on promoting preventive measures,", "para_40")
    assert (cosp.body, cosp.symbol) == ("Conference of the States Parties to the United Nations Convention against Corruption", None)
    [unea] = extract("Welcomes the contribution of the United Nations Environment Assembly and its resolution 4/6,", "para_234")
    assert (unea.body, unea.symbol) == ("United Nations Environment Assembly", None)
    [unknown] = extract("Pursuant to resolution 9/2,", "fn_11")
    assert (unknown.body, unknown.symbol) == (None, None)
    [placeholder] = extract("Reaffirms its resolution 80/___,", "para_4")
    assert (placeholder.body, placeholder.placeholder) == (GA, True)



def test_a_roman_session_s_number_is_the_organ_s_that_numbered_so_in_the_year_printed() -> None:
    """An early number carries its session in Roman numerals, as both the Assembly (to 1976) and the
    Council (to 1977) printed them: "resolution 959 (LI) of 15 May 2018, in which the Economic Commission
    for Africa …" (E/RES/2018/23) is neither's, nor is "resolution 8 (II) of 21 June 1946" the Assembly's
    (its 2nd session met in 1947); where the date fits, the shape's reading stands."""
    council = CitationExtractor("Economic and Social Council").extract
    [africa] = council("Taking note of resolution 959 (LI) of 15 May 2018, in which the Economic Commission for Africa "
                       "Conference of African Ministers considered the new strategic directions of the Commission,",
                       "preamble__para_1")
    assert (africa.body, africa.symbol) == ("Economic Commission for Africa", None)
    [early] = council("Reaffirming its resolution 1566 (L) of 3 May 1971, as amended by resolution 8 (II) of 21 June 1946,",
                      "preamble__para_10")[1:]
    assert early.symbol is None  # not the Assembly's; the Council's own session years are not known one by one
    [later] = council("Recalling its resolution 908 (XLVI) of 26 March 2013,", "annex_1__para_u2")
    assert later.symbol is None
    [fits] = council("Recalling its resolution 1566 (L) of 3 May 1971,", "preamble__para_1")
    assert fits.symbol == "E/RES/1566(L)"
    [assembly] = CitationExtractor(GA).extract("Recalling resolution 2200 A (XXI) of 16 December 1966,", "preamble__para_1")
    assert assembly.symbol == "A/RES/2200(XXI)"

@needs_real
def test_an_annexed_commission_resolution_cites_the_commission_s_own() -> None:
    from lod.parse import parse_file

    text = parse_file(next((REAL / "ga-akn" / "ECOSOCresolutions-main" / "2022" / "English").glob("E_RES_2022_11-*.xml")))
    annexed = {c.text: (c.body, c.symbol) for c in text.citations if c.location.startswith("annex_1__")}
    assert annexed["its resolution 73/1"] == ("Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/73/1")
    assert annexed["its resolutions 48/2"] == ("Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/48/2")
    draft = parse_file(next((REAL / "ga-akn" / "ECOSOCresolutions-main" / "2022" / "English").glob("E_RES_2022_12-*.xml")))
    assert {c.symbol for c in draft.citations if c.text == "its resolution 46/152"} == {"A/RES/46/152"}


@settings(max_examples=400, deadline=None)
@given(st.text(), st.sampled_from(["preamble__para_1", "para_1", "fn_1", "fn_*"]), st.sampled_from([None, GA, "Security Council", "Commission on Crime Prevention and Criminal Justice"]))
def test_never_raises_on_arbitrary_text(text: str, location: str, body: str | None) -> None:
    for cited in CitationExtractor(body).extract(text, location):
        assert cited.location == location and cited.text


_FRAGMENTS = st.sampled_from(
    ["resolution", "resolutions", " 70/174", " 73/___", " of 21 December 2010", " and", ", ", "Ibid.", " vols. 1", " No. 2",
     " (2001)", " A", " B", "Treaty Series", " of the Commission", "S-30/1", " A/RES/", "E/CN.15/", "Conference of the Parties to the Convention"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30))
def test_never_raises_on_citation_like_text(parts: list[str]) -> None:
    extractor = CitationExtractor(GA)
    text = "".join(parts)
    for location in ("para_1", "fn_1", "fn_2"):
        for cited in extractor.extract(text, location):
            assert not (cited.placeholder and (cited.symbol or cited.date))


def test_undated_list_across_hard_line_breaks_in_the_official_pdf() -> None:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(CORPUS / "A_RES_73_8.pdf")[1].get_textpage().get_text_range().replace("\r\n", "\n")
    start = page.index("Concerned that, since the adoption")
    paragraph_text = page[start : page.index("countries,", start) + len("countries,")]
    found = CitationExtractor(GA).extract(paragraph_text, "preamble__para_8")
    assert len(found) == 26
    assert found[0].number == "47/19" and found[-1].number == "72/4"
    assert "71/5" in numbers(found)
    assert all(c.date is None and c.body == GA and c.symbol == f"A/RES/{c.number}" for c in found)


def test_footnote_text_that_keeps_its_marker() -> None:
    extractor = CitationExtractor(GA)
    extractor.extract("1 United Nations, Treaty Series, vol. 2225, No. 39574.", "fn_1")
    [treaty] = extractor.extract("2 Ibid., vol. 2237.", "fn_2")
    assert treaty.unts_volumes == ["2237"]
    [seen] = extractor.extract("[^3]: See resolution 70/1.", "fn_3")
    assert (seen.number, seen.relation) == ("70/1", "see")


def test_document_body_as_printed_in_the_opening_formula() -> None:
    [cited] = CitationExtractor("The General Assembly,").extract("Recalling its resolution 70/1,", "p")
    assert (cited.body, cited.symbol) == (GA, "A/RES/70/1")
    [other] = CitationExtractor("the Governing Council,").extract("Recalling its decision 27/2,", "p")
    assert (other.body, other.symbol) == ("Governing Council", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Recalling that the Human Rights Council, in its resolution 6/15 of 28 September 2007,",
            [("Human Rights Council", "6/15", "A/HRC/RES/6/15", "2007-09-28")],
        ),
        (
            "Recalling the Universal Declaration of Human Rights, adopted in resolution 217 A (III) of 10 December 1948,",
            [(GA, "217 A (III)", "A/RES/217(III)", "1948-12-10")],
        ),
        (
            "Welcoming Governing Council decision 27/2 and United Nations Environment Assembly resolution 4/1,",
            [("Governing Council", "27/2", None, None), ("United Nations Environment Assembly", "4/1", None, None)],
        ),
        (
            "Recalling Commission on Narcotic Drugs resolution 61/2 and Statistical Commission decision 48/101,",
            [("Commission on Narcotic Drugs", "61/2", None, None), ("Statistical Commission", "48/101", None, None)],
        ),
        (  # E/RES/2022/24: a body the table does not know, named after the number
            "Taking note of decision 11/101, adopted by the Committee of Experts at its eleventh session,",
            [("Committee of Experts", "11/101", None, None)],
        ),
        (  # A/RES/78/324
            "Taking note of decision 13/1 of the Open-ended Working Group on Ageing,",
            [("Open-ended Working Group on Ageing", "13/1", None, None)],
        ),
        (  # E/RES/2021/2: whose "its", named before the date of the adoption
            "Recalls the adoption by the Economic Commission for Latin America and the Caribbean on 16 May 1998 of its "
            "resolution 574 (XXVII), in which the Commission called for",
            [("Economic Commission for Latin America and the Caribbean", "574 (XXVII)", None, None)],
        ),
        (  # its number has the Council's shape, but the Board's decisions are numbered so too
            "Recalling decision 2019/5 of the Executive Board,",
            [("Executive Board", "2019/5", None, None)],
        ),
    ],
)
def test_bodies_named_around_the_citation(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    found = CitationExtractor(GA).extract(text, "p")
    assert [(c.body, c.number, c.symbol, c.date) for c in found] == expected


def test_parts_past_k_of_the_assemblys_omnibus_resolutions() -> None:
    """"55/33 V", "56/24 M": the disarmament resolutions are adopted in parts lettered far past K;
    a list of them goes on after each part's letter."""
    found = CitationExtractor(GA).extract(
        "Recalling its resolutions 54/54 B of 1 December 1999, 55/33 V of 20 November 2000, "
        "56/24 M of 29 November 2001, 57/74 of 22 November 2002 and 76/26 of 6 December 2021,", "p")
    assert [(c.number, c.date) for c in found] == [
        ("54/54 B", "1999-12-01"), ("55/33 V", "2000-11-20"), ("56/24 M", "2001-11-29"),
        ("57/74", "2002-11-22"), ("76/26", "2021-12-06")]
    assert numbers(CitationExtractor(GA).extract("its resolution 70/1 United Nations", "p")) == ["70/1"]
    ranged = CitationExtractor(GA).extract("Recalling its resolutions 76/247 A to C, of 24 December 2021, and", "p")  # A/RES/77/4
    assert numbers(ranged) == ["76/247 A", "76/247 B", "76/247 C"]


def test_a_joint_documents_two_symbols() -> None:
    """"See A/70/95-S/2015/446": one report issued to both organs, cited under both symbols; a
    symbol glued to a word by its hyphen is none."""
    found = CitationExtractor(GA).extract("See A/70/95-S/2015/446.", "fn_1")
    assert [(c.type, c.symbol) for c in found] == [("document", "A/70/95"), ("document", "S/2015/446")]
    assert CitationExtractor(GA).extract("the Pre-S/2015/1 text", "p") == []


def test_a_list_of_resolutions_goes_on_after_words_of_its_own_and_a_lost_comma() -> None:
    """A/RES/77/79, 77/77 and 77/46 as the UN prints them: "63/71 of 2 December 2008 on the
    Convention on Cluster Munitions and 70/54 of 7 December 2015, …"; "… of 5 December 2016 ⏎
    73/66 of 5 December 2018" (the comma lost); "53/77 AA" (the part after Z). Only a number with
    its date goes on a list: "decision 76/5 of 3 May 2022 and 77/1 of 5 June 2023" stays decisions."""
    extract = CitationExtractor(GA).extract
    found = extract("Recalling its resolutions 63/71 of 2 December 2008 on the Convention on Cluster Munitions and "
                    "70/54 of 7 December 2015, 71/45 of 5 December 2016 and 76/47 of 6 December 2021 on the implementation", "p")
    assert [(c.type, c.number, c.date) for c in found] == [
        ("resolution", "63/71", "2008-12-02"), ("resolution", "70/54", "2015-12-07"),
        ("resolution", "71/45", "2016-12-05"), ("resolution", "76/47", "2021-12-06")]
    assert numbers(extract("its resolutions 71/66 of 5 December 2016 73/66 of 5 December 2018 and 75/70 of 7 December 2020,", "p")) == [
        "71/66", "73/66", "75/70"]
    assert numbers(extract("its resolutions 49/75 I of 15 December 1994, 53/77 AA of 4 December 1998,", "p")) == ["49/75 I", "53/77 AA"]
    mixed = extract("its resolution 70/1 of 25 September 2015 and decision 76/5 of 3 May 2022 and 77/1 of 5 June 2023", "p")
    assert [(c.type, c.number) for c in mixed] == [("resolution", "70/1"), ("decision", "76/5"), ("decision", "77/1")]
    assert numbers(extract("its resolution 70/1 and the 2 reports of 5 June 2023", "p")) == ["70/1"]


def test_a_list_of_the_council_s_resolutions_goes_on_after_a_date_without_its_year() -> None:
    """S/RES/445 (1979): "resolutions 253 (1968) of 29 May 1968, 403 (1977) of 14 January and 411
    (1977) of 30 June 1977, …": the list goes on after "of 14 January" (no year, so no date the
    list reads) at the next number with its date, in the Council's numbering as in the Assembly's
    and after a number between two dates without their year ("424 (1978) of 17 March": the
    Council's numbers carry their year)."""
    found = CitationExtractor("Security Council").extract(
        "Recalling its resolutions 253 (1968) of 29 May 1968, 403 (1977) of 14 January and 411 (1977) "
        "of 30 June 1977, 423 (1978) of 14 March, 424 (1978) of 17 March and 437 (1978) of 10 October 1978,", "p")
    assert numbers(found) == ["253 (1968)", "403 (1977)", "411 (1977)", "423 (1978)", "424 (1978)", "437 (1978)"]


@pytest.mark.parametrize(
    "note",
    [
        "See Official Records of the Economic and Social Council, 2015, Supplement No. 7 (E/2015/27), chap. I, sect. C, "
        "resolution 59/1, annex.",  # E/RES/2021/5: the Commission's resolution in its report
        "A/56/1026-S/2002/932, annex II, resolution 14/221.",  # in the notes of a dozen GA and ECOSOC texts
        "Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 8 (A/77/8), annex, decision 19/1.",
    ],
)
def test_a_resolution_a_document_holds_is_not_the_citing_organs(note: str) -> None:
    """A number printed as a part of a document cited just before ("(E/2015/27), chap. I, sect. C,
    resolution 59/1") is a text of whoever wrote that document: not the General Assembly's 59/1
    (a resolution of 2004 on another subject), nor the Council's. The document is the citation."""
    for body in (GA, "Economic and Social Council"):
        found = CitationExtractor(body).extract(note, "fn_1")
        assert found and {c.type for c in found} == {"document"}, (body, [(c.type, c.symbol) for c in found])


def test_a_number_of_an_organ_s_own_shape_in_a_document_is_still_read() -> None:
    """Where the number's shape names its organ, the document holding it does not hide it."""
    found = CitationExtractor(GA).extract("Official Records of the Security Council, Supplement (S/2001/1), annex, resolution "
                                          "1373 (2001).", "fn_1")
    assert [c.symbol for c in found] == ["S/2001/1", "S/RES/1373 (2001)"]


def test_its_early_resolution_is_the_council_s_own_in_a_council_text() -> None:
    """Before 1978 the Economic and Social Council numbered its resolutions as the Assembly did, the
    session in Roman numerals: "its resolution 8 (I)" in a Council text (E/RES/2022/3) is
    E/RES/8(I), not the Assembly's 8 (I). The Security Council never numbered so: "its resolution
    3292 (XXIX)" in one of its texts speaks of the Assembly's, named further back."""
    ecosoc = CitationExtractor("Economic and Social Council")
    found = ecosoc.extract("Reaffirming its resolution 8 (I) of 16 February 1946 and its decision 281 (LXIII),", "p")
    assert [(c.body, c.symbol) for c in found] == [("Economic and Social Council", "E/RES/8(I)"),
                                                   ("Economic and Social Council", "E/DEC/281(LXIII)")]
    found = ecosoc.extract("Recalling General Assembly resolution 2200 A (XXI),", "p")
    assert [c.symbol for c in found] == ["A/RES/2200(XXI)"]
    found = CitationExtractor("Security Council").extract("Recalling its resolution 3292 (XXIX),", "p")
    assert [c.symbol for c in found] == ["A/RES/3292(XXIX)"]


def test_a_decision_numbered_outside_the_assembly_s_range_is_not_the_assembly_s() -> None:
    """The Assembly numbers its decisions from 401 in each session ("77/511"): "its decisions 20/1
    and 20/2 adopted during its twentieth session" in an Assembly text (A/RES/77/185) are the
    High-level Committee's, "decision 15/4" a conference's. Their organ is left unknown (no
    A/DEC/20/1 link to a decision that does not exist); the Assembly's own numbers are its."""
    ga = CitationExtractor(GA)
    found = ga.extract("Reaffirms its support for the High-level Committee on South-South Cooperation, recalls its "
                       "decisions 20/1 and 20/2 adopted during its twentieth session,", "para_3")
    assert [(c.number, c.body, c.symbol) for c in found] == [("20/1", None, None), ("20/2", None, None)]
    found = ga.extract("Recalling its decision 77/511 of 9 December 2022 and decision ES-10/1,", "p")
    assert [c.symbol for c in found] == ["A/DEC/77/511", "A/DEC/ES-10/1"]



def test_a_commission_on_human_rights_resolution_has_its_symbol() -> None:
    """The Commission on Human Rights (until 2006) numbered by year, as ECOSOC does: its resolutions
    are E/CN.4/RES/…, named before the number or as "the Commission … in its resolution"; a bare
    "resolution 2005/74" stays the Council's, whose numbers have that shape."""
    text = ("Recalling Commission on Human Rights resolutions 2004/16 of 15 April 2004 and 2005/5 of 14 April 2005, "
            "and the mandate as established by the Commission on Human Rights in its resolution 1998/72,")
    cited = CitationExtractor(GA).extract(text, "p")
    assert [(c.number, c.body, c.symbol) for c in cited] == [
        ("2004/16", "Commission on Human Rights", "E/CN.4/RES/2004/16"),
        ("2005/5", "Commission on Human Rights", "E/CN.4/RES/2005/5"),
        ("1998/72", "Commission on Human Rights", "E/CN.4/RES/1998/72")]
    [bare] = CitationExtractor(GA).extract("Recalling resolution 2005/74,", "p")
    assert (bare.body, bare.symbol) == ("Economic and Social Council", "E/RES/2005/74")


def test_an_environment_assembly_resolution_is_the_assembly_s_not_the_general_assembly_s() -> None:
    """"its resolution 5/8" after the United Nations Environment Assembly (A/RES/77/161) had been read as
    the General Assembly's resolution 5/8 of 1950 (A/RES/5/8)."""
    text = ("Recalling United Nations Environment Assembly resolutions 5/7 and 5/8 of 2 March 2022, "
            "and welcoming the decision of the Environment Assembly in its resolution 5/14,")
    from lod.bodies import find_key

    cited = CitationExtractor(GA).extract(text, "p")
    assert [(c.number, find_key(c.body), c.symbol) for c in cited] == [("5/7", "unea", None), ("5/8", "unea", None), ("5/14", "unea", None)]


def test_council_resolutions_in_an_assembly_text_are_the_council_s_named_before() -> None:
    """A/RES/72/181 (../shared ga-docx): "… in the Human Rights Council, including its universal periodic review
    mechanism, … in accordance with Council resolutions 5/1 and 5/2 of 18 June 2007" had been read as the
    General Assembly's resolutions 5/1 and 5/2 of 1950."""
    text = ("Recognizes the role played by national institutions in the Human Rights Council, including its universal "
            "periodic review mechanism, in accordance with Council resolutions 5/1 and 5/2 of 18 June 2007;")
    cited = CitationExtractor(GA).extract(text, "p")
    assert [(c.number, c.symbol) for c in cited] == [("5/1", "A/HRC/RES/5/1"), ("5/2", "A/HRC/RES/5/2")]
    security = CitationExtractor(GA).extract("Welcoming the Security Council's work and Council resolution 1325 (2000),", "p")
    assert [(c.number, c.symbol) for c in security] == [("1325 (2000)", "S/RES/1325 (2000)")]


@pytest.mark.parametrize(("organ", "text", "symbol"), [
    # E/RES/2023/7: "section I of Assembly resolution" had made a body "I of Assembly"
    ("Economic and Social Council", "Recalling also section I of Assembly resolution 64/260 of 29 March 2010,", "A/RES/64/260"),
    ("General Assembly", "as set out in annex II to Assembly resolution 78/128,", "A/RES/78/128"),  # decision 79/558
    ("Security Council", "Recalling part D of Council resolution 39 (1948),", "S/RES/39 (1948)"),  # S/RES/51 (1948)
    # E/RES/2022/3: another thing named before the organ's short name
    ("Economic and Social Council", "the Fundamental Principles of Official Statistics and Council resolution 2006/6,",
     "E/RES/2006/6"),
])
def test_a_part_of_the_text_before_the_organ_s_short_name_is_no_body(organ: str, text: str, symbol: str) -> None:
    [cited] = CitationExtractor(organ).extract(text, "p")
    assert cited.symbol == symbol


def test_the_trusteeship_council_is_an_organ_of_the_table() -> None:
    """S/RES/683 (1990) cites "Trusteeship Council resolution 2183 (LIII)": the Charter's organ, not an unknown body."""
    from lod.bodies import find_key

    [cited] = CitationExtractor("Security Council").extract("Recalling Trusteeship Council resolution 2183 (LIII),", "p")
    assert find_key(cited.body) == "tc"


def test_decisions_of_the_conference_of_the_parties_to_the_convention_on_biological_diversity() -> None:
    """A/RES/77/167, A/C.2/80/L.36 (held out): "decision 15/4 of the Conference of the Parties to the Convention on
    Biological Diversity", then "decisions 15/10 and 16/4 of the Conference of the Parties to the Convention": the
    conference of the table, as the Conventions against Corruption and Transnational Organized Crime's are."""
    from lod.bodies import find_key

    extractor = CitationExtractor(GA)
    first = extractor.extract("Recalling decision 14/17 of the Conference of the Parties to the Convention on Biological "
                              "Diversity,", "preamble__para_1")
    later = extractor.extract("Takes note of decisions 15/10 and 16/4 of the Conference of the Parties to the Convention,", "para_1")
    assert [(c.number, find_key(c.body)) for c in first + later] == [("14/17", "cop-cbd"), ("15/10", "cop-cbd"), ("16/4", "cop-cbd")]


def test_the_asia_pacific_commission_s_resolutions_have_its_symbol() -> None:
    """ESCAP's resolutions are issued as E/ESCAP/RES/72/7 (the UN's own links in A/RES/77/171): the
    symbol reads back to the Commission and its number, and its resolutions cited by name get it; a
    bare "72/7" stays the Assembly's (the Commission is always named)."""
    from lod.symbols import parse_symbol

    info = parse_symbol("E/ESCAP/RES/72/7")
    assert (info.kind, info.body, info.number) == ("resolution", "escap", "72/7")
    [noted] = CitationExtractor(GA).extract(
        "Taking note of the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-second "
        "session, of resolution 72/7 of 19 May 2016 on regional cooperation to combat sand and dust storms,", "preamble__para_9")
    assert (noted.body, noted.symbol) == ("Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/72/7")
    [bare] = CitationExtractor(GA).extract("Recalling its resolution 72/7,", "preamble__para_1")
    assert bare.symbol == "A/RES/72/7"


@needs_real
def test_a_link_to_an_escap_resolution_is_the_citation_the_text_prints() -> None:
    from lod.parse import parse_file

    res = parse_file(REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English" / "A_RES_77_171-2228789E.xml")
    assert [(c.type, c.symbol) for c in res.citations if "72/7" in (c.symbol or "")] == [("resolution", "E/ESCAP/RES/72/7")]
