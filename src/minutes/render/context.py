"""The view context the templates see: people resolved, dates formatted, items numbered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minutes.render import actions as actions_view
from minutes.render import attachments, outline
from minutes.render import votes as votes_view
from minutes.render import attendance as attendance_module
from minutes.render.i18n import Catalog
from minutes.render.labels import KIND_LABELS, PERSON_FORMS, PREVIOUS, RESULTS, SESSION_KINDS, STATUS_LABELS, STATUSES
from minutes.render.sentences import tidy
from minutes.render import clock, coverage, dates as dates_view, grammar, prose, rich, styled, styles
from minutes.model.address import by_address, is_section
from minutes.model.schema import Action, Report, Resolution, Review, Session, Speech, TextItem, pick
from minutes.model.vocab import IN_ROOM
from minutes.render.signatures import signatories

if TYPE_CHECKING:
    from minutes.model.settings import FolderSettings


class Builder:
    """Build the view context of one session in one language."""

    def __init__(self, session: Session, cat: Catalog, parts: list[Session] | None = None, show_agenda: bool = True,
                 handles: bool = False, style: dict[str, Any] | None = None, settings: FolderSettings | None = None):
        self.s = session
        self.settings = settings if settings is not None else session.effective_settings()
        self.style = style if style is not None else styles.resolve("minutes", None, self.settings)
        self.handles = handles
        self.show_agenda = show_agenda
        self.cat = cat
        self.lang = cat.lang
        self.sep = "" if self.lang.split("-")[0] in ("zh", "ja", "ko") else " "  # between sentences
        self._people: dict[tuple[str | None, str | None], dict[str, Any] | None] = {}
        self._fixed: dict[tuple[str | None, str], str] = {}
        self.roles = {a.person: a.role for a in session.attendees if a.person and a.role}
        self.status = {a.person: a.status for a in session.attendees if a.person}
        self.days = self._day_markers(parts or [])
        self.rich = session.schema_version == 2  # its Markdown fields are Markdown (vocab.BLOCK_FIELDS, INLINE_FIELDS)
        self.item_agenda = not any(map(is_section, session.proceedings))  # with sections, the agendas list them only
        self.clock = clock.Clock(cat, self.style, session.timezone, session.date)  # every time the templates print

    def _day_markers(self, parts: list[Session]) -> dict[int, tuple[int, Session]]:
        """Return {index of the item that opens a day: (day number, that day's session)} for a compiled series.

        ``series.compile_series`` puts one announcement before the items of each day; when the proceedings do
        not have that shape, there are no day markers and the items are shown as they are."""
        if len(parts) < 2:
            return {}
        markers, index = {}, 0
        for number, part in enumerate(parts, 1):
            if index >= len(self.s.proceedings) or not isinstance(self.s.proceedings[index], TextItem):
                return {}
            markers[index] = ((part.series.part if part.series and part.series.part else number), part)
            index += 1 + len(part.proceedings)
        return markers if index == len(self.s.proceedings) else {}

    def source(self, value: Any) -> str:
        """Return a text field in the session's own language: the form its grammar was written in."""
        return pick(value, self.s.lang, self.s.lang)

    def t(self, value: Any) -> str:
        """Return a text field in the output language, falling back to the session language."""
        return pick(value, self.lang, self.s.lang)

    def _(self, msgid: str, context: str | None = None, **values: Any) -> str:
        """Return a phrase in the output language; one with no fields is looked up once (labels repeat per item)."""
        if values:
            return self.cat.pgettext(context, msgid, **values)
        key = (context, msgid)
        found = self._fixed.get(key)
        return found if found is not None else self._fixed.setdefault(key, self.cat.pgettext(context, msgid))

    def person(self, pid: str | None, role: Any = None) -> dict[str, Any] | None:
        """Return a person with every display form the templates need."""
        if pid is None:
            return None
        key = (pid, self.t(role) if role else None)
        if key not in self._people:
            self._people[key] = self._person(pid, key[1])
        return self._people[key]

    def _person(self, pid: str, role_override: str | None) -> dict[str, Any]:
        p = self.s.person(pid)
        name = self.t(p.name) if p else pid
        if self.handles and p and p.handle:
            name = self.cat.paren(name, p.handle)
        honorific = self.t(p.honorific) if p and p.honorific else ""
        role = role_override or self.t(self.roles.get(pid)) or (self.t(p.role) if p and p.role else "")
        org = self.t(p.organization) if p and p.organization else ""
        titled = tidy(self._("{honorific} {name}", "person", honorific=honorific, name=name)) if honorific else name
        role_org = self._("{role}, {organization}", "person", role=role, organization=org) if role and org else role or org
        bare = {"full": name, "subject": name, "author": titled, "paren": name}
        out = {
            "id": pid, "name": name, "honorific": honorific, "titled": titled, "role": role,
            "organization": org, "pronoun": p.pronoun if p else "they", "handle": p.handle or "" if p else "",
            "status": self.status.get(pid),
        }
        for form, pattern in PERSON_FORMS.items():
            detail = role_org if form in ("full", "paren", "subject") else role
            if form in ("subject", "author") and detail and self.lang.startswith("en"):
                detail = grammar.indefinite(detail)  # "Vera, an activist, …"
            out[form] = self._(pattern, "person", name=name, titled=titled, role=detail) if detail else bare[form]
        return out

    def date(self, value: Any, form: str = "long") -> str:
        return self.cat.date(value, form) if value else ""

    def place(self) -> dict[str, Any]:
        pl = self.s.place
        venue, city, country = self.t(pl.venue), self.t(pl.city), self.t(pl.country)
        site_text = self._(", ", "list").join(x for x in (venue, city, country) if x)
        if venue and city:
            site = self._("at {venue} in {city}", "where", venue=venue, city=city)
        elif venue or city:
            site = self._("at {venue}", "where", venue=venue) if venue else self._("in {city}", "where", city=city)
        else:
            site = ""
        online = self._("online via {platform}", "where", platform=pl.platform) if pl.platform else self._("online", "where")
        online_text = self._("Online ({platform})", "place", platform=pl.platform) if pl.platform else self._("Online", "place")
        if pl.mode == "online":
            where, text = online, online_text
        elif pl.mode == "hybrid":
            where = self._("{site} and {online}", "where", site=site, online=online) if site else online
            text = self._("{site}, and online", "place", site=site_text) if site_text else online_text
        else:
            where, text = site, site_text
        return {
            "mode": pl.mode, "venue": venue, "city": city, "country": country, "platform": pl.platform or "",
            "where": where, "text": text,
        }

    def session(self) -> dict[str, Any]:
        s = self.s
        series = None
        if s.series:
            name = self.t(s.series.name)
            if s.series.part and s.series.of:
                text = self._("{series}, day {part} of {of}", series=name, part=s.series.part, of=s.series.of)
            elif s.series.part:
                text = self._("{series}, day {part}", series=name, part=s.series.part)
            else:
                text = name
            series = {"name": name, "part": s.series.part, "of": s.series.of, "text": text}
        ap = s.approval
        return {
            "title": self.t(s.title),
            "series": series,
            "kind": s.kind,
            "number": s.number or "",
            "kind_label": self._(SESSION_KINDS[s.kind]) if s.kind in SESSION_KINDS
            else s.kind.replace("-", " ").capitalize(),
            "organization": self.t(s.organization),
            **dates_view.session_dates(self), **self.clock.session(s),
            "place": self.place(),
            "occasion": self.t(s.occasion),
            "chair": self.person(s.chair),
            "secretary": self.person(s.secretary),
            "quorum": attendance_module.quorum(self),
            "previous_minutes": self._(PREVIOUS[s.previous_minutes]) if s.previous_minutes else "",
            "tags": list(s.tags), "category": s.category or "",
            "approval": {
                "approved": ap.status == "approved", "status": ap.status,
                "on": self.date(ap.date), "by": self.person(ap.by), "hash": ap.hash or "",
            },
            "amendments": [
                {"date": self.date(a.date), "date_iso": a.date.isoformat(), "reason": a.reason, "change": a.change}
                for a in s.amendments
            ],
        }

    def attendance(self) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for a in self.s.attendees:
            g = groups.setdefault(a.status, {
                "status": a.status, "label": self._(STATUS_LABELS[a.status]), "people": [], "groups": [],
                "entries": [],
            })
            if a.person:
                g["people"].append(self.person(a.person))
            else:
                g["groups"].append(self.t(a.group))
            g["entries"].append(attendance_module.entry(self, a))
        return [groups[s] for s in STATUSES if s in groups]

    def item(self, item: Any, number: str | None, previous: str | None, section: Any = None) -> dict[str, Any]:
        """Return the view of one item; ``section`` is the section holding it (for a consent agenda's vote)."""
        t = self.t
        out: dict[str, Any] = {
            "number": number, "kind": item.kind, "kind_label": self._(KIND_LABELS[item.kind]),
            "at": self.clock.time(item.at), "at_hm": item.at or "", "note": rich.block(t(item.note), self.rich),
            "attachments": [attachments.view(a.file, t(a.caption)) for a in item.attachments],
            "pulled": self._("Pulled for separate consideration.") if item.pulled else "",
        }
        if isinstance(item, TextItem):
            text = rich.block(t(item.text), self.rich)
            agenda = rich.agenda(text, self.rich) if self.item_agenda else out["kind_label"]
            if item.kind == "decision" and self.item_agenda:
                agenda = self._("{kind}: {title}", kind=out["kind_label"], title=agenda)
            out.update(text=text, heading=out["kind_label"], agenda=agenda)
        elif isinstance(item, (Speech, Report)):
            out.update(prose.speech_view(self, item), same_person=previous == (
                item.speaker if isinstance(item, Speech) else item.presenter))
            person = out["person"]
            if isinstance(item, Speech):
                topic = rich.inline(t(item.topic), self.rich)
                out.update(speaker=person, on_behalf_of=self.person(item.on_behalf_of), topic=topic)
                if topic:
                    heading = self._("{kind}: {name} — {topic}", kind=out["kind_label"], name=person["name"], topic=topic)
                else:
                    heading = self._("{kind}: {name}", kind=out["kind_label"], name=person["name"])
            else:
                out.update(presenter=person, title=rich.inline(t(item.title), self.rich))
                heading = self._("{kind}: “{title}”", kind=out["kind_label"], title=out["title"])
            out["heading"] = out["agenda"] = heading
        elif isinstance(item, Resolution):
            out.update(
                title=rich.inline(t(item.title), self.rich), text=rich.block(t(item.text), self.rich), moved_by=self.person(item.moved_by),
                seconded_by=self.person(item.seconded_by), result=item.result or "",
                result_label=self._(RESULTS[item.result]) if item.result else "",
                adopted=item.result == "adopted",
            )
            out = votes_view.resolution(self, item, section).joined(out)
            out["heading"] = out["agenda"] = self._("{kind}: {title}", kind=out["kind_label"], title=out["title"])
        elif isinstance(item, Action):
            out.update(actions_view.action(self, item))
            out["heading"] = out["agenda"] = self._("{kind}: {title}", kind=out["kind_label"], title=out["task"])
        elif isinstance(item, Review):
            out.update(actions_view.review(self, item))
            out["heading"] = out["agenda"] = self._("{kind}: {title}", kind=out["kind_label"], title=out["action_label"])
        return out

    def clauses(self, items: list[str]) -> str:
        """Return predicates joined into one: "outlined A, explained B, and pointed out C"."""
        if len(items) < 2:
            return items[0] if items else ""
        if len(items) == 2:
            return self._("{first} and {last}", "clauses", first=items[0], last=items[1])
        head = items[0]
        for middle in items[1:-1]:
            head = self._("{first}, {next}", "clauses", first=head, next=middle)
        return self._("{first}, and {last}", "clauses", first=head, last=items[-1])

    def day(self, number: int, part: Session) -> dict[str, Any]:
        """Return the item that opens one day of a compiled series."""
        date, short = self.date(part.date, "full"), self.date(part.date, "month_day")
        return {
            "number": None, "kind": "day", "kind_label": "", "at": "", "note": "", "attachments": [], "pulled": "",
            "day": number, "title": self.t(part.title), "date": date, "date_short": short,
            "date_iso": part.date.isoformat(),
            "heading": self._("Day {day}: {date}", day=number, date=date),
            "heading_short": self._("Day {day}: {date}", day=number, date=short),
            "text": "", "agenda": "",
        }

    def entries(self) -> list[dict[str, Any]]:
        """Return the views of the sections and items in file order, each with its address (the one `set` takes);
        the first of a run of actions carried over from one meeting gets an ``intro``."""
        out, previous, came_from = [], None, None
        walked = list(outline.numbered(self.s.proceedings, self.days))
        held = by_address(walked)
        for e in walked:
            if not e.address:
                out.append(self.day(*self.days[e.path[1]]))
                previous = came_from = None
                continue
            item = e.entry
            if is_section(item):
                pulled = [x.address for x in walked if x.section == e.address and getattr(x.entry, "pulled", False)]
                out.append({**outline.section(self, e), **votes_view.section(self, item, pulled)})
                continue
            view = outline.placed(self.item(item, e.address, previous, held.get(e.section)), e, self.s.proceedings)
            came = item.carried_over_from if isinstance(item, Action) else None
            if came and came != came_from:
                view["intro"] = self._("Action items carried over from the meeting of {date}", date=self.date(came))
            came_from = came
            out.append(view)
            if isinstance(item, (Speech, Report)):
                previous = item.speaker if isinstance(item, Speech) else item.presenter
            elif item.kind != "action":  # an action between two speeches of one person does not part them
                previous = None
        return out

    def press(self, session: dict[str, Any]) -> dict[str, Any]:
        pr = self.s.press
        dl = pr.dateline
        day = dl.date or self.s.date
        city = self.t(dl.city) or session["place"]["city"]
        date = self.date(day, "month_day")
        plain = self._("{date}, {city}", "dateline", date=date, city=city) if city else date
        ap = self._("{city}, {date}", "dateline-ap", city=city.upper(), date=date) if city else date
        if dl.agency:
            agency = self._(" ({agency})", "dateline", agency=dl.agency)
            plain, ap = plain + agency, ap + agency
        series = session["series"]
        if self.days:  # a compiled series: the last day's subheadline is about that day only
            sub = session["title"]
        else:
            sub = self.t(pr.subheadline) or (series["text"] if series else "")
        contact = pr.contact.model_dump() if pr.contact else None
        others = [code for code in pr.translations if code != self.lang]
        return {
            "headline": self.t(pr.headline) or session["title"],
            "subheadline": sub,
            "release": self.t(pr.release),
            "lead": rich.block(self.t(pr.lead), self.rich),
            "label": self.t(pr.label), "symbol": pr.symbol or "",
            "date": dates_view.press_date(self, day), "date_iso": day.isoformat(),
            "dateline": {"plain": plain, "ap": ap + " —", "city": city, "date": date, "agency": dl.agency or ""},
            "boilerplate": rich.block(self.t(pr.boilerplate), self.rich),
            "contact": contact,
            "contact_text": self._(", ", "list").join(v for v in (contact or {}).values() if v),
            "translations": self.cat.join([self.cat.language_name(code) for code in others]),
        }

    def build(self) -> dict[str, Any]:
        session = self.session()
        entries = self.entries()
        items = [e for e in entries if e["kind"] != "section"]  # in file order, sections left out (the release)
        sections = [e for e in entries if e["kind"] == "section"]
        attendance = self.attendance()
        attendance_module.movements(self, entries)
        chair_id = self.s.chair
        # People who speak or report are introduced, with their role, in their own paragraph.
        speakers = {i["person"]["id"] for i in items if i["kind"] in ("speech", "report")}
        here = [a for a in attendance if a["status"] in IN_ROOM]
        attended = [g for a in here for g in a["groups"]]
        attended += [p["name"] for a in here for p in a["people"] if p["id"] != chair_id and p["id"] not in speakers]
        guest_people = [p for a in attendance if a["status"] == "guest" for p in a["people"]]
        guests = [p["paren"] for p in guest_people]
        guests += [g for a in attendance if a["status"] == "guest" for g in a["groups"]]
        chair = session["chair"]
        introduced = ([chair_id] if chair_id else []) + [p["id"] for p in guest_people]
        return {
            "lang": self.lang,
            "sep": self.sep,
            "session": session,
            "attendance": attendance,
            "roll": attendance_module.roll(self),
            "attended": self.cat.join(attended),
            "guests": self.cat.join(guests),
            "introduced": introduced,
            "days": [i for i in items if i["kind"] == "day"],
            "chair_on_site": bool(chair and chair["status"] == "present" and self.s.place.mode != "on-site"),
            "entries": entries,
            "items": items,
            "sections": sections,
            "agenda": sections or [i for i in items if i["number"]],
            "show_agenda": self.show_agenda,
            "resolutions": [i for i in items if i["kind"] in ("resolution", "motion")],
            "actions": [i for i in items if i["kind"] == "action"],
            "press": self.press(session),
            "release": self.release(session, items, introduced),
            "style": self.style,
            "signatures": signatories(self, self.settings),
            **styled.view(self, session, items),
            "coverage": coverage.view(self, items, session) if self.style.get("name") == "coverage" else {},
        }

    def release(self, session: dict[str, Any], items: list[dict[str, Any]], introduced: list[str]) -> dict[str, Any]:
        """Return the release's opening sentences, and tell its speeches (``prose``): any template may print them."""
        prose.told(self, items, introduced, self.style.get("attribution") or "role")
        return prose.opening(self, session)


def build(session: Session, cat: Catalog, parts: list[Session] | None = None,
          show_agenda: bool = True, handles: bool = False, style: dict[str, Any] | None = None,
          settings: FolderSettings | None = None) -> dict[str, Any]:
    """Return the view context of ``session`` in the catalog's language.

    ``parts`` are the sessions a compiled series was made of (``series.compile_series``), in date order:
    with them, each day opens with its own heading and the dates span the first to the last day.
    ``show_agenda`` tells the template whether to print the agenda at the top; ``handles`` puts each person's
    handle beside their name (the person's ``handle`` is in the view either way). ``style`` is the resolved
    style (``render.styles.resolve``), seen by the template as ``style``; ``settings`` the session's settings.
    """
    return Builder(session, cat, parts, show_agenda, handles, style, settings).build()
