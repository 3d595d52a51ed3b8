"""Render sessions to minutes, press releases or agendas: session → template → Markdown → document (records/publish writes it)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import MinutesError, UsageError
from minutes.model.schema import Session
from minutes.model.vocab import is_lang, normal_lang
from minutes.render import styles

if TYPE_CHECKING:
    from minutes.document.tree import Metadata

KINDS = ("minutes", "release", "agenda")
PAPERS = ("a4", "letter")


@dataclass
class RenderOptions:
    """What to render, in which format and language, with which template and styles."""

    kind: str = "minutes"
    fmt: str = "md"
    lang: str | None = None
    template: Path | None = None
    reference_doc: Path | None = None
    front_matter: str | None = None
    paper: str | None = None
    agenda: bool = True  # the agenda at the top of the minutes (the template sees it as ``show_agenda``)
    handles: bool = False  # people's handles beside their names: "James Snell (@jasnell)"
    style: str | None = None  # the style of the minutes or release (default: the settings', else formal / news)


def check_options(options: RenderOptions, formats: Collection[str], front_matters: Collection[str]) -> None:
    """Raise a UsageError for an unknown kind, format, language, front matter or paper (of those the writers know)."""
    if options.kind not in KINDS:
        raise UsageError(f"unknown kind {options.kind!r}; use one of {', '.join(KINDS)}")
    if options.fmt not in formats:
        raise UsageError(f"unknown format {options.fmt!r}; use one of {', '.join(formats)}")
    from minutes.render import i18n

    if options.lang is not None and not (is_lang(options.lang) and i18n.known(normal_lang(options.lang))):
        raise UsageError(f"--lang: unknown language {options.lang!r}; use a code like en, de, en-GB or pt_BR")
    if options.front_matter is not None and options.front_matter not in front_matters:
        raise UsageError(f"unknown front matter {options.front_matter!r}; use one of {', '.join(front_matters)}")
    styles.check_style(options.kind, options.style)
    if options.paper is not None and options.paper not in PAPERS:
        raise UsageError(f"--paper: unknown paper {options.paper!r}; use one of {', '.join(PAPERS)}")


def slug(text: str, limit: int = 60) -> str:
    """Return a plain ASCII file-name slug of ``text`` (``session`` when nothing is left)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].strip("-") or "session"


def output_stem(session: Session, source: Path | None) -> str:
    """Return ``DATE-slug`` from the session's date and its file name (or its title)."""
    from minutes.model.schema import pick

    date = session.date.isoformat()
    stem = source.stem if source is not None else pick(session.title, "en", session.lang)
    if stem.startswith(date):
        stem = stem[len(date):]
    return f"{date}-{slug(stem)}"


def output_name(session: Session, source: Path | None, kind: str, lang: str, fmt: str) -> str:
    """Return ``DATE-slug.KIND.LANG.EXT``: a plain file name, whatever the data holds."""
    name = f"{output_stem(session, source)}.{slug(kind)}.{slug(lang)}.{slug(fmt)}"
    if "/" in name or "\\" in name or name.startswith("."):
        raise MinutesError(f"cannot make a safe file name for {source or session.date}")
    return name


def build_document(session: Session, source: Path | None, options: RenderOptions,
                   parts: list[Session] | None = None):
    """Return the document that the template for ``options.kind`` makes of ``session``.

    ``parts`` are the sessions a compiled series was made of (see ``records.publish.render_series``).
    """
    from minutes.markdown import reader as markdown
    from minutes.markdown.links import link_urls, may_hold_url
    from minutes.document.tree import Heading, plain

    text, meta = template_text(session, source, options, parts)
    doc = markdown.parse(text, meta)
    if may_hold_url(text):
        link_urls(doc.blocks)  # a URL typed in a text is a link in every writer, as the Markdown writer shows it
    doc.session = session
    title = next((plain(b.inlines) for b in doc.blocks if isinstance(b, Heading) and b.level == 1), "")
    doc.meta.title = title or doc.meta.title
    return doc


def template_text(session: Session, source: Path | None, options: RenderOptions,
                  parts: list[Session] | None = None) -> tuple[str, Metadata]:
    """Return the Markdown the template makes of ``session``, and the document's metadata (titled after the session).

    The view the template reads is dropped on return, before the text is parsed: the document's
    objects then take the memory the view's held.
    """
    from minutes.render import context
    from minutes.render import i18n
    from minutes.render import templating
    from minutes.model.digest import content_hash
    from minutes.document.tree import Metadata
    from minutes.model.schema import pick

    lang = normal_lang(options.lang) if options.lang else session.lang  # en_GB → en-GB
    folder = source.parent if source is not None else None
    extra = (folder / "templates",) if folder is not None and (folder / "templates" / "i18n").is_dir() else ()
    cat = i18n.catalog(lang, extra)
    # The minutes of one file carry its content hash ("minutes verify FILE" recomputes it), so that a
    # printed copy can be matched to its file. A compiled series matches no single file: no hash.
    settings = session.effective_settings()
    style = styles.resolve(options.kind, options.style, settings)
    digest = content_hash(session) if options.kind == "minutes" and not parts and style["hash"] else ""
    view = context.build(session, cat, parts, show_agenda=options.agenda and style.get("agenda", True),
                         handles=options.handles, style=style, settings=settings)
    text = templating.render(options.kind, view, cat, template=options.template, session_dir=folder,
                             name=style["template"])
    meta = Metadata(
        title=view["session"]["title"],
        author=pick(session.organization, lang, session.lang) if session.organization else "",
        date=view["press"]["date_iso"] if options.kind == "release" else session.date.isoformat(),
        lang=lang,
        kind=options.kind,
        tags=list(session.tags),
        categories=[session.category] if session.category else [],
        key=f"{output_stem(session, source)}.{options.kind}",
        page_label=cat.gettext("Page {page}", page="{page}"),
        hash=digest,
        footer=f"{session.date.isoformat()} · {digest}" if digest else "",
    )
    return text, meta
