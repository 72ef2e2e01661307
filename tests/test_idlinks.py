"""Links between pages by id (painguide/idlinks.py): `[text](pm:dressing#DRESS-1)` in any
text becomes a relative link in the reader's language, from wherever the text is shown;
`painguide validate` names the line and column of a link that names no page or anchor,
and of a link that names a page by its path."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from minimal_tree import CHAPTER, INDEX_PAGE, PM, SIGNS, edit, write, write_tree
from painguide.build import Project, validate
from test_bad_inputs import TODAY, run

PM_FILE = "pm/dressing.yaml"

# The step's texts are block scalars, so that a link's line is not its field's line.
STEP = """\
  - id: DRESS-1
    text:
      sv: |-
        Tvätta händerna.
        Se [tecknen](signs:#fever) och [steget](pm:dressing#DRESS-1).
      en: |-
        Wash your hands.
        See [the signs](signs:#fever) and [the step](pm:dressing#DRESS-1).
"""
LINKED_PM = edit(PM, "  - text: {sv: Tvätta händerna., en: Wash your hands.}\n", STEP)

LINKED_CHAPTER = edit(CHAPTER, "      sv: Gör så här.\n      en: Do this.\n",
                      "      sv: Gör [steget](id:DRESS-1).\n      en: Do [the step](id:DRESS-1).\n")

HOME_LINKS = "[PM](pm:) [steg](pm:dressing#DRESS-1) [e-post](mailto:a@example.org) [webb](https://example.org) [ring](tel:112) [upp](#top) `[kod](pm:no-such-pm)`"
LINKED_HOME = edit(edit(INDEX_PAGE, "  sv: Välkommen.\n", f"  sv: Välkommen. {HOME_LINKS}\n"),
                   "  en: Welcome.\n", f"  en: Welcome. {HOME_LINKS}\n")

# A sign's words are made HTML for its table cell, where MkDocs rewrites no links.
SIGN_ACTION = "staff: {sign: {sv: Feber, en: Fever}, action: {sv: Ring., en: Call.}}"
LINKED_SIGNS = edit(SIGNS, SIGN_ACTION, 'staff: {sign: {sv: Feber, en: Fever}, action: {sv: "Se [PM](pm:dressing).", en: "See [the PM](pm:dressing)."}}')


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, PM_FILE, LINKED_PM)
    write(root, "recommendations/rec/01-scope.yaml", LINKED_CHAPTER)
    write(root, "pages/index.yaml", LINKED_HOME)
    write(root, "warning-signs.yaml", LINKED_SIGNS)
    return root


def at(text: str, needle: str, nth: int = 0) -> str:
    """line:col of the nth needle in a fixture's text, as the report gives it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    return f"{line}:{start - text.rfind(chr(10), 0, start)}"


def test_links_by_id_are_valid(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_an_unknown_pm_names_the_line_and_column_of_the_link(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_PM, "[steget](pm:dressing#DRESS-1)", "[steget](pm:no-such-pm)")
    write(project, PM_FILE, text)
    code, lines = run(project, capsys)
    assert code == 1
    assert lines == [f"content/{PM_FILE}:{at(text, 'pm:no-such-pm')}: steps[0].text.sv: no pm page has the id 'no-such-pm'"]
    line = int(at(text, "pm:no-such-pm").split(":")[0])
    assert line == int(at(text, "sv: |-").split(":")[0]) + 2  # the block's second line, not its first


def test_a_misspelt_id_gets_a_hint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, PM_FILE, edit(LINKED_PM, "[the step](pm:dressing#DRESS-1)", "[the step](pm:dresing#DRESS-1)"))
    _, lines = run(project, capsys)
    assert lines == [f"content/{PM_FILE}:{at(LINKED_PM, 'pm:dressing#DRESS-1', 1)}: steps[0].text.en: "
                     "no pm page has the id 'dresing'; did you mean 'dressing'?"]


def test_an_unknown_kind_is_an_error_with_a_hint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_HOME, "  sv: Välkommen. [PM](pm:)", "  sv: Välkommen. [PM](pmm:)")
    write(project, "pages/index.yaml", text)
    code, lines = run(project, capsys)
    assert code == 1
    # Found while the file is read (painguide/safetext.py), so at the start of its text.
    assert lines == [f"content/pages/index.yaml:{at(text, 'Välkommen')}: body.sv: link 'pmm:' uses pmm:; did you mean 'pm:'? "
                     "links may only use https:, mailto: or tel:, or name a page of the site by id (pm:<id>; see content/README.md)"]


def test_an_unknown_anchor_gets_a_hint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_PM, "[tecknen](signs:#fever)", "[tecknen](signs:#fevr)")
    text = edit(text, "[the step](pm:dressing#DRESS-1)", "[the step](pm:dressing#DRESS-2)")
    write(project, PM_FILE, text)
    _, lines = run(project, capsys)
    assert lines == [
        f"content/{PM_FILE}:{at(text, 'signs:#fevr')}: steps[0].text.sv: no '#fevr' on signs:; did you mean 'fever'?",
        f"content/{PM_FILE}:{at(text, 'pm:dressing#DRESS-2')}: steps[0].text.en: no '#DRESS-2' on pm:dressing; did you mean 'DRESS-1'?",
    ]


