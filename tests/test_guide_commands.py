"""Commands that work as written (issue 21, part 5): every `make …` and `.venv/bin/painguide …`
in README.md and content/README.md names a real target or a command line the CLI accepts;
`make new` makes a file of every kind; `make schema` and `painguide schema --check`; the
pre-commit hooks run only such commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from fresh_clone import ROOT, clone, sh
from painguide import COMMAND
from painguide.cli import _parser
from painguide.kinds import KINDS

GUIDES = ("README.md", "content/README.md")

# What an editor puts in place of a guide's <placeholder>.
PLACEHOLDERS = {"<kind>": "pm", "<name>": "pm", "<id>/NN-<chapter>": "regional-recommendation/11-follow-up",
                "<document>/NN-<chapter>": "regional-recommendation/11-follow-up", "<profession>": "nurse", "<id>": "my-pm", "<code>": "en"}


def commands() -> list[tuple[str, str]]:
    """(guide, command): every make target and painguide command in the guides' code, with
    its placeholders filled in; `make …`, with an ellipsis, is a description, not a command."""
    found = []
    for guide in GUIDES:
        text = (ROOT / guide).read_text(encoding="utf-8")
        fenced = [line for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S) for line in block.splitlines()]
        for code in re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S)) + fenced:
            code = code.split(" #", 1)[0].strip()
            if code.startswith(("make ", f"{COMMAND} ")) and "…" not in code:
                for placeholder, value in PLACEHOLDERS.items():
                    code = code.replace(placeholder, value)
                found.append((guide, code))
    return sorted(set(found))


def test_the_guides_name_commands() -> None:
    found = {code for _, code in commands()}
    assert {"make validate", "make build", "make serve", "make schema", "make new KIND=pm ID=my-pm",
            f"{COMMAND} build --release", f"{COMMAND} validate --release"} <= found, found


def accepted(argv: list[str]) -> None:
    """The CLI parses argv (help exits 0) or the test fails with argparse's message."""
    try:
        _parser().parse_args(argv)
    except SystemExit as stop:
        assert stop.code == 0, f"{COMMAND} {shlex.join(argv)}: refused"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clone(tmp_path_factory.mktemp("clone"))


@pytest.mark.parametrize(("guide", "command"), commands())
def test_every_command_in_the_guides_works_as_written(project: Path, guide: str, command: str) -> None:
    if command.startswith("make "):
        # -n prints what the target would run: a target that does not exist fails here,
        # and so does `make schema` when it was only a .PHONY name with no rule.
        result = sh(project, command.replace("make ", "make -n ", 1))
        assert result.returncode == 0, f"{guide}: `{command}`: {result.stderr}"
        recipe = [line for line in result.stdout.splitlines() if line.startswith(f"{COMMAND} ")]
        assert recipe or command.split()[1] in ("test", "bench", "lock", "lock-zensical", "zensical-venv", "help"), f"{guide}: `{command}` runs no painguide command"
        for line in recipe:
            accepted(shlex.split(line)[1:])
    else:
        accepted(shlex.split(command)[1:])


def test_make_new_works_for_every_kind(tmp_path: Path) -> None:
    """Every kind of the registry, through make, into an empty content folder; then the
    whole project validates (each new file names the ones before it)."""
    project = clone(tmp_path, content=False)
    order = ["references", "regions", "glossary", "signs", "page index", "recommendation-document guide",
             "chapter guide/02-more", "competence nurse", "pm new-pm", "patient-info new-leaflet", "training new-module", "figures"]
    assert sorted(step.split()[0] for step in order) == sorted(kind.name for kind in KINDS)
    for step in order:
        kind, *ident = step.split()
        result = sh(project, f"make new KIND={kind}" + (f" ID={ident[0]}" if ident else ""))
        assert result.returncode == 0 and "wrote " in result.stdout, result.stdout + result.stderr
    result = sh(project, "make validate")
    assert result.returncode == 0 and "content is valid" in result.stdout, result.stdout + result.stderr


def test_make_new_without_a_kind_says_how_before_installing_anything(tmp_path: Path) -> None:
    project = clone(tmp_path)
    (project / ".venv" / ".installed").unlink()  # as in a fresh clone: make would create the venv first
    result = sh(project, "make new ID=my-pm")
    assert result.returncode != 0 and "give the kind: make new KIND=pm ID=my-pm" in result.stderr
    assert not (project / ".venv" / ".installed").exists()


def test_make_schema_writes_and_schema_check_fails_while_out_of_date(tmp_path: Path) -> None:
    project = clone(tmp_path)
    assert sh(project, f"{COMMAND} schema --check").returncode == 0
    stale = project / "schemas" / "pm.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    (project / "schemas" / "glossary.schema.json").unlink()
    result = sh(project, f"{COMMAND} schema --check")
    assert result.returncode == 1
    assert sorted(result.stderr.splitlines()) == [f"painguide: schemas/{name} is missing or out of date; run `make schema` and commit it"
                                          for name in ("glossary.schema.json", "pm.schema.json")]
    assert stale.read_text(encoding="utf-8") == "{}\n"  # --check writes nothing
    result = sh(project, "make schema")
    assert result.returncode == 0 and "schemas/: 2 file(s) updated" in result.stdout, result.stdout + result.stderr
    assert sh(project, f"{COMMAND} schema --check").returncode == 0


def test_pre_commit_hooks_run_painguide_commands_on_content_changes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    assert {hook["entry"] for hook in hooks.values()} == {f"{COMMAND} validate", f"{COMMAND} schema --check"}
    for hook in hooks.values():
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        accepted(shlex.split(hook["entry"])[1:])
        assert re.search(hook["files"], "content/pm/dressing-change.yaml"), hook["id"]
        assert not re.search(hook["files"], "tests/test_first_pm.py"), hook["id"]
    # pre-commit is locked like every other tool, so `.venv/bin/pre-commit install` works after make.
    assert re.search(r"^pre-commit==", (ROOT / "requirements.lock").read_text(encoding="utf-8"), re.M)


def test_pre_commit_accepts_the_config() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is not installed in this venv (make installs the lock)")
    clientlib.load_config(str(ROOT / ".pre-commit-config.yaml"))
