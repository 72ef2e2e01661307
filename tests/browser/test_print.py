"""Printing a checklist or a chapter: no navigation, a header that says what the paper is
(title, version, status, print date, uncontrolled copy), and no text cut off."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import install_hint

PRINTED = {
    "/checklists/before-intrathecal-treatment/": "checklist-sv",
    "/en/checklists/before-intrathecal-treatment/": "checklist-en",
    "/regional-recommendation/identification/": "chapter-sv",
    "/en/regional-recommendation/identification/": "chapter-en",
}
STATUS = {"sv": "Status: Utkast", "en": "Status: Draft"}
NOTICE = {"sv": "Utskriven kopia är ostyrd", "en": "A printed copy is uncontrolled"}
# A4 (210 mm) less the 15 mm margins of painguide.css's @page, at 96 px per inch.
PRINT_WIDTH = round((210 - 30) / 25.4 * 96)


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, install_hint(f"{name} (poppler-utils)")
    return path


def lang_of(url: str) -> str:
    return "en" if url.startswith("/en/") else "sv"


@pytest.fixture
def print_page(page: Page) -> Page:
    page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
    return page


@pytest.mark.parametrize("url", list(PRINTED))
def test_print_layout_has_no_navigation_and_a_print_header(print_page: Page, url: str) -> None:
    page = print_page
    page.goto(url)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-tabs"):
        for i in range(page.locator(chrome).count()):
            expect(page.locator(chrome).nth(i)).to_be_hidden()
    header = page.locator(".pg-print-header")
    expect(header).to_be_visible()
    title = page.locator(".pg-print-header__title").inner_text()
    assert title, f"{url}: the print header has no title"
    text = header.inner_text()
    # The version the page states on screen (document information, or a chapter's document line).
    on_screen = re.search(r"Version\s+(\d[\w.-]*)", page.locator(".pg-meta, .pg-docline").first.text_content())
    assert on_screen, f"{url}: no version on the page"
    version = on_screen.group(1)
    for expected in (f"Version {version}", STATUS[lang_of(url)], dt.date.today().isoformat(), NOTICE[lang_of(url)]):
        assert expected in text, f"{url}: the print header lacks {expected!r}: {text!r}"


@pytest.mark.parametrize("url", list(PRINTED))
def test_print_layout_cuts_no_text_off(print_page: Page, url: str) -> None:
    page = print_page
    page.goto(url)
    page.emulate_media(media="print")
    overflowing = page.evaluate(
        """() => {
            const content = document.querySelector(".md-content");
            const right = content.getBoundingClientRect().right + 1;
            const out = [];
            for (const el of content.querySelectorAll("*")) {
                const box = el.getBoundingClientRect();
                if (!box.width) continue;  // not rendered in print
                const css = getComputedStyle(el);
                if (box.right > right) out.push(`${el.tagName}.${el.className} ends at ${Math.round(box.right)} px, page at ${Math.round(right)} px`);
                else if (el.scrollWidth > el.clientWidth + 1 && css.overflowX !== "visible" && el.clientWidth)
                    out.push(`${el.tagName}.${el.className} hides ${el.scrollWidth - el.clientWidth} px of its content`);
            }
            return out;
        }"""
    )
    assert not overflowing, f"{url}: text cut off in print:\n" + "\n".join(overflowing[:20])


@pytest.mark.parametrize("url", list(PRINTED))
def test_pdf_says_what_it_is_and_keeps_all_text(page: Page, url: str, artifacts: Path, tmp_path: Path) -> None:
    lang = lang_of(url)
    page.goto(url)
    title = page.locator(".pg-print-header__title").inner_text()
    last_item = page.locator(".md-content li:visible").last.inner_text().split("\n")[0].strip()
    pdf = tmp_path / f"{PRINTED[url]}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for expected in (title, STATUS[lang], dt.date.today().isoformat(), NOTICE[lang], " ".join(last_item.split())[:60]):
        assert " ".join(expected.split()) in flat, f"{url}: the PDF lacks {expected!r}"
    for chrome in ({"sv": "Gå till innehållet", "en": "Skip to content"}[lang],
                   {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"}[lang]):
        assert chrome not in flat, f"{url}: the PDF shows the page furniture {chrome!r}"
    # Keep the PDF and its first page as an image for people to look at.
    shutil.copy(pdf, artifacts / pdf.name)
    subprocess.run([tool("pdftoppm"), "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(artifacts / pdf.stem)], check=True)
    assert (artifacts / f"{pdf.stem}-1.png").is_file()
