"""A share column recomputed from its counts; references that are seeds or documents a seed cites.

Each case starts from the minimal valid tree and runs `painguide --root <tmp> validate`.
"""

from __future__ import annotations

from tiny import LANGUAGES

from pathlib import Path

import pytest

from minimal_tree import CHAPTER, REFERENCES, SOURCE_FILE, edit, write, write_tree
from painguide.cli import main

CHAPTER_FILE = "recommendations/rec/01-scope.yaml"

TABLE = f"""\
  - type: table
    id: TABLE-X
    caption: {{sv: Andelar., en: Shares.}}
    columns:
      - {{key: site, label: {{sv: Ort, en: Site}}}}
      - {{key: patients, label: {{sv: Patienter, en: Patients}}, numeric: true}}
      - {{key: high, label: {{sv: Högdos, en: High dose}}, numeric: true}}
      - {{key: share, label: {{sv: Andel, en: Share}}, share_of: {{numerator: high, denominator: patients}}}}
    rows:
      - cells: {{site: Lund, patients: 53, high: 11, share: "25 %"}}
      - cells: {{site: Malmö, patients: 56, high: 20, share: "36 %"}}
      - cells: {{site: Ystad, patients: 33, high: 8, share: "24,2 %"}}
    sources:
      - {{file: {SOURCE_FILE}, section: Tabell 1}}
"""
"""Lund's share is line 23 of the chapter: 11 of 53 is 21 %, not 25 %."""

NOTE = """\
        notes: {share: {sv: "Enligt källan; beräknat 21 %.", en: "As given in the source; calculated 21%."}}
"""


def validate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "validate", "--today", "2026-03-01"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, [line for line in err.splitlines() if line.startswith("content/")]


def with_table(root: Path, table: str) -> None:
    write(root, CHAPTER_FILE, CHAPTER + table)


def test_a_share_that_does_not_match_its_counts_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_tree(tmp_path)
    with_table(root, TABLE)
    code, lines = validate(root, capsys)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"content/{CHAPTER_FILE}:23:60:")
    assert "blocks[1].rows[0].cells.share: 25 % does not match high / patients = 11 / 53 = 21 %" in lines[0]


def test_a_note_on_the_cell_accepts_the_source_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_tree(tmp_path)
    lund = '      - cells: {site: Lund, patients: 53, high: 11, share: "25 %"}\n'
    with_table(root, edit(TABLE, lund, lund + NOTE))
    assert validate(root, capsys) == (0, [])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('share: "36 %"', 'share: "36"', "a share is written as a percentage, for example '41 %', not '36'"),
        ("share_of: {numerator: high, denominator: patients}", "share_of: {numerator: high, denominator: site}",
         "column 'share' is a share of 'site' (denominator), which is not another numeric column"),
        ('share: "36 %"}', 'share: "36 %"}\n        notes: {total: {sv: A., en: A.}}', "row 2 has notes for unknown columns: total"),
    ],
)
def test_share_column_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str) -> None:
    root = write_tree(tmp_path)
    lund = '      - cells: {site: Lund, patients: 53, high: 11, share: "25 %"}\n'
    with_table(root, edit(edit(TABLE, lund, lund + NOTE), old, new))
    code, lines = validate(root, capsys)
    assert code == 1
    assert any(message in line for line in lines), lines


CITED = f"""\
  - id: hta-report
    title: {{sv: HTA-rapport, en: HTA report}}
    publisher: HTA Syd
    language: sv
    cited_in: {{file: {SOURCE_FILE}, section: fotnot 7}}
"""


def test_a_cited_document_is_listed_but_cannot_be_a_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_tree(tmp_path)
    write(root, "references.yaml", REFERENCES + CITED)
    assert validate(root, capsys) == (0, [])
    write(root, CHAPTER_FILE, CHAPTER.replace(f"file: {SOURCE_FILE}, section: Förslag", "file: hta-report, section: Förslag"))
    code, lines = validate(root, capsys)
    assert code == 1
    assert any("unknown source file 'hta-report'" in line for line in lines), lines


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (CITED.replace("    cited_in: {file: " + SOURCE_FILE + ", section: fotnot 7}\n", ""), "a cited document needs cited_in"),
        (CITED.replace("  - id: hta-report\n", f"  - id: hta-report\n    file: {SOURCE_FILE}\n"), "either file (a seed file) or id"),
        (CITED.replace(SOURCE_FILE, "009_0123456789abcdef.txt"), "unknown source file '009_0123456789abcdef.txt'"),
        (CITED.replace("  - id: hta-report\n", "  - id: hta-report\n    period_end: 1800\n"), "1800 is too small; the lowest allowed value is 1900"),
    ],
)
def test_reference_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    root = write_tree(tmp_path)
    write(root, "references.yaml", REFERENCES + text)
    code, lines = validate(root, capsys)
    assert code == 1
    assert any(message in line for line in lines), lines


def test_the_checks_see_every_model_of_the_shipped_content_in_document_order() -> None:
    # checks.models() skips plain values and fields whose type cannot hold a model; it
    # must still reach every model that walk() reaches, in the same order.
    from pydantic import BaseModel

    from painguide.walk import models, walk
    from painguide.content import load_site
    from painguide.errors import Problems

    root = Path(__file__).resolve().parents[1]
    site = load_site(root / "content", Problems(root), LANGUAGES)
    seen = 0
    for item in site.all_loaded():
        expected = [(loc, id(obj)) for loc, obj in walk(item.model) if isinstance(obj, BaseModel)]
        assert [(loc, id(obj)) for loc, obj in models(item.model)] == expected, item.path
        seen += len(expected)
    assert seen > 1000
