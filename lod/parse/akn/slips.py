"""What the words an AKN file prints correct in its links: a link whose organ the clause, the number's
shape or the date printed contradicts is the file's slip, and a citation the words print replaces the link
on its digits. lod.parse.akn.printed reads the words; lod.parse.akn.read_akn asks these before and after."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from lod.bodies import by_key
from lod.model import Citation
from lod.parse.akn.organ_names import ORGANS
from lod.parse.akn.printed import NAMED_ALONE, dated_numbers, other_organs_numbers
from lod.parse.citation_organs import session_of

FAR_YEARS = 5
"""How many years from the year an organ's session met a printed date must be for a link to that organ's
number to be the file's slip whatever the words around it say: a date a year or two off is a misprint
("72/183 du 19 décembre 2019", the English "2017"), thirty years off is another organ's number."""


def link_slips(texts: Sequence[tuple[str, str]], language: str | None,
               misdated: Collection[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(eId, number, organ key) of each link to that organ's resolution that is the file's slip: to the
    Assembly's or the Council's on a number printed as another organ's (`other_organs_numbers`) or after
    another organ's name with a date the Assembly's session never met in (`misdated`, `misdated_numbers`);
    to any organ's whose session of that number met FAR_YEARS or more from the year printed with it
    ("والقرار 45/95 المؤرخ 14 كانون الأول/ ديسمبر 1990", linked to A/HRC/RES/45/95 in A/RES/77/211 in
    Arabic: the Human Rights Council's 45th session met in 2020; the English file reads the Assembly's)."""
    slips = {(location, number, key) for location, number in other_organs_numbers(texts, language) | set(misdated)
             for key in ORGANS}
    organs = [by_key(key) for key in ("ga", *NAMED_ALONE)]
    for location, m, year in dated_numbers(texts):
        session = session_of(m.group(0))
        slips |= {(location, m.group(0), o.key) for o in organs if session is not None
                  and (met := o.session_year(session)) is not None and abs(year - met) >= FAR_YEARS}
    return slips


_PART_NUMBER = re.compile(r"(?:\d{4}|\d{1,2})/\d{1,3} [A-Z]{1,2}")
"""A number with its part: a session's ("75/290 A") or a year's ("2021/2 B", the Council's)."""


def printed_over_links(citations: list[Citation], linked: Collection[int]) -> list[Citation]:
    """`citations` without the links (`linked`: their ids) a citation the words print corrects on the same
    digits: "75/290 A" linked to A/RES/75/290 (the part printed is the citation, not its resolution too), and
    "la decisión 18/120 del Consejo de Derechos Humanos" linked to A/HRC/RES/18/120 (the word printed says
    decision: held-out A/RES/77/214 in Spanish and Arabic, where the English file cites the decision only)."""
    parted = {(c.location, c.number.rsplit(" ", 1)[0]) for c in citations if c.number and _PART_NUMBER.fullmatch(c.number)}
    kinds = {(c.location, c.number, c.type) for c in citations if id(c) not in linked and c.number}
    return [c for c in citations if id(c) not in linked or not (
        (c.location, c.number) in parted
        or c.type in ("resolution", "decision") and (c.location, c.number, _OTHER_KIND[c.type]) in kinds)]


_OTHER_KIND = {"resolution": "decision", "decision": "resolution"}
