#!/usr/bin/env bash
# Records one call of an open-source project's technical steering committee, as its notes are committed to
# the project's repository: members and an observer known by their handles, a member sending regrets, the
# recording and the meeting's issue as links, one agenda section per issue (each title links to it),
# discussions, decisions by consensus, a counted vote, action items with owners, and the next meeting.
# minutes.yaml beside it (written by hand) renders this folder's minutes in the notes style.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "Larkspur TSC Meeting" --date 2025-03-12 --organization "Larkspur Build Tools" --start 15:00 \
  --timezone UTC
minutes set end 16:00
minutes set place.mode online
minutes set place.platform Jitsi
minutes add-person "Maren Solberg" --handle @msolberg --alias Solberg --pronoun she --shared
minutes add-person "Kwame Asante" --handle @kasante --alias Asante --pronoun he --shared
minutes add-person "Lucía Ferrer" --handle @lferrer --alias Ferrer --pronoun she --shared
minutes add-person "Tobias Wendt" --handle @twendt --alias Wendt --pronoun he --shared
minutes add-person "Yuki Mori" --handle @ymori --alias Mori --pronoun they --shared
minutes add-person "Priyanka Das" --handle @pdas --alias Das --pronoun she --shared
minutes add-group Observers --non-voting --shared
for name in Solberg Asante Ferrer Wendt; do
  minutes add-attendee "$name" --as "TSC members"
done
minutes add-attendee Mori --as "TSC members" --status excused
minutes add-attendee Das --as Observers
minutes set chair Solberg

minutes add-item procedure "The call was streamed and recorded." \
  --attach "https://video.example.org/larkspur/tsc-2025-03-12" --caption "Recording" \
  --attach "https://github.com/larkspur-build/tsc/issues/418" --caption "Meeting issue"
minutes add-section "Announcements"
minutes goto 2
minutes add-item announcement "Larkspur 4.2.0 shipped on March 10; the release notes thank eleven first-time contributors."
minutes add-item announcement "The call for talks of the spring contributor day closes on March 28."
minutes goto top
minutes add-section "Release cadence for the 4.x line [#412](https://github.com/larkspur-build/tsc/issues/412)"
minutes goto 3
minutes add-speech Wendt --summary "Proposed a minor release every eight weeks instead of every six, with patch releases as needed."
minutes add-item discussion "Members agreed that six weeks left too little time for the plugin authors to test release candidates."
minutes add-resolution "Move the 4.x line to an eight-week minor release cycle, starting with 4.3" --consensus --result adopted
minutes add-action "Update RELEASES.md with the eight-week schedule" --owner Wendt --due 2025-03-19
minutes goto top
minutes add-section "Security response rotation [#415](https://github.com/larkspur-build/tsc/issues/415)"
minutes goto 4
minutes add-item discussion "The rotation has three volunteers; a fourth would let each take one week a month."
minutes add-decision "Priyanka Das is invited to join the rotation as an observer until the next election."
minutes add-action "Write the handbook page for the security rotation" --owner Ferrer --due 2025-03-26
minutes goto top
minutes add-section "Charter change: voting by e-mail [#409](https://github.com/larkspur-build/tsc/issues/409)"
minutes goto 5
minutes add-resolution "Allow the TSC to vote by e-mail when a call cannot reach quorum" --for 4 --against 0 \
  --abstain 0 --result adopted --disposition "merged as charter PR #421"
minutes add-action "Merge the charter amendment once the vote is recorded" --owner Solberg --due 2025-03-14
minutes goto top
minutes add-section "Next meeting"
minutes goto 6
minutes add-item announcement "The next call is on 2025-03-26 at 15:00 UTC; the agenda issue opens a week before."
minutes set adjourned 15:58
