## sltbot — norsk bokmål (standardspråk)

## Datoer og klokkeslett
weekday-mon = mandag
weekday-tue = tirsdag
weekday-wed = onsdag
weekday-thu = torsdag
weekday-fri = fredag
weekday-sat = lørdag
weekday-sun = søndag
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

## Verdier
value-none = (ikke satt)
level-styrende = styrende nivå
level-koordinerende = koordinerende nivå
level-utforende = utførende nivå
level-annet = annet
agenda-status-proposed = foreslått
agenda-status-on-agenda = på sakslista
agenda-status-handled = behandlet
agenda-status-carried-over = utsatt
agenda-status-withdrawn = trukket
action-status-open = ikke startet
action-status-in-progress = pågår
action-status-blocked = stoppet
action-status-done = fullført
action-status-cancelled = avbrutt
meeting-status-scheduled = planlagt
meeting-status-cancelled = avlyst
meeting-status-held = holdt
lang-nb = bokmål
lang-nn = nynorsk
lang-en = engelsk
field-name = Navnet
field-title = Tittelen
field-details = Beskrivelsen
field-note = Notatet
field-agency = Etaten
field-location = Stedet
need-anyone = alle
need-member = medlemmer av gruppa
need-coordinator = gruppas koordinatorer
need-workspace-coordinator = SLT-koordinatoren
need-admin = serveradministratorer

## Feil
error-forbidden = Det har du ikke tilgang til. Bare { $need } kan gjøre dette.
error-unknown-group = Fant ingen gruppe som heter «{ $name }». Se /group list.
error-group-archived = Gruppa «{ $name }» er arkivert og kan ikke endres.
error-unknown-meeting = Fant ikke møte { $id }. Se /meeting list.
error-unknown-agenda-item = Fant ikke sak { $id }. Se /agenda list.
error-unknown-action = Fant ikke tiltak { $id }. Se /action list.
error-text-empty = { $field } mangler. Fyll inn og prøv igjen.
error-text-too-long = { $field } har for mange tegn: { $len }, men maks er { $max }. Ingenting ble lagret; kort ned teksten og prøv igjen.
error-text-control = { $field } inneholder kontrolltegn som ikke kan lagres.
error-invalid-date = «{ $input }» er ikke en gyldig dato. Skriv for eksempel 31.12.2027 eller 2027-12-31.
error-invalid-datetime = «{ $input }» er ikke et gyldig tidspunkt. Skriv for eksempel 12.01.2027 kl. 09.00.
error-date-in-past = «{ $input }» er tilbake i tid.
error-duplicate-group = Det finnes allerede en gruppe som heter «{ $name }».
error-duplicate-agenda-item = Den saken er allerede meldt inn til samme møte (sak { $id }).
error-invalid-level = «{ $input }» er ikke et SLT-nivå. Velg styrende, koordinerende, utførende eller annet.
error-invalid-agenda-status = «{ $input }» er ikke en status for saker. Velg foreslått, på sakslista, behandlet, utsatt eller trukket.
error-invalid-action-status = «{ $input }» er ikke en status for tiltak. Velg ikke startet, pågår, stoppet, fullført eller avbrutt.
error-invalid-timezone = «{ $input }» er ikke en kjent tidssone. Bruk for eksempel Europe/Oslo.
error-invalid-language = «{ $input }» er ikke et språk sltbot kan. Velg nb, nn eller en.
error-meeting-closed = Møte { $id } tar ikke imot saker: det er avlyst, holdt eller allerede begynt.
error-meeting-not-scheduled = Møte { $id } er allerede avlyst eller holdt.
error-item-closed = Sak { $id } er { $status } og kan ikke endres.
error-not-your-item = Bare den som meldte inn sak { $id }, eller en koordinator, kan endre den.
error-status-needs-coordinator = Bare en koordinator kan sette status «{ $status }».
error-nothing-to-change = Det er ingenting å endre.
error-invalid-position = Plassen må være et tall fra 1 til { $max }.
error-edit-conflict = Noen andre endret dette samtidig. Ingenting ble lagret; hent det på nytt og prøv igjen.
error-read-only = Databasen er skrivebeskyttet, så ingenting ble lagret. Si fra til den som drifter sltbot.
error-locked = Databasen er opptatt, så ingenting ble lagret. Prøv igjen om litt.
error-internal = Noe gikk galt hos sltbot, og ingenting ble lagret. Feilen er logget.

## Arbeidsområde
workspace-heading = Innstillinger for serveren:
workspace-updated = Innstillingene er lagret.
workspace-details = Tidssone: { $timezone } · Språk: { $language } · SLT-koordinator: { $coordinators } · Ukeoppsummering i: { $digest }

## Grupper
group-created = Gruppa { $name } er opprettet.
group-edited = Gruppa { $name } er endret.
group-archived = Gruppa { $name } er arkivert. Historikken er tatt vare på.
group-archived-mark = — arkivert
group-details = Nivå: { $level } · Kanal: { $channel } · Koordinatorer: { $coordinators } · Medlemmer: { $members }
group-list-heading = Grupper:
group-list-empty = Ingen grupper ennå. SLT-koordinatoren oppretter dem med /group create.
group-list-line = • { $name } ({ $level })
group-next-meeting = Neste møte: { $meeting }
group-counts = Åpne saker: { $items } · Aktive tiltak: { $actions }

## Møter
meeting-ref = møtet { $when }
meeting-ref-waiting = neste møte (ingen møter er satt opp ennå)
meeting-added = Møte for { $group } { $when } er lagt inn (møte { $id }).
meeting-attached = { $count ->
    [one] Én sak som ventet, er satt opp på dette møtet.
   *[other] { $count } saker som ventet, er satt opp på dette møtet.
}
meeting-list-heading = Møter for { $group }:
meeting-list-empty = { $group } har ingen kommende møter. En koordinator legger dem inn med /meeting add.
meeting-line = • { $when } { $title } — { $status } (møte { $id })
meeting-cancelled = Møte { $id } { $when } er avlyst.
meeting-items-moved = { $count ->
    [one] Én åpen sak er flyttet til { $meeting }.
   *[other] { $count } åpne saker er flyttet til { $meeting }.
}
meeting-held = Møte { $id } { $when } er registrert som holdt.
meeting-carried-over = { $count ->
    [one] Én sak ble ikke behandlet og er utsatt til { $meeting }.
   *[other] { $count } saker ble ikke behandlet og er utsatt til { $meeting }.
}

## Saksliste
agenda-added = Takk! Saken «{ $title }» (sak { $id }) er meldt inn til { $group }, { $meeting }.
agenda-list-heading = Saksliste for { $group }, { $meeting }:
agenda-list-empty = Ingen saker ennå. Meld inn med /agenda add.
agenda-line = { $position }. { $title } — { $status } (sak { $id }, meldt inn av { $user })
agenda-edited = Sak { $id } er endret.
agenda-removed = Sak { $id } «{ $title }» er trukket.
agenda-moved = Sak { $id } står nå som nummer { $position } på { $meeting }.

## Tiltak
action-no-due = ikke satt
action-line = Tiltak { $id }: { $title } — ansvarlig { $owner }, { $status }, frist { $due }
action-added = Tiltak { $id } er registrert for { $group }.
action-updated = Tiltak { $id } er oppdatert.
action-update-status = { $from } → { $to }
action-update-line = • { $when }, { $user }: { $what }
action-list-heading = Tiltak:
action-list-heading-overdue = Forsinkede tiltak:
action-list-empty = Ingen tiltak passer.
action-shown = Tiltak { $id } i { $group }
action-agency = Etat: { $agency }
action-history = Oppdateringer:
action-no-updates = Ingen oppdateringer ennå.

## Konsollen
console-help-heading = Kommandoer (valg i [klammer] kan utelates):
console-help-footer = Tekst med mellomrom skrives i anførselstegn: title:"Uro ved ungdomsklubben". Datoer: 31.12.2027, tidspunkt: 12.01.2027 kl. 09.00.
console-unknown-command = Ukjent kommando «{ $command }». Skriv /help for en liste.
console-missing-option = /{ $command } mangler { $option }:
console-invalid-utf8 = Linja er ikke gyldig UTF-8-tekst og ble hoppet over. Lagre skriptet som UTF-8.
console-unknown-option = /{ $command } har ikke valget «{ $option }». Gyldige valg: { $valid }
console-error-line-too-long = Linja er for lang (maks { $max } tegn).
console-error-control-character = Linja har et kontrolltegn i kolonne { $column }.
console-error-missing-command = Linja må begynne med en kommando, for eksempel /agenda add (kolonne { $column }).
console-error-unbalanced-quote = Anførselstegnet i kolonne { $column } lukkes aldri.
console-error-option-without-value = Valget { $name }: i kolonne { $column } mangler verdi. Skriv { $name }:"" for tom verdi.
console-error-unexpected-token = Uventet tekst i kolonne { $column }. Valg skrives navn:verdi, og tekst med mellomrom i anførselstegn.
console-error-duplicate-option = Valget { $name }: er gitt to ganger (kolonne { $column }).
console-error-bad-option-name = Ugyldig navn på valg i kolonne { $column }.

