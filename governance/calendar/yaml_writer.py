"""Writing a calendar as the YAML of DESIGN.md, which `yaml_reader` reads back to the same meetings."""
from __future__ import annotations

from datetime import date

import yaml

from .model import Calendar, Matter, Meeting


def to_yaml(calendar: Calendar, header: str = "") -> str:
    """The calendar as YAML text: `header` lines first as comments, then `bylaw:` and the meetings in
    the calendar's order, each with only the keys it has values for."""
    data = _data(calendar)
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    # default_flow_style=None: lists of plain values (attendees, participants) on one line, as people write them
    return comments + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def to_data(calendar: Calendar) -> dict:
    """The same calendar as plain JSON data (dates as ISO text): the YAML's keys and values, which the YAML
    reader reads back from its JSON text (JSON is YAML) to the same meetings. The web page's table holds this."""
    return _plain(_data(calendar))


def _data(calendar: Calendar) -> dict:
    data: dict = {}
    if calendar.bylaw:
        data["bylaw"] = calendar.bylaw
    if calendar.roster:
        data["roster"] = {p.name: _person(p) for p in calendar.roster}
    data["meetings"] = [_meeting(m) for m in calendar.meetings]
    return data


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _meeting(m: Meeting) -> dict:
    out: dict = {"id": m.id, "body": m.body, "date": m.start.strftime("%Y-%m-%dT%H:%M") if m.start else m.date}
    if m.status is not None:
        out["status"] = m.status
    if m.chair is not None:
        out["chair"] = m.chair_person or str(m.chair)
    if m.convened_by is not None:
        out["convened_by"] = m.convened_by
    if m.notice_date is not None:
        out["notice_date"] = m.notice_date
    if m.present:
        out["attendees"] = [str(p) for p in m.present if p.person or p.kind == "ledamot"]
        serving = [str(p) for p in m.present if p.kind == "ersattare" and p.serving]
        if serving:
            out["serving"] = serving
    elif m.attendees:
        out["attendees"] = [str(a) for a in m.attendees]
    if m.matters:
        out["matters"] = [_matter(x) for x in m.matters]
    if m.minutes is not None:
        minutes: dict = {}
        if m.minutes.justering is not None:
            minutes["justering"] = m.minutes.justering
        if m.minutes.justerare:
            minutes["justerare"] = list(m.minutes.justerare)
        if m.minutes.anslag:
            if any(a.member for a in m.minutes.anslag):
                minutes["anslag"] = {a.member: a.date for a in m.minutes.anslag}
            else:
                minutes["anslag"] = [a.date for a in m.minutes.anslag]
        out["minutes"] = minutes
    return out


def _person(p) -> object:
    if p.kind == "ledamot" and p.party is None and p.start is None and p.end is None:
        return str(p.seat)
    out: dict = {"seat": str(p.seat)}
    if p.kind != "ledamot":
        out["as"] = p.kind
    if p.party is not None:
        out["party"] = p.party
    if p.start is not None:
        out["from"] = p.start
    if p.end is not None:
        out["until"] = p.end
    if p.stands_for is not None:
        out["for"] = p.stands_for
    return out


def _matter(x: Matter) -> dict:
    out: dict = {"id": x.id}
    for key in ("title", "type"):
        if getattr(x, key) is not None:
            out[key] = getattr(x, key)
    if x.action != "decide":
        out["action"] = x.action
    if x.outcome is not None:
        out["outcome"] = x.outcome
    if x.participants:
        out["participants"] = list(x.participants)
    if x.jav:
        out["jav"] = [str(p) for p in x.jav]
    if x.votes:
        votes: dict = {}
        for v in x.votes:
            votes.setdefault(v.choice, []).append(v.who)
        out["votes"] = votes
    if x.reservations:
        out["reservations"] = list(x.reservations)
    return out
