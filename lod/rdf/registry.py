"""Which work IRI a document or a citation names, decided once for the whole corpus.

A work IRI needs the adopting organ, a date and a number. The corpus rarely prints all three
for a cited work ("its resolution 70/174" gives the number only), and a page extract may not
print its adoption date at all. So IRIs are not minted while documents are read: `add`
records each document and every date printed with a citation ("70/174 of 17 December
2015"), and IRIs are computed when asked for, from everything recorded. The same number
therefore maps to the same IRI whether it is the subject of one file or cited by another,
and the answer does not depend on the order the files were read in.

When no date is known, the year is derived from the number (SC "1373 (2001)", ECOSOC
"2017/16", a GA session) and written as 1 January of that year, the AKN4UN convention for a
partial date; such works are flagged `approximate` (unres:dateIsApproximate in the graph).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from lod import treaties
from lod.bodies import Body, by_key, known
from lod.dates import is_iso_day
from lod.rdf import outline
from lod.model import Citation, Resolution
from lod.rdf.workdates import actor_token, adopting_body, approximate_date, body_iri, session_year
from lod.symbols import NumberInfo, SymbolInfo, resolution_symbol
from lod.uri import DEFAULT_BASE, WorkIRI, encode_number

__all__ = [
    "ADOPTED_KINDS", "RegistryError", "WorkEntry", "WorkRegistry", "actor_token", "adopting_body", "body_iri",
    "session_year", "source_slug",
]

ADOPTED_KINDS = ("resolution", "decision")


class RegistryError(ValueError):
    """A document for which no work IRI can be formed (no date can be known at all)."""


@dataclass(frozen=True)
class WorkEntry:
    """What the registry knows about one work: enough to name it and describe it minimally."""

    iri: WorkIRI
    kind: str
    number: str
    symbol: str | None = None
    body: Body | None = None
    actor_name: str | None = None
    approximate: bool = False
    in_corpus: bool = False
    alias: str | None = None
    earlier: str | None = None
    """The approximate IRI this work had while no text printed its date (1 January of the year
    its number implies), when that differs from its IRI now: kept as an alias, answered by 301."""


def source_slug(source: str) -> str:
    """A stable number for a document that prints no symbol: its file stem, IRI-safe."""
    stem = PurePath(source).stem if source else ""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("_")
    if not slug:
        raise RegistryError("a document without symbol needs a source file name to be named")
    return slug


def _iso(date: str | None) -> str | None:
    """A model date the converter resolved to ISO, else None (one it could not read names no day)."""
    return date if date and is_iso_day(date) else None


def _norm(number: str) -> str:
    return " ".join(number.split())


def _unrevised(symbol: str) -> str:
    """A draft's symbol without its revision or corrigendum suffix: A/80/L.2/Rev.1 → A/80/L.2."""
    return re.sub(r"(/(Rev|Corr|Add)\.\d+)+$", "", _norm(symbol))


@dataclass(frozen=True)
class _Doc:
    """What naming a corpus document needs, kept instead of the whole model so the registry
    stays small when it is shipped to worker processes. `body` is the name as printed (the
    actor of a body the table does not know is made from it), `body_key` and `info` what the
    converter resolved (lod.parse.resolved)."""

    symbol: str | None
    kind: str
    body: str | None
    number: str | None
    adoption_date: str | None
    date: str | None
    session: int | None
    source: str
    draft_symbol: str | None = None
    body_key: str | None = None
    info: SymbolInfo | None = None
    number_info: NumberInfo | None = None
    language: str | None = None
    outline: bytes = b""
    """Where its portions stand (lod.rdf.outline.packed), for the work's one order."""

    @classmethod
    def of(cls, res: Resolution, with_outline: bool = False) -> _Doc:
        return cls(
            res.symbol, res.kind, res.body, res.number, res.adoption_date, res.date, res.session, res.source,
            res.draft_symbol, res.body_key, res.symbol_info, res.number_info, res.language,
            outline.packed(res) if with_outline else b"",
        )

    @property
    def organ(self) -> Body | None:
        """The organ the document names, else the one its symbol's series belongs to."""
        return known(self.body_key) or known(self.info.body if self.info else None)

    def reading_order(self) -> tuple[int, str, str]:
        """Which expression's order a work's portions follow first (lod.rdf.outline)."""
        order = outline.REFERENCE_LANGUAGES
        return (order.index(self.language) if self.language in order else len(order), self.language or "", self.source)

    def rank(self) -> tuple[bool, bool, str, str]:
        """When several files describe one work (a full text and a page of it), the fullest
        one names it; the file name breaks ties so the choice never depends on order."""
        return (self.kind == "extract", self.adoption_date is None, self.source, self.symbol or "")


