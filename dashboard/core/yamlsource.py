"""Read one YAML file safely into plain values, keeping the position of every node.

PyYAML's constructors lose positions, keep the last of duplicate keys and read YAML 1.1
surprises (``no`` as false, ``012`` as octal, bare dates as dates) without a word. So the file
is only *composed* (libyaml's C parser where present, which never constructs objects) and the
node tree is turned into values here, reporting every surprise as a :class:`Problem`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

try:  # libyaml's parser: faster, same safety (composing never constructs objects)
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback where libyaml is missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64

# Where a value sits in a document: keys and list indices from the top, ("claims", 3, "value").
KeyPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_YAML12_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_OCTAL = re.compile(r"^[-+]?0[0-9_]+$")
_TRUE_FALSE = {"true", "false"}
# Unicode format characters (category Cf, Unicode 14.0.0): zero-width spaces and
# joiners, bidi controls, stray BOMs. Listed as ranges: computing them costs 0.3 s at import.
_HIDDEN = re.compile(
    "["
    "\U000000ad\U00000600-\U00000605\U0000061c\U000006dd\U0000070f"
    "\U00000890-\U00000891\U000008e2\U0000180e\U0000200b-\U0000200f"
    "\U0000202a-\U0000202e\U00002060-\U00002064\U00002066-\U0000206f"
    "\U0000feff\U0000fff9-\U0000fffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "]"
)


@dataclass
class YamlDoc:
    """A parsed file: its plain value, the position of each path, and its problems."""

    file: str
    value: Any = None
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def mark(self, path: KeyPath) -> tuple[int, int]:
        """The (line, col) of ``path`` or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: KeyPath, code: str, message: str, hint: str | None = None) -> Problem:
        line, col = self.mark(path)
        return Problem(self.file, line, col, code, message, format_path(path), hint)


