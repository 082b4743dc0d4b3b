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

    python tools/derive_verb_labels.py ../shared/corpus/real/ga-akn --openings

learns labels from the words the other version opens the aligned paragraph with, whatever its
reader found: Chinese and most Russian files print no italics, so until the scheme has labels
in them their reader finds no phrase to align (`opening_labels`: an opening of MIN_SEEN and
MIN_SHARE of a concept's paragraphs and DISTINCT of all that open so, grown while EXTEND go on
alike). It prints only labels the scheme does not have, without the openings REVIEWED_OUT.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lod.model import Resolution
from lod.parse import ParseError, parse_file
from lod.languages import OFFICIAL
from lod.parse.phrasebook import UNSPACED, fold
from lod.parse.verbs import bare_verb_phrase
from rdflib import Graph
from rdflib.namespace import SKOS

from lod.rdf.namespaces import RELATION, UNRES, VERB, language_tag
from lod.rdf.relations import phrase_concept
from lod.vocabulary import VERBS_TTL

OTHER_LANGUAGES = {code: tag for code, tag in OFFICIAL.items() if code != "eng"}
"""The five languages whose phrases are learned (ISO 639-2 → the tag their labels carry)."""
MIN_SEEN = 3
MIN_SHARE = 0.3
PRECISE_SEEN = 2
"""`--precise`: a phrase that renders one concept in more than half of all the aligned paragraphs
it opens, and in at least this many, labels it, whatever its share of that concept's paragraphs:
"Recognizes" is printed six ways in the French texts, so no French phrase reaches MIN_SHARE of
it, yet "Est conscient" renders it in 9 of the 10 aligned paragraphs it opens, "Reconnaissant"
"Recognizing" in 3 of 5. Two paragraphs are enough evidence because each label is reviewed
(REVIEWED_OUT keeps what the review turned down)."""


def renders(seen: Counter[tuple[str, str, str]], concept: str, tag: str, phrase: str) -> bool:
    """Whether `phrase` renders `concept` in more than half of the aligned paragraphs it opens in
    language `tag`, and in at least PRECISE_SEEN of them (the `--precise` rule). The paragraphs
    of the concept's narrower forms count for it: "A conscience" opens paragraphs whose English
    says "Recognizes", "Also recognizes", "Further recognizes" (the French says "également" later)."""
    family = forms_of(concept)
    n = sum(m for (c, t, p), m in seen.items() if t == tag and p == phrase and (c in family or also_form(c, concept)))
    opened = sum(m for (_, t, p), m in seen.items() if t == tag and p == phrase)
    return n >= PRECISE_SEEN and 2 * n > opened


def also_form(concept: str, of: str) -> bool:
    """Whether `concept` is `of` said again ("Strongly condemning also", "Further decides"),
    though the scheme has no concept of that form to say so."""
    slug, head = concept.removeprefix(str(VERB)), of.removeprefix(str(VERB))
    return slug in {f"{head}-also", f"{head}-further", f"also-{head}", f"further-{head}"}


@lru_cache(maxsize=1)
def _broader() -> dict[str, str]:
    """Narrower concept → its skos:broader, from ontology/verbs.ttl (read once a run)."""
    return {str(s): str(o) for s, o in Graph().parse(VERBS_TTL).subject_objects(SKOS.broader)}


@lru_cache(maxsize=None)
def forms_of(concept: str) -> frozenset[str]:
    """The concept and every concept narrower than it in the verb scheme (its forms)."""
    out = {concept}
    for narrower in _broader():
        broader = _broader().get(narrower)
        while broader is not None and broader not in out:
            broader = _broader().get(broader)
        if broader is not None:
            out.add(narrower)
    return frozenset(out)


