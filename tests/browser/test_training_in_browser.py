"""Training in the browser: a self-check answered by keyboard announces its feedback and
score and keeps the answers; a self-assessment stores levels only and prints as a sign-off
sheet."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import format_violations, install_hint, run_axe

MODULE = "/training/identifying-patients/"
ASSESSMENT = "/competence/nurse/self-assessment/"


def storage(page: Page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


@pytest.mark.parametrize(("url", "score"), [(MODULE, "av"), ("/en" + MODULE, "of")])
def test_a_self_check_by_keyboard_is_announced_scored_and_kept(page: Page, url: str, score: str) -> None:
    page.goto(url)
    questions = page.locator(".pg-question")
    total = questions.count()
    assert total >= 4
    live = page.locator(".pg-quiz__score")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(f"0 {score} {total} " + ("rätt" if score == "av" else "correct"))
    # Answer the first question with the keyboard: focus its first option, then arrow to
    # the correct one (radio groups select as the arrow moves).
    first = questions.nth(0)
    options = first.locator("input[type=radio]")
    correct = int(first.locator("input[data-correct=true]").get_attribute("value"))
    options.nth(0).focus()
    page.keyboard.press("Space")
    for _ in range(correct):
        page.keyboard.press("ArrowDown")
    expect(first.locator(f'.pg-feedback[data-option="{correct}"]')).to_be_visible()
    feedback = first.locator(f'.pg-feedback[data-option="{correct}"]').inner_text()
    expect(live).to_contain_text(" ".join(feedback.split())[:40])
    expect(live).to_contain_text(f"1 {score} {total}")
    # A wrong answer to the second question shows its own feedback and keeps the score.
    second = questions.nth(1)
    wrong = second.locator("input[data-correct=false]").first
    wrong.focus()
    page.keyboard.press("Space")
    expect(second.locator(f'.pg-feedback[data-option="{wrong.get_attribute("value")}"]')).to_be_visible()
    expect(live).to_contain_text(f"1 {score} {total}")
    violations = [{"page": url, **v} for v in run_axe(page)]
    assert not violations, format_violations(violations)
    page.reload()
    expect(first.locator(f'input[value="{correct}"]')).to_be_checked()
    expect(live).to_have_text(f"1 {score} {total} " + ("rätt" if score == "av" else "correct"))
    for key, value in storage(page).items():
        if key.startswith("painguide:quiz:"):
            choices = json.loads(value)["choices"]
            assert set(choices.values()) <= {str(i) for i in range(10)}, value


def test_storage_holds_only_levels(page: Page) -> None:
    page.goto(ASSESSMENT)
    items = page.locator(".pg-assess-item")
    assert items.count() >= 2
    items.nth(0).locator("input[value=independent]").check()
    items.nth(1).locator("input[value=knows]").check()
    page.locator(".md-search__input").fill("Anna Andersson")
    page.reload()
    expect(items.nth(0).locator("input[value=independent]")).to_be_checked()
    stored = {k: v for k, v in storage(page).items() if k.startswith("painguide:assessment:")}
    assert len(stored) == 1
    (key, value), = stored.items()
    assert key.startswith("painguide:assessment:nurse:v")
    data = json.loads(value)
    assert list(data) == ["choices"]
    ids = set(page.eval_on_selector_all(".pg-assess-item", "els => els.map(e => e.dataset.item)"))
    assert set(data["choices"]) <= ids and set(data["choices"].values()) <= {"knows", "supervised", "independent"}
    assert "Anna" not in json.dumps(storage(page))


def test_the_sign_off_sheet_prints_with_levels_and_signature_lines(page: Page, tmp_path: Path, artifacts: Path) -> None:
    page.goto(ASSESSMENT)
    items = page.locator(".pg-assess-item")
    items.nth(0).locator("input[value=supervised]").check()
    pdf = tmp_path / "sign-off.pdf"
    page.pdf(path=str(pdf), format="A4")
    tool = shutil.which("pdftotext")
    assert tool, install_hint("pdftotext (poppler-utils)")
    # -raw reads in document order; -layout interleaves the side-by-side signature labels when one wraps.
    text = " ".join(subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for expected in ("Medarbetarens namn", "Chefens eller handledarens underskrift", "Datum",
                     "Utskriven kopia är ostyrd", "Utför under handledning"):
        assert expected in text, f"the sign-off sheet lacks {expected!r}"
    for chrome in ("Gå till innehållet", "Tillgänglighetsredogörelse", "Rensa alla val"):
        assert chrome not in text, f"the sign-off sheet shows {chrome!r}"
    shutil.copy(pdf, artifacts / "sign-off-nurse.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", "2", str(pdf), str(artifacts / "sign-off-nurse")], check=True)
