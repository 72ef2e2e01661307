"""LIX (läsbarhetsindex): words per sentence + 100 × the share of words longer than 6 letters.

The standard definition, written out rather than taken from textstat, which drops short
sentences and ends a sentence at abbreviations such as "bl.a." (see shared/TOOLCHAIN.md):

- text is normalised to NFC, and Markdown markup (emphasis, link targets, code) is removed;
- a word is a run of letters; a hyphenated word (ASIH-teamet) is one word, and its length
  is its letters;
- a long word has more than 6 letters;
- a sentence ends at . ! ? or : (not inside a common abbreviation such as t.ex., bl.a.,
  s.k., m.m., ca., e.g., i.e.), and at the end of every block;
- a block is a paragraph, a list item or a table cell: each ends its last sentence even
  without punctuation, because a reader stops there. Headings are not running text and
  are left out by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from painguide.model.common import Text
from painguide.walk import walk

LONG = 6

ABBREVIATIONS = ("t.ex.", "bl.a.", "s.k.", "m.m.", "o.s.v.", "osv.", "ca.", "d.v.s.", "dvs.", "t.o.m.", "fr.o.m.",
                 "e.g.", "i.e.", "etc.", "approx.", "dr.", "nr.", "tel.")

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_END = re.compile(r"[.!?:]+(?=\s|$)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|]")
# One pattern for all abbreviations, longest first, each starting a word (one pass is as
# good as one per abbreviation and many times faster: every leaflet block goes through it).
_ABBREVIATION = re.compile(r"(?i)(?<![^\s(])(?:" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + ")")


@dataclass
class Lix:
    value: float
    words: int
    sentences: int
    long_words: int
    longest: list[str] = field(default_factory=list)
    """The three longest sentences, longest first: where to start shortening."""


def plain(markdown: str) -> str:
    text = unicodedata.normalize("NFC", markdown)
    text = _LINK.sub(r"\1", text)
    return _MARKUP.sub(" ", text)


def sentences(block: str) -> list[str]:
    """The sentences of one block (paragraph, list item or table cell)."""
    text = " ".join(plain(block).split())
    protected = _ABBREVIATION.sub(lambda m: m.group().replace(".", "\0"), text)
    parts = [p.replace("\0", ".").strip() for p in _END.split(protected)]
    return [p for p in parts if _WORD.search(p)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def letters(word: str) -> int:
    return len(word.replace("-", ""))


def lix(blocks: list[str]) -> Lix:
    found = [s for block in blocks for s in sentences(block)]
    all_words = [w for s in found for w in words(s)]
    if not all_words:
        return Lix(0.0, 0, 0, 0, [])
    long_words = sum(1 for w in all_words if letters(w) > LONG)
    value = len(all_words) / len(found) + 100 * long_words / len(all_words)
    longest = sorted(found, key=lambda s: len(words(s)), reverse=True)[:3]
    return Lix(round(value, 1), len(all_words), len(found), long_words, longest)


_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def blocks(markdown: str) -> list[str]:
    """Paragraphs and list items of a Markdown text, each a block of its own."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", markdown):
        current: list[str] = []
        for line in para.splitlines():
            if _ITEM.match(line):
                if current:
                    out.append(" ".join(current))
                current = [_ITEM.sub("", line)]
            else:
                current.append(line.strip())
        if current:
            out.append(" ".join(current))
    return [b for b in out if b.strip()]


