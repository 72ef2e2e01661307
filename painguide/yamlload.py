"""YAML → plain data, with the line and column of every key and value.

The YAML is only *parsed* into events (never constructed), so no tag can run code,
and we decide every scalar's type ourselves, the YAML 1.2 way: `no`, `on`, `012`,
`1:30` and `2026-02-30` stay text, for the models to accept or reject by field.
Duplicate keys, anchors/aliases (the "billion laughs" bomb), custom tags, control
characters, deep nesting and files over 1 MiB or 50 000 values are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is about 11x faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# libyaml 0.2.6 and later stop at a nesting depth of their own (1000), sometimes before
# our MAX_DEPTH check has seen the events. That limit is theirs, not ours: the file is
# parsed again by PyYAML's pure-Python parser, which has none, so that MAX_DEPTH decides
# and the message and position are the same whichever libyaml is installed.
_LIBYAML_DEPTH = "exceeded maximum nesting depth"

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

Path_ = tuple[str | int, ...]


@dataclass
class LoadError(Exception):
    line: int
    col: int
    message: str
    field: str = ""


class Document:
    """Plain data plus where each part of it was written.

    The positions are found only when first asked for, by parsing the text again: a
    build asks only for the positions of its problems, and recording the position of
    every value of every file cost more than loading the data.
    """

    def __init__(self, path: Path, data: Any, text: str = "") -> None:
        self.path = path
        self.data = data
        self.text = text
        self._positions: tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]] | None = None

    def _found(self) -> tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
        if self._positions is None:
            builder = _tracked(self.text)
            self._positions = builder.values, builder.keys
        return self._positions

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        return self._found()[0]

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        return self._found()[1]

    def locate(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Position of loc; for a missing field, the nearest enclosing node."""
        values, keys = self._found()
        if key and loc in keys:
            return keys[loc]
        while loc:
            if loc in values:
                return values[loc]
            loc = loc[:-1]
        return values.get((), (1, 1))


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_STR = "tag:yaml.org,2002:str"

MAX_NODES = 50_000
"""Values per file (mappings, lists and scalars; keys are not counted). The largest
real file has a few hundred; 50 000 are parsed in well under a second."""

# What libyaml's reader accepts; anything else is an invisible control character.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.style or event.tag in (_STR, "!"):
        # Quoted or block text, or an explicit !!str or '!': always text.
        # (libyaml gives a plain scalar's style as '', pure-Python PyYAML as None.)
        return event.value
    value = event.value
    if value in ("", "~", "null"):
        return None
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # over Python's 4,300 digits: no field wants such a number; a model says so
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _pos(item: yaml.Event | yaml.Node) -> tuple[int, int]:
    return item.start_mark.line + 1, item.start_mark.column + 1


def _dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _tag_allowed(event: yaml.Event) -> bool:
    # An untagged node is typed by us. '!' and !!str mean text; !!map, !!seq and a
    # standard tag that says what the plain value already is (!!int 12) are harmless.
    # Any other tag was written to make the parser build something else: refuse it.
    tag = event.tag
    if tag is None or tag == "!":
        return True
    if isinstance(event, yaml.MappingStartEvent):
        return tag == "tag:yaml.org,2002:map"
    if isinstance(event, yaml.SequenceStartEvent):
        return tag == "tag:yaml.org,2002:seq"
    if tag == _STR:
        return True
    return not event.style and tag == _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))


_RESOLVER = _Loader.__new__(_Loader)


