"""The home page's doors lead to pages by name: an unknown kind or view, or an id no file
of the kind has, is a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_tree import INDEX_PAGE, edit, write, write_tree
from test_bad_inputs import run

DOORS = """\
doors:
  - title: {sv: Patienter, en: Patients}
    text: {sv: Om behandlingen., en: About the treatment.}
    to: pm
    also:
      - text: {sv: Rekommendationen, en: The recommendation}
        to: recommendation-document
        id: rec
body:
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, "pages/index.yaml", edit(INDEX_PAGE, "body:\n", DOORS))
    return root


def test_doors_to_known_pages_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_a_door_to_an_unknown_page_or_id_names_the_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(edit(INDEX_PAGE, "body:\n", DOORS), "    to: pm\n", "    to: pms\n")
    write(project, "pages/index.yaml", edit(text, "        id: rec\n", "        id: recc\n"))
    code, lines = run(project, capsys)
    assert code == 1
    assert lines[0].startswith("content/pages/index.yaml:6:9: doors[0].to: unknown page 'pms'; give a kind or a view: ")
    assert lines[0].endswith("; did you mean 'pm'?")
    assert lines[1] == "content/pages/index.yaml:10:13: doors[0].also[0].id: no recommendation-document has the id 'recc'; did you mean 'rec'?"
