"""A document's part, volume and supplement as undocs.org links them: "A/73/12(PartI)" is the document
printed "A/73/12 (Part I)", "A/63/47(supp)" the one printed "A/63/47" (lod.symbols.link_symbol);
the citation extractor reads "(Part I)" as part of the symbol it follows. Each had been a second
citation beside the printed one, of a symbol no document has."""

from __future__ import annotations

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file
from lod.parse.citations import CitationExtractor
from lod.symbols import link_symbol

GA77 = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"


@pytest.mark.parametrize(
    ("href", "symbol"),
    [
        ("https://undocs.org/en/A/CONF.157/24(PartI)", "A/CONF.157/24 (Part I)"),
        ("https://undocs.org/ru/A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)"),
        ("https://undocs.org/en/NPT/CONF.2000/28(PartIV)", "NPT/CONF.2000/28 (Part IV)"),
        ("https://undocs.org/en/NPT/CONF.1995/32(PartI)/Corr.2", "NPT/CONF.1995/32 (Part I)/Corr.2"),  # A/RES/77/91
        ("https://undocs.org/en/NPT/CONF.2010/50(Vol.I)", "NPT/CONF.2010/50 (Vol. I)"),
        ("https://undocs.org/en/A/77/49 (vol. I)", "A/77/49 (Vol. I)"),
        ("https://undocs.org/en/E/1993/23(supp)", "E/1993/23"),
        ("https://undocs.org/en/A/59/19/Rev.1(Supp)", "A/59/19/Rev.1"),
        ("https://undocs.org/en/A/RES/217(III)", "A/RES/217(III)"),  # a session, not a part
        # a resolution's part, in either case (E/RES/2022/12 in Chinese), and a range of parts: the
        # resolution whole (A/RES/78/2's "…/A/RES/54/237a-c", once a bogus document symbol)
        ("https://undocs.org/ch/A/RES/57/270B", "A/RES/57/270 B"),
        ("https://undocs.org/en/A/RES/57/270b", "A/RES/57/270 B"),
        ("https://undocs.org/en/A/RES/54/237a-c", "A/RES/54/237"),
        ("https://undocs.org/en/A/RES/54/237A-C", "A/RES/54/237"),  # held-out A/RES/75/2
        ("https://undocs.org/en/E/RES/2021/2b", "E/RES/2021/2 B"),  # the Council's parts too (E/RES/2022/21)
        # undocs.org answers a symbol in any case, and the UN's files link so; the symbol is the one printed
        ("https://undocs.org/en/A/hrc/RES/45/3", "A/HRC/RES/45/3"),  # A/RES/77/230
        ("https://undocs.org/ch/e/escap/RES/72/7", "E/ESCAP/RES/72/7"),  # held-out A/RES/75/222 in Chinese
        ("https://undocs.org/en/a/res/70/1", "A/RES/70/1"),  # A/RES/77/12
        ("https://undocs.org/en/e/res/2008 (LX)", "E/RES/2008(LX)"),  # A/RES/77/254
        ("https://undocs.org/A/77/367/corr.1", "A/77/367/Corr.1"),  # A/RES/77/263
        ("http://undocs.org/sp/A/RES/74/174", "A/RES/74/174"),  # "sp" for Spanish: E/RES/2022/14 in Spanish
        ("https://undocs.org/en/NPT/CONF.2000/28 (Parts I and II)", "NPT/CONF.2000/28 (Parts I and II)"),
    ],
)
def test_a_linked_part_or_supplement_is_the_symbol_as_printed(href: str, symbol: str) -> None:
    assert link_symbol(href) == symbol


def test_the_part_printed_after_a_symbol_is_the_symbol_s() -> None:
    found = CitationExtractor("General Assembly").extract(
        "A/CONF.157/24 (Part I), chap. III; A/73/12(PartII) and A/73/12; Supplement No. 49 (A/77/49 (Vol. II)).", "fn_2")
    assert [c.symbol for c in found] == ["A/CONF.157/24 (Part I)", "A/73/12 (Part II)", "A/73/12", "A/77/49 (Vol. II)"]


@pytest.mark.skipif(not GA77.is_dir(), reason=ABSENT)
def test_the_un_s_links_to_parts_and_supplements_are_the_printed_citations() -> None:
    [mine] = GA77.glob("A_RES_77_38-*")
    [refugees] = GA77.glob("A_RES_77_109-*")
    assert [c.symbol for c in parse_file(mine).citations if c.location == "fn_2"] == ["A/77/153 (Part I)"]
    symbols = [c.symbol for c in parse_file(refugees).citations if c.location in ("fn_1", "fn_2", "fn_5")]
    assert "A/63/47" in symbols and not [s for s in symbols if s and "supp" in s.lower()]


ECOSOC = REAL / "ga-akn" / "ECOSOCresolutions-main"


@pytest.mark.skipif(not GA77.is_dir(), reason=ABSENT)
def test_a_link_in_lower_case_is_the_citation_of_the_symbol_printed() -> None:
    """A/RES/77/230 links "Human Rights Council resolutions S-16/1, …" to undocs.org/en/A/hrc/RES/…: each had
    been a second citation beside the printed one, a "document" whose symbol no document has."""
    [syria] = GA77.glob("A_RES_77_230-*")
    cited = [c for c in parse_file(syria).citations if c.location == "preamble__para_4"]
    assert not [c.symbol for c in cited if c.symbol and c.symbol != c.symbol.upper()]
    symbols = [c.symbol for c in cited]
    assert "A/HRC/RES/S-16/1" in symbols and len(symbols) == len(set(symbols))
    assert {c.type for c in cited if c.symbol and c.symbol.startswith("A/HRC/RES/")} == {"resolution"}


@pytest.mark.skipif(not ECOSOC.is_dir(), reason=ABSENT)
def test_a_part_of_a_council_resolution_is_its_own_work() -> None:
    """E/RES/2021/2 B, adopted ten months after E/RES/2021/2, had been published as a second work numbered
    2021/2; E/RES/2022/21 cites it, in every language, by a link to "E/RES/2021/2b"."""
    [part] = (ECOSOC / "2021" / "English").glob("E_RES_2021_2 B-*")
    whole = parse_file(part)
    assert (whole.symbol_info.body, whole.symbol_info.kind, whole.symbol_info.number) == ("ecosoc", "resolution", "2021/2 B")
    for path in (ECOSOC / "2022").glob("*/E_RES_2022_21-*"):
        cited = [c for c in parse_file(path).citations if c.symbol == "E/RES/2021/2 B"]
        assert [c.type for c in cited] == ["resolution"], path.name
