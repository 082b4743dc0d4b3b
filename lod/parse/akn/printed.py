"""Resolutions and decisions a French, Spanish, Russian, Arabic or Chinese text cites by number
where its file has no link ("rappelant ses résolutions 2005/11 du 21 juillet 2005, 2006/18 du 26
juillet 2006 …", "ses décisions 2004/322 du 11 novembre 2004, 2009/211 …"): the English citation
extractor reads English words, and the UN links only some of the numbers it prints (decisions
hardly ever).

A number is taken only where its organ is certain: the clause names the General Assembly or the
Economic and Social Council, or the number's shape says it (2005/11, a year and a number, is the
Council's), or the clause says "its resolution" in a text of the General Assembly (70/1), or
names no organ at all in the Assembly's own text ("la résolution 1514 (XV)", as the English
reader takes it), or a session's number in the Council's (whose own carry the year). A
clause that names another organ (a commission, the Human Rights Council, the Security Council),
whose resolutions are numbered alike, is left to its links. A clause ends where the word for the
other kind begins ("… 2005/11 et sa décision 2004/322": one resolution, one decision). Chinese
writes the numbers inside "第…号决议" ("…决定" for decisions), a run of them with their dates
before the one word (`CHINESE_RUN`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from lod.bodies import Body, by_key, symbol_of
from lod.model import Citation, CitationType
from lod.parse.akn.organ_names import (COMMISSIONS, COUNCIL_SHORT_NAME, HUMAN_RIGHTS_COUNCIL, ORGANS, OTHER_ORGAN,
                                       other_named)
from lod.parse.akn.printed_numbers import (CHINESE_NUMBER, NUMBER, chinese_numbers_of, number_as_read, numbers_of,
                                          year_numbered_organ)
from lod.parse.citation_organs import number_fits
from lod.symbols import parse_symbol
from lod.uri import annex_of

_SYMBOL_BEFORE = re.compile(r"\b[A-Z]{1,2}/[\w./-]*\d")
"""A document symbol just before the word: "A/56/1026-S/2002/932, annexe II, résolution 14/221" is
a text that document holds, not the Assembly's 14/221."""
WINDOW = 2000
"""How far after its word a clause's numbers are looked for (E/RES/2022/20 prints 17 resolutions in 650
characters; A/RES/75/245 in Arabic 27 with their dates in 1,700)."""
CLAUSE_END = re.compile(r"[;:]|\((?![IVXLC]{1,9}\)|(?:19|20)\d{2}\)|د\s?-|\))|\.(?:\s|$)")
"""Where a clause's numbers end: a stop, a colon, a bracket that is not an early number's session, a
Security Council number's year ("2334 (2016)") nor
the empty "()" the Arabic files print where a note's marker goes ("51/2 المؤرخ 9 آذار/مارس 2007() و 52/2")."""

WORDS: dict[CitationType, dict[str, str]] = {
    "resolution": {
        "fra": r"\b(ses|sa|leurs?)?\s*résolutions?\b",
        "spa": r"\b(sus?)?\s*resoluci(?:ón|ones)\b",
        "rus": r"(?:\b(сво\w+)\s+)?\bрезолюци\w*",
        "ara": r"(?:[وبل]?(?:ال)?قرار(?:ات|ي|ين)?(ه|ها|يه|يها|اته|اتها)?)(?!\w)",
    },
    "decision": {
        "fra": r"\b(ses|sa|leurs?)?\s*décisions?\b",
        "spa": r"\b(sus?)?\s*decisi(?:ón|ones)\b",
        "rus": r"(?:\b(сво\w+)\s+)?\bрешени\w*",
        "ara": r"(?:[وبل]?(?:ال)?مقرر(?:ات|ي|ين)?(ه|ها|يه|يها|اته|اتها)?)(?!\w)",
    },
}
"""The words for "resolution(s)" and "decision(s)" in each language, with the possessive ("ses",
"su", "своей", the Arabic suffix) that makes the text's own organ's. (The Arabic word for decision
also names a rapporteur, "المقرر الخاص": a number follows it only where it is a decision.)"""
KIND_WORDS = {language: re.compile("|".join(f"(?P<{kind}>{words[language]})" for kind, words in WORDS.items()),
                                   re.IGNORECASE)
              for language in WORDS["resolution"]}
"""Either word in one pattern per language: a clause runs to the next word of either kind."""
_POSSESSIVE = {kind: {language: re.compile(word, re.IGNORECASE) for language, word in words.items()}
               for kind, words in WORDS.items()}
