## sltbot — nynorsk

## Datoar og klokkeslett
weekday-mon = måndag
weekday-tue = tysdag
weekday-wed = onsdag
weekday-thu = torsdag
weekday-fri = fredag
weekday-sat = laurdag
weekday-sun = sundag
month-jan = januar
month-feb = februar
month-mar = mars
month-apr = april
month-may = mai
month-jun = juni
month-jul = juli
month-aug = august
month-sep = september
month-oct = oktober
month-nov = november
month-dec = desember
format-date = { $weekday } { $dd }.{ $mm }.{ $year }
format-date-short = { $dd }.{ $mm }.{ $year }
format-datetime = { $date } kl. { $hh }.{ $min }

## Verdiar
value-none = (ikkje valt)
level-styrende = styrande nivå
level-koordinerende = koordinerande nivå
level-utforende = utførande nivå
level-annet = anna
agenda-status-proposed = føreslått
agenda-status-on-agenda = på saklista
agenda-status-handled = behandla
agenda-status-carried-over = utsett
agenda-status-withdrawn = trekt
action-status-open = ikkje starta
action-status-in-progress = pågår
action-status-blocked = stoppa
action-status-done = fullført
action-status-cancelled = avbrote
meeting-status-scheduled = planlagt
meeting-status-cancelled = avlyst
meeting-status-held = halde
lang-nb = bokmål
lang-nn = nynorsk
lang-en = engelsk
field-name = Namnet
field-title = Tittelen
field-details = Skildringa
field-note = Notatet
field-agency = Etaten
field-location = Staden
need-anyone = alle
need-member = medlemer i gruppa
need-coordinator = koordinatorane i gruppa
need-workspace-coordinator = SLT-koordinatoren
need-admin = serveradministratorar

## Feil
error-forbidden = Det har du ikkje tilgang til. Berre { $need } kan gjere dette.
error-unknown-group = Fann inga gruppe som heiter «{ $name }». Sjå /group list.
error-group-archived = Gruppa «{ $name }» er arkivert og kan ikkje endrast.
error-unknown-meeting = Fann ikkje møte { $id }. Sjå /meeting list.
error-unknown-agenda-item = Fann ikkje sak { $id }. Sjå /agenda list.
error-unknown-action = Fann ikkje tiltak { $id }. Sjå /action list.
error-text-empty = { $field } manglar. Fyll inn og prøv igjen.
error-text-too-long = { $field } har for mange teikn: { $len }, men grensa er { $max }. Ingenting vart lagra; kort ned teksten og prøv igjen.
error-text-control = { $field } inneheld kontrollteikn som ikkje kan lagrast.
error-invalid-date = «{ $input }» er ikkje ein gyldig dato. Skriv til dømes 31.12.2027 eller 2027-12-31.
error-invalid-datetime = «{ $input }» er ikkje eit gyldig tidspunkt. Skriv til dømes 12.01.2027 kl. 09.00.
error-date-in-past = «{ $input }» er tilbake i tid.
error-duplicate-group = Det finst alt ei gruppe som heiter «{ $name }».
error-duplicate-agenda-item = Den saka er alt meldt inn til det same møtet (sak { $id }).
error-invalid-level = «{ $input }» er ikkje eit SLT-nivå. Vel styrande, koordinerande, utførande eller anna.
error-invalid-agenda-status = «{ $input }» er ikkje ein status for saker. Vel føreslått, på saklista, behandla, utsett eller trekt.
error-invalid-action-status = «{ $input }» er ikkje ein status for tiltak. Vel ikkje starta, pågår, stoppa, fullført eller avbrote.
error-invalid-timezone = «{ $input }» er ikkje ei kjend tidssone. Bruk til dømes Europe/Oslo.
error-invalid-language = «{ $input }» er ikkje eit språk sltbot kan. Vel nb, nn eller en.
error-meeting-closed = Møte { $id } tek ikkje imot saker: det er avlyst, halde eller alt i gang.
error-meeting-not-scheduled = Møte { $id } er alt avlyst eller halde.
error-item-closed = Sak { $id } er { $status } og kan ikkje endrast.
error-not-your-item = Berre den som har meldt inn sak { $id }, eller ein koordinator, kan endre ho.
error-status-needs-coordinator = Berre ein koordinator kan setje status «{ $status }».
error-nothing-to-change = Det er ingenting å endre.
error-invalid-position = Plassen må vere eit tal frå 1 til { $max }.
error-edit-conflict = Nokon andre endra dette samtidig. Ingenting vart lagra; hent det på nytt og prøv igjen.
error-read-only = Databasen er skriveverna, så ingenting vart lagra. Sei frå til den som driftar sltbot.
error-locked = Databasen er oppteken, så ingenting vart lagra. Prøv igjen om litt.
error-internal = Noko gjekk gale i sltbot, og ingenting vart lagra. Feilen er logga.

## Arbeidsområde
workspace-heading = Innstillingar for serveren:
workspace-updated = Innstillingane er lagra.
workspace-details = Tidssone: { $timezone } · Språk: { $language } · SLT-koordinator: { $coordinators } · Vekeoppsummering i: { $digest }

## Grupper
group-created = Gruppa { $name } er oppretta.
group-edited = Gruppa { $name } er endra.
group-archived = Gruppa { $name } er arkivert. Historikken er teken vare på.
group-archived-mark = — arkivert
group-details = Nivå: { $level } · Kanal: { $channel } · Koordinatorar: { $coordinators } · Medlemer: { $members }
group-list-heading = Grupper:
group-list-empty = Ingen grupper enno. SLT-koordinatoren opprettar dei med /group create.
group-list-line = • { $name } ({ $level })
group-next-meeting = Neste møte: { $meeting }
group-counts = Opne saker: { $items } · Aktive tiltak: { $actions }

## Møte
meeting-ref = møtet { $when }
meeting-ref-waiting = neste møte (det er ikkje sett opp noko møte enno)
meeting-added = Møte for { $group } { $when } er lagt inn (møte { $id }).
meeting-attached = { $count ->
    [one] Éi sak som venta, er sett opp på dette møtet.
   *[other] { $count } saker som venta, er sette opp på dette møtet.
}
meeting-list-heading = Møte for { $group }:
meeting-list-empty = { $group } har ingen komande møte. Ein koordinator legg dei inn med /meeting add.
meeting-line = • { $when } { $title } — { $status } (møte { $id })
meeting-cancelled = Møte { $id } { $when } er avlyst.
meeting-items-moved = { $count ->
    [one] Éi open sak er flytta til { $meeting }.
   *[other] { $count } opne saker er flytta til { $meeting }.
}
meeting-held = Møte { $id } { $when } er registrert som halde.
meeting-carried-over = { $count ->
    [one] Éi sak vart ikkje behandla og er utsett til { $meeting }.
   *[other] { $count } saker vart ikkje behandla og er utsette til { $meeting }.
}

## Sakliste
agenda-added = Takk! Saka «{ $title }» (sak { $id }) er meldt inn til { $group }, { $meeting }.
agenda-list-heading = Sakliste for { $group }, { $meeting }:
agenda-list-empty = Ingen saker enno. Meld inn med /agenda add.
agenda-line = { $position }. { $title } — { $status } (sak { $id }, meldt inn av { $user })
agenda-edited = Sak { $id } er endra.
agenda-removed = Sak { $id } «{ $title }» er trekt.
agenda-moved = Sak { $id } står no som nummer { $position } på { $meeting }.

## Tiltak
action-no-due = ikkje sett
action-line = Tiltak { $id }: { $title } — ansvarleg { $owner }, { $status }, frist { $due }
action-added = Tiltak { $id } er registrert for { $group }.
action-updated = Tiltak { $id } er oppdatert.
action-update-status = { $from } → { $to }
action-update-line = • { $when }, { $user }: { $what }
action-list-heading = Tiltak:
action-list-heading-overdue = Forseinka tiltak:
action-list-empty = Ingen tiltak passar.
action-shown = Tiltak { $id } i { $group }
action-agency = Etat: { $agency }
action-history = Oppdateringar:
action-no-updates = Ingen oppdateringar enno.

## Konsollen
console-help-heading = Kommandoar (val i [klammer] kan sløyfast):
console-help-footer = Tekst med mellomrom skal stå i hermeteikn: title:"Uro ved ungdomsklubben". Datoar: 31.12.2027, tidspunkt: 12.01.2027 kl. 09.00.
console-unknown-command = Ukjend kommando «{ $command }». Skriv /help for ei liste.
console-missing-option = /{ $command } manglar { $option }:
console-invalid-utf8 = Linja er ikkje gyldig UTF-8-tekst og vart hoppa over. Lagre skriptet som UTF-8.
console-unknown-option = /{ $command } har ikkje valet «{ $option }». Gyldige val: { $valid }
console-error-line-too-long = Linja er for lang (maks { $max } teikn).
console-error-control-character = Linja har eit kontrollteikn i kolonne { $column }.
console-error-missing-command = Linja må byrje med ein kommando, til dømes /agenda add (kolonne { $column }).
console-error-unbalanced-quote = Hermeteiknet i kolonne { $column } blir aldri lukka.
console-error-option-without-value = Valet { $name }: i kolonne { $column } manglar verdi. Skriv { $name }:"" for tom verdi.
console-error-unexpected-token = Uventa tekst i kolonne { $column }. Val skal skrivast namn:verdi, og tekst med mellomrom skal stå i hermeteikn.
console-error-duplicate-option = Valet { $name }: er gitt to gonger (kolonne { $column }).
console-error-bad-option-name = Ugyldig namn på val i kolonne { $column }.

