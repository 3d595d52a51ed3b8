#!/usr/bin/env bash
# Records two monthly meetings of a foundation's board, with its roll call by group (directors, executive
# officers, guests), a roster the folder shares (people.yaml), a late arrival, an early departure, a written
# report by an officer who was not there, and a committee member known by a handle.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "Board of Directors" --date 2025-01-21 --organization "Juniper Software Foundation" --start 10:30 \
  --place "online" --timezone America/New_York
# The people every meeting of this board knows, entered once for the folder:
minutes add-person "Alma Reyes" --role "President" --pronoun she --shared
minutes add-person "Bruno Costa" --role "Treasurer" --pronoun he --shared
minutes add-person "Chidi Okonkwo" --role "Secretary" --pronoun he --shared
minutes add-person "Priya Raman" --handle @praman --alias Raman --role "Release manager" --pronoun she --shared
for name in "Dora Lind" "Emeka Bello" "Frieda Holm" "Goran Petek" "Hiro Tanaka"; do
  minutes add-person "$name" --role Director --shared
done

minutes add-group "Executive officers" --non-voting --always present --always absent
minutes add-group "Guests" --non-voting
for name in "Dora Lind" "Emeka Bello" "Frieda Holm" "Hiro Tanaka"; do
  minutes add-attendee "$name" --as Directors
done
minutes add-attendee "Goran Petek" --as Directors --arrived 10:47
minutes add-attendee "Alma Reyes" --as "Executive officers"
minutes add-attendee "Chidi Okonkwo" --as "Executive officers" --left 11:04
minutes add-attendee "Priya Raman" --as Guests --status guest
minutes set chair "Frieda Holm"
minutes set secretary "Chidi Okonkwo"
minutes set quorum.required 3
minutes set previous_minutes approved

minutes add-section "Call to order"
minutes add-section "Officer reports"
minutes add-section "Resolutions"
minutes goto 1
minutes add-item procedure "The Chair called the meeting to order; a quorum of directors was present." --at 10:32
minutes goto next
minutes add-report "Bruno Costa" --title "Treasurer's report" --at 10:35 \
  --summary "Income for the quarter was 41,300 USD, above the budget; the written report was circulated in advance."
minutes add-speech "@praman" --topic "Release 4.2" --at 10:50 \
  --summary "said that the release candidate had passed the security review."
minutes goto next
minutes add-resolution "Renew the hosting contract for one year" --moved-by Holm --seconded-by Lind \
  --for 5 --against 0 --abstain 0 --result adopted --at 11:10
minutes add-action "Circulate the signed hosting contract" --owner "Alma Reyes" --due 2025-02-18
minutes set adjourned 11:25

minutes new "Board of Directors" --date 2025-02-18 --organization "Juniper Software Foundation" --start 10:30 \
  --place "online" --timezone America/New_York
minutes add-group "Executive officers" --non-voting --always present --always absent
for name in "Dora Lind" "Emeka Bello" "Frieda Holm" "Goran Petek"; do
  minutes add-attendee "$name" --as Directors
done
minutes add-attendee "Hiro Tanaka" --as Directors --status excused
minutes add-attendee "Alma Reyes" --as "Executive officers"
minutes add-attendee "Bruno Costa" --as "Executive officers" --status absent
minutes add-attendee "Chidi Okonkwo" --as "Executive officers"
minutes set chair "Frieda Holm"
minutes set secretary "Chidi Okonkwo"
minutes set quorum.required 3
minutes set previous_minutes approved
minutes add-item procedure "The Chair called the meeting to order." --at 10:31
minutes add-report "Alma Reyes" --title "Hosting contract" --summary "reported that the signed contract had been circulated."
minutes set adjourned 10:55
