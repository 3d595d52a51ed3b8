"""The building blocks of every part of a session: the strict base model, texts, languages and times."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from minutes.model.vocab import LANG, TIME_RE, is_timezone, normal_lang

LangCode = Annotated[str, Field(pattern=LANG), AfterValidator(normal_lang)]  # en_GB is read as en-GB
Text = Union[str, dict[LangCode, str]]
"""A text that is either one string or a map of language code to string."""


Time = Annotated[str, Field(pattern=TIME_RE.pattern, examples=["18:30"])]


def known_zone(value: str) -> str:
    """Return ``value`` if it names an IANA time zone (Europe/Berlin), else raise a ValueError that says so."""
    if not is_timezone(value):
        raise ValueError(f"unknown time zone {value!r}")
    return value


TimeZone = Annotated[str, AfterValidator(known_zone)]


class Strict(BaseModel):
    """Base for every part of a session: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=False)
