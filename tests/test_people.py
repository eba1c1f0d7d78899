"""People in a calendar (issue 14): the roster, several holders of a seat line, ersättare, jäv, votes,
minutes and cancelled meetings; the rules seats, substitute, jav, justering and anslag; and the
properties the checks keep, against oracles computed here from the persons alone.

The bylaw is the example kommunalförbund in examples/vattenforbundet.bylaw: a direktion with three
ledamöter (and three ersättare) from each of three members, quorum by Kommunallagen 6 kap. 27 §."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import governance
from governance.calendar import CalendarError
from governance.calendar.model import Anslag, Calendar, Matter, Meeting, Minutes, Person, Presence, Vote
from governance.calendar.yaml_reader import parse_calendar
from governance.check import check_calendar
from governance.model.types import SeatRef
from governance.report.render_json import render_json

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "examples" / "vattenforbundet.bylaw").read_text(encoding="utf-8")
BYLAW = governance.load(str(ROOT / "examples" / "vattenforbundet.bylaw"))
MEMBERS = ("vara", "grastorp", "essunga")
AS_OF = date(2025, 1, 1)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def roster() -> tuple[Person, ...]:
    return tuple(Person(f"{m.capitalize()} {kind[0].upper()}{k}", f"{m}/ledamot", kind)
                 for m in MEMBERS for kind in ("ledamot", "ersattare") for k in range(1, 4))


def here(name: str, serving: bool = True) -> Presence:
    person = next(p for p in roster() if p.name == name)
    return Presence(person.seat, person.name, person.kind, serving)


def meeting(mid: str, day: date, present, **more) -> Meeting:
    return Meeting(mid, "direktionen", day, chair=more.pop("chair", "grastorp/ledamot"), present=tuple(present),
                   **more)


def full(mid: str = "d-1", day: date = date(2025, 2, 18), **more) -> Meeting:
    return meeting(mid, day, [here(f"{m.capitalize()} L{k}") for m in MEMBERS for k in range(1, 4)], **more)


def check(*meetings, roster_=None, year=None):
    cal = Calendar("cal.yaml", "vattenforbundet", roster() if roster_ is None else roster_, tuple(meetings))
    return check_calendar(BYLAW, cal, as_of=AS_OF, year=year)


def rules(report, *wanted) -> list[tuple[str, str | None, str]]:
    return [(f.rule, f.meeting, f.message) for f in report.findings if not wanted or f.rule in wanted]


# ---- reading --------------------------------------------------------------------------------------------
READ = """\
bylaw: vattenforbundet
roster:
  Anna Berg: vara/ledamot
  Eva Holm: {seat: vara/ledamot, as: ersattare, party: S, from: 2023-01-01, until: 2026-12-31}
  Hanna Karlsson: {member: grastorp, role: ledamot}
meetings:
  - id: m1
    body: direktionen
    date: 2025-02-18
    status: held
    chair: Hanna Karlsson
    attendees: [Anna Berg, 2 × vara/ledamot, 3 x essunga/ledamot, Hanna Karlsson]
    serving: [Eva Holm]
    matters:
      - id: taxa
        jav: [Anna Berg]
        votes: {ja: [Hanna Karlsson, grastorp/ledamot], nej: [essunga], avstar: [2 × vara/ledamot]}
        reservations: [essunga/ledamot]
    minutes: {justering: 2025-02-25, justerare: [Hanna Karlsson], anslag: {vara: 2025-02-26, grastorp: 2025-02-27}}
  - {id: m2, body: direktionen, date: 2025-04-22, status: cancelled}