def test_an_unknown_cited_id_gets_a_hint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_CHAPTER, "[the step](id:DRESS-1)", "[the step](id:DRES-1)")
    write(project, "recommendations/rec/01-scope.yaml", text)
    _, lines = run(project, capsys)
    assert len(lines) == 1
    assert lines[0].startswith(f"content/recommendations/rec/01-scope.yaml:{at(text, 'id:DRES-1')}: blocks[0].text.en: unknown id 'DRES-1'; ")
    assert lines[0].endswith("did you mean 'DRESS-1'?")


def test_a_link_by_path_is_an_error_that_names_the_id_form(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_HOME, "  en: Welcome. [PM](pm:)", "  en: Welcome. [PM](pm/index.md)")
    write(project, "pages/index.yaml", text)
    _, lines = run(project, capsys)
    assert lines == [f"content/pages/index.yaml:{at(text, 'pm/index.md')}: body.en: 'pm/index.md' names a page by its path; write [text](pm:) instead"]


def test_a_relative_link_to_another_page_from_a_subfolder_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LINKED_PM, "[steget](pm:dressing#DRESS-1)", "[steget](../rec/scope.md)")
    write(project, PM_FILE, text)
    _, lines = run(project, capsys)
    assert lines == [f"content/{PM_FILE}:{at(text, '../rec/scope.md')}: steps[0].text.sv: '../rec/scope.md' names a page by its path; "
                     "write [text](chapter:rec/scope) instead"]


def rendered(root: Path) -> dict[str, dict[str, str]]:
    _, renderer, _ = validate(Project(root=root, today=dt.date.fromisoformat(TODAY)))
    return {lang.code: renderer.render(lang.code) for lang in renderer.languages}


def test_links_become_relative_in_every_language(project: Path) -> None:
    pages = rendered(project)
    assert set(pages) == {"sv", "en"}
    for lang, out in pages.items():
        home, pm, chapter = out["index.md"], out["pm/dressing.md"], out["rec/scope.md"]
        # From the root page.
        assert "](pm/index.md)" in home and "](pm/dressing.md#dressing-step-1)" in home
        # From a page in a subfolder, to another folder and to the root.
        assert "](../pm/dressing.md#dressing-step-1)" in chapter
        assert "](../warning-signs.md#sign-fever)" in pm and "](dressing.md#dressing-step-1)" in pm
        # In HTML (a sign's words in its table cell): from URL to URL, which MkDocs leaves alone.
        assert '<a href="../pm/dressing/">' in out["warning-signs.md"]
        assert '<a href="./">' in pm
        left = [m.group() for text in out.values() for m in re.finditer(r'(?:\]\(|href=")(?:pm|signs|id):[^)"]*', text)]
        assert left == ["](pm:no-such-pm"], lang  # the one in a code span


def test_other_links_and_code_are_left_as_written(project: Path) -> None:
    for out in rendered(project).values():
        home = out["index.md"]
        for kept in ("](mailto:a@example.org)", "](https://example.org)", "](tel:112)", "](#top)", "`[kod](pm:no-such-pm)`"):
            assert kept in home


def test_reference_links_and_fenced_code(project: Path) -> None:
    _, renderer, _ = validate(Project(root=project, today=dt.date.fromisoformat(TODAY)))
    text = "See [the step][s] and [signs](<signs:#fever>).\n\n[s]: id:DRESS-1\n\n```\n[x](pm:dressing)\n```\n"
    assert renderer.links.rewrite(text, "rec/scope.md") == (
        "See [the step][s] and [signs](<../warning-signs.md#sign-fever>).\n\n[s]: ../pm/dressing.md#dressing-step-1\n\n```\n[x](pm:dressing)\n```\n")
