"""JSON Schemas for editors, generated from the models (`painguide schema`)."""

from __future__ import annotations

import json
from pathlib import Path

from painguide import kinds, languages
from painguide.register import api_schema


def schemas(site_languages: languages.Languages) -> dict[str, str]:
    """Every kind's schema, each text asking for the site's languages."""
    out = {}
    with languages.using(site_languages):
        found = {kind.name: kind.load_model().model_json_schema(mode="validation") for kind in kinds.KINDS}
    found["documents-api"] = api_schema()  # the published /api/documents.json, not a content kind
    for name, schema in found.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out


def stale_schemas(folder: Path, site_languages: languages.Languages) -> list[str]:
    """The schemas that write_schemas would write (`painguide schema --check`, the pre-commit hook)."""
    return [name for name, text in schemas(site_languages).items()
            if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]


def write_schemas(folder: Path, site_languages: languages.Languages) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas(site_languages).items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
