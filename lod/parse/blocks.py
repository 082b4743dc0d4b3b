"""Lines → blocks: one block per paragraph, point or heading, whatever the page did to it.

A paragraph broken by a page break, a running header or a footnote block is one paragraph:
terminal punctuation decides (preambular paragraphs end with a comma, operative ones with a
semicolon or full stop, an intro with a colon), not capital letters or blank lines. A new
block starts only after a complete one, and only where something can start: a paragraph
number, a point label, a heading, a leading verb, or (where the layout keeps them) a blank
line before a capitalised line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lod.parse.furniture import MARK_RE, is_furniture
from lod.parse.printedsymbol import SYMBOL_TOKEN, is_symbol_line
from lod.parse.heading import formula_line
from lod.parse.joining import Vocabulary, join_lines
from lod.parse.labels import (NUM_START, PARAGRAPH_NUMBER, POINT_START, RULE_LABEL, SC_POINT_START, restore_lost_labels,
                              split_run_on)
from lod.parse.misread import may_be_misread, misread_number
from lod.parse.openings import MARKER_AFTER_A_RESOLUTION, OPENS_A_NAME, is_complete, opens_with_lexicon_phrase, opens_with_operative_phrase, plain_end
from lod.parse.tables import TABLE_ANCHOR
from lod.parse.verbs import leading_phrase, opens_operative

AGENDA_ITEM = re.compile(r"^Item (\d{1,3})\.\s+(?=\S)")
"""An agenda item printed with its word: "Item 9.", as decisions list them."""
ROMAN_HEADING = re.compile(r"^([IVXLC]{1,7})\.?(?:\s+([A-Z].*))?$")
_ANNEX = r"^(?:Annex|ANNEX)(?:\s+([IVXLC]{1,7}|\d{1,2}|[A-Z]))?"
"""The word and the annex's number or letter, as both patterns below begin."""
ANNEX_HEADING = re.compile(_ANNEX + "$")
_SYMBOL_LAST = re.compile(rf"\s(?:{SYMBOL_TOKEN.pattern})$")
ANNEX_WITH_TITLE = re.compile(_ANNEX + r"\s+([A-Z][a-z][^;:]*)$")
"""An annex's heading and its title on one line ("Annex Awaza Political Declaration", a cleaned text
that joined them): read as one only after the closing lines, where nothing else opens so."""
PART_LABEL = re.compile(r"^(?:(?:Decision|DECISION|Section|Part|PART) )?([A-Z])\.?(?:\s*\(.{0,300}\))?$")
"""The label of one part of a multi-part text ("A", "Decision B", "Section C", "A (Decision 75/407 … becomes decision 75/407 A)")."""
CLOSING = re.compile(
    r"^(?:(\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting)(?:\s*,?\s*(\d{1,2} \w+ \d{4}))?"
    r"|Ad[oa]pted (?:unanimously |without (?:a )?vote,? |by acclamation |by consensus )?at (?:its|the)(?: resumed)?(?: (\d{1,5}(?:st|nd|rd|th) meeting))?.*"
    r"|\\?\[(?:Adopted\b.*|(?:without a vote|by consensus)\.?\\?\]))\s*$"
)
INTRODUCES_TEXT = re.compile(r"\b(?:the following|as follows)\b[^:;]{0,200}:$")
"""An operative sentence that introduces a text printed after it ("Adopts the following declaration:")."""


def _introduces_text(end: str) -> bool:  # only a text with a colon is worth searching
    return ":" in end and INTRODUCES_TEXT.search(end) is not None


def _introduces(text: str) -> bool:
    """A block after which a title is the title of what follows, not a running header."""
    plain = MARK_RE.sub("", text).replace("*", "").strip()
    return is_heading(plain) or _introduces_text(plain_end(plain))


