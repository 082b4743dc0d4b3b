"""The verb scheme's labels in the other five official languages hold against the UN's aligned
texts: each label is how the French, Spanish, Russian, Arabic or Chinese version of a resolution
opens paragraphs whose English version opens with that concept's phrase (not a translation we
made). They were derived by tools/derive_verb_labels.py and reviewed."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from corpora import ABSENT, REAL, ROOT
from lod.model import Resolution
from lod.rdf import WorkRegistry, map_resolution
from lod.rdf.namespaces import RELATION, UNRES, VERB
from lod.vocabulary import fold
from lod.rdf.relations import phrase_concept

AKN = REAL / "ga-akn"
needs_akn = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@cache
def _tool():  # type: ignore[no-untyped-def]
    """The derivation tool, loaded once: it reads ../shared's AKN files once a process, not once a test."""
    return _load("derive_verb_labels")


def recorded() -> Counter[tuple[str, str, str]]:
    """(concept, language tag, phrase) → the aligned paragraphs ontology/verb-label-evidence.tsv
    records for the labels learned from the five other languages of resolutions whose English
    version ../shared keeps, but whose other versions it does not (tools/verb_label_evidence.py)."""
    return Counter((str(VERB[r["concept"]]), r["language"], r["phrase"]) for r in _load("verb_label_evidence").read())


@pytest.fixture(scope="module")
def seen() -> Counter[tuple[str, str, str]]:
    if not AKN.is_dir():
        raise FileNotFoundError(AKN)
    return _tool().aligned(AKN)


def labels() -> list[tuple[URIRef, Literal, URIRef]]:
    g = Graph().parse(ROOT / "ontology" / "verbs.ttl")
    return [(s, o, p) for p in (SKOS.prefLabel, SKOS.altLabel) for s, o in g.subject_objects(p)
            if isinstance(o, Literal) and o.language and o.language != "en" and str(s).startswith(str(VERB))]


def relation_labels() -> list[tuple[URIRef, Literal, URIRef]]:
    g = Graph().parse(ROOT / "ontology" / "verbs.ttl")
    return [(s, o, p) for p in (SKOS.prefLabel, SKOS.altLabel) for s, o in g.subject_objects(p)
            if isinstance(o, Literal) and o.language and o.language != "en" and str(s).startswith(str(RELATION))]


def test_the_scheme_has_labels_in_the_five_other_languages() -> None:
    by_lang = Counter(label.language for _, label, _ in labels())
    assert set(by_lang) == {"fr", "es", "ru", "ar", "zh"} and min(by_lang.values()) >= 20, by_lang


@pytest.fixture(scope="module")
def openings():  # type: ignore[no-untyped-def]
    if not AKN.is_dir():
        raise FileNotFoundError(AKN)
    return _tool().aligned_openings(AKN)


@needs_akn
def test_every_label_is_what_the_aligned_texts_print(seen: Counter[tuple[str, str, str]], openings) -> None:  # type: ignore[no-untyped-def]
    """Each label is the phrase the reader finds (italics, or the longest label) or the words the
    other version opens with, in at least MIN_SEEN paragraphs whose English opens with the concept,
    or a phrase that renders the concept in more than half the aligned paragraphs it opens (and in
    PRECISE_SEEN of them: `--precise`)."""
    tool = _tool()
    record = recorded()
    unsupported = [(str(c).removeprefix(str(VERB)), str(label), label.language) for c, label, _ in labels()
                   if seen[(str(c), label.language, str(label))] < tool.MIN_SEEN
                   and openings.seen[(str(c), label.language, fold(str(label)))] < tool.MIN_SEEN
                   and not tool.renders(seen, str(c), label.language, str(label))
                   and record[(str(c), label.language, str(label))] < tool.MIN_SEEN
                   and not tool.renders(record, str(c), label.language, str(label))]
    assert unsupported == []


@needs_akn
def test_the_recorded_evidence_is_what_the_english_texts_of_shared_say() -> None:
    """Each row of ontology/verb-label-evidence.tsv names a paragraph of a resolution whose English
    version ../shared keeps: that paragraph opens there with a phrase of the row's concept (the
    other version's file is not in ../shared, so its side of the row is the record's word)."""
    tool = _tool()
    rows = _load("verb_label_evidence").read()
    assert rows, "no recorded evidence"
    english = {symbol: tool.leading_phrases(versions["eng"])
               for symbol, versions in tool.works(AKN).items() if "eng" in versions}
    wrong = [(r["symbol"], r["eid"], r["concept"]) for r in rows
             if r["symbol"] in english
             and phrase_concept(english[r["symbol"]].get(r["eid"]), "eng") != VERB[r["concept"]]]
    assert wrong == []
    assert sum(r["symbol"] in english for r in rows) == len(rows)  # every English side checked


