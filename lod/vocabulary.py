"""The vocabularies the dataset is written in, as published under https://w3id.org/un-lod/.

One table: each vocabulary's IRI, where its terms live, the file it comes from and which of
its terms are documented at which anchor. The build writes every vocabulary in every format
(lod.publish.vocabulary), the server answers for its IRIs (lod.web.vocabulary), and w3id.org
sends the IRIs to the server (w3id/un-lod/.htaccess): all three read this table.

The ontology and the shapes have hash terms (`…/ontology#Work`): the client asks for the
ontology and reads the term from it. The concept schemes have slash terms
(`…/vocab/verb/recalling`), each a request of its own, answered from the scheme's files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parent.parent
W3ID = "https://w3id.org/un-lod"
"""Where the vocabularies' IRIs live (their namespace, registered at w3id.org)."""
VOCAB_FOLDER = "vocab"
"""output/vocab/{name}.{ext} in the build; /vocab/{name} on the server."""
TERMS_FILE = "terms.json"
"""output/vocab/terms.json: slash term IRI → the anchor of its documentation in the scheme's HTML."""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    """Its file name in output/vocab/ and its path on the server (/vocab/{name})."""
    iri: str
    source: str
    """The file under the repository it is taken from."""
    kind: str
    """"ontology" (OWL, HTML by pyLODE), "scheme" (SKOS, HTML by ontospy) or "shapes" (no HTML)."""

    @property
    def slash_terms(self) -> bool:
        return self.kind == "scheme"

    @property
    def path(self) -> str:
        """The IRI's path under w3id.org/un-lod/: what the redirect rules match."""
        return self.iri.removeprefix(W3ID + "/")

    def graph(self) -> Graph:
        """The vocabulary's own triples (a scheme is cut from the file that holds both schemes)."""
        return _graph(self.name)


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary("ontology", f"{W3ID}/ontology", "ontology/lod.ttl", "ontology"),
    Vocabulary("verb", f"{W3ID}/vocab/verb", "ontology/verbs.ttl", "scheme"),
    Vocabulary("relation", f"{W3ID}/vocab/relation", "ontology/verbs.ttl", "scheme"),
    Vocabulary("shapes", f"{W3ID}/shapes", "shapes/lod-shapes.ttl", "shapes"),
)
BY_NAME: dict[str, Vocabulary] = {v.name: v for v in VOCABULARIES}
VERBS_TTL = ROOT / BY_NAME["verb"].source
"""The file of the verb and relation schemes (the lexicon's slugs, the labels, the relations)."""


@lru_cache(maxsize=None)
def _graph(name: str) -> Graph:
    vocabulary = BY_NAME[name]
    whole = _canonical(Graph().parse(ROOT / vocabulary.source))
    if vocabulary.kind != "scheme":
        return whole
    scheme = URIRef(vocabulary.iri)
    members = set(whole.subjects(SKOS.inScheme, scheme)) | {scheme}
    collections = {c for c in whole.subjects(RDF.type, SKOS.Collection)
                   if any(m in members for m in whole.objects(c, SKOS.member))}
    cut = Graph()
    for prefix, namespace in whole.namespaces():
        cut.bind(prefix, namespace)
    for subject in sorted(members | collections):
        for triple in sorted(whole.triples((subject, None, None))):
            cut.add(triple)
    return cut


def _canonical(g: Graph) -> Graph:
    """The graph with its blank nodes named from their content (RDF canonicalization) and its
    triples in order, so that every build writes every format byte-identically."""
    out = Graph()
    for prefix, namespace in g.namespaces():
        out.bind(prefix, namespace)
    for triple in sorted(to_canonical_graph(g)):  # inserted in order: rdflib's serializers keep it
        out.add(triple)
    return out


def concepts(vocabulary: Vocabulary) -> list[URIRef]:
    """The slash terms of a scheme: its concepts and collections, sorted."""
    g = vocabulary.graph()
    found = {s for s in g.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef)}
    found |= {s for s in g.subjects(RDF.type, SKOS.Collection) if isinstance(s, URIRef)}
    return sorted(found)


def vocabulary_of_path(path: str) -> tuple[Vocabulary, str | None] | None:
    """(vocabulary, term local name or None) for a server path under /vocab/ without suffix."""
    rest = path.removeprefix(f"/{VOCAB_FOLDER}/")
    name, _, term = rest.partition("/")
    vocabulary = BY_NAME.get(name)
    if vocabulary is None or (term and not vocabulary.slash_terms):
        return None
    return vocabulary, term or None


@lru_cache(maxsize=None)
def source_graph(source: str) -> Graph:
    """The file a vocabulary comes from, parsed once a process (verbs.ttl takes rdflib ~1 s:
    the parser's labels and lod.rdf.relations' relation table share it). Not to be changed."""
    return Graph().parse(ROOT / source)


@lru_cache(maxsize=None)
def scheme_labels(name: str = "verb") -> dict[str, dict[str, str]]:
    """Language tag → (label → local name of its concept) of a scheme's labels in the other
    official languages (skos:prefLabel, altLabel, hiddenLabel; English is the concepts' slugs).

    The parser reads the leading phrase of a French, Spanish, Russian, Arabic or Chinese
    paragraph by these (lod.parse.phrasebook) without knowing RDF; a label several concepts
    carry is kept for the first in IRI order (tests/test_verb_labels.py keeps them unique)."""
    vocabulary = BY_NAME[name]
    g = source_graph(vocabulary.source)
    out: dict[str, dict[str, str]] = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for concept, label in sorted(g.subject_objects(prop)):
            lang = getattr(label, "language", None)
            if isinstance(concept, URIRef) and concept.startswith(vocabulary.iri + "/") and lang and lang != "en":
                out.setdefault(lang, {}).setdefault(str(label), concept.removeprefix(vocabulary.iri + "/"))
    return out


