"""YAML → plain data, with the line and column of every key and value.

The YAML is only *composed* into nodes (never constructed), so no tag can run code,
and we decide every scalar's type ourselves, the YAML 1.2 way: `no`, `on`, `012`,
`1:30` and `2026-02-30` stay text, for the models to accept or reject by field.
Duplicate keys, anchors/aliases (the "billion laughs" bomb) and custom tags are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is about 11x faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

Path_ = tuple[str | int, ...]


@dataclass
class LoadError(Exception):
    line: int
    col: int
    message: str
    field: str = ""


@dataclass
class Document:
    """Plain data plus where each part of it was written."""

    path: Path
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Position of loc; for a missing field, the nearest enclosing node."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style:  # quoted or block scalar: always text (libyaml gives plain as '')
        return node.value
    value = node.value
    if value in ("", "~", "null"):
        return None
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Converter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node, loc: Path_) -> Any:
        line, col = _pos(node)
        if id(node) in self.seen:
            raise LoadError(line, col, "YAML anchors and aliases (& and *) are not allowed; write the text out", _dotted(loc))
        self.seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            raise LoadError(line, col, f"data is nested more than {MAX_DEPTH} levels deep", _dotted(loc))
        if not _tag_allowed(node):
            raise LoadError(line, col, f"YAML tag '{node.tag}' is not allowed", _dotted(loc))
        self.doc.values[loc] = (line, col)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    kl, kc = _pos(key_node)
                    raise LoadError(kl, kc, "a key must be a plain name", _dotted(loc))
                if key_node.tag == "tag:yaml.org,2002:merge":
                    kl, kc = _pos(key_node)
                    raise LoadError(kl, kc, "YAML merge keys (<<) are not allowed", _dotted(loc))
                key = key_node.value
                child = loc + (key,)
                if key in out:
                    kl, kc = _pos(key_node)
                    first = self.doc.keys[child]
                    raise LoadError(kl, kc, f"duplicate key '{key}' (first written on line {first[0]})", _dotted(child))
                self.doc.keys[child] = _pos(key_node)
                out[key] = self.convert(value_node, child)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, loc + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)


def _tag_allowed(node: yaml.Node) -> bool:
    # Without an explicit !tag, the composer gives a mapping/sequence its standard tag
    # and a plain scalar the tag the resolver picks (int, bool, timestamp …), which we
    # ignore and re-type ourselves. Any other tag was written explicitly: refuse it.
    if isinstance(node, yaml.MappingNode):
        return node.tag == "tag:yaml.org,2002:map"
    if isinstance(node, yaml.SequenceNode):
        return node.tag == "tag:yaml.org,2002:seq"
    if node.tag == "tag:yaml.org,2002:str":
        return True
    return not node.style and node.tag == _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))


_RESOLVER = _Loader.__new__(_Loader)


def _too_deep(text: str) -> tuple[int, int] | None:
    # libyaml's composer recurses in C; refuse pathological nesting before it does.
    depth = 0
    line = 1
    col = 0
    for ch in text:
        col += 1
        if ch == "\n":
            line += 1
            col = 0
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH * 2:
                return line, col
        elif ch in "]}":
            depth = max(0, depth - 1)
    for number, row in enumerate(text.split("\n"), start=1):
        if len(row) - len(row.lstrip(" ")) > MAX_DEPTH * 8:
            return number, 1
    return None


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    problem = err.problem or "invalid YAML"
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab character is not allowed here; indent with spaces"
    text = problem
    if err.context:
        text = f"{err.context}, {problem}"
    return f"YAML syntax error: {text}"


def load(path: Path) -> Document:
    """Load one content file, or raise LoadError with a position."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise LoadError(1, 1, f"file is {len(raw) // 1024} KiB; content files may be at most {MAX_BYTES // 1024} KiB")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError(1, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise LoadError(line, col, f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8") from None
    if "\t" in text:
        for number, row in enumerate(text.split("\n"), start=1):
            if "\t" in row:
                raise LoadError(number, row.index("\t") + 1, "a tab character is not allowed; use spaces")
    deep = _too_deep(text)
    if deep:
        raise LoadError(deep[0], deep[1], f"data is nested more than {MAX_DEPTH} levels deep")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as err:
        mark = err.problem_mark or err.context_mark
        message = "YAML anchors and aliases (& and *) are not allowed" if "alias" in (err.problem or "") else _syntax_message(err)
        raise LoadError(mark.line + 1, mark.column + 1, message) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise LoadError(mark.line + 1, mark.column + 1, _syntax_message(err)) from None
    except RecursionError:
        raise LoadError(1, 1, f"data is nested more than {MAX_DEPTH} levels deep") from None
    if node is None:
        raise LoadError(1, 1, "file is empty")
    doc = Document(path=path, data=None)
    doc.data = _Converter(doc).convert(node, ())
    if not isinstance(doc.data, dict):
        raise LoadError(1, 1, "the top level of a content file must be a mapping of field: value")
    return doc


def dotted(loc: Path_) -> str:
    return _dotted(loc)
