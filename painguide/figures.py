"""Drawings: content/figures.yaml declares each once, content/figures/<name>.svg draws it.

The SVG is hand-written and shown inline in the page, so its words stay real text in the
page's language: every <text data-label="key"> gets the figure's label `key` in that
language (figures.yaml), and any other text in the drawing is an error. Inline, the
drawing needs no request of its own and is in the offline copy with its page. It may hold
only plain shapes and text: no scripts, event handlers, links, images, styles or external
references.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
ELEMENTS = frozenset({"svg", "g", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan"})
ATTRIBUTES = frozenset({
    "xmlns", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
    "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "fill-opacity", "opacity",
    "transform", "text-anchor", "font-size", "font-weight", "font-style", "dominant-baseline", "class", "data-label",
})


@dataclass(frozen=True)
class SvgProblem:
    line: int
    col: int
    message: str


@dataclass
class Scan:
    problems: list[SvgProblem]
    labels: list[tuple[str, int, int]]
    """The data-label of each labelled <text>, with its line and column."""


def scan(text: str) -> Scan:
    """The drawing's problems and its labels, each with its line and column in the file."""
    result = Scan([], [])
    parser = expat.ParserCreate()
    stack: list[tuple[str, dict[str, str], int, int, list[str]]] = []

    def where() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def start(name: str, attrs: dict[str, str]) -> None:
        line, col = where()
        if not stack and name != "svg":
            result.problems.append(SvgProblem(line, col, f"the drawing must start with <svg>, not <{name}>"))
        if name not in ELEMENTS:
            result.problems.append(SvgProblem(line, col, f"<{name}> is not allowed in a drawing; use only {', '.join(sorted(ELEMENTS))}"))
        for attr, value in attrs.items():
            if attr not in ATTRIBUTES:
                result.problems.append(SvgProblem(line, col, f"the attribute {attr} on <{name}> is not allowed in a drawing "
                                                  "(no scripts, links, styles or references)"))
            elif "url(" in value or "javascript:" in value.lower():
                result.problems.append(SvgProblem(line, col, f"the attribute {attr} on <{name}> refers to something outside the drawing"))
        if name == "svg" and not stack and "viewBox" not in attrs:
            result.problems.append(SvgProblem(line, col, "the <svg> needs a viewBox, so that it scales to the width of a phone"))
        if name == "text":
            if "data-label" in attrs:
                result.labels.append((attrs["data-label"], line, col))
            else:
                result.problems.append(SvgProblem(line, col, 'a <text> needs data-label="…", naming its translated label in content/figures.yaml'))
        stack.append((name, attrs, line, col, []))

    def end(name: str) -> None:
        stack.pop()

    def data(chars: str) -> None:
        names = [n for n, *_ in stack]
        if chars.strip() and names and all(n in ELEMENTS for n in names) and not {"text", "title", "desc"} & set(names):
            line, col = where()
            result.problems.append(SvgProblem(line, col, "text outside a <text> element"))

    def doctype(*_: Any) -> None:
        line, col = where()
        result.problems.append(SvgProblem(line, col, "a drawing may not have a DOCTYPE or entities"))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(text, True)
    except expat.ExpatError as err:
        result.problems.append(SvgProblem(err.lineno, err.offset + 1, f"the SVG is not well-formed XML: {expat.ErrorString(err.code)}"))
    return result


def localized(text: str, labels: dict[str, Any], alt: str, lang: str) -> str:
    """The drawing as one line of inline SVG in one language: its labels filled in, named
    by its text alternative (role="img"), sized by its viewBox to the width of the page."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(text)
    for parent in root.iter():
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc"):
                parent.remove(child)  # the alt text names the drawing; a <title> would be a second name
    for element in root.iter():
        key = element.get("data-label")
        if key is not None:
            element.text = labels[key][lang]
            for child in list(element):
                element.remove(child)
            del element.attrib["data-label"]
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    for attr in ("width", "height"):
        root.attrib.pop(attr, None)
    root.set("class", "pg-figure__drawing")
    root.set("role", "img")
    root.set("aria-label", " ".join(alt.split()))
    root.set("focusable", "false")
    return re.sub(r"\s*\n\s*", " ", ET.tostring(root, encoding="unicode"))


def read(root: Path, file: str) -> str | None:
    path = root / file
    return path.read_text(encoding="utf-8") if path.is_file() else None
