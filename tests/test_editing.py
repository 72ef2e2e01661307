"""Editing support: schemas in step with the models, scaffolding, review dates, release mode."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from painguide.build import Project, validate
from painguide.cli import main
from painguide.kinds import KINDS, get
from painguide.schema import schemas
from tiny import CODES, FIXTURE, LANGUAGES, ROOT


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schemas(LANGUAGES).items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"schemas/{name} is missing; run `make schema`"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is out of date; run `make schema`"


def test_every_content_file_names_its_schema() -> None:
    for path in (ROOT / "content").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.exists(), f"{path}: {target} does not exist"
        json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def run(content: Path, *args: str) -> int:
    return main(["--root", str(ROOT), "--content", str(content), *args])


# `painguide new`: every kind of the registry, from its archetype (archetypes/<kind>.yaml).
# Each case: (kind, id in the tiny fixture, id in the shipped content); None: no id (a
# single-file kind, whose file is removed first); SKIP: cannot be added to that project.
SKIP = "skip"
NEW_CASES = [
    ("page", "about", "about"),
    ("recommendation-document", "new-doc", "new-doc"),
    ("chapter", "demo/02-more", "regional-recommendation/11-follow-up"),
    ("pm", "new-pm", "new-pm"),
    ("patient-info", "new-leaflet", "new-leaflet"),
    ("training", "new-module", "new-module"),
    # The shipped content has a file for every profession, and modules teach their items.
    ("competence", "physician", SKIP),
    ("glossary", None, None),
    # A new catalogue, region list or reference list cannot replace one that other files
    # cite (their signs, regions and source files would be gone): see the new-project test.
    ("signs", SKIP, SKIP),
    ("regions", SKIP, SKIP),
    ("references", SKIP, SKIP),
    # Leaflets in both projects show the drawings a new figures.yaml would drop.
    ("figures", SKIP, SKIP),
]
CONTROLLED = {kind.name for kind in KINDS if kind.controlled}


def test_every_kind_has_an_archetype_that_names_its_schema() -> None:
    assert sorted(kind for kind, *_ in NEW_CASES) == sorted(kind.name for kind in KINDS)
    for kind in KINDS:
        path = ROOT / "archetypes" / f"{kind.name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json", path
        assert (ROOT / "schemas" / f"{kind.name}.schema.json").exists()
        if kind.controlled:
            assert "status: draft" in text and "release_blocker: true" in text, path


def test_the_content_guide_shows_the_archetypes() -> None:
    guide = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`make new KIND={kind.name}" in guide, kind.name
    for link in re.findall(r"\]\(\.\./(archetypes/[^)]*)\)", guide):
        assert (ROOT / link).exists(), link


def _fresh(tmp_path: Path, source: Path, kind: str, ident: str | None) -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    if ident is None:
        (target / get(kind).files).unlink()
    return target


# The pairs that are possible; the others are built by the new-project test below.
POSSIBLE = [(project, kind, ident) for kind, tiny_id, shipped_id in NEW_CASES
            for project, ident in (("tiny", tiny_id), ("shipped", shipped_id)) if ident != SKIP]


@pytest.mark.parametrize("project, kind, ident", POSSIBLE)
def test_new_file_validates_at_once_and_fails_release(tmp_path: Path, capsys: pytest.CaptureFixture[str], project: str,
                                                      kind: str, ident: str | None) -> None:
    content = _fresh(tmp_path, FIXTURE if project == "tiny" else ROOT / "content", kind, ident)
    assert run(content, "new", kind, *([ident] if ident else [])) == 0
    out = capsys.readouterr().out
    assert f"wrote {content / get(kind).files.split('/')[0]}" in out and "fill in every TODO" in out
    assert run(content, "validate") == 0, capsys.readouterr().err
    capsys.readouterr()
    assert run(content, "validate", "--release") == 1
    err = capsys.readouterr().err
    assert "a TODO marker is left in the text" in err
    if kind in CONTROLLED:
        assert "this draft is marked release_blocker" in err


def test_a_whole_new_project_from_archetypes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every kind, the single-file ones too, into an empty content folder: the files
    validate, name each other (regions, source file, signs, competence items) and render."""
    content = tmp_path / "content"
    content.mkdir()
    order = ["references", "regions", "glossary", "signs", "page index", "recommendation-document guide",
             "chapter guide/02-more", "competence nurse", "pm new-pm", "patient-info new-leaflet", "training new-module", "figures"]
    assert sorted(step.split()[0] for step in order) == sorted(kind.name for kind in KINDS)
    for step in order:
        assert run(content, "new", *step.split()) == 0, capsys.readouterr().err
    assert run(content, "validate") == 0, capsys.readouterr().err
    _, renderer, _ = validate(Project(root=ROOT, content_dir=content, today=dt.date.today()))
    for lang in CODES:
        pages = renderer.render(lang)
        assert {"pm/new-pm.md", "patient-info/new-leaflet.md", "training/new-module.md", "guide/more.md"} <= set(pages)
    path = content / "pm" / "new-pm.yaml"
    text = path.read_text(encoding="utf-8")
    schema = text.splitlines()[0].split("$schema=", 1)[1]
    assert (path.parent / schema).resolve() == ROOT / "schemas" / "pm.schema.json"
    assert f'date: "{dt.date.today().isoformat()}"' in text and "warning_signs: [new-sign]" in text
    assert "$" not in text.split("\n", 1)[1]


