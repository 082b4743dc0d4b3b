"""lod.parse.established: bodies a resolution names by the resolution that established them
(the Security Council's sanctions committees and panels of experts), and what the addressee
reader and the RDF make of them."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from corpora import ABSENT, REAL
from lod.parse.addressees import AddresseeFinder
from lod.parse.established import EstablishedBody, established_at, established_in


@pytest.mark.parametrize(("text", "body"), [
    ("the Committee established pursuant to paragraph 19 of resolution 2140 (2014) (“the Committee”)",
     EstablishedBody("Committee", "2140 (2014)")),
    ("the Panel established pursuant to resolution 2140 (2014);", EstablishedBody("Panel of Experts", "2140 (2014)")),
    ("the Panel of Experts on the CAR established pursuant to resolution 2127 (2013), expanded by",
     EstablishedBody("Panel of Experts", "2127 (2013)")),
    ("the Security Council Committee established pursuant to resolution 1591 (2005) concerning the Sudan",
     EstablishedBody("Committee", "1591 (2005)")),
    ("the Monitoring Team established by resolution 1526 (2004)", EstablishedBody("Monitoring Team", "1526 (2004)")),
    ("the report of the Security Council Commission established under resolution 446 (1979) of 22 March 1979",
     EstablishedBody("Commission", "446 (1979)")),
    ("the membership of the Commission established by its resolution 39 (1948) of 20 January 1948",
     EstablishedBody("Commission", "39 (1948)")),
    # S/2020/110: "extend … the mandate of the Panel of Experts originally appointed pursuant to resolution 1591 (2005)"
    ("the mandate of the Panel of Experts originally appointed pursuant to resolution 1591 (2005) and previously",
     EstablishedBody("Panel of Experts", "1591 (2005)")),
])
def test_a_body_is_named_by_the_resolution_that_established_it(text: str, body: EstablishedBody) -> None:
    assert established_in(text) == [body]


def test_a_committee_named_otherwise_is_none() -> None:
    assert established_in("the Committee on Contributions and the Military Staff Committee") == []
    assert established_at("the Committee to report", 0) is None


def test_short_references_resolve_to_the_body_the_document_established() -> None:
    """S/2017/142: the preamble names "the Committee established pursuant to paragraph 19 of
    resolution 2140 (2014)", paragraph 5 "the Panel established pursuant to resolution 2140 (2014)";
    paragraphs 6 and 7 ask "the Panel of Experts" and "the Panel" to act."""
    finder = AddresseeFinder()
    finder.observe("Emphasizing the necessity of discussion by the Committee established pursuant to paragraph 19 "
                   "of resolution 2140 (2014) (“the Committee”), of the recommendations of the Panel of Experts,")
    finder.paragraph("Decides to extend the mandate of the Panel, drawing on the expertise of the members of the "
                     "Panel established pursuant to resolution 2140 (2014);")
    [panel] = finder.paragraph("Requests the Panel of Experts to provide a midterm update to the Committee")
    [short] = finder.paragraph("Directs the Panel to cooperate with other relevant expert groups")
    [committee] = finder.paragraph("Requests the Committee to report")
    assert (panel.established_by, panel.established_head) == ("2140 (2014)", "Panel of Experts")
    assert (short.established_by, short.established_head) == ("2140 (2014)", "Panel of Experts")
    assert (committee.established_by, committee.established_head) == ("2140 (2014)", "Committee")


@pytest.mark.parametrize(("establishing", "later", "head"), [
    ("Establishes a Commission consisting of three members of the Security Council, to be appointed by the President",
     "Requests the Commission to submit its report to the Security Council by 1 July 1979;", "Commission"),  # S/RES/446
    ("Authorizes the establishment of a Commission of Inquiry, in further implementation of resolutions 814 (1993)",
     "Directs the Commission to determine procedures for carrying out its investigation", "Commission of Inquiry"),
    ("Decides to establish, in accordance with rule 28 of its provisional rules of procedure, a Committee of the "
     "Security Council consisting of all the members of the Council", "Requests the Committee to report", "Committee"),
])
def test_a_body_the_resolution_establishes_is_the_resolution_s_own(establishing: str, later: str, head: str) -> None:
    finder = AddresseeFinder(document_number="446  (1979)")
    finder.paragraph(establishing)
    [body] = finder.paragraph(later)
    assert (body.established_by, body.established_head) == ("446 (1979)", head)


def test_a_body_the_resolution_establishes_by_its_full_name_is_the_one_it_then_asks_to_act() -> None:
    """A/RES/80/53: "Decides to establish the Group of Scientific and Technical Experts on Nuclear
    Disarmament Verification within the United Nations", then "Requests the Group of Scientific and
    Technical Experts to take the actions …": an unresolved body before, three times. A name of the
    bodies table stays the table's; the institute and the post the text asks are the table's too."""
    finder = AddresseeFinder(document_number="80/53")
    finder.paragraph("Decides to establish the Group of Scientific and Technical Experts on Nuclear Disarmament "
                     "Verification within the United Nations, consisting of 21 members")
    [group] = finder.paragraph("Requests the Group of Scientific and Technical Experts to report on its work")
    assert (group.established_by, group.established_head) == (
        "80/53", "Group of Scientific and Technical Experts on Nuclear Disarmament Verification")
    [short] = finder.paragraph("Also requests the Group to approve its programme of work")
    assert short.established_by == "80/53"
    [unidir] = finder.paragraph("Invites the United Nations Institute for Disarmament Research to provide assistance")
    [post] = finder.paragraph("Requests the High Representative for Disarmament Affairs to provide a briefing")
    assert (unidir.body_key, post.body_key, post.kind) == ("unidir", "hr-disarmament", "office")
    assert established_in("Decides to establish the Committee on Information", "80/53") == []


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
def test_the_commission_of_inquiry_a_resolution_established_is_the_one_asked_later() -> None:
    """S/RES/507 (1982): "the Security Council Commission of Inquiry established under resolution 496
    (1981)", then "Decides to mandate the Commission of Inquiry to examine …" (unresolved before)."""
    from lod.parse import parse_file

    res = parse_file(REAL / "sc" / "S_RES_0507_1982_EN_GOLD.txt")
    asked = [(a.name, a.established_by) for p in res.operative for a in p.addressees if "Inquiry" in a.name]
    assert asked == [("the Commission of Inquiry", "496 (1981)")]