"""


def test_the_reader_reads_persons_counts_ersattare_jav_votes_and_minutes():
    cal = parse_calendar(READ, "cal.yaml")
    eva = cal.person("Eva Holm")
    assert (eva.seat, eva.kind, eva.party, eva.start, eva.end) == (
        SeatRef("vara", "ledamot"), "ersattare", "S", date(2023, 1, 1), date(2026, 12, 31))
    assert cal.person("Hanna Karlsson").seat == SeatRef("grastorp", "ledamot")
    m1, m2 = cal.meetings
    assert (m1.status, m2.status, m2.cancelled) == ("held", "cancelled", True)
    assert (m1.chair, m1.chair_person) == (SeatRef("grastorp", "ledamot"), "Hanna Karlsson")
    # who served: Anna, two anonymous Vara ledamöter, three from Essunga, Hanna, and Eva serving
    assert sorted(map(str, m1.attendees)) == sorted(["vara/ledamot"] * 4 + ["essunga/ledamot"] * 3
                                                     + ["grastorp/ledamot"])
    assert [p.person for p in m1.present if p.kind == "ersattare"] == ["Eva Holm"]
    taxa, = m1.matters
    assert [str(p) for p in taxa.jav] == ["Anna Berg"]
    assert [(v.who, v.choice, v.member) for v in taxa.votes] == [
        ("Hanna Karlsson", "ja", "grastorp"), ("grastorp/ledamot", "ja", "grastorp"), ("essunga", "nej", None),
        ("vara/ledamot", "avstar", "vara"), ("vara/ledamot", "avstar", "vara")]
    assert m1.minutes == Minutes(date(2025, 2, 25), ("Hanna Karlsson",),
                                 (Anslag(date(2025, 2, 26), "vara"), Anslag(date(2025, 2, 27), "grastorp")))


def test_a_name_not_in_the_roster_is_refused_with_the_nearest():
    bad = READ.replace("chair: Hanna Karlsson", "chair: Hana Karlsson")
    with pytest.raises(CalendarError, match=r"cal.yaml:11: error: chair: 'Hana Karlsson' is no one in the roster; "
                                            r"did you mean 'Hanna Karlsson'\?"):
        parse_calendar(bad, "cal.yaml")
    twice = READ.replace("attendees: [Anna Berg,", "attendees: [Anna Berg, Anna Berg,")
    with pytest.raises(CalendarError, match="Anna Berg is listed twice in attendees"):
        parse_calendar(twice, "cal.yaml")
    with pytest.raises(CalendarError, match="status 'off' is not one of held | planned | cancelled"):
        parse_calendar(READ.replace("status: held", "status: off"), "cal.yaml")


def test_a_roster_file_is_shared_and_confined_to_the_calendar_folder(tmp_path):
    (tmp_path / "people.yaml").write_text("roster:\n  Anna Berg: vara/ledamot\n", encoding="utf-8")
    text = "roster: people.yaml\nmeetings:\n  - {id: a, body: direktionen, date: 2025-02-18, attendees: [Anna Berg]}\n"
    (tmp_path / "cal.yaml").write_text(text, encoding="utf-8")
    cal = governance.read_calendar(tmp_path / "cal.yaml")
    assert [p.name for p in cal.roster] == ["Anna Berg"] and cal.meetings[0].present[0].person == "Anna Berg"
    (tmp_path / "out.yaml").write_text(text.replace("people.yaml", "../people.yaml"), encoding="utf-8")
    with pytest.raises(CalendarError, match="must be named relative to the calendar's folder"):
        governance.read_calendar(tmp_path / "out.yaml")
    (tmp_path / "gone.yaml").write_text(text.replace("people.yaml", "nobody.yaml"), encoding="utf-8")
    with pytest.raises(CalendarError, match="gone.yaml:1: error: the roster file 'nobody.yaml': cannot read"):
        governance.read_calendar(tmp_path / "gone.yaml")


def test_a_roster_files_mandate_period_is_each_persons_unless_they_give_their_own(tmp_path):
    (tmp_path / "people.yaml").write_text(
        "period: {from: 2023-01-01, until: 2026-12-31}\nroster:\n  Anna Berg: vara/ledamot\n"
        "  Bo Carlsson: {seat: vara/ledamot, from: 2024-07-01}\n", encoding="utf-8")
    (tmp_path / "cal.yaml").write_text("roster: people.yaml\nmeetings: []\n", encoding="utf-8")
    cal = governance.read_calendar(tmp_path / "cal.yaml")
    assert [(p.name, p.start, p.end) for p in cal.roster] == [
        ("Anna Berg", date(2023, 1, 1), date(2026, 12, 31)), ("Bo Carlsson", date(2024, 7, 1), date(2026, 12, 31))]
    (tmp_path / "people.yaml").write_text("period: {from: 2026-12-31, until: 2023-01-01}\nroster:\n"
                                          "  Anna Berg: vara/ledamot\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="the period ends"):
        governance.read_calendar(tmp_path / "cal.yaml")


def test_a_person_serving_outside_the_period_the_roster_gives_them_is_seats():
    people = tuple(Person(p.name, p.seat, p.kind, start=date(2023, 1, 1), end=date(2025, 6, 30)) for p in roster())
    assert rules(check(full(), roster_=people), "seats") == []
    late = full("d-2", date(2025, 9, 16))
    said = rules(check(late, roster_=people), "seats")
    assert len(said) == 9 and said[0] == (
        "seats", "d-2", "Essunga L1 served on essunga/ledamot at 'd-2' (2025-09-16), but the roster gives Essunga L1 "
                        "the seat only 2023-01-01–2025-06-30")
    # one who is only present (an ersättare not serving) takes no seat
    idle = meeting("d-3", date(2025, 9, 16), [here("Vara E1", serving=False)])
    assert rules(check(idle, roster_=people), "seats") == []


def test_a_calendar_built_in_python_from_plain_strings_works_or_raises_our_error():
    m = Meeting("m", "direktionen", "2025-02-18", chair="grastorp/ledamot", attendees=["vara/ledamot"] * 3,
                notice_date="2025-02-01", matters=[Matter("x", jav=["vara/ledamot"])],
                minutes=Minutes("2025-02-20", anslag="2025-02-21"))
    assert m.date == date(2025, 2, 18) and m.attendees == (SeatRef("vara", "ledamot"),) * 3
    assert m.minutes.anslag == (Anslag(date(2025, 2, 21)),)
    cal = Calendar("c.yaml", roster={"Anna Berg": "vara/ledamot"}, meetings=[m])
    assert cal.roster == (Person("Anna Berg", SeatRef("vara", "ledamot")),)
    for bad in (dict(date="18 Feb"), dict(attendees=["Anna Berg"]), dict(chair=3), dict(status="off")):
        with pytest.raises(CalendarError):
            Meeting("m", "direktionen", **{"date": "2025-02-18", **bad})
    with pytest.raises(CalendarError):
        Vote("Anna", "kanske")
    with pytest.raises(CalendarError):
        Person("Anna", "vara/ledamot", "suppleant")


# Any value in any field of the public model: the calendar is built and checked, or CalendarError says what
# is wrong; never an AttributeError or TypeError from inside a check (issue 14 item 10).
ANY = st.one_of(st.none(), st.sampled_from([0, "", False, (), []]), st.integers(), st.floats(allow_nan=False), st.booleans(), st.binary(max_size=3),
                st.text(max_size=12), st.sampled_from(["vara/ledamot", "Anna Berg", "2025-02-18", "ja", "held"]),
                st.lists(st.sampled_from(["vara/ledamot", "x", ""]), max_size=3), st.dates(), st.datetimes(),
                st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.builds(object))
FIELDS = {
    Meeting: ("id", "body", "date", "start", "chair", "convened_by", "notice_date", "attendees", "matters",
              "status", "present", "minutes", "chair_person"),
    Matter: ("id", "title", "type", "action", "outcome", "participants", "jav", "votes", "reservations"),
    Person: ("name", "seat", "kind", "party", "start", "end", "stands_for"),
    Presence: ("seat", "person", "kind", "serving"),
    Vote: ("who", "choice", "member", "seat"),
    Minutes: ("justering", "justerare", "anslag"),
    Calendar: ("path", "bylaw", "roster", "meetings"),
}


def _built(kind: type, name: str, value) -> Calendar:
    def one(cls, **given_):
        return cls(**{**given_, name: value}) if cls is kind else cls(**given_)
    present = [one(Presence, seat="vara/ledamot", person="Anna Berg")] + [Presence("grastorp/ledamot")] * 4
    matter = one(Matter, id="x", votes=[one(Vote, who="Anna Berg", choice="ja")])
    meeting_ = one(Meeting, id="m", body="direktionen", date="2025-02-18", chair="grastorp/ledamot", present=present,
                   matters=[matter], minutes=one(Minutes, justering="2025-02-20", anslag="2025-02-21"))
    return one(Calendar, path="c.yaml", bylaw="vattenforbundet", meetings=[meeting_],
               roster=[one(Person, name="Anna Berg", seat="vara/ledamot")])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([(k, f) for k, names in FIELDS.items() for f in names]), ANY)
def test_any_value_in_any_field_is_built_and_checked_or_refused_with_our_error(where, value):
    try:
        cal = _built(*where, value)
    except CalendarError:
        return
    report = check_calendar(BYLAW, cal, as_of=AS_OF)
    assert report.verdict in ("compliant", "not-compliant", "nothing-checked")
    render_json(report)


def test_the_writer_writes_persons_back():
    cal = parse_calendar(READ, "cal.yaml")
    again = parse_calendar(governance.write_calendar(cal), "cal.yaml")
    assert again.roster == cal.roster and again.meetings == cal.meetings


# ---- the rules ------------------------------------------------------------------------------------------
def test_seats():
    assert rules(check(full()), "seats") == []
    four = full(present=None) if False else meeting("d-1", date(2025, 2, 18),
                                                    [*full().present, Presence("vara/ledamot")])
    assert rules(check(four), "seats") == [
        ("seats", "d-1", "4 ledamöter served on vara/ledamot at 'd-1' (among them Vara L1, Vara L2, Vara L3), but "
                         "the seat line has 3")]  # (before: the three named read as if they were the four)
    named = Person("Vara L4", "vara/ledamot")
    four = Calendar("cal.yaml", "vattenforbundet", (*roster(), named),
                    (meeting("d-1", date(2025, 2, 18), [*full().present, Presence("vara/ledamot", "Vara L4")]),))
    assert [f.message for f in check_calendar(BYLAW, four, as_of=AS_OF).findings if f.rule == "seats"] == [
        "4 ledamöter served on vara/ledamot at 'd-1' (Vara L1, Vara L2, Vara L3, Vara L4), but the seat line has 3"]


def test_substitute():
    people = [p for p in full().present if p.person != "Vara L1"]
    fine = meeting("d-1", date(2025, 2, 18), [*people, here("Vara E1")])
    assert rules(check(fine), "substitute", "seats") == []
    listening = meeting("d-1", date(2025, 2, 18), [*full().present, here("Vara E1", serving=False)])
    assert rules(check(listening), "substitute", "seats") == []  # present, not serving
    extra = meeting("d-1", date(2025, 2, 18), [*full().present, here("Vara E1")])
    [(rule, _, message)] = rules(check(extra), "substitute", "seats")
    assert rule == "substitute" and message.startswith("Vara E1 served on vara/ledamot at 'd-1', but every "
                                                       "ledamot of it was present (3 of 3 present)")


def test_an_ersattare_may_serve_for_a_ledamot_javig_in_a_matter():
    # Vara L1 is jävig in 'taxa' and may not take part in it (KL 6 kap. 30 §): Vara E1 serves in their place
    jav = [Matter("taxa", jav=[here("Vara L1")], votes=[Vote("Vara E1", "ja", "vara")])]
    stand_in = meeting("d-1", date(2025, 2, 18), [*full().present, here("Vara E1")], matters=jav)
    assert rules(check(stand_in), "substitute", "seats", "jav", "quorum") == []
    # one jävig ledamot makes room for one ersättare, not two
    two = meeting("d-1", date(2025, 2, 18), [*full().present, here("Vara E1"), here("Vara E2")], matters=jav)
    assert [m for _, _, m in rules(check(two), "substitute")] == [
        "Vara E2 served on vara/ledamot at 'd-1', but only 1 of its ledamöter was absent or jävig (3 of 3 "
        "present): an ersättare serves only for an absent ledamot of the same member"]
    [f] = [f for f in check_calendar(BYLAW, Calendar("c.yaml", None, roster(), (two,)), as_of=AS_OF, lang="sv").findings
           if f.rule == "substitute"]
    assert "men bara 1 av dess ledamöter var frånvarande eller jävig (3 av 3)" in f.message
    # a seat reference in `jav` is an anonymous holder of that line
    anonymous = [Matter("taxa", jav=[Presence(SeatRef("vara", "ledamot"))])]
    assert rules(check(meeting("d-1", date(2025, 2, 18), [*full().present, here("Vara E1")], matters=anonymous)),
                 "substitute") == []
    # a personal ersättare serves for their own ledamot when that one is jävig
    bylaw = governance.parse(TEXT.replace("with 3 substitutes", "with 3 personal substitutes"),
                             filename="vattenforbundet.bylaw")
    people = tuple(Person(p.name, p.seat, p.kind, stands_for=p.name.replace(" E", " L") if p.kind == "ersattare"
                          else None) for p in roster())
    cal = Calendar("cal.yaml", "vattenforbundet", people, (stand_in,))
    assert [f.message for f in check_calendar(bylaw, cal, as_of=AS_OF).findings if f.rule == "substitute"] == []


def test_jav_and_the_quorum_of_the_matter_without_the_javiga():
    left = Matter("taxa", jav=[here("Vara L1")], votes=[Vote("Grastorp L1", "ja", "grastorp")])
    assert rules(check(full(matters=[left])), "jav", "quorum") == []
    voted = Matter("taxa", jav=[here("Vara L1")], votes=[Vote("Vara L1", "ja", "vara")])
    [(rule, _, message)] = rules(check(full(matters=[voted])), "jav")
    assert rule == "jav" and message.startswith("Vara L1 was jävig in 'taxa' but voted")
    # five of nine served; two of them jäviga: three left for the matter, short of more than half
    five = meeting("d-1", date(2025, 2, 18), [here(n) for n in ("Vara L1", "Vara L2", "Grastorp L1",
                                                                 "Grastorp L2", "Essunga L1")],
                   matters=[Matter("mark", jav=[here("Vara L1"), here("Vara L2")])])
    assert rules(check(five), "quorum") == [
        ("quorum", "d-1", "without the jäviga (Vara L1, Vara L2), 3 of 9 seats were present for 'mark' at 'd-1'; "
                          "the quorum is more than half of seats")]


def test_a_javig_chair_of_the_meeting_may_have_left_the_matter_to_another():
    # the calendar names the meeting's chair, not who led the matter: a warning, not an error
    chaired = full(chair="vara/ledamot", chair_person="Vara L1", matters=[Matter("taxa", jav=[here("Vara L1")])])
    [f] = [f for f in check(chaired).findings if f.rule == "jav"]
    assert (f.severity, f.message) == ("warning", "Vara L1 was jävig in 'taxa' but chaired the meeting: a jävig person "
                                                  "may not take part in the matter, so another should have led it (the "
                                                  "calendar does not say who led it)")
    # one who also voted took part whatever the chair: an error that says both
    voted = full(chair="vara/ledamot", chair_person="Vara L1",
                 matters=[Matter("taxa", jav=[here("Vara L1")], votes=[Vote("Vara L1", "ja", "vara")])])
    [f] = [f for f in check(voted).findings if f.rule == "jav"]
    assert (f.severity, f.message) == ("error", "Vara L1 was jävig in 'taxa' but voted and chaired the meeting: a "
                                                "jävig person may not take part in the matter")
    # a seat line of one holder, named by its seat as chair and as jävig: the same holder (before: nothing said)
    single = governance.parse(TEXT.replace("3 from each member with 3 substitutes", "from each member with 1 "
                                           "substitute"), filename="vattenforbundet.bylaw")
    one = Meeting("d-1", "direktionen", date(2025, 2, 18), chair="vara/ledamot",
                  attendees=("vara/ledamot", "grastorp/ledamot", "essunga/ledamot"),
                  matters=(Matter("taxa", jav=[Presence("vara/ledamot")]),))
    assert [(f.severity, f.message) for f in check_calendar(single, Calendar("c.yaml", None, (), (one,)),
                                                            as_of=AS_OF).findings if f.rule == "jav"] == [
        ("warning", "vara/ledamot was jävig in 'taxa' but chaired the meeting: a jävig person may not take part in "
                    "the matter, so another should have led it (the calendar does not say who led it)")]
    # on a line of three, another holder may have chaired
    three = full(chair="vara/ledamot", matters=[Matter("taxa", jav=[Presence("vara/ledamot")])])
    assert rules(check(three), "jav") == []


def test_an_anonymous_javig_holder_voted_only_where_the_count_says_so():
    """Three anonymous holders of Vara's line served, one of them jävig: two Vara votes may be the two others'
    (before: an error all the same); three are surely the jävig one's too. The same for reservations."""
    cal = parse_calendar("""\
meetings:
  - id: d-1
    body: direktionen
    date: 2025-02-18
    attendees: [3 × vara/ledamot, 3 × grastorp/ledamot, 3 × essunga/ledamot]
    matters:
      - {id: two, jav: [vara/ledamot], votes: {ja: [2 × vara/ledamot, 3 × grastorp/ledamot]}}
      - {id: three, jav: [vara/ledamot], votes: {ja: [3 × vara/ledamot, 3 × grastorp/ledamot]}}
      - {id: one-reserved, jav: [vara/ledamot], reservations: [vara/ledamot]}
      - {id: two-reserved, jav: [vara/ledamot, vara/ledamot], reservations: [vara/ledamot, vara/ledamot]}
""", name="cal.yaml")
    assert sorted((f.matter, f.message) for f in check_calendar(BYLAW, cal, as_of=AS_OF).findings
                  if f.rule == "jav") == [
        ("three", "vara/ledamot was jävig in 'three' but voted: a jävig person may not take part in the matter"),
        ("two-reserved", "vara/ledamot was jävig in 'two-reserved' but reserved against the decision: a jävig "
                         "person may not take part in the matter")]  # two of three jäviga, two reserved: one of them


