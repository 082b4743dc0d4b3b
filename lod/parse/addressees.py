"""Who an operative paragraph asks to act: "Requests the Secretary-General to …".

The operative verbs of a resolution that direct action ("requests", "urges", "invites", "calls
upon", "encourages", "recommends", …) take the actor as their object: the Secretary-General,
a body, Member States, "other donors". Those objects are what researchers ask about ("which
resolutions request UNODC to report"), so each becomes an `Addressee` linked to the bodies
table or to a State.

A paragraph often carries more than one directive: "Calls upon Member States to …, and requests
the Office to continue …". Every such verb is read, the leading one and those after a comma,
semicolon or "and". Objects are a list of noun phrases joined by commas, "and" or "as well as",
with appositions ("the United Nations, especially the United Nations Office on Drugs and
Crime,") adding an addressee; the list ends where the infinitive ("to continue"), a that-clause
or an adverbial ("upon request") begins.

Short references ("the Office", "the Commission") are anaphors: they are resolved to the most
recent body of that kind named before them — earlier in the paragraph, or earlier in the
document when the caller passes the bodies it has seen (`AddresseeFinder` keeps them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from rapidfuzz.distance import Levenshtein

from lod.bodies import Body, by_key, by_name
from lod.groups import lookup_group, lookup_organization
from lod.model import Addressee
from lod.parse.addresseeforms import (
    ANAPHOR_RE, FOLLOWER_RE, GOVERNMENT_OF_RE, GROUP_RE, LINKING_WORDS, MAY_FOLLOW_A_NAME, NAME_RE,
    NAMED_ON, OF_KNOWN, SEPARATOR_RE, STATES_RE, W, acronym_before_a_body, organization_prefix, outside_body_before,
    post_re,
)
from lod.parse.bodynames import BODY_HEADS, bodies_named, known_re, names_with, second_name
from lod.parse.established import EstablishedBody, called_at, established_at, established_in
from lod.states import lookup_state, state_of_adjective

__all__ = ["Addressee", "AddresseeFinder", "addressees", "bodies_named", "action_of"]

# operative verb (third person, as printed) → lemma used in `Addressee.action`
ACTIONS: dict[str, str] = {
    "requests": "request", "urges": "urge", "invites": "invite", "calls upon": "call-upon",
    "calls on": "call-upon", "encourages": "encourage", "recommends": "recommend",
    "authorizes": "authorize", "directs": "direct", "instructs": "instruct", "appeals to": "appeal",
    "exhorts": "exhort", "reminds": "remind", "demands": "demand", "entrusts": "entrust",
    "asks": "ask", "mandates": "mandate", "designates": "designate", "tasks": "task",
}
# "Decides to invite …", "Decides also to request …": the directive follows "decides"
_DECIDE_TO = {"invite": "invite", "request": "request", "authorize": "authorize", "entrust": "entrust",
              "mandate": "mandate", "ask": "ask", "task": "task", "call upon": "call-upon"}

_ADVERBS = (
    r"(?:(?:also|further|again|once\s+again|strongly|urgently|firmly|respectfully|kindly|"
    r"in\s+this\s+regard|in\s+this\s+respect|in\s+this\s+context|in\s+that\s+regard|furthermore|"
    r"moreover|therefore|accordingly|in\s+addition|equally|likewise|similarly|finally),?\s+)*"
)
_VERB_ALTERNATION = "|".join(v.replace(" ", r"\s+") for v in sorted(ACTIONS, key=len, reverse=True))
_INFINITIVES = "|".join(k.replace(" ", r"\s+") for k in _DECIDE_TO)
_DIRECTIVE_RE = re.compile(
    rf"(?:^|[,;:]\s*(?:and\s+)?|\band\s+|\bbut\s+)\s*{_ADVERBS}"
    rf"(?:(?P<verb>{_VERB_ALTERNATION})|decides\s+(?:also\s+|further\s+)?to\s+(?P<decided>{_INFINITIVES}))\b"
    # a point under "Decides:" that opens with its own directive: "(b) To request the Secretary-General …"
    rf"|^\s*(?:\(\w{{1,5}}\)\s*)?to\s+(?P<point>{_INFINITIVES})\b",
    re.IGNORECASE,
)

_EXECUTIVE_HEADS = ("unodc", "unep", "unicef", "unfpa", "unwomen", "oct", "unwto")


def action_of(verb: str | None) -> str | None:
    """The lemma of a leading phrase's directive verb ("Also requests" → "request"), if any."""
    if not verb:
        return None
    words = " ".join(verb.replace("*", " ").split()).lower()
    for printed in sorted(ACTIONS, key=len, reverse=True):
        if words == printed or words.endswith(" " + printed):
            return ACTIONS[printed]
    return None


