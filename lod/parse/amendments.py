"""Amendments to draft resolutions and decisions: "Russian Federation:* amendment to draft
resolution A/80/L.18".

An amendment is a draft of its own (its symbol is an L. document: A/80/L.20, A/HRC/52/L.44), with
sponsors, the title of the draft it amends below the sponsor line ("52/… Human rights, democracy
and the rule of law" at the Human Rights Council), and no opening formula: its text is the
changes themselves, one instruction ("Delete operative paragraph 9.") or numbered ones ("1. In the
fourth preambular paragraph, delete …"). It names the draft it amends by symbol, or by its number
in a committee's report ("amendment to draft resolution 23 recommended by the Third Committee in
its report contained in document A/80/545"): the amendment's `draft_symbol` is the draft's
symbol, its `report_symbol` the report's where the draft is named so.

Only the masthead is read here (`find_amendment`); the instructions are read as a decision's text
is (operative paragraphs, numbered or not, no preamble).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lod.model import OperativeParagraph
from lod.parse.furniture import is_furniture, strip_marks
from lod.parse.printedsymbol import find_symbol

_WORDS = r"amendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft\s+(?P<kind>resolution|decision)\b"
"""The words that make a sponsor line an amendment's: "amendment to revised draft resolution"."""
_LINE = re.compile(rf"^(?P<sponsors>.*?):\s*{_WORDS}\s*(?P<target>.*)$", re.IGNORECASE)
"""The sponsor line of an amendment, with what follows the words: the draft as printed."""
_PARTIAL = re.compile(r"(?:amendments?(?:\s+to(?:\s+the)?(?:\s+revised)?(?:\s+draft)?)?)?", re.IGNORECASE)
"""The words cut short at a line's end ("…:* amendment to ⏎ draft resolution 4 …"): the next line completes them."""
_IN_REPORT = re.compile(r"\b(?:recommended|contained)\b.*\breport\b", re.IGNORECASE)
_INSTRUCTION = re.compile(
    r"^(?:\d{1,3}\.(?:\s|$)|(?:In|Delete|Insert|Replace|Add|After|Before|For|Amend|At the end|The title|Operative|Preambular"
    r"|Paragraph|Section|Annex|Title)\b|[A-Z][a-z]+(?:-[a-z]+)? (?:preambular|operative) paragraph\b)"
)
"""How an amendment's text opens: a number, or the instruction itself ("Delete operative paragraph 9.")."""


@dataclass(frozen=True)
class Amendment:
    """Where an amendment's masthead ends and what it says of the draft it amends."""

    sponsor_line: int
    """The index of the line that says "…: amendment to draft resolution …"."""
    body_start: int
    """The index of the amendment's first instruction."""
    target: str
    """The draft as printed: "A/80/L.18", "23 recommended by the Third Committee in its report …"."""
    kind: str
    """"resolution" or "decision": what the amended draft is."""
    target_end: int
    """The index of the line after the reference to the draft (the masthead lines to leave out)."""

    @property
    def draft_symbol(self) -> str | None:
        return None if _IN_REPORT.search(self.target) else find_symbol(self.target)

    @property
    def report_symbol(self) -> str | None:
        return find_symbol(self.target) if _IN_REPORT.search(self.target) else None


def _plain(line: str) -> str:
    return " ".join(strip_marks(line)[0].replace("*", " ").split())


def find_amendment(lines: list[str]) -> Amendment | None:
    """The amendment's sponsor line in the first lines of a text without an opening formula, and
    where its instructions begin (after the amended draft's title, which is read as the title)."""
    plain = [_plain(line) for line in lines]
    for i, line in enumerate(plain[:60]):
        if ":" not in line:
            continue
        found, after = None, 0
        for after in range(3):  # "…:* amendment to ⏎ draft resolution 4 recommended by …", "…:* ⏎ amendment to …"
            joined = " ".join(plain[i : i + after + 1])
            found = _LINE.match(joined)
            if found is not None or not _opens_amendment(plain, i, after):
                break
        if found is None:
            continue
        rest = found.group("target")
        k = i + 1 + after
        while k < len(plain) and plain[k] and not _INSTRUCTION.match(plain[k]) and _continues(rest):
            rest, k = f"{rest} {plain[k]}", k + 1  # the draft's reference wraps: "… in its report ⏎ contained in …"
        return Amendment(i, _body_start(plain, k), rest.strip(), found.group("kind").lower(), k)
    return None


def _opens_amendment(plain: list[str], i: int, after: int) -> bool:
    """Whether the words "amendment to draft resolution" may still be completed by the next line."""
    joined = " ".join(plain[i : i + after + 1])
    tail = joined.split(":", 1)[1].strip() if ":" in joined else ""
    return i + after + 1 < len(plain) and bool(plain[i + after + 1]) and _PARTIAL.fullmatch(tail) is not None


def changes(operative: list[OperativeParagraph]) -> list[OperativeParagraph]:
    """An amendment's paragraphs as its changes: the text a change inserts ("After operative
    paragraph 3, insert a new operative paragraph, reading: ⏎ Notes with alarm …") is part of the
    change, not a change of its own; and no change leads with a verb phrase of the organ's ("In
    operative paragraph 68, after “…”, insert “…”" is no decision "adopted")."""
    out: list[OperativeParagraph] = []
    for paragraph in operative:
        paragraph.verb = None
        last = out[-1] if out else None
        if last is not None and paragraph.num is None and (last.num is not None or last.text.rstrip().endswith(":")):
            last.text = f"{last.text} {paragraph.text}"
            last.subparagraphs += paragraph.subparagraphs
            last.footnote_refs += [m for m in paragraph.footnote_refs if m not in last.footnote_refs]
            continue
        out.append(paragraph)
    return out


def _continues(target: str) -> bool:
    """Whether the printed reference to the draft goes on on the next line (no symbol ends it yet)."""
    return find_symbol(target) is None or bool(re.search(r"\b(?:in|of|the|by|contained|document)$", target))


def _body_start(plain: list[str], k: int) -> int:
    """The first instruction after the title block that follows the sponsor line."""
    for j in range(k, len(plain)):
        line = plain[j]
        if not line or is_furniture(line):
            continue
        if _INSTRUCTION.match(line):
            return j  # after the title, or with no title printed
        if j + 1 < len(plain) and not plain[j + 1] and (first := _first_after_blank(plain, j + 1)):
            return first
    return len(plain)


def _first_after_blank(plain: list[str], j: int) -> int | None:
    """The next non-blank line from `j`, when it opens an instruction."""
    for k in range(j, len(plain)):
        if plain[k] and not is_furniture(plain[k]):
            return k if _INSTRUCTION.match(plain[k]) else None
    return None
