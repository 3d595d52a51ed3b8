#!/usr/bin/env bash
# Records the second day of the 2nd International Congress of Solidarity (the seed press release)
# with minutes commands, in English, then adds the Russian, Chinese and German texts.
# Run it in an empty folder: bash record.sh
set -euo pipefail

minutes new "2nd International Congress of Solidarity, Day 2" --date 2023-07-23 --place online \
  --organization "Chinese Executive Committee of the DPRK ISG" \
  --occasion "the 70th anniversary of the Victory in the Korean War" --lang en \
  --kind congress-day --series "2nd International Congress of Solidarity" --part 2 --of 2
minutes set place.city Beijing
minutes set timezone Asia/Shanghai

minutes add-attendee "members of the Chinese Executive Committee" --group --status online
minutes add-attendee "activists of our organization" --group --status online
minutes add-attendee "Li Jizheng" --honorific Comrade --status present --pronoun he \
  --role "Head of the Chinese Executive Committee of the DPRK ISG and Vice Chairman of the Coordination Committee"
minutes add-attendee "Luan Xinlong" --honorific Comrade --status online --pronoun he \
  --role "Head of the Foreign Relations Department of the Chinese Executive Committee of the DPRK ISG"
minutes add-attendee "Vera" --honorific Comrade --role "an activist of our organization" --status online --pronoun she
minutes add-attendee "Alexander Mostov" --honorific Comrade --status absent --pronoun he \
  --role "Chairman of the Coordination Committee of the DPRK ISG, the Leader of our organization"
minutes set chair "Li Jizheng"

minutes add-item ceremony 'The immortal revolutionary hymns "Song of Commander Kim Il Sung" and "Song of Commander Kim Jong Il" were played.'
minutes add-item announcement "The 2nd International Congress of Solidarity in China was declared open."
minutes add-item announcement "The second day of the Congress began."
minutes add-speech "Li Jizheng" \
  --summary "welcomed all the participants of the congress and congratulated everyone on the upcoming Victory Day in the Korean War." \
  --point "briefly outlined the history and the current situation of the Group" \
  --point "explained the Group's main views on the international political situation" \
  --point "pointed out that the Chinese Executive Committee should in future cooperate in friendship with people from all walks of life in China and make progress in cultural tourism and trade"
minutes add-speech "li jiz" --on-behalf-of "Alexander Mostov" --topic "Address of the Chairman of the Coordination Committee"
cat <<'TEXT' | minutes add-speech "Luan Xinlong" --topic "Trade between China and the DPRK" --summary -
spoke briefly about the current trade situation between China and the DPRK, as well as the economic development of the DPRK. He believes that after the opening of the borders of the DPRK, the volume of imports and exports will increase sharply, and that the Group has every reason and opportunity to contribute to the economic cooperation between China and the DPRK.
TEXT
minutes add-report "Li Jizheng" --title "Proletarian Internationalism in the Korean War" \
  --summary "highly appreciated the spiritual support and material assistance provided to the DPRK by the progressive forces of the world during the years of the Korean War. All this reflects the solidarity of the socialist camp and the spirit of proletarian internationalism." \
  --point "China sent the Chinese People's Volunteer Army to support the DPRK" \
  --point "The Soviet Union sent its air force, military advisers, intelligence specialists, medical personnel and engineers" \
  --point "The German Democratic Republic provided financial and material assistance"
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
minutes set press.subheadline "Second Day of the 2nd International Congress of Solidarity"
minutes set press.dateline.city Beijing
minutes set press.dateline.date 2023-07-25
minutes set press.dateline.agency RSTV
minutes set press.boilerplate "The Chinese Executive Committee represents the DPRK International Solidarity Group (DPRK ISG) in China. The DPRK ISG unites activists in many countries who support friendship and cooperation with the Democratic People's Republic of Korea."
minutes set press.translations "en, ru, zh, de"
minutes set tags "DPRK ISG, 2nd ICS"
minutes set category News

