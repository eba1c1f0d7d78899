"""The mapping file that places an iCalendar export's events and people in a bylaw's terms.

```yaml
bylaw: laholmsbukten                 # optional: becomes the calendar's bylaw
bodies:                              # CATEGORIES value, or text found in SUMMARY → body id
  Styrgruppen: styrgruppen
  Referensgruppen: referensgruppen
people:                              # attendee/organizer name (CN) or e-mail → seat reference
  Stefan Pålsson: halmstad/kso
  Anna Ek <anna.ek@hylte.se>: hylte/kso   # both: either matches; `plan` invites her by this address
  kommundirektor@laholm.se: laholm/kommundirektor
  sekretariatet@halmstad.se: sekretariatet
organizer: convened_by               # what an event's ORGANIZER is: convened_by (default) | chair | ignore
```
Matching is case-insensitive. An event's body is the one whose key equals one of its CATEGORIES, else
the one whose key is the longest text found in its SUMMARY (so "Styrgruppen extra" can map apart from
"Styrgruppen"). `roster:` is accepted for `people:`, so a YAML calendar's roster section can serve.
A key written `Name <e-mail>` (as mail programs write an address) matches by the name or by the e-mail,
and is how `governance plan --people FILE` learns whom to invite to a seat's meetings.
"""
from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from ..model.types import SeatRef
from .errors import CalendarError
from .source import read_source
from .yaml_compose import Map, Node, Scalar, compose
from .yaml_reader import SchemaReader

MAPPING_KEYS = ("bylaw", "bodies", "people", "roster", "organizer")
ORGANIZER_ROLES = ("convened_by", "chair", "ignore")


@dataclass(frozen=True, slots=True)
class Mapping:
    path: str
    bylaw: str | None = None
    bodies: tuple[tuple[str, str], ...] = ()  # key as written → body id, in file order
    people: tuple[tuple[str, SeatRef], ...] = ()  # name or e-mail as written → seat
    organizer: str = "convened_by"

    def body_for(self, summary: str, categories: tuple[str, ...] = ()) -> str | None:
        cats = {c.strip().casefold() for c in categories}
        for key, body in self.bodies:
            if key.casefold() in cats:
                return body
        text = summary.casefold()
        found = [(len(key), -i, body) for i, (key, body) in enumerate(self.bodies) if key.casefold() in text]
        return max(found)[2] if found else None

    def seat_for(self, name: str | None, email: str | None) -> SeatRef | None:
        wanted = {v.strip().casefold() for v in (name, email) if v}
        for contact in self.contacts():
            if wanted & contact.names():
                return contact.seat
        return None

    def contacts(self) -> tuple[Contact, ...]:
        """Every `people:` entry as a person: name and e-mail, whichever the key gives, and the seat."""
        return tuple(Contact.of(key, seat) for key, seat in self.people)


@dataclass(frozen=True, slots=True)
class Contact:
    """A `people:` key read as a person: `Name <e-mail>`, a bare e-mail, or a bare name."""

    key: str  # as written
    name: str | None
    email: str | None
    seat: SeatRef

    @classmethod
    def of(cls, key: str, seat: SeatRef) -> Contact:
        text = key.strip()
        if "<" in text and text.endswith(">"):
            name, email = parseaddr(text)
            if "@" in email:
                return cls(key, name.strip() or None, email, seat)
        if "@" in text and " " not in text:
            return cls(key, None, text, seat)
        return cls(key, text, None, seat)

    def names(self) -> set[str]:
        """What an attendee may be matched by, folded: the key itself, the name, the e-mail."""
        return {v.strip().casefold() for v in (self.key, self.name, self.email) if v}


def to_yaml(mapping: Mapping) -> str:
    """The mapping as a mapping file's text, which `parse_mapping` reads back to the same Mapping."""
    import yaml

    data: dict = {}
    if mapping.bylaw:
        data["bylaw"] = mapping.bylaw
    data["bodies"] = dict(mapping.bodies)
    data["organizer"] = mapping.organizer
    if mapping.people:
        data["people"] = {key: str(seat) for key, seat in mapping.people}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def find_mapping(ics_path: str | Path) -> Path | None:
    """The mapping file beside an .ics when none is named: `<stem>-mapping.yaml`, `<stem>.mapping.yaml`,
    or, for a stem ending in a year (`laholmsbukten-2025`), `<stem without the year>-mapping.yaml`."""
    path = Path(ics_path)
    stem = path.stem
    names = [f"{stem}-mapping.yaml", f"{stem}.mapping.yaml"]
    head, _, tail = stem.rpartition("-")
    if head and tail.isdigit():
        names.append(f"{head}-mapping.yaml")
    return next((path.with_name(n) for n in names if path.with_name(n).is_file()), None)


def read_mapping(path: str | Path) -> Mapping:
    """Read a mapping file; CalendarError (with lines in the mapping file) for any problem."""
    return parse_mapping(read_source(path, kind="mapping file"), str(path))


def parse_mapping(text: str, name: str = "<mapping.yaml>") -> Mapping:
    """A mapping file given as text; `name` is the file name used in messages."""
    return _MappingReader(name).mapping(compose(text, name))


class _MappingReader(SchemaReader):
    def mapping(self, root: Node) -> Mapping:
        if not isinstance(root, Map):
            self.err(root, f"the top level of a mapping file must be a mapping with 'bodies:', not a {root.kind}")
            raise CalendarError(self.issues)
        f = self.fields(root, "mapping file", MAPPING_KEYS)
        bylaw = self.slug(f["bylaw"][1], "bylaw id") if "bylaw" in f else None
        bodies = self.pairs(f["bodies"][1], "bodies", self.body) if "bodies" in f else ()
        people: list = []
        for key in ("people", "roster"):
            if key in f:
                people.extend(self.pairs(f[key][1], key, self.seat_of))
        organizer = "convened_by"
        if "organizer" in f:
            organizer = self.choice(f["organizer"][1], "organizer", ORGANIZER_ROLES) or organizer
        if not bodies and "bodies" not in f:
            self.err(root, "the mapping file has no 'bodies:' (which events belong to which body)")
        if self.issues:
            raise CalendarError(self.issues)
        return Mapping(self.name, bylaw, tuple(bodies), tuple(people), organizer)

    def body(self, node: Node, key: str):
        return self.slug(node, f"body id for '{key}'")

    def seat_of(self, node: Node, key: str):
        return self.seat(node, f"the seat of {key}")

    def pairs(self, node: Node, what: str, value_of) -> list:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not self.expect(node, Map, f"'{what}'"):
            return []
        out, seen = [], {}
        for key, value in node.pairs:
            text = self.text(key, f"a key in '{what}'")
            if not text or not text.strip():
                if isinstance(key, Scalar):
                    self.err(key, f"a key in '{what}' is empty")
                continue
            folded = text.strip().casefold()
            if folded in seen:
                self.err(key, f"'{text}' is given twice in '{what}' (first on line {seen[folded]})")
                continue
            seen[folded] = key.line
            if isinstance(value, Scalar) and value.is_null:
                self.err(value, f"'{text}' in '{what}' maps to nothing")
                continue
            result = value_of(value, text)
            if result is not None:
                out.append((text, result))
        return out
