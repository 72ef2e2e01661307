"""UI labels per language (macros/labels/<lang>.yaml), checked for completeness.

Kept apart from the renderer so that `painguide validate` checks them without
importing Jinja.
"""

from __future__ import annotations

from pathlib import Path

from painguide.errors import Problems
from painguide.languages import Languages
from painguide.yamlload import load_reported


def load_labels(macros: Path, problems: Problems, languages: Languages) -> dict[str, dict[str, str]]:
    """Each language's labels by code; every key must be in every language's file."""
    codes = [lang.code for lang in languages]
    labels: dict[str, dict[str, str]] = {}
    for lang in codes:
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
    if len(labels) == len(codes):
        for lang in codes:
            for other in codes:
                for key in labels[other]:
                    if key not in labels[lang]:
                        doc = labels[other]["_doc"]
                        line, col = doc.locate((key,))  # type: ignore[attr-defined]
                        problems.add(labels[other]["_path"], line, col, key, f"label '{key}' has no {lang} translation in labels/{lang}.yaml")
    for lang in labels:
        labels[lang].pop("_doc", None)
        labels[lang].pop("_path", None)
    return labels
