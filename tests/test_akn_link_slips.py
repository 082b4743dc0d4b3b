"""The UN's links, read as what they say rather than as they are marked up: a link marked up piece
by piece is one link, and a link on a number printed as another organ's, with a date the Assembly's
session of that number never met in, is the file's slip (lod.parse.akn.inline, lod.parse.akn.printed).
The held-out files of the 76th session these come from are not in ../shared; the lines are theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from corpora import ABSENT, REAL
from lod.parse import parse_file
from lod.parse.akn.inline import AKN_NS, InlineReader, Link
from lod.parse.akn.printed import misdated_numbers

AKN = REAL / "ga-akn"
needs_akn = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)


def _links(xml: str) -> list[Link]:
    return InlineReader().read(etree.fromstring(f'<p xmlns="{AKN_NS}">{xml}</p>')).links


def test_a_link_marked_up_piece_by_piece_is_one_link() -> None:
    """A/RES/76/158 in Spanish links "45/3" as three links, "4", "5" and "/3", to one target; the first had
    been a citation whose words were "4"."""
    href = "https://undocs.org/es/A/hrc/RES/45/3"
    pieces = f'y la resolución <a href="{href}">4</a><a href="{href}">5</a><a href="{href}">/3</a>, de 6 de octubre'
    assert _links(pieces) == [Link("45/3", href)]


def test_links_to_two_targets_or_with_words_between_stay_two() -> None:
    one, other = "https://undocs.org/en/A/RES/70/1", "https://undocs.org/en/A/RES/70/2"
    assert [link.text for link in _links(f'<a href="{one}">70/1</a><a href="{other}">70/2</a>')] == ["70/1", "70/2"]
    assert [link.text for link in _links(f'<a href="{one}">70/1</a> and <a href="{one}">70/1</a>')] == ["70/1", "70/1"]


@needs_akn
@pytest.mark.parametrize(
    ("path", "symbol", "words"),
    [
        ("ECOSOCresolutions-main/2022/Russian/E_RES_2022_24-2211746R.xml", "E/RES/2011/24", "2011/24"),  # had "201"
        ("GAresolutions-main/78session/Chinese/A_RES_78_7-2321472C.xml", "A/RES/73/8", "73/8"),  # had "7"
        ("GAresolutions-main/77session/English/A_RES_77_76-2228176E.xml", "NPT/CONF.2020/WP.77", "NPT/CONF.2020/WP.77"),
    ],
)
def test_the_words_of_a_link_marked_up_piece_by_piece_are_the_citation_s(path: str, symbol: str, words: str) -> None:
    cited = [c.text for c in parse_file(AKN / path).citations if c.symbol == symbol]
    assert cited and set(cited) == {words}


@pytest.mark.parametrize(
    "text",
    [
        "Rappelant également toutes ses autres résolutions sur la question, ainsi que les résolutions adoptées par le Conseil"
        " des droits de l’homme à ce sujet, notamment les résolutions 36/6 du 28 septembre 2017 et 45/3 du 6 octobre 2020,",
        "así como las resoluciones pertinentes aprobadas por el Consejo de Derechos Humanos, entre ellas la resolución 36/6,"
        " de 28 de septiembre de 2017, y la resolución 45/3, de 6 de octubre de 2020,",
        "а также на соответствующие резолюции, принятые Советом по правам человека, включая резолюцию 36/6 от 28 сентября"
        " 2017 года и резолюцию 45/3 от 6 октября 2020 года,",
        "وكذلك قرارات مجلس حقوق الإنسان ذات الصلة، بما فيها القرار 36/6 المؤرخ 28 أيلول/سبتمبر 2017، والقرار 45/3 المؤرخ 6"
        " تشرين الأول/أكتوبر 2020،",
        "以及人权理事会通过的相关决议，包括2017年9月28日第36/6号 和2020年10月6日第45/3号决议，",
    ],
)
def test_a_number_printed_as_another_organ_s_with_a_date_its_assembly_session_never_met_in(text: str) -> None:
    """The Human Rights Council's 45/3 of 2020 (the Assembly's 45th session met in 1990); its 36/6 of 2017 fits
    the Assembly's 36th session no better, but a link on it to the Council's is no slip to find."""
    assert misdated_numbers([(text, "preamble__para_3")]) == {("preamble__para_3", "36/6"), ("preamble__para_3", "45/3")}


@pytest.mark.parametrize(
    "text",
    [
        # the Assembly's own, with a misprinted year (A/RES/76/158 in French; the English file prints 2017)
        "Rappelant toutes ses autres résolutions sur la question, y compris les résolutions 70/160 du 17 décembre 2015, "
        "72/183 du 19 décembre 2019 et 74/161 du 18 décembre 2019,",
        # another organ named, but the date fits the Assembly's session
        "Prenant note de la résolution 36/7 du Conseil des droits de l’homme et de la résolution 75/1 du 21 septembre 2020,",
        # another organ named before the Assembly
        "Rappelant la résolution 22/1 de la Commission et la résolution de l’Assemblée générale 76/1 du 3 décembre 2022,",
    ],
)
def test_a_dated_number_is_no_slip_without_both(text: str) -> None:
    assert misdated_numbers([(text, "p")]) == set()


@needs_akn
def test_a_link_to_the_assembly_on_another_organ_s_misdated_number_is_not_cited(tmp_path: Path) -> None:
    """E/RES/2022/7 in French: "que le Conseil des droits de l’homme a adoptés dans sa résolution 21/11", linked
    to A/HRC/RES/21/11. Linked to A/RES/21/11 and dated 2012 (the Assembly's 21st session met in 1966), the
    link is the file's slip: not cited as the Assembly's."""
    source = AKN / "ECOSOCresolutions-main" / "2022" / "French" / "E_RES_2022_7-2209367F.xml"
    assert "A/HRC/RES/21/11" in [c.symbol for c in parse_file(source).citations]
    xml = source.read_text(encoding="utf-8")
    linked = '<a href="https://undocs.org/fr/A/HRC/RES/21/11">21/11</a>'
    slip = tmp_path / source.name
    slip.write_text(xml.replace(linked, '<a href="https://undocs.org/fr/A/RES/21/11">21/11</a> du 27 septembre 2012', 1),
                    encoding="utf-8")
    assert slip.read_text(encoding="utf-8") != xml
    symbols = [c.symbol for c in parse_file(slip).citations]
    assert "A/RES/21/11" not in symbols and "A/HRC/RES/21/11" not in symbols
    undated = tmp_path / "undated.xml"
    undated.write_text(xml.replace(linked, '<a href="https://undocs.org/fr/A/RES/21/11">21/11</a>', 1), encoding="utf-8")
    assert "A/RES/21/11" in [c.symbol for c in parse_file(undated).citations]  # no date printed: the link stands