## Kommandolinja
cli-no-token = Ingen Discord-token. Sett miljøvariabelen DISCORD_TOKEN (se README, «Set up the Discord bot»), eller prøv sltbot uten Discord med: sltbot console --user 1 --admin
cli-db-read-only = Databasen { $url } er skrivebeskyttet. Gi sltbot skrivetilgang til fila og mappa, eller velg en annen med --db / SLTBOT_DATABASE__URL.
cli-db-locked = Databasen { $url } er låst av en annen prosess. Prøv igjen når den er ferdig.
cli-db-failed = Kan ikke åpne databasen { $url }: { $reason }
cli-bad-lang = Ukjent språk «{ $input }». Velg nb, nn eller en.
cli-db-not-sqlite = sltbot lagrer bare i SQLite: databaseadressen (--db eller database.url) må begynne med sqlite:// eller være en filsti, f.eks. sqlite://data/sltbot.db. Andre databaser (PostgreSQL, MySQL …) støttes ikke, og ingenting er endret.
cli-backup-done = Sikkerhetskopi skrevet til { $path } ({ $size } byte, bare lesbar for eieren).
cli-backup-failed = Sikkerhetskopien ble ikke laget: { $reason }
cli-restore-done = Databasen { $url } er gjenopprettet fra { $path }.
cli-restore-in-use = Databasen { $url } er i bruk (kjører sltbot?). Stopp boten først; ingenting er endret.
cli-restore-failed = Gjenopprettingen ble ikke gjort, og databasen er uendret: { $reason }
cli-restore-memory = Kan ikke gjenopprette til en database i minnet. Oppgi en fil med --db.
cli-backup-exists = { $path } finnes allerede. En sikkerhetskopi overskriver aldri en fil; velg et nytt navn.
cli-restore-no-file = Fant ingen fil { $path } å gjenopprette fra.

## Helligdager og møtefrekvenser
holiday-new-years-day = første nyttårsdag
holiday-maundy-thursday = skjærtorsdag
holiday-good-friday = langfredag
holiday-easter-sunday = første påskedag
holiday-easter-monday = andre påskedag
holiday-labour-day = offentlig høytidsdag (1. mai)
holiday-constitution-day = grunnlovsdag (17. mai)
holiday-ascension-day = Kristi himmelfartsdag
holiday-whit-sunday = første pinsedag
holiday-whit-monday = andre pinsedag
holiday-christmas-day = første juledag
holiday-st-stephens-day = andre juledag
cadence-error-empty = Du må oppgi en møtefrekvens.
cadence-error-unrecognized = «{ $word }» er verken en forhåndsvalgt frekvens, RRULE eller cron. Eksempel: «hver 4. uke tirsdag kl. 09.00», «månedlig første tirsdag kl. 09.00», «4 ganger i året første tirsdag kl. 09.00», «møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00» eller «0 9 * * 2».
cadence-error-unexpected-word = Forstod ikke ordet «{ $word }» (ord nr. { $position }).
cadence-error-missing-part = Mangler { $part ->
    [weekday] ukedag
    [time] klokkeslett
    [ordinal] hvilken uke (første, siste …)
   *[from] dato etter «fra»
}.
cadence-error-duplicate-part = { $part ->
    [weekday] Ukedagen
    [time] Klokkeslettet
    [ordinal] Uka
   *[from] Startdatoen
} er oppgitt to ganger.
cadence-error-invalid-time = Ugyldig klokkeslett «{ $text }» (bruk TT:MM).
cadence-error-invalid-date = Ugyldig dato «{ $text }» (bruk ÅÅÅÅ-MM-DD).
cadence-error-interval-out-of-range = Intervallet { $value } må være mellom { $min } og { $max }.
cadence-error-never-occurs = Denne frekvensen gir aldri noe møte.
cadence-error-cron-field-count = Et cron-uttrykk har 5 felt (minutt, time, dag i måneden, måned, ukedag), men her er det { $found }.
cadence-error-cron-invalid-field = Felt { $position } i cron-uttrykket ({ $field ->
    [minute] minutt
    [hour] time
    [day-of-month] dag i måneden
    [month] måned
   *[day-of-week] ukedag
}) er ugyldig: «{ $text }».
cadence-error-cron-value-out-of-range = Verdien { $value } i felt { $position } i cron-uttrykket ({ $field ->
    [minute] minutt
    [hour] time
    [day-of-month] dag i måneden
    [month] måned
   *[day-of-week] ukedag
}) må være { $min }–{ $max }.
cadence-error-missing-dtstart = RRULE-teksten mangler DTSTART.
cadence-error-missing-rrule = Teksten mangler en RRULE-linje.
cadence-error-invalid-dtstart = Ugyldig DTSTART: «{ $text }».
cadence-error-unknown-timezone = Ukjent tidssone «{ $tzid }».
cadence-error-unexpected-line = Linje { $line } forstås ikke: «{ $text }».
cadence-error-missing-freq = RRULE mangler FREQ.
cadence-error-unknown-freq = Ukjent FREQ «{ $value }».
cadence-error-unsupported-freq = FREQ={ $value } støttes ikke (bruk DAILY, WEEKLY, MONTHLY eller YEARLY).
cadence-error-unknown-rule-part = Ukjent RRULE-del «{ $name }».
cadence-error-unsupported-rule-part = { $name } støttes ikke.
cadence-error-duplicate-rule-part = { $name } er oppgitt to ganger.
cadence-error-invalid-rule-value = Ugyldig verdi «{ $value }» for { $name }.
cadence-error-count-out-of-range = COUNT={ $value } må være mellom 1 og { $max }.
cadence-error-count-and-until = COUNT og UNTIL kan ikke brukes sammen.
cadence-error-invalid-combination = { $name } kan ikke brukes med FREQ={ $freq }.
cadence-error-times-per-year = { $value } ganger i året går ikke opp i hele måneder. Velg 1, 2, 3, 4, 6 eller 12 ganger i året.
cadence-error-week-out-of-range = Uke { $value } finnes ikke: ukene i et år har nummer 1 til 53.
cadence-error-not-understood = Forstod ikke «{ $word }».
cadence-suggestion = Mente du «{ $suggestion }»?
cadence-examples = Eksempel: «hver 4. uke tirsdag kl. 09.00», «månedlig første tirsdag kl. 09.00» eller «møte i uke 8, 20, 36 og 46 tirsdag kl. 09.00».

## Møtefrekvenser slik folk sier dem
list-and = { $head } og { $last }
cadence-at = { $what } kl. { $hh }.{ $mm }
cadence-in-zone = { $what } ({ $zone })
cadence-other = etter en egendefinert regel
cadence-daily = { $n ->
    [1] hver dag
    [2] annenhver dag
   *[other] hver { $every } dag
}
cadence-weekly = { $n ->
    [1] hver { $days }
    [2] annenhver uke, { $days }
   *[other] hver { $every } uke, { $days }
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
    [1] i måneden
    [2] annenhver måned
   *[other] hver { $every } måned
}
cadence-monthly-day = den { $days } { $n ->
    [1] i måneden
    [2] annenhver måned
   *[other] hver { $every } måned
}
cadence-yearly-weekday = { $nth } { $day } i { $months }
cadence-quarterly = hvert kvartal, { $what }
cadence-iso-weeks = { $days } i uke { $weeks }
schedule-rule = Regel: { $rule }
duration-days = { $n ->
    [one] { $n } dag
   *[other] { $n } dager
}
duration-hours = { $n ->
    [one] { $n } time
   *[other] { $n } timer
}
duration-minutes = { $n ->
    [one] { $n } minutt
   *[other] { $n } minutter
}

## Personvern
privacy-refused-national-id = { $field } ser ut til å inneholde et { $kind }. Slike opplysninger hører ikke hjemme i sltbot, så ingenting ble lagret.
privacy-anonymise-hint = Skriv uten navn og nummer, for eksempel «en elev på 9. trinn» eller «en gutt (15) ved ungdomsskolen».
privacy-id-fodselsnummer = fødselsnummer
privacy-id-d-nummer = D-nummer
privacy-id-h-nummer = H-nummer
privacy-warning-child-name = Obs: teksten kan se ut til å navngi et barn eller en ungdom. Den er lagret, men vurder å skrive den om uten navn.
privacy-warning-child-class = Obs: teksten nevner et barn sammen med en skoleklasse, og det kan være nok til å kjenne igjen barnet. Den er lagret, men vurder å skrive den om.

