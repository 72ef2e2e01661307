"""Competence descriptions and training modules: each defect at its exact file:line:col,
and a competence item that no module teaches warns (and fails a release)."""

from __future__ import annotations

from pathlib import Path

import pytest

from types import SimpleNamespace

from minimal_tree import DRAFT_META, SOURCE_FILE, edit, write, write_tree
from painguide.model.training import shown_order
from test_bad_inputs import assert_errors, run

COMPETENCE_FILE = "competence/nurse.yaml"
COMPETENCE = f"""\
id: nurse
title: {{sv: Sjuksköterska, en: Nurse}}
{DRAFT_META.rstrip()}
intro: {{sv: Kompetenser., en: Competences.}}
items:
  - id: NURSE-1
    text: {{sv: Känna till kravlistan., en: Know the requirement list.}}
    part: knowledge
    level: {{value: knows, basis: proposal}}
    serves: [R-X-1]
    sources: [{{file: {SOURCE_FILE}, section: Bilaga 3}}]
sources: [{{file: {SOURCE_FILE}, section: Bilaga 3}}]
"""

MODULE_FILE = "training/basics.yaml"
QUESTION = """\
  - id: Q{n}
    question: {{sv: Fråga {n}?, en: Question {n}?}}
    see: R-X-1
    options:
{options}"""
YES = '      - {text: {sv: Ja, en: "Yes"}, correct: true, feedback: {sv: Rätt., en: Right.}}\n'
NO = '      - {text: {sv: Nej, en: "No"}, feedback: {sv: Fel., en: Wrong.}}\n'


def question(n: int) -> str:
    """Question n, with its key written where the page shows it first (odd n) or second
    (even n): the keys are spread, as the validator asks."""
    order = shown_order("basics", SimpleNamespace(id=f"Q{n}", options=[YES, NO]))  # type: ignore[arg-type]
    yes_at = order[(n + 1) % 2]
    return QUESTION.format(n=n, options="".join([YES, NO] if yes_at == 0 else [NO, YES]))

