"""The synthetic corpus's timeline: which documents exist, their symbols, dates and citations.

Everything that must be consistent across documents is decided here, before any text is
written: symbols are numbered in date order within their series (A/RES/81/1 is adopted
before A/RES/81/2), GA sessions follow calendar years (the 81st session opens in September
2026), and citations only point back in time. Citations among generated resolutions follow
preferential attachment (a resolution already cited often is more likely to be cited
again), which gives the skewed in-degree distribution real citation graphs have: a few
landmark resolutions cited everywhere, most cited once or twice.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from lod.bodies import by_key

FIRST_YEAR = 2026
"""Generated sessions start after the newest real sample (80th session, 2025), so the real
citations that recombined paragraphs carry (65/230, 73/186) never collide with new numbers."""

DOCUMENTS_PER_YEAR = 600
"""Roughly what the GA, its committees, ECOSOC's commissions and the SC issue in a year."""

FIRST_SC_NUMBER = 2801


@dataclass(frozen=True)
class Series:
    """A kind of document: its symbol series, organ, season of the year and share of the mix."""

    key: str
    body: str
    kind: str
    share: float
    months: tuple[int, int]
    committee: int | None = None


SERIES: tuple[Series, ...] = (
    Series("ga-res", "ga", "resolution", 0.55, (9, 12)),
    Series("ga-c1", "ga", "draft-resolution", 0.03, (10, 11), 1),
    Series("ga-c2", "ga", "draft-resolution", 0.04, (10, 11), 2),
    Series("ga-c3", "ga", "draft-resolution", 0.07, (10, 11), 3),
    Series("ga-c4", "ga", "draft-resolution", 0.02, (10, 11), 4),
    Series("ga-c6", "ga", "draft-resolution", 0.03, (10, 11), 6),
    Series("ga-plenary", "ga", "draft-resolution", 0.05, (9, 12)),
    Series("ccpcj", "ccpcj", "draft-resolution", 0.04, (4, 5)),
    Series("cnd", "cnd", "draft-resolution", 0.03, (3, 3)),
    Series("csw", "csw", "draft-resolution", 0.03, (3, 3)),
    Series("ecosoc", "ecosoc", "draft-resolution", 0.05, (6, 7)),
    Series("sc-res", "sc", "resolution", 0.06, (1, 12)),
)
_BY_KEY = {s.key: s for s in SERIES}

GA = by_key("ga")


def _resolution_symbol(organ: str, number: str) -> str:
    """The symbol of a resolution of `organ` (its series in lod.bodies)."""
    conventions = by_key(organ).conventions
    assert conventions is not None, organ
    return conventions.symbol("resolution", number) or ""


@dataclass
class Slot:
    """One generated document's identity: everything other documents may refer to."""

    index: int
    series: Series
    date: dt.date
    symbol: str = ""
    number: str | None = None
    session: int | None = None
    serial: int = 0
    revision: int = 0
    meeting: int | None = None
    cites: list[int] = field(default_factory=list)

    @property
    def adopted(self) -> bool:
        return self.series.kind == "resolution"


def plan(n: int, rng: random.Random) -> list[Slot]:
    """`n` documents in date order, numbered, with their citations to earlier resolutions."""
    keys = [s.key for s in SERIES]
    weights = [s.share for s in SERIES]
    slots = []
    for i in range(n):
        series = _BY_KEY[rng.choices(keys, weights)[0]]
        year = FIRST_YEAR + i // DOCUMENTS_PER_YEAR
        slots.append(Slot(i, series, _random_day(rng, year, series.months)))
    slots.sort(key=lambda s: (s.date, keys.index(s.series.key), s.index))
    for i, slot in enumerate(slots):
        slot.index = i
    _number(slots, rng)
    _cite(slots, rng)
    return slots


def _random_day(rng: random.Random, year: int, months: tuple[int, int]) -> dt.date:
    start = dt.date(year, months[0], 1)
    end = dt.date(year + (months[1] == 12), months[1] % 12 + 1, 1) - dt.timedelta(days=1)
    day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day if day >= start else start


def _number(slots: list[Slot], rng: random.Random) -> None:
    counters: dict[tuple[str, int], int] = {}
    meetings: dict[tuple[str, int], tuple[dt.date | None, int]] = {}
    sc_number = FIRST_SC_NUMBER
    sc_meeting = 10100
    for slot in slots:
        s, year = slot.series, slot.date.year
        session = GA.session_of(year)
        key = (s.key, year)
        counters[key] = counters.get(key, 0) + 1
        serial = counters[key]
        slot.serial = serial
        if s.key == "ga-res":
            slot.session, slot.number = session, f"{session}/{serial}"
            slot.symbol = _resolution_symbol("ga", f"{session}/{serial}")
            last_day, meeting = meetings.get(key, (None, 9))
            if slot.date != last_day:
                meeting += 1 + rng.randrange(3)
            meetings[key] = (slot.date, meeting)
            slot.meeting = meeting
        elif s.key == "sc-res":
            slot.number = f"{sc_number} ({year})"
            slot.symbol = _resolution_symbol("sc", slot.number)
            sc_meeting += 1 + rng.randrange(6)
            slot.meeting, sc_number = sc_meeting, sc_number + 1
        elif s.committee:
            slot.session = session
            slot.symbol = f"A/C.{s.committee}/{session}/L.{serial}"
        elif s.key == "ga-plenary":
            slot.session = session
            slot.symbol = f"A/{session}/L.{serial}"
        elif s.key == "ecosoc":
            slot.symbol = f"E/{year}/L.{serial}"
        else:
            commission = by_key(s.body)
            slot.session = commission.session_of(year)
            slot.symbol = f"{commission.document_series}/{year}/L.{serial}"
        if slot.series.kind == "draft-resolution" and rng.random() < 0.15:
            slot.revision = 1
            slot.symbol += "/Rev.1"


_CITATION_COUNTS = (0, 1, 2, 3, 4, 5, 6, 8)
_CITATION_WEIGHTS = (12, 20, 22, 17, 12, 8, 5, 4)


def _cite(slots: list[Slot], rng: random.Random) -> None:
    """Preferential attachment within each organ's resolutions, strictly back in time."""
    pools: dict[str, list[int]] = {"ga": [], "sc": []}
    available: dict[str, list[int]] = {"ga": [], "sc": []}
    waiting: list[Slot] = []
    today: dt.date | None = None
    for slot in slots:
        if slot.date != today:
            for done in waiting:
                organ = done.series.body
                pools[organ].append(done.index)
                available[organ].append(done.index)
            waiting, today = [], slot.date
        organ = "sc" if slot.series.body == "sc" else "ga"
        wanted = min(rng.choices(_CITATION_COUNTS, _CITATION_WEIGHTS)[0], len(available[organ]))
        chosen: list[int] = []
        tries = 0
        while len(chosen) < wanted and tries < wanted * 8:
            tries += 1
            pool = pools[organ] if rng.random() < 0.85 else available[organ]
            target = pool[rng.randrange(len(pool))]
            if target not in chosen:
                chosen.append(target)
        chosen.sort()
        slot.cites = chosen
        pools[organ].extend(chosen)
        if slot.adopted:
            waiting.append(slot)
