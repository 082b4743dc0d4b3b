"""The treaty table (lod/data/treaties.csv, lod/data/treaty_names.csv) and the treaty names found in running text."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from lod.parse import parse_file
from lod.parse.treaty_mentions import find_treaty_mentions
from lod.treaties import TREATY_NAMES_CSV, all_treaties, by_citation, by_key, by_unts, is_wikidata_iri, protocols_of

from corpora import ABSENT, CORPUS, REAL  # noqa: E402

AKN = REAL / "ga-akn"
needs_akn = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)
UNTS_FOOTNOTE = re.compile(r"vols?\.\s+(?P<vols>[\d,\sand]+?),\s+No\.\s+(?P<no>\d+)")


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def corpus_unts_citations() -> list[tuple[str, list[str]]]:
    """Every "vol(s). …, No. …" printed in the text corpus, as (number, volumes)."""
    found = []
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        for m in UNTS_FOOTNOTE.finditer(path.read_text(encoding="utf-8")):
            found.append((m.group("no"), re.findall(r"\d+", m.group("vols"))))
    return found


# -- the table ---------------------------------------------------------------------------------


def test_keys_are_unique_and_principal_numbers_are_unique() -> None:
    treaties = all_treaties()
    keys = [t.key for t in treaties]
    assert len(keys) == len(set(keys))
    principal = [t.unts_number for t in treaties if t.parent is None]
    assert len(principal) == len(set(principal)), "two principal instruments share a registration number"


def test_protocols_point_to_an_existing_parent_registered_under_the_same_number() -> None:
    for treaty in all_treaties():
        if treaty.parent is None:
            assert treaty.key == treaty.unts_number
            continue
        parent = by_key(treaty.parent)
        assert parent is not None, treaty.key
        assert parent.parent is None, f"{treaty.key}: protocols hang off principal instruments"
        assert treaty.unts_number == parent.unts_number
        assert treaty.key.startswith(parent.key + "-")


def test_volumes_identify_one_instrument_within_a_registration_number() -> None:
    seen: dict[tuple[str, str], str] = {}
    for treaty in all_treaties():
        for volume in treaty.volumes:
            assert volume.isdigit()
            other = seen.setdefault((treaty.unts_number, volume), treaty.key)
            # the only sharing allowed: a covenant and an optional protocol printed in one volume
            assert other == treaty.key or by_key(other).parent is None or treaty.parent is None


def test_cells_are_well_formed() -> None:
    for treaty in all_treaties():
        assert treaty.unts_number.isdigit() and not treaty.unts_number.startswith("0")
        assert treaty.title and treaty.names[0] == treaty.title
        assert treaty.verified in ("corpus", "real", "search", "no")
        if treaty.adopted:
            assert date.fromisoformat(treaty.adopted).year >= 1945
        if treaty.wikidata:
            assert is_wikidata_iri(treaty.wikidata), treaty.wikidata


def test_wikidata_iri_check_rejects_malformed_values() -> None:
    assert is_wikidata_iri("http://www.wikidata.org/entity/Q21707860")
    for bad in ("Q21707860", "https://www.wikidata.org/wiki/Q21707860", "http://www.wikidata.org/entity/Q0",
                "http://www.wikidata.org/entity/P31"):
        assert not is_wikidata_iri(bad)


def test_every_unts_number_cited_in_the_corpus_is_in_the_table() -> None:
    cited = corpus_unts_citations()
    assert len(cited) >= 10  # the corpus prints a dozen Treaty Series footnotes
    for number, volumes in cited:
        assert by_unts(number) is not None, number
        resolved = by_citation(number, volumes)
        assert resolved and all(t.unts_number == number for t in resolved)


def test_rows_marked_corpus_are_printed_in_the_corpus() -> None:
    printed = {(n, v) for n, vols in corpus_unts_citations() for v in vols}
    for treaty in all_treaties():
        if treaty.verified == "corpus" and treaty.volumes:
            assert (treaty.unts_number, treaty.volumes[0]) in printed, treaty.key


@needs_akn
def test_rows_marked_real_are_cited_beside_their_name_in_the_real_documents() -> None:
    """A row marked `real`: some English AKN file of ../shared names the treaty in a paragraph
    whose footnote cites its number ("… the Geneva Convention relative to the Protection of
    Civilian Persons in Time of War, of 12 August 1949,¹" ¹ "United Nations, Treaty Series, vol.
    75, No. 973."): the number and the name are the same instrument by the UN's own print."""
    marked = {t.unts_number: t.key for t in all_treaties() if t.verified == "real"}
    assert len(marked) >= 25
    confirmed: set[str] = set()
    for path in sorted(AKN.rglob("*E.xml")):
        res = parse_file(path)
        numbers: dict[str, set[str]] = {}
        for cited in res.citations:
            if cited.type == "treaty" and cited.location.startswith("fn") and cited.unts_number in marked:
                numbers.setdefault(cited.location, set()).add(cited.unts_number)
        if not numbers:
            continue
        named = {(c.location, c.treaty_key) for c in res.citations if c.type == "treaty" and not c.location.startswith("fn")}
        notes = {note.marker: note.eid for note in res.footnotes}
        for paragraph in [*res.preamble, *res.operative]:
            for marker in paragraph.footnote_refs:
                confirmed |= {n for n in numbers.get(notes.get(marker, ""), ()) if (paragraph.eid, marked[n]) in named}
    assert sorted(set(marked) - confirmed) == [], ",".join(sorted(set(marked) - confirmed))


def test_a_multi_volume_citation_resolves_to_the_convention_and_its_protocols() -> None:
    # 001 footnote 1: "vols. 2225, 2237, 2241 and 2326, No. 39574"
    keys = [t.key for t in by_citation("39574", ["2225", "2237", "2241", "2326"])]
    assert keys == ["39574", "39574-TIP", "39574-SOM", "39574-FIR"]
    assert [t.key for t in by_citation("No. 39574", ["2237"])] == ["39574-TIP"]
    assert [t.key for t in by_citation(27531, ["2171", "2173"])] == ["27531-OPSC", "27531-OPAC"]
    assert {t.key for t in protocols_of(by_unts(39574))} == {"39574-TIP", "39574-SOM", "39574-FIR"}


def test_unknown_volumes_fall_back_to_the_principal_instrument() -> None:
    assert [t.key for t in by_citation("42146", ["9999"])] == ["42146"]
    assert [t.key for t in by_citation("42146", [])] == ["42146"]
    assert by_citation("1", ["1"]) == [] and by_unts("1") is None


def test_by_unts_reads_printed_forms() -> None:
    assert by_unts("No. 42146").title == "United Nations Convention against Corruption"
    assert by_unts(14152).title.startswith("Single Convention on Narcotic Drugs, 1961, as amended")
    assert by_unts("39574").key == "39574"


# -- mentions in running text ----------------------------------------------------------------


def test_mentions_in_001_link_named_treaties_to_their_numbers() -> None:
    text = corpus_text("001_a434e5ae4ec07524.txt")
    mentions = find_treaty_mentions(text)
    by_treaty: dict[str, int] = {}
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        by_treaty[mention.key] = by_treaty.get(mention.key, 0) + 1
    assert by_treaty["42146"] >= 10  # "the United Nations Convention against Corruption", many times
    corruption = next(m for m in mentions if m.unts_number == "42146")
    assert corruption.text == "United Nations Convention against Corruption"
    # every treaty the footnotes of 001 cite is also named somewhere in its text
    for number in {n for n, _ in corpus_unts_citations() if n in ("39574", "14152", "14956", "27627", "42146", "14537")}:
        assert any(m.unts_number == number for m in mentions), number


def test_the_longest_name_wins_so_a_protocol_is_not_also_its_convention() -> None:
    text = corpus_text("001_a434e5ae4ec07524.txt")
    protocol = "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime"
    at = text.index(protocol)
    inside = [m for m in find_treaty_mentions(text) if at <= m.start < at + len(protocol)]
    assert [m.key for m in inside] == ["39574-FIR"]
    assert inside[0].end == at + len(protocol)


def test_a_misprinted_year_qualifier_still_names_the_amended_single_convention() -> None:
    # 001 prints "of 1954" where the title says 1961; footnote 2 cites No. 14152
    mentions = find_treaty_mentions(corpus_text("001_a434e5ae4ec07524.txt"))
    single = [m for m in mentions if "Single Convention" in m.text]
    assert single and all(m.key == "14152" for m in single)
    assert find_treaty_mentions("the Single Convention on Narcotic Drugs of 1961")[0].key == "7515"


def test_mentions_in_004_and_across_line_breaks() -> None:
    mentions = find_treaty_mentions(corpus_text("004_a62735c9b0a34126.txt"))
    assert [m.key for m in mentions] == ["39574"]
    wrapped = find_treaty_mentions("of the United Nations Convention\nagainst Corruption5 and")
    assert [(m.key, m.text) for m in wrapped] == [("42146", "United Nations Convention\nagainst Corruption")]


@pytest.mark.parametrize(
    "text",
    [
        "stressing the importance of effective implementation of the Convention in all its aspects",
        "in accordance with the Protocol and with national laws",
        "the Conventions and the Protocols thereto",
        "the united nations convention against corruption",  # names are capitalised when they are names
        "the Convention on the Rights of the Childhood Institute",  # a longer word is not the name
    ],
)
def test_bare_or_altered_names_are_not_mentions(text: str) -> None:
    assert find_treaty_mentions(text) == []


def test_a_mention_becomes_a_treaty_citation() -> None:
    mention = find_treaty_mentions("Recalling the Protocol against the Smuggling of Migrants by Land, Sea and Air")[0]
    citation = mention.to_citation(location="preamble__para_3", relation="recall")
    assert citation.type == "treaty"
    assert (citation.unts_number, citation.treaty_key, citation.unts_volume) == ("39574", "39574-SOM", "2241")
    assert citation.location == "preamble__para_3" and citation.relation == "recall"


def test_a_later_word_printed_in_another_case_is_still_the_name() -> None:
    # A/RES/77/154 and 78/1 print "United Nations Convention Against Corruption"
    found = find_treaty_mentions("in the United Nations Convention Against Corruption and the Rome Statute,")
    assert [m.key for m in found] == ["42146", "38544"]


# -- names in the other official languages (lod/data/treaty_names.csv) -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French and Spanish: the title as printed, its later words in either case
        ("Rappelant la Convention relative aux droits de l’enfant, et", [("27531", "Convention relative aux droits de l’enfant")]),
        ("la Convención sobre la Eliminación de Todas las Formas de Discriminación Contra la Mujer se",
         [("20378", "Convención sobre la Eliminación de Todas las Formas de Discriminación Contra la Mujer")]),
        ("el\u200e Protocolo Facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, "
         "la prostitución infantil y la utilización de niños en la pornografía\u200e y",
         [("27531-OPSC", "Protocolo Facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, "
           "la prostitución infantil y la utilización de niños en la pornografía")]),
        # Russian: the head of the name declines, its complement does not
        ("ссылаясь на Конвенцию о правах ребенка и", [("27531", "Конвенцию о правах ребенка")]),
        ("участников Римского статута Международного уголовного суда", [("38544", "Римского статута Международного уголовного суда")]),
        ("государства-участники Факультативного протокола к Конвенции о правах ребенка, касающегося торговли детьми, "
         "детской проституции и детской порнографии, выполнять",
         [("27531-OPSC", "Факультативного протокола к Конвенции о правах ребенка, касающегося торговли детьми, "
           "детской проституции и детской порнографии")]),
        # Arabic: "and", "by", "to" are written as one word with the name
        ("وإذ يشير إلى العهد الدولي الخاص بالحقوق المدنية والسياسية() واتفاقية حقوق الطفل()",
         [("14668", "العهد الدولي الخاص بالحقوق المدنية والسياسية"), ("27531", "اتفاقية حقوق الطفل")]),
        ("أطرافٌ في البروتوكول الاختياري الملحق باتفاقية حقوق الطفل بشأن بيع الأطفال واستغلال الأطفال في البغاء وفي المواد الإباحية على",
         [("27531-OPSC", "البروتوكول الاختياري الملحق باتفاقية حقوق الطفل بشأن بيع الأطفال واستغلال الأطفال في البغاء وفي المواد الإباحية")]),
        # Chinese: no spaces; the longest name at a position wins
        ("回顾《儿童权利公约》、《儿童权利公约关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书》和",
         [("27531", "儿童权利公约"), ("27531-OPSC", "儿童权利公约关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书")]),
    ],
)
def test_a_name_in_another_official_language_is_the_same_treaty(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.key, m.text) for m in find_treaty_mentions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "учрежденный в соответствии с ним Международный уголовный суд",  # the Court, not its Statute
        "Конвенция о правах человека",  # another convention
        "لاتفاقيات حقوق الطفل",  # a longer word ("the conventions")
        "la convention relative aux droits de l’enfant",  # names are capitalised when they are names
    ],
)
def test_words_that_are_not_a_treaty_name_in_another_language_are_not_mentions(text: str) -> None:
    assert find_treaty_mentions(text) == []