def test_jav_in_forbundsfullmaktige_is_fullmaktiges_5_kap_47():
    text = TEXT.replace("kommunalforbund with direktion direktionen", "kommunalforbund with forbundsfullmaktige "
                        "direktionen and forbundsstyrelse styrelsen") + 'body styrelsen "Styrelsen"\n  seat ledamot from each member\n'
    bylaw = governance.parse(text, filename="vattenforbundet.bylaw")
    voted = full(matters=[Matter("taxa", jav=[here("Vara L1")], votes=[Vote("Vara L1", "ja", "vara")])])
    [f] = [f for f in check_calendar(bylaw, Calendar("c.yaml", None, roster(), (voted,)), as_of=AS_OF).findings
           if f.rule == "jav"]
    assert f.citation.quote.startswith("En ledamot får inte delta i handläggningen av ett ärende som personligen rör")
    [f] = [f for f in check(voted).findings if f.rule == "jav"]  # a direktion is a nämnd: 6 kap. 30 §
    assert f.citation.quote.startswith("En förtroendevald som är jävig i ett ärende hos en nämnd får inte delta")


def test_an_organ_under_the_law_is_bound_by_its_quorum_whatever_the_bylaw_says():
    def short(clause: str, present: int, form: str = "kommunalforbund with direktion direktionen", jav=(), more=""):
        text = TEXT.replace("  quorum default\n", clause).replace("kommunalforbund with direktion direktionen", form)
        text += more
        bylaw = governance.parse(text, filename="vattenforbundet.bylaw")
        people = [here(f"{m.capitalize()} L{k}") for k in range(1, 4) for m in MEMBERS][:present]
        matters = [Matter("taxa", jav=[here(n) for n in jav])] if jav else []
        cal = Calendar("cal.yaml", "vattenforbundet", roster(), (meeting("d-1", date(2025, 2, 18), people,
                                                                         matters=matters),))
        return [(f.message.split("; absent: ")[0], f.citation.quote)  # (the roster's absent: another test's)
                for f in check_calendar(bylaw, cal, as_of=AS_OF).findings if f.rule == "quorum"]
    nämnd = "En nämnd får handlägga ärenden endast om fler än hälften av ledamöterna är närvarande."
    # no quorum clause: the direktion is a nämnd, 6 kap. 27 § binds it all the same (before: not judged at all)
    assert short("", 4) == [("4 of 9 seats present at 'd-1'; the quorum is more than half of seats by law (the bylaw "
                             "states none); missing: essunga/ledamot (1/3), grastorp/ledamot (1/3), vara/ledamot "
                             "(2/3)", nämnd)]
    assert short("", 5) == []
    # a lower quorum of the bylaw's own does not lower the law's; a higher one is the bylaw's to judge
    assert [m for m, _ in short("  quorum at least 3\n", 4)] == [
        "4 of 9 seats present at 'd-1'; the quorum is more than half of seats by law, which prevails over the "
        "bylaw's lower one (at least 3 of seats); missing: essunga/ledamot (1/3), grastorp/ledamot (1/3), "
        "vara/ledamot (2/3)"]
    assert [m for m, _ in short("  quorum at least 3\n", 2)] == [  # short of both: said once, by the bylaw's
        "2 of 9 seats present at 'd-1'; the quorum is at least 3 of seats; missing: essunga/ledamot (0/3), "
        "grastorp/ledamot (1/3), vara/ledamot (1/3)"]
    assert short("  quorum 2/3\n", 5)[0][0].startswith("5 of 9 seats present at 'd-1'; the quorum is 2/3 of seats;")
    assert len(short("  quorum more than half\n", 4)) == 1  # the bylaw's is the law's: one finding
    # the matter without its jäviga, by the law's count
    assert [m for m, _ in short("  quorum at least 3\n", 6, jav=("Vara L1", "Grastorp L1"))] == [
        "without the jäviga (Vara L1, Grastorp L1), 4 of 9 seats were present for 'taxa' at 'd-1'; the quorum is "
        "more than half of seats by law, which prevails over the bylaw's lower one (at least 3 of seats)"]
    # förbundsfullmäktige: 5 kap. 45 §
    assert short("", 4, "kommunalforbund with forbundsfullmaktige direktionen and forbundsstyrelse styrelsen",
                 more='body styrelsen "Styrelsen"\n  seat ledamot from each member\n')[0][1] == (
        "Fullmäktige får handlägga ett ärende bara om mer än hälften av ledamöterna är närvarande.")
    # a body the law reaches only per analogi: the bylaw's quorum alone
    text = TEXT.replace("  quorum default\n", "  quorum at least 3\n").replace(
        "  form kommunalforbund with direktion direktionen\n", "")
    informal = governance.parse(text, filename="vattenforbundet.bylaw")
    people = [here(f"{m.capitalize()} L1") for m in MEMBERS] + [here("Vara L2")]
    cal = Calendar("cal.yaml", "vattenforbundet", roster(), (meeting("d-1", date(2025, 2, 18), people),))
    assert [f for f in check_calendar(informal, cal, as_of=AS_OF).findings if f.rule == "quorum"] == []


