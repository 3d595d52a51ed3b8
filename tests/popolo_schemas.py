"""The Popolo JSON schemas, offline: where they are and a registry that resolves their references."""

import json

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from conftest import ROOT

SCHEMAS = next(
    (p for p in (ROOT.parent / "shared" / "popolo" / "schemas", ROOT / "tests" / "popolo-schemas") if p.is_dir()), None
)
URL = "http://www.popoloproject.com/schemas/{}.json#"
KINDS = {"events": "event", "persons": "person", "memberships": "membership", "speeches": "speech",
         "motions": "motion", "vote_events": "vote_event", "organizations": "organization"}


def registry() -> Registry:
    """Return a registry of the Popolo schemas under their URLs, with and without the fragment."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        resources += [(URL.format(path.stem), resource), (URL.format(path.stem).rstrip("#"), resource)]
    return Registry().with_resources(resources)
