"""Browser suite: the freshly built site (tests/conftest.py's `built_site`), served on
127.0.0.1 and driven with Debian's Chromium through pytest-playwright.

Never `playwright install`: the suite uses /usr/bin/chromium. A missing tool fails the
run with a message saying how to install it; nothing is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitecheck import AXE_JS, CHROMIUM, ROOT, install_hint, serve, site_pages

CHROMIUM_ARGS = [
    "--no-sandbox",  # required as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # Without these Chromium calls Google on its own, which the privacy test would see.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(install_hint(f"Chromium ({CHROMIUM})"), pytrace=False)
    if not AXE_JS.is_file():
        pytest.fail(install_hint(f"axe-core ({AXE_JS.relative_to(ROOT)})"), pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    return built_site


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """One local server for the whole session; page.goto("/en/") works in every test."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> list[str]:
    """Every built page of both languages, found by walking the site folder."""
    found = site_pages(site_dir)
    assert len(found) >= 40, f"expected the whole site, found only {len(found)} pages: {found}"
    assert "/404.html" in found and "/en/404.html" in found, found
    sv = [p for p in found if not p.startswith("/en/")]
    en = [p for p in found if p.startswith("/en/")]
    assert len(sv) == len(en), f"both languages should have the same pages: {len(sv)} sv, {len(en)} en"
    return found


@pytest.fixture(scope="module")
def walker(browser, browser_context_args: dict):  # noqa: ANN001, ANN201 - playwright types
    """One page that visits many URLs in a row, for the checks that walk the whole site."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (git-ignored): PDFs and screenshots kept for people to look at."""
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
