"""generate.sync_tree, and how generate() handles the process that renders English."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest

from painguide import generate
from painguide.labels import LANGS


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
    """What generate() needs of a Renderer, via the patched _render below."""


def fake_render(fail: dict[str, BaseException], slow: str = ""):  # type: ignore[no-untyped-def]
    def render(renderer: object, root: Path, lang: str) -> tuple[dict[str, str], str]:
        if lang == slow:
            time.sleep(1.5)
        if lang in fail:
            raise fail[lang]
        return {"index.md": f"# {lang}\n"}, f"# config {lang}\n"
    return render


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_generate_writes_every_language(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate, "_render", fake_render({}))
    assert generate.generate(FakeRenderer(), project) == {lang: (1, 0) for lang in LANGS}  # type: ignore[arg-type]
    assert (project / "docs" / "en" / "index.md").read_text(encoding="utf-8") == "# en\n"
    assert (project / "mkdocs.en.yml").read_text(encoding="utf-8") == "# config en\n"


class NotRebuildable(Exception):
    def __init__(self, a: str, b: str) -> None:
        super().__init__(f"{a} {b}")


@pytest.mark.parametrize("error", [NotRebuildable("x", "y"), SystemExit(3), KeyError("nosuch")], ids=["unpicklable", "exit", "bug"])
def test_a_failure_that_is_not_a_template_error_arrives_with_its_traceback(project: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    monkeypatch.setattr(generate, "_render", fake_render({"en": error}))
    with pytest.raises(RuntimeError) as info:
        generate.generate(FakeRenderer(), project)  # type: ignore[arg-type]
    assert "the 'en' pages failed" in str(info.value)
    assert type(error).__name__ in str(info.value) and "Traceback" in str(info.value)
    assert not (project / "docs" / "sv").exists() and not (project / "docs" / "en").exists()


def test_a_template_error_in_english_arrives_as_itself(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate, "_render", fake_render({"en": jinja2.UndefinedError("'x' is undefined")}))
    with pytest.raises(jinja2.UndefinedError, match="'x' is undefined"):
        generate.generate(FakeRenderer(), project)  # type: ignore[arg-type]


def test_a_swedish_failure_does_not_wait_for_english(project: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(generate, "_render", fake_render({"sv": jinja2.UndefinedError("sv broke")}, slow="en"))
    start = time.perf_counter()
    with pytest.raises(jinja2.UndefinedError):
        generate.generate(FakeRenderer(), project)  # type: ignore[arg-type]
    assert time.perf_counter() - start < 1.0
    time.sleep(0.2)
    assert "Error" not in capfd.readouterr().err  # the English process ends quietly
    assert not (project / "docs" / "en").exists()
    assert not [p for p in os.listdir(project) if p.startswith("mkdocs")]
