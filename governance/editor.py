"""The calendar editor's library side: what the page at /calendar (web.py) asks of the engine, as plain
functions over the calendar model, with no HTTP in them.

The page's table holds a calendar as the plain data of the YAML format (`calendar.yaml_writer.to_data`:
the same keys, dates as ISO text). Sent back as JSON — and JSON is YAML — it is read by the YAML reader
(`table_calendar`), so the page's calendar is checked, written as YAML and written as .ics through the one
calendar model and its readers and writers; there is no second format.

- `bylaw_facts`: what the table offers to choose from: the bodies, each with its seats (checkboxes), the
  matters' actions and outcomes.
- `import_calendar`: a YAML file, or an .ics with a mapping: its event titles, the body chosen for each
  (given, or the mapping's, or the body whose name or id the title holds), the mapping that choice makes
  (to save), and the calendar as table data.
- `plan_year`: `governance.planning.planner.plan` as table data, with what the planner could not meet.
- `export`: the table as YAML, as .ics (people with a known e-mail address invited), or the .ics's mapping.
"""
from __future__ import annotations

from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from datetime import datetime, time, timedelta
import json

from .calendar import parse_calendar
from .calendar.errors import CalendarError, CalendarIssue
from .calendar.ics_reader import event_titles, parse_ics
from .calendar.mapping import Mapping, parse_mapping
from .calendar.mapping import to_yaml as mapping_yaml
from .calendar.model import ACTIONS, OUTCOMES, Calendar
from .calendar.source import decode_text, is_ics
from .calendar.yaml_writer import to_data, to_yaml
from .graph.queries import who_keeps_minutes
from .lang import DEFAULT_LANG, Lang, Text
from .limits import DEFAULT, Limits
from .model import types as t

TABLE_NAME = "calendar.yaml"  # the name a table's calendar is read under, as the check form's
MAPPING_NAME = "mapping.yaml"
FORMATS = ("yaml", "ics", "ics-mapping", "mapping")


def bylaw_facts(bylaw: t.Bylaw) -> dict:
    """The bylaw as the table needs it: {id, title, bodies: [{id, name, office, seats, places}], actions,
    outcomes}; `places`: the seat lines that more than one person holds, with how many (`3 from each
    member`: three ledamöter of each, a checkbox for each of them)."""
    return {"id": bylaw.id, "title": bylaw.title,
            "bodies": [{"id": b.id, "name": b.name, "office": b.office, "seats": [str(s) for s in seats_of(bylaw, b)],
                        "places": places_of(b)} for b in bylaw.bodies],
            "actions": list(ACTIONS), "outcomes": list(OUTCOMES)}


def places_of(body: t.Body) -> dict[str, int]:
    """Seat line → how many persons may hold it, for each line of a member held by more than one."""
    out: dict[str, int] = {}
    for seat in body.seats:
        if seat.member is not None and seat.max > 1:
            out[str(seat.ref)] = max(out.get(str(seat.ref), 0), seat.max)
    return out


def seats_of(bylaw: t.Bylaw, body: t.Body) -> tuple[t.SeatRef, ...]:
    """Every seat line someone can sit on in `body`: fixed seats, a pool seat for each member it may be
    taken by, seats without a member (a role alone), and the office that keeps the minutes."""
    kinds = {m.id: m.kind for m in bylaw.members}
    out: list[t.SeatRef] = []
    for seat in body.seats:
        if seat.member is not None or seat.pool is None:
            out.append(t.SeatRef(seat.member, seat.role))
        else:
            out += [t.SeatRef(m, seat.role) for m, kind in kinds.items() if seat.pool in ("member", kind)]
    keeper = who_keeps_minutes(bylaw, body.id)
    if keeper and keeper[0].ref != "chair":
        out.append(t.SeatRef(None, keeper[0].ref))
    return tuple(dict.fromkeys(out))