## Kommandolinja
cli-no-token = Ingen Discord-token. Set miljøvariabelen DISCORD_TOKEN (sjå README, «Set up the Discord bot»), eller prøv sltbot utan Discord med: sltbot console --user 1 --admin
cli-db-read-only = Databasen { $url } er skriveverna. Gi sltbot skrivetilgang til fila og mappa, eller vel ein annan med --db / SLTBOT_DATABASE__URL.
cli-db-locked = Databasen { $url } er låst av ein annan prosess. Prøv igjen når prosessen er ferdig.
cli-db-failed = Kan ikkje opne databasen { $url }: { $reason }
cli-bad-lang = Ukjend språk «{ $input }». Vel nb, nn eller en.
cli-db-not-sqlite = sltbot lagrar berre i SQLite: databaseadressa (--db eller database.url) må byrje med sqlite:// eller vere ein filsti, t.d. sqlite://data/sltbot.db. Andre databasar (PostgreSQL, MySQL …) er ikkje støtta, og ingenting er endra.
cli-backup-done = Tryggingskopi skriven til { $path } ({ $size } byte, berre lesbar for eigaren).
cli-backup-failed = Tryggingskopien vart ikkje laga: { $reason }
cli-restore-done = Databasen { $url } er attoppretta frå { $path }.
cli-restore-in-use = Databasen { $url } er i bruk (køyrer sltbot?). Stopp boten først; ingenting er endra.
cli-restore-failed = Attopprettinga vart ikkje gjord, og databasen er uendra: { $reason }
cli-restore-memory = Kan ikkje attopprette til ein database i minnet. Vel ei fil med --db.
cli-backup-exists = { $path } finst allereie. Ein tryggingskopi skriv aldri over ei fil; vel eit nytt namn.
cli-restore-no-file = Fann inga fil { $path } å attopprette frå.

## Heilagdagar og møtefrekvensar
holiday-new-years-day = første nyttårsdag
holiday-maundy-thursday = skjærtorsdag
holiday-good-friday = langfredag
holiday-easter-sunday = første påskedag
holiday-easter-monday = andre påskedag
holiday-labour-day = offentleg høgtidsdag (1. mai)
holiday-constitution-day = grunnlovsdag (17. mai)
holiday-ascension-day = Kristi himmelfartsdag
holiday-whit-sunday = første pinsedag
holiday-whit-monday = andre pinsedag
holiday-christmas-day = første juledag
holiday-st-stephens-day = andre juledag
cadence-error-empty = Du må oppgje ein møtefrekvens.
cadence-error-unrecognized = «{ $word }» er verken ein førehandsvald frekvens, RRULE eller cron. Døme: «kvar 4. veke tysdag kl. 09.00», «månadleg første tysdag kl. 09.00», «4 gonger i året første tysdag kl. 09.00», «møte i veke 8, 20, 36 og 46 tysdag kl. 09.00» eller «0 9 * * 2».
cadence-error-unexpected-word = Forstod ikkje ordet «{ $word }» (ord nr. { $position }).
cadence-error-missing-part = Manglar { $part ->
    [weekday] vekedag
    [time] klokkeslett
    [ordinal] kva veke (første, siste …)
   *[from] dato etter «frå»
}.
cadence-error-duplicate-part = { $part ->
    [weekday] Vekedagen er oppgjeven
    [time] Klokkeslettet er oppgjeve
    [ordinal] Veka er oppgjeven
   *[from] Startdatoen er oppgjeven
} to gonger.
cadence-error-invalid-time = Ugyldig klokkeslett «{ $text }» (bruk TT:MM).
cadence-error-invalid-date = Ugyldig dato «{ $text }» (bruk ÅÅÅÅ-MM-DD).
cadence-error-interval-out-of-range = Intervallet { $value } må vere mellom { $min } og { $max }.
cadence-error-never-occurs = Denne frekvensen gjev aldri noko møte.
cadence-error-cron-field-count = Eit cron-uttrykk har 5 felt (minutt, time, dag i månaden, månad, vekedag), men her er det { $found }.
cadence-error-cron-invalid-field = Felt { $position } i cron-uttrykket ({ $field ->
    [minute] minutt
    [hour] time
    [day-of-month] dag i månaden
    [month] månad
   *[day-of-week] vekedag
}) er ugyldig: «{ $text }».
cadence-error-cron-value-out-of-range = Verdien { $value } i felt { $position } i cron-uttrykket ({ $field ->
    [minute] minutt
    [hour] time
    [day-of-month] dag i månaden
    [month] månad
   *[day-of-week] vekedag
}) må vere { $min }–{ $max }.
cadence-error-missing-dtstart = RRULE-teksten manglar DTSTART.
cadence-error-missing-rrule = Teksten manglar ei RRULE-linje.
cadence-error-invalid-dtstart = Ugyldig DTSTART: «{ $text }».
cadence-error-unknown-timezone = Ukjend tidssone «{ $tzid }».
cadence-error-unexpected-line = Linje { $line } vert ikkje forstått: «{ $text }».
cadence-error-missing-freq = RRULE manglar FREQ.
cadence-error-unknown-freq = Ukjend FREQ «{ $value }».
cadence-error-unsupported-freq = FREQ={ $value } er ikkje støtta (bruk DAILY, WEEKLY, MONTHLY eller YEARLY).
cadence-error-unknown-rule-part = Ukjend RRULE-del «{ $name }».
cadence-error-unsupported-rule-part = { $name } er ikkje støtta.
cadence-error-duplicate-rule-part = { $name } er oppgjeven to gonger.
cadence-error-invalid-rule-value = Ugyldig verdi «{ $value }» for { $name }.
cadence-error-count-out-of-range = COUNT={ $value } må vere mellom 1 og { $max }.
cadence-error-count-and-until = COUNT og UNTIL kan ikkje brukast saman.
cadence-error-invalid-combination = { $name } kan ikkje brukast med FREQ={ $freq }.
cadence-error-times-per-year = { $value } gonger i året går ikkje opp i heile månader. Vel 1, 2, 3, 4, 6 eller 12 gonger i året.
cadence-error-week-out-of-range = Veke { $value } finst ikkje: vekene i eit år har nummer 1 til 53.
cadence-error-not-understood = Forstod ikkje «{ $word }».
cadence-suggestion = Meinte du «{ $suggestion }»?
cadence-examples = Døme: «kvar 4. veke tysdag kl. 09.00», «månadleg første tysdag kl. 09.00» eller «møte i veke 8, 20, 36 og 46 tysdag kl. 09.00».

## Møtefrekvensar slik folk seier dei
list-and = { $head } og { $last }
cadence-at = { $what } kl. { $hh }.{ $mm }
cadence-in-zone = { $what } ({ $zone })
cadence-other = etter ein eigendefinert regel
cadence-daily = { $n ->
    [1] kvar dag
    [2] annakvar dag
   *[other] kvar { $every } dag
}
cadence-weekly = { $n ->
    [1] kvar { $days }
    [2] annakvar veke, { $days }
   *[other] kvar { $every } veke, { $days }
}
cadence-nth-word = { $nth ->
    [first] første
    [second] andre
    [third] tredje
    [fourth] fjerde
    [fifth] femte
    [last] siste
   *[penultimate] nest siste
}
cadence-nth-number = { $n }.
cadence-monthly-weekday = { $nth } { $day } { $n ->
    [1] i månaden
    [2] annakvar månad
   *[other] kvar { $every } månad
}
cadence-monthly-day = den { $days } { $n ->
    [1] i månaden
    [2] annakvar månad
   *[other] kvar { $every } månad
}
cadence-yearly-weekday = { $nth } { $day } i { $months }
cadence-quarterly = kvart kvartal, { $what }
cadence-iso-weeks = { $days } i veke { $weeks }
schedule-rule = Regel: { $rule }
duration-days = { $n ->
    [one] { $n } dag
   *[other] { $n } dagar
}
duration-hours = { $n ->
    [one] { $n } time
   *[other] { $n } timar
}
duration-minutes = { $n } minutt

## Personvern
privacy-refused-national-id = { $field } ser ut til å innehalde eit { $kind }. Slike opplysningar høyrer ikkje heime i sltbot, så ingenting vart lagra.
privacy-anonymise-hint = Skriv utan namn og nummer, til dømes «ein elev på 9. trinn» eller «ein gut (15) ved ungdomsskulen».
privacy-id-fodselsnummer = fødselsnummer
privacy-id-d-nummer = D-nummer
privacy-id-h-nummer = H-nummer
privacy-warning-child-name = Merk: teksten kan sjå ut til å namngje eit barn eller ein ungdom. Han er lagra, men vurder å skrive han om utan namn.
privacy-warning-child-class = Merk: teksten nemner eit barn saman med ein skuleklasse, og det kan vere nok til å kjenne att barnet. Han er lagra, men vurder å skrive han om.

