"""Declarations adopted by a resolution and printed as a cleaned text (railcar's Markdown of the
UN's PDFs, session 80): an annex's heading and title on one line, a section's heading and its
first paragraph on one line, a paragraph run on after its note's marker, the odd page's running
header with the title first, a preambular list whose labels were lost, and the first person
plural's verbs ("We recall", "We are seriously concerned"). Lines written for the tests, in the
shapes A/RES/80/3, 80/9 and 80/34 print them."""

from __future__ import annotations

import pytest

from lod.parse import parse_text
from lod.parse.declarations import declaratory_phrase
from lod.quality import in_lexicon, lexicon_concept

FRONT = "---\nsymbol: A/RES/80/3\ntitle: \"Awaza Political Declaration :\"\n---\n\n"
MASTHEAD = "\n\n".join([
    "United Nations A/RES/80/3", "General Assembly Distr.: General 15 October 2025",
    "Resolution adopted by the General Assembly on 14 October 2025",
    "80/3. Awaza Political Declaration", "The General Assembly,",
])


def test_a_declaration_in_its_annex_keeps_its_paragraphs_sections_and_title() -> None:
    text = FRONT + MASTHEAD + "\n\n" + "\n\n".join([
        "Recalling its resolution 79/279 of 11 April 2025,",
        "1. Endorses the political declaration contained in the annex to the present resolution;",
        "2. Expresses its profound gratitude to the Government and the people of Turkmenistan.",
        "18th plenary meeting 14 October 2025",
        "Annex Awaza Political Declaration",
        "1. We, the Heads of State and Government, met in Awaza from 5 to 8 August 2025.",
        "2. We welcome the Awaza Programme of Action for the Decade 2024–2034.",
        "I.\nGlobal context and shared commitments 3. We gather at a critical juncture marked by overlapping "
        "global challenges, including conflicts, food and energy crises, high transportation and trade costs, "
        "high interest rates, inflation, high indebtedness, climate change and pollution.",
        "4. We recall the 2008 Doha Declaration, as well as the relevant commitments in the Pact for the Future. 1 "
        "5. We note the interest and commitment of the landlocked developing countries to climate action.",
        "1 Resolution 79/1.",
        "II. Implementation of the Programme of Action for the Decade 2024–2034 6. We strongly commit ourselves "
        "to the full, effective and timely implementation of the Programme of Action in its priority areas.",
        "Awaza Political Declaration A/RES/80/3",
        "7. We call for closer coordination between the Office of the High Representative and the agencies.",
    ])
    res = parse_text(text, source="railcar_A_RES_80_3_clean.md")
    assert [p.num for p in res.operative] == ["1", "2"]
    assert len(res.annexes) == 1 and res.annexes[0].title == "Awaza Political Declaration"
    paragraphs = res.annexes[0].paragraphs
    assert [p.num for p in paragraphs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [p.section for p in paragraphs] == [
        None, None, *["I. Global context and shared commitments"] * 3,
        *["II. Implementation of the Programme of Action for the Decade 2024–2034"] * 2]
    assert paragraphs[2].text.startswith("We gather at a critical juncture")
    assert paragraphs[3].text.endswith("Pact for the Future.") and paragraphs[3].footnote_refs == ["1"]
    assert paragraphs[4].text.startswith("We note")
    assert not any("A/RES/80/3" in p.text for p in paragraphs)  # the running header is no text


def test_a_preambular_list_whose_labels_a_cleaned_text_lost() -> None:
    """"Convinced that the Convention … constitutes a major contribution to:" then five items
    without their labels (A/RES/80/34; the UN prints (a) to (e), as in its AKN file of 77/73):
    items of the one preambular paragraph, not five paragraphs of their own."""
    text = FRONT.replace("80/3", "80/34") + "\n\n".join([
        "The General Assembly,",
        "Recalling its previous resolutions on the subject,",
        "Convinced that the Convention has reinforced its role and that it constitutes a major contribution to:",
        "International peace and security,",
        "Eliminating chemical weapons and preventing their re-emergence,",
        "Excluding completely, for the sake of all mankind, the possibility of the use of chemical weapons,",
        "Noting with satisfaction the work of the Organisation,",
        "1. Reaffirms its condemnation of the use of chemical weapons;",
    ])
    res = parse_text(text, source="railcar_A_RES_80_34_clean.md")
    assert [p.verb for p in res.preamble] == ["Recalling", "Convinced", "Noting with satisfaction"]
    assert res.preamble[1].text.endswith("contribution to: (a) International peace and security, (b) Eliminating chemical "
                                         "weapons and preventing their re-emergence, (c) Excluding completely, for the "
                                         "sake of all mankind, the possibility of the use of chemical weapons,")


def test_items_of_a_preambular_list_need_a_paragraph_after_them() -> None:
    """Blocks after a colon that run to the end of the text are not taken for a list's items."""
    text = FRONT.replace("80/3", "80/34") + "\n\n".join([
        "The General Assembly,", "Recalling its resolutions as follows:", "International peace and security,",
        "Eliminating chemical weapons,",
    ])
    res = parse_text(text, source="railcar_A_RES_80_34_clean.md")
    assert "(a)" not in " ".join(p.text for p in res.preamble)


@pytest.mark.parametrize(("text", "phrase"), [
    ("We are seriously concerned that the scale of global resourcing is insufficient", "We are seriously concerned"),
    ("We are deeply concerned about the impact", "We are deeply concerned"),
    ("We recall and reaffirm our commitments", "We recall"),
    ("We are determined to act", "We are determined"),
])
def test_a_declaration_s_leading_phrase(text: str, phrase: str) -> None:
    assert declaratory_phrase(text) == phrase


@pytest.mark.parametrize(("phrase", "concept"), [
    ("We recall", "recalls"), ("We reiterate", "reiterates"), ("We also express", "expresses"),
    ("We underline", "underlines"), ("We reaffirm", "we-reaffirm"), ("We are seriously concerned", "we-are-concerned"),
    ("We have", None), ("We will", None),
])
def test_the_first_person_plural_is_a_form_of_the_resolution_s_verb(phrase: str, concept: str | None) -> None:
    """"We recall" is read as "Recalls" (the scheme names the common forms, "We reaffirm", as
    concepts of their own); "We have" is no action."""
    assert lexicon_concept(phrase) == concept and in_lexicon(phrase) == (concept is not None)


@pytest.mark.parametrize(("text", "phrase"), [
    # A/80/L.41 (held out), an outcome document in the first person; A/RES/77/289's and 78/1's declarations
    ("We call upon all stakeholders to promote an enabling policy environment", "We call upon"),
    ("We further call upon the Forum to reinforce its intersessional work", "We further call upon"),
    ("We call for the strengthening of the secretariat of the Internet Governance Forum", "We call for"),
    ("We take note of the final report of the open-ended working group", "We take note"),
    ("We look forward to the high-level meeting", "We look forward"),
    ("We are particularly concerned by persistent gender digital divides", "We are particularly concerned"),
    ("We are further concerned that other groups that experience disadvantage", "We are further concerned"),
])
def test_the_words_a_declaration_s_verb_takes_are_its_phrase(text: str, phrase: str) -> None:
    assert declaratory_phrase(text) == phrase


@pytest.mark.parametrize(("phrase", "concept"), [
    ("We call upon", "we-call-upon"), ("We take note", "takes-note"), ("We are particularly concerned", "we-are-concerned"),
    ("We are committed", "committed"), ("We are encouraged", "encouraged"),
])
def test_a_declaration_s_phrase_names_the_resolution_s_concept(phrase: str, concept: str) -> None:
    """"We are committed to addressing …" is the resolution's "Committed" (A/80/L.41)."""
    from lod.quality import in_lexicon, lexicon_concept

    assert in_lexicon(phrase) and lexicon_concept(phrase) == concept
