"""Addressees of operative paragraphs: who is requested, urged, invited to act."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lod.bodies import BODIES, by_key, by_name
from lod.parse.addressees import AddresseeFinder, action_of, addressees, bodies_named
from lod.treaties import is_wikidata_iri

from corpora import ABSENT, CORPUS, REAL  # noqa: E402


def operative(name: str, number: int) -> str:
    """Operative paragraph `number` of a corpus file, as printed (line breaks joined)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    m = re.search(rf"^{number}\.\s*(.*?)(?=\n\s*\n|\Z)", text, re.M | re.S)
    assert m, f"{name} has no paragraph {number}"
    return " ".join(m.group(1).split())


def preamble(name: str) -> str:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return text[: re.search(r"^1\.\s", text, re.M).start()]  # type: ignore[union-attr]


def summary(found: list) -> list[tuple]:
    return [(a.name, a.kind, a.action, a.body_key) for a in found]


# -- real paragraphs -----------------------------------------------------------------------------

DOC_001 = "001_a434e5ae4ec07524.txt"
DOC_004 = "004_a62735c9b0a34126.txt"
DOC_C6 = "A_C.6_80_L.2.txt"


def test_001_11_invites_the_president_not_the_partners_named_in_passing() -> None:
    found = addressees(operative(DOC_001, 11))
    assert summary(found) == [("the President of the General Assembly", "office", "invite", "pga")]
    assert found[0].head_of == "ga"


def test_001_13_requests_unodc() -> None:
    found = addressees(operative(DOC_001, 13), "Requests")
    assert summary(found) == [("the United Nations Office on Drugs and Crime", "body", "request", "unodc")]


def test_001_22_reads_the_second_verb_and_resolves_the_office_to_the_one_named_before_it() -> None:
    # "… such as those provided by the United Nations Office on Drugs and Crime, …, and requests the
    # Office to continue …, in cooperation and coordination with the Office of Counter-Terrorism;"
    found = addressees(operative(DOC_001, 22))
    assert summary(found) == [
        ("Member States", "states", "call-upon", None),
        ("the Office", "body", "request", "unodc"),
    ]


def test_001_59_three_directives_in_one_paragraph() -> None:
    found = addressees(operative(DOC_001, 59))
    assert summary(found) == [
        ("Member States", "states", "invite", None),
        ("the United Nations Office on Drugs and Crime", "body", "request", "unodc"),
        ("Member States", "states", "encourage", None),  # "and strongly encourages Member States"
    ]


def test_001_63_requests_the_secretary_general() -> None:
    found = addressees(operative(DOC_001, 63))
    assert summary(found) == [("the Secretary-General", "office", "request", "sg")]
    assert by_key("sg").wikidata.endswith("/Q81066")


def test_001_states_parties_keep_the_treaty_they_are_parties_to() -> None:
    found = addressees(operative(DOC_001, 8))
    assert summary(found) == [
        ("States parties to the United Nations Convention against Corruption", "states", "urge", None)
    ]


def test_004_8_requests_unodc() -> None:
    found = addressees(operative(DOC_004, 8))
    assert summary(found) == [("the United Nations Office on Drugs and Crime", "body", "request", "unodc")]


def test_004_9_invites_the_expert_group_not_the_office_it_advises() -> None:
    found = addressees(operative(DOC_004, 9))
    assert summary(found) == [("the Expert Group", "body", "invite", None)]


def test_004_12_member_states_and_other_donors() -> None:
    found = addressees(operative(DOC_004, 12))
    assert summary(found) == [
        ("Member States", "states", "invite", None),
        ("other donors", "group", "invite", None),
    ]


def test_004_13_the_executive_director_heads_the_office_the_document_talks_about() -> None:
    text = operative(DOC_004, 13)
    alone = addressees(text)
    assert summary(alone) == [("the Executive Director", "office", "request", None)]
    assert alone[0].head_of is None  # no context: nobody to be the head of

    finder = AddresseeFinder(document_body=by_key("ga"))
    finder.observe(preamble(DOC_004))
    for number in range(1, 13):
        finder.paragraph(operative(DOC_004, number))
    in_context = finder.paragraph(text)
    assert summary(in_context) == summary(alone)
    assert in_context[0].head_of == "unodc"


