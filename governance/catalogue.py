"""The shipped bylaws at a glance: what `governance list` prints.

One `Entry` per shipped bylaw (not the `rules/` modules it imports): id, title, legal form (and whether the
agreement states it), version, status, signing, validity, which version it amends and which later shipped
version replaces it, members and bodies. Nothing here depends on today's date: whether a version is still
in force is read from the chain of versions (`versions.py`), not from the clock.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import types as t
from .time.versions import VersionError, version_chain


@dataclass(frozen=True, slots=True)
class Entry:
    bylaw: t.Bylaw
    path: str  # as reports show it: bylaws/NAME.bylaw
    superseded_by: t.Bylaw | None  # the next shipped version of the same agreement

    @property
    def valid(self) -> tuple[date | None, date | None] | None:
        """(from, until) as the `valid` clause says it (None at an end: unknown start, until further notice);
        None when the bylaw has no `valid` clause."""
        item = self.bylaw.header_item("valid")
        return None if item is None else (item.value[0], item.value[1])

    def to_json(self) -> dict:
        b, valid = self.bylaw, self.valid
        signed = b.header_item("signed")
        nxt = self.superseded_by
        return {
            "id": b.id,
            "title": b.title,
            "path": self.path,
            "form": {"kind": b.form.kind, "stated": b.form_stated,
                     "organs": [{"organ": o, "body": body} for o, body in b.form.organs],
                     "host": b.form.host},
            "version": header(b, "version"),
            "status": header(b, "status"),
            "binding": b.binding,
            "signed": signed.value[0].isoformat() if signed else None,
            "signed_in": signed.value[1] if signed else None,
            "valid": None if valid is None else {"from": _iso(valid[0]), "until": _iso(valid[1])},
            "effective_from": _iso(b.effective_from),
            "amends": b.amends,
            "superseded_by": None if nxt is None else {"id": nxt.id, "from": _iso(nxt.effective_from)},
            "members": [{"id": m.id, "name": m.name, "kind": m.kind, "code": m.code} for m in b.members],
            "bodies": [{"id": body.id, "name": body.name, "office": body.office} for body in b.bodies],
        }


def header(bylaw: t.Bylaw, key: str):
    """The first value of a header item (`version`, `status` …), None without one."""
    item = bylaw.header_item(key)
    return item.value[0] if item is not None and item.value else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def entries(bylaws: list[t.Bylaw], paths: dict[str, str]) -> list[Entry]:
    """An entry per bylaw, by id; `superseded_by` from the `amends` links among them (a broken chain of
    versions leaves it None rather than guessing)."""
    ids = {b.id: b for b in bylaws}
    after: dict[str, t.Bylaw] = {}
    for b in bylaws:
        if b.amends in ids:
            try:
                chain = version_chain(_chain_members(b, ids))
            except VersionError:
                continue
            for old, new in zip(chain, chain[1:]):
                after[old.id] = new
    return [Entry(b, paths[b.id], after.get(b.id)) for b in sorted(bylaws, key=lambda b: b.id)]


def _chain_members(bylaw: t.Bylaw, ids: dict[str, t.Bylaw]) -> list[t.Bylaw]:
    """`bylaw` and every bylaw it amends, directly or not, among `ids`."""
    out, seen = [bylaw], {bylaw.id}
    while out[-1].amends in ids and out[-1].amends not in seen:
        seen.add(out[-1].amends)
        out.append(ids[out[-1].amends])
    return out