def test_justering():
    on_time = full(minutes=Minutes("2025-03-04"))
    assert rules(check(on_time), "justering") == []
    late = full(minutes=Minutes("2025-03-05"))
    assert rules(check(late), "justering") == [
        ("justering", "d-1", "the protokoll of 'd-1' (2025-02-18) was justerat on 2025-03-05, 15 days after the "
                             "meeting; the last day was 2025-03-04")]
    f, = [f for f in check(late).findings if f.rule == "justering"]
    assert f.citation.file == "law/kommunallagen-2017-725.txt" and f.citation.quote.startswith(
        "Ett protokoll ska justeras senast fjorton dagar efter sammanträdet")
    # the law's fourteenth day on a Saturday moves to the next working day, Monday (lag (1930:173) 2 §)
    sat = full(day=date(2025, 2, 1), minutes=Minutes("2025-02-17"))  # 14 days: Saturday 15 February
    assert rules(check(sat), "justering") == []
    mon = full(day=date(2025, 2, 1), minutes=Minutes("2025-02-18"))
    assert [m for _, _, m in rules(check(mon), "justering")] == [
        "the protokoll of 'd-1' (2025-02-01) was justerat on 2025-02-18, 17 days after the meeting; the last day "
        "was 2025-02-17"]


def test_a_personal_ersattare_serves_only_for_their_own_ledamot():
    bylaw = governance.parse(TEXT.replace("with 3 substitutes", "with 3 personal substitutes"),
                             filename="vattenforbundet.bylaw")
    people = tuple(Person(p.name, p.seat, p.kind, stands_for=p.name.replace(" E", " L") if p.kind == "ersattare"
                          else None) for p in roster())

    def served(absent: str, stand_in: str):
        present = [p for p in full().present if p.person != absent] + [here(stand_in)]
        cal = Calendar("cal.yaml", "vattenforbundet", people, (meeting("d-1", date(2025, 2, 18), present),))
        return [f.message for f in check_calendar(bylaw, cal, as_of=AS_OF).findings if f.rule == "substitute"]
    assert served("Vara L1", "Vara E1") == []
    assert served("Vara L2", "Vara E1") == [
        "Vara E1 served on vara/ledamot at 'd-1', but is the personal ersättare of Vara L1, who was present"]
    # without `personal`, any ersättare of the member may stand in for any of its absent ledamöter
    anyone = meeting("d-1", date(2025, 2, 18), [p for p in full().present if p.person != "Vara L2"] + [here("Vara E1")])
    assert rules(check(anyone, roster_=people), "substitute") == []


