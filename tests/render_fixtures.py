"""Sessions built in code for the render tests: a translated congress day and a large generated one."""

from __future__ import annotations

from typing import Any

from minutes.model.schema import Session

CONGRESS: dict[str, Any] = {
    "title": {"en": "2nd International Congress of Solidarity, Day 2", "ru": "2-й Международный конгресс солидарности, день 2",
              "zh": "第二届国际团结大会（第二天）", "de": "2. Internationaler Solidaritätskongress, Tag 2"},
    "kind": "congress-day",
    "series": {"name": {"en": "2nd International Congress of Solidarity", "ru": "2-й Международный конгресс солидарности",
                        "zh": "第二届国际团结大会", "de": "2. Internationaler Solidaritätskongress"}, "part": 2, "of": 2},
    "organization": {"en": "Chinese Executive Committee of the DPRK ISG", "ru": "Китайский исполнительный комитет МГС КНДР",
                     "zh": "朝鲜国际团结小组中国执行委员会", "de": "Chinesisches Exekutivkomitee der DPRK ISG"},
    "date": "2023-07-23",
    "place": {"mode": "online", "city": {"en": "Beijing", "ru": "Пекин", "zh": "北京", "de": "Peking"},
              "platform": "Zoom"},
    "occasion": {"en": "the 70th anniversary of the Victory in the Korean War",
                 "ru": "70-летие Победы в Корейской войне", "zh": "朝鲜战争胜利70周年",
                 "de": "der 70. Jahrestag des Sieges im Koreakrieg"},
    "chair": "li", "secretary": "vera", "adjourned": "18:30", "start": "15:00", "end": "18:30",
    "lang": "en", "tags": ["DPRK ISG", "2nd ICS"], "category": "News",
    "people": [
        {"id": "li", "name": {"en": "Li Jizheng", "ru": "Ли Цзычжэн", "zh": "李继正", "de": "Li Jizheng"},
         "honorific": {"en": "Comrade", "ru": "товарищ", "zh": "同志", "de": "Genosse"}, "pronoun": "he",
         "role": {"en": "Head of the Chinese Executive Committee", "ru": "руководитель Китайского исполнительного комитета",
                  "zh": "中国执行委员会会长", "de": "Leiter des Chinesischen Exekutivkomitees"}},
        {"id": "vera", "name": {"en": "Vera", "ru": "Вера", "zh": "薇拉", "de": "Vera"}, "pronoun": "she",
         "honorific": {"en": "Comrade", "ru": "товарищ", "zh": "同志", "de": "Genossin"},
         "role": {"en": "an activist of our organization", "ru": "активистка нашей организации",
                  "zh": "我组织积极分子", "de": "Aktivistin unserer Organisation"}},
        {"id": "mostov", "name": {"en": "Alexander Mostov", "ru": "Александр Мостов", "zh": "亚历山大·莫斯托夫",
                                  "de": "Alexander Mostow"}, "pronoun": "he",
         "honorific": {"en": "Comrade", "ru": "товарищ", "zh": "同志", "de": "Genosse"},
         "role": {"en": "Chairman of the Coordination Committee", "ru": "Председатель Координационного комитета",
                  "zh": "协调委员会主席", "de": "Vorsitzender des Koordinierungskomitees"}},
    ],
    "attendees": [
        {"group": {"en": "members of the Executive Committee", "ru": "члены Исполнительного комитета",
                   "zh": "执行委员会成员", "de": "Mitglieder des Exekutivkomitees"}, "status": "online"},
        {"person": "li", "status": "present"},
        {"person": "vera", "status": "online"},
        {"person": "mostov", "status": "absent"},
    ],
    "proceedings": [
        {"kind": "ceremony", "text": {"en": "The anthems were played.", "ru": "Прозвучали гимны.",
                                      "zh": "奏唱了革命歌曲。", "de": "Die Hymnen wurden gespielt."}},
        {"kind": "speech", "speaker": "li", "topic": {"en": "Welcome address", "ru": "Приветственное слово",
                                                      "zh": "欢迎致辞", "de": "Begrüßung"},
         "summary": {"en": "welcomed all the participants.", "ru": "приветствовал всех участников.",
                     "zh": "欢迎全体与会者。", "de": "begrüßte alle Teilnehmenden."},
         "points": [{"en": "outlined the history of the Group", "ru": "кратко изложил историю Группы",
                     "zh": "简要介绍了小组的历史", "de": "skizzierte die Geschichte der Gruppe"}]},
        {"kind": "speech", "speaker": "li", "on_behalf_of": "mostov"},
        {"kind": "report", "presenter": "vera",
         "title": {"en": "Negotiations on a truce in Korea", "ru": "Переговоры о перемирии в Корее",
                   "zh": "朝鲜停战谈判", "de": "Die Waffenstillstandsverhandlungen in Korea"},
         "summary": {"en": "emphasized that the victory was a victory for world peace.",
                     "ru": "подчеркнула, что победа стала победой мира во всём мире.",
                     "zh": "强调这一胜利是维护世界和平的胜利。", "de": "betonte, dass der Sieg ein Sieg für den Weltfrieden war."},
         "attachments": [{"file": "photos/slide.png", "caption": {"en": "The first slide", "ru": "Первый слайд",
                                                                  "zh": "第一张幻灯片", "de": "Die erste Folie"}}]},
        {"kind": "discussion", "text": {"en": "Organizational issues were discussed.", "ru": "Обсуждены организационные вопросы.",
                                        "zh": "讨论了组织问题。", "de": "Organisatorische Fragen wurden besprochen."}},
        {"kind": "resolution", "title": {"en": "Congratulatory telegram", "ru": "Поздравительная телеграмма",
                                         "zh": "贺电", "de": "Glückwunschtelegramm"},
         "vote": "acclamation", "result": "adopted", "moved_by": "li"},
        {"kind": "motion", "title": {"en": "Late fee", "ru": "Пеня", "zh": "滞纳金", "de": "Säumnisgebühr"},
         "vote": {"for": 1, "against": 3, "abstain": 1}, "result": "rejected"},
        {"kind": "action", "id": "A1", "task": {"en": "Publish the presentation", "ru": "Опубликовать презентацию",
                                                "zh": "发布演示文稿", "de": "Die Präsentation veröffentlichen"},
         "owner": "vera", "due": "2023-08-01"},
    ],
    "press": {
        "headline": {"en": "Large Online Meeting in China Held", "ru": "В Китае прошло большое онлайн-собрание",
                     "zh": "在中国举行大型线上会议", "de": "Große Online-Versammlung in China"},
        "dateline": {"date": "2023-07-25", "agency": "RSTV"},
        "boilerplate": {"en": "The Group unites activists in many countries.", "ru": "Группа объединяет активистов многих стран.",
                        "zh": "小组团结了许多国家的积极分子。", "de": "Die Gruppe vereint Aktive in vielen Ländern."},
        "contact": {"name": "Press Office", "email": "press@example.org"},
        "translations": ["en", "ru", "zh", "de"],
    },
}


