"""The `<meta>` block of an AKN document: FRBR identification, classification, workflow,
voting analysis, references (TLCs) and the `<proprietary>` facts AKN has no element for.

A mixin of the writer (lod.akn.writer), kept apart because metadata and text structure change
for different reasons: new facts in the model land here, new printed layouts there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from lod.akn.elements import LOD_NS, element, raw, token
from lod.akn.vocabulary import (
    AKN_FORMAT, DICTIONARIES, REFERENCES, SOURCE, UNKNOWN_DATE, VOTE_OUTCOMES, VOTING_OUTCOMES, WORKFLOW_OUTCOMES,
)
from lod.bodies import TLC_PATH
from lod.model import OperativeParagraph, Resolution, Subject, WorkflowStep
from lod.rdf.registry import WorkEntry
from lod.uri import WorkIRI


class MetaWriter:
    """Writes `<meta>`; the writer sets the attributes below before calling `meta()`."""

    res: Resolution
    entry: WorkEntry
    iri: WorkIRI
    lang: str
    expression: str
    base: str
    organizations: dict[str, tuple[str, str]]
    renamed: list[tuple[str, str]]

    def rel(self, iri: str) -> str:
        """An IRI on our base written relative to it, as AKN writes its own IRIs."""
        return iri[len(self.base):] if iri.startswith(self.base + "/") else iri

    def meta(self, meta: etree._Element) -> None:
        self.identification(meta, "main")
        self.classification(meta)
        self.workflow(meta)
        self.analysis(meta)
        refs = element(meta, "references", source=f"#{SOURCE}")
        element(refs, "organization", eId=SOURCE, href="/lod", showAs="lod (UN resolutions as Linked Open Data)")
        for key, (href, show) in sorted(self.organizations.items()):
            element(refs, "organization", eId=key, href=href, showAs=show)
        for key, (kind, href, show) in REFERENCES.items():
            element(refs, kind, eId=key, href=href, showAs=show)
        self.proprietary(meta)

    def author(self) -> str:
        body = self.entry.body or self.res.organ
        name = body.name if body else (self.res.body or self.entry.actor_name or self.iri.actor)
        return self.organization(body.key if body else token(self.iri.actor), TLC_PATH + (body.tlc if body else self.iri.actor), name)

    def organization(self, key: str, href: str, show: str) -> str:
        """The `#eId` of a TLCOrganization, recorded once for `<references>`."""
        key = token(key)
        self.organizations.setdefault(key, (self.rel(href), show))
        return f"#{key}"

    def identification(self, meta: etree._Element, component: str) -> None:
        res, iri = self.res, self.iri
        author = self.author()
        ident = element(meta, "identification", source=f"#{SOURCE}")
        work = raw(ident, "FRBRWork")
        raw(work, "FRBRthis", value=self.rel(iri.component_iri(component)))
        raw(work, "FRBRuri", value=self.rel(iri.work()))
        for alias in dict.fromkeys(filter(None, [self.entry.alias, *res.aliases])):
            raw(work, "FRBRalias", value=alias, name="alias")
        raw(work, "FRBRdate", date=res.adoption_date or iri.date, name="adoption" if res.adoption_date else "issue")
        raw(work, "FRBRauthor", href=author, as_="#author")
        raw(work, "FRBRcountry", value="un")
        raw(work, "FRBRnumber", value=self.entry.number)
        if res.symbol:
            raw(work, "FRBRname", value=res.symbol)
        expression = raw(ident, "FRBRExpression")
        raw(expression, "FRBRthis", value=self.rel(f"{self.expression}/!{component}"))
        raw(expression, "FRBRuri", value=self.rel(self.expression))
        issued = res.publication_date or res.date or iri.date
        raw(expression, "FRBRdate", date=issued, name="publication")
        raw(expression, "FRBRauthor", href=author, as_="#issuer")
        raw(expression, "FRBRlanguage", language=self.lang)
        manifestation = raw(ident, "FRBRManifestation")
        raw(manifestation, "FRBRthis", value=self.rel(f"{self.expression}/!{component}.{AKN_FORMAT}"))
        raw(manifestation, "FRBRuri", value=self.rel(f"{self.expression}.{AKN_FORMAT}"))
        raw(manifestation, "FRBRdate", date=issued, name="markup")
        raw(manifestation, "FRBRauthor", href=f"#{SOURCE}", as_="#editor")

    def classification(self, meta: etree._Element) -> None:
        """Subjects, one `<classification>` per group as the source grouped them (the UN puts an
        SDG with the thesaurus terms it matched)."""
        groups: dict[int, list[Subject]] = {}
        for subject in self.res.subjects:
            groups.setdefault(subject.group, []).append(subject)
        for _, subjects in sorted(groups.items()):
            block = element(meta, "classification", source=f"#{SOURCE}")
            for subject in subjects:
                sdg = subject.scheme == "sdg"
                element(block, "keyword", value=(subject.code if sdg and subject.code else subject.label),
                        showAs=subject.label, dictionary=DICTIONARIES.get(subject.scheme, subject.scheme),
                        href=subject.iri)

    def workflow(self, meta: etree._Element) -> None:
        """The steps of the text's life: as the source recorded them, or, for a text read from
        print, the draft (with its sponsors, or who submitted it), the committee report and the adoption. A date not
        known is AKN4UN's placeholder `0001-01-01` (AKN requires one on every step), an actor not
        known `by=""`, as the UN's own files write them."""
        res = self.res
        steps = list(res.workflow) or self.derived_steps()
        if not steps:
            return
        block = element(meta, "workflow", source=f"#{SOURCE}")
        for step in steps:
            element(block, "step", date=step.date or UNKNOWN_DATE, outcome=step.outcome, as_=_as(step),
                    by=step.by or "", refersTo=step.paragraph)

    def derived_steps(self) -> list[WorkflowStep]:
        res = self.res
        steps = []
        if res.draft_symbol or ((res.sponsors or res.submitter) and res.kind.startswith("draft")):
            outcome = WORKFLOW_OUTCOMES["draft-decision" if "decision" in res.kind else "draft"]
            by = ", ".join(s.name for s in res.sponsors) or (res.submitter.statement if res.submitter else None)
            steps.append(WorkflowStep(outcome, None, res.draft_symbol, by))
        if res.report_symbol:
            steps.append(WorkflowStep(WORKFLOW_OUTCOMES["report"], None, res.report_symbol, None, res.report_paragraph))
        if res.adoption_date or res.meeting_record:
            steps.append(WorkflowStep(WORKFLOW_OUTCOMES["adopted"], res.adoption_date, res.meeting_record, None))
        return steps

    def committee_ref(self) -> str | None:
        """`#thirdCommittee`: the committee's name in camel case, as the UN's files refer to it."""
        if not self.res.committee:
            return None
        body = self.res.committee_organ
        words = re.findall(r"[A-Za-z0-9]+", self.res.committee)
        key = body.tlc if body else words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])
        return self.organization(key, TLC_PATH + key, self.res.committee)

    def analysis(self, meta: etree._Element) -> None:
        """The vote: outcome, each count, and (where known) each State's vote under its count."""
        voting = self.res.voting
        if voting is None:
            return
        parl = element(element(meta, "analysis", source=f"#{SOURCE}"), "parliamentary")
        vote = element(parl, "voting", eId="voting_1", outcome=VOTING_OUTCOMES.get(voting.outcome, voting.outcome))
        if voting.yes is None and voting.no is None and voting.abstention is None and voting.non_voting is None \
                and not voting.votes:
            element(vote, "quorum", eId="voting_1__quorum", value="")  # AKN wants one figure; none was taken
        for choice, concept in VOTE_OUTCOMES.items():
            value = getattr(voting, choice.replace("-", "_"))
            voters = [b for b in voting.votes if b.choice == choice]
            if value is None and not voters:
                continue
            count = element(vote, "count", eId=f"voting_1__count_{concept}", refersTo=f"#{concept}",
                            value=str(value) if value is not None else "")
            if voters:
                group = etree.SubElement(count, f"{{{LOD_NS}}}voters")
                for ballot in voters:
                    ref = self.organization(ballot.iso3, f"/id/state/{ballot.iso3}", ballot.state) if ballot.iso3 else None
                    element(group, "voter", ballot.state, refersTo=ref or "#memberState")

    def proprietary(self, meta: etree._Element) -> None:
        res = self.res
        block = element(meta, "proprietary", source=f"#{SOURCE}")
        facts: list[tuple[str, str | None]] = [("kind", res.kind), ("source", res.source), ("layout", res.layout)]
        facts += [("warning", w) for w in res.warnings]
        facts += [("duplicateEId", f"{old} → {new}") for old, new in self.renamed]
        for para in self.all_paragraphs():
            if para.continued:
                facts.append(("continued", para.eid))
            if para.truncated:
                facts.append(("truncated", para.eid))
        for name, value in facts:
            if value:
                etree.SubElement(block, f"{{{LOD_NS}}}{name}").text = value

    def all_paragraphs(self) -> Iterable[OperativeParagraph]:
        yield from self.res.operative
        for annex in self.res.annexes:
            yield from annex.paragraphs


def _as(step: WorkflowStep) -> str | None:
    """A step's `as` as the source wrote it: the symbol and its note ("A/75/L.4, as orally
    revised …", "A/77/PV.56 (Resumption 1)"), or the note alone (lod.parse.akn.meta.step_document
    reads it back into the same two)."""
    if step.symbol and step.note:
        return f"{step.symbol}{' ' if step.note[:1] in '([' else ', '}{step.note}"
    return step.symbol or step.note