## Tekstsjekk (sltbot check-text)
check-text-clean = Fant ingen personopplysninger.
check-text-national-id = Teksten inneholder et { $kind }.
check-text-child-name = Obs: teksten kan se ut til å navngi et barn eller en ungdom. Vurder å skrive den om uten navn.
check-text-child-class = Obs: teksten nevner et barn sammen med en skoleklasse, og det kan være nok til å kjenne igjen barnet. Vurder å skrive den om.
check-text-invalid-utf8 = Teksten på standard inn er ikke gyldig UTF-8. Lagre den som UTF-8 og prøv igjen.

## Historikk, eksport, sletting og grenser
audit-heading = Siste endringer i { $group }:
audit-empty = Ingen endringer ennå.
audit-line = • { $when }, { $user }: { $action } { $target }
audit-system = sltbot (sletting etter lagringstid)
export-ready = Eksport av { $group }: { $meetings ->
    [one] { $meetings } møte
   *[other] { $meetings } møter
}, { $items ->
    [one] { $items } sak
   *[other] { $items } saker
} og { $actions } tiltak, som JSON og Markdown.
export-title = Eksport av { $group }
export-made = Laget { $when }.
export-meetings = Møter og saker
export-actions = Tiltak
export-audit = Historikken har { $count ->
    [one] { $count } oppføring
   *[other] { $count } oppføringer
} (ikke med i eksporten).
group-deleted = Gruppa { $name } er slettet med { $meetings ->
    [one] { $meetings } møte
   *[other] { $meetings } møter
}, { $items ->
    [one] { $items } sak
   *[other] { $items } saker
} og { $actions } tiltak. Historikken viser bare at det skjedde.
error-confirmation-required = Sletting kan ikke angres. Skriv gruppas navn i confirm: for å bekrefte, for eksempel confirm:"{ $name }".
limit-groups = Serveren har nådd grensen på { $max } grupper. Arkiver eller slett grupper som ikke brukes.
limit-items = Møtet har allerede { $max } åpne saker, som er grensen. Flytt noen til et senere møte.
limit-meetings = Gruppa har allerede { $max } kommende møter, som er grensen.
limit-actions = Gruppa har allerede { $max } aktive tiltak, som er grensen. Avslutt noen først.
console-export-saved = Lagret { $json } og { $markdown }. Filene inneholder gruppas data: oppbevar dem like trygt som databasen.
console-export-failed = Kunne ikke lagre eksporten: { $reason }
## Scheduler: cadences, reminders, deadline calls, overdue actions, weekly digest (issue 3)
cli-bad-timezone = Ukjent tidssone «{ $input }». Bruk et IANA-navn, f.eks. Europe/Oslo.
cli-bad-from = --from «{ $input }» er ikke et RFC 3339-tidspunkt (f.eks. 2027-01-01T00:00:00+01:00).
cli-bad-year = Ugyldig år «{ $input }». Oppgi et år mellom 1583 og 9999.
cli-count-too-large = --count { $count } er for mange: høyst { $max } om gangen. Fortsett med --from satt til siste tidspunkt for å få flere.
cli-occurrences-all-holidays = Ingen tidspunkt: alle møtene denne frekvensen gir, faller på helligdager, og --skip-holidays hopper over dem.
cli-occurrences-fewer = Fant bare { $found } av { $count } tidspunkt: regelen slutter, eller søket nådde grensen for hvor langt fram det leter.
value-yes = ja
value-no = nei
error-cadence-too-frequent = Denne frekvensen gir møter oftere enn én gang om dagen. Velg en sjeldnere frekvens.
error-invalid-leads = Ugyldige varslingstider «{ $input }». Skriv f.eks. «7d, 1d» (dager d, timer t, minutter m; høyst 5, høyst 60 dager), eller «ingen».
error-invalid-duration = Ugyldig frist «{ $input }». Skriv f.eks. «2d» eller «36t» (høyst 60 dager), eller «ingen».
schedule-set = Fast møtetid lagret for { $group }.
schedule-cadence = Frekvens: { $cadence }
schedule-skip-holidays = Hopper over helligdager: { $value }
schedule-upcoming = Neste møter:
schedule-next = Neste møte i { $group }: { $when } (møte { $id }), { $items ->
    [one] én sak på sakslista
   *[other] { $items } saker på sakslista
}.
schedule-next-none = { $group } har ingen kommende møter.
schedule-moved = Møte { $id } er flyttet fra { $from } til { $when }.
schedule-reminders = Påminnelser for { $group }: { $leads }; { $deadline }; hopper over helligdager: { $skip }.
schedule-digest = Ukeoppsummering: kanal { $channel }, { $cadence }, neste: { $next }.
sched-reminder = { $mention }Påminnelse: { $group } har møte { $when }.
sched-reminder-agenda = Saksliste så langt:
sched-reminder-agenda-empty = Ingen saker på sakslista ennå.
sched-reminder-agenda-line = { $position }. { $title }
sched-reminder-howto = Meld inn en sak: /agenda add group:{ $group } title:…
sched-deadline = Frist for saker til møtet i { $group } { $meeting }: { $deadline }. Meld inn saker med /agenda add group:{ $name } title:…
sched-overdue = { $owner } Tiltaket «{ $title }» (tiltak { $id }) i { $group } hadde frist { $due } og står som { $status }. Marker det som fullført eller meld fremdrift med knappene under, eller med /action update id:{ $id }.
sched-overdue-again = { $owner } Fortsatt forsinket: tiltaket «{ $title }» (tiltak { $id }) i { $group } hadde frist { $due } og står som { $status }. Meld fremdrift med knappene under, eller med /action update id:{ $id }.
sched-digest-heading = Ukeoppsummering uke { $week }
sched-digest-none = • Ingen.
sched-digest-meetings = Møter de neste 14 dagene
sched-digest-meeting = • { $when } — { $group }
sched-digest-meeting-cancelled = • { $when } — { $group } (avlyst)
sched-digest-items = Nye saker siden forrige oppsummering
sched-digest-item = • { $group }: { $title } (sak { $id })
sched-digest-updates = Oppdaterte tiltak
sched-digest-update = • { $group }: { $title } (tiltak { $id }) — { $status }{ $notes ->
    [0] {""}
    [one] , ett notat
   *[other] , { $notes } notater
}
sched-digest-overdue = Forsinkede tiltak
sched-digest-overdue-group = { $group }:
sched-digest-overdue-line = • { $title } (tiltak { $id }), frist { $due }

## Options that could not be read (the value is never repeated)
option-missing = { $option } mangler.
option-not-number = { $option } må være et helt tall.
option-too-small = { $option } må være minst { $min }.
option-not-user = { $option } må være en bruker, for eksempel <@123456789012345678> eller 123456789012345678.
option-not-role = { $option } må være en rolle, for eksempel <@&123456789012345678> eller 123456789012345678.
option-not-channel = { $option } må være en kanal, for eksempel <#123456789012345678> eller 123456789012345678.
option-not-yes-no = { $option } må være ja eller nei.
option-not-choice = { $option } må være en av: { $valid }.

## The audit trail, in words
audit-workspace-set = endret serverinnstillingene
audit-group-create = opprettet gruppa
audit-group-edit = endret gruppa
audit-group-archive = arkiverte gruppa
audit-group-reminders = endret påminnelsene
audit-group-delete = slettet gruppa
audit-meeting-add = la til møte
audit-meeting-cancel = avlyste møte
audit-meeting-held = markerte møte som avholdt
audit-meeting-schedule = satte opp faste møter
audit-meeting-move = flyttet møte
audit-agenda-add = meldte inn sak
audit-agenda-edit = endret sak
audit-agenda-remove = trakk sak
audit-agenda-move = flyttet sak
audit-agenda-attach = satte sak på møte
audit-agenda-carry-over = flyttet sak til neste møte
audit-action-add = la til tiltak
audit-action-update = oppdaterte tiltak
audit-digest-set = endret ukeoppsummeringen
audit-retention-purge = slettet gamle opplysninger etter lagringstid
audit-unknown = annen endring
audit-entity-group = (gruppe { $id })
audit-entity-meeting = (møte { $id })
audit-entity-agenda-item = (sak { $id })
audit-entity-action = (tiltak { $id })
audit-entity-series = (møteplan { $id })
group-next-meeting-none = Neste møte: ikke satt opp ennå.
discord-export-attached = Filene er vedlagt og vises bare for deg.
export-user = bruker { $id }
export-place = sted: { $place }
action-note-edited = Notat { $number } på tiltak { $id } er endret. Den gamle teksten er borte, også fra historikken.
action-update-note = notat { $number }: { $note }
audit-action-note = endret et notat

## ---- Discord: command and option names and descriptions, buttons, forms ----

## Discord: navn og beskrivelser for skråstrekkommandoene (Discords lokaliseringsfelt).
## Navn: små bokstaver, ingen mellomrom, maks 32 tegn. Beskrivelser: maks 100 tegn.
cmd-workspace = oppsett
    .description = Innstillinger for hele serveren
cmd-workspace-show = vis
    .description = Vis serverens innstillinger
cmd-workspace-set = endre
    .description = Endre tidssone, språk, SLT-koordinatorrolle eller oversiktskanal (admin)
