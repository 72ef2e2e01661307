"""Every page is valid HTML (Nu HTML Checker) and no link or anchor is broken
(each page read once and its links checked against the files).

Both checks run in the background from the start of the session (conftest.offline_checks);
the checker functions are sitecheck.vnu_errors and sitecheck.broken_links.
"""

from __future__ import annotations

from concurrent.futures import Future


def test_every_page_is_valid_html(offline_checks: dict[str, Future]) -> None:
    errors = offline_checks["vnu"].result(timeout=600)
    assert not errors, f"{len(errors)} Nu HTML Checker error(s):\n" + "\n".join(errors)


def test_no_broken_links_or_anchors(offline_checks: dict[str, Future]) -> None:
    broken = offline_checks["links"].result(timeout=600)
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n" + "\n".join(broken)
