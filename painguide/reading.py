"""How long a training module takes to read and answer, computed from its rendered page.

The page states this figure, per language (the English text is longer), so a module's
stated time cannot drift from its text. A reader of careful clinical text manages about
READING_WPM words a minute; each self-check question adds QUESTION_MINUTES, and its
feedback is read for the chosen option only (a third of it, with three options).
"""

from __future__ import annotations

import math
import re

READING_WPM = 150
"""Words a minute, careful reading of clinical text (the lower of the training review's two figures)."""
QUESTION_MINUTES = 0.5
"""Thinking time per self-check question, on top of reading it."""
PLACEHOLDER = "\x00reading-minutes\x00"
"""Stands in the page for its own reading time until the page's words are counted."""

_FEEDBACK = re.compile(r'<p class="pg-feedback"[^>]*>(.*?)</p>', re.S)
# What a reader on screen does not read: the header only a printout shows, "see"
# references, "from" lines under an include, a section's source line.
_NOT_READ = re.compile(r'<div class="pg-print-header"[^>]*>.*?</div>|<span class="pg-see">.*?</span>|<p class="(?:pg-include__from|pg-source)"[^>]*>.*?</p>', re.S)
_QUESTION = re.compile(r'<fieldset class="pg-question"')
_NOT_TEXT = re.compile(r"<[^>]+>|\]\([^)]*\)|\{[^}\n]*\}|^---$.*?^---$", re.S | re.M)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> int:
    """The words a reader reads in Markdown with HTML: tags, link targets and attribute lists left out."""
    return len(_WORD.findall(_NOT_TEXT.sub(" ", text)))


def reading_minutes(page: str, unread_from: str | None = None) -> int:
    """Minutes to read a module page and answer its questions (after the sections and in
    the self-check), rounded up. The page from the line unread_from on (the change log)
    and its navigation lines are document control, not reading."""
    if unread_from:
        page = page.split(f"\n{unread_from}\n", 1)[0]
    page = _NOT_READ.sub(" ", page)
    feedback = " ".join(_FEEDBACK.findall(page))
    questions = len(_QUESTION.findall(page))
    read = words(_FEEDBACK.sub(" ", page)) + words(feedback) / 3
    return max(1, math.ceil(read / READING_WPM + questions * QUESTION_MINUTES))