cmd-group = gruppe
    .description = SLT-grupper: styringsgruppe, koordineringsgruppe, utførende nivå
cmd-group-create = opprett
    .description = Opprett en gruppe (SLT-koordinator)
cmd-group-list = liste
    .description = Vis gruppene
cmd-group-show = vis
    .description = Vis en gruppe med neste møte
cmd-group-edit = endre
    .description = Endre en gruppe (gruppas koordinatorer)
cmd-group-archive = arkiver
    .description = Arkiver en gruppe (gruppas koordinatorer)
cmd-meeting = møte
    .description = Møtene til en gruppe
cmd-meeting-add = ny
    .description = Legg inn et enkeltmøte
cmd-meeting-list = liste
    .description = Kommende møter i en gruppe
cmd-meeting-cancel = avlys
    .description = Avlys et møte; sakene flyttes til neste møte
cmd-meeting-held = holdt
    .description = Merk et møte som holdt; åpne saker blir utsatt
cmd-agenda = sak
    .description = Saker til møtene
cmd-agenda-add = meld-inn
    .description = Meld inn en sak (uten tittel får du et skjema)
cmd-agenda-list = liste
    .description = Sakslista til gruppas neste (eller et valgt) møte
cmd-agenda-edit = endre
    .description = Endre en sak
cmd-agenda-remove = trekk
    .description = Trekk en sak
cmd-agenda-move = flytt
    .description = Flytt en sak til et annet møte eller en annen plass (koordinatorer)
cmd-action = tiltak
    .description = Tiltak: ansvarlig, frist, status og framdrift
cmd-action-add = nytt
    .description = Legg inn et tiltak med ansvarlig (koordinatorer)
cmd-action-update = oppdater
    .description = Meld framdrift eller endre status på et tiltak
cmd-action-list = liste
    .description = Vis tiltak
cmd-action-show = vis
    .description = Vis et tiltak med historikk
cmd-group-reminders = påminnelser
    .description = Påminnelser før møtet, innmeldingsfrist og helligdager (uten valg: vis dem)
cmd-group-export = eksport
    .description = Alt som er lagret om en gruppe, som JSON- og Markdown-filer (gruppas koordinatorer)
cmd-group-delete = slett
    .description = Slett en gruppe og alle dataene for godt (gruppas koordinatorer; må bekreftes)
cmd-meeting-schedule = fast-tid
    .description = Gi gruppa en fast møtetid; erstatter den forrige (koordinatorer)
cmd-meeting-next = neste
    .description = Gruppas neste møte
cmd-meeting-move = flytt
    .description = Flytt ett møte til et annet tidspunkt (koordinatorer)
cmd-audit = logg
    .description = Siste endringer i en gruppe (gruppas koordinatorer)
cmd-digest = ukeoversikt
    .description = Ukeoversikten over møter, saker og tiltak
cmd-digest-show = vis
    .description = Vis kanal, hyppighet og neste utsending, eller (med kommune) oversikten for én kommune
cmd-digest-set = endre
    .description = Endre kanal eller hyppighet for oversikten (admin)

## Discord: valg til kommandoene
opt-timezone = tidssone
    .description = IANA-tidssone, for eksempel Europe/Oslo
opt-language = språk
    .description = Språket i svar og påminnelser
opt-coordinator_role = koordinatorrolle
    .description = Koordinatorrollen
opt-digest_channel = oversiktskanal
    .description = Kanalen for ukeoversikten
    .description-municipality-add = Kanal for ukeoversikten over kommunens grupper (valgfritt)
    .description-municipality-edit = Kanal for ukeoversikten over kommunens grupper
opt-name = navn
    .description = Navnet på gruppa
    .description-meeting-guest = Gjestens navn og gjerne rolle (ikke barn)
    .description-municipality-add = Kommunens navn, for eksempel Etne
    .description-municipality-edit = Kommunens nye navn
opt-level = nivå
    .description = SLT-nivå
opt-channel = kanal
    .description = Gruppas egen kanal
    .description-digest-set = Kanalen for ukeoversikten
opt-member_role = medlemsrolle
    .description = Rollen til gruppas medlemmer
opt-archived = arkiverte
    .description = Ta med arkiverte grupper
opt-group = gruppe
    .description = Gruppa (begynn å skrive navnet)
opt-at = tidspunkt
    .description = Når, for eksempel 12.01.2027 kl. 09.00
    .description-meeting-move = Nytt tidspunkt, for eksempel 12.01.2027 kl. 09.00
opt-title = tittel
    .description = Tittel (maks 200 tegn)
opt-location = sted
    .description = Hvor møtet holdes
opt-id = nr
    .description = Hvilken (begynn å skrive tittelen)
opt-details = detaljer
    .description = Detaljer (maks 4000 tegn)
opt-meeting = møte
    .description = Hvilket møte (begynn å skrive); ellers det neste
    .description-minutes-show = Hvilket møte
    .description-minutes-publish = Hvilket møte
    .description-minutes-approve = Møtet referatet er fra
    .description-agenda-admit = Dette møtet eller det neste
opt-status = status
    .description = Ny status
    .description-meeting-attend = Kommer eller forfall
opt-version = versjon
    .description = Versjonen du så (hindrer at du skriver over andres endring)
opt-position = plass
    .description = Ny plass på sakslista (1 = først)
opt-owner = ansvarlig
    .description = Hvem som har ansvaret for tiltaket
opt-agency = etat
    .description = Etat, for eksempel politiet, skolen, NAV
opt-due = frist
    .description = Frist, for eksempel 31.12.2027
opt-note = notat
    .description = Et notat om framdriften
    .description-meeting-attend = Et kort notat, for eksempel grunnen til forfall
opt-overdue = forfalte
    .description = Bare tiltak over fristen

opt-cadence = hyppighet
    .description = Hvor ofte: velg et forslag eller skriv f.eks. ukentlig tirsdag kl. 09.00, RRULE eller cron
opt-skip_holidays = hopp_over_helligdager
    .description = Hopp over helligdager
opt-leads = påminnelser
    .description = Påminnelser før møtet, f.eks. 7d,1d (d dager, t timer), eller ingen
opt-deadline = innmeldingsfrist
    .description = Frist for å melde inn saker før møtet, f.eks. 2d, eller ingen
opt-confirm = bekreft
    .description = Skriv gruppas navn for å bekrefte at alle dataene slettes
## Discord: meldinger fra adapteren
discord-guild-only = sltbot virker i en server, ikke i direktemeldinger.
discord-shutting-down = sltbot starter på nytt. Prøv igjen om et minutt.
discord-failed = Noe gikk galt hos sltbot. Ingenting ble lagret; feilen er logget.
discord-button-done = Merk som fullført
discord-button-report = Meld framdrift
discord-modal-report = Meld framdrift
discord-modal-note = Hva har skjedd?
discord-modal-agenda = Ny sak
discord-modal-item-title = Tittel
discord-modal-item-details = Detaljer (valgfritt)
discord-confirm-delete = Sletting kan ikke angres: gruppa med møter, saker og tiltak blir borte for godt. For å gå videre, kjør kommandoen på nytt med gruppas navn i bekreft, for eksempel bekreft: { $name }
cmd-action-note = notat
    .description = Skriv om et notat, for eksempel for å fjerne navn (forfatteren eller koordinatorer)
opt-update = notatnr
    .description = Notatets nummer i historikken (se /action show)
sched-digest-items-count = • { $group }: { $count ->
    [one] én ny sak
   *[other] { $count } nye saker
}
sched-digest-updates-count = • { $group }: { $count ->
    [one] ett oppdatert tiltak
   *[other] { $count } oppdaterte tiltak
}
sched-digest-overdue-orders = Bestillinger over fristen
sched-digest-overdue-orders-count = • { $group }: { $count ->
    [one] én bestilling venter på svar etter fristen
   *[other] { $count } bestillinger venter på svar etter fristen
}
sched-digest-overdue-count = • { $group }: { $count ->
    [one] ett forsinket tiltak
   *[other] { $count } forsinkede tiltak
}
audit-group-digest = endret hva ukeoppsummeringen viser
cmd-group-digest = oppsummering
    .description = Hva ukeoppsummeringen viser fra gruppa: titler, eller bare antall (koordinatorer)
opt-titles = titler
    .description = Vis titler på saker og tiltak i ukeoppsummeringen
opt-rule = regel
    .description = Vis også den nøyaktige regelen (RFC 5545)
