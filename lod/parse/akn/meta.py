"""The metadata of an AKN4UN file: `<meta>` (identification, classification, workflow,
analysis) and the cover page, read into the model's fields.

The UN's files carry placeholders that must not become facts: `0001-01-01` for a date not
recorded, `by=""` for an actor not recorded, `<quorum value="">`. They are read as absent.
Values the reader does not know (a voting outcome, a dictionary) are kept as written and
reported, never dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lxml import etree

from lod.bodies import find, symbol_of
from lod.model import Resolution, Subject, Voting, WorkflowStep
from lod.parse.agenda import agenda_items
from lod.parse.akn.inline import InlineReader, child, children, descendants, local, squash
from lod.parse.voters import checked, votes_of
from lod.uri import IRIError, WorkIRI, decode_number

PLACEHOLDER_DATES = frozenset({"0001-01-01", "9999-12-31", "1900-01-01"})

VOTING_OUTCOMES = {
    "adoptedwithoutvote": "adopted-without-vote",
    "adopted by consensus": "adopted-without-vote",
    "adoptedbyconsensus": "adopted-without-vote",
    "adoptedrecordedvote": "adopted-recorded-vote",
    "adoptedbyrecordedvote": "adopted-recorded-vote",
}
"""The source's voting outcome → ours. "Adopted by consensus" is how a few files write
"without a vote": the UN records both the same way in its voting records."""

VOTE_CHOICES = {
    "infavour": "yes", "yes": "yes", "against": "no", "no": "no",
    "abstaining": "abstention", "abstention": "abstention", "abstentions": "abstention",
    "nonvoting": "non-voting", "notvoting": "non-voting", "absent": "non-voting", "non-voting": "non-voting",
}
"""`<count refersTo>` values → the four choices of a recorded vote."""

SCHEMES = {"sdgo": "sdg", "sdg": "sdg", "unbis": "unbis", "unbis thesaurus": "unbis", "eurovoc": "eurovoc",
           "dhlauth": "dhlauth"}
"""`<keyword dictionary>` values → scheme. The UN writes the UNBIS Thesaurus two ways; DHLAUTH
is the Dag Hammarskjöld Library's authority file (conferences, programmes, agendas: no IRIs)."""


