"""Content primitives shared by every content kind.

Models are strict: YAML scalars arrive as str/int/float/bool/None from our own
loader, and nothing is coerced (a "no" never becomes False, "012" never becomes 12).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from painguide import languages
from painguide.safetext import check_markdown


class Strict(BaseModel):
    # defer_build: a model's validator is built when a file of its kind is first validated,
    # not at import, so `painguide validate` pays only for the kinds the content uses.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True, defer_build=True)


def _parse_date(value: Any) -> Any:
    # Dates are written as plain YYYY-MM-DD; the loader keeps them as text so that an
    # impossible date such as 2026-02-30 is reported by field, not by the YAML parser.
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, for example 2026-05-31")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a real calendar date") from None
    return value


Date = Annotated[dt.date, BeforeValidator(_parse_date)]

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=60)]
"""Stable identifier: letters, digits and hyphens (R-IDENT-1, skane, identification)."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
"""Identifier that also becomes part of a URL: lower-case letters, digits and hyphens."""

Version = Annotated[str, Field(pattern=r"^\d+\.\d+$")]


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("text is empty")
    return check_markdown(value)


Markdown = Annotated[str, AfterValidator(_nonblank)]


class Text(Strict):
    """Localized text: one entry per language of the site (languages.yaml), every one
    required. The primary language is the source, the others full translations."""

    model_config = ConfigDict(extra="allow", json_schema_extra=lambda schema: _text_schema(schema))
    __pydantic_extra__: dict[str, Markdown]  # type: ignore[assignment]

    @model_validator(mode="before")
    @classmethod
    def _every_language(cls, data: Any) -> Any:
        if isinstance(data, dict):
            codes = languages.active_codes()
            if data.keys() != codes:
                for key in data:
                    if key not in codes:
                        raise PydanticCustomError("text_language_unknown", "unknown language '{lang}'", {"lang": key})
                missing = next(code for code in codes if code not in data)
                raise PydanticCustomError("text_language_missing", "the '{lang}' text is missing", {"lang": missing})
        return data

    def __getitem__(self, lang: str) -> str:
        return self.__pydantic_extra__[lang]  # type: ignore[index]

    @classmethod
    def of(cls, texts: dict[str, str]) -> "Text":
        """A Text made by the generator (a label, a composed title), not read from content."""
        return cls.model_construct(**texts)


def _text_schema(schema: dict[str, Any]) -> None:
    site = languages.active()
    schema["properties"] = {lang.code: {"title": lang.english_name, "type": "string"} for lang in site}
    schema["required"] = [lang.code for lang in site]
    schema["additionalProperties"] = False


class Source(Strict):
    """Where a fact comes from: a seed file (see content/references.yaml) and its section."""

    file: str
    section: Markdown


Sources = Annotated[list[Source], Field(min_length=1)]


def Choice(enum: type[Enum]) -> Any:
    """An enum field that accepts its values as text (strict mode wants enum instances)."""
    return Annotated[enum, Field(strict=False)]


class Basis(str, Enum):
    """What a statement rests on. Anything but `source` is marked on the page where it is
    read, listed in the review queue, and blocks the release of an approved document until
    a clinical reviewer has signed it off."""

    source = "source"
    """A seed says it; `sources:` cites the file and section."""
    general_knowledge = "general-knowledge"
    """General clinical knowledge, not in the sources."""
    proposal = "proposal"
    """The guide editors' proposal (not the report's working group)."""


class Statement(Strict):
    """Something a reader acts on or learns (a step, a caution, a warning sign, a leaflet
    section, a competence item, an expected level). It always has a basis: `sources:`
    alone means `basis: source`; general knowledge or a proposal says so, and may keep
    `sources:` for the situation it is about."""

    basis: Choice(Basis) | None = None  # type: ignore[valid-type]
    sources: list[Source] = []

    @model_validator(mode="after")
    def _has_basis(self) -> "Statement":
        if self.basis is None and not self.sources:
            raise ValueError(
                "basis is missing; give sources: (the file and the section that says it), "
                "or write basis: general-knowledge or basis: proposal"
            )
        if self.basis is Basis.source and not self.sources:
            raise ValueError("basis is source, but sources is empty; cite the file and section, or choose basis: general-knowledge")
        return self

    @property
    def grounds(self) -> Basis:
        """The basis, with `sources:` alone read as source."""
        return self.basis or Basis.source

    @property
    def marked(self) -> bool:
        return self.grounds is not Basis.source