## Tekstsjekk (sltbot check-text)
check-text-clean = Fann ingen personopplysningar.
check-text-national-id = Teksten inneheld eit { $kind }.
check-text-child-name = Merk: teksten kan sjå ut til å namngje eit barn eller ein ungdom. Vurder å skrive han om utan namn.
check-text-child-class = Merk: teksten nemner eit barn saman med ein skuleklasse, og det kan vere nok til å kjenne att barnet. Vurder å skrive han om.
check-text-invalid-utf8 = Teksten på standard inn er ikkje gyldig UTF-8. Lagre han som UTF-8 og prøv igjen.

## Historikk, eksport, sletting og grenser
audit-heading = Siste endringar i { $group }:
audit-empty = Ingen endringar enno.
audit-line = • { $when }, { $user }: { $action } { $target }
audit-system = sltbot (sletting etter lagringstid)
export-ready = Eksport av { $group }: { $meetings } møte, { $items ->
    [one] { $items } sak
   *[other] { $items } saker
} og { $actions } tiltak, som JSON og Markdown.
export-title = Eksport av { $group }
export-made = Laga { $when }.
export-meetings = Møte og saker
export-actions = Tiltak
export-audit = Historikken har { $count ->
    [one] { $count } oppføring
   *[other] { $count } oppføringar
} (ikkje med i eksporten).
group-deleted = Gruppa { $name } er sletta med { $meetings } møte, { $items ->
    [one] { $items } sak
   *[other] { $items } saker
} og { $actions } tiltak. Historikken viser berre at det skjedde.
error-confirmation-required = Sletting kan ikkje angrast. Skriv namnet på gruppa i confirm: for å stadfeste, til dømes confirm:"{ $name }".
limit-groups = Serveren har nådd grensa på { $max } grupper. Arkiver eller slett grupper som ikkje er i bruk.
limit-items = Møtet har alt { $max } opne saker, som er grensa. Flytt nokre til eit seinare møte.
limit-meetings = Gruppa har alt { $max } komande møte, som er grensa.
limit-actions = Gruppa har alt { $max } aktive tiltak, som er grensa. Avslutt nokre først.
console-export-saved = Lagra { $json } og { $markdown }. Filene inneheld dataa til gruppa: oppbevar dei like trygt som databasen.
console-export-failed = Kunne ikkje lagre eksporten: { $reason }
## Scheduler: cadences, reminders, deadline calls, overdue actions, weekly digest (issue 3)
cli-bad-timezone = Ukjend tidssone «{ $input }». Bruk eit IANA-namn, t.d. Europe/Oslo.
cli-bad-from = --from «{ $input }» er ikkje eit RFC 3339-tidspunkt (t.d. 2027-01-01T00:00:00+01:00).
cli-bad-year = Ugyldig år «{ $input }». Skriv eit år mellom 1583 og 9999.
cli-count-too-large = --count { $count } er for mange: høgst { $max } om gongen. Hald fram med --from sett til siste tidspunkt for å få fleire.
cli-occurrences-all-holidays = Ingen tidspunkt: alle møta denne frekvensen gjev, fell på heilagdagar, og --skip-holidays hoppar over dei.
cli-occurrences-fewer = Fann berre { $found } av { $count } tidspunkt: regelen sluttar, eller søket nådde grensa for kor langt fram det leitar.
value-yes = ja
value-no = nei
error-cadence-too-frequent = Denne frekvensen gjev møte oftare enn ein gong om dagen. Vel ein sjeldnare frekvens.
error-invalid-leads = Ugyldige varslingstider «{ $input }». Skriv t.d. «7d, 1d» (dagar d, timar t, minutt m; høgst 5, høgst 60 dagar), eller «inga».
error-invalid-duration = Ugyldig frist «{ $input }». Skriv t.d. «2d» eller «36t» (høgst 60 dagar), eller «inga».
schedule-set = Fast møtetid lagra for { $group }.
schedule-cadence = Frekvens: { $cadence }
schedule-skip-holidays = Hoppar over heilagdagar: { $value }
schedule-upcoming = Neste møte:
schedule-next = Neste møte i { $group }: { $when } (møte { $id }), { $items ->
    [one] éi sak på saklista
   *[other] { $items } saker på saklista
}.
schedule-next-none = { $group } har ingen komande møte.
schedule-moved = Møte { $id } er flytta frå { $from } til { $when }.
schedule-reminders = Påminningar for { $group }: { $leads }; { $deadline }; hoppar over heilagdagar: { $skip }.
schedule-digest = Vekeoppsummering: kanal { $channel }, { $cadence }, neste: { $next }.
sched-reminder = { $mention }Påminning: { $group } har møte { $when }.
sched-reminder-agenda = Sakliste til no:
sched-reminder-agenda-empty = Ingen saker på saklista enno.
sched-reminder-agenda-line = { $position }. { $title }
sched-reminder-howto = Meld inn ei sak: /agenda add group:{ $group } title:…
sched-deadline = Frist for saker til møtet i { $group } { $meeting }: { $deadline }. Meld inn saker med /agenda add group:{ $name } title:…
sched-overdue = { $owner } Tiltaket «{ $title }» (tiltak { $id }) i { $group } hadde frist { $due } og står som { $status }. Marker det som fullført eller meld framdrift med knappane under, eller med /action update id:{ $id }.
sched-overdue-again = { $owner } Framleis forseinka: tiltaket «{ $title }» (tiltak { $id }) i { $group } hadde frist { $due } og står som { $status }. Meld framdrift med knappane under, eller med /action update id:{ $id }.
sched-digest-heading = Vekeoppsummering veke { $week }
sched-digest-none = • Ingen.
sched-digest-meetings = Møte dei neste 14 dagane
sched-digest-meeting = • { $when } — { $group }
sched-digest-meeting-cancelled = • { $when } — { $group } (avlyst)
sched-digest-items = Nye saker sidan førre oppsummering
sched-digest-item = • { $group }: { $title } (sak { $id })
sched-digest-updates = Oppdaterte tiltak
sched-digest-update = • { $group }: { $title } (tiltak { $id }) — { $status }{ $notes ->
    [0] {""}
    [one] , eitt notat
   *[other] , { $notes } notat
}
sched-digest-overdue = Forseinka tiltak
sched-digest-overdue-group = { $group }:
sched-digest-overdue-line = • { $title } (tiltak { $id }), frist { $due }

## Options that could not be read (the value is never repeated)
option-missing = { $option } manglar.
option-not-number = { $option } må vere eit heilt tal.
option-too-small = { $option } må vere minst { $min }.
option-not-user = { $option } må vere ein brukar, til dømes <@123456789012345678> eller 123456789012345678.
option-not-role = { $option } må vere ei rolle, til dømes <@&123456789012345678> eller 123456789012345678.
option-not-channel = { $option } må vere ein kanal, til dømes <#123456789012345678> eller 123456789012345678.
option-not-yes-no = { $option } må vere ja eller nei.
option-not-choice = { $option } må vere ein av: { $valid }.

## The audit trail, in words
audit-workspace-set = endra serverinnstillingane
audit-group-create = oppretta gruppa
audit-group-edit = endra gruppa
audit-group-archive = arkiverte gruppa
audit-group-reminders = endra påminningane
audit-group-delete = sletta gruppa
audit-meeting-add = la til møte
audit-meeting-cancel = avlyste møte
audit-meeting-held = merkte møte som halde
audit-meeting-schedule = sette opp faste møte
audit-meeting-move = flytta møte
audit-agenda-add = melde inn sak
audit-agenda-edit = endra sak
audit-agenda-remove = trekte sak
audit-agenda-move = flytta sak
audit-agenda-attach = sette sak på møte
audit-agenda-carry-over = flytta sak til neste møte
audit-action-add = la til tiltak
audit-action-update = oppdaterte tiltak
audit-digest-set = endra vekeoppsummeringa
audit-retention-purge = sletta gamle opplysningar etter lagringstida
audit-unknown = anna endring
audit-entity-group = (gruppe { $id })
audit-entity-meeting = (møte { $id })
audit-entity-agenda-item = (sak { $id })
audit-entity-action = (tiltak { $id })
audit-entity-series = (møteplan { $id })
group-next-meeting-none = Neste møte: ikkje sett opp enno.
discord-export-attached = Filene er lagde ved og blir berre viste for deg.
export-user = brukar { $id }
export-place = stad: { $place }
action-note-edited = Notat { $number } på tiltak { $id } er endra. Den gamle teksten er borte, også frå historikken.
action-update-note = notat { $number }: { $note }
audit-action-note = endra eit notat

## ---- Discord: command and option names and descriptions, buttons, forms ----

## Discord: namn og skildringar for skråstrekkommandoane. Discord har berre éin norsk
## locale («no», som får bokmål); nynorsk kjem i svara via språket til arbeidsområdet/gruppa.
cmd-workspace = oppsett
    .description = Innstillingar for heile serveren
