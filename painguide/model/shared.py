"""Shared data: regions, glossary, seed references and free pages."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from painguide.model.care import Contact
from painguide.model.common import Choice, Date, Markdown, Slug, Source, Sources, Statement, Strict, Text


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


def _https_url(value: str) -> str:
    # https only, as for links in text (safetext), and nothing that would end the link early
    # where the sources page writes it as <url>.
    if not re.fullmatch(r"https://[^\s\"'<>()\[\]]+", value):
        raise ValueError(f"'{value}' is not a web address this page can link to; write it in full, starting with https://, "
                         "with no spaces, quotes, brackets or parentheses")
    return value


class Reference(Strict):
    """A document, in one of three forms:
    - a seed file that content may cite in `sources:` (`file`);
    - a document that a seed cites but that is not itself a seed (`id` and `cited_in`);
    - an external document that no seed cites (`id`, `url` and `checked`), such as a
      regulation the guide's editors point to. It is never a source of the guide's facts:
      `sources:` cannot name it; a delegation block cites it by id."""

    file: str | None = Field(default=None, pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    """The seed file; only seed files can be given in `sources:`."""
    id: Slug | None = None
    """For a document that is not a seed: its anchor on the sources page, and how a delegation cites it."""
    cited_in: Source | None = None
    """For a cited document: the seed file and section that cite it."""
    url: Annotated[str, AfterValidator(_https_url)] | None = None
    """For an external document: where the guide's editors read it."""
    checked: Date | None = None
    """For an external document: the day the guide's editors checked that this is the
    version in force. The page shows it, and asks the reader to check the current version locally."""
    title: Text
    short_title: Text | None = None
    """How a page's source line names it (default: the title): short, because it is repeated under every section."""
    patient_title: Text | None = None
    """How a patient leaflet names it (default: the short title): plain words, no abbreviation
    or section title; the sections a leaflet is based on are listed on the editors' status page."""
    publisher: Markdown
    date: Markdown | None = None
    language: str = Field(pattern="^(sv|en|nb)$")
    period_end: Annotated[int, Field(ge=1900, le=2200)] | None = None
    """Last year of the period a plan or strategy covers (2025 for a plan 2020–2025); once
    that year is over, every page that cites it marks it as past its period."""

    @model_validator(mode="after")
    def _seed_cited_or_external(self) -> "Reference":
        if (self.file is None) == (self.id is None):
            raise ValueError("a reference has either file (a seed file) or id (a document that is not a seed), not both or neither")
        online = self.url is not None or self.checked is not None
        if self.file is not None and (self.cited_in is not None or online):
            raise ValueError("cited_in, url and checked are only for a document that is not a seed (id), not for a seed file")
        if self.id is not None:
            if self.cited_in is not None and online:
                raise ValueError("a document a seed cites has cited_in; url and checked are for an external document that no seed cites, not both")
            if self.cited_in is None and not online:
                raise ValueError("a cited document needs cited_in: the seed file and section that cite it; "
                                 "an external document that no seed cites needs url and checked instead")
            if online and (self.url is None or self.checked is None):
                missing = "url" if self.url is None else "checked (the date you checked it is the version in force)"
                raise ValueError(f"an external document needs both url and checked; {missing} is missing")
        return self

    @property
    def external(self) -> bool:
        """An external document: listed apart, and never a source of the guide's facts."""
        return self.url is not None

    @property
    def anchor(self) -> str:
        """Its anchor on the sources page."""
        return self.file.removesuffix(".txt") if self.file else str(self.id)


class References(Listing):
    """content/references.yaml: the source documents that content may cite."""

    references: Annotated[list[Reference], Field(min_length=1)]


class DoorLink(Strict):
    """A link to one of the site's pages by name, not by path: a kind (`pm`, `training`)
    or a view (`checklists`), with the page's id where the kind has one per file."""

    text: Text
    to: Slug
    id: Slug | None = None


class Door(Strict):
    """A way in for one group of readers, on the home page: who it is for, in one line,
    and where it leads; `also` adds a second link one tap away."""

    title: Text
    text: Text
    to: Slug
    id: Slug | None = None
    also: list[DoorLink] = []


class Page(Strict):
    """content/pages/<id>.yaml: a free page; `index` is the home page."""

    id: Slug
    title: Text
    nav_title: Text | None = None
    doors: list[Door] = []
    """Large links for each group of readers, shown first, right under the title."""
    body: Text
    sources: list[Source] = []


class FigureStatus(str, Enum):
    draft = "draft"
    """Shown marked "Utkast – bilden är inte granskad" until a reviewer has checked it."""
    approved = "approved"


class Figure(Statement):
    """A drawing made for the site: an SVG file in content/figures/, shown in the leaflets
    that name its id. Its words are real text in the SVG: each <text data-label="key">
    gets its label here, in the page's language, so one file serves every language."""

    id: Slug
    file: str = Field(pattern=r"^figures/[a-z0-9][a-z0-9-]*\.svg$")
    """The SVG, relative to content/: figures/<name>.svg (hand-written; no scripts, links or images)."""
    alt: Text
    """The text alternative: what the picture shows, for a reader who cannot see it."""
    caption: Text
    """Shown under the picture."""
    labels: dict[Slug, Text] = {}
    """The words in the picture, by the data-label of their <text> element in the SVG."""
    status: Choice(FigureStatus)  # type: ignore[valid-type]
    reviewed_by: Text | None = None
    """Who checked the picture, by role and workplace (no personal names)."""
    reviewed: Date | None = None

    @model_validator(mode="after")
    def _reviewed(self) -> "Figure":
        if self.status is FigureStatus.approved and (self.reviewed_by is None or self.reviewed is None):
            raise ValueError("an approved figure needs reviewed_by and reviewed (the date)")
        return self

    @property
    def draft(self) -> bool:
        return self.status is FigureStatus.draft


class Figures(Strict):
    """content/figures.yaml: the site's drawings, declared once; leaflets name them by id."""

    figures: list[Figure] = []