def test_the_roster_says_whose_personal_ersattare_one_is():
    def read(entry: str):
        return parse_calendar(f"roster:\n  Anna Berg: vara/ledamot\n  Bo Carlsson: essunga/ledamot\n  {entry}\n"
                              "meetings: []\n", name="cal.yaml")
    assert read("Eva Holm: {seat: vara/ledamot, as: ersattare, for: Anna Berg}").roster[2].stands_for == "Anna Berg"
    with pytest.raises(CalendarError, match="who is not a ledamot of vara/ledamot in the roster"):
        read("Eva Holm: {seat: vara/ledamot, as: ersattare, for: Bo Carlsson}")
    with pytest.raises(CalendarError, match="only an ersättare stands in 'for' a ledamot"):
        read("Eva Holm: {seat: vara/ledamot, for: Anna Berg}")


def test_justering_within_the_bodys_own_limit():
    def late(days: int, clause: str, form: bool = True):
        text = TEXT.replace("  decision by majority\n", f"{clause}  decision by majority\n")
        if not form:
            text = text.replace("  form kommunalforbund with direktion direktionen\n", "")
        bylaw = governance.parse(text, filename="vattenforbundet.bylaw")
        m = full(minutes=Minutes(date(2025, 2, 18) + timedelta(days=days)))
        cal = Calendar("cal.yaml", "vattenforbundet", roster(), (m,))
        return [(f.message, f.citation.line) for f in check_calendar(bylaw, cal, as_of=AS_OF).findings
                if f.rule == "justering"]
    assert late(10, "") == []
    inserted = TEXT[:TEXT.index("  decision by majority\n")].count("\n") + 1
    assert late(10, "  justering within 7 days\n")[0][1] == inserted  # the bylaw's shorter limit, cited
    assert late(15, "  justering within 21 days\n")[0][0].endswith("the last day was 2025-03-04")  # the law's 14
    assert late(30, "", form=False) == []  # the law per analogi: no fixed days
    assert late(8, "  justering within 7 days\n", form=False)[0][0] == (
        "the protokoll of 'd-1' (2025-02-18) was justerat on 2025-02-26, 8 days after the meeting; the last day "
        "was 2025-02-25")


