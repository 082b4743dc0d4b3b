"""Which typed citation property a citation gets: unres:reaffirms, unres:recalls, ...

A researcher asks "which resolutions reaffirm the Convention", not "which citations carry the
concept relation:reaffirm": so besides the unres:Citation node (UNDO's Relation, with its
semantics as a SKOS concept), the citing paragraph is linked to the cited work by a property
named after the relation, each a sub-property of unres:cites (⊑ eli:cites).

The relation comes from the verb that introduces the citation where the parser found one;
otherwise from the paragraph's leading phrase, through the `unres:expressesRelation` of its
concept in ontology/verbs.ttl ("Reaffirming also" → reaffirm), which is the one place the
phrase → relation table is kept.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef

from lod.vocabulary import fold, without_degree_prefix
from lod.rdf.namespaces import RELATION, SKOS, UNRES, VERB, slug
from lod.vocabulary import BY_NAME, scheme_labels, source_graph


RELATION_PROPERTIES: dict[str, str] = {
    "recall": "recalls",
    "reaffirm": "reaffirms",
    "reiterate": "reiterates",
    "affirm": "affirms",
    "welcome": "welcomes",
    "take-note": "takesNoteOf",
    "endorse": "endorses",
    "approve": "approves",
    "adopt": "adopts",
    "recognize": "recognizes",
    "acknowledge": "acknowledges",
    "bear-in-mind": "bearsInMind",
    "consider": "considers",
    "guided-by": "isGuidedBy",
    "pursuant-to": "actsPursuantTo",
    "in-accordance-with": "actsInAccordanceWith",
    "adopted-by": "citesAdoptingAct",
    "contained-in": "citesContainingDocument",
    "follow-up": "followsUp",
    "see": "refersTo",
    "act-under": "actsUnder",
}
"""Relation lemma (the slug of its concept in the relation scheme) → local name in unres:."""


def relation_property(lemma: str | None) -> URIRef | None:
    """The typed citation property of a relation lemma; None for lemmas without one."""
    if not lemma:
        return None
    local = RELATION_PROPERTIES.get(slug(lemma))
    return UNRES[local] if local else None


@lru_cache(maxsize=1)
def _phrase_relations() -> dict[URIRef, URIRef]:
    """Verb concept → relation concept, following skos:broader when a form has none itself."""
    g = source_graph(BY_NAME["verb"].source)
    direct = {s: o for s, o in g.subject_objects(UNRES.expressesRelation) if isinstance(s, URIRef) and isinstance(o, URIRef)}
    broader = {s: o for s, o in g.subject_objects(SKOS.broader) if isinstance(s, URIRef) and isinstance(o, URIRef)}
    out: dict[URIRef, URIRef] = {}
    for concept in set(direct) | set(broader):
        node: URIRef | None = concept
        seen: set[URIRef] = set()
        while node is not None and node not in direct and node not in seen:
            seen.add(node)
            node = broader.get(node)
        if node is not None and node in direct:
            out[concept] = direct[node]
    return out


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], URIRef]:
    """(language tag, folded label) → verb concept, from the labels of ontology/verbs.ttl in
    the other official languages (learned from aligned paragraphs: see tests/test_verb_labels.py):
    the table the parser reads them by (lod.parse.phrasebook), folded by the same lod.vocabulary.fold."""
    # the relation scheme's labels are the same printed phrases: only verb concepts here
    return {(lang, fold(label)): VERB[concept]
            for lang, labels in scheme_labels("verb").items() for label, concept in labels.items()}


def phrase_concept(phrase: str | None, lang: str = "eng") -> URIRef | None:
    """The verb concept of a leading phrase in the document's language (ISO 639-2): English
    phrases by their slug; the other languages by the labels the scheme gives them, or None
    when the scheme has no label for the phrase (never a concept named in another language)."""
    if not phrase:
        return None
    if lang in ("eng", "en", ""):
        from lod.quality import lexicon_concept  # lod.quality imports this module

        known = lexicon_concept(phrase)
        return VERB[known] if known else None
    from lod.rdf.namespaces import language_tag

    tag = language_tag(lang)
    found = _labels().get((tag, fold(phrase)))
    rest = without_degree_prefix(phrase, tag) if found is None else None
    return _labels().get((tag, fold(rest))) if rest else found  # "又呼吁": a form of "呼吁"


def relation_of_phrase(phrase: str | None, lang: str = "eng") -> str | None:
    """The relation lemma a leading phrase expresses ("Reaffirming also" → "reaffirm"), if any."""
    concept = phrase_concept(phrase, lang)
    if concept is None:
        return None
    relation = _phrase_relations().get(concept)
    return str(relation).removeprefix(str(RELATION)) if relation is not None else None
