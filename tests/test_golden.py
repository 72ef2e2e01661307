"""Golden tests: the tiny fixture renders to exactly the committed Markdown.

After an intended change to templates or labels, refresh with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os

import pytest

from painguide.checks import check_site
from painguide.content import load_site
from painguide.errors import Problems
from painguide.generate import language_config
from painguide.labels import load_labels
from painguide.render import Renderer
from tiny import FIXTURE, ROOT, TODAY, LANGUAGES

GOLDEN = ROOT / "tests" / "golden"


def rendered() -> dict[str, str]:
    problems = Problems(ROOT)
    site = load_site(FIXTURE, problems, LANGUAGES)
    labels = load_labels(ROOT / "macros", problems, LANGUAGES)
    check_site(site, problems, TODAY)
    assert not problems, [str(p) for p in problems.errors]
    renderer = Renderer(site, ROOT / "macros", labels, TODAY)
    out = {}
    for language in LANGUAGES:
        lang = language.code
        out.update({f"{lang}/{path}": text for path, text in renderer.render(lang).items()})
        out[f"mkdocs.{lang}.yml"] = language_config(renderer, language, ROOT)
    return out


def test_generated_markdown_matches_golden() -> None:
    actual = rendered()
    if os.environ.get("UPDATE_GOLDEN"):
        for path in GOLDEN.rglob("*"):
            if path.is_file():
                path.unlink()
        for rel, text in actual.items():
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(actual) == sorted(expected), "the set of generated files changed"
    for rel in sorted(expected):
        assert actual[rel] == expected[rel], f"{rel} differs from tests/golden/{rel}"


def test_every_page_exists_in_every_language() -> None:
    actual = rendered()
    pages = [{k.split("/", 1)[1] for k in actual if k.startswith(f"{lang.code}/")} for lang in LANGUAGES]
    assert len(pages) > 1 and pages[0] and all(p == pages[0] for p in pages)


def test_changing_a_checklist_item_changes_the_checklist_page(tmp_path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    chapter = content / "recommendations" / "demo" / "01-basics.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("Gäller båda.", "Ändrad punkt."), encoding="utf-8")
    problems = Problems(tmp_path)
    site = load_site(content, problems, LANGUAGES)
    renderer = Renderer(site, ROOT / "macros", load_labels(ROOT / "macros", problems, LANGUAGES), TODAY)
    page = renderer.render("sv")["checklists/demo-check.md"]
    assert "Ändrad punkt." in page and "Gäller båda." not in page
    chapter_page = renderer.render("sv")["demo/basics.md"]
    assert "Ändrad punkt." in chapter_page
