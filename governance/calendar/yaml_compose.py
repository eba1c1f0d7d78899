"""YAML text → a small tree of positioned nodes, composed from the parser's events.

Why not `yaml.compose`: its C composer recurses once per nesting level and crashes the interpreter on a
few ten thousand nested brackets, and neither composer bounds what aliases expand to. Here the (non-recursive)
libyaml event stream is folded with an explicit stack, so nesting depth and alias expansion are counted as
the text is read and a hostile file is refused before anything is built from it. No tag is ever constructed:
scalars stay text, and the reader decides what a value means from the schema (safer than `safe_load`).
"""
from __future__ import annotations


import yaml

from .errors import refuse

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the libyaml parser when installed: ~10× faster

MAX_DEPTH = 32  # a calendar nests 6 deep (meetings → meeting → matters → matter → participants)
ALIAS_BUDGET = 10_000  # nodes that aliases may add in all; far above honest reuse, far below a bomb

NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class Node:
    __slots__ = ("line", "col", "start", "end")
    kind = "node"

    def at(self, mark) -> None:
        self.line = mark.line + 1
        self.col = mark.column + 1
        self.start = mark.index


class Scalar(Node):
    __slots__ = ("value", "plain", "tag", "is_null")
    kind = "single value"

    def __init__(self, value: str, plain: bool, tag: str | None):
        self.value, self.plain, self.tag = value, plain, tag
        self.is_null = plain and value in NULLS  # a plain empty, ~ or null: nothing (asked of most values)


class Seq(Node):
    __slots__ = ("items", "tag")
    kind = "list"

    def __init__(self, tag: str | None):
        self.items: list[Node] = []
        self.tag = tag


class Map(Node):
    __slots__ = ("items", "tag")
    kind = "mapping"

    def __init__(self, tag: str | None):
        self.items: list[Node] = []  # key, value, key, value …
        self.tag = tag

    @property
    def pairs(self):
        it = iter(self.items)
        return zip(it, it)


def _problem(exc: yaml.YAMLError) -> tuple[str, int, int]:
    """A YAML error's message and position, in one line."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        text = " ".join(p for p in (exc.context, exc.problem) if p)
        return f"YAML syntax: {text}", (mark.line + 1 if mark else 1), (mark.column + 1 if mark else 0)
    if isinstance(exc, yaml.reader.ReaderError):
        return f"YAML: unacceptable character #x{exc.character:04x}: {exc.reason}", 0, 0
    return f"YAML: {exc}", 1, 0


def compose(text: str, name: str, max_depth: int = MAX_DEPTH, alias_budget: int = ALIAS_BUDGET) -> Node:
    """The single document in `text` as a node tree; CalendarError for syntax errors and hostile input."""
    loader = _Loader(text)
    try:
        return _fold(loader, text, name, max_depth, alias_budget)
    except yaml.YAMLError as exc:
        message, line, col = _problem(exc)
        if "nesting depth" in message:  # libyaml >= 0.2.6 refuses deep flow nesting itself: say it our way
            message = f"the YAML nests deeper than {max_depth} levels; a calendar needs 6"
        if line == 0:  # a reader error gives a character offset, not a line
            position = getattr(exc, "position", 0) or 0
            line = text.count("\n", 0, position) + 1
        last = text.count("\n") + 1  # "end of file" errors sit past the last newline
        if line > last or (line == last and not text[text.rfind("\n") + 1:].strip() and line > 1):
            line, col = max(1, len(text.rstrip().splitlines())), 0
        raise refuse(name, message, line, col) from None
    finally:
        loader.dispose()


def _fold(loader, text: str, name: str, max_depth: int, alias_budget: int) -> Node:
    ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
    SequenceStartEvent, MappingStartEvent = yaml.SequenceStartEvent, yaml.MappingStartEvent
    MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
    DocumentStartEvent = yaml.DocumentStartEvent
    stack: list[Node] = []
    anchors: dict[str, tuple[Node, int]] = {}
    open_anchors: list[tuple[str, int]] = []  # (anchor, node count when its collection opened)
    count = 0  # nodes in the document, aliases counted as what they expand to
    expanded = 0
    root: Node | None = None
    documents = 0
    get_event = loader.get_event
    add = None  # the open collection's items.append; None before the root
    while True:
        event = get_event()
        cls = type(event)
        if cls is ScalarEvent:
            node = Scalar(event.value, event.implicit[0], event.tag)
            mark = event.start_mark
            node.line, node.col, node.start, node.end = mark.line + 1, mark.column + 1, mark.index, \
                event.end_mark.index
            count += 1
            if event.anchor is not None:
                anchors[event.anchor] = (node, 1)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            node = Map(event.tag) if cls is MappingStartEvent else Seq(event.tag)
            node.at(event.start_mark)
            count += 1
            if len(stack) >= max_depth:
                raise refuse(name, f"the YAML nests deeper than {max_depth} levels; a calendar needs 6",
                             node.line, node.col)
            if event.anchor is not None:
                open_anchors.append((event.anchor, count))
                anchors[event.anchor] = (node, 0)  # an alias inside itself is refused below
            if add is None:
                root = node
            else:
                add(node)
            stack.append(node)
            add = node.items.append
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            node = stack.pop()
            node.end = event.end_mark.index
            add = stack[-1].items.append if stack else None
            if open_anchors and anchors.get(open_anchors[-1][0], (None,))[0] is node:
                anchor, started = open_anchors.pop()
                anchors[anchor] = (node, count - started + 1)
            continue
        elif cls is AliasEvent:
            mark = event.start_mark
            target = anchors.get(event.anchor)
            if target is None:
                raise refuse(name, f"YAML alias '*{event.anchor}' names no anchor defined before it",
                             mark.line + 1, mark.column + 1)
            node, size = target
            if size == 0:
                raise refuse(name, f"YAML alias '*{event.anchor}' refers to the collection it stands in",
                             mark.line + 1, mark.column + 1)
            count += size
            expanded += size
            if expanded > alias_budget:
                raise refuse(name, f"YAML aliases here expand to more than {alias_budget:,} values; "
                                   "write the values out instead (alias bombs are refused)",
                             mark.line + 1, mark.column + 1)
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise refuse(name, "a calendar is one YAML document; this file has more than one ('---')",
                             mark.line + 1, mark.column + 1)
            continue
        elif cls is yaml.StreamEndEvent:
            break
        else:  # stream start, document end
            continue
        if add is None:
            root = node
        else:
            add(node)
    if root is None:
        raise refuse(name, "the calendar is empty")
    return root
