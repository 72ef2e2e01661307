"""`painguide new <kind> <id>`: a new content file from its kind's archetype.

Each kind in painguide.kinds has one archetype, archetypes/<kind>.yaml: a complete draft
with TODO markers that validates as soon as it is written, so the site keeps building while
it is being filled in, and fails `painguide build --release` until every TODO is replaced.

Where the file goes comes from the kind's `files` pattern: each '*' is filled with one
part of the id (`pm/*.yaml` and `my-pm` → pm/my-pm.yaml; a chapter's
`recommendations/*/[0-9][0-9]-*.yaml` and `<document>/11-follow-up`). A single-file kind
(`glossary.yaml`) takes no id. The archetype's placeholders ($id, $today, …; see
`placeholders`) are filled with string.Template; nothing else in it is interpreted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path, PurePosixPath
from string import Template
from typing import Any

from painguide import kinds
from painguide import COMMAND
from painguide.kinds import Kind

FIRST_PART = "01-introduction"
"""The name of the first part written with a new document whose kind has parts (a recommendation's first chapter)."""

FALLBACK_REGIONS = ["skane", "halland", "blekinge", "kronoberg"]
FALLBACK_SOURCE = "001_3d4efd83bd9ebb97.txt"


def _kind(name: str) -> Kind:
    kind = kinds.get(name)
    assert kind is not None, name
    return kind


class ScaffoldError(Exception):
    pass


def _slug(text: str, what: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        raise ScaffoldError(f"{what} '{text}' must be lower-case letters, digits and hyphens")
    return text


def _folder_owner(kind: Kind) -> Kind | None:
    """The kind a part lives with (Kind.part_of: a chapter's document), whose file heads its folder."""
    return kinds.get(kind.part_of) if kind.part_of else None


def id_form(kind: Kind) -> str:
    """What `painguide new <kind>` takes as its id, e.g. <id> or <document>/NN-<chapter>."""
    wild = [p.removesuffix(".yaml") for p in PurePosixPath(kind.files).parts if "*" in p]
    owner = _folder_owner(kind)
    if owner and len(wild) > 1:
        wild[-2] = f"<{PurePosixPath(owner.files).stem}>"
    return "/".join(wild).replace("[0-9][0-9]-*", "NN-<chapter>").replace("*", "<id>")


def target(kind: Kind, ident: str | None) -> tuple[PurePosixPath, str, str]:
    """The file (relative to content/) a new document of kind goes to, its id, and the
    number in its name (a chapter's NN; '' for other kinds)."""
    pattern = PurePosixPath(kind.files)
    wild = [i for i, part in enumerate(pattern.parts) if "*" in part]
    if not wild:
        if ident not in (None, pattern.stem):
            raise ScaffoldError(f"{kind.name} is a single file, content/{kind.files}; give no id")
        return pattern, pattern.stem, ""
    form = id_form(kind)
    if not ident:
        raise ScaffoldError(f"give the new file's id: {COMMAND} new {kind.name} {form} (or make new KIND={kind.name} ID={form})")
    values = ident.split("/")
    if len(values) != len(wild):
        raise ScaffoldError(f"a {kind.name} is named {form} (content/{kind.files}), not '{ident}'")
    parts = list(pattern.parts)
    for i, value in zip(wild, values):
        parts[i] = value + parts[i][parts[i].rindex("*") + 1 :]  # pm/*.yaml: my-pm → pm/my-pm.yaml
    rel = PurePosixPath(*parts)
    if not kind.matches(rel):
        raise ScaffoldError(f"a {kind.name} is named {form} (content/{kind.files}), not '{ident}'")
    slug, number = "", ""
    for i, value in zip(wild, values):
        prefix = pattern.parts[i][: pattern.parts[i].index("*")]
        width = len(re.sub(r"\[[^]]*\]", "?", prefix))  # characters the fixed prefix takes (NN-)
        number, slug = value[:width].rstrip("-"), _slug(value[width:], f"{kind.name} id" if i == wild[-1] else "folder")
    return rel, slug, number


def _load(path: Path) -> Any:
    from painguide.yamlload import LoadError, load

    try:
        return load(path).data
    except (LoadError, OSError):
        return None


def placeholders(content: Path, today: dt.date) -> dict[str, str]:
    """What every archetype may use, read from the project where it can be (a file that is
    missing or broken gives the fallback, or nothing, and `painguide validate` says why):

    $today; $regions (all region ids, comma-separated) and $region (the first); $source
    (the first seed file in references.yaml); $sign (the first warning sign in the
    catalogue); $signs_<situation> and $patient_signs_<situation> (every catalogue sign,
    or every patient-facing one, whose applies_to names the situation, e.g.
    $signs_catheter, $patient_signs_external_pump); $competence_item (the first competence
    item of content/competence/) and $profession (whose item it is, so a module that teaches
    it has them in its audience). The file's own $id, $ID, $ID_LETTERS and $number are
    added by `new`."""
    from painguide.model.signs import Situation

    def entries(data: Any, key: str) -> list[dict[str, Any]]:
        found = data.get(key) if isinstance(data, dict) else None
        return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []

    regions = [str(r["id"]) for r in entries(_load(content / _kind("regions").files), "regions") if "id" in r]
    regions = regions or FALLBACK_REGIONS
    sources = [str(r["file"]) for r in entries(_load(content / _kind("references").files), "references") if r.get("file")]
    signs = [s for s in entries(_load(content / _kind("signs").files), "signs") if "id" in s]
    items = [(path.stem, str(i["id"])) for path in sorted(content.glob(_kind("competence").files))
             for i in entries(_load(path), "items") if "id" in i]
    values = {
        "today": today.isoformat(),
        "regions": ", ".join(regions),
        "region": regions[0],
        "source": sources[0] if sources else FALLBACK_SOURCE,
        "sign": str(signs[0]["id"]) if signs else "",
        "competence_item": items[0][1] if items else "",
        "profession": items[0][0] if items else "nurse",
    }
    for situation in Situation:
        about = [s for s in signs if situation.value in (s.get("applies_to") or [])]
        name = situation.value.replace("-", "_")
        values[f"signs_{name}"] = ", ".join(str(s["id"]) for s in about)
        values[f"patient_signs_{name}"] = ", ".join(str(s["id"]) for s in about if s.get("patient"))
    return values


def render(archetype: Path, values: dict[str, str], schema: str) -> str:
    """The archetype's text with its placeholders filled and its first line, the
    `# yaml-language-server: $schema=…` comment, pointing at schema."""
    try:
        text = archetype.read_text(encoding="utf-8")
    except OSError:
        raise ScaffoldError(f"there is no archetype {archetype}") from None
    head, _, body = text.partition("\n")
    if not head.startswith("# yaml-language-server:"):
        body = text
    try:
        filled = Template(body).substitute(values)
    except KeyError as err:
        raise ScaffoldError(f"{archetype}: unknown placeholder ${err.args[0]}; known are ${', $'.join(sorted(values))}") from None
    except ValueError as err:
        raise ScaffoldError(f"{archetype}: {err}; write a literal $ as $$") from None
    return f"# yaml-language-server: $schema={schema}\n{filled}"


def new(content: Path, kind_name: str, ident: str | None, today: dt.date, archetypes: Path, schemas: Path) -> list[Path]:
    """Write the new file (and its companions) from archetypes/<kind>.yaml; return their paths."""
    if kinds.get(kind_name) is None:
        raise ScaffoldError(f"unknown kind '{kind_name}'; choose one of {', '.join(k.name for k in kinds.KINDS)}")
    wanted = [(_kind(kind_name), ident)]
    wanted += [(part, f"{ident}/{FIRST_PART}") for part in kinds.KINDS if part.part_of == kind_name]
    planned = [(kind, *target(kind, value)) for kind, value in wanted]
    kind, rel, _, _ = planned[0]
    owner = _folder_owner(kind)
    if owner:  # a chapter goes into a document's folder, which must have its document.yaml
        needed = content / rel.parent / PurePosixPath(owner.files).name
        if not needed.exists():
            raise ScaffoldError(f"there is no {needed}; start it with `{COMMAND} new {owner.name} {rel.parent.name}`")
    for _, rel, _, _ in planned:
        if (content / rel).exists():
            raise ScaffoldError(f"{content / rel} already exists")
    values = placeholders(content, today)
    files: dict[Path, str] = {}
    for kind, rel, slug, number in planned:
        path = content / rel
        own = {"id": slug, "ID": slug.upper(), "ID_LETTERS": re.sub(r"[^A-Z]", "", slug.upper()), "number": number}
        schema = Path(os.path.relpath(schemas / f"{kind.name}.schema.json", path.parent)).as_posix()
        files[path] = render(archetypes / f"{kind.name}.yaml", values | own, schema)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
