"""painguide command line: validate, generate, build, serve.

Exit status: 0 success, 1 content or build errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from painguide import COMMAND, kinds
from painguide.build import MKDOCS, BuildError, Project, Timings, build, check, run_generate, validate
from painguide.errors import ContentError, Problems
from painguide.zensical import ZENSICAL

# The bare `painguide` is not on a newcomer's PATH: --help names the forms that work as written.
EPILOG = f"""\
Run it in the project folder as {COMMAND} COMMAND (the first `make` command creates .venv/),
or through make: make validate, make build, make serve, make schema,
make new KIND=pm ID=my-pm. {COMMAND} COMMAND --help shows a command's options."""

# What builds the HTML: MkDocs, the site's engine, or Zensical (`make zensical`, a trial).
ENGINES = {engine.name: engine for engine in (MKDOCS, ZENSICAL)}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0], epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: <root>/content)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--today", type=_date, default=None, help="date used for review and expiry checks (YYYY-MM-DD)")
        p.add_argument("--release", action="store_true", help="treat expiry, release blockers, TODO markers, placeholder numbers and unreviewed statements in approved documents as errors")
        return p

    common(sub.add_parser("validate", help="check all content; write nothing"))
    common(sub.add_parser("generate", help="validate, then write Markdown under docs/"))
    b = common(sub.add_parser("build", help="validate, generate and build site/ (replaced only on success)"))
    b.add_argument("--site-dir", type=Path, default=None, help="where to put the site (default: site/)")
    b.add_argument("--engine", choices=list(ENGINES), default=MKDOCS.name,
                   help="what builds the HTML: mkdocs (the site's), or zensical (a trial, `make zensical`; needs .venv-zensical/)")
    s = common(sub.add_parser("serve", help="live preview of one language; a saved file's page is served again in about a second"))
    s.add_argument("--lang", default=None, help="a language code of languages.yaml (default: the primary language)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    sc = sub.add_parser("schema", help="write JSON Schemas for editors to schemas/")
    sc.add_argument("--check", action="store_true", help="write nothing; fail if a schema in schemas/ is missing or out of date")
    n = sub.add_parser("new", help="start a content file from its kind's archetype, archetypes/<kind>.yaml")
    n.add_argument("kind", choices=kinds.names())
    n.add_argument("id", nargs="?", default=None,
                   help="the new file's id: <id>, <document>/<NN>-<chapter-id> for a chapter, none for a single-file kind (glossary)")
    return parser


def _report(problems: Problems) -> None:
    for p in problems.warnings + problems.errors:
        print(p, file=sys.stderr)


def _new(project: Project, kind: str, ident: str | None) -> int:
    from painguide.scaffold import ScaffoldError, new

    try:
        for path in new(project.content, kind, ident, project.today, project.root / "archetypes", project.root / "schemas"):
            print(f"wrote {path}")
    except ScaffoldError as err:
        print(f"painguide: {err}", file=sys.stderr)
        return 2
    print(f"fill in every TODO; `{COMMAND} validate --release` lists the ones left, and a release build fails until they are gone")
    return 0


def _language(project: Project, code: str | None) -> str:
    """A language of the project's languages.yaml (the primary one if none is given)."""
    from painguide.languages import load_languages, primary

    problems = Problems(project.root)
    languages = load_languages(project.root, problems)
    if problems:
        raise ContentError(problems)
    if code is None:
        return primary(languages).code
    codes = [lang.code for lang in languages]
    if code not in codes:
        raise _Usage(f"--lang {code}: choose one of {', '.join(codes)} (languages.yaml)")
    return code


class _Usage(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    content = (args.content or root / "content").resolve()
    if not content.is_dir():
        print(f"painguide: no content folder at {content}", file=sys.stderr)
        return 2
    today = getattr(args, "today", None) or dt.date.today()
    project = Project(root=root, today=today, release=getattr(args, "release", False), content_dir=content)
    if args.command == "schema":
        from painguide.languages import load_languages
        from painguide.schema import stale_schemas, write_schemas

        problems = Problems(root)
        languages = load_languages(root, problems)
        if problems:
            _report(problems)
            return 1
        if args.check:
            stale = stale_schemas(root / "schemas", languages)
            for name in stale:
                print(f"painguide: schemas/{name} is missing or out of date; run `make schema` and commit it", file=sys.stderr)
            return 1 if stale else 0
        written = write_schemas(root / "schemas", languages)
        print(f"schemas/: {len(written)} file(s) updated")
        return 0
    if args.command == "new":
        return _new(project, args.kind, args.id)
    try:
        if args.command == "validate":
            start = time.perf_counter()
            _, _, problems = check(project)
            _report(problems)
            print(f"content is valid ({time.perf_counter() - start:.2f} s)")
        elif args.command == "generate":
            _, renderer, problems = validate(project)
            _report(problems)
            stats = run_generate(project, renderer)
            for lang, (written, removed) in stats.items():
                print(f"docs/{lang}: {len(renderer.pages)} pages, {written} written, {removed} removed")
        elif args.command == "build":
            timings = Timings()
            site_dir = args.site_dir or root / "site"
            problems = build(project, site_dir, timings, ENGINES[args.engine])
            _report(problems)
            figures = ", ".join(f"{name} {secs:.2f} s" for name, secs in timings.stages.items())
            print(f"built {site_dir} ({figures})")
        elif args.command == "serve":
            from painguide.serve import serve

            return serve(project, _language(project, args.lang), args.dev_addr)
    except ContentError as err:
        _report(err.problems)
        print(f"painguide: {len(err.problems.errors)} error(s); nothing was written", file=sys.stderr)
        return 1
    except BuildError as err:
        print(f"painguide: {err}", file=sys.stderr)
        where = getattr(args, "site_dir", None) or "site/"
        print(f"painguide: the build failed; {where} was left as it was", file=sys.stderr)
        return 1
    except _Usage as err:
        print(f"painguide: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
