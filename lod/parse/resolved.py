"""The last step of every converter: what the document prints, resolved once.

The readers keep names, symbols and dates as the document prints them (the printed committee
name is a label; a symbol is published as text). What the later stages need from them is a
lookup in a table or a parse: the organ's record (lod.bodies), the symbol's series, session and
number (lod.symbols), the ISO date (lod.dates). Doing it here, once, for every reader (text,
PDF, Word, decision records, AKN) means the mapping and the AKN writer read only resolved
fields and never import the parsing helpers (tests/test_resolved.py holds them to that).
"""

from __future__ import annotations

from lod.bodies import find_key
from lod.dates import iso_date
from lod.model import Citation, Resolution
from lod.parse.submitter import read_submitter
from lod.symbols import parse_number, parse_symbol


def resolve(res: Resolution) -> Resolution:
    """Fill the resolved fields of `res` and its citations from their printed values (in place;
    returned for chaining). Running it twice gives the same model."""
    res.body_key = find_key(res.body)
    res.committee_key = find_key(res.committee)
    res.symbol_info = parse_symbol(res.symbol) if res.symbol else None
    res.number_info = parse_number(res.number or (res.symbol_info.number if res.symbol_info else None), res.body_key)
    res.date = _iso(res.date)
    res.adoption_date = _iso(res.adoption_date)
    res.publication_date = _iso(res.publication_date)
    for step in res.workflow:
        step.date = _iso(step.date)
    for cited in res.citations:
        resolve_citation(cited, res.body_key)
    if res.submitter:
        draft = parse_symbol(res.draft_symbol) if res.draft_symbol else None
        read_submitter(res.submitter, [res.committee_key, *((draft.committee, draft.body) if draft else ()),
                                       *((res.symbol_info.committee,) if res.symbol_info else ()), res.body_key])
    return res


def resolve_citation(cited: Citation, citing_body: str | None = None) -> Citation:
    """A citation's organ, symbol and number, resolved; its date as ISO where it reads as one. A
    citation that names no organ is of the citing document's (`citing_body`)."""
    cited.body_key = find_key(cited.body)
    cited.symbol_info = parse_symbol(cited.symbol) if cited.symbol else None
    organ = cited.body_key or (cited.symbol_info.body if cited.symbol_info else None) or citing_body
    cited.number_info = parse_number(cited.number or (cited.symbol_info.number if cited.symbol_info else None), organ)
    cited.date = _iso(cited.date)
    return cited


def _iso(value: str | None) -> str | None:
    """The ISO form of a date; a value that is no date stays as printed, so that the mapping
    publishes it as text and the DateDatatype shape stops the document rather than the date
    silently disappearing."""
    if not value:
        return value
    return iso_date(str(value)) or value
