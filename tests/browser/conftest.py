"""Browser suite: the freshly built site (tests/conftest.py's `built_site`), served on
127.0.0.1 and driven with Debian's Chromium through pytest-playwright.

Never `playwright install`: the suite uses /usr/bin/chromium. A missing tool fails the
run with a message saying how to install it; nothing is skipped.

The server sends the site's Content-Security-Policy (painguide/serving.py), and every
browser context the suite opens records violations of it: a test fails, at its teardown,
on any violation seen while it ran (test_csp.py proves the recorder sees one).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from sitecheck import (
    AXE_JS,
    CHROMIUM,
    ROOT,
    broken_links,
    format_csp,
    install_hint,
    page_facts,
    serve,
    site_pages,
    third_party_requests,
    vnu_errors,
    watch_csp,
)

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
def csp_log() -> list[dict]:
    """Every Content-Security-Policy violation seen and not yet reported (see no_csp_violations)."""
    return []


@pytest.fixture(scope="session")
def browser(browser, csp_log: list[dict]):  # noqa: ANN001, ANN201 - playwright types
    """pytest-playwright's browser, whose every new context (the `page` fixture's and those
    the tests open themselves) records CSP violations into csp_log."""
    original = browser.new_context

    def new_context(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        context = original(*args, **kwargs)
        watch_csp(context, csp_log)
        return context

    browser.new_context = new_context

    def new_page(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("browser.new_page's context would not record CSP violations: use browser.new_context().new_page()")

    browser.new_page = new_page
    yield browser
    del browser.new_context, browser.new_page
    if csp_log:  # seen after the last test ended (as a module's own context closed)
        pytest.fail(format_csp(csp_log), pytrace=False)


@pytest.fixture(autouse=True)
def no_csp_violations(request: pytest.FixtureRequest, csp_log: list[dict]) -> Iterator[None]:
    """Fails the test on any CSP violation seen since the last test ended: while it ran, and
    while the fixtures it uses (the shared site walk, for one) were set up."""
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            try:
                context.cookies()  # a round trip, so that reports already sent arrive first
            except Exception:  # noqa: BLE001, S110 - a context closing meanwhile has nothing to add
                pass
    found, csp_log[:] = csp_log[:], []
    if found:
        pytest.fail(format_csp(found), pytrace=False)


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    return built_site


@pytest.fixture(scope="session", autouse=True)
def offline_checks(request: pytest.FixtureRequest, site_dir: Path) -> Iterator[dict[str, Future]]:
    """The Nu HTML Checker and the link check need no browser: when test_html_and_links.py is
    part of the run, they start with the first browser test and run beside the others."""
    wanted = any(item.path.name == "test_html_and_links.py" for item in request.session.items)
    if not wanted:
        yield {}
        return
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="offline-check") as pool:
        yield {"vnu": pool.submit(vnu_errors, site_dir), "links": pool.submit(broken_links, site_dir)}


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


@pytest.fixture(scope="session")
def site_walk(browser, browser_context_args: dict, pages: list[str]) -> dict[str, dict]:  # noqa: ANN001
    """One visit to every page, shared by the privacy, language and footer tests: the
    requests it made to other hosts (until the network was idle), and its page_facts."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    walk = {}
    try:
        for url in pages:
            foreign = third_party_requests(page, url)
            walk[url] = {"third_party": foreign, **page_facts(page)}
    finally:
        context.close()
    return walk


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
