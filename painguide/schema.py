"""JSON Schemas for editors, generated from the models (`painguide schema`)."""

from __future__ import annotations

import json
from pathlib import Path

from painguide.kinds import KINDS


def schemas() -> dict[str, str]:
    out = {}
    for kind in KINDS:
        schema = kind.load_model().model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{kind.name}.schema.json", **schema}
        out[f"{kind.name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
