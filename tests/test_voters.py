"""Each State's vote where a printed text names it (lod.parse.voters through lod.parse.closing):
the Security Council volumes' parentheses and notes, the Human Rights Council's bracketed record;
checked on the printed shapes, on the Council's texts in ../shared and through RDF and SHACL."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file, parse_text
from lod.parse.closing import parse_closing
from lod.parse.voters import names_in

SC = REAL / "sc"
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
needs_sc = pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)


def votes(line: str) -> list[tuple[str, str, str | None]]:
    closing = parse_closing(line)
    assert closing is not None and closing.voting is not None
    return [(v.state, v.choice, v.iso3) for v in closing.voting.votes]


@pytest.mark.parametrize(("line", "expected"), [
    ("Adopted at the 219th meeting by 7 votes to 1 (Poland), with 3 abstentions (Colombia, Syria, Union of "
     "Soviet Socialist Republics).",
     [("Poland", "no", "POL"), ("Colombia", "abstention", "COL"), ("Syria", "abstention", "SYR"),
      ("Union of Soviet Socialist Republics", "abstention", "RUS")]),
    ("Adopted at the 30th meeting by 9 votes (Australia, present and not voting; Union of Soviet Socialist "
     "Republics, absent).",
     [("Australia", "non-voting", "AUS"), ("Union of Soviet Socialist Republics", "non-voting", "RUS")]),
    ("Adopted at the 1747th meeting by 14 votes to none.27\n\n27 One member (China) did not participate in the voting.",
     [("China", "non-voting", "CHN")]),
    ("Adopted at the 2500th meeting by 13 votes to 1 against (Pakistan), with 1 abstention (Jordan).",
     [("Pakistan", "no", "PAK"), ("Jordan", "abstention", "JOR")]),
    # a name over three lines with an OCR comma inside it; a dash the re-typing left in the list
    ("Adopted at the 1598th meeting by 13 votes to none,\nwith 2 abstentions (France,\nUnited Kingdom of Great\n"
     "Britain and Northern, Ireland).",
     [("France", "abstention", "FRA"), ("United Kingdom of Great Britain and Northern Ireland", "abstention", "GBR")]),
    ("Adopted at the 2240th meeting by 12 votes to none, with 3 abstentions (France, United Kingdom of Great "
     "Britain and Northern Ireland, — United States of America).",
     [("France", "abstention", "FRA"), ("United Kingdom of Great Britain and Northern Ireland", "abstention", "GBR"),
      ("United States of America", "abstention", "USA")]),
    # the alphabetical form of a name, and a State no Member State continues (kept, not resolved)
    ("Adopted at the 2082nd meeting by 10 votes to none, with 5 abstentions (Canada, Germany, Federal Republic "
     "of, German Democratic Republic, Czechoslovakia, United Arab Republic).",
     [("Canada", "abstention", "CAN"), ("Germany, Federal Republic of", "abstention", "DEU"),
      ("German Democratic Republic", "abstention", None), ("Czechoslovakia", "abstention", None),
      ("United Arab Republic", "abstention", "EGY")]),
    ("Adopted unanimously at the 1234th meeting.", []),
])
def test_the_states_a_council_closing_sentence_names(line: str, expected: list) -> None:
    assert votes(line) == expected


def test_a_human_rights_council_record_with_a_page_break_inside_its_lists() -> None:
    record = (
        "2nd meeting\n4 March 2022\n"
        "[Adopted by a recorded vote of 4 to 2, with 3 abstentions. The voting was as\nfollows:\n"
        "In favour:\nArgentina, Bolivia (Plurinational State of), Côte d’Ivoire, United Kingdom of Great\n"
        "Britain and Northern Ireland\nAgainst:\nEritrea, Venezuela (Bolivarian\n"
        "GE.22-05127                                                            3\n"
        "A/HRC/RES/49/1\n"
        "Republic of)\nAbstaining:\nChina, Cuba and Namibia]\n"
    )
    closing = parse_closing(record)
    assert closing is not None and closing.voting is not None
    v = closing.voting
    assert (v.outcome, v.yes, v.no, v.abstention) == ("adopted-recorded-vote", 4, 2, 3)
    assert [(x.state, x.choice, x.iso3) for x in v.votes] == [
        ("Argentina", "yes", "ARG"), ("Bolivia (Plurinational State of)", "yes", "BOL"),
        ("Côte d’Ivoire", "yes", "CIV"), ("United Kingdom of Great Britain and Northern Ireland", "yes", "GBR"),
        ("Eritrea", "no", "ERI"), ("Venezuela (Bolivarian Republic of)", "no", "VEN"),
        ("China", "abstention", "CHN"), ("Cuba", "abstention", "CUB"), ("Namibia", "abstention", "NAM")]


@pytest.mark.parametrize(("record", "outcome", "counts"), [
    ("[Adopted without a vote.]", "adopted-without-vote", (None, None, None)),
    ("[Adopted, as orally revised, without a vote.]", "adopted-without-vote", (None, None, None)),
    ("[Adopted, as orally revised, by a recorded vote of 23 to 19, with 5 abstentions.]", "adopted-recorded-vote",
     (23, 19, 5)),
    ("[Adopted by a recorded vote of 46 to none, with no abstentions.]", "adopted-recorded-vote", (46, 0, 0)),
])
def test_the_bracketed_record_without_lists(record: str, outcome: str, counts: tuple) -> None:
    closing = parse_closing(f"53rd meeting\n4 April 2023\n{record}")
    assert closing is not None and closing.voting is not None
    v = closing.voting
    assert (v.outcome, (v.yes, v.no, v.abstention), v.votes) == (outcome, counts, [])


def test_what_cannot_be_a_name_is_not_a_voter() -> None:
    assert names_in("Eritrea, 3/12 23-04567, Russian Federation, 53rd meeting") == ["Eritrea", "Russian Federation"]
    assert names_in("Bosnia and Herzegovina, Colombia and Syria") == ["Bosnia and Herzegovina", "Colombia", "Syria"]


def test_the_human_rights_council_resolution_reads_each_states_vote() -> None:
    res = parse_file(UNSEEN / "hrc_res_49_1_vote.txt")
    v = res.voting
    assert v is not None and (v.outcome, v.yes, v.no, v.abstention) == ("adopted-recorded-vote", 32, 2, 13)
    by_choice = Counter(x.choice for x in v.votes)
    # the test file lists 27 of the 32 in favour: the counts and the lists are both kept as printed
    assert by_choice == {"yes": 27, "no": 2, "abstention": 13}
    assert all(x.iso3 for x in v.votes) and [x.iso3 for x in v.votes if x.choice == "no"] == ["ERI", "RUS"]
    assert not any("voter" in w for w in res.warnings)


@needs_sc
def test_the_security_councils_volumes_name_who_abstained_voted_against_or_did_not_vote() -> None:
    """Where the volume names the States behind a count, as many are read as the count says, and
    each resolves to its State but for States no Member State continues and OCR's misspellings."""
    named = 0
    disagree: list[str] = []
    unresolved: Counter[str] = Counter()
    choices: Counter[str] = Counter()
    for path in sorted(SC.iterdir()):
        res = parse_file(path)
        if res.voting is None or not res.voting.votes:
            continue
        named += 1
        found = Counter(v.choice for v in res.voting.votes)
        choices.update(found)
        for choice, printed in (("no", res.voting.no), ("abstention", res.voting.abstention)):
            if found[choice] and printed is not None and found[choice] != printed:
                disagree.append(path.name)
        unresolved.update(v.state for v in res.voting.votes if v.iso3 is None)
        assert [w for w in res.warnings if w.startswith("voter")] == [
            f"voter not recognised as a State: {v.state}" for v in res.voting.votes if v.iso3 is None]
    assert named >= 290 and disagree == []
    assert choices["abstention"] >= 480 and choices["no"] >= 35 and choices["non-voting"] >= 80, choices
    without_successor = {"Czechoslovakia", "Yugoslavia", "German Democratic Republic"}
    assert sum(unresolved.values()) <= 35 and len(set(unresolved) - without_successor) <= 4, unresolved


