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

from pydantic import BaseModel, ConfigDict

from painguide.checks import review_state
from painguide.model.common import DocumentMeta, Status, Text

ReviewState = Literal["current", "review", "expired", "not-approved", "retired"]


@dataclass
class Entry:
    id: str
    kind: str
    """recommendation-document, checklist or pm (later patient-info, training)."""
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


class ApiDocument(_Api):
    id: str
    kind: Literal["recommendation-document", "checklist", "pm", "signs", "patient-info", "training", "competence"]
    title: dict[str, str]
    """Title per language code (sv, en)."""
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


def url(path: str, lang: str) -> str:
    """/pm/x/ for pm/x.md (directory URLs), with /en/ in front for English."""
    stem = path.removesuffix(".md").removesuffix("index")
    page = f"/{stem}/" if stem and not stem.endswith("/") else f"/{stem}"
    return page if lang == "sv" else f"/{lang}{page}"


def api_json(entries: list[Entry], langs: tuple[str, ...], today: dt.date) -> str:
    docs = [
        ApiDocument(
            id=e.id, kind=e.kind,  # type: ignore[arg-type]
            title={lang: " ".join(e.title[lang].split()) for lang in langs},
            url={lang: url(e.path, lang) for lang in langs},
            version=e.meta.version, status=e.meta.status.value,  # type: ignore[arg-type]
            owner={lang: " ".join(e.meta.owner[lang].split()) for lang in langs},
            approved=e.meta.approved, valid_until=e.meta.valid_until,
            review_state=state(e.meta, today),
        )
        for e in entries
    ]
    return Register(schema_version=1, generated=today, documents=docs).model_dump_json(indent=2) + "\n"


def api_schema() -> dict[str, Any]:
    return Register.model_json_schema(mode="serialization")