def real_date(value: str | None) -> str | None:
    """An ISO date, or None for a missing or placeholder date."""
    value = (value or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or value in PLACEHOLDER_DATES:
        return None
    return value


def meta_warnings(meta: etree._Element | None) -> list[str]:
    """What `<meta>` records as a placeholder, read as absent: one sentence per kind of
    placeholder and element, with how many and which (the workflow steps by outcome)."""
    dates: dict[str, list[str]] = {}
    actors: dict[str, list[str]] = {}
    for el in meta.iter() if meta is not None else ():
        name = local(el)
        if not name:
            continue
        what = el.get("outcome") or el.get("name") or el.get("refersTo") or ""
        date = (el.get("date") or "").strip()
        if date in PLACEHOLDER_DATES:
            dates.setdefault(f"<{name}> date {date}", []).append(what)
        if el.get("by") is not None and not el.get("by", "").strip():
            actors.setdefault(f"<{name}> by=\"\"", []).append(what)
    out = []
    for found, reading in ((dates, "read as no date"), (actors, "read as no actor")):
        for placeholder, whats in found.items():
            named = ", ".join(sorted({w for w in whats if w}))
            out.append(f"{len(whats)} {placeholder} ({reading})" + (f": {named}" if named else ""))
    return out


def real_text(value: str | None) -> str | None:
    value = squash(value or "")
    return value or None


@dataclass
class Identification:
    """The FRBR block: dates, language, the UN's own IRIs, the author token."""

    language: str | None = None
    adoption_date: str | None = None
    publication_date: str | None = None
    author: str | None = None
    aliases: list[str] = field(default_factory=list)


UN_ACTORS = {"unga": "ga", "unsc": "sc", "unecosoc": "ecosoc"}
"""The organs' tokens in the UN's own FRBR IRIs ("/akn/un/statement/deliberation/unga/…"), where ours
are lod.bodies' actor tokens ("un-ga"): what a file names its author by when nothing else does."""
def frbr_symbol(aliases: list[str], kind: str) -> str | None:
    """The symbol the file's FRBR work IRI names ("/akn/un/statement/deliberation/unga/2024-12-20/79-100"
    → A/RES/79/100), for a file whose cover page prints none (AKN written by other tools than the UN's)."""
    for alias in aliases:
        try:
            work = WorkIRI.parse(alias)
        except IRIError:  # an expression's or a manifestation's IRI: the work's is among the aliases too
            continue
        body = find(UN_ACTORS.get(work.actor, work.actor))
        symbol = symbol_of(body, decode_number(work.number), kind) if body is not None else None
        if symbol:
            return symbol
    return None


def identification(meta: etree._Element | None) -> Identification:
    found = Identification()
    ident = child(meta, "identification")
    if ident is None:
        return found
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        node = child(ident, level)
        if node is None:
            continue
        for name in ("FRBRthis", "FRBRuri"):
            value = (child(node, name).get("value", "") if child(node, name) is not None else "").strip()
            if value and value not in found.aliases:
                found.aliases.append(value)
        date = child(node, "FRBRdate")
        if date is not None and level == "FRBRWork" and (date.get("name") or "adoption") == "adoption":
            found.adoption_date = real_date(date.get("date"))  # a draft's work date is its issue date
        if date is not None and level == "FRBRExpression":
            found.publication_date = real_date(date.get("date"))
        author = child(node, "FRBRauthor")
        if author is not None and level == "FRBRWork":
            found.author = (author.get("href") or "").lstrip("#") or None
        lang = child(node, "FRBRlanguage")
        if lang is not None:
            found.language = (lang.get("language") or "").strip().lower() or None
    return found


def subjects(meta: etree._Element | None, warnings: list[str]) -> list[Subject]:
    """Keywords of every `<classification>`; agenda keywords are read by `agenda` instead."""
    out: list[Subject] = []
    seen: set[tuple[str, str, str | None]] = set()
    unknown: set[str] = set()
    for group, block in enumerate(children(meta, "classification") if meta is not None else [], 1):
        for kw in children(block, "keyword"):
            if kw.get("refersTo") == "agenda":
                continue
            dictionary = (kw.get("dictionary") or "").strip()
            scheme = SCHEMES.get(dictionary.lower())
            if scheme is None:
                scheme = re.sub(r"[^a-z0-9]+", "-", dictionary.lower()).strip("-") or "keyword"
                unknown.add(dictionary or "(none)")
            label = real_text(kw.get("showAs")) or real_text(kw.get("value")) or ""
            value = real_text(kw.get("value"))
            if scheme == "sdg":
                label = f"SDG {value}" if value else label
            else:  # "women&amp;#39;s_rights": an HTML entity escaped twice in the UN's export
                label = html.unescape(label).replace("_", " ")
            href = real_text(kw.get("href"))
            key = (scheme, label, href)
            if not label or key in seen:
                continue
            seen.add(key)
            out.append(Subject(scheme, label, href, value if scheme == "sdg" else None, group))
    for name in sorted(unknown):
        warnings.append(f"classification dictionary {name!r} is not a known scheme; its keywords are kept as {name!r} subjects without IRIs")
    return out


def agenda(meta: etree._Element | None) -> list[tuple[str, str | None]]:
    """(item, title) of the agenda keywords: the item number and the agenda's own title."""
    out = []
    for block in children(meta, "classification") if meta is not None else []:
        for kw in children(block, "keyword"):
            item = re.sub(r"\[[^\]]*\]", "", kw.get("value") or "").strip()  # "68c[6]": the index is the UN's
            if kw.get("refersTo") == "agenda" and item:
                out.append((item, real_text(kw.get("showAs"))))
    return out


def workflow(meta: etree._Element | None) -> list[WorkflowStep]:
    steps = []
    flow = child(meta, "workflow")
    for step in children(flow, "step") if flow is not None else []:
        symbol, note = step_document(real_text(step.get("as")))
        steps.append(
            WorkflowStep(
                outcome=(step.get("outcome") or "").strip() or "unknown",
                date=real_date(step.get("date")),
                symbol=symbol,
                by=real_text(step.get("by")),
                paragraph=real_text(step.get("refersTo")),
                note=note,
            )
        )
    return steps


def step_document(value: str | None) -> tuple[str | None, str | None]:
    """(symbol, note) of a step's `as`: the document it opens with and what the source adds
    ("A/75/L.4, as orally revised and as amended in A/75/L.6"), or only a note where it names no
    document ("Adopted without vote, 33rd plenary meeting"): a draft is A/75/L.4, not the sentence."""
    if not value:
        return None, None
    first, _, rest = value.partition(" ")
    symbol = first.rstrip(",;")
    if not _STEP_SYMBOL.fullmatch(symbol):
        return None, value
    return symbol, f"{first[len(symbol):]} {rest}".strip(" ,;") or None


_STEP_SYMBOL = re.compile(r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-()]+)+")
"""A document symbol as a workflow step's first word: "A/77/890/Add.1", "A/80/L.2/Rev.1", "E/2022/31"."""


