"""The home page routes each reader: four doors, all on the first screen of a 360 px
phone in both languages, each leading to its section; patients reach the leaflets in the
order of their journey."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

JOURNEY = ["what-is-advanced-pain-treatment", "before-the-procedure", "living-with-an-external-pump",
           "the-internal-pump", "warning-signs", "for-relatives"]


@pytest.mark.parametrize(("url", "first"), [("/", "Patienter och närstående"), ("/en/", "Patients and relatives")])
def test_four_doors_on_a_phones_first_screen(page: Page, url: str, first: str, artifacts) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(url)
    doors = page.locator("nav.pg-doors .pg-door")
    expect(doors).to_have_count(4)
    expect(doors.first.locator(".pg-door__link")).to_have_text(first)
    for n in range(4):
        box = doors.nth(n).bounding_box()
        assert box and box["y"] + box["height"] <= 640, f"door {n + 1} ends at {box}; it is below the first screen"
    page.screenshot(path=str(artifacts / f"home-360-{url.strip('/') or 'sv'}.png"))
    targets = page.eval_on_selector_all("nav.pg-doors .pg-door__link", "els => els.map(e => e.pathname)")
    prefix = url.rstrip("/")
    assert targets == [f"{prefix}/patient-info/", f"{prefix}/pm/", f"{prefix}/training/", f"{prefix}/regional-recommendation/"]


def test_the_patients_door_leads_to_the_leaflets_in_the_order_of_the_journey(page: Page) -> None:
    page.goto("/")
    page.locator(".pg-door__link", has_text="Patienter och närstående").click()
    page.wait_for_url("**/patient-info/")
    links = page.eval_on_selector_all("article h2 a[href]", "els => els.map(e => e.pathname.split('/').filter(Boolean).pop())")
    assert [l for l in links if l in JOURNEY] == JOURNEY