cmd-workspace-show = vis
    .description = Vis innstillingane til serveren
cmd-workspace-set = endre
    .description = Endre tidssone, språk, SLT-koordinatorrolle eller oversiktskanal (admin)
cmd-group = gruppe
    .description = SLT-grupper: styringsgruppe, koordineringsgruppe, utførande nivå
cmd-group-create = opprett
    .description = Opprett ei gruppe (SLT-koordinator)
cmd-group-list = liste
    .description = Vis gruppene
cmd-group-show = vis
    .description = Vis ei gruppe med neste møte
cmd-group-edit = endre
    .description = Endre ei gruppe (koordinatorane i gruppa)
cmd-group-archive = arkiver
    .description = Arkiver ei gruppe (koordinatorane i gruppa)
cmd-meeting = møte
    .description = Møta til ei gruppe
cmd-meeting-add = nytt
    .description = Legg inn eit einskildmøte
cmd-meeting-list = liste
    .description = Komande møte i ei gruppe
cmd-meeting-cancel = avlys
    .description = Avlys eit møte; sakene blir flytte til neste møte
cmd-meeting-held = halde
    .description = Merk eit møte som halde; opne saker blir utsette
cmd-agenda = sak
    .description = Saker til møta
cmd-agenda-add = meld-inn
    .description = Meld inn ei sak (utan tittel får du eit skjema)
cmd-agenda-list = liste
    .description = Saklista til neste (eller eit valt) møte i gruppa
cmd-agenda-edit = endre
    .description = Endre ei sak
cmd-agenda-remove = trekk
    .description = Trekk ei sak
cmd-agenda-move = flytt
    .description = Flytt ei sak til eit anna møte eller ein annan plass (koordinatorar)
cmd-action = tiltak
    .description = Tiltak: ansvarleg, frist, status og framdrift
cmd-action-add = nytt
    .description = Legg inn eit tiltak med ansvarleg (koordinatorar)
cmd-action-update = oppdater
    .description = Meld framdrift eller endre status på eit tiltak
cmd-action-list = liste
    .description = Vis tiltak
cmd-action-show = vis
    .description = Vis eit tiltak med historikk
cmd-group-reminders = påminningar
    .description = Påminningar før møtet, innmeldingsfrist og heilagdagar (utan val: vis dei)
cmd-group-export = eksport
    .description = Alt som er lagra om ei gruppe, som JSON- og Markdown-filer (koordinatorane i gruppa)
cmd-group-delete = slett
    .description = Slett ei gruppe og alle dataa for godt (koordinatorane i gruppa; må stadfestast)
cmd-meeting-schedule = fast-tid
    .description = Gi gruppa ei fast møtetid; erstattar den førre (koordinatorar)
cmd-meeting-next = neste
    .description = Det neste møtet i gruppa
cmd-meeting-move = flytt
    .description = Flytt eitt møte til eit anna tidspunkt (koordinatorar)
cmd-audit = logg
    .description = Dei siste endringane i ei gruppe (koordinatorane i gruppa)
cmd-digest = vekeoversikt
    .description = Vekeoversikta over møte, saker og tiltak
cmd-digest-show = vis
    .description = Vis kanal, kor ofte og neste utsending, eller (med kommune) oversikta for éin kommune
cmd-digest-set = endre
    .description = Endre kanal eller kor ofte oversikta kjem (admin)

## Discord: val til kommandoane
opt-timezone = tidssone
    .description = IANA-tidssone, til dømes Europe/Oslo
opt-language = språk
    .description = Språket i svar og påminningar
opt-coordinator_role = koordinatorrolle
    .description = Koordinatorrolla
opt-digest_channel = oversiktskanal
    .description = Kanalen for vekeoversikta
    .description-municipality-add = Kanal for vekeoversikta over gruppene i kommunen (valfritt)
    .description-municipality-edit = Kanal for vekeoversikta over gruppene i kommunen
opt-name = namn
    .description = Namnet på gruppa
    .description-meeting-guest = Namnet på gjesten og gjerne rolla (ikkje born)
    .description-municipality-add = Namnet på kommunen, til dømes Etne
    .description-municipality-edit = Det nye namnet på kommunen
opt-level = nivå
    .description = SLT-nivå
opt-channel = kanal
    .description = Kanalen til gruppa
    .description-digest-set = Kanalen for vekeoversikta
opt-member_role = medlemsrolle
    .description = Rolla til medlemene i gruppa
opt-archived = arkiverte
    .description = Ta med arkiverte grupper
opt-group = gruppe
    .description = Gruppa (byrja å skrive namnet)
opt-at = tidspunkt
    .description = Når, til dømes 12.01.2027 kl. 09.00
    .description-meeting-move = Nytt tidspunkt, til dømes 12.01.2027 kl. 09.00
opt-title = tittel
    .description = Tittel (maks 200 teikn)
opt-location = stad
    .description = Kvar møtet blir halde
opt-id = nr
    .description = Kva for ein (byrja å skrive tittelen)
opt-details = detaljar
    .description = Detaljar (maks 4000 teikn)
opt-meeting = møte
    .description = Kva møte (byrja å skrive); elles det neste
    .description-minutes-show = Kva møte
    .description-minutes-publish = Kva møte
    .description-minutes-approve = Møtet referatet er frå
    .description-agenda-admit = Dette møtet eller det neste
opt-status = status
    .description = Ny status
    .description-meeting-attend = Kjem eller forfall
opt-version = versjon
    .description = Versjonen du såg (hindrar at du skriv over endringa til andre)
opt-position = plass
    .description = Ny plass på saklista (1 = først)
opt-owner = ansvarleg
    .description = Kven som har ansvaret for tiltaket
opt-agency = etat
    .description = Etat, til dømes politiet, skulen, NAV
opt-due = frist
    .description = Frist, til dømes 31.12.2027
opt-note = notat
    .description = Eit notat om framdrifta
    .description-meeting-attend = Eit kort notat, til dømes grunnen til forfall
opt-overdue = forfalne
    .description = Berre tiltak over fristen

opt-cadence = kor_ofte
    .description = Kor ofte: vel eit forslag eller skriv t.d. vekentleg tysdag kl. 09.00, RRULE eller cron
opt-skip_holidays = hopp_over_heilagdagar
    .description = Hopp over heilagdagar
opt-leads = påminningar
    .description = Påminningar før møtet, t.d. 7d,1d (d dagar, t timar), eller inga
opt-deadline = innmeldingsfrist
    .description = Frist for å melde inn saker før møtet, t.d. 2d, eller inga
opt-confirm = stadfest
    .description = Skriv namnet på gruppa for å stadfeste at alle dataa blir sletta
## Discord: meldingar frå adapteren
discord-guild-only = sltbot verkar i ein server, ikkje i direktemeldingar.
discord-shutting-down = sltbot startar på nytt. Prøv igjen om eit minutt.
discord-failed = Noko gjekk gale hos sltbot. Ingenting vart lagra; feilen er logga.
discord-button-done = Merk som fullført
discord-button-report = Meld framdrift
discord-modal-report = Meld framdrift
discord-modal-note = Kva har skjett?
discord-modal-agenda = Ny sak
discord-modal-item-title = Tittel
discord-modal-item-details = Detaljar (valfritt)
discord-confirm-delete = Sletting kan ikkje angrast: gruppa med møte, saker og tiltak blir borte for godt. For å gå vidare, køyr kommandoen på nytt med namnet på gruppa i bekreft, til dømes bekreft: { $name }
cmd-action-note = notat
    .description = Skriv om eit notat, til dømes for å fjerne namn (forfattaren eller koordinatorar)
opt-update = notatnr
    .description = Nummeret på notatet i historikken (sjå /action show)
sched-digest-items-count = • { $group }: { $count ->
    [one] éi ny sak
   *[other] { $count } nye saker
}
sched-digest-updates-count = • { $group }: { $count ->
    [one] eitt oppdatert tiltak
   *[other] { $count } oppdaterte tiltak
}
sched-digest-overdue-orders = Bestillingar over fristen
sched-digest-overdue-orders-count = • { $group }: { $count ->
    [one] éi bestilling ventar på svar etter fristen
   *[other] { $count } bestillingar ventar på svar etter fristen
}
sched-digest-overdue-count = • { $group }: { $count ->
    [one] eitt forseinka tiltak
   *[other] { $count } forseinka tiltak
}
audit-group-digest = endra kva vekeoppsummeringa viser
cmd-group-digest = oppsummering
    .description = Kva vekeoppsummeringa viser frå gruppa: titlar, eller berre tal (koordinatorar)
opt-titles = titlar
    .description = Vis titlar på saker og tiltak i vekeoppsummeringa
opt-rule = regel
    .description = Vis òg den nøyaktige regelen (RFC 5545)