EXTEND = 0.8
"""An opening grows by a word (a character in Chinese) while that word follows it in at least
this share of its paragraphs: "Prie le Secrétaire général" when nearly every "Prie" of the
concept goes on so, "Décide" when what follows varies (the object, never part of the phrase)."""
REVIEWED_OUT = frozenset({
    # a repeated object, not the verb's words: the same resolution adopted year after year
    ("fr", "Adopte la déclaration politique"), ("es", "Aprueba la declaración política de la"),
    ("ar", "تعتمد الإعلان السياسي للاجتماع الرفيع المستوى"), ("zh", "通过本决议附件所载"),
    ("ru", "рекомендует Генеральной Ассамблее принять следующий проект"), ("fr", "Engage les États"),
    ("fr", "Réaffirme qu’il importe"), ("zh", "重申必须"), ("fr", "Réaffirmant également les"), ("fr", "Exhorte les"),
    # the conjunction or preposition the object opens with
    ("es", "Pide que se"), ("es", "Reconociendo que"), ("fr", "Conscient que"), ("ar", "يسلّم أيضا بأن"),
    ("ar", "يوصي بأن"), ("es", "Observa con preocupación que"), ("es", "Observando con gran preocupación que"),
    ("es", "Expresando profunda preocupación por"), ("es", "Gravemente preocupado por"),
    # "having", "again", "its": a word of many phrases, not of this one
    ("ar", "وقد"), ("ru", "вновь"), ("es", "Expresando su"),
    # --precise: the word of another concept of the scheme ("Considère" is "Considers", "Constate"
    # "Notes"), though these texts print it where the English says "Recognizes"
    ("fr", "Considère"), ("fr", "Estime"), ("fr", "Constate"), ("ru", "считает"), ("ru", "считая"),
    ("fr", "Estimant"), ("fr", "Constate également"), ("ru", "констатируя"), ("ru", "считает необходимым"),
    # --precise, two or three paragraphs: a phrase of another sense than the English one it renders
    # there ("Appréciant" for "Recognizing", "призывая" and "рекомендуя" for "Encouraging"), or the
    # phrase of a concept the scheme has ("Constatant avec une vive préoccupation" is "Noting with
    # deep concern", printed where the English says "Expressing its deep concern")
    ("fr", "Appréciant"), ("ru", "призывая"), ("ru", "рекомендуя"), ("fr", "Constatant avec une vive préoccupation"),
    ("fr", "Constatant"), ("fr", "Consciente"), ("fr", "Sachant"), ("fr", "Estimant également"),
    # --precise: a Chinese phrase the preamble and the operative part print alike ("指出" opens as
    # many paragraphs of "Notes" as of "Noting"), so it names neither
    ("zh", "指出"), ("zh", "赞赏地注意到"), ("zh", "极为关切地注意到"),
    # --precise: a phrase that is a majority only while it is no label ("Appelle", "Accueille avec
    # satisfaction": labelled, the reader reads it where it opens "Appelle l’attention", "Accueille
    # avec satisfaction et engage" too, and it renders its concept in 2 of 4)
    ("fr", "Appelle"), ("fr", "Accueille avec satisfaction"),
    # with the other versions of ECOSOC 2021 (tools/verb_label_evidence.py): the word of another
    # concept ("Déclarant" is "Declaring", "Vivement préoccupé" "Deeply concerned", "Convient"
    # "Agrees", "Ayant conscience" "Aware", "Remercie" "Thanks", "يدرك" "Realizing", "坚信"
    # "Convinced"), or a Chinese phrase the preamble and the operative part print alike
    ("fr", "Déclarant"), ("fr", "Considère également"), ("fr", "Estime également"), ("fr", "Vivement préoccupé"),
    ("fr", "Convient"), ("fr", "Ayant conscience"), ("fr", "Remercie"), ("ar", "يدرك"), ("zh", "坚信"),
    ("zh", "表示赞赏"), ("zh", "赞扬"), ("zh", "感到欣慰的是"), ("fr", "Constatant également"), ("ru", "считая также"),
    ("ru", "с глубокой озабоченностью отмечая"),
    # --openings: the object or the preposition it opens with, not the phrase
    ("fr", "Engage également les États Membres à"), ("ar", "تشجع أيضا الدول الأعضاء"), ("es", "Alienta también a"),
    ("es", "Destaca también la necesidad de"), ("fr", "Prenant note avec"), ("fr", "Encourage les"), ("es", "Destaca la"),
    # with the other versions of ECOSOC 2023: another sense than the English it renders there
    # ("Préconisant" advocates, "считая важным" considers important, "Apprécie" appreciates,
    # "вновь обращает внимание" draws attention again), the phrase of another concept ("Réitérant"
    # and "وإذ يعيد التأكيد" are "Reiterating" and "Reaffirming" where the English says the other),
    # two phrases in one ("Accueille avec satisfaction et demande instamment"), a phrase that
    # renders two concepts as often ("Exprime sa gratitude": "Expresses its gratitude" and
    # "Expresses its appreciation", two paragraphs each), a satisfaction the concept lacks
    ("fr", "Préconisant"), ("ru", "считая важным"), ("fr", "Apprécie"), ("ru", "вновь обращает внимание"),
    ("fr", "Réitérant"), ("ar", "وإذ يعيد التأكيد"), ("fr", "Accueille avec satisfaction et demande instamment"),
    ("fr", "Exprime sa gratitude"), ("ru", "с удовлетворением принимая к сведению"),
    # with 50 more files of session 77: "Sachant" turned down before ("Knowing", not "Recognizing"),
    # "констатирует" states, not "Acknowledges"; "Expresa su preocupación" is "Expresses concern"
    ("fr", "Sachant également"), ("fr", "Sachant en outre"), ("ru", "констатирует"), ("es", "Expresa su preocupación"),
    # labels of an earlier round taken back: the new texts print them as often for another concept
    # ("Engageant" for "Urging" and "Encouraging", "Expresa reconocimiento" for "Acknowledges")
    ("fr", "Engageant"), ("es", "Expresa reconocimiento"),
})
"""Openings the review of `--openings` turned down (tests/test_verb_labels.py holds the rest)."""
MAX_UNITS = {"zh": 10}
"""The longest opening compared: words, or characters in Chinese."""