# --- Translations --------------------------------------------------------------------------------
# `minutes set FIELD TEXT --lang xx` adds one language and keeps the others. Summaries are written
# as the predicate of a sentence about the speaker, in every language ("приветствовал ...",
# "向……表示欢迎", "begrüßte ..."); names without a settled Chinese form stay in Latin letters.
# Numbers count from 1: item.4.points.1 is the first key point of the fourth item, and
# item.11.attachments.1.caption the caption of its first photo.

# Russian
minutes set title "2-й Международный конгресс солидарности, день 2" --lang ru
minutes set series.name "2-й Международный конгресс солидарности" --lang ru
minutes set organization "Китайский исполнительный комитет МГС КНДР" --lang ru
minutes set occasion "70-летие Победы в Корейской войне" --lang ru
minutes set place.city "Пекин" --lang ru
minutes set person.li-jizheng.name "Ли Цзичжэн" --lang ru
minutes set person.li-jizheng.honorific "товарищ" --lang ru
minutes set person.li-jizheng.role "глава Китайского исполнительного комитета МГС КНДР и заместитель председателя Координационного комитета" --lang ru
minutes set person.luan-xinlong.name "Луань Синьлун" --lang ru
minutes set person.luan-xinlong.honorific "товарищ" --lang ru
minutes set person.luan-xinlong.role "руководитель отдела внешних связей Китайского исполнительного комитета МГС КНДР" --lang ru
minutes set person.vera.name "Вера" --lang ru
minutes set person.vera.honorific "товарищ" --lang ru
minutes set person.vera.role "активистка нашей организации" --lang ru
minutes set person.alexander-mostov.name "Александр Мостов" --lang ru
minutes set person.alexander-mostov.honorific "товарищ" --lang ru
minutes set person.alexander-mostov.role "председатель Координационного комитета МГС КНДР, лидер нашей организации" --lang ru
minutes set attendee.1.group "члены Китайского исполнительного комитета" --lang ru
minutes set attendee.2.group "активисты нашей организации" --lang ru
minutes set item.1.text "Прозвучали бессмертные революционные гимны «Песня о полководце Ким Ир Сене» и «Песня о полководце Ким Чен Ире»." --lang ru
minutes set item.2.text "2-й Международный конгресс солидарности в Китае объявлен открытым." --lang ru
minutes set item.3.text "Начался второй день конгресса." --lang ru
minutes set item.4.summary "приветствовал участников конгресса и поздравил всех с наступающим Днём Победы в Корейской войне." --lang ru
minutes set item.4.points.1 "кратко изложил историю Группы и рассказал о её нынешнем положении" --lang ru
minutes set item.4.points.2 "разъяснил основные взгляды Группы на международную политическую обстановку" --lang ru
minutes set item.4.points.3 "отметил, что в дальнейшем Китайскому исполнительному комитету следует развивать дружественное сотрудничество с представителями всех слоёв китайского общества и добиваться успехов в культурном туризме и торговле" --lang ru
minutes set item.5.topic "Обращение председателя Координационного комитета" --lang ru
minutes set item.6.topic "Торговля между Китаем и КНДР" --lang ru
minutes set item.6.summary "кратко рассказал о нынешнем состоянии торговли между Китаем и КНДР, а также об экономическом развитии КНДР. По его мнению, после открытия границ КНДР объём импорта и экспорта резко возрастёт, и у Группы есть все основания и возможности внести вклад в экономическое сотрудничество между Китаем и КНДР." --lang ru
minutes set item.7.title "Пролетарский интернационализм в Корейской войне" --lang ru
minutes set item.7.summary "высоко оценил духовную поддержку и материальную помощь, которую прогрессивные силы мира оказывали КНДР в годы Корейской войны. Всё это — проявление солидарности социалистического лагеря и духа пролетарского интернационализма." --lang ru
minutes set item.7.points.1 "Китай направил на помощь КНДР Китайских народных добровольцев" --lang ru
minutes set item.7.points.2 "Советский Союз направил свои военно-воздушные силы, военных советников, специалистов разведки, медицинский персонал и инженеров" --lang ru
minutes set item.7.points.3 "Германская Демократическая Республика оказала финансовую и материальную помощь" --lang ru
minutes set item.8.title "Переговоры о перемирии в Корее" --lang ru
minutes set item.8.summary "подчеркнула, что великая победа в Отечественной освободительной войне — это великая победа народов и армий Китая и Кореи, сражавшихся плечом к плечу, и великая победа в борьбе за мир во всём мире и прогресс человечества." --lang ru
minutes set item.9.text "Были обсуждены организационные вопросы." --lang ru
minutes set item.10.title "Поздравительная телеграмма товарищу Ким Чен Ыну" --lang ru
minutes set item.10.text "Принята поздравительная телеграмма в адрес великого товарища Ким Чен Ына." --lang ru
minutes set item.11.text "Китайский исполнительный комитет рассказал в презентации об основных направлениях деятельности Международной группы солидарности с КНДР." --lang ru
minutes set item.11.attachments.1.caption "Презентация Китайского исполнительного комитета" --lang ru
minutes set item.12.task "Опубликовать презентацию Китайского исполнительного комитета вместе с фотографиями" --lang ru
minutes set press.headline "В Китае прошло большое онлайн-собрание" --lang ru
minutes set press.subheadline "Второй день 2-го Международного конгресса солидарности" --lang ru
minutes set press.dateline.city "Пекин" --lang ru
minutes set press.boilerplate "Китайский исполнительный комитет представляет в Китае Международную группу солидарности с КНДР (МГС КНДР). МГС КНДР объединяет активистов из многих стран, которые выступают за дружбу и сотрудничество с Корейской Народно-Демократической Республикой." --lang ru