## Delivery a coordinator can trust (issue 13): posts Discord refuses for good
delivery-failed-notice = ⚠️ Ei melding frå sltbot kom ikkje fram, og blir ikkje prøvd igjen:
delivery-notice-heading = ⚠️ { $count ->
    [one] Éi melding
   *[other] { $count } meldingar
} frå sltbot kom ikkje fram:
delivery-digest-failures = Meldingar som ikkje kom fram
delivery-failed-line = { $what } { $place }, planlagd { $due }. { $reason }
delivery-what-reminder = Påminninga om møtet { $meeting }
delivery-what-deadline = Fristvarselet for møtet { $meeting }
delivery-what-overdue = Purringa på tiltak { $id }
delivery-what-digest = Vekeoppsummeringa
delivery-what-other = Ei melding
delivery-where-group = til { $group } i { $channel }
delivery-where-group-no-channel = til { $group }
delivery-where-digest = til oppsummeringskanalen
delivery-reason-unknown-channel = Kanalen finst ikkje lenger: vel ein ny med /group edit (for oppsummeringa: /digest).
delivery-reason-missing-access = Boten kan ikkje sjå kanalen: gi han «Vis kanal» og «Send meldingar» i løyva til kanalen.
delivery-reason-missing-permissions = Boten manglar løyve i kanalen: gi han «Send meldingar», og «Nemn @everyone, @here og alle roller» viss koordinatorrolla ikkje kan nemnast.
delivery-reason-not-found = Discord fann ikkje mottakaren (HTTP 404): sjekk kanalen med /group show.
delivery-reason-forbidden = Discord nekta boten (HTTP 403): sjekk løyva til boten i kanalen.
delivery-reason-rejected = Discord avviste meldinga.
delivery-reason-gave-up = Discord svarte med feil for mange gonger på rad.
## Møteprotokoll: sakstypar, saksnummer, referat (issue 11)
case-type-decision = Vedtakssak
case-type-discussion = Drøftingssak
case-type-information = Orienteringssak
case-type-standing = Fast sak
case-type-aob = Eventuelt
case-type-order = Bestilling
case-type-feedback = Tilbakemelding
case-number = Sak { $number }
meeting-number = Møte { $number }
minutes-title = Referat
minutes-heading = Referat frå { $body }
minutes-level = Nivå
minutes-date = Dato
minutes-time = Tid
minutes-time-value = kl. { $hh }.{ $min }
minutes-place = Stad
minutes-chair = Møteleiar
minutes-referent = Referent
minutes-present = Til stades
minutes-apologies = Forfall
minutes-guests = Gjester
minutes-cases = Saker
minutes-case-type = Sakstype
minutes-notes = Handsaming
minutes-decision = Vedtak
minutes-responsible = Ansvarleg
minutes-deadline = Frist
minutes-actions = Tiltak
minutes-orders = Bestillingar
minutes-order-to = til { $body }
minutes-from-case = frå { $case }
minutes-none = Ingen.
minutes-status = Status
minutes-status-draft = Utkast
minutes-status-published = Publisert { $date }
minutes-status-approved = Godkjend { $date }
minutes-page = Side { $page } av { $pages }
standing-approve-notice = Godkjenning av innkalling og sakliste
standing-approve-minutes = Godkjenning av referat frå førre møte
standing-follow-up = Oppfølging av tiltak og bestillingar
standing-aob = Eventuelt
record-carried-copy = utsett frå eit tidlegare møte
record-individual-case-warning = ⚠ Dette ser ut som ei sak om eitt einskilt barn eller ein einskild ungdom. Eit styrande organ (styringsgruppe, politiråd) skal ikkje handsame einskildsaker: ta henne i eit tverrfagleg møte eller i fagsystemet, anonymisert.
record-case-put = { $case } står på saklista til { $group }, { $meeting }.
record-case-list-heading = Sakliste for { $group } { $number }, { $meeting }:
record-case-list-heading-unnumbered = Sakliste for { $group }, { $meeting }:
record-standing-heading = Faste saker for { $group }:
record-standing-defaults = Faste saker for { $group } (standardlista, ikkje endra):
record-held = { $group } { $number }, { $meeting }, er halde.
record-held-early = Merk: møtet er markert som halde før det byrja, slik du valde.
record-no-next-meeting = neste møte som blir sett opp
record-held-carried = { $count ->
    [one] Éi sak vart ikkje handsama og står no òg på saklista til { $next } (lenkja til originalen).
   *[other] { $count } saker vart ikkje handsama og står no òg på saklista til { $next } (lenkja til originalane).
}
record-held-moved = { $count ->
    [one] Eitt innspel som ikkje kom på saklista, er flytta til { $next }.
   *[other] { $count } innspel som ikkje kom på saklista, er flytta til { $next }.
}
record-reopened = Møtet i { $group } { $meeting } er opna att. { $count ->
    [0] Ingen saker måtte hentast tilbake.
    [one] Éi sak er henta tilbake frå neste møte.
   *[other] { $count } saker er henta tilbake frå neste møte.
}
record-reopened-kept = { $count ->
    [one] Éi utsett sak er alt handsama på neste møte og blir ståande der.
   *[other] { $count } utsette saker er alt handsama på neste møte og blir ståande der.
}
record-decided = Vedtak registrert: { $case }
record-minutes-approved-by-case = Referatet frå førre møte er dermed godkjent.
record-attend-present = { $user } er registrert til stades på møtet { $meeting }.
record-attend-absent = { $user } har meldt forfall til møtet { $meeting }.
record-guest-added = Gjesten { $guest } er registrert på møtet { $meeting }.
record-roles = Møtet { $meeting }: møteleiar { $chair }, referent { $referent }.
record-minutes-published = Referatet frå { $group }, { $meeting }, er publisert.
record-minutes-approved = Referatet frå møtet { $meeting } er godkjent { $date }.
record-error-held-before-start = Møte { $id } har ikkje byrja enno. Vil du likevel markere det som halde, må du seie det uttrykkeleg (valet «early»/«tidleg»).
record-error-same-time = Gruppa har alt eit møte på det tidspunktet (møte { $id }).
record-error-not-held = Møte { $id } er ikkje halde.
record-error-no-meeting = Sak { $id } står ikkje på noko møte enno.
record-error-case-type = Ukjend sakstype «{ $input }». Vel vedtakssak, drøftingssak, orienteringssak, fast sak eller eventuelt.
record-error-too-many-standing = Ei gruppe kan ha høgst { $max } faste saker.
record-error-nothing-recorded = Ingenting er registrert for møte { $id } enno: ingen saker, ikkje noko oppmøte.
record-error-minutes-not-published = Referatet frå møte { $id } er ikkje publisert (eller er alt godkjent).
record-error-minutes-published = Referatet frå møte { $id } er alt publisert.

## Discord: the meeting record and the minutes
cmd-minutes = referat
    .description = Referatet frå eit møte: sjå, publiser, godkjenn
cmd-minutes-show = vis
    .description = Vis referatet frå eit møte (utkast til det er publisert)
cmd-minutes-publish = publiser
    .description = Publiser referatet frå eit halde møte (koordinatorar)
cmd-minutes-approve = godkjenn
    .description = Godkjenn eit publisert referat på eit seinare møte (koordinatorar)
cmd-meeting-reopen = opne-att
    .description = Opne eit møte som vart merkt som halde ved ein feil (koordinatorar)
cmd-meeting-agenda = sakliste
    .description = Saklista for eit møte med saksnummer, type og vedtak
cmd-meeting-attend = oppmøte
    .description = Meld at du kjem eller har forfall (koordinatorar også for andre)
cmd-meeting-guest = gjest
    .description = Legg til ein gjest som ikkje er i Discord (koordinatorar)
cmd-meeting-roles = roller
    .description = Kven som leiar møtet og skriv referat (koordinatorar)
cmd-agenda-case = set-opp
    .description = Set ei sak på saklista med nummer, eller endre sakstypen (koordinatorar)
cmd-agenda-decide = vedtak
    .description = Før handsaming og vedtak for ei sak (koordinatorar)
cmd-group-standing = faste-saker
    .description = Dei faste sakene til gruppa på kvart møte (koordinatorar endrar)
opt-early = tidleg
    .description = Merk møtet som halde før starttidspunktet
opt-case_type = sakstype
    .description = Vedtakssak, drøftingssak, orienteringssak …
opt-decision = vedtak
    .description = Vedtaket
opt-notes = handsaming
    .description = Notat frå handsaminga
opt-responsible = ansvarleg
    .description = Kven som er ansvarleg for oppfølginga
opt-user = brukar
    .description = Eit anna medlem (koordinatorar)
    .description-meeting-invite = Ein brukar som skal vere gjest
    .description-meeting-uninvite = Gjesten som ikkje lenger skal vere med
opt-chair = møteleiar
    .description = Kven som leiar møtet
opt-referent = referent
    .description = Kven som skriv referat
opt-items = saker
    .description = Éi per linje eller skilde med ; — «Tittel» eller «Tittel | type»
opt-at_meeting = på-møte
    .description = Møtet der referatet vart godkjent
