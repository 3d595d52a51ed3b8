"""The English labels of the vocabulary and the forms of a person's name, which the catalogs translate."""

from __future__ import annotations

STATUSES = ("present", "online", "absent", "excused", "guest")
STATUS_LABELS = {"present": "Present", "online": "Online", "absent": "Absent", "excused": "Excused", "guest": "Guests"}
KIND_LABELS = {
    "ceremony": "Ceremony", "announcement": "Announcement", "discussion": "Discussion",
    "procedure": "Procedure", "break": "Break", "note": "Note", "speech": "Speech", "report": "Report",
    "resolution": "Resolution", "motion": "Motion", "action": "Action item", "decision": "Decision",
    "review": "Action review",
}
SESSION_KINDS = {
    "regular": "Regular meeting", "special": "Special meeting", "annual": "Annual meeting",
    "congress-day": "Congress day", "committee": "Committee meeting", "extraordinary": "Extraordinary meeting",
}
RESULTS = {
    "adopted": "Adopted", "rejected": "Rejected", "deferred": "Deferred", "withdrawn": "Withdrawn", "tabled": "Tabled",
    "carried": "Carried", "failed": "Failed", "referred": "Referred", "postponed": "Postponed",
    "no-action": "No action taken",
}
# A result within a line ("Vote on the amendment: 4 for, 1 against, 0 abstaining — adopted"), msgctxt "result".
RESULT_WORDS = {key: ("no action taken" if key == "no-action" else key) for key in RESULTS}
# How a vote was taken, on the Vote line (spelled out); counted votes are their counts.
SPELLED = {
    "acclamation": "by acclamation", "unanimous": "unanimously", "general-consent": "by general consent",
    "consensus": "by consensus", "voice": "by voice vote", "ballot": "by secret ballot", "roll-call": "by roll call",
}
# The same in brief (msgctxt "compact"): "without objection", "unanimously (15-0-0)".
COMPACT_METHODS = {
    "acclamation": "by acclamation", "unanimous": "unanimously", "general-consent": "without objection",
    "consensus": "by consensus", "voice": "by voice vote", "ballot": "by ballot", "roll-call": "by roll call",
}
# How a vote decided, after "was adopted" (msgctxt "manner"); a counted vote is "by a vote of {tally}".
MANNERS = {
    "acclamation": "by acclamation", "unanimous": "by unanimous vote", "general-consent": "by general consent",
    "consensus": "by consensus", "voice": "by voice vote", "ballot": "by secret ballot", "roll-call": "by roll call",
}
# A roll call by name (msgctxt "roll"): ayes, nays, abstaining, not voting.
ROLL_NAMES = ("Ayes ({count}): {names}.", "Nays ({count}): {names}.", "Abstaining ({count}): {names}.",
              "Not voting ({count}): {names}.")
ROLL_SIDES = ("Y-{count}", "N-{count}", "A-{count}")  # a roll call in brief: "(Y-3, N-2)" (msgctxt "compact")
THRESHOLDS = {  # msgctxt "threshold"; a fraction is "{fraction} majority required"
    "majority": "majority required", "two-thirds": "two-thirds required", "three-quarters": "three-quarters required",
    "unanimous": "unanimity required",
}
ACTION_STATUSES = {"open": "Open", "done": "Done", "cancelled": "Cancelled"}
PREVIOUS = {"approved": "approved", "amended": "approved as amended", "not-approved": "not approved", "none": "none"}
PERSON_FORMS = {
    "full": "{name}, {role}",
    "subject": "{name}, {role},",
    "author": "the {role} {titled}",
    "paren": "{name} ({role})",
}
