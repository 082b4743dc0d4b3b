"""What the search index holds of one document: its passages, each with its text and facets.

Built from the document model (`lod.model.Resolution`) in the build's worker processes, so the
index never re-reads text: the parser's verbs, addressees, sponsors and citations are the
facets. A passage is the document itself (symbol and title), a preambular paragraph, an
operative or annex paragraph (its chapeau when it has points) or one of its points; each has
its own IRI (`{work}/!main#para_8`), the anchor the search result links to.

This module knows the model and the facet table, never SQLite nor RDF: the caller passes the
IRIs (the work registry's) in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from dataclasses import dataclass, field

from lod.model import Addressee, Citation, OperativeParagraph, Resolution, SubParagraph
from lod.states import by_iso3
from lod.treaties import by_key as treaty_by_key


@dataclass(frozen=True)
class Facet:
    """A field people narrow results by: its URL parameter, its heading, and whether each
    passage of a document shares the document's value (body, year …) or has its own (verb …)."""

    name: str
    label: str
    per_document: bool


FACETS: tuple[Facet, ...] = (
    Facet("body", "Body", True),
    Facet("year", "Year", True),
    Facet("session", "Session", True),
    Facet("kind", "Document kind", True),
    Facet("part", "Part of the document", False),
    Facet("verb", "Leading verb", False),
    Facet("addressee", "Addressee", False),
    Facet("sponsor", "Sponsor", True),
    Facet("cites", "Cites", False),
    Facet("subject", "Subject", True),
)
"""Every facet of the index, in the order pages show them (the one table of facet names)."""

FACET_NAMES = frozenset(f.name for f in FACETS)

PART_LABELS = {
    "document": "Document (symbol and title)",
    "preamble": "Preambular paragraph",
    "operative": "Operative paragraph",
    "point": "Point of a paragraph",
    "annex": "Annex paragraph",
    "table": "Table row",
}



@cache
def _adverbs() -> frozenset[str]:
    """The words of the parser's adverbs ("also", "once again"), read when a record is first
    made: the server imports this module for its facets and must not load the parser with it."""
    from lod.parse.verbs import PRE_ADVERBS

    return frozenset(w for phrase in PRE_ADVERBS for w in phrase.split()) | {"once"}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: `value` is what the URL carries, `label` what people read."""

    facet: str
    value: str
    label: str


@dataclass
class Passage:
    """One searchable unit: `eid` is empty for the document itself (its hit links to the work)."""

    eid: str
    part: str
    label: str
    text: str
    facets: list[FacetValue] = field(default_factory=list)


@dataclass
class DocumentRecord:
    """A document as the index keeps it: where its passages link to, and its passages."""

    work: str
    main: str
    """The IRI of the document's main component; a passage's IRI is `{main}#{eid}`."""
    symbol: str
    title: str
    date: str
    passages: list[Passage] = field(default_factory=list)


CitedIRI = Callable[[Citation], "str | None"]


def verb_value(phrase: str | None) -> str | None:
    """The verb a paragraph leads with, without its adverbs: "Requests also" and "Further
    requests" are both "requests", "Takes note of" is "takes note"."""
    if not phrase:
        return None
    words = [w for w in re.sub(r"[^\w\s-]", " ", phrase.lower()).split() if w not in _adverbs()]
    if words and words[-1] == "of":
        words.pop()
    return " ".join(words) or None


def document_record(res: Resolution, work: str, main: str, cited_iri: CitedIRI | None = None) -> DocumentRecord:
    """Every passage of `res` with its facets. `work` and `main` are its work and main component
    IRIs; `cited_iri` gives the IRI a citation resolves to (facet values link to it)."""
    shared = _document_facets(res)
    cites = _citations_by_location(res.citations, cited_iri)
    title = " ".join((res.title or "").split())
    record = DocumentRecord(work, main, res.symbol or "", title, res.adoption_date or res.date or "")
    heading = " ".join(x for x in (res.symbol, title) if x)
    record.passages.append(Passage("", "document", res.symbol or "document", heading,
                                   shared + [FacetValue("part", "document", PART_LABELS["document"])]))
    for n, para in enumerate(res.preamble, 1):
        eid, label = para.eid or f"preamble__para_{n}", f"preambular paragraph {n}"
        text = para.intro if para.subparagraphs and para.intro else para.text  # its points on their own, as below
        record.passages.append(_passage(eid, "preamble", label, text, shared, para.verb, [], cites.get(eid, [])))
        _points(record, eid, label, para.subparagraphs, shared, para.verb, [], cites)
    _paragraphs(record, res.operative, "", "operative", "paragraph", shared, cites)
    for k, annex in enumerate(res.annexes, 1):
        prefix = f"{annex.eid or f'annex_{k}'}__"
        _paragraphs(record, annex.paragraphs, prefix, "annex", f"annex {annex.num or k}, paragraph", shared, cites)
    for n, table in enumerate(res.tables, 1):
        # a table's rows are passages of their own (lod.rdf.tables names them the same): a
        # budget line or a State's rate is found at its row, as it was when tables were read
        # as paragraphs
        eid = table.eid or f"table_{n}"
        for r, cells in enumerate(table.rows, 1):
            text = " | ".join(c for c in cells if c)
            if text:
                record.passages.append(_passage(f"{eid}__row_{r}", "table", f"table {n}, row {r}", text, shared,
                                                None, [], []))
    return record


