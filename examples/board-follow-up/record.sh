#!/usr/bin/env bash
# The board's next meeting: the March minutes are approved with an amendment, and the April
# meeting carries over the open action items and closes one of them.
# Run it in an empty folder: bash record.sh  (it first records the March meeting with ../board/record.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export SOURCE_DATE_EPOCH=1712620800  # 2024-04-09: approvals and amendments carry the date of the April meeting

bash "$here/../board/record.sh"
march=2024-03-12-regular-board-meeting.yaml

# At the April meeting the March minutes are approved; a figure is then corrected as an amendment.
minutes approve -f "$march" --on 2024-04-09 --by "the Board"
minutes set item.3.summary "said that the reserves stood at 84,200 EUR at the end of the quarter." --lang en \
  -f "$march" --amend "The treasurer corrected the reserves figure at the meeting of 9 April 2024"

minutes new "Regular Board Meeting" --date 2024-04-09 --place "Community Room, 14 Linden Street" \
  --organization "Linden Street Housing Cooperative" --kind regular --start 19:00 --timezone Europe/Berlin \
  --carry-over
minutes add-attendee "Ana Weber" --role "Chair of the Board" --status present --pronoun she
minutes add-attendee "Ben Okafor" --status present
minutes add-attendee "Chen Li" --status present
minutes add-attendee "Dana Kowalski" --role "Board member" --status present --pronoun she
minutes add-attendee "Emil Novak" --role "Board member" --status excused --pronoun he
minutes add-attendee "Farah Haddad" --role "Board member" --status online --pronoun she
minutes set chair "Ana Weber"
minutes set secretary "Chen Li"
minutes set quorum.required 4
minutes set quorum.present true
minutes set previous_minutes amended

minutes add-item procedure "The minutes of the meeting of 12 March 2024 were approved with one amendment: the reserves stood at 84,200 EUR." --at 19:03
minutes done 20240312-1 --note "Three quotes received; the lowest is 44,800 EUR."
minutes add-resolution "Roofing contract" --at 19:20 \
  --text "Award the east-wing roof replacement to the lowest bidder, at 44,800 EUR." \
  --moved-by "Ben Okafor" --seconded-by "Dana Kowalski" --for 5 --against 0 --abstain 0 --result adopted
minutes add-action "Sign the roofing contract" --owner "Ana Weber" --due 2024-04-19
minutes set adjourned 19:58
