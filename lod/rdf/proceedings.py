"""How a text was adopted and what it is about: votes, subjects, workflow, agenda, aliases.

These facts come from the UN's own markup (AKN4UN `<voting>`, `<classification>`,
`<workflow>`), so they are mapped as the UN records them, with our IRIs for what we name
(States, documents, agenda items) and the schemes' own IRIs for subjects:

* voting: `work unres:voting {work}#voting`, an `unres:Voting` with its outcome and printed
  counts, and one `unres:Vote` per State (`{work}#vote_{ISO3}`) with `unres:voter` (the State
  IRI) and `unres:voteChoice` (unres:VoteYes, VoteNo, VoteAbstention, VoteNonVoting);
* subjects: `work dcterms:subject <concept>`; the concept is the scheme's own IRI
  (metadata.un.org/sdg/16, metadata.un.org/thesaurus/…, eurovoc.europa.eu/…), labelled and
  placed in its scheme; a keyword without IRI gets one under `{base}/id/subject/{scheme}/`;
* workflow: `work unres:workflowStep {work}#step_{n}`, each with its outcome, date, the
  document that records it and who acted;
* a draft no State sponsors: `work unres:submittedBy "submitted by the Vice-Chair …"@en`, with
  `unres:submitterRole`, `unres:submittingBody` (the body's IRI) and `unres:submitterState`;
* agenda: `work unres:agendaItemOf {base}/id/agenda/{actor}/{session}/{item}`, shared by
  every text adopted under the same item of the same session, labelled with its title;
* the UN's own IRIs of the work and expression (actor `unga`) as `unres:alias`.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from lod.bodies import known
from lod.model import Subject
from lod.states import by_iso3
from lod.rdf.agents import AgentMapping
from lod.rdf.links import CitationMapping
from lod.rdf.mapbase import TRUE, date_literal
from lod.rdf.namespaces import DCTERMS, RDF, RDFS, SKOS, UNRES, XSD, document_iri, slug, state_iri
from lod.rdf.ntriples import Text, literal_of

SCHEME_IRIS: dict[str, str] = {
    "sdg": "http://metadata.un.org/sdg",
    "unbis": "http://metadata.un.org/thesaurus",
    "eurovoc": "http://eurovoc.europa.eu/100141",
}
"""The concept scheme of each subject vocabulary, as its publisher names it."""

SCHEME_LABELS: dict[str, str] = {
    "sdg": "Sustainable Development Goals",
    "unbis": "UNBIS Thesaurus",
    "eurovoc": "EuroVoc",
    "dhlauth": "Dag Hammarskjöld Library authorities",  # names of conferences, programmes, agendas
}

VOTE_CHOICES: dict[str, URIRef] = {
    "yes": UNRES.VoteYes,
    "no": UNRES.VoteNo,
    "abstention": UNRES.VoteAbstention,
    "non-voting": UNRES.VoteNonVoting,
}
"""A State's vote → the individual of unres:VoteChoice (ontology/lod.ttl)."""

_COUNTS = (("yes", UNRES.votesInFavour), ("no", UNRES.votesAgainst), ("abstention", UNRES.abstentions),
           ("non_voting", UNRES.nonVoting))


