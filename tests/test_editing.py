"""Editing support: schemas in step with the models, scaffolding, review dates, release mode."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from painguide.build import Project, validate
from painguide.cli import main
from painguide.labels import LANGS
from painguide.schema import schemas
from tiny import FIXTURE, ROOT


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"schemas/{name} is missing; run `painguide schema`"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is out of date; run `painguide schema`"


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


@pytest.mark.parametrize("kind, ident", [("page", "about"), ("recommendation", "new-doc"), ("chapter", "demo/02-more")])
def test_new_file_validates_at_once_and_fails_release(content: Path, capsys: pytest.CaptureFixture[str], kind: str, ident: str) -> None:
    assert run(content, "new", kind, ident) == 0
    assert run(content, "validate") == 0
    capsys.readouterr()
    assert run(content, "validate", "--release") == 1
    err = capsys.readouterr().err
    assert "a TODO marker is left in the text" in err
    if kind == "recommendation":
        assert "this draft is marked release_blocker" in err


def test_new_refuses_to_overwrite(content: Path) -> None:
    assert run(content, "new", "page", "about") == 0
    assert run(content, "new", "page", "about") == 2


def render_with_today(content: Path, today: str) -> dict[str, str]:
    project = Project(root=ROOT, content_dir=content, today=dt.date.fromisoformat(today))
    _, renderer, problems = validate(project)
    return {lang: renderer.render(lang)["demo/basics.md"] for lang in LANGS} | {"warnings": "\n".join(map(str, problems.warnings))}


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
