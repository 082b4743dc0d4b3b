"""What a careful reader finds in each real document of corpus/ (values counted by reading them)."""

from __future__ import annotations


import pytest

from lod.model import Resolution
from lod.parse import parse_file

from corpora import CORPUS, needs_shared  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> dict[str, Resolution]:
    return {p.name: parse_file(p) for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".pdf") and p.name != "README.md"}


def verbs(paragraphs: list) -> list[str | None]:
    return [p.verb for p in paragraphs]


# --- 000: page 12 of A/RES/70/174 (Doha Declaration) ------------------------------------------
def test_000_page_extract_metadata(docs: dict[str, Resolution]) -> None:
    r = docs["000_b2f48f3f43e47248.txt"]
    assert (r.layout, r.kind, r.symbol, r.number, r.body) == (
        "plain-extract", "extract", "A/RES/70/174", "70/174", "General Assembly")
    assert r.title == "Thirteenth United Nations Congress on Crime Prevention and Criminal Justice"
    assert r.preamble == [] and r.footnotes == []


def test_000_starts_mid_point_and_ends_mid_sentence(docs: dict[str, Resolution]) -> None:
    r = docs["000_b2f48f3f43e47248.txt"]
    first, ninth = r.operative
    assert first.num is None and first.continued and first.eid == "para_u1"
    assert first.intro == ("trafficking and related criminal activities, and to take steps to reduce the violence "
                           "that accompanies drug trafficking;")
    assert [s.num for s in first.subparagraphs] == ["m", "n"]
    assert first.subparagraphs[1].text.endswith("based on inputs received from Member States.")
    assert first.subparagraphs[0].eid == "para_u1__list_1__point_m"
    assert not first.truncated
    assert ninth.num == "9" and ninth.verb == "We endeavour" and ninth.eid == "para_9"
    assert ninth.intro.endswith("Therefore, we strive:")
    assert [s.num for s in ninth.subparagraphs] == ["a", "b", "c"]
    assert ninth.subparagraphs[2].eid == "para_9__list_1__point_c"
    assert ninth.truncated and ninth.text.endswith("to address such crime, to")
    assert "12/16" not in ninth.text and "Thirteenth United Nations Congress" not in first.text


# --- 003: page 11 of A/RES/65/230 (Salvador Declaration) ----------------------------------------
def test_003_paragraphs_41_to_49(docs: dict[str, Resolution]) -> None:
    r = docs["003_5f0c7ad5381111d8.txt"]
    assert (r.kind, r.symbol, r.number, r.title) == ("extract", "A/RES/65/230", "65/230", None)
    assert [p.num for p in r.operative] == [str(n) for n in range(41, 50)]
    assert [r.operative[i].verb for i in (0, 1, 2, 3, 6, 7)] == [
        "We recommend", "We invite", "We endeavour", "We undertake", "We acknowledge", "We recognize"]
    assert not any(p.continued or p.truncated for p in r.operative)
    assert r.operative[-1].text.endswith("on possible next steps.")
    assert r.operative[2].text.endswith("other relevant United Nations entities.")


# --- 001: revised draft, Third Committee, 73rd session --------------------------------------------
def test_001_metadata(docs: dict[str, Resolution]) -> None:
    r = docs["001_a434e5ae4ec07524.txt"]
    assert (r.kind, r.symbol, r.body, r.committee) == ("draft-resolution", None, "General Assembly", "Third Committee")
    assert (r.session, r.session_label, r.agenda_items, r.date) == (73, "Seventy-third session", ["109"], "2018-11-09")
    assert r.title == ("Strengthening the United Nations crime prevention and criminal justice programme, "
                       "in particular its technical cooperation capacity")
    assert r.language == "eng" and r.preamble_formula == "The General Assembly,"
    assert any("symbol" in w for w in r.warnings)
    assert len(r.sponsors) == 43
    assert r.sponsors[0].name == "Albania" and r.sponsors[-1].name == "Zimbabwe"


