"""The variants of the UN's AKN4UN files the reader meets: six languages (the leading phrase read
by the verb scheme's labels in each), collections read one part at a time ("FILE#B"), and the
metadata placeholders (`date="0001-01-01"`, `by=""`) that are read as absent and reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpora import ABSENT, REAL
from lod.cli import main
from lod.parse import parse_file
from lod.parse.parts import PartPath, part_path
from lod.parse.phrasebook import leading_label, phrasebook
from lod.quality import findings

AKN = REAL / "ga-akn"
GA78 = AKN / "GAresolutions-main" / "78session"
ECOSOC = AKN / "ECOSOCresolutions-main"
COLLECTION = AKN / "GAresolutions-main" / "77session" / "English" / "A_RES_77_256 A-B-2300172E.xml"
needs_akn = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)


def test_part_path_names_one_resolution_of_a_file(tmp_path: Path) -> None:
    plain = tmp_path / "a.xml"
    plain.write_text("<x/>")
    assert part_path(str(plain)) == plain and not isinstance(part_path(str(plain)), PartPath)
    chosen = part_path(f"{plain}#B")
    assert isinstance(chosen, PartPath) and chosen.part == "B" and chosen.label == "a.xml#B"
    hashed = tmp_path / "b#1.xml"  # a file whose name holds "#" is that file
    hashed.write_text("<x/>")
    assert part_path(str(hashed)) == hashed and getattr(part_path(str(hashed)), "part", None) is None


@needs_akn
def test_lod_parse_reads_one_part_of_a_collection() -> None:
    runner = CliRunner()
    b = runner.invoke(main, ["parse", f"{COLLECTION}#B"])
    a = runner.invoke(main, ["parse", f"{COLLECTION}#A"])
    assert b.exit_code == 0 and a.exit_code == 0, b.output
    assert '"symbol": "A/RES/77/256 B"' in b.stdout and '"symbol": "A/RES/77/256 A"' in a.stdout
    assert f"warning: {COLLECTION.name}#B: metadata: " in b.stderr  # the reports name the part
    missing = runner.invoke(main, ["parse", f"{COLLECTION}#Z"])
    assert missing.exit_code != 0 and "no resolution Z" in missing.output


@needs_akn
def test_metadata_placeholders_are_findings_not_facts() -> None:
    res = parse_file(COLLECTION)
    assert any("0001-01-01" in w for w in res.meta_warnings) and any('by=""' in w for w in res.meta_warnings)
    assert all(step.date != "0001-01-01" and step.by != "" for step in res.workflow)
    found = [f for f in findings(res) if f.code == "meta-placeholder"]
    assert [f.message for f in found] == res.meta_warnings
    clean = parse_file(AKN / "ECOSOCresolutions-main" / "2023" / "English" / "E_RES_2023_25-2314956E.xml")
    assert clean.meta_warnings == [] and not [f for f in findings(clean) if f.code == "meta-placeholder"]


@pytest.mark.parametrize(("text", "language", "phrase"), [
    ("1. Décide également de convoquer", "fra", "Décide également"),
    ("Prie également le Secrétaire général", "fra", "Prie également"),
    ("又决定将题为", "zho", "又决定"),
    ("决定将题为", "zho", "决定"),
    ("ссылаясь на свою резолюцию", "rus", "ссылаясь на"),
    ("Décident", "fra", None),  # whole words: "Décide" does not open "Décident"
    ("Decides to", "eng", None),  # English is the lexicon's (lod.parse.verbs), not the labels'
])
def test_the_longest_label_a_paragraph_opens_with_is_its_phrase(text: str, language: str, phrase: str | None) -> None:
    if phrase is not None and phrasebook(language).concept(phrase) is None:  # type: ignore[union-attr]
        pytest.skip(f"the scheme has no label {phrase!r}")
    assert leading_label(text, language) == phrase


def test_arabic_short_vowel_marks_do_not_hide_a_label() -> None:
    """The Arabic texts print nunation and other short-vowel marks on some words ("تحيط علماً", A/RES/75/12;
    "واقتناعاً منها"), the scheme's labels not ("تحيط علما"): the phrase is the label all the same."""
    from lod.rdf.relations import phrase_concept

    assert leading_label("تحيط علماً بتقرير الأمين العام", "ara") == "تحيط علماً"
    assert phrase_concept("تحيط علماً", "ara") == phrase_concept("تحيط علما", "ara") is not None


@needs_akn
@pytest.mark.parametrize("language", ["Chinese", "Russian", "Arabic", "French", "Spanish"])
def test_operative_paragraphs_of_every_language_have_a_leading_phrase(language: str) -> None:
    """Over session 78 in each language, nearly every numbered operative paragraph opens with a
    phrase the scheme labels (Chinese prints no italics: before the phrasebook 553 of the
    corpus's 588 paragraphs without a phrase were Chinese)."""
    numbered = found = 0
    for path in sorted((GA78 / language).glob("*.xml")):
        res = parse_file(path)
        for p in res.operative:
            if p.num and p.num.isdigit():
                numbered += 1
                found += p.verb is not None
    assert numbered >= 40 and found / numbered >= 0.85, (found, numbered)


@needs_akn
def test_a_cover_of_the_76th_session_without_the_item_in_title_and_a_twice_escaped_keyword(tmp_path: Path) -> None:
    """Files of sessions 75 and 76 print the agenda item only as text (`<inline name="agenda
    item">Agenda item 127 (b)</inline>`, no `title`), and their keyword labels carry HTML
    entities escaped twice ("women&amp;#39;s_rights"): one item "127 (b)", an apostrophe."""
    source = next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_18-*.xml")).read_text(encoding="utf-8")
    assert '<inline title="127 (b)" name="agenda item">' in source and 'showAs="civil_society"' in source
    variant = tmp_path / "A_RES_77_18-variant.xml"
    variant.write_text(source.replace('<inline title="127 (b)" name="agenda item">', '<inline name="agenda item">')
                       .replace('showAs="civil_society"', 'showAs="women&amp;#39;s_civil_society"'), encoding="utf-8")
    res = parse_file(variant)
    assert res.agenda_items == ["127 (b)"]
    assert res.agenda_titles[0].startswith("Cooperation between the United Nations and regional and other organizations")
    assert "women's civil society" in {s.label for s in res.subjects}


@needs_akn
def test_an_empty_agenda_item_on_a_french_cover_is_no_item_and_the_english_keyword_no_french_title(tmp_path: Path) -> None:
    """E/RES/2021/1 in French prints `<inline name="agenda item"></inline>` and no name: the item
    is the classification's ("2"), not "" beside it (the AKN round trip lost the ""), and the
    keyword's English title is not given as the French expression's title."""
    french = next((AKN / "ECOSOCresolutions-main" / "2022" / "French").glob("E_RES_2022_1-*.xml"))
    source = french.read_text(encoding="utf-8")
    printed = ('<inline title="2" name="agenda item">Point 2 de l’ordre du jour</inline>',
               '<inline name="agenda item name">Adoption de l’ordre du jour et autres questions d’organisation</inline>')
    assert all(p in source for p in printed) and 'refersTo="agenda" value="2"' in source
    variant = tmp_path / french.name
    variant.write_text(source.replace(printed[0], '<inline name="agenda item"></inline>')
                       .replace(printed[1], '<inline name="agenda item name"></inline>'), encoding="utf-8")
    res = parse_file(variant)
    assert res.language == "fra" and res.agenda_items == ["2"] and res.agenda_titles == []
    assert parse_file(french).agenda_titles == ["Adoption de l’ordre du jour et autres questions d’organisation"]


@needs_akn
def test_a_french_annex_heading_styled_hch_is_the_annex_heading_as_the_english_h1_is() -> None:
    """The French A/RES/78/3 and 78/4 style their "Annexe" and the declaration's title `HCH` (the
    English files `H1`): the annex is titled and its paragraphs are the English version's, not
    "Annexe" as a paragraph of six characters and the title as a section (78/4's French marks
    its lead-in "…, nous :" as a subheading, the English as a paragraph: a paragraph in both)."""
    for number, fewer in (("3", 0), ("4", 0)):
        english, french = (parse_file(next((GA78 / lang).glob(f"A_RES_78_{number}_*.xml"))) for lang in ("English", "French"))
        assert english.annexes[0].title and (french.annexes[0].title or "").startswith("Déclaration politique"), number
        assert "Annexe" not in {p.text for p in french.annexes[0].paragraphs}
        assert len(french.annexes[0].paragraphs) == len(english.annexes[0].paragraphs) - fewer, number


ECOSOC22 = AKN / "ECOSOCresolutions-main" / "2022"


