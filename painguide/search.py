"""The site's search index: Pagefind, run over one language's built pages.

Each language is indexed on its own, before the languages are put side by side, so its
index lies in its own folder (`/pagefind/`, `/en/pagefind/`), holds only its own pages,
and is in that language's offline copy. Pagefind reads each page's `<html lang>` and stems
with it (Swedish "pumpar" finds "pump"); only the fragments a query needs are fetched.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FOLDER = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def index(lang_root: Path) -> None:
    """Write lang_root/pagefind/ from the HTML pages under lang_root."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(lang_root), "--output-subdir", FOLDER, "--silent"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SearchIndexError(f"pagefind could not index {lang_root}:\n{(proc.stdout + proc.stderr)[-3000:]}")
