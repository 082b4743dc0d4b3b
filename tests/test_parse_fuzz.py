"""parse_text raises nothing but ParseError, on arbitrary text and on damaged real documents."""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lod.model import Resolution
from lod.parse import ParseError, parse_text

from corpora import CORPUS  # noqa: E402
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*")) if p.suffix in (".txt", ".md")]
FRAGMENTS = ["The General Assembly,\n", "1.\n", "(a) ", "(i)\n", "---\n", "_____\n", "¹", "<sup>2</sup>", "[^3]: x\n",
             "A/RES/70/1\n", "12/16", "Annex\n", "I\n", "*", "\\*", "Recalling ", ": draft resolution\n", "\f", "-\n",
             "Resolution adopted by the General Assembly on 1 May 2020\n", "[on the report of the (A/1)]", "\u2011"]


def _parse(text: str) -> None:
    try:
        result = parse_text(text, source="fuzz.txt")
    except ParseError as err:
        assert err.source == "fuzz.txt"
    else:
        assert isinstance(result, Resolution)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    _parse(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=80))
def test_structured_noise(parts: list[str]) -> None:
    _parse("".join(parts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(TEXTS), st.data())
def test_mutated_corpus_documents(text: str, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 6))):
        if not text:
            break
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start, min(len(text), start + 400)))
        action = data.draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + data.draw(st.sampled_from(FRAGMENTS) | st.text(max_size=30)) + text[start:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start]
    _parse(text)


def test_pathological_repetition_is_fast_enough() -> None:
    # long runs of the characters the patterns look at must not backtrack catastrophically
    for unit in ("(", "1.", "*", "a ", "_", "-\n", ", ", "[", "¹", "The ", "A/", "(a)\n", "1.\n", "x ¹\n", "a\n"):
        _parse("The General Assembly,\n\nRecalling " + unit * 20000 + "\n\n1. Decides.")


def test_pathological_layouts_are_fast_enough() -> None:
    for text in ("A/RES/1/1\n" + "\n" * 50000 + "x", "A/RES/1/1\n" + " \n" * 50000 + "1. x\n3", "](" * 30000,
                 "The General Assembly,\n\n" + ":" * 30000, "---\n" + "a: b\n" * 20000 + "---\nThe General Assembly,\n\n1. X.",
                 "The General Assembly,\n\nRecalling " + "[^1]" * 20000 + "\n\n1. x", "Assembly " * 30000,
                 "Decision adopted by the General Assembly\n1/501. T\n\n" + "the Assembly " * 20000):
        _parse(text)