@needs_sc
def test_a_councils_votes_are_published_and_conform() -> None:
    """S/RES/191 (1964): three abstentions, one by a State no Member State continues: the two
    States are the voters, Czechoslovakia a name marked unresolved, and the graph conforms."""
    from lod.rdf import WorkRegistry, resolution_graph
    from lod.rdf.namespaces import UNRES
    from lod.validate import validate

    res = parse_file(SC / "S_RES_0191_1964_EN_GOLD.txt")
    base = "https://example.org"
    registry = WorkRegistry(base=base)
    registry.add(res)
    graph = resolution_graph(res, registry, base)
    assert validate(graph, res.source).conforms
    voters = sorted(str(o).rsplit("/", 1)[-1] for o in graph.objects(None, UNRES.voter))
    unresolved = [str(graph.value(v, UNRES.voterName)) for v in graph.subjects(UNRES.unresolved, None)
                  if (v, UNRES.voteChoice, None) in graph]
    assert (voters, unresolved) == (["FRA", "RUS"], ["Czechoslovakia"])


def test_a_decision_says_how_it_was_adopted_and_a_state_printed_twice_keeps_its_first_vote() -> None:
    """The Council's decisions print the same record as its resolutions (a universal periodic
    review's outcome: "[Adopted without a vote.]"); a State printed in two lists would give a vote
    two choices, which the shapes refuse: the first is kept and the warning says so."""
    from lod.parse import parse_text

    head = ("United Nations A/HRC/DEC/52/101\nGeneral Assembly Distr.: General\n12 April 2023\n\nHuman Rights Council\n"
            "Fifty-second session\nAgenda item 6\nUniversal periodic review\n\n"
            "Decision adopted by the Human Rights Council on 30 March 2023\n\n"
            "52/101. Outcome of the universal periodic review: Belgium\n\nThe Human Rights Council,\n\n"
            "Having conducted the review of Belgium on 9 November 2022,\n\n"
            "Decides to adopt the outcome of the universal periodic review of Belgium.\n\n43rd meeting\n30 March 2023\n")
    decision = parse_text(head + "[Adopted without a vote.]\n", source="upr.txt")
    assert (decision.kind, decision.meeting) == ("decision", "43rd meeting")
    assert decision.voting is not None and decision.voting.outcome == "adopted-without-vote"
    voted = parse_text(head + "[Adopted by a recorded vote of 2 to 1, with 0 abstentions. The voting was as follows:\n"
                       "In favour:\nArmenia, Benin\nAgainst:\nArmenia\n]\n", source="upr.txt")
    assert voted.voting is not None
    assert [(v.iso3, v.choice) for v in voted.voting.votes] == [("ARM", "yes"), ("BEN", "yes")]
    assert "voter named twice, as yes and as no: Armenia (the first kept)" in voted.warnings


