#!/usr/bin/env bash
# Records a regular board meeting with motions, counted votes and action items, in English,
# then adds the German, Russian and Chinese texts. Run it in an empty folder: bash record.sh
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
minutes add-report "Ben Okafor" --title "Accounts for the fourth quarter" --at 19:10 \
  --summary "said that the reserves stood at 82,400 EUR at the end of the quarter." \
  --point "Maintenance costs were 6% under budget." \
  --point "Two households are more than 60 days behind on their payments."
minutes add-report "Georg Brandt" --title "Condition of the roof" --at 19:30 \
  --summary "warned that the roof membrane above the east wing was failing and had to be replaced before winter."
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

# --- Translations --------------------------------------------------------------------------------
# `minutes set FIELD TEXT --lang xx` adds one language and keeps the others; summaries are the
# predicate of a sentence about the presenter. Numbers count from 1: item.3.points.2 is the second
# key point of the third item. The organization keeps its one (English) name.

# German
minutes set title "Ordentliche Vorstandssitzung" --lang de
minutes set place.venue "Gemeinschaftsraum, Lindenstraße 14" --lang de
minutes set person.ana-weber.role "Vorstandsvorsitzende" --lang de
minutes set person.ben-okafor.role "Schatzmeister" --lang de
minutes set person.chen-li.role "Schriftführerin" --lang de
minutes set person.dana-kowalski.role "Vorstandsmitglied" --lang de
minutes set person.emil-novak.role "Vorstandsmitglied" --lang de
minutes set person.farah-haddad.role "Vorstandsmitglied" --lang de
minutes set person.georg-brandt.role "Hausverwalter" --lang de
minutes set item.1.text "Die Vorsitzende eröffnete die Sitzung und stellte die Beschlussfähigkeit fest." --lang de
minutes set item.2.text "Das Protokoll der Sitzung vom 13. Februar 2024 wurde in der versandten Fassung genehmigt." --lang de
minutes set item.3.title "Finanzen im vierten Quartal" --lang de
minutes set item.3.summary "berichtete, dass die Rücklagen zum Quartalsende 82.400 EUR betrugen." --lang de
minutes set item.3.points.1 "Die Instandhaltungskosten lagen 6 % unter dem Budget." --lang de
minutes set item.3.points.2 "Zwei Haushalte sind mit ihren Zahlungen mehr als 60 Tage im Rückstand." --lang de
minutes set item.4.title "Zustand des Dachs" --lang de
minutes set item.4.summary "warnte, dass die Dachabdichtung über dem Ostflügel versagt und vor dem Winter erneuert werden muss." --lang de
minutes set item.5.title "Dachsanierung" --lang de
minutes set item.5.text "Der Vorstand beschließt, die Dachabdichtung des Ostflügels für höchstens 48.000 EUR aus den Rücklagen zu erneuern." --lang de
minutes set item.6.title "Säumnisgebühr" --lang de
minutes set item.6.text "Einführung einer Säumnisgebühr von 25 EUR pro Monat." --lang de
minutes set item.7.title "Gartenausschuss" --lang de
minutes set item.7.text "Ein Gartenausschuss wird eingerichtet; die Mitglieder werden zur Mitarbeit eingeladen." --lang de
minutes set item.8.text "Die Anwesenden besprachen das Sommerfest; ein Vorschlag folgt in der nächsten Sitzung." --lang de
minutes set item.9.task "Drei Angebote für die Dachsanierung einholen" --lang de
minutes set item.10.task "Die Haushalte mit Zahlungsrückständen ansprechen und Ratenzahlungen anbieten" --lang de
minutes set item.11.task "Eine Aufgabenbeschreibung für den Gartenausschuss entwerfen" --lang de
minutes set press.headline "Genossenschaftsvorstand beschließt Dachsanierung" --lang de
minutes set press.boilerplate "Die Wohnungsgenossenschaft Lindenstraße (Linden Street Housing Cooperative) bietet 64 Mitgliedshaushalten in Berlin bezahlbaren Wohnraum." --lang de

