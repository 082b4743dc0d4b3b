"""What the text says beyond its structure: citations, treaty mentions, addressees.

Runs after the structure is built, over every paragraph in reading order, because each of
these readers keeps context between paragraphs: "Ibid." refers to the previous footnote,
"the Office" to the last Office named, "the Commission resolution" to the last Commission.
Treaties named in words ("the United Nations Convention against Corruption") are recorded
as citations of the paragraph that names them, besides the footnote that cites the same
treaty by its Treaty Series number: they are two printed references in two places.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from lod.bodies import Body, by_name, formula_organ
from lod.model import Citation, OperativeParagraph, PreambularParagraph, Resolution, SubParagraph, Table, table_note_eid
from lod.parse import citation_patterns as P
from lod.parse.addressees import AddresseeFinder
from lod.parse.citations import CitationExtractor, first_reference
from lod.parse.treaty_mentions import find_treaty_mentions
from lod.states import lookup_state


def document_body(res: Resolution, formula_body: str | None) -> str | None:
    """The body that speaks in the text: the opening formula's organ, else the masthead's."""
    if formula_body is not None and by_name(formula_body) is not None:
        return formula_body
    return res.body or formula_body


def _walk(points: list[SubParagraph]) -> Iterator[SubParagraph]:
    for point in points:
        yield point
        yield from _walk(point.subparagraphs)


def _paragraphs(res: Resolution) -> Iterator[PreambularParagraph | OperativeParagraph]:
    """Every paragraph of the text proper, preamble, operative part and annexes, in reading order."""
    for paragraphs in [res.preamble, res.operative, *(a.paragraphs for a in res.annexes)]:
        yield from paragraphs


def running_texts(res: Resolution) -> Iterator[tuple[str, str]]:
    """(text, eId) of every paragraph, intro and point of the text proper, in reading order.

    A paragraph with points contributes its intro under its own eId and each point under the
    point's eId, so that a citation is located where it is printed.
    """
    for op in _paragraphs(res):
        if op.subparagraphs:
            yield op.intro or "", op.eid
            for sub in _walk(op.subparagraphs):
                yield sub.text, sub.eid
        else:
            yield op.text, op.eid


def treaty_mentions(text: str, location: str) -> list[Citation]:
    """Treaties named in words in one paragraph, each once, with the verb that introduces it.

    The relation is the nearest relation verb printed before the name ("Recalling the
    Convention …" → "recall"), read with the same lexicon the citation extractor uses.
    """
    clean = P.strip_markup(text or "")
    out: list[Citation] = []
    seen: set[str] = set()
    for mention in find_treaty_mentions(clean):
        if mention.key in seen:
            continue
        seen.add(mention.key)
        relation = P.relation_before(P.relation_verbs(clean), mention.start)
        out.append(mention.to_citation(location=location, relation=relation))
    return out


def add_citations(res: Resolution, formula_body: str | None) -> None:
    """Citations in reading order, so that "Ibid." in footnotes follows the right antecedent."""
    extractor = CitationExtractor(document_body(res, formula_body))
    extractor.annex_authors = annex_authors(res)
    found = res.citations
    for text, location in running_texts(res):
        found.extend(extractor.extract(text, location))
        found.extend(treaty_mentions(text, location))
    for note in res.footnotes:
        found.extend(extractor.extract(note.text, note.eid))
    introduced = _introduced(res)
    for cited in found:  # "Recalling …: ⏎ (a) Its resolution 69/237 …": the point's citation is recalled
        if cited.relation is None and cited.location in introduced:
            cited.relation = introduced[cited.location]
    add_table_citations(res, res.tables, extractor)


def repeat_ibid(res: Resolution) -> None:
    """A note that is only "Ibid." ("Ibíd.", "Там же", "同上", "المرجع نفسه") cites what the note before it
    cited first, when that citation came from elsewhere than the extractor, which repeats its own (a
    link in the other languages: "Résolution 2200 A (XXI), annexe." ⏎ "Ibid." in A/RES/75/126); a note
    with citations of its own keeps them."""
    by_note: dict[str, list[Citation]] = {}
    for cited in res.citations:
        by_note.setdefault(cited.location, []).append(cited)
    previous: list[Citation] = []
    for note in res.footnotes:
        own = by_note.get(note.eid, [])
        ibid = P.IBID_RE.match(P.strip_markup(note.text or "")) if not own and previous else None
        if ibid is not None:
            own = [dataclasses.replace(c, text=ibid.group("ibid"), location=note.eid, unts_volumes=list(c.unts_volumes))
                   for c in first_reference(previous)]
            res.citations += own
        previous = own


def annex_authors(res: Resolution) -> dict[str, Body]:
    """Annex eId → the organ its text opens with the formula of: a commission's resolution the
    Council annexes ("The Economic and Social Commission for Asia and the Pacific,", E/RES/2022/11),
    a draft it recommends to the Assembly ("The General Assembly,")."""
    out: dict[str, Body] = {}
    for annex in res.annexes:
        opening = annex.paragraphs[0].text if annex.paragraphs else ""
        organ = formula_organ(opening) if annex.eid else None
        if organ is not None:
            out[annex.eid] = organ
    return out


def _introduced(res: Resolution) -> dict[str, str]:
    """Point eId → the relation its paragraph's words before the points end with (the last relation
    verb there): what introduces a citation printed in a point with no verb of its own before it."""
    out: dict[str, str] = {}
    for op in _paragraphs(res):
        verbs = P.relation_verbs(P.strip_markup(op.intro)) if op.subparagraphs and op.intro else ()
        for sub in _walk(op.subparagraphs) if verbs else ():
            out[sub.eid] = verbs[-1][1]
    return out


def add_table_citations(res: Resolution, tables: list[Table], extractor: CitationExtractor | None = None) -> None:
    """Citations printed under tables: a note's ("a See A/77/528.") and the legend's ("Note: … set
    out in the report of the Secretary-General (A/72/790/Rev.1)"), located at the note and the table.
    Called again for the tables a source kept apart from its text (Word), added after the text's; the
    text's extractor goes on where it is given (an "Ibid." follows the note before it)."""
    extractor = extractor or CitationExtractor(document_body(res, None))
    for table in tables:
        for k, table_note in enumerate(table.notes, 1):
            res.citations.extend(extractor.extract(table_note.text, table_note_eid(table.eid, k)))
        if table.legend:
            res.citations.extend(extractor.extract(table.legend, table.eid))


def add_addressees(res: Resolution, formula_body: str | None) -> None:
    """Who each operative paragraph and point (annexes included) asks to act.

    The preamble is only observed: it names the bodies that later short references ("the
    Office") stand for, but asks nobody to act.
    """
    name = document_body(res, formula_body)
    body: Body | None = by_name(name) if name else None
    finder = AddresseeFinder(document_body=body, document_number=res.number)
    host = _state_named(res.title or "")
    for para in res.preamble:
        finder.observe(para.text)
        host = _government_of(para.text) or host
    for paragraphs in [res.operative, *(a.paragraphs for a in res.annexes)]:
        for op in paragraphs:
            _paragraph_addressees(finder, op)
            for who in [*op.addressees, *(a for sub in _walk(op.subparagraphs) for a in sub.addressees)]:
                if who.kind == "state" and who.iso3 is None and _THE_GOVERNMENT.fullmatch(who.name):
                    who.iso3 = host  # "Urges the Government to …": the State the text is about
            host = _government_of(op.text) or host


_THE_GOVERNMENT = re.compile(r"(?:the\s+)?Government")
_GOVERNMENT_OF_STATE = re.compile(r"\bGovernment\s+of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z(][\w'’()-]*)*)")


def _government_of(text: str) -> str | None:
    """The State the last "Government of X" of a paragraph names ("the Government of the Sudan")."""
    found = None
    for m in _GOVERNMENT_OF_STATE.finditer(text):
        found = _state_named(m.group(1)) or found
    return found


def _state_named(text: str) -> str | None:
    """The State a title or a name ends with ("Situation of human rights in the Islamic Republic
    of Iran", "the Sudan and South Sudan" → the first that reads whole), as its ISO code."""
    words = text.replace(",", " ,").split()
    for start in range(len(words)):
        if not words[start][:1].isupper():
            continue  # a name starts with a capital ("the Sudan" is found from "Sudan")
        for end in range(len(words), start, -1):
            state = lookup_state(" ".join(words[start:end]))
            if state is not None:
                return state.iso3
    return None


def _paragraph_addressees(finder: AddresseeFinder, op: OperativeParagraph) -> None:
    if not op.subparagraphs:
        op.addressees = finder.paragraph(op.text, op.verb)
        return
    op.addressees = finder.paragraph(op.intro or "", op.verb)
    for sub in _walk(op.subparagraphs):
        sub.addressees = finder.paragraph(sub.text)
