"""Each UN body's conventions live in its record (lod.bodies.Body): symbol series, number format,
session-year rule. The symbols module, the converters and the registry read them from there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lod.bodies import BODIES, by_key, session_year, symbol_of
from lod.parse.records import decision_source
from lod.symbols import parse_symbol, resolution_symbol

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("symbol", "body", "kind", "number"), [
    ("A/RES/70/174", "ga", "resolution", "70/174"),
    ("A/RES/ES-10/21", "ga", "resolution", "ES-10/21"),
    ("S/RES/1373(2001)", "sc", "resolution", "1373 (2001)"),
    ("E/RES/2017/16", "ecosoc", "resolution", "2017/16"),
    ("E/DEC/2019/201", "ecosoc", "decision", "2019/201"),
    ("A/HRC/RES/6/15", "hrc", "resolution", "6/15"),
    ("A/HRC/DEC/22/101", "hrc", "decision", "22/101"),
    ("A/DEC/77/401", "ga", "decision", "77/401"),
])
def test_a_symbol_reads_back_into_its_number_and_the_number_writes_the_symbol(
        symbol: str, body: str, kind: str, number: str) -> None:
    info = parse_symbol(symbol)
    assert (info.body, info.kind, info.number) == (body, kind, number)
    written = by_key(body).conventions.symbol(kind, number)  # type: ignore[union-attr]
    assert parse_symbol(written).number == number


def test_every_organ_with_a_series_reads_its_own_symbols() -> None:
    """No organ's series is read by another's pattern (A/HRC/RES is not A/RES)."""
    for body in BODIES:
        c = body.conventions
        if c is None:
            continue
        example = {"{session}/{n}": "12/3", "{n} ({year})": "660 (1990)", "{year}/{n}": "2022/5"}[c.number_template]
        for kind in ("resolution", "decision"):
            if c.series(kind):
                assert parse_symbol(c.symbol(kind, example) or "").body == body.key, (body.key, kind)


def test_old_general_assembly_numbers_print_without_a_space_in_their_symbol() -> None:
    assert resolution_symbol("ga", "3263 (XXIX)") == "A/RES/3263(XXIX)"
    assert resolution_symbol("ga", "3263 A (XXIX)") == "A/RES/3263(XXIX)"
    assert symbol_of(by_key("ga"), "3263 (XXIX)", "resolution") == "A/RES/3263(XXIX)"
    assert resolution_symbol("sc", "660 (1990)") == "S/RES/660 (1990)"
    assert resolution_symbol("c3", "1") is None and resolution_symbol("nobody", "1") is None


@pytest.mark.parametrize(("key", "session", "year"), [
    ("ga", 1, 1946), ("ga", 78, 2023), ("hrc", 1, 2006), ("hrc", 4, 2007), ("hrc", 55, 2024),
    ("ccpcj", 34, 2025), ("cnd", 68, 2025), ("csw", 69, 2025), ("sc", 1, None), ("c3", 78, None), (None, 3, None),
])
def test_session_year_is_the_bodys_rule(key: str | None, session: int, year: int | None) -> None:
    assert session_year(key, session) == year


def test_no_body_branches_outside_the_body_table() -> None:
    """`if body == "sc"` belongs in a Body record, not in the converters or the mapping."""
    branch = re.compile(r"""(?:body|key)\s*==\s*["'](?:ga|sc|ecosoc|hrc)["']""")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for folder in ("lod/parse", "lod/rdf", "lod/symbols.py", "lod/search")
                 for p in ([ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if branch.search(line)]
    assert not offenders, offenders


@pytest.mark.parametrize(("division", "organ"), [("SC", "Security Council"), ("ECOSOC", "Economic and Social Council"),
                                                  ("GA", "General Assembly"), (None, "General Assembly"),
                                                  ("XYZ", "General Assembly")])
def test_a_decision_record_names_the_organ_of_its_division(division: str | None, organ: str) -> None:
    record = {"ED_DecisionText": "The General Assembly took note of the report.", "ED_DecisionNumber": "77/401",
              "ED_Division": division, "ED_Meeting": [{"ED_Date": "2022-09-13T04:00:00.000Z", "ED_Number": "3rd plenary meeting"}]}
    text = decision_source(record, "record.json").text
    assert f"Decision adopted by the {organ} on 13 September 2022" in text


@pytest.mark.parametrize("key", [b.key for b in BODIES if b.first_session is not None])
def test_session_of_a_year_is_the_inverse_of_the_session_year(key: str) -> None:
    body = by_key(key)
    for year in (body.first_session, 1990, 2025):
        session = body.session_of(year)  # type: ignore[arg-type]
        if session is not None and session >= 1:
            assert body.session_year(session) == year


def test_commission_drafts_are_read_by_their_document_series() -> None:
    for body in BODIES:
        if body.document_series:
            assert parse_symbol(f"{body.document_series}/2019/L.3/Rev.1").body == body.key


def test_the_bodies_listed_in_the_data_file_are_bodies_of_the_one_table() -> None:
    """lod/data/bodies.csv holds the bodies with no more to say than their names; each is a body
    of `BODIES` under its key, actor and names, its parent a body of the table, no key, actor or
    name given twice."""
    import csv

    from lod.bodies import BODIES, BODIES_CSV, by_actor, by_name

    with BODIES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 100
    for row in rows:
        body = by_key(row["key"])
        assert (body.name, body.actor, body.kind) == (row["name"], row["actor"], row["kind"])
        assert by_actor(row["actor"]) is body and by_name(row["name"]) is body
        assert body.parent is None or by_key(body.parent) is not None
    keys = [b.key for b in BODIES]
    names = [n.casefold() for b in BODIES for n in (b.name, *b.aliases)]
    assert len(keys) == len(set(keys)) == len({b.actor for b in BODIES}) and len(names) == len(set(names))
    # A/RES/72/84, 72/146, 72/195: "the Special Committee" named in full above it, "the United
    # Nations Programme on Youth", "the Inter-Agency Coordination Group"
    assert by_name("United Nations Programme on Youth").key == "youth-programme"
    assert by_name("Inter-Agency Coordination Group").key == "icat"
    # the UN system entities resolutions of ../shared ask to act that the table lacked
    assert [by_name(n).key for n in ("UNRWA", "International Atomic Energy Agency", "World Meteorological Organization",
                                      "Independent Audit Advisory Committee", "Department of Safety and Security")] == [
        "unrwa", "iaea", "wmo", "iaac", "dss"]


def test_a_session_in_roman_numerals_both_ways() -> None:
    """The early resolutions print their session in Roman numerals ("2200 A (XXI)"); the Arabic
    texts print it in digits ("(د-21)"), read back into the numerals the symbol has."""
    from lod.symbols import int_to_roman, roman_to_int

    assert [int_to_roman(n) for n in (1, 4, 9, 14, 21, 39, 40, 49, 63, 90, 399)] == [
        "I", "IV", "IX", "XIV", "XXI", "XXXIX", "XL", "XLIX", "LXIII", "XC", "CCCXCIX"]
    assert all(roman_to_int(int_to_roman(n)) == n for n in range(1, 400))


def test_the_assembly_s_decisions_are_numbered_from_401() -> None:
    from lod.bodies import by_key, symbol_of

    ga = by_key("ga")
    assert symbol_of(ga, "77/511", "decision") == "A/DEC/77/511"
    assert symbol_of(ga, "20/1", "decision") is None and symbol_of(ga, "31/1", "resolution") == "A/RES/31/1"
    assert symbol_of(by_key("ecosoc"), "2021/8", "decision") == "E/DEC/2021/8"  # the Council's: any number



def test_the_assembly_numbered_session_slash_number_from_its_31st_session() -> None:
    """Before its 31st session (1976) the Assembly numbered "3263 (XXIX)": "resolution 7/5" is never one of
    its, whatever text cites it (a conference of parties', the Environment Assembly's)."""
    from lod.bodies import by_key, symbol_of

    ga = by_key("ga").conventions
    assert ga is not None
    assert [ga.is_resolution_number(n) for n in ("7/5", "30/99", "31/1", "77/262 B", "S-27/1", "ES-10/13", "3263 (XXIX)")] == [
        False, False, True, True, True, True, True]
    assert symbol_of(by_key("ga"), "20/1", "resolution") is None
    assert symbol_of(by_key("hrc"), "20/1", "resolution") == "A/HRC/RES/20/1"  # the Council's from its first


@pytest.mark.parametrize(("symbol", "expected"), [
    ("A/RES/217(III)", ("resolution", "ga", "217 (III)")),
    ("E/RES/1566(L)", ("resolution", "ecosoc", "1566 (L)")),
    ("E/DEC/281(LXIII)", ("decision", "ecosoc", "281 (LXIII)")),
    ("A/RES/70/1", None),
    ("S/RES/1373 (2001)", None),
])
def test_an_early_symbol_names_its_kind_organ_and_number(symbol: str, expected: tuple[str, str, str] | None) -> None:
    from lod.symbols import early_symbol

    assert early_symbol(symbol) == expected


@pytest.mark.parametrize(("symbol", "body", "kind", "session", "number"), [
    ("A/RES/1145(XII)", "ga", "resolution", 12, "1145 (XII)"),
    ("A/RES/217 (III)", "ga", "resolution", 3, "217 (III)"),
    ("E/RES/1566(L)", "ecosoc", "resolution", 50, "1566 (L)"),
    ("E/DEC/281(LXIII)", "ecosoc", "decision", 63, "281 (LXIII)"),
    ("A/RES/70/174", "ga", "resolution", 70, "70/174"),
    ("A/78/304", "ga", "document", 78, None),
])
def test_a_symbol_of_either_numbering_names_its_organ_and_number(
    symbol: str, body: str, kind: str, session: int, number: str | None
) -> None:
    """An early text's symbol gives the number texts cite it by, so that "A/RES/1145(XII)" and
    "resolution 1145 (XII)" are one work (they were two IRIs, one of them an approximate date's)."""
    from lod.symbols import parse_symbol

    info = parse_symbol(symbol)
    assert (info.body, info.kind, info.session, info.number) == (body, kind, session, number)
