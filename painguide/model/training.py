"""Competence descriptions (content/competence/<profession>.yaml) and training modules
(content/training/<id>.yaml). Modules include recommendation blocks, PM steps and
checklists by id, so what they teach is rendered from the source and cannot drift."""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable
from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from painguide.model.care import RecId
from painguide.model.common import Choice, DocumentMeta, Id, Slug, Sources, Statement, Strict, Text


class Profession(str, Enum):
    """The professions the sources name (Bilaga 3 and the requirement list)."""

    physician = "physician"
    nurse = "nurse"
    assistant_nurse = "assistant-nurse"
    mas = "mas"
    manager = "manager"
    """Unit manager or head of department: the line managers of 000 and the chiefs' council of 001."""
    operating_nurse = "operating-nurse"
    operating_assistant_nurse = "operating-assistant-nurse"
    anaesthesia_nurse = "anaesthesia-nurse"


class Level(str, Enum):
    """Expected level, lowest first."""

    knows = "knows"
    supervised = "supervised"
    """Does under supervision."""
    independent = "independent"
    """Does independently."""


class Expected(Statement):
    """The level expected of the profession, with its own basis: the sources seldom set one."""

    value: Choice(Level)  # type: ignore[valid-type]


class Part(str, Enum):
    """What a competence item asks for: what a module can give, what a supervisor must see, or both."""

    knowledge = "knowledge"
    """Knowing: a training module gives it."""
    practice = "practice"
    """Doing: practised under supervision and signed off by a supervisor (the competence card)."""
    both = "both"
    """A knowledge part a module gives, and a practical part a supervisor signs off."""


class RoleLevel(Expected):
    """A role within the profession that is expected to do more than the rest of it."""

    who: Text
    """The role: the performing physician, the coordinating nurse, the refill unit's staff."""


class CompetenceItem(Statement):
    id: Id
    text: Text
    part: Choice(Part)  # type: ignore[valid-type]
    level: Expected
    """The level expected of everyone in the profession."""
    performer: RoleLevel | None = None
    """The role that does it, when only some of the profession do, with its own level."""
    serves: list[RecId] = []
    """Requirement points or recommendations this competence serves (e.g. REQ-12)."""


class DelegationTask(Statement):
    """A task in a delegation box; the list it is in says whether it is nursing care or a
    health-care task. Which task falls where is seldom in the sources, and local rules
    decide: each carries its basis, so the review queue lists it and the page marks it, as
    it does a competence item."""

    id: Id
    """Its key in the review queue and in a reviewer's sign-off."""
    text: Text
    see: list[RecId] = []
    """Competence items or PM steps the task is taught or done in (AN-2, HYG-7), linked beside it."""


class Delegation(Strict):
    """What the profession may do after the nurse's instruction, and what needs a delegation.
    Written once, in the competence description; a module shows the same box by reference
    (ModuleSection.delegation_of)."""

    intro: Text
    """What a delegation is, as the regulations it cites say; shown with them."""
    nursing_care: Annotated[list[DelegationTask], Field(min_length=1)]
    """Nursing care (omvårdnad): the nurse's instruction is enough."""
    health_care: Annotated[list[DelegationTask], Field(min_length=1)]
    """Health-care tasks: a nurse does them, or delegates them in writing, personally and for a
    limited time, under the rules the MAS sets."""
    references: Annotated[list[Slug], Field(min_length=1)]
    """External documents (content/references.yaml, with url and checked) the intro rests on."""

    @property
    def tasks(self) -> list[DelegationTask]:
        return [*self.nursing_care, *self.health_care]


class CompetenceDescription(Strict):
    id: Slug
    """The profession, also the file name."""
    title: Text
    meta: DocumentMeta
    intro: Text
    items: Annotated[list[CompetenceItem], Field(min_length=1)]
    delegation: Delegation | None = None
    """Which of the profession's tasks need a delegation (assistant nurses)."""
    sources: Sources

    @model_validator(mode="after")
    def _known_profession(self) -> "CompetenceDescription":
        if self.id not in {p.value for p in Profession}:
            raise ValueError(f"id '{self.id}' is not a profession; choose one of {', '.join(p.value for p in Profession)}")
        return self


