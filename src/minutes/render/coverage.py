"""Meetings coverage as a press office writes it: the meeting line, a lead made of what was decided, each speech in
reported speech ("NAME (Country) said that …"), the speakers not quoted, the times and the adopted texts."""

from __future__ import annotations

import re
from typing import Any

from minutes.markdown.escape import Md, md_join
from minutes.model import votes
from minutes.render.labels import PERSON_FORMS

Builder = Any  # minutes.render.context.Builder, which imports this module

# The first words a reported sentence may start in lower case ("said that the Group has grown"); any other word
# may be a name ("said that Norland has …") and keeps its capital. German keeps its capitals (its phrase quotes
# the sentence after a colon), Chinese has none.
LOWERED = {
    "en": frozenset("the a an this that these those it its there their they we our all many most some several such "
                    "no every each both more further his her he she".split()),
    "ru": frozenset("это эти этот эта в во на по для с со мы наш наша наше наши все всё многие такие там здесь "
                    "сегодня необходимо нужно".split()),
}
# A capitalised first word that is a verb in the past tense: the summary is a predicate typed as a sentence
# ("Outlined the history of the Group."), the speaker its subject. A word after it in lower case (or a comma)
# tells it from a name ("United Nations").
PAST = {
    "en": re.compile(r"(?:\w+ed|said|spoke|gave|told|took|made|drew|saw|held|began|led|brought|put|set|sought|"
                     r"thought|felt|met|read|went|came|laid|won|underlined|reiterated)$"),
    "ru": re.compile(r"\w+(?:л|ла|ли|лся|лась|лись)$"),
    "de": re.compile(r"\w+te$"),
}
NOT_VERBS = {"en": frozenset("united red bed need seed feed speed".split()),
             "de": frozenset("heute mitte seite rechte letzte erste zweite dritte beste meiste späte".split()),
             "ru": frozenset("генерал совет".split())}
LATER = ("{subject} added that {statement}", "{subject} noted that {statement}",
         "{subject} went on to say that {statement}")  # the sentences of a speech's points, in turn


def _lang(b: Builder, value: Any) -> str:
    """Return the language a text field is shown in: the output language when it is translated, else the session's."""
    own = b.lang.split("-")[0]
    return own if isinstance(value, dict) and (b.lang in value or own in value) or not isinstance(value, dict) and \
        own == b.s.lang.split("-")[0] else b.s.lang.split("-")[0]


def _words(text: str) -> list[str]:
    """Return the first two words of ``text``'s plain letters (a comma after the first is a word of its own)."""
    return re.findall(r"[^\W\d_][\w'’-]*|,", str(text))[:2]


def _recase(text: str, upper: bool) -> str:
    """Return ``text`` (plain or Markdown) with its first letter in lower or upper case, Markdown marks kept."""
    source = str(text)
    at = next((i for i, c in enumerate(source) if c.isalpha()), None)
    if at is None:
        return text
    letter = source[at].upper() if upper else source[at].lower()
    return type(text)(source[:at] + letter + source[at + 1:]) if isinstance(text, Md) else source[:at] + letter + source[at + 1:]


def predicate(text: str, lang: str) -> str | None:
    """Return a summary typed as a sentence that is a predicate ("Outlined the history …") in lower case, else None."""
    rule = PAST.get(lang)
    words = _words(text)
    if rule is None or not words or not words[0][:1].isupper():
        return None
    first = words[0].casefold()
    follows = words[1] if len(words) > 1 else ""
    if first in NOT_VERBS.get(lang, ()) or not rule.match(first) or (follows and follows != "," and follows[:1].isupper()):
        return None
    return _recase(text, upper=False)


def statement(b: Builder, text: str, lang: str) -> str:
    """Return a full sentence to follow "said that": its first word in lower case when it is no name ("the Group";
    in Russian, which capitalises names only, any word but a name of the session's people and delegations)."""
    words = _words(text)
    if not words or words[0][1:] != words[0][1:].lower():  # an acronym or a mixed-case name ("UNESCO", "iPhone")
        return text
    first = words[0].casefold()
    if first in LOWERED.get(lang, ()) or lang == "ru" and first not in _names(b):
        return _recase(text, upper=False)
    return text