@needs_akn
def test_labels_from_openings_read_chinese_operative_paragraphs(seen: Counter[tuple[str, str, str]]) -> None:
    """Chinese prints no italics: its operative paragraphs are read by the labels learned from the
    words they open with, so the aligned paragraphs of "Decides" read "决定"."""
    assert seen[(str(VERB["decides"]), "zh", "决定")] >= 10
    assert seen[(str(VERB["requests"]), "zh", "请")] >= 10
    assert seen[(str(VERB["recalling"]), "ru", "ссылаясь на")] >= 10


def test_a_phrase_names_one_concept_and_a_concept_has_one_preferred_label() -> None:
    found = labels()
    phrases = Counter((label.language, str(label)) for _, label, _ in found)
    assert [k for k, n in phrases.items() if n > 1] == []
    preferred = Counter((c, label.language) for c, label, p in found if p == SKOS.prefLabel)
    assert [k for k, n in preferred.items() if n > 1] == []


def test_a_french_leading_phrase_maps_to_the_concept_of_its_english_paragraph() -> None:
    assert phrase_concept("Rappelant", "fra") == VERB["recalling"]
    assert phrase_concept("Recordando también", "spa") == VERB["recalling-also"]
    assert phrase_concept("Rappelant avec une pointe d'ironie", "fra") is None  # no label: no concept


@needs_akn
def test_the_mapping_links_a_french_paragraph_to_the_verb_concept() -> None:
    from lod.parse import parse_file

    folder = AKN / "GAresolutions-main" / "78session" / "French"
    res: Resolution = parse_file(sorted(folder.glob("A_RES_78_6*.xml"))[0])
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    g = map_resolution(res, registry, "http://lod.test").graph()
    first = URIRef("http://lod.test/akn/un/statement/deliberation/un-ga/2023-11-01/78-6/!main#preamble__para_1")
    assert res.preamble[0].verb == "Rappelant"
    assert (first, UNRES.action, VERB["recalling"]) in g


def test_the_relation_scheme_has_labels_in_the_five_other_languages() -> None:
    found = relation_labels()
    by_lang = Counter(label.language for _, label, _ in found)
    assert set(by_lang) == {"fr", "es", "ru", "ar", "zh"}, by_lang
    labelled = {c for c, _, _ in found}
    for lemma in ("recall", "reaffirm", "welcome", "take-note"):  # the relations citations express most
        assert RELATION[lemma] in labelled, lemma
    preferred = Counter((c, label.language) for c, label, p in found if p == SKOS.prefLabel)
    assert [k for k, n in preferred.items() if n > 1] == []


@needs_akn
def test_every_relation_label_is_what_the_aligned_texts_print_for_it(seen: Counter[tuple[str, str, str]], openings) -> None:  # type: ignore[no-untyped-def]
    """A relation's label in a language is printed, in at least MIN_SEEN aligned paragraphs, where
    the English paragraph opens with a head phrase of that relation ("Rappelant" where "Recalling")."""
    tool = _tool()
    counted, opened = tool.by_relation(seen), tool.by_relation(openings.seen)
    unsupported = [(str(c), str(label), label.language) for c, label, _ in relation_labels()
                   if counted[(str(c), label.language, str(label))] < tool.MIN_SEEN
                   and opened[(str(c), label.language, fold(str(label)))] < tool.MIN_SEEN]
    assert unsupported == []
    assert counted[(str(RELATION["recall"]), "fr", "Rappelant")] >= 20


def test_relation_labels_do_not_turn_phrases_into_relations() -> None:
    assert phrase_concept("Rappelant", "fra") == VERB["recalling"]  # the verb concept, never relation:recall


@needs_akn
def test_lod_check_reads_a_french_phrase_by_the_schemes_french_labels() -> None:
    """ "Rappelant" is in the lexicon in a French text (the scheme labels it), though the English
    lexicon's slugs do not know it; a phrase the scheme has no French label for is a finding."""
    from lod.parse import parse_file
    from lod.quality import findings, labelled

    res = parse_file(sorted((AKN / "GAresolutions-main" / "78session" / "French").glob("A_RES_78_6*.xml"))[0])
    flagged = {f.location for f in findings(res) if f.code == "verb-not-in-lexicon"}
    assert res.preamble[0].verb == "Rappelant" and res.preamble[0].eid not in flagged
    assert labelled("Rappelant également", "fra") and labelled("重申其", "zho")  # a labelled phrase, extended
    assert not labelled("Rappelant", "spa") and not labelled("Welcomes", "fra")  # labels are per language