def table_text(data: object) -> str:
    """Table data as the text the YAML reader reads (JSON, one key a line, so that a problem has a line)."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def table_calendar(data: object, limits: Limits = DEFAULT) -> Calendar:
    """The table's calendar, read as the check form reads a pasted one; CalendarError for any problem."""
    return parse_calendar(table_text(data), TABLE_NAME, limits)


@dataclass(frozen=True, slots=True)
class Imported:
    """A file read into the table: the calendar as table data, what the reader left out (messages), and
    for an .ics the titles [{title, recurring, events, body}] and the mapping (text) the choice makes."""

    calendar: dict
    left_out: tuple[str, ...] = ()
    titles: tuple[dict, ...] = ()
    mapping: str = ""

    def to_json(self) -> dict:
        return {"calendar": self.calendar, "left_out": list(self.left_out), "titles": list(self.titles),
                "mapping": self.mapping}


def import_calendar(bylaw: t.Bylaw, text: str, mapping: str = "", bodies: MappingType[str, str] | None = None,
                    limits: Limits = DEFAULT, lang: Lang = DEFAULT_LANG, through: int | None = None) -> Imported:
    """A YAML calendar or an .ics export (by its first line) read into table data. For an .ics, `bodies`
    (event title → body id, "" for none) is the secretary's choice; without it, the mapping's (`mapping`,
    a mapping file's text), else the body whose name or id the title holds. People (`people:`) and the
    organizer's role are the given mapping's; an event that recurs without end is read through the year
    `through` (the page gives this year). What the reader left out is said in `lang`. CalendarError for
    what cannot be read."""
    if not is_ics(text):
        if mapping.strip() or bodies:
            raise CalendarError([CalendarIssue(MAPPING_NAME, 1, 0, "a mapping file is only used with .ics calendars")])
        calendar = parse_calendar(decode_text(text, TABLE_NAME), TABLE_NAME, limits)
        return Imported(to_data(_for(calendar, bylaw)))
    name = "calendar.ics"
    source = decode_text(text, name)
    given = parse_mapping(decode_text(mapping, MAPPING_NAME, "mapping file"), MAPPING_NAME) if mapping.strip() else None
    ids = {b.id for b in bylaw.bodies}
    unknown = sorted({b for b in (bodies or {}).values() if b and b not in ids})
    if unknown:
        raise CalendarError([CalendarIssue(MAPPING_NAME, 1, 0, f"no body '{unknown[0]}' in {bylaw.id}; "
                                                               f"choose one of {', '.join(sorted(ids))}")])
    titles = event_titles(source, name, limits)
    chosen = {}
    for title in titles:
        if bodies is not None:
            chosen[title.title] = bodies.get(title.title, "")
        elif given is not None:
            chosen[title.title] = given.body_for(title.title, title.categories) or ""
        else:
            chosen[title.title] = _guess(bylaw, title.title)
    table = Mapping(MAPPING_NAME, given.bylaw if given and given.bylaw else bylaw.id,
                    tuple((title, body) for title, body in chosen.items() if body and title),
                    given.people if given else (), given.organizer if given else "convened_by")
    calendar = parse_ics(source, name, table, limits=limits, through=through)
    listed = tuple({"title": x.title, "recurring": x.recurring, "events": x.events, "body": chosen[x.title]}
                   for x in titles)
    return Imported(to_data(_for(calendar, bylaw)), tuple(i.text(lang) for i in calendar.unmapped), listed,
                    mapping_yaml(table))


def _for(calendar: Calendar, bylaw: t.Bylaw) -> Calendar:
    """The calendar for this bylaw: one that names none is given it; one naming another is refused."""
    if calendar.bylaw is None:
        return Calendar(calendar.path, bylaw.id, calendar.roster, calendar.meetings, calendar.unmapped)
    if calendar.bylaw != bylaw.id:
        raise CalendarError([CalendarIssue(calendar.path, 1, 0, f"the calendar is for bylaw '{calendar.bylaw}', "
                                                                f"not '{bylaw.id}'; choose that collaboration")])
    return calendar


