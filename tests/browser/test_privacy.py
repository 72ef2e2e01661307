"""No page makes a request to any host but the site's own: no fonts, no analytics, no CDN."""

from __future__ import annotations

from urllib.parse import urlsplit

from sitecheck import search, third_party_requests


def test_no_page_requests_anything_from_another_host(site_walk: dict[str, dict]) -> None:
    offenders = [request for facts in site_walk.values() for request in facts["third_party"]]
    assert not offenders, "requests to other hosts:\n" + "\n".join(offenders)


def test_the_recorder_sees_the_site_s_own_requests(walker) -> None:
    """Guards the test above: if requests went unrecorded, it would pass vacuously. With the
    local server treated as foreign, every request the page and its search make shows."""
    seen = third_party_requests(walker, "/checklists/", allowed_host="host.invalid")
    assert any(u.endswith(".css") for u in seen) and any(u.endswith(".js") for u in seen), seen
    assert any(u.endswith("/pagefind/pagefind-component-ui.js") for u in seen), f"the search is not among {seen}"
    assert all(u.startswith("/checklists/: http://127.0.0.1:") for u in seen), seen


def test_searching_and_ticking_request_nothing_from_another_host(walker) -> None:
    foreign = []

    def record(request) -> None:  # noqa: ANN001
        if urlsplit(request.url).scheme not in ("data", "blob") and urlsplit(request.url).hostname != "127.0.0.1":
            foreign.append(request.url)

    walker.context.on("request", record)
    try:
        found = search(walker, "/checklists/before-intrathecal-treatment/", "pump")
        walker.keyboard.press("Escape")  # close the search
        walker.locator(".pg-checklist input[type=checkbox]").first.check()
        walker.wait_for_load_state("networkidle")
    finally:
        walker.context.remove_listener("request", record)
    assert found["paths"], "the search found nothing, so it proved nothing"
    assert not foreign, f"/checklists/before-intrathecal-treatment/ (searching, ticking): {foreign}"
