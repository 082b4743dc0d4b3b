"""The document model: what a UN resolution is, independent of how it was printed or published.

Every converter produces a `Resolution`; the RDF mapping, the validator and the web layer only
ever see this model. It is deliberately plain (dataclasses, strings, lists) so that
`lod parse --json` is a faithful, stable picture of what the converter understood, and so that
the parser never needs to know about RDF.

Positions inside a document are Akoma Ntoso eIds (`preamble__para_3`, `para_8__list_1__point_a`,
`annex_1__para_9`, `fn_12`): the same strings name a paragraph in the model, in the JSON, in
the RDF (as IRI fragments) and as anchors in the HTML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from lod.bodies import Body, known
from lod.lifecycle import Submitter, Subject, Vote, VoteChoice, Voting, WorkflowStep
from lod.symbols import NumberInfo, SymbolInfo

DocumentKind = Literal["resolution", "draft-resolution", "decision", "draft-decision", "draft-amendment", "extract"]
CitationType = Literal["resolution", "decision", "document", "treaty"]
T = TypeVar("T")
__all__ = ["Addressee", "Annex", "Citation", "CitationType", "DocumentKind", "Footnote", "OperativeParagraph", "PreambularParagraph",
           "Resolution", "Resolved", "Sponsor", "SubParagraph", "Submitter", "Subject", "Table", "TableNote", "Vote",
           "VoteChoice", "Voting", "WorkflowStep", "table_note_eid"]


@dataclass
class Sponsor:
    """A State (or group of States) named in the sponsor line of a draft.

    `name` is kept exactly as printed (historic names included); `iso3` is the ISO 3166-1
    alpha-3 code it resolves to, or None when the name is not a State (a group, an
    organization) or could not be resolved; the validator reports the latter. `group` is the
    key (lod.groups) of the group or organization it names, resolved by the reader, so the
    mapping never reads the printed name again.
    """

    name: str
    iso3: str | None = None
    kind: Literal["state", "group", "organization", "unknown"] = "state"
    group: str | None = None


@dataclass
class Footnote:
    """A footnote as printed at the foot of a page; `marker` is its number ("1", "*")."""

    marker: str
    text: str
    eid: str = ""


@dataclass(kw_only=True)
class Resolved:
    """What a converter resolves once (lod.parse.resolved) from the printed body, symbol and
    number of a document or a citation, so the mapping and the AKN writer never read the
    printed forms: the organ's lod.bodies key (None when not printed or not in the table), the
    symbol as lod.symbols reads it (organ, kind, session, number), and what the form of the
    number (else the symbol's) implies (the year or session)."""

    body_key: str | None = None
    symbol_info: SymbolInfo | None = None
    number_info: NumberInfo | None = None

    @property
    def organ(self) -> Body | None:
        """The resolved body (lod.bodies) of `body_key`."""
        return known(self.body_key)


@dataclass
class Citation(Resolved):
    """A reference in the text to another resolution, decision, document or treaty.

    `text` is the citation as printed. `number` is the cited instrument's number in the form
    its body uses ("70/174", "1373 (2001)", "S-30/1", "3263 (XXIX)", "36/87 A", "2017/16");
    `symbol` is a document symbol ("A/73/131") when one is printed or can be derived.
    `placeholder` marks a number that was not yet known when the draft was printed
    ("73/___"): such citations are kept so nothing is silently lost, but they cannot resolve.
    `location` is the eId of the paragraph or footnote in which the citation is printed.
    `relation` is the verb that introduces the citation where the text gives one
    ("Recalling" → "recall"), the basis for typed citation links.
    """

    type: CitationType
    text: str
    body: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    unts_volumes: list[str] = field(default_factory=list)
    unts_number: str | None = None
    placeholder: bool = False
    location: str = ""
    relation: str | None = None
    treaty_key: str | None = None
    """For treaties: the lod.treaties key ("39574-TIP") when the citation resolves to one
    instrument of the table, which tells a protocol apart from the convention it shares a
    registration number with."""
    @property
    def unts_volume(self) -> str | None:
        """The first volume cited; the JSON keeps this for readers that expect one volume."""
        return self.unts_volumes[0] if self.unts_volumes else None


@dataclass
class Addressee:
    """Who an operative paragraph (or point) asks to act: "Requests the Secretary-General to …".

    `name` is printed as in the text; `kind` is "body" (an organ, commission, programme or
    agency), "office" (a post: Secretary-General, Executive Director), "state", "states" (a
    class of States: "Member States", "States parties"), "group" (other actors: "other donors",
    "the international community") or "organization" (a named entity outside the bodies table).
    `body_key` is the lod.bodies key, `iso3` the State's code, `action` the lemma of the verb
    ("request", "urge", "call-upon"); `head_of` the body key a post heads where the text or its
    context says ("the Executive Director" of UNODC); `group` an outside organization's lod.groups
    key; `established_by`, `established_head`: a body named by its resolution (lod.parse.established).
    """

    name: str
    kind: str
    action: str
    body_key: str | None = None
    iso3: str | None = None
    head_of: str | None = None
    group: str | None = None
    established_by: str | None = None
    established_head: str | None = None


@dataclass
class SubParagraph:
    """A lettered or numbered point "(a)", "(i)", "a." inside a paragraph; points nest."""

    num: str
    text: str
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    eid: str = ""
    addressees: list[Addressee] = field(default_factory=list)


@dataclass
class PreambularParagraph:
    """An unnumbered paragraph before the operative part, ending with a comma.

    `verb` is the leading participle or adjective phrase ("Recalling also", "Deeply
    concerned"); None when the paragraph does not start with one (rare, e.g. a fragment).
    """

    text: str
    verb: str | None = None
    eid: str = ""
    footnote_refs: list[str] = field(default_factory=list)
    part: str | None = None
    """The letter of the part ("B") in a text adopted in parts, each with its own preamble."""
    intro: str | None = None
    """With points: the words before the first ("Affirming also that … six focus areas:");
    `text` holds the whole paragraph, points included, as an operative paragraph's does."""
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    """The points the paragraph lists ("(a) Investing in people …"), at every depth."""


@dataclass
class OperativeParagraph:
    """A numbered paragraph of the operative part, or of an annex.

    Annex paragraphs share this shape (number, leading phrase, text, points) though their
    leading phrase is often declaratory ("We recommend"). `intro` is the text before the
    first point (the part that ends with a colon); `text` is the paragraph's full text
    without its number, points included. `continued` marks a paragraph whose beginning is on
    a page we do not have (page extracts); `truncated` one whose end is missing.
    """

    num: str | None
    text: str
    verb: str | None = None
    intro: str | None = None
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    section: str | None = None
    continued: bool = False
    truncated: bool = False
    eid: str = ""
    footnote_refs: list[str] = field(default_factory=list)
    addressees: list[Addressee] = field(default_factory=list)


@dataclass
class Table:
    """A table as printed (a scale of assessments: one row per Member State; a list of members),
    kept as rows and cells rather than read as paragraphs. `header` is the header row where a
    text reader recognised it (printed once here even where every page repeated it); Word tables
    keep all their rows, header rows first, in `rows`. `eid` is `table_{n}` in document order;
    `location` is the eId of the part it belongs to ("annex_1", "para_3"); `footnote_refs` the
    markers printed in its cells, in reading order."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    eid: str = ""
    title: str | None = None
    location: str = ""
    footnote_refs: list[str] = field(default_factory=list)
    notes: list[TableNote] = field(default_factory=list)
    """The notes printed under the table, in order ("a See A/77/528."): not the document's footnotes,
    whose markers are numbers counted over the whole text, but the table's own."""
    legend: str | None = None
    """The line under the table no marker points to ("Abbreviations: GS (OL), General Service
    (Other level); …"): read as a paragraph, it was an operative paragraph without a number."""


@dataclass
class TableNote:
    """A note of a table: its marker as the cells print it, raised ("a", "*"), its text, and the
    cells that carry the marker, as (row, column): row 0 is the header, 1 the first row of `rows`,
    column 1 the first cell."""

    marker: str
    text: str
    cells: list[tuple[int, int]] = field(default_factory=list)


def table_note_eid(table_eid: str, k: int) -> str:
    """The eId of a table's k-th note (from 1): `table_3__note_1`, a portion of the table."""
    return f"{table_eid}__note_{k}"


@dataclass
class Annex:
    """An annex attached to the resolution: a declaration, a programme, a list."""

    title: str | None
    num: str | None = None
    paragraphs: list[OperativeParagraph] = field(default_factory=list)
    eid: str = ""


@dataclass
class Resolution(Resolved):
    """A resolution, decision or draft of a UN organ, as far as its text tells.

    `date` is the date printed in the masthead (issue date of the document); `adoption_date`
    is when the organ adopted it, for adopted texts. `language` is the ISO 639-2 code of this
    text as the converter established it (front matter, or the language of the opening
    formula); it is never assumed, because an expression IRI without a true language is a
    wrong IRI. `source` names the file it came from so every error and every published triple
    can be traced back to its input. An amendment keeps the draft it amends in `draft_symbol`
    (or its report in `report_symbol`), its changes in `operative`."""

    symbol: str | None
    kind: DocumentKind
    body: str | None
    title: str | None = None
    committee: str | None = None
    session: int | None = None
    session_label: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    date: str | None = None
    adoption_date: str | None = None
    number: str | None = None
    draft_symbol: str | None = None
    report_symbol: str | None = None
    meeting: str | None = None
    language: str | None = None
    sponsors: list[Sponsor] = field(default_factory=list)
    preamble_formula: str | None = None
    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    source: str = ""
    layout: str = ""
    warnings: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    """Tables in reading order: those read out of the text, then those the source kept as tables."""
    voting: Voting | None = None
    subjects: list[Subject] = field(default_factory=list)
    workflow: list[WorkflowStep] = field(default_factory=list)
    agenda_titles: list[str] = field(default_factory=list)
    """The titles of `agenda_items`, in the same order, where the source prints them."""
    report_paragraph: str | None = None
    """The paragraph of the committee report (`report_symbol`) that recommends the text."""
    meeting_record: str | None = None
    """The symbol of the meeting record of the adoption ("A/77/PV.39")."""
    aliases: list[str] = field(default_factory=list)
    """Other IRIs the source gives the work or expression (AKN4UN FRBRthis/FRBRuri, where the
    UN writes the actor `unga`): kept as FRBR aliases so links to them lead here."""
    publication_date: str | None = None
    """When this language expression was published (the expression date of the source)."""
    distribution: str | None = None
    """The distribution printed on the cover ("General")."""
    committee_key: str | None = None
    """The lod.bodies key of `committee` (printed name kept, a label), resolved the same way."""
    heading_refs: list[str] = field(default_factory=list)
    """Footnote markers on the heading above the opening formula (the title, number or part letter:
    "B¹" of A/RES/72/8 B, "Resolution of 17 May 1946 21"): the heading's notes (AKN: `docTitle`)."""
    closing_refs: list[str] = field(default_factory=list)
    """Footnote markers on the closing lines ("Adopted at the 2nd meeting. 22", whose note says
    "Adopted without vote."): the adoption's notes (AKN: an `authorialNote` in `conclusions`)."""
    submitter: Submitter | None = None
    """Who submitted a draft that no State sponsors (lod.lifecycle.Submitter)."""
    meta_warnings: list[str] = field(default_factory=list)
    """Placeholders of the source's metadata read as absent (AKN4UN's `date="0001-01-01"`,
    `by=""`): a curator's finding (lod.quality), not a fact of the work."""

    @property
    def committee_organ(self) -> Body | None:
        """The resolved committee (lod.bodies) of `committee_key`."""
        return known(self.committee_key)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape `lod parse --json` prints (and tests compare against)."""
        data = dataclasses.asdict(self)
        for cited, raw in zip(self.citations, data["citations"]):
            raw["unts_volume"] = cited.unts_volume
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Resolution:
        """Rebuild a model from its JSON form (used by tests and synthetic corpora)."""

        def nested(kind: type[T], items: list[dict[str, Any]]) -> list[T]:
            """Paragraphs or points with their points and addressees rebuilt, at every depth."""
            return [kind(**{**p, "subparagraphs": nested(SubParagraph, p.get("subparagraphs", [])),
                            "addressees": [Addressee(**a) for a in p.get("addressees", [])]}) for p in items]

        def operative(items: list[dict[str, Any]]) -> list[OperativeParagraph]:
            return nested(OperativeParagraph, items)

        fields = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in fields}
        values["sponsors"] = [Sponsor(**s) for s in data.get("sponsors", [])]
        values["preamble"] = [PreambularParagraph(**{**p, "subparagraphs": nested(SubParagraph, p.get("subparagraphs", []))})
                              for p in data.get("preamble", [])]
        values["operative"] = operative(data.get("operative", []))
        values["annexes"] = [
            Annex(**{**a, "paragraphs": operative(a.get("paragraphs", []))}) for a in data.get("annexes", [])
        ]
        values["footnotes"] = [Footnote(**f) for f in data.get("footnotes", [])]
        values["tables"] = [Table(**{**t, "notes": [TableNote(n["marker"], n["text"], [tuple(c) for c in n.get("cells", [])])
                                                    for n in t.get("notes", [])]})
                            for t in data.get("tables", [])]
        voting = data.get("voting")
        if voting:
            values["voting"] = Voting(**{**voting, "votes": [Vote(**v) for v in voting.get("votes", [])]})
        values["subjects"] = [Subject(**x) for x in data.get("subjects", [])]
        values["workflow"] = [WorkflowStep(**x) for x in data.get("workflow", [])]
        values["submitter"] = Submitter(**data["submitter"]) if data.get("submitter") else None
        values["citations"] = [Citation(**_records({k: v for k, v in c.items() if k != "unts_volume"}))
                               for c in data.get("citations", [])]
        return cls(**_records(values))


def _records(values: dict[str, Any]) -> dict[str, Any]:
    """The parsed symbol and number back from their JSON form."""
    for name, record in (("symbol_info", SymbolInfo), ("number_info", NumberInfo)):
        if isinstance(values.get(name), dict):
            values[name] = record(**values[name])
    return values
