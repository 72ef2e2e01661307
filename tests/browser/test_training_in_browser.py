"""Training in the browser: a self-check answered by keyboard announces its feedback and
score and keeps the answers; its certificate prints alone on one A4 page, and "clear my
answers" forgets them; a self-assessment stores levels only and prints as a competence
card with sign-off fields per item and a whole signature block."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import format_violations, install_hint, open_search, run_axe

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
    page.goto(url + "#self-check")  # opening at the self-check loads its script at once
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
            assert set(data) == {"choices", "first", "saved", "done"}, value
            assert set(data["choices"].values()) | set(data["first"].values()) <= {str(i) for i in range(10)}, value
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["saved"]) and data["done"] == data["saved"], value
    # Starting over forgets the module's answers.
    page.locator(".pg-quiz__reset").click()
    expect(live).to_have_text(f"0 {score} {total} {right_word} · {first_word}: 0 {score} {total}")
    assert not [k for k in storage(page) if k.startswith("painguide:quiz:")]


def test_checking_without_an_answer_asks_for_one(page: Page) -> None:
    page.goto(MODULE)
    first = page.locator(".pg-question").first
    first.scroll_into_view_if_needed()
    check(first)
    expect(first.locator(".pg-feedback--choose")).to_have_text("Välj ett svar först.")
    first.locator("input").first.check()
    check(first)
    expect(first.locator(".pg-feedback--choose")).to_have_count(0)


def interactive_loaded(page: Page) -> bool:
    return bool(page.evaluate("() => !!document.querySelector('script[data-pg-interactive]')"))


def test_a_module_fetches_its_self_check_script_only_when_a_question_comes_near(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/training/external-pump-at-home/")
    page.wait_for_load_state("load")
    assert not interactive_loaded(page), "the self-check script is part of the module's first load"
    page.locator(".pg-question").first.scroll_into_view_if_needed()
    page.wait_for_function("() => !!document.querySelector('script[data-pg-interactive]')")
    expect(page.locator(".pg-question__check").first).to_be_visible()


def pdf_page_texts(pdf: Path) -> list[str]:
    tool = shutil.which("pdftotext")
    assert tool, install_hint("pdftotext (poppler-utils)")
    # -raw reads in document order; -layout interleaves side-by-side labels when one wraps.
    text = subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(part.split()) for part in text.split("\f") if part.strip()]


def test_the_certificate_prints_alone_on_one_page_and_clearing_forgets_the_answers(page: Page, tmp_path: Path, artifacts: Path) -> None:
    page.goto(MODULE + "#self-check")
    page.evaluate("() => { window.print = () => {}; }")  # the dialog; the class it sets stays for page.pdf
    questions = page.locator(".pg-question")
    total = questions.count()
    printing = page.locator(".pg-certificate__print")
    for n in range(total):
        q = questions.nth(n)
        if n == 0:
            q.locator("input[data-correct=false]").first.check()
            check(q)
            expect(printing).to_be_hidden()
        q.locator("input[data-correct=true]").check()
        check(q)
    certificate = page.locator(".pg-certificate")
    expect(certificate).to_be_visible()
    expect(certificate.locator('[data-certificate="score"]')).to_have_text(re.compile(rf"^{total - 1} / {total} \(\d+ %\)$"))
    expect(certificate.locator(".pg-basis[data-basis=proposal]").first).to_be_visible()
    violations = [{"page": MODULE, **v} for v in run_axe(page)]
    assert not violations, format_violations(violations)
    printing.click()
    assert page.evaluate("() => document.documentElement.classList.contains('pg-print-certificate')")
    pdf = tmp_path / "certificate.pdf"
    page.pdf(path=str(pdf), format="A4")
    texts = pdf_page_texts(pdf)
    shutil.copy(pdf, artifacts / "certificate.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(artifacts / "certificate")], check=True)
    assert len(texts) == 1, f"the certificate prints on {len(texts)} pages"
    title = page.locator("h1").inner_text().rstrip("¶").strip()
    version = page.locator(".pg-quiz").get_attribute("data-version")
    for expected in ("Intyg: genomförd utbildningsmodul", title, f"{version} (utkast)", f"{total - 1} / {total}",
                     "Giltigt till och med", "Medarbetarens namn", "Arbetsplats", "Repetera modulen före nästa patient"):
        assert expected in texts[0], f"the certificate lacks {expected!r}"
    question = questions.nth(0).locator("legend").inner_text()
    for absent in (question, "Rensa mina svar", "Gå till innehållet", "Lärandemål"):
        assert absent not in texts[0], f"the certificate shows {absent!r}"
    # Shared tablets: clearing leaves no key of this module.
    page.locator(".pg-quiz__reset").click()
    assert not [k for k in storage(page) if k.startswith("painguide:quiz:identifying-patients:")]
    expect(certificate).to_be_hidden()


def test_storage_holds_only_levels(page: Page) -> None:
    page.goto(ASSESSMENT)
    items = page.locator(".pg-assess-item")
    assert items.count() >= 2
    items.nth(0).locator("input[value=independent]").check()
    items.nth(1).locator("input[value=knows]").check()
    open_search(page, ASSESSMENT).fill("Anna Andersson")
    page.reload()
    expect(items.nth(0).locator("input[value=independent]")).to_be_checked()
    stored = {k: v for k, v in storage(page).items() if k.startswith("painguide:assessment:")}
    assert len(stored) == 1
    (key, value), = stored.items()
    assert key.startswith("painguide:assessment:nurse:v")
    data = json.loads(value)
    assert sorted(data) == ["choices", "saved"]
    ids = set(page.eval_on_selector_all(".pg-assess-item", "els => els.map(e => e.dataset.item)"))
    assert set(data["choices"]) <= ids and set(data["choices"].values()) <= {"not-yet", "knows", "supervised", "independent", "can-supervise", "not-applicable"}
    assert "Anna" not in json.dumps(storage(page))
    expect(page.locator(".pg-saved-on")).to_have_text(f"Sparat {data['saved']}.")


def test_the_competence_card_prints_with_sign_off_fields_per_item_and_a_whole_signature_block(page: Page, tmp_path: Path, artifacts: Path) -> None:
    page.goto(ASSESSMENT)
    items = page.locator(".pg-assess-item")
    count = items.count()
    items.nth(0).locator("input[value=supervised]").check()
    items.nth(1).locator("input[value=not-yet]").check()
    items.nth(2).locator("input[value=not-applicable]").focus()  # a focus ring must not print
    pdf = tmp_path / "card.pdf"
    page.pdf(path=str(pdf), format="A4")
    texts = pdf_page_texts(pdf)
    shutil.copy(pdf, artifacts / "card-nurse.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", "3", str(pdf), str(artifacts / "card-nurse")], check=True)
    text = " ".join(texts)
    for expected in ("Kompetenskort", "Medarbetarens namn", "Arbetsplats", "Pumpmodell", "Inte ännu", "Ej aktuellt",
                     "Utskriven kopia är ostyrd", "Utför under handledning"):
        assert expected in text, f"the competence card lacks {expected!r}"
    for field in ("Praktiserat under handledning (datum)", "Bedömd och signerad (datum)", "Handledarens signatur", "Giltig t.o.m."):
        assert text.count(field) >= count, f"{field!r} is printed {text.count(field)} times for {count} items"
    for chrome in ("Gå till innehållet", "Tillgänglighetsredogörelse", "Rensa mina val", "Använd det inte som fastställd rutin"):
        assert chrome not in text, f"the competence card shows {chrome!r}"
    # The signature block is on one page, whole, and every item's fields stay with the item.
    block = ("Medarbetarens namnteckning", "Chefens eller handledarens underskrift", "Datum")
    pages = [n for n, t in enumerate(texts) if block[0] in t]
    assert len(pages) == 1 and all(label in texts[pages[0]] for label in block), "the signature block is split across pages"
    for n, t in enumerate(texts):
        assert t.count("Praktiserat under handledning") == t.count("Giltig t.o.m."), f"an item's sign-off fields are split on page {n + 1}"


def test_a_learner_back_after_six_months_is_asked_to_take_the_module_again(page: Page) -> None:
    page.goto(MODULE)
    note = page.locator(".pg-refresher")
    expect(note).to_be_hidden()
    version = page.locator(".pg-quiz").get_attribute("data-version")
    key = f"painguide:quiz:identifying-patients:v{version}"
    for done, shown in (("2020-01-15", True), (dt.date.today().isoformat(), False)):
        page.evaluate("([k, d]) => localStorage.setItem(k, JSON.stringify({choices: {}, first: {}, saved: d, done: d}))", [key, done])
        page.reload()
        if shown:
            expect(note).to_be_visible()
            expect(note).to_contain_text(f"Du gjorde självtestet {done}. Det är mer än 6 månader sedan.")
        else:
            expect(note).to_be_hidden()
