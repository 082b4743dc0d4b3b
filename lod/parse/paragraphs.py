"""Operative paragraphs as the text converters read them, and their model form.

`Para` and `Point` hold a paragraph while the blocks of a document are walked (its printed
number, its opening text, its points, the section it is under); `model_paragraphs` turns the
paragraphs of one part into `OperativeParagraph`s with their eIds (docs/architecture.md),
texts without markup, points and footnote markers. Split from lod.parse.structure, which
decides what each block is; this module only says how a decided paragraph is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lod.model import OperativeParagraph, PreambularParagraph, SubParagraph
from lod.parse.furniture import MARK_RE, strip_marks
from lod.parse.labels import POINT_START
from lod.parse.verbs import verb_phrase
from lod.uri import eid

ROMANS = ("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx xxi xxii xxiii xxiv xxv").split()


@dataclass
class Point:
    """A point of a paragraph as read: its label, its text, the points under it."""

    num: str
    text: str
    children: list[Point] = field(default_factory=list)
    roman: bool = False
    label: str = ""


@dataclass
class Para:
    """An operative paragraph as read: its printed number (None when unnumbered), its opening
    text (with markup), its points, the section it is under, whether a page cut its beginning."""

    num: str | None
    intro: str
    points: list[Point] = field(default_factory=list)
    section: str | None = None
    continued: bool = False


POINT_BREAK = "\ue004"
"""Where lod.parse.structure joins a point's block to the paragraph the preamble holds ("Affirming
also … six focus areas:" ⏎ "(a) Investing in people …"): the points are read from there,
whether the paragraph stays preambular or turns out to be an unnumbered operative one."""


def para_of(block: str, section: str | None = None) -> Para:
    """An unnumbered paragraph from a block the preamble held, its points where they were joined."""
    intro, *pieces = block.split(POINT_BREAK)
    para = Para(None, intro, section=section)
    for piece in pieces:
        label = POINT_START.match(MARK_RE.sub("", piece).replace("*", "").strip())
        if label is None:  # never: only a point's block is joined so
            continue_paragraph(para, piece)
        else:
            add_point(para, label.group(1), strip_label(piece, label.group(0)), label.group(0).strip())
    return para


def preambular_paragraph(block: str, eid_: str, part: str | None) -> PreambularParagraph:
    """The model's preambular paragraph from its block: its words without markup, its markers,
    its points (each with its eId under the paragraph's, as an operative paragraph's)."""
    para = para_of(block)
    intro, refs = clean_text(para.intro)
    points, texts = points_of(para.points, eid_, refs)
    return PreambularParagraph(" ".join([intro, *texts]).strip(), verb_phrase(MARK_RE.sub("", para.intro), operative=False), eid_, refs, part,
                               intro if points else None, points)


def clean_text(text: str) -> tuple[str, list[str]]:
    """Reader-facing text: no markup, no markers; the markers it carried, in order, once each."""
    plain, refs = strip_marks(text)
    plain = plain.replace("*", "")
    seen: list[str] = []
    for ref in refs:
        if ref not in seen:
            seen.append(ref)
    return " ".join(plain.split()), seen


def add_point(para: Para, num: str, text: str, label: str) -> None:
    """Attach a point: "(i)" after "(h)" is a letter, unless (h) ends with a colon ("With regard to
    the panel discussions …:"); after any other letter it opens romans under it; a lettered point after a numbered one ("11. Sport …:" then "(a)") is that point's own.

    A label printed again at once ("(b) of the Convention;" then "(b) To ensure …") means the
    first was not a point: a reference cut by a page break ("article 2 | (b) of the Convention")
    that happened to carry the next label. It goes back into the point before it, so the two
    never share an eId (which would make the document fail its shapes)."""
    top = para.points
    last = top[-1] if top else None
    if last is not None and len(top) > 1 and num == last.num and not last.children and not (num == "i" and _introduces(last.text)):
        # (but "(i) Decided that …:" then "(i) The point of order …": the letter, then its first roman)
        top.pop()
        continue_paragraph(Para(None, "", top), f"{last.label or f'({last.num})'} {last.text}")
        last = top[-1]
    if last is not None and last.num.isdigit() and num.isalpha():
        add_point(Para(None, "", last.children), num, text, label)  # the same rules, one level down
        return
    letter_next = (
        last is not None and not last.roman and len(num) == 1 and len(last.num) == 1 and ord(num) == ord(last.num) + 1
        and not (last.num == "h" and not last.children and _introduces(last.text))
    )
    roman = num in ROMANS and not letter_next
    if roman and last is not None and not last.roman:
        last.children.append(Point(num, text, roman=True, label=label))
        return
    top.append(Point(num, text, roman=roman, label=label))


def _introduces(text: str) -> bool:
    """The text ends with a colon: a list follows."""
    return MARK_RE.sub("", text).replace("*", "").rstrip().endswith(":")


def continue_paragraph(para: Para, block: str) -> None:
    """Append text to the innermost open part of a paragraph: its last point, or its intro."""
    if not para.points:
        para.intro = f"{para.intro} {block}".strip()
        return
    point = para.points[-1]
    while point.children:
        point = point.children[-1]
    point.text = f"{point.text} {block}".strip()


def model_paragraphs(
    paras: list[Para], prefix: str | None, warnings: list[str], verb_of: Callable[[str], str | None]
) -> list[OperativeParagraph]:
    """The model's paragraphs (eIds, texts, points, markers) from the paragraphs as read;
    `verb_of` gives the leading phrase of a paragraph's raw opening text."""
    infer_lost_numbers(paras, warnings)
    out: list[OperativeParagraph] = []
    used: set[str] = set()
    unnumbered = 0
    numbers = [p.num for p in paras if p.num is not None]
    restarts = len(numbers) != len(set(numbers))
    sections: dict[str, int] = {}
    for para in paras:
        if para.num is None:
            unnumbered += 1
            local = f"para_u{unnumbered}"
        else:
            local = eid(("para", para.num))
        if restarts and para.section:
            # numbering restarts in each section: the section is part of the position
            key = para.section.split(".")[0].strip()
            token = key if re.fullmatch(r"[IVXLC]+|[A-Z]", key) else str(sections.setdefault(para.section, len(sections) + 1))
            local = f"{eid(('sec', token))}__{local}"
        pid = f"{prefix}__{local}" if prefix else local
        if pid in used:
            pid = f"{pid}_{len(used)}"
        used.add(pid)
        intro, refs = clean_text(para.intro)
        parts = [intro] if intro else []
        subparagraphs, texts = points_of(para.points, pid, refs)
        parts += texts
        raw = MARK_RE.sub("", para.intro)
        verb = verb_of(raw) if not para.continued else None
        out.append(
            OperativeParagraph(
                num=para.num,
                text=" ".join(parts),
                verb=verb,
                intro=intro if para.points else None,
                subparagraphs=subparagraphs,
                section=para.section,
                continued=para.continued,
                eid=pid,
                footnote_refs=refs,
            )
        )
    return out


def points_of(points: list[Point], parent: str, refs: list[str]) -> tuple[list[SubParagraph], list[str]]:
    """The points of a paragraph or point, and their texts. A label met again among them opens a
    second list ("(a) … (b) …" then, after words of the paragraph, "(a) … (b) …" again, as a
    decision that lists two sets of items prints them): `list_2`, so that no eId is used twice."""
    subs: list[SubParagraph] = []
    texts: list[str] = []
    list_no, labels = 1, set()
    for point in points:
        if point.num in labels:
            list_no, labels = list_no + 1, set()
        labels.add(point.num)
        sub, text = subparagraph(point, parent, refs, list_no)
        subs.append(sub)
        texts.append(text)
    return subs, texts


def subparagraph(point: Point, parent: str, refs: list[str], list_no: int = 1) -> tuple[SubParagraph, str]:
    pid = f"{parent}__list_{list_no}__{eid(('point', point.num))}"
    text, own = clean_text(point.text)
    for ref in own:
        if ref not in refs:
            refs.append(ref)
    children, texts = points_of(point.children, pid, refs)
    full = [f"{point.label or '(' + point.num + ')'} {text}".strip(), *texts]
    return SubParagraph(point.num, text, children, pid), " ".join(full)


_OCR_DEBRIS = re.compile(r"^[_|~‘—–]+\s*(?=\*?[A-Z])")
"""A smudge OCR read before a paragraph's first word: "16. ‘Reiterates", "13. _ Decides", "24. ~— Requests"
(no printed paragraph opens with these)."""
_OCR_FIRST_WORD = re.compile(r"^(\*?[A-Z][a-z]+)(?:_(?=(?:on|upon|for)\b)|\.(?= [a-z]))")
"""The first word with OCR's underscore for a space ("Calls_on") or a stray full stop before the
sentence goes on in lower case ("Requests. the Ad Hoc Sub-Committee")."""


def strip_label(block: str, label_in_plain: str) -> str:
    """Remove a paragraph number or point label from the raw block (which may start with `*`),
    and what OCR left between the number and the first word."""
    label = label_in_plain.strip()
    idx = block.find(label)
    if idx == -1:
        return block
    rest = (block[:idx] + block[idx + len(label) :]).strip()
    rest = _OCR_DEBRIS.sub("", rest)
    return _OCR_FIRST_WORD.sub(lambda m: m.group(1) + (" " if m.group(0).endswith("_") else ""), rest)


def infer_lost_numbers(paras: list[Para], warnings: list[str]) -> None:
    """An unnumbered paragraph between paragraphs n and n + 2 is paragraph n + 1 (its number lost);
    so is one whose printed number is any other (a scan's "8" for 5 between 4 and 6, S/RES/591)."""
    for k in range(1, len(paras) - 1):
        before, this, after = paras[k - 1], paras[k], paras[k + 1]
        if (this.num and this.num.isdigit() and before.num and after.num and before.num.isdigit() and after.num.isdigit()
                and int(after.num) == int(before.num) + 2 and int(this.num) != int(before.num) + 1
                and before.section == this.section == after.section):
            warnings.append(f"paragraph {int(before.num) + 1} is printed {this.num}, between {before.num} and {after.num}: read as {int(before.num) + 1}")
            this.num = str(int(before.num) + 1)
        if this.num is None and not this.continued and before.num and after.num and before.num.isdigit() and after.num.isdigit():
            if int(after.num) == int(before.num) + 2 and before.section == after.section:
                this.num = str(int(before.num) + 1)
                warnings.append(f"paragraph {this.num} has no printed number; it is inferred from paragraphs {before.num} and {after.num}")
