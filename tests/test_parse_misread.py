"""OCR-misread paragraph numbers (lod.parse.misread) and the leading verb phrase's boundaries
(lod.parse.verbs), on small literal examples and on real scanned Security Council texts."""

from __future__ import annotations

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file
from lod.parse.misread import misread_number
from lod.parse.verbs import leading_phrase, verb_phrase
from lod.quality import findings, in_lexicon

SC = REAL / "sc"


@pytest.mark.parametrize(
    ("line", "expected", "restored"),
    [
        ("ll. Further requests the Secretary-General", 11, "11. Further requests the Secretary-General"),
        ("S. Appeals urgently to all parties", 5, "5. Appeals urgently to all parties"),
        ("Z. Demands that Iraq implement", 2, "2. Demands that Iraq implement"),
        ("I0. Decides to remain seized of the matter.", 10, "10. Decides to remain seized of the matter."),
        ("l. Welcomes the report", 1, "1. Welcomes the report"),
        ("5, Notes the report", 5, "5. Notes the report"),
        ("6.Calls for an immediate cease-fire", 6, "6. Calls for an immediate cease-fire"),
    ],
)
def test_a_misread_number_the_count_expects_is_restored(line: str, expected: int, restored: str) -> None:
    assert misread_number(line, expected, at_start=True) == restored


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ll. Further requests the Secretary-General", 12),  # not the number the count expects
        ("I. Introduction", 1),  # a heading: no operative verb follows
        ("S. Smith and others", 5),
        ("2 See Official Records of the Security Council", 2),  # a footnote
    ],
)
def test_anything_else_stays_text(line: str, expected: int) -> None:
    assert misread_number(line, expected, at_start=True) == line
    assert misread_number("ll. Further requests", 11, at_start=False) == "ll. Further requests"  # mid-paragraph


@pytest.mark.parametrize(
    ("text", "operative", "phrase"),
    [
        ("Taking also into account the letter of the Foreign Minister", False, "Taking also into account"),
        ("Taking further note of the recommendation", False, "Taking further note"),
        ("Calls attention to the provisions in the mandate", True, "Calls attention"),
        ("Expresses its confidence that the Secretary-General will", True, "Expresses"),
        ("Expresses its gravest concern at the situation", True, "Expresses its gravest concern"),
        ("Being convinced of the necessity to make every effort", False, "Being convinced"),
        ("Being deeply concerned about the situation", False, "Being deeply concerned"),
        ("Extends the stationing in Cyprus of the Force", True, "Extends"),
        ("Extends its thanks to the Government", True, "Extends its thanks"),
        ("Encourages further efforts to that end", True, "Encourages"),
        ("Having in mind the relevant provisions of the Charter", False, "Having in mind"),
        ("Takes cognizance of the special economic hardships", True, "Takes cognizance"),
        ("Calls furthermore for the exercise of maximum restraint", True, "Calls furthermore for"),
        ("Acting under Chapter VII of the Charter of the United Nations, demands", True,
         "Acting under Chapter VII of the Charter of the United Nations"),
    ],
)
def test_the_leading_phrase_ends_where_the_verb_phrase_does(text: str, operative: bool, phrase: str) -> None:
    assert leading_phrase(text, operative) == phrase


@pytest.mark.parametrize(
    ("text", "operative", "phrase"),
    [
        ("*Gravely* concerned that the illicit trade", False, "Gravely concerned"),
        ("*Strongly* appeals to all Governments", True, "Strongly appeals"),
        ("*Also calls* upon Member States to take", True, "Also calls upon"),
        ("*Calling* for immediate de-escalation", False, "Calling for"),
        ("*Reiterates* its call upon the parties", True, "Reiterates"),  # the italics are the phrase
        ("*Takes note* of the report", True, "Takes note"),
        # the italics take in a leading clause (A/RES/76/110): the phrase is the verb after it
        ("*In that regard, notes* the publishing activities of the Codification Division;", True, "notes"),
    ],
)
def test_italics_that_stop_short_of_the_verb_are_completed(text: str, operative: bool, phrase: str) -> None:
    """Word and PDF drafts italicise "*Strongly* appeals", "*Calls* on": the verb is still the phrase's."""
    assert verb_phrase(text, operative) == phrase


