"""The leading phrase of a paragraph ("Recalling also", "Takes note with appreciation").

The official documents print it in italics; when italics survive, the italic span is the
phrase. Plain extracts lose them, so the phrase is rebuilt from a lexicon: optional leading
adverbs, the participle, adjective or present-tense verb, then the words fixed to it (its
particles and trailing adverbs), never its object. The lexicon is the general vocabulary of
UN resolutions, not of any one document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lod.bodies import BODIES

PRE_ADVERBS = (
    "also", "further", "furthermore", "once again", "again", "deeply", "strongly", "firmly",
    "fully", "gravely", "seriously", "profoundly", "particularly", "especially", "duly",
    "greatly", "highly", "most", "sincerely", "warmly", "urgently", "equally", "solemnly",
    "vigorously", "unequivocally", "resolutely", "emphatically", "finally", "hereby",
    "in addition", "in this regard", "similarly", "likewise", "ever",
)


def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """The words of each phrase, under its first word, in lexicon order (the first match wins)."""
    grouped: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        grouped.setdefault(words[0], []).append(words)
    return grouped


_PRE_ADVERBS_BY_FIRST = _by_first_word(PRE_ADVERBS)
"""Only the adverbs that open with the paragraph's next word are worth comparing."""

_EXPRESSED_WORDS = (
    "firm belief", "firm conviction", "particular", "expectation", "intention", "concerns", "solidarity", "sympathy", "disappointment", "outrage", "gravest", "deepest", "strongest", "utmost", "sincerest", "heartfelt", "continued", "firm",
    "deep", "grave", "serious", "profound", "strong", "great", "full", "sincere", "appreciation", "concern", "regret",
    "gratitude", "support", "hope", "satisfaction", "alarm", "condolences", "readiness", "determination", "commitment",
    "conviction", "thanks", *(f"{degree} {adjective}" for degree in ("very", "most") for adjective in ("deep", "grave", "serious", "profound", "sincere")),
)
_EXPRESSED = (*(f"its {word}" for word in _EXPRESSED_WORDS), *_EXPRESSED_WORDS, "the hope", "the view", "the need")
"""What "Expresses" / "Expressing" takes into its phrase: "Expressing its gravest concern"; "its"
only before one of these words ("Expresses its confidence that …" is "Expresses")."""

_GRAVEST_CONCERN = ("very serious concern", "very deep concern", "very grave concern", "most serious concern",
                    "utmost concern")
"""A concern the UN's italics take whole, after "Expresses", "Reiterates", "Underscores its …"
(A/RES/75/190, 77/226: "Underscores its very serious concern", "Expresses its very deep concern")."""

_ITS_NOUNS = (
    "call upon", "call on", "call for", "call", "request", "invitation", "appreciation", "gratitude",
    "commitment", "strong commitment", "unwavering commitment", "full commitment", "firm commitment",
    "demand", "support", "strong support", "full support", "continued support", "unwavering support",
    "condemnation", "strong condemnation", "concern", "deep concern", "serious concern", "grave concern",
    "profound concern", "conviction", "firm conviction", "determination", "expectation", "appeal",
    "intention", "solidarity", "readiness", "willingness", "approval", "endorsement", "recognition",
    *_GRAVEST_CONCERN,
)
_ITS = tuple(sorted((f"its {noun}" for noun in _ITS_NOUNS), key=len, reverse=True))
"""What the UN's italics take into "Reiterates its call upon", "Reaffirming its commitment": the
stance itself, never its object ("Recalls its resolution" stays "Recalls")."""

_STILL = ("deeply concerned", "gravely concerned", "seriously concerned", "concerned", "convinced", "committed", "seized", "determined", "alarmed",
          "encouraged")
"""What "Remains" / "Remaining" takes: "Remaining deeply concerned"."""

_STRESS = ("in the strongest possible terms", "in the strongest terms", "unequivocally", "without reservation")