CHINESE_RUN = re.compile(r"((?:(?:\d{4}年\d{1,2}月\d{1,2}日)?第\s*[\dA-Z/ ()S\-、和及]+?\s*号\s*[、和及]?\s*)+)(决议|决定)")
"""A run of numbers before "决议" (resolution) or "决定" (decision): "其2004年7月23日第2004/52号、
2005年7月27日第2005/46号 … 决议", "第72/194、72/284和75/291号决议"."""
CHINESE_KINDS: dict[str, CitationType] = {"决议": "resolution", "决定": "decision"}
_CHINESE_GROUP = re.compile(r"第\s*([^号]+?)\s*号")
_SESSION_SHAPED = re.compile(r"\d{1,2}/\d{1,3}(?: [A-Z])?")


def _chinese(text: str, own: str | None) -> Iterable[tuple[CitationType, str, str, str | None, bool, bool]]:
    """(kind, number, printed, named organ, own, unnamed) of each number a Chinese text prints in
    "第…号决议" or "第…号决定"."""
    for run in CHINESE_RUN.finditer(text):
        before = _chinese_before(text, run.start())
        other = other_named(before, len(before), 20, own)  # another organ's numbers are left to their links,
        named = next((key for key, name in ORGANS.items() if name.search(before[-20:])), None)  # but the Security Council's
        if (adjacent := _adjacent_organ(before, own)) is not None:  # "按照理事会2011年7月27日第2011/20号决议"
            named, other = adjacent, False
        possessive = "其" in before[-20:]
        unnamed = _unnamed(text, run.start(), own, possessive)
        for group in _CHINESE_GROUP.finditer(run.group(1)):  # "第2004/52号" (printed so), "第72/194、72/284号"
            numbers = list(CHINESE_NUMBER.finditer(group.group(1)))
            for n in numbers:
                printed = group.group(0) if len(numbers) == 1 else n.group(0).strip()
                for number in chinese_numbers_of(n):
                    if not other or year_numbered_organ(number):
                        yield CHINESE_KINDS[run.group(2)], number, printed, named, possessive, unnamed


_COUNCIL_BETWEEN = re.compile(rf"\s*(?:{COUNCIL_SHORT_NAME})\s*")
"""The Council by its short name alone between the word and its numbers, in its own text: its own, whatever organ
the clause names after them."""
_TOPIC = re.compile(r"关于[^，。；“”《》]{1,80}的$")
"""What a resolution is about, printed between its owner and its number ("经社理事会2006年7月28日关于…科学和技术促进发展委员会
审查职责的第2006/46号决议", "关于设立统计委员会的…第8(I)号决议"): the organ it names owns nothing. Never across a quotation
mark: "题为“执行大会关于…的第46/152号决议”的1992年7月30日第1992/22号决议" quotes a title, whose 关于 is the title's."""
_DATE_AT_END = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")
_OWN_COUNCIL = re.compile(rf"(?:{COUNCIL_SHORT_NAME})$")
"""The Council by its short name right before its numbers, in its own text ("按照理事会2011年7月27日第2011/20号决议")."""
_ADJACENT = {**ORGANS, **COMMISSIONS}
"""The organs a Chinese run of numbers is read for where one is named right before it."""


def _chinese_before(text: str, start: int) -> str:
    """The words before a run of numbers that may name their organ: up to 120 characters, a topic (`_TOPIC`) left out."""
    before = text[max(0, start - 120):start]
    topic = _TOPIC.search(before)
    return before[:topic.start()] if topic else before


def _adjacent_organ(before: str, own: str | None) -> str | None:
    """The key of the organ named right before a run of numbers (its date aside): of ORGANS or COMMISSIONS
    ("表示注意到亚洲及太平洋经济社会委员会2022年5月27日第78/2号决议"), or the Council in its own text by its short name."""
    words = _DATE_AT_END.sub("", before)
    found = next((key for key, name in _ADJACENT.items() if any(m.end() == len(words) for m in name.finditer(words))), None)
    return found or ("ecosoc" if own == "ecosoc" and _OWN_COUNCIL.search(words) else None)


def _named_last(text: str, start: int, word: re.Pattern[str], organs: Mapping[str, re.Pattern[str]],
                width: int) -> str | None:
    """The key of the organ of `organs` named last in the `width` characters before a word, if any. Only after
    the resolution or decision cited before it: in "… la Commission de statistique, modifiée par la résolution
    8 (II), et sa résolution 1566 (L)" the Commission is no subject of "sa"."""
    before = text[max(0, start - width):start]
    cited = list(word.finditer(before))
    before = before[cited[-1].end():] if cited else before
    found = [(m.end(), key) for key, name in organs.items() for m in name.finditer(before)]
    return max(found)[1] if found else None


