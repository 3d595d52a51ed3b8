#!/usr/bin/env bash
# Records the first day of the 2nd International Congress of Solidarity, so that the two days form
# a series (`minutes render . --series "2nd International Congress of Solidarity"`).
# The seed press release covers the second day only; this first day is illustrative.
# Run it in an empty folder: bash record-day1.sh
set -euo pipefail

minutes new "2nd International Congress of Solidarity, Day 1" --date 2023-07-22 --place online \
  --organization "Chinese Executive Committee of the DPRK ISG" \
  --occasion "the 70th anniversary of the Victory in the Korean War" --lang en \
  --kind congress-day --series "2nd International Congress of Solidarity" --part 1 --of 2
minutes set title "第二届国际团结大会（第一天）" --lang zh
minutes set title "2-й Международный конгресс солидарности, день 1" --lang ru
minutes set title "2. Internationaler Solidaritätskongress, Tag 1" --lang de
minutes set series.name "第二届国际团结大会" --lang zh
minutes set series.name "2-й Международный конгресс солидарности" --lang ru
minutes set series.name "2. Internationaler Solidaritätskongress" --lang de
minutes set place.city Beijing
minutes set timezone Asia/Shanghai
minutes set start 15:00

minutes add-attendee "members of the Chinese Executive Committee" --group --status online
minutes add-attendee "Li Jizheng" --honorific Comrade --status present --pronoun he \
  --role "Head of the Chinese Executive Committee of the DPRK ISG and Vice Chairman of the Coordination Committee"
minutes add-attendee "Luan Xinlong" --honorific Comrade --status online --pronoun he \
  --role "Head of the Foreign Relations Department of the Chinese Executive Committee of the DPRK ISG"
minutes set chair "Li Jizheng"
minutes set secretary "Luan Xinlong"
minutes set previous_minutes none

minutes add-item ceremony "The national anthems of China and the DPRK were played." --at 15:00
minutes add-item announcement "The 2nd International Congress of Solidarity in China was declared open." --at 15:05
minutes add-speech "Li Jizheng" --topic "Opening address" --at 15:10 \
  --summary "opened the congress and presented its programme for the two days."
minutes add-resolution "Agenda of the congress" --text "The agenda of the congress was adopted." \
  --moved-by "Li Jizheng" --acclamation --result adopted --at 15:40
minutes add-action "Send the programme of the second day to all participants" --owner "Luan Xinlong" --due 2023-07-22
minutes set adjourned 17:00
minutes set press.headline "2nd International Congress of Solidarity opens in China"
minutes set press.dateline.city Beijing
minutes set press.dateline.date 2023-07-22
minutes set press.dateline.agency RSTV
minutes set tags "DPRK ISG, 2nd ICS"
minutes set category News