def _paragraphs(record: DocumentRecord, paras: list[OperativeParagraph], prefix: str, part: str, noun: str,
                shared: list[FacetValue], cites: dict[str, list[FacetValue]]) -> None:
    for n, para in enumerate(paras, 1):
        eid = para.eid or f"{prefix}para_{para.num or f'u{n}'}"
        # a paragraph with points is indexed as its chapeau, and each point on its own: a word
        # found in a point is found once, at the point
        text = para.intro if para.subparagraphs and para.intro else para.text
        label = f"{noun} {para.num}" if para.num else f"{noun} (unnumbered {n})"
        record.passages.append(_passage(eid, part, label, text, shared, para.verb, para.addressees, cites.get(eid, [])))
        _points(record, eid, label, para.subparagraphs, shared, para.verb, para.addressees, cites)


def _points(record: DocumentRecord, parent: str, parent_label: str, points: list[SubParagraph],
            shared: list[FacetValue], verb: str | None, inherited: list[Addressee],
            cites: dict[str, list[FacetValue]]) -> None:
    """Points keep the verb of the paragraph that introduces them ("Requests …: (a) to …")."""
    for n, point in enumerate(points, 1):
        eid = point.eid or f"{parent}__list_1__point_{re.sub(r'[^A-Za-z0-9]+', '', point.num) or n}"
        label = f"{parent_label} ({point.num.strip('().')})"
        addressees = point.addressees or inherited
        record.passages.append(_passage(eid, "point", label, point.text, shared, verb, addressees, cites.get(eid, [])))
        _points(record, eid, label, point.subparagraphs, shared, verb, addressees, cites)


def _passage(eid: str, part: str, label: str, text: str, shared: list[FacetValue], verb: str | None,
             addressees: Iterable[Addressee], cites: list[FacetValue]) -> Passage:
    facets = list(shared)
    facets.append(FacetValue("part", part, PART_LABELS[part]))
    if value := verb_value(verb):
        facets.append(FacetValue("verb", value, value))
    facets += [_addressee(a) for a in addressees]
    facets += cites
    return Passage(eid, part, label, " ".join(text.split()), _unique(facets))


def _document_facets(res: Resolution) -> list[FacetValue]:
    facets: list[FacetValue] = []
    if res.body:
        body = res.organ
        facets.append(FacetValue("body", body.key if body else res.body, body.name if body else res.body))
    year = (res.adoption_date or res.date or "")[:4]
    if year.isdigit():
        facets.append(FacetValue("year", year, year))
    if res.session is not None:
        facets.append(FacetValue("session", str(res.session), str(res.session)))
    facets.append(FacetValue("kind", res.kind, res.kind.replace("-", " ")))
    for sponsor in res.sponsors:
        state = by_iso3(sponsor.iso3) if sponsor.iso3 else None
        facets.append(FacetValue("sponsor", sponsor.iso3 or sponsor.name, state.name if state else sponsor.name))
    for subject in getattr(res, "subjects", None) or []:
        facets.append(_subject(subject))
    return _unique(facets)


def _subject(subject: object) -> FacetValue:
    """A subject of whatever shape the model gives (a string, or an object with an IRI and a
    label): the facet value is its IRI or text, the label its label."""
    if isinstance(subject, str):
        return FacetValue("subject", subject, subject)
    value = str(getattr(subject, "iri", None) or getattr(subject, "uri", None) or getattr(subject, "code", None)
                or getattr(subject, "label", None) or subject)
    return FacetValue("subject", value, str(getattr(subject, "label", None) or value))


def _addressee(a: Addressee) -> FacetValue:
    name = re.sub(r"^the\s+", "", " ".join(a.name.split()), flags=re.IGNORECASE)
    return FacetValue("addressee", a.iso3 or a.body_key or a.group or name, name)


def _citations_by_location(citations: list[Citation], cited_iri: CitedIRI | None) -> dict[str, list[FacetValue]]:
    found: dict[str, list[FacetValue]] = {}
    for cited in citations:
        if cited.placeholder or not cited.location:
            continue
        iri = cited_iri(cited) if cited_iri else None
        label = _citation_label(cited)
        value = iri or label
        if value:
            found.setdefault(cited.location, []).append(FacetValue("cites", value, label))
    return found


def _citation_label(cited: Citation) -> str:
    if cited.type == "treaty" and cited.treaty_key and (treaty := treaty_by_key(cited.treaty_key)):
        return treaty.names[0] if treaty.names else cited.text
    if cited.symbol:
        return cited.symbol
    if cited.number:
        return f"{cited.body or ''} {cited.number}".strip()
    return " ".join(cited.text.split())


def _unique(facets: list[FacetValue]) -> list[FacetValue]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in facets:
        if (f.facet, f.value) not in seen:
            seen.add((f.facet, f.value))
            out.append(f)
    return out