PHRASAL = {
    # verb (lower case) → the fixed continuations it takes, longest first
    "take": ("note", "into account", "into consideration"),
    **{verb: ("upon", "on", "for", "attention") for verb in ("calls", "call", "calling")},
    **{verb: ("in mind",) for verb in ("bearing", "keeping", "bears", "keeps")},
    **{verb: ("on",) for verb in ("building", "builds")},  # "Building on the 20-year review …" (A/80/L.41)
    "takes": ("note", "into account", "into consideration", "cognizance"),
    "taking": ("note", "into account", "into consideration"),
    **{verb: _EXPRESSED for verb in ("expresses", "expressing")},
    "acting": ("under chapter vii of the charter of the united nations", "under chapter vii", "under chapter vi"),
    **{verb: ("tribute", "homage") for verb in ("pays", "paying")},
    **{verb: ("forward", "ahead") for verb in ("looking", "looks")},  # "Looking ahead to the … Conference" (A/RES/80/39)
    "places": ("on record",),
    "extends": tuple(f"its {word}" for word in ("thanks", "appreciation", "gratitude", "condolences", "sympathy", "support", "full support")),
    **{verb: ("the attention", "attention") for verb in ("draws", "drawing")},
    **{verb: ("to the attention",) for verb in ("brings", "bringing")},  # "Brings to the attention of …" (A/RES/77/320)
    "giving": ("due consideration", "consideration"),  # "Giving due consideration to the urgent situation"
    "proceeding": ("from",),  # "Proceeding from the fact that …" (A/RES/77/56)
    **{verb: ("it necessary", "it essential", "it important", "it alarming") for verb in ("believing", "considers", "considering")},
    "being": (*_STILL, "aware", "conscious", "mindful", "desirous", "anxious", "disturbed", "satisfied", "confident"),
    **{verb: _STILL for verb in ("remains", "remaining")},
    **{verb: _STRESS for verb in ("condemns", "condemning")},
    **{verb: tuple(f"its {concern}" for concern in _GRAVEST_CONCERN) for verb in (
        "underscores", "underscoring", "emphasizes", "emphasizing", "stresses", "stressing")},
    **{verb: _ITS for verb in (
        "reiterates", "reiterating", "reaffirms", "reaffirming", "renews", "renewing", "recalls",
        "affirms", "affirming", "pledges", "pledging",
    )},
}
"""The UN's own italics (AKN4UN spans, surveyed by bench/verb_spans.py) end "Guided", "Alarmed",
"Encouraged" before "by": the participle alone is the phrase."""

_WITH = (
    "with deep appreciation", "with great appreciation", "with appreciation", "with satisfaction",
    "with grave concern", "with deep concern", "with serious concern", "with great concern",
    "with concern", "with regret", "with deep regret", "with interest", "with great interest",
    "with gratitude", "with approval", "with alarm", "with profound concern", "with particular concern",
    "with particular satisfaction", "with particular interest", "with particular appreciation", "with great satisfaction",
    "with increasing concern", "with renewed concern")
"""Manner phrases that belong to the verb ("Notes with appreciation", "Welcoming with concern")."""

_POST = ("also", "further", "furthermore", "again", "once again", "once more", "strongly", "firmly", "fully", "deeply",
         "in particular", "in this regard", "urgently")
_ADJECTIVAL_POST = frozenset({"further"})
"""Adverbs that can be the object's adjective instead: "Encourages further efforts" (the UN's
italics stop before "further" when a common noun follows it). Not "also": "*Noting also* various
initiatives", "*Recognizing also* efforts" (the UN's italics in the session-77 AKN files)."""
_FUNCTION_WORDS = frozenset(
    "the that its their his her all to in on for with by a an any every each this these those relevant "
    "member states about of at from as how whether what which who where when upon".split()
)

_CITED = frozenset("paragraph paragraphs resolution resolutions decision decisions article articles section sections "
                   "chapter chapters annex annexes principle principles rule rules".split())
"""What a phrase's "further" never qualifies: "Recalling further paragraph 102 of the Final Document"
(a cited text's part: the adverb's, as the UN's italics show)."""

_NOT_VERBS = frozenset("the a an this that these those its their his her our we in on at for of and or but to by as all "
                       "member states united nations general assembly security council secretary-general".split())