def test_degree_words_do_not_take_a_phrase_out_of_the_lexicon() -> None:
    assert in_lexicon("Further strongly condemns") and in_lexicon("Calls once again upon")
    assert in_lexicon("Deeply shocked and alarmed") and in_lexicon("Urgently calls again for")
    assert not in_lexicon("Strongly") and not in_lexicon("Further") and not in_lexicon("Lakes")


@pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)
@pytest.mark.parametrize("name", ["S_RES_0713_1991_EN_GOLD.txt", "S_RES_0789_1992_EN_GOLD.txt",
                                  "S_RES_0686_1991_EN_GOLD.txt", "S_RES_0871_1993_EN_GOLD.txt"])
def test_scanned_texts_keep_every_paragraph(name: str) -> None:
    """"S. Appeals", "ll. Further requests", "Z. Demands", "6.Calls" in the scans."""
    res = parse_file(SC / name)
    numbers = [int(p.num) for p in res.operative if p.num and p.num.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 8
    assert not [f for f in findings(res) if f.code.startswith("numbering")]


@pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)
@pytest.mark.parametrize("name", ["S_RES_0070_1949_EN_GOLD.txt", "S_RES_0018_1947_EN_GOLD.txt"])
def test_numbered_items_of_a_sentence_need_no_verb_of_their_own(name: str) -> None:
    """"Decides: 1. That the Trusteeship Council be requested …", "Resolves: 1. To work out …"."""
    res = parse_file(SC / name)
    lead_in, *numbered = res.operative
    assert lead_in.num is None and lead_in.verb in ("Decides", "Resolves") and lead_in.text.endswith(":")
    assert numbered and all(p.num and p.text.startswith(("That ", "To ")) for p in numbered)
    assert [f for f in findings(res) if f.code == "no-leading-verb"] == []


@pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)
@pytest.mark.parametrize(("name", "num", "verb", "opening"), [
    ("S_RES_0834_1993_EN_GOLD.txt", "16", "Reiterates", "Reiterates its readiness"),  # "16. ‘Reiterates"
    ("S_RES_0864_1993_EN_GOLD.txt", "24", "Requests", "Requests all States"),  # "24. ~— Requests"
    ("S_RES_0889_1993_EN_GOLD.txt", "13", "Decides", "Decides to undertake"),  # "13. _ Decides"
    ("S_RES_0785_1992_EN_GOLD.txt", "4", "Calls on", "Calls on all States"),  # "4. Calls_on all States"
    ("S_RES_0301_1971_EN_GOLD.txt", "14", "Requests", "Requests the Ad Hoc"),  # "14. Requests. the Ad Hoc"
    ("S_RES_0775_1992_EN_GOLD.txt", "13", "Calls upon", "Calls upon all parties"),  # "13. Calls _ upon all"
    ("S_RES_0865_1993_EN_GOLD.txt", "7", "Calls on", "Calls on all Member States"),  # "7. Calls _on all"
])
def test_what_ocr_left_before_the_first_word_is_not_the_paragraph(name: str, num: str, verb: str, opening: str) -> None:
    """A smudge read as "‘", "_", "~—" between the number and the verb, an underscore for a space,
    a stray full stop after the verb: the paragraph opens with its verb, which the lexicon knows."""
    [para] = [p for p in parse_file(SC / name).operative if p.num == num]
    assert para.verb and para.verb.startswith(verb) and in_lexicon(para.verb)
    assert para.text.startswith(opening)


@pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)
def test_keeping_in_mind_is_one_phrase_as_bearing_in_mind() -> None:
    """S/RES/4 (1946): "Keeping in mind the unanimous moral condemnation of the Franco régime …"."""
    assert leading_phrase("Keeping in mind the unanimous moral condemnation", False) == "Keeping in mind"
    res = parse_file(SC / "S_RES_0004_1946_EN_GOLD.txt")
    assert [p.verb for p in res.preamble if p.text.startswith("Keeping")] == ["Keeping in mind"]
    assert in_lexicon("Keeping in mind")
