"""What a curator must look at in a converted document: findings read from the model.

A converter that reads a document with gaps must say so rather than publish it silently wrong.
The checks here look at the `Resolution` only (never at text or RDF), so `lod check`, the build
report, the RDF (DQV quality annotations, lod.rdf.quality) and the HTML page all carry the same
findings, each with the eId of the place it concerns.

`CHECKS` is the one table of finding kinds: code, label, what it means, severity. docs/quality.md,
the ontology's concepts (`unres:finding-…`) and the HTML are written from it.

A kind's severity says who can act on it: `curator` findings are what a curator should look at
(the conversion may be wrong, or a table lacks a name); `informational` ones describe the source
and no conversion can change them (the UN's AKN4UN metadata placeholders). Both are listed by
`lod check`, in report.json and the RDF; a document counts as "read with findings" only for
curator findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from lod.model import OperativeParagraph, Resolution
from lod.states import lookup_state, misspelt_state
from lod.vocabulary import VERBS_TTL


CURATOR = "curator"
"""A finding a curator should look at: the conversion may have misread the document."""
INFORMATIONAL = "informational"
"""A finding about the source itself, which no curator can fix in our conversion: kept visible."""


@dataclass(frozen=True)
class Check:
    """A kind of finding: `code` names it in reports and IRIs, `label` in HTML, `severity` says
    whether a curator can act on it (`CURATOR`) or it describes the source (`INFORMATIONAL`)."""

    code: str
    label: str
    meaning: str
    severity: str = CURATOR


CHECKS: tuple[Check, ...] = (
    Check("refused", "Refused", "the converter could not read the file as a resolution, decision or draft"),
    Check("invalid", "Not publishable", "what the converter read fails the shapes (SHACL) or its AKN file the schema (XSD): the build would not publish it (`lod check` only, the build report lists the document as invalid)"),
    Check("numbering-gap", "Numbering gap", "paragraph numbers skip: a paragraph was probably merged into the one before"),
    Check("numbering-repeat", "Numbering repeat", "a paragraph number is printed twice in one sequence"),
    Check("marker-without-note", "Marker without note", "a footnote marker in the text has no footnote text"),
    Check("note-without-marker", "Note without marker", "a numbered footnote is not referenced from any paragraph"),
    Check("sponsor-unresolved", "Sponsor not resolved", "a sponsor name did not resolve to a State"),
    Check("sponsor-misspelt", "Sponsor name misspelt", "a sponsor name no State has was read as the one State whose name it misspells by a letter or two (\"Qata\": Qatar); a curator should confirm it"),
    Check("addressee-unresolved", "Addressee not resolved", "an addressee named as a State or body did not resolve to one"),
    Check("verb-not-in-lexicon", "Verb not in lexicon", "the paragraph's leading phrase is not in the verb lexicon (ontology/verbs.ttl; resolutions and drafts of resolutions)"),
    Check("verb-misspelt", "Verb phrase misspelt", "the paragraph's first word is no word of the lexicon and was read as the phrase whose word it misspells by a letter or two (a scan's \"Reguests\": Requests); a curator should confirm it"),
    Check("no-leading-verb", "No leading verb", "a numbered operative paragraph of a resolution opens without a recognised verb phrase"),
    Check("paragraph-length", "Unusual paragraph length", "a paragraph far longer or shorter than paragraphs are"),
    Check("meta-placeholder", "Metadata placeholder", "the source's metadata gives a placeholder (AKN4UN's date 0001-01-01, an empty by=\"\") that was read as absent", INFORMATIONAL),
)
BY_CODE = {check.code: check for check in CHECKS}

LONG_PARAGRAPH = 3000
"""Characters: longer paragraphs are rare and usually two paragraphs read as one."""
SHORT_PARAGRAPH = 12
"""Characters: shorter "paragraphs" are usually a stray number or a running-title remnant."""
LENGTH_RATIO = {"zho": 0.26, "ara": 0.84, "fra": 1.18, "rus": 1.16, "spa": 1.16}
"""A paragraph's length in each language against its English version's (the aligned paragraphs of
../shared's 33 resolutions in six languages): the two limits above are English lengths, so
"决定不断审查上述问题。" (11 characters: "Decides to remain seized of the matter.") is no stray."""



@dataclass(frozen=True)
class Finding:
    """One thing to look at: its kind (a `CHECKS` code), a sentence, and the eId it concerns
    ("" for the document as a whole)."""

    code: str
    message: str
    location: str = ""

    @property
    def severity(self) -> str:
        return BY_CODE[self.code].severity

    @property
    def for_curator(self) -> bool:
        return self.severity == CURATOR

    def to_json(self) -> dict[str, str]:
        return {**asdict(self), "severity": self.severity}

    def __str__(self) -> str:
        where = f" [{self.location}]" if self.location else ""
        note = "" if self.for_curator else f" ({self.severity})"
        return f"{BY_CODE[self.code].label}{note}{where}: {self.message}"


def findings(res: Resolution) -> list[Finding]:
    """Every finding of one converted document, in reading order of the checks."""
    out: list[Finding] = []
    out += _numbering("operative", res.operative)
    for k, annex in enumerate(res.annexes, 1):
        out += _numbering(f"annex {annex.num or k}", annex.paragraphs)
    out += _footnotes(res)
    out += _sponsors(res)
    out += _addressees(res)
    out += _verbs(res)
    out += _lengths(res)
    out += [Finding("meta-placeholder", warning) for warning in res.meta_warnings]
    return out


def refusal(source: str, reason: str) -> Finding:
    return Finding("refused", f"{source}: {reason}")


def _numbering(label: str, paragraphs: list[OperativeParagraph]) -> Iterator[Finding]:
    """Numbers go up by one; a restart at 1 opens a new part (A, B, sections), not a gap."""
    previous: OperativeParagraph | None = None
    seen: set[int] = set()
    for para in paragraphs:
        if not (para.num and para.num.isdigit()):
            continue
        number = int(para.num)
        if number == 1 and previous is not None:
            seen = set()
        elif previous is not None and previous.num is not None:
            before = int(previous.num)
            if number in seen:
                yield Finding("numbering-repeat", f"{label} paragraph {number} is printed again after {before}", para.eid)
            elif number > before + 1:
                missing = f"{before + 1}" if number == before + 2 else f"{before + 1}–{number - 1}"
                yield Finding("numbering-gap", f"{label} paragraph numbers jump from {before} to {number} ({missing} missing)", previous.eid)
            elif number <= before:
                yield Finding("numbering-repeat", f"{label} paragraph numbers go back from {before} to {number}", para.eid)
        seen.add(number)
        previous = para


def _paragraphs(res: Resolution) -> Iterator[tuple[str, Any]]:
    for p in res.preamble:
        yield "preamble", p
    for p in res.operative:
        yield "operative", p
    for annex in res.annexes:
        for p in annex.paragraphs:
            yield "annex", p


def _footnotes(res: Resolution) -> Iterator[Finding]:
    referenced: dict[str, str] = {}
    for _, p in _paragraphs(res):
        for marker in p.footnote_refs:
            referenced.setdefault(marker, p.eid)
    for table in res.tables:
        for marker in table.footnote_refs:
            referenced.setdefault(marker, table.eid)
    for marker in [*res.heading_refs, *res.closing_refs]:
        referenced.setdefault(marker, "")  # the heading and closing lines are not portions with an eId
    defined = {note.marker: note for note in res.footnotes}
    for marker, eid in sorted(referenced.items(), key=lambda kv: _marker_order(kv[0])):
        if marker not in defined:
            yield Finding("marker-without-note", f"footnote marker {marker} has no footnote text", eid)
    for marker, note in sorted(defined.items(), key=lambda kv: _marker_order(kv[0])):
        # "*" notes belong to the title or masthead, which are not paragraphs
        if marker.isdigit() and marker not in referenced:
            yield Finding("note-without-marker", f"footnote {marker} is not referenced from any paragraph", note.eid)


def _marker_order(marker: str) -> tuple[int, int, str]:
    return (0, int(marker), marker) if marker.isdigit() else (1, len(marker), marker)


def _sponsors(res: Resolution) -> Iterator[Finding]:
    for sponsor in res.sponsors:
        if sponsor.iso3 is None and sponsor.kind in ("state", "unknown"):
            yield Finding("sponsor-unresolved", f"sponsor {sponsor.name!r} is not a known State")
        elif sponsor.iso3 and lookup_state(sponsor.name) is None:
            near = misspelt_state(sponsor.name)
            if near is not None and near.iso3 == sponsor.iso3:
                yield Finding("sponsor-misspelt", f"sponsor {sponsor.name!r} read as {near.un_name}")


def _addressees(res: Resolution) -> Iterator[Finding]:
    def points(items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield item
            yield from points(item.subparagraphs)

    for paragraph in [*res.operative, *(p for a in res.annexes for p in a.paragraphs)]:
        for node in [paragraph, *points(paragraph.subparagraphs)]:
            for who in node.addressees:
                if (who.kind == "state" and not who.iso3) or (who.kind == "body" and not who.body_key and not who.established_by):
                    yield Finding("addressee-unresolved", f"addressee {who.name!r} ({who.kind}) did not resolve", node.eid)


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """The slugs of the verb concepts in ontology/verbs.ttl (the same slugs as lod.rdf's IRIs)."""
    if not VERBS_TTL.is_file():
        return frozenset()
    text = VERBS_TTL.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^verb:([a-z0-9-]+) a skos:Concept", text, re.M))


def _slug(phrase: str) -> str:
    return re.sub(r"-of$", "", re.sub(r"[^a-z0-9]+", "-", phrase.casefold()).strip("-"))


DEGREE_WORDS: tuple[str, ...] = (
    "once-again", "once-more", "in-particular", "in-this-regard", "again", "also", "further", "furthermore",
    "strongly", "deeply", "gravely", "seriously", "profoundly", "urgently", "solemnly", "fully", "firmly",
    "hereby", "equally", "warmly", "highly", "particularly", "especially", "greatly", "sincerely",
    "unequivocally", "finally", "similarly", "likewise", "duly", "resolutely", "emphatically", "vigorously",
    "most", "still", "therefore", "moreover", "ever",
)
"""Adverbs of degree, repetition and sequence (as slugs) that change no verb's meaning: "Further
strongly condemns" is a form of "Condemns", "Calls once again upon" of "Calls upon". The lexicon
lists the common forms; the others are read without these words."""


def _without_degree(words: list[str]) -> list[str]:
    """The words of a phrase (slug words) without its degree words, and without what follows an
    "and" that joins a second verb ("Deeply shocked and grieved" → "shocked")."""
    if "and" in words[1:]:
        words = words[: words.index("and", 1)]
    joined = "-" + "-".join(words) + "-"
    for degree in sorted(DEGREE_WORDS, key=len, reverse=True):
        joined = joined.replace(f"-{degree}-", "-")
        joined = joined.replace(f"-{degree}-", "-")  # overlapping repeats ("-also-also-")
    return [w for w in joined.split("-") if w]


def in_lexicon(phrase: str) -> bool:
    """The phrase, or a phrase of the lexicon it extends ("Reiterates its call upon" extends
    "Reiterates": the italic span carries the verb's object words), read with or without its
    degree words (`DEGREE_WORDS`)."""
    words = _slug(phrase).split("-")
    return _known_prefix([words, _without_degree(words), *_in_third_person(words)]) is not None


def _in_third_person(words: list[str]) -> list[list[str]]:
    """A declaration's "We recall", "We also reiterate" read as the resolution's "Recalls",
    "Reiterates" (the lexicon names the common first-person forms, "We reaffirm", as concepts of
    their own; the others are forms of the verb): nothing for a phrase not in the first person."""
    if words[:1] != ["we"] or len(words) < 2:
        return []
    rest = _without_degree(["we", *words[1:]])[1:]
    if rest[:1] in (["are"], ["remain"]) and len(rest) > 1:
        return [rest[1:]]  # "We are committed", "We are encouraged": the resolution's "Committed", "Encouraged"
    return [[rest[0] + ending, *rest[1:]] for ending in ("s", "es")] if rest else []


def _known_prefix(readings: list[list[str]]) -> str | None:
    """The longest first words of the first reading that are a phrase of the lexicon, as a slug."""
    known = lexicon()
    return next((slug for ws in readings for n in range(len(ws), 0, -1) if (slug := "-".join(ws[:n])) in known), None)


_NARRATED: dict[str, str] = {
    "decided": "decides", "took": "takes", "elected": "elects", "appointed": "appoints", "approved": "approves",
    "adopted": "adopts", "requested": "requests", "welcomed": "welcomes", "endorsed": "endorses", "noted": "notes",
    "deferred": "defers", "recommended": "recommends", "authorized": "authorizes", "confirmed": "confirms",
}
"""A decision's narrative verb ("At its 47th plenary meeting, … the General Assembly decided") →
the present tense the scheme names the action by (lod.parse.decisions.DECISION_VERB's verbs)."""


@lru_cache(maxsize=8192)
def lexicon_concept(phrase: str) -> str | None:
    """The slug of the scheme's concept a phrase names: itself, or the phrase of the lexicon it
    extends ("Reiterates its strong support" → reiterates, "Taking note also" → taking-note), read
    with or without its degree words ("Further reaffirms" → reaffirms); a decision's narrative
    verb as the present tense ("decided" → decides, "took note" → takes-note); a declaration's
    bare verb as the resolution's ("Recognize" → recognizes). None for a phrase the scheme has no
    concept for: an action is never an IRI the vocabulary does not define."""
    words = _slug(phrase).split("-")
    first = words[0] if words else ""
    readings = [words, _without_degree(words), *_in_third_person(words)]
    if first in _NARRATED:
        readings.append([_NARRATED[first], *words[1:]])
    elif first:
        readings += [[first + ending, *words[1:]] for ending in ("s", "es")]
    return _known_prefix(readings)


def labelled(phrase: str, language: str) -> bool:
    """A phrase of a French, Spanish, Russian, Arabic or Chinese text is in the lexicon when the
    scheme labels it (or the phrase it extends) in that language: the English lexicon's slugs
    say nothing about "Rappelant", which the scheme does label (verb:recalling)."""
    from lod.rdf.relations import phrase_concept  # lod.rdf imports this module

    words = phrase.split()
    heads = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    if len(words) == 1:  # Chinese writes no spaces: "重申其" extends "重申"
        heads += [phrase[:n] for n in range(len(phrase) - 1, 1, -1)]
    return any(phrase_concept(head, language) is not None for head in heads)


_LIST_ITEM = re.compile(r"^(?:That|To)\s+(?:the\s+|,\s*)?[a-zA-Z]")
"""A numbered item that continues a sentence printed before it ("Decides: 1. That the
Secretary-General be requested …", "Resolves: 1. To request …"): its verb is the sentence's."""


def _lead_in(res: Resolution) -> bool:
    """The operative part's numbers follow a sentence of its own that introduces them ("Resolves:",
    "Resolves that:", "Recommends … the following measures …:"), so its numbered paragraphs are
    that sentence's clauses ("1. The Working Capital Fund shall be …")."""
    numbered = next((k for k, p in enumerate(res.operative) if p.num is not None), 0)
    last = res.operative[numbered - 1] if numbered else None
    return last is not None and last.verb is not None and last.text.rstrip().endswith(":")


def _verbs(res: Resolution) -> Iterator[Finding]:
    if not lexicon() or res.kind in ("decision", "draft-decision", "draft-amendment"):  # no verb phrases of their own
        return  # a decision narrates ("At its 47th plenary meeting, … decided"): no verb phrase leads it
    english = res.language in (None, "", "eng")
    lead_in = _lead_in(res)
    for part, p in _paragraphs(res):
        if part == "annex":
            continue  # annexed texts (declarations, statutes) have their own wording
        if p.verb and not (in_lexicon(p.verb) if english else labelled(p.verb, res.language or "")):
            yield Finding("verb-not-in-lexicon", f"leading phrase {p.verb!r} is not in the verb lexicon", p.eid)
        elif p.verb and english and (printed := _misspelt_word(p.verb, p.text)):
            yield Finding("verb-misspelt", f"leading word {printed!r} read as {p.verb!r}", p.eid)
        elif p.verb is None and part == "operative" and p.num is not None and not (lead_in or _LIST_ITEM.match(p.text)):
            yield Finding("no-leading-verb", f"operative paragraph {p.num} opens without a verb phrase: {p.text[:60]!r}", p.eid)


def _misspelt_word(verb: str, text: str) -> str | None:
    """The first word as printed where lod.parse.misspelt read it as another ("Reguests")."""
    printed = text.replace("*", "").split(maxsplit=1)
    word = printed[0].strip(",;:") if printed else ""
    first = verb.split(maxsplit=1)[0]
    if word.lower() == first.lower() or not word.isalpha():
        return None
    return word if Levenshtein.distance(word.lower(), first.lower()) <= 2 else None


def _own_length(p: Any) -> int:
    """A paragraph's length without its points: each point counts on its own (a list of 150
    agenda items is one long paragraph of short points, not two paragraphs run together)."""
    subs = getattr(p, "subparagraphs", None)
    if not subs:
        return len(p.text)
    stack, longest = list(subs), len(p.intro or "")
    while stack:
        point = stack.pop()
        longest = max(longest, len(point.text))
        stack.extend(point.subparagraphs)
    return longest


def _verb_alone(p: Any) -> bool:
    """A lead-in that is its verb and a colon ("Resolves:"): short as printed."""
    return getattr(p, "verb", None) is not None and p.text.rstrip().endswith(":")


def _lengths(res: Resolution) -> Iterator[Finding]:
    ratio = LENGTH_RATIO.get(res.language or "eng", 1.0)
    longest, shortest = round(LONG_PARAGRAPH * ratio), round(SHORT_PARAGRAPH * ratio)
    for _, p in _paragraphs(res):
        size = _own_length(p)
        if size > longest:
            yield Finding("paragraph-length", f"paragraph of {size} characters (more than {longest})", p.eid)
        elif size < shortest and not getattr(p, "subparagraphs", None) and not _verb_alone(p):
            yield Finding("paragraph-length", f"paragraph of {size} characters: {p.text!r}", p.eid)