class ModuleSection(Strict):
    id: Slug | None = None
    """Names the section for the questions placed after it (`after:`)."""
    heading: Text
    body: Text | None = None
    include: list[RecId] = []
    """Recommendations, checklists, lists, tables, PM steps or warning signs, by id, rendered from their source."""
    warning_signs_of: Slug | None = None
    """A PM (its id) whose whole warning-sign table the section shows, after its includes."""
    delegation_of: Slug | None = None
    """A profession (its competence description's id) whose delegation box the section shows, after its warning signs."""


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text
    """Why this option is right or wrong."""


class Question(Strict):
    id: Id
    question: Text
    options: Annotated[list[Option], Field(min_length=2)]
    see: RecId
    """The recommendation, checklist, PM step or warning sign the answer comes from (linked in the feedback)."""
    after: Slug | None = None
    """The section (its id) the question follows on the page, to practise right after
    reading; without it the question is in the self-check at the end. Either way it counts
    in the one score."""

    @model_validator(mode="after")
    def _one_correct(self) -> "Question":
        correct = sum(1 for o in self.options if o.correct)
        if correct != 1:
            raise ValueError(f"options has {correct} correct answers; a question needs exactly one option with correct: true")
        return self


class ExtraTime(Strict):
    what: Text
    minutes: Annotated[int, Field(ge=5, le=480)]


class Module(Strict):
    id: Slug
    title: Text
    meta: DocumentMeta
    audience: Annotated[list[Choice(Profession)], Field(min_length=1)]  # type: ignore[valid-type]
    order: Annotated[int, Field(ge=1, le=99)]
    """Place in each audience's path (1 first)."""
    extra: list[ExtraTime] = []
    """Time beyond reading and the self-check (practical training, a group session), each
    named; the reading time itself is computed from the page (painguide/reading.py)."""
    objectives: Annotated[list[Text], Field(min_length=1)]
    teaches: Annotated[list[Id], Field(min_length=1)]
    """Competence item ids this module teaches."""
    sections: Annotated[list[ModuleSection], Field(min_length=1)]
    key_points: Annotated[list[Text], Field(min_length=1)]
    questions: Annotated[list[Question], Field(min_length=4)]
    further_reading: list[Slug] = []
    """External documents (content/references.yaml entries with url and checked), such as
    Vårdhandboken's chapter, that a learner can read next; marked on the page as outside
    the guide's sources."""
    sources: Sources

    def in_page_order(self) -> list[Question]:
        """The questions as the page shows them: those placed after a section, section by
        section, then the rest in the self-check at the end; their numbers follow this order."""
        placed = [q for s in self.sections if s.id for q in self.questions if q.after == s.id]
        return placed + [q for q in self.questions if q.after is None]


def in_order(modules: Iterable[Module]) -> list[Module]:
    """Modules in the order they are taken (then by id)."""
    return sorted(modules, key=lambda m: (m.order, m.id))


PASS_MARK = 80
"""Per cent of a self-check's questions right at the first attempt to pass: the guide
editors' proposal, marked as such on every module page."""

REFRESHER = {"valid_months": 12, "before_patient_months": 6}
"""How long a module's certificate is valid, and after how long a learner takes the module
again before caring for the next patient: the guide editors' proposals (the final report
says competence is hard to keep with so few patients; Kronoberg asks for a short refresher
at each new patient), marked as such on the certificate."""


def shown_order(module_id: str, question: Question) -> list[int]:
    """The options' order on the page (indexes into question.options): shuffled with the
    module's and question's ids as the seed, so that the keyed option's position varies
    from question to question and a printout is the same every time."""
    order = list(range(len(question.options)))
    random.Random(zlib.crc32(f"{module_id}/{question.id}".encode())).shuffle(order)
    return order


def key_position(module_id: str, question: Question) -> int:
    """Where the keyed option is shown, counted from 1."""
    order = shown_order(module_id, question)
    return next(n for n, i in enumerate(order, start=1) if question.options[i].correct)
