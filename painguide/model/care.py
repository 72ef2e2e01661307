"""Primitives of care instructions: who does a step, the step itself and its caution,
contacts and materials. Warning signs are not here: each is one entry of the catalogue
(painguide/model/signs.py), which PMs, leaflets and modules name by id."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from painguide.model.common import Choice, Id, Source, Statement, Strict, Text


class Role(str, Enum):
    """The closed list of people a step, a responsibility or a contact names.
    Labels in both languages are in macros/labels (role_<value>)."""

    home_care_nurse = "home-care-nurse"
    home_care_assistant_nurse = "home-care-assistant-nurse"
    palliative_nurse = "palliative-nurse"
    """ASIH or palliative-team nurse."""
    responsible_physician = "responsible-physician"
    on_call_physician = "on-call-physician"
    pain_unit_nurse = "pain-unit-nurse"
    refill_unit = "refill-unit"
    """The unit that refills and programs an internal pump, named in the patient's plan; which
    profession does it is set by local routine (the report does not say)."""
    ward_nurse = "ward-nurse"
    """A nurse in the ward or clinic caring for the patient (oncology, surgery, medicine)."""
    mas = "mas"
    unit_manager = "unit-manager"
    """The manager of a unit (ASIH, municipal home health care, a ward): keeps the unit's competence register."""
    patient_or_relative = "patient-or-relative"


RoleField = Choice(Role)

RecId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=60)]
"""The id of a recommendation, a requirement point or another citable block (checked across files)."""


class Caution(Statement):
    """What must not go wrong in a step; shown with the step wherever it is included."""

    text: Text


class Step(Statement):
    """One step of a procedure. Steps are numbered by the renderer, never by hand."""

    id: Id | None = None
    """Stable id, for training modules that include this step and for reviewers' sign-offs."""
    text: Text
    role: RoleField  # type: ignore[valid-type]
    caution: Caution | None = None
    implements: list[RecId] = []
    """Recommendation or requirement ids this step carries out, e.g. [R-PROC-2, REQ-07]."""


class Urgency(str, Enum):
    """Most urgent first; the order is the order warning signs are shown in."""

    emergency = "emergency"
    """Call 112."""
    urgent = "urgent"
    """Call the responsible physician or the on-call line now."""
    routine = "routine"
    """Contact the team during office hours."""


class Hours(str, Enum):
    office_hours = "office-hours"
    round_the_clock = "round-the-clock"
    weekend_daytime = "weekend-daytime"
    """Daytime at weekends and public holidays (Halland's physician line)."""


# A Swedish phone number as people write it: 010-123 45 67, 046-17 10 00, +46 10 123 45 67, 1177.
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{2,18}[0-9]$")


class Contact(Strict):
    """Someone to call. A number the sources do not give is an explicit placeholder
    (`phone: null`, `placeholder: true`), shown as "Number to be added by the region";
    a real-looking number needs a source. Placeholders fail `painguide build --release`."""

    unit: Text
    role: RoleField | None = None  # type: ignore[valid-type]
    hours: Choice(Hours)  # type: ignore[valid-type]
    phone: str | None = None
    placeholder: bool = False
    note: Text | None = None
    sources: list[Source] = []

    @model_validator(mode="after")
    def _phone_or_placeholder(self) -> "Contact":
        if self.phone is None and not self.placeholder:
            raise ValueError("phone is missing; give the number with its source, or write placeholder: true until the region adds it")
        if self.phone is not None and self.placeholder:
            raise ValueError("phone is given but placeholder is true; remove one of them")
        if self.phone is not None:
            if not _PHONE.fullmatch(self.phone):
                raise ValueError(f"phone '{self.phone}' is not a phone number; write it as digits, spaces and hyphens, e.g. 010-123 45 67")
            if not self.sources:
                raise ValueError(
                    f"phone '{self.phone}' has no source; a number must come from a source, "
                    "otherwise write phone: null and placeholder: true"
                )
        return self

    @property
    def tel(self) -> str | None:
        """The number for a tel: link, in international form."""
        if self.phone is None:
            return None
        digits = re.sub(r"[ -]", "", self.phone)
        if digits.startswith("+"):
            return digits
        return "+46" + digits[1:] if digits.startswith("0") else digits


class MaterialItem(Strict):
    text: Text
    note: Text | None = None
    sources: list[Source] = []


class Responsibility(Strict):
    role: RoleField  # type: ignore[valid-type]
    text: Text