# Russian
minutes set title "Очередное заседание правления" --lang ru
minutes set place.venue "зал собраний, Линденштрассе, 14" --lang ru
minutes set place.city "Берлин" --lang ru
minutes set person.ana-weber.role "председатель правления" --lang ru
minutes set person.ben-okafor.role "казначей" --lang ru
minutes set person.chen-li.role "секретарь" --lang ru
minutes set person.dana-kowalski.role "член правления" --lang ru
minutes set person.emil-novak.role "член правления" --lang ru
minutes set person.farah-haddad.role "член правления" --lang ru
minutes set person.georg-brandt.role "управляющий зданием" --lang ru
minutes set item.1.text "Председатель открыла заседание и констатировала наличие кворума." --lang ru
minutes set item.2.text "Протокол заседания от 13 февраля 2024 года утверждён в разосланной редакции." --lang ru
minutes set item.3.title "Финансы за четвёртый квартал" --lang ru
minutes set item.3.summary "сообщил, что на конец квартала резервы составили 82 400 евро." --lang ru
minutes set item.3.points.1 "Расходы на содержание оказались на 6 % ниже запланированных." --lang ru
minutes set item.3.points.2 "Два домохозяйства просрочили платежи более чем на 60 дней." --lang ru
minutes set item.4.title "Состояние кровли" --lang ru
minutes set item.4.summary "предупредил, что кровельное покрытие над восточным крылом приходит в негодность и его необходимо заменить до зимы." --lang ru
minutes set item.5.title "Замена кровли" --lang ru
minutes set item.5.text "Правление одобряет замену кровельного покрытия над восточным крылом стоимостью не более 48 000 евро за счёт резервов." --lang ru
minutes set item.6.title "Пеня за просрочку платежей" --lang ru
minutes set item.6.text "Ввести пеню за просрочку платежей в размере 25 евро в месяц." --lang ru
minutes set item.7.title "Садовый комитет" --lang ru
minutes set item.7.text "Создать садовый комитет и пригласить членов кооператива войти в его состав." --lang ru
minutes set item.8.text "Участники обсудили летний праздник; предложение будет внесено на следующем заседании." --lang ru
minutes set item.9.task "Получить три коммерческих предложения на замену кровли" --lang ru
minutes set item.10.task "Связаться с домохозяйствами, имеющими задолженность, и предложить им рассрочку" --lang ru
minutes set item.11.task "Подготовить положение о садовом комитете" --lang ru
minutes set press.headline "Правление кооператива одобрило замену кровли" --lang ru
minutes set press.dateline.city "Берлин" --lang ru
minutes set press.boilerplate "Жилищный кооператив «Линденштрассе» (Linden Street Housing Cooperative) предоставляет доступное жильё 64 семьям — членам кооператива в Берлине." --lang ru

# Chinese
minutes set title "理事会例会" --lang zh
minutes set place.venue "林登街14号社区活动室" --lang zh
minutes set place.city "柏林" --lang zh
minutes set person.ana-weber.role "理事会主席" --lang zh
minutes set person.ben-okafor.role "财务主管" --lang zh
minutes set person.chen-li.role "秘书" --lang zh
minutes set person.dana-kowalski.role "理事" --lang zh
minutes set person.emil-novak.role "理事" --lang zh
minutes set person.farah-haddad.role "理事" --lang zh
minutes set person.georg-brandt.role "楼宇管理员" --lang zh
minutes set item.1.text "主席宣布会议开始，并确认出席人数达到法定人数。" --lang zh
minutes set item.2.text "2024年2月13日会议记录按分发稿获得批准。" --lang zh
minutes set item.3.title "第四季度财务状况" --lang zh
minutes set item.3.summary "指出，截至季度末，储备金为82,400欧元。" --lang zh
minutes set item.3.points.1 "维修费用比预算低6%。" --lang zh
minutes set item.3.points.2 "有两户拖欠付款超过60天。" --lang zh
minutes set item.4.title "屋顶状况" --lang zh
minutes set item.4.summary "警告说，东翼上方的屋面防水层正在失效，必须在入冬前更换。" --lang zh
minutes set item.5.title "更换屋顶" --lang zh
minutes set item.5.text "理事会批准动用储备金更换东翼屋面防水层，费用不超过48,000欧元。" --lang zh
minutes set item.6.title "滞纳金" --lang zh
minutes set item.6.text "按每月25欧元收取滞纳金。" --lang zh
minutes set item.7.title "园艺委员会" --lang zh
minutes set item.7.text "成立园艺委员会，并邀请社员参加。" --lang zh
minutes set item.8.text "与会者讨论了夏季联欢活动；相关提案将在下次会议上提出。" --lang zh
minutes set item.9.task "为更换屋顶征集三份报价" --lang zh
minutes set item.10.task "联系欠款住户，并提供分期付款方案" --lang zh
minutes set item.11.task "起草园艺委员会的职责说明" --lang zh
minutes set press.headline "合作社理事会批准更换屋顶" --lang zh
minutes set press.dateline.city "柏林" --lang zh
minutes set press.boilerplate "林登街住房合作社（Linden Street Housing Cooperative）为柏林64户社员家庭提供经济适用住房。" --lang zh
