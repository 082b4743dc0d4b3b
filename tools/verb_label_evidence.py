"""The record of labels learned from aligned texts ../shared does not keep.

../shared/corpus/real/ga-akn holds 33 resolutions in all six languages. The repository it was
taken from (gonzalezmorales/GA-ECOSOC, a copy of the UN's AKN4UN files) has the other five
languages of resolutions whose English version ../shared does keep (session 77, ECOSOC 2021).
tools/derive_verb_labels.py's rules run over both find labels ../shared alone cannot support;
after review they go into ontology/verbs.ttl, and this tool writes the aligned paragraphs that
support them to ontology/verb-label-evidence.tsv: for each, the resolution's symbol, the
paragraph's eId, the concept its English version opens with, the language and the phrase the
other version opens with. No text of a document is kept, only where the phrase was seen.
tests/test_verb_labels.py holds each label to ../shared's aligned paragraphs or to these rows,
and checks every row's English side against ../shared's own file.

    python tools/verb_label_evidence.py ../shared/corpus/real/ga-akn EXTRA [EXTRA …] > ontology/verb-label-evidence.tsv

Every row of a recorded phrase is written, whatever concept it renders there, so that the rule
"renders the concept in more than half the paragraphs it opens" can be checked from the record.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from lod.languages import tag_of
from lod.parse.phrasebook import fold
from lod.rdf.relations import phrase_concept
from lod.rdf.namespaces import VERB
from lod.vocabulary import VERBS_TTL

HEADER = ("symbol", "eid", "concept", "language", "phrase")
"""The record's columns: where the phrase was seen and what the English version says there."""
EVIDENCE = Path(__file__).resolve().parent.parent / "ontology" / "verb-label-evidence.tsv"


def verb_labels() -> set[tuple[str, str, str]]:
    """(concept, language tag, label) of every label the verb scheme gives outside English."""
    g = Graph().parse(VERBS_TTL)
    return {(str(s), o.language, str(o)) for p in (SKOS.prefLabel, SKOS.altLabel) for s, o in g.subject_objects(p)
            if isinstance(o, Literal) and o.language and o.language != "en" and str(s).startswith(str(VERB))}


def read(path: Path = EVIDENCE) -> list[dict[str, str]]:
    """The recorded rows (empty when there is no record)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(shared: str, *extra: str) -> None:
    import derive_verb_labels as tool  # its neighbour in tools/, on the path when this runs as a script

    local, opened = tool.aligned(Path(shared)), tool.aligned_openings(Path(shared)).seen
    merged: dict[str, dict[str, object]] = defaultdict(dict)
    for root in (shared, *extra):
        for symbol, versions in tool.works(Path(root)).items():
            merged[symbol].update(versions)
    rows = list(tool.alignments(merged))
    recorded = {(tag, label) for concept, tag, label in verb_labels()  # what ../shared alone does not support
                if local[(concept, tag, label)] < tool.MIN_SEEN and opened[(concept, tag, fold(label))] < tool.MIN_SEEN
                and not tool.renders(local, concept, tag, label)}
    written = {(a.symbol, a.eid, a.concept, a.tag, a.phrase) for a in rows if (a.tag, a.phrase) in recorded}
    written |= set(_openings(tool, merged, recorded))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(HEADER)
    for symbol, eid, concept, tag, phrase in sorted(written):
        out.writerow((symbol, eid, concept.removeprefix(str(VERB)), tag, phrase))


def _openings(tool, merged: dict[str, dict[str, object]],  # type: ignore[no-untyped-def]
              recorded: set[tuple[str, str]]) -> Iterator[tuple[str, str, str, str, str]]:
    """The paragraphs a recorded label opens whatever phrase their reader found (Chinese and most
    Russian files print no italics: `derive_verb_labels.py --openings`), as (symbol, eId,
    concept, tag, label)."""
    by_opening = {(tag, fold(label)): label for tag, label in recorded}
    for symbol, versions in sorted(merged.items()):
        english = versions.get("eng")
        if english is None:
            continue
        concepts = {eid: phrase_concept(phrase, "eng") for eid, phrase in tool.leading_phrases(english).items()}
        for lang, res in versions.items():
            tag = tag_of(lang)
            for eid, text in tool.paragraph_texts(res).items() if tag and lang != "eng" else ():
                concept = concepts.get(eid)
                label = next((by_opening[(tag, fold(p))] for p in tool.openings(text, tag) if (tag, fold(p)) in by_opening), None)
                if concept is not None and label is not None:
                    yield symbol, eid, str(concept), tag, label


if __name__ == "__main__":
    main(*sys.argv[1:])
