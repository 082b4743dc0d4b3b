"""The labels paragraphs and points are printed with ("12.", "(a)", "b."), and what a text
extraction did to them: labels run together on one line with the paragraph before, and labels
a cleaned text lost. lod.parse.blocks cuts lines into blocks at these labels."""

from __future__ import annotations

import itertools
import re

from lod.parse.furniture import MARK_RE
from lod.parse.openings import plain_end
from lod.quality import in_lexicon
from lod.parse.declarations import in_first_person
from lod.parse.verbs import opens_operative

PARAGRAPH_NUMBER = r"\d{1,6}"
"""A printed paragraph number: up to six digits (paragraph 1000 and beyond exist in long texts)."""
NUM_START = re.compile(rf"^({PARAGRAPH_NUMBER})\.(?:\s+|$)")
RULE_LABEL = re.compile(r"(?:Rule|Article) \d{1,3}")
"""A rule of procedure's or an article's number on a line of its own, its title below it."""
POINT_START = re.compile(r"^\(([a-z]{1,2}|[ivxlc]{1,7})\)(?:\s+|$)")
SC_POINT_START = re.compile(r"^([a-z])\.(?:\s+|$)")


_HEADED = re.compile(r"^(?P<heading>(?:[IVXLC]{1,7}\.\s+)?[A-Z][a-z]+[^.;:]{3,150}?)\s+(\d{1,3})\.\s+(?=[A-Z])")
"""A heading in words, then the next paragraph's number and its text, on one line."""


def _opens(text: str) -> bool:
    """A paragraph's words open as one does: an operative phrase, or a declaration's "We …"."""
    return opens_operative(text.lstrip()) or in_first_person(text)


_RUN_ON = re.compile(r"(?P<end>[;.](?: ?\d{1,3}(?=\s))?)\s+(?P<heading>[A-Z][a-z]+(?: [a-z]+){0,6}\s+)?(\d{1,3})\.\s+(?=[A-Z])")
"""A paragraph's end (its note's marker after it: "… Pact for the Future. 16 9. We note", "…
Development.2 2. We acknowledge") and, on the same line, the next paragraph's number."""


def split_run_on(lines: list[str]) -> list[str]:
    """Numbered paragraphs run together on one line ("… reforms; 12. Welcomes …", text whose
    line breaks were lost): split where the count goes on and an operative verb follows; a
    section's heading run together with its first paragraph ("Global context and shared
    commitments 3. We gather …", "II. Implementation of the … Decade 2024–2034 13. We …",
    A/RES/80/3 as railcar prints it) is cut from it."""
    out: list[str] = []
    last = 0
    for line in lines:
        headed = _HEADED.match(line.strip())
        if headed and int(headed.group(2)) == last + 1 and _opens(line.strip()[headed.end():]):
            out.extend(["", headed.group("heading"), ""])
            line = line.strip()[headed.start(2):]
        if _RUN_ON.search(line) is None:
            start = NUM_START.match(line.strip())
            last = int(start.group(1)) if start else last
            out.append(line)
            continue
        start = NUM_START.match(line.strip())
        last = int(start.group(1)) if start else last
        pos = 0
        for m in _RUN_ON.finditer(line):
            if int(m.group(3)) == last + 1 and _opens(line[m.end() :]):
                out.append(line[pos : m.end("end")])
                if m.group("heading"):
                    out.extend(["", m.group("heading").strip(), ""])  # "Reporting and review": a sub-heading
                pos = m.start(3)
                last += 1
        out.append(line[pos:])
    return out


def _plain(block: str) -> str:
    """A block without its note markers and italics."""
    return MARK_RE.sub("", block).replace("*", "").strip()


def restore_lost_labels(blocks: list[str]) -> list[str]:
    """Points whose labels a cleaned text lost: "7. Requests the Secretary-General …:" ⏎ "To
    continue the practice …;" ⏎ "To circulate annually …;" ⏎ "(c) To continue consultations …"
    (A/RES/80/12 as railcar's Markdown prints it): the blocks between a paragraph ending in a
    colon and a point labelled (b), (c) or (d) that end as points end are that point's
    predecessors, (a), (b), (c); two or more "To …" blocks after such a paragraph, up to the next
    numbered one, are its points. A point's own list (a point ending in a colon) is left alone:
    its labels may be (i), (ii). In the preamble, two or more blocks after a paragraph ending in a
    colon that end as a preambular list's items end (",", ";") and open with no phrase of the
    lexicon, up to the first numbered paragraph or the next preambular phrase, are its items:
    "Convinced that the Convention … constitutes a major contribution to:" ⏎ "International peace
    and security," ⏎ "Eliminating chemical weapons …," (A/RES/80/34 as railcar prints it; the UN
    labels them (a) to (e), as its AKN file of A/RES/77/73 does)."""
    out = list(blocks)
    for k, block in enumerate(out):
        label = POINT_START.match(MARK_RE.sub("", block).lstrip("*"))
        if label is None or label.group(1) not in ("b", "c", "d"):
            continue
        lost = ord(label.group(1)) - ord("a")
        before = [_plain(b) for b in out[max(0, k - lost - 1) : k]]
        if len(before) == lost + 1 and plain_end(before[0]).endswith(":") and not POINT_START.match(before[0]) and all(
                plain_end(b).endswith((";", ":")) and b[:1].isupper() for b in before[1:]):
            for j in range(lost):
                out[k - lost + j] = f"({chr(ord('a') + j)}) {out[k - lost + j]}"
    for k, block in enumerate(out):  # "8. Encourages Member States:" ⏎ "To inform …;" ⏎ "To continue …;" ⏎ "9. …"
        plain = _plain(block)
        if not plain_end(plain).endswith(":") or POINT_START.match(plain):
            continue
        run = list(itertools.takewhile(lambda b: MARK_RE.sub("", b).lstrip("*").startswith("To "), out[k + 1 :]))
        after = out[k + 1 + len(run)] if k + 1 + len(run) < len(out) else ""
        if len(run) >= 2 and (not after or NUM_START.match(MARK_RE.sub("", after).lstrip("*"))):
            for j in range(len(run)):
                out[k + 1 + j] = f"({chr(ord('a') + j)}) {out[k + 1 + j]}"
    _restore_preambular_items(out)
    return out


def _restore_preambular_items(out: list[str]) -> None:
    """Label the lost items of a preambular paragraph's list in place (restore_lost_labels)."""

    def preambular(text: str) -> bool:  # "Recalling …", "Deeply concerned …": a paragraph of its own
        return in_lexicon(" ".join(re.findall(r"[A-Za-z-]+", text)[:6]))

    def item(block: str) -> bool:
        text = _plain(block)
        return (text[:1].isupper() and plain_end(text).endswith((",", ";")) and not NUM_START.match(text)
                and not POINT_START.match(text) and not preambular(text))

    for k, block in enumerate(out):
        text = _plain(block)
        if NUM_START.match(text):
            return  # the operative part: its lists are read above
        if not plain_end(text).endswith(":") or POINT_START.match(text):
            continue
        run = list(itertools.takewhile(item, out[k + 1 :]))
        after = _plain(out[k + 1 + len(run)]) if k + 1 + len(run) < len(out) else ""
        if len(run) >= 2 and after and (NUM_START.match(after) or preambular(after)):
            for j in range(len(run)):
                out[k + 1 + j] = f"({chr(ord('a') + j)}) {out[k + 1 + j]}"
