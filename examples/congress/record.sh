#!/usr/bin/env bash
# Records the second day of the 2nd International Congress of Solidarity (the seed press release)
# with minutes commands. Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "2nd International Congress of Solidarity, Day 2" --date 2023-07-23 --place online \
  --organization "Chinese Executive Committee of the DPRK ISG" \
  --occasion "the 70th anniversary of the Victory in the Korean War" --lang en \
  --kind congress-day --series "2nd International Congress of Solidarity" --part 2 --of 2
minutes set title "第二届国际团结大会（第二天）" --lang zh
minutes set title "2-й Международный конгресс солидарности, день 2" --lang ru
minutes set title "2. Internationaler Solidaritätskongress, Tag 2" --lang de
minutes set place.city Beijing
minutes set place.platform "video conference"
minutes set timezone Asia/Shanghai

minutes add-attendee "members of the Chinese Executive Committee" --group --status online
minutes add-attendee "activists of our organization" --group --status online
minutes add-attendee "Li Jizheng" --honorific Comrade --status present --pronoun he \
  --role "Head of the Chinese Executive Committee of the DPRK ISG and Vice Chairman of the Coordination Committee"
minutes add-attendee "Luan Xinlong" --honorific Comrade --status online --pronoun he \
  --role "Head of the Foreign Relations Department of the Chinese Executive Committee of the DPRK ISG"
minutes add-attendee "Vera" --honorific Comrade --role "activist of our organization" --status online --pronoun she
minutes add-attendee "Alexander Mostov" --honorific Comrade --status absent --pronoun he \
  --role "Chairman of the Coordination Committee of the DPRK ISG, the Leader of our organization"
minutes set chair "Li Jizheng"

minutes add-item ceremony 'The immortal revolutionary hymns "Song of Commander Kim Il Sung" and "Song of Commander Kim Jong Il" were played.'
minutes add-item announcement "The 2nd International Congress of Solidarity in China was declared open."
minutes add-item announcement "The second day of the Congress began."
minutes add-speech "Li Jizheng" --topic "Welcome address" \
  --summary "welcomed all the participants of the congress and congratulated everyone on the upcoming Victory Day in the Korean War." \
  --point "briefly outlined the development history and current situation of the Group" \
  --point "explained the Group's main views on the international political situation" \
  --point "pointed out that the Chinese Executive Committee should carry out friendly cooperation with representatives of all walks of life in China, and make progress in cultural tourism and trade"
minutes add-speech "li jiz" --on-behalf-of "Alexander Mostov" --topic "Address of the Chairman of the Coordination Committee"
cat <<'TEXT' | minutes add-speech "Luan Xinlong" --topic "Trade between China and the DPRK" --summary -
spoke briefly about the current trade situation between China and the DPRK, as well as the economic development of the DPRK. He believes that after the opening of the borders of the DPRK, the volume of imports and exports will increase sharply, and that the Group has every reason and opportunity to contribute to the economic cooperation between China and the DPRK.
TEXT
minutes add-report "Li Jizheng" --title "Proletarian Internationalism in the Korean War" \
  --summary "highly appreciated the spiritual support and material assistance provided to the DPRK by the progressive forces of the world during the years of the Korean War. All this reflects the solidarity of the socialist camp and the spirit of proletarian internationalism." \
  --point "China sent the Chinese People's Volunteer Army to support the DPRK" \
  --point "the Soviet Union sent its air force, military advisers, intelligence specialists, medical personnel and engineers" \
  --point "the German Democratic Republic provided financial and material assistance"
minutes add-report "Vera" --title "Negotiations on a truce in Korea" \
  --summary "emphasized that the great victory in the Patriotic War of Liberation is a great victory for the peoples and armies of China and Korea fighting in unity, and a great victory for maintaining world peace and human progress."
minutes add-item discussion "Organizational issues were discussed."
minutes add-resolution "Congratulatory telegram to Comrade Kim Jong Un" \
  --text "A congratulatory telegram addressed to the great Comrade Kim Jong Un was adopted." --acclamation --result adopted
minutes add-item announcement "The Chinese Executive Committee presented the main activities of the DPRK International Solidarity Group." \
  --at 17:45 --attach photos/presentation.png \
  --caption "The presentation of the Chinese Executive Committee"
minutes add-action "Publish the presentation of the Chinese Executive Committee with the photos" --owner "Luan Xinlong" --due 2023-08-01
minutes set adjourned 18:30

minutes set press.headline "Large Online Meeting in China Held"
minutes set press.headline "在中国举行大型线上会议" --lang zh
minutes set press.headline "В Китае прошло большое онлайн-собрание" --lang ru
minutes set press.headline "Große Online-Versammlung in China abgehalten" --lang de
minutes set press.subheadline "Second Day of the 2nd International Congress of Solidarity"
minutes set press.dateline.city Beijing
minutes set press.dateline.date 2023-07-25
minutes set press.dateline.agency RSTV
minutes set press.boilerplate "The DPRK International Solidarity Group (DPRK ISG) unites activists in many countries who support friendship and cooperation with the Democratic People's Republic of Korea."
minutes set press.translations "en, ru, zh, de"
minutes set tags "DPRK ISG, 2nd ICS"
minutes set category News
