"""Write generated pages and per-language MkDocs configs to disk.

Files whose content is unchanged are left untouched (so `mkdocs serve` reloads only
what changed), and files no longer generated are deleted, so a page for deleted
content never survives.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from painguide.languages import Language
from painguide.render import Renderer


def sync_tree(target: Path, files: dict[str, str]) -> tuple[int, int]:
    """Make target hold exactly files. Returns (written, removed)."""
    written = removed = 0
    root = str(target)
    os.makedirs(root, exist_ok=True)
    existing = {os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names}
    wanted: set[str] = set()
    folders = {root}
    for rel, text in files.items():
        path = os.path.normpath(os.path.join(root, rel))
        wanted.add(path)
        data = text.encode("utf-8")
        if path in existing:
            if not _replace(path, data):
                continue
            existing.discard(path + ".tmp")  # left by an interrupted run, and now used up
        else:
            # Not through a .tmp file: there is no old version to show meanwhile, and
            # creating files is most of the writing time.
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            with open(path, "wb") as new:
                new.write(data)
        written += 1
    for path in existing - wanted:
        os.unlink(path)
        removed += 1
    for folder, _, names in os.walk(root, topdown=False):
        if folder != root and not names and not os.listdir(folder):
            os.rmdir(folder)
    return written, removed


def _replace(path: str, data: bytes) -> bool:
    """Replace the file at path with data unless it holds data already; whether it was written."""
    with open(path, "rb") as old:
        if old.read() == data:
            return False
    # A reader (the preview's server) sees the old file or the new one, never half of one.
    with open(path + ".tmp", "wb") as new:
        new.write(data)
    os.replace(path + ".tmp", path)
    return True


def write_page(target: Path, rel: str, text: str) -> bool:
    """Write one generated page under target (docs/<code>/) unless it is unchanged: the live
    preview's page of a saved file. Whether it was written."""
    path = os.path.normpath(os.path.join(str(target), rel))
    data = text.encode("utf-8")
    if os.path.exists(path):
        return _replace(path, data)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as new:
        new.write(data)
    return True


def _inherited(base: dict[str, Any], key: str, options_for: dict[str, dict[str, object]]) -> list[object]:
    """mkdocs.yml's list under key, with this language's options added to some entries.

    INHERIT replaces a list instead of merging it, so the whole list is repeated here.
    """
    out: list[object] = []
    for entry in base[key]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        options = {**(options or {}), **options_for.get(name, {})}
        out.append({name: options} if options else name)
    return out


def language_config(renderer: Renderer, language: Language, root: Path) -> str:
    """mkdocs.<code>.yml: inherits mkdocs.yml, adds what differs per language."""
    lang = language.code
    labels = renderer.labels[lang]
    base = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    # Links are relative to this build's root: the primary language at /, the others in their folders.
    # Its own root is './', not '': both engines write '' as an invalid href="" (Zensical) or a
    # page-relative one, and docs/overrides/partials/alternate.html treats the two alike.
    alternate = [{"name": other.name, "link": other.root_from(language) or "./", "lang": other.code}
                 for other in renderer.languages]
    config = {
        "INHERIT": "mkdocs.yml",
        "site_name": labels["site_name"],
        "site_description": labels["site_description"],
        "docs_dir": f"docs/{lang}",
        "copyright": labels["copyright"],
        "theme": {"language": lang},
        "extra": {
            "alternate": alternate,
            "painguide_lang": lang,
            # MkDocs gives 404.html the base URL "/" when there is no site_url; a language
            # in a folder has its 404 page there (see docs/overrides/404.html).
            "painguide_404_base": f"/{language.prefix}",
            "painguide_404_title": labels["not_found_title"],
            "painguide_404_text": labels["not_found_text"],
            "painguide_offline": {k: labels[f"offline_{k}"] for k in ("saved", "update", "reload")},
            "painguide_footer": {k: labels[f"footer_{k}"] for k in ("accessibility", "made_with")},
        },
        "markdown_extensions": _inherited(base, "markdown_extensions", {"toc": {"permalink_title": labels["permalink_title"]}}),
        "nav": renderer.nav_config(lang),
    }
    if renderer.hidden:
        config["not_in_nav"] = "\n".join(f"/{path}" for path in renderer.hidden)
    header = "# Generated by painguide from content/ and macros/labels; do not edit.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def generate(renderer: Renderer, root: Path) -> dict[str, tuple[int, int]]:
    """Render and write every language's pages and MkDocs config; returns (written, removed)
    per language code.

    Nothing is written until every language has rendered, so a template error leaves
    docs/ as it was. (A failure to write, such as a full disk, can leave one language
    written and not another; the build fails either way, and site/ is not touched.)
    """
    rendered = {lang.code: (renderer.render(lang.code), language_config(renderer, lang, root)) for lang in renderer.languages}
    stats = {}
    for lang, (pages, config_text) in rendered.items():
        stats[lang] = sync_tree(root / "docs" / lang, pages)
        write_config(root, lang, config_text)
    return stats


def write_config(root: Path, lang: str, text: str) -> bool:
    """Write mkdocs.<code>.yml unless it is unchanged; whether it was written."""
    config = root / f"mkdocs.{lang}.yml"
    if config.is_file() and config.read_text(encoding="utf-8") == text:
        return False
    config.write_text(text, encoding="utf-8")
    return True