def test_a_phrase_that_renders_one_concept_labels_it_though_the_concept_is_printed_many_ways() -> None:
    """"Recognizes" is printed six ways in the French texts; "Est conscient" renders it in 9 of the
    10 aligned paragraphs it opens (tools/derive_verb_labels.py --precise), the Arabic "تقرر" (the
    feminine of the General Assembly) is "Decides". "Considère", which these texts also print for
    "Recognizes", was turned down in review: it is the word of "Considers"."""
    assert phrase_concept("Est conscient", "fra") == VERB["recognizes"]
    assert phrase_concept("تقرر", "ara") == VERB["decides"]
    assert phrase_concept("Considère", "fra") is None
    assert ("fr", "Considère") in _tool().REVIEWED_OUT


@needs_akn
def test_a_phrase_of_two_or_three_aligned_paragraphs_labels_the_concept_it_renders_in_most(
        seen: Counter[tuple[str, str, str]]) -> None:
    """"Reconnaissant" renders "Recognizing" in 3 of the 5 aligned paragraphs it opens (the other
    two say "Acknowledging"), the Arabic "تهيب" (the General Assembly "calls upon") "Calls upon" in
    5 of 5: more than half, so it labels that concept. "Appréciant" renders "Recognizing" in both
    its paragraphs, but means "Appreciating": the review turned it down."""
    tool = _tool()
    assert tool.renders(seen, str(VERB["recognizing"]), "fr", "Reconnaissant")
    assert not tool.renders(seen, str(VERB["acknowledging"]), "fr", "Reconnaissant")
    assert phrase_concept("Reconnaissant", "fra") == VERB["recognizing"]
    assert phrase_concept("تهيب", "ara") == VERB["calls-upon"]
    assert phrase_concept("Poniendo de relieve", "spa") == VERB["emphasizing"]
    assert tool.renders(seen, str(VERB["recognizing"]), "fr", "Appréciant")
    assert phrase_concept("Appréciant", "fra") is None and ("fr", "Appréciant") in tool.REVIEWED_OUT


def test_chinese_degree_prefixes_are_learned_from_the_scheme_and_read_before_a_label() -> None:
    """The scheme's own labels pair "又注意到" (Noting also) with "注意到" (Noting) and "还决定" with
    "决定": "又" and "还" say "also". E/RES/2022/10 paragraph 39 opens "又敦促会员国加强努力" (Also urges
    Member States …): the phrase is "又敦促", a form of "敦促" (Urges), as "Further urges" is of "Urges"."""
    from lod.parse.phrasebook import leading_label
    from lod.vocabulary import degree_prefixes

    assert set(degree_prefixes()["zh"]) == {"又", "还"}
    assert leading_label("又敦促会员国加强努力，确保人道主义人员", "zho") == "又敦促"
    assert phrase_concept("又敦促", "zho") == phrase_concept("敦促", "zho") == VERB["urges"]
    assert phrase_concept("又", "zho") is None


def test_chinese_degree_words_before_a_label_change_no_concept() -> None:
    """What the Chinese texts of ../shared print before a label for "again", "strongly", "in this
    regard", "still" (E/RES/2022 and A/RES/78 files: "再次促请所有国家 …", "大力鼓励各国政府 …",
    "在这方面强调 …", "依然欢迎2013年 …") leaves the label's concept, as "Calls once again upon" is
    "Calls upon"; a phrase the scheme has no label for after them ("最强烈地谴责", Condemns in the
    strongest terms) stays without one."""
    from lod.parse.phrasebook import leading_label

    assert leading_label("再次促请所有国家按照其根据《联合国宪章》", "zho") == "再次促请"
    assert phrase_concept("再次促请", "zho") == phrase_concept("促请", "zho") is not None
    assert phrase_concept("大力鼓励", "zho") == phrase_concept("鼓励", "zho") is not None
    assert phrase_concept("在这方面强调", "zho") == phrase_concept("强调", "zho") is not None
    assert phrase_concept("依然欢迎", "zho") == phrase_concept("欢迎", "zho") is not None
    assert leading_label("最强烈地谴责针对人道主义人员", "zho") is None
    assert leading_label("再次", "zho") is None


def test_an_arabic_verb_reads_in_either_gender() -> None:
    """The General Assembly's Arabic texts write its verbs feminine ("تقر", "وإذ تشير": the
    Assembly, الجمعية), the Councils' masculine ("يقر", "وإذ يشير"); the scheme's label, learned
    from one body's texts, reads the other's (A/RES/75/2 paragraph 5 opens "تقر بأن …")."""
    from lod.vocabulary import fold

    assert fold("تقر") == fold("يقر") and fold("وإذ تشير أيضا") == fold("إذ يشير أيضا")
    assert fold("تم") == "تم"  # a word of two letters is no verb of the present tense
    assert phrase_concept("تقر", "ara") == phrase_concept("يقر", "ara") == VERB["acknowledges"]
    assert phrase_concept("وإذ تشير", "ara") == phrase_concept("وإذ يشير", "ara") == VERB["recalling"]
