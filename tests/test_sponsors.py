"""lod.parse.sponsors: sponsor lines as printed in real drafts, and the forms drafts use in general."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lod.model import Sponsor
from lod.parse.sponsors import parse_sponsors

from corpora import CORPUS  # noqa: E402


def _sponsor_line(name: str) -> str:
    """The line before ": (revised) draft resolution", read from the corpus file itself."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    match = re.search(r"^[#\s]*(?P<line>[^\n]+?)\s*:\s*(?:revised\s+)?draft\s+resolution", text, re.MULTILINE)
    assert match is not None
    return match.group("line")


def test_third_committee_draft_with_43_sponsors() -> None:
    sponsors = parse_sponsors(_sponsor_line("001_a434e5ae4ec07524.txt"))
    names = [s.name for s in sponsors]
    assert len(sponsors) == 43
    assert all(s.kind == "state" and s.iso3 for s in sponsors), [s for s in sponsors if not s.iso3]
    assert names[:3] == ["Albania", "Antigua and Barbuda", "Argentina"]
    assert "Bosnia and Herzegovina" in names
    # "Singapore, and Spain" (sic) gives both States.
    assert names[names.index("Singapore") + 1] == "Spain"
    assert sponsors[-2] == Sponsor("the former Yugoslav Republic of Macedonia", "MKD", "state")
    assert sponsors[-1] == Sponsor("Zimbabwe", "ZWE", "state")
    assert len({s.iso3 for s in sponsors}) == 43


def test_commission_draft_sponsors() -> None:
    assert [s.iso3 for s in parse_sponsors(_sponsor_line("004_a62735c9b0a34126.txt"))] == ["AUT", "CAN", "COL"]


def test_sixth_committee_draft_two_sponsors() -> None:
    assert parse_sponsors(_sponsor_line("A_C.6_80_L.2.txt")) == [
        Sponsor("Argentina", "ARG", "state"),
        Sponsor("Brazil", "BRA", "state"),
    ]


def test_names_containing_and_are_not_split() -> None:
    line = (
        "Antigua and Barbuda, Saint Kitts and Nevis, Saint Vincent and the Grenadines, "
        "Sao Tome and Principe and Trinidad and Tobago"
    )
    assert [s.iso3 for s in parse_sponsors(line)] == ["ATG", "KNA", "VCT", "STP", "TTO"]


def test_unknown_names_are_kept_whole() -> None:
    sponsors = parse_sponsors("Australia, Heard Island and McDonald Islands and New Zealand")
    assert sponsors == [
        Sponsor("Australia", "AUS", "state"),
        Sponsor("Heard Island and McDonald Islands", None, "unknown"),
        Sponsor("New Zealand", "NZL", "state"),
    ]


def test_official_names_with_parentheses() -> None:
    line = "Bolivia (Plurinational State of), Iran (Islamic Republic of), Micronesia (Federated States of), Netherlands (Kingdom of the) and Venezuela (Bolivarian Republic of)"
    assert [s.iso3 for s in parse_sponsors(line)] == ["BOL", "IRN", "FSM", "NLD", "VEN"]


def test_group_on_behalf_of() -> None:
    assert parse_sponsors("Egypt (on behalf of the Group of Arab States)") == [
        Sponsor("Egypt", "EGY", "state"),
        Sponsor("Group of Arab States", None, "group", "arab-group"),
    ]
    line = (
        "Bolivia (Plurinational State of) (on behalf of the States Members of the United Nations "
        "that are members of the Group of 77 and China)"
    )
    assert parse_sponsors(line) == [
        Sponsor("Bolivia (Plurinational State of)", "BOL", "state"),
        Sponsor("Group of 77 and China", None, "group", "g77-china"),
    ]


def test_organizations_and_observers() -> None:
    sponsors = parse_sponsors("European Union, Holy See and State of Palestine")
    assert sponsors == [
        Sponsor("European Union", None, "organization", "eu"),
        Sponsor("Holy See", "VAT", "state"),
        Sponsor("State of Palestine", "PSE", "state"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Austria,¹ Canada² and Colombia³",
        "Austria,<sup>1</sup> Canada<sup>2</sup> and Colombia",
        "Austria*, Canada and Colombia*",
        "Austria1, Canada2 and Colombia3",
        "Austria, Canada and\nColombia: draft resolution",
        "*Austria*, \\*Canada and Colombia",
    ],
)
def test_footnote_markers_and_layout_are_stripped(line: str) -> None:
    assert parse_sponsors(line) == [
        Sponsor("Austria", "AUT", "state"),
        Sponsor("Canada", "CAN", "state"),
        Sponsor("Colombia", "COL", "state"),
    ]


def test_historic_and_unaccented_names() -> None:
    sponsors = parse_sponsors("Swaziland, Turkey, Cote d'Ivoire, Zaire and Czech Republic")
    assert [(s.name, s.iso3) for s in sponsors] == [
        ("Swaziland", "SWZ"),
        ("Turkey", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("Zaire", "COD"),
        ("Czech Republic", "CZE"),
    ]


def test_longest_name_wins() -> None:
    sponsors = parse_sponsors("Guinea, Guinea-Bissau, Equatorial Guinea, Niger, Nigeria, Dominica and Dominican Republic")
    assert [s.iso3 for s in sponsors] == ["GIN", "GNB", "GNQ", "NER", "NGA", "DMA", "DOM"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(line: str) -> None:
    for sponsor in parse_sponsors(line):
        assert sponsor.name.strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Spain", "Antigua and Barbuda", "Holy See", "Viet Nam", "Saint Lucia"]), min_size=1, max_size=8))
def test_any_list_of_known_states_round_trips(names: list[str]) -> None:
    line = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    assert [s.name for s in parse_sponsors(line)] == names


def test_un_bodies_in_the_library_heading_form_and_a_formal_state_name() -> None:
    """The UN's AKN files give the proponent of an ECOSOC text as "UN. ECE. Secretariat" (E/RES/2023/18):
    an organization, not a State left unresolved; A/RES/77/86 names "Republic of Cameroon" (on
    behalf of ECCAS), Cameroon's formal name."""
    assert parse_sponsors("UN. ECE. Secretariat") == [Sponsor("UN. ECE. Secretariat", None, "organization")]
    [cameroon, eccas] = parse_sponsors("Republic of Cameroon (on behalf of the States Members of the United Nations "
                                       "that are members of the Economic Community of Central African States)")
    assert (cameroon.iso3, eccas.kind, eccas.group) == ("CMR", "organization", "eccas")  # as the European Union is


def test_a_misspelt_state_is_that_state_under_its_printed_name() -> None:
    sponsors = parse_sponsors("Oman, Qata, Saudi Arabia and Ruritania")
    assert [(s.name, s.iso3, s.kind) for s in sponsors] == [
        ("Oman", "OMN", "state"), ("Qata", "QAT", "state"), ("Saudi Arabia", "SAU", "state"), ("Ruritania", None, "unknown"),
    ]


def test_a_starred_sponsor_speaks_for_the_group_its_footnote_names() -> None:
    """First Committee drafts print "Indonesia:* draft resolution" and the star's note "On behalf
    of the States Members of the United Nations that are members of the Movement of Non-Aligned
    Countries." (A/C.1/80/L.13): the same two actors as "Indonesia (on behalf of …)" inline. A
    star whose note says something else (a reissue) names nobody."""
    from lod.parse import parse_text

    def draft(note: str, rule: str = "__________________\n") -> str:
        return ("United Nations\nA/C.1/99/L.7\n\nGeneral Assembly\nDistr.: Limited\n1 October 2099\nOriginal: English\n\n"
                "99-16444 (E)    161099\n*9916444*\n\n"
                "Ninety-ninth session\nFirst Committee\nAgenda item 9\n\nIndonesia:* draft resolution\n\n"
                "Observance of norms\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
                f"1. Decides to include the item in its agenda.\n\n{rule}"
                f"* {note}\n").replace("\n\n", " \n \n")  # blank lines as PDF text extraction prints them

    behalf = parse_text(draft("On behalf of the States Members of the United Nations that are members "
                              "of the Movement of Non-Aligned Countries."))
    assert [(s.name, s.iso3, s.group) for s in behalf.sponsors] == [
        ("Indonesia", "IDN", None), ("Movement of Non-Aligned Countries", None, "nam")]
    reissued = parse_text(draft("Reissued for technical reasons on 2 October 2099."))
    assert [s.name for s in reissued.sponsors] == ["Indonesia"]
    # A/C.2/80/L.2 as extracted: the rule lost, the note alone at the foot, after the last paragraph
    unruled = parse_text(draft("On behalf of the States Members of the United Nations that are members of\n"
                               "the Alliance of Small Island States.", rule="\n\n"))
    assert [s.group for s in unruled.sponsors] == [None, "aosis"]
    assert unruled.operative[-1].text == "Decides to include the item in its agenda."
    # A/C.2/80/L.10: what the note adds after the group's name is no part of the name
    qualified = parse_text(draft("On behalf of the States that are members of the Group of 77 and China, taking "
                                 "into account also the provisions of General Assembly resolution ES-10/23 of 10 May 2024."))
    assert [(s.name, s.group) for s in qualified.sponsors] == [("Indonesia", None), ("Group of 77 and China", "g77-china")]
    # A/80/L.23: two notes on the sponsor line, "Iraq:*,** draft resolution", the second on the list of sponsors
    two_notes = parse_text(draft("On behalf of the States that are members of the Group of 77 and China.\n"
                                 "** Any changes to the list of sponsors will be reflected in the official record of the meeting.")
                           .replace("Indonesia:* draft resolution", "Indonesia:*,** draft resolution"))
    assert [(s.name, s.group) for s in two_notes.sponsors] == [("Indonesia", None), ("Group of 77 and China", "g77-china")]
    assert "a draft without a sponsor line" not in two_notes.warnings


def test_a_title_that_ends_with_the_organs_name_on_a_line_of_its_own() -> None:
    """A/C.6/80/L.5: "Observer status for the Climate Vulnerable Forum in the ⏎ General Assembly"
    above the formula; the last line is the title's end, not the masthead's organ."""
    from lod.parse import parse_text

    text = ("United Nations\nA/C.6/99/L.5\n\nGeneral Assembly\nDistr.: Limited\n8 October 2099\n\n"
            "Ninety-ninth session\nSixth Committee\nAgenda item 176\nObserver status for the Forum\nin the General Assembly\n\n"
            "Barbados and Ghana: draft resolution\n\n Observer status for the Forum in the \nGeneral Assembly\n\n"
            "The General Assembly,\n\nWishing to promote cooperation,\n\n1. Decides to invite the Forum.\n")
    assert parse_text(text).title == "Observer status for the Forum in the General Assembly"
    kept = parse_text(text.replace(" Observer status for the Forum in the \nGeneral Assembly", "Observer status for the Forum"))
    assert kept.title == "Observer status for the Forum"


def test_a_space_beside_a_names_hyphen_is_still_the_state() -> None:
    """"Guinea -Bissau" in A/RES/75/175's sponsor list (the UN's AKN file): Guinea-Bissau, not
    Guinea and an unknown "-Bissau"."""
    from lod.parse.sponsors import parse_sponsors
    from lod.states import lookup_state

    sponsors = parse_sponsors("Guinea, Guinea -Bissau, Haiti and Timor- Leste")
    assert [lookup_state(s.name).iso3 for s in sponsors] == ["GIN", "GNB", "HTI", "TLS"]