def test_anslag():
    assert rules(check(full(minutes=Minutes("2025-02-25", anslag="2025-02-27"))), "anslag") == []
    assert rules(check(full(minutes=Minutes("2025-02-25", anslag="2025-02-28"))), "anslag") == [
        ("anslag", "d-1", "the justering on 2025-02-25 of the protokoll of 'd-1' was announced on 2025-02-28; the "
                          "last day was 2025-02-27")]
    # justerat on Thursday 2025-06-19: the second day is Saturday (midsommardagen), so anslag on Monday 23 June,
    # the next working day, is in time (lag (1930:173) 2 §); Tuesday is not
    assert rules(check(full(minutes=Minutes("2025-06-19", anslag="2025-06-23"))), "anslag") == []
    assert [m for _, _, m in rules(check(full(minutes=Minutes("2025-06-19", anslag="2025-06-24"))), "anslag")] == [
        "the justering on 2025-06-19 of the protokoll of 'd-1' was announced on 2025-06-24; the last day was "
        "2025-06-23"]
    assert [m for _, _, m in rules(check(full(minutes=Minutes("2025-02-25", anslag="2025-02-24"))), "anslag")] == [
        "the justering of the protokoll of 'd-1' was announced on 2025-02-24, before the protokoll was justerat "
        "(2025-02-25)"]
    # none recorded once the second day has passed: a warning (it may only be unrecorded)
    report = check_calendar(BYLAW, Calendar("c.yaml", "vattenforbundet", roster(),
                                            (full(minutes=Minutes("2025-02-25")),)), as_of=date(2025, 6, 1))
    assert [(f.rule, f.severity) for f in report.findings if f.rule != "meeting-minimum"] == [("anslag", "warning")]


def test_anslag_of_a_gemensam_namnd_goes_on_every_members_anslagstavla():
    text = (ROOT / "examples" / "vattenforbundet.bylaw").read_text(encoding="utf-8").replace(
        "form kommunalforbund with direktion direktionen", "form gemensam-namnd direktionen in vardkommun vara")
    gn = governance.parse(text, filename="gn.bylaw")
    minutes = Minutes("2025-02-25", anslag=[Anslag("2025-02-26", "vara"), Anslag("2025-02-27", "grastorp")])
    report = check_calendar(gn, Calendar("c.yaml", None, roster(), (full(minutes=minutes),)), as_of=AS_OF)
    assert [f.message for f in report.findings if f.rule == "anslag"] == [
        "the justering of the protokoll of 'd-1' is not announced on essunga's anslagstavla: a gemensam nämnd's "
        "justering goes on every member's"]
    assert not [f for f in report.facts if f.kind == "appeal-period"]  # the period runs from the last member's
    every = Minutes("2025-02-25", anslag=[Anslag("2025-02-26", m) for m in MEMBERS[:2]]
                    + [Anslag("2025-02-27", "essunga")])
    report = check_calendar(gn, Calendar("c.yaml", None, roster(), (full(minutes=every),)), as_of=AS_OF)
    assert [f.message for f in report.facts] == [
        "the decisions of 'd-1' (2025-02-18) may be appealed until 2025-03-20 (three weeks from 2025-02-27, when the "
        "justering was announced on every member's anslagstavla)"]
    # the sentence of 13 kap. 5 § that says so, not the first (which counts from one anslagstavla)
    assert report.facts[0].citation.quote.startswith("Tiden för överklagande av en gemensam nämnds beslut räknas "
                                                     "från det att tillkännagivandet skett")


def test_a_gemensam_namnds_anslag_recorded_as_one_day_is_not_judged_member_by_member():
    text = TEXT.replace("form kommunalforbund with direktion direktionen", "form gemensam-namnd direktionen in vardkommun vara")
    gn = governance.parse(text, filename="gn.bylaw")
    report = check_calendar(gn, Calendar("c.yaml", None, roster(), (full(minutes=Minutes("2025-02-25",
                                                                                         anslag="2025-02-26")),)),
                            as_of=AS_OF)
    # before: three errors, "not announced on vara's anslagstavla" among them, though the day was recorded
    assert [(f.severity, f.message) for f in report.findings if f.rule == "anslag"] == [
        ("warning", "the anslag of the justering of the protokoll of 'd-1' is recorded as one day, not one per "
                    "member: a gemensam nämnd's justering is announced on every member's anslagstavla, and on whose "
                    "it was announced is not said")]
    # the one day is still late or early against the justering
    report = check_calendar(gn, Calendar("c.yaml", None, roster(), (full(minutes=Minutes("2025-02-25",
                                                                                         anslag="2025-03-03")),)),
                            as_of=AS_OF)
    assert sorted(f.severity for f in report.findings if f.rule == "anslag") == ["error", "warning"]


def test_the_appeal_period_ends_on_a_working_day():
    # anslag Saturday 2025-05-10 + three weeks = Saturday 2025-05-31: the period runs to Monday 2 June
    report = check(full(minutes=Minutes("2025-05-09", anslag="2025-05-10")))
    assert "may be appealed until 2025-06-02" in report.facts[0].message
    # lag (1930:173) 2 § names midsommarafton, julafton and nyårsafton beside the holidays: three weeks from
    # 2025-05-30 is midsommarafton (Friday 20 June), from 2025-12-03 julafton (Wednesday 24 December)
    report = check(full(minutes=Minutes("2025-05-28", anslag="2025-05-30")))
    assert "may be appealed until 2025-06-23" in report.facts[0].message
    report = check(full(day=date(2025, 11, 25), minutes=Minutes("2025-12-02", anslag="2025-12-03")))
    assert "may be appealed until 2025-12-29" in report.facts[0].message


def _oracle_last_day(day: date) -> date:
    """The law's last day moved past Saturdays, Sundays, public holidays and the three eves (lag (1930:173)
    2 §), worked out from the `holidays` package, not from the engine's calendar."""
    import holidays
    off = holidays.country_holidays("SE", years=range(day.year, day.year + 2), include_sundays=False,
                                    categories=("public", "de_facto"))
    while day.weekday() >= 5 or day in off:
        day += timedelta(days=1)
    return day


@SETTINGS
@given(st.dates(date(2000, 1, 1), date(2090, 12, 20)), st.integers(0, 25))
def test_justering_is_late_exactly_after_the_laws_last_day_and_never_before_the_meeting(held, days):
    justerat = held + timedelta(days=days)
    late = [m for _, _, m in rules(check(full(day=held, minutes=Minutes(justerat))), "justering")]
    assert bool(late) == (justerat > _oracle_last_day(held + timedelta(days=14)))
    # before the meeting it records: a wrong day (before, nothing was said)
    early = held - timedelta(days=days + 1)
    assert [m for _, _, m in rules(check(full(day=held, minutes=Minutes(early))), "justering")] == [
        f"the protokoll of 'd-1' ({held}) is recorded as justerat on {early}, before the meeting: the day of the "
        "justering is wrong"]


