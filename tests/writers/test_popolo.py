"""Popolo export, validated against the Popolo JSON schemas in ../shared/popolo, offline."""

import json

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from minutes.writers import popolo
from minutes.store import loader as session
from conftest import BOARD, CONGRESS, ROOT

SCHEMAS = next(
    (p for p in (ROOT.parent / "shared" / "popolo" / "schemas", ROOT / "tests" / "popolo-schemas") if p.is_dir()), None
)
URL = "http://www.popoloproject.com/schemas/{}.json#"
KINDS = {"events": "event", "persons": "person", "memberships": "membership", "speeches": "speech",
         "motions": "motion", "vote_events": "vote_event", "organizations": "organization"}


def registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        resources += [(URL.format(path.stem), resource), (URL.format(path.stem).rstrip("#"), resource)]
    return Registry().with_resources(resources)


def test_the_popolo_schemas_are_available():
    assert SCHEMAS is not None and (SCHEMAS / "speech.json").is_file()


@pytest.mark.parametrize("example", [CONGRESS, BOARD], ids=["congress", "board"])
def test_the_export_validates_against_the_popolo_schemas(example):
    data = popolo.export(session.load(example))
    reg = registry()
    checked = 0
    for key, kind in KINDS.items():
        schema = reg.contents(URL.format(kind))
        validator = jsonschema.Draft3Validator(schema, registry=reg, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
        for obj in data[key]:
            errors = sorted(validator.iter_errors(obj), key=str)
            assert not errors, (kind, obj, errors[0].message)
            checked += 1
    assert checked > 10


def test_on_behalf_of_becomes_attribution_text():
    speeches = popolo.export(session.load(CONGRESS))["speeches"]
    read_out = next(s for s in speeches if "attribution_text" in s)
    assert read_out["attribution_text"] == "on behalf of Alexander Mostov"
    assert read_out["creator_id"] == "person/li-jizheng"


def test_counted_votes_become_vote_events_with_counts():
    data = popolo.export(session.load(BOARD))
    event = next(v for v in data["vote_events"] if v["motion_id"] == "motion/5")
    assert event["counts"] == [{"option": "yes", "value": 4}, {"option": "no", "value": 1}, {"option": "abstain", "value": 0}]
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
