"""From a description graph to what an HTML page shows, without knowing the ontology by heart.

The page of a resolution is built from the shape of the IRIs (AKN4UN eIds say what a part is:
`preamble__para_2`, `para_8__list_1__point_a`, `annex_1__para_9`, `fn_12`) and from a few
property *names* (text, number, order, sponsor, title, symbol), so it keeps working while the
vocabulary evolves. Everything else a resource says is still shown, in a metadata table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lod.describe.graph import RDF_TYPE, DescriptionGraph, Term, as_description_graph, is_iri, is_literal, text as term_text
from lod.describe.linker import Link, Linker, Value, literal_in, literal_text, local_name, qname, work_of
from lod.describe.adoption import RIGHT_TO_LEFT, LANGUAGE_NAMES, Voting
from lod.describe.citing import inline, is_citation, printed_in
from lod.describe.i18n import N_, gettext, page_language
from lod.describe.labels import POINTER_PREDICATES, TEXT_NAMES, TITLE_NAMES, natural_key as _natural
from lod.describe.record import record_of
from lod.describe.workfacts import work_facts

SPONSOR_NAMES = ("sponsor", "docproponent")
NUMBER_NAMES = ("number", "num", "marker", "heading")
ORDER_NAMES = ("order", "position", "sequence", "index")
SYMBOL_NAMES = ("symbol", "docnumber")
CHAPEAU_NAMES = ("intro", "chapeau")
LEAD_NAMES = ("leadingphrase",)
"""The words of a paragraph before its lettered points (AKN <intro>): a paragraph's full text
also holds its points, which the page prints as a list of their own below the chapeau."""


@dataclass
class Part:
    eid: str
    number: str
    text: str
    order: float
    kind: str
    links: list[Link] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)
    segments: list[tuple[str, Link | None]] = field(default_factory=list)
    addressees: list[Value] = field(default_factory=list)
    lang: str | None = None

    @property
    def dir(self) -> str:
        return "rtl" if self.lang in RIGHT_TO_LEFT else "ltr"
    lead: str = ""
    """The leading phrase (`Reaffirming`, `Requests`), which the UN prints in italics."""
    heading: str = ""
    """The heading of the section this paragraph opens (unres:section), printed above it."""
    legend: tuple[str, str | None] = ("", None)
    """A table's legend (unres:legend) and its language, printed under its notes."""
    marks: list[tuple[str, str]] = field(default_factory=list)
    """A table cell's notes (what it unres:hasNote) as (marker, eId): raised after its words."""


@dataclass
class CitedBy:
    work: Link
    places: list[Link]


@dataclass
class WorkPage:
    iri: str
    title: str
    symbol: str
    metadata: list[tuple[str, list[Value]]]
    sponsors: list[Link]
    preamble: list[Part]
    operative: list[Part]
    annexes: list[tuple[str, str, list[Part]]]
    """(eId, "Annex A: its title", its parts) of each annex."""
    footnotes: list[Part]
    other: list[Part]
    cited_by: list[CitedBy]
    cites: list[Link] = field(default_factory=list)
    """Everything the document cites (resolutions, documents, treaties), once each, by name."""
    curator_notes: list[CuratorNote] = field(default_factory=list)
    lang: str = "en"
    dir: str = "ltr"
    languages: list[tuple[str, str, bool]] = field(default_factory=list)
    """(tag, the language's own name, shown?) of every language the work's text is in."""
    voting: Voting | None = None
    subjects: list[tuple[str, list[Link]]] = field(default_factory=list)
    """(scheme, concepts) of the work's subjects (dcterms:subject), by scheme."""
    amends: list[Link] = field(default_factory=list)
    """For an amendment, the draft it would change: its text is then changes, not paragraphs."""
    record: list[tuple[str, list[Value]]] = field(default_factory=list)
    """How the text came about, in words: organ, adoption, meeting, session, agenda, report, draft."""


@dataclass
class CuratorNote:
    """A finding of the converter's checks (a DQV quality annotation): its kind, what it says,
    and the part it concerns (an anchor on this page, or none for the whole document)."""

    kind: str
    message: str
    anchor: str | None