def leaflet_blocks(leaflet: Any, lang: str, signs: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """The running text of a leaflet, block by block, each with its place in the leaflet's
    file: its introduction, its answers and its warning signs in the patient's words (signs:
    the catalogue by id; a sign's place is ("when_to_call", k, "sign" or "action", lang), as
    its words are written in the catalogue). The title and the questions are headings and
    are not counted."""
    out: list[tuple[tuple[Any, ...], str]] = []

    def add(loc: tuple[Any, ...], markdown: str) -> None:
        out.extend((loc, block) for block in blocks(markdown))

    add(("intro", lang), leaflet.intro[lang])
    for i, section in enumerate(leaflet.sections):
        add(("sections", i, "answer", lang), section.answer[lang])
    for k, ident in enumerate(leaflet.when_to_call):
        wording = signs[ident].patient if ident in signs else None
        if wording:
            add(("when_to_call", k, "sign", lang), wording.sign[lang])
            add(("when_to_call", k, "action", lang), wording.action[lang])
    return out


def leaflet_text(leaflet: Any, lang: str, signs: dict[str, Any]) -> list[str]:
    """leaflet_blocks without the places: what LIX is counted over."""
    return [block for _, block in leaflet_blocks(leaflet, lang, signs)]


def easy_card_text(catalogue: Any, lang: str) -> list[tuple[tuple[Any, ...], str]]:
    """The running text of the easy-to-read warning card, block by block, each with its place
    in the catalogue's file: the card's introduction, each patient-facing sign's easy wording,
    and the dying-phase wording the card shows under the emergency signs. Not counted: the
    title, the urgency headings and the fixed labels (the same on every leaflet)."""
    out: list[tuple[tuple[Any, ...], str]] = []

    def add(loc: tuple[Any, ...], markdown: str) -> None:
        out.extend((loc, block) for block in blocks(markdown))

    if catalogue.easy_intro is not None:
        add(("easy_intro", lang), catalogue.easy_intro[lang])
    dying_seen: set[str] = set()
    for i, sign in enumerate(catalogue.signs):
        if sign.patient is None or sign.easy is None:
            continue
        add(("signs", i, "easy", "sign", lang), sign.easy.sign[lang])
        if sign.easy.action is not None:
            add(("signs", i, "easy", "action", lang), sign.easy.action[lang])
        if sign.dying_phase and sign.dying_phase.patient and sign.dying_phase.patient[lang] not in dying_seen:
            dying_seen.add(sign.dying_phase.patient[lang])
            add(("signs", i, "dying_phase", "patient", lang), sign.dying_phase.patient[lang])
    return out


_NOT_RUNNING = ("heading", "title", "label", "caption")
"""Fields of an included block that render as headings or labels, not running text."""


def _texts(obj: Any, lang: str) -> list[str]:
    """Every localized text in an included recommendation block or item, in lang, except its
    headings and labels (by the name of the field that holds them): an approximation of what
    its rendering shows (table cells that are plain numbers or codes are not text)."""
    return [value[lang] for loc, value in walk(obj)
            if isinstance(value, Text) and next((p for p in reversed(loc) if isinstance(p, str)), "") not in _NOT_RUNNING]


def included_text(shown: dict[str, Any], lang: str) -> list[str]:
    """What a module shows for one included id (an entry of links.CrossReferences.included),
    as running text: a warning sign's staff wording, its action and what applies in the
    dying phase; a PM step's text and caution; a recommendation block's or item's texts."""
    if "sign" in shown:
        sign = shown["sign"]
        parts = [sign.staff.sign[lang], sign.staff.action[lang]]
        return parts + ([sign.dying_phase.staff[lang]] if sign.dying_phase else [])
    if "step" in shown:
        step = shown["step"]
        return [step.text[lang]] + ([step.caution.text[lang]] if step.caution else [])
    return _texts(shown.get("block", shown.get("item")), lang)


def module_text(module: Any, lang: str, included: dict[str, dict[str, Any]],
                pm_signs: dict[str, list[str]] | None = None) -> list[tuple[tuple[Any, ...], str]]:
    """The running text a learner reads on a training module's page, block by block, each
    with its place in the module's file (an included item's place is its id in include:).

    Measured: the objectives, each section's body and what it includes (included: the
    citable id → what the page shows for it, see included_text; a section's PM warning
    table through pm_signs, the PM's sign ids), the key points, and each question, option
    and feedback (a learner reads the feedback of the options chosen, and every option is
    text to read). Not measured: the title, headings, the list of competence items taught,
    the page's fixed labels, the sources and the change log, which are not the module's
    running text. Includes are measured from their models, not from the rendered page, so
    table layout, basis marks and "from the source" lines are left out."""
    out: list[tuple[tuple[Any, ...], str]] = []

    def add(loc: tuple[Any, ...], markdown: str) -> None:
        out.extend((loc, block) for block in blocks(markdown))

    for i, objective in enumerate(module.objectives):
        add(("objectives", i, lang), objective[lang])
    for s, section in enumerate(module.sections):
        if section.body is not None:
            add(("sections", s, "body", lang), section.body[lang])
        for i, ident in enumerate(section.include):
            for text in included_text(included[ident], lang) if ident in included else []:
                add(("sections", s, "include", i), text)
        if section.warning_signs_of:
            for ident in (pm_signs or {}).get(section.warning_signs_of, []):
                for text in included_text(included[ident], lang) if ident in included else []:
                    add(("sections", s, "warning_signs_of"), text)
    for k, point in enumerate(module.key_points):
        add(("key_points", k, lang), point[lang])
    for q, question in enumerate(module.questions):
        add(("questions", q, "question", lang), question.question[lang])
        for o, option in enumerate(question.options):
            add(("questions", q, "options", o, "text", lang), option.text[lang])
            add(("questions", q, "options", o, "feedback", lang), option.feedback[lang])
    return out


# An abbreviation: two or more capital letters (ASIH, MAS, NRS, PM), not part of a longer word.
_ABBR = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{2,})(?![\w])")


