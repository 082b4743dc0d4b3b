"""UN organs that adopt, draft or are addressed by resolutions, in one table.

One row per body (organs, their subsidiary bodies, Secretariat offices and posts, funds,
programmes and agencies that resolutions address): its name as UN texts print it, the other names it goes by, the AKN4UN actor
token used in work IRIs, and its TLCOrganization IRI. The organs, commissions and bodies with a
Wikidata item are written here with their conventions; every other body is a row of
lod/data/bodies.csv, read into the same table. The parser uses the names to attribute
citations and mastheads, `lod.uri` uses the tokens, the RDF mapping uses the TLC IRIs; keeping
them in one table means the three never disagree.

Actor tokens follow AKN4UN Part 1 (`un-ga`), extended in the same shape to every body:
`un-` + a short, stable acronym. They are documented in docs/iri-scheme.md.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from lod.body import Body, Conventions

__all__ = ["BODIES", "Body", "Conventions", "TLC_PATH", "by_actor", "by_formula", "by_key", "by_name", "body_of_number",
           "find", "known", "session_year", "slug_actor", "symbol_of"]

_WD = "http://www.wikidata.org/entity/"


_EARLY_FORMS = ((r"(\d{1,4})(?: [A-K])? \(([IVXLC]+)\)", r"\1(\2)"),)
"""An early number, its session in Roman numerals, as its symbol prints it: "3263 A (XXIX)" is
A/RES/3263(XXIX) (the part is not in the symbol)."""

_ECOSOC_SESSIONS = (1946, 1946, 1946, *(year for year in range(1947, 1952) for _ in (1, 2)), 1952,
                    *(year for year in range(1953, 1964) for _ in (1, 2)), 1964,
                    *(year for year in range(1965, 1978) for _ in (1, 2)))
"""The year the Economic and Social Council's 1st to 63rd sessions met (its early resolutions carry
the session: "1566 (L)"): three sessions in 1946, one in 1952 and in 1964 (the 14th, the 37th), two
in every other year to 1977. Dates printed with its early numbers in ../shared agree: 8 (I) and
11 (II) 1946, 155 (VII) 1948, 715 (XXVII) 1959, 1086 (XXXIX) 1965, 1314 (XLIV) 1968, 1566 (L) 1971,
2008 (LX) 1976, 2088 (LXIII) 1977."""

_DESCRIBED: tuple[Body, ...] = (
    Body(
        "ga", "General Assembly", "un-ga", "generalAssembly", ("Assembly",), wikidata=_WD + "Q47423",
        conventions=Conventions(
            "The General Assembly,", "A/RES/{number}", "A/DEC/{number}",
            r"(?:ES-|S-)?\d{1,2}/\d{1,3}(?: ?[A-Z]{1,2})?|\d{1,4}(?: [A-K])? \([IVXLC]{1,8}\)(?: ?[A-Z])?",
            # before the 31st session: "3263 (XXIX)", its part "3263 A (XXIX)", is A/RES/3263(XXIX)
            # from its 1st session (1946) to its 30th (1975-1976)
            symbol_forms=_EARLY_FORMS, roman_years=(1946, 1976), first_numbered_session=31,
            # the Assembly's decisions are numbered from 401 in each session since the 31st ("77/511")
            decision_format=r"(?:ES-|S-)\d{1,2}/\d{1,3}(?: ?[A-Z])?|\d{1,2}/[4-6]\d{2}(?: ?[A-Z])?",
        ),
        first_session=1946,  # resolutions of session S are adopted from September of 1945 + S
    ),
    Body(
        "sc", "Security Council", "un-sc", "securityCouncil", ("Council",), wikidata=_WD + "Q37470",
        conventions=Conventions("The Security Council,", "S/RES/{number}", "", r"\d{1,4} \((?:19|20)\d{2}\)", "year",
                                r"(?P<n>\d+)\s*\((?P<year>\d{4})\)", "{n} ({year})"),
    ),
    Body(
        "ecosoc", "Economic and Social Council", "un-ecosoc", "economicAndSocialCouncil", ("ECOSOC",),
        wikidata=_WD + "Q170075",
        conventions=Conventions(
            "The Economic and Social Council,", "E/RES/{number}", "E/DEC/{number}", r"(?:19|20)\d{2}/\d{1,3}(?: ?[A-Z])?", "year",
            r"(?P<year>\d{4})/(?P<n>\d+(?:\s?[A-Z]{1,2})?)", "{year}/{n}",  # a part: E/RES/2021/2 B
            # before 1978 the Council numbered as the Assembly did: "its resolution 1566 (L)" is E/RES/1566(L)
            symbol_forms=_EARLY_FORMS, roman_years=(1946, 1977),
        ),
        early_sessions=_ECOSOC_SESSIONS,
    ),
    Body(
        "hrc", "Human Rights Council", "un-hrc", "humanRightsCouncil", (), "ga", wikidata=_WD + "Q205650",
        conventions=Conventions(
            "The Human Rights Council,", "A/HRC/RES/{number}", "A/HRC/DEC/{number}", r"(?:S-)?\d{1,2}/\d{1,3}",
            number_parts=r"(?P<session>(?:S-)?\d+)/(?P<n>\d+)",
        ),
        first_session=2006, sessions_a_year=3,
    ),
    Body(
        "chr", "Commission on Human Rights", "un-chr", "commissionOnHumanRights", (), "ecosoc",
        conventions=Conventions(
            # from 1979 its resolutions were numbered by year ("resolution 2005/74" is E/CN.4/RES/2005/74),
            # until the Human Rights Council replaced it in 2006
            "The Commission on Human Rights,", "E/CN.4/RES/{number}", "E/CN.4/DEC/{number}", r"(?:19|20)\d{2}/\d{1,3}",
            "year", r"(?P<year>\d{4})/(?P<n>\d+)", "{year}/{n}", named_only=True,
        ),
        document_series="E/CN.4",
    ),
    Body(
        "ccpcj",
        "Commission on Crime Prevention and Criminal Justice",
        "un-ccpcj",
        "commissionOnCrimePreventionAndCriminalJustice",
        (),
        "ecosoc",
        wikidata=_WD + "Q104842946",
        first_session=1992,
        document_series="E/CN.15",
    ),
    Body("cnd", "Commission on Narcotic Drugs", "un-cnd", "commissionOnNarcoticDrugs", (), "ecosoc", wikidata=_WD + "Q469618",
         first_session=1958, document_series="E/CN.7"),
    Body("csw", "Commission on the Status of Women", "un-csw", "commissionOnTheStatusOfWomen", (), "ecosoc", wikidata=_WD + "Q2614097",
         first_session=1957, document_series="E/CN.6"),
    Body("csocd", "Commission for Social Development", "un-csocd", "commissionForSocialDevelopment", (), "ecosoc", wikidata=_WD + "Q3684758",
         first_session=1962, document_series="E/CN.5"),
    Body("cpd", "Commission on Population and Development", "un-cpd", "commissionOnPopulationAndDevelopment", (), "ecosoc",
         wikidata=_WD + "Q5152731", first_session=1968, document_series="E/CN.9"),
    Body("cstd", "Commission on Science and Technology for Development", "un-cstd", "commissionOnScienceAndTechnologyForDevelopment", (), "ecosoc", wikidata=_WD + "Q5152737",
         document_series="E/CN.16"),
    Body("statcom", "Statistical Commission", "un-statcom", "statisticalCommission", (), "ecosoc", wikidata=_WD + "Q15042419",
         document_series="E/CN.3"),
    Body("unff", "United Nations Forum on Forests", "un-unff", "unitedNationsForumOnForests", (), "ecosoc", wikidata=_WD + "Q1433762",
         document_series="E/CN.18"),
    Body(
        "escap", "Economic and Social Commission for Asia and the Pacific", "un-escap",
        "economicAndSocialCommissionForAsiaAndThePacific", ("ESCAP",), "ecosoc", "subsidiary",
        # its resolutions are issued as E/ESCAP/RES/72/7 (the UN's own links, A/RES/77/171), numbered
        # by its annual session (the 72nd met in 2016) and cited with its name
        conventions=Conventions("The Economic and Social Commission for Asia and the Pacific,", "E/ESCAP/RES/{number}",
                                number_format=r"\d{1,2}/\d{1,3}", named_only=True),
        first_session=1945,
    ),
    Body("sg", "Secretary-General", "un-sg", "secretaryGeneral", ("Secretary General",), None, "office", _WD + "Q81066"),
    Body("secretariat", "Secretariat", "un-secretariat", "secretariat", ("United Nations Secretariat", "UN Secretariat"), None, "office", _WD + "Q220563"),
    Body(
        "ohchr", "Office of the United Nations High Commissioner for Human Rights", "un-ohchr",
        "officeOfTheHighCommissionerForHumanRights",
        ("Office of the High Commissioner for Human Rights", "OHCHR"), None, "office", _WD + "Q656812",
    ),
    # Subsidiary bodies of the General Assembly and the Economic and Social Council
    Body("ilc", "International Law Commission", "un-ilc", "internationalLawCommission", (), "ga", "subsidiary", _WD + "Q684656"),
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
"""The bodies with more to say than their names: the organs' printing conventions and sessions,
the commissions' document series, a Wikidata item a public source confirmed."""

