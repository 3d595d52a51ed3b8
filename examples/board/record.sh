#!/usr/bin/env bash
# Records a regular board meeting with motions, counted votes and action items.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "Regular Board Meeting" --date 2024-03-12 --place "Community Room, 14 Linden Street" \
  --organization "Linden Street Housing Cooperative" --kind regular --start 19:00 --timezone Europe/Berlin
minutes set place.city Berlin
minutes set quorum.required 4

minutes add-attendee "Ana Weber" --role "Chair of the Board" --status present --pronoun she
minutes add-attendee "Ben Okafor" --role "Treasurer" --status present --pronoun he
minutes add-attendee "Chen Li" --role "Secretary" --status present --pronoun she
minutes add-attendee "Dana Kowalski" --role "Board member" --status online --pronoun she
minutes add-attendee "Emil Novak" --role "Board member" --status present --pronoun he
minutes add-attendee "Farah Haddad" --role "Board member" --status excused --pronoun she
minutes add-attendee "Georg Brandt" --role "Building manager" --org "Brandt Facility Services" --status guest --pronoun he
minutes set chair "Ana Weber"
minutes set secretary "Chen Li"
minutes set quorum.present true
minutes set previous_minutes approved

minutes add-item procedure "The Chair called the meeting to order and confirmed the quorum." --at 19:02
minutes add-item procedure "The minutes of the meeting of 13 February 2024 were approved as circulated." --at 19:05
minutes add-report "Ben Okafor" --title "Treasurer's report for the fourth quarter" --at 19:10 \
  --summary "presented the accounts for the fourth quarter; reserves stand at 82,400 EUR." \
  --point "Maintenance costs were 6% under budget." \
  --point "Two households are more than 60 days behind on their payments."
minutes add-report "Georg Brandt" --title "Condition of the roof" --at 19:30 \
  --summary "reported that the roof membrane above the east wing is failing and must be replaced before winter."
minutes add-resolution "Roof replacement" --at 19:50 \
  --text "The Board approves the replacement of the east-wing roof membrane at a cost not exceeding 48,000 EUR, financed from reserves." \
  --moved-by "Ben Okafor" --seconded-by "Emil Novak" --for 4 --against 1 --abstain 0 --result adopted
minutes add-resolution "Late-payment fee" --motion --at 20:05 \
  --text "Introduce a late-payment fee of 25 EUR per month." \
  --moved-by "Dana Kowalski" --seconded-by "Emil Novak" --for 1 --against 3 --abstain 1 --result rejected
minutes add-resolution "Garden committee" --at 20:15 \
  --text "Set up a garden committee and invite members to join it." \
  --moved-by "Chen Li" --result deferred
minutes add-item discussion "Members discussed the summer festival; a proposal will follow at the next meeting." --at 20:20
minutes add-action "Obtain three quotes for the roof replacement" --owner "Georg Brandt" --due 2024-04-05
minutes add-action "Contact the households in arrears and offer payment plans" --owner "Ben Okafor" --due 2024-03-31
minutes add-action "Draft the terms of reference of the garden committee" --owner "Chen Li" --due 2024-04-09
minutes set adjourned 20:41
minutes set end 20:41
minutes set press.headline "Cooperative board approves roof replacement"
minutes set press.dateline.city Berlin
minutes set press.dateline.date 2024-03-13
minutes set press.boilerplate "The Linden Street Housing Cooperative provides affordable homes to 64 member households in Berlin."
minutes set tags "board, housing"
