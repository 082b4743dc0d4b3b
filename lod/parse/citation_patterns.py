"""The printed shapes of citations, shared by the citation extractor.

Every pattern here is precompiled and linear: lists are read item by item by the extractor
instead of with one nested regex, so no input can make a pattern backtrack
catastrophically (the extractor runs on tens of thousands of documents and is fuzzed).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from lod.bodies import BODIES, Body, by_name
from lod.dates import MONTH_NAMES

MONTHS = f"(?:{MONTH_NAMES})"

_MARKUP = re.compile(
    r"\[(?P<link>[^\[\]\n]{1,200})\]\([^()\s]{0,500}\)"  # Markdown link: keep its text
    r"|\[\^[^\]\s]{1,10}\]"  # Markdown footnote reference
    r"|<sup>[^<]{0,20}</sup>"  # HTML superscript footnote marker
    r"|</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>"  # other tags
    r"|\\?\*{1,3}"  # emphasis and escaped asterisks
    r"|[\u00b9\u00b2\u00b3\u2070-\u209f]+"  # Unicode superscript digits
)

_MARKUP_START = re.compile(r"[\[<\\*\u00b9\u00b2\u00b3\u2070-\u209f]")
"""The characters a `_MARKUP` match can start with."""


@lru_cache(maxsize=64)
def strip_markup(text: str) -> str:
    """Text as read, without Markdown/HTML emphasis, links or footnote markers.

    Cached: the citation extractor and the treaty-mention reader both read every paragraph.
    """
    if _MARKUP_START.search(text) is None:  # most paragraphs: nothing to strip
        return text
    return _MARKUP.sub(lambda m: m.group("link") or "", text)


# A citable number: 70/174, S-30/1, ES-10/1, 2017/16, 73/___ (placeholder), 1373 (2001), 3263 (XXIX).
NUMBER = (
    r"(?P<num>(?:(?:ES|S)-\d{1,2}|\d{1,4})/(?:\d{1,4}(?![\d/])|_{1,12}(?!_))"
    r"|\d{1,4}\s?\((?:\d{4}|[IVXLC]{1,9})\)"
    r"|\d{1,4}\s?[A-K]\s?\([IVXLC]{1,9}\))"  # 217 A (III), 217A (III): a part of an early GA resolution
)
# The parts of a resolution adopted in parts: "54/54 B", "55/33 V", "56/24 M and N", "76/247 A to C"
# (the General Assembly's disarmament resolutions run far past K).
_PART = "(?:" + "|".join(c + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "|[A-Z])"  # "53/77 AA": after Z
PARTS = rf"(?:\s(?P<parts>{_PART}(?:(?:\s*,\s*|\s+and\s+|\s+to\s+){_PART})*)(?![\w/-]))?"
ITEM_RE = re.compile(NUMBER + PARTS)
DATE_RE = re.compile(
    rf"\s*,?\s*of\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\s+(?P<year>\d{{4}})"
    rf"|(?P<blank>(?:_{{1,20}}|\d{{1,2}})(?:\s+(?:_{{1,20}}|{MONTHS}))?\s+(?:\d{{4}}|_{{1,20}})))"
)
_COUNCIL_DATED = rf"\d{{1,4}}\s?\(\d{{4}}\)\s*,?\s*of\s+\d{{1,2}}\s+(?:{MONTHS})\b"
DATED_ITEM_RE = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+|(?<=\d{4})\s+)(?=" + NUMBER + PARTS + DATE_RE.pattern + "|" + _COUNCIL_DATED + ")"
)
"""Where a list of resolutions goes on after words of its own ("63/71 of 2 December 2008 on the
Convention on Cluster Munitions and 70/54 of 7 December 2015, …") or a lost comma ("… of 5 December
2016 ⏎ 73/66 of 5 December 2018"): a number with its date is the list's next item. The Council's
numbers carry their year, so their date may leave it out ("423 (1978) of 14 March, 424 (1978) of
17 March and 437 (1978) of 10 October 1978")."""
LIST_SEPARATOR_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*and\s+|\s+and\s+)")
KEYWORD_RE = re.compile(r"\b(?P<kw>[Rr]esolutions?|[Dd]ecisions?)\s+(?:No\.\s*)?(?=(?:ES-|S-)?\d)")

TREATY_SERIES_RE = re.compile(
    r"(?P<series>League of Nations|United Nations|Société des Nations|Nations Unies|Naciones Unidas)?,?\s*"
    r"(?:Treaty\s+Series|Recueil\s+des\s+Traités)|条约汇编", re.IGNORECASE)
"""The series' name as the six languages print it: "United Nations, Treaty Series" (so the Spanish,
Russian and Arabic texts too), "Nations Unies, Recueil des Traités", "联合国，《条约汇编》"."""
_LEAGUE_SERIES = ("league", "société")


def league_series(series: re.Match[str]) -> bool:
    """The series named is the League of Nations' (its treaties are not the United Nations')."""
    return (series.group("series") or "").lower().startswith(_LEAGUE_SERIES)
_MORE_NUMBERS = r"(?:\s*(?:[-–]|,\s*(?:and\s+)?|\s+(?:and|et|y|à|a|to)\s+)\s*\d{1,7})*"
TREATY_VOLUMES_RE = re.compile(
    r"\bvols?\.\s*(?P<vols>\d{1,5}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{1,5})*)(?:\s*\(\d{4}\))?"
    r"(?:\s*[,.]\s*(?:Nos?\.?|n[o°]s?\.?|núms?\.?)\s*(?P<no>\d{1,7})(?P<more>" + _MORE_NUMBERS + r"))?"
    r"|第(?P<zh_vols>\d{1,5})卷(?:[，,]\s*第(?P<zh_no>\d{1,7})(?P<zh_more>(?:\s*[-–至和、]\s*\d{1,7})*)号)?"
    r"|المجلد\s*(?P<ar_vols>\d{1,5})(?:\s*[،,]\s*(?:الرقم|الرقمان|الأرقام)\s*(?P<ar_no>\d{1,7})"
    r"(?P<ar_more>(?:\s*(?:[-–،]|و)\s*\d{1,7})*))?"
)
"""'vol. 75, No. 973', and as the older texts print it: 'vol. 75 (1950), No. 972', 'vol. 75. No. 973',
'vol. 606. No. 8791', 'No 12325'; in French 'vol. 2225, no 39574', in Spanish 'núm. 39574', in Chinese
'第2225卷，第39574号', in Arabic 'المجلد 1125، الرقمان 17512 و 17513' (after 'المرجع نفسه', Ibid.); the numbers
after the first of a list or range in `more` (`registration_numbers`)."""
VOLUME_NUMBER_RE = re.compile(r"\d{1,5}")
_NEXT_NUMBER_RE = re.compile(r"(?P<range>\s*(?:[-–至]|\s(?:à|a|to)\s)\s*)?[^\d]*?(?P<no>\d{1,7})")
_LONGEST_RANGE = 10
"""A range longer than this ("Nos. 1–4000") is no list of treaties in one volume: its ends only."""


def treaty_volumes(match: re.Match[str]) -> list[str]:
    """The volumes a TREATY_VOLUMES_RE match cites, in whichever language's form it was printed."""
    return VOLUME_NUMBER_RE.findall(match.group("vols") or match.group("zh_vols") or match.group("ar_vols"))


def registration_numbers(match: re.Match[str]) -> list[tuple[str, str]]:
    """(number, its words) of each treaty a Treaty Series citation registers: "vol. 1125, Nos. 17512
    and 17513" two, "vol. 75, Nos. 970–973" four (the Geneva Conventions), "第75卷，第970-973号" too.
    The first number's words are the citation's; a listed number's, the number; a number inside a
    range, the range as printed."""
    first = match.group("no") or match.group("zh_no") or match.group("ar_no")
    if not first:
        return []
    found = [(first, " ".join(match.group(0).split()))]
    more = match.group("more") or match.group("zh_more") or match.group("ar_more") or ""
    previous = int(first)
    for step in _NEXT_NUMBER_RE.finditer(more):
        number = int(step.group("no"))
        if step.group("range") and 0 < number - previous <= _LONGEST_RANGE:
            printed = f"{previous}{more[step.start():step.end()]}".strip()
            found += [(str(n), " ".join(printed.split())) for n in range(previous + 1, number)]
        found.append((str(number), step.group("no")))
        previous = number
    return found
_MARKER = r"^\s*(?:\[?\^?\d{1,3}\]?(?=[\s:]))?:?\s*(?:\*{1,3}\s*)?"  # a footnote's own marker, when the text keeps it
IBID_RE = re.compile(_MARKER + r"(?P<ibid>Ibid\b\.?|Ibíd\.?|同上|Там\s+же|المرجع\s+نفسه)", re.IGNORECASE)
""""Ibid." as the six languages print it."""
SEE_RE = re.compile(_MARKER + r"\(?\s*See\b", re.IGNORECASE)
OFFICIAL_RECORDS_RE = re.compile(r"Official\s+Records", re.IGNORECASE)
DOCUMENT_SYMBOL_RE = re.compile(
    r"(?<![\w/.])(?<![A-Za-z]-)(?:A|S|E|ST)"
    r"(?:/(?:ES-\d{1,3}|S-\d{1,3}|\d{1,5}(?:\s?\(\d{4}\))?|[A-Z][A-Za-z]{0,9}(?:\.\d{1,4}(?:\.\d{1,4})?)?)){1,8}(?![\w/])"
)
"""A UN document symbol in running text; revisions ("Rev.1") are read whole, unlike lod.symbols.SYMBOL_RE.
A joint document's second symbol after the hyphen is one too ("A/70/95-S/2015/446"); a symbol
glued to a word by a hyphen is not."""
ROMAN_SUFFIX_RE = re.compile(r"\s?\([IVXLC]{1,9}\)")
_RELATIONS: tuple[tuple[str, str], ...] = (
    (r"recall(?:ing|s|ed)?", "recall"),
    (r"reaffirm(?:ing|s|ed)?", "reaffirm"),
    (r"welcom(?:ing|es|ed|e)", "welcome"),
    (r"(?:tak(?:ing|es|e)|took)\s+(?:\w+\s+){0,3}?note|noting|notes|noted", "take-note"),
    (r"endors(?:ing|es|ed|e)", "endorse"),
    (r"bear(?:ing|s)?\s+in\s+mind|bore\s+in\s+mind", "bear-in-mind"),
    (r"pursuant\s+to", "pursuant-to"),
    (r"in\s+accordance\s+with", "in-accordance-with"),
    (r"adopted\s+by", "adopted-by"),
    (r"as\s+contained\s+in|contained\s+in", "contained-in"),
    (r"reiterat(?:ing|es|ed|e)", "reiterate"),
    (r"guided\s+by", "guided-by"),
    (r"in\s+follow-up\s+to|following\s+up\s+on", "follow-up"),
)
RELATION_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(_RELATIONS)) + r")\b",
    re.IGNORECASE,
)


