"""Words UN texts are built from: leading phrases, session ordinals, dates, agenda topics.

The generator recombines real paragraphs, but it has to split each one into its leading
phrase (printed in italics) and the rest, and it has to print sessions ("Eighty-first
session"), dates ("14 October 2026") and meeting numbers ("62nd plenary meeting") the way
UN documents do. Those conventions are general (docs/reference/un-document-conventions.md),
so they live here once rather than in each renderer.
"""

from __future__ import annotations

import datetime as dt
import re

PREAMBULAR_PHRASES: tuple[str, ...] = (
    "Acknowledging", "Acting under Chapter VII of the Charter of the United Nations", "Affirming",
    "Alarmed", "Aware", "Bearing in mind", "Cognizant", "Concerned", "Conscious", "Considering",
    "Convinced", "Deeply alarmed", "Deeply concerned", "Deeply convinced", "Deploring",
    "Determined", "Emphasizing", "Encouraging", "Expressing concern", "Expressing deep concern",
    "Expressing its appreciation", "Expressing its grave concern", "Expressing its concern",
    "Gravely concerned", "Guided by", "Having considered", "Having examined", "Highlighting",
    "Looking forward", "Mindful", "Noting", "Noting also", "Noting further", "Noting with appreciation",
    "Noting with concern", "Reaffirming", "Recalling", "Recognizing", "Regretting", "Reiterating",
    "Seeking", "Stressing", "Taking into account", "Taking into consideration", "Taking note",
    "Taking note with appreciation", "Underlining", "Underscoring", "Welcoming", "Wishing",
)
"""Leading phrases of preambular paragraphs, base forms (adverbs "also", "further" come after)."""

OPERATIVE_PHRASES: tuple[str, ...] = (
    "Acknowledges", "Adopts", "Affirms", "Agrees", "Appeals", "Approves", "Authorizes", "Calls for",
    "Calls upon", "Commends", "Condemns", "Decides", "Declares", "Demands", "Emphasizes",
    "Encourages", "Endorses", "Expresses concern", "Expresses its appreciation", "Expresses its concern",
    "Highlights", "Invites", "Notes", "Notes with appreciation", "Notes with concern", "Reaffirms",
    "Recalls", "Recognizes", "Recommends", "Reiterates", "Reminds", "Requests", "Stresses",
    "Strongly condemns", "Strongly encourages", "Supports", "Takes note", "Takes note with appreciation",
    "Underlines", "Underscores", "Urges", "Welcomes", "Welcomes with appreciation",
)
"""Leading phrases of operative paragraphs, base forms ("Also", "Further" come before)."""

_OPERATIVE_ADVERBS = ("Also", "Further", "Strongly", "Once again", "Again")
_PREAMBULAR_ADVERBS = ("also", "further")

AGENDA_TOPICS: tuple[str, ...] = (
    "Crime prevention and criminal justice",
    "International drug control",
    "Promotion and protection of human rights",
    "Advancement of women",
    "Social development",
    "Sustainable development",
    "Macroeconomic policy questions",
    "Eradication of poverty and other development issues",
    "Report of the Human Rights Council",
    "Right of peoples to self-determination",
    "Elimination of racism, racial discrimination, xenophobia and related intolerance",
    "Promotion and protection of the rights of children",
    "Rights of indigenous peoples",
    "General and complete disarmament",
    "Measures to eliminate international terrorism",
    "Report of the International Law Commission",
    "The rule of law at the national and international levels",
    "Oceans and the law of the sea",
    "Strengthening of the coordination of humanitarian and disaster relief assistance of the United Nations",
    "Programme budget for the biennium",
    "Scale of assessments for the apportionment of the expenses of the United Nations",
    "Information and communications technologies for sustainable development",
    "Agriculture development, food security and nutrition",
    "Globalization and interdependence",
    "Culture of peace",
    "Global health and foreign policy",
    "Questions relating to information",
    "Comprehensive review of special political missions",
    "Observer status in the General Assembly",
    "World crime trends and emerging issues and responses in the field of crime prevention and criminal justice",
)
"""Agenda item titles of the kind every session carries; generated titles draw on them."""

TITLE_OPENINGS: tuple[str, ...] = (
    "International cooperation on", "Follow-up to the work on", "Progress in", "Strengthening action on",
    "Enhancing cooperation on", "Implementation of the measures on",
)

def un_date(day: dt.date) -> str:
    """"14 October 2026": UN documents never pad the day or abbreviate the month."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def split_operative_phrase(text: str) -> tuple[str, str, str] | None:
    """(adverb, base phrase, rest) of an operative paragraph, or None if none is known."""
    adverb = ""
    for candidate in _OPERATIVE_ADVERBS:
        if text.startswith(candidate + " "):
            adverb, text = candidate, text[len(candidate) + 1 :]
            break
    base = _longest_prefix(text[:1].upper() + text[1:], OPERATIVE_PHRASES)
    if base is None:
        return None
    return adverb, base, text[len(base) :].strip()


def split_preambular_phrase(text: str) -> tuple[str, str, str] | None:
    """(base phrase, adverb, rest) of a preambular paragraph, or None if none is known."""
    base = _longest_prefix(text, PREAMBULAR_PHRASES)
    if base is None:
        return None
    rest = text[len(base) :].lstrip()
    adverb = ""
    for candidate in _PREAMBULAR_ADVERBS:
        if rest.startswith(candidate + " ") or rest.startswith(candidate + ","):
            adverb, rest = candidate, rest[len(candidate) :].lstrip()
            break
    return base, adverb, rest


def _longest_prefix(text: str, phrases: tuple[str, ...]) -> str | None:
    best = None
    for phrase in phrases:
        if text.startswith(phrase) and re.match(r"[\s,]|$", text[len(phrase) : len(phrase) + 1]):
            if best is None or len(phrase) > len(best):
                best = phrase
    return best


def lower_title(title: str) -> str:
    """A title as it is quoted after "on": lower-cased unless it starts with a proper name."""
    if re.match(r"(United Nations|International Law Commission|Human Rights Council|[A-Z]{2,})\b", title):
        return title
    return title[:1].lower() + title[1:]
