"""UN organs that adopt, draft or are addressed by resolutions, in one table.

One row per body: its name as UN texts print it, the other names it goes by, the AKN4UN actor
token used in work IRIs, and its TLCOrganization IRI. The parser uses the names to attribute
citations and mastheads, `lod.uri` uses the tokens, the RDF mapping uses the TLC IRIs; keeping
them in one table means the three never disagree.

Actor tokens follow AKN4UN Part 1 (`un-ga`), extended in the same shape to every body:
`un-` + a short, stable acronym. They are documented in docs/iri-scheme.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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


BODIES: tuple[Body, ...] = (
    Body("ga", "General Assembly", "un-ga", "generalAssembly", ("Assembly",)),
    Body("sc", "Security Council", "un-sc", "securityCouncil", ("Council",)),
    Body("ecosoc", "Economic and Social Council", "un-ecosoc", "economicAndSocialCouncil", ("ECOSOC",)),
    Body("hrc", "Human Rights Council", "un-hrc", "humanRightsCouncil", (), "ga"),
    Body("chr", "Commission on Human Rights", "un-chr", "commissionOnHumanRights", (), "ecosoc"),
    Body(
        "ccpcj",
        "Commission on Crime Prevention and Criminal Justice",
        "un-ccpcj",
        "commissionOnCrimePreventionAndCriminalJustice",
        (),
        "ecosoc",
    ),
    Body("cnd", "Commission on Narcotic Drugs", "un-cnd", "commissionOnNarcoticDrugs", (), "ecosoc"),
    Body("csw", "Commission on the Status of Women", "un-csw", "commissionOnTheStatusOfWomen", (), "ecosoc"),
    Body("csocd", "Commission for Social Development", "un-csocd", "commissionForSocialDevelopment", (), "ecosoc"),
    Body("cpd", "Commission on Population and Development", "un-cpd", "commissionOnPopulationAndDevelopment", (), "ecosoc"),
    Body("cstd", "Commission on Science and Technology for Development", "un-cstd", "commissionOnScienceAndTechnologyForDevelopment", (), "ecosoc"),
    Body("statcom", "Statistical Commission", "un-statcom", "statisticalCommission", (), "ecosoc"),
    Body("unff", "United Nations Forum on Forests", "un-unff", "unitedNationsForumOnForests", (), "ecosoc"),
    Body("c1", "First Committee", "un-ga-c1", "firstCommittee", ("Disarmament and International Security Committee",), "ga", "committee"),
    Body("c2", "Second Committee", "un-ga-c2", "secondCommittee", ("Economic and Financial Committee",), "ga", "committee"),
    Body("c3", "Third Committee", "un-ga-c3", "thirdCommittee", ("Social, Humanitarian and Cultural Committee",), "ga", "committee"),
    Body("c4", "Fourth Committee", "un-ga-c4", "fourthCommittee", ("Special Political and Decolonization Committee",), "ga", "committee"),
    Body("c5", "Fifth Committee", "un-ga-c5", "fifthCommittee", ("Administrative and Budgetary Committee",), "ga", "committee"),
    Body("c6", "Sixth Committee", "un-ga-c6", "sixthCommittee", ("Legal Committee",), "ga", "committee"),
    Body("cosp-untoc", "Conference of the Parties to the United Nations Convention against Transnational Organized Crime", "un-cop-untoc", "conferenceOfThePartiesUNTOC", (), None, "conference"),
    Body("cosp-uncac", "Conference of the States Parties to the United Nations Convention against Corruption", "un-cosp-uncac", "conferenceOfTheStatesPartiesUNCAC", (), None, "conference"),
    Body("sg", "Secretary-General", "un-sg", "secretaryGeneral", ("Secretary General",), None, "office"),
    Body("unodc", "United Nations Office on Drugs and Crime", "un-unodc", "unitedNationsOfficeOnDrugsAndCrime", ("UNODC",), None, "office"),
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