@SETTINGS
@given(st.dates(date(2000, 1, 1), date(2090, 12, 1)), st.integers(0, 14), st.integers(-2, 9))
def test_anslag_is_late_exactly_after_the_second_day_and_the_appeal_ends_three_weeks_on(held, days, after):
    justerat = held + timedelta(days=days)
    posted = justerat + timedelta(days=after)
    report = check(full(day=held, minutes=Minutes(justerat, anslag=posted)))
    wrong = [m for _, _, m in rules(report, "anslag")]
    assert bool(wrong) == (posted < justerat or posted > _oracle_last_day(justerat + timedelta(days=2)))
    appeal = [f.message for f in report.facts if f.kind == "appeal-period"]
    if posted < justerat:  # announcing a justering not yet made starts no period (before: one was stated)
        assert appeal == []
    else:
        [fact] = appeal
        assert f"may be appealed until {_oracle_last_day(posted + timedelta(weeks=3))} " in fact


def test_decision_rule_counts_votes():
    def decided(*votes, outcome=None):
        return rules(check(full(matters=[Matter("x", outcome=outcome, votes=votes)])), "decision-rule")
    assert decided(Vote("a", "ja"), Vote("b", "ja"), Vote("c", "nej")) == []
    assert [m for _, _, m in decided(Vote("a", "ja"), Vote("b", "nej"), Vote("c", "nej"))] == [
        "'x' was decided, the votes give no majority for it: 1 ja, 2 nej (one voice per seat)"]
    tie = check(full(matters=[Matter("x", votes=[Vote("a", "ja"), Vote("b", "nej")])]))
    assert [(f.rule, f.severity) for f in tie.findings if f.rule == "decision-rule"] == [("decision-rule", "warning")]
    assert [m for _, _, m in decided(Vote("a", "ja"), Vote("b", "nej"), Vote("c", "nej"), outcome="consensus")] == [
        "'x' was decided, recorded as consensus, but the votes give no majority for it: 1 ja, 2 nej (one voice "
        "per seat)"]


def test_chair_rotation_names_whose_year_it_is():
    wrong = meeting("d-1", date(2025, 2, 18), full().present, chair="vara/ledamot", chair_person="Vara L1")
    assert rules(check(wrong), "chair-rotation") == [
        ("chair-rotation", "d-1", "Vara L1 (vara/ledamot) chaired 'd-1', but the chair is grastorp/ledamot "
                                  "(grastorp's turn in the rotation in 2025), and grastorp/ledamot attended "
                                  "(Grastorp L1, Grastorp L2, Grastorp L3)")]


def test_cancelled_meetings_count_towards_nothing_and_are_listed():
    held = [full(f"d-{k}", date(2025, 2, 4) + timedelta(weeks=8 * k)) for k in range(3)]
    off = meeting("d-9", date(2025, 11, 4), [], status="cancelled", chair=None)
    report = check(*held, off)
    assert rules(report, "meeting-minimum") == [
        ("meeting-minimum", None, "direktionen meets 3 times in 2025; the bylaw requires at least 4: met only on "
                                  "paper, 'd-9' cancelled")]
    assert [(f.kind, f.meeting) for f in report.facts] == [("cancelled", "d-9")] and report.checked == 3


def test_a_year_without_meetings_inside_the_calendar_is_judged():
    years = [full(f"d-{y}-{k}", date(y, 2, 4) + timedelta(weeks=8 * k)) for y in (2025, 2027) for k in range(4)]
    for m in years:
        object.__setattr__(m, "chair", SeatRef("essunga" if m.date.year == 2027 else "grastorp", "ledamot"))
    assert rules(check(*years), "meeting-minimum") == [
        ("meeting-minimum", None, "direktionen meets 0 times in 2026; the bylaw requires at least 4")]


def test_nothing_checked_is_never_compliant():
    off = meeting("d-9", date(2025, 11, 4), [], status="cancelled", chair=None)
    empty = check()
    assert (empty.verdict, empty.compliant, empty.checked) == ("nothing-checked", False, 0)
    assert json.loads(render_json(empty))["verdict"] == "nothing-checked"
    only_2026 = check(full(), year=2026)  # no meeting that year: its minimum is missed, which is a finding
    assert only_2026.verdict == "not-compliant" and only_2026.checked == 0
    assert check(off).verdict == "not-compliant"  # the year's minimum is judged all the same


# ---- properties -----------------------------------------------------------------------------------------
attendance = st.tuples(*(st.integers(0, 3) for _ in MEMBERS))  # ledamöter present per member


def _attended(counts, stand_ins=(0, 0, 0)) -> list[Presence]:
    """`counts[i]` of member i's seat line served; `stand_ins[i]` of them ersättare, the rest ledamöter."""
    out = []
    for m, n, e in zip(MEMBERS, counts, stand_ins):
        out += [here(f"{m.capitalize()} L{k}") for k in range(1, n - min(e, n) + 1)]
        out += [here(f"{m.capitalize()} E{k}") for k in range(1, min(e, n) + 1)]
    return out


def _quorum(report) -> list[str]:
    return [f.message for f in report.findings if f.rule == "quorum"]


@SETTINGS
@given(attendance, st.tuples(*(st.integers(0, 3) for _ in MEMBERS)))
def test_an_ersattare_serving_for_an_absent_ledamot_never_changes_the_quorum_verdict(counts, stand_ins):
    plain = check(meeting("d-1", date(2025, 2, 18), _attended(counts)))
    swapped = check(meeting("d-1", date(2025, 2, 18), _attended(counts, stand_ins)))
    assert bool(_quorum(plain)) == bool(_quorum(swapped))
    assert not rules(swapped, "substitute", "seats")


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(MEMBERS), st.sampled_from(("ledamot", "ersattare")), st.booleans()),
                max_size=20))
def test_the_quorum_count_equals_an_independent_count_from_the_persons(entries):
    """Anonymous holders and ersättare, serving or only present: the count is, per member, the persons who
    served, at most the line's three; more than half of nine is five."""
    present = [Presence(f"{m}/ledamot", None, kind, kind == "ledamot" or serving) for m, kind, serving in entries]
    served = {m: sum(1 for p in present if p.serving and p.seat.member == m) for m in MEMBERS}
    oracle = sum(min(n, 3) for n in served.values())
    said = _quorum(check(meeting("d-1", date(2025, 2, 18), present)))
    if not any(p.serving for p in present):
        assert said == []  # no one listed as serving: attendance unknown, not judged
    elif oracle * 2 > 9:
        assert said == []
    else:
        assert len(said) == 1 and said[0].startswith(f"{oracle} of 9 seats present")