## Delivery a coordinator can trust (issue 13): posts Discord refuses for good
delivery-failed-notice = ⚠️ En melding fra sltbot kom ikke fram, og blir ikke prøvd igjen:
delivery-notice-heading = ⚠️ { $count ->
    [one] Én melding
   *[other] { $count } meldinger
} fra sltbot kom ikke fram:
delivery-digest-failures = Meldinger som ikke kom fram
delivery-failed-line = { $what } { $place }, planlagt { $due }. { $reason }
delivery-what-reminder = Påminnelsen om møtet { $meeting }
delivery-what-deadline = Fristvarselet for møtet { $meeting }
delivery-what-overdue = Purringen på tiltak { $id }
delivery-what-digest = Ukeoppsummeringen
delivery-what-other = En melding
delivery-where-group = til { $group } i { $channel }
delivery-where-group-no-channel = til { $group }
delivery-where-digest = til oppsummeringskanalen
delivery-reason-unknown-channel = Kanalen finnes ikke lenger: velg en ny med /group edit (for oppsummeringen: /digest).
delivery-reason-missing-access = Boten kan ikke se kanalen: gi den «Vis kanal» og «Send meldinger» i kanalens tillatelser.
delivery-reason-missing-permissions = Boten mangler tillatelse i kanalen: gi den «Send meldinger», og «Nevn @everyone, @here og alle roller» hvis koordinatorrollen ikke kan nevnes.
delivery-reason-not-found = Discord fant ikke mottakeren (HTTP 404): sjekk kanalen med /group show.
delivery-reason-forbidden = Discord nektet boten (HTTP 403): sjekk botens tillatelser i kanalen.
delivery-reason-rejected = Discord avviste meldingen.
delivery-reason-gave-up = Discord svarte med feil for mange ganger på rad.
## Møteprotokoll: sakstyper, saksnummer, referat (issue 11)
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
minutes-heading = Referat fra { $body }
minutes-level = Nivå
minutes-date = Dato
minutes-time = Tid
minutes-time-value = kl. { $hh }.{ $min }
minutes-place = Sted
minutes-chair = Møteleder
minutes-referent = Referent
minutes-present = Til stede
minutes-apologies = Forfall
minutes-guests = Gjester
minutes-cases = Saker
minutes-case-type = Sakstype
minutes-notes = Behandling
minutes-decision = Vedtak
minutes-responsible = Ansvarlig
minutes-deadline = Frist
minutes-actions = Tiltak
minutes-orders = Bestillinger
minutes-order-to = til { $body }
minutes-from-case = fra { $case }
minutes-none = Ingen.
minutes-status = Status
minutes-status-draft = Utkast
minutes-status-published = Publisert { $date }
minutes-status-approved = Godkjent { $date }
minutes-page = Side { $page } av { $pages }
standing-approve-notice = Godkjenning av innkalling og saksliste
standing-approve-minutes = Godkjenning av referat fra forrige møte
standing-follow-up = Oppfølging av tiltak og bestillinger
standing-aob = Eventuelt
record-carried-copy = utsatt fra et tidligere møte
record-individual-case-warning = ⚠ Dette ser ut som en sak om ett enkelt barn eller en enkelt ungdom. Et styrende organ (styringsgruppe, politiråd) skal ikke behandle enkeltsaker: ta den i et tverrfaglig møte eller i fagsystemet, anonymisert.
record-case-put = { $case } står på sakslista til { $group }, { $meeting }.
record-case-list-heading = Saksliste for { $group } { $number }, { $meeting }:
record-case-list-heading-unnumbered = Saksliste for { $group }, { $meeting }:
record-standing-heading = Faste saker for { $group }:
record-standing-defaults = Faste saker for { $group } (standardlista, ikke endret):
record-held = { $group } { $number }, { $meeting }, er holdt.
record-held-early = Merk: møtet er markert som holdt før det begynte, slik du valgte.
record-no-next-meeting = neste møte som settes opp
record-held-carried = { $count ->
    [one] Én sak ble ikke behandlet og står nå også på sakslista til { $next } (lenket til originalen).
   *[other] { $count } saker ble ikke behandlet og står nå også på sakslista til { $next } (lenket til originalene).
}
record-held-moved = { $count ->
    [one] Ett innspill som ikke kom på sakslista, er flyttet til { $next }.
   *[other] { $count } innspill som ikke kom på sakslista, er flyttet til { $next }.
}
record-reopened = Møtet i { $group } { $meeting } er åpnet igjen. { $count ->
    [0] Ingen saker måtte hentes tilbake.
    [one] Én sak er hentet tilbake fra neste møte.
   *[other] { $count } saker er hentet tilbake fra neste møte.
}
record-reopened-kept = { $count ->
    [one] Én utsatt sak er allerede behandlet på neste møte og blir stående der.
   *[other] { $count } utsatte saker er allerede behandlet på neste møte og blir stående der.
}
record-decided = Vedtak registrert: { $case }
record-minutes-approved-by-case = Referatet fra forrige møte er dermed godkjent.
record-attend-present = { $user } er registrert til stede på møtet { $meeting }.
record-attend-absent = { $user } har meldt forfall til møtet { $meeting }.
record-guest-added = Gjesten { $guest } er registrert på møtet { $meeting }.
record-roles = Møtet { $meeting }: møteleder { $chair }, referent { $referent }.
record-minutes-published = Referatet fra { $group }, { $meeting }, er publisert.
record-minutes-approved = Referatet fra møtet { $meeting } er godkjent { $date }.
record-error-held-before-start = Møte { $id } har ikke begynt ennå. Vil du likevel markere det som holdt, må du si det uttrykkelig (valget «early»/«tidlig»).
record-error-same-time = Gruppa har allerede et møte på det tidspunktet (møte { $id }).
record-error-not-held = Møte { $id } er ikke holdt.
record-error-no-meeting = Sak { $id } står ikke på noe møte ennå.
record-error-case-type = Ukjent sakstype «{ $input }». Velg vedtakssak, drøftingssak, orienteringssak, fast sak eller eventuelt.
record-error-too-many-standing = En gruppe kan ha høyst { $max } faste saker.
record-error-nothing-recorded = Ingenting er registrert for møte { $id } ennå: ingen saker, ingen oppmøte.
record-error-minutes-not-published = Referatet fra møte { $id } er ikke publisert (eller er allerede godkjent).
record-error-minutes-published = Referatet fra møte { $id } er allerede publisert.

## Discord: the meeting record and the minutes
cmd-minutes = referat
    .description = Referatet fra et møte: se, publiser, godkjenn
cmd-minutes-show = vis
    .description = Vis referatet fra et møte (utkast til det er publisert)
cmd-minutes-publish = publiser
    .description = Publiser referatet fra et avholdt møte (koordinatorer)
cmd-minutes-approve = godkjenn
    .description = Godkjenn et publisert referat på et senere møte (koordinatorer)
cmd-meeting-reopen = gjenåpne
    .description = Åpne et møte som ble markert som avholdt ved en feil (koordinatorer)
cmd-meeting-agenda = saksliste
    .description = Sakslista for et møte med saksnummer, type og vedtak
cmd-meeting-attend = oppmøte
    .description = Meld at du kommer eller har forfall (koordinatorer også for andre)
cmd-meeting-guest = gjest
    .description = Legg til en gjest som ikke er i Discord (koordinatorer)
cmd-meeting-roles = roller
    .description = Hvem som leder møtet og skriver referat (koordinatorer)
cmd-agenda-case = sett-opp
    .description = Sett en sak på sakslista med nummer, eller endre sakstypen (koordinatorer)
cmd-agenda-decide = vedtak
    .description = Før behandling og vedtak for en sak (koordinatorer)
cmd-group-standing = faste-saker
    .description = Gruppas faste saker på hvert møte (koordinatorer endrer)
opt-early = tidlig
    .description = Marker møtet som avholdt før starttidspunktet
opt-case_type = sakstype
    .description = Vedtakssak, drøftingssak, orienteringssak …
opt-decision = vedtak
    .description = Vedtaket
opt-notes = behandling
    .description = Notater fra behandlingen
opt-responsible = ansvarlig
    .description = Hvem som er ansvarlig for oppfølgingen
opt-user = bruker
    .description = Et annet medlem (koordinatorer)
    .description-meeting-invite = En bruker som skal være gjest
    .description-meeting-uninvite = Gjesten som ikke lenger skal være med
opt-chair = møteleder
    .description = Hvem som leder møtet
opt-referent = referent
    .description = Hvem som skriver referat
opt-items = saker
    .description = Én per linje eller skilt med ; — «Tittel» eller «Tittel | type»
opt-at_meeting = på-møte
    .description = Møtet der referatet ble godkjent
attendance-present = kommer
attendance-absent = forfall
audit-agenda-case = satte sak på sakslista
audit-agenda-standing = satte fast sak på møte
audit-agenda-hold-move = flyttet innspill til neste møte
audit-agenda-uncarry = tok tilbake utsatt sak
audit-agenda-decide = førte vedtak
audit-group-standing = endret faste saker
audit-meeting-reopen = gjenåpnet møte
audit-meeting-attend = førte oppmøte
audit-meeting-guest = la til gjest
audit-meeting-roles = satte møteleder og referent
audit-minutes-publish = publiserte referat
audit-minutes-approve = godkjente referat
schedule-leads = { $leads } før møtet
schedule-leads-none = ingen påminnelser
schedule-deadline = frist for saker { $deadline } før møtet
schedule-deadline-none = ingen frist for saker
meeting-line-untitled = • { $when } — { $status } (møte { $id })
notice-heading = Innkalling: { $group } har møte { $meeting }.
notice-place = Sted: { $place }
notice-cases = Saksliste så langt:
notice-deadline = Frist for å melde inn saker: { $deadline } (/agenda add).
notice-no-deadline = Saker kan meldes inn fram til møtet (/agenda add).
cmd-meeting-notice = innkalling
    .description = Innkallingen til et møte: tid, sted, sakslista så langt og fristen
