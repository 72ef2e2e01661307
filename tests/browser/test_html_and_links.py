"""Every page is valid HTML (Nu HTML Checker) and no link or anchor is broken (linkchecker)."""

from __future__ import annotations

from pathlib import Path

from sitecheck import broken_links, vnu_errors


def test_every_page_is_valid_html(site_dir: Path) -> None:
    errors = vnu_errors(site_dir)
    assert not errors, f"{len(errors)} Nu HTML Checker error(s):\n" + "\n".join(errors)


def test_no_broken_links_or_anchors(site_dir: Path) -> None:
    broken = broken_links(site_dir)
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n" + "\n".join(broken)
