"""What a resolution page shows beyond its text: how it was adopted (voting record), what it
is about (subjects by scheme), and which languages its text is in.

Read by property *names*, like the rest of the page (lod.describe.page), from the description
graph; kept apart so that the page builder stays one job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from typing import Any

import pyoxigraph as ox

from lod.describe.i18n import N_
from lod.describe.graph import DescriptionGraph, Term, as_description_graph, property_name, text
from lod.describe.labels import TEXT_NAMES, TITLE_NAMES, natural_key
from lod.describe.linker import Link, Linker, literal_text, local_name

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "Français", "es": "Español", "ru": "Русский",
                                  "ar": "العربية", "zh": "中文"}
"""The six official languages, each by its own name (the language switch of a page)."""
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})


def text_languages(graph: DescriptionGraph | Any, work: str) -> list[str]:
    """Language tags of the work's text (its paragraphs' and titles' literals), official order.
    Kept in the graph's memo: the build asks it once for the pages to render and each page once
    more, and each answer walks every triple."""
    graph = as_description_graph(graph)
    key = ("text languages", work)
    found = graph.memo.get(key)
    if found is None:
        names = (*TEXT_NAMES, *TITLE_NAMES)
        tags = {o.language for s, pairs in graph.out.items() if text(s).startswith(work)
                for p, o in pairs if type(o) is ox.Literal and o.language and property_name(p) in names}  # type: ignore[union-attr]
        found = graph.memo[key] = sorted(tags, key=lambda t: (list(LANGUAGE_NAMES).index(t) if t in LANGUAGE_NAMES else 99, t))
    return list(found)


@dataclass
class Voting:
    """How the text was adopted: outcome, printed counts, the States by how they voted."""

    outcome: str
    counts: list[tuple[str, str]]
    votes: list[tuple[str, list[Link]]]


OUTCOME_WORDS: dict[str, str] = {
    "adopted-recorded-vote": N_("adopted by a recorded vote"),
    "adopted-without-vote": N_("adopted without a vote"),
    "adopted-unanimously": N_("adopted unanimously"),
}
"""The model's voting outcomes (lod.model.Voting) as the page says them; a value a source wrote
that the model does not know is shown as written."""
_COUNT_NAMES = (("votesinfavour", N_("In favour")), ("votesagainst", N_("Against")), ("abstentions", N_("Abstaining")),
                ("nonvoting", N_("Non-voting")))
_CHOICES = (("voteyes", N_("In favour")), ("voteno", N_("Against")), ("voteabstention", N_("Abstaining")),
            ("votenonvoting", N_("Non-voting")))


def voting_of(graph: DescriptionGraph, linker: Linker, w: Term) -> Voting | None:
    """The work's voting record (unres:voting), by property names like the rest of the page."""
    record = next((o for p, o in graph.predicate_objects(w) if local_name(p) == "voting"), None)
    if record is None:
        return None
    outcome = literal_text(graph, record, ("votingoutcome", "outcome")) or ""
    counts = [(label, v) for name, label in _COUNT_NAMES if (v := literal_text(graph, record, (name,)))]
    by_choice: dict[str, list[Link]] = defaultdict(list)
    for p, vote in graph.predicate_objects(record):
        if local_name(p) != "hasvote":
            continue
        choice = next((local_name(o) for q, o in graph.predicate_objects(vote) if local_name(q) == "votechoice"), "")
        voter = next((o for q, o in graph.predicate_objects(vote) if local_name(q) == "voter"), None)
        name = literal_text(graph, vote, ("votername",)) or ""
        by_choice[choice].append(linker.link(voter) if voter is not None else Link("", name, ""))
    votes = [(label, sorted(by_choice[key], key=lambda l: l.label)) for key, label in _CHOICES if by_choice.get(key)]
    return Voting(OUTCOME_WORDS.get(outcome, outcome.replace("-", " ")), counts, votes)


DCTERMS_SUBJECT = "http://purl.org/dc/terms/subject"
SKOS_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"
_SCHEMES = {"http://metadata.un.org/sdg": N_("Sustainable Development Goals"), "http://metadata.un.org/thesaurus": N_("UNBIS Thesaurus"),
            "http://eurovoc.europa.eu/100141": N_("EuroVoc")}


def subjects_of(graph: DescriptionGraph, linker: Linker, w: Term) -> list[tuple[str, list[Link]]]:
    by_scheme: dict[str, list[Link]] = defaultdict(list)
    for concept in graph.objects(w, DCTERMS_SUBJECT):
        scheme = graph.first(concept, SKOS_IN_SCHEME)
        name = (_SCHEMES.get(text(scheme)) or linker.label(scheme)) if scheme is not None else N_("Subjects")
        link = Link(text(concept), linker.label(concept), text(concept))  # the scheme's own page
        if link not in by_scheme[name]:
            by_scheme[name].append(link)
    order = list(_SCHEMES.values())
    return [(k, sorted(v, key=lambda l: natural_key(l.label))) for k, v in
            sorted(by_scheme.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 9, kv[0]))]