def relation_of(match: re.Match[str]) -> str:
    """The lemma of the relation verb a RELATION_RE match found."""
    for i, (_, lemma) in enumerate(_RELATIONS):
        if match.group(f"r{i}") is not None:
            return lemma
    return ""


@lru_cache(maxsize=64)
def relation_verbs(clean: str) -> tuple[tuple[int, str], ...]:
    """(position, lemma) of every relation verb in a text without markup, left to right.

    Cached: the citation extractor and the treaty-mention reader ask for the same paragraph.
    """
    return tuple((m.start(), relation_of(m)) for m in RELATION_RE.finditer(clean))


def relation_before(verbs: tuple[tuple[int, str], ...], position: int) -> str | None:
    """The lemma of the nearest relation verb printed before `position`, if any."""
    index = bisect_left(verbs, position, key=lambda verb: verb[0])
    return verbs[index - 1][1] if index else None


@lru_cache(maxsize=4096)
def normalise_number(number: str) -> str:
    """A cited number in one spelling: "1373(2001)" → "1373 (2001)", "217A (III)" → "217 A (III)",
    spaces collapsed."""
    number = re.sub(r"^(\d{1,4})([A-K])(?=\s?\()", r"\1 \2", " ".join(number.split()))
    return re.sub(r"([\dA-K])\(", r"\1 (", number)


