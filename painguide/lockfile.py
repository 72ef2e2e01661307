"""Is requirements.lock still the lock of pyproject.toml's dependencies?

pip-compile writes the lock; `make lock` then appends a fingerprint of the dependency
lists it was made from. `make build` runs `python3 -m painguide.lockfile check` before
it installs anything, so an edited dependency list with a stale lock is caught in one
line instead of installing something else. Standard library only: it runs before the
virtual environment exists.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

PREFIX = "# pyproject.toml dependencies sha256: "


def fingerprint(pyproject: Path) -> str:
    """A hash of what the lock is made from; other edits to pyproject.toml do not count."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data.get("project", {})
    inputs = {
        "requires-python": project.get("requires-python"),
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {k: sorted(v) for k, v in sorted(project.get("optional-dependencies", {}).items())},
        "build-system": sorted(data.get("build-system", {}).get("requires", [])),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def recorded(lock: Path) -> str | None:
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(PREFIX):
            return line[len(PREFIX):].strip()
    return None


def stamp(lock: Path, pyproject: Path) -> None:
    lines = [ln for ln in lock.read_text(encoding="utf-8").splitlines() if not ln.startswith(PREFIX)]
    lines.append(PREFIX + fingerprint(pyproject))
    lock.write_text("\n".join(lines) + "\n", encoding="utf-8")


def problem(lock: Path, pyproject: Path) -> str | None:
    """Why the lock cannot be used, in one line; None when it is current."""
    if not lock.is_file():
        return f"{lock.name} is missing; run `make lock` to create it"
    if recorded(lock) != fingerprint(pyproject):
        return (f"{lock.name} is older than the dependencies in {pyproject.name}; "
                "run `make lock`, review the diff and commit both files")
    return None


def main(argv: list[str]) -> int:
    root = Path.cwd()
    lock, pyproject = root / "requirements.lock", root / "pyproject.toml"
    if argv == ["stamp"]:
        stamp(lock, pyproject)
        return 0
    if argv == ["check"]:
        message = problem(lock, pyproject)
        if message:
            print(f"painguide: {message}", file=sys.stderr)
            return 1
        return 0
    print("usage: python3 -m painguide.lockfile check|stamp", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
