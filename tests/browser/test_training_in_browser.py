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


WORDS = {"av": ("rätt", "Första försöket", "Godkänt.", "Inte godkänt än."), "of": ("correct", "First attempt", "Passed.", "Not passed yet.")}


def check(question) -> None:  # type: ignore[no-untyped-def]
    question.locator(".pg-question__check").click()


@pytest.mark.parametrize(("url", "score"), [(MODULE, "av"), ("/en" + MODULE, "of")])
def test_a_self_check_by_keyboard_counts_the_first_attempt(page: Page, url: str, score: str) -> None:
    right_word, first_word, passed, not_passed = WORDS[score]
    page.goto(url)
    questions = page.locator(".pg-question")
    total = questions.count()
    assert total >= 4
    live = page.locator(".pg-quiz__score")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(f"0 {score} {total} {right_word} · {first_word}: 0 {score} {total}")
    # Arrowing through the options of the first question (radio groups select as the arrow
    # moves) shows no feedback: an answer counts only when it is checked.
    first = questions.nth(0)
    options = first.locator("input[type=radio]")
    correct = first.locator("input[data-correct=true]").get_attribute("value")
    options.nth(0).focus()
    page.keyboard.press("Space")
    for _ in range(options.count()):
        page.keyboard.press("ArrowDown")
        expect(first.locator(".pg-feedback:visible")).to_have_count(0)
    while first.locator("input:checked").get_attribute("value") != correct:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(first.locator(".pg-question__check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(first.locator(f'.pg-feedback[data-option="{correct}"]')).to_be_visible()
    expect(first.locator(".pg-feedback:visible")).to_have_count(1)
    expect(first.locator(".pg-question__feedback")).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(f"1 {score} {total} {right_word} · {first_word}: 1 {score} {total}")
    # The second question answered wrong, then right: the first attempt stays wrong.
    second = questions.nth(1)
    wrong = second.locator("input[data-correct=false]").first
    wrong.check()
    check(second)
    expect(second.locator(f'.pg-feedback[data-option="{wrong.get_attribute("value")}"]')).to_be_visible()
    second.locator("input[data-correct=true]").check()
    expect(second.locator(".pg-feedback:visible")).to_have_count(0)  # the shown feedback was for the other answer
    check(second)
    expect(live).to_have_text(f"2 {score} {total} {right_word} · {first_word}: 1 {score} {total}")
    # The rest right: every question answered, the summary gives the first attempt.
    summary = page.locator(".pg-quiz__summary")
    expect(summary).to_be_hidden()
    for n in range(2, total):
        questions.nth(n).locator("input[data-correct=true]").check()
        check(questions.nth(n))
    expect(live).to_have_text(f"{total} {score} {total} {right_word} · {first_word}: {total - 1} {score} {total}")
    expect(summary).to_be_visible()
    percent = round(100 * (total - 1) / total)
    expect(summary).to_contain_text(f"{total - 1} {score} {total}")
    expect(summary).to_contain_text(f"({percent} %)")
    expect(summary).to_contain_text(passed if percent >= 80 else not_passed)
    expect(page.locator(".pg-quiz__rule .pg-basis[data-basis=proposal]")).to_be_visible()
    violations = [{"page": url, **v} for v in run_axe(page)]
    assert not violations, format_violations(violations)
    # Kept over a reload, first attempts too; storage holds option numbers only.
    page.reload()
    expect(first.locator(f'input[value="{correct}"]')).to_be_checked()
    expect(first.locator(f'.pg-feedback[data-option="{correct}"]')).to_be_visible()
    expect(live).to_have_text(f"{total} {score} {total} {right_word} · {first_word}: {total - 1} {score} {total}")
    for key, value in storage(page).items():
        if key.startswith("painguide:quiz:"):
            data = json.loads(value)
            assert set(data) == {"choices", "first"}, value
            assert set(data["choices"].values()) | set(data["first"].values()) <= {str(i) for i in range(10)}, value
    # Starting over forgets the module's answers.
    page.locator(".pg-quiz__reset").click()
    expect(live).to_have_text(f"0 {score} {total} {right_word} · {first_word}: 0 {score} {total}")
    assert not [k for k in storage(page) if k.startswith("painguide:quiz:")]


def test_checking_without_an_answer_asks_for_one(page: Page) -> None:
    page.goto(MODULE)
    first = page.locator(".pg-question").first
    check(first)
    expect(first.locator(".pg-feedback--choose")).to_have_text("Välj ett svar först.")
    first.locator("input").first.check()
    check(first)
    expect(first.locator(".pg-feedback--choose")).to_have_count(0)


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
