"""The catalogue of warning signs: content/warning-signs.yaml, at /warning-signs/.

A warning sign is a safety fact a reader acts on, so it is written once, here, with its
urgency and both wordings (staff, patient). PMs, leaflets and training modules name signs
by id and never write their own; the checks hold each document to every sign of the
devices or situations it covers.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from painguide.model.care import Urgency
from painguide.model.common import Choice, DocumentMeta, Slug, Statement, Strict, Text


class Situation(str, Enum):
    """The devices and situations a sign belongs to, and a document covers."""

    catheter = "catheter"
    """An intrathecal or epidural catheter, with either kind of pump."""
    external_pump = "external-pump"
    internal_pump = "internal-pump"
    nerve_block = "nerve-block"
    dying_phase = "dying-phase"
    """The patient is dying and has a written plan for the end of life."""
    before_procedure = "before-procedure"
    """Waiting for a catheter, a pump or a block to be placed."""
    referral = "referral"
    """Identified, assessed and referred, not yet treated."""
    cassette_change = "cassette-change"
    """Staff changing an external pump's cassette, tubing or filter."""


SituationField = Choice(Situation)


class Wording(Strict):
    sign: Text
    """What the reader notices."""
    action: Text
    """What the reader does, beyond the urgency's own instruction (112, call now, call on a weekday)."""


class EasyWording(Strict):
    """A patient-facing sign in easy-to-read Swedish (lättläst) and plain English, for the
    easy-to-read warning card (/patient-info/cards/warning-signs-easy/).

    It is a separate field, not a rewrite of `patient`, because the two serve different
    readers and are measured differently: the leaflets' wording is held to LIX 40 and may
    explain; the card is held to LIX 25 and prints on two A4 pages at 12 pt, so it uses short
    everyday words and leaves out the explanation. The safety fact is still written once:
    the sign keeps its one id and its one urgency, and the card shows the urgency's own
    heading and instruction (the same labels as the leaflets); only the words differ."""

    sign: Text
    """What the reader notices, in one short sentence."""
    action: Text | None = None
    """What the reader does beyond the urgency's instruction, in easy words; leave it out
    when the urgency's heading (call 112, call your team now, call on a weekday) says it all."""


SHORT_WORDS = 9
"""At most this many words in a sign's short wording, in every language."""


def _short(text: Text) -> Text:
    for lang, words in (text.__pydantic_extra__ or {}).items():
        count = len(words.split())
        if count > SHORT_WORDS:
            raise ValueError(f"the short wording is a few words, at most {SHORT_WORDS}; the '{lang}' text has {count}")
    return text


ShortText = Annotated[Text, AfterValidator(_short)]


class Always(Statement):
    """What the reader always does, whatever the sign: printed once above the short lists,
    which leave each sign's own action out so that a leaflet fits two A4 pages and the
    warning card one. It restates what the signs' actions share; it adds no new advice."""

    id: Slug
    text: Text
    applies_to: Annotated[list[SituationField], Field(min_length=1)]  # type: ignore[valid-type]
    """Shown on a page that lists a sign of one of these situations."""


class DyingPhase(Strict):
    """What replaces the emergency call when the patient is dying and has a written plan."""

    staff: Text
    patient: Text | None = None


class Sign(Statement):
    id: Slug
    applies_to: Annotated[list[SituationField], Field(min_length=1)]  # type: ignore[valid-type]
    urgency: Choice(Urgency)  # type: ignore[valid-type]
    staff: Wording
    """The wording in PMs and training modules."""
    patient: Wording | None = None
    """The wording in leaflets; none for a sign that only staff act on."""
    short: ShortText | None = None
    """The sign in a few words, as a patient says it: the printed lists in the leaflets and
    the warning card. Needed for every sign with a patient wording. It keeps what tells this
    sign's urgency from a similar sign's (dry or wet dressing, refill date near or far)."""
    easy: EasyWording | None = None
    """The wording on the easy-to-read warning card; needed for every patient-facing sign
    when the catalogue has easy_intro (checked across the catalogue)."""
    dying_phase: DyingPhase | None = None
    """Required for an emergency sign, so that no sign sends a dying patient to 112 against their plan."""

    @model_validator(mode="after")
    def _dying_phase(self) -> "Sign":
        if self.urgency is Urgency.emergency and self.dying_phase is None:
            raise ValueError(
                "an emergency sign needs dying_phase: what staff (and, for a patient-facing sign, "
                "the patient or relative) do instead when the patient is dying and has a written plan"
            )
        if self.patient and self.short is None:
            raise ValueError("a sign with a patient wording needs short: (a few words for the printed lists)")
        if self.short and self.patient is None:
            raise ValueError("short: is for signs that patients act on; give patient: too, or remove short:")
        if self.easy and self.patient is None:
            raise ValueError("easy: is for signs that patients act on; give patient: too, or remove easy:")
        if self.dying_phase and self.patient and self.dying_phase.patient is None:
            raise ValueError("dying_phase needs patient: too, because this sign has a patient wording")
        return self


class SignCatalogue(Strict):
    id: Slug
    title: Text
    meta: DocumentMeta
    intro: Text
    easy_intro: Text | None = None
    """The introduction of the easy-to-read warning card. With it, the site has the card,
    and every patient-facing sign needs easy:; its Swedish is held to LIX 25."""
    always: list[Always] = []
    """What patients always do, whatever the sign, printed with the short lists."""
    signs: Annotated[list[Sign], Field(min_length=1)]