def unexplained_abbreviations(text: str) -> list[str]:
    """Abbreviations whose first use is not spelled out next to it, as
    "ASIH (avancerad sjukvård i hemmet)" or "avancerad sjukvård i hemmet (ASIH)"."""
    seen: set[str] = set()
    missing: list[str] = []
    for match in _ABBR.finditer(unicodedata.normalize("NFC", text)):
        abbr = match.group(1)
        if abbr in seen:
            continue
        seen.add(abbr)
        after = text[match.end():match.end() + 3]
        before = text[max(0, match.start() - 1):match.start()]
        if not (after.startswith(" (") and not after.startswith(" ()")) and not (before == "(" and text[match.end():match.end() + 1] == ")"):
            missing.append(abbr)
    return missing


def delegation_blocks(delegation: Any, lang: str) -> list[tuple[tuple[Any, ...], str]]:
    """The running text of a delegation box, block by block, each with its place in the
    competence description's file: its introduction and its tasks. Assistant nurses read
    it, so it is held to the leaflets' plain-language limit."""
    parts = [(("delegation", "intro", lang), delegation.intro[lang])]
    parts += [(("delegation", field, n, "text", lang), task.text[lang])
              for field in ("nursing_care", "health_care") for n, task in enumerate(getattr(delegation, field))]
    return [(loc, block) for loc, part in parts for block in blocks(part)]


def delegation_text(delegation: Any, lang: str) -> list[str]:
    return [block for _, block in delegation_blocks(delegation, lang)]


# Between two words of a sentence, the file may hold spaces and line breaks (a block or
# folded scalar's, a plain scalar's), punctuation, quotes and their escapes, digits,
# Markdown markup and a link's target, none of which sentences() keeps as words.
_GAP = r"(?:[\W\d_]|\]\([^)]*\))+"


def find_sentence(source: str, sentence: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """Where a sentence (as sentences() gives it) is written in source, a file's text in NFC,
    between start and end: its words in order, whatever stands between them. Searching the
    file rather than the loaded value is what makes the line exact in every YAML style: a
    folded (>-) or plain scalar joins its lines with spaces, a literal (|-) keeps them, and
    both keep the words in the order and on the lines they are written."""
    found = words(sentence)
    if not found:
        return None
    pattern = r"(?<![^\W\d_])" + _GAP.join(re.escape(w) for w in found) + r"(?![^\W\d_])"
    return re.compile(pattern).search(source, start, len(source) if end is None else end)
