"""LIX that helps (issue 21, part 4): a leaflet's too-high Swedish LIX is reported at its
longest sentence, and lists the three longest, each at the file:line where it is written,
in literal (|-), folded (>-) and flow text alike and in the sign catalogue for a warning
sign; any leaflet sentence over 25 words, in any language, is a warning at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_tree import DRAFT_META, SIGNS, SOURCE_FILE, edit, write, write_tree
from painguide.readability import find_sentence
from test_bad_inputs import run

LITERAL = ("Intratekal smärtbehandling administreras kontinuerligt via subkutant placerad "
           "portkateter under överinseende av specialiserad palliativ verksamhet")  # 14 words
FOLDED = ("Behandlingsansvarig sjuksköterska kontrollerar insticksstället, "
          "pumpfunktionen och eventuella biverkningar enligt ordination "
          "från ansvarig läkare")  # 13 words, written over two lines below
SIGN = "Du får plötsligt förhöjd kroppstemperatur med frossa"  # 7 words

LEAFLET_FILE = "patient-info/pump.yaml"
LEAFLET = f"""\
id: pump
title: {{sv: Pumpen, en: The pump}}
{DRAFT_META.rstrip()}
readers: [patient]
intro:
  sv: Du får en pump. Den hjälper mot ont.
  en: You get a pump. It helps with pain.
sections:
  - id: what
    question: {{sv: Vad är det?, en: What is it?}}
    answer:
      sv: |-
        En liten pump.
        {LITERAL}.
      en: A small pump. It gives medicine.
    basis: general-knowledge
  - id: who
    question: {{sv: Vem hjälper mig?, en: Who helps me?}}
    answer:
      sv: >-
        Ditt team hjälper dig. Ring dem
        gärna. {FOLDED[:FOLDED.index(" pumpfunktionen")]}
        {FOLDED[FOLDED.index("pumpfunktionen"):]}.
      en: >-
        Your team helps you. Call them
        when you like.
    sources: [{{file: {SOURCE_FILE}, section: Bakgrund}}]
about: [catheter]
when_to_call: [fever]
sources:
  - {{file: {SOURCE_FILE}, section: Bakgrund}}
"""
"""The literal sentence is on line 19; the folded one starts on line 27, after "Ring dem
gärna.", which starts on line 26; the sign's patient wording is on line 15 of
warning-signs.yaml."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, LEAFLET_FILE, edit(LEAFLET, LITERAL, "Den ger medicin"))  # plain Swedish: passes
    return root


def test_the_plain_version_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_lix_error_names_the_section_and_each_longest_sentence_at_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, LEAFLET_FILE, LEAFLET)
    write(project, "warning-signs.yaml", edit(SIGNS, "sign: {sv: Du får feber,", f"sign: {{sv: {SIGN},"))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    first, *listed = lines[0].split("\n")
    # At the longest sentence itself: line 19, column 9, in the section's answer.
    assert first.startswith("content/patient-info/pump.yaml:19:9: sections[0].answer.sv: Swedish LIX is "), first
    assert first.endswith("; shorten sentences and words. The longest sentences, where to start:"), first
    assert listed == [
        f"    content/patient-info/pump.yaml:19: section 'what' (Vad är det?): «{LITERAL}» (14 words)",
        f"    content/patient-info/pump.yaml:27: section 'who' (Vem hjälper mig?): «{FOLDED}» (13 words)",
        f"    content/warning-signs.yaml:15: warning sign 'fever': «{SIGN}» (7 words)",
    ]


def test_a_sign_sentence_that_is_longest_keeps_the_error_in_the_leaflet(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The leaflet's text is what is measured, so its error stays in the leaflet (at the
    when_to_call entry that shows the sign); the sentence is listed where it is written."""
    hard = f"{SIGN} och kraftigt nedsatt allmäntillstånd, andningsbesvär, förvirring eller medvetandepåverkan"
    write(project, "warning-signs.yaml", edit(SIGNS, "sign: {sv: Du får feber,", f"sign: {{sv: '{hard}',"))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    first, top, *_ = lines[0].split("\n")
    assert first.startswith("content/patient-info/pump.yaml:34:16: when_to_call[0].sign.sv: Swedish LIX is "), first
    assert top == f"    content/warning-signs.yaml:15: warning sign 'fever': «{hard}» (15 words)"


LONG_EN = ("When the pump alarms during the night and you cannot reach anyone in your team, "
           "you can always call the on-call nurse, who will tell you what to do next")  # 30 words


def test_a_sentence_over_25_words_warns_at_its_line_in_any_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(LEAFLET, LITERAL, "Den ger medicin")
    text = edit(text, "        Your team helps you. Call them\n        when you like.",
                f"        Your team helps you.\n        {LONG_EN[:LONG_EN.index(' you can')]}\n        {LONG_EN[LONG_EN.index('you can'):]}.")
    write(project, LEAFLET_FILE, text)
    assert run(project, capsys) == (0, [
        "content/patient-info/pump.yaml:31:9: warning: sections[1].answer.en: a sentence of 30 words; a leaflet's sentences "
        "have at most 25, so split it: «When the pump alarms during the night and …»"])


def test_25_words_is_fine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words_25 = " ".join(["ring"] * 25)
    write(project, LEAFLET_FILE, edit(edit(LEAFLET, LITERAL, "Den ger medicin"), "en: A small pump. It gives medicine.", f"en: {words_25}."))
    assert run(project, capsys) == (0, [])


def test_a_long_sign_sentence_warns_once_in_the_catalogue(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two leaflets show the sign; the warning is where its words are written, once."""
    write(project, "patient-info/second.yaml", edit(edit(LEAFLET, LITERAL, "Den ger medicin"), "id: pump", "id: second"))
    write(project, "warning-signs.yaml", edit(SIGNS, "sign: {sv: Du får feber, en: You get a fever}", f"sign: {{sv: Du får feber, en: '{LONG_EN}'}}"))
    code, lines = run(project, capsys)
    assert (code, lines) == (0, ["content/warning-signs.yaml:15:45: warning: signs[0].patient.sign.en: a sentence of 30 words; "
                                 "a leaflet's sentences have at most 25, so split it: «When the pump alarms during the night and …»"])


@pytest.mark.parametrize(("source", "sentence", "line"), [
    # A folded or plain scalar: the words run on over a line break and its indentation.
    ("a: >-\n  Först. Sedan kommer\n  den andra meningen.\n", "Sedan kommer den andra meningen", 2),
    # Markup and a link's target stand between words, digits too; they are not words.
    ("a: |-\n  Kort.\n  Läs **mer** i [broschyren](https://example.se/a-b) om 2.5 dagar.\n", "Läs mer i broschyren om dagar", 3),
    # A double-quoted scalar's escapes and line breaks.
    ('a: "Hon sa \\"ring\\"\n  nu."\n', "Hon sa ring nu", 1),
])
def test_find_sentence_finds_the_words_whatever_is_between_them(source: str, sentence: str, line: int) -> None:
    match = find_sentence(source, sentence)
    assert match is not None
    assert source.count("\n", 0, match.start()) + 1 == line


def test_find_sentence_does_not_match_part_of_a_word() -> None:
    assert find_sentence("a: Ringer teamet.\n", "Ring teamet") is None
