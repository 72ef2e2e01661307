"""The assistant nurse's own path (issue 19, part 8): a module for assistant nurses only is
held to the leaflets' Swedish LIX limit, counted over its own text and what it includes;
the shipped module passes, takes at most 15 minutes in Swedish, and is the whole path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from minimal_tree import DRAFT_META, SIGNS, SOURCE_FILE, edit, write, write_tree
from painguide.checks import LIX_LIMIT
from painguide.model.training import Profession, shown_order
from test_bad_inputs import run

COMPETENCE_FILE = "competence/assistant-nurse.yaml"
COMPETENCE = f"""\
id: assistant-nurse
title: {{sv: Undersköterska, en: Assistant nurse}}
{DRAFT_META.rstrip()}
intro: {{sv: Kompetenser., en: Competences.}}
items:
  - id: AN-1
    text: {{sv: Säga till när något är fel., en: Speak up when something is wrong.}}
    part: knowledge
    level: {{value: independent, basis: proposal}}
    sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
"""

MODULE_FILE = "training/an.yaml"
YES = '      - {text: {sv: Ring nu, en: Call now}, correct: true, feedback: {sv: Bra., en: Good.}}\n'
NO = '      - {text: {sv: Vänta, en: Wait}, feedback: {sv: Ring nu., en: Call now.}}\n'


def question(n: int) -> str:
    """Question n, its key shown first (odd n) or second (even n), as the key check asks."""
    order = shown_order("an", SimpleNamespace(id=f"Q{n}", options=[YES, NO]))  # type: ignore[arg-type]
    yes_at = order[(n + 1) % 2]
    options = "".join([YES, NO] if yes_at == 0 else [NO, YES])
    return f"  - id: Q{n}\n    question: {{sv: Patienten har feber. Vad gör du?, en: The patient has a fever. What do you do?}}\n    see: fever\n    options:\n{options}"


MODULE = f"""\
id: an
title: {{sv: För undersköterskor, en: For assistant nurses}}
{DRAFT_META.rstrip()}
audience: [assistant-nurse]
order: 1
objectives:
  - {{sv: Du säger till direkt., en: You speak up at once.}}
teaches: [AN-1]
sections:
  - heading: {{sv: Varningstecken, en: Warning signs}}
    body: {{sv: Ring sjuksköterskan nu. Säg vad du ser., en: Call the nurse now. Say what you see.}}
    include: [fever]
key_points:
  - {{sv: Ring nu., en: Call now.}}
questions:
""" + "".join(question(n) for n in range(1, 5)) + f"""\
sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
"""

HARD = ("Vid misstänkt intratekal infektionskomplikation kontaktas behandlingsansvarig sjuksköterska "
        "omedelbart för vidare medicinsk bedömning och eventuell antibiotikabehandling enligt rutin")
HARD_TEXT = " ".join([f"{HARD}."] * 5)
"""Hard enough to lift the whole module, questions and all, above the limit."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, COMPETENCE_FILE, COMPETENCE)
    write(root, MODULE_FILE, MODULE)
    return root


def lix_of(line: str) -> float:
    return float(line.split("Swedish LIX is ", 1)[1].split(",", 1)[0])


def test_a_plain_assistant_nurse_module_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_a_hard_module_for_assistant_nurses_fails_at_its_longest_sentence(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, MODULE_FILE, edit(MODULE, "sv: Ring sjuksköterskan nu. Säg vad du ser.", f"sv: {HARD_TEXT}"))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("content/training/an.yaml:16:16: sections[0].body.sv: Swedish LIX is "), line
    assert lix_of(line) > LIX_LIMIT
    assert f"above {LIX_LIMIT}; a module for assistant nurses only is held to the leaflets' limit" in line
    assert line.split("where to start:\n", 1)[1].startswith(f"    content/training/an.yaml:16: sections[0].body.sv: «{HARD}»")


def test_what_a_module_includes_is_measured_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The module's own text is plain; the warning sign it includes is not."""
    write(project, "warning-signs.yaml", edit(SIGNS, "action: {sv: Ring., en: Call.}}\n    patient:", f"action: {{sv: {HARD_TEXT}, en: Call.}}}}\n    patient:"))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith("content/training/an.yaml:17:15: sections[0].include[0]: Swedish LIX is "), lines[0]


def test_a_module_that_nurses_also_take_is_not_held_to_the_limit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(MODULE, "sv: Ring sjuksköterskan nu. Säg vad du ser.", f"sv: {HARD_TEXT}")
    write(project, MODULE_FILE, edit(text, "audience: [assistant-nurse]", "audience: [assistant-nurse, nurse]"))
    assert run(project, capsys) == (0, [])


def test_an_item_is_taught_only_by_a_module_its_profession_takes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, MODULE_FILE, edit(MODULE, "audience: [assistant-nurse]", "audience: [nurse]"))
    code, lines = run(project, capsys)
    assert (code, lines) == (1, ["content/training/an.yaml:13:11: teaches[0]: AN-1 is a competence of assistant-nurse, who is not in "
                                 "this module's audience, so no assistant-nurse takes it; add assistant-nurse to audience: or teach "
                                 "AN-1 in a module they take"])


# -- the shipped content --------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    from painguide.content import load_site
    from painguide.errors import Problems
    from tiny import LANGUAGES, ROOT

    problems = Problems(ROOT)
    site = load_site(ROOT / "content", problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    return site


def assistant_nurse_only(site):  # type: ignore[no-untyped-def]
    return [m.model for m in site.of("training") if set(m.model.audience) == {Profession.assistant_nurse}]


def test_the_shipped_assistant_nurse_module_reads_like_a_leaflet(shipped) -> None:  # type: ignore[no-untyped-def]
    from painguide.links import trace
    from painguide.readability import lix, module_text

    modules = assistant_nurse_only(shipped)
    assert [m.id for m in modules] == ["assistant-nurse-at-home"]
    included = trace(shipped).included
    pm_signs = {pm.model.id: list(pm.model.warning_signs) for pm in shipped.of("pm")}
    for module in modules:
        text = module_text(module, "sv", included, pm_signs)
        assert any(loc[2] == "include" for loc, _ in text if loc[0] == "sections"), "the includes are measured"
        assert lix([block for _, block in text]).value <= LIX_LIMIT


def test_the_assistant_nurse_path_is_one_short_module_that_covers_every_item(shipped) -> None:  # type: ignore[no-untyped-def]
    from painguide.labels import load_labels
    from painguide.errors import Problems
    from painguide.reading import reading_minutes
    from painguide.render import Renderer
    from tiny import LANGUAGES, ROOT

    path = [m.model for m in shipped.of("training") if Profession.assistant_nurse in m.model.audience]
    assert [m.id for m in path] == ["assistant-nurse-at-home"]
    items = {c.id for d in shipped.of("competence") if d.model.id == "assistant-nurse" for c in d.model.items}
    assert items and items <= {ident for m in path for ident in m.teaches}
    labels = load_labels(ROOT / "macros", Problems(ROOT), LANGUAGES)
    pages = Renderer(shipped, ROOT / "macros", labels, dt.date(2026, 12, 6)).render("sv")
    page = pages["training/assistant-nurse-at-home.md"]
    # The page's own figure, computed as the page is written (without its change log).
    minutes = reading_minutes(page.split("\n*[")[0], f"## {labels['sv']['changelog']}")
    assert minutes <= 15, minutes
    assert f"Läsning och självtest: cirka {minutes} minuter" in page
    assert f"1 modul, cirka {minutes} minuter" in pages["training/index.md"]