@dataclass
class ResourcePage:
    iri: str
    title: str
    metadata: list[tuple[str, list[Value]]]
    incoming: list[tuple[Link, str, Link | None]]  # (source, property, document)
    left_out: int = 0
    """Lines of other documents the description leaves out (lod.describe.link_index.bounded)…"""
    bound: int = 0
    """… keeping this many of each property."""



def _values(graph: DescriptionGraph, linker: Linker, subject: Term, skip: set[Term]) -> list[tuple[str, list[Value]]]:
    rows: dict[str, list[Value]] = defaultdict(list)
    for pred, obj in sorted(graph.predicate_objects(subject), key=lambda po: (po[0], term_text(po[1]))):
        if obj in skip:
            continue
        if is_literal(obj):
            rows[qname(pred)].append(Value(obj.value, lang=obj.language))  # type: ignore[union-attr]
        elif is_iri(obj):
            link = Link(obj, obj, obj) if pred in POINTER_PREDICATES and not linker.is_ours(obj) else linker.link(obj)
            label = qname(obj) if pred == RDF_TYPE else link.label
            rows[qname(pred)].append(Value(label, link))
    return sorted(rows.items(), key=lambda kv: (kv[0] != "rdf:type", kv[0]))


def work_page(graph: DescriptionGraph | Any, work: str, base: str, lang: str = "en") -> WorkPage:
    """The view of a resolution: its metadata, sponsors, parts in reading order, and who cites it,
    its text in language `lang` (a BCP 47 tag) where the work has it. `graph` is the description
    (lod.describe.graph; an rdflib Graph is indexed first)."""
    graph = as_description_graph(graph)
    facts = work_facts(graph, work, base)  # the same for every language: made once per graph
    w = work
    parts: dict[str, Part] = {}
    for eid, node in facts.nodes.items():
        printed, printed_tag = literal_in(graph, node, ("printednum",), lang)  # (أ) on the Arabic page
        number = (printed if printed_tag == lang else None) or literal_text(graph, node, NUMBER_NAMES) or _number_from_eid(eid)
        if eid.split("__")[-1].startswith("point") and number.isalnum():
            number = f"({number})"  # points print as (a), (iv)
        text, tag = literal_in(graph, node, CHAPEAU_NAMES, lang)
        if not text:
            text, tag = literal_in(graph, node, TEXT_NAMES, lang)
        parts[eid] = Part(eid, number, text or "", facts.orders[eid], eid.split("__")[0].split("_")[0], lang=tag,
                          lead=literal_in(graph, node, LEAD_NAMES, lang)[0] or "",
                          heading=literal_in(graph, node, ("section",), lang)[0] or "",
                          legend=literal_in(graph, node, ("legend",), lang),
                          marks=[(literal_text(graph, o, ("marker",)) or "", term_text(o).partition("#")[2])
                                 for p, o in graph.predicate_objects(node) if local_name(p) == "hasnote"] if "__cell_" in eid else [])
    cited = facts.cited
    for eid, part in parts.items():
        part.links = [link for _, link in cited[eid]]  # until placed in the text, below
    roots: list[Part] = []
    for eid in sorted(parts, key=_natural):
        parent = _parent_eid(eid)
        while parent and parent not in parts:
            parent = _parent_eid(parent)
        (parts[parent].children if parent else roots).append(parts[eid])
    for part in parts.values():
        part.children.sort(key=lambda p: (p.order, _natural(p.eid)))
    for part in parts.values():
        part.children = _flatten_containers(part.children)
    for eid, part in parts.items():
        part.text = _chapeau(part)
        part.segments, part.links = inline(part.text, printed_in(cited[eid], part.lang))
        part.addressees = facts.addressees[eid]
    roots.sort(key=lambda p: (p.order, _natural(p.eid)))
    roots = _flatten_containers(roots)

    annexes: dict[str, list[Part]] = defaultdict(list)
    preamble, operative, footnotes, other = [], [], [], []
    for part in roots:
        head = (_annex_of(graph, facts.nodes[part.eid]) if part.kind == "table" else None) or part.eid.split("__")[0]
        if head == "preamble" or head.startswith("preamble"):
            preamble.append(part)
        elif head.startswith("para_"):
            operative.append(part)
        elif head.startswith("annex"):
            annexes[head].append(part)
        elif head.startswith("fn_"):
            footnotes.append(part)
        else:
            other.append(part)

    for run in (operative, *annexes.values()):
        shown_heading = ""
        for part in run:  # a section's heading stands above its first paragraph only
            part.heading, shown_heading = ("" if part.heading == shown_heading else part.heading), part.heading
    available = facts.available
    shown = lang if lang in available else ("en" if "en" in available or not available else available[0])
    return WorkPage(
        iri=work,
        title=_title(graph, w, work, shown) or facts.linker.label(w),
        symbol=facts.symbol,
        metadata=facts.metadata,
        sponsors=facts.sponsors,
        preamble=preamble,
        operative=operative,
        annexes=[(eid, _annex_label(graph, facts.nodes.get(eid), eid, lang), parts)
                 for eid, parts in sorted(annexes.items(), key=lambda kv: _natural(kv[0]))],
        footnotes=footnotes,
        other=other,
        cited_by=facts.cited_by,
        cites=facts.cites,
        curator_notes=facts.curator_notes,
        lang=shown,
        dir="rtl" if shown in RIGHT_TO_LEFT else "ltr",
        languages=[(t, LANGUAGE_NAMES.get(t, t), t == shown) for t in available] if len(available) > 1 else [],
        voting=facts.voting,
        subjects=facts.subjects,
        amends=facts.amends,
        record=record_of(graph, facts.linker, work, shown),
    )


