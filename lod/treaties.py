"""Treaties that UN resolutions cite, keyed by their United Nations Treaty Series registration.

A footnote such as "United Nations, *Treaty Series*, vol. 2225, No. 39574." identifies a treaty
by the number under which the Secretariat registered it (Article 102 of the Charter). That number
is the one stable identifier every citation shares, so it is the key of our treaty entities; the
running text names the same treaty in words ("the United Nations Convention against Corruption"),
and the table below lets both forms land on one entity.

Protocols that supplement a convention are registered under the convention's number and told
apart only by the volume in which they were published (the Trafficking in Persons Protocol is
vol. 2237, No. 39574). The table therefore gives every instrument its own `key` ("39574-TIP"),
its registration number, the volumes that publish its text, and its `parent`.

Facts live in lod/data/treaties.csv. `verified` says how each row's number was checked:
`corpus` (printed in a footnote of a real document in corpus/), `real` (printed in a footnote of a
real document of ../shared beside the treaty's name in the paragraph that carries its marker),
`search` (confirmed in a public copy of the Treaty Series), `no` (from general knowledge, to be
confirmed). Wikidata IRIs are
only filled in where a public source confirmed them; an empty cell is better than a wrong link.
The names in the other five official languages live in lod/data/treaty_names.csv (key,
language tag, names as the UN prints them, official title first); there `verified` says `corpus`
where the name is printed in a document of the project's real corpus (../shared), `no` where it
comes from the treaty's official text in that language but no document of the corpus prints it.
A name a text prints for several instruments at once ("the Geneva Conventions of 12 August 1949":
Nos. 970–973, "les Conventions de Genève du 12 août 1949") is in lod/data/treaty_groups.csv: it
names each of them, and none of them alone (it is no label of any).
The Charter of the United Nations is deliberately absent: it is not registered in the Treaty
Series as a numbered treaty, so it cannot be cited in the form this table resolves.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal

TREATIES_CSV = Path(__file__).parent / "data" / "treaties.csv"
TREATY_NAMES_CSV = Path(__file__).parent / "data" / "treaty_names.csv"
TREATY_GROUPS_CSV = Path(__file__).parent / "data" / "treaty_groups.csv"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_WIKIDATA_RE = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9]\d*$")

Verification = Literal["corpus", "real", "search", "no"]


@dataclass(frozen=True)
class Treaty:
    """One treaty instrument: a convention, covenant, agreement or a protocol to one of them.

    `key` is unique (the registration number for a principal instrument, number + suffix for a
    protocol registered under its parent's number); `unts_number` is the number printed in
    citations; `volumes` are the Treaty Series volumes that publish this instrument's text,
    which is how a citation of "vol. 2241, No. 39574" is told apart from one of "vol. 2225".
    `names` are the forms it is printed under in running text, the official title first.
    """

    key: str
    unts_number: str
    title: str
    names: tuple[str, ...]
    volumes: tuple[str, ...] = ()
    adopted: str | None = None
    parent: str | None = None
    wikidata: str = ""
    verified: Verification = "no"
    translations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(language tag, names) for the other official languages ("fr", "es", "ru", "ar", "zh"),
    official title first: what a French or Chinese text prints for it."""

    def names_in(self, language: str) -> tuple[str, ...]:
        """The names printed in a text of `language` (a BCP 47 tag; "en": `names`)."""
        if language == "en":
            return self.names
        return next((names for tag, names in self.translations if tag == language), ())

    @property
    def is_protocol(self) -> bool:
        return self.parent is not None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _translations() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each key's names in the other languages, as lod/data/treaty_names.csv lists them."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for row in _rows(TREATY_NAMES_CSV):
        found.setdefault(row["key"], []).append((row["language"], _split(row["names"])))
    return {key: tuple(names) for key, names in found.items()}


@lru_cache(maxsize=1)
def _load() -> tuple[Treaty, ...]:
    rows = _rows(TREATIES_CSV)
    translated = _translations()
    treaties = []
    for row in rows:
        names = (row["title"], *(n for n in _split(row["short_names"]) if n != row["title"]))
        treaties.append(
            Treaty(
                key=row["key"],
                unts_number=row["unts_number"],
                title=row["title"],
                names=names,
                volumes=_split(row["volumes"]),
                adopted=row["adopted"] or None,
                parent=row["parent"] or None,
                wikidata=row["wikidata"],
                verified=row["verified"] or "no",  # type: ignore[arg-type]
                translations=translated.get(row["key"], ()),
            )
        )
    return tuple(treaties)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Treaty]:
    return {t.key: t for t in _load()}


def all_treaties() -> list[Treaty]:
    """Every instrument in the table, in table order (principal instruments before protocols)."""
    return list(_load())


def by_key(key: str) -> Treaty | None:
    """The instrument with this table key ("39574", "39574-TIP")."""
    return _by_key().get(key)


def _number(number: str | int) -> str:
    return re.sub(r"\D", "", str(number)).lstrip("0") or "0"


def by_unts(number: str | int) -> Treaty | None:
    """The principal instrument registered under this number ("No. 39574" → UNTOC).

    Accepts the number as printed ("39574", "No. 39574", 39574). Protocols registered under
    the same number are reached through `by_citation` with their volume, or `protocols_of`.
    """
    wanted = _number(number)
    for treaty in _load():
        if treaty.unts_number == wanted and treaty.parent is None:
            return treaty
    return None


def protocols_of(treaty: Treaty) -> list[Treaty]:
    """The protocols that supplement this treaty and are registered under its number."""
    return [t for t in _load() if t.parent == treaty.key]


def by_citation(number: str | int, volumes: Iterable[str] = ()) -> list[Treaty]:
    """The instruments a Treaty Series citation points to, one per cited volume where known.

    "vols. 2225, 2237, 2241 and 2326, No. 39574" cites the Convention and its three Protocols;
    "vol. 2237, No. 39574" the Trafficking in Persons Protocol alone. A volume the table does
    not know (a later volume recording ratifications, say) resolves to the principal
    instrument, so a citation always lands on the treaty it is registered under.
    """
    wanted = _number(number)
    family = [t for t in _load() if t.unts_number == wanted]
    if not family:
        return []
    found: list[Treaty] = []
    for volume in volumes:
        matches = [t for t in family if str(volume).strip() in t.volumes]
        # several instruments in one volume (a covenant and its optional protocol): the principal one
        chosen = next((t for t in matches if t.parent is None), matches[0] if matches else None)
        if chosen is None:
            chosen = by_unts(wanted)
        if chosen is not None and chosen not in found:
            found.append(chosen)
    if not found:
        principal = by_unts(wanted)
        found = [principal] if principal else family[:1]
    return found


@lru_cache(maxsize=1)
def collective_names() -> tuple[tuple[str, str, tuple[Treaty, ...]], ...]:
    """(name, language tag, the instruments it names) of every name printed for several at once."""
    return tuple((row["name"], row["language"], tuple(_by_key()[key] for key in _split(row["keys"])))
                 for row in _rows(TREATY_GROUPS_CSV))


def is_wikidata_iri(value: str) -> bool:
    """Whether a cell holds a well-formed Wikidata entity IRI (the only form we publish)."""
    return bool(_WIKIDATA_RE.match(value))