attendance-present = kjem
attendance-absent = forfall
audit-agenda-case = sette sak på saklista
audit-agenda-standing = sette fast sak på møte
audit-agenda-hold-move = flytta innspel til neste møte
audit-agenda-uncarry = tok tilbake utsett sak
audit-agenda-decide = førte vedtak
audit-group-standing = endra faste saker
audit-meeting-reopen = opna møte att
audit-meeting-attend = førte oppmøte
audit-meeting-guest = la til gjest
audit-meeting-roles = sette møteleiar og referent
audit-minutes-publish = publiserte referat
audit-minutes-approve = godkjende referat
schedule-leads = { $leads } før møtet
schedule-leads-none = ingen påminningar
schedule-deadline = frist for saker { $deadline } før møtet
schedule-deadline-none = ingen frist for saker
meeting-line-untitled = • { $when } — { $status } (møte { $id })
notice-heading = Innkalling: { $group } har møte { $meeting }.
notice-place = Stad: { $place }
notice-cases = Sakliste til no:
notice-deadline = Frist for å melde inn saker: { $deadline } (/agenda add).
notice-no-deadline = Saker kan meldast inn fram til møtet (/agenda add).
cmd-meeting-notice = innkalling
    .description = Innkallinga til eit møte: tid, stad, saklista til no og fristen
## Calendar (.ics) of a group's meetings (issue 13)
ics-ready = Kalender for { $group }: { $meetings ->
    [0] ingen møte
   *[other] { $meetings } møte
} dei neste tolv månadene{ $cancelled ->
    [0] {""}
   *[other] {" "}({ $cancelled } avlyste)
}.
ics-summary = { $group }: { $title }
ics-summary-untitled = { $group }: møte
ics-calendar-name = { $group } – møte
discord-ics-attached = Kalenderfila (.ics) er lagd ved: opne ho, eller importer ho i Outlook eller Google Kalender.
console-ics-saved = Lagra { $file }.
console-ics-failed = Kunne ikkje lagre kalenderen: { $reason }
cmd-meeting-ics = kalender
    .description = Møta i gruppa dei neste tolv månadene som kalenderfil (.ics)

## Interkommunale oppsett: kommunar, gjester på utvalde møte (issue 12, punkt 4)
cmd-municipality = kommune
    .description = Kommunane i eit interkommunalt SLT-samarbeid
cmd-municipality-add = legg-til
    .description = Legg til ein kommune med kommunenummer (SLT-koordinator)
cmd-municipality-list = liste
    .description = Vis kommunane og kor mange grupper kvar har
cmd-municipality-remove = fjern
    .description = Fjern ein kommune som ingen grupper høyrer til (SLT-koordinator)
cmd-group-municipalities = kommunar
    .description = Kva kommunar gruppa høyrer til (koordinatorar endrar)
cmd-meeting-invite = inviter
    .description = Inviter ei rolle eller ein brukar som gjest på bestemde møte (koordinatorar)
cmd-meeting-uninvite = fjern-gjest
    .description = Ta tilbake ein invitasjon til eit møte (koordinatorar)
opt-number = nummer
    .description = Kommunenummer, fire siffer, til dømes 4611
opt-municipality = kommune
    .description = Kommunen: nummer eller namn
    .description-digest-show = Vis oversikta for gruppene i denne kommunen (nummer eller namn)
opt-municipalities = kommunar
    .description = Kommunenummer eller namn, skilde med komma; «ingen» fjernar alle
opt-role = rolle
    .description = Ei rolle som skal vere gjest, til dømes representantane til kommunen
opt-also = òg
    .description = Fleire møte same gjest skal vere med på: møtenummer skilde med komma
audit-municipality-add = la til kommune
audit-municipality-remove = fjerna kommune
audit-group-municipalities = endra kommunar for gruppa
audit-meeting-invite = inviterte gjest
audit-meeting-uninvite = tok tilbake invitasjon
munis-added = Kommunen { $municipality } i { $county } er lagd til.
munis-digest-channel = Vekeoversikta for gruppene i kommunen går til { $channel }.
munis-list-heading = Kommunar:
munis-list-line = • { $municipality }, { $county }: { $groups ->
    [0] ingen grupper
    [one] 1 gruppe
   *[other] { $groups } grupper
}
munis-list-digest = eiga vekeoversikt i { $channel }
munis-list-empty = Ingen kommunar er lagde inn. Legg til ein med /municipality add number:4611 name:Etne.
munis-removed = Kommunen { $municipality } er fjerna.
munis-group = { $group } høyrer til { $municipalities }.
munis-group-none = { $group } høyrer ikkje til nokon kommune enno. Koordinatorane set det med /group municipalities municipalities:4611,1160.
munis-group-set = { $group } høyrer no til { $municipalities }.
munis-group-cleared = { $group } høyrer ikkje lenger til nokon kommune.
munis-invited = { $guest } er gjest i { $group } på { $count ->
    [one] dette møtet
   *[other] desse { $count } møta
}:
munis-meeting-line = • { $when } (møte { $id })
munis-invited-what = Gjesten blir varsla før desse møta (og berre dei), kan sjå sakslista deira og melde inn saker til dei.
munis-uninvited = { $guest } er ikkje lenger gjest i { $group } på møtet { $meeting }.
munis-digest-heading = { $name } ({ $number })
munis-guest-reminder = { $mention } Velkomen som gjest: { $group } har møte { $when }. Sakslista: /meeting agenda id:{ $id }. Meld inn ei sak: /agenda add group:{ $name } meeting:{ $id } title:…
munis-error-number-format = Eit kommunenummer har fire siffer, til dømes 4611 (Etne) eller 0301 (Oslo).
munis-error-number-county = Det kommunenummeret er ikkje i bruk etter fylkesendringa i 2024: dei to første siffera må vere eit fylke, til dømes 11 Rogaland, 39 Vestfold eller 46 Vestland.
munis-error-duplicate = Kommunenummer { $number } er lagt til før ({ $name }).
munis-error-unknown = Fann ingen kommune «{ $input }». Sjå /municipality list.
munis-error-in-use = { $name } kan ikkje fjernast medan desse gruppene høyrer til kommunen: { $groups }. Endre dei først med /group municipalities.
munis-error-guest-missing = Oppgi anten role: eller user: – ein av dei.
munis-error-not-invited = Den gjesten er ikkje invitert til møte { $id }.
munis-error-meeting-list = also: skal vere møtenummer skilde med mellomrom eller komma, til dømes 15, 18, 21.
munis-line = Kommunar: { $municipalities }
munis-export = Eksport for { $municipality }: { $count ->
    [0] ingen grupper
    [one] 1 gruppe ({ $groups })
   *[other] { $count } grupper ({ $groups })
}.
munis-export-title = Eksport for { $municipality }
cmd-municipality-export = eksport
    .description = Alt som er lagra om gruppene i kommunen du koordinerer, som JSON og Markdown
munis-minutes-label = Kommunar
munis-edited = Kommunen { $municipality } er endra.
munis-no-digest = Kommunen har inga eiga vekeoversikt; gruppene er med i den til serveren.
cmd-municipality-edit = endre
    .description = Gi ein kommune nytt namn eller eigen kanal for vekeoversikta (SLT-koordinator)
opt-no_digest = utan_oversikt
    .description = Stopp den eigne vekeoversikta til kommunen
## The follow-up round (issue 12): each owner of an open action is asked before the meeting
followup-answer-on-track = På sporet
followup-answer-delayed = Forseinka
followup-answer-done = Ferdig
followup-answer-needs-help = Treng hjelp
followup-button-note = Notat
followup-modal-title = Notat til oppfølginga
followup-ask = { $who } Oppfølging før møtet i { $group } { $meeting }: korleis går det med tiltaka dine? Svar innan { $deadline }.
followup-ask-again = { $who } Påminning: oppfølginga før møtet i { $group } { $meeting } ventar på svar frå deg. Svarfrist { $deadline }.
followup-ask-how = Trykk på ein knapp under kvart tiltak (Notat opnar eit skjema), eller bruk /action followup id: answer:.
followup-subject-action = { $n }. «{ $title }» (tiltak { $id })
followup-subject-order = { $n }. «{ $title }» (bestilling { $id })
followup-line-action = «{ $title }» (tiltak { $id })
followup-line-order = «{ $title }» (bestilling { $id })
followup-state-note-only = notat
followup-state-closed = lukka før svar
followup-state-silent = ikkje svart
followup-state-note = . Notat: { $note }
followup-none = Inga oppfølgingsrunde for dette møtet.
followup-planned = Oppfølgingsrunden spør eigarane av opne tiltak { $at }.
followup-nobody-asked = Oppfølgingsrunden fann ingen opne tiltak å spørje om.
followup-counts = Oppfølgingsrunden: { $asked } spurt, { $answered } har svart, { $silent } har ikkje svart (svarfrist { $deadline }).
followup-answer-line = { $who }: { $subject } — { $state }
followup-silent = Har ikkje svart: { $who }
followup-answered = Svaret på oppfølginga av tiltak { $id } «{ $title }» er lagra: { $answer } (møtet i { $group } { $meeting }).
followup-noted = Notatet til oppfølginga av tiltak { $id } «{ $title }» er lagra (møtet i { $group } { $meeting }).
followup-note-kept = Notatet er lagra.
followup-round-heading = Oppfølging av tiltak og bestillingar før møtet i { $group } { $meeting } (møte { $id })
followup-lead-days = { $days ->
    [one] eitt døgn
   *[other] { $days } dagar
} før møtet
followup-lead-hours = { $hours } timar før møtet
followup-lead-off = av (inga oppfølgingsrunde)
followup-settings = { $group }: oppfølgingsrunden spør { $lead }.
followup-settings-changed = { $group }: oppfølgingsrunden spør no { $lead }. Gjeld møte der ingen er spurt enno.
followup-error-not-asked = Tiltak { $id } er ikkje med i ei oppfølgingsrunde for eit komande møte. Bruk /action update for å melde framdrift.
followup-error-invalid-lead = «{ $input }» er ikkje ei tid før møtet. Skriv til dømes 7d (dagar), 48t (timar) eller ingen.
followup-digest-heading = Oppfølgingsrundar
followup-digest-line = • { $group }, møtet { $meeting }: { $asked } spurt, { $answered } har svart, { $silent } har ikkje svart
audit-action-followup = svarte på oppfølging
audit-group-followup = endra oppfølgingsrunden
cmd-action-followup = oppfølging
    .description = Svar på oppfølgingsrunden om eit tiltak (eigaren eller koordinatorar)
