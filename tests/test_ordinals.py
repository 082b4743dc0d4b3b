"""lod.ordinals: numbers as UN texts print them, one case per shape."""

from __future__ import annotations

import pytest

from lod.ordinals import ordinal_suffix, ordinal_words


@pytest.mark.parametrize(("n", "words"), [
    (1, "First"), (12, "Twelfth"), (20, "Twentieth"), (75, "Seventy-fifth"), (80, "Eightieth"), (101, "One hundred and first"),
])
def test_a_session_in_words(n: int, words: str) -> None:
    assert ordinal_words(n) == words


@pytest.mark.parametrize(("n", "printed"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (13, "13th"), (62, "62nd"), (101, "101st"), (112, "112th")])
def test_a_meeting_with_its_suffix(n: int, printed: str) -> None:
    assert ordinal_suffix(n) == printed
