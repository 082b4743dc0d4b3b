"""The one exception the converters raise, so callers can report a bad input and move on."""

from __future__ import annotations

import re


class ParseError(Exception):
    """An input that is not a readable UN resolution, decision or draft.

    `source` names the file and `reason` says in a sentence what is wrong with it, so a
    build report can list bad inputs without a traceback.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


_DOCUMENT_TYPE = re.compile(
    r"^(?P<what>(?:Note(?: verbale)?|Statement|Letter|Memorandum)\b"
    r"(?: (?:by|of|dated|from) [^.]{1,100})?)\s*$"
)
"""The line of a masthead that says what else a UN document is: "Note by the Secretariat", "Note by
the Chair", "Statement by the President of the Security Council", "Letter dated 3 May 2024 from …"
(not "Report of …": an agenda item's title begins so in a draft's masthead)."""


def not_a_resolution(lines: list[str], source: str) -> ParseError:
    """The refusal of a text without an opening formula, saying what its masthead calls it where
    it does ("this is a note by the Secretariat, not a resolution, decision or draft")."""
    for line in lines[:40]:
        found = _DOCUMENT_TYPE.match(" ".join(line.replace("*", " ").split()))
        if found:
            what = found.group("what")
            return ParseError(source, f"this is a {what[0].lower()}{what[1:]}, not a UN resolution, decision or draft "
                                      "(it has no opening formula such as \"The General Assembly,\")")
    return ParseError(
        source,
        "this is not a UN resolution, decision or draft: it has no opening formula "
        "(\"The General Assembly,\") and is not a page of one (symbol header and numbered paragraphs)",
    )