def format_path(path: KeyPath) -> str:
    """``('claims', 2, 'value')`` -> ``claims[2].value``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_BRACKET = re.compile(r"[\[\]{}]")
# Leading indentation and a run of block indicators (`- - - x`, `? ? x`) at the start of a line.
_BLOCK_RUN = re.compile(r"^([ \t]*)((?:[-?](?:[ \t]+|$))*)", re.MULTILINE)
# Lines that can count for more than 2 below: indented 16 or more, or two indicators in a run.
# Matched from the newline before them: a pattern that starts with a literal is scanned for
# fast, one that starts with ^ is tried at every character.
_DEEP_LINE = re.compile(r"\n(?:[ \t]{16}|[ \t]*(?:[-?](?:[ \t]+|$)){2})", re.MULTILINE)


def _depth_guard(text: str) -> int:
    """Nesting depth an attacker could reach cheaply (flow brackets, `- - -` runs), exact
    when above 2 (a line's indentation counts a level per 8 columns).

    Only bracket characters and the starts of deep lines are looked at (regex scans), so the
    guard costs little next to parsing.
    """
    depth = worst = 0
    for match in _BRACKET.finditer(text):  # quoted brackets only over-count, which is safe
        if match.group() in "[{":
            depth += 1
            worst = max(worst, depth)
        else:
            depth = max(0, depth - 1)
    for deep in _DEEP_LINE.finditer("\n" + text):  # positions shift by one: the added \n
        line = _BLOCK_RUN.match(text, deep.start())
        if line:
            run = line.group(2).count("-") + line.group(2).count("?")
            worst = max(worst, run + len(line.group(1)) // 8)
    return worst


def parse_yaml(raw: bytes, doc: YamlDoc) -> YamlDoc:
    """Parse ``raw`` bytes into ``doc``."""
    if len(raw) > MAX_BYTES:
        doc.problems.append(
            Problem(
                doc.file,
                0,
                0,
                "file-too-large",
                f"{len(raw):,} bytes; the limit is {MAX_BYTES:,}",
                hint="split the file",
            )
        )
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        doc.problems.append(
            Problem(
                doc.file,
                line,
                col,
                "not-utf8",
                f"byte 0x{raw[err.start]:02x} is not UTF-8",
                hint="save the file as UTF-8",
            )
        )
        return doc
    if _depth_guard(text) > MAX_DEPTH:
        doc.problems.append(
            Problem(doc.file, 1, 1, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
        )
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        code = "multiple-documents" if "single document" in message else "yaml-syntax"
        doc.problems.append(Problem(doc.file, line, col, code, message))
        return doc
    except yaml.reader.ReaderError as err:  # NUL and other control characters
        before = text[: err.position]
        line, col = before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1
        char = text[err.position] if err.position < len(text) else ""
        doc.problems.append(
            Problem(
                doc.file,
                line,
                col,
                "control-character",
                f"control character U+{ord(char):04X} is not allowed in YAML"
                if char
                else str(err.reason),
                hint="delete it; it is invisible in most editors",
            )
        )
        return doc
    except yaml.YAMLError as err:
        doc.problems.append(Problem(doc.file, 1, 1, "yaml-syntax", str(err).splitlines()[0]))
        return doc
    finally:
        loader.dispose()
    if node is None:
        doc.problems.append(Problem(doc.file, 1, 1, "empty-file", "the file holds no data"))
        return doc
    doc.value = _Builder(doc).build(node, ())
    return doc


class _Builder:
    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.seen: set[int] = set()

    def _report(
        self, node: yaml.Node, path: KeyPath, code: str, message: str, hint: str | None = None
    ) -> None:
        self.doc.problems.append(
            Problem(
                self.doc.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                code,
                message,
                format_path(path),
                hint,
            )
        )

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.seen:
            self._report(
                node,
                path,
                "alias",
                "anchors and aliases are not allowed",
                "write the value out in full",
            )
            return None
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            self._report(node, path, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
            return None
        tag = node.tag
        if isinstance(node, yaml.MappingNode):
            if tag != _TAG + "map":
                self._bad_tag(node, path)
                return None
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if tag != _TAG + "seq":
                self._bad_tag(node, path)
                return None
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _bad_tag(self, node: yaml.Node, path: KeyPath) -> None:
        self._report(
            node,
            path,
            "unsafe-tag",
            f"tag {node.tag!r} is not allowed; only plain "
            "YAML values are read, nothing is executed",
        )

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self._report(
                    key_node,
                    path,
                    "alias",
                    "merge keys (<<) are not allowed",
                    "write the fields out in full",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                self._report(
                    key_node,
                    path,
                    "key-not-text",
                    f"key {shown!r} is not text",
                    "keys are plain words such as `site:`",
                )
                continue
            key = key_node.value
            if key in first_line:
                self._report(
                    key_node,
                    (*path, key),
                    "duplicate-key",
                    f"key {key!r} appears twice in this mapping (first on line {first_line[key]})",
                    "YAML keeps only the last one; remove one of them",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        tag, raw = node.tag, node.value
        found = _HIDDEN.search(raw)
        if found is not None:
            hidden = found.group()
            self._report(
                node,
                path,
                "hidden-character",
                f"invisible character U+{ord(hidden):04X} "
                f"({unicodedata.name(hidden, 'format character')}) in the value",
                "delete it: zero-width and direction marks hide or reorder text",
            )
            return raw
        if tag == _TAG + "str":
            if not node.style and _YAML12_FLOAT.match(raw) and not raw.isdigit():
                return self._float(node, path, raw)  # 1e8: YAML 1.1 says text, people mean 1e8
            return raw
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            if raw.lower() in _TRUE_FALSE:
                return raw.lower() == "true"
            meaning = "true" if raw.lower() in ("yes", "on") else "false"
            self._report(
                node,
                path,
                "yaml11-bool",
                f"YAML 1.1 reads {raw!r} as {meaning}",
                f'quote it: "{raw}", or write true/false',
            )
            return raw
        if tag == _TAG + "int":
            plain = raw.lstrip("+-")
            if (
                ":" in raw
                or "_" in raw
                or plain[:2].lower() in ("0x", "0b", "0o")
                or (_OCTAL.match(raw) and plain != "0")
            ):
                self._report(
                    node,
                    path,
                    "yaml11-number",
                    f"YAML 1.1 reads {raw!r} as a number you may not mean",
                    f'quote it ("{raw}") if it is text, or write it as plain digits',
                )
                return raw
            return int(raw)
        if tag == _TAG + "float":
            if ":" in raw or "_" in raw:
                self._report(
                    node,
                    path,
                    "yaml11-number",
                    f"YAML 1.1 reads {raw!r} as a base-60 or separated number",
                    f'quote it: "{raw}"',
                )
                return raw
            return self._float(node, path, raw)
        if tag == _TAG + "timestamp":
            self._report(
                node, path, "yaml11-date", f"YAML reads {raw} as a date", f'quote it: "{raw}"'
            )
            return raw
        self._bad_tag(node, path)
        return None

    def _float(self, node: yaml.ScalarNode, path: KeyPath, raw: str) -> Any:
        lowered = raw.lower().lstrip("+-")
        value = math.nan if lowered == ".nan" else (math.inf if lowered == ".inf" else float(raw))
        if not math.isfinite(value):
            self._report(node, path, "non-finite", f"{raw!r} is not a finite number")
            return raw
        return value
