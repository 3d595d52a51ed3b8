"""The English labels of the vocabulary and the forms of a person's name, which the catalogs translate."""

from __future__ import annotations

STATUSES = ("present", "online", "absent", "excused", "guest")
STATUS_LABELS = {"present": "Present", "online": "Online", "absent": "Absent", "excused": "Excused", "guest": "Guests"}
KIND_LABELS = {
    "ceremony": "Ceremony", "announcement": "Announcement", "discussion": "Discussion",
    "procedure": "Procedure", "break": "Break", "note": "Note", "speech": "Speech", "report": "Report",
    "resolution": "Resolution", "motion": "Motion", "action": "Action item",
}
SESSION_KINDS = {
    "regular": "Regular meeting", "special": "Special meeting", "annual": "Annual meeting",
    "congress-day": "Congress day", "committee": "Committee meeting", "extraordinary": "Extraordinary meeting",
}
RESULTS = {
    "adopted": "Adopted", "rejected": "Rejected", "deferred": "Deferred", "withdrawn": "Withdrawn", "tabled": "Tabled",
}
ACTION_STATUSES = {"open": "Open", "done": "Done", "cancelled": "Cancelled"}
PREVIOUS = {"approved": "approved", "amended": "approved as amended", "not-approved": "not approved", "none": "none"}
PERSON_FORMS = {
    "full": "{name}, {role}",
    "subject": "{name}, {role},",
    "author": "the {role} {titled}",
    "paren": "{name} ({role})",
}
