"""What the benchmarks share: the pages they measure and the site's languages."""

from __future__ import annotations

from pathlib import Path

from painguide.errors import Problems
from painguide.languages import Language, load_languages

# One page of each kind, by its path under a language's root: `make bench` prints their
# first-load weight, and Lighthouse audits those of the kinds in lighthouse.KINDS.
FIRST_LOAD_PAGES = (
    ("home", ""),
    ("PM", "pm/monitoring-at-home"),
    ("leaflet", "patient-info/living-with-an-external-pump"),
    ("checklist", "checklists/before-intrathecal-treatment"),
    ("module", "training/identifying-patients"),
    ("competence", "competence/nurse"),
    ("region", "regions/skane"),
    ("register", "documents"),
)


def languages(root: Path) -> tuple[Language, ...]:
    """The site's languages from root/languages.yaml; exits with its problems if it is not valid."""
    problems = Problems(root)
    found = load_languages(root, problems)
    if problems.items or not found:
        raise SystemExit("\n".join(str(p) for p in problems.items) or f"no languages in {root / 'languages.yaml'}")
    return found