def _names(b: Builder) -> frozenset[str]:
    """Return the words of the names of the session's people, their organizations and the body, in every language."""
    texts = [b.s.organization] + [v for p in b.s.roster() for v in (p.name, p.organization)]
    values = [v for t in texts if t for v in (t.values() if isinstance(t, dict) else [t])]
    return frozenset(w.casefold() for v in values for w in re.findall(r"[^\W\d_][\w'’-]*", str(v)))


def ended(text: str) -> str:
    """Return ``text`` ending in a full stop (or the stop it has)."""
    stripped = str(text).rstrip()
    if not stripped or stripped.endswith((".", "!", "?", "。", "！", "？", "…", ".”", ".»", ".“")):
        return text
    return type(text)(stripped + ".") if isinstance(text, Md) else stripped + "."


def joined(b: Builder, sentences: list[str]) -> str:
    """Return sentences as one paragraph, each begun with a capital letter ("He added …"), Markdown when one is."""
    sentences = [_recase(s, upper=True) for s in sentences if s]
    if any(isinstance(s, Md) for s in sentences):
        return md_join(sentences, b.sep)
    return b.sep.join(sentences)


def named(b: Builder, person: dict[str, Any], listed: bool = False) -> str:
    """Return a person as the style attributes them: "Aino Rask (Estmark)", or "Aino Rask, President," (by role; the
    organization when there is no role; ``listed``: without the closing comma, as in a list of speakers)."""
    org = person["organization"]
    if b.style.get("attribution") == "organization" and org:
        return b.cat.paren(person["name"], org)
    detail = person["role"] or org
    if not detail:
        return person["name"]
    form = PERSON_FORMS["full"] if listed else PERSON_FORMS["subject"]
    return b._(form, "person", name=person["name"], titled=person["titled"], role=detail)


def ordinal(b: Builder, number: str) -> str:
    """Return the meeting's number as the output language writes it: "214th" in English, "214-е", "214.", "214"."""
    found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", number.strip())
    if not found or b.lang.split("-")[0] == "en":
        return number
    return b._("{number}", "ordinal", number=found.group(1))


def meeting(b: Builder, session: dict[str, Any]) -> str:
    """Return the body and the meeting: "Regional Council, 214th Meeting (PM)", or the body and the title."""
    body = session["organization"]
    if not session["number"]:
        return b._("{organization}, {title}", "meeting", organization=body, title=session["title"]) if body \
            else session["title"]
    number = ordinal(b, session["number"])
    start = b.s.start
    half = (b._("AM", "meeting") if int(start[:2]) < 12 else b._("PM", "meeting")) if start else ""
    if half:
        return b._("{organization}, {number} Meeting ({half})", organization=body, number=number, half=half) if body \
            else b._("{number} Meeting ({half})", number=number, half=half)
    return b._("{organization}, {number} Meeting", organization=body, number=number) if body \
        else b._("{number} Meeting", number=number)


def _people(b: Builder, ids: list[str]) -> str:
    """Return the members named on one side of a vote: their delegations ("Harland, Orvania"), else their names."""
    return b._(", ", "list").join([b.person(pid)["organization"] or b.person(pid)["name"] for pid in ids])


