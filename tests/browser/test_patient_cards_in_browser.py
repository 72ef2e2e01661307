"""The patients' cards (issue 20, parts 4 and 6): "My pain treatment", filled in by hand,
prints on one A4 page; the easy-to-read warning card prints at 12 pt on at most two, in
both languages; neither has a form field: nothing is typed into the site or stored."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import install_hint

CARDS = ["/patient-info/cards/my-pain-treatment/", "/patient-info/cards/warning-signs-easy/"]
URLS = [prefix + card for prefix in ("", "/en") for card in CARDS]


def test_my_card_prints_on_one_a4_page_and_the_easy_card_on_two_at_12_pt(page: Page, tmp_path: Path, artifacts: Path) -> None:
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, install_hint("pdfinfo (poppler-utils)")
    counts = {}
    for url in URLS:
        page.goto(url)
        pdf = tmp_path / (url.strip("/").replace("/", "-") + ".pdf")
        page.pdf(path=str(pdf), format="A4")
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        counts[url] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    (artifacts / "patient-card-pages.json").write_text(json.dumps(counts, indent=1), encoding="utf-8")
    for url, n in counts.items():
        assert n <= (1 if url.endswith(CARDS[0]) else 2), counts
    page.goto(CARDS[1])
    page.emulate_media(media="print")
    points = page.evaluate("() => [...document.querySelectorAll('.pg-pcard--easy li, .pg-pcard--easy .pg-easy__do')].map(e => parseFloat(getComputedStyle(e).fontSize) * 0.75)")
    assert points and min(points) >= 12, min(points)


@pytest.mark.parametrize("url", URLS)
def test_a_card_has_no_form_fields(page: Page, url: str) -> None:
    page.goto(url)
    fields = page.locator(".md-content :is(input, textarea, select, [contenteditable]:not([contenteditable='false']))")
    expect(fields).to_have_count(0)


@pytest.mark.parametrize("prefix, words", [("", "Säg till 112 att jag har en smärtpump"), ("/en", "Tell 112 that I have a pain pump")])
def test_my_card_has_every_field(page: Page, prefix: str, words: str) -> None:
    page.goto(prefix + CARDS[0])
    card = page.locator(".pg-pcard--mine")
    expect(card).to_contain_text(words)
    expect(card.locator(".pg-pcard__blank")).to_have_count(5)  # team, daytime, out of hours, no answer (2 lines)
    expect(card.locator(".pg-pcard__box")).to_have_count(4)  # intrathecal/epidural, external/internal
    expect(card.locator("table.pg-pcard__dates tbody tr")).to_have_count(4)


def test_the_easy_card_shows_the_catalogues_signs_with_their_urgency(page: Page) -> None:
    page.goto("/warning-signs/")
    catalogue = dict(page.evaluate("() => [...document.querySelectorAll('tr[data-sign]')].map(e => [e.dataset.sign, e.dataset.urgency])"))
    for url in (CARDS[1], "/en" + CARDS[1]):
        page.goto(url)
        shown = page.evaluate("""() => [...document.querySelectorAll('li[data-sign]')].map(e =>
            [e.dataset.sign, e.dataset.urgency, e.closest('section').className])""")
        assert len(shown) >= 20, shown
        for sign, urgency, section in shown:
            assert catalogue.get(sign) == urgency, (url, sign, urgency)
            assert f"pg-urgency--{urgency}" in section or "pg-urgency--dying" in section, (url, sign, section)


def test_the_cards_are_linked_from_the_index_and_the_warning_signs_leaflet(page: Page) -> None:
    for source in ("/patient-info/", "/patient-info/warning-signs/"):
        page.goto(source)
        for card in CARDS:
            assert page.locator(f"a[href$='{card.split('/')[-2]}/']").count() >= 1, (source, card)


@pytest.mark.parametrize("url", URLS)
def test_a_card_speaks_to_patients_not_staff(page: Page, url: str) -> None:
    page.goto(url)
    text = page.locator("article").inner_text()
    for word in ("RCC", "HTA", "ostyrd", "fastställ", "uncontrolled", "approved"):
        assert word not in text, f"{url} shows {word!r}"
