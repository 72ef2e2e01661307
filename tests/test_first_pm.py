"""A first hour that works (issue 21, part 6): the content guide's "Your first PM" is run as
written. Its ```sh blocks are run in order in a copy of the project (fresh_clone), each
```text block after one is what that command must print (… stands for anything), and its
```yaml blocks are written into the new file as an editor would. `make serve` is left out:
it runs until stopped; the page and the review queue it shows are checked in the
generated Markdown instead."""

from __future__ import annotations

import re
from pathlib import Path

from fresh_clone import ROOT, clone, sh

GUIDE = ROOT / "content" / "README.md"
PM = Path("content/pm/port-needle-change.yaml")


def walkthrough() -> list[tuple[str, str]]:
    """The fenced blocks of the section, in order: (language, text without the list's indent)."""
    section = GUIDE.read_text(encoding="utf-8").split("\n## Your first PM\n", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^( *)```(\w+)\n(.*?)^\1```$", section, flags=re.M | re.S)
    return [(lang, "".join(line[len(indent):] for line in body.splitlines(keepends=True))) for indent, lang, body in found]


def write_in(path: Path, block: str) -> None:
    """A yaml block of the walkthrough, written into the file: its first line is a line of the
    file, and the rest replaces the field after it (a step's `- id:`, then its new text); or
    it is a line of the file written again with quotes, which replaces it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first, *rest = block.rstrip("\n").split("\n")
    for i, line in enumerate(lines):
        code = line.split("  #", 1)[0].rstrip()
        if code == first:
            lines[i + 1:i + 2] = rest
            break
        if code == first.replace("'", ""):
            lines[i:i + 1] = [first]
            break
    else:
        raise AssertionError(f"{path}: no line {first!r}")
    path.write_text("\n".join(lines), encoding="utf-8")


def shown(expected: str) -> re.Pattern[str]:
    return re.compile("^" + ".*".join(re.escape(part) for part in expected.split("…")) + "$", re.M)


def test_the_walkthrough_has_commands_outputs_and_edits() -> None:
    langs = [lang for lang, _ in walkthrough()]
    assert langs.count("sh") >= 5 and langs.count("text") >= 4 and langs.count("yaml") == 2, langs
    commands = [body.strip() for lang, body in walkthrough() if lang == "sh"]
    assert commands[0] == "make new KIND=pm ID=port-needle-change" and "make serve" in commands


def test_your_first_pm_works_as_written(tmp_path: Path) -> None:
    project = clone(tmp_path)
    output, code, ran = "", 0, []
    for lang, body in walkthrough():
        if lang == "sh":
            (command,) = body.strip().splitlines()  # one command per block
            if command.startswith("make serve"):
                output = ""  # runs until stopped; what it shows is checked below
                continue
            result = sh(project, command)
            output, code = result.stdout + result.stderr, result.returncode
            ran.append(command)
        elif lang == "text":
            for line in body.strip().splitlines():
                assert shown(line).search(output), f"after `{ran[-1]}`, the guide promises:\n{line}\nbut it printed:\n{output}"
            assert (code == 0) == ("content is valid" in body or body.startswith("wrote")), (ran[-1], code, output)
        else:
            write_in(project / PM, body)
    assert "make validate" in ran and ".venv/bin/painguide validate --release" in ran

    # Steps 5 and 6: the page and the review queue that the preview shows.
    result = sh(project, ".venv/bin/painguide generate")
    assert result.returncode == 0, result.stderr
    page = (project / "docs" / "sv" / "pm" / "port-needle-change.md").read_text(encoding="utf-8")
    assert 'Utkast – ej fastställt' in page
    assert re.search(r"^1\. .*Om nålen sitter fel: ta ut den och sätt i en ny\.$", page, re.M)
    queue = (project / "docs" / "sv" / "review.md").read_text(encoding="utf-8")
    assert "content/pm/port-needle-change.yaml" in queue
    for key in ("PORT-NEEDLE-CHANGE-1", "PORT-NEEDLE-CHANGE-2", "PORT-NEEDLE-CHANGE-2/caution"):
        assert f'data-statement="{key}" data-basis="general-knowledge"' in queue, key
