"""A text's life as the UN records it beside the text: who submitted a draft, the steps to its
adoption, the vote, the subjects it was classified under.

Part of the document model (lod.model re-exports every name): kept apart because these records
come from mastheads, workflow metadata and vote lists rather than from the text's paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

VoteChoice = Literal["yes", "no", "abstention", "non-voting"]


@dataclass
class Vote:
    """How one State voted in a recorded vote.

    `state` is the name as printed (the UN prints it in capitals: "MICRONESIA (FEDERATED STATES
    OF)"); `iso3` the State it resolves to, None when it does not (the validator reports it).
    """

    state: str
    choice: VoteChoice
    iso3: str | None = None


@dataclass
class Voting:
    """How the organ adopted the text: without a vote, or by a recorded vote with its counts.

    `outcome` is "adopted-without-vote", "adopted-recorded-vote", "adopted-unanimously" (the
    Security Council's "Adopted unanimously at the …th meeting", lod.parse.closing) or, for a value the reader
    does not know, the value as the source writes it (kept rather than guessed). The counts are
    the printed totals; `votes` the per-State list where the source gives one (the counts and
    the list can disagree in the source: both are kept).
    """

    outcome: str
    yes: int | None = None
    no: int | None = None
    abstention: int | None = None
    non_voting: int | None = None
    votes: list[Vote] = field(default_factory=list)


@dataclass
class Subject:
    """A subject keyword from the document's classification.

    `scheme` is "sdg" (a Sustainable Development Goal), "unbis" (the UNBIS Thesaurus),
    "eurovoc", or another dictionary name as written, lowercased; `iri` the concept in its own
    scheme (metadata.un.org, eurovoc.europa.eu) when the source gives one; `label` the
    human-readable term; `code` the scheme's own code ("16" for SDG 16). `group` numbers the
    classification block it came from: the UN groups an SDG with the thesaurus terms it
    matched.
    """

    scheme: str
    label: str
    iri: str | None = None
    code: str | None = None
    group: int = 0


@dataclass
class WorkflowStep:
    """A step of the text's life before adoption, as the source records it.

    `outcome` names the step ("draftResolution", "draftResolutionAdditionalSponsors",
    "recommendedForAdoption", "adopted"); `symbol` the document that records it (the draft,
    the committee report, the meeting record); `by` who acted (sponsors as printed); `date`
    None where the source has a placeholder; `paragraph` the paragraph of the report that
    recommends the text; `note` what the source says beside or instead of a symbol ("as orally
    revised and as amended in A/75/L.6", "(Resumption 1)", "Adopted without vote, 33rd plenary
    meeting").
    """

    outcome: str
    date: str | None = None
    symbol: str | None = None
    by: str | None = None
    paragraph: str | None = None
    note: str | None = None


@dataclass
class Submitter:
    """Who submitted a draft that no State sponsors: an officer of a body, or a body itself.

    "Draft resolution submitted by the Vice-Chair of the Committee, Ahmed Magdy (Egypt), on the
    basis of informal consultations on draft resolution A/C.2/77/L.9": `statement` is the words
    from "submitted by" on, as printed (the UN's AKN files write them in the workflow step's `by`,
    in English in every language version); `role` the office ("Vice-Chair", "Bureau"); `body_key`
    the lod.bodies key of the body whose officer it is, or which submitted it ("the Special
    Committee on …"); `states` the ISO codes of the officers' or representatives' States, where
    printed. An officer's State is no sponsor: a facilitator is not a co-author.
    """

    statement: str
    role: str | None = None
    body_key: str | None = None
    states: list[str] = field(default_factory=list)
