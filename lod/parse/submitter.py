"""Who submitted a draft that no State sponsors, read from the words that say so.

A Main Committee's or the Economic and Social Council's drafts are often not sponsored by States
but submitted by an officer after informal consultations, and the UN prints who: on the draft's
masthead ("Draft resolution submitted by the Vice-Chair of the Committee, Ahmed Magdy (Egypt), on
the basis of informal consultations on draft resolution A/C.2/77/L.9") and, for the text adopted
from it, in its AKN file's workflow (`<step by="submitted by the President of the Council">`,
"the representative of Mexico, on behalf of the Bureau", "France Cassar (Malta), submitted by the
Rapporteur of the Committee …"). The office, the body it belongs to and the officer's State are
what a researcher of facilitation asks for; the statement is kept as printed beside them.
"""

from __future__ import annotations

import re

from lod.bodies import find_key, known
from lod.model import Submitter
from lod.states import lookup_state

_ROLE = re.compile(
    r"\b(Vice-Chair(?:person|man)?|Co-Chairs?|Chair(?:person|man)?|Vice-President|President|Rapporteur|Bureau|"
    r"[Cc]o-facilitators?|[Ff]acilitators?)\b"
    r"(?:\s+(?:of|on\s+behalf\s+of)\s+the\s+([A-Z][^,()]*?))?(?=\s*[,(]|\s+and\b|\s+on\b|\s+following\b|\s*$)"
)
"""The office ("the Vice-Chair of the Committee", "the Chair on behalf of the Commission") and the
body named after it."""

_BODY_SUBMITTED = re.compile(r"\bsubmitted\s+by\s+(the\s+[A-Z][^,()]*?)(?=\s*[,(]|\s+and\s+on\b|\s*$)")
"""A body that submitted the draft itself ("submitted by the Special Committee on the Situation …")."""

_REPRESENTATIVE = re.compile(r"\brepresentative\s+of\s+([^,()]+?)\s*(?:,|$)")
_PARENTHESES = re.compile(r"\(([^()]+)\)")


def read_submitter(submitter: Submitter, own: list[str | None]) -> Submitter:
    """`submitter` with its office, body and States read from its statement (in place; returned).

    `own` are the lod.bodies keys of the bodies the text belongs to, nearest first (its committee,
    the committee or commission its draft's symbol names, its organ): "of the Committee", "of the
    Commission", "of the Council" is the first of them so named, an office named alone ("the
    Chair") the first of them. A body the text does not say stays unknown rather than guessed."""
    statement = " ".join(submitter.statement.split())
    bodies = [body for key in dict.fromkeys(own) if key and (body := known(key)) is not None]
    role = _ROLE.search(statement)
    if role:
        submitter.role = role.group(1)[:1].upper() + role.group(1)[1:]
        named = role.group(2)
        if named is None:
            submitter.body_key = bodies[0].key if bodies else None
        elif " " not in named:  # "the Committee", "the Council": the text's own
            submitter.body_key = next((b.key for b in bodies if named in b.name.split()), None)
        else:
            submitter.body_key = find_key(named)
    elif (body := _BODY_SUBMITTED.search(statement)) is not None:
        submitter.body_key = find_key(body.group(1))
    named_states = [m.group(1) for m in _REPRESENTATIVE.finditer(statement)] + _PARENTHESES.findall(statement)
    states = (lookup_state(name.strip()) for name in named_states)
    submitter.states = list(dict.fromkeys(state.iso3 for state in states if state is not None))
    return submitter
