"""`painguide new <kind> <id>`: a valid draft file to start from, with TODO markers.

The file validates at once, so the site keeps building while it is being written, and
fails `painguide build --release` until every TODO is replaced.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

TODO_TEXT = "{sv: 'TODO: skriv på svenska', en: 'TODO: write in English'}"

_PAGE = """\
# yaml-language-server: $schema=../../schemas/page.schema.json
id: {id}
title: {{sv: 'TODO: rubrik', en: 'TODO: title'}}
body: {todo}
"""

_DOCUMENT = """\
# yaml-language-server: $schema=../../../schemas/recommendation-document.schema.json
id: {id}
title: {{sv: 'TODO: rubrik', en: 'TODO: title'}}
short_title: {{sv: 'TODO: kort rubrik', en: 'TODO: short title'}}
meta:
  version: "0.1"
  status: draft
  release_blocker: true
  owner: {todo}
  changelog:
    - version: "0.1"
      date: {today}
      text: {{sv: Första utkast., en: First draft.}}
regions: [{regions}]
intro: {todo}
sources:
  - file: {source}
    section: 'TODO: avsnitt / section'
"""

_CHAPTER = """\
# yaml-language-server: $schema=../../../schemas/chapter.schema.json
id: {id}
title: {{sv: 'TODO: kapitelrubrik', en: 'TODO: chapter title'}}
sources:
  - file: {source}
    section: 'TODO: avsnitt / section'
blocks:
  - type: text
    body: {todo}
"""

KINDS = ("page", "recommendation", "chapter")


class ScaffoldError(Exception):
    pass


def _slug(text: str, what: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        raise ScaffoldError(f"{what} '{text}' must be lower-case letters, digits and hyphens")
    return text


def new(content: Path, kind: str, ident: str, today: dt.date, regions: list[str], source: str) -> list[Path]:
    fields = {"todo": TODO_TEXT, "today": today.isoformat(), "regions": ", ".join(regions), "source": source}
    if kind == "page":
        files = {content / "pages" / f"{_slug(ident, 'page id')}.yaml": _PAGE.format(id=ident, **fields)}
    elif kind == "recommendation":
        folder = content / "recommendations" / _slug(ident, "document id")
        files = {
            folder / "document.yaml": _DOCUMENT.format(id=ident, **fields),
            folder / "01-introduction.yaml": _CHAPTER.format(id="introduction", **fields),
        }
    elif kind == "chapter":
        document, _, name = ident.partition("/")
        match = re.fullmatch(r"(\d\d)-([a-z0-9][a-z0-9-]*)", name)
        if not match:
            raise ScaffoldError("a chapter is named <document>/<NN>-<chapter-id>, for example regional-recommendation/11-follow-up")
        folder = content / "recommendations" / _slug(document, "document id")
        if not (folder / "document.yaml").exists():
            raise ScaffoldError(f"there is no document {folder / 'document.yaml'}")
        files = {folder / f"{name}.yaml": _CHAPTER.format(id=match.group(2), **fields)}
    else:
        raise ScaffoldError(f"unknown kind '{kind}'; choose one of {', '.join(KINDS)}")
    for path in files:
        if path.exists():
            raise ScaffoldError(f"{path} already exists")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
