"""Blocks → the document model's parts: preamble, operative paragraphs, points, sections, annexes.

Preambular paragraphs are the blocks after the opening formula up to the first numbered
paragraph; numbered blocks are operative paragraphs; point labels attach to the paragraph
above them, roman points nesting under the letter they follow. An "Annex" heading opens an
annex whose numbered paragraphs are its own. eIds are filled here, per docs/architecture.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lod.model import Annex, OperativeParagraph, PreambularParagraph, Table
from lod.parse.blocks import AGENDA_ITEM, ANNEX_HEADING, ANNEX_WITH_TITLE, CLOSING, INTRODUCES_TEXT, PART_LABEL, ROMAN_HEADING
from lod.parse.labels import NUM_START, POINT_START, RULE_LABEL, SC_POINT_START
from lod.parse.decisions import ANNOUNCES_ITEMS, DECISION_VERB
from lod.parse.furniture import MARK_RE
from lod.parse.heading import formula_line
from lod.parse.openings import (is_complete, lead_in, operative_start, opens_with_lexicon_phrase,
                                opens_with_operative_phrase, plain_end, section_heading)
from lod.parse.paragraphs import (POINT_BREAK, Para, add_point, continue_paragraph, model_paragraphs, para_of,
                                  preambular_paragraph, strip_label)
from lod.parse.tables import table_at
from lod.parse.declarations import declaratory_phrase, in_first_person
from lod.parse.verbs import bare_verb_phrase, opens_operative, verb_phrase
from lod.uri import eid


@dataclass
class Structure:
    """The body of a document as the model holds it, plus what the closing lines say."""

    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    meeting: str | None = None
    meeting_date: str | None = None
    closing_refs: list[str] = field(default_factory=list)
    """Footnote markers printed on the closing lines or the record of the vote under them."""
    part_refs: list[str] = field(default_factory=list)
    """Markers on a part's letter or a section's heading ("B¹": "… becomes decision 76/407 A";
    "Provisional programme of work²"): notes of a heading, which the model keeps as the document's."""
    warnings: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


