"""The installed packages are exactly the lock, and a stale lock is caught."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from painguide import lockfile

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\]+)")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_locked_package_is_installed_at_its_locked_version() -> None:
    pins = _pins()
    assert {"pyyaml", "mkdocs-material", "pydantic", "playwright"} <= {_norm(n) for n in pins}
    wrong = {}
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"installed versions differ from requirements.lock (locked, installed): {wrong}"


def test_every_lock_line_has_a_hash() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        if PIN.match(block):
            assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_committed_lock_matches_pyproject() -> None:
    assert lockfile.problem(ROOT / "requirements.lock", ROOT / "pyproject.toml") is None


def test_a_changed_dependency_list_makes_the_lock_stale(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    lock = tmp_path / "requirements.lock"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["PyYAML>=6"]\n# a comment\n', encoding="utf-8")
    lock.write_text("pyyaml==6.0.4 \\\n    --hash=sha256:00\n", encoding="utf-8")
    assert "run `make lock`" in (lockfile.problem(lock, pyproject) or "")
    lockfile.stamp(lock, pyproject)
    assert lockfile.problem(lock, pyproject) is None
    # Edits outside the dependency lists do not make the lock stale...
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "[tool.pytest.ini_options]\naddopts = '-q'\n", encoding="utf-8")
    assert lockfile.problem(lock, pyproject) is None
    # ...but a changed dependency does, in one line.
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("PyYAML>=6", "PyYAML>=6, <6.1"), encoding="utf-8")
    message = lockfile.problem(lock, pyproject)
    assert message and "\n" not in message and "older than the dependencies" in message