def test_c6_requests_the_secretary_general_and_invites_an_organization() -> None:
    assert summary(addressees(operative(DOC_C6, 2))) == [("the Secretary-General", "office", "request", "sg")]
    invited = addressees(operative(DOC_C6, 1))  # "Decides to invite the Brazilian Argentine Agency …"
    assert summary(invited) == [
        ("the Brazilian Argentine Agency for Accounting and Control of Nuclear Materials", "organization", "invite", None)
    ]


@pytest.mark.parametrize("number", [1, 2, 5, 7, 15, 20, 32])
def test_001_paragraphs_without_a_directive_have_no_addressee(number: int) -> None:
    # "Takes note", "Reaffirms", "Welcomes", "Also welcomes", "Reiterates", "Emphasizes"
    assert addressees(operative(DOC_001, number)) == []


def test_every_directive_paragraph_of_001_has_an_addressee_of_that_action() -> None:
    from lod.parse import parse_file

    resolution = parse_file(CORPUS / DOC_001)
    finder = AddresseeFinder(document_body=by_key("ga"))
    for paragraph in resolution.preamble:
        finder.observe(paragraph.text)
    actions: Counter[str] = Counter()
    for paragraph in resolution.operative:
        found = finder.paragraph(paragraph.text, paragraph.verb)
        lead = action_of(paragraph.verb)
        if lead is not None:
            assert found and found[0].action == lead, (paragraph.num, paragraph.verb)
        actions.update(a.action for a in found)
    assert actions["request"] >= 12 and actions["call-upon"] >= 10 and actions["urge"] >= 8


# -- Security Council, ECOSOC and other general cases -----------------------------------------------


def test_security_council_cases() -> None:
    sc = by_key("sc")
    assert summary(addressees("Demands that all parties to the conflict immediately cease hostilities;", None, document_body=sc)) == [
        ("all parties to the conflict", "group", "demand", None)
    ]
    sudan = addressees("Calls upon the Government of the Sudan to cooperate fully with the Panel of Experts;")
    assert [(a.kind, a.iso3) for a in sudan] == [("state", "SDN")]
    informed = addressees("Requests the Secretary-General to keep the Council informed, and encourages the Council to act", document_body=sc)
    assert summary(informed) == [
        ("the Secretary-General", "office", "request", "sg"),
        ("the Council", "body", "encourage", "sc"),
    ]
    assert addressees("Decides to remain actively seized of the matter.", document_body=sc) == []
    states = addressees("Urges Colombia and Bosnia and Herzegovina to continue their efforts;")
    assert [(a.name, a.iso3) for a in states] == [("Colombia", "COL"), ("Bosnia and Herzegovina", "BIH")]


@pytest.mark.parametrize(("text", "key"), [
    ("Instructs the United Nations Commission for India and Pakistan to place its good offices", "uncip"),  # S/RES/51
    ("Requests the Committee of Good Offices to assist the parties", "cgo"),  # S/RES/40 (1948)
    ("Requests the Truce Commission to report", "truce-commission"),  # S/RES/54 (1948)
    ("Requests the United Nations Commission on Korea to observe", "uncok"),  # S/RES/82 (1950)
    ("Requests the United Nations Council for Namibia to report", "uncn"),  # S/RES/283 (1970)
    ("Requests the United Nations Iraq-Kuwait Boundary Demarcation Commission to report", "ikbdc"),  # S/RES/773
    ("Requests the Inter-Agency and Expert Group on Sustainable Development Goal Indicators to review", "iaeg-sdgs"),
    ("Encourages the Working Group on Enforced or Involuntary Disappearances to continue", "wgeid"),  # A/C.3/80/L.27
    # A/C.2/80/L.42, UNCTAD's expert groups
    ("Requests the Intergovernmental Group of Experts on Consumer Protection Law and Policy to incorporate", "igecpl"),
    ("Invites the Intergovernmental Group of Experts on Competition Law and Policy to consider", "igeclp"),
    ("Invites the Steering Committee on Partnerships for Small Island Developing States to consider", "sids-partnerships"),
    ("Encourages the Independent Mechanism for Myanmar to continue", "iimm"),  # A/C.3/80/L.32
    # A/RES/79/226: a name that holds "to Advance", not the action asked of "the Joint Steering Committee"
    ("Requests the Joint Steering Committee to Advance Humanitarian and Development Collaboration to conduct briefings", "jsc"),
    # A/C.3/80/L.55: the Durban follow-up's experts, in full and then shortened
    ("Requests the Group of Independent Eminent Experts to continue to mobilize the political will", "giee"),
])
def test_commissions_and_groups_resolutions_ask_to_act_are_bodies_of_the_table(text: str, key: str) -> None:
    [who] = addressees(text, document_body=by_key("sc"))
    assert (who.kind, who.body_key) == ("body", key)


