"""The leading phrase of an AKN paragraph ("Reaffirming", "Prie le Secrétaire général"), in the
language of the file.

Kept apart from the body reader because it is the one place where the six languages differ:
English goes through the verb lexicon the text converters use, the other five through the
labels the verb scheme has in that language (lod.parse.phrasebook).
"""

from __future__ import annotations

from lxml import etree

from lod.parse.akn.inline import local, squash
from lod.parse.phrasebook import leading_label
from lod.parse.declarations import declaratory_phrase, in_first_person
from lod.parse.verbs import bare_verb_phrase, clause_phrase, leading_phrase


def leading_words(el: etree._Element, text: str, named: str | None, language: str | None, *, operative: bool,
                  in_annex: bool = False) -> str | None:
    """The leading phrase: in a file lod.akn wrote, the verb span it marked (the phrase the reader
    of the text found: the Word file's italics, a decision's verb inside the text); in English what
    the verb lexicon finds (the same phrase the text converters give, which the verb scheme is
    keyed on: the UN sometimes italicises more,
    "Reaffirming its determination"), and in a declaration what the text converters read there
    too ("We reaffirm", "We, the Heads of State …, commit" → "We commit"; in an annex the bare
    verb, "Reaffirm the right of every human being …"); in the other five languages the longest
    label of the scheme in that language the text opens with (lod.parse.phrasebook); else the
    container's name when the text starts with it, else the italic words the text opens with (in
    Chinese the bold ones: "<span class="bold">核可</span>本决议所附…", Endorses …)."""
    for span in el.iter():
        if local(span) == "span" and span.get("refersTo") == "#verb":  # ours: the phrase as it was read
            words = squash("".join(span.itertext()))
            if words and words in text:
                return words
    if not text:
        found = None
    elif language in (None, "", "eng"):
        if operative and in_first_person(text):
            found = declaratory_phrase(text)
        else:
            # after a leading clause ("In that regard, notes", A/RES/76/110), as the text converters read it
            found = leading_phrase(text, operative) or (clause_phrase(text) if operative else None) or (
                bare_verb_phrase(text) if operative and in_annex else None)
    else:
        found = leading_label(text, language)
    if found:
        return found
    if named and text.startswith(squash(named)):
        return squash(named)
    marks = ("italic", "bold") if language == "zho" else ("italic",)  # the Chinese files set the verb in bold
    for span in el.iter():
        if local(span) == "span" and any(mark in (span.get("class") or "") for mark in marks):
            words = squash("".join(span.itertext())).rstrip(",，")
            if words and text.startswith(words) and len(words) < 80 and len(text) > len(words) + 3:  # not all of it (a formula)
                return words
            break
    return None
