"""The validated session model: what a session file may hold."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import Field, PrivateAttr, field_validator, model_validator

from minutes.model.base import LangCode, Strict, Text, Time, TimeZone  # noqa: F401 - part of this module's API
from minutes.model.press import Contact, Dateline, Press  # noqa: F401 - part of this module's API
from minutes.model.settings import FolderSettings, SessionSettings, merged
from minutes.model.votes import Counts, Explanation, Vote, VoteValue, all_votes, counts, method, votes_text  # noqa: F401

from minutes.model.vocab import (  # noqa: F401 - part of this module's API
    KINDS,
    LANG,
    PERSON_ID,
    SCHEMA_VERSION,
    TEXT_KINDS,
    TIME_RE,
    ActionStatus,
    PlaceMode,
    Pronoun,
    Result,
    Status,
    is_timezone,
)

class Person(Strict):
    """One person in the roster: one id, one spelling."""

    id: Annotated[str, Field(pattern=PERSON_ID, description="Short stable id, e.g. li-jizheng")]
    name: Text
    honorific: Text | None = Field(None, description="e.g. Comrade, Dr., Ms.")
    role: Text | None = Field(None, description="Title or role, e.g. Head of the Foreign Relations Department")
    organization: Text | None = None
    pronoun: Pronoun = "they"
    email: str | None = None
    handle: str | None = Field(None, description="A handle the person is known by, e.g. @jasnell")
    aliases: list[str] = Field(default_factory=list, description="Other spellings: a surname, a short name, "
                               "the name in another script")


class Attendee(Strict):
    """A person (by roster id) or a named group, and their presence."""

    person: str | None = Field(None, description="Roster id of the person")
    group: Text | None = Field(None, description='A group, e.g. "members of the Executive Committee"')
    status: Status = "present"
    role: Text | None = Field(None, description="Role at this session, if it differs from the roster")
    note: Text | None = None
    as_: Text | None = Field(None, alias="as", description='The attendance group, e.g. "Directors", "Staff"')
    arrived: Time | None = Field(None, description="When a late arrival came, HH:MM")
    left: Time | None = Field(None, description="When an early departure left, HH:MM")

    @model_validator(mode="after")
    def _one_of(self) -> Attendee:
        if (self.person is None) == (self.group is None):
            raise ValueError("an attendee needs exactly one of 'person' or 'group'")
        return self


class Group(Strict):
    """An attendance group named by the body: its members are the attendees with ``as:`` its name."""

    name: Text
    voting: bool = Field(True, description="false for staff, observers, guests: not counted for quorum or votes")
    always: list[Status] = Field(default_factory=list, description='Statuses listed even when empty ("none"), '
                                 "e.g. [present, absent]")


class Attachment(Strict):
    """A file shown with an item: a photo, slides, a document."""

    file: str
    caption: Text | None = None


class ItemBase(Strict):
    """Fields every proceedings item may carry."""

    at: Time | None = Field(None, description="Time of the item, HH:MM")
    attachments: list[Attachment] = Field(default_factory=list)
    note: Text | None = None
    pulled: bool = Field(False, description="Taken off its section's consent agenda for separate consideration")


class TextItem(ItemBase):
    """A ceremony, announcement, discussion, decision without a vote or other narrative item."""

    kind: Literal["ceremony", "announcement", "discussion", "procedure", "break", "note", "decision"]
    text: Text


class Speech(ItemBase):
    """A speech, possibly delivered on behalf of someone else."""

    kind: Literal["speech"]
    speaker: str = Field(description="Roster id of the speaker")
    on_behalf_of: str | None = Field(None, description="Roster id of the person whose address was read out")
    role: Text | None = Field(None, description="Capacity in which the speaker spoke, if not the roster role")
    topic: Text | None = None
    summary: Text | None = None
    points: list[Text] = Field(default_factory=list)


class Report(ItemBase):
    """A report presented to the meeting."""

    kind: Literal["report"]
    presenter: str = Field(description="Roster id of the presenter")
    title: Text
    summary: Text | None = None
    points: list[Text] = Field(default_factory=list)


class Resolution(ItemBase):
    """A resolution or motion, with its vote and result."""

    kind: Literal["resolution", "motion"]
    title: Text
    text: Text | None = None
    moved_by: str | None = None
    seconded_by: str | None = None
    vote: VoteValue | None = Field(None, description="The vote (the first, when there were several)")
    votes: list[VoteValue] = Field(default_factory=list, description="Further votes on it, in order: the main "
                                   "question after an amendment, a reconsideration")
    result: Result | None = None
    disposition: Text | None = Field(None, description='The body\'s own wording or number, e.g. "Ordinance No. 184349"')

    def vote_text(self) -> str:
        """Return the votes as "for–against–abstain" or their method ("acclamation"), "" when none was taken."""
        return votes_text(self)


class Action(ItemBase):
    """An action item with an owner and a due date."""

    kind: Literal["action"]
    id: str | None = Field(None, description="Stable id, e.g. A1")
    task: Text
    owner: str | None = None
    due: dt.date | str | None = Field(None, description='A date, or a soft text such as "by Monday, if possible"')
    owner_group: Text | None = Field(None, description='A group or body that owns it instead of a person, e.g. the TSC')
    status: ActionStatus = "open"
    done_on: dt.date | None = None
    carried_over_from: dt.date | None = Field(None, description="Date of the session this open item came from")

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: object) -> object:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
            return dt.date.fromisoformat(value.strip())  # a date typed as text is a date, and a bad one an error
        if isinstance(value, str) and not value.strip():
            raise ValueError("give a date or a text, not an empty one")
        return value


class Review(ItemBase):
    """Where an earlier meeting's action item stands, as reviewed at this one."""

    kind: Literal["review"]
    action: str = Field(description="Id of the action item reviewed, e.g. 20240312-2")
    task: Text | None = Field(None, description="The action's task, as `minutes review` found it, for the minutes")
    status: Text | None = Field(None, description='Where it stands, e.g. "COMPLETE", "in progress"')
    done: bool = Field(False, description="The review closed the action: done from this meeting on")