def _annex_of(graph: DescriptionGraph, node: Any) -> str | None:
    """The eId of the annex a table is part of (dcterms:isPartOf), which its eId does not say:
    the page prints it in that annex, after the annex's paragraphs."""
    for p, o in graph.predicate_objects(node):
        portion = term_text(o).partition("#")[2] if local_name(p) == "ispartof" and is_iri(o) else ""
        if portion.startswith("annex_"):
            return portion.split("__")[0]
    return None


def _annex_label(graph: DescriptionGraph, node: Any, eid: str, lang: str) -> str:
    """"Annex II: Rules of procedure", as printed (unres:num, unres:heading); an annex printed without
    a number (a text's one annex) "Annex: Staffing table for 2026"."""
    num, title = (literal_text(graph, node, ("num",)), literal_in(graph, node, ("heading",), lang)[0]) if node is not None else (None, None)
    if node is None:
        num = eid.split("_")[-1]  # the data says nothing of it: its eId's number
    language = page_language(lang)
    annex = gettext(language, N_("Annex %(number)s")) % {"number": num} if num else gettext(language, N_("Annex"))
    return annex + (f": {title}" if title else "")


def _chapeau(part: Part) -> str:
    """A paragraph's text without the points printed under it. Where the data has no chapeau
    (`unres:intro`), the text is cut where its first point begins ("… we strive: (a) To …"),
    so that each point is printed once, in the list."""
    if not part.children:
        return part.text
    first = part.children[0]
    for start in (f"{first.number} {first.text[:40]}", first.text[:40]):
        at = part.text.find(start) if start.strip() else -1
        if at > 0:
            return part.text[:at].rstrip()
    return part.text


def _curator_notes(graph: DescriptionGraph, prefix: str) -> list[CuratorNote]:
    """Quality annotations (dqv:hasQualityAnnotation) of the document, in their order."""
    notes = []
    for note in {o for pairs in graph.out.values() for p, o in pairs if p == DQV_HAS_ANNOTATION}:
        kind = graph.first(note, DCTERMS_TYPE)
        label = graph.first(kind, SKOS_PREF_LABEL) if kind is not None else None
        body = graph.first(note, OA_HAS_BODY)
        message = graph.first(body, RDF_VALUE) if body is not None else None
        found = graph.first(note, OA_HAS_TARGET)
        target = term_text(found) if found is not None else ""
        anchor = target.split("#", 1)[1] if target.startswith(prefix) and "#" in target else None
        name = term_text(label) if label is not None and term_text(label) else local_name(kind if kind is not None else note)
        notes.append((_natural(term_text(note)), CuratorNote(name, term_text(message) if message is not None else "", anchor)))
    return [n for _, n in sorted(notes, key=lambda kv: kv[0])]