## Calendar (.ics) of a group's meetings (issue 13)
ics-ready = Kalender for { $group }: { $meetings ->
    [0] ingen møter
    [one] { $meetings } møte
   *[other] { $meetings } møter
} de neste tolv månedene{ $cancelled ->
    [0] {""}
   *[other] {" "}({ $cancelled } avlyst)
}.
ics-summary = { $group }: { $title }
ics-summary-untitled = { $group }: møte
ics-calendar-name = { $group } – møter
discord-ics-attached = Kalenderfila (.ics) er vedlagt: åpne den, eller importer den i Outlook eller Google Kalender.
console-ics-saved = Lagret { $file }.
console-ics-failed = Kunne ikke lagre kalenderen: { $reason }
cmd-meeting-ics = kalender
    .description = Gruppas møter de neste tolv månedene som kalenderfil (.ics)

## Interkommunale oppsett: kommuner, gjester på utvalgte møter (issue 12, punkt 4)
cmd-municipality = kommune
    .description = Kommunene i et interkommunalt SLT-samarbeid
cmd-municipality-add = legg-til
    .description = Legg til en kommune med kommunenummer (SLT-koordinator)
cmd-municipality-list = liste
    .description = Vis kommunene og hvor mange grupper hver har
cmd-municipality-remove = fjern
    .description = Fjern en kommune som ingen grupper hører til (SLT-koordinator)
cmd-group-municipalities = kommuner
    .description = Hvilke kommuner gruppa hører til (koordinatorer endrer)
cmd-meeting-invite = inviter
    .description = Inviter en rolle eller bruker som gjest på bestemte møter (koordinatorer)
cmd-meeting-uninvite = fjern-gjest
    .description = Ta tilbake en invitasjon til et møte (koordinatorer)
opt-number = nummer
    .description = Kommunenummer, fire sifre, for eksempel 4611
opt-municipality = kommune
    .description = Kommunen: nummer eller navn
    .description-digest-show = Vis oversikten for gruppene i denne kommunen (nummer eller navn)
opt-municipalities = kommuner
    .description = Kommunenummer eller navn, skilt med komma; «ingen» fjerner alle
opt-role = rolle
    .description = En rolle som skal være gjest, for eksempel kommunens representanter
opt-also = også
    .description = Flere møter samme gjest skal være med på: møtenumre skilt med komma
audit-municipality-add = la til kommune
audit-municipality-remove = fjernet kommune
audit-group-municipalities = endret kommuner for gruppa
audit-meeting-invite = inviterte gjest
audit-meeting-uninvite = tok tilbake invitasjon
munis-added = Kommunen { $municipality } i { $county } er lagt til.
munis-digest-channel = Ukeoversikten for kommunens grupper går til { $channel }.
munis-list-heading = Kommuner:
munis-list-line = • { $municipality }, { $county }: { $groups ->
    [0] ingen grupper
    [one] 1 gruppe
   *[other] { $groups } grupper
}
munis-list-digest = egen ukeoversikt i { $channel }
munis-list-empty = Ingen kommuner er lagt inn. Legg til en med /municipality add number:4611 name:Etne.
munis-removed = Kommunen { $municipality } er fjernet.
munis-group = { $group } hører til { $municipalities }.
munis-group-none = { $group } hører ikke til noen kommune ennå. Koordinatorene setter det med /group municipalities municipalities:4611,1160.
munis-group-set = { $group } hører nå til { $municipalities }.
munis-group-cleared = { $group } hører ikke lenger til noen kommune.
munis-invited = { $guest } er gjest i { $group } på { $count ->
    [one] dette møtet
   *[other] disse { $count } møtene
}:
munis-meeting-line = • { $when } (møte { $id })
munis-invited-what = Gjesten blir varslet før disse møtene (og bare dem), kan se sakslista deres og melde inn saker til dem.
munis-uninvited = { $guest } er ikke lenger gjest i { $group } på møtet { $meeting }.
munis-digest-heading = { $name } ({ $number })
munis-guest-reminder = { $mention } Velkommen som gjest: { $group } har møte { $when }. Sakslista: /meeting agenda id:{ $id }. Meld inn en sak: /agenda add group:{ $name } meeting:{ $id } title:…
munis-error-number-format = Et kommunenummer har fire sifre, for eksempel 4611 (Etne) eller 0301 (Oslo).
munis-error-number-county = Det kommunenummeret er ikke i bruk etter fylkesendringen i 2024: de to første sifrene må være et fylke, for eksempel 11 Rogaland, 39 Vestfold eller 46 Vestland.
munis-error-duplicate = Kommunenummer { $number } er allerede lagt til ({ $name }).
munis-error-unknown = Fant ingen kommune «{ $input }». Se /municipality list.
munis-error-in-use = { $name } kan ikke fjernes mens disse gruppene hører til kommunen: { $groups }. Endre dem først med /group municipalities.
munis-error-guest-missing = Oppgi enten role: eller user: – én av dem.
munis-error-not-invited = Den gjesten er ikke invitert til møte { $id }.
munis-error-meeting-list = also: skal være møtenumre skilt med mellomrom eller komma, for eksempel 15, 18, 21.
munis-line = Kommuner: { $municipalities }
munis-export = Eksport for { $municipality }: { $count ->
    [0] ingen grupper
    [one] 1 gruppe ({ $groups })
   *[other] { $count } grupper ({ $groups })
}.
munis-export-title = Eksport for { $municipality }
cmd-municipality-export = eksport
    .description = Alt som er lagret om kommunens grupper du koordinerer, som JSON og Markdown
munis-minutes-label = Kommuner
munis-edited = Kommunen { $municipality } er endret.
munis-no-digest = Kommunen har ingen egen ukeoversikt; gruppene er med i serverens.
cmd-municipality-edit = endre
    .description = Gi en kommune nytt navn eller egen kanal for ukeoversikten (SLT-koordinator)
opt-no_digest = uten_oversikt
    .description = Stopp kommunens egen ukeoversikt
## The follow-up round (issue 12): each owner of an open action is asked before the meeting
followup-answer-on-track = På sporet
followup-answer-delayed = Forsinket
followup-answer-done = Ferdig
followup-answer-needs-help = Trenger hjelp
followup-button-note = Notat
followup-modal-title = Notat til oppfølgingen
followup-ask = { $who } Oppfølging før møtet i { $group } { $meeting }: hvordan går det med tiltakene dine? Svar innen { $deadline }.
followup-ask-again = { $who } Påminnelse: oppfølgingen før møtet i { $group } { $meeting } venter på svar fra deg. Svarfrist { $deadline }.
followup-ask-how = Trykk på en knapp under hvert tiltak (Notat åpner et skjema), eller bruk /action followup id: answer:.
followup-subject-action = { $n }. «{ $title }» (tiltak { $id })
followup-subject-order = { $n }. «{ $title }» (bestilling { $id })
followup-line-action = «{ $title }» (tiltak { $id })
followup-line-order = «{ $title }» (bestilling { $id })
followup-state-note-only = notat
followup-state-closed = lukket før svar
followup-state-silent = ikke svart
followup-state-note = . Notat: { $note }
followup-none = Ingen oppfølgingsrunde for dette møtet.
followup-planned = Oppfølgingsrunden spør eierne av åpne tiltak { $at }.
followup-nobody-asked = Oppfølgingsrunden fant ingen åpne tiltak å spørre om.
followup-counts = Oppfølgingsrunden: { $asked } spurt, { $answered } har svart, { $silent } har ikke svart (svarfrist { $deadline }).
followup-answer-line = { $who }: { $subject } — { $state }
followup-silent = Har ikke svart: { $who }
followup-answered = Svaret på oppfølgingen av tiltak { $id } «{ $title }» er lagret: { $answer } (møtet i { $group } { $meeting }).
followup-noted = Notatet til oppfølgingen av tiltak { $id } «{ $title }» er lagret (møtet i { $group } { $meeting }).
followup-note-kept = Notatet er lagret.
followup-round-heading = Oppfølging av tiltak og bestillinger før møtet i { $group } { $meeting } (møte { $id })
followup-lead-days = { $days ->
    [one] ett døgn
   *[other] { $days } dager
} før møtet
followup-lead-hours = { $hours } timer før møtet
followup-lead-off = av (ingen oppfølgingsrunde)
followup-settings = { $group }: oppfølgingsrunden spør { $lead }.
followup-settings-changed = { $group }: oppfølgingsrunden spør nå { $lead }. Gjelder møter der ingen er spurt ennå.
followup-error-not-asked = Tiltak { $id } er ikke med i en oppfølgingsrunde for et kommende møte. Bruk /action update for å melde framdrift.
followup-error-invalid-lead = «{ $input }» er ikke en tid før møtet. Skriv for eksempel 7d (dager), 48t (timer) eller ingen.
followup-digest-heading = Oppfølgingsrunder
followup-digest-line = • { $group }, møtet { $meeting }: { $asked } spurt, { $answered } har svart, { $silent } har ikke svart
audit-action-followup = svarte på oppfølging
audit-group-followup = endret oppfølgingsrunden
cmd-action-followup = oppfølging
    .description = Svar på oppfølgingsrunden om et tiltak (eieren eller koordinatorer)