class Status(str, Enum):
    draft = "draft"
    approved = "approved"
    retired = "retired"


class ChangeLogEntry(Strict):
    version: Version
    date: Date
    text: Text


StatementKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*(/[a-z]+)?$", max_length=80)]
"""A statement's key in its document: its id (CASS-2, respiratory-depression), or its
owner's id and its field (CASS-2/caution, NURSE-1/level)."""


class SignOff(Strict):
    """A clinical reviewer's sign-off of statements that are not from the sources."""

    role: Text
    """Who signed, by role and workplace (no personal names on the public site)."""
    date: Date
    statements: Annotated[list[StatementKey], Field(min_length=1)]
    """The keys shown in the review queue (/review/): CASS-2, CASS-2/caution, NURSE-1/level."""


class DocumentMeta(Strict):
    """Document control for every controlled document (regional norm: 2 years, at most 5)."""

    version: Version
    status: Choice(Status)  # type: ignore[valid-type]
    owner: Text
    reviewer: Text | None = None
    approver: Text | None = None
    approved: Date | None = None
    valid_until: Date | None = None
    release_blocker: bool = False
    reviews: list[SignOff] = []
    """Clinical sign-offs of the document's marked statements (see /review/)."""
    changelog: Annotated[list[ChangeLogEntry], Field(min_length=1)]

    @model_validator(mode="after")
    def _control(self) -> "DocumentMeta":
        if self.status is Status.approved:
            missing = [f for f in ("reviewer", "approver", "approved", "valid_until") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"an approved document needs {', '.join(missing)}")
        if self.approved and self.valid_until:
            if self.valid_until <= self.approved:
                raise ValueError(
                    f"valid_until ({self.valid_until}) must be after the approval date ({self.approved})"
                )
            if self.valid_until > self.approved.replace(year=self.approved.year + 5):
                raise ValueError("valid_until is more than 5 years after approval (the regional maximum)")
        if self.changelog[0].version != self.version:
            raise ValueError(
                f"the first changelog entry is version {self.changelog[0].version}, "
                f"but the document is version {self.version}; newest entry first"
            )
        return self


REVIEW_WARNING_DAYS = 183
"""Regional norm: a reminder 6 months before a controlled document expires."""


def review_state(meta: DocumentMeta, today: dt.date) -> str | None:
    """'expired', 'review' or None: the notice a controlled document's page shows."""
    if meta.status is Status.retired or meta.valid_until is None:
        return None
    if meta.valid_until < today:
        return "expired"
    if (meta.valid_until - today).days <= REVIEW_WARNING_DAYS:
        return "review"
    return None


class ChecklistItem(Strict):
    id: Id
    text: Text
    note: Text | None = None
    variants: list[Slug] | None = None
    """Variants this item applies to; None means every variant of the checklist."""
    sources: list[Source] = []


class Variant(Strict):
    id: Slug
    label: Text
    description: Text | None = None


class ChecklistGroup(Strict):
    """Items combined by a rule: all must apply, or at least one must."""

    rule: str = Field(pattern=r"^(all|any)$")
    intro: Text | None = None
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Strict):
    """A checklist, kept inside the document it checks, so the two cannot drift apart.

    `page` gives it a page of its own under checklists/<page>/.
    """

    type: str = Field(pattern="^checklist$")
    id: Id
    page: Slug | None = None
    title: Text
    intro: Text | None = None
    variants: list[Variant] = []
    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]
    outro: Text | None = None
    outcome: Text | None = None
    """Shown when the ticks meet the rules: every 'all' group complete, at least one item in every 'any' group."""
    coverage: bool = False
    """Its items are requirement points that PMs must carry out: the coverage page lists
    each against the PM steps that implement it, and marks those no step does."""
    sources: Sources

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for group in self.groups for item in group.items]

    @model_validator(mode="after")
    def _variants_known(self) -> "Checklist":
        known = {v.id for v in self.variants}
        for item in self.items:
            for variant in item.variants or []:
                if variant not in known:
                    raise ValueError(f"item {item.id} names variant '{variant}', which this checklist does not define")
        return self


RegionRef = Slug
"""A region id from content/regions.yaml (checked across files)."""