def _blank_separated(lines: list[str]) -> bool:
    """Nine in ten of the lines that open with a phrase of the lexicon (five or more) follow a
    blank line: the text's paragraphs are set apart so."""
    opening = after_blank = 0
    for k, raw in enumerate(lines):
        line = raw.strip()
        if line[:1].isupper() and opens_with_lexicon_phrase(MARK_RE.sub("", line)):
            opening += 1
            after_blank += k == 0 or not lines[k - 1].strip()
    return opening >= 5 and after_blank >= 0.9 * opening


def marker_only(text: str) -> bool:
    """A paragraph number or point label alone ("1." on its own line in raw PDF text)."""
    if len(text) > 20:
        return False
    t = text.strip()
    return bool(
        re.fullmatch(rf"{PARAGRAPH_NUMBER}\.", t) or re.fullmatch(r"\(([a-z]{1,2}|[ivxlc]{1,7})\)", t) or re.fullmatch(r"[a-z]\.", t)
    )


def is_heading(text: str) -> bool:
    if len(text) > 60:
        return False
    t = text.replace("*", "").strip()
    return bool(ANNEX_HEADING.match(t) or re.fullmatch(r"[IVXLC]{1,7}\.?", t) or RULE_LABEL.fullmatch(t))


def _next_text(lines: list[str], index: int) -> str:
    """The next line with text within three lines ("" where none)."""
    return next((x.strip() for x in lines[index + 1 : index + 4] if x.strip()), "")


def _next_opens(lines: list[str], index: int) -> bool:
    """The next line with text opens with a capital (or italics), as a paragraph's text does."""
    following = _next_text(lines, index)
    return following[:1].isupper() or following[:1] == "*"


def _next_is_operative(lines: list[str], index: int) -> bool:
    """The next line with text opens with an operative phrase ("Condemns", "Affirms its")."""
    return opens_operative(_next_text(lines, index).lstrip("*"))


def _next_is_header(lines: list[str], index: int) -> bool:
    following = _next_text(lines, index)
    return bool(following) and (is_symbol_line(following) or is_furniture(following))


_LETTERED_HEADING = re.compile(r"[A-Z]\.\s+[A-Z][^.;:,]{2,140}")
"""A lettered sub-heading: a letter, then words without a stop or a comma ("A. Base/floor salary scale")."""
_TAKES_A_NUMBER = re.compile(r"\b(?:paragraphs?|paras?\.|resolutions?|items?|sections?|chapters?|articles?|rules?|"
                             r"annex(?:es)?|pages?|No\.|Goals?|targets?|decisions?|and|or|to|through)\s*$", re.IGNORECASE)
"""Words a number goes on from across a line break ("… in paragraph" ⏎ "12. …")."""
_GLUED_FOOTNOTE_END = re.compile(r"([,;:.])\s?(\d{1,3})\s*$")
_OPENING = 600
"""Characters of a growing block read to tell how it opens (its number, or a short heading)."""
_ITEM_HEADING = re.compile(r"^Items? \d{1,3}(?:,? and (?:its|their) sub-items?\b.*|,? and \d{1,3})?$")
"""An agenda item's heading in a decision that lists items ("Item 110", "Item 114 and its sub-item (a)")."""
_FUNCTION_WORD_END = re.compile(r"\b(?:and|of|the|to|in|for|or|with|by|on|at|a|an|that)$")


def _numbered_after(current: str, line: str) -> bool:
    """The current block opens with a number or a point label and the line with a higher number
    (below 1000: a year opening a line, "2015.", is not an item number) or a point label: with a
    blank line between, items of a numbered list whose items end without a full stop (agenda
    items, which skip numbers, and their lettered sub-items) rather than one item running on."""
    here = NUM_START.match(current) or AGENDA_ITEM.match(current)
    there = NUM_START.match(line) or AGENDA_ITEM.match(line)
    if not (here or POINT_START.match(current)):
        return False
    if POINT_START.match(line):
        return True  # "22. Groups of countries in special situations" ⏎ "(b) Follow-up …"
    if not (there and there.group(1).isdigit()) or int(there.group(1)) >= 1000:
        return False
    return not here or not here.group(1).isdigit() or int(here.group(1)) < int(there.group(1))