cmd-meeting-followup = oppfølging
    .description = Kven som har svart på oppfølgingsrunden før møtet (koordinatorar)
cmd-group-followup = oppfølging
    .description = Når oppfølgingsrunden spør før kvart møte (koordinatorar endrar)
opt-answer = svar
    .description = På sporet, forseinka, ferdig eller treng hjelp
opt-ask = spør
    .description = Kor lenge før møtet, t.d. 7d, 48t, eller ingen
followup-delivery-what = Oppfølgingsspørsmålet før møtet { $meeting }
followup-role = koordinatorrolle { $id }
## Referent per body, minutes published with the file, reminders (issue 11, items 6–7)
need-referent = referentane eller koordinatorane i gruppa
minutes2-group-referent-role = Referentar: { $role }
opt-referent_role = referentrolle
    .description = Rolla til dei som fører møta (vedtak, oppmøte, gjester)
minutes2-file-word = referat
minutes2-posted = { $title } er publisert { $date }. Vedlagt: PDF/A-fila for arkivet og den same teksten som Markdown.
minutes2-due = { $title } ({ $date }) er ikkje publisert to arbeidsdagar etter møtet. Sjå over utkastet med /minutes show og publiser det med /minutes publish (møte { $id }).
minutes2-draft-attached = Utkastet er vedlagt som PDF/A og Markdown (berre du ser det). Publiser med /minutes publish når det er klart.
minutes2-modal-title = Vedtak og handsaming
minutes2-modal-decision = Vedtak
minutes2-modal-notes = Handsaming (det som vart sagt)
minutes2-modal-responsible = Ansvarleg (valfritt)
minutes2-modal-due = Frist (valfritt), t.d. 12.02.2027
minutes2-link-published = Referat frå møte { $number }, publisert { $date }
minutes2-link-approved = Referat frå møte { $number }, godkjent { $date }
minutes2-link-draft = Referatet frå møte { $number } er ikkje publisert enno
minutes2-digest-heading = Referat som ventar på publisering
minutes2-digest-line = • { $body }: møte { $number } ({ $date })
minutes2-digest-line-unnumbered = • { $body }: møtet { $date }
minutes2-case-action = Tiltak
minutes2-agenda-case-line = { $case } { $title } — { $status } (meldt inn av { $user })
opt-case = sak
    .description = Saka det kjem frå
    .description-action-add = Saka tiltaket kjem frå: står under saka i referatet
    .description-order-add = Saka i møtet til bestillaren som bestillinga kjem frå
minutes2-agenda-case-line-standing = { $case } { $title } — { $status }
minutes2-case-edited = { $case } er endra.
minutes2-case-removed = { $case } «{ $title }» er trekt.
minutes2-case-moved = { $case } står no som nummer { $position } på { $meeting }.

## The notice posted by the scheduler (issue 11, items 3 and 4)
notice-post-heading = Innkalling: { $group } har møte { $meeting }.
notice-final-heading = Endeleg sakliste: { $group } har møte { $meeting }.
notice-final-cases = Sakliste:
notice-final-closed = Fristen for å melde inn saker er ute. Nye innspel går til koordinatoren, som avgjer om dei kjem på dette møtet eller det neste.
notice-final-late = { $count ->
    [one] Eitt innspel etter fristen ventar på koordinatoren.
   *[other] { $count } innspel etter fristen ventar på koordinatoren.
}
notice-cancelled = Møtet er avlyst.
notice-event = Arrangement: { $url }
notice-answer-buttons = Svar med knappane under: Kjem eller Forfall.
notice-answer-command = Meld oppmøte: /meeting attend id:{ $id } status:kjem (eller status:forfall).
notice-changed = Endra { $date } kl. { $hh }.{ $min }: { $what }.
notice-change-added = { $case } er sett opp
notice-change-removed = { $case } er teken av saklista
notice-change-order = rekkjefølgja på saklista er endra
notice-change-moved = møtet er flytt til tidspunktet over
notice-change-place = staden er endra
notice-change-cancelled = møtet er avlyst
notice-late-coordinators = { $mention }Innspel etter fristen til møtet { $meeting }: «{ $title }» (sak { $id }) frå { $user }. Avgjer med /agenda admit id:{ $id } meeting:this (dette møtet) eller meeting:next (neste møte).
notice-late-submitted = Fristen for å melde inn saker til møtet { $meeting } er ute. «{ $title }» (sak { $id }) er lagra og send til koordinatoren, som avgjer om ho kjem på dette møtet eller det neste.
notice-admitted-this = { $case } er teken med på saklista til møtet { $meeting }. Den utlagde saklista blir oppdatert.
notice-admitted-next = «{ $title }» (sak { $id }) er sett opp til { $meeting }.
notice-settings = Innkallinga til møta i { $group } blir lagd ut { $lead } før møtet, i kanalen til gruppa.
notice-settings-off = { $group } får inga innkalling frå sltbot før møta.
notice-error-not-late = Sak { $id } er ikkje eit innspel etter fristen som ventar på ei avgjerd.
notice-error-lead = Forstod ikkje «{ $input }». Skriv kor lenge før møtet innkallinga skal ut, til dømes 14d, eller av.
notice-admit-this = dette møtet
notice-admit-next = neste møte
sched-reminder-apologies = Forfall: { $names }
sched-reminder-guests = Gjestar: { $names }
discord-button-attend = Kjem
discord-button-apologies = Forfall
discord-modal-apologies = Forfall
discord-modal-apologies-note = Merknad (valfritt)
cmd-group-notice = innkalling
    .description = Når innkallinga blir lagd ut før kvart møte (koordinatorar endrar)
cmd-agenda-admit = ta-med
    .description = Avgjer eit innspel etter fristen: dette møtet eller neste (koordinatorar)
opt-lead = tid
    .description = Kor lenge før møtet, til dømes 14d, eller av
audit-group-notice = endra når innkallinga blir lagd ut
audit-agenda-admit = avgjorde eit innspel etter fristen
minutes2-console-saved = Utkastet er lagra (PDF/A og Markdown): { $files }
minutes2-console-failed = Kunne ikkje lagre utkastet: { $reason }
## Bestillingar mellom nivåa og oversikta til koordinatoren (issue 12)
cmd-order = bestilling
    .description = Bestillingar og rapportar mellom gruppene
cmd-order-add = ny
    .description = Bestill noko frå ei anna gruppe, eller rapporter oppover (koordinatorane i gruppa)
cmd-order-reply = svar
    .description = Svar på ei bestilling til gruppa di (koordinatorane hos mottakaren)
cmd-order-list = liste
    .description = Bestillingar inn og ut av gruppene dine
cmd-order-show = vis
    .description = Vis ei bestilling med historikk
cmd-overview = oversikt
    .description = Oversikt over gruppene du koordinerer: møte, saker, tiltak, bestillingar, referat
opt-from = frå
    .description = Gruppa som bestiller
opt-to = til
    .description = Gruppa som skal gjere jobben
opt-text = tekst
    .description = Svaret, kort
opt-open = opne
    .description = Berre opne bestillingar
