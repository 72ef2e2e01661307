"""Leaflets for patients: read aloud only with a voice on the device, by keyboard, with
pause and stop; printed with the box for the patient's own team and number."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

LEAFLET = "/patient-info/warning-signs/"


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