class Section(Strict):
    """A section of the agenda: its label, title, presenter and note, and the items and sections under it."""

    kind: Literal["section"]
    label: str | None = Field(None, description="e.g. 6A, 7.1, Special Order 7A (default: its position)")
    title: Text = Field(description="Inline Markdown: may hold a link")
    presenter: str | None = Field(None, description="Roster id of the presenter or sponsor")
    note: Text | None = None
    consent: bool = Field(False, description="A consent agenda: its items are adopted by the section's one vote")
    vote: VoteValue | None = Field(None, description="The vote on the section's items as a block")
    result: Result | None = None
    disposition: Text | None = None
    items: list[Entry] = Field(default_factory=list)

    def vote_text(self) -> str:
        """Return the vote on the section's items as a block, as ``Resolution.vote_text`` does."""
        return votes_text(self)

    @field_validator("label")
    @classmethod
    def _label(cls, value: str | None) -> str | None:
        if value is not None and (not value.strip() or "\n" in value):
            raise ValueError("a section's label is one line of text, e.g. 2A")
        return value


Item = Annotated[Union[TextItem, Speech, Report, Resolution, Action, Review], Field(discriminator="kind")]
Entry = Annotated[Union[TextItem, Speech, Report, Resolution, Action, Review, Section], Field(discriminator="kind")]
Section.model_rebuild()


class Series(Strict):
    """The series or event a session belongs to, e.g. day 2 of 2 of a congress."""

    name: Text
    part: Annotated[int, Field(ge=1)] | None = None
    of: Annotated[int, Field(ge=1)] | None = None


class Place(Strict):
    """Where the session met."""

    mode: PlaceMode = "on-site"
    venue: Text | None = None
    platform: str | None = None
    city: Text | None = None
    country: Text | None = None


class Quorum(Strict):
    """The quorum required, and whether it was present."""

    required: Annotated[int, Field(ge=0)] | None = None
    present: bool | None = None


class Approval(Strict):
    """Whether these minutes are approved."""

    status: Literal["draft", "approved"] = "draft"
    date: dt.date | None = None
    by: str | None = None
    hash: str | None = Field(None, description="Content hash when approved or last amended")


class Amendment(Strict):
    """A change made to approved minutes."""

    date: dt.date
    reason: str
    change: str


