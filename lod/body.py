"""What a UN body is, as a record: its names, AKN4UN actor token, TLC IRI, parent and kind, and
(for an organ that adopts resolutions) how its texts print and number them.

The records only; lod.bodies holds the one table of them and the lookups by key, actor, name and
formula. Split so that the table can grow without its module passing the size the style sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Body", "Conventions"]


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
    conventions: Conventions | None = None
    """How the organ prints and numbers what it adopts; None for bodies that adopt no resolutions."""
    first_session: int | None = None
    """The year session 1 falls in on the body's present rhythm (sessions_a_year), so that recent
    sessions get their year ("68th session of the CND, 2025"); None where the rhythm is unknown."""
    sessions_a_year: int = 1
    document_series: str = ""
    """The symbol prefix of a commission's documents and drafts ("E/CN.15": E/CN.15/2019/L.3)."""
    early_sessions: tuple[int, ...] = ()
    """The year each of the body's first sessions met, session 1 first, where no rhythm gives it:
    the Economic and Social Council met three times in 1946, then mostly twice a year, and numbered
    its resolutions by these sessions until 1977 ("1566 (L)": its 50th session, 1971)."""

    def session_year(self, session: int) -> int | None:
        """The (approximate) year of a numbered session, when the body's rhythm is known: sessions
        are annual (the Human Rights Council's three a year) in the period UN texts cite, so the
        year is a fair approximation, and it is always flagged as one."""
        if 1 <= session <= len(self.early_sessions):
            return self.early_sessions[session - 1]
        if self.first_session is None:
            return None
        return self.first_session + (session - 1) // self.sessions_a_year

    def session_of(self, year: int) -> int | None:
        """The (first) numbered session held in `year`, the inverse of `session_year`."""
        if self.first_session is None:
            return None
        return (year - self.first_session) * self.sessions_a_year + 1


@dataclass(frozen=True)
class Conventions:
    """What an organ's texts look like, so converters read every organ the same way.

    `formula` is the opening formula ("The Security Council,"), `resolution_series` and
    `decision_series` the symbol of an adopted text with `{number}` in place of its number,
    `number_format` a regular expression its resolution numbers fullmatch ("660 (1990)",
    "77/1", "2022/5"), and `dating` whether that number carries the session ("77/1": session
    77) or the year ("660 (1990)", "2022/5"). In a symbol, the number reads as `number_parts`
    (named groups `session`, `year`, `n`) and is written back as `number_template`;
    `symbol_forms` rewrite a number as its symbol prints it (the GA's "3263 (XXIX)" is
    A/RES/3263(XXIX)); `roman_years` the first and last year the organ numbered its texts with the
    session in Roman numerals ("3263 (XXIX)", the Council's "1566 (L)" before 1978), so "its resolution
    1566 (L)" in its own text is its own and "resolution 959 (LI) of 15 May 2018" is not; `decision_format` a regular expression its decision numbers
    fullmatch where the organ numbers them in a range of their own (the Assembly's run from 401:
    "77/511"; "decision 20/1" in an Assembly text is a committee's), "" where any number may be one;
    `named_only` that a number is read as the organ's only where the organ is named.
    """

    formula: str
    resolution_series: str
    decision_series: str = ""
    number_format: str = ""
    dating: str = "session"
    number_parts: str = r"(?P<session>(?:ES-|S-)?\d+)/(?P<n>\d+(?:\s?[A-Z]{1,2})?)"
    number_template: str = "{session}/{n}"
    symbol_forms: tuple[tuple[str, str], ...] = ()
    roman_years: tuple[int, int] | None = None
    decision_format: str = ""
    first_numbered_session: int = 1
    """The first session whose texts the session/number form numbers: the Assembly's 31st (1976);
    its earlier resolutions are "3263 (XXIX)", so "resolution 7/5" is never one of its."""
    named_only: bool = False
    """Whether the texts always name the organ before its numbers, so that a number's shape alone
    never says it is this organ's: the Commission on Human Rights numbered as ECOSOC does
    ("2005/74"), and a bare "resolution 2005/74" stays the Council's."""

    @property
    def roman_sessions(self) -> bool:
        """Whether the organ ever numbered its texts with the session in Roman numerals."""
        return self.roman_years is not None

    def series(self, kind: str) -> str:
        """The symbol series of an adopted `kind` ("resolution", "decision"), "" when it has none."""
        return {"resolution": self.resolution_series, "decision": self.decision_series}.get(kind, "")

    def is_resolution_number(self, number: str) -> bool:
        """Whether `number` can be one of this organ's resolutions, as `is_decision_number` says of
        decisions: an organ that numbers by session prints its number format from its
        `first_numbered_session` or an early form of `symbol_forms` ("6/2019", "1993/28" or "7/5" is
        none of the Assembly's); an organ that numbers by
        year keeps any (the Council's "1325" printed without its year is still its own)."""
        number = " ".join(number.split())
        if self.dating != "session" or not self.number_format:
            return True
        session = re.match(r"(\d+)/", number)
        if session is not None and int(session.group(1)) < self.first_numbered_session:
            return False
        return (re.fullmatch(self.number_format, number) is not None
                or any(re.fullmatch(pattern, number) for pattern, _ in self.symbol_forms))

    def is_number(self, kind: str, number: str) -> bool:
        """Whether `number` can be one of this organ's texts of `kind` (any other kind: yes)."""
        check = {"resolution": self.is_resolution_number, "decision": self.is_decision_number}.get(kind)
        return check is None or check(number)

    def is_decision_number(self, number: str) -> bool:
        """Whether `number` can be one of this organ's decisions (`decision_format`)."""
        return not self.decision_format or re.fullmatch(self.decision_format, " ".join(number.split())) is not None

    def symbol(self, kind: str, number: str) -> str | None:
        """The symbol of the adopted text numbered `number`, as the organ writes it."""
        series = self.series(kind)
        if not series:
            return None
        number = " ".join(number.split())
        for pattern, form in self.symbol_forms:
            number = re.sub(f"^(?:{pattern})$", form, number)
        return series.format(number=number)
