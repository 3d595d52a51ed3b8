"""Popolo export, validated against the Popolo JSON schemas in ../shared/popolo, offline."""

import json

import jsonschema
import pytest

from minutes.writers import popolo
from minutes.store import loader as session
from conftest import BOARD, CONGRESS
from popolo_schemas import KINDS, SCHEMAS, URL, registry  # noqa: F401 - test_popolo_votes imports them here

def test_the_popolo_schemas_are_available():
    assert SCHEMAS is not None and (SCHEMAS / "speech.json").is_file()


def grouped(timezone: str | None = "Europe/Berlin", start: str | None = "10:00"):
    """Return a session with attendance groups (one not voting), a late arrival and an early departure."""
    from minutes.model.schema import Session

    return Session.model_validate({
        "schema_version": 2, "title": "Board", "date": "2024-03-12", "organization": "Acme e.V.",
        "start": start, "end": "12:30", "timezone": timezone,
        "people": [{"id": "ana", "name": "Ana", "role": "Chair"}, {"id": "ben", "name": "Ben"},
                   {"id": "cai", "name": "Cai"}, {"id": "dan", "name": "Dan"}, {"id": "eve", "name": "Eve"}],
        "groups": [{"name": "Directors"}, {"name": "Staff", "voting": False}],
        "attendees": [
            {"person": "ana", "as": "Directors", "status": "present"},
            {"person": "ben", "as": "Directors", "status": "present", "arrived": "10:47"},
            {"person": "cai", "as": "Staff", "status": "online", "left": "11:04", "role": "Minute taker"},
            {"person": "dan", "as": "Directors", "status": "absent"},
            {"person": "eve", "status": "guest", "arrived": "9:30", "left": "11:00"},
        ],
    })


@pytest.mark.parametrize("example", [CONGRESS, BOARD, grouped, lambda: grouped(None, None)],
                         ids=["congress", "board", "groups", "groups-without-zone-or-start"])
def test_the_export_validates_against_the_popolo_schemas(example):
    data = popolo.export(example() if callable(example) else session.load(example))
    reg = registry()
    checked = 0
    for key, kind in KINDS.items():
        schema = reg.contents(URL.format(kind))
        validator = jsonschema.Draft3Validator(schema, registry=reg, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
        for obj in data[key]:
            errors = sorted(validator.iter_errors(obj), key=str)
            assert not errors, (kind, obj, errors[0].message)
            checked += 1
    assert checked > 10 if not callable(example) else checked >= 7


def test_a_group_is_the_role_when_there_is_no_other_and_times_are_the_membership_dates():
    members = {m["person_id"]: m for m in popolo.export(grouped())["memberships"]}
    assert members["person/ana"] == {
        "id": "membership/ana", "person_id": "person/ana", "organization_id": "organization/1", "role": "Chair",
        "label": "present", "start_date": "2024-03-12T10:00:00+01:00", "end_date": "2024-03-12T12:30:00+01:00",
    }  # the roster's role wins over the group; no arrival or departure: the event's start and end
    assert members["person/ben"]["role"] == "Directors"  # no role: the attendance group
    assert members["person/ben"]["start_date"] == "2024-03-12T10:47:00+01:00"  # arrived late
    assert members["person/ben"]["end_date"] == "2024-03-12T12:30:00+01:00"
    cai = members["person/cai"]
    assert (cai["role"], cai["label"]) == ("Minute taker", "online")  # the attendee's own role comes first
    assert (cai["start_date"], cai["end_date"]) == ("2024-03-12T10:00:00+01:00", "2024-03-12T11:04:00+01:00")
    assert members["person/dan"]["label"] == "absent" and "start_date" not in members["person/dan"]
    assert "end_date" not in members["person/dan"]  # absent: no dates at all
    eve = members["person/eve"]
    assert "role" not in eve and eve["label"] == "guest"
    assert (eve["start_date"], eve["end_date"]) == ("2024-03-12T09:30:00+01:00", "2024-03-12T11:00:00+01:00")
    assert {k for m in members.values() for k in m} <= {
        "id", "person_id", "organization_id", "role", "label", "start_date", "end_date"}  # nothing for voting


def test_without_a_start_a_membership_starts_at_the_arrival_or_not_at_all():
    members = {m["person_id"]: m for m in popolo.export(grouped("Europe/Berlin", None))["memberships"]}
    assert "start_date" not in members["person/ana"]
    assert members["person/ben"]["start_date"] == "2024-03-12T10:47:00+01:00"
    without_zone = {m["person_id"]: m for m in popolo.export(grouped(None))["memberships"]}
    assert without_zone["person/ben"]["start_date"] == "2024-03-12"  # no time zone: the day, as the event has
    assert popolo.export(grouped(None))["events"][0]["start_date"] == "2024-03-12"


def test_on_behalf_of_becomes_attribution_text():
    speeches = popolo.export(session.load(CONGRESS))["speeches"]
    read_out = next(s for s in speeches if "attribution_text" in s)
    assert read_out["attribution_text"] == "on behalf of Alexander Mostov"
    assert read_out["creator_id"] == "person/li-jizheng"


def test_counted_votes_become_vote_events_with_counts():
    data = popolo.export(session.load(BOARD))
    event = next(v for v in data["vote_events"] if v["motion_id"] == "motion/5")
    assert event["counts"] == [{"option": "yes", "value": 4}, {"option": "no", "value": 1}, {"option": "abstain", "value": 0},
                               {"option": "absent", "value": 1}]  # the excused member, as the attendance says
    assert event["result"] == "pass"
    motion = next(m for m in data["motions"] if m["id"] == "motion/6")
    assert motion["result"] == "fail" and motion["creator_id"] == "person/dana-kowalski"
    assert data["events"][0]["start_date"] == "2024-03-12T19:00:00+01:00"


def test_acclamation_is_a_vote_event_without_counts():
    data = popolo.export(session.load(CONGRESS))
    (event,) = data["vote_events"]
    assert event["classification"] == "acclamation" and "counts" not in event


def test_items_in_sections_are_exported_under_their_addresses():
    from minutes.model.schema import Session
    from minutes.records.publish import render_session
    from minutes.render.pipeline import RenderOptions

    s = Session.model_validate({
        "schema_version": 2, "title": "AGM", "date": "2025-03-14", "people": [{"id": "tom", "name": "Tom"}],
        "proceedings": [{"kind": "section", "label": "2A", "title": "Reports", "items": [
            {"kind": "report", "presenter": "tom", "title": "Accounts", "summary": "See the [accounts](https://example.org/a)."},
            {"kind": "resolution", "title": "Adopt", "text": "RESOLVED:\n\n- one\n- two", "result": "adopted"},
        ]}],
    })
    data = json.loads(render_session(s, None, RenderOptions(kind="minutes", fmt="popolo")).data.decode())
    assert [x["id"] for x in data["speeches"]] == ["speech/2A.1"]
    assert data["speeches"][0]["text"] == "See the accounts."  # plain text where the schema wants text
    assert [m["identifier"] for m in data["motions"]] == ["2A.2"]