# --- how labels are compared (the parser's phrasebook and the RDF stage's relation table) ---
LABEL_TRAILING = " ,،;؛:：，、"
"""Punctuation after a label that does not count ('Gardant à l’esprit,')."""


_AND_WHILE = "وإذ "
"""Arabic "and, while": every preambular paragraph but the first opens with it, the first with
"إذ" alone; the labels, learned from the many, carry it ("وإذ يشير" is "إذ يشير" too)."""


_GENDERED = ("ت", "ي")
"""Arabic verbs agree with their subject: the General Assembly (الجمعية, feminine) "تقرر", "تحث",
"وإذ تشير"; the Economic and Social Council, the Security Council, the Human Rights Council
(المجلس, masculine) "يقرر", "يحث", "وإذ يشير". The present tense's first letter is all that
differs, so the verb is compared in one form: a label learned from one body's texts reads the
others'."""


_HARAKAT = re.compile("[\u0640\u064B-\u0652\u0670]")
"""The Arabic tatweel and the marks of short vowels, nunation, doubling and the dagger alif, which
the texts print on some words and not on others ("علماً", "يسلِّم")."""


def fold(phrase: str) -> str:
    """How labels and texts are compared: case, apostrophes, spacing, the Arabic tatweel and
    short-vowel marks, trailing punctuation and the gender of an Arabic verb do not count ("Gardant
    à l’esprit," is "gardant à l'esprit"; "تقر" is "يقر"; "تحيط علماً", A/RES/75/12, is "تحيط علما")."""
    folded = " ".join(_HARAKAT.sub("", phrase.casefold().replace("’", "'")).split()).strip(LABEL_TRAILING)
    folded = folded[1:] if folded.startswith(_AND_WHILE) else folded
    words = folded.split(" ")
    verb = 1 if words[0] == _AND_WHILE[1:].strip() and len(words) > 1 else 0
    if words[verb][:1] == _GENDERED[0] and len(words[verb]) > 2:
        words[verb] = _GENDERED[1] + words[verb][1:]
        return " ".join(words)
    return folded


UNSPACED_TAGS = frozenset({"zh"})
"""Languages written without spaces between words: a label there is a prefix of characters."""


@lru_cache(maxsize=None)
def degree_prefixes(name: str = "verb") -> dict[str, tuple[str, ...]]:
    """Language tag → the characters an unspaced language writes before a phrase for "also",
    "further" ("又注意到" is "Noting also", "还决定" "Also decides"), learned from the scheme
    itself: a prefix that, put before one label, makes the label of a narrower concept of that
    label's (skos:broader), in at least two such pairs. A phrase of the texts made of such a
    prefix and a label the scheme lacks ("又呼吁") is read as a form of the label's concept, as
    "Further strongly condemns" is a form of "Condemns" (lod.quality.DEGREE_WORDS)."""
    vocabulary = BY_NAME[name]
    g = source_graph(vocabulary.source)
    labels = scheme_labels(name)
    out: dict[str, tuple[str, ...]] = {}
    for tag in sorted(UNSPACED_TAGS & set(labels)):
        concept_of = {fold(label): concept for label, concept in labels[tag].items()}
        pairs: dict[str, int] = {}
        for label, concept in concept_of.items():
            for k in (1, 2):
                head = concept_of.get(label[k:])
                if head and (URIRef(f"{vocabulary.iri}/{concept}"), SKOS.broader, URIRef(f"{vocabulary.iri}/{head}")) in g:
                    pairs[label[:k]] = pairs.get(label[:k], 0) + 1
        out[tag] = tuple(sorted((p for p, n in pairs.items() if n >= 2), key=len, reverse=True))
    return out


DEGREE_CHARACTERS: dict[str, tuple[str, ...]] = {
    "zh": ("最强烈地", "在这方面", "在此方面", "进一步", "再一次", "再次", "再度", "大力", "依然", "仍然", "坚决", "强烈"),
}
"""What an unspaced language writes before a phrase for the English degree words (lod.quality.
DEGREE_WORDS: "again", "once again", "in this regard", "further", "strongly", "still", "firmly",
"most strongly"), which change no verb's meaning: "再次促请" is "Again urges", a form of "促请"
(Urges), as "Calls once again upon" is of "Calls upon". The scheme's own pairs teach only "又" and
"还" (`degree_prefixes`); these words stand before a label in the texts of ../shared and the UN's
other files, which print "再次敦促", "大力鼓励", "在这方面强调", "依然欢迎"."""


def reading_prefixes(tag: str, name: str = "verb") -> tuple[str, ...]:
    """Every prefix a phrase of language `tag` may carry before a label: the scheme's and the
    degree words', longest first."""
    found = {*degree_prefixes(name).get(tag, ()), *DEGREE_CHARACTERS.get(tag, ())}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def without_degree_prefix(phrase: str, tag: str, name: str = "verb") -> str | None:
    """The phrase without the degree prefix it opens with ("又呼吁" → "呼吁"), or None."""
    for prefix in reading_prefixes(tag, name):
        if phrase.startswith(prefix) and len(phrase) > len(prefix):
            return phrase[len(prefix):]
    return None
