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
