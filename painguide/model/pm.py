"""A PM (local procedure document): content/pm/<id>.yaml, published at /pm/<id>/."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from painguide.model.care import MaterialItem, Responsibility, Step
from painguide.model.signs import SituationField
from painguide.model.common import Choice, DocumentMeta, RegionRef, Slug, Sources, Strict, Text


class Setting(str, Enum):
    """Where the procedure is carried out."""

    home = "home"
    """The patient's home: municipal home health care or ASIH."""
    hospital = "hospital"
    pain_unit = "pain-unit"
    neurosurgery = "neurosurgery"


class Procedure(Strict):
    """The sections, in the order the page shows them."""

    id: Slug
    title: Text
    meta: DocumentMeta
    purpose: Text
    scope: Text
    """Who the PM applies to: which patients, and which staff."""
    settings: Annotated[list[Choice(Setting)], Field(min_length=1)]  # type: ignore[valid-type]
    regions: Annotated[list[RegionRef], Field(min_length=1)]
    responsibilities: Annotated[list[Responsibility], Field(min_length=1)]
    materials: list[MaterialItem] = []
    steps: Annotated[list[Step], Field(min_length=1)]
    monitoring: Text | None = None
    covers: Annotated[list[SituationField], Field(min_length=1)]  # type: ignore[valid-type]
    """The devices and situations this PM is about; it must list every catalogue sign of each."""
    warning_signs: Annotated[list[Slug], Field(min_length=1)]
    """Sign ids from the catalogue (content/warning-signs.yaml), in the order a group shows them."""
    documentation: Text
    """Documentation in the record and incident reporting."""
    patient_info: list[Slug] = []
    """Leaflets (content/patient-info/<id>.yaml) to hand out."""
    sources: Sources