cmd-meeting-followup = oppfølging
    .description = Hvem som har svart på oppfølgingsrunden før møtet (koordinatorer)
cmd-group-followup = oppfølging
    .description = Når oppfølgingsrunden spør før hvert møte (koordinatorer endrer)
opt-answer = svar
    .description = På sporet, forsinket, ferdig eller trenger hjelp
opt-ask = spør
    .description = Hvor lenge før møtet, f.eks. 7d, 48t, eller ingen
followup-delivery-what = Oppfølgingsspørsmålet før møtet { $meeting }
followup-role = koordinatorrolle { $id }
## Referent per body, minutes published with the file, reminders (issue 11, items 6–7)
need-referent = gruppas referenter eller koordinatorer
minutes2-group-referent-role = Referenter: { $role }
opt-referent_role = referentrolle
    .description = Rollen til dem som fører møtene (vedtak, oppmøte, gjester)
minutes2-file-word = referat
minutes2-posted = { $title } er publisert { $date }. Vedlagt: PDF/A-fila for arkivet og den samme teksten som Markdown.
minutes2-due = { $title } ({ $date }) er ikke publisert to arbeidsdager etter møtet. Se over utkastet med /minutes show og publiser det med /minutes publish (møte { $id }).
minutes2-draft-attached = Utkastet er vedlagt som PDF/A og Markdown (bare du ser det). Publiser med /minutes publish når det er klart.
minutes2-modal-title = Vedtak og behandling
minutes2-modal-decision = Vedtak
minutes2-modal-notes = Behandling (det som ble sagt)
minutes2-modal-responsible = Ansvarlig (valgfritt)
minutes2-modal-due = Frist (valgfritt), f.eks. 12.02.2027
minutes2-link-published = Referat fra møte { $number }, publisert { $date }
minutes2-link-approved = Referat fra møte { $number }, godkjent { $date }
minutes2-link-draft = Referatet fra møte { $number } er ikke publisert ennå
minutes2-digest-heading = Referater som venter på publisering
minutes2-digest-line = • { $body }: møte { $number } ({ $date })
minutes2-digest-line-unnumbered = • { $body }: møtet { $date }
minutes2-case-action = Tiltak
minutes2-agenda-case-line = { $case } { $title } — { $status } (meldt inn av { $user })
opt-case = sak
    .description = Saken det kommer fra
    .description-action-add = Saken tiltaket kommer fra: står under saken i referatet
    .description-order-add = Saken i bestillerens møte bestillingen kommer fra
minutes2-agenda-case-line-standing = { $case } { $title } — { $status }
minutes2-case-edited = { $case } er endret.
minutes2-case-removed = { $case } «{ $title }» er trukket.
minutes2-case-moved = { $case } står nå som nummer { $position } på { $meeting }.

## The notice posted by the scheduler (issue 11, items 3 and 4)
notice-post-heading = Innkalling: { $group } har møte { $meeting }.
notice-final-heading = Endelig saksliste: { $group } har møte { $meeting }.
notice-final-cases = Saksliste:
notice-final-closed = Fristen for å melde inn saker er ute. Nye innspill går til koordinatoren, som avgjør om de kommer på dette møtet eller det neste.
notice-final-late = { $count ->
    [one] Ett innspill etter fristen venter på koordinatoren.
   *[other] { $count } innspill etter fristen venter på koordinatoren.
}
notice-cancelled = Møtet er avlyst.
notice-event = Arrangement: { $url }
notice-answer-buttons = Svar med knappene under: Kommer eller Forfall.
notice-answer-command = Meld oppmøte: /meeting attend id:{ $id } status:kommer (eller status:forfall).
notice-changed = Endret { $date } kl. { $hh }.{ $min }: { $what }.
notice-change-added = { $case } er satt opp
notice-change-removed = { $case } er tatt av sakslista
notice-change-order = rekkefølgen på sakslista er endret
notice-change-moved = møtet er flyttet til tidspunktet over
notice-change-place = stedet er endret
notice-change-cancelled = møtet er avlyst
notice-late-coordinators = { $mention }Innspill etter fristen til møtet { $meeting }: «{ $title }» (sak { $id }) fra { $user }. Avgjør med /agenda admit id:{ $id } meeting:this (dette møtet) eller meeting:next (neste møte).
notice-late-submitted = Fristen for å melde inn saker til møtet { $meeting } er ute. «{ $title }» (sak { $id }) er lagret og sendt til koordinatoren, som avgjør om den kommer på dette møtet eller det neste.
notice-admitted-this = { $case } er tatt med på sakslista til møtet { $meeting }. Den utlagte sakslista blir oppdatert.
notice-admitted-next = «{ $title }» (sak { $id }) er satt opp til { $meeting }.
notice-settings = Innkallingen til møtene i { $group } legges ut { $lead } før møtet, i gruppas kanal.
notice-settings-off = { $group } får ingen innkalling fra sltbot før møtene.
notice-error-not-late = Sak { $id } er ikke et innspill etter fristen som venter på en avgjørelse.
notice-error-lead = Forstod ikke «{ $input }». Skriv hvor lenge før møtet innkallingen skal ut, for eksempel 14d, eller av.
notice-admit-this = dette møtet
notice-admit-next = neste møte
sched-reminder-apologies = Forfall: { $names }
sched-reminder-guests = Gjester: { $names }
discord-button-attend = Kommer
discord-button-apologies = Forfall
discord-modal-apologies = Forfall
discord-modal-apologies-note = Merknad (valgfritt)
cmd-group-notice = innkalling
    .description = Når innkallingen legges ut før hvert møte (koordinatorer endrer)
cmd-agenda-admit = ta-med
    .description = Avgjør et innspill etter fristen: dette møtet eller neste (koordinatorer)
opt-lead = tid
    .description = Hvor lenge før møtet, for eksempel 14d, eller av
audit-group-notice = endret når innkallingen legges ut
audit-agenda-admit = avgjorde et innspill etter fristen
minutes2-console-saved = Utkastet er lagret (PDF/A og Markdown): { $files }
minutes2-console-failed = Kunne ikke lagre utkastet: { $reason }
## Bestillinger mellom nivåene og koordinatorens oversikt (issue 12)
cmd-order = bestilling
    .description = Bestillinger og rapporter mellom gruppene
cmd-order-add = ny
    .description = Bestill noe fra en annen gruppe, eller rapporter oppover (gruppas koordinatorer)
cmd-order-reply = svar
    .description = Svar på en bestilling til gruppa di (mottakerens koordinatorer)
cmd-order-list = liste
    .description = Bestillinger inn og ut av gruppene dine
cmd-order-show = vis
    .description = Vis en bestilling med historikk
cmd-overview = oversikt
    .description = Oversikt over gruppene du koordinerer: møter, saker, tiltak, bestillinger, referater
opt-from = fra
    .description = Gruppa som bestiller
opt-to = til
    .description = Gruppa som skal gjøre jobben
opt-text = tekst
    .description = Svaret, kort
opt-open = åpne
    .description = Bare åpne bestillinger
