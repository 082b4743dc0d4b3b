"""lists.sqlite: every browse page's document list, from the build's own runs.

A browse list reads a work's named graph (`GRAPH ?work { … }`, lod.web.browse_queries), which is
the run files of the work's documents (one per language expression). Each run gives its
`PartFacts`: the few properties the lists use, joined inside the document (addressee records,
votes, an expression's subjects), made by the map worker that wrote the run and kept beside it
(the build cache: an unchanged document's facts are read back, not made again). The facts of
every document are then merged and written in key order, so the same input gives the same file
(lod.lists has the schema and the reader).

Which value a column takes where the data gives several (a store's SAMPLE takes any): the one in
the work's own graph, else the smallest; the title of the English expression, else the smallest.
"""

from __future__ import annotations

import errno
import hashlib
import pickle
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from lod import lists, output
from lod.describe.labels import LABEL_PREDICATES, RDF_TYPE
from lod.publish.dumps import DocumentPart
from lod.publish.limits import fork_context
from lod.rdf.namespaces import DCTERMS, ELI, SKOS, UNDO, UNRES

_U = str(UNRES)
PROPONENT, CITES, ACTOR, COMMITTEE = _U + "docProponent", _U + "cites", _U + "actor", _U + "docCommittee"
SUBMITTER_STATE = _U + "submitterState"
SESSION, SYMBOL, DATE, STATUS = _U + "session", _U + "symbol", _U + "docDate", _U + "docStatus"
VOTING, HAS_VOTE, VOTER, CHOICE = _U + "voting", _U + "hasVote", _U + "voter", _U + "voteChoice"
HAS_ADDRESSEE, RECEIVER, ACTION, TEXT = _U + "hasAddressee", str(UNDO.hasReceiver), _U + "actionLemma", _U + "text"
WORK_CLASS, TREATY_CLASS = _U + "Work", _U + "Treaty"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
REALIZED, TITLE, SUBJECT, PREF_LABEL = str(ELI.is_realized_by), str(DCTERMS.title), str(DCTERMS.subject), str(SKOS.prefLabel)

COLUMNS = frozenset((SYMBOL, DATE, STATUS, SESSION, ACTOR, COMMITTEE, LABEL, REALIZED, TITLE, PREF_LABEL,
                     *LABEL_PREDICATES))
"""What a work's columns and a target's name are read from, in any graph."""
_NAMES = frozenset(LABEL_PREDICATES)
"""What names a thing: the lists (and the store's answers, lod.web.queries) take its English name."""
JOINED = frozenset((CITES, VOTING, HAS_VOTE, VOTER, CHOICE, SUBJECT, HAS_ADDRESSEE, RECEIVER, ACTION, TEXT))
"""What is joined inside one document (its lines only)."""
LINKS = frozenset((PROPONENT, SUBMITTER_STATE, CITES, ACTOR, COMMITTEE, VOTING, HAS_VOTE, VOTER, CHOICE, REALIZED, SUBJECT,
                   HAS_ADDRESSEE, RECEIVER))
"""Properties whose value a list follows or is named by: only IRIs count (a store binds `?iri`)."""
_WANTED = frozenset(f"<{p}>".encode() for p in COLUMNS | JOINED | {PROPONENT, SUBMITTER_STATE})
_TYPE = f"<{RDF_TYPE}>".encode()
_TYPES = (f"<{WORK_CLASS}>".encode(), f"<{TREATY_CLASS}>".encode())
ENGLISH = "/eng@"
KEPT = "lists-{}.pickle"
"""A document's facts beside its run (named by its graph, as lod.publish.dumps.quads_member is)."""


