"""The press metadata of a session: headline, lead, dateline, document label and symbol, boilerplate, contact."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from minutes.model.base import LangCode, Strict, Text


class Dateline(Strict):
    """Press-release dateline: city, release date and agency."""

    city: Text | None = None
    date: dt.date | None = None
    agency: str | None = None


class Contact(Strict):
    """Media contact."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


class Press(Strict):
    """Press-release metadata."""

    headline: Text | None = None
    subheadline: Text | None = None
    dateline: Dateline = Dateline()
    release: Text | None = Field(None, description='e.g. "For immediate release"')
    lead: Text | None = Field(None, description="The opening paragraph as written: replaces the generated one")
    label: Text | None = Field(None, description='The document type, e.g. "Meetings Coverage"')
    symbol: str | None = Field(None, description='The document symbol, e.g. "SC/15432"')
    boilerplate: Text | None = None
    contact: Contact | None = None
    translations: list[LangCode] = Field(default_factory=list)
