"""A copy of the project in a temporary folder where `make …` and `.venv/bin/painguide …` work
as written in the guides, as in a fresh clone, without installing anything: the copy's
.venv/bin/painguide runs this Python on this checkout's painguide package, and its venv
stamp is newer than its lock, so make does not rebuild the venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("Makefile", "pyproject.toml", "requirements.lock", "requirements-pip.lock", "requirements-zensical.lock", "languages.yaml", "mkdocs.yml", ".pre-commit-config.yaml")
FOLDERS = ("archetypes", "macros", "schemas", "docs/overrides")


def clone(target: Path, content: bool = True) -> Path:
    """The project's files that the commands read, in target (content/ empty unless content)."""
    for name in FILES:
        shutil.copy(ROOT / name, target / name)
    for name in FOLDERS:
        shutil.copytree(ROOT / name, target / name)
    if content:
        shutil.copytree(ROOT / "content", target / "content")
    else:
        (target / "content").mkdir()
    script = target / ".venv" / "bin" / "painguide"
    script.parent.mkdir(parents=True)
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m painguide "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    for lock in (target / "requirements.lock", target / "requirements-pip.lock"):
        earlier = lock.stat().st_mtime - 60
        os.utime(lock, (earlier, earlier))  # older than the stamp, as after a make that installed it
    (target / ".venv" / ".installed").touch()
    return target


def sh(project: Path, command: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a command line as an editor types it, in project."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # not the outer make's
    env["PYTHONPATH"] = str(ROOT)  # .venv/bin/painguide and make's `python3 -m painguide.lockfile`
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