OPERATIVE_VERBS = frozenset(
    "acknowledges adopts affirms appeals appreciates approves authorizes believes calls commends condemns "
    "considers decides declares demands deplores designates directs emphasizes encourages endorses "
    "establishes expresses extends highlights instructs invites notes proclaims reaffirms recognizes "
    "recommends regrets reiterates renews requests resolves stresses supports takes underlines "
    "underscores urges welcomes emphasises recognises authorises recalls reminds".split()
)
"""The verbs most operative paragraphs open with (the UN's own italics, bench/verb_spans.py): with
terminal punctuation above, evidence that a new paragraph starts where no number or blank line
says so ("…, 24" then "Decides:")."""


def opens_operative(text: str) -> bool:
    """The text opens with one of the common operative verbs, after at most one adverb ("Also decides")."""
    words = text.split(None, 3)
    at = 1 if words and words[0].lower() in ("also", "further", "again", "strongly") else 0
    if at >= len(words) or not words[0][:1].isupper():
        return False
    return words[at].rstrip(",;:").lower() in OPERATIVE_VERBS


_BARE_VERBS = frozenset({v[:-2] if v.endswith("sses") else v[:-1] for v in OPERATIVE_VERBS} | {
    "commit", "pledge", "resolve", "undertake", "acknowledge", "agree", "reaffirm", "recognize", "call",
    "emphasize", "note", "stress", "welcome", "express", "decide", "declare", "promote", "ensure", "strengthen",
})
_GIVEN_CLAUSE = re.compile(r"^(?:Given|Recognizing|Acknowledging|Noting|In view of|Mindful of|Bearing in mind)\b[^;:]{0,400}?,\s+((?:also |further )?([a-z]+))\b")


def bare_verb_phrase(text: str) -> str | None:
    """The verb of a declaration's paragraph, in the first person plural without "We": "Reaffirm",
    "Commit to", and after a leading clause "Given the urgency …, commit to" → "commit"."""
    plain = text.replace("*", "").strip()
    words = plain.split(None, 3)
    if not words:
        return None
    at = 1 if words[0].lower() in ("also", "further", "again") and len(words) > 1 else 0
    if words[at].rstrip(",;:").lower() in _BARE_VERBS and words[0][:1].isupper():
        phrase = words[: at + 1]
        if at + 1 < len(words) and phrase[-1].lower() in ("call", "commit") and words[at + 1] in ("upon", "on", "for", "to"):
            phrase.append(words[at + 1])
        return " ".join(phrase).rstrip(",;:")
    m = _GIVEN_CLAUSE.match(plain)
    if m and m.group(2) in _BARE_VERBS:
        return m.group(1)
    return None


def _is_verb_word(word: str, operative: bool) -> bool:
    """A participle, an adjective of attitude, or a third-person present verb."""
    w = word.lower()
    if w in _NOT_VERBS or not w[:1].isalpha():
        return False
    if operative:  # "Acting under Chapter VII …, decides" opens numbered paragraphs too
        return (w.endswith("s") and len(w) > 3 and not w.endswith("ss")) or w == "acting"
    return w.endswith(("ing", "ed", "ful")) or w in _ATTITUDES


_ATTITUDES = frozenset(
    "aware conscious cognizant confident desirous anxious eager convinced mindful determined "
    "resolved guided alarmed concerned appalled dismayed encouraged heartened gratified satisfied "
    "acting having bearing wishing regretting noting recalling whereas indignant supportive".split()
)