@SETTINGS
@given(attendance, st.integers(1, 9), st.booleans(), st.data())
def test_an_organ_is_short_of_a_quorum_exactly_where_the_law_or_its_bylaw_says(counts, least, organ, data):
    """Oracle from the persons: a direktion (an organ under the law) with its own `quorum at least N` lacks a
    quorum where at most four of nine served (6 kap. 27 §) or fewer than N; the same body outside the law (no
    `form`) only where fewer than N. Each count judges a matter (without its jäviga) only at a meeting it
    let pass; where both fail, it is said once, as the bylaw's."""
    text = TEXT.replace("  quorum default\n", f"  quorum at least {least}\n")
    if not organ:
        text = text.replace("  form kommunalforbund with direktion direktionen\n", "")
    bylaw = governance.parse(text, filename="vattenforbundet.bylaw")
    present = _attended(counts)
    javiga = data.draw(st.lists(st.sampled_from(present), unique=True, max_size=3)) if present else []
    cal = Calendar("cal.yaml", "vattenforbundet", roster(),
                   (meeting("d-1", date(2025, 2, 18), present, matters=[Matter("x", jav=javiga)]),))
    said = [f.message for f in check_calendar(bylaw, cal, as_of=AS_OF).findings if f.rule == "quorum"]

    def bylaws(n: int) -> bool:
        return n < least

    def laws(n: int) -> bool:
        return organ and n * 2 <= 9
    served, left = sum(counts), sum(counts) - len(javiga)
    expected = []
    if served:  # (no one listed: attendance unknown, not judged)
        if bylaws(served):
            expected.append(("meeting", "bylaw"))
        elif javiga and bylaws(left):
            expected.append(("matter", "bylaw"))
        if laws(served) and not bylaws(served):
            expected.append(("meeting", "law"))
        elif not laws(served) and not bylaws(served) and javiga and laws(left) and not bylaws(left):
            expected.append(("matter", "law"))
    assert sorted(("matter" if "for 'x'" in m else "meeting", "law" if " by law" in m else "bylaw")
                  for m in said) == sorted(expected)


@SETTINGS
@given(attendance, st.data())
def test_the_quorum_of_a_matter_is_counted_without_its_javiga(counts, data):
    """Oracle from the persons: the meeting lacks a quorum when at most four of nine served; otherwise a
    matter lacks one when those who served less its jäviga are at most four, and the message gives that count."""
    present = _attended(counts)
    javiga = data.draw(st.lists(st.sampled_from(present), unique=True, max_size=4)) if present else []
    said = _quorum(check(meeting("d-1", date(2025, 2, 18), present, matters=[Matter("x", jav=javiga)])))
    served, left = sum(counts), sum(counts) - len(javiga)
    expected = ([] if served == 0 else ["meeting"] if served * 2 <= 9  # no one listed: not judged
                else ["matter"] if javiga and left * 2 <= 9 else [])
    assert ["matter" if "for 'x'" in s else "meeting" for s in said] == expected
    assert all(f"{left} of 9 seats" in s for s in said if "for 'x'" in s)


@SETTINGS
@given(st.lists(st.dates(date(2025, 1, 1), date(2026, 12, 31)), max_size=10), st.dates(date(2025, 1, 1),
                                                                                       date(2026, 12, 31)))
def test_a_cancelled_meeting_never_helps_a_minimum(days, off):
    base = [full(f"d-{i}", d) for i, d in enumerate(days)]
    cancelled = meeting("x", off, [], status="cancelled", chair=None)
    short = {(f.body, f.year) for f in check(*base).findings if f.rule == "meeting-minimum"}
    with_off = {(f.body, f.year) for f in check(*base, cancelled).findings if f.rule == "meeting-minimum"}
    assert short <= with_off


@SETTINGS
@given(st.lists(st.dates(date(2025, 1, 1), date(2027, 12, 31)), max_size=10),
       st.lists(st.dates(date(2025, 1, 1), date(2027, 12, 31)), min_size=1, max_size=4))
def test_the_minimum_is_judged_on_the_held_meetings_counted_here(days, offs):
    """Against an oracle counted from the dates alone: every year from the first to the last meeting (cancelled
    ones included) misses the minimum of four exactly when fewer than four meetings were held in it, and says
    "only on paper" exactly when the cancelled ones would have made up the four."""
    held = [full(f"d-{i}", d) for i, d in enumerate(days)]
    off = [meeting(f"x-{i}", d, [], status="cancelled", chair=None) for i, d in enumerate(offs)]
    every = days + offs
    years = range(min(every).year, max(every).year + 1)
    short = {y for y in years if sum(d.year == y for d in days) < 4}
    paper = {y for y in short if sum(d.year == y for d in every) >= 4}
    found = [f for f in check(*held, *off).findings if f.rule == "meeting-minimum"]
    assert {f.year for f in found} == short and len(found) == len(short)
    assert {f.year for f in found if "only on paper" in f.message} == paper


@SETTINGS
@given(st.lists(st.tuples(attendance, st.booleans()), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_shuffling_meetings_or_renaming_persons_never_changes_the_report(plan, rnd):
    meetings = []
    for i, (counts, jav) in enumerate(plan):
        present = _attended(counts, (1, 0, 1))
        matters = [Matter("m", jav=[present[0]], votes=[Vote(present[0].person, "ja")])] if jav and present else []
        meetings.append(meeting(f"d-{i}", date(2025, 2, 4) + timedelta(weeks=6 * i), present, matters=matters,
                                minutes=Minutes(date(2025, 2, 4) + timedelta(weeks=6 * i, days=15 + i % 2))))
    text = render_json(check(*meetings))
    shuffled = list(meetings)
    rnd.shuffle(shuffled)
    assert render_json(check(*shuffled)) == text
    names = [p.name for p in roster()]
    new = dict(zip(names, rnd.sample([f"Person {k:02d}" for k in range(len(names))], len(names))))

    def renamed(m: Meeting) -> Meeting:
        def person(p: Presence) -> Presence:
            return Presence(p.seat, new.get(p.person, p.person), p.kind, p.serving)
        matters = [Matter(x.id, jav=[person(p) for p in x.jav], votes=[Vote(new[v.who], v.choice, v.member)
                                                                      for v in x.votes]) for x in m.matters]
        return Meeting(m.id, m.body, m.date, chair=m.chair, present=tuple(map(person, m.present)),
                       matters=tuple(matters), minutes=m.minutes, span=m.span)

    people = tuple(Person(new[p.name], p.seat, p.kind) for p in roster())
    again = render_json(check(*map(renamed, meetings), roster_=people))
    back = {v: k for k, v in new.items()}
    assert re.sub(r"Person \d\d", lambda found: back[found.group(0)], again) == text
