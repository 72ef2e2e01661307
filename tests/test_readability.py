"""LIX against examples counted by hand (words / sentences + 100 × long words / words)."""

from __future__ import annotations

import pytest

from painguide.readability import lix, sentences


@pytest.mark.parametrize(
    ("blocks", "words", "sentences_", "long_words", "value"),
    [
        # Pumpen sitter utanför kroppen | Sköterskan byter kassetten: 7 words, 2 sentences,
        # long: utanför, kroppen, Sköterskan, kassetten. 7/2 + 400/7 = 60.64
        (["Pumpen sitter utanför kroppen. Sköterskan byter kassetten."], 7, 2, 4, 60.6),
        # "t.ex." does not end the sentence; its letters are two short words. 7/2 + 0
        (["Ring t.ex. teamet. Det går bra!"], 7, 2, 0, 3.5),
        # A hyphenated word is one word of 10 letters. 3/1 + 100/3 = 36.33
        (["ASIH-teamet kommer hem."], 3, 1, 1, 36.3),
        # Each list item ends a sentence without a full stop; 6 letters is not long. 4/2 + 0
        (["Duscha inte", "Ring teamet"], 4, 2, 0, 2.0),
        # A colon ends a sentence. 4/2 + 0
        (["Gör så här: ring."], 4, 2, 0, 2.0),
        # A link's target is not text; its words are. 3/1 + 100/3
        (["Läs [broschyren](https://example.se/abcdefghijkl) nu."], 3, 1, 1, 36.3),
        # "ä" written as a + combining diaeresis is one letter after NFC: smärta is 6 letters.
        (["Sma\u0308rta kan lindras."], 3, 1, 1, 36.3),
        # A decimal point is not a sentence end; digits are not words. 2/1 + 100/2 (minuter: 7)
        (["Vänta 2.5 minuter."], 2, 1, 1, 52.0),
    ],
)
def test_lix_matches_hand_count(blocks: list[str], words: int, sentences_: int, long_words: int, value: float) -> None:
    result = lix(blocks)
    assert (result.words, result.sentences, result.long_words, result.value) == (words, sentences_, long_words, value)


def test_longest_sentences_come_first() -> None:
    result = lix(["Kort mening. En något längre mening här. Den allra längsta meningen av dem alla finns här."])
    assert result.longest[0].startswith("Den allra längsta")
    assert len(result.longest) == 3


def test_empty_text() -> None:
    assert lix([]).value == 0.0
    assert sentences("   ") == []


def test_markdown_blocks_are_paragraphs_and_list_items() -> None:
    from painguide.readability import blocks

    assert blocks("Först detta.\n\n- ett\n- två\n  fortsätter\n\nSist.") == ["Först detta.", "ett", "två fortsätter", "Sist."]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("ASIH (avancerad sjukvård i hemmet) kommer. Sedan ringer ASIH.", []),
        ("Avancerad sjukvård i hemmet (ASIH) kommer. ASIH ringer.", []),
        ("ASIH kommer. ASIH (avancerad sjukvård i hemmet) ringer.", ["ASIH"]),
        ("Ring 112. Fråga MAS och ASIH.", ["MAS", "ASIH"]),
        ("Vi skriver Ärligt och Öppet.", []),
    ],
)
def test_abbreviations_are_spelled_out_on_first_use(text: str, missing: list[str]) -> None:
    from painguide.readability import unexplained_abbreviations

    assert unexplained_abbreviations(text) == missing
