"""UN organs that adopt, draft or are addressed by resolutions, in one table.

One row per body (organs, their subsidiary bodies, Secretariat offices and posts, funds,
programmes and agencies that resolutions address): its name as UN texts print it, the other names it goes by, the AKN4UN actor
token used in work IRIs, and its TLCOrganization IRI. The parser uses the names to attribute
citations and mastheads, `lod.uri` uses the tokens, the RDF mapping uses the TLC IRIs; keeping
them in one table means the three never disagree.

Actor tokens follow AKN4UN Part 1 (`un-ga`), extended in the same shape to every body:
`un-` + a short, stable acronym. They are documented in docs/iri-scheme.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WD = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Body:
    """A UN organ or subsidiary body."""

    key: str
    name: str
    actor: str
    tlc: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    parent: str | None = None
    kind: str = "organ"
    wikidata: str = ""
    """Wikidata entity IRI, only where a public source confirmed it (see WIKIDATA_SOURCES)."""


BODIES: tuple[Body, ...] = (
    Body("ga", "General Assembly", "un-ga", "generalAssembly", ("Assembly",), wikidata=_WD + "Q47423"),
    Body("sc", "Security Council", "un-sc", "securityCouncil", ("Council",), wikidata=_WD + "Q37470"),
    Body(
        "ecosoc", "Economic and Social Council", "un-ecosoc", "economicAndSocialCouncil", ("ECOSOC",),
        wikidata=_WD + "Q170075",
    ),
    Body("hrc", "Human Rights Council", "un-hrc", "humanRightsCouncil", (), "ga", wikidata=_WD + "Q205650"),
    Body("chr", "Commission on Human Rights", "un-chr", "commissionOnHumanRights", (), "ecosoc"),
    Body(
        "ccpcj",
        "Commission on Crime Prevention and Criminal Justice",
        "un-ccpcj",
        "commissionOnCrimePreventionAndCriminalJustice",
        (),
        "ecosoc",
        wikidata=_WD + "Q104842946",
    ),
    Body("cnd", "Commission on Narcotic Drugs", "un-cnd", "commissionOnNarcoticDrugs", (), "ecosoc", wikidata=_WD + "Q469618"),
    Body("csw", "Commission on the Status of Women", "un-csw", "commissionOnTheStatusOfWomen", (), "ecosoc", wikidata=_WD + "Q2614097"),
    Body("csocd", "Commission for Social Development", "un-csocd", "commissionForSocialDevelopment", (), "ecosoc", wikidata=_WD + "Q3684758"),
    Body("cpd", "Commission on Population and Development", "un-cpd", "commissionOnPopulationAndDevelopment", (), "ecosoc", wikidata=_WD + "Q5152731"),
    Body("cstd", "Commission on Science and Technology for Development", "un-cstd", "commissionOnScienceAndTechnologyForDevelopment", (), "ecosoc", wikidata=_WD + "Q5152737"),
    Body("statcom", "Statistical Commission", "un-statcom", "statisticalCommission", (), "ecosoc", wikidata=_WD + "Q15042419"),
    Body("unff", "United Nations Forum on Forests", "un-unff", "unitedNationsForumOnForests", (), "ecosoc", wikidata=_WD + "Q1433762"),
    Body("c1", "First Committee", "un-ga-c1", "firstCommittee", ("Disarmament and International Security Committee",), "ga", "committee"),
    Body("c2", "Second Committee", "un-ga-c2", "secondCommittee", ("Economic and Financial Committee",), "ga", "committee"),
    Body("c3", "Third Committee", "un-ga-c3", "thirdCommittee", ("Social, Humanitarian and Cultural Committee",), "ga", "committee"),
    Body("c4", "Fourth Committee", "un-ga-c4", "fourthCommittee", ("Special Political and Decolonization Committee",), "ga", "committee"),
    Body("c5", "Fifth Committee", "un-ga-c5", "fifthCommittee", ("Administrative and Budgetary Committee",), "ga", "committee"),
    Body("c6", "Sixth Committee", "un-ga-c6", "sixthCommittee", ("Legal Committee",), "ga", "committee"),
    Body("cosp-untoc", "Conference of the Parties to the United Nations Convention against Transnational Organized Crime", "un-cop-untoc", "conferenceOfThePartiesUNTOC", (), None, "conference"),
    Body("cosp-uncac", "Conference of the States Parties to the United Nations Convention against Corruption", "un-cosp-uncac", "conferenceOfTheStatesPartiesUNCAC", (), None, "conference"),
    Body("sg", "Secretary-General", "un-sg", "secretaryGeneral", ("Secretary General",), None, "office", _WD + "Q81066"),
    Body("unodc", "United Nations Office on Drugs and Crime", "un-unodc", "unitedNationsOfficeOnDrugsAndCrime", ("UNODC",), None, "office"),
    # Posts and Secretariat offices that operative paragraphs address ("office": a post or a
    # Secretariat entity, never the author of a resolution).
    Body("pga", "President of the General Assembly", "un-pga", "presidentOfTheGeneralAssembly", (), "ga", "office"),
    Body("secretariat", "Secretariat", "un-secretariat", "secretariat", ("United Nations Secretariat",), None, "office", _WD + "Q220563"),
    Body("oct", "Office of Counter-Terrorism", "un-oct", "officeOfCounterTerrorism", ("United Nations Office of Counter-Terrorism",), None, "office"),
    Body(
        "ohchr", "Office of the United Nations High Commissioner for Human Rights", "un-ohchr",
        "officeOfTheHighCommissionerForHumanRights",
        ("Office of the High Commissioner for Human Rights", "OHCHR"), None, "office", _WD + "Q656812",
    ),
    Body(
        "hchr", "United Nations High Commissioner for Human Rights", "un-hchr", "highCommissionerForHumanRights",
        ("High Commissioner for Human Rights",), None, "office",
    ),
    Body(
        "unhcr", "Office of the United Nations High Commissioner for Refugees", "un-unhcr",
        "officeOfTheHighCommissionerForRefugees", ("UNHCR",), None, "office",
    ),
    Body("ola", "Office of Legal Affairs", "un-ola", "officeOfLegalAffairs", (), None, "office"),
    Body(
        "legal-counsel", "Legal Counsel", "un-legal-counsel", "legalCounsel",
        ("United Nations Legal Counsel", "Under-Secretary-General for Legal Affairs and United Nations Legal Counsel"),
        None, "office",
    ),
    # Subsidiary bodies of the General Assembly and the Economic and Social Council
    Body("ilc", "International Law Commission", "un-ilc", "internationalLawCommission", (), "ga", "subsidiary", _WD + "Q684656"),
    Body("cc", "Committee on Contributions", "un-cc", "committeeOnContributions", (), "ga", "subsidiary"),
    Body(
        "crhc", "Committee on Relations with the Host Country", "un-crhc", "committeeOnRelationsWithTheHostCountry",
        (), "ga", "subsidiary",
    ),
    Body(
        "uncitral", "United Nations Commission on International Trade Law", "un-uncitral",
        "unitedNationsCommissionOnInternationalTradeLaw", ("UNCITRAL",), "ga", "subsidiary", _WD + "Q698232",
    ),
    Body("pbc", "Peacebuilding Commission", "un-pbc", "peacebuildingCommission", (), "ga", "subsidiary", _WD + "Q1534084"),
    Body(
        "incb", "International Narcotics Control Board", "un-incb", "internationalNarcoticsControlBoard",
        ("INCB",), "ecosoc", "subsidiary", _WD + "Q667217",
    ),
    # Funds, programmes and specialized agencies
    Body(
        "unicef", "United Nations Children's Fund", "un-unicef", "unitedNationsChildrensFund",
        ("United Nations Children\u2019s Fund", "UNICEF"), None, "programme", _WD + "Q740308",
    ),
    Body("undp", "United Nations Development Programme", "un-undp", "unitedNationsDevelopmentProgramme", ("UNDP",), None, "programme", _WD + "Q161718"),
    Body("unep", "United Nations Environment Programme", "un-unep", "unitedNationsEnvironmentProgramme", ("UNEP",), None, "programme", _WD + "Q182016"),
    Body(
        "unwomen", "United Nations Entity for Gender Equality and the Empowerment of Women", "un-unwomen",
        "unWomen", ("UN-Women", "UN Women"), None, "programme", _WD + "Q641576",
    ),
    Body("unfpa", "United Nations Population Fund", "un-unfpa", "unitedNationsPopulationFund", ("UNFPA",), None, "programme", _WD + "Q623036"),
    Body(
        "unesco", "United Nations Educational, Scientific and Cultural Organization", "un-unesco",
        "unitedNationsEducationalScientificAndCulturalOrganization", ("UNESCO",), None, "agency", _WD + "Q7809",
    ),
    Body("who", "World Health Organization", "un-who", "worldHealthOrganization", (), None, "agency", _WD + "Q7817"),
    Body("unwto", "World Tourism Organization", "un-unwto", "worldTourismOrganization", ("UN Tourism", "UNWTO"), None, "agency", _WD + "Q61923"),
    Body("ilo", "International Labour Organization", "un-ilo", "internationalLabourOrganization", (), None, "agency", _WD + "Q54129"),
    Body("fao", "Food and Agriculture Organization of the United Nations", "un-fao", "foodAndAgricultureOrganization", ("Food and Agriculture Organization",), None, "agency", _WD + "Q82151"),
)

WIKIDATA_SOURCES = (
    "Wikidata IRIs were checked against two public tables of UN system entities with their "
    "Wikidata items (the confirmordeny/supraverden UN_BODIES table, and the OpenSanctions "
    "international-organizations registry); General Assembly, Security Council, ECOSOC, Human "
    "Rights Council, Secretary-General, Secretariat, UNDP, UNICEF, UN-Women, UNESCO and WHO "
    "appear in both. Bodies left without one (UNODC, UNHCR: the sources disagree or are silent) "
    "wait for a confirmed item rather than a guessed one."
)

TLC_PATH = "/akn/ontology/organizations/un/"
"""AKN4UN's TLCOrganization pattern; `lod.uri.tlc_iri` puts the configured base in front."""

_BY_KEY = {b.key: b for b in BODIES}
_BY_ACTOR = {b.actor: b for b in BODIES}
_BY_NAME = {n.casefold(): b for b in BODIES for n in (b.name, *b.aliases) if n not in ("Assembly", "Council")}


def by_key(key: str) -> Body:
    """The body with this key; KeyError names the key when it is unknown."""
    return _BY_KEY[key]


def by_actor(actor: str) -> Body | None:
    return _BY_ACTOR.get(actor)


def by_name(name: str) -> Body | None:
    """The body a printed name refers to ("the General Assembly", "Economic and Social Council")."""
    cleaned = re.sub(r"^(the|The)\s+", "", " ".join(name.split())).rstrip(",.;:")
    return _BY_NAME.get(cleaned.casefold())


def slug_actor(name: str) -> str:
    """An actor token for a body missing from the table, in the same `un-` shape.

    Built from the initials of the significant words, so "Conference of the Parties to X"
    still gets a stable token; the table should grow instead of relying on this.
    """
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the", "on", "and", "for", "to", "in"}]
    return "un-" + ("".join(w[0] for w in words).lower() or "unknown")
