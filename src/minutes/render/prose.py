"""The prose of a news release: the view of a speech or report, its opening sentences (the event, its occasion and
its host as each language's press writes them), and ``Teller``, which tells speeches and reports in varied sentences
for a given attribution (the news and coverage styles both use it)."""

from __future__ import annotations

from typing import Any

from minutes.markdown.escape import Md, md_join
from minutes.model.schema import Report, Speech
from minutes.render import grammar, rich
from minutes.render.sentences import first_and_rest, is_predicate

Builder = Any  # minutes.render.context.Builder, which imports this module

# Kinds of session where the organization holds an event (a host); at a board's or council's own meeting the
# organization is the body that meets, and no "hosted by" sentence is written.
EVENT_KINDS = frozenset({"congress-day", "congress", "conference", "forum", "festival", "event", "ceremony", "rally"})
# The patterns of a speech or report whose summary continues a sentence, taken in turn so that no two follow alike.
SPEECH_PATTERNS = ("Speaking on “{topic},” {subject} {summary}", "In a speech on “{topic},” {subject} {summary}")
REPORT_PATTERNS = ("Presenting a report on “{title},” {subject} {summary}",
                   "{subject} delivered a report on “{title},” in which {pronoun} {summary}")
UNTITLED_PATTERNS = ("In his speech, {subject} {summary}", "Taking the floor, {subject} {summary}")
# The first sentence: the event held (with or without a place) or the body that met.
OPENINGS = ("On {date}, {event} was held {where}.", "On {date}, {event} took place.", "On {date}, {event} met {where}.",
            "On {date}, {event} met.")


def speech_view(b: Builder, item: Speech | Report) -> dict[str, Any]:
    """Return the view of a speech or report: its speaker, summary (and whether it continues a sentence) and points."""
    t = b.t
    who = item.speaker if isinstance(item, Speech) else item.presenter
    person = b.person(who, item.role if isinstance(item, Speech) else None)
    summary = rich.summary(t(item.summary), b.rich)
    points = [rich.point(t(p), b.rich) for p in item.points]
    # Clauses are read from the session's own language: a Chinese predicate has no capital letter.
    source = b.source(item.summary)
    predicate = bool(source) and is_predicate(source, b.s.lang)  # "Outlined the history …": a clause typed as a sentence
    clauses = bool(points) and all(_continues(b, b.source(p), whole=True) for p in item.points)
    if clauses:
        points = [grammar.lower_first(p) for p in points]
    return {
        "person": person, "summary": summary, "summary_is_clause": rich.clause(source, b.rich),
        "predicate": grammar.lower_first(summary) if predicate else "",
        "points": points, "points_are_clauses": clauses,
        "points_text": b.clauses([p.rstrip(".。") for p in points]) if clauses else "",
        "capacity": t(item.role) if isinstance(item, Speech) else "",
        "in_language": in_language(b, item.summary),
    }


def in_language(b: Builder, value: Any) -> bool:
    """Return whether a text is written in the output language (a phrase may then be built around its sentences)."""
    if isinstance(value, str) or value is None:
        return b.lang.split("-")[0] == b.s.lang.split("-")[0]
    return b.lang in value or b.lang.split("-")[0] in value


def _continues(b: Builder, text: str, whole: bool = False) -> bool:
    """Return whether a source text continues a sentence, typed as a predicate with or without its capital."""
    return rich.clause(text, b.rich, whole) or (bool(text) and is_predicate(text, b.s.lang))


def event(b: Builder, session: dict[str, Any]) -> dict[str, Any]:
    """Return the event as the subject of the release's first sentence: its text, its gender and whether it "met"."""
    series = session["series"]
    title = session["title"]
    source = b.source(b.s.series.name) if series else b.source(b.s.title)
    if series:
        name, met = series["name"], False
    elif "," in title or ":" in title or " – " in title or " — " in title:  # "…, Day 2": not a name for a sentence
        return {"text": b._("the meeting “{title}”", "event", title=title), "gender": "it", "met": False}
    else:
        name, met = title, not grammar.names_meeting(source)
    if b.lang.startswith("ru") and not met and name[:1].isupper() and name[1:].split(" ", 1)[-1][:1].islower():
        name = grammar.lower_first(name)  # "Очередное заседание правления" inside a sentence
    text = grammar.definite(name, b.lang)
    if text is None or grammar.gender(name, b.lang) is None:  # a German article, a Russian verb's ending not known
        return {"text": b._("the meeting “{title}”", "event", title=name), "gender": "it", "met": False}
    return {"text": text, "gender": grammar.gender(name, b.lang) or "it", "met": met}


