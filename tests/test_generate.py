"""generate.sync_tree, and generate(): every language rendered before any is written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest

from painguide import generate
from tiny import CODES, LANGUAGES


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def test_sync_tree_writes_changes_only_and_removes_what_is_no_longer_generated(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    assert generate.sync_tree(target, {"a.md": "A", "pm/b.md": "B", "old/deep/c.md": "C"}) == (3, 0)
    stamp = (target / "a.md").stat().st_mtime_ns
    time.sleep(0.01)
    assert generate.sync_tree(target, {"a.md": "A", "pm/b.md": "B2", "./pm//d.md": "D"}) == (2, 1)
    assert tree(target) == {"a.md": "A", "pm/b.md": "B2", "pm/d.md": "D"}
    assert (target / "a.md").stat().st_mtime_ns == stamp
    assert not (target / "old").exists()


def test_sync_tree_after_an_interrupted_run(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    generate.sync_tree(target, {"a.md": "old", "b.md": "B"})
    (target / "a.md.tmp").write_text("half", encoding="utf-8")
    (target / "b.md.tmp").write_text("half", encoding="utf-8")
    (target / "empty" / "folder").mkdir(parents=True)
    assert generate.sync_tree(target, {"a.md": "new", "b.md": "B"}) == (1, 1)
    assert tree(target) == {"a.md": "new", "b.md": "B"}
    assert not (target / "empty").exists()


class FakeRenderer:
    """What generate() needs of a Renderer: its languages, pages and MkDocs config."""

    def __init__(self, fail: str = "") -> None:
        self.languages = LANGUAGES
        self.fail = fail

    def render(self, lang: str) -> dict[str, str]:
        if lang == self.fail:
            raise jinja2.UndefinedError(f"{lang} broke")
        return {"index.md": f"# {lang}\n"}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    monkeypatch.setattr(generate, "language_config", lambda renderer, language, root: f"# config {language.code}\n")
    return tmp_path


def test_generate_writes_every_language(project: Path) -> None:
    assert generate.generate(FakeRenderer(), project) == {lang: (1, 0) for lang in CODES}  # type: ignore[arg-type]
    for lang in CODES:
        assert (project / "docs" / lang / "index.md").read_text(encoding="utf-8") == f"# {lang}\n"
        assert (project / f"mkdocs.{lang}.yml").read_text(encoding="utf-8") == f"# config {lang}\n"


@pytest.mark.parametrize("failing", CODES)
def test_a_template_error_in_any_language_writes_nothing(project: Path, failing: str) -> None:
    with pytest.raises(jinja2.UndefinedError, match=f"{failing} broke"):
        generate.generate(FakeRenderer(fail=failing), project)  # type: ignore[arg-type]
    assert not [p for p in (project / "docs").iterdir()]
    assert not [p for p in os.listdir(project) if p.startswith("mkdocs")]