@needs_akn
def test_the_last_preambular_paragraph_marked_up_in_the_main_body_is_read_as_the_preambles() -> None:
    """E/RES/2022/1 in Arabic puts "وإذ يأخذ في الحسبان …،" (Taking into account …,) at the head of
    the main body, numberless, where the English file ends its preamble with it; A/RES/77/262 does
    so in English ("Having further considered …,"): each is the preamble's last paragraph, with
    the eId the English version gives it, and the operative part opens with paragraph 1."""
    english, arabic = (parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_1-*.xml"))) for lang in ("English", "Arabic"))
    assert [p.eid for p in arabic.preamble] == [p.eid for p in english.preamble] and len(english.preamble) == 7
    assert arabic.preamble[-1].text.startswith("وإذ يأخذ في الحسبان") and arabic.operative[0].num == "1"
    res = parse_file(next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_262-*.xml")))
    assert res.preamble[-1].text.startswith("Having further considered") and res.operative[0].num == "1"
    assert res.preamble[-1].verb == "Having further considered"


@needs_akn
def test_a_lettered_section_heading_in_russian_and_chinese_is_a_heading() -> None:
    """E/RES/2022/5 heads its two parts "A." and "B.": the Russian file prints a Cyrillic "А.", the
    Chinese one no bold (only the style H23). Each is the section of the paragraphs after it, as
    in English, not an operative paragraph numbered "A" or without number."""
    english = parse_file(next((ECOSOC22 / "English").glob("E_RES_2022_5-*.xml")))
    for lang in ("Russian", "Chinese"):
        res = parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_5-*.xml")))
        assert [p.num for p in res.operative] == [p.num for p in english.operative] == ["1", "2", "3", "4", "5"], lang
        assert len({p.section for p in res.operative}) == 2 and all(p.section for p in res.operative), lang


@needs_akn
def test_a_preambular_paragraph_put_before_a_sections_heading_keeps_the_english_eids(tmp_path: Path) -> None:
    """E/RES/2021/13 opens each of its parts A and B with preambular paragraphs of their own; its
    Arabic file also puts the preamble's last paragraph (وقد نظر …، Having considered …,) in the main
    body before part A's heading. The same slip made in the English file: the paragraph is the
    preamble's, and part A's numberless paragraphs keep their eIds (para_u1 …), points and links."""
    english = next((AKN / "ECOSOCresolutions-main" / "2021" / "English").glob("E_RES_2021_13-*.xml"))
    source, res = english.read_text(encoding="utf-8"), parse_file(english)
    start = source.index('<container name="Having considered"')
    end = source.index("</container>", start) + len("</container>")
    words = source[source.index(">", start) + 1:end - len("</container>")]  # its <p>, notes and all
    slip = f'<mainBody><paragraph eId="para_x" class="SingleTxt"><content eId="para_x__content">{words}</content></paragraph>'
    variant = tmp_path / english.name
    variant.write_text((source[:start] + source[end:]).replace("<mainBody>", slip, 1), encoding="utf-8")
    again = parse_file(variant)
    assert [(p.eid, p.verb) for p in again.preamble] == [(p.eid, p.verb) for p in res.preamble]
    assert [(p.eid, p.num, p.section) for p in again.operative] == [(p.eid, p.num, p.section) for p in res.operative]
    assert res.operative[0].eid == "para_u1" and res.operative[0].num is None
    assert {(c.location, c.symbol) for c in again.citations} == {(c.location, c.symbol) for c in res.citations}


@needs_akn
def test_a_long_bold_title_in_a_heading_style_is_a_heading(tmp_path: Path) -> None:
    """E/RES/2021/12 heads its second part "Building inclusive, effective and resilient institutions
    … Goals" (183 characters in English, `<subheading>`); the Russian file prints it as a bold
    paragraph styled MercuryDocument of 230 characters. A title all in bold is a heading up to 300
    characters (other heading-styled text up to 200), not a numberless operative paragraph."""
    english = next((AKN / "ECOSOCresolutions-main" / "2021" / "English").glob("E_RES_2021_12-*.xml"))
    source, res = english.read_text(encoding="utf-8"), parse_file(english)
    start = source.index('<paragraph eId="para_17" class="H23">')
    end = source.index("</paragraph>", start) + len("</paragraph>")
    title = " ".join(source[source.index("<subheading>", start) + 12:source.index("</subheading>", start)].split())
    longer = f"{title}, and the implementation of the 2030 Agenda in all its dimensions"
    assert 200 < len(longer) < 300
    bold = (f'<paragraph eId="para_17" class="MercuryDocument"><content eId="para_17__content"><p>'
            f'<span class="bold">{longer}</span></p></content></paragraph>')
    variant = tmp_path / english.name
    variant.write_text(source[:start] + bold + source[end:], encoding="utf-8")
    again = parse_file(variant)
    assert [p.num for p in again.operative] == [p.num for p in res.operative] and None not in [p.num for p in res.operative]
    assert longer in {p.section for p in again.operative}


@needs_akn
def test_the_chinese_files_links_name_the_resolutions_the_english_ones_do() -> None:
    """The Chinese files link to undocs.org/ch/… where the others say en, fr, es, ru, ar: the
    language is not part of the symbol ("ch/A/RES/70/1" was a document citation of its own, so no
    citation of a Chinese expression met the work it cites)."""
    english, chinese = (parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_5-*.xml"))) for lang in ("English", "Chinese"))
    cited = {c.symbol for c in chinese.citations}
    assert cited == {c.symbol for c in english.citations} >= {"A/RES/70/1", "E/RES/2020/15"}
    assert {c.type for c in chinese.citations} == {"resolution"}


@needs_akn
def test_resolutions_cited_by_number_without_a_link_in_the_other_languages() -> None:
    """E/RES/2022/14's annex prints "2004/27" and "2005/20" (the Council's resolutions) without a link
    in French and Arabic, E/RES/2022/13's notes "Résolution 70/175 de l'Assemblée générale": each is
    the citation the English version has, where it is printed. A number whose organ is not certain
    (another organ named in the clause: a commission's resolutions are numbered alike) is not read."""
    from lod.parse.akn.printed import printed_citations

    for number, lang, symbols in (("14", "French", {"E/RES/2004/27", "E/RES/2005/20"}), ("14", "Arabic", {"E/RES/2004/27"}),
                                  ("13", "French", {"A/RES/70/175", "A/RES/65/229"})):
        english, other = (parse_file(next((ECOSOC22 / lang).glob(f"E_RES_2022_{number}-*.xml"))) for lang in ("English", lang))
        cited = {(c.symbol, c.location) for c in other.citations}
        assert {(c.symbol, c.location) for c in english.citations if c.symbol in symbols} <= cited, (number, lang)
    read = printed_citations([("Rappelant sa résolution 2005/20 et la résolution 56/1 de la Commission de la condition "
                               "de la femme;", "p")], "fra", "ecosoc", set())
    assert [c.symbol for c in read] == ["E/RES/2005/20"]  # not the Commission's 56/1 as the Assembly's
    read = printed_citations([("Rappelant ses résolutions 2005/11 du 21 juillet 2005, 2006/18 et la résolution 70/1 de "
                               "l’Assemblée générale,", "p")], "fra", "ecosoc", set())
    assert [c.symbol for c in read] == ["E/RES/2005/11", "E/RES/2006/18", "A/RES/70/1"]
    read = printed_citations([("وإذ تشير إلى قراراتها 51/46 ألف المؤرخ 10 كانون الأول/ديسمبر 1996 و 53/78 هاء المؤرخ 4 كانون "
                               "الأول/ديسمبر 1998،", "p")], "ara", "ga", set())
    assert [c.symbol for c in read] == ["A/RES/51/46 A", "A/RES/53/78 E"]  # a part by its letter's Arabic name
    read = printed_citations([("回顾其2004年7月23日第2004/52号、2005年7月27日第2005/46号决议和第1997/2号商定结论，"
                               "并回顾大会第70/1号决议和妇女地位委员会第56/1号决议，", "p")], "zho", "ecosoc", set())
    assert [c.symbol for c in read] == ["E/RES/2004/52", "E/RES/2005/46", "A/RES/70/1"]  # not the conclusions, nor 56/1


def test_a_list_of_parts_is_each_part_and_its_own_numbers_are_read_past_another_organ_s_clause() -> None:
    """"74/255 A et B", "74/255 ألف و باء", "第74/255 A和B号" (held-out A/RES/75/245): each part is cited, as
    the English "74/255 A and B" is; before, the first part only, or the number without its part (the
    Arabic list of 27 resolutions also ran past the window a clause's numbers were looked for in). "Its"
    numbers, or numbers after the organ's name, are read although another organ is named after them, in
    the next clause: "sa résolution 74/255 B et invite la Commission", "قرار الجمعية العامة 74/255 باء،
    الذي دعت فيه الجمعيةُ لجنة الخدمة المدنية الدولية"."""
    from lod.parse.akn.printed import printed_citations

    for text, language in (("Rappelant ses résolutions 73/273 du 22 décembre 2018 et 74/255 A et B du 27 décembre 2019,", "fra"),
                           ("وإذ تشير إلى قراراتها 73/273 المؤرخ 22 كانون الأول/ديسمبر 2018، و 74/255 ألف و باء المؤرخ 27 "
                            "كانون الأول/ديسمبر 2019،", "ara"),
                           ("回顾其2018年12月22日第73/273号和2019年12月27日第74/255 A和B号决议，", "zho"),
                           ("Recordando sus resoluciones 73/273 y 74/255 A, B y C,", "spa")):
        read = [c.symbol for c in printed_citations([(text, "p")], language, "ga", set())]
        assert read[:3] == ["A/RES/73/273", "A/RES/74/255 A", "A/RES/74/255 B"], (language, read)
    assert [c.symbol for c in printed_citations([("Recordando sus resoluciones 73/273 y 74/255 A, B y C,", "p")], "spa", "ga",
                                                set())][-1] == "A/RES/74/255 C"
    french = printed_citations([("Rappelle le paragraphe 8 de sa résolution 74/255 B et invite la Commission à formuler ses "
                                 "observations;", "para_9")], "fra", "ga", set())
    arabic = printed_citations([("وتحيط علما بردّ لجنة الخدمة المدنية الدولية، على قرار الجمعية العامة 74/255 باء، الذي دعت فيه "
                                 "الجمعيةُ لجنة الخدمة المدنية الدولية إلى إجراء تقييم،", "sec_2__para_1")], "ara", "ga", set())
    assert [c.symbol for c in french + arabic] == ["A/RES/74/255 B", "A/RES/74/255 B"]
    unnamed = printed_citations([("Prend note de la résolution 74/255 B et invite la Commission à formuler ses observations;",
                                  "p")], "fra", "ga", set())
    assert unnamed == []  # no "its", no organ named before: the Commission may be whose it is
    long_list = "وإذ تشير إلى قراراتها " + "، و ".join(f"{n}/2{n} المؤرخ 23 كانون الأول/ديسمبر {1955 + n}" for n in range(44, 74))
    read = printed_citations([(long_list + "، و 74/255 ألف و باء،", "p")], "ara", "ga", set())
    assert [c.symbol for c in read][-2:] == ["A/RES/74/255 A", "A/RES/74/255 B"], len(long_list)

def test_a_russian_third_person_possessive_points_back_to_the_organ_named_before() -> None:
    """"принятые Советом по правам человека в его резолюции 21/11" (held-out A/RES/75/175 in Russian, linked to
    A/RES/21/11, a resolution of 1966) and "решение Совета по правам человека, содержащееся в его резолюции 27/21"
    (A/RES/77/214): "его" (its) points back to the organ named before, never to the text's own ("свою" does):
    the Council's resolutions, and the links to the Assembly's are the file's slips."""
    from lod.parse.akn.printed import other_organs_numbers, printed_citations

    texts = [("принятые Советом по правам человека в его резолюции 21/11 и призванные служить полезным инструментом;",
              "para_21"),
             ("ссылается на решение Совета по правам человека, содержащееся в его резолюции 27/21, назначить Специального "
              "докладчика;", "para_22"),
             ("ссылаясь на свою резолюцию 70/1;", "p1"), ("принятые Генеральной Ассамблеей в ее резолюции 70/2;", "p2")]
    assert [c.symbol for c in printed_citations(texts, "rus", "ga", set())] == [
        "A/HRC/RES/21/11", "A/HRC/RES/27/21", "A/RES/70/1", "A/RES/70/2"]
    assert other_organs_numbers(texts, "rus") == {("para_21", "21/11"), ("para_22", "27/21")}

@needs_akn
def test_a_link_to_an_organ_whose_session_met_far_from_the_date_printed_is_the_file_s_slip() -> None:
    """"والقرار 45/95 المؤرخ 14 كانون الأول/ ديسمبر 1990" (held-out A/RES/77/211 in Arabic) is linked to
    A/HRC/RES/45/95, and "قراريها 32/127 المؤرخ 16 كانون الأول/ديسمبر 1977" (A/RES/76/155) to A/HRC/RES/32/127:
    the Human Rights Council's 45th and 32nd sessions met in 2020 and 2016, so these links are the file's
    slips and the Assembly's numbers are read as the English file reads them. A date a year or two off is a
    misprint, not a slip (FAR_YEARS)."""
    from lod.parse.akn.slips import link_slips

    texts = [("والقرار 45/95 المؤرخ 14 كانون الأول/ ديسمبر 1990 المتعلق بالمبادئ التوجيهية", "preamble__para_2"),
             ("وإذ تشير أيضاً إلى قراريها 32/127 المؤرخ 16 كانون الأول/ديسمبر 1977 و 51/102", "preamble__para_3"),
             ("Rappelant sa résolution 72/183 du 19 décembre 2019,", "p")]
    slips = link_slips(texts, "ara", set())
    assert {("preamble__para_2", "45/95", "hrc"), ("preamble__para_3", "32/127", "hrc")} <= slips
    assert not {s for s in slips if s[2] == "ga"}  # the Assembly's sessions fit (and 72/183 of 2019 is a misprint)
    english_words = parse_file(next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_211-*.xml")))
    assert "A/RES/45/95" in {c.symbol for c in english_words.citations if c.location == "preamble__para_2"}

@needs_akn
def test_the_word_printed_before_a_linked_number_says_resolution_or_decision() -> None:
    """"إذ يشير إلى مقرره 2021/8" (its decision 2021/8, E/RES/2022/7 in Arabic) is linked to E/RES/2021/8 and
    "la decisión 18/120 del Consejo de Derechos Humanos" to A/HRC/RES/18/120 (held-out A/RES/77/214 in Spanish):
    the word printed says decision, as the English files cite it; the link's resolution is the file's slip."""
    from lod.model import Citation
    from lod.parse.akn.slips import printed_over_links

    arabic = parse_file(next((ECOSOC22 / "Arabic").glob("E_RES_2022_7-*.xml")))
    cited = {c.symbol for c in arabic.citations if c.location == "preamble__para_1"}
    assert "E/DEC/2021/8" in cited and "E/RES/2021/8" not in cited
    link = Citation(type="resolution", text="18/120", number="18/120", symbol="A/HRC/RES/18/120", location="p")
    printed = Citation(type="decision", text="18/120", number="18/120", symbol="A/HRC/DEC/18/120", location="p")
    other = Citation(type="resolution", text="24/14", number="24/14", symbol="A/HRC/RES/24/14", location="p")
    assert printed_over_links([link, printed, other], {id(link), id(other)}) == [printed, other]

@pytest.mark.parametrize("number", ["75/290", "2021/2"])
def test_the_part_printed_over_a_link_to_the_whole_resolution(number: str) -> None:
    """"قرار المجلس الاقتصادي والاجتماعي 2021/2 باء" with a link on "2021/2" to E/RES/2021/2 (E/RES/2022/21 in
    Arabic): the part printed is the citation, as the English file's E/RES/2021/2 B, for a year's number as for a
    session's ("75/290 A" linked to A/RES/75/290)."""
    from lod.model import Citation
    from lod.parse.akn.slips import printed_over_links

    organ = "E" if number.startswith("20") else "A"
    link = Citation(type="resolution", text=number, number=number, symbol=f"{organ}/RES/{number}", location="p")
    part = Citation(type="resolution", text=f"{number} B", number=f"{number} B", symbol=f"{organ}/RES/{number} B", location="p")
    elsewhere = Citation(type="resolution", text=number, number=number, symbol=f"{organ}/RES/{number}", location="q")
    assert printed_over_links([link, part, elsewhere], {id(link), id(elsewhere)}) == [part, elsewhere]


def test_a_security_council_resolution_printed_without_a_link_is_the_council_s() -> None:
    """"…резолюции Совета Безопасности, включая резолюцию 2334 (2016) от 23 декабря 2016 года" (held-out
    A/RES/75/20 in Russian), "резолюции 1860 (2009) Совета Безопасности" (75/126), "第1325(2000)号决议": a
    number with its year in brackets is the Security Council's whichever organ the clause names; before,
    its bracket ended the clause and the Council's name left it to a link there was none of."""
    from lod.parse.akn.printed import printed_citations

    for text, lang in [("ссылаясь на соответствующие резолюции Совета Безопасности, включая резолюцию 2334 (2016) от "
                        "23 декабря 2016 года,", "rus"),
                       ("посредством осуществления в полном объеме резолюции 2334 (2016) Совета Безопасности от 23 декабря "
                        "2016 года,", "rus"),
                       ("وإذ تشير إلى قرار مجلس الأمن 2334 (2016)،", "ara"),
                       ("回顾安全理事会第2334(2016)号决议，", "zho")]:
        assert [c.symbol for c in printed_citations([(text, "p")], lang, "ga", set())] == ["S/RES/2334 (2016)"], lang


def test_a_number_a_link_cites_as_another_organ_s_is_not_read_again_as_the_assembly_s() -> None:
    """Held-out A/RES/75/222 in French: "par la Commission économique et sociale pour l'Asie et le Pacifique, à
    sa soixante-douzième session, de la résolution 72/7" links the number to E/ESCAP/RES/72/7; the number,
    no organ named in reach of the word, had been read besides as the Assembly's A/RES/72/7. "its" keeps its
    own reading whatever the link says (A/RES/76/155 in Arabic links "قراريها 32/127" to A/HRC/RES/32/127)."""
    from lod.parse.akn.printed import printed_citations

    text = ("Notant l’adoption, le 19 mai 2016, par la Commission économique et sociale pour l’Asie et le Pacifique, à sa "
            "soixante-douzième session, de la résolution 72/7 sur la coopération régionale,")
    assert [c.symbol for c in printed_citations([(text, "p")], "fra", "ga", set())] == ["A/RES/72/7"]
    linked = {("p", "72/7"): "escap"}  # the link's citation: E/ESCAP/RES/72/7
    assert [c.symbol for c in printed_citations([(text, "p")], "fra", "ga", set(), None, linked)] == ["E/ESCAP/RES/72/7"]
    assert printed_citations([(text, "p")], "fra", "ga", {("p", "E/ESCAP/RES/72/7")}, None, linked) == []
    its = "وإذ تشير أيضاً إلى قراريها 32/127 المؤرخ 16 كانون الأول/ديسمبر 1977،"
    assert [c.symbol for c in printed_citations([(its, "p")], "ara", "ga", set(), None, {("p", "32/127"): "hrc"})] == [
        "A/RES/32/127"]


def test_parts_after_r_and_after_z_as_the_other_languages_print_them() -> None:
    """A/RES/75/44 recalls "53/77 AA of 4 December 1998, 54/54 U …": the part after Z doubled, in French
    printed without a link ("53/77 AA du 4 décembre 1998"), in Arabic by the letters' names in the abjad
    order ("53/77 ألف ألف", "54/54 شين"), in Russian glued to the number by the links ("53/77AA"), in Chinese
    "第53/77 AA号": each the part the English file cites, not the resolution whole."""
    from lod.parse.akn.printed import printed_citations

    for text, lang in [("Rappelant ses résolutions 53/77 AA du 4 décembre 1998 et 54/54 U du 1er décembre 1999,", "fra"),
                       ("وإذ تشير إلى قراراتها 53/77 ألف ألف المؤرخ 4 كانون الأول/ديسمبر 1998 و 54/54 شين المؤرخ 1 كانون "
                        "الأول/ديسمبر 1999،", "ara"),
                       ("ссылаясь на свои резолюции 53/77AA от 4 декабря 1998 года и 54/54 U от 1 декабря 1999 года,", "rus"),
                       ("回顾其1998年12月4日第53/77 AA号和1999年12月1日第54/54 U号决议，", "zho")]:
        assert [c.symbol for c in printed_citations([(text, "p")], lang, "ga", set())] == [
            "A/RES/53/77 AA", "A/RES/54/54 U"], lang


@needs_akn
def test_decisions_cited_by_number_without_a_link_in_the_other_languages() -> None:
    """E/RES/2022/20 recalls seventeen resolutions "and its decisions 2004/322 …, 2022/314" in 650
    characters, without a link: in the five other languages the decisions are decisions (E/DEC/…),
    the resolutions resolutions, and the last number whole (a window cut at 400 characters read
    "2022/3" of 2022/314)."""
    from lod.parse.akn.printed import printed_citations

    english = parse_file(next((ECOSOC22 / "English").glob("E_RES_2022_20-*.xml")))
    wanted = {(c.symbol, c.type) for c in english.citations if c.location == "preamble__para_1"}
    assert len([s for s, t in wanted if t == "decision"]) == 13 and len(wanted) == 30
    for lang in ("French", "Spanish", "Russian", "Arabic", "Chinese"):
        other = parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_20-*.xml")))
        assert {(c.symbol, c.type) for c in other.citations if c.location == "preamble__para_1"} == wanted, lang
    read = printed_citations([("Rappelant sa résolution 2005/20 et sa décision 2021/254 du 22 juillet 2021,", "p")],
                             "fra", "ecosoc", set())
    assert [(c.symbol, c.type) for c in read] == [("E/RES/2005/20", "resolution"), ("E/DEC/2021/254", "decision")]
    read = printed_citations([("وإذ تشير إلى مقررها 76/563 المؤرخ 11 أيار/مايو 2022، وإلى تقرير المقرر الخاص،", "p")],
                             "ara", "ga", set())
    assert [(c.symbol, c.type) for c in read] == [("A/DEC/76/563", "decision")]
    read = printed_citations([("回顾其2011年7月28日第2011/268号决定，", "p")], "zho", "ecosoc", set())
    assert [(c.symbol, c.type) for c in read] == [("E/DEC/2011/268", "decision")]


@pytest.mark.parametrize(
    ("text", "language", "own", "symbols"),
    [
        # E/RES/2021/4: an early number, its session in Roman numerals (Arabic: "(د-21)", session 21)
        ("Voir résolution 2200 A (XXI) de l’Assemblée générale, annexe.", "fra", "ecosoc", ["A/RES/2200(XXI)"]),
        ("انظر قرار الجمعية العامة 2200 ألف (د-21)، المرفق.", "ara", "ecosoc", ["A/RES/2200(XXI)"]),
        # E/RES/2021/7: special sessions, "دإ-" in Arabic
        ("قرار الجمعية العامة دإ-23/2، المرفق، وقرار الجمعية العامة دإ-23/3، المرفق.", "ara", "ecosoc",
         ["A/RES/S-23/2", "A/RES/S-23/3"]),
        # E/RES/2023/26: numbers listed inside one "第…号"; the Security Council's by its number's shape (where
        # a link cites it already, the known symbols keep it one citation)
        ("第72/194、72/284、73/174和75/291号决议，以及安全理事会第2133 (2014)号决议。", "zho", "ecosoc",
         ["A/RES/72/194", "A/RES/72/284", "A/RES/73/174", "A/RES/75/291", "S/RES/2133 (2014)"]),
        # a session's number with no organ named, in a Council text (whose own carry the year): the
        # Assembly's, as the English reader has it ("Resolution 76/181, annex.")
        ("Résolution 76/181, annexe.", "fra", "ecosoc", ["A/RES/76/181"]),
        ("第76/181号决议，附件。", "zho", "ecosoc", ["A/RES/76/181"]),
        # … but not a text another document holds, nor "its" (the Council's own, or a commission's)
        ("A/56/1026-S/2002/932, annexe II, résolution 14/221.", "fra", "ecosoc", []),
        ("Rappelant sa résolution 56/3,", "fra", "ecosoc", []),
        # a range of parts (A/RES/77/4 in Arabic: "76/247 A to C"), Cyrillic letters for Latin ones (77/40)
        ("وإذ تشير إلى قراراتها 76/247 ألف إلى جيم المؤرخة 24 كانون الأول/ديسمبر 2021،", "ara", "ga",
         ["A/RES/76/247 A", "A/RES/76/247 B", "A/RES/76/247 C"]),
        ("ссылаясь на свои резолюции 45/55 В от 4 декабря 1990 года и 48/74 А,", "rus", "ga", ["A/RES/45/55 B", "A/RES/48/74 A"]),
        # "its" after a commission named as an object, past another resolution (E/RES/2022/3 in Russian)
        ("подтверждая свою резолюцию 8 (I) от 16 февраля 1946 года об учреждении Статистической комиссии с поправками, "
         "внесенными резолюцией 8 (II) от 21 июня 1946 года, и свою резолюцию 1566 (L) от 3 мая 1971 года,", "rus", "ecosoc",
         ["E/RES/8(I)", "E/RES/1566(L)"]),
        # the Council's own early numbers (E/RES/2022/3, 2021/14), not in an annex (a commission's there)
        ("Réaffirmant sa résolution 8 (I) du 16 février 1946,", "fra", "ecosoc", ["E/RES/8(I)"]),
        ("Rappelant sa décision 281 (LXIII) du 4 août 1977,", "fra", "ecosoc", ["E/DEC/281(LXIII)"]),
        ("Résolution 76/181, annexe.", "fra", None, []),
        # no organ named in the Assembly's own text: its own, a session's number or an early one, as the
        # English reader has "resolution 1514 (XV)" (held-out A/RES/75/122 in Arabic); in a Council text
        # an early number with no organ named may be either organ's, so it is left to its link
        ("القرار 1514 (د-15).", "ara", "ga", ["A/RES/1514(XV)"]),
        ("القرار 217 ألف (د-3).", "ara", "ga", ["A/RES/217(III)"]),
        ("Réaffirmant la résolution 74/113,", "fra", "ga", ["A/RES/74/113"]),
        ("Résolution 1296 (XLIV).", "fra", "ecosoc", []),
        ("et les résolutions 51/2 et 52/2 de la Commission de la condition de la femme,", "fra", "ga", []),
        # an emergency special session's numbers (E/RES/2022/22 in Arabic: "دإط-10/13")
        ("بما فيها القرارات دإط-10/13 المؤرخ 21 تشرين الأول/أكتوبر 2003 و دإط-10/14", "ara", "ga",
         ["A/RES/ES-10/13", "A/RES/ES-10/14"]),
    ],
)
def test_numbers_printed_in_every_form_the_five_languages_print_them(text: str, language: str, own: str | None,
                                                                    symbols: list[str]) -> None:
    from lod.parse.akn.printed import printed_citations

    assert [c.symbol for c in printed_citations([(text, "fn_1")], language, own, set())] == symbols


@pytest.mark.parametrize(("num", "position", "token"), [
    ("(ب)", 2, "b"), ("а)", 1, "a"), ("(ض)", 26, "z"),
    # after (z) the English text doubles the letter, and so do the others' positions (A/RES/76/140 in
    # Arabic, a UN file of session 76: "(أأ)", "(ب ب)" … are (aa), (bb) …; they had been point_27, point_28)
    ("(أأ)", 27, "aa"), ("(ب ب)", 28, "bb"), ("(حح)", 34, "hh"),
    ("b", 2, "b"), ("iv", 4, "iv"),  # a Latin label is its own token
    # the Chinese files number in words the points the others number (i), (ii) … (E/RES/2022/16: "(二十一)"
    # is the English (xxi); it had been the 21st letter, point_u)
    ("（二十一）", 21, "xxi"), ("(二十八)", 28, "xxviii"), ("(十)", 10, "x"), ("(四)", 4, "iv"),
    # the Arabic "’1‘" marked as a paragraph's <num> (held-out A/RES/75/260: paragraph 2 (a)'s (i)-(iv)),
    # as it is read where the words print it: (i), under the lettered point before it
    ("’1‘", 1, "i"), ("’4‘", 4, "iv"),
])
def test_a_point_s_token_in_any_language_is_the_english_label_s(num: str, position: int, token: str) -> None:
    from lod.parse.akn.numbers import point_num, point_token

    assert point_token(point_num(num), position) == token


@needs_akn
def test_the_arabic_notes_empty_number_is_not_their_text() -> None:
    """The Arabic files print "()" where a note's number goes ("()\tقرار الجمعية العامة 69/313"): the
    note's text is what follows, as in the other languages."""
    arabic = parse_file(next((ECOSOC22 / "Arabic").glob("E_RES_2022_1-*.xml")))
    assert arabic.footnotes and all(not f.text.startswith("(") for f in arabic.footnotes)
    assert arabic.footnotes[0].text.startswith("قرار الجمعية العامة")


@needs_akn
def test_a_chinese_sentence_in_a_heading_style_is_the_operative_paragraph() -> None:
    """E/RES/2022/2 in Chinese styles its one paragraph, "核可本决议所附 … 订正职权范围。" (Endorses the
    revised terms of reference annexed …), MercuryDocument, a heading style; it ends with a full
    stop, which no heading does: it is the operative part, as in English, and the annex is read."""
    english, chinese = (parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_2-*.xml"))) for lang in ("English", "Chinese"))
    assert len(chinese.operative) == len(english.operative) == 1 and chinese.operative[0].text.startswith("核可")
    assert [len(a.paragraphs) for a in chinese.annexes] == [len(a.paragraphs) for a in english.annexes] == [15]


@needs_akn
def test_the_meeting_line_marked_up_as_the_last_paragraph_is_the_meeting(tmp_path: Path) -> None:
    """E/RES/2021/2 in Arabic ends its main body with "الجلسة العامة الأولى" (1st plenary meeting) as a
    numberless paragraph, not in its conclusions: it is not an operative paragraph. The same slip
    made in a ../shared file (E/RES/2022/2 in Arabic, its conclusions left out) reads as the file."""
    from lod.parse.akn.repairs import MEETING_LINE

    arabic = next((ECOSOC22 / "Arabic").glob("E_RES_2022_2-*.xml"))
    source, res = arabic.read_text(encoding="utf-8"), parse_file(arabic)
    slip = ('<paragraph eId="para_9" class="SingleTxt"><content eId="para_9__content"><p>'
            f'<span class="italic">{res.meeting}</span></p></content></paragraph></mainBody>')
    start, end = source.index("<conclusions"), source.index("</conclusions>") + len("</conclusions>")
    variant = tmp_path / arabic.name
    variant.write_text(source[:start].replace("</mainBody>", slip) + source[end:], encoding="utf-8")
    again = parse_file(variant)
    assert res.meeting and again.meeting == res.meeting
    assert [p.text for p in again.operative] == [p.text for p in res.operative]
    for line in ("1st plenary meeting", "1re séance plénière", "Primera sesión plenaria", "1-e пленарное заседание",
                 "الجلسة العامة الأولى", "第1次全体会议"):
        assert MEETING_LINE.match(line), line
    assert not MEETING_LINE.match("Decides to consider the question at its next plenary meeting.")
    # E/RES/2022/8 in Spanish: "20<sup>a</sup> sesión plenaria", the ordinal's ending raised
    english, spanish = (parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_8-*.xml"))) for lang in ("English", "Spanish"))
    assert [p.num for p in spanish.operative] == [p.num for p in english.operative] and len(english.operative) == 13
    assert spanish.meeting == "20a sesión plenaria"
    for line in ("43 a reunión plenaria", "1 re séance plénière", "43 -е пленарное заседание"):
        assert MEETING_LINE.match(line), line


@needs_akn
def test_a_chinese_point_numbered_in_words_is_a_point() -> None:
    """E/RES/2022/16 in Chinese prints its points "(二十一) …" to "(二十八) …" as numberless paragraphs:
    they are points of the paragraph their list belongs to, not paragraphs (nor headings)."""
    res = parse_file(next((ECOSOC22 / "Chinese").glob("E_RES_2022_16-*.xml")))
    assert len(res.operative) == 1
    assert {"二十一", "二十八"} <= {p.num for p in res.operative[0].subparagraphs}


@needs_akn
def test_a_draft_symbol_with_the_words_the_un_adds_to_it_is_the_symbol(tmp_path: Path) -> None:
    """Session 75 writes `as="A/75/L.4, as orally revised and as amended in A/75/L.6"`: the draft
    is A/75/L.4 (the words became a document IRI of their own); they stay as the step's note and
    are written back as read."""
    from lod.akn import akn_document
    from lod.parse.akn import read_akn
    from lod.rdf import WorkRegistry, map_resolution

    source = next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_18-*.xml")).read_text(encoding="utf-8")
    assert 'as="A/77/L.18"' in source
    variant = tmp_path / "A_RES_77_18-variant.xml"
    variant.write_text(source.replace('as="A/77/L.18"', 'as="A/77/L.18, as orally revised and as amended in A/77/L.60"'),
                       encoding="utf-8")
    res = parse_file(variant)
    assert res.draft_symbol == "A/77/L.18"
    step = next(s for s in res.workflow if s.outcome == "draftResolution")
    assert (step.symbol, step.note) == ("A/77/L.18", "as orally revised and as amended in A/77/L.60")
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    lines = map_resolution(res, registry, "http://lod.test").lines()
    assert not any("orally" in line and "/id/document/" in line.split(" ")[0] for line in lines)
    assert any("stepNote" in line and "as orally revised" in line for line in lines)
    again = read_akn(akn_document(res, registry, "http://lod.test"), variant.name)
    assert [(s.symbol, s.note) for s in again.workflow] == [(s.symbol, s.note) for s in res.workflow]


@needs_akn
def test_the_dash_between_number_and_title_is_not_the_title_s(tmp_path: Path) -> None:
    """The Arabic files of session 75 print "75/2 -⇥جدول الأنصبة …" with the dash in `docTitle`."""
    source = GA78 / "Arabic" / "A_RES_78_1_A.xml"
    plain = parse_file(source).title
    assert plain and not plain.startswith("-")
    dashed = tmp_path / source.name
    xml = source.read_text(encoding="utf-8")
    dashed.write_text(xml.replace('<span class="bold">\tالإعلان السياسي', '<span class="bold">-\tالإعلان السياسي', 1), encoding="utf-8")
    assert dashed.read_text(encoding="utf-8") != xml
    assert parse_file(dashed).title == plain


@needs_akn
def test_numbered_paragraphs_marked_up_inside_the_preamble_are_operative(tmp_path: Path) -> None:
    """A/RES/77/101 in Chinese puts operative paragraphs 1 and 2 in the `<preamble>` as containers
    whose words print "1.\\t表示赞赏 …": they are the operative part's first paragraphs. The quirk
    is made here on a Chinese file of ../shared by moving its first operative paragraph so."""
    from lxml import etree

    source = next(p for p in sorted((GA78 / "Chinese").glob("*.xml")) if len(parse_file(p).operative) >= 3)
    tree = etree.parse(str(source))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    first = tree.find(".//a:mainBody/a:paragraph", ns)
    preamble = tree.find(".//a:preamble", ns)
    num = "".join(first.find("a:num", ns).itertext()).strip()
    container = etree.SubElement(preamble, f"{{{ns['a']}}}container", name="moved", eId="container_moved")
    p = etree.SubElement(container, f"{{{ns['a']}}}p")
    p.text = num + "\t" + "".join(first.find(".//a:content/a:p", ns).itertext())
    first.getparent().remove(first)
    quirky = tmp_path / source.name
    tree.write(str(quirky), encoding="utf-8", xml_declaration=True)
    original, read = parse_file(source), parse_file(quirky)
    assert [p.num for p in read.operative] == [p.num for p in original.operative]
    assert len(read.preamble) == len(original.preamble)
    assert read.operative[0].text == original.operative[0].text


@needs_akn
def test_an_annex_title_marked_up_as_a_plain_paragraph_is_the_annex_heading(tmp_path: Path) -> None:
    """E/RES/2023/22 in Chinese marks up the title of the resolution its annex holds ("吉布提申请加入
    西亚经济社会委员会", Request from Djibouti for membership …) as a plain paragraph before the
    opening formula, where the English file styles it a heading. The same slip made in the English
    file from ../shared reads as the file: the title heads the annex's paragraphs, counted from 1."""
    english = next((AKN / "ECOSOCresolutions-main" / "2023" / "English").glob("E_RES_2023_22-*.xml"))
    source, res = english.read_text(encoding="utf-8"), parse_file(english)
    title = "Request from Djibouti for membership of the Economic and Social Commission for Western Asia"
    heading = f'<paragraph eId="para_7" class="H23">\n              <subheading>{title}</subheading>\n            </paragraph>'
    assert heading in source
    plain = (f'<paragraph eId="para_7" class="SingleTxt"><content eId="para_7__content"><p xml:space="preserve">{title}</p>'
             '</content></paragraph>')
    variant = tmp_path / english.name
    variant.write_text(source.replace(heading, plain), encoding="utf-8")
    again = parse_file(variant)
    expected = [(p.eid, p.section, p.text) for p in res.annexes[0].paragraphs]
    assert expected[0] == ("annex_1__para_u1", title, "The Economic and Social Commission for Western Asia,")
    assert [(p.eid, p.section, p.text) for p in again.annexes[0].paragraphs] == expected


@needs_akn
def test_the_chinese_verb_is_the_bold_words_where_the_scheme_has_no_label_for_it() -> None:
    """The Chinese files set a paragraph's verb in bold ("<span class="bold">表示赞赏</span>…",
    expresses appreciation) where the other languages use italics: where the verb scheme has no
    Chinese label for it, the bold words are still its leading phrase (A/RES/78/6's paragraph 22
    had none, E/RES/2022/4's paragraph 28). An annexed resolution's opening formula set in
    italics is no leading phrase ("The Economic Commission for Europe," in E/RES/2023/20)."""
    chinese = parse_file(next((AKN / "GAresolutions-main" / "78session" / "Chinese").glob("A_RES_78_6-*.xml")))
    assert chinese.operative[21].verb == "表示赞赏" and chinese.operative[21].text.startswith("表示赞赏")
    chinese = parse_file(next((ECOSOC22 / "Chinese").glob("E_RES_2022_4-*.xml")))
    assert chinese.operative[27].verb == "赞赏地注意到"
    english = parse_file(next((AKN / "ECOSOCresolutions-main" / "2023" / "English").glob("E_RES_2023_20-*.xml")))
    formula = english.annexes[0].paragraphs[0]
    assert formula.text == "The Economic Commission for Europe," and formula.verb is None


def test_a_link_to_an_early_resolution_of_either_organ_is_a_resolution() -> None:
    """The symbols of early resolutions print their session in Roman numerals, which lod.symbols
    reads as no series: a link to A/RES/217(III) or E/RES/1566(L) (the Council's of 1971) or
    E/DEC/281(LXIII) is the resolution or decision of its organ, numbered as the text prints it."""
    from lod.model import Resolution
    from lod.parse.akn import _link_citations
    from lod.parse.akn.inline import Link

    res = Resolution(symbol="E/RES/2022/3", kind="resolution", body="Economic and Social Council")
    links = {"p": [Link("217 A (III)", "https://undocs.org/en/A/RES/217(III)"),
                   Link("1566 (L)", "https://undocs.org/en/E/RES/1566(L)"),
                   Link("281 (LXIII)", "https://undocs.org/en/E/DEC/281(LXIII)")]}
    _link_citations(res, links, {})
    assert [(c.type, c.body, c.number, c.symbol) for c in res.citations] == [
        ("resolution", "General Assembly", "217 (III)", "A/RES/217(III)"),
        ("resolution", "Economic and Social Council", "1566 (L)", "E/RES/1566(L)"),
        ("decision", "Economic and Social Council", "281 (LXIII)", "E/DEC/281(LXIII)")]


@needs_akn
def test_the_organ_of_the_text_decides_its_own_numbers_in_a_real_file() -> None:
    """The rules that hang on the text's own organ ("sa résolution 54/237 C" in an Assembly text is
    the Assembly's; a session's number with no organ named in a Council text, the Assembly's) are
    applied to the files as read, not only to the reader's unit tests: the organ is the file's
    (it was looked up after the reader ran, so none of them applied). An organ named just before
    the possessive is whose it is ("اتخاذ الجمعية العامة قرارها 181 (د-2)", the adoption by the
    General Assembly of its resolution 181 (II), in a Council text)."""
    french = parse_file(AKN / "GAresolutions-main" / "78session" / "French" / "A_RES_78_2_F.xml")
    assert "A/RES/54/237 C" in {c.symbol for c in french.citations if c.location == "para_2"}
    french = parse_file(next((ECOSOC22 / "French").glob("E_RES_2022_19-*.xml")))
    assert "A/RES/74/232 A" in {c.symbol for c in french.citations if c.location == "para_16"}
    arabic = parse_file(next((ECOSOC22 / "Arabic").glob("E_RES_2022_22-*.xml")))
    assert [c.symbol for c in arabic.citations if c.location == "preamble__para_8"] == ["A/RES/181(II)"]
    # a commission named before "su resolución": its own, not the Council's (unless its shape says)
    from lod.parse.akn.printed import printed_citations

    text = ("Recuerda que la Comisión Económica para América Latina y el Caribe aprobó el 16 de mayo de 1998 su "
            "resolución 574 (XXVII), y recuerda su resolución 2011/20,")
    assert [c.symbol for c in printed_citations([(text, "para_19")], "spa", "ecosoc", set())] == ["E/RES/2011/20"]


@needs_akn
def test_a_note_printed_as_a_paragraph_under_its_marker_is_a_footnote() -> None:
    """A/RES/77/256 A's annexed statute prints "… determined by the General Assembly;*" and, after
    the article, "* Dependency allowances …", marked up as footnote text rather than as an
    `authorialNote`: it had been an unnumbered paragraph and the "*" part of the point's words. Now the
    text's footnote fn_star, its marker on the paragraph whose point prints it, both ways through AKN."""
    from lod.akn import akn_document, akn_errors
    from lod.parse.akn import read_akn
    from lod.rdf import WorkRegistry

    res = parse_file(part_path(f"{COLLECTION}#A"))
    [star] = [f for f in res.footnotes if f.marker == "*"]
    assert (star.eid, star.text.split(",")[0]) == ("fn_star", "Dependency allowances and language incentives for staff in the "
                                                                "Professional and higher categories")
    [carrier] = [p for p in res.operative if "*" in p.footnote_refs]
    assert "determined by the General Assembly; (d) Staff assessment." in carrier.text and "*" not in carrier.text
    assert not any(p.text.startswith("*") for p in res.operative)
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    xml = akn_document(res, registry, "http://lod.test")
    assert akn_errors(xml, res.source) == []
    again = read_akn(xml, res.source)
    assert [(f.marker, f.text) for f in again.footnotes] == [(f.marker, f.text) for f in res.footnotes]
    assert [(p.text, p.footnote_refs) for p in again.operative] == [(p.text, p.footnote_refs) for p in res.operative]
    # the numberless paragraphs after the one taken out are counted as the file without it reads them
    # (the whole file, both parts: `para_u4` had come back from the AKN output as `para_u3`)
    whole = parse_file(COLLECTION)
    registry.add(whole)
    back = read_akn(akn_document(whole, registry, "http://lod.test"), whole.source)
    assert [p.eid for p in back.operative] == [p.eid for p in whole.operative]


@needs_akn
@pytest.mark.parametrize(("language", "printed"), [
    ("English", "vol. 1577, No. 27531"), ("French", "vol. 1577, no 27531"), ("Spanish", "vol. 1577, núm. 27531"),
    ("Chinese", "第1577卷，第27531号"),
])
def test_the_treaty_series_as_each_language_prints_it_cites_the_treaty(language: str, printed: str) -> None:
    """E/RES/2022/14's first note cites the Convention on the Rights of the Child by its registration:
    "United Nations, Treaty Series, vol. 1577, No. 27531", in French "Nations Unies, Recueil des
    Traités, vol. 1577, no 27531", in Chinese "联合国，《条约汇编》，第1577卷，第27531号", the next note
    "Ibid." / "同上". Only the English had been read."""
    res = parse_file(next((ECOSOC22 / language).glob("E_RES_2022_14-*.xml")))
    first, ibid = ([c for c in res.citations if c.location == note and c.type == "treaty"] for note in ("fn_1", "fn_2"))
    assert [(c.text, c.unts_volumes, c.unts_number) for c in first] == [(printed, ["1577"], "27531")]
    assert [(c.unts_volumes, c.unts_number) for c in ibid] == [(["2171"], "27531")]


@needs_akn
@pytest.mark.parametrize("language", ["English", "French", "Spanish", "Russian", "Arabic", "Chinese"])
def test_a_note_registering_several_treaties_cites_each(language: str) -> None:
    """E/RES/2022/10's notes 3-5 cite the Geneva Conventions, "vol. 75, Nos. 970–973" ("nos 970 à 973",
    "núms. 970 a 973", "第970-973号"), then their Additional Protocols, "Ibid., vol. 1125, Nos. 17512 and
    17513" (in Arabic "المرجع نفسه، المجلد 1125، الرقمان 17512 و 17513") and "Ibid., vol. 2404, No.
    43425". Only the first number of each had been read, and nothing of the Arabic notes but "Ibid."."""
    res = parse_file(next((ECOSOC22 / language).glob("E_RES_2022_10-*.xml")))
    cited = [(c.location, c.unts_number, c.unts_volumes) for c in res.citations if c.location in ("fn_3", "fn_4", "fn_5")
             and c.type == "treaty"]
    assert cited == [("fn_3", n, ["75"]) for n in ("970", "971", "972", "973")] + [
        ("fn_4", "17512", ["1125"]), ("fn_4", "17513", ["1125"]), ("fn_5", "43425", ["2404"])]


def test_a_bare_ibid_repeats_every_treaty_of_the_reference_before() -> None:
    from lod.parse.citations import CitationExtractor

    extractor = CitationExtractor(None)
    extractor.extract("United Nations, Treaty Series, vol. 75, Nos. 970–973.", "fn_1")
    again = extractor.extract("Ibid.", "fn_2")
    assert [(c.unts_number, c.unts_volumes, c.text) for c in again] == [(n, ["75"], "Ibid.") for n in ("970", "971", "972", "973")]


def test_a_label_printed_with_a_space_is_written_back_as_printed() -> None:
    """A/RES/76/140 in Arabic (held out) prints "(ب ب)" for the point whose number is read "بب": the
    AKN output printed "(بب)", and the text read back differed from the text read."""
    from lod.akn.inline import printed_labels
    from lod.model import SubParagraph

    point = SubParagraph("بب", "اتخاذ التدابير المناسبة", [], "para_2__list_1__point_bb")
    assert printed_labels("(ب ب) اتخاذ التدابير المناسبة", 0, [point]) == {id(point): "(ب ب)"}


def _eids(res) -> list[str]:  # type: ignore[no-untyped-def]
    found: list[str] = []

    def walk(parts) -> None:  # type: ignore[no-untyped-def]
        for part in parts:
            found.append(part.eid)
            walk(part.subparagraphs)

    walk(res.preamble)
    walk(res.operative)
    for annex in res.annexes:
        walk(annex.paragraphs)
    return found


@needs_akn
@pytest.mark.parametrize("language", ["Chinese", "Arabic"])
def test_the_points_under_a_lettered_point_keep_the_english_eids(language: str) -> None:
    """A/RES/78/1's point (t) of paragraph 31 holds points (i)-(xi): the Chinese file prints them as
    paragraphs of their own labelled "㈠" … "㈩", then "(十一)"; the Arabic "’1‘" … "’11‘". They had been
    text of (t)'s neighbours and other points of the list; now they are (t)'s points, with the
    English file's eIds (`annex_1__para_38__list_1__point_t__list_1__point_i` …)."""
    folder = AKN / "GAresolutions-main" / "78session"
    english = _eids(parse_file(next((folder / "English").glob("A_RES_78_1_*.xml"))))
    other = _eids(parse_file(next((folder / language).glob("A_RES_78_1_*.xml"))))
    assert "annex_1__para_38__list_1__point_t__list_1__point_xi" in english
    assert other == english


@needs_akn
@pytest.mark.parametrize(("language", "second"), [("French", "Appendice II"), ("Spanish", "Apéndice II"),
                                                  ("Russian", "Добавление II"), ("Arabic", "التذييل الثاني"), ("Chinese", "附录二")])
def test_an_appendix_in_every_language_is_an_annex_numbered_as_the_english(language: str, second: str) -> None:
    """E/RES/2022/11 annexes ESCAP's resolution 78/2, whose own annex has three appendices: "Appendix
    II" in English, "Apéndice II", "Добавление II", "التذييل الثاني", "附录二" in the others. Only the
    English heading opened an annex; the others' appendices were paragraphs of the first annex, and
    every eId after them differed from the English file's."""
    english = parse_file(next((ECOSOC22 / "English").glob("E_RES_2022_11-*.xml")))
    other = parse_file(next((ECOSOC22 / language).glob("E_RES_2022_11-*.xml")))
    assert [(a.eid, a.num) for a in other.annexes][:3] == [("annex_1", None), ("annex_2", "I"), ("annex_3", "II")]
    assert [a.title for a in english.annexes][2].startswith("Terms of reference of the Asia-Pacific Forum")
    assert not any(p.text.startswith(second) for annex in other.annexes for p in annex.paragraphs)  # a heading, not a paragraph
    first_two = [e for e in _eids(english) if e.startswith(("annex_1_", "annex_2_"))]
    assert len(first_two) > 50 and [e for e in _eids(other) if e.startswith(("annex_1_", "annex_2_"))] == first_two


@needs_akn
@pytest.mark.parametrize(("symbol", "language", "words"), [
    ("A_RES_78_4", "French", "Dans le prolongement de la présente déclaration politique, nous:"),  # a subheading
    ("A_RES_78_3", "Arabic", "وعلى سبيل المتابعة لهذا الإعلان السياسي، فإننا:"),  # bold words in a title's style
])
def test_words_that_open_what_follows_are_a_paragraph_not_a_heading(symbol: str, language: str, words: str) -> None:
    """"As a follow-up to the present political declaration, we:" opens the paragraphs after it; the
    other languages' files mark it as a subheading or in a title's style, and it had been read as a
    heading: the unnumbered paragraphs after it had other eIds than the English file's."""
    english = parse_file(next((GA78 / "English").glob(f"{symbol}*.xml")))
    other = parse_file(next((GA78 / language).glob(f"{symbol}*.xml")))
    assert any(p.text == words for p in other.annexes[0].paragraphs)
    assert _eids(other) == _eids(english)


@needs_akn
def test_a_special_session_printed_before_a_link_is_the_link_s() -> None:
    """The Arabic files link only the digits of "دإ-23/2" and "دإط-10/13", to undocs.org/ar/A/RES/23/2
    and …/A/RES/10/13 (resolutions of the twenty-third and tenth regular sessions): the citation is the
    special session's, A/RES/S-23/2 and A/RES/ES-10/13, as the English file links them."""
    from lod.parse.akn.inline import with_session_prefix

    assert with_session_prefix("https://undocs.org/ar/A/RES/23/2", "العامة دإ-") == "https://undocs.org/ar/A/RES/S-23/2"
    assert with_session_prefix("https://undocs.org/ar/A/RES/10/13", "القرارات دإط-") == "https://undocs.org/ar/A/RES/ES-10/13"
    assert with_session_prefix("https://undocs.org/en/A/RES/ES-10/13", "resolutions ") == "https://undocs.org/en/A/RES/ES-10/13"
    assert with_session_prefix("https://undocs.org/en/A/RES/70/1", "resolution ") == "https://undocs.org/en/A/RES/70/1"
    for number, location, symbols in (("4", "fn_1", {"A/RES/S-23/2", "A/RES/S-23/3"}),
                                      ("22", "preamble__para_4", {f"A/RES/ES-10/{n}" for n in (13, 14, 15, 17)})):
        english, arabic = (parse_file(next((ECOSOC22 / lang).glob(f"E_RES_2022_{number}-*.xml"))) for lang in ("English", "Arabic"))
        cited = {c.symbol for c in arabic.citations if c.location == location and c.type == "resolution"}
        assert cited == symbols == {c.symbol for c in english.citations if c.location == location and c.type == "resolution"}


@pytest.mark.parametrize(("opening", "organ"), [
    ("La Asamblea General,", "ga"), ("L’Assemblée générale,", "ga"), ("Генеральная Ассамблея,", "ga"),
    ("إن الجمعية العامة،", "ga"), ("大会，", "ga"), ("Le Conseil économique et social,", "ecosoc"),
    ("La Comisión Económica y Social para Asia y el Pacífico,", "escap"), ("La Comisión de Estupefacientes,", "other"),
    ("Recordando su resolución 46/152,", None),  # no formula: the document's own organ
])
def test_an_annex_opens_with_the_formula_of_its_author(opening: str, organ: str | None) -> None:
    from lod.parse.akn.printed import annex_organ

    assert annex_organ(opening) == organ


@needs_akn
def test_its_resolution_in_an_annex_is_its_author_s_in_the_other_languages() -> None:
    """E/RES/2022/12 annexes a draft it recommends to the Assembly: "La Asamblea General, … Recordando
    su resolución 46/152" cites A/RES/46/152 as the English file does; E/RES/2022/11 annexes the Asia and
    Pacific Commission's resolution, whose "其…第73/1号决议" is the Commission's, no Assembly resolution."""
    spanish = parse_file(next((ECOSOC22 / "Spanish").glob("E_RES_2022_12-*.xml")))
    assert ("A/RES/46/152", "annex_1__para_u4") in {(c.symbol, c.location) for c in spanish.citations}
    for lang in ("Chinese", "French", "Arabic"):
        other = parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_11-*.xml")))
        assert not [c for c in other.citations if c.location.startswith("annex_1__") and (c.symbol or "").startswith("A/RES/7")]


@needs_akn
def test_the_draft_a_council_resolution_recommends_is_titled_in_each_language() -> None:
    """E/RES/2022/12 "Recommends to the General Assembly the adoption of the following draft resolution:"
    and holds the draft: the annex is titled as each language calls it, where only the English one had
    a title ("draft resolution")."""
    titles = {lang: [a.title for a in parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_12-*.xml"))).annexes]
              for lang in ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")}
    assert titles == {"English": ["draft resolution"], "French": ["projet de résolution"], "Spanish": ["proyecto de resolución"],
                      "Russian": ["проект резолюции"], "Arabic": ["مشروع القرار"], "Chinese": ["决议草案"]}


@needs_akn
def test_a_link_to_an_assembly_resolution_on_another_organ_s_number_is_the_file_s_slip() -> None:
    """E/RES/2022/14's annex in Russian prints "резолюцию 26/3 Комиссии по предупреждению преступности"
    and links the number to undocs.org/ru/A/RES/26/3, an Assembly resolution of 1971; the English file
    cites the Commission's resolution, with no link. A number printed as another organ's is not the
    Assembly's, whatever its link says; "its resolution 77/231, in which it requested the Commission"
    is the Assembly's all the same."""
    from lod.parse.akn.printed import other_organs_numbers

    russian = parse_file(next((ECOSOC22 / "Russian").glob("E_RES_2022_14-*.xml")))
    assert not {c.symbol for c in russian.citations} & {"A/RES/26/3", "A/RES/16/2"}
    found = other_organs_numbers([("les résolutions de la Commission de la condition de la femme 51/2 du 9 mars 2007 et 54/7,", "p"),
                                  ("Rappelant que, dans sa résolution 77/231, elle a prié la Commission d’approuver", "q")], "fra")
    assert found == {("p", "51/2"), ("p", "54/7")}
    arabic = other_organs_numbers([("وإلى قرارات لجنة وضع المرأة 51/2 المؤرخ 9 آذار/مارس 2007() و 52/2 المؤرخ 7 آذار/مارس 2008()", "p")], "ara")
    assert arabic == {("p", "51/2"), ("p", "52/2")}  # the "()" of a note's marker ends no clause
    council = other_organs_numbers([("عن تنفيذ القرار 2016/27 وعن الجهود المتواصلة التي تبذلها لجنة الخبراء", "p")], "ara")
    assert council == set()  # a year and a number is the Council's (E/RES/2022/24), whoever is named after it
    # a number printed as a text a document holds (the League of Arab States' resolution 14/221 in a report's
    # annex): E/RES/2022/23 in Arabic and Spanish, held-out A/RES/75/20 in Arabic link it to A/RES/14/221
    assert other_organs_numbers([("A/56/1026-S/2002/932، المرفق الثاني، القرار 14/221.", "fn_9")], "ara") == {("fn_9", "14/221")}
    assert other_organs_numbers([("A/56/1026-S/2002/932, anexo II, resolución 14/221.", "fn_2")], "spa") == {("fn_2", "14/221")}
    spanish = parse_file(next((ECOSOC22 / "Spanish").glob("E_RES_2022_23-*.xml")))
    assert "A/RES/14/221" not in {c.symbol for c in spanish.citations}


@needs_akn
def test_the_digits_of_a_part_linked_to_its_resolution_cite_the_part_only() -> None:
    """E/RES/2022/4 prints "resolution 75/290 A" and links only "75/290", to undocs.org/…/A/RES/75/290:
    the citation is the part, once, in every language, not the part and its resolution besides. A
    resolution printed as a whole beside one of its parts stays ("Decision 76/413 … decision 76/413 A")."""
    for lang in ("English", "French", "Arabic", "Chinese"):
        res = parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_4-*.xml")))
        assert {c.symbol for c in res.citations if c.location == "preamble__para_10" and "75/290" in (c.symbol or "")} == \
            {"A/RES/75/290 A"}, lang


_OTHER_TOOLS = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="resolution">
    <meta><identification source="#us">
      <FRBRWork><FRBRthis value="/akn/un/statement/deliberation/unga/2024-12-17/79-150/!main"/>
        <FRBRuri value="/akn/un/statement/deliberation/unga/2024-12-17/79-150"/>
        <FRBRdate date="2024-12-17" name="adoption"/><FRBRauthor href="#unga" as="#author"/></FRBRWork>
      <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression>
    </identification></meta>
    <preface><p class="docNumber">Resolution 79/150</p><p class="docTitle">Cooperatives in social development</p></preface>
    <preamble><container name="recitals">
      <p><i>Recalling</i> its resolution 77/202 of 15 December 2022,</p>
      <p><i>Noting</i> the contribution of cooperatives,</p>
    </container></preamble>
    <body>
      <paragraph eId="para_1"><num>1.</num><content><p><i>Takes note</i> of the report of the Secretary-General;</p></content></paragraph>
      <paragraph eId="para_2"><num>2.</num><content><p><i>Decides</i> to include the item in its provisional agenda.</p></content></paragraph>
    </body>
    <conclusions><p>51st plenary meeting</p><p>17 December 2024</p></conclusions>
  </doc>
</akomaNtoso>
"""


def test_a_resolution_other_tools_wrote_in_akn_reads_as_the_un_s(tmp_path: Path) -> None:
    """AKN written by other tools than the UN's: `<doc>` with `<body>` (an act's), one preamble container
    of several `<p>`, the preface's `<p class="docNumber">`, no cover page (the symbol from the FRBR
    work IRI's "unga" and number), the meeting as a plain line of the conclusions."""
    path = tmp_path / "79_150.xml"
    path.write_text(_OTHER_TOOLS, encoding="utf-8")
    res = parse_file(path)
    assert (res.symbol, res.body, res.number, res.adoption_date) == ("A/RES/79/150", "General Assembly", "79/150", "2024-12-17")
    assert (res.title, res.meeting) == ("Cooperatives in social development", "51st plenary meeting")
    assert [p.verb for p in res.preamble] == ["Recalling", "Noting"]
    assert [(p.eid, p.verb) for p in res.operative] == [("para_1", "Takes note"), ("para_2", "Decides")]
    assert [c.symbol for c in res.citations] == ["A/RES/77/202"]
    assert not [f for f in findings(res) if f.code != "meta-placeholder"]


@needs_akn
def test_an_ibid_note_in_the_other_languages_cites_what_the_note_before_cites() -> None:
    """E/RES/2022/22: note 3 cites resolution 2200 A (XXI) (the Covenants) by its link, note 4 is "Ibid." —
    in English the extractor repeats its own citation; in the five other languages the note before was
    cited by its link, and "Ibid.", "Там же", "同上", "المرجع نفسه" now cite it too, with the word printed."""
    for lang, word in [("French", "Ibid."), ("Spanish", "Ibid."), ("Russian", "Там же"), ("Arabic", "المرجع نفسه"),
                       ("Chinese", "同上")]:
        res = parse_file(next((ECOSOC22 / lang).glob("E_RES_2022_22-*.xml")))
        assert [(c.symbol, c.text) for c in res.citations if c.location == "fn_4"] == [("A/RES/2200(XXI)", word)], lang
    english = parse_file(next((ECOSOC22 / "English").glob("E_RES_2022_22-*.xml")))
    assert [c.symbol for c in english.citations if c.location == "fn_4"] == ["A/RES/2200(XXI)"]


@needs_akn
def test_a_statement_of_two_preambles_and_two_bodies_is_read_whole() -> None:
    """A/RES/77/118 (sustainable fisheries) is marked up as <preamble>, <mainBody>, <preamble>, <mainBody>:
    only the first of each was read — 69 of its 89 preambular paragraphs and one paragraph of its 267
    operative ones (and 12 of its 46 notes). Every part is read in the file's order; a body followed by
    another preamble is the preamble's (held-out A/RES/75/234 in Chinese: "极为关切地注意到 …，")."""
    res = parse_file(next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_118-*.xml")))
    assert (len(res.preamble), len(res.footnotes)) == (89, 46)
    numbered = [p.num for p in res.operative if p.num]
    assert numbered == [str(n) for n in range(1, 267)] and res.operative[0].verb == "Reaffirms"
    assert res.preamble[69].text.startswith("Calling attention also to the circumstances affecting fisheries")


@needs_akn
def test_a_section_s_number_and_title_marked_as_two_headings_are_one_title() -> None:
    """The UN marks a section's number and its title as two heading paragraphs ("<subheading>II</subheading>",
    then "<subheading>Implementation of the 1995 Agreement … Highly Migratory Fish Stocks</subheading>"):
    the title came after the number and replaced it ("Related fisheries instruments"), and a title over 200
    characters was read as an operative paragraph. Now "III. Related fisheries instruments", as printed and
    as the Word and text readers give it; a subheading is a heading however long."""
    fisheries = parse_file(next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_118-*.xml")))
    sections = list(dict.fromkeys(p.section for p in fisheries.operative))
    assert sections[:3] == ["I. Achieving sustainable fisheries", sections[1], "III. Related fisheries instruments"]
    assert sections[1].startswith("II. Implementation of the 1995 Agreement") and len(sections) == 14
    assert all(p.num for p in fisheries.operative)  # no title left as a paragraph
    racism = parse_file(next((AKN / "GAresolutions-main" / "77session" / "English").glob("A_RES_77_205-*.xml")))
    assert racism.operative[0].section == "I. International Convention on the Elimination of All Forms of Racial Discrimination"


@needs_akn
def test_a_link_whose_words_are_another_whole_number_is_the_file_s_slip() -> None:
    """A/RES/77/221 prints "resolution 76/156" with a link to undocs.org/en/A/RES/75/188; E/RES/2021/12 prints
    "2019/26" linked to E/RES/2018/12: the words printed are the citation, the link's target is not cited
    besides (6 such links over ../shared and the held-out sets). A link on half a number ("69/3" of a link to
    A/RES/69/313, the rest outside it) is the number's, as before."""
    english = AKN / "GAresolutions-main" / "77session" / "English"
    cited = {c.symbol for c in parse_file(next(english.glob("A_RES_77_221-*.xml"))).citations if c.location == "preamble__para_3"}
    assert "A/RES/76/156" in cited and "A/RES/75/188" not in cited
    council = parse_file(next((AKN / "ECOSOCresolutions-main" / "2021" / "English").glob("E_RES_2021_12-*.xml")))
    assert "E/RES/2018/12" not in {c.symbol for c in council.citations if c.location == "preamble__para_1"}
    half = parse_file(next(english.glob("A_RES_77_166-*.xml")))
    assert "A/RES/69/313" in {c.symbol for c in half.citations}


def test_human_rights_or_security_named_is_no_other_organ() -> None:
    """Held-out A/RES/76/152 in Arabic: "… العهدين الدوليين الخاصين بحقوق الإنسان … الوارد في قرارها 1514 (د-15)" (the
    International Covenants on Human Rights, then "its resolution 1514 (XV)"): "human rights" had been taken
    for the Human Rights Council named before "its", and the Assembly's resolution left uncited. The Council
    and the Security Council are other organs by their names ("la paix et la sécurité" is none)."""
    from lod.parse.akn.printed import printed_citations

    its = ("إذ تؤكد من جديد ما للإعمال العالمي لحق الشعوب في تقرير المصير، المنصوص عليه في العهدين الدوليين الخاصين بحقوق "
           "الإنسان() وفي إعلان منح الاستقلال للبلدان والشعوب المستعمرة الوارد في قرارها 1514 (د-15) المؤرخ 14 كانون الأول/ديسمبر 1960،")
    assert [c.symbol for c in printed_citations([(its, "p")], "ara", "ga", set())] == ["A/RES/1514(XV)"]
    for text, lang in [("Rappelant la paix et la sécurité internationales et sa résolution 1514 (XV),", "fra"),
                       ("Recordando la seguridad internacional y su resolución 1514 (XV),", "spa")]:
        assert [c.symbol for c in printed_citations([(text, "p")], lang, "ga", set())] == ["A/RES/1514(XV)"], lang
    council = "وإذ تشير إلى قرار مجلس حقوق الإنسان وقرارها 45/3،"
    assert printed_citations([(council, "p")], "ara", "ga", set()) == []


@pytest.mark.parametrize(
    ("text", "language", "symbols"),
    [
        # held-out A/RES/75/160 and 75/175 in French and Russian, 76/156 in Russian: the English files' citations
        ("les résolutions 27/22, 32/21, 38/6 et 44/16 du Conseil des droits de l’homme, en date respectivement du "
         "26 septembre 2014", "fra", ["A/HRC/RES/27/22", "A/HRC/RES/32/21", "A/HRC/RES/38/6", "A/HRC/RES/44/16"]),
        ("Rappelant en outre les résolutions du Conseil des droits de l’homme 2/2 du 27 novembre 2006, 7/27 du 28 mars "
         "2008 et 44/13 du 16 juillet 2020 sur les droits de l’homme et l’extrême pauvreté,", "fra",
         ["A/HRC/RES/2/2", "A/HRC/RES/7/27", "A/HRC/RES/44/13"]),
        ("в том числе на свою резолюцию 75/188 от 16 декабря 2020 года и резолюцию 46/6 Совета по правам человека от 23 "
         "марта 2021 года,", "rus", ["A/RES/75/188", "A/HRC/RES/46/6"]),
        # "its": the text's own organ's, whatever organ the clause names after it
        ("Rappelant sa résolution 60/251 portant création du Conseil des droits de l’homme,", "fra", ["A/RES/60/251"]),
        # a date the Council's session of that number never met in: not the Council's (nor anybody's known)
        ("les résolutions 60/251 du 15 mars 2006 et 5/1 du Conseil des droits de l’homme,", "fra",
         ["A/HRC/RES/5/1"]),
        # the Assembly named too: whose is each number, the clause does not say
        ("les résolutions de l’Assemblée générale 70/1 et du Conseil des droits de l’homme 30/1,", "fra", []),
    ],
)
def test_numbers_of_the_human_rights_council_named_alone_in_their_clause(text: str, language: str, symbols: list[str]) -> None:
    from lod.parse.akn.printed import printed_citations

    assert [c.symbol for c in printed_citations([(text, "p")], language, "ga", set())] == symbols


@needs_akn
def test_a_commission_s_resolution_the_council_annexes_cites_its_own_resolutions() -> None:
    """E/RES/2022/11 takes note of ESCAP resolution 78/2 and annexes it: "La Commission économique et sociale pour
    l’Asie et le Pacifique, Rappelant sa résolution 73/1 …; Rappelle ses résolutions 48/2 …, 64/1 … et 69/1".
    Its "its" is the Commission's: the English file's E/ESCAP/RES/… in the other five languages too (none had been
    cited). The Arabic file prints 74/5 as "5/74", of 16 May 2018: ESCAP's 5th session met in 1949, so not cited."""
    english = {c.symbol for c in parse_file(next(ECOSOC.glob("2022/English/E_RES_2022_11-*"))).citations}
    for path in sorted(ECOSOC.glob("2022/*/E_RES_2022_11-*")):
        symbols = {c.symbol for c in parse_file(path).citations if c.symbol and c.symbol.startswith("E/ESCAP/")}
        assert {"E/ESCAP/RES/48/2", "E/ESCAP/RES/64/1", "E/ESCAP/RES/69/1"} <= symbols <= english, path.name
        assert "E/ESCAP/RES/5/74" not in symbols
        cited = {c.location for c in parse_file(path).citations if c.symbol == "E/ESCAP/RES/73/1"}
        assert cited == {"annex_1__para_u2", "annex_1__para_u6"}, path.name  # "the Commission … pursuant to resolution 73/1"


@pytest.mark.parametrize(("text", "language"), [
    ("Ayant examiné la note du secrétariat sur l’examen de l’appareil de conférence de la Commission en application de"
     " la résolution 73/1,", "fra"),
    ("рассмотрев записку секретариата о пересмотре конференционной структуры Комиссии во исполнение резолюции 73/1,", "rus"),
    ("وقد نظرت في مذكرة الأمانة بشأن استعراض هيكل مؤتمرات اللجنة عملا بالقرار 73/1،", "ara"),
    ("Habiendo examinado la nota de la secretaría sobre el examen de la estructura de conferencias de la Comisión en"
     " cumplimiento de la resolución 73/1,", "spa"),
    ("回顾其关于与《2030年可持续发展议程》相匹配的亚洲及太平洋经济社会委员会会议结构的2017年5月19日第73/1号决议，", "zho"),
], ids=["fra", "rus", "ara", "spa", "zho"])
def test_a_commission_s_word_for_itself_in_its_annexed_text_is_no_other_organ(text: str, language: str) -> None:
    """E/RES/2022/11 annexes ESCAP's resolution 78/2: "the conference structure of the Commission pursuant to
    resolution 73/1" is ESCAP's own 73/1, as the English file cites it; so is the Chinese "回顾其…亚洲及太平洋经济社会
    委员会会议结构的…第73/1号决议", where the Commission's own name stands before the number (and its 73rd session,
    2017, is no Assembly session of that year: the number is still the Commission's)."""
    from lod.parse.akn.printed import printed_citations

    found = printed_citations([(text, "annex_1__para_u6")], language, "ecosoc", set(), {"annex_1": "escap"},
                              {("annex_1__para_u6", "73/1"): ""})
    assert [c.symbol for c in found] == ["E/ESCAP/RES/73/1"]


@pytest.mark.parametrize(("text", "language"), [
    ("de la Commission de la condition de la femme en application de la résolution 60/2,", "fra"),
    ("Комиссии по положению женщин во исполнение резолюции 60/2,", "rus"),
    ("لجنة وضع المرأة عملا بالقرار 60/2،", "ara"),
], ids=["fra", "rus", "ara"])
def test_another_commission_before_a_number_in_a_commission_s_annexed_text_is_still_another(text: str, language: str) -> None:
    from lod.parse.akn.printed import printed_citations

    assert printed_citations([(text, "annex_1__para_u6")], language, "ecosoc", set(), {"annex_1": "escap"}) == []


@pytest.mark.parametrize(("text", "own", "symbols"), [
    # E/RES/2022/8: the Council by its short name right before the number, a commission named earlier in the sentence
    ("鼓励委员会主席，必要时连同委员会其他成员，按照理事会2011年7月27日第2011/20号决议的规定，", "ecosoc", ["E/RES/2011/20"]),
    # E/RES/2022/15: what the resolution is about ("关于…的") stands between its organ and its number
    ("又回顾经社理事会2006年7月28日关于世界峰会后续行动及科学和技术促进发展委员会审查职责的第2006/46号决议，", "ecosoc",
     ["E/RES/2006/46"]),
    ("回顾其关于设立人权理事会的2006年3月15日第60/251号决议，", "ga", ["A/RES/60/251"]),
    ("鼓励委员会主席按照人权理事会2011年3月25日第16/21号决议的规定，", "ecosoc", []),  # the Human Rights Council's: its link's
    ("回顾安全理事会关于妇女与和平与安全的2000年10月31日第1325(2000)号决议，", "ga", ["S/RES/1325 (2000)"]),
    # E/RES/2022/11: a commission with numbers of its own named right before its number
    ("表示注意到亚洲及太平洋经济社会委员会2022年5月27日第78/2号决议，", "ecosoc", ["E/ESCAP/RES/78/2"]),
    # held-out E/RES/2021/24 in Chinese: the 关于 of a quoted title is no topic of the number after the title
    ("又回顾经济及社会理事会题为“执行大会关于预防犯罪和刑事司法领域的业务活动和协调的第46/152号决议”的1992年7月30日"
     "第1992/22号决议，", "ecosoc", ["A/RES/46/152", "E/RES/1992/22"]),  # the title's 46/152 as the English file's
], ids=["council-short-name", "topic-after-organ", "topic-organ-is-no-owner", "human-rights-council", "security-council",
        "commission", "quoted-title"])
def test_a_chinese_number_s_organ_is_the_one_named_before_it_not_its_topic(text: str, own: str, symbols: list[str]) -> None:
    from lod.parse.akn.printed import printed_citations

    assert [c.symbol for c in printed_citations([(text, "preamble__para_1")], "zho", own, set())] == symbols


@pytest.mark.parametrize(("text", "language", "own", "symbols"), [
    # E/RES/2022/4 in Arabic: "in accordance with Council resolutions 1996/6 and 1996/31, to contribute to the work
    # of the Commission": the Council by its short name before its numbers, a commission after them
    ("وفقا لقراري المجلس 1996/6 و 1996/31، للإسهام في أعمال اللجنة،", "ara", "ecosoc", ["E/RES/1996/6", "E/RES/1996/31"]),
    ("в соответствии с резолюциями Совета 1996/6 и 1996/31 вносить вклад в работу Комиссии,", "rus", "ecosoc",
     ["E/RES/1996/6", "E/RES/1996/31"]),
    ("de conformidad con las resoluciones del Consejo 1996/6 y 1996/31, a contribuir a la labor de la Comisión,", "spa",
     "ecosoc", ["E/RES/1996/6", "E/RES/1996/31"]),
    ("в соответствии с резолюциями Совета по правам человека 24/14 и 40/3 и Комиссии,", "rus", "ecosoc", []),
    ("в соответствии с резолюциями Совета 1996/6 и 1996/31 вносить вклад в работу Комиссии,", "rus", "ga", []),
], ids=["ara", "rus", "spa", "human-rights-council", "assembly-text"])
def test_the_council_s_short_name_before_its_numbers_in_its_own_text(text: str, language: str, own: str,
                                                                      symbols: list[str]) -> None:
    from lod.parse.akn.printed import printed_citations

    assert [c.symbol for c in printed_citations([(text, "para_25")], language, own, set())] == symbols


def test_another_commission_named_in_a_commission_s_annexed_text_is_not_it() -> None:
    from lod.parse.akn.printed import printed_citations

    texts = [("Rappelant sa résolution 73/1 du 19 mai 2017 et la résolution 2/1 de la Commission de statistique,", "annex_1__para_u2")]
    found = printed_citations(texts, "fra", "ecosoc", set(), {"annex_1": "escap"})
    assert [c.symbol for c in found] == ["E/ESCAP/RES/73/1"]


def test_a_list_whose_other_numbers_its_links_give_to_the_council_is_the_council_s() -> None:
    """Held-out A/RES/77/214 in Spanish: "las resoluciones del Consejo 24/14, … 40/3, …, 43/15, …, 46/5 … y 49/6",
    the first linked to A/HRC/RES/…, the last three to the Assembly's resolutions of 1988–1994 or not at all: the
    English file's A/HRC/RES/43/15, 46/5, 49/6. "its" keeps its own reading whatever a link says."""
    from lod.parse.akn.printed import printed_citations

    text = ("y las resoluciones del Consejo 24/14, de 27 de septiembre de 2013, 40/3, de 21 de marzo de 2019, 43/15, de 22 de "
            "junio de 2020, 46/5, de 23 de marzo de 2021 y 49/6, de 31 de marzo de 2022,")
    linked = {("p", "24/14"): "hrc", ("p", "40/3"): "hrc"}
    known = {("p", "A/HRC/RES/24/14"), ("p", "A/HRC/RES/40/3")}
    assert [c.symbol for c in printed_citations([(text, "p")], "spa", "ga", known, None, linked)] == [
        "A/HRC/RES/43/15", "A/HRC/RES/46/5", "A/HRC/RES/49/6"]
    its = "Recordando sus resoluciones 32/127, de 16 de diciembre de 1977, y 46/5,"
    symbols = [c.symbol for c in printed_citations([(its, "p")], "spa", "ga", set(), None, {("p", "46/5"): "hrc"})]
    assert symbols[0] == "A/RES/32/127" and not [s for s in symbols if s.startswith("A/HRC/")]