def voting(meta: etree._Element | None, warnings: list[str]) -> Voting | None:
    """The outcome, the printed counts and each State's vote (names resolved to States)."""
    node = child(child(child(meta, "analysis"), "parliamentary"), "voting")
    if node is None:
        return None
    raw = (node.get("outcome") or "").strip()
    outcome = VOTING_OUTCOMES.get(raw.lower()) or raw or None
    if outcome is None:
        outcome = "adopted-recorded-vote" if children(node, "count") else "adopted"
        warnings.append(f"the voting record gives no outcome; read as {outcome!r} from what it holds")
    elif outcome == raw:
        warnings.append(f"voting outcome {raw!r} is not one the reader knows; kept as written")
    result = Voting(outcome)
    for count in children(node, "count"):
        choice = VOTE_CHOICES.get((count.get("refersTo") or "").lstrip("#").lower())
        if choice is None:
            warnings.append(f"a vote count refers to {count.get('refersTo')!r}, not a known choice; not read")
            continue
        value = (count.get("value") or "").strip()
        if value.isdigit():
            setattr(result, choice.replace("-", "_"), int(value))
        names = [squash("".join(org.itertext())) for org in descendants(count, "organization")]
        result.votes += votes_of([name for name in names if name], choice)  # type: ignore[arg-type]
    if outcome == "adopted-recorded-vote" and children(node, "count"):
        # a recorded vote's file omits the choice nobody made (A/RES/75/260: in favour 139,
        # abstaining 5, no count against), as the printed record says "139 votes to none": 0,
        # as the text converters read it, not "not given"
        for choice in ("yes", "no", "abstention"):
            if getattr(result, choice) is None:
                setattr(result, choice, 0)
    result.votes, found = checked(result.votes)
    warnings += found
    return result


@dataclass
class Cover:
    """What the cover page prints."""

    symbol: str | None = None
    issue_date: str | None = None
    session: int | None = None
    session_label: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    agenda_titles: list[str] = field(default_factory=list)
    distribution: str | None = None
    proponent: str | None = None
    proponent_ref: str | None = None
    originating: str | None = None
    issuing_body: str | None = None


def cover(page: etree._Element | None) -> Cover:
    found = Cover()
    if page is None:
        return found
    reader = InlineReader()
    titled: int | None = None
    for el in page.iter():
        name = local(el)
        if name == "docNumber" and found.symbol is None:
            found.symbol = real_text("".join(el.itertext()))
        elif name == "docDate" and found.issue_date is None:
            found.issue_date = real_date(el.get("date"))
        elif name == "session":
            value = (el.get("value") or "").strip()
            found.session = int(value) if value.isdigit() else None
            found.session_label = real_text("".join(el.itertext()))
        elif name == "docStatus":
            found.distribution = real_text(re.sub(r"^[^:：]*[:：]", "", "".join(el.itertext())))
        elif name == "docAuthority" and el.get("refersTo") == "#issuingBody":
            found.issuing_body = real_text("".join(el.itertext()))
        elif name == "inline" and el.get("name") == "agenda item":
            # the number as `title` (sessions 77 on) or only printed ("Agenda item 14", session 76)
            printed = real_text(el.get("title")) or reader.read(el).text
            if not printed:  # an empty element (E/RES/2021/1 in French): the classification may say
                continue
            titled = len(found.agenda_items)  # "Agenda items 13 and 117": the name below is item 13's
            found.agenda_items += agenda_items(printed) or [printed]
        elif name == "inline" and el.get("name") == "agenda item name" and (title := reader.read(el).text):
            at = len(found.agenda_titles) if titled is None else titled
            found.agenda_titles += [""] * (at + 1 - len(found.agenda_titles))
            found.agenda_titles[at], titled = title, None
        elif name == "docProponent":
            found.proponent = reader.read(el).text
            found.proponent_ref = (el.get("refersTo") or "").lstrip("#") or None
            origin = [i for i in el.iter() if local(i) == "inline" and i.get("name") == "originating document"]
            if origin:
                found.originating = real_text("".join(origin[0].itertext()))
    return found


def meeting(conclusions: etree._Element | None) -> str | None:
    """The adoption meeting as printed at the end ("39th plenary meeting")."""
    if conclusions is None:
        return None
    for el in conclusions.iter():
        if local(el) == "inline" and el.get("name") == "adoptionMeeting":
            return real_text("".join(el.itertext()))
    return None


def restore_published(res: Resolution, meta: etree._Element | None) -> None:
    """Facts lod itself writes in `<proprietary>` of the AKN files it publishes (lod.akn), which
    AKN has no element for: the kind of a page extract, paragraphs whose beginning or end is on
    a page the extract lacks. A file of the UN has no such block and is left as read."""
    block = child(meta, "proprietary")
    if block is None:
        return
    facts: dict[str, list[str]] = {}
    for fact in block:
        facts.setdefault(local(fact), []).append(squash(fact.text or ""))
    if facts.get("kind") == ["extract"]:
        res.kind = "extract"
    for para in [*res.operative, *(p for a in res.annexes for p in a.paragraphs)]:
        para.continued = para.continued or para.eid in facts.get("continued", [])
        para.truncated = para.truncated or para.eid in facts.get("truncated", [])
