"""Groups of States and intergovernmental organizations that sponsor drafts, in one table.

"on behalf of the States Members of the United Nations that are members of the Group of 77
and China" names an actor as real as a State: it gets a stable IRI `{base}/id/group/{key}`
whatever form of its name a sponsor line prints, so that every draft it sponsored can be
found from it. The table holds the regional and negotiating groups of the General Assembly
and the organizations that co-sponsor or on whose behalf States speak, or that resolutions
address (lod.parse.addressees reads "Requests the African Union to …" as this table's row). Wikidata items are
only given where certain (an empty cell is better than a wrong link).

The sponsor-line reader (lod.parse.sponsors) knows groups and organizations by these names and
aliases; the RDF (lod.rdf.groups) and AKN writers name them by these keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lod.states import normalise_name

_WD = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class SponsorGroup:
    """A group of States (`kind` "group") or an intergovernmental organization."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: Literal["group", "organization"] = "group"
    wikidata: str = ""


GROUPS: tuple[SponsorGroup, ...] = (
    SponsorGroup("g77-china", "Group of 77 and China", ("Group of 77", "G-77 and China", "G77 and China", "G-77")),
    SponsorGroup("african-group", "Group of African States", ("African Group", "African States")),
    SponsorGroup("arab-group", "Group of Arab States", ("Arab Group", "Arab States")),
    SponsorGroup("asia-pacific-group", "Group of Asia-Pacific States",
                 ("Group of Asian States", "Asia-Pacific Group", "Group of Asia and the Pacific States")),
    SponsorGroup("eastern-european-group", "Group of Eastern European States", ("Eastern European Group",)),
    SponsorGroup("grulac", "Group of Latin American and Caribbean States", ("GRULAC", "Latin American and Caribbean Group")),
    SponsorGroup("weog", "Group of Western European and other States", ("WEOG", "Western European and Others Group")),
    SponsorGroup("ldc-group", "Group of Least Developed Countries", ("Least Developed Countries",)),
    SponsorGroup("lldc-group", "Group of Landlocked Developing Countries", ("Landlocked Developing Countries",)),
    SponsorGroup("psids", "Group of Asia and the Pacific Small Island Developing States",
                 ("Pacific Small Island Developing States",)),
    SponsorGroup("aosis", "Alliance of Small Island States", ("AOSIS",)),
    SponsorGroup("nam", "Movement of Non-Aligned Countries", ("Non-Aligned Movement", "Non-Aligned Countries")),
    SponsorGroup("nordic-countries", "Nordic countries", ("Nordic States",)),
    SponsorGroup("eu", "European Union", (), "organization", _WD + "Q458"),
    SponsorGroup("au", "African Union", (), "organization"),
    SponsorGroup("oic", "Organisation of Islamic Cooperation",
                 ("Organization of Islamic Cooperation", "Organization of the Islamic Conference"), "organization"),
    SponsorGroup("caricom", "Caribbean Community", ("CARICOM",), "organization"),
    SponsorGroup("celac", "Community of Latin American and Caribbean States", ("CELAC",), "organization"),
    SponsorGroup("asean", "Association of Southeast Asian Nations", ("ASEAN",), "organization"),
    SponsorGroup("las", "League of Arab States", ("Arab League",), "organization"),
    SponsorGroup("gcc", "Gulf Cooperation Council", ("Cooperation Council for the Arab States of the Gulf",), "organization"),
    SponsorGroup("pif", "Pacific Islands Forum", (), "organization"),
    # organizations outside the United Nations that resolutions ask to act ("Invites the
    # International Committee of the Red Cross to …"): an addressee named so is no UN body
    SponsorGroup("icrc", "International Committee of the Red Cross", ("ICRC",), "organization"),
    SponsorGroup("ifrc", "International Federation of Red Cross and Red Crescent Societies", (), "organization"),
    SponsorGroup("icc", "International Criminal Court", (), "organization"),
    SponsorGroup("coe", "Council of Europe", (), "organization"),
    SponsorGroup("oecd", "Organisation for Economic Co-operation and Development",
                 ("Organization for Economic Cooperation and Development", "OECD"), "organization"),
    SponsorGroup("osce", "Organization for Security and Co-operation in Europe",
                 ("Organization for Security and Cooperation in Europe", "OSCE"), "organization"),
    SponsorGroup("oas", "Organization of American States", (), "organization"),
    SponsorGroup("ipu", "Inter-Parliamentary Union", (), "organization"),
    SponsorGroup("interpol", "International Criminal Police Organization", ("INTERPOL",), "organization"),
    SponsorGroup("oau", "Organization of African Unity", ("OAU",), "organization"),  # the African Union's forerunner
    SponsorGroup("ecowas", "Economic Community of West African States", ("ECOWAS",), "organization"),
    SponsorGroup("eccas", "Economic Community of Central African States", ("ECCAS",), "organization"),
    SponsorGroup("sadc", "Southern African Development Community", ("SADC",), "organization"),
    SponsorGroup("igad", "Intergovernmental Authority on Development", ("IGAD",), "organization"),
    SponsorGroup("nato", "North Atlantic Treaty Organization", ("NATO",), "organization"),
    SponsorGroup("commonwealth", "Commonwealth", ("Commonwealth of Nations", "Commonwealth Secretariat"), "organization"),
    SponsorGroup("contadora", "Contadora Group", (), "group"),  # Colombia, Mexico, Panama, Venezuela (S/RES/530)
    SponsorGroup("cvf", "Climate Vulnerable Forum", ("CVF",), "organization"),  # observer status asked for: A/C.6/80/L.5
    # the Security Council's addressees in Cambodia's transition (S/RES/717, 718, 745, 792): its sovereign authority
    SponsorGroup("snc-cambodia", "Supreme National Council of Cambodia", ("Supreme National Council",), "organization"),
    SponsorGroup("eag", "Eurasian Group on Combating Money Laundering and Financing of Terrorism", ("EAG",),
                 "organization"),  # granted observer status, A/RES/72/127
    SponsorGroup("filac", "Fund for the Development of the Indigenous Peoples of Latin America and the Caribbean",
                 ("FILAC",), "organization"),  # A/RES/72/128, an intergovernmental organization
)

_MEMBERS_OF = re.compile(r"^(?:the\s+)?(?:States\s+)?Members?\s+of\s+the\s+United\s+Nations\s+that\s+are\s+members\s+of\s+", re.I)
_BY_KEY = {g.key: g for g in GROUPS}
_BY_NAME = {normalise_name(n): g for g in GROUPS for n in (g.name, *g.aliases)}


def by_key(key: str) -> SponsorGroup | None:
    return _BY_KEY.get(key)


def lookup_organization(name: str | None) -> SponsorGroup | None:
    """The organization (not a group of States) a printed name refers to: an addressee named
    "African States" is the States of a region, "the African Union" the organization."""
    group = lookup_group(name)
    return group if group is not None and group.kind == "organization" else None


def lookup_group(name: str | None) -> SponsorGroup | None:
    """The group a printed name refers to, with or without "the States Members … of" before it."""
    if not name:
        return None
    return _BY_NAME.get(normalise_name(_MEMBERS_OF.sub("", " ".join(name.split()))))