def test_the_names_table_speaks_of_the_treatys_of_the_table_in_the_official_languages() -> None:
    from lod.parse.treaty_mentions import LANGUAGES

    rows = list(csv.DictReader(TREATY_NAMES_CSV.open(encoding="utf-8")))
    assert len(rows) >= 200
    for row in rows:
        assert by_key(row["key"]) is not None, row
        assert row["language"] in LANGUAGES and row["language"] != "en", row
        assert row["verified"] in ("corpus", "no"), row
    pairs = [(row["key"], row["language"]) for row in rows]
    assert len(pairs) == len(set(pairs)), "one row per treaty and language"
    assert by_key("27531").names_in("fr") == ("Convention relative aux droits de l’enfant",)
    assert by_key("27531").names_in("en") == by_key("27531").names


@needs_akn
def test_rows_marked_corpus_are_printed_in_the_corpus_in_their_language() -> None:
    named = {language: {m.key for text in texts for m in find_treaty_mentions(text)} for language, texts in _akn_texts().items()}
    verified = {(row["key"], row["language"]): row["verified"] for row in csv.DictReader(TREATY_NAMES_CSV.open(encoding="utf-8"))}
    for treaty in all_treaties():
        for language, names in treaty.translations:
            printed = treaty.key in named[language]
            assert printed == (verified[(treaty.key, language)] == "corpus"), (treaty.key, language, names[0])


