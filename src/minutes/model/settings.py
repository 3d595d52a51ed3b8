"""A folder's settings (``minutes.yaml``) and a session's own: styles, clock, dates, signatories, check profile.

A folder's ``minutes.yaml`` holds defaults that every session beside it inherits; a session's ``settings:``
block overrides them field by field (a nested block, such as ``minutes:``, field by field too). A field left
out (None) means "the style's default": ``render.styles`` fills what is still unset after the merge.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from minutes.model.base import LangCode, Strict, Text, TimeZone
from minutes.model.vocab import PROFILES, SETTINGS_FILE, is_roster_file, is_timezone  # noqa: F401 - this API

MinutesStyle = Literal["formal", "council", "notes"]
ReleaseStyle = Literal["news", "coverage"]
Profile = Literal[PROFILES]  # type: ignore[valid-type]
MINUTES_STYLES: tuple[str, ...] = MinutesStyle.__args__  # type: ignore[attr-defined]
RELEASE_STYLES: tuple[str, ...] = ReleaseStyle.__args__  # type: ignore[attr-defined]
HEADER_FIELDS = ("event", "date", "time", "place", "occasion", "chair", "secretary", "quorum", "previous_minutes",
                 "status")


class Signature(Strict):
    """One who signs or attests the minutes: a person of the roster or a name, in a capacity."""

    person: str | None = Field(None, description="Roster id of the signatory (or give name)")
    name: Text | None = Field(None, description="The signatory's name, when not in the roster")
    capacity: Text | None = Field(None, description='e.g. "Chair", "Auditor of the City" (default: their role)')
    by: Text | None = Field(None, description='Who signs for them: a "By ____ Clerk of the Council" line')


class DateStyle(Strict):
    """How dates read: with or without the weekday and the year (unset: the style's way)."""

    weekday: bool | None = Field(None, description='"Tuesday, 4 March 2025" rather than "4 March 2025"')
    year: bool | None = Field(None, description='false: "4 March" in a release (the year is in the dateline)')


class MinutesSettings(Strict):
    """The style of the minutes and what it holds (unset: the style's default)."""

    style: MinutesStyle | None = Field(None, description="formal, council or notes")
    header: list[Literal[HEADER_FIELDS]] | None = Field(  # type: ignore[valid-type]
        None, description="The lines of the heading block, in order: " + ", ".join(HEADER_FIELDS))
    agenda: bool | None = Field(None, description="The agenda, made from the sections, at the top")
    vote_form: Literal["spelled", "compact"] | None = Field(None, description='"6 for, 4 against" or "Carried 6-4-0"')
    signatures: Literal["signatures", "attestation", "none"] | None = Field(
        None, description="A signature block, an attestation (council) or none (notes)")
    hash: bool | None = Field(None, description="The content hash in the footer")
    draft: bool | None = Field(None, description='The "Status: Draft/Approved" line')


class ReleaseSettings(Strict):
    """The style of the press release and which generated sentences it holds (unset: the style's default)."""

    style: ReleaseStyle | None = Field(None, description="news or coverage (meetings coverage)")
    hosted: bool | None = Field(None, description='"The meeting was hosted by the …"')
    attended: bool | None = Field(None, description='"The meeting was attended by …"')
    presided: bool | None = Field(None, description='"… presided over the meeting."')
    guests: bool | None = Field(None, description='"Guests included …"')
    attribution: Literal["role", "organization"] | None = Field(
        None, description='"NAME, ROLE, said" (role) or "NAME (Organization) said" (organization)')
    full_text: bool | None = Field(None, description="The full text of the adopted resolutions at the end")
    statements: bool | None = Field(None, description='Speeches under a "Statements" heading')
    times: bool | None = Field(None, description='"The meeting began at 3:06 p.m. and ended at 4:12 p.m."')


class SessionSettings(Strict):
    """Settings a session may hold itself (``settings:``), over its folder's."""

    minutes: MinutesSettings = MinutesSettings()
    release: ReleaseSettings = ReleaseSettings()
    paper: Literal["a4", "letter"] | None = Field(None, description="Word/PDF paper (default: letter for US English)")
    clock: Literal[12, 24] | None = Field(None, description='12 ("3:06 p.m.") or 24 ("15:06")')
    dates: DateStyle = DateStyle()
    signatures: list[Signature] | None = Field(None, description="Who signs (default: the chair and the secretary)")
    profile: Profile | None = Field(None, description="The check profile (default: the minutes' style)")


class FolderSettings(SessionSettings):
    """A folder's ``minutes.yaml``: the defaults of every session in it, and what ``minutes new`` fills in."""

    organization: Text | None = Field(None, description="The body that meets: new sessions get it")
    lang: LangCode | None = Field(None, description="The language of new sessions")
    languages: list[LangCode] = Field(default_factory=list, description="The languages render writes by default")
    timezone: TimeZone | None = Field(None, description="IANA time zone of new sessions, e.g. America/Chicago")
    roster: str = Field("people.yaml", description="The file of the shared roster, beside this one")

    @field_validator("roster")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        if not is_roster_file(value):
            raise ValueError(f"roster must be a plain .yaml file name beside minutes.yaml, not {value!r}")
        return value


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with every value set in ``over`` laid over it (nested mappings field by field)."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif value is not None:
            out[key] = value
    return out


def merged(folder: FolderSettings | None, own: SessionSettings | None) -> FolderSettings:
    """Return the settings a session works with: its folder's, with the session's own laid over them."""
    base = folder.model_dump(exclude_unset=True) if folder is not None else {}
    over = own.model_dump(exclude_unset=True) if own is not None else {}
    return FolderSettings.model_validate(_merge(base, over)) if base or over else FolderSettings()


def json_schema() -> dict:
    """Return the JSON Schema of a folder's ``minutes.yaml``."""
    schema = FolderSettings.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://minutes.invalid/schema/settings-1.json"
    return schema