def test_the_opcw_s_technical_secretariat_named_in_full_is_the_one_the_paragraph_then_urges() -> None:
    """A/RES/79/134 (held out): "Takes note … of the note by the Technical Secretariat of the
    Organisation for the Prohibition of Chemical Weapons …, and urges the Technical Secretariat to
    closely monitor …": a related organization of the UN system and its secretariat, no unresolved
    body; "the Secretariat" alone stays the United Nations'."""
    finder = AddresseeFinder(document_body=by_key("ga"))
    found = finder.paragraph("Takes note with grave concern of the note by the Technical Secretariat of the Organisation "
                             "for the Prohibition of Chemical Weapons of 18 November 2099, and urges the Technical "
                             "Secretariat to closely monitor the use of chemical weapons;")
    assert [(a.name, a.body_key) for a in found] == [("the Technical Secretariat", "opcw-ts")]
    [opcw] = addressees("Encourages the Organization for the Prohibition of Chemical Weapons to continue", document_body=by_key("ga"))
    assert opcw.body_key == "opcw" and by_key("opcw-ts").parent == "opcw"
    [council] = addressees("Calls upon the Executive Council of the Organisation for the Prohibition of Chemical Weapons "
                           "to take action", document_body=by_key("ga"))  # A/RES/79/185 (held out)
    assert council.body_key == "opcw-ec" and by_key("opcw-ec").parent == "opcw"
    three = addressees("To request the International Atomic Energy Agency, the Organisation for the Prohibition of "
                       "Chemical Weapons and the Biological Weapons Convention Implementation Support Unit to prepare "
                       "the background documents", document_body=by_key("ga"))  # decision 73/546: one name for two, before
    assert [a.body_key for a in three] == ["iaea", "opcw", "bwc-isu"]
    [secretariat] = finder.paragraph("Requests the Secretariat to report")
    assert secretariat.body_key == "secretariat"


def test_an_office_named_in_full_is_the_office_the_paragraph_then_encourages() -> None:
    """A/C.2/80/L.9: "Recognizes the work of the Financing for Sustainable Development Office, and
    encourages the Office, in collaboration with experts …"; A/C.5/80/L.15: "the Ethics Office"."""
    finder = AddresseeFinder(document_body=by_key("ga"))
    found = finder.paragraph("Recognizes the work of the Financing for Sustainable Development Office, and encourages "
                             "the Office, in collaboration with experts from the public and private sectors, to continue")
    assert [(a.name, a.body_key) for a in found] == [("the Office", "ffsdo")]
    [ethics] = addressees("Requests the Ethics Office to report on its activities", document_body=by_key("ga"))
    assert ethics.body_key == "ethics"
    [forum] = addressees("Decides to invite the Climate Vulnerable Forum to participate in the sessions",
                         document_body=by_key("ga"))  # A/C.6/80/L.5: an organization outside the UN
    assert (forum.kind, forum.group) == ("organization", "cvf")
    # S/2018/693: "Requests … the United Nations Country Team"
    [team] = addressees("Requests the United Nations Country Team to continue", document_body=by_key("sc"))
    assert (team.kind, team.body_key) == ("body", "unct")
    # the same draft's "requests UNAMID the United Nations Country Team and other United Nations
    # entities to …": the comma between the acronym and the known name lost, two addressees
    found = addressees("Requests UNAMID the United Nations Country Team and other United Nations entities to work",
                       document_body=by_key("sc"))
    assert [(a.name, a.body_key) for a in found][:2] == [("UNAMID", None), ("the United Nations Country Team", "unct")]