def leading_phrase(text: str, operative: bool) -> str | None:
    """The verb phrase a paragraph opens with, rebuilt from the lexicon (no italics to go by)."""
    words = text[:400].split(None, 30)[:30]  # a phrase is never longer: the rest of a paragraph is not read
    if not words:
        return None
    lower_words = " ".join(w.lower().strip(",;:") for w in words[:14]).split()
    i = 0
    phrase: list[str] = []
    # leading adverbs: "Also", "Further", "Once again", "Deeply"
    for _ in range(3):
        advanced = False
        for parts in _PRE_ADVERBS_BY_FIRST.get(lower_words[i], ()) if i < len(lower_words) else ():
            if lower_words[i : i + len(parts)] == parts and i + len(parts) < len(words):
                nxt = words[i + len(parts)]
                if nxt[:1].isalpha():
                    phrase.extend(words[i : i + len(parts)])
                    i += len(parts)
                    advanced = True
                    break
        if not advanced:
            break
    if i >= len(words):
        return None
    verb = words[i].rstrip(",;:")
    if not verb or not verb[0].isalpha() or not _is_verb_word(verb, operative):
        return " ".join(phrase).rstrip(",") if phrase and _is_verb_word(phrase[-1], operative) else None
    if not (phrase or verb[0].isupper()):
        return None
    phrase.append(verb)
    i += 1
    if verb.lower() == "having" and words[i : i + 2] == ["in", "mind"]:
        phrase.extend(words[i : i + 2])  # "Having in mind", as "Bearing in mind"
        i += 2
    elif verb.lower() in {"having", "has"}:
        # "Having considered", "Having also considered"
        k = i + 1 if i + 1 < len(words) and words[i].lower() in ("also", "further") else i
        if k < len(words) and re.match(r"[a-z]+(?:ed|en|wn|ard|eard|arnt)\b", words[k]):
            phrase.extend(w.rstrip(",;:") for w in words[i : k + 1])
            i = k + 1
    elif verb.lower() in {"continues", "continuing"} and i + 1 < len(words) and words[i] == "to" and words[i + 1].isalpha():
        phrase.extend(words[i : i + 2])  # "Continues to encourage"
        i += 2
    elif (
        i + 1 < len(words)
        and words[i] == "and"
        and words[i + 1][:1].islower()
        and _is_verb_word(words[i + 1].rstrip(",;:"), operative)
        and words[i + 1].lower() not in _NOT_VERBS
    ):
        phrase.extend(w.rstrip(",;:") if k else w for k, w in enumerate(words[i : i + 2]))  # "Welcomes and encourages"
        verb = words[i + 1].rstrip(",;:")
        i += 2
    if words[i - 1].endswith((",", ";", ":")):
        interposed = _INTERPOSED.match("," + " ".join(words[i:])) if verb.lower() in ("calls", "calling") else None
        if interposed:  # "Calls, in this context, for dialogue …"
            return " ".join([*phrase, interposed.group(1)])
        return " ".join(phrase).rstrip(",;:")
    rest = " ".join(w.lower() for w in words[i : i + 12])
    progressed = True
    while progressed:
        progressed = False
        first = rest.split(" ", 1)[0].rstrip(",;:")
        for group in (PHRASAL.get(verb.lower(), ()), _WITH, _POST):
            for fixed in _starting(group, first):
                if rest == fixed or rest.startswith((fixed + " ", fixed + ",", fixed + ":", fixed + ";")):
                    n = len(fixed.split())
                    if group is _POST and fixed in _ADJECTIVAL_POST and _qualifies_noun(words, i + n) \
                            and not _continues(verb, words, i + n):
                        continue
                    taken = words[i : i + n]
                    phrase.extend(taken)
                    i += n
                    rest = " ".join(w.lower() for w in words[i : i + 12])
                    progressed = not taken[-1].endswith((",", ";", ":"))
                    break
            if progressed or (phrase and phrase[-1].endswith((",", ";", ":"))):
                break
    return " ".join(phrase).rstrip(",;:")


