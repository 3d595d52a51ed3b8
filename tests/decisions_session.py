"""Two council sittings written by hand: every way issue 16 decides, and a review of the earlier sitting's actions."""

from __future__ import annotations

from pathlib import Path

PEOPLE = """\
people:
  - {id: ana, name: Ana Weber}
  - {id: ben, name: Ben Okafor}
  - {id: cai, name: Cai Lun}
  - {id: dan, name: Dan Moss}
  - {id: eve, name: Eve Stone}
  - {id: fay, name: Fay Ortiz}
attendees:
  - {person: ana}
  - {person: ben}
  - {person: cai}
  - {person: dan}
  - {person: eve}
  - {person: fay, status: absent}
"""

EARLIER = """\
schema_version: 2
title: City Council
organization: Springfield
date: 2024-01-10
""" + PEOPLE + """\
proceedings:
  - kind: section
    label: "3"
    title: Public works
    items:
      - {kind: discussion, text: Potholes on Main Street.}
      - {kind: action, id: 20240110-1, task: Survey Main Street, owner: ben, due: 2024-02-01}
      - {kind: action, id: 20240110-2, task: Write to the county, owner_group: the Board, due: "by Monday, if possible"}
  - {kind: action, id: 20240110-3, task: Book the hall, owner: cai, due: 2024-01-20}
  - {kind: action, id: 20240110-4, task: Order chairs, owner: dan}
  - {kind: review, action: 20240110-3, status: "started today"}
"""

LATER = """\
schema_version: 2
title: City Council
organization: Springfield
date: 2024-02-14
""" + PEOPLE + """\
proceedings:
  - kind: motion
    title: Sell the depot
    moved_by: ana
    seconded_by: ben
    vote: {for: 6, against: 4, threshold: two-thirds}
    result: failed
  - kind: resolution
    title: Budget 2024
    vote:
      ayes: [ana, ben, cai]
      nays: [dan, eve]
      explanations:
        - {person: eve, text: The reserve is too small.}
    result: adopted
  - kind: motion
    title: Parking rules
    vote: {on: the amendment, for: 3, against: 2, result: carried}
    votes:
      - {on: the main question, ayes: [ana, ben, cai, dan], nays: [eve], not_voting: [fay]}
    result: adopted
  - kind: resolution
    title: Honour the founders
    vote: {method: unanimous, for: 15}
    result: adopted
  - kind: section
    label: "5"
    title: Reports of committees
    vote: general-consent
    result: adopted
    items:
      - {kind: report, presenter: cai, title: Parks committee}
      - {kind: report, presenter: dan, title: Roads committee}
  - kind: section
    label: "6"
    title: Consent agenda
    consent: true
    vote: {for: 5, against: 0}
    result: adopted
    items:
      - {kind: resolution, title: Minutes of January}
      - {kind: resolution, title: Library hours, disposition: Ordinance No. 184349}
      - {kind: resolution, title: Street fair, pulled: true, vote: {for: 3, against: 2}, result: adopted}
      - {kind: resolution, title: Bus shelter}
  - {kind: decision, text: "For new projects, the recommendation is no date"}
  - kind: motion
    title: Tree ordinance
    vote: voice
    result: referred
    disposition: REFERRED TO COMMISSIONER OF FINANCE
  - {kind: review, action: 20240110-1, status: COMPLETE}
  - {kind: review, action: 20240110-2, status: "sorry, will do"}
"""


def write(folder: Path) -> tuple[Path, Path]:
    """Write both sittings into ``folder``; return their paths, the earlier first."""
    earlier, later = folder / "2024-01-10-city-council.yaml", folder / "2024-02-14-city-council.yaml"
    earlier.write_text(EARLIER, encoding="utf-8")
    later.write_text(LATER, encoding="utf-8")
    return earlier, later