class StructureBuilder:
    """Walks the blocks once, in reading order."""

    def __init__(self, *, extract: bool = False, decision: bool = False, part: str | None = None,
                 part_heading: str | None = None) -> None:
        self.extract = extract
        self.decision = decision
        self.part = part
        self.part_preamble = False
        self.preamble_parts: list[str | None] = []
        self.result = Structure()
        self.preamble_blocks: list[str] = []
        self.paras: list[Para] = []
        self.annex_paras: list[list[Para]] = []
        self.annex_titles: list[str | None] = []
        self.annex_nums: list[str | None] = []
        self.section: str | None = part_heading or part
        self.pending_label: str | None = None
        """A label printed alone ("I.", "A.", "Rule 1"): the start of the heading in the next block."""
        self.annex_letter: str | None = None
        self.sections_hold_preambles = False
        self.part_title = False
        self.expect_annex_title = False
        self.in_vote = False

    @property
    def _target(self) -> list[Para]:
        return self.annex_paras[-1] if self.annex_paras else self.paras

    def feed(self, block: str) -> None:
        plain = MARK_RE.sub("", block).replace("*", "").strip()
        if self.in_vote:
            # the record of a vote ("In favour: …; Against: …") runs to its closing bracket
            self.in_vote = "]" not in plain
            self.result.closing_refs += MARK_RE.findall(block)
            return
        table = table_at(plain)
        if table is not None:
            # a table of States (a scale of assessments), or where a table kept apart stands (Word, a text's grid)
            table.eid = f"table_{len(self.result.tables) + 1}"
            table.location = eid(("annex", len(self.annex_paras))) if self.annex_paras else ""
            table.title = self.annex_titles[-1] if self.annex_paras else None
            self.result.tables.append(table)
            return
        closing = CLOSING.match(plain)
        if closing:
            self.result.closing_refs += MARK_RE.findall(block)
            if closing.group(1) or closing.group(3):
                self.result.meeting = closing.group(1) or closing.group(3)
                self.result.meeting_date = closing.group(2)
            self.in_vote = plain.lstrip("\\").startswith("[") and "]" not in plain
            return
        part = PART_LABEL.match(plain) if self.decision and len(plain) < 320 else None
        if part:
            self.section = part.group(1)  # "A", "Decision B": the parts of a multi-part decision
            self.result.part_refs += MARK_RE.findall(block)
            return
        if not self.decision and not self.annex_paras and self._next_part(plain):
            # "B" of a resolution in parts, or a lettered section ("C" after "B", never roman C)
            self.part = self.section = plain.rstrip(".")
            self.pending_label = None
            self.part_title = True
            return
        if self.part_title and not is_complete(plain) and formula_line(plain) is None and len(plain) < 300:
            self.part_title = False  # "B ⏎ United Nations public information policies and activities"
            self.section = f"{self.part}. {' '.join(plain.split())}"
            return
        self.part_title = False
        if self.part and (self.paras or self.preamble_blocks) and formula_line(plain) is not None:
            self.part_preamble = True  # "The Security Council," again: this part's own preamble
            return
        if self.part_preamble and not (NUM_START.match(plain) or opens_operative(plain) or ROMAN_HEADING.fullmatch(plain)):
            # the part's preamble runs to its first paragraph, number or not ("Resolves that …:"),
            # or to a section heading ("I ⏎ Introduction")
            self.preamble_blocks.append(block)
            self.preamble_parts.append(self.part)
            return
        self.part_preamble = False
        if self._opens_embedded_text(plain):
            # "Adopts the following declaration:": the one operative sentence, then the text it
            # adopts, which the model keeps as an annex (its title and numbered paragraphs)
            self.paras.append(Para(None, block))
            self.annex_paras.append([])
            self.annex_titles.append(None)
            self.annex_nums.append(None)
            self.section, self.expect_annex_title = None, True
            return
        annex = ANNEX_HEADING.match(plain)
        if annex and self.expect_annex_title and self.annex_paras and not self.annex_paras[-1]:
            self.annex_nums[-1] = annex.group(1)  # "the following declaration:" then "Annex": one annex
            return
        titled = ANNEX_WITH_TITLE.match(plain) if annex is None and self.result.meeting else None
        if annex or titled:
            # "Annex ⏎ Awaza Political Declaration", or both on one line after the closing lines
            self.annex_paras.append([])
            self.annex_titles.append(" ".join(titled.group(2).split()) if titled else None)
            self.annex_nums.append((annex or titled).group(1))
            self.section, self.expect_annex_title = None, titled is None
            return
        num = NUM_START.match(plain)
        point = POINT_START.match(plain) or (SC_POINT_START.match(plain) if self._target else None)
        item = AGENDA_ITEM.match(plain) if self.decision and self._target else None
        if item:
            # "Item 9. Report of the Economic and Social Council": an agenda item the decision
            # lists (items remaining, a committee's programme of work), a point under its number
            add_point(self._target[-1], item.group(1), strip_label(block, item.group(0)), item.group(0).strip())
            return
        if num:
            self.expect_annex_title = False
            body = strip_label(block, num.group(0))
            if self._numbered_point(num.group(1)) or self._agenda_item(num.group(1)):
                # "…, and on:" then "1. …", "2. …": a numbered list inside the paragraph above
                add_point(self._target[-1], num.group(1), body, num.group(0).strip())
                return
            if not self._target and not self.annex_paras and self._last_block_is(lead_in):
                # "Resolves:" then "1. That …": the operative part's opening words, not its preamble
                self.paras.append(para_of(self.preamble_blocks.pop(), self.section))
                del self.preamble_parts[len(self.preamble_blocks):]
            elif not self._target and not self.annex_paras and self._last_block_is(section_heading, before_sections=True):
                # "A. Theme for the Commission … in 2020" then "1. Decides": the first section's heading
                self.section = " ".join(MARK_RE.sub("", self.preamble_blocks.pop()).replace("*", "").replace(POINT_BREAK, " ").split())
                del self.preamble_parts[len(self.preamble_blocks):]
            self._target.append(Para(num.group(1), body, section=self.section))
            return
        if point and self.expect_annex_title and len(self.annex_paras) == 1 and not self.annex_paras[0]:
            # "Recommends the following for consideration by national Governments:" then "(a) …": the
            # sentence's own points (E/RES/2018/29), not a text it introduces
            del self.annex_paras[0], self.annex_titles[0], self.annex_nums[0]
            self.expect_annex_title = False
        if point and not self._target and self.preamble_blocks and not (self.extract or self.decision):
            if self.part and opens_operative(MARK_RE.sub("", self.preamble_blocks[-1].replace(POINT_BREAK, " ")).replace("*", "").strip()):
                # a part's "Urges all countries …, ⏎ (a) To cooperate …": the unnumbered operative
                # paragraph the points belong to (the one paragraph of A/RES/72/90 A), not its
                # preamble (texts in one part keep `finish`'s reading of an unnumbered operative part)
                self.paras.append(para_of(self.preamble_blocks.pop(), self.section))
                del self.preamble_parts[len(self.preamble_blocks):]
                add_point(self.paras[-1], point.group(1), strip_label(block, point.group(0)), point.group(0).strip())
                return
            self.preamble_blocks[-1] = f"{self.preamble_blocks[-1]}{POINT_BREAK}{block}"  # a preambular paragraph's point
            return
        if point and self._target and self._reference_goes_on(point.group(1)):
            continue_paragraph(self._target[-1], block)
            return
        if point and (self._target or self.extract):
            self.expect_annex_title = False
            if not self._target:
                self._target.append(Para(None, "", continued=True))
            add_point(self._target[-1], point.group(1), strip_label(block, point.group(0)), point.group(0).strip())
            return
        alone = self.annex_paras and re.fullmatch(r"[A-Z]\.|[IVXLC]{1,7}\.", plain)  # "I." ⏎ "Organization of work"
        if alone and plain[0] == ("A" if self.annex_letter is None else chr(ord(self.annex_letter) + 1)):
            self.annex_letter, self.pending_label = plain[0], plain  # "A." ⏎ "Plenary meetings", then "B." (never roman C)
            return
        roman = ROMAN_HEADING.fullmatch(plain) if not is_complete(plain) or alone else None
        first = roman is not None and not (self._target or self.preamble_blocks or self.annex_paras or self.extract or self.decision)
        if roman and (self._target or self.preamble_blocks or first or self.annex_paras):
            self.annex_letter = None  # each roman section letters its own subsections from A
            # "I" before any paragraph: each section holds its own preamble (A/RES/72/262's
            # "I ⏎ International Public Sector Accounting Standards ⏎ Recalling …")
            self.sections_hold_preambles = self.sections_hold_preambles or first
            self.section = roman.group(0).rstrip(".") if not roman.group(2) else f"{roman.group(1)}. {roman.group(2)}"
            self.pending_label = f"{roman.group(1)}." if not roman.group(2) else None
            return
        # a title is short, but one under a label printed alone may run long (A/RES/72/262 C: "III ⏎
        # Revised estimates relating to the programme budget … related to the peace and security reform", 330)
        longest = 600 if self.pending_label else 300
        if not is_complete(plain) and (self._target or self.annex_paras or self.pending_label) and len(plain) < longest:
            self.result.part_refs += MARK_RE.findall(block)
            if self.expect_annex_title and self.annex_paras:
                self.annex_titles[-1] = " ".join(plain.split())
                self.expect_annex_title = False
            elif self.pending_label and not RULE_LABEL.fullmatch(plain):
                self.section = f"{self.pending_label} {' '.join(plain.split())}"
                self.pending_label = None
            else:
                self.section = " ".join(plain.split())
                self.pending_label = self.section if RULE_LABEL.fullmatch(self.section) else None  # "Rule 1" ⏎ its title
            return
        self.expect_annex_title = False
        self.pending_label = None  # text: a label printed above it had no title
        if (self._target or self.annex_paras) and not (self.extract and self.preamble_blocks and not self.paras):
            target = self._target
            if self.extract and not target:
                target.append(Para(None, block, continued=True))
            elif target and target[-1].num is None and target[-1].continued and not target[-1].points and not self.annex_paras:
                target[-1].intro = f"{target[-1].intro} {block}".strip()
            elif target and (not self.annex_paras or target[-1].section != self.section) and self._opens_section_paragraph(target[-1], plain):
                target.append(Para(None, block, section=self.section))
            elif target and not self.decision and not self._lost_number(target, plain):
                # a sentence of the paragraph above that a page break set apart (paragraphs are numbered)
                continue_paragraph(target[-1], block)
            else:
                target.append(Para(None, block, section=self.section))
            return
        if self.extract and not self.paras and plain.endswith(","):
            # a page of the preamble (a fragment ending one first): counted from the top of the page
            if not self.preamble_blocks:
                self.result.warnings.append("preambular paragraphs of this page extract are numbered from the top of the page")
            self.preamble_blocks.append(block)
            return
        if self.extract or self.decision or (self.sections_hold_preambles and self.section is not None):
            self.paras.append(Para(None, block, continued=self.extract, section=self.section))
            return
        self.preamble_blocks.append(block)
        self.preamble_parts.append(self.part)

    def _reference_goes_on(self, label: str) -> bool:
        """"… a serious crime, as defined in article 2" then, after a line or page break, "(b) of
        the Convention; …": a reference broken before its subparagraph label. Read as text when
        the open text ends with a number (no clause ends so) and the label neither opens a list
        nor follows the last point's letter; otherwise it is a point."""
        innermost, points = self._target[-1].intro, self._target[-1].points
        last = None
        while points:
            last, points = points[-1], points[-1].children
            innermost = last.text
        end = plain_end(innermost)
        if not end or not end[-1].isdigit() or label in ("a", "i"):
            return False
        return last is None or not (len(label) == len(last.num) == 1 and ord(label) == ord(last.num) + 1)

    def _last_block_is(self, test: Callable[[str], bool], *, before_sections: bool = False) -> bool:
        """Whether the last preambular block is the operative part's lead-in (`lead_in`) or, before
        any section, the first section's heading (`section_heading`)."""
        if not self.preamble_blocks or self.extract or self.decision or (before_sections and self.section is not None):
            return False
        return test(MARK_RE.sub("", self.preamble_blocks[-1].replace(POINT_BREAK, " ")).replace("*", "").strip())

    def _numbered_point(self, number: str) -> bool:
        """A number that restarts at 1 after a paragraph ending with a colon, and its sequels while
        they are not the paragraph's own successor: points of that paragraph, not paragraphs."""
        last = self._target[-1] if self._target else None
        if last is None or not last.num or not last.num.isdigit():
            return False
        n = int(number)
        if last.points and last.points[-1].num.isdigit():
            return n == int(last.points[-1].num) + 1 and n != int(last.num) + 1
        opening = MARK_RE.sub("", last.intro)
        return n == 1 and int(last.num) > 1 and not last.points and plain_end(opening).endswith(":")

    def _agenda_item(self, number: str) -> bool:
        """In a decision, numbered lines after a sentence that announces items ("took note of the
        following agenda items that remained for consideration …:", "decided to include the
        following items in the draft agenda …:") are those items under their agenda numbers,
        which skip (9, 11, 12, 14 …): points of that sentence, not paragraphs with gaps. The
        list runs while the numbers ascend."""
        last = self._target[-1] if self.decision and self._target else None
        if last is None or last.num is not None or not number.isdigit():
            return False
        numbered = [p for p in last.points if p.num.isdigit()]
        if numbered:
            return int(number) > int(numbered[-1].num)
        opening = plain_end(MARK_RE.sub("", last.intro))
        return not last.points and opening.endswith(":") and ANNOUNCES_ITEMS.search(opening) is not None

    def _opens_section_paragraph(self, last: Para, plain: str) -> bool:
        """An unnumbered paragraph of a section's own, as the UN's AKN files mark them (the
        Fifth Committee's "I. … ⏎ Recalling … ⏎ Having considered … ⏎ 1. Takes note …"), not the
        paragraph above going on: the first after a section heading, or one opening with a
        phrase of the lexicon after another unnumbered one of the same section."""
        if self.section is None or last.continued:
            return False
        if last.section != self.section:
            return not plain[:1].islower()  # "…and light weapons" after a stray heading is the paragraph going on
        if last.num is not None or last.points:
            return False
        return opens_operative(plain) or opens_with_lexicon_phrase(plain)

    def _lost_number(self, target: list[Para], plain: str) -> bool:
        """An operative paragraph whose printed number was lost (OCR, extraction): numbered
        paragraphs above, the one above complete, and an operative verb opening this one (a common one, or
    any phrase of the lexicon that only opens operative paragraphs: "Transmits this resolution …").
        Its number is inferred in `finish` when the numbers around it leave exactly its place."""
        last = target[-1]
        if last.num is None or not (opens_operative(plain) or opens_with_operative_phrase(plain)):
            return False
        end = plain_end(MARK_RE.sub("", last.points[-1].text if last.points else last.intro))
        return end.endswith((";", "."))

    def _next_part(self, plain: str) -> bool:
        """A lone capital letter that continues the lettering ("A" first, then the next letter):
        the label of a part or lettered section; "I" or "C" elsewhere are roman numerals."""
        if not re.fullmatch(r"[A-Z]\.?", plain):
            return False
        letter = plain[0]
        previous = self.part if self.part and len(self.part) == 1 else None
        return letter == "A" if previous is None else ord(letter) == ord(previous) + 1

    def _opens_embedded_text(self, plain: str) -> bool:
        """An unnumbered operative sentence right after the preamble that introduces a text."""
        if self.paras or self.annex_paras or self.extract or self.decision:
            return False
        if not INTRODUCES_TEXT.search(plain_end(plain)):
            return False
        return verb_phrase(plain, operative=True) is not None and not verb_phrase(plain, operative=False)

    # --- output ------------------------------------------------------------------------
    def finish(self, *, truncated_end: bool = False) -> Structure:
        res = self.result
        preamble = list(self.preamble_blocks)
        if self.decision:
            self.paras[:0] = [para_of(block) for block in preamble]
            preamble = []
        spaced = [block.replace(POINT_BREAK, " ") for block in preamble]  # a paragraph's points are its words
        if self.paras and preamble and not (self.part or self.annex_paras or self.sections_hold_preambles):
            start = operative_start(spaced, numbered=True)
            if start is not None:
                self.paras[:0] = [para_of(block) for block in preamble[start:]]
                preamble = preamble[:start]
        if not self.paras and preamble:
            start = operative_start(spaced, numbered=False, by_verb=not self.annex_paras)
            if start is not None:
                self.paras = [para_of(block) for block in preamble[start:]]
                preamble = preamble[:start]
        parts = self.preamble_parts + [self.part] * (len(self.preamble_blocks) - len(self.preamble_parts))
        lettered = len({p for p in parts[: len(preamble)] if p}) > 1
        for n, block in enumerate(preamble, 1):
            part = parts[n - 1] if n - 1 < len(parts) and lettered else None
            res.preamble.append(preambular_paragraph(block, f"preamble__para_{n}", part))
        res.operative = model_paragraphs(self.paras, None, self.result.warnings, self._verb)
        for k, (paras, title, num) in enumerate(zip(self.annex_paras, self.annex_titles, self.annex_nums), 1):
            prefix = eid(("annex", k))
            res.annexes.append(Annex(title, num, model_paragraphs(paras, prefix, self.result.warnings, self._verb), prefix))
        if truncated_end:
            last = (res.annexes[-1].paragraphs if res.annexes and res.annexes[-1].paragraphs else res.operative)
            if last:
                last[-1].truncated = True
        return res

    def _verb(self, raw: str) -> str | None:
        if in_first_person(raw):
            return declaratory_phrase(raw)
        if self.decision:
            m = DECISION_VERB.search(raw)
            if m:
                return m.group(1)
        return verb_phrase(raw, operative=True) or (bare_verb_phrase(raw) if self.annex_paras else None)


def build_structure(blocks: list[str], *, extract: bool = False, decision: bool = False, part: str | None = None,
                    part_heading: str | None = None) -> Structure:
    """The model's parts from the blocks of a document's body (a decision has no preamble);
    `part` is the letter printed above the formula of a text adopted in parts ("A"), `part_heading`
    that part's heading where a title follows the letter ("A. Information in the service of humanity")."""
    builder = StructureBuilder(extract=extract, decision=decision, part=part, part_heading=part_heading)
    for block in blocks:
        builder.feed(block)
    truncated = bool(blocks) and extract and not is_complete(MARK_RE.sub("", blocks[-1]))
    return builder.finish(truncated_end=truncated)