MODULE = f"""\
id: basics
title: {{sv: Grunder, en: Basics}}
{DRAFT_META.rstrip()}
audience: [nurse]
order: 1
extra: []
objectives:
  - {{sv: Mål., en: Objective.}}
teaches: [NURSE-1]
sections:
  - heading: {{sv: Rekommendationen, en: The recommendation}}
    include: [R-X-1]
key_points:
  - {{sv: Punkt., en: Point.}}
questions:
""" + "".join(question(n) for n in range(1, 5)) + f"""\
sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, COMPETENCE_FILE, COMPETENCE)
    write(root, MODULE_FILE, MODULE)
    return root


def test_a_valid_module_and_competence_description_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


CASES = [
    ("unknown-include-id", MODULE_FILE, edit(MODULE, "include: [R-X-1]", "include: [R-X-2]"),
     ["content/training/basics.yaml:17:15: sections[0].include[0]: unknown id 'R-X-2'; give the id of a recommendation, "
      "checklist, requirement point, list, table, PM step or warning sign; did you mean 'R-X-1'?"]),
    ("unknown-pm-warning-table", MODULE_FILE, edit(MODULE, "include: [R-X-1]\n", "include: [R-X-1]\n    warning_signs_of: dressing\n"),
     ["content/training/basics.yaml:18:23: sections[0].warning_signs_of: unknown PM 'dressing'; see content/pm/"]),
    ("question-after-an-unknown-section", MODULE_FILE, edit(MODULE, "Q1\n    question: {sv: Fråga 1?, en: Question 1?}\n    see: R-X-1\n",
                                                                 "Q1\n    question: {sv: Fråga 1?, en: Question 1?}\n    see: R-X-1\n    after: recommendation\n"),
     ["content/training/basics.yaml:24:12: questions[0].after: no section has the id 'recommendation'; give the section it follows an id: line"]),
    ("two-sections-with-one-id", MODULE_FILE, edit(MODULE, "  - heading: {sv: Rekommendationen, en: The recommendation}\n    include: [R-X-1]\n",
                                                    "  - id: part\n    heading: {sv: Rekommendationen, en: The recommendation}\n    include: [R-X-1]\n"
                                                    "  - id: part\n    heading: {sv: Igen, en: Again}\n"),
     ["content/training/basics.yaml:16:9: sections[0].id: two sections have the id 'part'; a question's after: must name one",
      "content/training/basics.yaml:19:9: sections[1].id: two sections have the id 'part'; a question's after: must name one"]),
    ("further-reading-not-listed", MODULE_FILE, edit(MODULE, "sources: [{file: 001_0123456789abcdef.txt, section: Vårdprocessen}]\n",
                                                      "further_reading: [vardhandboken]\nsources: [{file: 001_0123456789abcdef.txt, section: Vårdprocessen}]\n"),
     ["content/training/basics.yaml:45:19: further_reading[0]: unknown external document 'vardhandboken'; "
      "list it in content/references.yaml with id, url and checked"]),
    ("teaches-a-practice-only-item", COMPETENCE_FILE, edit(COMPETENCE, "part: knowledge", "part: practice"),
     ["content/training/basics.yaml:14:11: teaches[0]: NURSE-1 is practice only (part: practice), which a module cannot give; "
      "give it part: both, with a knowledge part the module teaches, or leave it out of teaches:"]),
    ("unknown-profession", MODULE_FILE, edit(MODULE, "audience: [nurse]", "audience: [nurses]"),
     ["content/training/basics.yaml:9:12: audience[0]: 'nurses' is not allowed here; choose one of 'physician', 'nurse', "
      "'assistant-nurse', 'mas', 'manager', 'operating-nurse', 'operating-assistant-nurse' or 'anaesthesia-nurse'"]),
    ("no-correct-option", MODULE_FILE, edit(MODULE, "{text: {sv: Ja, en: \"Yes\"}, correct: true, feedback: {sv: Rätt., en: Right.}}\n      - {text: {sv: Nej, en: \"No\"}, feedback: {sv: Fel., en: Wrong.}}\n  - id: Q2",
                                             "{text: {sv: Ja, en: \"Yes\"}, feedback: {sv: Rätt., en: Right.}}\n      - {text: {sv: Nej, en: \"No\"}, feedback: {sv: Fel., en: Wrong.}}\n  - id: Q2"),
     ["content/training/basics.yaml:25:7: questions[0].options: options has 0 correct answers; a question needs exactly one option with correct: true"]),
    ("two-correct-options", MODULE_FILE, edit(MODULE, "{text: {sv: Nej, en: \"No\"}, feedback: {sv: Fel., en: Wrong.}}\n  - id: Q2",
                                               "{text: {sv: Nej, en: \"No\"}, correct: true, feedback: {sv: Fel., en: Wrong.}}\n  - id: Q2"),
     ["content/training/basics.yaml:25:7: questions[0].options: options has 2 correct answers; a question needs exactly one option with correct: true"]),
    ("unknown-competence-item", MODULE_FILE, edit(MODULE, "teaches: [NURSE-1]", "teaches: [NURSE-1, NURSE-9]"),
     ["content/training/basics.yaml:14:20: teaches[1]: unknown competence item 'NURSE-9'; did you mean 'NURSE-1'?; see content/competence/"]),
    ("too-few-questions", MODULE_FILE, MODULE.replace(question(4), ""),
     ["content/training/basics.yaml:21:3: questions: the list has 3 entries; at least 4 are needed"]),
    ("competence-file-not-a-profession", "competence/nurse.yaml", edit(COMPETENCE, "id: nurse", "id: nurses"),
     # Only there: the module's item is in the description that could not be read (issue 21, part 3).
     ["content/competence/nurse.yaml:1:5: id: id 'nurses' is not a profession; choose one of physician, nurse, assistant-nurse, mas, "
      "manager, operating-nurse, operating-assistant-nurse, anaesthesia-nurse"]),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_training_defect(project: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str, expected: list[str]) -> None:
    write(project, rel, text)
    assert_errors(project, capsys, *expected)


def test_an_untaught_item_warns_and_fails_a_release(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = f"""\
  - id: NURSE-2
    text: {{sv: Byta kassett., en: Change a cassette.}}
    part: both
    level: {{value: supervised, basis: proposal}}
    sources: [{{file: {SOURCE_FILE}, section: Bilaga 3}}]
"""
    write(project, COMPETENCE_FILE, edit(COMPETENCE, "sources: [{file: 001_0123456789abcdef.txt, section: Bilaga 3}]\nsources:",
                                         f"sources: [{{file: {SOURCE_FILE}, section: Bilaga 3}}]\n{second}sources:"))
    message = "items[1].id: no training module teaches NURSE-2; add it to a module's teaches:"
    assert run(project, capsys) == (0, [f"content/competence/nurse.yaml:17:9: warning: {message}"])
    assert run(project, capsys, "--release") == (1, [f"content/competence/nurse.yaml:17:9: {message}"])


def test_keys_shown_at_one_position_more_than_half_the_time_warn(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def keyed_first(n: int) -> str:
        order = shown_order("basics", SimpleNamespace(id=f"Q{n}", options=[YES, NO]))  # type: ignore[arg-type]
        return QUESTION.format(n=n, options="".join([YES, NO] if order[0] == 0 else [NO, YES]))

    text = MODULE
    for n in range(1, 5):
        text = text.replace(question(n), keyed_first(n))
    write(project, MODULE_FILE, text)
    code, lines = run(project, capsys)
    assert code == 0
    assert lines == ["content/training/basics.yaml:25:7: warning: questions[0].options: 4 of the 4 self-check keys are shown as "
                     "option 1, more than half; move the correct option of some questions to another place in their options"]


def test_the_shipped_keys_are_spread() -> None:
    from collections import Counter

    from painguide.content import load_site
    from painguide.errors import Problems
    from painguide.model.training import key_position
    from tiny import LANGUAGES, ROOT

    site = load_site(ROOT / "content", Problems(ROOT), LANGUAGES)
    positions = Counter(key_position(m.model.id, q) for m in site.of("training") for q in m.model.questions)
    assert sum(positions.values()) >= 30 and max(positions.values()) * 2 <= sum(positions.values()), positions
