"""A PM at the bedside: on a phone the first thing is the way to "When to call", numbers
are tel: links and placeholders are not, and on paper no step and no warning-sign group
is split across pages; a region packet starts each PM on a new page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import install_hint

PM = "/pm/monitoring-at-home/"
PACKET = "/regions/skane/packet/"


def pdf_pages(page: Page, pdf: Path, mode: str = "-raw") -> list[str]:
    """Each printed page's text. -raw keeps the text in document order, so a table's cells
    do not interleave; -layout orders it from the top of the page down, which is what a
    reader sees first (floats, such as a leaflet's drawing, are painted before the text
    around them, so in document order they come first)."""
    if not pdf.exists():
        page.pdf(path=str(pdf), format="A4")
    tool = shutil.which("pdftotext")
    assert tool, install_hint("pdftotext (poppler-utils)")
    text = subprocess.run([tool, mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f")]


def flat(text: str) -> str:
    """Text as the PDF shows it: single spaces, no heading-link marks (hidden in print)."""
    return " ".join(text.replace("¶", " ").split())


@pytest.mark.parametrize("url", [PM, "/en" + PM])
def test_when_to_call_is_the_first_thing_on_a_phone(page: Page, url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(url)
    link = page.locator(".pg-jump a")
    expect(link).to_be_visible()
    assert link.bounding_box()["y"] + link.bounding_box()["height"] < 740, "the jump link is below the first screen"
    link.click()
    target = page.locator(f"#{url.strip('/').split('/')[-1]}-warning-signs")
    expect(target).to_be_in_viewport()
    assert page.url.endswith("-warning-signs")


@pytest.mark.parametrize("url", [PM, "/en" + PM])
def test_numbers_are_tel_links_and_placeholders_are_not(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator('a[href="tel:112"]').first).to_be_visible()
    placeholders = page.locator(".pg-placeholder")
    assert placeholders.count() >= 1
    for i in range(placeholders.count()):
        inside_link = placeholders.nth(i).evaluate("el => !!el.closest('a')")
        assert not inside_link, "a placeholder number must not be a link"
    for href in page.locator('a[href^="tel:"]').evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert re.fullmatch(r"tel:\+?[0-9]+", href), href


@pytest.mark.parametrize("url", [PM, "/en" + PM])
def test_no_step_or_warning_sign_is_split_across_printed_pages(page: Page, url: str, tmp_path: Path, artifacts: Path) -> None:
    # A PM lists every catalogue sign of its device, so an urgency group can be longer than a
    # page; then the group breaks between signs, never inside one, and its heading and
    # instruction stay with its first sign.
    page.goto(url)
    blocks = page.locator(".pg-steps li, tr[data-sign]").evaluate_all("els => els.map(e => e.innerText)")
    groups = page.locator(".pg-urgency").evaluate_all(
        "els => els.map(e => [e.querySelector('h3, h4').innerText, e.querySelector('tbody tr').innerText])")
    assert len(blocks) >= 20 and len(groups) >= 3
    pdf = tmp_path / "pm.pdf"
    texts = pdf_pages(page, pdf)
    assert len(texts) >= 2, "the PM should be long enough to test page breaks"
    for block in blocks:
        words = flat(block)
        head, tail = words[:40], words[-40:]
        pages = [i for i, t in enumerate(texts) if head in t and tail in t]
        assert pages, f"split across pages, or missing from the PDF: {words[:80]!r}"
    for heading, first in groups:
        head, tail = flat(heading), flat(first)[-40:]
        assert [i for i, t in enumerate(texts) if head in t and tail in t], f"{head!r} is not on the page of its first sign"
    name = "pm-en" if url.startswith("/en/") else "pm-sv"
    shutil.copy(pdf, artifacts / f"{name}.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(artifacts / name)], check=True)


def test_a_region_packet_starts_each_document_on_a_new_page(page: Page, tmp_path: Path, artifacts: Path) -> None:
    page.goto(PACKET)
    titles = page.locator(".pg-packet-doc .pg-print-header__title").all_inner_texts()
    assert len(titles) >= 2
    pdf = tmp_path / "packet.pdf"
    texts = pdf_pages(page, pdf, "-layout")
    starts = [t for t in texts if any(t.startswith(flat(title)) for title in titles)]
    assert len(starts) == len(titles), f"{len(titles)} documents but {len(starts)} pages start with a document header"
    # Staff documents (PMs) carry the uncontrolled-copy notice; patients' leaflets do not.
    notice = "Utskriven kopia är ostyrd"
    staff = page.locator(".pg-packet-doc:has(.pg-print-header__notice) .pg-print-header__title").all_inner_texts()
    assert staff and len(staff) < len(titles)
    for title in titles:
        start = next(t for t in texts if t.startswith(flat(title)))
        assert "Version" in start, f"{title}: no header with the version on its first page"
        assert (notice in start) == (title in staff), f"{title}: the uncontrolled-copy notice is {'missing' if title in staff else 'on a leaflet'}"
    shutil.copy(pdf, artifacts / "packet-skane.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-l", "6", str(pdf), str(artifacts / "packet-skane")], check=True)


@pytest.mark.parametrize("url", ["/documents/", "/en/documents/"])
def test_the_register_sorts_by_a_column_with_the_keyboard(page: Page, url: str) -> None:
    page.goto(url)
    rows = page.locator(".pg-register tbody tr")
    assert rows.count() >= 10
    valid = page.locator(".pg-register thead th").nth(6)
    valid.locator("button").focus()
    page.keyboard.press("Enter")
    expect(valid).to_have_attribute("aria-sort", "ascending")
    cells = page.locator(".pg-register tbody tr td:nth-child(7)")
    ascending = [t.strip() for t in cells.all_inner_texts()]
    dates = [t for t in ascending if t[:1].isdigit()]
    assert dates == sorted(dates) and ascending[: len(dates)] == dates, ascending
    page.keyboard.press("Enter")
    expect(valid).to_have_attribute("aria-sort", "descending")
    descending = [t.strip() for t in cells.all_inner_texts()]
    assert descending == sorted(descending, key=ascending.index, reverse=True)
