#!/usr/bin/env bash
# Records the 214th meeting of the Regional Council of the Northern Waters Compact (an invented treaty body) for
# its press office's meetings coverage: eight delegations, a chair, a resolution adopted by a recorded vote with
# two abstentions and its full text, five statements (some typed as full sentences, as most users type them) and
# a speaker with nothing quoted. Then the Russian texts. The folder's minutes.yaml (written by hand) makes the
# release a meetings coverage: minutes render --kind release.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "Regional Council" --date 2025-10-14 --organization "Regional Council of the Northern Waters Compact" \
  --start 15:06 --place "Compact House, Harvik"
minutes set number 214th
minutes set end 16:12
minutes add-attendee "Aino Rask" --org Estmark --role "President of the Regional Council" --pronoun she --as Delegations
minutes add-attendee "Tomas Lindqvist" --org Norland --pronoun he --as Delegations
minutes add-attendee "Marta Kovač" --org Valdoria --pronoun she --as Delegations
minutes add-attendee "Pieter Aalst" --org Lowmark --pronoun he --as Delegations
minutes add-attendee "Sofia Brennan" --org Kestria --pronoun she --as Delegations
minutes add-attendee "Jonas Vilde" --org Harland --pronoun he --as Delegations
minutes add-attendee "Leila Haddad" --org Sarvia --pronoun she --as Delegations
minutes add-attendee "Chen Mei" --org Orvania --pronoun she --as Delegations
minutes set chair Rask

minutes add-item procedure "The Council adopted its agenda without objection."
minutes add-speech Lindqvist \
  --summary "introduced the draft on behalf of its sponsors, noting that the four basins of the Compact supply drinking water to eleven million people." \
  --point "The text was negotiated over six rounds of informal consultations."
cat <<'TEXT' | minutes add-resolution "Shared river basins of the Northern Waters Compact" --text - \
  --aye Rask,Lindqvist,Kovač,Aalst,Brennan,Haddad --abstain Vilde,Chen --result adopted \
  --disposition "resolution 12 (2025)"
*The Regional Council,*

*Recalling* the Convention on the Northern Waters of 1998 and its protocol on data exchange,

*Concerned* that the flow of the Harva and the Lesse fell by a fifth over the last decade,

1. *Establishes* a joint monitoring network for the four shared basins of the Compact;
2. *Requests* the Secretariat to publish the network's readings every month, free of charge;
3. *Calls upon* the Parties to report any planned abstraction above 5 cubic metres per second;
4. *Decides* to review the network at its 230th meeting.
TEXT
minutes add-speech Kovač --summary "Welcomed the adoption and called for the network to begin its work before the spring floods."
minutes add-speech Vilde --summary "The text moves too fast for the upstream States, which bear most of its costs." \
  --point "asked that the review be brought forward by one year"
minutes add-speech Chen --summary "Orvania supports the aims of the resolution but could not accept the reporting threshold in paragraph 3."
minutes add-speech Brennan --summary "stressed that the readings of the network must be free for every Party and for the public."
minutes add-speech Aalst

minutes set press.label "Meetings Coverage"
minutes set press.symbol NWC/RC/1187
minutes set press.headline "Regional Council Establishes Joint Monitoring Network for Shared River Basins"
minutes set press.subheadline "Two Delegations Abstain, Citing Costs for Upstream States"
minutes set press.translations "en, ru"

# --- Russian ----------------------------------------------------------------------------------------------
minutes set title "Региональный совет" --lang ru
minutes set organization "Региональный совет Пакта северных вод" --lang ru
minutes set person.aino-rask.name "Айно Раск" --lang ru
minutes set person.aino-rask.organization "Эстмарк" --lang ru
minutes set person.aino-rask.role "Председатель Регионального совета" --lang ru
minutes set person.tomas-lindqvist.name "Томас Линдквист" --lang ru
minutes set person.tomas-lindqvist.organization "Норланд" --lang ru
minutes set person.marta-kovac.name "Марта Ковач" --lang ru
minutes set person.marta-kovac.organization "Валдория" --lang ru
minutes set person.pieter-aalst.name "Питер Аалст" --lang ru
minutes set person.pieter-aalst.organization "Лоумарк" --lang ru
minutes set person.sofia-brennan.name "София Бреннан" --lang ru
minutes set person.sofia-brennan.organization "Кестрия" --lang ru
minutes set person.jonas-vilde.name "Йонас Вильде" --lang ru
minutes set person.jonas-vilde.organization "Харланд" --lang ru
minutes set person.leila-haddad.name "Лейла Хаддад" --lang ru
minutes set person.leila-haddad.organization "Сарвия" --lang ru
minutes set person.chen-mei.name "Чэнь Мэй" --lang ru
minutes set person.chen-mei.organization "Орвания" --lang ru
minutes set item.1.text "Совет без возражений утвердил повестку дня." --lang ru
minutes set item.2.summary "представил проект от имени его авторов, отметив, что четыре бассейна Пакта снабжают питьевой водой одиннадцать миллионов человек." --lang ru
minutes set item.2.points.1 "Текст был согласован в ходе шести раундов неофициальных консультаций." --lang ru
minutes set item.3.title "Общие речные бассейны Пакта северных вод" --lang ru
minutes set item.3.disposition "резолюция 12 (2025)" --lang ru
cat <<'TEXT' | minutes set item.3.text - --lang ru
*Региональный совет,*

*ссылаясь* на Конвенцию о северных водах 1998 года и протокол к ней об обмене данными,

*будучи обеспокоен* тем, что за последнее десятилетие сток Харвы и Лессе сократился на пятую часть,

1. *учреждает* совместную сеть мониторинга четырёх общих бассейнов Пакта;
2. *просит* Секретариат ежемесячно и бесплатно публиковать показания сети;
3. *призывает* Стороны сообщать о любом планируемом водозаборе свыше 5 кубических метров в секунду;
4. *постановляет* провести обзор работы сети на своём 230-м заседании.
TEXT
minutes set item.4.summary "Приветствовала принятие резолюции и призвала запустить сеть до весеннего паводка." --lang ru
minutes set item.5.summary "Этот текст слишком быстро продвигается для государств верхнего течения, на которые ложится основная часть расходов." --lang ru
minutes set item.5.points.1 "попросил перенести обзор на год раньше" --lang ru
minutes set item.6.summary "Орвания поддерживает цели резолюции, но не может согласиться с порогом уведомления в пункте 3." --lang ru
minutes set item.7.summary "подчеркнула, что показания сети должны быть бесплатными для каждой Стороны и для общественности." --lang ru
minutes set press.label "Освещение заседаний" --lang ru
minutes set press.headline "Региональный совет учредил совместную сеть мониторинга общих речных бассейнов" --lang ru
minutes set press.subheadline "Две делегации воздержались, сославшись на расходы государств верхнего течения" --lang ru
