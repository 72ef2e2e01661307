"""Nothing from content can put script into a page: proven on the built HTML.

Validation rejects raw HTML and unsafe links (see tests/test_bad_inputs.py); here, text
that looks dangerous but is allowed (escaped, in table cells, in link text) is built into
a real site, and every page is checked for script, event handlers and javascript: URLs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from painguide.cli import main
from tiny import make_project

HOSTILE_BUT_ALLOWED = {
    # Markdown entities stay text.
    "Gäller båda.": "Gäller &lt;script&gt;alert(1)&lt;/script&gt; båda.",
    # A table cell is plain data, escaped by the template.
    '{site: Malmö, patients: 56, high: 20, share: "36 %"}': "{site: '<script>alert(2)</script>', patients: 56, high: 20, share: '36 %'}",
    # A quote inside an https link target must not open an attribute.
    "intro: {sv: Bocka av., en: Tick off.}": (
        "intro:\n      sv: 'Bocka av [här](https://example.org/a\"onmouseover=alert(3)).'\n      en: Tick off."
    ),
}


class Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value:
                self.urls.append(value)
        if tag == "script":
            src = dict(attrs).get("src")
            self.scripts.append(src or "")
            self._in_script = src is None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_hostile_text_is_inert_in_the_built_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    chapter = project / "content" / "recommendations" / "demo" / "01-basics.yaml"
    text = chapter.read_text(encoding="utf-8")
    for old, new in HOSTILE_BUT_ALLOWED.items():
        assert old in text
        text = text.replace(old, new)
    chapter.write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "build", "--today", "2026-11-23"]) == 0

    site = project / "site"
    page = (site / "checklists" / "demo-check" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for html_file in site.rglob("*.html"):
        scan = Scan()
        scan.feed(html_file.read_text(encoding="utf-8"))
        where = html_file.relative_to(site)
        assert not scan.handlers, f"{where}: event handler attributes {scan.handlers}"
        assert not [u for u in scan.urls if re.match(r"\s*(javascript|data|vbscript):", u, re.I)], where
        for script in scan.scripts:
            assert "alert(" not in script, f"{where}: content reached a script: {script[:80]}"
            if script.startswith(("http:", "https:", "//")):
                raise AssertionError(f"{where}: third-party script {script}")
