"""The live preview in Chromium: the page reloads itself after a save, and a content error
shows as an alert above the last good page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from bench.preview import Served, retitle
from painguide.languages import primary
from sitecheck import AXE_TAGS, add_axe
from tiny import LANGUAGES, TODAY, make_project

PM = "content/pm/demo-pm.yaml"


def test_the_preview_reloads_itself_and_shows_errors(page: Page, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    with Served(root, today=TODAY.isoformat(), startup=300) as served:
        page.goto(f"{served.url}/pm/demo-pm/")
        expect(page.get_by_role("alert")).to_have_count(0)

        retitle(root / PM, "MARK-live", primary(LANGUAGES).code)
        expect(page.locator("h1")).to_contain_text("MARK-live", timeout=20_000)  # no reload by hand

        path = root / PM
        path.write_text(path.read_text(encoding="utf-8").replace("purpose: ", "purpose:\t", 1), encoding="utf-8")
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("demo-pm.yaml", timeout=20_000)
        expect(alert).to_contain_text("a tab character is not allowed; use spaces")
        expect(page.locator("h1")).to_contain_text("MARK-live")  # the last good page, under the alert
        add_axe(page)
        found = page.evaluate("async (tags) => (await axe.run('.pg-preview-errors', {runOnly: {type: 'tag', values: tags}}))"
                              ".violations.map(v => v.id)", AXE_TAGS)
        assert found == [], found  # the banner itself passes axe (contrast, roles)

        path.write_text(path.read_text(encoding="utf-8").replace("purpose:\t", "purpose: ", 1), encoding="utf-8")
        expect(page.get_by_role("alert")).to_have_count(0, timeout=20_000)