def counted(b: Builder, vote: Any) -> str:
    """Return a counted vote as coverage reports it: "by a vote of 13 in favour to none against, with 2 abstentions
    (Estmark, Norland)", the members against and abstaining named when the roll call names them."""
    yes, no, abstain = votes.counts(vote)
    favour = b._("{count} in favour", "coverage", count=yes)
    against = b._("1 against" if no == 1 else "{count} against", "coverage", count=no)
    if vote.nays:
        against = b.cat.paren(against, _people(b, vote.nays))
    held = b._("1 abstention" if abstain == 1 else "{count} abstentions", "coverage", count=abstain)
    if vote.abstentions:
        held = b.cat.paren(held, _people(b, vote.abstentions))
    if no and abstain:
        return b._("by a vote of {favour} to {against}, with {abstentions}", favour=favour, against=against,
                   abstentions=held)
    if no:
        return b._("by a vote of {favour} to {against}", favour=favour, against=against)
    if abstain:
        return b._("by a vote of {favour} to none against, with {abstentions}", favour=favour, abstentions=held)
    return b._("by a vote of {favour} to none against", favour=favour)


def how(b: Builder, vote: Any) -> str:
    """Return how the deciding vote went, to follow "adopted …": counted, "by consensus", "without a vote" ("")."""
    if vote is None:
        return ""
    kind = votes.method(vote)
    if kind in ("counted", "roll-call") and votes.counts(vote) is not None:
        return counted(b, vote)
    from minutes.render import votes as votes_view

    return votes_view.manner(b, vote)


def decided(b: Builder, item: Any, view: dict[str, Any], first: bool) -> str:
    """Return the sentence that tells a resolution's fate: "The Council today adopted resolution 12 (2025) by a vote
    of …" (``first``: as the lead), "The Council also adopted …", or that it was not adopted ("" otherwise)."""
    body = b.t(b.s.organization) or b._("meeting", "coverage")
    when = b._("today", "coverage") if b.s.press.dateline.date in (None, b.s.date) else \
        b._("on {date}", "coverage", date=b.date(b.s.date, "month_day"))
    name = view["disposition"] or b._("a resolution entitled “{title}”", "coverage", title=view["title"])
    taken = votes.all_votes(item)
    index = votes.deciding(taken)
    vote = taken[index] if index is not None else None
    manner = how(b, vote)
    unanimous = votes.method(vote) == "unanimous" if vote is not None else False
    if view["passed"] or view["on_consent"]:
        if unanimous:
            msg = "The {body} {when} unanimously adopted {resolution}." if first else \
                "The {body} also unanimously adopted {resolution}."
        elif manner:
            msg = "The {body} {when} adopted {resolution} {vote}." if first else "The {body} also adopted {resolution} {vote}."
        else:
            msg = "The {body} {when} adopted {resolution}." if first else "The {body} also adopted {resolution}."
        return _recase(b._(msg, "coverage", body=body, when=when, resolution=name, vote=manner), upper=True)
    if view["result"] in ("rejected", "failed"):
        msg = "The {body} {when} rejected {resolution} {vote}." if manner else "The {body} {when} rejected {resolution}."
        return _recase(b._(msg, "coverage", body=body, when=when, resolution=name, vote=manner), upper=True)
    return ""


def reported(b: Builder, item: Any, view: dict[str, Any]) -> str:
    """Return one speech or report in reported speech: who said what, then each point as a sentence of its own
    ("" when there is nothing to report: the speaker is then among those also speaking)."""
    person = view["person"]
    pronoun = person["pronoun"]
    subject = named(b, person)
    if view["kind"] == "speech" and view["on_behalf_of"]:
        subject = b._("{subject}, speaking on behalf of {group},", "coverage", subject=subject.rstrip(","),
                      group=view["on_behalf_of"]["name"])
    he = b._("he", pronoun)
    sentences: list[str] = []
    if view["kind"] == "report":
        sentences.append(b._("{subject} presented the report “{title}”.", pronoun, subject=subject,
                             title=view["title"]))
        subject = he
    elif view["topic"] and not view["summary"]:
        sentences.append(b._("{subject} spoke on “{topic}”.", pronoun, subject=subject, topic=view["topic"]))
        subject = he
    summary = view["summary"]
    if summary:
        sentences.append(_said(b, subject, summary, b.t(item.summary), item.summary, pronoun, view["summary_is_clause"]))
    for number, (point, raw) in enumerate(zip(view["points"], item.points)):
        lang = _lang(b, raw)
        clause = predicate(point, lang) or (point if b.source(raw) and view["points_are_clauses"] else None)
        if clause is not None:
            sentences.append(b._("{subject} also {predicate}", pronoun, subject=he, predicate=ended(clause)))
        else:
            sentences.append(b._(LATER[number % len(LATER)], pronoun, subject=he, statement=ended(statement(b, point, lang))))
    return joined(b, sentences)