DQV_HAS_ANNOTATION = "http://www.w3.org/ns/dqv#hasQualityAnnotation"
OA_HAS_BODY = "http://www.w3.org/ns/oa#hasBody"
OA_HAS_TARGET = "http://www.w3.org/ns/oa#hasTarget"
DCTERMS_TYPE = "http://purl.org/dc/terms/type"
DCTERMS_SUBJECT = "http://purl.org/dc/terms/subject"
SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


def _parent_eid(eid: str) -> str | None:
    segments = eid.split("__")
    if len(segments) >= 3 and segments[-2].startswith("list"):
        return "__".join(segments[:-2])
    if len(segments) >= 2:
        return "__".join(segments[:-1])
    return None


def _number_from_eid(eid: str) -> str:
    """What to print before a part without a printed number: (a) for points, nothing for
    unnumbered paragraphs (`para_u3`)."""
    last = eid.split("__")[-1]
    token = last.split("_", 1)[1] if "_" in last else last
    if re.fullmatch(r"u\d+", token):
        return ""
    return f"({token})" if last.startswith("point") else token


RECORD_TYPES = ("citation", "relation", "addressee", "qualityannotation", "textualbody")
"""Classes of resources that live under a paragraph's eId but are facts about it (a citation,
an addressee: UNDO relations), not text to print as a sub-paragraph."""


def _is_record(graph: DescriptionGraph, node: Term) -> bool:
    return is_citation(graph, node) or any(local_name(t) in RECORD_TYPES for t in graph.objects(node, RDF_TYPE))


def _flatten_containers(parts: list[Part]) -> list[Part]:
    """Sections without text of their own (`preamble`, `body`) give way to their paragraphs."""
    out: list[Part] = []
    for part in parts:
        if part.kind == "table":  # a grid: its rows and empty cells keep their places
            out.append(part)
        elif not part.text and part.children:
            out.extend(_flatten_containers(part.children))
        elif part.text or part.links:  # a bare container (`body`) with nothing to show is left out
            out.append(part)
    return out


def _title(graph: DescriptionGraph, w: str, work: str, lang: str = "en") -> str | None:
    """The work's title, or its expression's in `lang` (else the first): titles belong to
    language versions."""
    title = literal_text(graph, w, TITLE_NAMES, lang)
    if title:
        return title
    found: list[tuple[bool, str]] = []
    for node in sorted(graph.subjects(), key=term_text):
        text = term_text(node)
        if text.startswith(work + "/") and "@" in text and "!" not in text:
            title, tag = literal_in(graph, node, TITLE_NAMES, lang)
            if title:
                found.append((tag != lang, title))
    return min(found)[1] if found else None


def _cited_by(graph: DescriptionGraph, linker: Linker, work: str) -> list[CitedBy]:
    by_work: dict[str, list[Link]] = defaultdict(list)
    # sorted, so that every worker renders the same page (same bytes, same ETag)
    inside = work + "/"
    links = [(source, pred, target) for target, pairs in graph.into.items()
             if isinstance(target, str) and (target == work or target.startswith(inside))
             for source, pred in pairs
             if pred != RDF_TYPE and isinstance(source, str) and not source.startswith(work)]
    for source, pred, target in sorted(links, key=lambda t: (t[0], t[1], t[2])):  # type: ignore[arg-type, return-value]
        citing = work_of(source) or source  # type: ignore[arg-type]
        place = linker.link(re.sub(r"__cit_[^_#/]+$", "", source))  # type: ignore[arg-type]
        if place not in by_work[citing]:
            by_work[citing].append(place)
    return [CitedBy(linker.link(w), places) for w, places in sorted(by_work.items())]


def resource_page(graph: DescriptionGraph | Any, iri: str, base: str) -> ResourcePage:
    """The view of any other resource: what the data says of it and what links into it."""
    graph = as_description_graph(graph)
    linker = Linker(base, graph)
    node = iri
    incoming = []
    for source, pred in sorted(graph.subject_predicates(node), key=lambda sp: (term_text(sp[0]), sp[1])):
        work = work_of(term_text(source))
        document = linker.link(work) if work is not None else None
        incoming.append((linker.link(source), qname(pred), document))
    return ResourcePage(iri, linker.label(node), _values(graph, linker, node, set()), incoming)