def _owner_before(text: str, start: int, word: re.Pattern[str]) -> str | None:
    """The organ named last before a possessive word ("its resolution"): an ORGANS key, or "other" for another
    organ (OTHER_ORGAN)."""
    return _named_last(text, start, word, {**ORGANS, "other": OTHER_ORGAN}, 120)


def _unnamed(text: str, start: int, own: str | None, possessive: bool) -> bool:
    """Whether a number printed at `start` with no organ named is the Assembly's: in a text of the
    Council, whose own numbers carry the year, a session's number ("résolution 76/181" in a note of
    an ECOSOC text, as the English reader takes "Resolution 76/181, annex."); in the Assembly's own
    text, a session's or an early number too ("القرار 1514 (د-15)", A/RES/75/122 in Arabic, as the
    English "resolution 1514 (XV)"); in a commission's text the Council annexes (COMMISSIONS), the
    commission's ("en application de la résolution 73/1"). Not where the text says "its" (the
    Council's own, or a commission's it speaks of), another organ is named just before, or a document
    symbol is (a text that document holds)."""
    before = text[max(0, start - 100):start]
    return (own in ("ecosoc", "ga", *COMMISSIONS) and not possessive and not other_named(text, start, 80, own)
            and not _SYMBOL_BEFORE.search(before))


_FORMULA = re.compile(r"^(?:إن\s+)?(?:(?:La|Le|L[’'])\s*)?(?P<organ>.{2,90}?)\s*[,،，]$")
"""An annex's opening formula as the five languages print it: "La Asamblea General,", "L’Assemblée
générale,", "Генеральная Ассамблея,", "إن الجمعية العامة،", "大会，"."""


def annex_organ(opening: str) -> str | None:
    """Whose text an annex is, by the formula it opens with: "ga" or "ecosoc" (ORGANS), a commission's key
    (COMMISSIONS), "other" for another commission's resolution the Council annexes, None where it opens with
    no formula."""
    found = _FORMULA.match(" ".join(opening.split()))
    if found is None:
        return None
    organ = found.group("organ")
    named = next((key for key, name in [*ORGANS.items(), *COMMISSIONS.items()] if name.fullmatch(organ)), None)
    return named or ("other" if OTHER_ORGAN.search(organ) else None)