@dataclass
class WorkRegistry:
    """Work IRIs of the corpus and of everything it cites; see the module docstring.

    `add` only records; IRIs are computed when asked for, from everything added so far, so
    adding every document before mapping any gives answers independent of file order.
    """

    base: str = DEFAULT_BASE
    _by_key: dict[tuple[str, str], list[_Doc]] = field(default_factory=dict)
    _by_symbol: dict[str, list[_Doc]] = field(default_factory=dict)
    _dates: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    _by_draft: dict[str, list[_Doc]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.base = self.base.rstrip("/")

    # --- collection ---------------------------------------------------------------------
    @classmethod
    def from_corpus(cls, resolutions: list[Resolution], base: str = DEFAULT_BASE) -> WorkRegistry:
        registry = cls(base=base)
        for res in resolutions:
            registry.add(res)
        return registry

    def note_date(self, key: tuple[str, str] | None, date: str | None) -> None:
        """Remember that some text printed "<number> of <date>"; the most frequent date wins."""
        if key and date and is_iso_day(date):
            self._dates[key][date] += 1

    def note_citations(self, res: Resolution) -> None:
        for cited in res.citations:
            if cited.date and not cited.placeholder and cited.type in ADOPTED_KINDS and (cited.symbol or cited.number):
                body_key, name = (cited.body_key, cited.body) if cited.body else (res.body_key, res.body)
                self.note_date(self._key(cited.symbol or cited.number, cited.symbol_info, body_key, name), cited.date)
        if res.kind in ADOPTED_KINDS and res.adoption_date and (res.symbol or res.number):
            key = self._key(res.symbol or res.number, res.symbol_info if res.symbol else None, res.body_key, res.body)
            self.note_date(key, res.adoption_date)

    def add(self, res: Resolution) -> None:
        """Register a corpus document and the dates its citations print; never raises (a
        document that cannot be named fails when it is mapped, alone)."""
        self.note_citations(res)
        doc = _Doc.of(res, with_outline=True)
        if doc.symbol:
            self._by_symbol.setdefault(_norm(doc.symbol), []).append(doc)
        if doc.draft_symbol and doc.kind in ADOPTED_KINDS:
            # under the draft printed and under the draft it revises, so both find the adopted text
            for key in dict.fromkeys([_norm(doc.draft_symbol), _unrevised(doc.draft_symbol)]):
                self._by_draft.setdefault(key, []).append(doc)
        if key := self._doc_key(doc):
            self._by_key.setdefault(key, []).append(doc)

    # --- answers ------------------------------------------------------------------------
    def work_for(self, res: Resolution) -> WorkIRI:
        return self.entry_for(res).iri

    def entry_for(self, res: Resolution) -> WorkEntry:
        """The entry of a corpus document; raises RegistryError when no IRI can be formed."""
        docs = self._by_symbol.get(_norm(res.symbol)) if res.symbol else None
        return self._entry_for(min(docs, key=_Doc.rank) if docs else _Doc.of(res))

    def outline_positions(self, res: Resolution) -> dict[str, int]:
        """The positions (eId → position) where the work's order differs from this document's
        own (lod.rdf.outline): empty when its expressions agree, or it has one."""
        docs = [d for d in self._by_symbol.get(_norm(res.symbol), []) if d.kind != "extract"] if res.symbol else []
        if len(docs) < 2:
            return {}
        own = outline.positions(res)
        merged: dict[str, int] = {}
        for doc in sorted(docs, key=_Doc.reading_order):
            for eid, n in outline.unpacked(doc.outline).items():
                merged.setdefault(eid, n)
        return {eid: merged[eid] for eid, n in own.items() if merged.get(eid, n) != n}

    def corpus_work(self, symbol: str) -> WorkEntry | None:
        """The corpus work printed under this symbol; a revision ("A/80/L.2/Rev.1") falls back
        to the draft it revises when only that one is in the corpus."""
        for candidate in dict.fromkeys([_norm(symbol), _unrevised(symbol)]):
            if entry := self._corpus_entry(self._by_symbol.get(candidate)):
                return entry
        return None

    def adopted_from(self, draft_symbol: str) -> list[WorkEntry]:
        """The corpus's adopted texts that print this draft (or a revision of it) as their draft."""
        found: list[WorkEntry] = []
        for doc in sorted(self._by_draft.get(_norm(draft_symbol), []), key=_Doc.rank):
            entry = self._corpus_entry(self._by_symbol.get(_norm(doc.symbol))) if doc.symbol else None
            if entry is not None and entry not in found:
                found.append(entry)
        return found

    def work_for_citation(self, citation: Citation, default_body: str | None = None,
                          default_name: str | None = None) -> str | None:
        """The work IRI a citation points to; None when it cannot resolve (placeholders)."""
        entry = self.entry_for_citation(citation, default_body, default_name)
        return entry.iri.work() if isinstance(entry, WorkEntry) else entry

    def entry_for_citation(self, citation: Citation, default_body: str | None = None,
                           default_name: str | None = None) -> WorkEntry | str | None:
        """A `WorkEntry` for resolutions and decisions, an IRI string for treaties and
        documents (which are not AKN statements), None when the citation cannot resolve.
        A citation that names no organ is the citing document's: `default_body` is its key,
        `default_name` its name as printed (for an organ the table does not know)."""
        if citation.placeholder:
            return None
        if citation.type == "treaty":
            works = self.treaty_works(citation)
            return works[0] if works else None
        if citation.symbol and (corpus := self._corpus_entry(self._by_symbol.get(_norm(citation.symbol)))):
            return corpus
        info = citation.symbol_info if citation.symbol else None
        if citation.type == "document" and not (info and info.kind in ADOPTED_KINDS):
            if citation.symbol:
                return f"{self.base}/id/document/{encode_number(citation.symbol)}"
            return None
        body_key, name = (citation.body_key, citation.body) if citation.body else (default_body, default_name or default_body)
        body = known(info.body if info else None) or known(body_key)
        number = citation.number or (info.number if info else None)
        if not number or "_" in number:
            return None
        if body is not None and body.conventions is not None and not body.conventions.is_number(citation.type, number):
            return None  # not a number of that organ's decisions, or resolutions ("6/2019" taken for the Assembly's)
        key = self._key(number, None, body.key if body else None, name)
        if key and (corpus := self._corpus_entry(self._by_key.get(key))):
            return corpus
        # Only resolutions have a symbol series that follows from the number; decisions are
        # published in the Official Records and keep the symbol printed, if any.
        derivable = body is not None and citation.type == "resolution"
        symbol = citation.symbol or (resolution_symbol(body.key, _norm(number)) if derivable else None)
        date, approximate = self._best_date(key, citation.date, body, citation.number_info)
        if date is None:
            return None
        name = body.name if body else name
        iri = WorkIRI.for_work(actor_token(body, name), date, _norm(number), self.base)
        # a stub is known by its symbol, else by its number (as GA decisions are)
        return WorkEntry(
            iri=iri, kind=citation.type, number=_norm(number), symbol=symbol, body=body, actor_name=name,
            approximate=approximate, alias=None if symbol else _norm(number),
            earlier=self._earlier(iri, body, citation.number_info, approximate),
        )

    def treaty_works(self, citation: Citation) -> list[str]:
        """The treaty IRIs a Treaty Series citation names, one per instrument: "vols. 2225 and
        2237, No. 39574" cites the Convention and a Protocol registered under its number."""
        if citation.placeholder or citation.type != "treaty":
            return []
        if citation.treaty_key:
            keys = [citation.treaty_key]
        elif citation.unts_number and citation.unts_number.strip().isdigit():
            found = treaties.by_citation(citation.unts_number, citation.unts_volumes)
            keys = [t.key for t in found] or [citation.unts_number.strip()]
        else:
            return []
        return [f"{self.base}/id/treaty/unts/{re.sub(r'[^A-Za-z0-9-]+', '-', key)}" for key in keys]

    # --- internals ----------------------------------------------------------------------
    def _key(self, symbol_or_number: str | None, info: SymbolInfo | None, body_key: str | None,
             name: str | None) -> tuple[str, str] | None:
        """(actor, number): numbers repeat across bodies, so the organ is part of the key. `info`
        is the symbol as the converter read it when `symbol_or_number` is a symbol; the organ
        is `body_key`, or (a body the table does not know) the name as printed."""
        if not symbol_or_number:
            return None
        if info is not None and info.number and info.body:
            return (by_key(info.body).actor, _norm(info.number))
        if "/" in symbol_or_number and re.match(r"^[A-Z]/", symbol_or_number):
            return ("symbol", _norm(symbol_or_number))
        return (actor_token(known(body_key), name or "ga"), _norm(symbol_or_number))

    def _corpus_entry(self, docs: list[_Doc] | None) -> WorkEntry | None:
        if not docs:
            return None
        try:
            return self._entry_for(min(docs, key=_Doc.rank))
        except RegistryError:
            return None  # that document fails on its own; the citation is resolved from its text

    def _doc_key(self, doc: _Doc) -> tuple[str, str] | None:
        """The key of an adopted text, under which citations of its number find it."""
        info = doc.info if doc.symbol else None
        kind = (info.kind if info and info.kind != "document" else "resolution") if doc.kind == "extract" else doc.kind
        number = doc.number or (info.number if info else None)
        if kind not in ADOPTED_KINDS or not number:
            return None
        body = doc.organ
        return self._key(doc.symbol or number, info, body.key if body else None, doc.body)

    def _best_date(
        self, key: tuple[str, str] | None, printed: str | None, body: Body | None, implied: NumberInfo | None
    ) -> tuple[str | None, bool]:
        noted = self._dates.get(key) if key else None
        if noted:
            full = sorted(noted.items(), key=lambda kv: (-kv[1], kv[0]))
            return full[0][0], False
        if printed and is_iso_day(printed):
            return printed, False
        date = approximate_date(body.key if body else None, implied)
        return (date, True) if date else (None, False)

    def _entry_for(self, res: _Doc) -> WorkEntry:
        info = res.info if res.symbol else None
        kind = res.kind
        if kind == "extract":
            kind = info.kind if info and info.kind != "document" else "resolution"
        body = res.organ
        number = (res.number or (info.number if info else None)) if kind in ADOPTED_KINDS else None
        if kind in ADOPTED_KINDS and number:
            key = self._key(res.symbol or number, info, body.key if body else None, res.body)
            date, approximate = _iso(res.adoption_date), False
            if date is None:
                date, approximate = self._best_date(key, res.date, body, res.number_info)
            # GA decisions have no document symbol of their own: the number ("77/401") is how
            # they are cited, so it names the work
            alias = None if res.symbol else number
        else:
            # Drafts are named by their symbol; anything printing neither symbol nor number
            # by its source file, kept as an alias until the symbol is known.
            if kind not in ADOPTED_KINDS:
                body = adopting_body(body)
            number = res.symbol or source_slug(res.source)
            alias = None if res.symbol else number
            printed = res.adoption_date if kind in ADOPTED_KINDS else None
            date, approximate = _iso(printed) or _iso(res.date), False
            if date is None:
                year = (info.year if info else None) or (
                    session_year(info.body, info.session) if info and info.session else None
                )
                if year is None and res.session:
                    year = session_year(body.key if body else None, res.session)
                date, approximate = (f"{year}-01-01", True) if year else (None, False)
        if date is None:
            raise RegistryError(f"{res.source or res.symbol}: no date, and none can be derived for its work IRI")
        iri = WorkIRI.for_work(actor_token(body, res.body), date, _norm(number), self.base)
        earlier = self._earlier(iri, body, res.number_info, approximate) if kind in ADOPTED_KINDS else None
        return WorkEntry(
            iri=iri, kind=kind, number=_norm(number), symbol=res.symbol, body=body, actor_name=res.body,
            approximate=approximate, in_corpus=True, alias=alias, earlier=earlier,
        )

    @staticmethod
    def _earlier(iri: WorkIRI, body: Body | None, implied: NumberInfo | None, approximate: bool) -> str | None:
        """The approximate IRI a build without the date would have minted, if it differs."""
        if approximate:
            return None
        date = approximate_date(body.key if body else None, implied)
        return WorkIRI(iri.actor, date, iri.number, iri.base).work() if date and date != iri.date else None