def _guess(bylaw: t.Bylaw, title: str) -> str:
    """The body whose name or id the title holds (the longest such), or "" for none."""
    text = title.casefold()
    found = [(len(key), body.id) for body in bylaw.bodies for key in (body.name, body.id) if key.casefold() in text]
    return max(found)[1] if found else ""


NOTHING_TO_PLAN = Text(sv="inget organ har någon mötesregel, så det finns inget att planera",
                       en="no body has a meeting rule, so there is nothing to plan")


@dataclass(frozen=True, slots=True)
class Planned:
    """A planned year as table data, what the planner could not meet (check_plan's findings, as messages),
    and the mapping whose `people:` the .ics export will invite (given, read, written again; "" for none)."""

    calendar: dict
    notes: tuple[str, ...] = ()
    mapping: str = ""

    def to_json(self) -> dict:
        return {"calendar": self.calendar, "notes": list(self.notes), "mapping": self.mapping}


def plan_year(bylaw: t.Bylaw, year: int, *, july: bool = False, at: time | None = None, mapping: str = "",
              lang: Lang = DEFAULT_LANG) -> Planned:
    """`governance plan` in the page: the planner's year (governance.planning.planner.plan) as table data,
    with what `plan` says beside it: nothing to plan, or the rules the plan could not meet."""
    from .planning.planner import DEFAULT_START, check_plan, plan
    people = parse_mapping(decode_text(mapping, MAPPING_NAME, "mapping file"), MAPPING_NAME) if mapping.strip() else None
    calendar = plan(bylaw, year, july=july, at=at or DEFAULT_START)
    if not calendar.meetings:
        notes: tuple[str, ...] = (NOTHING_TO_PLAN(lang),)
    else:
        notes = tuple(f.message for f in check_plan(bylaw, calendar, lang=lang).findings if f.severity == "error")
    return Planned(to_data(calendar), notes, mapping_yaml(people) if people is not None else "")


@dataclass(frozen=True, slots=True)
class Export:
    filename: str
    content_type: str
    text: str


def export(bylaw: t.Bylaw, data: object, fmt: str, mapping: str = "", *, stamp: datetime,
           length: timedelta = timedelta(hours=2), limits: Limits = DEFAULT, lang: Lang = DEFAULT_LANG) -> Export:
    """The table's calendar as a file: `yaml`, `ics` (people with an e-mail address in the roster or in
    `mapping`'s `people:` invited as attendees, the others named in each event's description), `ics-mapping`
    (the mapping under which `governance check` reads that .ics back), or `mapping` (the import's mapping,
    read to make sure it is one). Files are named so that `governance check` finds the mapping beside the .ics;
    the written mapping's head comment is in `lang`."""
    from .calendar.ics_writer import mapping_for, to_ics
    if fmt not in FORMATS:
        raise ValueError(f"no format '{fmt}': give one of {', '.join(FORMATS)}")
    given = parse_mapping(decode_text(mapping, MAPPING_NAME, "mapping file"), MAPPING_NAME) if mapping.strip() else None
    if fmt == "mapping":
        if given is None:
            raise CalendarError([CalendarIssue(MAPPING_NAME, 1, 0, "there is no mapping: import an .ics first")])
        return Export(f"{bylaw.id}-mapping.yaml", "application/yaml; charset=utf-8", mapping_yaml(given))
    calendar = _for(table_calendar(data, limits), bylaw)
    years = sorted({m.year for m in calendar.meetings})
    stem = f"{bylaw.id}-{years[0]}" if len(years) == 1 else (f"{bylaw.id}-{years[0]}-{years[-1]}" if years else bylaw.id)
    if fmt == "yaml":
        return Export(f"{stem}.yaml", "application/yaml; charset=utf-8", to_yaml(calendar))
    people = Mapping("people", people=tuple((p.name, p.seat) for p in calendar.roster) + (given.people if given else ()))
    if fmt == "ics-mapping":
        return Export(f"{stem}-mapping.yaml", "application/yaml; charset=utf-8", mapping_for(calendar, people, lang))
    return Export(f"{stem}.ics", "text/calendar; charset=utf-8", to_ics(calendar, bylaw, stamp, people, length))
