"""UI labels per language (macros/labels/<lang>.yaml), checked for completeness.

Kept apart from the renderer so that `painguide validate` checks them without
importing Jinja.
"""

from __future__ import annotations

from pathlib import Path

from painguide.errors import Problems
from painguide.yamlload import load_reported

LANGS = ("sv", "en")


def load_labels(macros: Path, problems: Problems) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = macros / "labels" / f"{lang}.yaml"
        data = load_reported(path, problems, "cannot read the UI labels")
        if data is None:
            continue
        for key, value in data.data.items():
            if not isinstance(value, str) or not value.strip():
                line, col = data.locate((key,))
                problems.add(path, line, col, key, "a UI label must be non-empty text")
        labels[lang] = {k: str(v) for k, v in data.data.items()}
        labels[lang]["_path"] = str(path)
        labels[lang]["_doc"] = data  # type: ignore[assignment]
    if len(labels) == len(LANGS):
        for lang in LANGS:
            for other in LANGS:
                for key in labels[other]:
                    if key not in labels[lang]:
                        doc = labels[other]["_doc"]
                        line, col = doc.locate((key,))  # type: ignore[attr-defined]
                        problems.add(labels[other]["_path"], line, col, key, f"label '{key}' has no {lang} translation in labels/{lang}.yaml")
    for lang in labels:
        labels[lang].pop("_doc", None)
        labels[lang].pop("_path", None)
    return labels
