"""Interactive checklists: ticks kept per browser and document version, a reset, keyboard
use with visible focus, an announced progress count, variants, and nothing but ticks stored."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from sitecheck import open_search

CHECKLISTS = [
    "/checklists/identification/",
    "/checklists/before-intrathecal-treatment/",
    "/en/checklists/identification/",
    "/en/checklists/before-intrathecal-treatment/",
]
VARIANT_CHECKLISTS = [u for u in CHECKLISTS if "before-intrathecal-treatment" in u]
PREFIX = "painguide:checklist:"

BOXES = ".pg-checklist input[type=checkbox][data-item]"


def visible_boxes(page: Page):  # noqa: ANN201
    return page.locator(f"{BOXES}:visible")


def ticked(page: Page) -> list[str]:
    return page.eval_on_selector_all(f"{BOXES}:checked", "boxes => boxes.map(b => b.dataset.item)")


def storage(page: Page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def storage_key(page: Page) -> str:
    root = page.locator(".pg-checklist")
    return f"{PREFIX}{root.get_attribute('data-checklist')}:v{root.get_attribute('data-version')}"


def expected_progress(page: Page, done: int, shown: int) -> re.Pattern[str]:
    """The count the progress line starts with ("2 av 20 punkter avbockade"); an outcome
    sentence may follow it once the ticks meet the checklist's rules."""
    template = page.locator(".pg-checklist").get_attribute("data-label-progress")
    count = template.replace("{x}", str(done)).replace("{n}", str(shown))
    return re.compile("^" + re.escape(count) + r"(?!\w)")


def test_the_checklist_pages_exist_and_are_interactive(site_dir) -> None:  # noqa: ANN001
    for url in CHECKLISTS:
        html = (site_dir / url.lstrip("/") / "index.html").read_text("utf-8")
        assert 'class="pg-checklist"' in html and 'data-item="' in html, f"{url} has no interactive checklist"


@pytest.mark.parametrize("url", CHECKLISTS)
def test_ticks_survive_a_reload(page: Page, url: str) -> None:
    page.goto(url)
    boxes = visible_boxes(page)
    boxes.nth(0).check()
    boxes.nth(2).check()
    before = ticked(page)
    assert len(before) == 2
    page.reload()
    assert ticked(page) == before, f"{url}: ticks before reload {before}, after {ticked(page)}"
    expect(page.locator(".pg-progress")).to_have_text(expected_progress(page, 2, boxes.count()))


@pytest.mark.parametrize("url", CHECKLISTS)
def test_reset_clears_every_tick(page: Page, url: str) -> None:
    page.goto(url)
    boxes = visible_boxes(page)
    for i in range(3):
        boxes.nth(i).check()
    page.locator(".pg-reset").click()
    assert ticked(page) == [], f"{url}: still ticked after reset: {ticked(page)}"
    expect(page.locator(".pg-progress")).to_have_text(expected_progress(page, 0, boxes.count()))
    page.reload()
    assert ticked(page) == [], f"{url}: ticks came back after reset and reload: {ticked(page)}"
    assert storage_key(page) not in storage(page)


@pytest.mark.parametrize("url", CHECKLISTS)
def test_a_new_document_version_does_not_show_old_ticks(page: Page, url: str) -> None:
    page.goto(url)
    first = visible_boxes(page).nth(0).get_attribute("data-item")
    current = storage_key(page)
    old = re.sub(r":v[^:]+$", ":v0.0", current)
    assert old != current
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [old, json.dumps({"ticks": [first]})])
    page.reload()
    assert ticked(page) == [], f"{url}: ticks of version 0.0 shown on version {current}: {ticked(page)}"
    assert old not in storage(page), f"{url}: the key of the old version {old} was not removed"