def leading_phrases(res: Resolution) -> dict[str, str]:
    """eId → leading phrase of every paragraph that has one; not a declaration's ("We commit",
    "Reaffirm the right of …" in the first person): the scheme's labels render a resolution's
    phrases, and a declaration's paragraphs are translated in other words."""
    out = {p.eid: p.verb for p in res.preamble if p.verb}
    for paras in [res.operative, *(a.paragraphs for a in res.annexes)]:
        out.update({p.eid: p.verb for p in paras if p.verb and not _declaration(p.verb, p.intro or p.text)})
    return out


def _declaration(phrase: str, text: str) -> bool:
    return phrase.startswith(("We ", "I ")) or bare_verb_phrase(text) == phrase


_WORKS: dict[Path, dict[str, dict[str, Resolution]]] = {}


def works(corpus: Path) -> dict[str, dict[str, Resolution]]:
    """symbol → language → the resolution, for every file of the corpus (read once a run)."""
    if corpus not in _WORKS:
        found: dict[str, dict[str, Resolution]] = defaultdict(dict)
        for path in sorted(corpus.rglob("*.xml")):
            if not path.is_file():
                continue
            try:
                res = parse_file(path)
            except ParseError:
                continue
            if res.symbol and res.language:
                found[res.symbol][res.language] = res
        _WORKS[corpus] = found
    return _WORKS[corpus]


@dataclass(frozen=True)
class Alignment:
    """One aligned paragraph: the other version's leading phrase where the English one names `concept`."""

    symbol: str
    eid: str
    concept: str
    tag: str
    phrase: str


def alignments(found: dict[str, dict[str, Resolution]]) -> Iterator[Alignment]:
    """Every paragraph of a non-English version whose English paragraph (same symbol, same eId)
    opens with a phrase of the scheme."""
    for symbol, versions in sorted(found.items()):
        english = versions.get("eng")
        if english is None or len(versions) < 2:
            continue
        english_phrases = leading_phrases(english)
        for lang, res in sorted(versions.items()):
            if lang == "eng":
                continue
            for eid, phrase in leading_phrases(res).items():
                concept = phrase_concept(english_phrases.get(eid), "eng")
                if concept is not None:
                    yield Alignment(symbol, eid, str(concept), language_tag(lang), " ".join(phrase.split()).strip(" ,،"))