def congress() -> Session:
    """Return the translated congress day."""
    return Session.model_validate(CONGRESS)


DAY1: dict[str, Any] = {
    **CONGRESS,
    "title": {"en": "2nd International Congress of Solidarity, Day 1", "ru": "2-й Международный конгресс солидарности, день 1",
              "zh": "第二届国际团结大会（第一天）", "de": "2. Internationaler Solidaritätskongress, Tag 1"},
    "series": {**CONGRESS["series"], "part": 1},
    "date": "2023-07-22", "start": "15:00", "end": "17:00", "adjourned": "17:00",
    "attendees": [{"person": "mostov", "status": "online"}, {"person": "li", "status": "present"}],
    "proceedings": [
        {"kind": "announcement", "text": {"en": "The Congress was declared open.", "ru": "Конгресс объявлен открытым.",
                                          "zh": "大会宣布开幕。", "de": "Der Kongress wurde für eröffnet erklärt."}},
        {"kind": "speech", "speaker": "mostov",
         "summary": {"en": "greeted the delegates of all countries.", "ru": "приветствовал делегатов всех стран.",
                     "zh": "向各国代表致以问候。", "de": "begrüßte die Delegierten aller Länder."}},
        {"kind": "resolution", "title": {"en": "Agenda of the Congress", "ru": "Повестка дня конгресса",
                                         "zh": "大会议程", "de": "Tagesordnung des Kongresses"},
         "vote": {"for": 30, "against": 0, "abstain": 1}, "result": "adopted"},
    ],
}


def congress_series() -> list[Session]:
    """Return both days of the congress series, in date order: day 1 (July 22) and day 2 (July 23)."""
    return [Session.model_validate(DAY1), congress()]


def approved(session: Session) -> Session:
    """Return ``session`` approved on 2024-04-09 by the Board, with one amendment made after approval."""
    from minutes.model.schema import Amendment, Approval

    return session.model_copy(update={
        "approval": Approval(status="approved", date="2024-04-09", by="the Board", hash="0" * 12),
        "amendments": [Amendment(date="2024-04-20", reason="The treasurer corrected a figure",
                                 change="set item.3.summary")],
    })


def large(items: int = 10_000) -> Session:
    """Return a session with ``items`` proceedings of every kind."""
    people = [{"id": f"p{i}", "name": f"Person {i}", "role": "Member", "pronoun": ("he", "she", "they")[i % 3]}
              for i in range(50)]
    kinds = []
    for i in range(items):
        who = f"p{i % 50}"
        match i % 6:
            case 0:
                kinds.append({"kind": "speech", "speaker": who, "topic": f"Topic {i}",
                              "summary": f"spoke about item {i} and the budget for next year.", "points": ["a point"]})
            case 1:
                kinds.append({"kind": "report", "presenter": who, "title": f"Report {i}", "summary": "reported progress."})
            case 2:
                kinds.append({"kind": "resolution", "title": f"Resolution {i}", "text": "The board resolves.",
                              "vote": {"for": 5, "against": 1, "abstain": 0}, "result": "adopted", "moved_by": who})
            case 3:
                kinds.append({"kind": "action", "id": f"A{i}", "task": f"Do task {i}", "owner": who, "due": "2024-05-01"})
            case _:
                kinds.append({"kind": "discussion", "text": f"Members discussed point {i} at length."})
    return Session.model_validate({
        "title": "Large session", "date": "2024-01-01", "organization": "Big Board", "chair": "p0",
        "people": people, "attendees": [{"person": p["id"]} for p in people], "proceedings": kinds,
    })


# --- helpers shared by the render tests ----------------------------------------------------------

import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*/*.yaml") if p.name not in ("people.yaml", "minutes.yaml"))  # sessions, not rosters or settings
LANGS = ("en", "ru", "zh", "de")
KINDS = ("minutes", "release")


def png(path: Path, width: int = 64, height: int = 32) -> Path:
    """Write a small valid PNG (a red rectangle) to ``path``."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\xcc\x22\x22" * width
    raw = zlib.compress(row * height)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def congress_file(folder: Path) -> Path:
    """Write the translated congress day (and its slide) into ``folder``; return the session file."""
    import yaml

    png(folder / "photos" / "slide.png")
    path = folder / "2023-07-23-congress.yaml"
    path.write_text(yaml.safe_dump(CONGRESS, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
