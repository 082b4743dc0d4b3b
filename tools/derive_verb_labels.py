"""Candidate labels of the verb scheme in the other five official languages, learned from the
UN's own aligned texts: the same paragraph (same eId) of the same resolution in English and in
French, Spanish, Russian, Arabic, Chinese. The English leading phrase names the concept; the
phrase the other version opens the same paragraph with is a candidate label for it.

    python tools/derive_verb_labels.py ../shared/corpus/real/ga-akn > /tmp/labels.ttl

A candidate is kept when it is the phrase of at least MIN_SEEN aligned paragraphs and of at
least MIN_SHARE of that concept's paragraphs in that language: that filters paragraphs whose
translation opens differently ("Welcomes" rendered "Prend note avec satisfaction"). The most
frequent is skos:prefLabel, the others skos:altLabel; a phrase that several concepts share
labels only the one it renders most often, so that a phrase in a language names one concept. The output is reviewed before it goes
into ontology/verbs.ttl; tests/test_verb_labels.py holds every label to the aligned data.

    python tools/derive_verb_labels.py ../shared/corpus/real/ga-akn --relations

labels the relation scheme the same way: a relation (recall, reaffirm, take note …) is
expressed by the head phrases of the verb scheme (the concepts with no skos:broader:
"Recalling", "Recalls", not "Recalling also"), so the phrases the other versions print for the
paragraphs of those phrases are its labels, counted together. The UN's texts print a relation
only inflected ("Rappelant", "Rappelle"), never as the dictionary lemma the English labels are
("recall"): the labels are the printed forms, the most frequent preferred.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from lod.model import Resolution
from lod.parse import ParseError, parse_file
from rdflib import Graph
from rdflib.namespace import SKOS

from lod.rdf.namespaces import RELATION, UNRES, VERB, language_tag
from lod.rdf.relations import VERBS_TTL, phrase_concept

MIN_SEEN = 3
MIN_SHARE = 0.3


def leading_phrases(res: Resolution) -> dict[str, str]:
    """eId → leading phrase of every paragraph that has one."""
    out = {p.eid: p.verb for p in res.preamble if p.verb}
    for paras in [res.operative, *(a.paragraphs for a in res.annexes)]:
        out.update({p.eid: p.verb for p in paras if p.verb})
    return out


def aligned(corpus: Path) -> Counter[tuple[str, str, str]]:
    """(concept, language tag, phrase) → how many aligned paragraphs show it."""
    works: dict[str, dict[str, Resolution]] = defaultdict(dict)
    for path in sorted(corpus.rglob("*.xml")):
        try:
            res = parse_file(path)
        except ParseError:
            continue
        if res.symbol and res.language:
            works[res.symbol][res.language] = res
    seen: Counter[tuple[str, str, str]] = Counter()
    for versions in works.values():
        english = versions.get("eng")
        if english is None or len(versions) < 2:
            continue
        english_phrases = leading_phrases(english)
        for lang, res in versions.items():
            if lang == "eng":
                continue
            for eid, phrase in leading_phrases(res).items():
                concept = phrase_concept(english_phrases.get(eid), "eng")
                if concept is not None:
                    seen[(str(concept), language_tag(lang), " ".join(phrase.split()).strip(" ,،"))] += 1
    return seen


def candidates(seen: Counter[tuple[str, str, str]]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    totals: Counter[tuple[str, str]] = Counter()
    for (concept, tag, _), n in seen.items():
        totals[(concept, tag)] += n
    out: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    claimed: set[tuple[str, str]] = set()
    for (concept, tag, phrase), n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN_SEEN and n / totals[(concept, tag)] >= MIN_SHARE and (tag, phrase) not in claimed:
            # a phrase several concepts share ("Souligne": emphasizes, stresses) labels the one
            # it renders most often, so that a phrase names one concept
            claimed.add((tag, phrase))
            out[(concept, tag)].append((phrase, n))
    return out


def head_relations() -> dict[str, str]:
    """Head verb concept (no skos:broader) → the relation it expresses, from ontology/verbs.ttl."""
    g = Graph().parse(VERBS_TTL)
    narrower = set(g.subjects(SKOS.broader, None))
    return {str(s): str(o) for s, o in g.subject_objects(UNRES.expressesRelation) if s not in narrower}


def by_relation(seen: Counter[tuple[str, str, str]]) -> Counter[tuple[str, str, str]]:
    """(relation, language tag, phrase) → aligned paragraphs of the relation's head phrases."""
    heads = head_relations()
    out: Counter[tuple[str, str, str]] = Counter()
    for (concept, tag, phrase), n in seen.items():
        if concept in heads:
            out[(heads[concept], tag, phrase)] += n
    return out


def main(corpus: str, relations: bool = False) -> None:
    seen = aligned(Path(corpus))
    if relations:
        print("# --- the relation scheme in the other official languages: generated by")
        print("# --- tools/derive_verb_labels.py --relations from the same aligned paragraphs, reviewed")
        for (concept, tag), phrases in sorted(candidates(by_relation(seen)).items()):
            local = concept.removeprefix(str(RELATION))
            for k, (phrase, n) in enumerate(phrases):
                prop = "skos:prefLabel" if k == 0 else "skos:altLabel"
                escaped = phrase.replace("\\", "\\\\").replace('"', '\\"')
                print(f'relation:{local} {prop} "{escaped}"@{tag} .  # seen in {n} aligned paragraphs')
        return
    found = candidates(seen)
    print("# --- labels in the other official languages: generated by tools/derive_verb_labels.py from")
    print("# --- aligned paragraphs of the UN's AKN4UN files, reviewed; tests/test_verb_labels.py checks them")
    for (concept, tag), phrases in sorted(found.items()):
        local = concept.removeprefix(str(VERB))
        for k, (phrase, n) in enumerate(phrases):
            prop = "skos:prefLabel" if k == 0 else "skos:altLabel"
            escaped = phrase.replace("\\", "\\\\").replace('"', '\\"')
            print(f'verb:{local} {prop} "{escaped}"@{tag} .  # {n}')


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(args[0] if args else "../shared/corpus/real/ga-akn", relations="--relations" in sys.argv)