BODIES_CSV = Path(__file__).parent / "data" / "bodies.csv"
"""Every other body, a row each: key, name, actor token, TLC name, other names (" | " between
them), parent, kind, and a note on where the texts name it."""


def _listed() -> tuple[Body, ...]:
    with BODIES_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple(Body(row["key"], row["name"], row["actor"], row["tlc"],
                          tuple(a for a in row["aliases"].split(" | ") if a), row["parent"] or None, row["kind"])
                     for row in csv.DictReader(handle))


BODIES: tuple[Body, ...] = (*_DESCRIBED, *_listed())

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


def known(key: str | None) -> Body | None:
    """The body with this key, None for no key or a key the table does not have."""
    return _BY_KEY.get(key) if key else None


def by_actor(actor: str) -> Body | None:
    return _BY_ACTOR.get(actor)


def by_name(name: str) -> Body | None:
    """The body a printed name refers to ("the General Assembly", "Economic and Social Council")."""
    cleaned = re.sub(r"^(the|The)\s+", "", " ".join(name.split())).rstrip(",.;:")
    return _BY_NAME.get(cleaned.casefold())


def find(name_or_key: str | None) -> Body | None:
    """The body a converter's value names: a key ("ga"), an actor token ("un-ga") or a printed
    name ("the General Assembly"). The converters call it once (lod.parse.resolved) and the
    model keeps the key, so nothing after them looks a printed name up again."""
    if not name_or_key:
        return None
    return _BY_KEY.get(name_or_key) or _BY_ACTOR.get(name_or_key) or by_name(name_or_key)