class _Builder:
    """Turns the parser's event stream into plain data, one event at a time.

    Working from events rather than a composed node graph means no recursion (so
    nesting is limited by our own check, not the C stack), an alias is refused where it
    is written, and a pathological file is refused as soon as it crosses a limit.
    """

    def __init__(self) -> None:
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.nodes = 0
        # Open containers: [container, loc, key of the value expected next (mappings)]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.done = False

    def _child_loc(self) -> Path_ | None:
        """Where the next node goes: its loc, or None when it is a mapping key."""
        if not self.stack:
            return ()
        container, loc, key = self.stack[-1]
        if isinstance(container, list):
            return loc + (len(container),)
        return None if key is None else loc + (key,)

    def _place(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container, _, key = frame
        if isinstance(container, list):
            container.append(value)
        else:
            container[key] = value
            frame[2] = None

    def _key(self, event: yaml.Event) -> None:
        container, loc, _ = self.stack[-1]
        line, col = _pos(event)
        if not isinstance(event, yaml.ScalarEvent):
            raise LoadError(line, col, "a field name must be plain text, not a list or a mapping", _dotted(loc))
        if event.tag not in (None, "!", _STR):
            raise LoadError(line, col, f"YAML tags such as '{_short_tag(event.tag)}' are not allowed; remove the tag", _dotted(loc))
        if not event.style and event.tag is None and event.value == "<<":
            raise LoadError(line, col, "YAML merge keys (<<) are not allowed; write the fields out in full", _dotted(loc))
        key = event.value
        child = loc + (key,)
        if key in container:
            first = self.keys[child]
            raise LoadError(line, col, f"duplicate key '{key}' (first written on line {first[0]}); remove one of them", _dotted(child))
        self.keys[child] = (line, col)
        container[key] = None  # holds the key's place, so duplicates and order are kept
        self.stack[-1][2] = key

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, yaml.DocumentStartEvent):
            if self.done:
                line, col = _pos(event)
                raise LoadError(line, col, "a content file holds one YAML document; remove the second '---' and what follows, or move it to its own file")
            self.done = True
            return
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container = self.stack.pop()[0]
            self._place(container)
            return
        line, col = _pos(event)
        loc = self._child_loc()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            where = loc if loc is not None else self.stack[-1][1]
            raise LoadError(line, col, "YAML anchors and aliases (& and *) are not allowed; write the text out in full", _dotted(where))
        if loc is None:
            self._key(event)
            return
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LoadError(line, col, f"the file holds more than {MAX_NODES} values; split it into smaller files", _dotted(loc))
        if len(loc) > MAX_DEPTH:
            raise LoadError(line, col, f"data is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets", _dotted(loc[:1]))
        if not _tag_allowed(event):
            raise LoadError(line, col, f"YAML tags such as '{_short_tag(event.tag)}' are not allowed; remove the tag", _dotted(loc))
        self.values[loc] = (line, col)
        if isinstance(event, yaml.MappingStartEvent):
            self.stack.append([{}, loc, None])
        elif isinstance(event, yaml.SequenceStartEvent):
            self.stack.append([[], loc, None])
        else:
            self._place(_scalar(event))


# libyaml's wording → what an editor can act on, by the start of the problem text.
_PROBLEMS = (
    ("mapping values are not allowed", "a ': ' (colon and space) is not allowed here; put text that contains ': ' in quotes, or check the indentation"),
    ("found character that cannot start any token", "a value cannot start with this character; put the text in quotes"),
    ("found unexpected end of stream", "the file ends before a quote or bracket is closed"),
    ("could not find expected ':'", "a ':' is missing after a field name"),
    ("did not find expected key", "the indentation is wrong, or a text needs quotes; every field at one level must start in the same column"),
    ("block sequence entries are not allowed", "a '- ' list item is not allowed here; start the list on a new line"),
    ("did not find expected ',' or '}'", "a ',' between the entries or the closing '}' is missing"),
    ("did not find expected ',' or ']'", "a ',' between the entries or the closing ']' is missing"),
    ("found a tab character", "a tab character is not allowed here; indent with spaces"),
)
_CONTEXTS = {
    "while parsing a flow mapping": "in the { … } that starts on line {line}",
    "while parsing a flow sequence": "in the [ … ] that starts on line {line}",
    "while parsing a block mapping": "in the fields that start on line {line}",
    "while parsing a block collection": "in the list that starts on line {line}",
    "while scanning a quoted scalar": "in the quoted text that starts on line {line}",
    "while scanning a simple key": "after the text that starts on line {line}",
}


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    problem = err.problem or "invalid YAML"
    text = next((plain for start, plain in _PROBLEMS if problem.startswith(start)), problem)
    context = _CONTEXTS.get(err.context or "")
    if context and err.context_mark is not None:
        text += f" ({context.replace('{line}', str(err.context_mark.line + 1))})"
    return f"YAML syntax error: {text}"