def opening(b: Builder, session: dict[str, Any]) -> dict[str, str]:
    """Return the generated opening sentences: the event (``event``), its occasion and its host (``hosted``)."""
    ev = event(b, session)
    where, date = session["place"]["where"], session["dates_short"]
    msg = OPENINGS[(2 if ev["met"] else 0) + (0 if where else 1)]
    first = b._(msg, ev["gender"], date=date, event=ev["text"], where=where)
    occasion = session["occasion"]
    marked = b._("The meeting marked {occasion}.", grammar.gender(occasion, b.lang) or "it", occasion=occasion) \
        if occasion else ""
    org = session["organization"]
    hosted = ""
    if org and org not in ev["text"] and not ev["met"] and (b.s.kind in EVENT_KINDS or b.s.series):
        host = grammar.definite(org, b.lang)
        hosted = b._("It was hosted by {organization}.", grammar.gender(org, b.lang) or "he", organization=host or org)
    return {"event": _capital(first), "occasion": marked, "hosted": hosted}


def joined(sep: str, sentences: list[str]) -> str:
    """Return ``sentences`` (the empty left out) joined by ``sep``: Markdown when one of them is."""
    parts = [x for x in sentences if x]
    if any(isinstance(x, Md) for x in parts):
        return md_join(parts, sep)
    return sep.join(parts)


def _capital(text: str) -> str:
    """Return ``text`` with its first letter capitalised (a sentence that starts with the event's name)."""
    for i, char in enumerate(str(text)):
        if char.isalpha():
            out = str(text)[:i] + char.upper() + str(text)[i + 1:]
            return Md(out) if isinstance(text, Md) else out
        if char not in " \\*_\"'“«„(":
            break
    return text


