"""The document register: every controlled document with its version, status, owner and
review state, for the /documents/ page and for /api/documents.json.

The JSON is a stable interface for the regions' document systems. Its shape is the
`Register` model below, published as schemas/documents-api.schema.json; a field is only
ever added, never renamed or removed, without raising `schema_version`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from painguide import kinds
from painguide.languages import Languages, url as language_url
from painguide.model.common import DocumentMeta, Status, Text, review_state

ReviewState = Literal["current", "review", "expired", "not-approved", "retired"]


@dataclass
class Entry:
    id: str
    kind: str
    """A controlled kind's name (painguide/kinds.py), or checklist."""
    title: Text
    path: str
    """Markdown path of its page, the same in every language."""
    meta: DocumentMeta


def state(meta: DocumentMeta, today: dt.date) -> ReviewState:
    if meta.status is Status.retired:
        return "retired"
    if meta.valid_until is None or meta.status is Status.draft:
        return "not-approved"
    return {"expired": "expired", "review": "review"}.get(review_state(meta, today) or "", "current")  # type: ignore[return-value]


class _Api(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


def document_kinds() -> list[str]:
    """What a register entry can be: a controlled kind, or a checklist with a page of its own."""
    return [kind.name for kind in kinds.KINDS if kind.controlled] + ["checklist"]


class ApiDocument(_Api):
    model_config = ConfigDict(json_schema_extra=lambda schema: schema["properties"]["kind"].update(enum=document_kinds()))

    id: str
    kind: str
    """A controlled content kind, or checklist."""
    title: dict[str, str]
    """Title per language code (sv, en)."""

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in document_kinds():
            raise ValueError(f"'{value}' is not a controlled kind; mark its Kind controlled=True")
        return value
    url: dict[str, str]
    """Path of the document's page from the site's root, per language."""
    version: str
    status: Literal["draft", "approved", "retired"]
    owner: dict[str, str]
    approved: dt.date | None
    valid_until: dt.date | None
    review_state: ReviewState
    """current; review (expires within 6 months); expired; not-approved (a draft); retired."""


class Register(_Api):
    """/api/documents.json: the site's controlled documents."""

    schema_version: Literal[1]
    generated: dt.date
    documents: list[ApiDocument]


def api_json(entries: list[Entry], languages: Languages, today: dt.date) -> str:
    docs = [
        ApiDocument(
            id=e.id, kind=e.kind,
            title={lang.code: " ".join(e.title[lang.code].split()) for lang in languages},
            url={lang.code: language_url(e.path, lang) for lang in languages},
            version=e.meta.version, status=e.meta.status.value,  # type: ignore[arg-type]
            owner={lang.code: " ".join(e.meta.owner[lang.code].split()) for lang in languages},
            approved=e.meta.approved, valid_until=e.meta.valid_until,
            review_state=state(e.meta, today),
        )
        for e in entries
    ]
    return Register(schema_version=1, generated=today, documents=docs).model_dump_json(indent=2) + "\n"


def api_schema() -> dict[str, Any]:
    return Register.model_json_schema(mode="serialization")