def aligned(corpus: Path) -> Counter[tuple[str, str, str]]:
    """(concept, language tag, phrase) → how many aligned paragraphs show it."""
    return Counter((a.concept, a.tag, a.phrase) for a in alignments(works(corpus)))


def paragraph_texts(res: Resolution) -> dict[str, str]:
    """eId → the words of every preambular and operative paragraph (annexes included)."""
    out = {p.eid: p.text for p in res.preamble}
    for paras in [res.operative, *(a.paragraphs for a in res.annexes)]:
        out.update({p.eid: p.intro or p.text for p in paras})
    return out


_STOP = re.compile(r"[,،;؛:：，、；。(（]")
_NUMBERING = re.compile(r"^[\s*_\"'“”«»(\[]*(?:[(\[]?[0-9０-９٠-٩]+[.)．、\]]\s*)?")


def openings(text: str, tag: str) -> list[str]:
    """The prefixes of a paragraph's opening, a word (a character in Chinese) longer each, up
    to the first punctuation (a leading phrase never runs over a comma)."""
    rest = text[_NUMBERING.match(text).end():]  # type: ignore[union-attr]
    head = _STOP.split(rest, 1)[0]
    if tag in UNSPACED:
        head = "".join(head.split())[: MAX_UNITS.get(tag, 10)]
        return [head[:n] for n in range(1, len(head) + 1)]
    words = head.split()[:6]
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


DISTINCT = 0.25
"""An opening is a label of a concept only when at least this share of all the aligned paragraphs
that open with it are that concept's: "وإذ" ("and, while") and "又" ("also") open paragraphs
of every concept and are read on ("وإذ يشير", "又决定")."""


@dataclass
class Openings:
    """What the other versions open the paragraphs of each English concept with."""

    seen: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(concept, language tag, folded opening) → aligned paragraphs opening so."""
    totals: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(concept, tag) → aligned paragraphs."""
    anywhere: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(tag, folded opening) → aligned paragraphs of any concept opening so."""
    printed: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """(tag, folded opening) → how the texts print it ("Décide", "DÉCIDE")."""

    def add(self, concept: str, tag: str, text: str) -> None:
        self.totals[(concept, tag)] += 1
        for prefix in openings(text, tag):
            key = fold(prefix)
            self.seen[(concept, tag, key)] += 1
            self.anywhere[(tag, key)] += 1
            self.printed[(tag, key)][prefix] += 1


def aligned_openings(corpus: Path) -> Openings:
    """The openings of the other versions' paragraphs, whatever their reader found as the
    phrase (Chinese and Russian texts mostly print no italics)."""
    found = Openings()
    for versions in works(corpus).values():
        english = versions.get("eng")
        if english is None:
            continue
        concepts = {eid: phrase_concept(phrase, "eng") for eid, phrase in leading_phrases(english).items()}
        for lang, res in versions.items():
            tag = OTHER_LANGUAGES.get(lang)
            for eid, text in paragraph_texts(res).items() if tag else ():
                concept = concepts.get(eid)
                if concept is not None:
                    found.add(str(concept), tag or "", text)
    return found


def opening_labels(found: Openings) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(concept, tag) → its labels, as printed: an opening of at least MIN_SEEN and MIN_SHARE of
    the concept's aligned paragraphs and DISTINCT of all that open with it, grown while EXTEND
    of them go on with the same word; a label two concepts share is the one's that prints it most."""
    following: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
    for (concept, tag, prefix), n in found.seen.items():
        shorter = prefix[:-1] if tag in UNSPACED else prefix.rpartition(" ")[0]
        following[(concept, tag, shorter)].append((prefix, n))

    def frequent(concept: str, tag: str, prefix: str, n: int) -> bool:
        return n >= MIN_SEEN and n / found.totals[(concept, tag)] >= MIN_SHARE

    grown: list[tuple[int, str, str, str]] = []

    def walk(concept: str, tag: str, prefix: str, n: int) -> None:
        if n / found.anywhere[(tag, prefix)] < DISTINCT:
            for longer, m in following.get((concept, tag, prefix), []):
                if frequent(concept, tag, longer, m):
                    walk(concept, tag, longer, m)
            return
        while True:
            longer = max(following.get((concept, tag, prefix), []), key=lambda kv: kv[1], default=None)
            if longer is None or longer[1] < EXTEND * n:
                break
            prefix, n = longer
        grown.append((n, concept, tag, prefix))

    for (concept, tag, shorter), longer in list(following.items()):
        if shorter == "":
            for prefix, n in longer:
                if frequent(concept, tag, prefix, n):
                    walk(concept, tag, prefix, n)
    out: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    claimed: set[tuple[str, str]] = set()
    for n, concept, tag, prefix in sorted(grown, key=lambda t: (-t[0], t[1:])):
        if (tag, prefix) not in claimed:
            claimed.add((tag, prefix))
            out[(concept, tag)].append((found.printed[(tag, prefix)].most_common(1)[0][0], n))
    return out


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


