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

LONG = 6

ABBREVIATIONS = ("t.ex.", "bl.a.", "s.k.", "m.m.", "o.s.v.", "osv.", "ca.", "d.v.s.", "dvs.", "t.o.m.", "fr.o.m.",
                 "e.g.", "i.e.", "etc.", "approx.", "dr.", "nr.", "tel.")

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_END = re.compile(r"[.!?:]+(?=\s|$)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|]")


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
    protected = text
    for abbr in ABBREVIATIONS:
        protected = re.sub(rf"(?i)(?<![^\s(]){re.escape(abbr)}", lambda m: m.group().replace(".", "\0"), protected)
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


def leaflet_text(leaflet: Any, lang: str, signs: dict[str, Any]) -> list[str]:
    """The running text of a leaflet: its introduction, its answers and its warning signs
    in the patient's words (signs: the catalogue by id). The title and the questions are
    headings and are not counted."""
    parts = [leaflet.intro[lang]] + [section.answer[lang] for section in leaflet.sections]
    shown = [signs[i].patient for i in leaflet.when_to_call if i in signs and signs[i].patient]
    parts += [text for wording in shown for text in (wording.sign[lang], wording.action[lang])]
    return [block for part in parts for block in blocks(part)]


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


def delegation_text(delegation: Any, lang: str) -> list[str]:
    """The running text of a delegation box: its introduction and its tasks. Assistant
    nurses read it, so it is held to the leaflets' plain-language limit."""
    parts = [delegation.intro[lang]] + [task.text[lang] for task in delegation.tasks]
    return [block for part in parts for block in blocks(part)]