audit-entity-order = (bestilling { $id })
audit-order-add = sende ei bestilling
audit-order-reply = svarte på ei bestilling
order-status-open = open
order-status-accepted = akseptert
order-status-declined = avslått
order-status-done = utført
order-case-title = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } frå { $from }: { $title }
order-answer-case-title = Svar på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number }: { $title }
order-no-due = ingen frist
order-due = frist { $due }
order-msg-on-meeting = Står på saklista til møtet { $when }.
order-msg-waiting = Kjem på saklista til neste møte når det er sett opp.
order-msg-sent = { $mention }Ny { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } frå { $from }: «{ $title }», frist: { $due }.
order-msg-answered = { $mention }{ $to } har svart på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } «{ $title }»: { $status }. { $text }
order-msg-howto = Svar med /order reply id:{ $number } status:… text:…
order-msg-overdue = { $mention }{ $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } frå { $from } «{ $title }» hadde frist { $due } og står som { $status }. Svar med /order reply id:{ $number }.
order-msg-overdue-again = { $mention }Framleis over fristen: { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } frå { $from } «{ $title }» hadde frist { $due } og står som { $status }. Svar med /order reply id:{ $number }.
order-line = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number }: { $title } ({ $from } → { $to }), { $status }
order-on-meeting = På saklista til møtet { $when }
order-waiting = Ventar på neste møte i gruppa
order-added = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } send til { $to }: { $title }
order-added-ping = Koordinatorane i { $to } får melding i kanalen til gruppa.
order-answered = Svar på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } registrert: { $status }. Svaret er sendt til { $from }.
order-list-heading = Bestillingar inn og ut av { $group }
order-list-open-heading = Opne bestillingar inn og ut av { $group }
order-list-mine-heading = Bestillingar i gruppene dine
order-list-mine-open-heading = Opne bestillingar i gruppene dine
order-list-empty = Ingen bestillingar.
order-history = Historikk:
order-history-sent = • { $at }: { $who } sende ho frå { $from } til { $to }
order-history-answered = • { $at }: { $who } svarte { $status }: { $text }
overview-none = Du er ikkje koordinator for nokon gruppe.
overview-heading = Oversikt over gruppene du koordinerer
overview-next-meeting = Neste møte: { $when }
overview-no-meeting = Neste møte: ikkje sett opp
overview-cases = Saker: { $cases } på saklista, { $proposals } nye innspel
overview-actions = Tiltak: { $open ->
    [one] 1 ope
   *[other] { $open } opne
}, { $overdue } over fristen
overview-orders-in = Bestillingar inn: { $count ->
    [one] 1 open
   *[other] { $count } opne
}, { $overdue } over fristen
overview-orders-out = Bestillingar ut: { $count ->
    [one] 1 open
   *[other] { $count } opne
}
overview-minutes-none = Referat: alle publiserte
overview-minutes-meeting = møte { $id } ({ $date })
overview-minutes-awaiting = Referat ikkje publisert: { $meetings }
overview-follow-up = Oppfølgingsrunden: { $answered } av { $asked } har svart, { $silent } har ikkje svart
order-error-unknown = Fann inga bestilling { $number }.
order-error-same-body = Ei gruppe kan ikkje bestille frå seg sjølv. Vel ei anna gruppe i til.
order-error-answer = Bestilling { $number } står som { $status } og kan ikkje få det svaret.
order-error-case = Sak { $case } høyrer ikkje til gruppa som bestiller. Vel ei sak frå dei eigne møta til bestillaren.
minutes-case-order = Bestilling til { $body }
delivery-what-order = Meldinga om ei bestilling eller eit svar
delivery-what-order-overdue = Purringa på ei bestilling

## Discord-arrangement og sjekk av løyve (issue 13)
cmd-group-events = arrangement
    .description = Møta i gruppa som Discord-arrangement: på eller av, og talekanal (utan val: vis)
cmd-workspace-check = sjekk
    .description = Sjekk at boten kan sjå, skrive, nemne og lage arrangement der sltbot er sett opp
opt-enabled = på
    .description = Slå arrangement på (ja) eller av (nei)
opt-voice = talekanal
    .description = Talekanalen møta blir haldne i (elles blir møtestaden brukt)
opt-place = møtestad
    .description = Ja: hald arrangementa på møtestaden igjen (utan talekanal)
audit-group-events = endra Discord-arrangementa
events-name = Møte i { $group }
events-name-titled = { $title } ({ $group })
events-description = Møte i { $group }, { $when }. Innkalling og saksliste: /meeting notice id:{ $id }
events-location-fallback = { $group } – sjå innkallinga
events-on = Discord-arrangement for { $group }: på, { $place }. { $count } møte dei neste { $days } dagane blir viste under Arrangement, og blir flytte og avlyste saman med møtet.
events-off = Discord-arrangement for { $group }: av. Slå dei på med /group events enabled:ja.
events-place-voice = i talekanalen { $channel }
events-place-external = med møtestaden som stad
events-link = Arrangement i Discord: { $url }
selfcheck-heading = Sjekk av løyva til boten ({ $channels } kanalar):
selfcheck-ok = Alt er i orden: boten kan sjå, skrive og nemne der sltbot er sett opp, og lage arrangement der det trengst.
selfcheck-offline = Discord kunne ikkje spørjast no, så løyva er ikkje sjekka (berre det sltbot sjølv veit, står under). Prøv igjen i Discord om litt.
selfcheck-the-bot = boten
selfcheck-purpose-group = gruppa { $group }
selfcheck-purpose-digest = vekeoversikta
selfcheck-channel-missing = Kanalen { $channel } ({ $purpose }) finst ikkje, eller boten ser han ikkje: vel ein annan kanal med /group edit channel: eller /digest set channel:, eller gje { $bot } tilgang til kanalen.
selfcheck-cannot-view = Boten ser ikkje { $channel } ({ $purpose }): Kanal { $channel } → Rediger kanal → Løyve → legg til { $bot }: slå på «Vis kanal».
selfcheck-cannot-send = Boten kan ikkje skrive i { $channel } ({ $purpose }): Kanal { $channel } → Rediger kanal → Løyve → legg til { $bot }: slå på «Send meldingar».
selfcheck-cannot-attach = Boten kan ikkje leggje ved filer i { $channel } ({ $purpose }), og referata er filer: Kanal { $channel } → Rediger kanal → Løyve → legg til { $bot }: slå på «Legg ved filer».
selfcheck-cannot-ping = Boten kan ikkje nemne { $role } i { $channel }: Serverinnstillingar → Roller → { $role } → slå på «Tillat at alle kan @nemne denne rolla» (eller gje { $bot } «Nemn @everyone, @here og alle roller»).
selfcheck-role-missing = Rolla { $role } finst ikkje lenger: vel ei ny med /group edit coordinator_role: eller /workspace set coordinator_role:.
selfcheck-cannot-create-events = Boten kan ikkje lage arrangement: Serverinnstillingar → Roller → { $bot } → slå på «Opprett arrangement».
selfcheck-cannot-use-voice = Boten kan ikkje bruke talekanalen { $channel } til arrangement: Kanal { $channel } → Rediger kanal → Løyve → legg til { $bot }: slå på «Vis kanal» og «Kopla til».
selfcheck-event-failed = Discord avviste arrangementet for møte { $id }: { $reason } Boten prøver igjen om nokre timar.
selfcheck-event-reason-permission = boten manglar løyve til å lage arrangement (sjå «Opprett arrangement» over).
selfcheck-event-reason-channel = talekanalen finst ikkje lenger: vel ein ny med /group events voice:.
selfcheck-event-reason-other = Discord godtok ikkje arrangementet.
selfcheck-event-cap = { $count } møte dei neste 60 dagane har enno ikkje fått arrangement, fordi sltbot lagar høgst { $cap } arrangement per server. Dei får det når dei nærmar seg.
## The year at a glance (årshjul), /plan and sltbot plan (issue 13)
plan-ready = Årshjul for { $year }: { $groups ->
    [one] { $groups } gruppe
   *[other] { $groups } grupper
}, { $meetings ->
    [one] { $meetings } møte
   *[other] { $meetings } møte
} ({ $held } halde, { $scheduled } planlagde, { $expected } etter fast møtetid, { $cancelled } avlyste).
plan-no-groups = Ingen grupper å vise i årshjulet for { $year }. Lag ei med /group create.
plan-no-meetings = Ingen møte i { $year } for { $groups ->
    [one] gruppa
   *[other] dei { $groups } gruppene
}, så årshjulet er tomt. Legg inn møte med /meeting add eller ei fast møtetid med /meeting schedule.
plan-title = Årshjul { $year }
plan-made = per { $date }
plan-legend-held = halde
plan-legend-scheduled = planlagt
plan-legend-expected = etter fast møtetid, ikkje oppretta enno
plan-legend-cancelled = avlyst
plan-legend-holiday = heilagdag
plan-legend-school = skuleferie, slik kommunen har sett han opp i sltbot:
plan-school-winter = vinterferie veke { $week }
plan-school-easter = påskeferie
plan-school-summer = sommarferie { $from }–{ $to }
plan-school-autumn = haustferie veke { $week }
plan-school-christmas = juleferie { $from }–{ $to }
plan-school-extra = { $count ->
    [one] éin dag eller periode til
   *[other] { $count } dagar eller periodar til
}
plan-school-none = ingen skuleferiar sette opp
plan-day-month = { $dd }.{ $mm }.
discord-plan-attached = Årshjulet er lagt ved som bilete (PNG).
console-plan-saved = Lagra { $file }.
console-plan-failed = Kunne ikkje lagre biletet: { $reason }
cmd-plan = årshjul
    .description = Møta til alle gruppene i eitt år som eitt bilete (årshjul)
opt-year = år
    .description = Året, til dømes 2027 (utan: i år)
followup-ask-how-order = Bestillingar svarar de på med /order reply id: status: text:.