def new_opening_labels(corpus: Path) -> list[str]:
    """The lines of the labels `opening_labels` finds that the scheme does not have yet: a
    phrase another concept already carries in that language stays that concept's, and a
    concept that has a preferred label in that language gets alternative ones."""
    g = Graph().parse(VERBS_TTL)
    preferred = {(str(s), o.language) for s, o in g.subject_objects(SKOS.prefLabel) if getattr(o, "language", None)}
    taken = {(o.language, fold(str(o))) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
             for s, o in g.subject_objects(p) if str(s).startswith(str(VERB)) and getattr(o, "language", None)}
    lines = []
    for (concept, tag), phrases in sorted(opening_labels(aligned_openings(corpus)).items()):
        for phrase, n in phrases:
            if (tag, fold(phrase)) in taken or (tag, phrase) in REVIEWED_OUT:
                continue
            taken.add((tag, fold(phrase)))
            prop = "skos:altLabel" if (concept, tag) in preferred else "skos:prefLabel"
            preferred.add((concept, tag))
            escaped = phrase.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'verb:{concept.removeprefix(str(VERB))} {prop} "{escaped}"@{tag} .  # opens {n} aligned paragraphs')
    return lines


def precise_labels(seen: Counter[tuple[str, str, str]]) -> list[str]:
    """Labels the scheme does not have, of phrases that render one concept (`renders`), without
    the ones the review turned down (REVIEWED_OUT)."""
    languages: dict[str, str] = {}
    for code, tag in OTHER_LANGUAGES.items():
        languages.setdefault(tag, code)
    by_phrase: Counter[tuple[str, str]] = Counter()
    for (_, tag, phrase), n in seen.items():
        by_phrase[(tag, phrase)] += n
    lines = []
    for (concept, tag, phrase), n in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        if ((tag, phrase) in REVIEWED_OUT or phrase_concept(phrase, languages[tag]) is not None
                or not renders(seen, concept, tag, phrase)):
            continue
        escaped = phrase.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'verb:{concept.removeprefix(str(VERB))} skos:altLabel "{escaped}"@{tag} .  '
                     f'# {n} of the {by_phrase[(tag, phrase)]} aligned paragraphs it opens')
    return lines


def main(corpus: str, relations: bool = False, opening: bool = False, precise: bool = False) -> None:
    if precise:
        print("# --- labels of phrases that render one concept though the concept is printed many ways")
        print("# --- (tools/derive_verb_labels.py --precise), reviewed")
        print("\n".join(precise_labels(aligned(Path(corpus)))))
        return
    if opening:
        print("# --- labels from the words the other versions open aligned paragraphs with (tools/derive_verb_labels.py")
        print("# --- --openings), for the texts that print no italics; reviewed")
        print("\n".join(new_opening_labels(Path(corpus))))
        return
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
    main(args[0] if args else "../shared/corpus/real/ga-akn", relations="--relations" in sys.argv,
         opening="--openings" in sys.argv, precise="--precise" in sys.argv)
