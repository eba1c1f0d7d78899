"""One dispatch over the kinds of a body's clauses (and of a chair's designation).

Each consumer — the printer (`fmt`), the document, the process graph, its picture, the diff and the model
builder — keeps one table: a function for every clause type it handles, and the types it has nothing to do
with listed by name under `nothing`. A clause is handed to the function of its type. A consumer that has
not decided about a type is found by tests/test_clause_dispatch.py, which checks every table against
`BodyClause`: adding a clause type means deciding, in each consumer, what it does with it.

The functions take the consumer's context first and the clause last: `table(clause, self, body)` calls
`handler(self, body, clause)`, so a method `def seat(self, body, c)` is a handler as it stands.
"""
from __future__ import annotations

from typing import Callable, Generic, Iterable, Mapping, TypeVar, get_args

from . import types as t

CLAUSE_TYPES: tuple[type, ...] = get_args(t.BodyClause)
CHAIR_SPECS: tuple[type, ...] = get_args(t.ChairSpec)

R = TypeVar("R")


class Dispatch(Generic[R]):
    """A function per type of `over`; the types in `nothing` give `default`."""

    __slots__ = ("name", "over", "handlers", "nothing", "default")

    def __init__(self, name: str, handlers: Mapping[type, Callable[..., R]], *, nothing: Iterable[type] = (),
                 default: R | None = None, over: tuple[type, ...] = CLAUSE_TYPES) -> None:
        self.name = name
        self.over = over
        self.handlers = dict(handlers)
        self.nothing = frozenset(nothing)
        self.default = default

    def __call__(self, clause: object, *context: object) -> R | None:
        handler = self.handlers.get(type(clause))
        if handler is not None:
            return handler(*context, clause)
        if type(clause) in self.nothing:
            return self.default
        raise TypeError(f"{self.name}: no handling for {type(clause).__name__}")

    def undecided(self) -> list[str]:
        """The types of `over` this table neither handles nor lists as nothing to do."""
        return [kind.__name__ for kind in self.over if kind not in self.handlers and kind not in self.nothing]

    def unknown(self) -> list[str]:
        """Types in the table that are not of `over` (a stale entry), or both handled and nothing."""
        listed = set(self.handlers) | self.nothing
        return sorted({k.__name__ for k in listed if k not in self.over}
                      | {k.__name__ for k in self.nothing & set(self.handlers)})


__all__ = ["CHAIR_SPECS", "CLAUSE_TYPES", "Dispatch"]
