"""Leaflets for patients: read aloud only with a voice on the device, by keyboard, with
pause and stop; printed with the box for the patient's own team and number."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitecheck import install_hint

LEAFLET = "/patient-info/warning-signs/"


def leaflet_urls(site_dir: Path) -> list[str]:
    found = sorted(p.parent.name for p in (site_dir / "patient-info").glob("*/index.html") if p.parent.name != "status")
    assert len(found) >= 6, found
    return [f"{prefix}/patient-info/{name}/" for prefix in ("", "/en") for name in found]


# The longest line of text, in characters, across the leaflet's paragraphs and list items,
# found from where each character is laid out.
LONGEST_LINE_JS = """() => {
    let longest = 0, where = "";
    for (const el of document.querySelectorAll(".pg-leaflet-doc p, .pg-leaflet-doc li, .pg-leaflet-doc td")) {
        const lines = new Map();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i++) {
                range.setStart(node, i); range.setEnd(node, i + 1);
                const rect = range.getBoundingClientRect();
                if (!rect.width && !rect.height) continue;
                const top = Math.round(rect.top);
                lines.set(top, (lines.get(top) || 0) + 1);
            }
        }
        for (const n of lines.values()) if (n > longest) { longest = n; where = el.textContent.slice(0, 60); }
    }
    return [longest, where];
}"""


def fake_speech(page: Page, voices: list[dict]) -> None:
    """Replace the browser's speech synthesis with a recorder offering the given voices."""
    page.add_init_script(
        """(voices => {
            window.__speech = [];
            const fake = {
                getVoices: () => voices,
                speak: u => window.__speech.push(["speak", u.text, u.voice && u.voice.name, u.lang]),
                pause: () => window.__speech.push(["pause"]),
                resume: () => window.__speech.push(["resume"]),
                cancel: () => window.__speech.push(["cancel"]),
                addEventListener: () => {},
            };
            Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
            window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        })(%s)""" % json.dumps(voices)
    )


@pytest.mark.parametrize("url", [LEAFLET, "/en" + LEAFLET])
def test_no_listen_button_without_a_local_voice(page: Page, url: str) -> None:
    # Chrome's network voices send the text away: they do not count.
    fake_speech(page, [{"name": "Cloud sv", "lang": "sv-SE", "localService": False},
                       {"name": "Cloud en", "lang": "en-GB", "localService": False}])
    page.goto(url)
    expect(page.locator(".pg-listen")).to_be_hidden()


def test_no_listen_button_for_another_language_only(page: Page) -> None:
    fake_speech(page, [{"name": "Local en", "lang": "en-GB", "localService": True}])
    page.goto(LEAFLET)
    expect(page.locator(".pg-listen")).to_be_hidden()


@pytest.mark.parametrize(("url", "voice", "labels"), [
    (LEAFLET, "Local sv", ("Lyssna", "Pausa", "Fortsätt")),
    ("/en" + LEAFLET, "Local en", ("Listen", "Pause", "Resume")),
])
def test_listen_pause_resume_and_stop_by_keyboard(page: Page, url: str, voice: str, labels: tuple[str, str, str]) -> None:
    fake_speech(page, [{"name": "Cloud sv", "lang": "sv-SE", "localService": False},
                       {"name": "Local sv", "lang": "sv-SE", "localService": True},
                       {"name": "Local en", "lang": "en-GB", "localService": True}])
    page.goto(url)
    play = page.locator(".pg-listen__play")
    stop = page.locator(".pg-listen__stop")
    expect(play).to_be_visible()
    expect(play).to_have_text(labels[0])
    expect(stop).to_be_disabled()
    play.focus()
    page.keyboard.press("Enter")
    expect(play).to_have_text(labels[1])
    calls = page.evaluate("window.__speech")
    speak = [c for c in calls if c[0] == "speak"]
    assert len(speak) == 1 and speak[0][2] == voice
    heading = page.locator(".md-content h1").inner_text()
    assert speak[0][1].startswith(heading) and len(speak[0][1]) > 300
    page.keyboard.press("Enter")
    expect(play).to_have_text(labels[2])
    page.keyboard.press("Enter")
    expect(play).to_have_text(labels[1])
    page.keyboard.press("Tab")
    expect(stop).to_be_focused()
    page.keyboard.press("Enter")
    expect(play).to_have_text(labels[0])
    expect(stop).to_be_disabled()
    assert [c[0] for c in page.evaluate("window.__speech")][-4:] == ["speak", "pause", "resume", "cancel"]


def test_the_printed_leaflet_has_the_team_box_and_no_buttons(page: Page) -> None:
    fake_speech(page, [{"name": "Local sv", "lang": "sv-SE", "localService": True}])
    page.goto(LEAFLET)
    page.emulate_media(media="print")
    expect(page.locator(".pg-my-team")).to_be_visible()
    expect(page.locator(".pg-listen")).to_be_hidden()
    expect(page.locator(".pg-print-header")).to_be_visible()
    expect(page.locator(".pg-reviewed")).to_contain_text("Senast granskad")


# Was 2 pages until every leaflet had to list every warning sign of its device from the one
# catalogue (issue 17): that list alone is 15–31 rows. The one-page card by the phone is the
# warning-signs leaflet's next step (issue 20); until then no leaflet may grow past 4 pages.
LEAFLET_PAGES = 4


def test_every_leaflet_prints_on_at_most_four_a4_pages(page: Page, site_dir: Path, tmp_path: Path, artifacts: Path) -> None:
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, install_hint("pdfinfo (poppler-utils)")
    counts = {}
    for url in leaflet_urls(site_dir):
        page.goto(url)
        pdf = tmp_path / (url.strip("/").replace("/", "-") + ".pdf")
        page.pdf(path=str(pdf), format="A4")
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        counts[url] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    (artifacts / "leaflet-pages.json").write_text(json.dumps(counts, indent=1), encoding="utf-8")
    assert all(n <= LEAFLET_PAGES for n in counts.values()), counts


@pytest.mark.parametrize("width", [1280, 1920])
def test_leaflet_lines_are_at_most_75_characters_on_a_desktop(page: Page, site_dir: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for url in leaflet_urls(site_dir):
        page.goto(url)
        longest, where = page.evaluate(LONGEST_LINE_JS)
        assert 40 <= longest <= 75, f"{url}: a line of {longest} characters at {width} px ({where!r})"


def test_leaflet_text_is_at_least_the_themes_body_size(page: Page) -> None:
    size = "px => parseFloat(getComputedStyle(document.querySelector(px)).fontSize)"
    page.goto("/regional-recommendation/identification/")
    body = page.evaluate(size, ".md-typeset p")
    page.goto(LEAFLET)
    assert page.evaluate(size, ".pg-leaflet p") >= body
    assert page.evaluate(size, ".pg-leaflet li") >= body
    assert page.evaluate(size, ".pg-leaflet td") >= body, "the warning signs are not small print"