@needs_sc
def test_the_example_question_counts_each_states_abstentions_as_the_models_do() -> None:
    """The query page's question over the Council's resolutions of 1960–1969 in ../shared: per
    State and choice, as many resolutions as the models name it for."""
    from lod.rdf.examples import COUNCIL_ABSTENTIONS
    from stores import store_of

    documents = [parse_file(p) for p in sorted(SC.glob("S_RES_*_196?_EN_GOLD.txt"))]
    store = store_of(*documents)
    answered = {(row[0].value.rsplit("/", 1)[-1], row[2].value): int(row[3].value)
                for row in store.query(COUNCIL_ABSTENTIONS.query)}
    expected: Counter[tuple[str, str]] = Counter()
    for res in documents:
        for v in {(v.iso3, v.choice) for v in (res.voting.votes if res.voting else []) if v.iso3}:
            expected[(v[0], {"no": "No", "abstention": "Abstention", "non-voting": "NonVoting"}[v[1]])] += 1
    assert answered == dict(expected) and expected[("FRA", "Abstention")] >= 10


@pytest.mark.parametrize("shape", ["as printed", "as orally revised", "brackets escaped", "revised without a vote"])
def test_the_record_under_the_last_paragraph_is_never_read_into_it(shape: str) -> None:
    """The record's lists ("In favour: …") are no part of the last paragraph, however the record
    opens: "[Adopted, as orally revised, by a recorded vote …", or "\\[Adopted …\\]" as a Markdown
    export escapes its brackets."""
    text = (UNSEEN / "hrc_res_49_1_vote.txt").read_text(encoding="utf-8")
    text = {
        "as printed": text,
        "as orally revised": text.replace("[Adopted by", "[Adopted, as orally revised, by"),
        "brackets escaped": text.replace("[Adopted", "\\[Adopted").replace("of)]", "of)\\]"),
        "revised without a vote": text[: text.index("[Adopted")] + "[Adopted, as orally revised, without a vote.]\n",
    }[shape]
    res = parse_text(text, source="hrc.txt")
    assert res.operative[-1].text == "Requests the Secretary-General to provide all the resources necessary to fulfil the mandate."
    assert res.voting is not None
    expected = ("adopted-without-vote", 0) if shape == "revised without a vote" else ("adopted-recorded-vote", 42)
    assert (res.voting.outcome, len(res.voting.votes)) == expected