def test_001_preamble(docs: dict[str, Resolution]) -> None:
    r = docs["001_a434e5ae4ec07524.txt"]
    assert len(r.preamble) == 66
    assert [p.eid for p in r.preamble[:2]] == ["preamble__para_1", "preamble__para_2"]
    assert [r.preamble[i].verb for i in (0, 1, 2, 8, 18, 29, 39, 65)] == [
        "Reaffirming", "Reaffirming also", "Recalling", "Deeply concerned", "Bearing in mind",
        "Taking into consideration", "Taking note with appreciation", "Reaffirming"]
    assert r.preamble[1].footnote_refs == ["1", "2", "3", "4", "5"]
    # one paragraph although footnotes 1-5 are printed in its middle
    doha = r.preamble[2]
    assert "Rule of Law at the National and International Levels, and Public Participation, adopted by" in doha.text
    assert doha.footnote_refs == ["6"] and doha.text.endswith("Criminal Justice,")
    assert "[46/152](#)" not in r.preamble[0].text and "resolutions 46/152 of 18 December 1991" in r.preamble[0].text
    assert "Member States in the areas of crime prevention" in r.preamble[31].text


def test_001_operative(docs: dict[str, Resolution]) -> None:
    r = docs["001_a434e5ae4ec07524.txt"]
    assert [p.num for p in r.operative] == [str(n) for n in range(1, 64)]
    assert [r.operative[n - 1].verb for n in (1, 7, 14, 29, 38, 50, 52, 63)] == [
        "Takes note with appreciation", "Also welcomes", "Calls for", "Expresses concern", "Takes note",
        "Also calls upon", "Notes with appreciation", "Requests"]
    first = r.operative[0]
    assert first.text.startswith("Takes note with appreciation of the report") and "*" not in first.text
    assert first.footnote_refs == ["29"] and "²⁹" not in first.text and first.text.endswith("72/196;")
    assert r.operative[9].text.endswith("and calls upon States parties to give full effect to the resolutions adopted "
                                        "by those bodies, including providing information regarding compliance with the treaties;")
    assert r.operative[3].footnote_refs[:3] == ["1", "2", "3"]


def test_001_footnotes(docs: dict[str, Resolution]) -> None:
    r = docs["001_a434e5ae4ec07524.txt"]
    assert [f.marker for f in r.footnotes] == [str(n) for n in range(1, 34)]
    assert r.footnotes[0].text == "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
    assert r.footnotes[28].text == "A/73/131." and r.footnotes[28].eid == "fn_29"
    assert r.footnotes[1].text == "Ibid., vol. 976, No. 14152."


def test_001_citations_carry_locations(docs: dict[str, Resolution]) -> None:
    r = docs["001_a434e5ae4ec07524.txt"]
    eids = {p.eid for p in r.preamble} | {p.eid for p in r.operative} | {f.eid for f in r.footnotes}
    assert r.citations and all(c.location in eids for c in r.citations)
    assert any(c.number == "46/152" and c.location == "preamble__para_1" for c in r.citations)


# --- 004: CCPCJ draft for ECOSOC / GA -------------------------------------------------------------
def test_004_metadata(docs: dict[str, Resolution]) -> None:
    r = docs["004_a62735c9b0a34126.txt"]
    assert (r.kind, r.symbol, r.body) == ("draft-resolution", None, "Economic and Social Council")
    assert r.committee == "Commission on Crime Prevention and Criminal Justice"
    assert (r.session, r.session_label, r.agenda_items, r.date) == (28, "Twenty-eighth session", ["8"], "2019-04-23")
    assert r.title.startswith("Promoting technical assistance and capacity-building") and r.title.endswith("combat cybercrime")
    assert [s.name for s in r.sponsors] == ["Austria", "Canada", "Colombia"]
    assert r.preamble_formula == "The General Assembly,"