audit-entity-order = (bestilling { $id })
audit-order-add = sendte en bestilling
audit-order-reply = svarte på en bestilling
order-status-open = åpen
order-status-accepted = akseptert
order-status-declined = avslått
order-status-done = utført
order-case-title = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } fra { $from }: { $title }
order-answer-case-title = Svar på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number }: { $title }
order-no-due = ingen frist
order-due = frist { $due }
order-msg-on-meeting = Står på sakslista til møtet { $when }.
order-msg-waiting = Kommer på sakslista til neste møte når det er satt opp.
order-msg-sent = { $mention }Ny { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } fra { $from }: «{ $title }», frist: { $due }.
order-msg-answered = { $mention }{ $to } har svart på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } «{ $title }»: { $status }. { $text }
order-msg-howto = Svar med /order reply id:{ $number } status:… text:…
order-msg-overdue = { $mention }{ $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } fra { $from } «{ $title }» hadde frist { $due } og står som { $status }. Svar med /order reply id:{ $number }.
order-msg-overdue-again = { $mention }Fortsatt over fristen: { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } fra { $from } «{ $title }» hadde frist { $due } og står som { $status }. Svar med /order reply id:{ $number }.
order-line = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number }: { $title } ({ $from } → { $to }), { $status }
order-on-meeting = På sakslista til møtet { $when }
order-waiting = Venter på gruppas neste møte
order-added = { $kind ->
    [report] Rapport
   *[order] Bestilling
} { $number } sendt til { $to }: { $title }
order-added-ping = Koordinatorene i { $to } får beskjed i gruppas kanal.
order-answered = Svar på { $kind ->
    [report] rapport
   *[order] bestilling
} { $number } registrert: { $status }. Svaret er sendt til { $from }.
order-list-heading = Bestillinger inn og ut av { $group }
order-list-open-heading = Åpne bestillinger inn og ut av { $group }
order-list-mine-heading = Bestillinger i gruppene dine
order-list-mine-open-heading = Åpne bestillinger i gruppene dine
order-list-empty = Ingen bestillinger.
order-history = Historikk:
order-history-sent = • { $at }: { $who } sendte den fra { $from } til { $to }
order-history-answered = • { $at }: { $who } svarte { $status }: { $text }
overview-none = Du er ikke koordinator for noen gruppe.
overview-heading = Oversikt over gruppene du koordinerer
overview-next-meeting = Neste møte: { $when }
overview-no-meeting = Neste møte: ikke satt opp
overview-cases = Saker: { $cases } på sakslista, { $proposals } nye innspill
overview-actions = Tiltak: { $open ->
    [one] 1 åpent
   *[other] { $open } åpne
}, { $overdue } over fristen
overview-orders-in = Bestillinger inn: { $count ->
    [one] 1 åpen
   *[other] { $count } åpne
}, { $overdue } over fristen
overview-orders-out = Bestillinger ut: { $count ->
    [one] 1 åpen
   *[other] { $count } åpne
}
overview-minutes-none = Referater: alle publisert
overview-minutes-meeting = møte { $id } ({ $date })
overview-minutes-awaiting = Referat ikke publisert: { $meetings }
overview-follow-up = Oppfølgingsrunden: { $answered } av { $asked } har svart, { $silent } har ikke svart
order-error-unknown = Fant ingen bestilling { $number }.
order-error-same-body = En gruppe kan ikke bestille fra seg selv. Velg en annen gruppe i til.
order-error-answer = Bestilling { $number } står som { $status } og kan ikke få det svaret.
order-error-case = Sak { $case } hører ikke til gruppa som bestiller. Velg en sak fra bestillerens egne møter.
minutes-case-order = Bestilling til { $body }
delivery-what-order = Meldingen om en bestilling eller et svar
delivery-what-order-overdue = Purringen på en bestilling

## Discord-arrangementer og sjekk av tillatelser (issue 13)
cmd-group-events = arrangementer
    .description = Gruppas møter som Discord-arrangementer: på eller av, og talekanal (uten valg: vis)
cmd-workspace-check = sjekk
    .description = Sjekk at boten kan se, skrive, nevne og lage arrangementer der sltbot er satt opp
opt-enabled = på
    .description = Slå arrangementer på (ja) eller av (nei)
opt-voice = talekanal
    .description = Talekanalen møtene holdes i (ellers brukes møtestedet)
opt-place = møtested
    .description = Ja: hold arrangementene på møtestedet igjen (uten talekanal)
audit-group-events = endret Discord-arrangementene
events-name = Møte i { $group }
events-name-titled = { $title } ({ $group })
events-description = Møte i { $group }, { $when }. Innkalling og saksliste: /meeting notice id:{ $id }
events-location-fallback = { $group } – se innkallingen
events-on = Discord-arrangementer for { $group }: på, { $place }. { $count } møter de neste { $days } dagene vises under Arrangementer, og flyttes og avlyses sammen med møtet.
events-off = Discord-arrangementer for { $group }: av. Slå dem på med /group events enabled:ja.
events-place-voice = i talekanalen { $channel }
events-place-external = med møtestedet som sted
events-link = Arrangement i Discord: { $url }
selfcheck-heading = Sjekk av botens tillatelser ({ $channels } kanaler):
selfcheck-ok = Alt er i orden: boten kan se, skrive og nevne der sltbot er satt opp, og lage arrangementer der det trengs.
selfcheck-offline = Discord kunne ikke spørres nå, så tillatelsene er ikke sjekket (bare det sltbot selv vet, står under). Prøv igjen i Discord om litt.
selfcheck-the-bot = boten
selfcheck-purpose-group = gruppa { $group }
selfcheck-purpose-digest = ukeoversikten
selfcheck-channel-missing = Kanalen { $channel } ({ $purpose }) finnes ikke, eller boten ser den ikke: velg en annen kanal med /group edit channel: eller /digest set channel:, eller gi { $bot } tilgang til kanalen.
selfcheck-cannot-view = Boten ser ikke { $channel } ({ $purpose }): Kanal { $channel } → Rediger kanal → Tillatelser → legg til { $bot }: slå på «Vis kanal».
selfcheck-cannot-send = Boten kan ikke skrive i { $channel } ({ $purpose }): Kanal { $channel } → Rediger kanal → Tillatelser → legg til { $bot }: slå på «Send meldinger».
selfcheck-cannot-attach = Boten kan ikke legge ved filer i { $channel } ({ $purpose }), og referatene er filer: Kanal { $channel } → Rediger kanal → Tillatelser → legg til { $bot }: slå på «Legg ved filer».
selfcheck-cannot-ping = Boten kan ikke nevne { $role } i { $channel }: Serverinnstillinger → Roller → { $role } → slå på «Tillat at alle kan @nevne denne rollen» (eller gi { $bot } «Nevn @everyone, @here og alle roller»).
selfcheck-role-missing = Rollen { $role } finnes ikke lenger: velg en ny med /group edit coordinator_role: eller /workspace set coordinator_role:.
selfcheck-cannot-create-events = Boten kan ikke lage arrangementer: Serverinnstillinger → Roller → { $bot } → slå på «Opprett arrangementer».
selfcheck-cannot-use-voice = Boten kan ikke bruke talekanalen { $channel } til arrangementer: Kanal { $channel } → Rediger kanal → Tillatelser → legg til { $bot }: slå på «Vis kanal» og «Koble til».
selfcheck-event-failed = Discord avviste arrangementet for møte { $id }: { $reason } Boten prøver igjen om noen timer.
selfcheck-event-reason-permission = boten mangler tillatelse til å lage arrangementer (se «Opprett arrangementer» over).
selfcheck-event-reason-channel = talekanalen finnes ikke lenger: velg en ny med /group events voice:.
selfcheck-event-reason-other = Discord godtok ikke arrangementet.
selfcheck-event-cap = { $count } møter de neste 60 dagene har ennå ikke fått arrangement, fordi sltbot lager høyst { $cap } arrangementer per server. De får det når de nærmer seg.
## The year at a glance (årshjul), /plan and sltbot plan (issue 13)
plan-ready = Årshjul for { $year }: { $groups ->
    [one] { $groups } gruppe
   *[other] { $groups } grupper
}, { $meetings ->
    [one] { $meetings } møte
   *[other] { $meetings } møter
} ({ $held } holdt, { $scheduled } planlagt, { $expected } etter fast møtetid, { $cancelled } avlyst).
plan-no-groups = Ingen grupper å vise i årshjulet for { $year }. Lag en med /group create.
plan-no-meetings = Ingen møter i { $year } for { $groups ->
    [one] gruppa
   *[other] de { $groups } gruppene
}, så årshjulet er tomt. Legg inn møter med /meeting add eller en fast møtetid med /meeting schedule.
plan-title = Årshjul { $year }
plan-made = per { $date }
plan-legend-held = holdt
plan-legend-scheduled = planlagt
plan-legend-expected = etter fast møtetid, ikke opprettet ennå
plan-legend-cancelled = avlyst
plan-legend-holiday = helligdag
plan-legend-school = skoleferie, slik kommunen har satt den opp i sltbot:
plan-school-winter = vinterferie uke { $week }
plan-school-easter = påskeferie
plan-school-summer = sommerferie { $from }–{ $to }
plan-school-autumn = høstferie uke { $week }
plan-school-christmas = juleferie { $from }–{ $to }
plan-school-extra = { $count ->
    [one] én dag eller periode til
   *[other] { $count } dager eller perioder til
}
plan-school-none = ingen skoleferier satt opp
plan-day-month = { $dd }.{ $mm }.
discord-plan-attached = Årshjulet er vedlagt som bilde (PNG).
console-plan-saved = Lagret { $file }.
console-plan-failed = Kunne ikke lagre bildet: { $reason }
cmd-plan = årshjul
    .description = Alle gruppenes møter i ett år som ett bilde (årshjul)
opt-year = år
    .description = Året, for eksempel 2027 (uten: i år)
followup-ask-how-order = Bestillinger besvares med /order reply id: status: text:.
