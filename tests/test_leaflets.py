"""Leaflets: plain language is measured, and each defect is reported at its file:line:col."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from minimal_tree import DRAFT_META, SOURCE_FILE, edit, write, write_tree
from test_bad_inputs import assert_errors, run
from tiny import ROOT

LEAFLET_FILE = "patient-info/pump.yaml"
LEAFLET = f"""\
id: pump
title: {{sv: Pumpen, en: The pump}}
{DRAFT_META.rstrip()}
readers: [patient]
intro: {{sv: Du får en pump. Den hjälper mot ont., en: You get a pump. It helps with pain.}}
sections:
  - question: {{sv: Vad är det?, en: What is it?}}
    answer: {{sv: En liten pump. Den ger medicin., en: A small pump. It gives medicine.}}
    id: what
    basis: general-knowledge
  - question: {{sv: Vem hjälper mig?, en: Who helps me?}}
    answer: {{sv: Ditt team hjälper dig., en: Your team helps you.}}
    id: who
    sources: [{{file: {SOURCE_FILE}, section: Bakgrund}}]
about: [catheter]
when_to_call: [fever]
sources:
  - {{file: {SOURCE_FILE}, section: Bakgrund}}
"""

LONG = ("Intratekal smärtbehandling administreras kontinuerligt via subkutant placerad "
        "portkateter under överinseende av specialiserad palliativ verksamhet")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, LEAFLET_FILE, LEAFLET)
    return root


def test_a_plain_leaflet_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_swedish_lix_over_40_names_the_file_the_value_and_the_longest_sentences(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, LEAFLET_FILE, edit(LEAFLET, "sv: Ditt team hjälper dig.", f"sv: {LONG}. Kontakta behandlingsansvarig sjuksköterska."))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1
    line = lines[0]
    assert line.startswith("content/patient-info/pump.yaml:17:18: sections[1].answer.sv: Swedish LIX is ")
    value = float(line.split("Swedish LIX is ", 1)[1].split(",", 1)[0])
    assert value > 40
    longest = line.split("where to start:", 1)[1]
    assert longest.startswith(f"\n    content/patient-info/pump.yaml:17: section 'who' (Vem hjälper mig?): «{LONG}» (14 words)\n")
    assert longest.count("«") == 3


def test_english_lix_is_not_gated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, LEAFLET_FILE, edit(LEAFLET, "en: Your team helps you.", "en: Intrathecal administration notwithstanding multidisciplinary considerations."))
    assert run(project, capsys) == (0, [])


CASES = [
    ("abbreviation-not-spelled-out", edit(LEAFLET, "sv: Ditt team hjälper dig.", "sv: ASIH hjälper dig."),
     ["content/patient-info/pump.yaml:17:18: sections[1].answer.sv: the abbreviation ASIH is not spelled out where it is first used; write 'ASIH (…)' the first time"]),
    ("unknown-related-leaflet", LEAFLET + "related: [nowhere]\n",
     ["content/patient-info/pump.yaml:24:11: related[0]: unknown leaflet 'nowhere'; no content/patient-info/nowhere.yaml, "
      "and no patient card of that name (my-pain-treatment)"]),
    ("staff-only-sign", edit(LEAFLET, "when_to_call: [fever]", "when_to_call: [fever, slow-breathing]"),
     ["content/patient-info/pump.yaml:21:23: when_to_call[1]: warning sign 'slow-breathing' has no patient wording; a leaflet lists only signs with patient:"]),
    ("one-section-only", LEAFLET[: LEAFLET.index("  - question: {sv: Vem")] + LEAFLET[LEAFLET.index("about:"):],
     ["content/patient-info/pump.yaml:12:3: sections: the list has 1 entry; at least 2 are needed"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_leaflet_defect(project: Path, capsys: pytest.CaptureFixture[str], text: str, expected: list[str]) -> None:
    write(project, LEAFLET_FILE, text)
    assert_errors(project, capsys, *expected)


def join_sentences(text: str) -> str:
    """Every sentence and list item of a text run together into one sentence."""
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.M)
    parts = [p.strip() for p in re.split(r"(?<=[.?!:])\s+|\n+", text) if p.strip()]
    return ", ".join(p.rstrip(".?!:") for p in parts) + "."


def test_a_shipped_leaflet_with_its_sentences_joined_fails_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "macros", tmp_path / "macros")
    shutil.copy(ROOT / "languages.yaml", tmp_path / "languages.yaml")
    assert run(tmp_path, capsys)[0] == 0
    leaflet = tmp_path / "content" / "patient-info" / "what-is-advanced-pain-treatment.yaml"
    data = yaml.safe_load(leaflet.read_text(encoding="utf-8"))
    data["intro"]["sv"] = join_sentences(data["intro"]["sv"])
    for section in data["sections"]:
        section["answer"]["sv"] = join_sentences(section["answer"]["sv"])
    leaflet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, lines = run(tmp_path, capsys)
    assert code == 1
    errors = [line for line in lines if ": warning: " not in line]  # each joined sentence also warns (over 25 words)
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/patient-info/what-is-advanced-pain-treatment.yaml:")
    assert float(errors[0].split("Swedish LIX is ", 1)[1].split(",", 1)[0]) > 40
    assert errors[0].split("where to start:", 1)[1].count("«") == 3