def test_without_its_number_a_body_established_here_is_not_known() -> None:
    finder = AddresseeFinder()
    finder.paragraph("Establishes a Commission consisting of three members of the Security Council")
    [body] = finder.paragraph("Requests the Commission to submit its report")
    assert body.established_by is None


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
@pytest.mark.parametrize(("name", "expected"), [
    ("S_RES_0446_1979_EN_GOLD.txt", {("5", "the Commission", "446 (1979)")}),
    ("S_RES_0465_1980_EN_GOLD.txt", {("8", "the Commission", "446 (1979)")}),  # the Commission 446 (1979) set up
    ("S_RES_0047_1948_EN_GOLD.txt", {(None, "the Commission", "39 (1948)")}),  # unnumbered: "Instructs the Commission"
])
def test_the_security_council_s_commissions_resolve(name: str, expected: set[tuple[str, str, str]]) -> None:
    from lod.parse import parse_file
    from lod.quality import findings

    res = parse_file(REAL / "sc" / name)
    asked = {(p.num, a.name, a.established_by) for p in res.operative for a in p.addressees if a.established_by}
    assert expected <= asked
    assert not [f for f in findings(res) if f.code == "addressee-unresolved" and "Commission" in f.message]


def test_without_an_establishing_resolution_the_committee_stays_unresolved() -> None:
    [committee] = AddresseeFinder().paragraph("Requests the Committee to report")
    assert committee.established_by is None and committee.body_key is None


@pytest.mark.skipif(not (REAL / "sc-drafts").is_dir(), reason=ABSENT)
def test_the_draft_s_panel_of_experts_is_the_one_resolution_2140_established() -> None:
    from lod.parse import parse_file
    from lod.quality import findings

    res = parse_file(REAL / "sc-drafts" / "task2" / "2152" / "S_2017_142-EN.pdf")
    asked = {(p.num, a.name, a.established_by) for p in res.operative for a in p.addressees if a.established_by}
    assert {("6", "the Panel of Experts", "2140 (2014)"), ("7", "the Panel", "2140 (2014)")} <= asked
    assert not [f for f in findings(res) if f.code == "addressee-unresolved"]


def test_the_rdf_names_the_body_by_its_resolution_and_links_to_it() -> None:
    from lod.model import Addressee
    from lod.rdf.namespaces import ALLOT, RDF, UNRES
    from test_rdf import BASE, graph_of, draft_004
    from test_shapes import UNSYMBOLED, validate

    res = draft_004()
    res.operative[8].addressees = [Addressee("the Committee", "body", "request", established_by="70/174",
                                             established_head="Committee")]
    g = graph_of(res)
    [body] = [b for b in g.objects(None, UNRES.addresses) if "/id/body/" in str(b)]
    assert str(body).startswith(f"{BASE}/id/body/") and str(body).endswith("/committee-70-174")
    assert (body, RDF.type, ALLOT.Organization) in g
    assert validate(g, res.source).shapes() == UNSYMBOLED
    [resolution] = g.objects(body, UNRES.establishedBy)  # 004 cites "its resolution 70/174 of 17 December 2015"
    assert isinstance(resolution, URIRef) and str(resolution).endswith("/2015-12-17/70-174")


@pytest.mark.skipif(not (REAL / "sc-drafts").is_dir(), reason=ABSENT)
def test_the_example_question_finds_the_panel_and_the_resolution_that_established_it() -> None:
    from lod.parse import parse_file
    from lod.rdf.examples import ESTABLISHED_BODIES
    from stores import store_of

    store = store_of(parse_file(REAL / "sc-drafts" / "task2" / "2152" / "S_2017_142-EN.pdf"))
    rows = {(row[1].value, row[2].value.rsplit("/", 1)[-1], row[4].value) for row in store.query(ESTABLISHED_BODIES.query)}
    assert ("Panel of Experts established pursuant to resolution 2140 (2014)", "2140_(2014)", "request") in rows


@pytest.mark.skipif(not (REAL / "sc").is_dir(), reason=ABSENT)
def test_the_commission_a_resolution_establishes_links_to_that_resolution() -> None:
    from rdflib import Graph

    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, map_resolution
    from lod.rdf.namespaces import UNRES

    res = parse_file(REAL / "sc" / "S_RES_0446_1979_EN_GOLD.txt")
    registry = WorkRegistry(base="http://lod.test")
    registry.add(res)
    g = Graph().parse(data="\n".join(map_resolution(res, registry, "http://lod.test").lines()), format="nt")
    [(body, work)] = list(g.subject_objects(UNRES.establishedBy))
    assert str(body) == "http://lod.test/id/body/un-sc/commission-446-1979"
    assert str(work) == registry.work_for(res).work()
