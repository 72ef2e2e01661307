"""The registry is complete: a plain controlled kind is one registry line, one model, one
template and its labels, and a kind that could render nothing is an error at start-up."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from painguide import kinds
from painguide.build import Project, build
from painguide.cli import main
from painguide.kinds import Kind
from painguide.schema import schemas
from tiny import LANGUAGES, TODAY, make_project

MODEL = '''\
from painguide.model.common import DocumentMeta, Slug, Strict, Text


class Card(Strict):
    """A bedside card."""

    id: Slug
    title: Text
    meta: DocumentMeta
    body: Text
'''

TEMPLATE = """\
{#- A bedside card.

Context:
  item (Card): the card.
  meta (DocumentMeta): its document metadata.
  lang (str), L (labels), title (str): as on every page.
-#}
{% import "_shared.md.j2" as m with context %}
{{ m.front_matter(title) }}

# {{ title }}

{{ item.body[lang] }}

{{ L.card_version }} {{ meta.version }}
"""

CARD = """\
id: bedside
title: {sv: Kort vid sängen, en: Bedside card}
meta:
  version: "0.1"
  status: draft
  owner: {sv: Redaktionen, en: The editors}
  changelog:
    - version: "0.1"
      date: 2026-11-01
      text: {sv: Första utkast., en: First draft.}
body: {sv: Ring sjuksköterskan., en: Call the nurse.}
"""


@pytest.fixture
def card_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    # The model: one module.
    (tmp_path / "cardkind").mkdir()
    (tmp_path / "cardkind" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "cardkind" / "card.py").write_text(MODEL, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # The template and the labels.
    (root / "macros" / "card.md.j2").write_text(TEMPLATE, encoding="utf-8")
    for code, nav, name in (("sv", "Kort", "Kort vid sängen"), ("en", "Cards", "Bedside card")):
        with (root / "macros" / "labels" / f"{code}.yaml").open("a", encoding="utf-8") as f:
            f.write(f"nav_cards: {nav}\nkind_card: {name}\ncard_version: Version\n")
    # The registry line.
    card = Kind("card", "cards/*.yaml", "cardkind.card:Card", "card.md.j2", "cards/{id}.md", nav="nav_cards", controlled=True)
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, card))
    (root / "content" / "cards").mkdir()
    (root / "content" / "cards" / "bedside.yaml").write_text(CARD, encoding="utf-8")
    yield root
    sys.modules.pop("cardkind.card", None)
    sys.modules.pop("cardkind", None)


def test_a_plain_kind_is_a_registry_line_a_model_a_template_and_labels(card_project: Path) -> None:
    site = card_project / "site"
    build(Project(root=card_project, today=TODAY), site)
    for lang in LANGUAGES:
        page = (site / lang.prefix / "cards" / "bedside" / "index.html").read_text(encoding="utf-8")
        assert ("Ring sjuksköterskan." if lang.primary else "Call the nurse.") in page
        assert re.search(r'class="md-ellipsis">\s*(Kort|Cards)\s*<', page)  # its navigation section
        register = json.loads((site / lang.prefix / "api" / "documents.json").read_text(encoding="utf-8"))
        card = next(d for d in register["documents"] if d["id"] == "bedside")
        assert card["kind"] == "card" and card["url"][lang.code] == f"/{lang.prefix}cards/bedside/"
        assert "cards/bedside" in (site / lang.prefix / "documents" / "index.html").read_text(encoding="utf-8")
    assert "card.schema.json" in schemas(LANGUAGES)
    assert "card" in json.loads(schemas(LANGUAGES)["documents-api.schema.json"])["$defs"]["ApiDocument"]["properties"]["kind"]["enum"]


def test_its_errors_are_located_like_any_other(card_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = card_project / "content" / "cards" / "bedside.yaml"
    card.write_text(CARD.replace("body: {sv: Ring sjuksköterskan., en: Call the nurse.}", "body: {sv: Ring sjuksköterskan.}"), encoding="utf-8")
    assert main(["--root", str(card_project), "validate", "--today", TODAY.isoformat()]) == 1
    assert "content/cards/bedside.yaml:11:7: body.en: the English text (en:) is missing" in capsys.readouterr().err


def test_a_kind_with_a_template_and_no_pages_is_an_error_at_start_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    lost = Kind("lost", "lost/*.yaml", "painguide.model.shared:Page", "page.md.j2", "lost/{id}.md")
    line = sys._getframe().f_lineno - 1
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, lost))
    assert main(["--root", str(root), "validate", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"{__file__}:{line}:1: lost: kind 'lost' has the template page.md.j2 but no pages; give it nav=" in err, err


def test_every_shipped_kind_with_a_template_has_pages() -> None:
    for kind in kinds.KINDS:
        if kind.template:
            assert kind.load_planner() is not None or kind.part_of, kind.name


def test_a_label_the_kind_needs_is_an_error_at_its_registry_line(card_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = card_project / "macros" / "labels"
    for code in ("sv", "en"):
        path = labels / f"{code}.yaml"
        path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("kind_card:")), encoding="utf-8")
    assert main(["--root", str(card_project), "validate", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    line = next(kind for kind in kinds.KINDS if kind.name == "card").declared_at[1]
    assert f"{__file__}:{line}:1: card: kind 'card' needs the label 'kind_card' in macros/labels/sv.yaml" in err, err