def test_004_paragraphs(docs: dict[str, Resolution]) -> None:
    r = docs["004_a62735c9b0a34126.txt"]
    assert len(r.preamble) == 11
    assert [r.preamble[i].verb for i in (0, 1, 6, 7, 8, 9)] == [
        "Recalling", "Reaffirming", "Noting with appreciation", "Highlighting", "Conscious", "Looking forward"]
    assert "noted the activities of the open-ended intergovernmental expert group" in r.preamble[2].text
    assert r.preamble[7].footnote_refs == ["1"]
    assert [p.num for p in r.operative] == [str(n) for n in range(1, 14)]
    assert [r.operative[i].verb for i in (0, 1, 4, 5)] == ["Welcomes with appreciation", "Notes", "Also urges", "Further urges"]
    tenth = r.operative[9]
    assert "Salvador Declaration on Comprehensive Strategies for Global Challenges" in tenth.text
    assert tenth.footnote_refs == ["2"]


def test_004_footnotes_including_star(docs: dict[str, Resolution]) -> None:
    r = docs["004_a62735c9b0a34126.txt"]
    assert [(f.marker, f.text) for f in r.footnotes] == [
        ("*", "E/CN.15/2019/1."),
        ("1", "United Nations, Treaty Series, vol. 2225, No. 39574."),
        ("2", "General Assembly resolution 65/230, annex."),
    ]
    assert len({f.eid for f in r.footnotes}) == 3


# --- A/C.6/80/L.2: raw PDF text of a Sixth Committee draft ----------------------------------------
@needs_shared
def test_l2(docs: dict[str, Resolution]) -> None:
    r = docs["A_C.6_80_L.2.txt"]
    assert (r.layout, r.kind, r.symbol, r.committee) == ("pdf-text", "draft-resolution", "A/C.6/80/L.2", "Sixth Committee")
    assert (r.session, r.agenda_items, r.date, r.body) == (80, ["175"], "2025-10-08", "General Assembly")
    assert [s.name for s in r.sponsors] == ["Argentina", "Brazil"]
    assert r.title == ("Observer status for the Brazilian-Argentine Agency for Accounting and Control of Nuclear "
                       "Materials in the General Assembly")
    assert [p.verb for p in r.preamble] == ["Wishing"]
    assert [(p.num, p.verb) for p in r.operative] == [("1", "Decides"), ("2", "Requests")]
    assert r.operative[0].text == ("Decides to invite the Brazilian Argentine Agency for Accounting and Control of "
                                   "Nuclear Materials to participate in the sessions and the work of the General "
                                   "Assembly in the capacity of observer;")


# --- A/RES/80/1: raw PDF text with front matter ---------------------------------------------------
@needs_shared
def test_80_1_metadata(docs: dict[str, Resolution]) -> None:
    r = docs["A_RES_80_1.txt"]
    assert (r.layout, r.kind, r.symbol, r.number) == ("pdf-text", "resolution", "A/RES/80/1", "80/1")
    assert (r.date, r.adoption_date, r.draft_symbol, r.report_symbol) == ("2025-09-19", "2025-09-19", "A/80/L.2/Rev.1", None)
    assert (r.session, r.agenda_items, r.meeting, r.language) == (80, ["7"], "3rd plenary meeting", "eng")
    assert r.title == "Participation by the State of Palestine during the eightieth session"


@needs_shared
def test_80_1_structure_across_page_break(docs: dict[str, Resolution]) -> None:
    r = docs["A_RES_80_1.txt"]
    assert verbs(r.preamble) == ["Expressing concern", "Regretting", "Taking note", "Recalling", "Recalling also"]
    assert r.preamble[0].footnote_refs == ["1"]
    assert "Headquarters of the United Nations are prevented" in r.preamble[0].text
    assert verbs(r.operative) == ["Decides", "Also decides", "Further decides"]
    decides = r.operative[0]
    assert decides.intro.endswith("in New York, that:")
    assert [s.num for s in decides.subparagraphs] == ["a", "b", "c"]
    assert decides.subparagraphs[0].text == (
        "The State of Palestine may submit a pre-recorded statement of its President, which will be played in the "
        "General Assembly Hall during the general debate of the Assembly at its eightieth session after introduction "
        "by its representative who is physically present in the Assembly Hall;")
    assert [(f.marker, f.text) for f in r.footnotes] == [("1", "See resolution 169 (II).")]