def test_new_writes_where_the_kinds_pattern_says(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(content, "new", "chapter", "demo/02-follow-up") == 0
    chapter = (content / "recommendations" / "demo" / "02-follow-up.yaml").read_text(encoding="utf-8")
    assert "\nid: follow-up\n" in chapter and "Chapter 02 " in chapter and "id: R-FOLLOWUP-1" in chapter
    assert run(content, "new", "recommendation-document", "second") == 0
    assert (content / "recommendations" / "second" / "01-introduction.yaml").exists()
    assert run(content, "new", "pm", "new-pm") == 0
    assert "  - id: NEW-PM-1 " in (content / "pm" / "new-pm.yaml").read_text(encoding="utf-8")
    assert run(content, "validate") == 0, capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["page", "about"], "already exists"),  # after the first run below
    (["glossary"], "already exists"),
    (["glossary", "terms"], "is a single file, content/glossary.yaml; give no id"),
    (["pm"], "give the new file's id: .venv/bin/painguide new pm <id> (or make new KIND=pm ID=<id>)"),
    (["pm", "New_PM"], "must be lower-case letters, digits and hyphens"),
    (["pm", "a/b"], "a pm is named <id>"),
    (["chapter", "demo/2-more"], "a chapter is named <document>/NN-<chapter>"),
    (["chapter", "nodoc/02-more"], "start it with `.venv/bin/painguide new recommendation-document nodoc`"),
])
def test_new_refuses_with_a_usage_error(content: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert run(content, "new", "page", "about") == 0
    before = sorted(content.rglob("*"))
    assert run(content, "new", *args) == 2
    assert message in capsys.readouterr().err
    assert sorted(content.rglob("*")) == before


def test_new_offers_exactly_the_registrys_kinds(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(content, "new", "recommendation", "x")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'recommendation'" in err and all(kind.name in err for kind in KINDS)


def render_with_today(content: Path, today: str) -> dict[str, str]:
    project = Project(root=ROOT, content_dir=content, today=dt.date.fromisoformat(today))
    _, renderer, problems = validate(project)
    return {lang: renderer.render(lang)["demo/basics.md"] for lang in CODES} | {"warnings": "\n".join(map(str, problems.warnings))}


def test_review_notice_within_six_months_of_expiry(content: Path) -> None:
    out = render_with_today(content, "2027-09-01")
    assert "Dokumentet ska ses över" in out["sv"] and "2028-01-15" in out["sv"]
    assert "This document is due for review" in out["en"]
    assert "demo/document.yaml:11:16: warning: meta.valid_until: the document is valid until 2028-01-15; start its review now" in out["warnings"]


def test_no_notice_long_before_expiry(content: Path) -> None:
    out = render_with_today(content, "2026-11-23")
    assert "ses över" not in out["sv"] and "Expired" not in out["en"] and not out["warnings"]


def test_expired_banner_and_release_error(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = render_with_today(content, "2028-02-01")
    assert "Giltighetstiden har gått ut – kontakta dokumentägaren" in out["sv"]
    assert "Expired – check with the document owner" in out["en"]
    capsys.readouterr()
    assert run(content, "validate", "--today", "2028-02-01") == 0
    assert "warning: meta.valid_until: the document expired on 2028-01-15" in capsys.readouterr().err
    assert run(content, "validate", "--today", "2028-02-01", "--release") == 1
    assert "meta.valid_until: the document expired on 2028-01-15" in capsys.readouterr().err
