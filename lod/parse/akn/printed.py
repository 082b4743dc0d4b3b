"""Resolutions and decisions a French, Spanish, Russian, Arabic or Chinese text cites by number
where its file has no link ("rappelant ses résolutions 2005/11 du 21 juillet 2005, 2006/18 du 26
juillet 2006 …", "ses décisions 2004/322 du 11 novembre 2004, 2009/211 …"): the English citation
extractor reads English words, and the UN links only some of the numbers it prints (decisions
hardly ever).

A number is taken only where its organ is certain: the clause names the General Assembly or the
Economic and Social Council, or the number's shape says it (2005/11, a year and a number, is the
Council's), or the clause says "its resolution" in a text of the General Assembly (70/1). A
clause that names another organ (a commission, the Human Rights Council, the Security Council),
whose resolutions are numbered alike, is left to its links. A clause ends where the word for the
other kind begins ("… 2005/11 et sa décision 2004/322": one resolution, one decision). Chinese
writes the numbers inside "第…号决议" ("…决定" for decisions), a run of them with their dates
before the one word (`CHINESE_RUN`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lod.bodies import by_key, symbol_of
from lod.model import Citation, CitationType
from lod.symbols import parse_symbol

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
ORGANS = {
    "ga": re.compile(r"Assemblée générale|Asamblea General|Генеральн\w+ Ассамбле\w+|الجمعية العامة|大会", re.IGNORECASE),
    "ecosoc": re.compile(r"Conseil économique et social|Consejo Económico y Social|Экономическ\w+ и Социальн\w+ Совет\w*"
                         r"|المجلس الاقتصادي والاجتماعي|经济及社会理事会|经社理事会", re.IGNORECASE),
}
"""The two organs whose resolutions a number names, as the five languages write them."""
OTHER_ORGAN = re.compile(r"Commission|Comisión|Комисси|لجنة|droits de l[’']homme|Derechos Humanos|правам человека"
                         r"|حقوق الإنسان|sécurité|Seguridad|Безопасности|الأمن|Comité|Комитет"
                         r"|委员会|人权理事会|安全理事会|安理会", re.IGNORECASE)
"""Organs that number their resolutions as those two do: a number beside one is left to its link."""
ARABIC_PARTS = {"ألف": "A", "باء": "B", "جيم": "C", "دال": "D", "هاء": "E", "واو": "F", "زاي": "G", "حاء": "H", "طاء": "I",
                "ياء": "J", "كاف": "K", "لام": "L", "ميم": "M", "نون": "N", "سين": "O", "عين": "P", "فاء": "Q", "صاد": "R"}
"""The part of a resolution adopted in parts as the Arabic texts name its letter ("47/53 دال": 47/53 D)."""
RESOLUTION_NUMBER = r"(\d{4}/\d{1,3}|\d{1,2}/\d{1,3}|S-\d{1,2}/\d{1,2})"
"""A resolution's number: the Council's year and number, the Assembly's session and number, a special session's."""
NUMBER = re.compile(r"(?<![\w/.\-‑])" + RESOLUTION_NUMBER + r"(?:\s([A-Z]|" + "|".join(ARABIC_PARTS) + r")(?!\w))?(?![\w/])")
WINDOW = 1000
"""How far after its word a clause's numbers are looked for (E/RES/2022/20 prints 17 resolutions in 650 characters)."""
CLAUSE_END = re.compile(r"[;:(]|\.(?:\s|$)")


CHINESE_RUN = re.compile(r"((?:(?:\d{4}年\d{1,2}月\d{1,2}日)?第\s*[\dA-Z/ ()S-]+?\s*号\s*[、和及]?\s*)+)(决议|决定)")
"""A run of numbers before "决议" (resolution) or "决定" (decision): "其2004年7月23日第2004/52号、
2005年7月27日第2005/46号 … 决议"."""
CHINESE_KINDS: dict[str, CitationType] = {"决议": "resolution", "决定": "decision"}
CHINESE_NUMBER = re.compile(r"第\s*" + RESOLUTION_NUMBER + r"(?:\s?([A-Z]))?\s*号")


def _chinese(text: str) -> Iterable[tuple[CitationType, str, str, str | None, bool]]:
    """(kind, number, printed, named organ, own) of each number a Chinese text prints in "第…号决议"
    or "第…号决定"."""
    for run in CHINESE_RUN.finditer(text):
        before = text[max(0, run.start() - 20):run.start()]
        if OTHER_ORGAN.search(before):
            continue
        named = next((key for key, name in ORGANS.items() if name.search(before)), None)
        for n in CHINESE_NUMBER.finditer(run.group(1)):
            yield (CHINESE_KINDS[run.group(2)], n.group(1) + (f" {n.group(2)}" if n.group(2) else ""), n.group(0),
                   named, "其" in before)


def printed_citations(texts: Sequence[tuple[str, str]], language: str | None, own: str | None,
                      known: set[tuple[str, str]]) -> list[Citation]:
    """The resolutions and decisions cited by number in each (text, eId), not among `known`
    (location, symbol); `own` is the key of the text's own organ ("ga", "ecosoc")."""
    word = KIND_WORDS.get(language or "")
    out: list[Citation] = []
    if language == "zho":
        for text, location in texts:
            for kind, number, printed, named, possessive in _chinese(text):
                _add(out, known, location, kind, number, printed, named, possessive and own == "ga")
    for text, location in texts if word is not None else ():
        for m in word.finditer(text):
            kind: CitationType = "resolution" if m.group("resolution") else "decision"
            possessive = _POSSESSIVE[kind][language or ""].fullmatch(m.group(0))
            rest = text[m.end():m.end() + WINDOW]
            if m.end() + WINDOW < len(text):  # cut at a space: never half a number ("2022/3" of 2022/314)
                rest = rest[:rest.rfind(" ")]
            rest = rest[:end.start()] if (end := word.search(rest)) else rest  # to the next "résolution" or "décision"
            clause = rest[:end.start()] if (end := CLAUSE_END.search(rest)) else rest
            numbers = list(NUMBER.finditer(clause))
            scope = clause[:numbers[-1].end() + 40] if numbers else ""  # the organ is named by the numbers
            if OTHER_ORGAN.search(scope):
                continue
            named = next((key for key, name in ORGANS.items() if name.search(scope)), None)
            for n in numbers:
                part = ARABIC_PARTS.get(n.group(2) or "", n.group(2))
                number = n.group(1) + (f" {part}" if part else "")
                own_word = bool(possessive and possessive.group(1))
                _add(out, known, location, kind, number, n.group(0).strip(), named, own_word and own == "ga")
    return out


def _add(out: list[Citation], known: set[tuple[str, str]], location: str, kind: CitationType, number: str,
         printed: str, named: str | None, assembly_own: bool) -> None:
    """The citation of `number` where its organ is certain: named, year-shaped (the Council's), or
    the Assembly's own ("its resolution" in an Assembly text)."""
    head = number.split("/")[0]
    year_shaped = head.isdigit() and len(head) == 4  # not "S-10"
    organ = named or ("ecosoc" if year_shaped else "ga" if assembly_own else None)
    if organ is None or year_shaped != (organ == "ecosoc"):
        return
    symbol = symbol_of(by_key(organ), number, kind)  # read as a link to it would be (a part "B" is not)
    if symbol and parse_symbol(symbol).kind == kind and (location, symbol) not in known:
        known.add((location, symbol))
        out.append(Citation(type=kind, text=printed, body=by_key(organ).name, number=number,
                            symbol=symbol, location=location))