def find_key(name_or_key: str | None) -> str | None:
    """The key of the body `find` returns, None where it finds none: what the model keeps."""
    body = find(name_or_key)
    return body.key if body is not None else None


def by_formula(line: str) -> Body | None:
    """The organ whose opening formula a line is: "The Security Council," and the forms older
    or re-typed texts print ("The Security Council" without its comma, "Therefore the Security
    Council,", an OCR'd full stop). Only bodies that adopt texts have a formula."""
    body = formula_organ(line)
    return body if body is not None and body.conventions is not None else None


def formula_organ(line: str) -> Body | None:
    """The organ a line in the form of an opening formula names, whether or not the table knows how
    it numbers its texts: "The Economic and Social Commission for Asia and the Pacific," opens the
    Commission's resolution a Council resolution annexes."""
    m = _FORMULA_LINE.match(" ".join(line.split()))
    return by_name(m.group(1)) if m else None


_FORMULA_LINE = re.compile(r"^(?:(?:Therefore|Now,? therefore),? )?[Tt]he ([A-Z][A-Za-z ]{2,80}?)\s*[,.]?$")


def body_of_number(number: str) -> Body | None:
    """The one organ whose resolution numbers look like this ("660 (1990)" → Security Council);
    None when no organ's or several organs' numbers do ("31/1": General Assembly or Human
    Rights Council)."""
    number = " ".join(number.split())
    found = [b for b in BODIES if b.conventions and b.conventions.number_format and not b.conventions.named_only
             and re.fullmatch(b.conventions.number_format, number)]
    return found[0] if len(found) == 1 else None


def symbol_of(body: Body, number: str, kind: str) -> str | None:
    """The symbol of an adopted text from its organ and number ("S/RES/660 (1990)"), per the organ's
    conventions; None for drafts, for organs without a series, and for numbers not in its format."""
    conventions = body.conventions
    if conventions is None or kind not in ("resolution", "decision"):
        return None
    number = " ".join(number.split())
    if kind == "resolution" and not (re.fullmatch(conventions.number_format, number) and conventions.is_resolution_number(number)):
        return None
    if kind == "decision" and not (re.fullmatch(r"(?:ES-|S-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?", number)
                                   and conventions.is_decision_number(number)):
        return None
    return conventions.symbol(kind, number)


def session_year(body_key: str | None, session: int) -> int | None:
    """The (approximate) year of session `session` of the body `body_key` (`Body.session_year`)."""
    body = _BY_KEY.get(body_key or "")
    return body.session_year(session) if body is not None else None


def slug_actor(name: str) -> str:
    """An actor token for a body missing from the table, in the same `un-` shape.

    Built from the initials of the significant words, so "Conference of the Parties to X"
    still gets a stable token; the table should grow instead of relying on this.
    """
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the", "on", "and", "for", "to", "in"}]
    return "un-" + ("".join(w[0] for w in words).lower() or "unknown")
