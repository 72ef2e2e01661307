"""Information for patients and relatives: content/patient-info/<id>.yaml, at /patient-info/<id>/."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from painguide.model.care import WarningSign
from painguide.model.common import Choice, DocumentMeta, Slug, Sources, Strict, Text


class Reader(str, Enum):
    patient = "patient"
    relative = "relative"


class Question(Strict):
    """A section headed by the reader's own question: "Vad är …?", "Hur går det till?"."""

    question: Text
    answer: Text


class Leaflet(Strict):
    id: Slug
    title: Text
    meta: DocumentMeta
    readers: Annotated[list[Choice(Reader)], Field(min_length=1)]  # type: ignore[valid-type]
    intro: Text
    sections: Annotated[list[Question], Field(min_length=2)]
    when_to_call: Annotated[list[WarningSign], Field(min_length=1)]
    """Warning signs in the patient's words, with the same three urgencies as the PMs."""
    related: list[Slug] = []
    """Other leaflets to read next."""
    sources: Sources