class ProceedingsMapping(AgentMapping, CitationMapping):
    """Votes, subjects, workflow, agenda items and aliases of one document; it names States
    and documents the way sponsors and citations do, hence its bases."""

    def proceedings(self) -> None:
        self.voting()
        self.subjects()
        self.workflow()
        self.submitter()
        self.agenda()
        self.aliases()

    def voting(self) -> None:
        voting = self.res.voting
        if voting is None:
            return
        w = self.work
        node = URIRef(f"{w}#voting")
        self.add(node, RDF.type, UNRES.Voting)
        self.add(w, UNRES.voting, node)
        self.add(node, UNRES.votingOutcome, voting.outcome)
        for name, prop in _COUNTS:
            value = getattr(voting, name)
            if value is not None:
                self.add(node, prop, literal_of(int(value)))
        for vote in voting.votes:
            key = vote.iso3 or slug(vote.state)
            v = URIRef(f"{w}#vote_{key}")
            self.add(v, RDF.type, UNRES.Vote)
            self.add(node, UNRES.hasVote, v)
            self.add(v, UNRES.voteOn, w)
            self.add(v, UNRES.voteChoice, VOTE_CHOICES[vote.choice])
            self.add(v, UNRES.voterName, Text(vote.state, "en"))
            if vote.iso3:
                # the State is described once, in the authorities graph: a recorded vote names
                # some 190 States, and describing each again in every document would make a
                # fifth of the triples of a session's resolutions
                self.add(v, UNRES.voter, state_iri(self.base, vote.iso3))
            else:
                self.add(v, UNRES.unresolved, TRUE)

    def subjects(self) -> None:
        for subject in self.res.subjects:
            concept = self.concept(subject)
            self.add(self.work, DCTERMS.subject, concept)

    def concept(self, subject: Subject) -> URIRef:
        """The subject's concept, typed, labelled (in English: the UN's keywords are English
        in every language version) and in its scheme."""
        if subject.iri:
            node = URIRef(subject.iri)
        else:
            node = URIRef(f"{self.base}/id/subject/{subject.scheme}/{slug(subject.label)}")
        scheme = URIRef(SCHEME_IRIS.get(subject.scheme, f"{self.base}/id/subject/{subject.scheme}"))
        self.add(node, RDF.type, SKOS.Concept)
        self.add(node, SKOS.prefLabel, Text(subject.label, "en"))
        self.add(node, SKOS.inScheme, scheme)
        self.add(node, SKOS.notation, subject.code)
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, RDFS.label, Text(SCHEME_LABELS.get(subject.scheme, subject.scheme), "en"))
        return node

    def workflow(self) -> None:
        w = self.work
        for n, step in enumerate(self.res.workflow, 1):
            node = URIRef(f"{w}#step_{n}")
            self.add(node, RDF.type, UNRES.WorkflowStep)
            self.add(w, UNRES.workflowStep, node)
            self.add(node, UNRES.stepOutcome, step.outcome)
            self.add(node, UNRES.position, literal_of(n))
            if step.date:
                self.add(node, UNRES.stepDate, date_literal(step.date))
            if step.symbol and re.match(r"^[A-Z]+/\S+$", step.symbol):
                doc = document_iri(self.base, step.symbol)
                corpus = self.registry.corpus_work(step.symbol)
                if corpus is not None:
                    doc = URIRef(corpus.iri.work())
                else:
                    self.document(doc, step.symbol)
                self.add(node, UNRES.stepDocument, doc)
            elif step.symbol:
                self.add(node, UNRES.stepNote, step.symbol)
            self.add(node, UNRES.stepNote, step.note)
            self.add(node, UNRES.stepBy, step.by)
            self.add(node, UNRES.reportParagraph, step.paragraph)
        res = self.res
        self.add(w, UNRES.reportParagraph, res.report_paragraph)
        self.add(w, UNRES.distribution, self.text(res.distribution))
        if res.meeting_record:
            record = document_iri(self.base, res.meeting_record)
            self.document(record, res.meeting_record)
            self.add(w, UNRES.meetingRecord, record)
        if res.publication_date:
            self.add(self.expression, UNRES.publicationDate, date_literal(res.publication_date))

    def submitter(self) -> None:
        """Who submitted a draft no State sponsors. The statement is English in every source (the
        readers know it by its English words; the UN's AKN files write the workflow in English in
        every language version), hence its tag."""
        submitter, w = self.res.submitter, self.work
        if submitter is None:
            return
        self.add(w, UNRES.submittedBy, Text(submitter.statement, "en"))
        self.add(w, UNRES.submitterRole, submitter.role)
        self.add(w, UNRES.submittingBody, self.organization(known(submitter.body_key)) if submitter.body_key else None)
        for iso3 in submitter.states:
            state = by_iso3(iso3)
            self.add(w, UNRES.submitterState, self.state(iso3, state.un_name if state else iso3))

    def agenda(self) -> None:
        res = self.res
        if res.session is None:
            return
        for n, item in enumerate(res.agenda_items):
            token = re.sub(r"[^A-Za-z0-9()_.-]+", "_", item.strip().replace("/", "-")).strip("_")
            if not token:  # nothing of the item survives in an IRI: the printed item stays (unres:agendaItem)
                continue
            node = URIRef(f"{self.base}/id/agenda/{self.iri.actor}/{res.session}/{token}")
            self.add(node, RDF.type, UNRES.AgendaItem)
            self.add(node, UNRES.itemNumber, item)
            self.add(node, UNRES.session, literal_of(res.session))
            title = res.agenda_titles[n] if n < len(res.agenda_titles) else None
            self.add(node, RDFS.label, self.text(title))
            self.add(self.work, UNRES.agendaItemOf, node)

    def aliases(self) -> None:
        """The UN's IRIs where they differ from ours: work-level ones on the work, the
        expression and manifestation ones (they carry `@`) on the expression."""
        ours = {self._path(str(self.work)), self._path(str(self.expression))}
        for alias in self.res.aliases:
            path = alias.rstrip("/")
            if path in ours:
                continue
            target = self.expression if "@" in alias else self.work
            self.add(target, UNRES.alias, Literal(alias, datatype=XSD.anyURI))

    def _path(self, iri: str) -> str:
        return iri[len(self.base):] if iri.startswith(self.base) else iri