@dataclass
class _Reader:
    """One pass over the object list of one directive verb."""

    text: str
    action: str
    context: list[Body]
    document_body: Body | None
    established: Sequence[EstablishedBody] = ()

    def read(self, start: int) -> list[Addressee]:
        pos = start
        while self.text.startswith(" ", pos):
            pos += 1
        # "Requests also the Secretary-General", "Invites further all States"
        after = re.match(r"(?:also|further|again),?\s+(?=the\s|all\s|[A-Z])", self.text[pos:])
        if after:
            pos += after.end()
        # "Recommends that Member States adopt", "Recommends to the General Assembly the adoption"
        lead_in = re.match(r"(?:that|to)\s+(?=the\s|all\s|[A-Z])", self.text[pos:])
        if lead_in:
            pos += lead_in.end()
        out: list[Addressee] = []
        while True:
            found = self._one(pos)
            if found is None:
                break
            addressee, end = found
            out.append(addressee)
            sep = SEPARATOR_RE.match(self.text, end)
            if sep:
                pos = sep.end()
            elif acronym_before_a_body(self.text, pos) == end:
                pos = end + 1  # the comma between them lost
            else:
                break
        return out

    def _one(self, pos: int) -> tuple[Addressee, int] | None:
        text = self.text
        for attempt in (self._post, self._known, self._government, self._states, self._group, self._anaphor,
                        self._state_name, self._other_name):
            found = attempt(text, pos)
            if found is not None:
                return found
        return None

    # -- one matcher per kind of addressee -------------------------------------------------

    def _post(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = post_re().match(text, pos)
        if not m:
            return None
        post = _clean(m.group("post"))
        body = by_name(post)  # posts in the table: Secretary-General, President of the General Assembly
        of = re.search(r"\s+of\s+the\s+(.+)$", post)
        headed = by_name(of.group(1)) if of else None
        if headed is None and post.startswith("Executive"):
            # "the Executive Director" alone: the head of the entity the document has been talking about
            headed = next((b for b in reversed(self.context) if b.key in _EXECUTIVE_HEADS), None)
        return (
            Addressee(
                _clean(m.group(0)), "office", self.action,
                body_key=body.key if body else None, head_of=headed.key if headed else None,
            ),
            m.end(),
        )

    def _known(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = known_re().match(text, pos)
        if not m:
            return None
        body = by_name(m.group("name"))
        if body is None:
            return None
        kind = "office" if body.key in _POSTS else "body"
        return Addressee(_clean(m.group(0)), kind, self.action, body_key=body.key), m.end()

    def _government(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = GOVERNMENT_OF_RE.match(text, pos)
        if not m:
            return None
        state = lookup_state(m.group("state"))
        if state is None:
            return None
        return Addressee(_clean(m.group(0)), "state", self.action, iso3=state.iso3), m.end()

    def _states(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = STATES_RE.match(text, pos)
        if not m:
            return None
        return Addressee(_clean(m.group("states")), "states", self.action), m.end()

    def _group(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = GROUP_RE.match(text, pos)
        if not m:
            return None
        return Addressee(_clean(m.group("group")), "group", self.action), m.end()

    def _established(self, body: EstablishedBody, printed: str, end: int) -> tuple[Addressee, int]:
        return Addressee(_clean(printed), "body", self.action, established_by=body.resolution,
                         established_head=body.head), end

    def _anaphor(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        named = established_at(text, pos)
        if named is not None:  # "the Committee established pursuant to resolution 1591 (2005)"
            return self._established(named[0], text[pos : named[1]], named[1])
        m = ANAPHOR_RE.match(text, pos)
        if not m:
            return None
        head = " ".join(m.group("head").split())
        of_experts = re.match(r"\s+of\s+Experts\b", text[m.end():])
        short = f"{head} of Experts" if of_experts else head
        longer = NAMED_ON.match(text, m.end())
        body_before = next((b for b in reversed(self.established) if b.called(short)), None)
        if body_before is not None and (of_experts or not longer):  # "the Committee", "the Panel of Experts"
            end = m.end() + (of_experts.end() if of_experts else 0)  # the text established (not "the Committee on …")
            return self._established(body_before, text[pos:end], end)
        if longer and (called := called_at(self.established, text, head, m.end())) is not None:
            return self._established(called[0], text[pos : called[1]], called[1])  # "the Group of Scientific and …"
        if longer:
            # "the Office of the High Commissioner": a short form of the Office of the United Nations
            # High Commissioner for Human Rights named before; else a name of its own, read whole
            words = [w for w in f"{head} {longer.group(0)}".split() if w not in LINKING_WORDS]
            body = self._antecedent(" ".join(words))
            if body is None:
                return None
            return Addressee(_clean(text[pos:longer.end()]), "body", self.action, body_key=body.key), longer.end()
        body = self._antecedent(head)
        if body is None and " " in head:
            return None  # "the International Criminal Court": a name of its own, not a short reference
        if body is None and outside_body_before(text[:pos], head):
            return Addressee(_clean(m.group(0)), "organization", self.action), m.end()
        return Addressee(_clean(m.group(0)), "body", self.action, body_key=body.key if body else None), m.end()

    def _state_name(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = re.match(rf"(?:the\s+)?{W}(?:\s+(?:of|the|and|{W}))*(?:\s+\([^)]*\))?", text[pos:])
        if not m:
            return None
        words = m.group(0).split(" ")
        for k in range(len(words), 0, -1):
            candidate = " ".join(words[:k])
            state = lookup_state(candidate)
            if state is not None:
                return Addressee(_clean(candidate), "state", self.action, iso3=state.iso3), pos + len(candidate)
        return None

    def _other_name(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = NAME_RE.match(text, pos)
        if not m:
            return None
        cut = second_name(m.group(0))
        if cut is not None:
            m = NAME_RE.match(text[: pos + cut], pos) or m  # the list goes on after "and the"
        glued = acronym_before_a_body(text, pos)
        if glued is not None:
            m = NAME_RE.match(text[:glued], pos) or m  # "UNAMID the United Nations Country Team": a comma lost
        end = m.end()
        follower = None if end == glued else FOLLOWER_RE.match(text, end)
        if follower and follower.group("authority"):
            # "the Syrian authorities", "the Transitional Federal Government": a State's organs
            end = follower.end()
            state = state_of_adjective(re.sub(r"^the\s+", "", m.group("name")))
            return Addressee(_clean(text[pos:end]), "state", self.action, iso3=state.iso3 if state else None), end
        if follower and follower.group("word") and follower.group("word") not in MAY_FOLLOW_A_NAME:
            return None  # a capitalised adjective, not a name: "the Arab population"
        name = m.group("name")
        organization = lookup_organization(name)
        if organization is not None:
            # "the African Union", "the International Committee of the Red Cross": no UN body (a
            # group's name, "African States", is the States of a region here, not the negotiating group)
            return Addressee(_clean(m.group(0)), "organization", self.action, group=organization.key), end
        group = lookup_group(name) if name.split()[-1] == "Group" else None
        if group is not None:  # "the Contadora Group": a group of States called a group
            return Addressee(_clean(m.group(0)), "group", self.action, group=group.key), end
        of_known = OF_KNOWN.search(text, pos, end)
        if of_known is not None:
            # "the Intergovernmental Hydrological Programme of the United Nations Educational,
            # Scientific and Cultural Organization": the name runs on to the known body's
            whole = known_re().match(text, of_known.end())
            if whole is not None and whole.end() > end:
                end = whole.end()
        head = re.split(r"\s+(?:of|for|on|against|in)\s+", name)[0].split()[-1]
        if name.split()[-1] in ("Governments", "States", "countries") and " of " not in name:
            # "African Governments", "the Governments concerned", "African States", "the Eastern
            # European States": States, as "Member States" are ("the Association of Caribbean
            # States" is an organization)
            return Addressee(_clean(m.group(0)), "states", self.action), end
        if name.split()[-1] == "Government":
            # "the Transitional Federal Government"; "the Iranian Government" names its State
            state = state_of_adjective(name.rsplit(" ", 1)[0]) if " " in name else None
            return Addressee(_clean(m.group(0)), "state", self.action, iso3=state.iso3 if state else None), end
        outside = re.search(r"\s+of\s+(?:the\s+)?(.+)$", name)
        # "the Development Assistance Committee of the Organisation for Economic Co-operation and
        # Development", "the African Union Commission": a body of an organization outside the
        # United Nations is none of its bodies
        inside = (outside is None or lookup_group(outside.group(1)) is None) and not organization_prefix(name)
        kind = "body" if head in BODY_HEADS and inside else "organization"
        return Addressee(_clean(text[pos:end]), kind, self.action), end

    def _antecedent(self, head: str) -> Body | None:
        """The body a short reference ("the Office") stands for: the last one of that kind named."""
        if head == "Assembly":
            return by_key("ga")
        words = head.split()
        for body in reversed(self.context):
            if names_with(body, words):
                return body
        if self.document_body is not None and names_with(self.document_body, words):
            return self.document_body
        return None


_POSTS = frozenset({"sg", "pga", "hchr", "legal-counsel", "hr-disarmament", "hr-ldc"})


def _clean(printed: str) -> str:
    return " ".join(printed.split()).rstrip(",;:")


def _directives(text: str) -> list[tuple[str, int, int]]:
    """(action, start of the verb, end of the verb) for every directive verb in the paragraph."""
    found: list[tuple[str, int, int]] = []
    for m in _DIRECTIVE_RE.finditer(text):
        if m.group("verb"):
            action = ACTIONS[" ".join(m.group("verb").lower().split())]
        else:
            action = _DECIDE_TO[" ".join((m.group("decided") or m.group("point")).lower().split())]
        found.append((action, m.start(), m.end()))
    return found


def addressees(
    text: str,
    verb: str | None = None,
    context: Sequence[Body | str] = (),
    document_body: Body | str | None = None,
    established: Sequence[EstablishedBody] = (),
    document_number: str | None = None,
) -> list[Addressee]:
    """The addressees of every directive in an operative paragraph or point, in order.

    `text` is the paragraph as printed (with or without its leading phrase); `verb` its leading
    phrase when the parser knows it ("Also requests"). `context` lists the bodies (objects or
    lod.bodies keys) named earlier in the document, oldest first, for resolving "the Office";
    `document_body` is the adopting body, the antecedent of "the Council" in its own texts;
    `established` the bodies named before by the resolution that established them;
    `document_number` the document's own number, for the bodies it establishes itself.
    A paragraph with no directive ("Decides to remain seized of the matter") has none.
    """
    plain = text.replace("*", "").replace("\u00a0", " ")
    if verb and not re.match(r"\s*" + re.escape(verb.split()[0]), plain):
        first = plain.split(maxsplit=1)
        later = re.search(r"(?<=\s)" + re.escape(verb) + r"\b", plain[:400])
        if first and Levenshtein.distance(first[0].lower(), verb.split()[0].lower(), score_cutoff=2) <= 2:
            plain = plain.replace(first[0], verb.split()[0], 1)  # a scan's "Reguests", read as "Requests"
        elif later is not None:
            plain = plain[later.start():]  # after the organ's name or a leading clause: "The Security Council requests …"
        else:
            plain = f"{verb} {plain}"
    seen = [_as_body(b) for b in context]
    doc = _as_body(document_body) if document_body is not None else None
    out: list[Addressee] = []
    cursor = 0
    known = list(established)
    for action, start, end in _directives(plain):
        seen.extend(bodies_named(plain[cursor:start]))
        known.extend(established_in(plain[cursor:start], document_number))
        cursor = start
        out.extend(_Reader(plain, action, seen, doc, known).read(end))
    return out


def _as_body(body: Body | str) -> Body:
    return body if isinstance(body, Body) else by_key(body)


@dataclass
class AddresseeFinder:
    """Addressees paragraph by paragraph, remembering the bodies a document has named.

    Feed it every paragraph in document order (preamble through `observe`, operative part and
    points through `paragraph`), so that "the Office" in paragraph 22 resolves to the Office
    named in paragraph 3 or in the preamble.
    """

    document_body: Body | None = None
    document_number: str | None = None  # a body "established" by the text itself is the number's
    seen: list[Body] = field(default_factory=list)
    established: list[EstablishedBody] = field(default_factory=list)

    def observe(self, text: str) -> None:
        """Remember the bodies a paragraph names (a preambular paragraph, a footnote).

        Each body once, at the place it was last named: readers look for the latest mention,
        and a document naming the Secretary-General in each of 100,000 paragraphs must not
        make every paragraph scan all the mentions before it."""
        for body in bodies_named(text):
            if body in self.seen:
                self.seen.remove(body)
            self.seen.append(body)
        for named in established_in(text, self.document_number):
            if named in self.established:
                self.established.remove(named)
            self.established.append(named)

    def paragraph(self, text: str, verb: str | None = None) -> list[Addressee]:
        """The addressees of one operative paragraph or point; its bodies are remembered after."""
        found = addressees(text, verb, context=self.seen, document_body=self.document_body, established=self.established,
                           document_number=self.document_number)
        self.observe(text)
        return found