@lru_cache(maxsize=128)
def _by_first(group: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for fixed in group:
        grouped.setdefault(fixed.split(" ", 1)[0], []).append(fixed)
    return {k: tuple(v) for k, v in grouped.items()}


def _starting(group: tuple[str, ...], first: str) -> tuple[str, ...]:
    """The continuations of `group` that open with the word `first`, in lexicon order."""
    return _by_first(group).get(first, ()) if group else ()


def _continues(verb: str, words: list[str], at: int) -> bool:
    """The words from `at` are a fixed continuation of `verb` ("Taking also into account": "into
    account" continues "Taking", so "also" is the verb's adverb, not an adjective of "into")."""
    rest = " ".join(w.lower().rstrip(",;:") for w in words[at : at + 8])
    return any(rest == fixed or rest.startswith(fixed + " ")
               for fixed in _starting(PHRASAL.get(verb.lower(), ()), rest.split(" ", 1)[0]))


def _qualifies_noun(words: list[str], at: int) -> bool:
    """The word at `at` is a common noun that "further" qualifies ("further efforts")."""
    if at >= len(words):
        return False
    word = words[at].rstrip(",;:")
    return word[:1].islower() and word.lower() not in _FUNCTION_WORDS and word.lower() not in _CITED


_ITALIC_START = re.compile(r"^\*([^*\n]{1,120})\*")


def italic_phrase(text: str) -> str | None:
    """The italic span a paragraph opens with (`*Recalling also* its resolution`)."""
    m = _ITALIC_START.match(text.strip())
    if not m:
        return None
    phrase = " ".join(m.group(1).split()).rstrip(",;:")
    return phrase or None


_PARTICLES = frozenset({"upon", "on", "for"})
_INTERPOSED = re.compile(r"^,[^,;:]{1,60},\s+(upon|on|for)\b")
"""A clause set between the verb and its particle: "Calls, in this context, for dialogue …"."""


_LEADING_CLAUSE = re.compile(
    r"^(?:Pending|Upon|Without prejudice to|In accordance with|Pursuant to|With a view to|In order to|"
    r"On the basis of|To (?:this|that) end|In (?:this|that) (?:regard|respect|context)|"
    r"(?:Deeply|Gravely|Seriously) (?:alarmed|concerned)|Alarmed|Concerned|Mindful|Aware|Recognizing|Noting|Acknowledging|Given|"
    r"In view of)\b[^;:]{0,300}?,\s+(?=[a-z])"
)
"""An operative paragraph's adverbial clause before its verb: "Pending the total elimination of
nuclear weapons, urges those States …" (A/RES/80/23), "To this end, requests …", "Alarmed by the
sharp reductions in funding …, calls upon the international community …" (A/C.3/80/L.23)."""


_SUBJECT = re.compile(
    r"^The (?:" + "|".join(sorted({re.escape(name) for b in BODIES if b.conventions for name in (b.name, *b.aliases)}, key=len, reverse=True))
    + r")\s+(?=[a-z])"
)
"""An operative paragraph that names its organ (one that adopts resolutions, by its name or short
name in lod.bodies) before the verb: "1. The Security Council requests the permanent members …"
(S/RES/1 (1946))."""


def clause_phrase(text: str) -> str | None:
    """The operative phrase after a leading clause or the organ's name, as printed ("urges"), or None."""
    m = _LEADING_CLAUSE.match(text) or _SUBJECT.match(text)
    if not m:
        return None
    rest = text[m.end():]
    phrase = leading_phrase(rest[:1].upper() + rest[1:], operative=True)
    if phrase is None or phrase.split()[-1].lower() not in OPERATIVE_VERBS | {"upon", "on", "for"}:
        return None
    return rest[: len(phrase)]


def verb_phrase(text: str, operative: bool) -> str | None:
    """Italics when printed, otherwise the lexicon; the lexicon's longer phrase when the italics
    stop short of the verb: after an adverb ("*Strongly* appeals", "*Gravely* concerned", "*Also*
    decides") or before the verb's particle ("*Calls* on", "*Calling* for"); an operative verb
    after a leading clause ("Pending …, urges")."""
    italic = italic_phrase(text)
    if italic is None:
        plain = text.replace("*", "")
        return leading_phrase(plain, operative) or (clause_phrase(plain.strip()) if operative else None)
    last = italic.rsplit(" ", 1)[-1].lower()
    interposed = _INTERPOSED.match(text.replace("*", "").strip()[len(italic):]) if last in ("calls", "calling") else None
    if interposed:
        return f"{italic} {interposed.group(1)}"  # "*Calls*, in particular, for the continuation …"
    if last in _PRE_ADVERBS_BY_FIRST or last in PHRASAL:
        plain = leading_phrase(text.replace("*", ""), operative)
        if plain and plain.startswith(italic + " ") and (
            last in _PRE_ADVERBS_BY_FIRST or plain[len(italic) + 1 :].split(" ", 1)[0].lower() in _PARTICLES
        ):
            return plain
    if operative and " " in italic:  # "*In that regard, notes*": the clause in the italics, the verb after it
        clause = clause_phrase(text.replace("*", "").strip())
        if clause is not None and italic.endswith(clause):
            return clause
    return italic
