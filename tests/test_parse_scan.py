"""The parser's shortcuts give what the plain patterns give.

Names are tried only where a first word starts (lod.parse.scan), and several readers skip a
pattern when a cheap look at the text shows it cannot match. Each test here checks a shortcut
against the pattern it stands in for, on concrete cases and on generated text built from the
pieces that make the shortcuts matter (names, overlapping first words, markers, quotes).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lod.bodies import by_key, by_name
from lod.parse import citation_patterns as P
from lod.parse.bodynames import bodies_named, known_re, known_scan
from lod.parse.openings import _TRAILING, plain_end
from lod.parse.furniture import is_furniture
from lod.parse.joining import Vocabulary, join_lines
from lod.parse.scan import Alternatives, Prefiltered
from lod.parse.treaty_mentions import _matcher, find_treaty_mentions

NAME_PIECES = [
    "the ", "The ", "Secretary-General", "General Assembly", "United Nations", "United Nations Office on Drugs and Crime",
    "Commission on Narcotic Drugs", "Convention", "Convention against Corruption", "United Nations Convention against Corruption",
    "Protocol", "Optional Protocol to the Convention on the Rights of the Child", "Single Convention on Narcotic Drugs of 1961",
    "Human Rights Council", "Office", "UN-Women", "UN", "Social,", " ", "  ", "\n", ",", "-", "s", "x", "5", "’s",
]
PIECES_TEXT = st.lists(st.sampled_from(NAME_PIECES) | st.text(max_size=6), max_size=30).map("".join)


def _spans(matches: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


# -- names tried where a first word starts -------------------------------------------------------


def test_a_lead_that_is_no_name_still_lets_a_name_start_inside_it() -> None:
    # "Secretary-General" is a lead here but no match before "Assembly"; "General Assembly",
    # which starts inside it, is
    scan = Prefiltered(
        re.compile(r"Secretary-General(?!\s+Assembly)|General\s+Assembly"), re.compile(r"Secretary-General|General")
    )
    text = "the Secretary-General Assembly, the Secretary-General and the General Assembly"
    assert [m.group(0) for m in scan.finditer(text)] == ["General Assembly", "Secretary-General", "General Assembly"]
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))


def test_bodies_and_treaties_named_in_running_text() -> None:
    text = (
        "Recalling the United Nations Convention against Corruption5 and the Single Convention on Narcotic Drugs"
        " of 1961, requests the Secretary-General and the General Assembly"
    )
    mentions = find_treaty_mentions(text)
    assert [(m.key, m.text) for m in mentions] == [
        ("42146", "United Nations Convention against Corruption"),
        ("7515", "Single Convention on Narcotic Drugs of 1961"),
    ]
    assert bodies_named(text) == [by_key("sg"), by_key("ga")]


@settings(max_examples=300, deadline=None)
@given(PIECES_TEXT)
def test_body_names_are_the_matches_of_the_whole_alternation(text: str) -> None:
    assert _spans(known_scan().finditer(text)) == _spans(known_re().finditer(text))
    expected = [by_name(m.group("name")) for m in known_re().finditer(text)]
    assert bodies_named(text) == [b for b in expected if b is not None]


@settings(max_examples=300, deadline=None)
@given(PIECES_TEXT)
def test_treaty_mentions_are_the_matches_of_the_whole_alternation(text: str) -> None:
    names, groups = _matcher()
    expected = [(treaty.key, m.start(m.lastgroup), m.end(m.lastgroup)) for m in names.pattern.finditer(text) if m.lastgroup
                for treaty in groups[m.lastgroup]]
    assert [(m.key, m.start, m.end) for m in find_treaty_mentions(text)] == expected


TREATY_PIECES = [
    "Конвенции о правах ребенка", "Конвенцию о правах ребенка", "Конвенция", "Конвенц", "واتفاقية حقوق الطفل",
    "باتفاقية", "اتفاقية", "《儿童权利公约》", "儿童权利公约", "公约", "Convention relative aux droits de l’enfant",
    "Convention relative aux droits de l'enfant", "Convención sobre los Derechos del Niño", "Convention on the Rights of the Child",
    "Conventions", "Geneva Conventions of 12 August 1949", "Pacte international relatif aux droits civils et politiques",
    "International Covenant on Civil and Political Rights", "Rome Statute of the International Criminal Court", "the ",
    " ", "\n", ",", "و", "ب", "x", "5", "’",
]


def test_alternatives_try_at_a_lead_every_name_its_first_word_begins() -> None:
    # "Convention" and "Conventions" both begin at the lead; the shorter first word's name comes
    # first in the alternation and must still be the one found
    scan = Alternatives([("Conventions", r"(?P<a>Conventions\s+of\s+1949)"), ("Convention", r"(?P<b>Conventions?)"),
                         ("Pact", r"(?P<c>Pact)")])
    text = "the Conventions of 1949, the Conventions, a Convention and a Pact"
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))
    assert [m.lastgroup for m in scan.finditer(text)] == ["a", "b", "b", "c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TREATY_PIECES) | st.text(max_size=4), max_size=20).map("".join))
def test_treaty_names_in_every_language_are_the_matches_of_the_whole_alternation(text: str) -> None:
    names, _ = _matcher()
    assert _spans(names.finditer(text)) == _spans(names.pattern.finditer(text))


# -- cheap checks before a pattern -------------------------------------------------------------------

TRAILING_PIECES = [" ", "\n", "\t", "\u00a0", "*", '"', "'", "”", "’", "»", ")", "]", "\ue000", "\ue001", "\ue0001\ue001",
                   "a", "1", ",", ";", ":", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRAILING_PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_the_plain_end_of_a_text_is_the_trailing_pattern_taken_off(text: str) -> None:
    assert plain_end(text) == _TRAILING.sub("", text[-200:])


def test_plain_end_strips_markers_quotes_and_italics_only_at_the_end() -> None:
    assert plain_end("Recalling its resolution 70/1,\ue0003\ue001”* \n") == "Recalling its resolution 70/1,"
    assert plain_end("“quoted” text") == "“quoted” text"
    assert plain_end("") == ""


MARKUP_PIECES = [
    "[a link](http://x.org/y)", "[^3]", "<sup>2</sup>", "<em>", "</em>", "*", "**", "\\*", "¹²", "₃", "[", "<", "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES) | st.text(max_size=5), max_size=30).map("".join))
def test_markup_is_stripped_as_the_markup_pattern_says(text: str) -> None:
    assert P.strip_markup(text) == P._MARKUP.sub(lambda m: m.group("link") or "", text)


def test_relation_is_the_nearest_verb_printed_before_the_citation() -> None:
    text = "Recalling its resolution 70/1 and reaffirming resolution 71/2"
    verbs = P.relation_verbs(text)
    assert [lemma for _, lemma in verbs] == ["recall", "reaffirm"]
    assert P.relation_before(verbs, text.index("70/1")) == "recall"
    assert P.relation_before(verbs, text.index("71/2")) == "reaffirm"
    assert P.relation_before(verbs, text.index("reaffirming")) == "recall"  # strictly before
    assert P.relation_before(verbs, 0) is None


def test_page_furniture_opens_with_a_digit_of_any_script_or_an_asterisk() -> None:
    assert is_furniture("17-22563 (E)")
    assert is_furniture("*1722563*")
    assert is_furniture("3/12")
    assert is_furniture("٣/١٢")  # \d is any decimal digit
    assert not is_furniture("Recalling 3/12")
    assert not is_furniture("")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_the_vocabulary_is_every_word_lowered(text: str) -> None:
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)
    vocabulary = Vocabulary.of(text)
    assert vocabulary.plain == {w.lower() for w in words if "-" not in w}
    assert vocabulary.hyphenated == {w.lower() for w in words if "-" in w}


def test_line_end_hyphens_are_undone_only_where_a_word_was_split() -> None:
    vocabulary = Vocabulary.of("international cooperation and well-being")
    assert join_lines("inter-", "national law", vocabulary) == "international law"
    assert join_lines("well-", "being of all", vocabulary) == "well-being of all"
    assert join_lines("child-", "and youth-related", vocabulary) == "child- and youth-related"
    assert join_lines("a dash -", "then text", vocabulary) == "a dash - then text"