class Session(Strict):
    """One sitting of a body: the whole record in one file."""

    schema_version: Literal[1, 2] = Field(
        1, description="2 (new files); a file of version 1, or without this field, is read as version 1 "
        "(every text as typed), and 'minutes migrate' rewrites it as version 2")
    title: Text
    series: Series | None = None
    kind: str = Field("regular", description="regular, special, annual, congress-day, committee, ...")
    number: str | None = Field(None, description='The meeting\'s number in its body\'s count, e.g. "9876th"')
    organization: Text | None = Field(None, description="The body that meets, or the organizer")
    date: dt.date
    start: Time | None = None
    end: Time | None = None
    timezone: TimeZone | None = Field(None, description="IANA time zone, e.g. Asia/Shanghai")
    place: Place = Place()
    occasion: Text | None = None
    chair: str | None = Field(None, description="Roster id of the presiding officer")
    secretary: str | None = Field(None, description="Roster id of the secretary")
    quorum: Quorum | None = None
    previous_minutes: Literal["approved", "amended", "not-approved", "none"] | None = None
    adjourned: Time | None = None
    lang: LangCode = "en"
    tags: list[str] = Field(default_factory=list)
    category: str | None = None
    people: list[Person] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list, description="Settings of the attendance groups")
    attendees: list[Attendee] = Field(default_factory=list)
    proceedings: list[Entry] = Field(default_factory=list)
    press: Press = Press()
    approval: Approval = Approval()
    amendments: list[Amendment] = Field(default_factory=list)
    settings: SessionSettings | None = Field(None, description="This session's own settings, over its folder's")
    _shared: Roster | None = PrivateAttr(None)  # the folder's people.yaml (store.loader.with_roster), never dumped
    _folder: FolderSettings | None = PrivateAttr(None)  # the folder's minutes.yaml (store.loader), never dumped

    @model_validator(mode="after")
    def _unique_people(self) -> Session:
        return unique_people(self)

    @model_validator(mode="after")
    def _unique_addresses(self) -> Session:
        from minutes.model.address import duplicates

        twice = duplicates(self)
        if twice:
            address, _ = twice[0]
            raise ValueError(f"two entries have the address {address!r}; give one of the sections another label")
        return self

    def person(self, pid: str | None) -> Person | None:
        """Return the roster entry with id ``pid``, if any (the session's own, else the folder's shared one)."""
        if pid is None:
            return None
        return next((p for p in self.roster() if p.id == pid), None)

    def roster(self) -> list[Person]:
        """Return the people this session knows: its own, then the shared roster's that it does not override."""
        if not self._shared:
            return self.people
        own = {p.id for p in self.people}
        return self.people + [p for p in self._shared.people if p.id not in own]

    def shared_people(self) -> list[Person]:
        """Return the people of the folder's shared roster (people.yaml), as read with this session."""
        return self._shared.people if self._shared else []

    def group_settings(self) -> list[Group]:
        """Return the settings of the attendance groups: the session's own, then the shared roster's others."""
        if not self._shared:
            return self.groups
        own = {pick(g.name, self.lang) for g in self.groups}
        return self.groups + [g for g in self._shared.groups if pick(g.name, self.lang) not in own]

    def effective_settings(self) -> FolderSettings:
        """Return the settings this session works with: its folder's minutes.yaml, under its own ``settings:``."""
        return merged(self._folder, self.settings)

    def name_of(self, pid: str | None) -> str:
        """Return the name of person ``pid`` in the session's language (the id itself if not in the roster)."""
        person = self.person(pid)
        return pick(person.name, self.lang) if person else (pid or "")


class Roster(Strict):
    """A folder's shared roster (people.yaml): the people and groups every session in the folder knows."""

    people: list[Person] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_people(self) -> Roster:
        return unique_people(self)


def unique_people(part: Session | Roster) -> Session | Roster:
    """Return ``part`` (a session or a shared roster) if no person id appears twice in its people, else raise."""
    seen: set[str] = set()
    for person in part.people:
        if person.id in seen:
            raise ValueError(f"person id {person.id!r} appears twice in people")
        seen.add(person.id)
    return part


def pick(value: Text | None, lang: str, default: str = "en") -> str:
    """Return ``value`` in ``lang``, falling back to ``default``, their base languages and then any language."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for code in (lang, lang.split("-")[0], default, default.split("-")[0]):  # en-GB takes the en text
        if code in value:
            return value[code]
    return next(iter(value.values()), "")


def json_schema() -> dict:
    """Return the JSON Schema of a session file."""
    schema = Session.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://minutes.invalid/schema/session-2.json"
    return schema
