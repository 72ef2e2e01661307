"""Where statements come from, and which a clinical reviewer has signed off.

Every statement (painguide.model.common.Statement) has a basis. Those that are not from
the sources are marked on the page, listed in the review queue (/review/), and keep an
approved document from release until a reviewer's sign-off in the document's
`meta.reviews` names them. This module finds them; checks.py and render.py use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from painguide.model.care import Caution, Step
from painguide.model.common import Basis, DocumentMeta, SignOff, Statement, Status
from painguide.model.leaflet import Question
from painguide.model.signs import Sign
from painguide.model.training import CompetenceItem, Expected, RoleLevel
from painguide.walk import Loc, models


@dataclass
class Found:
    """One statement of a document, with its key (None when it has no id to be named by)."""

    key: str | None
    loc: Loc
    statement: Statement


def statements(document: BaseModel) -> Iterator[Found]:
    """Every statement in a document, in document order."""
    owners: dict[Loc, BaseModel] = {}
    for loc, obj in models(document):
        owners[loc] = obj
        if not isinstance(obj, Statement):
            continue
        ident = getattr(obj, "id", None)
        if ident is None and loc:
            owner = owners.get(loc[:-1])
            owner_id = getattr(owner, "id", None)
            if owner_id is not None and owner is not document:
                ident = f"{owner_id}/{loc[-1]}"
        yield Found(ident, loc, obj)


def signed_off(meta: DocumentMeta) -> dict[str, SignOff]:
    """Statement key → the sign-off that names it (the latest, when several do)."""
    found: dict[str, SignOff] = {}
    for review in sorted(meta.reviews, key=lambda r: r.date):
        for key in review.statements:
            found[key] = review
    return found


def statement_text(statement: Statement, lang: str, labels: dict[str, str]) -> list[str]:
    """What a reviewer reads: the statement's own words, every wording of a sign."""
    if isinstance(statement, Sign):
        parts = [f"{labels['queue_staff_wording']}: {statement.staff.sign[lang]} → {statement.staff.action[lang]}"]
        if statement.patient:
            parts.append(f"{labels['queue_patient_wording']}: {statement.patient.sign[lang]} → {statement.patient.action[lang]}")
        if statement.dying_phase:
            parts.append(f"{labels['dying_phase']}: {statement.dying_phase.staff[lang]}")
        return parts
    if isinstance(statement, Question):
        return [statement.question[lang], statement.answer[lang]]
    if isinstance(statement, RoleLevel):
        return [f"{statement.who[lang]}: {labels['level_' + statement.value.value]}"]
    if isinstance(statement, Expected):
        return [f"{labels['expected_level']}: {labels['level_' + statement.value.value]}"]
    if isinstance(statement, (Step, Caution, CompetenceItem)):
        return [statement.text[lang]]
    text = getattr(statement, "text", None)
    return [text[lang]] if text is not None else []


@dataclass
class QueueEntry:
    key: str
    line: int
    statement: Statement
    review: SignOff | None


@dataclass
class QueueDocument:
    kind: str
    item: Any
    """The Loaded content file."""
    path: str
    """Its page's Markdown path."""
    file: str
    """Its content file, as the editor knows it: content/pm/cassette-change.yaml."""
    entries: list[QueueEntry]

    @property
    def reviewed(self) -> int:
        return sum(1 for e in self.entries if e.review is not None)


_ID_LINE = re.compile(r"^[ -]*id:[ ]*['\"]?([A-Za-z0-9][A-Za-z0-9-]*)['\"]?[ ]*$", re.M)


def id_lines(text: str) -> dict[str, int]:
    """Each `id:` in a file's text → the offset of its line."""
    return {m.group(1): m.start() for m in _ID_LINE.finditer(text)}


def line_of(doc: Any, key: str, loc: Loc, ids: dict[str, int] | None = None) -> int:
    """The line a statement starts on, as the position-tracking parser places it: its `id:`
    line (for CASS-2/caution, the `caution:` mapping after it), found in the text (ids:
    id_lines of it, when several are looked up). Placing every statement of every file
    with that parser cost about 8 ms a file; it answers only when the search finds nothing."""
    ident, _, field = key.partition("/")
    text = doc.text
    offset = (ids if ids is not None else id_lines(text)).get(ident)
    if offset is None:
        return doc.locate(loc)[0]
    line = text.count("\n", 0, offset) + 1
    if not field:
        return line
    for n, row in enumerate(text[offset:].split("\n")[1:], start=line + 1):
        key_part, colon, rest = row.lstrip(" -").partition(":")
        if colon and key_part == field:
            return n if rest.strip() else n + 1  # a block mapping starts on the line below its key
    return doc.locate(loc)[0]


def queue(documents: list[tuple[str, Any, str]], root: Path) -> tuple[list[QueueDocument], dict[Basis, int]]:
    """The review queue: per document (kind, Loaded, page path), every marked statement with
    its line and sign-off, in document order (documents with none are left out); and how many
    statements of these documents rest on each basis."""
    out: list[QueueDocument] = []
    tally = {basis: 0 for basis in Basis}
    for kind, item, path in documents:
        meta = getattr(item.model, "meta", None)
        reviews = signed_off(meta) if meta else {}
        ids = id_lines(item.doc.text)
        entries = []
        for found in statements(item.model):
            tally[found.statement.grounds] += 1
            if found.statement.marked and found.key is not None:
                line = line_of(item.doc, found.key, found.loc, ids)
                entries.append(QueueEntry(found.key, line, found.statement, reviews.get(found.key)))
        if entries:
            file = f"{root.name}/{item.path.relative_to(root).as_posix()}"
            out.append(QueueDocument(kind, item, path, file, entries))
    return out, tally


def is_approved(meta: DocumentMeta | None) -> bool:
    return meta is not None and meta.status is Status.approved