# --- A/RES/80/2: cleaned Markdown with inline footnote numbers ------------------------------------
@needs_shared
def test_80_2(docs: dict[str, Resolution]) -> None:
    r = docs["A_RES_80_2.md"]
    assert (r.layout, r.kind, r.symbol, r.number) == ("markdown", "resolution", "A/RES/80/2", "80/2")
    assert (r.report_symbol, r.committee, r.adoption_date, r.date) == ("A/80/401", "Fifth Committee", "2025-10-14", "2025-10-15")
    assert (r.meeting, r.session, r.agenda_items) == ("18th plenary meeting", 80, ["140"])
    assert verbs(r.preamble) == ["Having considered", "Reaffirming"]
    assert r.preamble[0].footnote_refs == ["1"] and r.preamble[0].text.endswith("eighty-fifth session,")
    assert verbs(r.operative) == ["Reaffirms", "Also reaffirms", "Requests", "Urges", "Agrees", "Decides"]
    assert r.operative[3].text.endswith("that may be necessary;")
    assert r.operative[3].footnote_refs == [] and "Article 19 of the Charter" in r.operative[3].text
    assert r.footnotes[0].text == "Official Records of the General Assembly, Eightieth Session, Supplement No. 11 (A/80/11)."


# --- A/RES/73/8: the official PDF ------------------------------------------------------------------
@needs_shared
def test_73_8_pdf(docs: dict[str, Resolution]) -> None:
    r = docs["A_RES_73_8.pdf"]
    assert (r.layout, r.kind, r.symbol, r.number, r.body) == ("pdf", "resolution", "A/RES/73/8", "73/8", "General Assembly")
    assert (r.date, r.adoption_date, r.draft_symbol) == ("2018-11-05", "2018-11-01", "A/73/L.3")
    assert (r.session, r.agenda_items, r.meeting) == (73, ["43"], "30th plenary meeting")
    assert r.title == ("Necessity of ending the economic, commercial and financial embargo imposed by the United "
                       "States of America against Cuba")
    assert verbs(r.preamble) == ["Determined", "Reaffirming", "Recalling", "Concerned", "Taking note", "Recalling",
                                 "Recalling also", "Concerned"]
    recalling = r.preamble[5].text
    assert "57/11 of 12 November 2002, 58/7 of 4 November 2003" in recalling
    assert "Necessity of ending" not in recalling and "2/2" not in recalling
    assert "Helms-Burton Act" in r.preamble[3].text
    # the italic span as printed in the PDF (the AKN4UN verb phrase), not the lexicon's first word
    assert verbs(r.operative) == ["Takes note", "Reiterates its call upon", "Once again urges", "Requests", "Decides"]
    assert r.operative[0].footnote_refs == ["1"] and r.operative[0].text.endswith("resolution 72/4;")
    assert [(f.marker, f.text, f.eid) for f in r.footnotes] == [("1", "A/73/85.", "fn_1")]
    assert any(c.number == "47/19" and c.location == "preamble__para_6" for c in r.citations)


def test_every_eid_is_unique(docs: dict[str, Resolution]) -> None:
    for name, r in docs.items():
        eids = [p.eid for p in r.preamble] + [f.eid for f in r.footnotes]
        for para in r.operative + [p for a in r.annexes for p in a.paragraphs]:
            eids.append(para.eid)
            stack = list(para.subparagraphs)
            while stack:
                point = stack.pop()
                eids.append(point.eid)
                stack.extend(point.subparagraphs)
        assert all(eids) and len(eids) == len(set(eids)), name


def test_json_round_trip(docs: dict[str, Resolution]) -> None:
    import json

    for name, r in docs.items():
        data = json.loads(json.dumps(r.to_json()))
        assert Resolution.from_json(data).to_json() == data, name
        assert r.source == name