@pytest.mark.parametrize("url", CHECKLISTS)
def test_keyboard_alone_ticks_a_box_with_visible_focus(page: Page, url: str) -> None:
    page.goto(url)
    first = visible_boxes(page).nth(0)
    first_id = first.get_attribute("id")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == first_id:
            break
    else:
        pytest.fail(f"{url}: 300 presses of Tab never reached the first checkbox #{first_id}")
    outline = first.evaluate("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }")
    assert outline[0] != "none" and outline[1] != "0px", f"{url}: no visible focus on the checkbox: outline {outline}"
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(page.locator(".pg-progress")).to_have_text(expected_progress(page, 1, visible_boxes(page).count()))
    page.keyboard.press("Space")
    expect(first).not_to_be_checked()


@pytest.mark.parametrize("url", CHECKLISTS)
def test_progress_is_announced_and_counts_ticks(page: Page, url: str) -> None:
    page.goto(url)
    progress = page.locator(".pg-progress")
    assert progress.get_attribute("role") == "status"
    assert progress.get_attribute("aria-live") == "polite"
    expect(progress).to_be_visible()
    boxes = visible_boxes(page)
    n = boxes.count()
    assert n >= 5
    expect(progress).to_have_text(expected_progress(page, 0, n))
    boxes.nth(0).check()
    expect(progress).to_have_text(expected_progress(page, 1, n))
    boxes.nth(n - 1).check()
    expect(progress).to_have_text(expected_progress(page, 2, n))


def test_progress_reads_as_expected_in_swedish(page: Page) -> None:
    page.goto("/checklists/before-intrathecal-treatment/")
    visible_boxes(page).nth(0).check()
    expect(page.locator(".pg-progress")).to_have_text("1 av 20 punkter avbockade")


@pytest.mark.parametrize("url", VARIANT_CHECKLISTS)
def test_variant_switch_changes_the_items(page: Page, url: str) -> None:
    page.goto(url)
    variants = page.locator(".pg-variants")
    expect(variants).to_be_visible()
    external = variants.locator("input[type=radio][value=external]")
    internal = variants.locator("input[type=radio][value=internal]")
    expect(external).to_be_checked()
    expect(visible_boxes(page)).to_have_count(20)
    expect(page.locator(".pg-progress")).to_have_text(expected_progress(page, 0, 20))
    internal.check()
    # 15 common points, the 3 internal-pump requirements and the council's 2 conditions
    expect(visible_boxes(page)).to_have_count(20)
    expect(page.locator(".pg-progress")).to_have_text(expected_progress(page, 0, 20))
    shown = page.eval_on_selector_all(f"{BOXES}:visible", "bs => bs.map(b => b.dataset.variants || 'common')")
    assert shown.count("common") == 15 and shown.count("internal") == 5, f"{url}: internal shows {shown}"
    assert page.locator("#elig-i1").is_visible() and not page.locator("#req-07").is_visible()
    external.check()
    expect(visible_boxes(page)).to_have_count(20)


@pytest.mark.parametrize("url", CHECKLISTS)
def test_storage_holds_nothing_but_ticks(page: Page, url: str) -> None:
    page.goto(url)
    boxes = visible_boxes(page)
    boxes.nth(0).check()
    boxes.nth(1).check()
    boxes.nth(1).uncheck()
    if url in VARIANT_CHECKLISTS:
        page.locator(".pg-variants input[value=internal]").check()
    visible_boxes(page).nth(3).check()
    open_search(page, url).fill("pump")  # the search's own state must not end up in storage either
    page.reload()
    items = set(page.eval_on_selector_all(BOXES, "bs => bs.map(b => b.dataset.item)"))
    everything = storage(page)
    assert everything, f"{url}: nothing was stored"
    for key, value in everything.items():
        assert key.startswith(PREFIX), f"{url}: unexpected localStorage key {key!r} = {value!r}"
        data = json.loads(value)
        assert list(data) == ["ticks"], f"{url}: {key} holds more than ticks: {value}"
        assert data["ticks"] and set(data["ticks"]) <= items, f"{url}: {key} holds more than item ids: {value}"
    assert set(json.loads(everything[storage_key(page)])["ticks"]) == set(ticked(page))