def printed_citations(texts: Sequence[tuple[str, str]], language: str | None, own: str | None,
                      known: set[tuple[str, str]], annex_owners: dict[str, str] | None = None,
                      elsewhere: Mapping[tuple[str, str], str] | None = None) -> list[Citation]:
    """The resolutions and decisions cited by number in each (text, eId), not among `known`
    (location, symbol); `own` is the key of the text's own organ ("ga", "ecosoc"), `annex_owners`
    an annex's (eId → `annex_organ`) where its formula names another: a draft the Council
    recommends to the Assembly ("La Asamblea General, Recordando su resolución 46/152"), a
    commission's resolution (whose "its" is the commission's, not read). A number with no organ named
    that a link cites as another organ's (`elsewhere`: (location, number) → that organ's key) is that link's
    ("par la Commission économique et sociale pour l'Asie et le Pacifique, à sa soixante-douzième session, de
    la résolution 72/7", linked to E/ESCAP/RES/72/7, A/RES/75/222 in French), not read again as the
    Assembly's; and a list whose other numbers its links give to the Human Rights Council or a commission is
    that organ's ("las resoluciones del Consejo 24/14, …, 40/3, 43/15, 46/5 y 49/6", the last three linked to
    the Assembly's or not at all: A/RES/77/214 in Spanish)."""
    word = KIND_WORDS.get(language or "")
    out: list[Citation] = []
    owners, elsewhere = annex_owners or {}, elsewhere or {}
    add = functools.partial(_add, out, known, elsewhere)
    if language == "zho":
        for text, location in texts:
            here = owners.get(annex_of(location) or "", own)
            for kind, number, printed, named, possessive, unnamed in _chinese(text, here):
                add(location, kind, number, printed, named, here, possessive, unnamed)
    for text, location in texts if word is not None else ():
        own_here = owners.get(annex_of(location) or "", own)
        for m, numbers, scope, clause in _clauses(text, word):
            kind: CitationType = "resolution" if m.group("resolution") else "decision"
            own_word = _says_its(m, language)
            named = next((key for key, name in ORGANS.items() if name.search(scope)), None)
            short = (named is None and own_here == "ecosoc" and bool(numbers)
                     and _COUNCIL_BETWEEN.fullmatch(scope[:numbers[0].start()]) is not None)
            named = "ecosoc" if short else named  # "وفقا لقراري المجلس 1996/6 و 1996/31، للإسهام في أعمال اللجنة"
            alone = None if named or own_word else _named_alone(scope, clause)
            if (antecedent := None if named or alone or own_word else _antecedent(text, m.start(), word, language)):
                named, alone = (antecedent, None) if antecedent in ORGANS else (None, antecedent)  # "в его резолюции"
            listed = {elsewhere.get((location, number)) for n in numbers for number in numbers_of(n)} - {None, ""}
            if not (named or alone or own_word) and len(listed) == 1 and (organ := listed.pop()) in NAMED_ALONE:
                alone = organ  # the list's other numbers, by their links ("its" keeps its own reading)
            commission = (own_here if own_here in COMMISSIONS and named is None and alone is None
                          and (own_word or not OTHER_ORGAN.search(scope)) else None)  # its "Commission" is itself
            if (numbering := alone or commission) is not None:  # the Council or a commission named alone; an
                numbers = [n for n in numbers if not _misdated(n, by_key(numbering))]  # annexed commission's own text
                named = alone
            elif numbers and OTHER_ORGAN.search(_naming_words(scope, numbers, own_word or short, named)):  # another organ's
                # numbers are left to their links, but the Security Council's, by their shape
                numbers = [n for n in numbers if year_numbered_organ(number_as_read(n.group(1), None))]
                if not numbers:
                    continue
            others = False
            if own_word and named is None:  # "its": whose, if an organ is named just before
                owner = _owner_before(text, m.start(), word)
                if owner == "other":  # "la Comisión … aprobó … su resolución 574 (XXVII)": the Commission's,
                    own_word, others = False, True  # unless the number's shape says (2011/20 is the Council's)
                elif owner is not None:  # "اتخاذ الجمعية العامة قرارها 181 (د-2)" in a Council text: the Assembly's
                    named, own_word = owner, False
            unnamed = not others and _unnamed(text, m.start(), own_here, own_word)
            for n in numbers:
                for number in numbers_of(n):
                    add(location, kind, number, n.group(0).strip(), named, own_here, own_word, unnamed)
    return out


def _naming_words(scope: str, numbers: list[re.Match[str]], own_word: bool, named: str | None) -> str:
    """The words of a clause that may name another organ for its numbers: all of `scope`, but only up to the
    last number where "its" or the organ's name before them says whose they are; an organ named after them is
    another clause's ("sa résolution 74/255 B et invite la Commission", "قرار الجمعية العامة 74/255 باء، الذي
    دعت فيه الجمعيةُ لجنة …")."""
    settled = own_word or (named is not None and ORGANS[named].search(scope[:numbers[0].start()]) is not None)
    return scope[:numbers[-1].end()] if settled else scope


NAMED_ALONE = {"hrc": HUMAN_RIGHTS_COUNCIL, **COMMISSIONS}
"""The other organs whose numbers a clause is read for where it names one and no other."""


def _named_alone(scope: str, clause: str) -> str | None:
    """The key of the one organ of NAMED_ALONE the words that name their organ (`scope`) name, whole: a
    name that begins in them may end further in the clause ("78/2 de la Commission économique et sociale
    pour l’Asie et le Pacifique"); None where they name another organ too."""
    for key, name in NAMED_ALONE.items():
        found = next((n for n in name.finditer(clause) if n.start() < len(scope)), None)
        if found is not None and not OTHER_ORGAN.search(name.sub("", clause[:max(len(scope), found.end())])):
            return key
    return None


_ANTECEDENT_POSSESSIVE = {"rus": re.compile(r"(?<!\w)(?:его|её|ее|их)\s+$", re.IGNORECASE)}
"""The third person's possessive before the word, which points back to an organ named before it, never to
the text's own organ (Russian "свой" is the text's own): "принятые Советом по правам человека в его
резолюции 21/11" is the Council's 21/11 (A/RES/75/175 in Russian, linked to A/RES/21/11, a resolution of 1966)."""