def _build(text: str, loader: type) -> _Builder:
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=loader):
            builder.feed(event)
    except yaml.MarkedYAMLError:
        raise
    except yaml.YAMLError as err:  # pragma: no cover - the checks in load() come first
        raise LoadError(1, 1, f"YAML syntax error: {err}") from None
    return builder


def _syntax_error(err: yaml.MarkedYAMLError) -> LoadError:
    mark = err.problem_mark or err.context_mark
    return LoadError(mark.line + 1, mark.column + 1, _syntax_message(err))


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
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        raise LoadError(line, col, f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8") from None
    if "\t" in text:
        for number, row in enumerate(text.split("\n"), start=1):
            if "\t" in row:
                raise LoadError(number, row.index("\t") + 1, "a tab character is not allowed; use spaces")
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise LoadError(line, col, f"the file contains an invisible control character (U+{ord(bad.group()):04X}); delete it")
    try:
        return Document(path, _fast(text), text)
    except _Unusual:
        pass
    builder = _tracked(text)
    doc = Document(path, builder.root, text)
    doc._positions = builder.values, builder.keys
    return doc


def _tracked(text: str) -> _Builder:
    """Load text recording every position, or raise LoadError for the first problem."""
    try:
        builder = _build(text, _Loader)
    except yaml.MarkedYAMLError as err:
        if _LIBYAML_DEPTH not in (err.problem or "") or _Loader is yaml.SafeLoader:
            raise _syntax_error(err) from None
        try:
            builder = _build(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as again:
            raise _syntax_error(again) from None
    if not builder.done:
        raise LoadError(1, 1, "file is empty")
    if not isinstance(builder.root, dict):
        raise LoadError(1, 1, "the top level of a content file must be a mapping of field: value")
    return builder


class _Unusual(Exception):
    """Something the fast load leaves to the tracked one: every problem, and any tag or anchor."""


_KEY = object()  # a mapping's frame while it waits for its next key


def _fast(text: str) -> dict[str, Any]:
    """The plain data of a file that is plainly valid, without positions.

    It takes the plain case only and raises _Unusual for anything else, so that every
    problem is found, worded and placed by one builder (_Builder). The tests hold the
    two to the same data.
    """
    loader = _Loader(text)
    root: Any = None
    documents = nodes = 0
    stack: list[list[Any]] = []  # open containers: [container, None (a list) | _KEY | the key of the value expected next]
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.tag is not None or event.anchor is not None:
                    raise _Unusual
                frame = stack[-1] if stack else None
                if frame is not None and frame[1] is _KEY:
                    key = event.value
                    if key in frame[0] or (key == "<<" and not event.style):
                        raise _Unusual
                    frame[1] = key
                    continue
                value = _scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.tag is not None or event.anchor is not None:
                    raise _Unusual
                frame = stack[-1] if stack else None
                if frame is not None and frame[1] is _KEY:
                    raise _Unusual
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                continue
            elif kind is yaml.StreamStartEvent or kind is yaml.StreamEndEvent or kind is yaml.DocumentEndEvent:
                continue
            else:  # an alias
                raise _Unusual
            nodes += 1
            if nodes > MAX_NODES or len(stack) > MAX_DEPTH:
                raise _Unusual
            if frame is None:
                root = value
            elif frame[1] is None:
                frame[0].append(value)
            else:
                frame[0][frame[1]] = value
                frame[1] = _KEY
            if kind is not yaml.ScalarEvent:
                stack.append([value, _KEY if kind is yaml.MappingStartEvent else None])
    except yaml.YAMLError:
        raise _Unusual from None
    finally:
        loader.dispose()
    if documents != 1 or type(root) is not dict:
        raise _Unusual
    return root


def load_reported(path: Path, problems: Any, unreadable: str = "cannot read file") -> Document | None:
    """load(), with a failure added to problems (errors.Problems) at its position instead of raised."""
    try:
        return load(path)
    except LoadError as err:
        problems.add(path, err.line, err.col, err.field, err.message)
    except OSError as err:
        problems.add(path, 1, 1, "", f"{unreadable}: {err.strerror}")
    return None


def dotted(loc: Path_) -> str:
    return _dotted(loc)
