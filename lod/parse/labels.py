"""The labels paragraphs and points are printed with ("12.", "(a)", "b."), and what a text
extraction did to them: labels run together on one line with the paragraph before, and labels
a cleaned text lost. lod.parse.blocks cuts lines into blocks at these labels."""

from __future__ import annotations

import itertools
import re

from lod.parse.furniture import MARK_RE
from lod.parse.openings import plain_end
from lod.parse.verbs import opens_operative

PARAGRAPH_NUMBER = r"\d{1,6}"
"""A printed paragraph number: up to six digits (paragraph 1000 and beyond exist in long texts)."""
NUM_START = re.compile(rf"^({PARAGRAPH_NUMBER})\.(?:\s+|$)")
RULE_LABEL = re.compile(r"(?:Rule|Article) \d{1,3}")
"""A rule of procedure's or an article's number on a line of its own, its title below it."""
POINT_START = re.compile(r"^\(([a-z]{1,2}|[ivxlc]{1,7})\)(?:\s+|$)")
SC_POINT_START = re.compile(r"^([a-z])\.(?:\s+|$)")


_RUN_ON = re.compile(r"(?<=[;.])\s+(?P<heading>[A-Z][a-z]+(?: [a-z]+){0,6}\s+)?(\d{1,3})\.\s+(?=[A-Z])")


def split_run_on(lines: list[str]) -> list[str]:
    """Numbered paragraphs run together on one line ("… reforms; 12. Welcomes …", text whose
    line breaks were lost): split where the count goes on and an operative verb follows."""
    out: list[str] = []
    last = 0
    for line in lines:
        if _RUN_ON.search(line) is None:
            start = NUM_START.match(line.strip())
            last = int(start.group(1)) if start else last
            out.append(line)
            continue
        start = NUM_START.match(line.strip())
        last = int(start.group(1)) if start else last
        pos = 0
        for m in _RUN_ON.finditer(line):
            if int(m.group(2)) == last + 1 and opens_operative(line[m.end() :]):
                out.append(line[pos : m.start()])
                if m.group("heading"):
                    out.extend(["", m.group("heading").strip(), ""])  # "Reporting and review": a sub-heading
                pos = m.start(2)
                last += 1
        out.append(line[pos:])
    return out


def restore_lost_labels(blocks: list[str]) -> list[str]:
    """Points whose labels a cleaned text lost: "7. Requests the Secretary-General …:" ⏎ "To
    continue the practice …;" ⏎ "To circulate annually …;" ⏎ "(c) To continue consultations …"
    (A/RES/80/12 as railcar's Markdown prints it): the blocks between a paragraph ending in a
    colon and a point labelled (b), (c) or (d) that end as points end are that point's
    predecessors, (a), (b), (c); two or more "To …" blocks after such a paragraph, up to the next
    numbered one, are its points. A point's own list (a point ending in a colon) is left alone:
    its labels may be (i), (ii)."""
    out = list(blocks)
    for k, block in enumerate(out):
        label = POINT_START.match(MARK_RE.sub("", block).lstrip("*"))
        if label is None or label.group(1) not in ("b", "c", "d"):
            continue
        lost = ord(label.group(1)) - ord("a")
        before = [MARK_RE.sub("", b).replace("*", "").strip() for b in out[max(0, k - lost - 1) : k]]
        if len(before) == lost + 1 and plain_end(before[0]).endswith(":") and not POINT_START.match(before[0]) and all(
                plain_end(b).endswith((";", ":")) and b[:1].isupper() for b in before[1:]):
            for j in range(lost):
                out[k - lost + j] = f"({chr(ord('a') + j)}) {out[k - lost + j]}"
    for k, block in enumerate(out):  # "8. Encourages Member States:" ⏎ "To inform …;" ⏎ "To continue …;" ⏎ "9. …"
        plain = MARK_RE.sub("", block).replace("*", "").strip()
        if not plain_end(plain).endswith(":") or POINT_START.match(plain):
            continue
        run = list(itertools.takewhile(lambda b: MARK_RE.sub("", b).lstrip("*").startswith("To "), out[k + 1 :]))
        after = out[k + 1 + len(run)] if k + 1 + len(run) < len(out) else ""
        if len(run) >= 2 and (not after or NUM_START.match(MARK_RE.sub("", after).lstrip("*"))):
            for j in range(len(run)):
                out[k + 1 + j] = f"({chr(ord('a') + j)}) {out[k + 1 + j]}"
    return out