def _antecedent(text: str, start: int, word: re.Pattern[str], language: str | None) -> str | None:
    """The key (ORGANS or NAMED_ALONE) of the organ named last before a word the third person's possessive
    precedes, after the resolution or decision cited before it; None without such a possessive or organ."""
    possessive = _ANTECEDENT_POSSESSIVE.get(language or "")
    if possessive is None or not possessive.search(text, max(0, start - 8), start):
        return None
    return _named_last(text, start, word, {**ORGANS, **NAMED_ALONE}, 160)


def _clauses(text: str, word: re.Pattern[str]) -> Iterator[tuple[re.Match[str], list[re.Match[str]], str, str]]:
    """Each word for "resolution(s)" or "decision(s)" in a text, the numbers its clause prints, the
    words that name their organ (the clause up to a little past its last number), and the clause."""
    for m in word.finditer(text):
        rest = text[m.end():m.end() + WINDOW]
        if m.end() + WINDOW < len(text):  # cut at a space: never half a number ("2022/3" of 2022/314)
            rest = rest[:rest.rfind(" ")]
        rest = rest[:end.start()] if (end := word.search(rest)) else rest  # to the next "résolution" or "décision"
        clause = rest[:end.start()] if (end := CLAUSE_END.search(rest)) else rest
        numbers = list(NUMBER.finditer(clause))
        yield m, numbers, clause[:numbers[-1].end() + 40] if numbers else "", clause


_YEAR_SHAPED = re.compile(r"\d{4}/")
"""A year and a number (2016/27): the Council's, whatever organ the words after it name."""


def other_organs_numbers(texts: Sequence[tuple[str, str]], language: str | None) -> set[tuple[str, str]]:
    """(eId, number) of each number a French, Spanish, Russian or Arabic text prints in a clause that
    names another organ and not the Assembly ("les résolutions de la Commission de la condition de la
    femme 51/2 …, 52/2 … et 54/7"): a link on one to an Assembly resolution is the file's slip (A/RES/75/160
    links those three to undocs.org/fr/A/RES/51/2 …, resolutions of 1996, where the English file has none);
    so is a link on a number printed as a text a document holds ("A/56/1026-S/2002/932، المرفق الثاني، القرار
    14/221": the League of Arab States', linked to A/RES/14/221 in A/RES/75/20 in Arabic)."""
    word = KIND_WORDS.get(language or "")
    return {(location, number) for text, location in (texts if word is not None else ())
            for m, numbers, scope, _ in _clauses(text, word)
            if not ORGANS["ga"].search(scope) and not _says_its(m, language)
            and (OTHER_ORGAN.search(scope) or _SYMBOL_BEFORE.search(text, max(0, m.start() - 100), m.start())
                 or _antecedent(text, m.start(), word, language) in NAMED_ALONE)
            for n in numbers for number in numbers_of(n) if not _YEAR_SHAPED.match(number)}


_SESSION_NUMBER = re.compile(r"(?<![\d/])\d{1,2}/\d{1,3}(?![\d/])")
"""A session's number in running text ("45/3"), whose session `number_fits` reads."""
_DATE_AFTER = re.compile(r"\s*[,،]?\s*(?:du|de|от|المؤرخ[ةا]?)\s+\d{1,2}(?:er)?\s+(?:de\s+)?"
                         r"(?:[^\W\d_]+(?:/\s?[^\W\d_]+)?\s+){1,2}(?:de\s+)?((?:19|20)\d{2})(?!\d)")
"""The date printed after a number: "du 6 octobre 2020", ", de 6 de octubre de 2020", "от 6 октября 2020 года",
"المؤرخ 6 تشرين الأول/أكتوبر 2020" (also "الأول/ ديسمبر"); its year."""
_DATE_BEFORE = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日\s*第\s*$")
"""Chinese prints the date before the number: "2020年10月6日第45/3号"."""


def _printed_year(text: str, start: int, end: int) -> int | None:
    """The year of the date printed with the number at text[start:end], if any."""
    dated = _DATE_AFTER.match(text, end) or _DATE_BEFORE.search(text, max(0, start - 20), start)
    return int(dated.group(1)) if dated else None


def dated_numbers(texts: Sequence[tuple[str, str]]) -> Iterator[tuple[str, re.Match[str], int]]:
    """(eId, match, year) of each session's number in running text printed with a date."""
    for text, location in texts:
        for m in _SESSION_NUMBER.finditer(text):
            if (year := _printed_year(text, m.start(), m.end())) is not None:
                yield location, m, year


def _misdated(number: re.Match[str], body: Body) -> bool:
    """Whether a session's number (a match of NUMBER in the words its clause prints) is printed with a date
    `body`'s session of that number never met in."""
    year = _printed_year(number.string, number.start(), number.end())
    return year is not None and number_fits(body, number.group(1), year) is False