def _said(b: Builder, subject: str, summary: str, shown: str, raw: Any, pronoun: str, clause: bool) -> str:
    """Return the sentence of a summary: "SUBJECT outlined …" for a predicate, "SUBJECT said that …" for a sentence."""
    lang = _lang(b, raw)
    verb = summary if clause else predicate(summary, lang)
    if verb is not None:
        return b._("{subject} {predicate}", pronoun, subject=subject, predicate=ended(verb))
    return b._("{subject} said that {statement}", pronoun, subject=subject, statement=ended(statement(b, summary, lang)))


def view(b: Builder, items: list[dict[str, Any]], session: dict[str, Any]) -> dict[str, Any]:
    """Return what the coverage template reads: ``meeting``, ``lead`` (written, else made of the first decision),
    ``told`` (each item's sentence or paragraph by its number), ``statements``, ``also_speaking``, ``times`` and the
    adopted ``texts``."""
    found = {e.address: e.entry for e in _walk(b)}
    decisions, told, statements, silent = [], {}, [], []
    for view_ in items:
        item = found.get(view_["number"])
        if view_["kind"] in ("resolution", "motion") and item is not None:
            sentence = decided(b, item, view_, first=not decisions)
            if sentence:
                decisions.append((view_["number"], sentence))
        elif view_["kind"] in ("speech", "report") and item is not None:
            paragraph = reported(b, item, view_)
            if paragraph:
                told[view_["number"]] = paragraph
                statements.append({"number": view_["number"], "text": paragraph, "person": view_["person"]})
            elif view_["person"]["id"] not in [p["id"] for p in silent]:
                silent.append(view_["person"])
    lead = ""
    if b.s.press.lead:
        pass  # the written lead (press.lead) opens the release; every decision is told in the body
    elif decisions:
        lead = decisions.pop(0)[1]
    else:
        body = b.t(b.s.organization)
        lead = b._("The {body} met today on “{title}”.", "coverage", body=body, title=session["title"]) if body \
            else b._("The meeting on “{title}” was held today.", "coverage", title=session["title"])
    told.update(decisions)
    also = [named(b, p, listed=True) for p in silent]
    s = b.s
    end = session["end"] or session["adjourned"]  # as the clock prints them ("" when not recorded)
    if s.start and end:
        times = b._("The meeting began at {start} and ended at {end}.", start=session["start"], end=end)
    elif s.start:
        times = b._("The meeting began at {start}.", start=session["start"])
    else:
        times = ""
    chair = session["chair"]
    texts = [{"title": i["title"], "text": i["text"], "disposition": i["disposition"]} for i in items
             if i["kind"] in ("resolution", "motion") and (i["passed"] or i["on_consent"]) and i["text"]]
    return {
        "meeting": meeting(b, session),
        "lead": lead,
        "told": told,
        "statements": statements,
        "also_speaking": b._("Also speaking were {speakers}.", speakers=b.cat.join(also)) if len(also) > 1 else
        b._("Also speaking was {speakers}.", silent[0]["pronoun"], speakers=also[0]) if also else "",
        "times": times,
        "presided": b._("{subject} presided over the meeting.", chair["pronoun"], subject=named(b, chair))
        if chair else "",
        "texts": texts,
    }


def _walk(b: Builder) -> list[Any]:
    """Return the session's entries with their addresses, as the view numbered them."""
    from minutes.render import outline

    return [e for e in outline.numbered(b.s.proceedings, b.days) if e.address]
