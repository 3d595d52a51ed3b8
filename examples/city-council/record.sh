#!/usr/bin/env bash
# Records two regular meetings of a city council of seven members, deciding in every way the format knows:
# a consent calendar adopted by one vote with an item pulled, roll calls with an explanation of vote, an
# amendment voted before the main question, a two-thirds vote that fails, a unanimous vote with its count,
# a voice vote, general consent on a block of reports, a secret ballot, a referral with the council's own
# wording, a decision without a vote, and the review of the first meeting's action items at the second.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "City Council" --date 2025-03-04 --organization "City of Alder Creek" --start 19:00 \
  --place "Council Chambers, 100 Main Street" --timezone America/Los_Angeles
minutes add-person "Rosa Albright" --role Mayor --pronoun she --shared
minutes add-person "Tomas Baca" --role "Mayor Pro Tem" --pronoun he --shared
minutes add-person "Chen Wei" --role Councilmember --pronoun he --shared
minutes add-person "Dana Kowalski" --role Councilmember --pronoun she --shared
minutes add-person "Elias Moreno" --role Councilmember --pronoun he --shared
minutes add-person "Fatima Noor" --role Councilmember --pronoun she --shared
minutes add-person "Greg Olsen" --role Councilmember --pronoun he --shared
minutes add-person "Hana Ito" --role "City Clerk" --pronoun she --shared
minutes add-person "Ivan Petrov" --role "City Manager" --pronoun he --shared
minutes add-group Staff --non-voting --shared
for name in Albright Baca Chen Kowalski Moreno Noor Olsen; do
  minutes add-attendee "$name" --as Council
done
minutes add-attendee Ito --as Staff
minutes add-attendee Petrov --as Staff
minutes set chair Albright
minutes set secretary Ito
minutes set quorum.required 4
minutes set previous_minutes approved

minutes add-section "Call to order and roll call"
minutes add-section "Consent calendar" --consent
minutes add-section "Public hearings"
minutes add-section "Commission reports"
minutes add-section "New business"
minutes goto 1
minutes add-item procedure "The Mayor called the meeting to order; all seven members were present." --at 19:02
minutes goto 2
minutes add-resolution "Approve the minutes of the meeting of February 18, 2025"
minutes add-resolution "Receive the warrant register for February"
minutes add-resolution "Award the street resurfacing contract to Valley Paving" --text "Not to exceed 412,000 USD."
minutes add-resolution "Second reading of the parking ordinance"
minutes pull 2.3
minutes add-vote 2 --unanimous --for 7 --result adopted
minutes add-vote 2.3 --aye Albright,Baca,Chen,Moreno,Noor --nay Kowalski --abstain Olsen \
  --explain "Kowalski: The bid came in a week before the meeting; the council had no time to read it." \
  --result adopted --disposition "Resolution No. 2025-14"
minutes goto 3
minutes add-resolution "Rezone 18 Orchard Lane for mixed use" --motion --moved-by Baca --seconded-by Noor --at 19:40
minutes add-vote 3.1 --on "the amendment to keep the height limit at three storeys" --for 5 --against 2 --result carried
minutes add-vote 3.1 --aye Albright,Baca,Chen,Moreno,Noor,Olsen --nay Kowalski --result adopted \
  --disposition "PASSED TO SECOND READING MARCH 18, 2025"
minutes goto 4
minutes add-report Moreno --title "Parks commission" --summary "The new playground opens in May."
minutes add-report Noor --title "Library commission" --summary "Weekend hours are extended from April."
minutes add-vote 4 --general-consent --result adopted
minutes goto 5
minutes add-resolution "Amend the charter to add two council seats" --threshold two-thirds --for 4 --against 3 \
  --result failed --at 20:15
minutes add-resolution "Request a traffic study on Elm Street" --motion --moved-by Chen --voice --result referred \
  --disposition "REFERRED TO THE TRANSPORTATION COMMISSION"
minutes add-resolution "Appoint a member to the planning commission" --ballot --for 5 --against 2 --abstain 0 \
  --result adopted
minutes add-resolution "Thank the volunteers of the winter shelter" --acclamation --result adopted
minutes add-decision "The council will hold its budget workshop on April 8 instead of April 1."
minutes add-action "Publish the resurfacing schedule" --owner Petrov --due 2025-03-18
minutes add-action "Propose dates for a joint session with the school board" --owner-group "the City Manager's office" \
  --due "before the summer recess"
minutes set adjourned 20:40

minutes new "City Council" --date 2025-03-18 --organization "City of Alder Creek" --start 19:00 \
  --place "Council Chambers, 100 Main Street" --timezone America/Los_Angeles
for name in Albright Baca Chen Kowalski Moreno Noor; do
  minutes add-attendee "$name" --as Council
done
minutes add-attendee Olsen --as Council --status excused
minutes add-attendee Ito --as Staff
minutes set chair Albright
minutes set secretary Ito
minutes set quorum.required 4
minutes set previous_minutes approved
minutes add-section "Review of action items"
minutes add-section "Unfinished business"
minutes goto 1
minutes review 20250304-1 --status "COMPLETE: the schedule is on the city's website" --done
minutes review 20250304-2 --status "Two dates proposed; the school board answers in April"
minutes goto 2
minutes add-resolution "Second reading: rezone 18 Orchard Lane for mixed use" --motion --moved-by Baca --seconded-by Noor \
  --unanimous --for 6 --result adopted --disposition "Ordinance No. 2025-03"
minutes add-item discussion "Members asked for the parking ordinance to be reviewed after six months."
minutes add-vote 2.1 --on "reconsideration" --consensus --result no-action
minutes set adjourned 19:55
