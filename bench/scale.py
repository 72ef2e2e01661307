"""`make bench SCALE=1000`: how the build grows with the number of documents.

The shipped content plus N synthetic PMs, each a copy of a real PM with its own id, title
and step ids, is built in a temporary project. Prints figures; asserts nothing.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from bench.search import first_search, index_time
from bench.shared import languages
from painguide.build import Project, Timings, build
from painguide.languages import FILE as LANGUAGES_FILE
from painguide.languages import Language

TEMPLATE_PM = "cassette-change"


def synthetic_project(source: Path, root: Path, n: int) -> Project:
    """A copy of the project at source, in root, with n synthetic PMs added."""
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(source / LANGUAGES_FILE, root / LANGUAGES_FILE)
    shutil.copytree(source / "macros", root / "macros")
    shutil.copytree(source / "docs" / "overrides", root / "docs" / "overrides")
    shutil.copytree(source / "content", root / "content")
    pm = yaml.safe_load((source / "content" / "pm" / f"{TEMPLATE_PM}.yaml").read_text(encoding="utf-8"))
    for i in range(1, n + 1):
        doc = dict(pm, id=f"synthetic-{i:04d}")
        doc["title"] = {lang: f"{text} ({i})" for lang, text in pm["title"].items()}
        doc["steps"] = [dict(step, id=f"SYN{i}-{k}") for k, step in enumerate(pm["steps"], 1)]
        # Each synthetic PM is one region's own, in turn, as local PMs are; a region's
        # packet then holds its share, not all N.
        doc["regions"] = [pm["regions"][i % len(pm["regions"])]]
        (root / "content" / "pm" / f"synthetic-{i:04d}.yaml").write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Project(root=root)


def measure(source: Path, n: int, langs: tuple[Language, ...]) -> dict[str, float]:
    """Build the project at source with n synthetic PMs; "search <code>" is what a first search in that
    language fetches (KiB gzipped, bench/search.py), "index s <code>" Pagefind's time to index it."""
    with tempfile.TemporaryDirectory(prefix="painguide-synthetic-") as tmp:
        project = synthetic_project(source, Path(tmp), n)
        site = Path(tmp) / "site"
        timings = Timings()
        start = time.perf_counter()
        problems = build(project, site, timings)
        total = time.perf_counter() - start
        assert not problems.errors, [str(p) for p in problems.errors][:5]
        generator = timings.stages["validate"] + timings.stages["generate"]
        sizes = [p.stat().st_size for p in site.rglob("*.html")]
        primary = next(lang for lang in langs if lang.primary)
        return {
            "pages": len(sizes) / len(langs),
            "total": total,
            "per_page": total / len(sizes),
            "generator_s": generator,
            "generator": generator / total,
            "html_kib": statistics.mean(sizes) / 1024,
            "html_median_kib": statistics.median(sizes) / 1024,
            "pm_kib": (site / primary.prefix / "pm" / TEMPLATE_PM / "index.html").stat().st_size / 1024,
        } | {
            f"search {code}": r["gz"] / 1024 for code, r in first_search(site, langs).items()
        } | {
            f"index s {code}": seconds for code, seconds in index_time(site, langs).items() if " " not in code
        }


def report(source: Path, sizes: list[int]) -> None:
    langs = languages(source)
    rows = [(n, measure(source, n, langs)) for n in sizes]
    codes = "/".join(lang.code for lang in langs)
    search = f"1st search {codes} KiB gz"
    index = f"index {codes} s"
    print(f"{'synthetic PMs':>13} {'pages/lang':>10} {'build s':>8} {'ms/page':>8} {'generator s':>11} {'share':>6} {'HTML KiB/page':>13} {'median':>6} {'a PM':>5} {search:>23} {index:>13}")
    for n, r in rows:
        searches = " /".join(f"{r[f'search {lang.code}']:>{13 if i == 0 else 7}.1f}" for i, lang in enumerate(langs))
        indexes = " /".join(f"{r[f'index s {lang.code}']:>{7 if i == 0 else 5}.2f}" for i, lang in enumerate(langs))
        print(f"{n:>13} {r['pages']:>10.0f} {r['total']:>8.1f} {r['per_page'] * 1000:>8.1f} {r['generator_s']:>11.2f} {r['generator']:>6.1%} {r['html_kib']:>13.1f} {r['html_median_kib']:>6.1f} {r['pm_kib']:>5.1f} {searches} {indexes}")
    if len(rows) > 1:
        first, last = rows[0][1], rows[-1][1]
        print(f"from {rows[0][0]} to {rows[-1][0]} synthetic PMs: time per page {last['per_page'] / first['per_page']:.2f}x, "
              f"mean HTML per page {last['html_kib'] / first['html_kib']:.2f}x, median {last['html_median_kib'] / first['html_median_kib']:.2f}x, "
              f"a PM page {last['pm_kib'] / first['pm_kib']:.2f}x")
        growth = ", ".join(f"{lang.code} {last[f'search {lang.code}'] / first[f'search {lang.code}']:.2f}x" for lang in langs)
        print(f"bytes of a first search from {rows[0][0]} to {rows[-1][0]} synthetic PMs: {growth} (goal: at most 1.5x)")
