"""One synthetic document's content: masthead facts, sponsors and paragraphs, before printing.

The composer decides what a document says; the renderers (render_pdf, render_markdown)
decide only how it is printed. Keeping the two apart is what lets one `SynthDocument` be
printed in any layout and still be compared, fact by fact, with what the parser reads back.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from lod.bodies import by_key
from lod.states import State, all_states
from lod.synth.harvest import FN, Pool
from lod.ordinals import ordinal_words
from lod.synth.lexicon import AGENDA_TOPICS, TITLE_OPENINGS, lower_title, un_date
from lod.synth.plan import Slot



def organ_name(key: str) -> str:
    """The name of a series' body as its documents print it (lod.bodies)."""
    return by_key(key).name


def committee_name(number: int) -> str:
    """"Third Committee" for 3: the Main Committees of the General Assembly (lod.bodies, c1–c6)."""
    return by_key(f"c{number}").name


def adopting_organ(key: str) -> str:
    """The organ that adopts what a series' body drafts: itself, or its parent (a commission's
    drafts are adopted by the Economic and Social Council)."""
    body = by_key(key)
    return body.name if body.conventions is not None or body.parent is None else by_key(body.parent).name
_ADDRESSEE_TO = re.compile(r"^((?:all )?(?:Member States|States|States parties|the Secretary-General|the United Nations Office on Drugs and Crime)(?: [^,;:]{0,60}?)?) to (.{20,})$")


@dataclass
class Paragraph:
    """A paragraph as it will be printed: its leading phrase already in its final form."""

    phrase: str
    rest: str
    footnotes: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    num: int | None = None


@dataclass
class SynthDocument:
    """Everything a renderer needs, and every fact a parser should read back."""

    slot: Slot
    layout: str
    title: str
    organ: str
    agenda_number: int
    agenda_title: str
    job: str
    opening: str
    recommendation: str | None
    sponsors: list[State]
    submitted_by: str | None
    route: str | None
    preamble: list[Paragraph]
    operative: list[Paragraph]
    issued: dt.date
    cited_numbers: list[str]
    cited_documents: list[str]
    record_id: str

    @property
    def symbol(self) -> str:
        return self.slot.symbol

    @property
    def session_name(self) -> str:
        return f"{ordinal_words(self.slot.session)} session" if self.slot.session else ""

    def facts(self) -> dict[str, Any]:
        """What the generator put in, in the vocabulary of lod.model (one manifest line)."""
        return {
            "symbol": self.symbol,
            "kind": self.slot.series.kind,
            "body": self.slot.series.body,
            "layout": self.layout,
            "date": self.slot.date.isoformat(),
            "number": self.slot.number,
            "title": self.title,
            "preamble": len(self.preamble),
            "operative": len(self.operative),
            "sponsors": [s.iso3 for s in self.sponsors],
            "cites": self.cited_numbers,
            "documents": self.cited_documents,
            "footnotes": sum(len(p.footnotes) for p in self.preamble + self.operative),
        }


