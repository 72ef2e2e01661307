"""A module's reading time, from its rendered page."""

from __future__ import annotations

from painguide.reading import READING_WPM, reading_minutes, words


def test_words_leave_out_markup() -> None:
    text = '---\ntitle: "x"\n---\n# Rubrik { #id }\n\nEn [länk](../pm/x.md#steg) och <span class="pg-basis">ASIH-teamet</span>.'
    assert words(text) == 5  # Rubrik, En, länk, och, ASIH-teamet


def test_reading_counts_the_body_the_questions_and_a_third_of_the_feedback() -> None:
    body = " ".join(["ord"] * (2 * READING_WPM))
    quiz = ('<div class="pg-quiz">' + "".join(
        f'<fieldset class="pg-question"><legend>{q}. fråga</legend>'
        f'<p class="pg-feedback" data-option="0" hidden>{" ".join(["svar"] * 30)}</p></fieldset>' for q in range(4)) + "</div>")
    # 300 words of body, 8 of questions, 120 of feedback read as 40: 348 words, 2.3 minutes, plus 4 × 0.5.
    assert reading_minutes(body + quiz) == 5
    assert reading_minutes(body) == 2