# Chinese (the template writes "{name}{honorific}" and "{role}{name}", so honorifics and roles have no spaces)
minutes set title "第二届国际团结大会（第二天）" --lang zh
minutes set series.name "第二届国际团结大会" --lang zh
minutes set organization "朝鲜国际团结小组中国执行委员会" --lang zh
minutes set occasion "朝鲜战争胜利70周年" --lang zh
minutes set place.city "北京" --lang zh
minutes set person.li-jizheng.honorific "同志" --lang zh
minutes set person.li-jizheng.role "朝鲜国际团结小组中国执行委员会负责人兼协调委员会副主席" --lang zh
minutes set person.luan-xinlong.honorific "同志" --lang zh
minutes set person.luan-xinlong.role "朝鲜国际团结小组中国执行委员会对外联络部部长" --lang zh
minutes set person.vera.honorific "同志" --lang zh
minutes set person.vera.role "本组织积极分子" --lang zh
minutes set person.alexander-mostov.name "亚历山大·莫斯托夫" --lang zh
minutes set person.alexander-mostov.honorific "同志" --lang zh
minutes set person.alexander-mostov.role "朝鲜国际团结小组协调委员会主席、本组织领导人" --lang zh
minutes set attendee.1.group "中国执行委员会成员" --lang zh
minutes set attendee.2.group "本组织积极分子" --lang zh
minutes set item.1.text "奏响了不朽的革命颂歌《金日成将军之歌》和《金正日将军之歌》。" --lang zh
minutes set item.2.text "第二届国际团结大会在中国宣布开幕。" --lang zh
minutes set item.3.text "大会进入第二天议程。" --lang zh
minutes set item.4.summary "向全体与会者表示欢迎，并就即将到来的朝鲜战争胜利纪念日向大家致以祝贺。" --lang zh
minutes set item.4.points.1 "简要介绍了小组的发展历程和现状" --lang zh
minutes set item.4.points.2 "阐述了小组对国际政治形势的主要看法" --lang zh
minutes set item.4.points.3 "指出中国执行委员会今后应与中国社会各界人士开展友好合作，在文化旅游和贸易方面取得进展" --lang zh
minutes set item.5.topic "协调委员会主席致辞" --lang zh
minutes set item.6.topic "中朝贸易" --lang zh
minutes set item.6.summary "简要介绍了中朝两国当前的贸易形势以及朝鲜的经济发展情况。他认为，朝鲜开放边境后，进出口贸易额将大幅增长，小组完全有理由、也有机会为中朝经济合作作出贡献。" --lang zh
minutes set item.7.title "朝鲜战争中的无产阶级国际主义" --lang zh
minutes set item.7.summary "高度评价了朝鲜战争期间世界进步力量给予朝鲜的精神支持和物质援助。这一切体现了社会主义阵营的团结和无产阶级国际主义精神。" --lang zh
minutes set item.7.points.1 "中国派出中国人民志愿军支援朝鲜" --lang zh
minutes set item.7.points.2 "苏联派出空军以及军事顾问、情报专家、医务人员和工程技术人员" --lang zh
minutes set item.7.points.3 "德意志民主共和国提供了资金和物资援助" --lang zh
minutes set item.8.title "朝鲜停战谈判" --lang zh
minutes set item.8.summary "强调，祖国解放战争的伟大胜利是中朝两国人民和军队并肩战斗的伟大胜利，也是维护世界和平与人类进步的伟大胜利。" --lang zh
minutes set item.9.text "会议讨论了组织事项。" --lang zh
minutes set item.10.title "致金正恩同志的贺电" --lang zh
minutes set item.10.text "会议通过了致伟大的金正恩同志的贺电。" --lang zh
minutes set item.11.text "中国执行委员会通过演示文稿介绍了朝鲜国际团结小组的主要活动。" --lang zh
minutes set item.11.attachments.1.caption "中国执行委员会的演示文稿" --lang zh
minutes set item.12.task "发布中国执行委员会的演示文稿及照片" --lang zh
minutes set press.headline "中国举行大型线上会议" --lang zh
minutes set press.subheadline "第二届国际团结大会第二天" --lang zh
minutes set press.dateline.city "北京" --lang zh
minutes set press.boilerplate "中国执行委员会是朝鲜国际团结小组在中国的代表机构。朝鲜国际团结小组团结了许多国家中支持同朝鲜民主主义人民共和国开展友好合作的积极分子。" --lang zh

