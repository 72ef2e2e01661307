"""On a 360 × 740 phone screen no page scrolls sideways (every page at 320 px: test_accessibility)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import one_page_of_each_kind

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def phone(browser, browser_context_args: dict):  # noqa: ANN001, ANN201
    context = browser.new_context(**browser_context_args, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(phone, pages: list[str]) -> None:
    wide = []
    for url in one_page_of_each_kind(pages):
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprits = phone.evaluate(
                """(limit) => [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > limit + 1 && getComputedStyle(e).position !== "fixed")
                    .slice(0, 5).map(e => e.tagName + "." + e.className)""",
                PHONE["width"],
            )
            wide.append(f"{url}: {width} px wide, e.g. {culprits}")
    assert not wide, "pages wider than a 360 px screen:\n" + "\n".join(wide)


@pytest.mark.parametrize(
    ("url", "name"),
    [("/checklists/before-intrathecal-treatment/", "mobile-checklist-sv"),
     ("/en/regional-recommendation/current-situation/", "mobile-chapter-en")],
)
def test_phone_screenshots(phone, url: str, name: str, artifacts: Path) -> None:
    """Kept in test-artifacts/ for people to look at: the top of the page, and further down
    (the checklist items; a wide table)."""
    phone.goto(url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=str(artifacts / f"{name}-top.png"))
    phone.locator(".pg-checklist ol, .pg-table").first.evaluate(
        "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120)"
    )
    phone.screenshot(path=str(artifacts / f"{name}-body.png"))
    assert (artifacts / f"{name}-body.png").stat().st_size > 10_000
