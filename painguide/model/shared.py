"""Shared data: regions, glossary, seed references and free pages."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from painguide.model.care import Contact
from painguide.model.common import Choice, Markdown, Slug, Source, Sources, Strict, Text


class Coverage(str, Enum):
    round_the_clock = "round-the-clock"
    office_hours_weekend_phone = "office-hours-weekend-phone"
    office_hours = "office-hours"


class Fact(Strict):
    """A yes/no fact about a region, with the wording the source uses."""

    available: bool
    text: Text


class PalliativeCare(Strict):
    coverage: Choice(Coverage)  # type: ignore[valid-type]
    text: Text


class Region(Strict):
    id: Slug
    name: Text
    summary: Text
    specialised_palliative_care: PalliativeCare
    pain_unit: Fact
    palliative_inpatient_beds: Fact
    internal_pumps: Fact
    """Whether internal pumps are implanted in the region, and where they are done."""
    data_as_of: Text | None = None
    """The period the information about the region describes, as the source gives it (for example 2023–2025)."""
    notes: Text | None = None
    contacts: list[Contact] = []
    """Whom to call, by hours; PMs and leaflets show these and never retype them."""
    sources: Sources


class Listing(Strict):
    """A shared-data file shown as one page: a title, an introduction, then its entries."""

    title: Text
    intro: Text


class Regions(Listing):
    """content/regions.yaml"""

    regions: Annotated[list[Region], Field(min_length=1)]


class Term(Strict):
    id: Slug
    term: Text
    abbreviation: Text | None = None
    """Abbreviation per language (MDK in Swedish, MDT in English); explained wherever it appears."""
    definition: Text
    sources: list[Source] = []


class Glossary(Listing):
    """content/glossary.yaml"""

    terms: Annotated[list[Term], Field(min_length=1)]


class Reference(Strict):
    """A document: either a seed file that content may cite in `sources:` (`file`), or a
    document that a seed cites but that is not itself a seed (`id` and `cited_in`)."""

    file: str | None = Field(default=None, pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    """The seed file; only seed files can be given in `sources:`."""
    id: Slug | None = None
    """For a cited document that is not a seed: its anchor on the sources page."""
    cited_in: Source | None = None
    """For a cited document: the seed file and section that cite it."""
    title: Text
    short_title: Text | None = None
    """How a page's source line names it (default: the title): short, because it is repeated under every section."""
    publisher: Markdown
    date: Markdown | None = None
    language: str = Field(pattern="^(sv|en|nb)$")
    period_end: Annotated[int, Field(ge=1900, le=2200)] | None = None
    """Last year of the period a plan or strategy covers (2025 for a plan 2020–2025); once
    that year is over, every page that cites it marks it as past its period."""

    @model_validator(mode="after")
    def _seed_or_cited(self) -> "Reference":
        if (self.file is None) == (self.id is None):
            raise ValueError("a reference has either file (a seed file) or id (a cited document that is not a seed), not both or neither")
        if self.id is not None and self.cited_in is None:
            raise ValueError("a cited document needs cited_in: the seed file and section that cite it")
        if self.file is not None and self.cited_in is not None:
            raise ValueError("cited_in is only for a cited document (id), not for a seed file")
        return self

    @property
    def anchor(self) -> str:
        """Its anchor on the sources page."""
        return self.file.removesuffix(".txt") if self.file else str(self.id)


class References(Listing):
    """content/references.yaml: the source documents that content may cite."""

    references: Annotated[list[Reference], Field(min_length=1)]


class Page(Strict):
    """content/pages/<id>.yaml: a free page; `index` is the home page."""

    id: Slug
    title: Text
    nav_title: Text | None = None
    body: Text
    sources: list[Source] = []