class Teller:
    """Tell the speeches and reports of one release in turn: each speaker introduced once, the patterns varied."""

    def __init__(self, b: Builder, introduced: list[str], attribution: str = "role"):
        self.b = b
        self.seen = set(introduced)
        self.attribution = attribution
        self.turn = 0

    def subject(self, item: dict[str, Any]) -> str:
        """Return how the speaker is named: with the role (or organization) the first time, else with the honorific."""
        p = item["person"]
        if self.attribution == "organization":
            return self.b._("{name} ({organization})", "person", name=p["titled"], organization=p["organization"]) \
                if p["organization"] else p["titled"]
        return p["titled"] if p["id"] in self.seen and not item["capacity"] else p["subject"]

    def tell(self, item: dict[str, Any]) -> dict[str, Any]:
        """Return a speech or report as sentences: {"text": its paragraph, "points_heading": before a list of points}."""
        b, p = self.b, item["person"]
        pronoun = p["pronoun"]
        subject = self.subject(item)
        self.seen.add(p["id"])
        he = b._("he", pronoun)
        if item["kind"] == "speech" and item["on_behalf_of"]:
            return {"text": self._address(item, subject, he), "points_heading": self._points_heading(item)}
        summary = item["predicate"] or item["summary"]
        clause = bool(item["predicate"]) or item["summary_is_clause"]
        points = item["points_are_clauses"]
        if not summary and points:
            summary, clause, points = b._("{text}.", "sentence", text=item["points_text"]), True, False
        sentences = []
        if summary and clause:
            sentences.append(self._clause(item, subject, he, summary))
        else:
            sentences.append(self._intro(item, subject))
            if summary:
                sentences.append(self._statement(summary, he, pronoun) if item["in_language"] else summary)
        if summary and points:
            sentences.append(b._("He also {points}.", pronoun, points=item["points_text"]))
        return {"text": joined(b.sep, [_capital(s) for s in sentences]), "points_heading": self._points_heading(item)}

    def _intro(self, item: dict[str, Any], subject: str) -> str:
        """Return "X delivered a speech on “T.”" (or a report, or a speech without a topic)."""
        b, pronoun = self.b, item["person"]["pronoun"]
        if item["kind"] == "report":
            return b._("{subject} delivered a report on “{title}.”", pronoun, subject=subject, title=item["title"])
        if item["topic"]:
            return b._("{subject} delivered a speech on “{topic}.”", pronoun, subject=subject, topic=item["topic"])
        return b._("{subject} delivered a speech.", pronoun, subject=subject)

    def _clause(self, item: dict[str, Any], subject: str, he: str, summary: str) -> str:
        """Return the speech told with its summary as the predicate, in this turn's pattern."""
        b, pronoun = self.b, item["person"]["pronoun"]
        turn, self.turn = self.turn, self.turn + 1
        if turn % 3 == 0 and (item["kind"] == "report" or item["topic"]):  # introduced, then "In his speech, he …"
            again = b._("In his report, {subject} {summary}" if item["kind"] == "report" else
                        "In his speech, {subject} {summary}", pronoun, subject=he, summary=summary)
            return joined(b.sep, [self._intro(item, subject), _capital(again)])
        if item["kind"] == "report":
            msg = REPORT_PATTERNS[turn % 2]
            return b._(msg, pronoun, subject=subject, title=item["title"], pronoun=he, summary=summary)
        if item["topic"]:
            return b._(SPEECH_PATTERNS[turn % 2], pronoun, subject=subject, topic=item["topic"], summary=summary)
        return b._(UNTITLED_PATTERNS[turn % 2], pronoun, subject=subject, summary=summary)

    def _statement(self, summary: str, he: str, pronoun: str) -> str:
        """Return a summary typed as sentences, its first attributed: "The Group has grown, he said."."""
        parts = first_and_rest(summary)
        if parts is None or not parts[0].strip():
            return summary
        said = self.b._("{statement}, {subject} said.", pronoun, statement=parts[0], subject=he)
        if parts[1].startswith("\n\n"):  # the summary's next paragraph stays one
            return joined("", [said, parts[1]])
        return joined(self.b.sep, [said, parts[1]])

    def _address(self, item: dict[str, Any], subject: str, he: str) -> str:
        """Return an address read out on behalf of its author, and what it said."""
        b, p = self.b, item["person"]
        author = item["on_behalf_of"]
        if item["same_person"]:
            text = b._("Then he read out the address of {author}.", p["pronoun"], author=author["author"])
        else:
            text = _capital(b._("Then {subject} read out the address of {author}.", p["pronoun"], subject=subject,
                                author=author["author"]))
        summary = item["predicate"] or item["summary"]
        if summary:
            clause = bool(item["predicate"]) or item["summary_is_clause"]
            said = b._("In the address, {subject} {summary}", subject=author["titled"], summary=summary) if clause \
                else self._statement(summary, author["titled"], author["pronoun"]) if item["in_language"] else summary
            text = joined(b.sep, [text, said])
        return text

    def _points_heading(self, item: dict[str, Any]) -> str:
        """Return the line before a speech's points when they are not clauses ("Key points of his report:")."""
        if not item["points"] or item["points_are_clauses"]:
            return ""
        return self.b._("Key points of his speech:" if item["kind"] == "speech" else "Key points of his report:",
                        item["person"]["pronoun"])


def told(b: Builder, items: list[dict[str, Any]], introduced: list[str], attribution: str) -> None:
    """Add to each speech and report of ``items`` its sentences (``told``), told in file order by one ``Teller``."""
    teller = Teller(b, introduced, attribution)
    for item in items:
        if item["kind"] in ("speech", "report"):
            item["told"] = teller.tell(item)
        elif item["kind"] == "resolution" and grammar.names_document(str(item["title"])):
            item["document"] = grammar.document(item["title"], b.lang)  # "the congratulatory telegram to …"