class Composer:
    """Turns planned slots into documents, drawing paragraphs from a harvested pool."""

    def __init__(self, pool: Pool, slots: list[Slot], rng: random.Random) -> None:
        self.pool, self.slots, self.rng = pool, slots, rng
        self.states = [s for s in all_states() if s.status == "member"]
        self.titles: dict[int, str] = {}
        self.jobs: dict[int, int] = {}
        self.pointable = [p for p in pool.operative if _ADDRESSEE_TO.match(p.rest) and FN not in p.rest]

    def compose(self, slot: Slot, layout: str) -> SynthDocument:
        rng = self.rng
        series = slot.series
        title = self._title(slot)
        organ = adopting_organ(series.body)
        opening, recommendation = f"The {organ},", None
        if series.body in ("ccpcj", "cnd", "csw"):
            commission = organ_name(series.body)
            if rng.random() < 0.5:
                recommendation = (f"The {commission} recommends to the Economic and Social Council the approval of the "
                                  "following draft resolution for adoption by the General Assembly:")
                opening = "The General Assembly,"
            else:
                opening = f"The {commission},"
        sponsors, submitted_by = self._sponsors(slot)
        route = None
        if slot.series.key == "ga-res":
            route = self._route(slot)
        preamble, cited, documents = self._preamble(slot, opening)
        operative = self._operative(slot)
        issued = slot.date + dt.timedelta(days=rng.randrange(0, 4) if series.kind == "resolution" else 0)
        return SynthDocument(
            slot, layout, title, organ, rng.randrange(5, 180), rng.choice(AGENDA_TOPICS), self._job(slot),
            opening, recommendation, sponsors, submitted_by, route, preamble, operative, issued, cited, documents,
            str(4_100_000 + slot.index),
        )

    # -- identity ---------------------------------------------------------------------------
    def _title(self, slot: Slot) -> str:
        if slot.index not in self.titles:
            rng = self.rng
            if rng.random() < 0.3 and self.pool.titles:
                title = rng.choice(self.pool.titles)
            else:
                title = f"{rng.choice(TITLE_OPENINGS)} {lower_title(rng.choice(AGENDA_TOPICS))}"
            self.titles[slot.index] = re.sub(r"\s*:\s*$", "", title)
        return self.titles[slot.index]

    def _job(self, slot: Slot) -> str:
        year = slot.date.year % 100
        self.jobs[year] = self.jobs.get(year, 10_000 + self.rng.randrange(500)) + 1 + self.rng.randrange(40)
        return f"{year:02d}-{self.jobs[year]:05d}"

    def _sponsors(self, slot: Slot) -> tuple[list[State], str | None]:
        rng, series = self.rng, slot.series
        if series.kind == "resolution":
            return [], None
        if series.key == "ecosoc" and rng.random() < 0.5:
            return [], "Draft resolution submitted by the Vice-President of the Council on the basis of informal consultations"
        if series.committee and rng.random() < 0.06:
            return [], "Draft resolution submitted by the Chair"
        if series.body in ("ccpcj", "cnd", "csw", "ecosoc"):
            count = rng.randint(1, 8)
        else:
            count = rng.choice((rng.randint(1, 3), rng.randint(4, 20), rng.randint(21, 90)))
        chosen = rng.sample(self.states, count)
        return sorted(chosen, key=lambda s: s.un_name), None

    def _route(self, slot: Slot) -> str:
        rng = self.rng
        if rng.random() < 0.35:
            return f"[without reference to a Main Committee (A/{slot.session}/L.{rng.randint(1, 80)})]"
        committee = committee_name(rng.choice((1, 2, 3, 3, 4, 5, 6)))
        return f"[on the report of the {committee} (A/{slot.session}/{rng.randint(400, 700)})]"

    # -- text -------------------------------------------------------------------------------
    def _preamble(self, slot: Slot, opening: str) -> tuple[list[Paragraph], list[str], list[str]]:
        rng = self.rng
        paragraphs: list[Paragraph] = []
        cited_numbers: list[str] = []
        documents: list[str] = []
        own = "its" if opening.startswith(("The General Assembly", "The Security Council")) else "General Assembly"
        cited = [self.slots[i] for i in slot.cites]
        while cited:
            size = rng.choice((1, 1, 2, 3))
            group, cited = cited[:size], cited[size:]
            paragraphs.append(self._citing(group, own))
            cited_numbers += [t.number or "" for t in group]
        if rng.random() < 0.4:
            symbol = self._report_symbol(slot)
            documents.append(symbol)
            if rng.random() < 0.5:
                paragraphs.append(Paragraph("Having considered", f"the report of the Secretary-General{FN}", [f"{symbol}."]))
            else:
                paragraphs.append(Paragraph("Taking note", f"of the report of the Secretary-General on {lower_title(self._title(slot))}{FN}", [f"{symbol}."]))
        if slot.series.body == "sc" and rng.random() < 0.5:
            paragraphs.append(Paragraph("Acting under Chapter VII of the Charter of the United Nations", ""))
        fillers = rng.sample(self.pool.preambular, min(len(self.pool.preambular), _skewed(rng, 1, 12)))
        paragraphs += [Paragraph(p.phrase, p.rest, list(p.footnotes)) for p in fillers]
        _repeat_phrases(paragraphs, preambular=True)
        return paragraphs, cited_numbers, documents

    def _citing(self, group: list[Slot], own: str) -> Paragraph:
        rng = self.rng
        sc = group[0].series.body == "sc"
        phrase = rng.choice(("Recalling", "Reaffirming", "Recalling", "Taking note", "Welcoming"))
        prefix = "of " if phrase == "Taking note" else ""
        subject = "its" if own == "its" else "General Assembly"
        if len(group) == 1:
            target = group[0]
            if not sc and rng.random() < 0.25:
                return Paragraph(phrase, f"{prefix}the declaration on {_topic(self._title(target))} adopted on {un_date(target.date)}{FN}",
                                 [f"Resolution {target.number}, annex."])
            dated = "" if sc else f" of {un_date(target.date)}"
            return Paragraph(phrase, f"{prefix}{subject} resolution {target.number}{dated} on {lower_title(self._title(target))}")
        items = [t.number if sc else f"{t.number} of {un_date(t.date)}" for t in group]
        listed = ", ".join(items[:-1]) + f" and {items[-1]}"
        return Paragraph(phrase, f"{prefix}{subject} resolutions {listed}")

    def _report_symbol(self, slot: Slot) -> str:
        if slot.series.body == "sc":
            return f"S/{slot.date.year}/{self.rng.randint(10, 900)}"
        if slot.session:
            return f"A/{slot.session}/{self.rng.randint(60, 390)}"
        return f"E/{slot.date.year}/{self.rng.randint(10, 90)}"

    def _operative(self, slot: Slot) -> list[Paragraph]:
        rng = self.rng
        count = _skewed(rng, 1, 24)
        picked = rng.sample(self.pool.operative, min(count, len(self.pool.operative)))
        paragraphs = [Paragraph(p.phrase, p.rest, list(p.footnotes), list(p.points)) for p in picked]
        if len(paragraphs) > 2 and len(self.pointable) >= 3 and rng.random() < 0.3:
            at = rng.randrange(len(paragraphs) - 1)
            paragraphs[at] = self._with_points()
        if slot.series.body == "sc":
            paragraphs[-1:] = [paragraphs[-1], Paragraph("Decides", "to remain seized of the matter")] if count > 1 else [Paragraph("Decides", "to remain seized of the matter")]
        elif slot.series.kind == "resolution" and slot.session and rng.random() < 0.4:
            nxt = ordinal_words(slot.session + 1).lower()
            paragraphs[-1] = Paragraph("Decides", f"to include in the provisional agenda of its {nxt} session the item entitled “{self._title(slot)}”")
        for n, p in enumerate(paragraphs, 1):
            p.num = n
        _repeat_phrases(paragraphs, preambular=False)
        return paragraphs

    def _with_points(self) -> Paragraph:
        """"Urges Member States:" + "(a) To …;" points, recombined from "X to Y" paragraphs."""
        rng = self.rng
        chosen = rng.sample(self.pointable, rng.randint(2, min(5, len(self.pointable))))
        m = _ADDRESSEE_TO.match(chosen[0].rest)
        assert m is not None
        points = []
        for p in chosen:
            found = _ADDRESSEE_TO.match(p.rest)
            assert found is not None
            points.append("To " + found.group(2))
        return Paragraph(chosen[0].phrase, f"{m.group(1)}", [], points)


def _topic(title: str) -> str:
    """A title as the subject of "the declaration on …": openings like "Progress in" dropped."""
    for opening in TITLE_OPENINGS:
        if title.startswith(opening + " "):
            title = title[len(opening) + 1 :]
    return lower_title(title)


def _skewed(rng: random.Random, low: int, high: int) -> int:
    """Most documents are short, a few long: a triangular draw leaning to the low end."""
    return int(rng.triangular(low, high + 1, low))


def _repeat_phrases(paragraphs: list[Paragraph], preambular: bool) -> None:
    """"Urges … Also urges … Further urges": a repeated leading phrase takes an adverb."""
    seen: dict[str, int] = {}
    for p in paragraphs:
        count = seen.get(p.phrase, 0)
        seen[p.phrase] = count + 1
        if count in (1, 2) and not p.phrase.startswith("Acting under"):
            adverb = ("also", "further")[count - 1]
            if preambular:
                p.phrase = f"{p.phrase} {adverb}"
            else:
                p.phrase = f"{adverb.capitalize()} {p.phrase[0].lower()}{p.phrase[1:]}"
