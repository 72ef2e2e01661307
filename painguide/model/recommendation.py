"""The regional recommendation: a document of chapters made of typed blocks."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Union

from pydantic import Discriminator, Field, Tag, model_validator

from painguide.model.common import (
    Checklist,
    Choice,
    DocumentMeta,
    Id,
    RegionRef,
    Slug,
    Sources,
    Source,
    Strict,
    Text,
)


class Certainty(str, Enum):
    """Certainty of evidence (tillförlitlighet) as the HTA report states it."""

    very_low = "very-low"
    low = "low"
    low_to_moderate = "low-to-moderate"
    moderate = "moderate"
    high = "high"


class TextBlock(Strict):
    type: str = Field(pattern="^text$")
    heading: Text | None = None
    body: Text
    sources: list[Source] = []


class Recommendation(Strict):
    """A numbered recommendation with a stable id that PMs, training and checklists cite."""

    type: str = Field(pattern="^recommendation$")
    id: Annotated[str, Field(pattern=r"^R-[A-Z]+-[0-9]+$")]
    text: Text
    rationale: Text | None = None
    certainty: Choice(Certainty) | None = None  # type: ignore[valid-type]
    priority: Annotated[int, Field(ge=1, le=10)] | None = None
    """Priority on the 1–10 scale of Region Skåne's Metod- och prioriteringsråd (1 highest)."""
    sources: Sources


class Finding(Strict):
    text: Text
    certainty: Choice(Certainty)  # type: ignore[valid-type]


class FindingsBlock(Strict):
    type: str = Field(pattern="^findings$")
    heading: Text | None = None
    intro: Text | None = None
    items: Annotated[list[Finding], Field(min_length=1)]
    sources: Sources


class ListItem(Strict):
    id: Id | None = None
    text: Text


class ListBlock(Strict):
    type: str = Field(pattern="^list$")
    id: Id | None = None
    heading: Text | None = None
    intro: Text | None = None
    ordered: bool = False
    items: Annotated[list[ListItem], Field(min_length=1)]
    sources: Sources


class Definition(Strict):
    term: Text
    definition: Text


class DefinitionsBlock(Strict):
    type: str = Field(pattern="^definitions$")
    heading: Text | None = None
    items: Annotated[list[Definition], Field(min_length=1)]
    sources: Sources


class ShareOf(Strict):
    """A share computed from two count columns of the same row: numerator / denominator, in per cent."""

    numerator: Slug
    denominator: Slug


class Column(Strict):
    key: Slug
    label: Text
    numeric: bool = False
    share_of: ShareOf | None = None
    """The column holds a percentage ("41 %") computed from two count columns of the same row.
    `painguide validate` recomputes it: a row whose figure is more than 1 point off must
    carry a note on this cell saying why (for example, that the figure is the source's)."""


Cell = Union[Annotated[int, Tag("@int")], Annotated[str, Tag("@str")], Annotated[Text, Tag("@text")], Annotated[None, Tag("@none")]]


def _cell_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "@str"  # rejected by the str member in strict mode, with a clear message
    if isinstance(value, int):
        return "@int"
    if isinstance(value, dict) or isinstance(value, Text):
        return "@text"
    if value is None:
        return "@none"
    return "@str"


class Row(Strict):
    cells: dict[Slug, Annotated[Cell, Discriminator(_cell_kind)]]
    total: bool = False
    notes: dict[Slug, Text] = {}
    """Notes on this row's cells, by column key: the cell shows a numbered marker that links
    to the note, printed below the table."""


class TableBlock(Strict):
    type: str = Field(pattern="^table$")
    id: Id
    heading: Text | None = None
    caption: Text
    columns: Annotated[list[Column], Field(min_length=1)]
    rows: Annotated[list[Row], Field(min_length=1)]
    sources: Sources

    @model_validator(mode="after")
    def _cells_match_columns(self) -> "TableBlock":
        keys = [c.key for c in self.columns]
        for number, row in enumerate(self.rows, start=1):
            unknown = sorted(set(row.cells) - set(keys))
            if unknown:
                raise ValueError(f"row {number} has cells for unknown columns: {', '.join(unknown)}; columns are {', '.join(keys)}")
            unknown = sorted(set(row.notes) - set(keys))
            if unknown:
                raise ValueError(f"row {number} has notes for unknown columns: {', '.join(unknown)}; columns are {', '.join(keys)}")
        numeric = {c.key for c in self.columns if c.numeric}
        for column in self.columns:
            if column.share_of is None:
                continue
            for part in ("numerator", "denominator"):
                key = getattr(column.share_of, part)
                if key not in numeric or key == column.key:
                    raise ValueError(
                        f"column '{column.key}' is a share of '{key}' ({part}), which is not another numeric column; "
                        f"numeric columns are {', '.join(sorted(numeric)) or 'none'}"
                    )
        return self


def _block_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return f"@{kind}" if kind in BLOCK_TYPES else "@text"


BLOCK_TYPES = ("text", "recommendation", "findings", "list", "definitions", "table", "checklist")

Block = Annotated[
    Union[
        Annotated[TextBlock, Tag("@text")],
        Annotated[Recommendation, Tag("@recommendation")],
        Annotated[FindingsBlock, Tag("@findings")],
        Annotated[ListBlock, Tag("@list")],
        Annotated[DefinitionsBlock, Tag("@definitions")],
        Annotated[TableBlock, Tag("@table")],
        Annotated[Checklist, Tag("@checklist")],
    ],
    Discriminator(_block_kind),
]


class Chapter(Strict):
    """One file per chapter: content/recommendations/<document>/NN-<chapter>.yaml."""

    id: Slug
    title: Text
    summary: Text | None = None
    sources: Sources
    blocks: Annotated[list[Block], Field(min_length=1)]


class RecommendationDocument(Strict):
    """content/recommendations/<document>/document.yaml: the controlled document itself."""

    id: Slug
    title: Text
    short_title: Text
    meta: DocumentMeta
    regions: Annotated[list[RegionRef], Field(min_length=1)]
    intro: Text
    sources: Sources
