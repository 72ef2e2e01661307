"""axe-core finds no violation on any page, in either language: of WCAG 2.2 A/AA and
best practice as built and on a 320 px wide screen (WCAG 1.4.10 reflow), and of WCAG 2.1
A/AA with a checklist half ticked."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import AXE_JS, AXE_TAGS_STRICT, axe_violations, format_violations, run_axe


@pytest.fixture(scope="module")
def axe_page(browser, browser_context_args: dict):  # noqa: ANN001, ANN201
    """A page with axe-core injected into every document it loads (faster than a tag)."""
    context = browser.new_context(**browser_context_args)
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    yield page
    context.close()


def test_every_page_has_no_axe_violations(axe_page, pages: list[str]) -> None:
    violations = [v for url in pages for v in axe_violations(axe_page, url, tags=AXE_TAGS_STRICT)]
    assert not violations, format_violations(violations)


def test_half_ticked_checklists_have_no_axe_violations(axe_page, site_dir: Path, pages: list[str]) -> None:
    checklists = [p for p in pages if not p.endswith("404.html") and 'class="pg-checklist"' in (site_dir / p.lstrip("/") / "index.html").read_text("utf-8")]
    assert len(checklists) >= 4, f"expected the checklist pages in both languages, found {checklists}"
    violations = []
    for url in checklists:
        axe_page.goto(url)
        boxes = axe_page.locator(".pg-checklist input[type=checkbox][data-item]:visible")
        count = boxes.count()
        assert count >= 2, f"{url}: only {count} visible checkboxes"
        for i in range(0, count, 2):
            boxes.nth(i).check()
        ticked = (count + 1) // 2
        progress = axe_page.locator(".pg-progress").inner_text()
        assert progress.startswith(f"{ticked} "), f"{url}: ticked {ticked} of {count}, progress says {progress!r}"
        violations += [{"page": f"{url} (half ticked)", **v} for v in run_axe(axe_page)]
    assert not violations, format_violations(violations)


def test_every_page_at_320px_has_no_axe_violations_and_reflows(browser, browser_context_args: dict, pages: list[str]) -> None:
    """WCAG 1.4.10: at 320 CSS px (400 % zoom of 1280 px) nothing scrolls sideways but tables."""
    context = browser.new_context(**browser_context_args, viewport={"width": 320, "height": 640})
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    violations, wide = [], []
    try:
        for url in pages:
            violations += [{**v, "page": f"{url} (320 px)"} for v in axe_violations(page, url, tags=AXE_TAGS_STRICT)]
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{url}: {width} px wide at 320 px")
    finally:
        context.close()
    assert not violations, format_violations(violations)
    assert not wide, "pages that scroll sideways at 320 px:\n" + "\n".join(wide)


# -- the accessibility statement -------------------------------------------------------

DIGG_COMPLAINTS = (
    "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/"
    "anmal-bristande-tillganglighet"
)

STATEMENT = {
    "/accessibility/": {
        "title": "Tillgänglighetsredogörelse",
        "must_say": ["2018:1937", "delvis förenlig", "WCAG 2.1", "EN 301 549", "Kända brister", "3.1.2",
                     "23 november 2026", "axe-core", "Nu HTML Checker", "länkkontroll", "tangentbordet", "platshållare"],
    },
    "/en/accessibility/": {
        "title": "Accessibility statement",
        "must_say": ["2018:1937", "partially compliant", "WCAG 2.1", "EN 301 549", "Known problems", "3.1.2",
                     "23 November 2026", "axe-core", "Nu HTML Checker", "link check", "keyboard", "placeholder"],
    },
}


@pytest.mark.parametrize("url", list(STATEMENT))
def test_accessibility_statement_says_what_digg_requires(page, url: str) -> None:
    expected = STATEMENT[url]
    page.goto(url)
    assert page.title().startswith(expected["title"]), page.title()
    assert expected["title"] in page.locator("h1").inner_text()
    text = page.locator(".md-content").inner_text()
    missing = [phrase for phrase in expected["must_say"] if phrase not in text]
    assert not missing, f"{url} does not mention: {missing}"
    # The complaint route to DIGG, and a feedback address that is obviously a placeholder.
    assert page.locator(f'.md-content a[href="{DIGG_COMPLAINTS}"]').count() == 1, f"{url}: no link to DIGG's complaint form"
    mailto = page.locator('.md-content a[href^="mailto:"]').get_attribute("href")
    assert mailto and mailto.endswith("@example.org"), f"{url}: the contact should be a placeholder at example.org, not {mailto}"


def test_every_page_links_to_the_accessibility_statement_in_its_footer(site_walk: dict[str, dict], site_dir: Path) -> None:
    label = {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"}
    problems = []
    for url, facts in site_walk.items():
        lang = "en" if url.startswith("/en/") else "sv"
        links = [link for link in facts["footer"] if link["text"] == label[lang]]
        if len(links) != 1:
            problems.append(f"{url}: no footer link labelled {label[lang]!r} among {facts['footer']}")
            continue
        target = links[0]["path"]
        expected = "/en/accessibility/" if lang == "en" else "/accessibility/"
        if target != expected:
            problems.append(f"{url}: the footer link leads to {target}, not {expected}")
        if not (site_dir / target.lstrip("/") / "index.html").is_file():
            problems.append(f"{url}: the footer link leads to {target}, which was not built")
    assert not problems, "\n".join(problems)
