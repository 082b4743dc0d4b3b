"""lod.parse.misspelt: leading phrases a scan misread by a letter or two, read as the lexicon's
phrase (the text stays as printed; lod.quality reports each reading as `verb-misspelt`)."""

from __future__ import annotations

import pytest

from corpora import ABSENT, REAL
from lod.parse.misspelt import lost_ending, misspelt


@pytest.mark.parametrize(("printed", "text", "operative", "read_as"), [
    ("Reguests", "Reguests the Secretary-General to report", True, "Requests"),
    ("Recaliing", "Recaliing its resolution 713 (1991),", False, "Recalling"),
    ("Lakes note", "Lakes note of the report of the Secretary-General", True, "Takes note"),
    ("Calis", "Calis upon all States to cooperate", True, "Calls upon"),  # the reader stopped at "Calis"
    ("Haying", "Haying considered the report", False, "Having considered"),  # not "Paying …"
    ("Nothing further", "Nothing further with satisfaction that", False, "Noting further with satisfaction"),
])
def test_a_misread_first_word_is_read_as_the_lexicon_s(printed: str, text: str, operative: bool, read_as: str) -> None:
    assert misspelt(printed, text, operative) == read_as


@pytest.mark.parametrize(("printed", "text", "operative"), [
    ("Requests", "Requests the Secretary-General", True),  # in the lexicon already
    ("Pays", "Pays homage to the courage of the Force", True),  # a word of its own, no verb a letter away
    ("Appropriations", "Appropriations totalling 2,767,070,650 dollars", True),
    ("Brings", "Brings to the attention of Member States", True),
    ("Recognize", "Recognize that health is a precondition", True),  # a declaration's bare verb, not "Recognises"
    ("Emphasize", "Emphasize the importance of", True),
    ("Refers", "Refers the consolidated text to the Conference", True),  # A/C.6/80/L.14: not a misspelt "Defers"
])
def test_a_word_of_its_own_is_left_as_printed(printed: str, text: str, operative: bool) -> None:
    assert misspelt(printed, text, operative) is None


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
def test_a_scanned_resolution_s_misread_verbs_are_read_and_reported() -> None:
    """S/RES/840 (1993) prints "6. Reguests UNTAC to continue …" and "7. Reguests also the
    Secretary-General …" as the compilation's OCR read them: the phrases are "Requests",
    "Requests also", UNTAC and the Secretary-General are asked to act, and a curator is told what
    was read."""
    from lod.parse import parse_file
    from lod.quality import findings

    res = parse_file(REAL / "sc" / "S_RES_0840_1993_EN_GOLD.txt")
    six, seven = (next(p for p in res.operative if p.num == n) for n in ("6", "7"))
    assert six.verb == "Requests" and six.text.startswith("Reguests UNTAC")
    assert [a.name for a in six.addressees] == ["UNTAC"]
    assert seven.verb == "Requests also" and [a.body_key for a in seven.addressees] == ["sg"]
    misspelt_findings = {(f.location, f.message) for f in findings(res) if f.code == "verb-misspelt"}
    assert ("para_6", "leading word 'Reguests' read as 'Requests'") in misspelt_findings
    assert not [f for f in findings(res) if f.code == "verb-not-in-lexicon"]


@pytest.mark.parametrize(("text", "read_as"), [
    ("Welcome the further report of the Secretary-General of 13 and 14 August 1993", "Welcomes"),  # S/RES/864 (1993)
    ("Reaffirm also its endorsement of the Set of Ideas", "Reaffirms also its endorsement"),  # S/RES/789 (1992)
    ("Express its confidence that the Force will be maintained", "Expresses"),  # S/RES/378 (1975)
    ("Request the Secretary-General accordingly to undertake", "Requests"),  # S/RES/367 (1975)
    ("Direct expenses of the United Nations Postal Administration", None),  # A/RES/72/263: a budget's clause
    ("Foster the development of such political institutions", None),  # no phrase of the lexicon with its ending
    ("The Administering Authority shall ensure", None),
])
def test_a_verb_that_lost_its_ending_in_the_scan(text: str, read_as: str | None) -> None:
    assert lost_ending(text) == read_as


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
def test_a_numbered_paragraph_whose_verb_lost_its_ending_is_read_and_reported() -> None:
    """S/RES/378 (1975), paragraph 2, as the compilation's OCR read it: "Express its confidence …"
    was a paragraph without a verb phrase; it is "Expresses", reported for a curator to confirm."""
    from lod.parse import parse_file
    from lod.quality import findings

    res = parse_file(REAL / "sc" / "S_RES_0378_1975_EN_GOLD.txt")
    two = next(p for p in res.operative if p.num == "2")
    assert two.verb == "Expresses" and two.text.startswith("Express its confidence")
    found = {(f.code, f.location) for f in findings(res)}
    assert ("verb-misspelt", two.eid) in found and ("no-leading-verb", two.eid) not in found
