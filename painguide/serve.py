"""Live preview: `mkdocs serve` for one language, regenerating docs/ when content changes.

MkDocs watches docs/ and reloads the browser; this process watches content/ and
macros/ and rewrites only the generated pages whose text changed. Content errors are
printed and the preview keeps the last good pages.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from painguide.build import BuildError, Project, mkdocs_env, run_generate, validate
from painguide.errors import ContentError


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    return {p: p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()}


def _regenerate(project: Project) -> bool:
    try:
        _, renderer, problems = validate(project)
        for p in problems.warnings:
            print(p, file=sys.stderr)
        run_generate(project, renderer)
        return True
    except ContentError as err:
        for p in err.problems.errors:
            print(p, file=sys.stderr)
        print("painguide: content has errors; the preview shows the last good version", file=sys.stderr)
    except BuildError as err:
        print(f"painguide: {err}", file=sys.stderr)
    return False


def serve(project: Project, lang: str, addr: str) -> int:
    if not _regenerate(project) and not (project.root / f"mkdocs.{lang}.yml").exists():
        return 1
    watched = [project.content, project.macros]
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", f"mkdocs.{lang}.yml", "-a", addr, "--livereload"]
    server = subprocess.Popen(cmd, cwd=project.root, env=mkdocs_env())
    before = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _snapshot(watched)
            if now != before:
                before = now
                print("painguide: content changed; regenerating", file=sys.stderr)
                _regenerate(project)
    finally:
        server.terminate()
        server.wait()
    return server.returncode or 0
