"""The site's search index: Pagefind, run over one language's built pages.

Each language is indexed on its own, before the languages are put side by side, so its
index lies in its own folder (`/pagefind/`, `/en/pagefind/`), holds only its own pages,
and is in that language's offline copy. Pagefind reads each page's `<html lang>` and stems
with it (Swedish "pumpar" finds "pump"); only the fragments a query needs are fetched.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from painguide import kinds

FOLDER = "pagefind"


class SearchIndexError(RuntimeError):
    pass


EXCLUDE = ".headerlink"
"""Theme markup inside a page's article that is not its text: the headings' "¶" links."""


def index(lang_root: Path, output: Path | None = None) -> None:
    """Write lang_root/pagefind/ (or output) from the HTML pages under lang_root.

    Only pages whose article carries data-pagefind-body are indexed (docs/overrides/main.html);
    each page's kind, draft state and extra word forms come from its search_meta element.
    """
    where = ["--output-path", str(output)] if output else ["--output-subdir", FOLDER]
    cmd = [sys.executable, "-m", "pagefind", "--site", str(lang_root), *where, "--exclude-selectors", EXCLUDE, "--silent"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SearchIndexError(f"pagefind could not index {lang_root}:\n{(proc.stdout + proc.stderr)[-3000:]}")


# -- what the generator puts on each page for the index ---------------------------------

META = "pg-search-meta"
"""The class of the hidden element that carries a page's metadata for Pagefind."""

_WORD = re.compile(r"[^\W\d_]{4,}")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|^---\n.*?\n---\n", re.S)


def kind_of(template: str) -> str | None:
    """The document kind whose name a page of this template shows in search results
    (the label kind_<name>): a chapter is its recommendation's, a checklist page a checklist."""
    if template == "checklist_page.md.j2":
        return "checklist"
    kind = next((k for k in kinds.KINDS if k.template == template), None)
    if kind is None:
        return None
    return kind.part_of or kind.name


def forms(text: str, endings: dict[str, str]) -> list[str]:
    """The forms of the page's words that Pagefind's stemmer does not reach, by the language's
    search_forms (languages.yaml): Snowball's Swedish stemmer strips "-en" (pumpen → pump)
    but not the definite "-an" (smärtan stays smärtan), so with {"a": "an"} a page that says
    "smärta" lists "smärtan". In the order they first appear, and only those the page does
    not already say."""
    if not endings:
        return []
    words = [w.lower() for w in _WORD.findall(_MARKUP.sub(" ", text))]
    present = set(words)
    found = []
    for word in words:
        for ending, form in endings.items():
            if word.endswith(ending) and (extra := word[: -len(ending)] + form) not in present:
                found.append(extra)
    return list(dict.fromkeys(found))


def search_meta(template: str, meta: Any, labels: dict[str, str], text: str, endings: dict[str, str]) -> str:
    """A hidden element with the page's Pagefind metadata: its kind and, for a draft, the
    word "Draft" (both shown with each result, in the page's language), and the forms."""
    values = {}
    kind = kind_of(template)
    if kind and f"kind_{kind}" in labels:
        values["kind"] = labels[f"kind_{kind}"]
    status = getattr(getattr(meta, "status", None), "value", None)
    if status == "draft":
        values["draft"] = labels["status_draft"]
    extra = forms(text, endings)
    if extra:
        values["forms"] = " ".join(extra)
    if not values:
        return ""
    captures = ", ".join(f"{key}[data-{key}]" for key in values)
    data = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in values.items())
    return f'<div class="{META}" hidden data-pagefind-meta="{captures}" {data}></div>'