# Body names as printed before "resolution": longest first so "Economic and Social Council"
# wins over "Council".
_KNOWN_NAMES: tuple[tuple[str, Body], ...] = tuple(
    sorted(
        ((n, b) for b in BODIES for n in (b.name, *b.aliases) if n not in ("Assembly", "Council")),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)
_NAME_ALTERNATION = "|".join(r"\s+".join(map(re.escape, n.split())) for n, _ in _KNOWN_NAMES)
_CONVENTION = (
    r"(?:United\s+Nations\s+)?Convention(?:\s+(?:against|on|for|to)\s+[A-Z][\w-]*"
    r"(?:(?:\s+(?:of|the|and|in|on|against))*\s+[A-Z][\w-]*)*)?"
)
"""A convention's name: its small words only between capitalized ones ("… on Biological Diversity and
resolutions 5/1": "and" is not the name's)."""
CONFERENCE = rf"Conference\s+of\s+the\s+(?:States\s+)?Parties\s+to\s+the\s+{_CONVENTION}"
ITS_BEFORE_RE = re.compile(r"\bits\s+$")
ITS_OWNER_RE = re.compile(
    rf"(?:(?P<conf>{CONFERENCE})|(?P<known>{_NAME_ALTERNATION}))\s*,?\s*"
    rf"(?:(?:in|by|through|under)\s+|(?:on\s+\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\s+)?of\s+)?$"
)
"""Whose "its" it is: "the Human Rights Council, in its resolution 6/15", "the adoption by the
Economic Commission for Latin America and the Caribbean on 16 May 1998 of its resolution 574 (XXVII)"."""
MADE_BEFORE_RE = re.compile(
    r"\b(?:(?:establishment|creation|setting\s+up|launch)\s+of|establish(?:ing|ed)|creat(?:ing|ed))\s+(?:the\s+)?$")
"""Words that make the body after them the one created, not the "its" of what follows: "Welcomes the
establishment of the Permanent Forum on People of African Descent, through its resolution 75/314"
(A/RES/77/205: the Assembly's resolution)."""
KNOWN_BEFORE_RE = re.compile(rf"(?:(?P<conf>{CONFERENCE})|(?P<known>{_NAME_ALTERNATION}))\s+$")
LATEST_OF_WHICH_RE = re.compile(r",?\s*(?:(?:the\s+)?(?:latest|most\s+recent)\s+of\s+which\s+(?:being|is|are|was|were)"
                                r"|including(?:\s+in\s+particular)?)\s+$")
"""Words that take the organ of the resolutions named before them: "the resolutions and decisions of
the Human Rights Council, the most recent of which being resolutions 43/26 …" (A/RES/77/227, 75/238),
"all relevant Human Rights Council resolutions, including resolutions 23/9 …" (A/RES/77/235)."""
ANTECEDENT_OWNER_RE = re.compile(
    rf"(?P<named>{_NAME_ALTERNATION})\s+(?:resolutions|decisions)\b"
    rf"|\b(?:resolutions|decisions)(?:\s+and\s+(?:resolutions|decisions))?\s+(?:of|by|adopted\s+by)\s+(?:the\s+)?"
    rf"(?P<known>{_NAME_ALTERNATION})")
"""The organ those resolutions are of ("Human Rights Council resolutions", "resolutions adopted by the
Human Rights Council"), the last named before LATEST_OF_WHICH_RE with no other resolution between."""
REPORTED_TO_RE = re.compile(
    rf"\bto\s+the\s+(?:(?P<known>{_NAME_ALTERNATION})|(?P<generic>Council|Commission))\s*,?\s+(?:(?:submitted|presented|prepared)\s+)?"
    r"(?:pursuant\s+to|in\s+accordance\s+with|as\s+requested\s+in|in\s+response\s+to)\s+$")
"""A report to an organ made under a resolution no organ is named for: the organ's own ("in her report to
the Human Rights Council submitted pursuant to resolutions 34/24 and 40/20", A/RES/77/226; "in her oral
update to the Council pursuant to resolution 40/20", 75/190: the Council named last before)."""
GENERIC_MENTION_RE = re.compile(r"\bthe\s+(Council|Commission)\b")
"""An organ named by its short name alone ("mandated by the Council in its resolution 51/30")."""
NAMED_BODY_OR_CONFERENCE_RE = re.compile(rf"\b(?:(?P<conf>{CONFERENCE})|(?P<known>{_NAME_ALTERNATION}))\b")
"""A body named anywhere in a paragraph by its name or an alias, or a conference of parties."""
ADOPTING_KINDS = frozenset({"organ", "subsidiary"})
"""The kinds of body (lod.bodies) that adopt numbered resolutions: not offices, programmes, committees."""
SAME_ORGAN_JOIN_RE = re.compile(r",?\s+and\s+")
"""What joins two lists of one organ's numbers ("Human Rights Council decision 18/120 of 30 September
2011 and resolutions 24/14 …", A/RES/77/214): the second list names no organ of its own."""
ANOTHER_ANTECEDENT_RE = re.compile(r"\b(?:resolution|decision|its)\b", re.IGNORECASE)
"""Words after an organ's resolutions that name others ("… and its own resolutions, including")."""
_HEAD_WORDS = r"(?:Commission|Council|Conference|Board|Committee|Forum|Assembly|Congress|Parties)"
OTHER_BEFORE_RE = re.compile(
    rf"(?P<other>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|the|on|for|and|to|against))*?\s+{_HEAD_WORDS})\s+$"
)
PART_OF_ORGAN_RE = re.compile(r"\s(?:of|to|and)\s+(?:Assembly|Council|Commission)$")
"""Capitalized words before an organ's short name that are no body's name: a part of the text cited
("section I of Assembly resolution 64/260", "annex II to Assembly resolution 78/128", "part D of
Council resolution 39 (1948)") or another thing it names ("the Fundamental Principles of Official
Statistics and Council resolution 2006/6"): the organ is the short name's (GENERIC_BEFORE_RE)."""
GENERIC_BEFORE_RE = re.compile(r"\b(?P<generic>Commission|Council|Assembly|Conference)\s+$")
LEADING_NON_NAME_RE = re.compile(
    r"^(?:[A-Z][a-z]+ing\s+(?=\S+\s+\S))?(?:(?:The|the|This|That|Its|Also|also|Further|further|And|and|In|in|By|by|Under|under)\s+)*"
)
"""Words before a body's name that are not part of it: the paragraph's participle, articles."""
_OTHER_HEADS = r"(?:Board|Committee|Forum|Congress|Panel|Working\s+Group)"
BODY_AFTER_RE = re.compile(
    rf"^\s*,?\s*(?:(?:adopted|taken|approved)\s+(?:on\s+\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\s+)?)?(?:of|by)\s+(?:the\s+|its\s+)?"
    rf"(?:(?P<conf>{CONFERENCE})|(?P<known>{_NAME_ALTERNATION})|(?P<generic>(?:Commission|Council|Conference)\b)"
    rf"|(?P<other>(?:[A-Z][\w-]*\s+)*{_OTHER_HEADS}(?:\s+(?:of|on|for|and|the)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*))"
)
"""A body printed after the numbers: "resolution 25/2 of the Commission on …", "decision 11/101,
adopted by the Committee of Experts", "decision 7/110, adopted on 4 August 2017 by the Committee of Experts", "decision 2019/5 of the Executive Board" (`other`: a body
the table does not know, whose numbers are not the document's own organ's)."""
IN_DOCUMENT_BEFORE_RE = re.compile(
    r"(?:\)|\b[A-Z]{1,2}/[\w./-]*\d[\w./()-]*)\s*,\s*"
    r"(?:(?:chap|sect|annex|part|para|paras|vol|appendix|app|attachment|enclosure)\b\.?(?:\s*[\w.]+)?\s*,\s*)+(?:the\s+)?$"
)
"""A text held in a document, of whoever wrote it: "(E/2015/27), chap. I, sect. C, resolution
59/1" (a commission's resolution in its report), "A/56/1026-S/2002/932, annex II, resolution
14/221" (another organization's): not the citing document's organ's, whatever its number's shape
does not settle."""
SESSION_OF_RE = re.compile(
    rf"\b(?:at|during|by)\s+(?:its|the)\s+(?:[\w-]+\s+){{1,3}}?session\s+of\s+the\s+(?:(?P<conf>{CONFERENCE})|(?P<known>{_NAME_ALTERNATION}))"
)
CONVENTION_MENTION_RE = re.compile(r"\bUnited\s+Nations\s+Convention\s+against\s+(?:Corruption|Transnational\s+Organized\s+Crime)"
                                   r"|\bConvention\s+on\s+Biological\s+Diversity")
"""The conventions whose conference of the parties the table holds: "the Conference of the Parties to the
Convention" after one of them names is that convention's."""
COMMISSION_MENTION_RE = re.compile(
    "|".join(r"\s+".join(map(re.escape, n.split())) for n, b in _KNOWN_NAMES if "Commission" in n)
)
COUNCILS = frozenset(b.key for b in BODIES if b.conventions is not None and b.name.endswith("Council"))
"""The Councils that adopt resolutions (Security, Economic and Social, Human Rights): what "the
Council" of a citation may be."""
COUNCIL_MENTION_RE = re.compile(
    "|".join(r"\s+".join(map(re.escape, n.split())) for n, b in _KNOWN_NAMES if "Council" in n and b.key in COUNCILS)
)
"""A Council that adopts resolutions, named in full: what "Council resolutions 5/1 and 5/2" in
another organ's text refers to (the last one named before it)."""
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|the|and|in|on|against))+$")


def known_body(printed: str) -> Body | None:
    return by_name(" ".join(printed.split()))


def conference_name(printed: str, last_convention: str | None) -> str:
    """The full name of a conference of parties, with "the Convention" spelled out when known."""
    name = _TRAILING_CONNECTORS.sub("", " ".join(printed.split()))
    if name.endswith("to the Convention") and last_convention:
        name = name[: -len("Convention")] + " ".join(last_convention.split())
    body = known_body(name)
    return body.name if body else name