def test_economic_and_social_council_cases() -> None:
    two = addressees(
        "Requests the Commission on Narcotic Drugs and the Commission on Crime Prevention and Criminal Justice to cooperate;"
    )
    assert [a.body_key for a in two] == ["cnd", "ccpcj"]
    assert summary(addressees("Recommends to the General Assembly the adoption of the following draft resolution:")) == [
        ("the General Assembly", "body", "recommend", "ga")
    ]
    agencies = addressees(
        "Invites the United Nations Children\u2019s Fund and the World Health Organization, within their mandates, to assist;"
    )
    assert [a.body_key for a in agencies] == ["unicef", "who"]


def test_apposition_adds_the_entity_singled_out() -> None:
    found = addressees(operative(DOC_001, 24))
    assert summary(found) == [
        ("Member States", "states", "call-upon", None),
        ("the United Nations", "group", "call-upon", None),
        ("the United Nations Office on Drugs and Crime", "body", "call-upon", "unodc"),
    ]


def test_anaphors_use_the_context_passed_in() -> None:
    found = addressees("Requests the Commission to report on the matter", context=["unodc", "ccpcj"])
    assert [a.body_key for a in found] == ["ccpcj"]
    assert [a.body_key for a in addressees("Requests the Commission to report")] == [None]


@pytest.mark.parametrize(
    "verb, lemma",
    [("Requests", "request"), ("Also requests", "request"), ("Strongly encourages", "encourage"),
     ("Calls upon", "call-upon"), ("Further urges", "urge"), ("Takes note", None), ("Welcomes", None), (None, None)],
)
def test_action_of_leading_phrases(verb: str | None, lemma: str | None) -> None:
    assert action_of(verb) == lemma


# -- the bodies table the addressees link to -------------------------------------------------------


def test_bodies_table_is_consistent() -> None:
    for attribute in ("key", "actor", "tlc", "name"):
        values = [getattr(b, attribute) for b in BODIES]
        assert len(values) == len(set(values)), attribute
    for body in BODIES:
        assert body.actor.startswith("un-") and re.fullmatch(r"[a-z][A-Za-z]+", body.tlc), body.key
        assert body.parent is None or by_key(body.parent) is not None
        assert by_name(body.name) is body
        if body.wikidata:
            assert is_wikidata_iri(body.wikidata), body.key
    names = [n.casefold() for b in BODIES for n in (b.name, *b.aliases)]
    assert len(names) == len(set(names)), "a name may point to one body only"


def test_bodies_named_in_the_004_preamble_in_order() -> None:
    # masthead (ECOSOC, the Commission), the recommendation formula, "The General Assembly,", then the
    # preambular paragraphs; the running header and footnotes name none
    keys = [b.key for b in bodies_named(preamble(DOC_004))]
    assert keys == ["ecosoc", "ccpcj", "ccpcj", "ecosoc", "ga", "ga", "ccpcj", "ccpcj", "ccpcj", "unodc", "ccpcj", "sg", "unodc"]


def test_points_that_open_with_their_own_directive() -> None:
    # A/RES/70/174, annex (corpus 000): "(n) To invite Member States to draw on the United Nations model treaties …"
    text = (CORPUS / "000_b2f48f3f43e47248.txt").read_text(encoding="utf-8")
    point = " ".join(re.search(r"^\(n\)\s*(.*?)(?=^\(|\n\s*\n)", text, re.M | re.S).group(0).split())  # type: ignore[union-attr]
    assert summary(addressees(point)) == [("Member States", "states", "invite", None)]
    assert summary(addressees("(b) To request the Secretary-General to report thereon;")) == [
        ("the Secretary-General", "office", "request", "sg")
    ]