@needs_akn
def test_each_language_names_the_treaties_its_english_text_names() -> None:
    """The six-language sets of ../shared (GA session 78, ECOSOC 2022): where the English text
    names a treaty in a paragraph, the other language's file names the same treaty in the paragraph
    of the same eId, in at least 90 in 100 (the rest: a translation that says "the Convention",
    "المرفق بها"). Before the names table, none did."""
    works: dict[str, dict[str, set[tuple[str, str]]]] = {}
    for path in sorted([*(AKN / "GAresolutions-main" / "78session").rglob("*.xml"),
                        *(AKN / "ECOSOCresolutions-main" / "2022").rglob("*.xml")]):
        res = parse_file(path)
        named = {(c.location, c.treaty_key or "") for c in res.citations if c.type == "treaty" and not c.location.startswith("fn")}
        works.setdefault(res.symbol or "", {})[res.language or ""] = named
    for language in ("fra", "spa", "rus", "ara", "zho"):
        english = [(symbol, found) for symbol, by in works.items() for found in by["eng"]]
        assert len(english) >= 40
        agreed = sum(found in works[symbol][language] for symbol, found in english)
        assert agreed >= 0.9 * len(english), (language, agreed, len(english))


def _akn_texts() -> dict[str, list[str]]:
    """Every AKN file's text under ../shared's ga-akn by language tag ("fr"), tags removed."""
    from lxml import etree

    tags = {"fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
    found: dict[str, list[str]] = {tag: [] for tag in tags.values()}
    for path in sorted(AKN.rglob("*.xml")):
        tree = etree.parse(str(path))
        language = tags.get(tree.xpath("string(//*[local-name()='FRBRExpression']/*[local-name()='FRBRlanguage']/@language)"))
        if language:
            found[language].append(" ".join(" ".join(tree.getroot().itertext()).split()))
    return found


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Recalling the Geneva Conventions of 12 August 1949 and the Additional Protocols thereto of 1977,",
         ["970", "971", "972", "973", "17512", "17513"]),
        ("Rappelant les Conventions de Genève du 12 août 1949 et", ["970", "971", "972", "973"]),
        # E/RES/2022/10: "… and the Additional Protocols thereto of 1977 and 2005,³" (Protocol III is of 2005)
        ("the Additional Protocols thereto of 1977 and 2005, as applicable", ["17512", "17513", "43425"]),
        ("وإذ يشير إلى اتفاقيات جنيف لعام 1949 وبروتوكولاتها الإضافية لعامي 1977 و 2005()",
         ["970", "971", "972", "973", "17512", "17513", "43425"]),
        ("ссылаясь на применимые положения Женевских конвенций 1949 года и", ["970", "971", "972", "973"]),
        ("回顾1949年8月12日日内瓦四公约及其1977年附加议定书", ["970", "971", "972", "973", "17512", "17513"]),
        # the name of one Protocol holds the Conventions' collective name: the one Protocol only
        ("the Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of "
         "Victims of International Armed Conflicts (Protocol I)", ["17512"]),
    ],
)
def test_a_name_printed_for_several_instruments_names_each(text: str, keys: list[str]) -> None:
    """lod/data/treaty_groups.csv: "the Geneva Conventions of 12 August 1949" are Nos. 970–973, as
    the footnote beside it says ("vol. 75, Nos. 970–973")."""
    assert [m.key for m in find_treaty_mentions(text)] == keys


def test_a_collective_name_is_no_instruments_own_name() -> None:
    from lod.treaties import collective_names

    own = {name for treaty in all_treaties() for language, names in [("en", treaty.names), *treaty.translations]
           for name in names}
    groups = collective_names()
    assert len(groups) >= 10
    for name, language, treaties in groups:
        assert len(treaties) >= 2 and name not in own, name