def _lost_final_comma(current: str, line: str) -> bool:
    """"Having examined the application of … to the United Nations" ⏎ ⏎ "Recommends to the General
    Assembly …": a paragraph that opens with a phrase of the lexicon, whose final comma the scan
    lost, and after a blank line one that opens with a phrase of the lexicon or an operative verb
    (not after a function word: "… the report entitled" ⏎ ⏎ "Promoting …" goes on)."""
    opening = MARK_RE.sub("", current[:_OPENING]).replace("*", "").lstrip()
    if _FUNCTION_WORD_END.search(plain_end(current[-40:])) or not opens_with_lexicon_phrase(opening):
        return False
    plain = line.replace("*", "").strip()
    return opens_with_lexicon_phrase(plain) or opens_operative(plain)


def _opens_paragraph(line: str) -> bool:
    """A line that opens a paragraph: its number, a point label, an operative verb or a phrase of
    the lexicon."""
    return bool(NUM_START.match(line) or POINT_START.match(line) or opens_operative(line)) or opens_with_lexicon_phrase(line)


def _opens_with_verb(line: str, at: int) -> bool:
    """What follows a paragraph number opens with an operative verb ("Encourages", "Also requests")."""
    rest = MARK_RE.sub("", line[at:]).replace("*", "").strip()
    return leading_phrase(rest, operative=True) is not None


@lru_cache(maxsize=256)
def _compared(title: str) -> str:
    """A title as lines are compared with it: single spaces, lower case, a hyphen as a space (a
    header printed "non nuclear-weapon" for "non-nuclear-weapon"; asked for every line)."""
    return " ".join(title.replace("-", " ").split()).lower()


