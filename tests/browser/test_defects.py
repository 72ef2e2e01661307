"""The checkers catch what they are for: a copy of the built site, damaged on purpose in
four pages, makes each checker name the page and the problem.

    /regions/skane/                     an image without alt text
    /glossary/                          a stylesheet from Google Fonts
    /sources/                           a link to a page that does not exist, and to a missing anchor
    /regional-recommendation/scope/     a paragraph of light grey text (#ccc on white)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitecheck import axe_violations, broken_links, format_violations, serve, third_party_requests, vnu_errors

GOOGLE_FONT = "https://fonts.googleapis.com/css2?family=Roboto&display=swap"


def inject(site: Path, url: str, before: str, html: str) -> None:
    """Insert html into the page at url, just before the first `before`."""
    path = site / url.lstrip("/") / "index.html"
    text = path.read_text("utf-8")
    assert before in text, f"{url}: cannot find {before!r} to inject the defect"
    path.write_text(text.replace(before, html + before, 1), "utf-8")


@pytest.fixture(scope="module")
def damaged_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("damaged") / "site"
    shutil.copytree(site_dir, site)
    inject(site, "/regions/skane/", "</article>", '<p><img src="../../assets/images/favicon.png"></p>')
    inject(site, "/glossary/", "</head>", f'<link rel="stylesheet" href="{GOOGLE_FONT}">')
    inject(site, "/sources/", "</article>", '<p><a href="../nope/">Broken</a> <a href="../glossary/#nope">Gone</a></p>')
    inject(site, "/regional-recommendation/scope/", "</article>", '<p style="color:#ccc">Light grey text.</p>')
    return site


@pytest.fixture(scope="module")
def damaged_url(damaged_site: Path) -> Iterator[str]:
    # Without the Content-Security-Policy, which would block the Google Font before it is
    # requested: these tests are about the checkers, and the privacy check must see it go out.
    with serve(damaged_site, policy=None) as url:
        yield url


def test_axe_names_the_page_with_an_image_without_alt_text(page, damaged_url: str) -> None:
    found = axe_violations(page, damaged_url + "regions/skane/")
    report = format_violations(found)
    assert any(v["id"] == "image-alt" and v["page"] == "/regions/skane/" for v in found), report
    assert "/regions/skane/: image-alt (critical)" in report and "favicon.png" in report, report


def test_axe_names_the_page_with_low_contrast_text(page, damaged_url: str) -> None:
    found = axe_violations(page, damaged_url + "regional-recommendation/scope/")
    report = format_violations(found)
    assert any(v["id"] == "color-contrast" and v["page"] == "/regional-recommendation/scope/" for v in found), report
    assert "Light grey text." in report, report


def test_privacy_check_names_the_page_that_loads_a_google_font(page, damaged_url: str) -> None:
    found = third_party_requests(page, damaged_url + "glossary/")
    assert f"/glossary/: {GOOGLE_FONT}" in found, found


def test_the_undamaged_pages_stay_clean(page, damaged_url: str) -> None:
    """The checks above fail because of the damage, not because the pages were bad anyway."""
    assert axe_violations(page, damaged_url + "regions/halland/") == []
    assert third_party_requests(page, damaged_url + "regions/halland/") == []


def test_vnu_names_the_page_with_an_image_without_alt_text(damaged_site: Path) -> None:
    errors = vnu_errors(damaged_site)
    assert any(e.startswith("/regions/skane/index.html:") and "alt" in e for e in errors), errors


def test_link_check_names_the_page_with_a_broken_link_and_a_missing_anchor(damaged_site: Path) -> None:
    found = broken_links(damaged_site)
    assert any(f.startswith("/sources/: ../nope/:") and "404" in f for f in found), found
    assert any(f.startswith("/sources/: ../glossary/#nope:") and "nope" in f for f in found), found
    assert not [f for f in found if not f.startswith("/sources/")], found
