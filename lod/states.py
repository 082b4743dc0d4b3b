"""Member and observer States of the United Nations, and every name they are printed under.

Sponsor lines, voting records and operative paragraphs name States in the UN's own official
short names ("Bolivia (Plurinational State of)", "Türkiye"), in older official names
("the former Yugoslav Republic of Macedonia", "Swaziland", "Zaire") and, in extracted text,
without diacritics ("Cote d'Ivoire"). Resolving all of them to one ISO 3166-1 code is what
lets a sponsor in a 1995 draft and one in a 2025 draft be the same linked resource.

Facts (codes, admission year, Wikidata entity) come from lod/data/states.csv; the names a
State is printed under come from lod/data/state_names.csv (one row per name, tagged `un`
for the official UN short name, `alternative` or `historic`; `adjective` rows are the adjectives
English does not make from the name by an ending, "Portuguese", "Moroccan", and the acronyms drafts
use the same way, "CAR", "DRC": they name a State in "the Portuguese authorities", "the CAR
Government", never as a name of it).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

DATA_DIR = Path(__file__).parent / "data"
STATES_CSV = DATA_DIR / "states.csv"
NAMES_CSV = DATA_DIR / "state_names.csv"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "\u00a0": " "})
_LEADING_ARTICLE = re.compile(r"^the\s+")
_EDGE_PUNCTUATION = " \t\r\n,.;:*"


@dataclass(frozen=True)
class State:
    """A UN Member State or observer State.

    `name` is a short English name for display; `un_name` is the name UN documents print
    (the official UN short name); `names` holds every name the State may be printed under,
    historic ones included, so lookups never depend on when a document was written.
    """

    iso3: str
    iso2: str
    name: str
    un_name: str
    names: tuple[str, ...]
    status: Literal["member", "observer"]
    member_since: int | None
    wikidata: str


def fold(text: str) -> str:
    """One character per character, diacritics removed, apostrophes unified, case kept.

    Keeping the length lets a matcher run on the folded text and report spans of the text
    as printed.
    """
    out = []
    for ch in text.translate(_APOSTROPHES):
        if ord(ch) < 128:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)[:1]
        out.append(base if base and ord(base) < 128 and not unicodedata.combining(base) else ch)
    return "".join(out)


_SPACED_HYPHEN = re.compile(r"(?<=\w) ?- ?(?=\w)")


def normalise_name(name: str) -> str:
    """The key a printed name is looked up by: case, spacing, diacritics and article ignored, and
    spaces around a hyphen ("Guinea -Bissau", A/RES/75/175's sponsors in the UN's AKN file)."""
    key = " ".join(fold(name).split()).strip(_EDGE_PUNCTUATION).casefold()
    return _LEADING_ARTICLE.sub("", _SPACED_HYPHEN.sub("-", key))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[State, ...], dict[str, State]]:
    names_by_iso: dict[str, list[tuple[str, str]]] = {}
    for row in _read_csv(NAMES_CSV):
        if row["kind"] != "adjective":
            names_by_iso.setdefault(row["iso3"], []).append((row["kind"], row["name"]))
    states: list[State] = []
    for row in _read_csv(STATES_CSV):
        iso3 = row["iso3"]
        printed = names_by_iso.get(iso3, [])
        un_names = [n for kind, n in printed if kind == "un"]
        un_name = un_names[0] if un_names else row["name"]
        names = tuple(dict.fromkeys([un_name, row["name"], *(n for _, n in printed)]))
        status: Literal["member", "observer"] = "observer" if row["un_status"].startswith("observer") else "member"
        since = int(row["un_member_since"]) if row["un_member_since"].isdigit() else None
        states.append(State(iso3, row["iso2"], row["name"], un_name, names, status, since, row["wikidata"]))
    index: dict[str, State] = {}
    for state in states:
        for name in state.names:
            key = normalise_name(name)
            other = index.get(key)
            if other is not None and other.iso3 != state.iso3:
                raise ValueError(f"state name {name!r} names both {other.iso3} and {state.iso3}")
            index[key] = state
    return tuple(states), index


def all_states() -> list[State]:
    """Every Member State and observer State, in the order of states.csv (by ISO code)."""
    return list(_load()[0])


@lru_cache(maxsize=1)
def _by_iso3() -> dict[str, State]:
    return {state.iso3: state for state in _load()[0]}


def by_iso3(code: str) -> State | None:
    """The State with this ISO 3166-1 alpha-3 code (any case), or None."""
    return _by_iso3().get(code.upper())


def lookup_state(name: str) -> State | None:
    """The State a printed name refers to, or None when it names no State."""
    if not name:
        return None
    return _load()[1].get(normalise_name(name))


MISSPELLING_EDITS = ((15, 1), (1000, 2))
"""(longest name, letters it may differ by): one, two for long names. A name of fewer than four
letters is never read as a misspelling, and a slip never takes the first letter ("Ruritania" is
two letters from Mauritania, and no misspelling of it)."""


def misspelt_state(name: str) -> State | None:
    """The one State whose name `name` misspells by a letter or two ("Qata", "Nambia", "Viet Nama",
    "Plurinational State of Boliva": the UN's own AKN sponsor lists have such slips), or None
    where no State's name is that close, or two States' names are equally close ("Irak" is a
    letter from Iraq and from Iran). Only for names `lookup_state` does not know."""
    key = normalise_name(name)
    if len(key) < 4:
        return None
    edits = next(allowed for longest, allowed in MISSPELLING_EDITS if len(key) <= longest)
    index = _load()[1]
    same_initial = [known for known in index if known[:1] == key[:1]]
    near = process.extract(key, same_initial, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
    if not near:
        return None
    closest = min(distance for _, distance, _ in near)
    states = {index[known].iso3 for known, distance, _ in near if distance == closest}
    return by_iso3(states.pop()) if len(states) == 1 else None


def state_names() -> dict[str, State]:
    """Every known printed name (as written in the tables) with its State.

    Sponsor-line splitting matches these longest first, so names that contain "and" or a
    comma ("Saint Vincent and the Grenadines") are never cut in two.
    """
    return {name: state for state in _load()[0] for name in state.names}


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, State]:
    """The irregular adjectives of state_names.csv, by their lookup key."""
    return {normalise_name(row["name"]): state for row in _read_csv(NAMES_CSV)
            if row["kind"] == "adjective" and (state := by_iso3(row["iso3"])) is not None}


_ADJECTIVE_ENDINGS: tuple[tuple[str, str], ...] = (("ian", ""), ("ian", "a"), ("an", ""), ("an", "a"), ("n", ""), ("i", ""), ("ese", ""))
"""How English makes a State's adjective from its name: Syria-n, Haiti-an, Iran-ian, Cambodia-n,
Iraq-i, Israel-i, Angola-n ("ian" → "a" for Armenia-n's kind)."""


def state_of_adjective(adjective: str) -> State | None:
    """The State a printed adjective names ("Syrian", "South African", "Iraqi"), where taking an
    adjectival ending off it leaves a name of the table, or the table gives it as irregular
    ("Portuguese": `adjective` rows of state_names.csv); None otherwise ("Arab", "African": no
    State is named so)."""
    irregular = _adjectives().get(normalise_name(adjective))
    if irregular is not None:
        return irregular
    for ending, restore in _ADJECTIVE_ENDINGS:
        if adjective.endswith(ending) and len(adjective) - len(ending) >= 3:
            state = lookup_state(adjective[: -len(ending)] + restore)
            if state is not None:
                return state
    return None
