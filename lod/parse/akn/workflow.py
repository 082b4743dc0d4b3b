"""What an AKN file's `<workflow>` says of a text's way to adoption, read into the model: its
sponsors (written in English in every language version), who submitted a draft no State
sponsored (lod.parse.submitter reads the office, body and State), the draft, the committee report
and its paragraph, the meeting record, the adoption's date and meeting.
"""

from __future__ import annotations

import re

from lod.model import Resolution, Submitter
from lod.parse.akn.meta import Cover
from lod.parse.sponsors import parse_sponsors

_SPONSOR_STEPS = ("draftResolution", "draftResolutionAdditionalSponsors", "draftDecision")
_OFFICER = re.compile(r"\bsubmitted\s+by\b|\bon\s+behalf\s+of\s+the\s+Bureau\b", re.IGNORECASE)
"""A draft an officer or a body submitted ("submitted by the Vice-Chair of the Committee, Ahmed Magdy
(Egypt)", "France Cassar (Malta), submitted by the Rapporteur"): the States it names are the
officer's, not sponsors."""
_SPONSORED_BY = re.compile(r"\s+and\s+sponsored\s+by\s+")
"""An officer's draft that States sponsored too ("submitted by the Chair on behalf of the Commission
and sponsored by Brazil, Canada, …", E/RES/2023/23)."""


def step_date(flow: list, outcome: str) -> str | None:
    """The date of the first step of `outcome` that has one (placeholders were read as None)."""
    return next((s.date for s in flow if s.outcome == outcome and s.date), None)


def meeting_in_flow(flow: list) -> str | None:
    """The adoption's meeting where the workflow names it in words instead of a record's symbol."""
    for step in flow:
        if step.outcome == "adopted" and not step.symbol and step.note:
            return step.note  # "Adopted without vote, 33rd plenary meeting" (lod.parse.akn.meta.step_document)
    return None


def lineage(res: Resolution, cover: Cover, flow: list) -> None:
    """Draft, committee report (and its paragraph) and meeting record, from workflow and cover."""
    for step in flow:
        if step.outcome.startswith("draft") and step.symbol and not res.draft_symbol and "Sponsors" not in step.outcome:
            res.draft_symbol = step.symbol
        elif step.outcome == "recommendedForAdoption" and step.symbol:
            res.report_symbol = res.report_symbol or step.symbol
            res.report_paragraph = res.report_paragraph or step.paragraph
        elif step.outcome == "adopted" and step.symbol and "/PV." in step.symbol:
            res.meeting_record = step.symbol
    if cover.originating:
        m = re.match(r"^(\S+?)[,，]\s*(?:para\.?|paragraph|párr\.|par\.|пункт|الفقرة|第)?\s*(\d+)", cover.originating)
        symbol, para = (m.group(1), m.group(2)) if m else (cover.originating.split()[0].rstrip(",，"), None)
        if "/L." in symbol:
            res.draft_symbol = res.draft_symbol or symbol
        else:
            res.report_symbol = res.report_symbol or symbol
            res.report_paragraph = res.report_paragraph or para


def sponsors(res: Resolution, flow: list, warnings: list[str]) -> None:
    """Sponsors from the workflow (written in English in every language version)."""
    for step in flow:
        if step.outcome not in _SPONSOR_STEPS or not step.by:
            continue
        by = step.by
        if _OFFICER.search(by):  # "submitted by the Chair on behalf of the Commission and sponsored by Brazil, …"
            officer, *sponsored = _SPONSORED_BY.split(by, maxsplit=1)
            res.submitter = res.submitter or Submitter(" ".join(officer.split()))  # read by lod.parse.submitter
            by = sponsored[0] if sponsored else ""
        if not by or by[:1].islower():
            continue
        for sponsor in parse_sponsors(by.replace("i\u0307", "i")):  # "Türki̇ye" with a combining dot
            if all(s.name != sponsor.name for s in res.sponsors):
                res.sponsors.append(sponsor)
                if sponsor.iso3 is None and sponsor.kind in ("state", "unknown"):
                    warnings.append(f"sponsor not recognised as a State: {sponsor.name}")
