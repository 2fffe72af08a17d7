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
need-member = medlemmer av gruppa
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
error-meeting-other-group = Møte { $id } høyrer til ei anna gruppe.
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
group-archived-mark = (arkivert)
group-details = Nivå: { $level } · Kanal: { $channel } · Koordinatorar: { $coordinators } · Medlemmer: { $members }
group-list-heading = Grupper:
group-list-empty = Ingen grupper enno. SLT-koordinatoren opprettar dei med /group create.
group-list-line = • { $name } ({ $level })
group-next-meeting = Neste møte: { $meeting }
group-counts = Opne saker: { $items } · Aktive tiltak: { $actions }

## Møte
meeting-ref = møtet { $when } (møte { $id })
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
agenda-added = Takk! Saka «{ $title }» er meldt inn til { $group }, { $meeting } (sak { $id }).
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
console-unknown-option = /{ $command } har ikkje valet «{ $option }». Gyldige val: { $valid }
console-missing-option = /{ $command } manglar { $option }:
console-invalid-number = { $option }: må vere eit heilt tal.
console-invalid-user = { $option }: må vere ein brukar, til dømes <@123456789012345678> eller 123456789012345678.
console-invalid-role = { $option }: må vere ei rolle, til dømes <@&123456789012345678> eller 123456789012345678.
console-invalid-channel = { $option }: må vere ein kanal, til dømes <#123456789012345678> eller 123456789012345678.
console-invalid-flag = { $option }: må vere ja eller nei.
console-error-line-too-long = Linja er for lang (maks { $max } teikn).
console-error-control-character = Linja har eit kontrollteikn i kolonne { $column }.
console-error-missing-command = Linja må byrje med ein kommando, til dømes /agenda add (kolonne { $column }).
console-error-unbalanced-quote = Hermeteiknet i kolonne { $column } blir aldri lukka.
console-error-option-without-value = Valet { $name }: i kolonne { $column } manglar verdi. Skriv { $name }:"" for tom verdi.
console-error-unexpected-token = Uventa tekst i kolonne { $column }. Val skal skrivast namn:verdi, og tekst med mellomrom skal stå i hermeteikn.
console-error-duplicate-option = Valet { $name }: er gitt to gonger (kolonne { $column }).
console-error-bad-option-name = Ugyldig namn på val i kolonne { $column }.

## Kommandolinja
cli-no-token = Ingen Discord-token. Set miljøvariabelen DISCORD_TOKEN (sjå README: «Koble til Discord»), eller prøv sltbot utan Discord med: sltbot console --user 1 --admin
cli-db-read-only = Databasen { $url } er skriveverna. Gi sltbot skrivetilgang til fila og mappa, eller vel ein annan med --db / SLTBOT_DATABASE__URL.
cli-db-locked = Databasen { $url } er låst av ein annan prosess. Prøv igjen når prosessen er ferdig.
cli-db-failed = Kan ikkje opne databasen { $url }: { $reason }
cli-bad-lang = Ukjend språk «{ $input }». Vel nb, nn eller en.

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
cadence-error-unrecognized = «{ $word }» er verken ein førehandsvald frekvens, RRULE eller cron. Døme: «kvar 4. veke tysdag 09:00», «månadleg første tysdag 09:00» eller «0 9 * * 2».
cadence-error-unexpected-word = Forstod ikkje ordet «{ $word }» (ord nr. { $position }).
cadence-error-missing-part = Manglar { $part ->
    [weekday] vekedag
    [time] klokkeslett
    [ordinal] kva veke (første, siste …)
   *[from] dato etter «frå»
}.
cadence-error-duplicate-part = { $part ->
    [weekday] Vekedagen
    [time] Klokkeslettet
    [ordinal] Veka
   *[from] Startdatoen
} er oppgjeven to gonger.
cadence-error-invalid-time = Ugyldig klokkeslett «{ $text }» (bruk TT:MM).
cadence-error-invalid-date = Ugyldig dato «{ $text }» (bruk ÅÅÅÅ-MM-DD).
cadence-error-interval-out-of-range = Intervallet { $value } må vere mellom { $min } og { $max }.
cadence-error-never-occurs = Denne frekvensen gjev aldri noko møte.
cadence-error-cron-field-count = Cron treng 5 felt (minutt time dag månad vekedag), fann { $found }.
cadence-error-cron-invalid-field = Cron-felt { $position } ({ $field }) er ugyldig: «{ $text }».
cadence-error-cron-value-out-of-range = Verdien { $value } i cron-felt { $position } ({ $field }) må vere { $min }–{ $max }.
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

## Historikk, eksport, sletting og grenser
audit-heading = Siste endringar i { $group }:
audit-empty = Ingen endringar enno.
audit-line = • { $when }, { $user }: { $action } { $id }
audit-system = sltbot (sletting etter lagringstid)
export-ready = Eksport av { $group }: { $meetings } møte, { $items } saker og { $actions } tiltak. Filene er lagde ved (JSON og Markdown).
export-title = Eksport av { $group }
export-made = Laga { $when }.
export-meetings = Møte og saker
export-actions = Tiltak
export-audit = Historikken har { $count } oppføringar (ikkje med i eksporten).
group-deleted = Gruppa { $name } er sletta med { $meetings } møte, { $items } saker og { $actions } tiltak. Historikken viser berre at det skjedde.
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
    [one] éi sak på sakslista
   *[other] { $items } saker på sakslista
}.
schedule-next-none = { $group } har ingen komande møte.
schedule-moved = Møte { $id } er flytta frå { $from } til { $when }.
schedule-reminders = Påminningar for { $group }: { $leads } før møtet; frist for saker: { $deadline } før; hoppar over heilagdagar: { $skip }.
schedule-digest = Vekeoppsummering: kanal { $channel }, frekvens { $cadence }, neste: { $next }.
sched-reminder = { $mention }Påminning: { $group } har møte { $when }.
sched-reminder-agenda = Saksliste så langt:
sched-reminder-agenda-empty = Ingen saker på sakslista enno.
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
record-error-attendance = Ukjend svar «{ $input }». Svar til stades eller forfall.
record-error-too-many-standing = Ei gruppe kan ha høgst { $max } faste saker.
record-error-nothing-recorded = Ingenting er registrert for møte { $id } enno: ingen saker, ikkje noko oppmøte.
record-error-minutes-not-published = Referatet frå møte { $id } er ikkje publisert (eller er alt godkjent).
record-error-minutes-published = Referatet frå møte { $id } er alt publisert.
