"""Drawings (content/figures.yaml, content/figures/*.svg): declared once, named by id in
leaflets, checked as plain shapes and translated text, and shown inline in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_tree import edit, write
from painguide.figures import localized, scan
from test_bad_inputs import assert_errors, run
from test_leaflets import LEAFLET, LEAFLET_FILE, project  # noqa: F401  (the fixture)

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <title>A pump</title>
  <rect x="20" y="20" width="60" height="40" fill="#fff" stroke="#000"/>
  <text x="100" y="45" font-size="15" data-label="pump">Pump</text>
</svg>
"""

FIGURES = """\
figures:
  - id: pump-drawing
    file: figures/pump.svg
    status: draft
    basis: general-knowledge
    alt: {sv: En pump i en låda., en: A pump in a box.}
    caption: {sv: Pumpen., en: The pump.}
    labels:
      pump: {sv: Pumpen, en: The pump}
"""

WITH_FIGURE = edit(LEAFLET, "sections:\n", "figures: [pump-drawing]\nsections:\n")


@pytest.fixture
def drawn(project: Path) -> Path:  # noqa: F811
    write(project, "figures.yaml", FIGURES)
    write(project, "figures/pump.svg", SVG)
    write(project, LEAFLET_FILE, WITH_FIGURE)
    return project


def test_a_leaflet_with_a_declared_figure_passes(drawn: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(drawn, capsys) == (0, [])


CASES = [
    ("unknown-figure", LEAFLET_FILE, edit(WITH_FIGURE, "[pump-drawing]", "[pump-drawin]"),
     ["content/patient-info/pump.yaml:11:11: figures[0]: unknown figure 'pump-drawin'; did you mean 'pump-drawing'?; "
      "the figures are declared in content/figures.yaml"]),
    ("missing-file", "figures.yaml", edit(FIGURES, "figures/pump.svg", "figures/pumpa.svg"),
     ["content/figures.yaml:3:11: figures[0].file: no file content/figures/pumpa.svg; draw it there as SVG"]),
    ("missing-translation", "figures.yaml", edit(FIGURES, "{sv: Pumpen, en: The pump}", "{sv: Pumpen}"),
     ["content/figures.yaml:9:13: figures[0].labels.pump.en: the English text (en:) is missing; every text needs both sv: and en:"]),
    ("unused-label", "figures.yaml", FIGURES + "      port: {sv: Port, en: Port}\n",
     ["content/figures.yaml:10:13: figures[0].labels.port: label 'port' is not used in figures/pump.svg; "
      "write it there as <text data-label=\"port\">, or remove it"]),
    ("unlabelled-text", "figures/pump.svg", edit(SVG, ' data-label="pump"', ""),
     ["content/figures.yaml:9:13: figures[0].labels.pump: label 'pump' is not used in figures/pump.svg; "
      'write it there as <text data-label="pump">, or remove it',
      'content/figures/pump.svg:4:3: a <text> needs data-label="…", naming its translated label in content/figures.yaml']),
    ("script", "figures/pump.svg", edit(SVG, "  <title>", '  <script>alert(1)</script>\n  <title>'),
     ["content/figures/pump.svg:2:3: <script> is not allowed in a drawing; use only circle, desc, ellipse, g, line, path, "
      "polygon, polyline, rect, svg, text, title, tspan"]),
    ("approved-without-review", "figures.yaml", edit(FIGURES, "status: draft", "status: approved"),
     ["content/figures.yaml:2:5: figures[0]: an approved figure needs reviewed_by and reviewed (the date)"]),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_figure_defect(drawn: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str, expected: list[str]) -> None:
    write(drawn, rel, text)
    assert_errors(drawn, capsys, *expected)


@pytest.mark.parametrize("bad, message", [
    ('<rect onclick="x()" x="1"/>', "the attribute onclick on <rect> is not allowed"),
    ('<image href="https://example.org/x.png"/>', "<image> is not allowed in a drawing"),
    ('<rect x="1" fill="url(#g)"/>', "the attribute fill on <rect> refers to something outside the drawing"),
    ('<rect x="1" style="fill:red"/>', "the attribute style on <rect> is not allowed"),
])
def test_a_drawing_holds_only_shapes_and_text(bad: str, message: str) -> None:
    problems = scan(SVG.replace("  <title>", f"  {bad}\n  <title>")).problems
    assert {p.line for p in problems} == {2} and any(message in p.message for p in problems)


def test_the_inline_drawing_is_in_the_pages_language_and_named_by_its_alt_text() -> None:
    svg = localized(SVG, {"pump": {"sv": "Pumpen", "en": "The pump"}}, "A pump\n in a box.", "en")
    assert "\n" not in svg and "<title>" not in svg and 'width="200"' not in svg
    assert 'viewBox="0 0 200 100"' in svg and 'role="img"' in svg and 'aria-label="A pump in a box."' in svg
    assert ">The pump</text>" in svg and "data-label" not in svg
