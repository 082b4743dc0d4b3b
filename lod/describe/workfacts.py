"""The facts of a work's page that do not depend on the page's language, computed once.

A work whose text is in the six official languages has six pages (lod.describe.page.work_page),
each made from the same description graph. Most of what a page shows is the same on all six:
which nodes are its parts and in what order, what each part cites and whom it addresses, the
sponsors, the metadata table, the votes, the subjects, who cites the work and what it cites,
the curator notes, the languages. Only the texts, printed numbers, title and record (the
session, meeting and agenda item as each version prints them) are the page's language's.
`work_facts` computes the first kind once per graph and keeps it in the graph's `memo`, so the
five other pages start from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from lod.describe.citing import citations
from lod.describe.adoption import Voting, subjects_of, text_languages, voting_of
from lod.describe.graph import DescriptionGraph, Term, is_iri, property_name, text as term_text
from lod.describe.linker import Link, Linker, Value, literal_text

if TYPE_CHECKING:
    from lod.describe.citing import Cited
    from lod.describe.page import CitedBy, CuratorNote


@dataclass
class WorkFacts:
    """What every language's page of one work shares (read, never changed, by the pages)."""

    linker: Linker
    nodes: dict[str, str]
    """eId → the part's IRI, in the graph's order (records, such as citations, left out)."""
    orders: dict[str, float]
    cited: dict[str, list[Cited]]
    """eId → (printed words by language, link) of what the part cites, by label then IRI."""
    addressees: dict[str, list[Value]]
    sponsors: list[Link]
    metadata: list[tuple[str, list[Value]]]
    symbol: str
    cited_by: list[CitedBy]
    cites: list[Link]
    """What the work cites outside itself, once each, by label then IRI."""
    curator_notes: list[CuratorNote]
    available: list[str]
    voting: Voting | None
    subjects: list[tuple[str, list[Link]]]
    amends: list[Link]
    """The draft an amendment would change (unres:amends)."""


def work_facts(graph: DescriptionGraph, work: str, base: str) -> WorkFacts:
    """The language-independent facts of `work`'s page, from `graph`'s memo or made now."""
    key = ("work facts", work, base)
    found = graph.memo.get(key)
    if found is None:
        found = graph.memo[key] = _facts(graph, work, base)
    return found


def _facts(graph: DescriptionGraph, work: str, base: str) -> WorkFacts:
    from lod.describe import page  # the page module uses this one

    linker = Linker(base, graph)
    prefix = work + "/!"
    nodes: dict[str, str] = {}
    for node in graph.nodes():
        if is_iri(node) and node.startswith(prefix) and "#" in node and not page._is_record(graph, node):  # type: ignore[union-attr]
            nodes[node.split("#", 1)[1]] = node  # type: ignore[union-attr, assignment]
    orders: dict[str, float] = {}
    for eid, node in nodes.items():
        order_text = literal_text(graph, node, page.ORDER_NAMES)
        try:
            orders[eid] = float(order_text) if order_text is not None else float("inf")
        except ValueError:
            orders[eid] = float("inf")
    cited = {eid: citations(graph, linker, node) for eid, node in nodes.items()}
    sponsors = [linker.link(o) for p, o in graph.predicate_objects(work)
                if any(n in property_name(p) for n in page.SPONSOR_NAMES) and isinstance(o, str)]
    sponsors.sort(key=lambda link: (link.label, link.iri))
    skip: set[Term] = {n for _, n in graph.predicate_objects(work) if term_text(n).startswith(prefix)}
    skip |= {s.iri for s in sponsors} | set(graph.objects(work, page.DCTERMS_SUBJECT))  # subjects: shown by scheme
    cites = {link.iri: linker.link(link.iri) for links in cited.values() for _, link in links
             if not link.iri.startswith(work)}
    return WorkFacts(
        linker=linker,
        nodes=nodes,
        orders=orders,
        cited=cited,
        addressees={eid: addressees_of(graph, node, linker) for eid, node in nodes.items()},
        sponsors=sponsors,
        metadata=page._values(graph, linker, work, skip),
        symbol=literal_text(graph, work, page.SYMBOL_NAMES) or "",
        cited_by=page._cited_by(graph, linker, work),
        cites=sorted(cites.values(), key=lambda link: (link.label, link.iri)),
        curator_notes=page._curator_notes(graph, prefix),
        available=text_languages(graph, work),
        voting=voting_of(graph, linker, work),
        subjects=subjects_of(graph, linker, work),
        amends=[linker.link(o) for p, o in graph.predicate_objects(work) if property_name(p) == "amends" and is_iri(o)],
    )


def addressees_of(graph: DescriptionGraph, node: str, linker: Linker | None = None) -> list[Value]:
    """Whom an operative paragraph addresses and how ("the Secretary-General (request)"), linked
    to the organ, State or organization it resolved to where `linker` is given."""
    found: dict[str, Value] = {}
    for pred, record in graph.predicate_objects(node):
        if "addressee" not in property_name(pred) or type(record) is ox.Literal:
            continue
        name = literal_text(graph, record, ("addresseename", "name", "label"))
        action = literal_text(graph, record, ("actionlemma", "action"))
        if name:
            shown = f"{name} ({action.replace('-', ' ')})" if action else name
            receiver = next((o for p, o in graph.predicate_objects(record)
                             if property_name(p) == "hasreceiver" and type(o) is not ox.Literal), None)
            link = linker.link(receiver) if linker is not None and receiver is not None else None
            found.setdefault(shown, Value(shown, link))
    return [found[k] for k in sorted(found)]