@dataclass
class BlockBuilder:
    """Accumulates lines into blocks; `title_lines` are running-header titles to drop."""

    vocabulary: Vocabulary
    title_texts: list[str] = field(default_factory=list)
    footnote_markers: set[str] = field(default_factory=set)
    dehyphenate: bool = True
    soft_breaks: bool = False
    """Markdown: a line break inside a paragraph is soft, paragraphs are set apart by blank lines."""
    paragraphs_are_lines: bool = False
    """Word: each paragraph of the file is a line and a blank line (lod.parse.word), so a line that
    opens a paragraph (a number, a point, a phrase of the lexicon) after a blank line starts a block
    whatever the line before: a heading without a full stop never takes in the paragraph after it."""
    italic_phrases: bool = False
    """A PDF printing its phrases in italics (`*…*`): an upright line opens a paragraph only with a
    phrase of the lexicon ("… on Nuclear Security: ⏎ Enhancing Global Efforts, …" is one paragraph)."""
    blank_separated: bool = False
    """Set by `build`: the text sets its paragraphs apart by blank lines (the UN's text extracts
    do), so a line without one opens a paragraph only with a phrase of the lexicon: "…,
    Production, ⏎ Stockpiling and Use of Chemical Weapons …", "… on Palestine: ⏎ Reconstructing
    Gaza, held on …" go on."""
    blocks: list[str] = field(default_factory=list)

    @staticmethod
    def _joined_by_and(current: str, line: str) -> bool:
        """"…, are able and willing to carry out these obligations, and" ⏎ ⏎ "Taking into account
        …": preambular paragraphs the older texts join with "and" (S/RES/6 (1946)); the blank
        line and the phrase of the lexicon say the next one starts."""
        return plain_end(current[-40:]).endswith(", and") and opens_with_lexicon_phrase(line.replace("*", "").strip())

    def _complete(self, text: str) -> bool:
        """Complete, also when a footnote number is glued after the final punctuation ("72/4;1")."""
        if is_complete(text):
            return True
        m = _GLUED_FOOTNOTE_END.search(text[-20:])
        return bool(m and m.group(2) in self.footnote_markers)

    def _is_title_piece(self, line: str, standalone: bool, tail: bool = False) -> bool:
        """A running header's short title (or a piece of it when it wraps; with `tail`, after the header
        or a piece, the title's last word however short: "… technical cooperation ⏎ capacity")."""
        norm = " ".join(line.replace("*", "").replace("-", " ").split()).lower()
        if len(norm) < 12:
            return tail and len(norm) > 2 and any(_compared(t).endswith(" " + norm) for t in self.title_texts)
        for title in self.title_texts:
            t = _compared(title)
            if (norm in t and not standalone) or (standalone and t.startswith(norm)):
                return True
        return False

    def _title_then_header(self, lines: list[str], index: int) -> bool:
        """The first line of a short title wrapped on two lines that an odd page prints before
        the symbol ("Achieving gender equality … girls for" ⏎ "realizing all … Goals" ⏎
        "A/RES/78/150"): the last line of text before it may not end a sentence ("medium-")."""
        following = [x.strip() for x in lines[index + 1 : index + 5] if x.strip()][:2]
        return len(following) == 2 and self._is_title_piece(following[0], standalone=False, tail=True) and (
            is_symbol_line(following[1]) or is_furniture(following[1]))

    def _titled_header(self, line: str) -> bool:
        """An odd page's running header on one line, the short title before the symbol ("Awaza
        Political Declaration A/RES/80/3", a cleaned text that joined them)."""
        symbol = _SYMBOL_LAST.search(line)
        return symbol is not None and symbol.start() > 0 and self._is_title_piece(line[: symbol.start()], standalone=True)

    def _starts_title(self, line: str) -> bool:
        """The first three or more words of a known title."""
        norm = " ".join(line.replace("*", "").replace("-", " ").split()).lower()
        return len(norm.split()) >= 3 and any(_compared(t).startswith(norm) for t in self.title_texts)

    def build(self, lines: list[str]) -> list[str]:
        current: str | None = None
        blank = False
        after_header = after_title = False
        expected = 1
        lines = split_run_on(lines) if any(len(line) > 200 for line in lines) else lines
        self.blank_separated = _blank_separated(lines)
        for index, raw in enumerate(lines):
            line = raw.strip()
            if not line:
                blank = True
                continue
            if TABLE_ANCHOR.fullmatch(line):  # where a table the reader keeps apart stands: a block of its own
                self.blocks += [current, line] if current is not None else [line]
                current, blank = None, False
                continue
            if may_be_misread(line):
                line = misread_number(line, expected, blank or current is None or self._complete(current))
            if blank and expected > 1 and line == str(expected) and _next_is_operative(lines, index):
                line += "."  # "25" ⏎ "Condemns without reservation …": the count's next number, its stop lost
            number = NUM_START.match(MARK_RE.sub("", line).lstrip("*"))
            # the next number of the count, before a verb ("4. Encourages") or a capital where the
            # block above is no reference that could go on with it ("VI. Role of … Countries" ⏎
            # "341. We recall …"; not "… in paragraph" ⏎ "12. The …")
            numbered_next = bool(number) and int(number.group(1)) == expected and (
                _opens_with_verb(line, number.end()) or (current is not None and line[number.end():][:1].isupper()
                                                         and not _TAKES_A_NUMBER.search(current[-40:])))
            # "2." alone after a blank line, its text on the next line (raw PDF text), under a
            # heading or an annex's title that ends without a stop: a paragraph's number
            lone = blank and bool(number) and not line[number.end():] and int(number.group(1)) in (expected, 1) \
                and _next_opens(lines, index)
            if is_symbol_line(line) or is_furniture(line) or self._titled_header(line):
                after_header = True
                continue
            next_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
            standalone = not (after_header or after_title) and blank and next_blank
            # A running title stands beside the page furniture (after the symbol line, or before it
            # on odd pages), alone between blank lines, or (furniture already stripped) as the
            # start of a title or the rest of one just dropped; elsewhere a line that happens to
            # be part of a title ("development,") is text.
            placed = after_header or standalone or after_title or _next_is_header(lines, index) or (
                self._starts_title(line) and self._title_then_header(lines, index))
            # (a title's first words without a blank line before, after words that do not end a
            # paragraph, are the text naming it: "… entry into force of the ⏎ Convention on …")
            loose = blank or current is None or self._complete(current)
            if (placed or (loose and self._starts_title(line))) and self._is_title_piece(line, standalone, after_header or after_title) and not (
                current is not None and (_introduces(current) or self._is_title_piece(current, standalone=False))
            ):
                after_title = True
                continue  # a running title; but a title after "Annex" or "the following:" is text
            after_header = after_title = False
            if current is None:
                current = line
            elif numbered_next or lone or self._starts_new(current, line, blank) or self._heading_between(current, line, lines, index):
                # the printed numbering is stronger evidence than a final punctuation the page
                # break lost: "4. Encourages" right after paragraph 3 is paragraph 4
                self.blocks.append(current)
                current = line
            else:
                current = join_lines(current, line, self.vocabulary, dehyphenate=self.dehyphenate)
            if current is line and number:
                expected = int(number.group(1)) + 1
            blank = False
        if current is not None:
            self.blocks.append(current)
        return restore_lost_labels(self.blocks)

    def _heading_between(self, current: str, line: str, lines: list[str], index: int) -> bool:
        """An unnumbered sub-heading between two paragraphs ("Humanitarian access" before "3.").

        Raw PDF text has no blank line to set it apart; it is short, capitalised, has no
        closing punctuation and the next line opens a numbered paragraph.
        """
        if not self._complete(current) or marker_only(current):  # "1." alone: its text follows, never a heading
            return False
        plain = MARK_RE.sub("", line).replace("*", "").strip()
        if not plain[:1].isupper() or is_complete(plain) or len(plain.split()) > 12 or leading_phrase(plain, operative=False):
            return False
        following = MARK_RE.sub("", next((x.strip() for x in lines[index + 1 :] if x.strip() and not is_furniture(x)), ""))
        return bool(NUM_START.match(following.lstrip("*"))) or (  # or, in italics, a preambular phrase
            self.italic_phrases and following.startswith("*") and opens_with_lexicon_phrase(following.replace("*", "")))

    def _heading_like(self, text: str) -> bool:
        """A standalone heading (section or annex title), not a sentence cut by a page break."""
        if len(text) > 400:
            return False
        plain = MARK_RE.sub("", text).replace("*", "").strip()
        if is_heading(plain) or (self.blocks and RULE_LABEL.fullmatch(self.blocks[-1].strip()) and len(plain) < 150):
            return True  # also the title under "Rule 10" ("Voting rights of the presiding President")
        if _LETTERED_HEADING.fullmatch(plain):
            return True  # "A. Review of pensionable remuneration" under "I ⏎ Conditions of service …"
        if not plain[:1].isupper() or len(plain) > 200 or leading_phrase(plain, operative=False):
            return False
        if _FUNCTION_WORD_END.search(plain) or opens_operative(plain) or opens_with_operative_phrase(plain):
            return False  # "Deeply deplores … on 27 April" ⏎ "1968.": a sentence, not a heading
        return not self.blocks or self._complete(self.blocks[-1]) or is_heading(self.blocks[-1])

    def _starts_new(self, current: str, line: str, blank: bool) -> bool:
        plain_line = MARK_RE.sub("", line).lstrip("*")
        bare = plain_line.replace("*", "").strip()  # without markers or italics
        if self.paragraphs_are_lines and (PART_LABEL.fullmatch(current.strip()) or blank and (
            _opens_paragraph(bare) or PART_LABEL.fullmatch(plain_line.strip())
            or formula_line(bare) is not None
            or CLOSING.match(MARK_RE.sub("", current).replace("*", "").strip())
        )):
            return True  # also around a part's letter ("B"), and after a closing "76th plenary meeting"
        if marker_only(current):
            return False
        if plain_line[:1] == "T" and formula_line(bare) is not None:
            return True  # "B ⏎ United Nations public information policies ⏎ *The General Assembly*,": a part's formula
        if blank and _ITEM_HEADING.match(plain_line) or len(current) <= _OPENING and _ITEM_HEADING.match(MARK_RE.sub("", current).strip()):
            return True  # "Item 115 and its sub-items (a), (b), (d) and (g)" is a heading of its own
        if CLOSING.match(bare) or is_heading(line) or is_heading(current):
            return True
        closing = MARK_RE.sub("", current).replace("*", "").strip() if len(current) < 120 else ""  # a closing is short:
        if closing and CLOSING.match(closing) and not CLOSING.match(f"{closing} {bare}"):  # no pass over a long block
            return True  # "40th plenary meeting" ⏎ "21 June 2018" is one closing, a note's "14" after it is not
        if _introduces_text(plain_end(current)) and plain_line[:1].isupper():
            return True  # "Adopts the following declaration:" then the declaration's title
        glued = MARKER_AFTER_A_RESOLUTION.search(current[-12:])  # "… pursuant to resolution 71/2054": its comma lost
        if (_GLUED_FOOTNOTE_END.search(current[-20:]) or glued and glued.group(1) in self.footnote_markers) and (
                opens_with_lexicon_phrase(bare) or opens_operative(bare) or re.fullmatch(r"1\.", plain_line.strip())):
            return True  # "… of the Assembly, 2" (a marker whose note the extract lost) ⏎ "Recalling further …" or "1."
        if self.italic_phrases and line.startswith("*") and opens_with_lexicon_phrase(bare):
            return True  # "… resolution 71/205⁴" (its comma lost) ⏎ "*Reaffirming its grave concern* that …"
        if not self._complete(current) and not (blank and (self._joined_by_and(current, plain_line) or _lost_final_comma(current, plain_line))):
            # Only the block's opening is read here: the block grows line by line, and reading all
            # of it for every line made a 20,000-line run-on block take a minute (quadratic).
            opening = MARK_RE.sub("", current[:_OPENING]).lstrip("*")
            # twelve words or fewer (splitting off a thirteenth is enough to tell)
            short = len(current) <= _OPENING and len(opening.split(None, 12)) <= 12 and not current.lstrip("*")[:1].islower()
            if short and blank and NUM_START.match(plain_line) and not marker_only(current):
                return True  # a sub-heading set apart by blank lines ("Capacity-building")
            if blank and _numbered_after(opening, plain_line):
                return True  # a list of numbered items without full stops ("14. Culture of peace" ⏎ "15. …", "(a) …")
            if self._heading_like(current) and (
                blank or NUM_START.match(plain_line) or POINT_START.match(plain_line) or SC_POINT_START.match(plain_line)
                or opens_with_lexicon_phrase(bare)  # "Current situation" ⏎ "*Welcoming* …"
            ):
                return plain_line[:1].isupper() or plain_line[:1].isdigit() or plain_line[:1] == "("
            return False
        if NUM_START.match(plain_line) or POINT_START.match(plain_line) or SC_POINT_START.match(plain_line):
            return True
        first = plain_line[:1]
        if blank and (first.isupper() or first in "“\"'"):
            return True
        if line.startswith("*") and first.isupper():
            return True
        if first.isupper() and leading_phrase(plain_line, operative=False):
            # where breaks are soft, a line the blank line does not set apart opens a paragraph
            # only with a phrase of the lexicon: "…, Production, ⏎ Stockpiling and Use of
            # Chemical Weapons …" is one paragraph
            # nor does a participle that opens a name ("Federated States of Micronesia", "Refrigerated
            # Transport Vessels", a subtitle's "Reconstructing Gaza" after "… Conference on Palestine:"):
            # before a capital only a phrase of the lexicon does ("Recalling General Assembly …")
            loose = not (self.soft_breaks or self.italic_phrases or self.blank_separated or OPENS_A_NAME.match(plain_line))
            return loose or opens_with_lexicon_phrase(plain_line)
        if opens_operative(plain_line) and plain_end(MARK_RE.sub("", current)).endswith((",", ";", ".")):
            return True  # "…, 24" then "Decides:": punctuation and the verb lexicon agree
        return first.isupper() and plain_line.startswith(("We ", "We, "))