def test_security_council_actors_outside_the_bodies_table() -> None:
    assert summary(addressees("Urges the Syrian authorities to allow immediate access;")) == [
        ("the Syrian authorities", "state", "urge", None)
    ]
    assert summary(addressees("Encourages the Transitional Federal Government to continue;")) == [
        ("the Transitional Federal Government", "state", "encourage", None)
    ]
    assert summary(addressees("Requests the Panel of Experts to provide a final report;")) == [
        ("the Panel of Experts", "body", "request", None)
    ]
    # a capitalised adjective is not a name, and a directive without an object has no addressee
    assert addressees("Calls upon the Arab population to remain calm;") == []
    assert addressees("Calls for greater coordination and coherence among United Nations entities;") == []


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Calls upon the Syrian authorities to cooperate fully", "SYR"),
        ("Demands that the South African authorities release all political prisoners", "ZAF"),
        ("Calls upon the Iranian Government to submit a report", "IRN"),
        ("Urges the Iraqi authorities to ensure", "IRQ"),
        ("Urges the Portuguese authorities to", "PRT"),  # no ending off a name: the table's irregular adjective
        ("Urges the Arab authorities to", None),  # an adjective of no State: left for a curator
        ("Urges the CAR authorities to", "CAF"),  # the drafts' attributive acronym (S/2013 drafts on the Central African Republic)
    ],
)
def test_a_states_authorities_named_by_its_adjective_resolve_to_it(text: str, iso3: str | None) -> None:
    found = AddresseeFinder(None).paragraph(text, text.split(" the ")[0])
    assert [(a.kind, a.iso3) for a in found] == [("state", iso3)]


# -- short references and State adjectives, on the UN's own texts in ../shared -------------------


GA_77 = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"
needs_ga_77 = pytest.mark.skipif(not GA_77.is_dir(), reason=ABSENT)


