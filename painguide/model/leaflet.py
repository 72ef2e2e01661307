"""Information for patients and relatives: content/patient-info/<id>.yaml, at /patient-info/<id>/."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from painguide.model.common import Choice, Date, DocumentMeta, Slug, Sources, Statement, Status, Strict, Text
from painguide.model.signs import SituationField


class Reader(str, Enum):
    patient = "patient"
    relative = "relative"


class Question(Statement):
    """A section headed by the reader's own question: "Vad är …?", "Hur går det till?"."""

    id: Slug
    """Stable id, for reviewers' sign-offs."""
    question: Text
    answer: Text
    references: list[Slug] = []
    """External documents the section points the reader to, such as a law: ids in
    content/references.yaml with url and checked. Never the source of the section's facts;
    shown after the answer, marked as outside the final report, with the day it was checked."""


class ReaderTest(Strict):
    """A test of the leaflet with the people it is for: patients' and relatives' councils ask
    for "kvalitetstestad patientinformation" (review F28). Names are never stored."""

    date: Date
    readers: Annotated[int, Field(ge=1)]
    """How many patients or relatives read it."""
    group: Text
    """Who they were, as a group or a body, such as RCC Syd's patient and relatives' council."""
    findings: Text
    """What they found, and what was changed."""


class Leaflet(Strict):
    id: Slug
    title: Text
    meta: DocumentMeta
    readers: Annotated[list[Choice(Reader)], Field(min_length=1)]  # type: ignore[valid-type]
    order: Annotated[int, Field(ge=1, le=99)] = 50
    """Place in the patient's journey, on the leaflet list and the home page's door (1 first)."""
    intro: Text
    figures: list[Slug] = []
    """Drawings from content/figures.yaml, shown after the introduction."""
    sections: Annotated[list[Question], Field(min_length=2)]
    about: list[SituationField] = []  # type: ignore[valid-type]
    """The devices and situations this leaflet is about; it must list every patient-facing sign of each."""
    every_sign: bool = False
    """The warning-signs leaflet: it must list every patient-facing sign of the catalogue."""
    when_to_call: Annotated[list[Slug], Field(min_length=1)]
    """Sign ids from the catalogue, shown in the patient's words."""
    related: list[Slug] = []
    """Other leaflets to read next."""
    reader_tests: list[ReaderTest] = []
    """Tests with patients or relatives, newest first. An approved leaflet needs one on or
    before its approval date; they are listed on the editors' status page."""
    sources: Sources

    @model_validator(mode="after")
    def _tested_before_approval(self) -> "Leaflet":
        if self.meta.status is Status.approved and not any(
            self.meta.approved is None or test.date <= self.meta.approved for test in self.reader_tests
        ):
            raise ValueError(
                "an approved leaflet needs reader_tests: a test with patients or relatives on or "
                "before the approval date (date, readers, group, findings)"
            )
        return self
