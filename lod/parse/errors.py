"""The one exception the converters raise, so callers can report a bad input and move on."""

from __future__ import annotations


class ParseError(Exception):
    """An input that is not a readable UN resolution, decision or draft.

    `source` names the file and `reason` says in a sentence what is wrong with it, so a
    build report can list bad inputs without a traceback.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
