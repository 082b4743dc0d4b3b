"""The `<meta>` block of an AKN document: FRBR identification, classification, workflow,
voting analysis, references (TLCs) and the `<proprietary>` facts AKN has no element for.

A mixin of the writer (lod.akn.writer), kept apart because metadata and text structure change
for different reasons: new facts in the model land here, new printed layouts there.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from lod.akn.elements import LOD_NS, attr, element, raw, token
from lod.akn.vocabulary import AKN_FORMAT, REFERENCES, SOURCE, VOTE_OUTCOMES, WORKFLOW_OUTCOMES
from lod.bodies import TLC_PATH
from lod.model import OperativeParagraph, Resolution
from lod.rdf.registry import WorkEntry, resolve_body
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
        body = self.entry.body or resolve_body(self.res.body)
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
        if self.entry.alias:
            raw(work, "FRBRalias", value=self.entry.alias, name="alias")
        raw(work, "FRBRdate", date=iri.date, name="adoption" if res.adoption_date else "issue")
        raw(work, "FRBRauthor", href=author, as_="#author")
        raw(work, "FRBRcountry", value="un")
        raw(work, "FRBRnumber", value=self.entry.number)
        if res.symbol:
            raw(work, "FRBRname", value=res.symbol)
        expression = raw(ident, "FRBRExpression")
        raw(expression, "FRBRthis", value=self.rel(f"{self.expression}/!{component}"))
        raw(expression, "FRBRuri", value=self.rel(self.expression))
        issued = res.date or iri.date
        raw(expression, "FRBRdate", date=issued, name="publication")
        raw(expression, "FRBRauthor", href=author, as_="#issuer")
        raw(expression, "FRBRlanguage", language=self.lang)
        manifestation = raw(ident, "FRBRManifestation")
        raw(manifestation, "FRBRthis", value=self.rel(f"{self.expression}/!{component}.{AKN_FORMAT}"))
        raw(manifestation, "FRBRuri", value=self.rel(f"{self.expression}.{AKN_FORMAT}"))
        raw(manifestation, "FRBRdate", date=issued, name="markup")
        raw(manifestation, "FRBRauthor", href=f"#{SOURCE}", as_="#editor")

    def classification(self, meta: etree._Element) -> None:
        subjects = getattr(self.res, "subjects", None) or []
        if not subjects:
            return
        block = element(meta, "classification", source=f"#{SOURCE}")
        for subject in subjects:
            element(block, "keyword", value=attr(subject, "value", "label", "name") or "",
                showAs=attr(subject, "label", "value", "name") or "",
                dictionary=attr(subject, "scheme", "dictionary") or "unknown", href=attr(subject, "iri", "href"))

    def workflow(self, meta: etree._Element) -> None:
        res = self.res
        steps: list[dict[str, str | None]] = []
        if res.draft_symbol:
            steps.append({"outcome": WORKFLOW_OUTCOMES["draft"], "as": res.draft_symbol, "date": None,
                          "by": self.committee_ref() or self.author()})
        if res.report_symbol:
            steps.append({"outcome": WORKFLOW_OUTCOMES["report"], "as": res.report_symbol, "date": None,
                          "by": self.committee_ref() or self.author()})
        if res.adoption_date or res.meeting:
            steps.append({"outcome": WORKFLOW_OUTCOMES["adopted"], "as": res.meeting, "date": res.adoption_date,
                          "by": self.author()})
        if not steps:
            return
        block = element(meta, "workflow", source=f"#{SOURCE}")
        for step in steps:
            # AKN requires a date on every step; the model knows only the adoption date for sure,
            # so other steps carry the work's date and say so (`refersTo="#dateUnknown"`)
            date = step["date"] or self.iri.date
            element(block, "step", date=date, outcome=step["outcome"], as_=step["as"], by=step.get("by"),
                refersTo=None if step["date"] else "#dateUnknown")

    def committee_ref(self) -> str | None:
        if not self.res.committee:
            return None
        body = resolve_body(self.res.committee)
        key = body.key if body else token(self.res.committee)
        return self.organization(key, TLC_PATH + (body.tlc if body else key), self.res.committee)

    def analysis(self, meta: etree._Element) -> None:
        voting = getattr(self.res, "voting", None) or getattr(self.res, "vote", None)
        if not voting:
            return
        parl = element(element(meta, "analysis", source=f"#{SOURCE}"), "parliamentary")
        vote = element(parl, "voting", eId="voting_1", outcome=attr(voting, "outcome") or "adopted")
        counts = {"yes": "yes", "no": "no", "abstention": "abstentions", "non-voting": "non_voting"}
        ballots = getattr(voting, "votes", None) or []
        for choice, concept in VOTE_OUTCOMES.items():
            value = attr(voting, counts[choice], choice)
            voters = [b for b in ballots if attr(b, "vote", "choice") == choice]
            if value is None and not voters:
                continue
            count = element(vote, "count", eId=f"voting_1__count_{concept}", refersTo=f"#{concept}",
                        value=str(value if value is not None else len(voters)))
            if voters:
                group = etree.SubElement(count, f"{{{LOD_NS}}}voters")
                for ballot in voters:
                    iso3 = attr(ballot, "iso3")
                    name = attr(ballot, "name", "state") or iso3 or ""
                    ref = self.organization(iso3, f"/id/state/{iso3}", name) if iso3 else None
                    raw(group, "organization", name, **({"refersTo": ref} if ref else {}))

    def proprietary(self, meta: etree._Element) -> None:
        res = self.res
        block = element(meta, "proprietary", source=f"#{SOURCE}")
        facts: list[tuple[str, str | None]] = [("kind", res.kind), ("source", res.source), ("layout", res.layout),
                                               ("sessionLabel", res.session_label)]
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