def misdated_numbers(texts: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """(eId, number) of each session's number printed after another organ's name (and not the Assembly's)
    with a date the Assembly's session of that number never met in: "les résolutions adoptées par le
    Conseil des droits de l’homme à ce sujet, notamment les résolutions 36/6 du 28 septembre 2017 et 45/3
    du 6 octobre 2020" (A/RES/76/158 in French, whose link on 45/3 goes to A/RES/45/3, a resolution of
    1990; the English file links A/HRC/RES/45/3). A link on one to the Assembly's is the file's slip, as
    the English reader will not cite a number against its own date (lod.parse.citation_organs). Both
    are asked: a date alone may be misprinted ("72/183 du 19 décembre 2019", the English "2017")."""
    assembly, found = by_key("ga"), set()
    for location, m, year in dated_numbers(texts):
        if number_fits(assembly, m.group(0), year) is not False:
            continue
        before = m.string[max(0, m.start() - WINDOW):m.start()]
        other = [o.end() for o in OTHER_ORGAN.finditer(before)]
        if other and max(other) > max((g.end() for g in ORGANS["ga"].finditer(before)), default=-1):
            found.add((location, m.group(0)))
    return found


def _says_its(word: re.Match[str], language: str | None) -> bool:
    """The word for "resolution" or "decision" has the possessive that makes it the text's own organ's
    ("sa résolution 77/231, elle a prié la Commission …": the Assembly's, the Commission its object)."""
    kind = "resolution" if word.group("resolution") else "decision"
    possessive = _POSSESSIVE[kind][language or ""].fullmatch(word.group(0))
    return bool(possessive and possessive.group(1))


def _add(out: list[Citation], known: set[tuple[str, str]], elsewhere: Mapping[tuple[str, str], str], location: str,
         kind: CitationType, number: str, printed: str, named: str | None, own: str | None, own_word: bool, unnamed: bool) -> None:
    """The citation of `number` where its organ is certain: named, year-shaped (the Council's), the
    text's own organ's (`own`) where the text says "its" (`own_word`: "its resolution 70/1" in an
    Assembly text; an early number, "its resolution 1566 (L)", in a Council text outside its
    annexes), or with no organ named (`unnamed`, see `_unnamed`): any number but a year's in the
    Assembly's own text, a session's in a Council text."""
    if (numbering := year_numbered_organ(number)) is not None:  # "резолюцию 2334 (2016)": S/RES/2334 (2016), whoever is named
        named, own_word, unnamed = numbering.key, False, False
    linked_to = elsewhere.get((location, number))  # "": a session's number misdated as the Assembly's (misdated_numbers)
    if unnamed and not named and linked_to is not None and (linked_to or own not in COMMISSIONS):
        return  # a link's, another organ's; in a commission's own text the number is the commission's
    year_shaped = _YEAR_SHAPED.match(number) is not None  # not "S-10/1"
    early_number = "(" in number  # "2200 A (XXI)", "1566 (L)": the Assembly's or, before 1978, the Council's
    assembly = (own_word and own == "ga") or (unnamed and (own == "ga" or _SESSION_SHAPED.fullmatch(number) is not None))
    council = own_word and own == "ecosoc" and early_number and not location.startswith("annex")  # "sa résolution 8 (I)"
    # "sa résolution 73/1", "la résolution 73/1" in a resolution of ESCAP the Council annexes (E/RES/2022/11)
    commission = own if (own_word or unnamed) and own in COMMISSIONS else None
    organ = named or commission or ("ecosoc" if year_shaped or council else "ga" if assembly else None)
    if organ is None or (year_shaped and organ != "ecosoc") or (organ == "ecosoc" and not (year_shaped or early_number)):
        return
    body = by_key(organ)
    symbol = symbol_of(body, number, kind)  # read as a link to it would be (a part "B" is not)
    if symbol is None and early_number and body.conventions is not None:
        symbol = body.conventions.symbol(kind, number)  # "E/RES/1566(L)": not in the Council's number format of today
    if symbol is None:
        return
    info = parse_symbol(symbol)
    if early_number and info.number:  # "2200 A (XXI)": A/RES/2200(XXI), whose number a link to it gives as "2200 (XXI)"
        number = info.number
    if info.kind == kind and (location, symbol) not in known:
        known.add((location, symbol))
        out.append(Citation(type=kind, text=printed, body=body.name, number=number, symbol=symbol, location=location))