def _addressees_of(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    from lod.parse import parse_file

    res = parse_file(path)
    return [(p.eid, a.name, a.kind, a.body_key) for p in res.operative for a in p.addressees]


@needs_ga_77
def test_a_short_reference_of_two_words_resolves_to_the_body_named_before() -> None:
    """A/RES/77/143 names the Special Committee on Decolonization in full, then "Requests the
    Special Committee to continue to examine the question of Pitcairn"."""
    found = _addressees_of(GA_77 / "A_RES_77_143-2228522E.xml")
    assert ("para_14", "the Special Committee", "body", "c24") in found


@needs_ga_77
def test_the_start_of_a_full_name_is_no_short_reference() -> None:
    """"Requests the Office for Outer Space Affairs to strengthen …" (A/RES/77/120) names an
    office in full: not "the Office" with the rest of the name lost."""
    found = _addressees_of(GA_77 / "A_RES_77_120-2228484E.xml")
    assert ("para_17", "the Office for Outer Space Affairs", "body", "oosa") in found
    assert not any(name == "the Office" for _, name, _, _ in found)


def test_governments_of_a_region_are_states() -> None:
    """"Urges African Governments to …" asks States (a group, like "Member States"), not one State."""
    assert summary(addressees("Urges African Governments to give priority to the fight", "Urges")) == [
        ("African Governments", "states", "urge", None)]


@needs_ga_77
def test_a_short_form_with_its_own_of_phrase_resolves_to_the_body_named_before() -> None:
    """A/RES/77/198 ("Office of the United Nations High Commissioner for Refugees") asks "the
    Office of the High Commissioner" to act: the Office named before (UNHCR, not the Office of
    the High Commissioner for Human Rights), not a new name, nor "the Office" and the rest lost."""
    found = _addressees_of(GA_77 / "A_RES_77_198-2228911E.xml")
    assert ("para_7", "the Office of the High Commissioner", "body", "unhcr") in found


GA_DOCX_72 = REAL / "ga-docx" / "GA72"


@pytest.mark.skipif(not GA_DOCX_72.is_dir(), reason=ABSENT)
def test_the_bretton_woods_institutions_are_two_addressees_of_the_table() -> None:
    """A/RES/72 (N1745614) paragraph 38 "… the World Bank and the International Monetary Fund …":
    two bodies of the table, not one name run together."""
    found = [(name, key) for eid, name, _, key in _addressees_of(GA_DOCX_72 / "N1745614.docx") if eid == "para_38"]
    assert ("the World Bank", "wbg") in found and ("the International Monetary Fund", "imf") in found


def test_and_the_opens_a_second_name_only_where_a_body_is_named() -> None:
    """"Invites the Technology Facilitation Mechanism and the Commission on Science and Technology for
    Development" (A/RES/77 texts) asks two bodies; "the Economic and Social Commission for Asia and
    the Pacific" is one."""
    two = "Invites the Technology Facilitation Mechanism and the Commission on Science and Technology for Development to"
    assert [(a.name, a.body_key) for a in addressees(two, "Invites")] == [
        ("the Technology Facilitation Mechanism", "tfm"), ("the Commission on Science and Technology for Development", "cstd")]
    one = "Requests the Economic and Social Commission for Asia and the Pacific to continue"
    assert [(a.name, a.body_key) for a in addressees(one, "Requests")] == [
        ("the Economic and Social Commission for Asia and the Pacific", "escap")]


@pytest.mark.parametrize(("text", "named"), [
    # a mission known by its acronym, then a body (S/2018/693)
    ("Requests UNAMID and the United Nations Country Team to cooperate closely",
     [("UNAMID", "organization"), ("the United Nations Country Team", "body")]),
    # a body, then the State's Government
    ("Requests the United Nations Country Team and the Government to cooperate",
     [("the United Nations Country Team", "body"), ("the Government", "state")]),
    # one name with "and the" in it stays whole
    ("Invites the Economic Commission for Latin America and the Caribbean to act",
     [("the Economic Commission for Latin America and the Caribbean", "body")]),
])
def test_two_addressees_joined_by_and_the(text: str, named: list[tuple[str, str]]) -> None:
    assert [(a.name, a.kind) for a in addressees(text)] == named


@pytest.mark.parametrize(("text", "named"), [
    ("Invites the International Committee of the Red Cross to continue its work",
     [("the International Committee of the Red Cross", "icrc")]),
    ("Calls upon the African Union and the Council of Europe to cooperate",
     [("the African Union", "au"), ("the Council of Europe", "coe")]),
    # S/RES/745 (1992), then "the Supreme National Council" alone (S/RES/792 (1992))
    ("Calls upon the Supreme National Council of Cambodia to cooperate fully", [("the Supreme National Council of Cambodia", "snc-cambodia")]),
    ("Requests the Supreme National Council to meet regularly", [("the Supreme National Council", "snc-cambodia")]),
    ("Invites the Fund for the Development of the Indigenous Peoples of Latin America and the Caribbean to contribute",
     [("the Fund for the Development of the Indigenous Peoples of Latin America and the Caribbean", "filac")]),  # A/RES/72/128
])
def test_an_organization_outside_the_united_nations_is_the_row_of_lod_groups(text: str, named: list[tuple[str, str]]) -> None:
    """A resolution asks organizations outside the UN to act too (A/RES/77/107, 77/63 and 77/79:
    "the International Committee of the Red Cross"; A/RES/77/284: "the Council of Europe"); they
    are no UN body left unresolved but the organization of the groups table sponsors link to."""
    found = addressees(text)
    assert [(a.name, a.group) for a in found] == named
    assert {a.kind for a in found} == {"organization"} and all(a.body_key is None for a in found)


def test_a_body_of_an_organization_outside_the_united_nations_is_an_organization() -> None:
    """"the Development Assistance Committee of the Organisation for Economic Co-operation and
    Development" (A/RES/77/153) is the OECD's committee, not a UN body to resolve."""
    [dac] = addressees("Encourages the Development Assistance Committee of the Organisation for Economic "
                       "Co-operation and Development to continue")
    assert dac.kind == "organization" and dac.group is None
    [commission] = addressees("Calls upon the African Union Commission to continue")  # S/2019/179
    assert commission.kind == "organization" and commission.body_key is None


def test_a_name_runs_on_to_a_known_name_that_holds_a_comma() -> None:
    """"of the United Nations Educational, Scientific and Cultural Organization" (A/RES/77/112,
    77/248): one addressee, not cut at the comma into two; the Programme a body of the table
    (UNESCO's, as the Intergovernmental Oceanographic Commission is)."""
    found = addressees("Invites the Intergovernmental Hydrological Programme of the United Nations Educational, "
                       "Scientific and Cultural Organization to continue its work")
    assert [(a.name, a.body_key) for a in found] == [("the Intergovernmental Hydrological Programme", "ihp")]
    assert by_key("ihp").parent == by_key("ioc").parent == "unesco"


def test_a_region_s_states_are_not_the_negotiating_group_of_that_name() -> None:
    """"Calls upon African States to …" (A/RES/72/22, 72/152, E/RES/2018/4) asks the States of a
    region; "African States" is also an alias of the Group of African States in lod.groups, which
    only organizations of that table stand for as addressees."""
    [states] = addressees("Calls upon African States to ratify the Convention")
    assert states.group is None


def test_or_joins_two_words_of_one_name_never_two_names() -> None:
    """A/RES/72/183 asks "the Working Group on Enforced or Involuntary Disappearances" to act: one
    name (it had been cut to "the Working Group on Enforced"); "the Council or the Assembly" is two."""
    [group] = addressees("Requests the Working Group on Enforced or Involuntary Disappearances to continue")
    assert group.name == "the Working Group on Enforced or Involuntary Disappearances"
    assert [a.name for a in addressees("Requests the Council or the Assembly to act")] == ["the Council", "the Assembly"]


@pytest.mark.skipif(not (REAL / "ga-docx" / "GA72").is_dir(), reason=ABSENT)
@pytest.mark.parametrize(("file", "number", "key"), [
    ("N1746626.docx", "11", "desa"),    # A/RES/72/217: "… the Department of Economic and Social Affairs and
    ("N1746626.docx", "11", "ohrlls"),  # the Office of the High Representative for the Least Developed Countries, …"
    ("N1746966.docx", "9", "ohr"),      # A/RES/72/256: "the Office of Human Resources Management"
    ("N1746966.docx", "16", "unoms"),   # "the Office of the United Nations Ombudsman and Mediation Services"
    ("N1742190.docx", "292", "ioc"),    # A/RES/72/73: "the Intergovernmental Oceanographic Commission of …"
])
def test_the_secretariat_s_departments_and_offices_a_word_resolution_addresses_resolve(file: str, number: str, key: str) -> None:
    """Bodies the table lacked until the real texts asked them to act, read from the UN's Word files."""
    from lod.parse import parse_file

    res = parse_file(REAL / "ga-docx" / "GA72" / file)
    [paragraph] = [p for p in res.operative if p.num == number]
    assert key in {a.body_key for a in paragraph.addressees}


@needs_ga_77
@pytest.mark.parametrize(("file", "eid", "name", "key"), [
    ("A_RES_77_87-", "para_5", "the Programme", "undip"),  # after "United Nations Disarmament Information Programme"
    ("A_RES_77_86-", "para_4", "the Standing Advisory Committee", "unsac"),
    ("A_RES_77_260-", "para_31", "the Dispute Tribunal", "undt"),
    ("A_RES_77_263-", "sec_2__para_8", "the Court", "rscsl"),  # "the Residual Special Court … encourages the Court"
    ("A_RES_77_230-", "para_31", "the International, Impartial and Independent Mechanism", "iiim"),  # a name with commas
])
def test_bodies_named_then_called_by_their_head_noun(file: str, eid: str, name: str, key: str) -> None:
    """Session 77's texts name a body in full and then call it "the Programme", "the Court": the
    bodies table holds them, so the short form resolves to the body named before it."""
    [path] = sorted(GA_77.glob(file + "*.xml"))
    found = _addressees_of(path)
    assert any(e == eid and n == name and k == key for e, n, _, k in found), [f for f in found if f[0] == eid]


@pytest.mark.parametrize(("text", "expected"), [
    # S/RES/199 (1964), S/RES/788 (1992), S/RES/530 (1983), A/RES/77/199, A/RES/77/163
    ("Requests the Secretary-General of the Organization of African Unity to report", [("office", None, None)]),
    ("Requests the Secretary-General of the United Nations to report", [("office", "sg", None)]),
    ("Invites the Organization of African Unity to cooperate", [("organization", None, "oau")]),
    ("Invites ECOWAS to continue its efforts", [("organization", None, "ecowas")]),
    ("Calls upon the Contadora Group to continue", [("group", None, "contadora")]),
    ("Urges African States to act", [("states", None, None)]),
    ("Invites the Association of Caribbean States to help", [("organization", None, None)]),
])
def test_other_organizations_their_heads_and_groups_of_states(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """An organization outside the United Nations, its own Secretary-General (not the United
    Nations'), a group of States called a group, the States of a region."""
    assert [(a.kind, a.body_key, a.group) for a in addressees(text, document_body=by_key("sc"))] == expected


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
def test_operative_paragraphs_that_name_the_organ_before_the_verb() -> None:
    """S/RES/1 (1946): "1. The Security Council requests …", "3. The Security Council directs the
    Military Staff Committee …": the verb after the organ's name is the paragraph's, and what
    it directs is read after it."""
    from lod.parse import parse_file

    res = parse_file(REAL / "sc" / "S_RES_0001_1946_EN_GOLD.txt")
    assert [(p.num, p.verb) for p in res.operative] == [("1", "requests"), ("2", "directs"), ("3", "directs")]
    assert ("the Military Staff Committee", "msc") in [(a.name, a.body_key) for a in res.operative[2].addressees]
    assert [(a.name, a.kind) for a in res.operative[0].addressees] == [("the permanent members of the Security Council", "states")]


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_group_of_states_addressed_is_published_valid(engine: str) -> None:
    """S/RES/530 (1983) "Commends the Contadora Group …": the group of lod.groups is what the
    paragraph addresses, and the shapes take a group of States for a receiver (both engines)."""
    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, map_resolution
    from lod.validate import validate_lines

    res = parse_file(REAL / "sc" / "S_RES_0530_1983_EN_GOLD.txt")
    assert ("the Contadora Group", "group", "contadora") in [
        (a.name, a.kind, a.group) for p in res.operative for a in p.addressees]
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    lines = map_resolution(res, registry, "http://lod.test").lines()
    assert "<http://lod.test/id/group/contadora>" in "\n".join(lines)
    result = validate_lines(lines, res.source, engine=engine)  # type: ignore[arg-type]
    assert result.conforms, result


def test_the_short_form_of_an_outside_organization_s_body_named_before_is_that_body() -> None:
    """A/C.1/80/L.54 (held out): "… congratulates the new leadership of the Commission of the Economic
    Community of Central African States …, and welcomes and encourages the Commission's valuable
    contribution": ECCAS's Commission, no UN body left unresolved; where nothing of the kind was
    named before, "the Commission" is still a body to resolve."""
    [commission] = addressees("Warmly congratulates the new leadership of the Commission of the Economic Community of "
                              "Central African States on assuming its functions, and welcomes and encourages the "
                              "Commission’s valuable contribution to the work of the United Nations")
    assert (commission.name, commission.kind, commission.body_key) == ("the Commission", "organization", None)
    [alone] = addressees("Requests the Commission to report on its work")
    assert alone.kind == "body"


def test_a_directorate_and_a_department_are_bodies_a_short_reference_stands_for() -> None:
    """A/RES/77/298: "… the Counter-Terrorism Committee Executive Directorate …, encourages the Directorate and the
    Office of Counter-Terrorism to ensure coordination" had been one unresolved addressee; A/RES/72/90, 77/128:
    "the Department" after "the Department of Public Information" (renamed the Department of Global Communications
    in 2019) had resolved to nothing."""
    found = addressees("Underscores the role of the Counter-Terrorism Committee Executive Directorate, and encourages the "
                       "Directorate and the Office of Counter-Terrorism to ensure coordination", document_body=by_key("ga"))
    assert [(a.name, a.body_key) for a in found] == [("the Directorate", "cted"), ("the Office of Counter-Terrorism", "oct")]
    finder = AddresseeFinder(document_body=by_key("ga"))
    [dpi] = finder.paragraph("Requests the Department of Public Information to continue its work")
    [department] = finder.paragraph("Encourages the Department to strengthen its cooperation with the information centres")
    assert (dpi.body_key, department.body_key) == ("dgc", "dgc")