@dataclass
class PartFacts:
    """What one document (a run file of its work's graph) gives the lists."""

    graph: str
    typed: bool = False
    """The document says `graph a unres:Work` (CITING counts only in such graphs)."""
    own: list[tuple[str, str]] = field(default_factory=list)
    """(property, value) of the work itself (`graph p value`)."""
    elsewhere: list[tuple[str, str, str]] = field(default_factory=list)
    """(subject, property, value) of anything else, for columns and names only."""
    treaties: list[str] = field(default_factory=list)
    cites: list[tuple[str, str]] = field(default_factory=list)
    """(target, citing paragraph), target != graph."""
    subjects: list[str] = field(default_factory=list)
    votes: list[tuple[str, str]] = field(default_factory=list)
    """(voter, choice)."""
    addressed: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(receiver, paragraph, action, text)."""


def part_facts(graph: str, run: bytes) -> PartFacts:
    """A document's facts from its run (sorted N-Triples lines): the lines of the wanted properties
    picked out by their predicate's bytes, parsed by pyoxigraph, joined inside the document."""
    kept = []
    for line in run.split(b"\n"):
        first = line.find(b" ")
        second = line.find(b" ", first + 1)
        predicate = line[first + 1:second]
        if predicate in _WANTED or (predicate == _TYPE and line[second + 1:].startswith(_TYPES)):
            kept.append(line)
    facts = PartFacts(graph)
    inside: defaultdict[str, defaultdict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for triple in ox.parse(b"\n".join(kept) + b"\n", format=ox.RdfFormat.N_TRIPLES):
        s, p, o = triple.subject, triple.predicate.value, triple.object
        if not isinstance(s, ox.NamedNode) or (p in LINKS and not isinstance(o, ox.NamedNode)):
            continue
        subject, value = s.value, o.value
        if p == RDF_TYPE:
            if value == WORK_CLASS and subject == graph:
                facts.typed = True
            elif value == TREATY_CLASS:
                facts.treaties.append(subject)
            continue
        if p == CITES:
            if value != graph:
                facts.cites.append((value, subject))
            continue
        if p in (PROPONENT, SUBMITTER_STATE):
            if subject == graph:
                facts.own.append((p, value))
            continue
        if p in COLUMNS:
            if p in _NAMES and getattr(o, "language", None) not in (None, "en"):
                continue  # a name in another language (a treaty's, an agenda item's): lists are in English
            if subject == graph:
                facts.own.append((p, value))
            else:
                facts.elsewhere.append((subject, p, value))
        if p in JOINED:
            inside[p][subject].add(value)
    _join(facts, inside)
    return facts


def _join(facts: PartFacts, inside: defaultdict[str, defaultdict[str, set[str]]]) -> None:
    graph = facts.graph
    facts.subjects = sorted(inside[SUBJECT].get(graph, set()).union(
        *(inside[SUBJECT].get(e, set()) for e in _values(facts, REALIZED))))
    for voting in inside[VOTING].get(graph, ()):
        for vote in inside[HAS_VOTE].get(voting, ()):
            choices = inside[CHOICE].get(vote)
            if choices:
                facts.votes += [(voter, min(choices)) for voter in inside[VOTER].get(vote, ())]
    receivers, actions, texts = inside[RECEIVER], inside[ACTION], inside[TEXT]
    for paragraph, records in inside[HAS_ADDRESSEE].items():
        text = texts.get(paragraph)
        if not text:
            continue
        by_receiver: dict[str, set[str]] = defaultdict(set)
        for record in records:
            for receiver in receivers.get(record, ()):
                by_receiver[receiver] |= actions.get(record, set())
        facts.addressed += [(receiver, paragraph, min(lemmas), min(text))
                            for receiver, lemmas in by_receiver.items() if lemmas]


def _values(facts: PartFacts, predicate: str) -> list[str]:
    return [v for p, v in facts.own if p == predicate]


def _kept(run: Path, graph: str) -> Path:
    return run.with_name(KEPT.format(hashlib.sha256(graph.encode()).hexdigest()[:32]))


def keep_facts(run_path: Path, graph: str, run: bytes) -> None:
    """In a map worker, beside the run it has just written: the document's facts, so that the
    build's lists cost the main process only their merge, and an unchanged document nothing."""
    _kept(run_path, graph).write_bytes(pickle.dumps(part_facts(graph, run), protocol=pickle.HIGHEST_PROTOCOL))


def kept_facts(part: DocumentPart) -> PartFacts:
    """A document's facts, read back from beside its run (a document's cache entry is written
    whole for each new run, so what lies beside it is its own), else made from the run."""
    kept = _kept(part.path, part.graph)
    try:
        found = pickle.loads(kept.read_bytes())
        if isinstance(found, PartFacts) and found.graph == part.graph:
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    return part_facts(part.graph, part.path.read_bytes())


@dataclass
class Merged:
    """Every document's facts together: `own[work][p]`, `anywhere[s][p]` (values in any graph)."""

    typed: set[str] = field(default_factory=set)
    treaties: set[str] = field(default_factory=set)
    own: defaultdict[str, defaultdict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    anywhere: defaultdict[str, defaultdict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    cites: defaultdict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    members: set[tuple[str, str, str, str | None]] = field(default_factory=set)
    """(list, target, work, value)."""
    addressed: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, facts: PartFacts) -> None:
        work = facts.graph
        if facts.typed:
            self.typed.add(work)
        self.treaties.update(facts.treaties)
        for p, value in facts.own:
            self.own[work][p].add(value)
            self.anywhere[work][p].add(value)
        for s, p, value in facts.elsewhere:
            self.anywhere[s][p].add(value)
        for target, paragraph in facts.cites:
            self.cites[(work, target)].add(paragraph)
        self.members.update((lists.SUBJECT, s, work, None) for s in facts.subjects)
        self.members.update((lists.VOTE, voter, work, choice) for voter, choice in facts.votes)
        for receiver, paragraph, action, text in facts.addressed:
            key = (receiver, work, paragraph)
            known = self.addressed.get(key)
            self.addressed[key] = (action, text) if known is None else min(known, (action, text))

    def one(self, iri: str, predicate: str) -> str | None:
        """The value of `iri predicate ?o`: from its own graph if there, else the smallest anywhere."""
        found = self.own.get(iri, {}).get(predicate) or self.anywhere.get(iri, {}).get(predicate)
        return min(found) if found else None

    def title(self, work: str) -> str | None:
        for expression in sorted(self.anywhere.get(work, {}).get(REALIZED, ()), key=lambda e: (ENGLISH not in e, e)):
            titles = self.anywhere.get(expression, {}).get(TITLE)
            if titles:
                return min(titles)
        return None

    def name(self, iri: str, predicates: tuple[str, ...]) -> str | None:
        for predicate in predicates:
            values = self.anywhere.get(iri, {}).get(predicate)
            if values:
                return min(values)
        return None

    def rows(self) -> Iterable[tuple[str, str, str, int | None, str | None]]:
        """Every list's members: (list, target, work, count, value)."""
        chosen: dict[tuple[str, str, str], tuple[int | None, str | None]] = {}
        for work, properties in self.own.items():
            for predicate, name in ((PROPONENT, lists.SPONSOR), (SUBMITTER_STATE, lists.SUBMITTER), (ACTOR, lists.BODY),
                                    (COMMITTEE, lists.BODY)):
                for target in properties.get(predicate, ()):
                    chosen[(name, target, work)] = (None, None)
        for (work, target), paragraphs in self.cites.items():
            if work in self.typed:
                chosen[(lists.CITES, target, work)] = (len(paragraphs), None)
        for name, target, work, value in sorted(self.members, key=lambda m: (m[0], m[1], m[2], m[3] or "")):
            chosen.setdefault((name, target, work), (None, value))  # a vote recorded twice: the first choice
        return [(*key, *chosen[key]) for key in sorted(chosen)]


def write_lists(staging: Path, parts: Sequence[DocumentPart]) -> int:
    """Write lists.sqlite into the build's staging folder from its documents' runs; the rows written."""
    merged = Merged()
    for part in parts:
        merged.add(kept_facts(part))
    members = list(merged.rows())
    addressed = sorted((key + value for key, value in merged.addressed.items() if key[1] in merged.typed))
    works = sorted({m[2] for m in members} | {a[1] for a in addressed} | merged.typed)
    rows = [(work, merged.one(work, SYMBOL), merged.one(work, LABEL), merged.title(work), merged.one(work, DATE),
             merged.one(work, STATUS), merged.one(work, SESSION), merged.one(work, COMMITTEE),
             min(merged.own.get(work, {}).get(ACTOR, ()), default=None)) for work in works]
    named = sorted({m[1] for m in members} | {r[7] for r in rows if r[7]} | merged.treaties)
    names = [(iri, merged.name(iri, (PREF_LABEL,)), merged.name(iri, (PREF_LABEL, *LABEL_PREDICATES)),
              iri in merged.treaties) for iri in named]
    path = staging / output.LISTS
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(lists.SCHEMA)
        db.executemany("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?)", members)
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
        db.executemany("INSERT INTO addressed VALUES (?, ?, ?, ?, ?)", addressed)
        db.commit()
    except sqlite3.OperationalError as exc:  # SQLite says a full disk in its own words
        if exc.sqlite_errorcode == sqlite3.SQLITE_FULL:
            raise OSError(errno.ENOSPC, "No space left on device", str(partial)) from None
        raise
    finally:
        db.close()
    partial.replace(path)  # whole or not at all: the pages ask the store where there is no file
    return len(members)


class ListsStage:
    """lists.sqlite written by a process of its own, forked (before the dump pool starts any thread)
    when the documents are placed and waited for after the dumps: its merge costs the build's
    wall time nothing while the dumps take longer (an incremental build: 13 s at 10,000 documents
    as a step of its own), and its tables never live in the main process."""

    def __init__(self, staging: Path, parts: Sequence[DocumentPart]) -> None:
        self._started = time.perf_counter()
        self._pool = ProcessPoolExecutor(1, mp_context=fork_context())
        self._future: Future[int] = self._pool.submit(write_lists, staging, list(parts))

    def finish(self) -> float:
        """Wait for lists.sqlite; its seconds since the start. Raises what writing it raised."""
        try:
            self._future.result()
        finally:
            self._pool.shutdown()
        return time.perf_counter() - self._started