# German
minutes set title "2. Internationaler Solidaritätskongress, Tag 2" --lang de
minutes set series.name "2. Internationaler Solidaritätskongress" --lang de
minutes set organization "Chinesisches Exekutivkomitee der DPRK ISG" --lang de
minutes set occasion "der 70. Jahrestag des Sieges im Koreakrieg" --lang de
minutes set place.city "Peking" --lang de
minutes set person.li-jizheng.honorific "Genosse" --lang de
minutes set person.li-jizheng.role "Vorsitzender des Chinesischen Exekutivkomitees der DPRK ISG und stellvertretender Vorsitzender des Koordinierungskomitees" --lang de
minutes set person.luan-xinlong.honorific "Genosse" --lang de
minutes set person.luan-xinlong.role "Leiter der Abteilung für Auslandsbeziehungen des Chinesischen Exekutivkomitees der DPRK ISG" --lang de
minutes set person.vera.honorific "Genossin" --lang de
minutes set person.vera.role "Aktivistin unserer Organisation" --lang de
minutes set person.alexander-mostov.honorific "Genosse" --lang de
minutes set person.alexander-mostov.role "Vorsitzender des Koordinierungskomitees der DPRK ISG und Leiter unserer Organisation" --lang de
minutes set attendee.1.group "Mitglieder des Chinesischen Exekutivkomitees" --lang de
minutes set attendee.2.group "Aktive unserer Organisation" --lang de
minutes set item.1.text "Es erklangen die unsterblichen revolutionären Hymnen „Lied über General Kim Il Sung“ und „Lied über General Kim Jong Il“." --lang de
minutes set item.2.text "Der 2. Internationale Solidaritätskongress in China wurde für eröffnet erklärt." --lang de
minutes set item.3.text "Der zweite Kongresstag begann." --lang de
minutes set item.4.summary "begrüßte alle Teilnehmenden des Kongresses und gratulierte allen zum bevorstehenden Tag des Sieges im Koreakrieg." --lang de
minutes set item.4.points.1 "skizzierte kurz die Geschichte und die gegenwärtige Lage der Gruppe" --lang de
minutes set item.4.points.2 "erläuterte die wichtigsten Positionen der Gruppe zur internationalen politischen Lage" --lang de
minutes set item.4.points.3 "wies darauf hin, dass das Chinesische Exekutivkomitee künftig freundschaftlich mit Menschen aus allen Bereichen der chinesischen Gesellschaft zusammenarbeiten und im Kulturtourismus und im Handel vorankommen solle" --lang de
minutes set item.5.topic "Botschaft des Vorsitzenden des Koordinierungskomitees" --lang de
minutes set item.6.topic "Handel zwischen China und der DVRK" --lang de
minutes set item.6.summary "sprach kurz über die aktuelle Handelslage zwischen China und der DVRK sowie über die wirtschaftliche Entwicklung der DVRK. Er ist überzeugt, dass nach der Öffnung der Grenzen der DVRK das Import- und Exportvolumen stark steigen wird und dass die Gruppe allen Grund und jede Gelegenheit hat, zur wirtschaftlichen Zusammenarbeit zwischen China und der DVRK beizutragen." --lang de
minutes set item.7.title "Proletarischer Internationalismus im Koreakrieg" --lang de
minutes set item.7.summary "würdigte die geistige Unterstützung und die materielle Hilfe, die die fortschrittlichen Kräfte der Welt der DVRK in den Jahren des Koreakriegs geleistet hatten. All dies spiegelt die Solidarität des sozialistischen Lagers und den Geist des proletarischen Internationalismus wider." --lang de
minutes set item.7.points.1 "China entsandte die Chinesischen Volksfreiwilligen zur Unterstützung der DVRK" --lang de
minutes set item.7.points.2 "Die Sowjetunion entsandte ihre Luftstreitkräfte sowie Militärberater, Aufklärungsspezialisten, medizinisches Personal und Ingenieure" --lang de
minutes set item.7.points.3 "Die Deutsche Demokratische Republik leistete finanzielle und materielle Hilfe" --lang de
minutes set item.8.title "Die Waffenstillstandsverhandlungen in Korea" --lang de
minutes set item.8.summary "betonte, dass der große Sieg im Vaterländischen Befreiungskrieg ein großer Sieg der Seite an Seite kämpfenden Völker und Armeen Chinas und Koreas und ein großer Sieg für die Wahrung des Weltfriedens und den Fortschritt der Menschheit ist." --lang de
minutes set item.9.text "Es wurden organisatorische Fragen besprochen." --lang de
minutes set item.10.title "Glückwunschtelegramm an Genossen Kim Jong Un" --lang de
minutes set item.10.text "Es wurde ein Glückwunschtelegramm an den großen Genossen Kim Jong Un angenommen." --lang de
minutes set item.11.text "Das Chinesische Exekutivkomitee stellte in einer Präsentation die wichtigsten Aktivitäten der DPRK ISG vor." --lang de
minutes set item.11.attachments.1.caption "Die Präsentation des Chinesischen Exekutivkomitees" --lang de
minutes set item.12.task "Die Präsentation des Chinesischen Exekutivkomitees mit den Fotos veröffentlichen" --lang de
minutes set press.headline "Große Online-Versammlung in China" --lang de
minutes set press.subheadline "Zweiter Tag des 2. Internationalen Solidaritätskongresses" --lang de
minutes set press.dateline.city "Peking" --lang de
minutes set press.boilerplate "Das Chinesische Exekutivkomitee vertritt die Internationale Solidaritätsgruppe DVRK (DPRK ISG) in China. Die DPRK ISG vereint Aktive in vielen Ländern, die für Freundschaft und Zusammenarbeit mit der Demokratischen Volksrepublik Korea eintreten." --lang de
