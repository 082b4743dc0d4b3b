"""lists.sqlite: every browse page's document list, from the build's own N-Quads dump.

The dump (dumps/lod.nq.gz) holds each work's named graph, which is what the browse queries read
(`GRAPH ?work { … }`, lod.web.browse_queries). Its lines about the few properties the lists use
are picked out by `grep -F` (13 M quads at 17,000 documents; Python reads the 1.6 M kept, parsed by
pyoxigraph), collected here and written in key order, so the same input gives the same file
(lod.lists has the schema and the reader).

Which value a column takes where the data gives several (a store's SAMPLE takes any): the one in
the work's own graph, else the smallest; the title of the English expression, else the smallest.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from lod import lists, output
from lod.describe.labels import LABEL_PREDICATES, RDF_TYPE
from lod.rdf.namespaces import DCTERMS, ELI, SKOS, UNRES

_U = str(UNRES)
PROPONENT, CITES, ACTOR, COMMITTEE = _U + "docProponent", _U + "cites", _U + "actor", _U + "docCommittee"
SESSION, SYMBOL, DATE, STATUS = _U + "session", _U + "symbol", _U + "docDate", _U + "docStatus"
VOTING, HAS_VOTE, VOTER, CHOICE = _U + "voting", _U + "hasVote", _U + "voter", _U + "voteChoice"
WORK_CLASS = _U + "Work"
HAS_ADDRESSEE, RECEIVER, ACTION, TEXT = _U + "hasAddressee", "https://w3id.org/un/ontology/undo/hasReceiver", \
    _U + "actionLemma", _U + "text"
ADDRESSING = (HAS_ADDRESSEE, RECEIVER, ACTION, TEXT)
"""Joined inside one graph at a time (the dump holds each graph's quads together), never kept
whole: every paragraph's text is among them."""
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
REALIZED = str(ELI.is_realized_by)
TITLE = str(DCTERMS.title)
SUBJECT = str(DCTERMS.subject)
PREF_LABEL = str(SKOS.prefLabel)

WANTED = (PROPONENT, CITES, ACTOR, COMMITTEE, SESSION, SYMBOL, DATE, STATUS, VOTING, HAS_VOTE, VOTER, CHOICE,
          LABEL, REALIZED, TITLE, SUBJECT, *LABEL_PREDICATES, *ADDRESSING)
"""The predicates a list reads (and every naming property, for the targets' labels)."""
TREATY_CLASS = _U + "Treaty"
TYPES = (f"<{RDF_TYPE}> <{WORK_CLASS}> ", f"<{RDF_TYPE}> <{TREATY_CLASS}> ")
"""The rdf:type lines kept: `?work a unres:Work` (CITING counts only in such graphs) and the
treaties (/treaties lists every one, cited or not)."""
LINKS = frozenset((PROPONENT, CITES, ACTOR, COMMITTEE, VOTING, HAS_VOTE, VOTER, CHOICE, REALIZED, SUBJECT,
                   HAS_ADDRESSEE, RECEIVER))
"""Properties whose value a list follows or is named by: only IRIs count (a store binds `?iri`)."""
ENGLISH = "/eng@"


@dataclass
class Facts:
    """What the lists need, gathered quad by quad: `own[p][work]` holds the values of `work p ?o`
    in the work's own graph, `anywhere[p][s]` those of `s p ?o` in any graph."""

    graphs: set[str] = field(default_factory=set)
    typed: set[str] = field(default_factory=set)
    treaties: set[str] = field(default_factory=set)
    own: dict[str, defaultdict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    anywhere: dict[str, defaultdict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    cited: Counter[tuple[str, str]] = field(default_factory=Counter)
    votes: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    """(graph, vote) → voters; the choice of each vote is in `in_graph`."""
    in_graph: dict[tuple[str, str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    """(graph, subject, predicate) → objects, for what is joined inside one graph (votes, expressions)."""
    addressed: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    """(receiver, work, paragraph, action, text): a paragraph asking `receiver` to act."""
    _graph: str = ""
    _current: defaultdict[str, defaultdict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))

    def add(self, s: str, p: str, o: str, g: str) -> None:
        if g != self._graph:
            self.close_graph()
            self._graph = g
            self.graphs.add(g)
        if p in ADDRESSING:
            self._current[p][s].add(o)
            return
        if p == RDF_TYPE:
            if s == g and o == WORK_CLASS:
                self.typed.add(g)
            elif o == TREATY_CLASS:
                self.treaties.add(s)
            return
        if p == CITES:
            if o != g:
                self.cited[(g, o)] += 1  # the dump holds each quad once: lines are distinct paragraphs
            return
        if s == g:
            self.own[p][s].add(o)
        self.anywhere[p][s].add(o)
        if p in (VOTING, HAS_VOTE, CHOICE, REALIZED, SUBJECT):
            self.in_graph[(g, s, p)].add(o)
        elif p == VOTER:
            self.votes[(g, s)].add(o)


    def close_graph(self) -> None:
        """The addressee records of the graph just read: one row per (receiver, paragraph), its
        action and text the smallest where there are several (a store's SAMPLE takes any)."""
        current, work = self._current, self._graph
        receivers, actions, texts = current[RECEIVER], current[ACTION], current[TEXT]
        for paragraph, records in current[HAS_ADDRESSEE].items():
            text = texts.get(paragraph)
            if not text:
                continue
            by_receiver: dict[str, set[str]] = defaultdict(set)
            for record in records:
                for receiver in receivers.get(record, ()):
                    by_receiver[receiver] |= actions.get(record, set())
            for receiver, lemmas in by_receiver.items():
                if lemmas:
                    self.addressed.append((receiver, work, paragraph, min(lemmas), min(text)))
        current.clear()


def _one(facts: Facts, predicate: str, iri: str) -> str | None:
    """The value of `iri predicate ?o`: from its own graph if there, else the smallest anywhere."""
    own = facts.own.get(predicate, {}).get(iri)
    if own:
        return min(own)
    found = facts.anywhere.get(predicate, {}).get(iri)
    return min(found) if found else None


def _title(facts: Facts, work: str) -> str | None:
    expressions = sorted(facts.anywhere.get(REALIZED, {}).get(work, ()), key=lambda e: (ENGLISH not in e, e))
    for expression in expressions:
        titles = facts.anywhere.get(TITLE, {}).get(expression)
        if titles:
            return min(titles)
    return None


def _label(facts: Facts, iri: str, predicates: tuple[str, ...]) -> str | None:
    """The first of `predicates` the data gives `iri`, the smallest of its values."""
    for predicate in predicates:
        values = facts.anywhere.get(predicate, {}).get(iri)
        if values:
            return min(values)
    return None


def read_quads(nquads_gz: Path) -> Facts:
    """The facts of the lists from a gzip'd N-Quads file (the build's dump)."""
    patterns = "\n".join([*(f"<{p}> " for p in WANTED), *TYPES])  # one pattern a line (grep -F)
    facts = Facts()
    with subprocess.Popen(["gzip", "-dc", str(nquads_gz)], stdout=subprocess.PIPE) as unzip, \
            subprocess.Popen(["grep", "-F", "-e", patterns], stdin=unzip.stdout, stdout=subprocess.PIPE) as grep:
        assert unzip.stdout is not None and grep.stdout is not None
        unzip.stdout.close()  # grep holds it; gzip gets SIGPIPE if grep ends first
        for quad in ox.parse(grep.stdout, format=ox.RdfFormat.N_QUADS):
            s, p, o, g = quad.subject, quad.predicate, quad.object, quad.graph_name
            if isinstance(s, ox.NamedNode) and isinstance(g, ox.NamedNode) and \
                    (isinstance(o, ox.NamedNode) or p.value not in LINKS):
                facts.add(s.value, p.value, o.value, g.value)
        facts.close_graph()
    if unzip.returncode not in (0, None) or grep.returncode not in (0, 1):
        raise OSError(f"{nquads_gz}: could not be read for the lists (gzip {unzip.returncode}, grep {grep.returncode})")
    return facts


def _members(facts: Facts, works: set[str]) -> Iterable[tuple[str, str, str, int | None, str | None]]:
    for predicate, name in ((PROPONENT, lists.SPONSOR), (ACTOR, lists.BODY), (COMMITTEE, lists.BODY)):
        for work, targets in facts.own.get(predicate, {}).items():
            for target in targets:
                yield name, target, work, None, None
    for (work, target), paragraphs in facts.cited.items():
        if work in facts.typed:
            yield lists.CITES, target, work, paragraphs, None
    for work in works:
        subjects = set(facts.in_graph.get((work, work, SUBJECT), ()))
        for expression in facts.in_graph.get((work, work, REALIZED), ()):
            subjects |= facts.in_graph.get((work, expression, SUBJECT), set())
        for subject in subjects:
            yield lists.SUBJECT, subject, work, None, None
        for voting in facts.in_graph.get((work, work, VOTING), ()):
            for vote in facts.in_graph.get((work, voting, HAS_VOTE), ()):
                choices = facts.in_graph.get((work, vote, CHOICE))
                for voter in facts.votes.get((work, vote), ()):
                    if choices:
                        yield lists.VOTE, voter, work, None, min(choices)


def write_lists(staging: Path) -> int:
    """Write lists.sqlite into the build's staging folder from its N-Quads dump; the rows written."""
    facts = read_quads(staging / output.dump(output.DUMP_NQUADS))
    path = staging / output.LISTS
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    members = sorted(set(_members(facts, facts.graphs)), key=lambda m: (m[0], m[1], m[2]))
    # a row per (list, target, work): a work both adopted and drafted by a body is listed once
    unique = list({(m[0], m[1], m[2]): m for m in members}.values())
    addressed = sorted((row for row in facts.addressed if row[1] in facts.typed), key=lambda r: r[:3])
    works = {m[2] for m in unique} | {row[1] for row in addressed}
    rows = []
    for work in sorted(works):
        committee = _one(facts, COMMITTEE, work)
        rows.append((work, _one(facts, SYMBOL, work), _one(facts, LABEL, work), _title(facts, work),
                     _one(facts, DATE, work), _one(facts, STATUS, work), _one(facts, SESSION, work),
                     committee, min(facts.own.get(ACTOR, {}).get(work, ()), default=None)))
    named = sorted({m[1] for m in unique} | {r[7] for r in rows if r[7]} | facts.treaties)
    labels = [(iri, _label(facts, iri, (PREF_LABEL,)), _label(facts, iri, (PREF_LABEL, *LABEL_PREDICATES)),
               iri in facts.treaties) for iri in named]
    db = sqlite3.connect(partial)
    try:
        db.executescript(lists.SCHEMA)
        db.executemany("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?)", unique)
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", labels)
        db.executemany("INSERT INTO addressed VALUES (?, ?, ?, ?, ?)", addressed)
        db.commit()
    finally:
        db.close()
    partial.replace(path)  # whole or not at all: the pages ask the store where there is no file
    return len(unique)
