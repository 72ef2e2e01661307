"""Located content problems, collected across all files and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        kind = "warning: " if self.warning else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {kind}{field}{self.message}"


class Problems:
    """Collects every problem of a run; nothing stops at the first one."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.items: list[Problem] = []

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, path: Path | str, line: int, col: int, field: str, message: str, warning: bool = False) -> None:
        self.items.append(Problem(self.rel(path), line, col, field, message, warning))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if not p.warning)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.warning)

    def __bool__(self) -> bool:
        return bool(self.errors)


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems.errors)} content error(s)")
        self.problems = problems
