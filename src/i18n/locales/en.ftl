## sltbot — English

## Dates and times
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
month-jan = January
month-feb = February
month-mar = March
month-apr = April
month-may = May
month-jun = June
month-jul = July
month-aug = August
month-sep = September
month-oct = October
month-nov = November
month-dec = December
format-date = { $weekday } { $day } { $month } { $year }
format-date-short = { $day } { $month } { $year }
format-datetime = { $date }, { $hh }:{ $min }

## Values
value-none = (not set)
level-styrende = steering level
level-koordinerende = coordinating level
level-utforende = operational level
level-annet = other
agenda-status-proposed = proposed
agenda-status-on-agenda = on the agenda
agenda-status-handled = handled
agenda-status-carried-over = carried over
agenda-status-withdrawn = withdrawn
action-status-open = not started
action-status-in-progress = in progress
action-status-blocked = blocked
action-status-done = done
action-status-cancelled = cancelled
meeting-status-scheduled = scheduled
meeting-status-cancelled = cancelled
meeting-status-held = held
lang-nb = Norwegian Bokmål
lang-nn = Norwegian Nynorsk
lang-en = English
field-name = The name
field-title = The title
field-details = The description
field-note = The note
field-agency = The agency
field-location = The location
need-anyone = everyone
need-member = members of the group
need-coordinator = the group's coordinators
need-workspace-coordinator = the SLT coordinator
need-admin = server administrators

## Errors
error-forbidden = You don't have access to that. Only { $need } can do this.
error-unknown-group = Couldn't find a group called “{ $name }”. See /group list.
error-group-archived = The group “{ $name }” is archived and can't be changed.
error-unknown-meeting = Couldn't find meeting { $id }. See /meeting list.
error-unknown-agenda-item = Couldn't find item { $id }. See /agenda list.
error-unknown-action = Couldn't find action { $id }. See /action list.
error-text-empty = { $field } is missing. Fill it in and try again.
error-text-too-long = { $field } is too long: { $len } characters, but the maximum is { $max }. Nothing was saved; shorten it and try again.
error-text-control = { $field } contains control characters that can't be saved.
error-invalid-date = “{ $input }” isn't a valid date. Write, for example, 31.12.2027 or 2027-12-31.
error-invalid-datetime = “{ $input }” isn't a valid date and time. Write, for example, 12.01.2027 09:00.
error-date-in-past = “{ $input }” is in the past.
error-duplicate-group = There is already a group called “{ $name }”.
error-duplicate-agenda-item = That item has already been submitted to the same meeting (item { $id }).
error-invalid-level = “{ $input }” isn't an SLT level. Choose steering, coordinating, operational or other.
error-invalid-agenda-status = “{ $input }” isn't an item status. Choose proposed, on the agenda, handled, carried over or withdrawn.
error-invalid-action-status = “{ $input }” isn't an action status. Choose not started, in progress, blocked, done or cancelled.
error-invalid-timezone = “{ $input }” isn't a known time zone. Use, for example, Europe/Oslo.
error-invalid-language = “{ $input }” isn't a language sltbot knows. Choose nb, nn or en.
error-meeting-closed = Meeting { $id } isn't taking items: it has been cancelled, has been held or has already started.
error-meeting-not-scheduled = Meeting { $id } has already been cancelled or held.
error-item-closed = Item { $id } is { $status } and can't be changed.
error-not-your-item = Only the person who submitted item { $id }, or a coordinator, can change it.
error-status-needs-coordinator = Only a coordinator can set the status “{ $status }”.
error-nothing-to-change = There's nothing to change.
error-invalid-position = The position must be a number from 1 to { $max }.
error-edit-conflict = Someone else changed this at the same time. Nothing was saved; reload it and try again.
error-read-only = The database is read-only, so nothing was saved. Let whoever runs sltbot know.
error-locked = The database is busy, so nothing was saved. Try again in a moment.
error-internal = Something went wrong in sltbot, and nothing was saved. The error has been logged.

## Workspace
workspace-heading = Server settings:
workspace-updated = The settings have been saved.
workspace-details = Time zone: { $timezone } · Language: { $language } · SLT coordinator: { $coordinators } · Weekly digest in: { $digest }

## Groups
group-created = The group { $name } has been created.
group-edited = The group { $name } has been updated.
group-archived = The group { $name } has been archived. Its history has been kept.
group-archived-mark = — archived
group-details = Level: { $level } · Channel: { $channel } · Coordinators: { $coordinators } · Members: { $members }
group-list-heading = Groups:
group-list-empty = No groups yet. The SLT coordinator creates them with /group create.
group-list-line = • { $name } ({ $level })
group-next-meeting = Next meeting: { $meeting }
group-counts = Open items: { $items } · Active actions: { $actions }

## Meetings
meeting-ref = the meeting on { $when }
meeting-ref-waiting = the next meeting (no meetings have been scheduled yet)
meeting-added = A meeting for { $group } on { $when } has been added (meeting { $id }).
meeting-attached = { $count ->
    [one] One waiting item has been put on this meeting's agenda.
   *[other] { $count } waiting items have been put on this meeting's agenda.
}
meeting-list-heading = Meetings for { $group }:
meeting-list-empty = { $group } has no upcoming meetings. A coordinator adds them with /meeting add.
meeting-line = • { $when } { $title } — { $status } (meeting { $id })
meeting-cancelled = Meeting { $id } on { $when } has been cancelled.
meeting-items-moved = { $count ->
    [one] One open item has been moved to { $meeting }.
   *[other] { $count } open items have been moved to { $meeting }.
}
meeting-held = Meeting { $id } on { $when } has been recorded as held.
meeting-carried-over = { $count ->
    [one] One item was not dealt with and has been carried over to { $meeting }.
   *[other] { $count } items were not dealt with and have been carried over to { $meeting }.
}

## Agenda
agenda-added = Thank you! The item “{ $title }” (item { $id }) has been submitted to { $group }, { $meeting }.
agenda-list-heading = Agenda for { $group }, { $meeting }:
agenda-list-empty = No items yet. Submit one with /agenda add.
agenda-line = { $position }. { $title } — { $status } (item { $id }, submitted by { $user })
agenda-edited = Item { $id } has been updated.
agenda-removed = Item { $id } “{ $title }” has been withdrawn.
agenda-moved = Item { $id } is now number { $position } on the agenda for { $meeting }.

## Actions
action-no-due = not set
action-line = Action { $id }: { $title } — responsible: { $owner }, { $status }, deadline: { $due }
action-added = Action { $id } has been recorded for { $group }.
action-updated = Action { $id } has been updated.
action-update-status = { $from } → { $to }
action-update-line = • { $when }, { $user }: { $what }
action-list-heading = Actions:
action-list-heading-overdue = Overdue actions:
action-list-empty = No matching actions.
action-shown = Action { $id } in { $group }
action-agency = Agency: { $agency }
action-history = Updates:
action-no-updates = No updates yet.

## Console
console-help-heading = Commands (options in [brackets] can be left out):
console-help-footer = Put text with spaces in quotes: title:"Unrest at the youth club". Dates: 31.12.2027, times: 12.01.2027 09:00.
console-unknown-command = Unknown command “{ $command }”. Type /help for a list.
console-missing-option = /{ $command } is missing { $option }:
console-invalid-utf8 = The line is not valid UTF-8 text and was skipped. Save the script as UTF-8.
console-unknown-option = /{ $command } has no option “{ $option }”. Valid options: { $valid }
console-error-line-too-long = The line is too long (maximum { $max } characters).
console-error-control-character = The line has a control character in column { $column }.
console-error-missing-command = The line must start with a command, for example /agenda add (column { $column }).
console-error-unbalanced-quote = The quote mark in column { $column } is never closed.
console-error-option-without-value = The option { $name }: in column { $column } has no value. Write { $name }:"" for an empty value.
console-error-unexpected-token = Unexpected text in column { $column }. Write options as name:value, and put text with spaces in quotes.
console-error-duplicate-option = The option { $name }: is given twice (column { $column }).
console-error-bad-option-name = Invalid option name in column { $column }.

## Command line
cli-no-token = No Discord token. Set the environment variable DISCORD_TOKEN (see the README, “Set up the Discord bot”), or try sltbot without Discord: sltbot console --user 1 --admin
cli-db-read-only = The database { $url } is read-only. Give sltbot write access to the file and its folder, or choose another one with --db / SLTBOT_DATABASE__URL.
cli-db-locked = The database { $url } is locked by another process. Try again when that process has finished.
cli-db-failed = Can't open the database { $url }: { $reason }
cli-bad-lang = Unknown language “{ $input }”. Choose nb, nn or en.
cli-db-not-sqlite = sltbot stores its data only in SQLite: the database URL (--db or database.url) must start with sqlite:// or be a file path, e.g. sqlite://data/sltbot.db. Other databases (PostgreSQL, MySQL …) are not supported, and nothing was changed.
cli-backup-done = Backup written to { $path } ({ $size } bytes, readable by the owner only).
cli-backup-failed = The backup was not made: { $reason }
cli-restore-done = The database { $url } was restored from { $path }.
cli-restore-in-use = The database { $url } is in use (is sltbot running?). Stop the bot first; nothing was changed.
cli-restore-failed = Nothing was restored and the database is unchanged: { $reason }
cli-restore-memory = Can't restore into an in-memory database. Give a file with --db.
cli-backup-exists = { $path } exists already. A backup never overwrites a file; choose a new name.
cli-restore-no-file = There is no file { $path } to restore from.

## Public holidays and cadences
holiday-new-years-day = New Year's Day
holiday-maundy-thursday = Maundy Thursday
holiday-good-friday = Good Friday
holiday-easter-sunday = Easter Sunday
holiday-easter-monday = Easter Monday
holiday-labour-day = Labour Day (1 May)
holiday-constitution-day = Constitution Day (17 May)
holiday-ascension-day = Ascension Day
holiday-whit-sunday = Whit Sunday
holiday-whit-monday = Whit Monday
holiday-christmas-day = Christmas Day
holiday-st-stephens-day = Boxing Day
cadence-error-empty = Please give a cadence.
cadence-error-unrecognized = “{ $word }” is not a preset, an RRULE or a cron expression. Examples: “every 4 weeks tue 09:00”, “monthly first tue 09:00”, “4 times a year first tue 09:00”, “meeting in weeks 8, 20, 36 and 46 tue 09:00” or “0 9 * * 2”.
cadence-error-unexpected-word = Did not understand “{ $word }” (word { $position }).
cadence-error-missing-part = Missing { $part ->
    [weekday] weekday
    [time] time
    [ordinal] which week (first, last …)
   *[from] date after “from”
}.
cadence-error-duplicate-part = The { $part ->
    [weekday] weekday
    [time] time
    [ordinal] week
   *[from] start date
} is given twice.
cadence-error-invalid-time = Invalid time “{ $text }” (use HH:MM).
cadence-error-invalid-date = Invalid date “{ $text }” (use YYYY-MM-DD).
cadence-error-interval-out-of-range = Interval { $value } must be between { $min } and { $max }.
cadence-error-never-occurs = This cadence never produces a meeting.
cadence-error-cron-field-count = Cron needs 5 fields (minute hour day month weekday), found { $found }.
cadence-error-cron-invalid-field = Field { $position } of the cron expression ({ $field ->
    [minute] minute
    [hour] hour
    [day-of-month] day of month
    [month] month
   *[day-of-week] day of week
}) is invalid: “{ $text }”.
cadence-error-cron-value-out-of-range = Value { $value } in field { $position } of the cron expression ({ $field ->
    [minute] minute
    [hour] hour
    [day-of-month] day of month
    [month] month
   *[day-of-week] day of week
}) must be { $min }–{ $max }.
cadence-error-missing-dtstart = The RRULE text has no DTSTART.
cadence-error-missing-rrule = The text has no RRULE line.
cadence-error-invalid-dtstart = Invalid DTSTART: “{ $text }”.
cadence-error-unknown-timezone = Unknown time zone “{ $tzid }”.
cadence-error-unexpected-line = Line { $line } not understood: “{ $text }”.
cadence-error-missing-freq = The RRULE has no FREQ.
cadence-error-unknown-freq = Unknown FREQ “{ $value }”.
cadence-error-unsupported-freq = FREQ={ $value } is not supported (use DAILY, WEEKLY, MONTHLY or YEARLY).
cadence-error-unknown-rule-part = Unknown RRULE part “{ $name }”.
cadence-error-unsupported-rule-part = { $name } is not supported.
cadence-error-duplicate-rule-part = { $name } is given twice.
cadence-error-invalid-rule-value = Invalid value “{ $value }” for { $name }.
cadence-error-count-out-of-range = COUNT={ $value } must be between 1 and { $max }.
cadence-error-count-and-until = COUNT and UNTIL cannot be used together.
cadence-error-invalid-combination = { $name } cannot be used with FREQ={ $freq }.
cadence-error-times-per-year = { $value } times a year does not divide the year into whole months. Choose 1, 2, 3, 4, 6 or 12 times a year.
cadence-error-week-out-of-range = There is no week { $value }: the weeks of a year are numbered 1 to 53.
cadence-error-not-understood = Did not understand “{ $word }”.
cadence-suggestion = Did you mean “{ $suggestion }”?
cadence-examples = Examples: “every 4 weeks tue 09:00”, “monthly first tue 09:00” or “meeting in weeks 8, 20, 36 and 46 tue 09:00”.

## Cadences as people say them
list-and = { $head } and { $last }
cadence-at = { $what } at { $hh }:{ $mm }
cadence-in-zone = { $what } ({ $zone })
cadence-other = by a custom rule
cadence-nth-number = { $n ->
    [1] 1st
    [2] 2nd
    [3] 3rd
    [21] 21st
    [22] 22nd
    [23] 23rd
    [31] 31st
    [32] 32nd
    [33] 33rd
    [41] 41st
    [42] 42nd
    [43] 43rd
    [51] 51st
    [52] 52nd
   *[other] { $n }th
}
cadence-daily = { $n ->
    [1] every day
    [2] every other day
   *[other] every { $every } day
}
cadence-weekly = { $n ->
    [1] every { $days }
    [2] every other week, { $days }
   *[other] every { $every } week, { $days }
}
cadence-nth-word = { $nth ->
    [first] first
    [second] second
    [third] third
    [fourth] fourth
    [fifth] fifth
    [last] last
   *[penultimate] second to last
}
cadence-monthly-weekday = { $nth } { $day } { $n ->
    [1] of the month
    [2] every other month
   *[other] every { $every } month
}
cadence-monthly-day = on the { $days } { $n ->
    [1] of the month
    [2] every other month
   *[other] every { $every } month
}
cadence-yearly-weekday = { $nth } { $day } of { $months }
cadence-quarterly = quarterly, { $what }
cadence-iso-weeks = { $days } in { $count ->
    [one] week
   *[other] weeks
} { $weeks }
schedule-rule = Rule: { $rule }
duration-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
duration-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}

## Privacy
privacy-refused-national-id = { $field } seems to contain a { $kind }. Such data does not belong in sltbot, so nothing was saved.
privacy-anonymise-hint = Write it without names or numbers, for example “a pupil in year 9” or “a boy (15) at the lower secondary school”.
privacy-id-fodselsnummer = national identity number (fødselsnummer)
privacy-id-d-nummer = D number
privacy-id-h-nummer = H number
privacy-warning-child-name = Note: the text may name a child or young person. It was saved, but consider rewording it without names.
privacy-warning-child-class = Note: the text mentions a child together with a school class, which may be enough to identify the child. It was saved, but consider rewording it.

## Text check (sltbot check-text)
check-text-clean = No personal data found.
check-text-national-id = The text contains a { $kind }.
check-text-child-name = Note: the text may name a child or young person. Consider rewording it without names.
check-text-child-class = Note: the text mentions a child together with a school class, which may be enough to identify the child. Consider rewording it.
check-text-invalid-utf8 = The text on standard input is not valid UTF-8. Save it as UTF-8 and try again.

## History, export, deletion and limits
audit-heading = Recent changes in { $group }:
audit-empty = No changes yet.
audit-line = • { $when }, { $user }: { $action } { $target }
audit-system = sltbot (retention clean-up)
export-ready = Export of { $group }: { $meetings ->
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
}, { $items ->
    [one] { $items } item
   *[other] { $items } items
} and { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
}, as JSON and Markdown.
export-title = Export of { $group }
export-made = Made { $when }.
export-meetings = Meetings and items
export-actions = Actions
export-audit = The history has { $count ->
    [one] { $count } entry
   *[other] { $count } entries
} (not included in the export).
group-deleted = The group { $name } was deleted with { $meetings ->
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
}, { $items ->
    [one] { $items } item
   *[other] { $items } items
} and { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
}. The history only shows that it happened.
error-confirmation-required = Deleting cannot be undone. Type the group's name in confirm: to confirm, for example confirm:"{ $name }".
limit-groups = The server has reached the limit of { $max } groups. Archive or delete groups that are not in use.
limit-items = The meeting already has { $max } open items, which is the limit. Move some to a later meeting.
limit-meetings = The group already has { $max } upcoming meetings, which is the limit.
limit-actions = The group already has { $max } active actions, which is the limit. Close some first.
console-export-saved = Saved { $json } and { $markdown }. The files hold the group's data: keep them as safely as the database.
console-export-failed = Could not save the export: { $reason }
## Scheduler: cadences, reminders, deadline calls, overdue actions, weekly digest (issue 3)
cli-bad-timezone = Unknown time zone “{ $input }”. Use an IANA name, e.g. Europe/Oslo.
cli-bad-from = --from “{ $input }” is not an RFC 3339 time (e.g. 2027-01-01T00:00:00+01:00).
cli-bad-year = Invalid year “{ $input }”. Give a year between 1583 and 9999.
cli-count-too-large = --count { $count } is too many: at most { $max } at a time. Continue with --from set to the last time to get more.
cli-occurrences-all-holidays = No times: every meeting this cadence gives falls on a public holiday, and --skip-holidays skips them.
cli-occurrences-fewer = Found only { $found } of { $count } times: the rule ends, or the search reached its limit on how far ahead it looks.
value-yes = yes
value-no = no
error-cadence-too-frequent = This cadence meets more often than once a day. Choose a less frequent one.
error-invalid-leads = Invalid reminder times “{ $input }”. Write e.g. “7d, 1d” (days d, hours h, minutes m; at most 5, at most 60 days), or “none”.
error-invalid-duration = Invalid deadline “{ $input }”. Write e.g. “2d” or “36h” (at most 60 days), or “none”.
schedule-set = Recurring meeting time saved for { $group }.
schedule-cadence = Cadence: { $cadence }
schedule-skip-holidays = Skips public holidays: { $value }
schedule-upcoming = Next meetings:
schedule-next = Next meeting of { $group }: { $when } (meeting { $id }), { $items ->
    [one] one item on the agenda
   *[other] { $items } items on the agenda
}.
schedule-next-none = { $group } has no upcoming meetings.
schedule-moved = Meeting { $id } moved from { $from } to { $when }.
schedule-reminders = Reminders for { $group }: { $leads }; { $deadline }; skips public holidays: { $skip }.
schedule-digest = Weekly digest: channel { $channel }, { $cadence }, next: { $next }.
sched-reminder = { $mention }Reminder: { $group } meets { $when }.
sched-reminder-agenda = Agenda so far:
sched-reminder-agenda-empty = No items on the agenda yet.
sched-reminder-agenda-line = { $position }. { $title }
sched-reminder-howto = Add an item: /agenda add group:{ $group } title:…
sched-deadline = Deadline for items to the { $group } meeting on { $meeting }: { $deadline }. Add items with /agenda add group:{ $name } title:…
sched-overdue = { $owner } The action “{ $title }” (action { $id }) in { $group } was due { $due } and is still { $status }. Mark it done or report progress with the buttons below, or with /action update id:{ $id }.
sched-overdue-again = { $owner } Still overdue: the action “{ $title }” (action { $id }) in { $group } was due { $due } and is { $status }. Report progress with the buttons below, or with /action update id:{ $id }.
sched-digest-heading = Weekly digest, week { $week }
sched-digest-none = • None.
sched-digest-meetings = Meetings in the next 14 days
sched-digest-meeting = • { $when } — { $group }
sched-digest-meeting-cancelled = • { $when } — { $group } (cancelled)
sched-digest-items = New agenda items since the last digest
sched-digest-item = • { $group }: { $title } (item { $id })
sched-digest-updates = Updated actions
sched-digest-update = • { $group }: { $title } (action { $id }) — { $status }{ $notes ->
    [0] {""}
    [one] , one note
   *[other] , { $notes } notes
}
sched-digest-overdue = Overdue actions
sched-digest-overdue-group = { $group }:
sched-digest-overdue-line = • { $title } (action { $id }), due { $due }

## Options that could not be read (the value is never repeated)
option-missing = { $option } is missing.
option-not-number = { $option } must be a whole number.
option-too-small = { $option } must be at least { $min }.
option-not-user = { $option } must be a user, for example <@123456789012345678> or 123456789012345678.
option-not-role = { $option } must be a role, for example <@&123456789012345678> or 123456789012345678.
option-not-channel = { $option } must be a channel, for example <#123456789012345678> or 123456789012345678.
option-not-yes-no = { $option } must be yes or no.
option-not-choice = { $option } must be one of: { $valid }.

## The audit trail, in words
audit-workspace-set = changed the server settings
audit-group-create = created the group
audit-group-edit = changed the group
audit-group-archive = archived the group
audit-group-reminders = changed the reminders
audit-group-delete = deleted the group
audit-meeting-add = added a meeting
audit-meeting-cancel = cancelled a meeting
audit-meeting-held = marked a meeting as held
audit-meeting-schedule = set up regular meetings
audit-meeting-move = moved a meeting
audit-agenda-add = submitted an item
audit-agenda-edit = changed an item
audit-agenda-remove = withdrew an item
audit-agenda-move = moved an item
audit-agenda-attach = put an item on a meeting
audit-agenda-carry-over = carried an item over to the next meeting
audit-action-add = added an action
audit-action-update = updated an action
audit-digest-set = changed the weekly digest
audit-retention-purge = deleted old records after the retention period
audit-unknown = other change
audit-entity-group = (group { $id })
audit-entity-meeting = (meeting { $id })
audit-entity-agenda-item = (item { $id })
audit-entity-action = (action { $id })
audit-entity-series = (meeting plan { $id })
group-next-meeting-none = Next meeting: none scheduled yet.
discord-export-attached = The files are attached, visible only to you.
export-user = user { $id }
export-place = place: { $place }
action-note-edited = Note { $number } on action { $id } was changed. The old text is gone, from the history too.
action-update-note = note { $number }: { $note }
audit-action-note = changed a note

## ---- Discord: command and option names and descriptions, buttons, forms ----

## Discord: slash command names and descriptions (applied to Discord's localization fields).
## Names: lowercase, no spaces, at most 32 characters. Descriptions: at most 100 characters.
cmd-workspace = workspace
    .description = Server-wide settings for sltbot
cmd-workspace-show = show
    .description = Show the server's settings
cmd-workspace-set = set
    .description = Change timezone, language, SLT coordinator role or digest channel (admins)
cmd-group = group
    .description = SLT groups: steering group, coordination group, operational level
cmd-group-create = create
    .description = Create a group (SLT coordinator)
cmd-group-list = list
    .description = List the groups
cmd-group-show = show
    .description = Show a group with its next meeting
cmd-group-edit = edit
    .description = Change a group (its coordinators)
cmd-group-archive = archive
    .description = Archive a group (its coordinators)
cmd-meeting = meeting
    .description = Meetings of a group
cmd-meeting-add = add
    .description = Add a one-off meeting
cmd-meeting-list = list
    .description = Upcoming meetings of a group
cmd-meeting-cancel = cancel
    .description = Cancel a meeting; its items move to the next one
cmd-meeting-held = held
    .description = Mark a meeting as held; open items carry over
cmd-agenda = agenda
    .description = Agenda items for the meetings
cmd-agenda-add = add
    .description = Submit an agenda item (leave out the title to write it in a form)
cmd-agenda-list = list
    .description = The agenda of a group's next (or a named) meeting
cmd-agenda-edit = edit
    .description = Change an agenda item
cmd-agenda-remove = remove
    .description = Withdraw an agenda item
cmd-agenda-move = move
    .description = Move an item to another meeting or position (coordinators)
cmd-action = action
    .description = Actions: owner, due date, status and progress
cmd-action-add = add
    .description = Add an action with an owner (coordinators)
cmd-action-update = update
    .description = Report progress or change the status of an action
cmd-action-list = list
    .description = List actions
cmd-action-show = show
    .description = Show an action with its history
cmd-group-reminders = reminders
    .description = Reminder lead times, agenda deadline and holiday skipping (show without options)
cmd-group-export = export
    .description = Everything stored about a group, as JSON and Markdown files (its coordinators)
cmd-group-delete = delete
    .description = Delete a group and all its data for good (its coordinators; needs confirmation)
cmd-meeting-schedule = schedule
    .description = Give a group a recurring meeting time; replaces the previous one (coordinators)
cmd-meeting-next = next
    .description = A group's next meeting
cmd-meeting-move = move
    .description = Move one meeting to another time (coordinators)
cmd-audit = audit
    .description = Recent changes in a group (its coordinators)
cmd-digest = digest
    .description = The weekly digest of meetings, agenda items and actions
cmd-digest-show = show
    .description = Show the digest's channel, cadence and next run, or (municipality:) one municipality's
cmd-digest-set = set
    .description = Change the digest's channel or cadence (admins)

## Discord: slash command options
opt-timezone = timezone
    .description = IANA timezone, e.g. Europe/Oslo
opt-language = language
    .description = Language of replies and reminders
opt-coordinator_role = coordinator_role
    .description = The coordinator role
opt-digest_channel = digest_channel
    .description = Channel for the weekly digest
    .description-municipality-add = Channel for the weekly digest of the municipality's groups (optional)
    .description-municipality-edit = Channel for the weekly digest of the municipality's groups
opt-name = name
    .description = Name of the group
    .description-meeting-guest = The guest's name and perhaps role (never a child)
    .description-municipality-add = The municipality's name, e.g. Etne
    .description-municipality-edit = The municipality's new name
opt-level = level
    .description = SLT level
opt-channel = channel
    .description = The group's own channel
    .description-digest-set = Channel for the weekly digest
opt-member_role = member_role
    .description = The role of the group's members
opt-archived = archived
    .description = Include archived groups
opt-group = group
    .description = The group (start typing its name)
opt-at = at
    .description = When, e.g. 12.01.2027 kl. 09.00
    .description-meeting-move = New time, e.g. 12.01.2027 kl. 09.00
opt-title = title
    .description = Title (at most 200 characters)
opt-location = location
    .description = Where the meeting is held
opt-id = id
    .description = Which one (start typing its title)
opt-details = details
    .description = Details (at most 4000 characters)
opt-meeting = meeting
    .description = Which meeting (start typing); default the next one
    .description-minutes-show = Which meeting
    .description-minutes-publish = Which meeting
    .description-minutes-approve = The meeting the minutes are from
    .description-agenda-admit = This meeting or the next
opt-status = status
    .description = New status
    .description-meeting-attend = Present or absent
opt-version = version
    .description = The version you saw (guards against overwriting)
opt-position = position
    .description = New position on the agenda (1 = first)
opt-owner = owner
    .description = Who owns the action
opt-agency = agency
    .description = Agency, e.g. police, school, NAV
opt-due = due
    .description = Due date, e.g. 31.12.2027
opt-note = note
    .description = A progress note
    .description-meeting-attend = A short note, e.g. why you cannot come
opt-overdue = overdue
    .description = Only overdue actions

opt-cadence = cadence
    .description = How often: pick a suggestion or write e.g. weekly tue 09:00, an RRULE or cron
opt-skip_holidays = skip_holidays
    .description = Skip Norwegian public holidays
opt-leads = leads
    .description = Reminders before the meeting, e.g. 7d,1d (d days, h hours), or none
opt-deadline = deadline
    .description = Agenda deadline before the meeting, e.g. 2d, or none
opt-confirm = confirm
    .description = Type the group's name to confirm that all its data is deleted
## Discord: adapter messages
discord-guild-only = sltbot works in a server, not in direct messages.
discord-shutting-down = sltbot is restarting. Try again in a minute.
discord-failed = Something went wrong in sltbot. Nothing was saved; the error has been logged.
discord-button-done = Mark done
discord-button-report = Report progress
discord-modal-report = Report progress
discord-modal-note = What has happened?
discord-modal-agenda = New agenda item
discord-modal-item-title = Title
discord-modal-item-details = Details (optional)
discord-confirm-delete = Deleting cannot be undone: the group with its meetings, agenda items and actions is gone for good. To go ahead, run the command again with the group's name in confirm, for example confirm: { $name }
cmd-action-note = note
    .description = Rewrite a progress note, e.g. to remove names (its author or coordinators)
opt-update = update
    .description = The note's number in the history (see /action show)
sched-digest-items-count = • { $group }: { $count ->
    [one] one new item
   *[other] { $count } new items
}
sched-digest-updates-count = • { $group }: { $count ->
    [one] one updated action
   *[other] { $count } updated actions
}
sched-digest-overdue-orders = Orders past their due date
sched-digest-overdue-orders-count = • { $group }: { $count ->
    [one] one order awaits an answer after its due date
   *[other] { $count } orders await an answer after their due date
}
sched-digest-overdue-count = • { $group }: { $count ->
    [one] one overdue action
   *[other] { $count } overdue actions
}
audit-group-digest = changed what the weekly digest shows
cmd-group-digest = digest
    .description = What the weekly digest shows of the group: titles, or counts only (coordinators)
opt-titles = titles
    .description = Show item and action titles in the weekly digest
opt-rule = rule
    .description = Also show the exact rule (RFC 5545)
## Delivery a coordinator can trust (issue 13): posts Discord refuses for good
delivery-failed-notice = ⚠️ A message from sltbot could not be delivered and will not be retried:
delivery-notice-heading = ⚠️ { $count ->
    [one] One message
   *[other] { $count } messages
} from sltbot could not be delivered:
delivery-digest-failures = Messages that were not delivered
delivery-failed-line = { $what } { $place }, due { $due }. { $reason }
delivery-what-reminder = The reminder of the meeting { $meeting }
delivery-what-deadline = The agenda deadline call for the meeting { $meeting }
delivery-what-overdue = The overdue ping for action { $id }
delivery-what-digest = The weekly digest
delivery-what-other = A message
delivery-where-group = to { $group } in { $channel }
delivery-where-group-no-channel = to { $group }
delivery-where-digest = to the digest channel
delivery-reason-unknown-channel = The channel no longer exists: choose another with /group edit (for the digest: /digest).
delivery-reason-missing-access = The bot cannot see the channel: give it “View Channel” and “Send Messages” in the channel's permissions.
delivery-reason-missing-permissions = The bot lacks a permission in the channel: give it “Send Messages”, and “Mention @everyone, @here and All Roles” if the coordinator role is not mentionable.
delivery-reason-not-found = Discord did not find the recipient (HTTP 404): check the channel with /group show.
delivery-reason-forbidden = Discord refused the bot (HTTP 403): check the bot's permissions in the channel.
delivery-reason-rejected = Discord rejected the message.
delivery-reason-gave-up = Discord answered with errors too many times in a row.
## Meeting record: case types, case numbers, minutes (issue 11)
case-type-decision = Decision item
case-type-discussion = Discussion item
case-type-information = Information item
case-type-standing = Standing item
case-type-aob = Any other business
case-type-order = Order
case-type-feedback = Feedback on an order
case-number = Case { $number }
meeting-number = Meeting { $number }
minutes-title = Minutes
minutes-heading = Minutes of { $body }
minutes-level = Level
minutes-date = Date
minutes-time = Time
minutes-time-value = { $hh }:{ $min }
minutes-place = Place
minutes-chair = Chair
minutes-referent = Minutes taken by
minutes-present = Present
minutes-apologies = Apologies
minutes-guests = Guests
minutes-cases = Cases
minutes-case-type = Type
minutes-notes = Discussion
minutes-decision = Decision
minutes-responsible = Responsible
minutes-deadline = Deadline
minutes-actions = Actions
minutes-orders = Orders
minutes-order-to = to { $body }
minutes-from-case = from { $case }
minutes-none = None.
minutes-status = Status
minutes-status-draft = Draft
minutes-status-published = Published { $date }
minutes-status-approved = Approved { $date }
minutes-page = Page { $page } of { $pages }
standing-approve-notice = Approval of the notice and the agenda
standing-approve-minutes = Approval of the minutes of the previous meeting
standing-follow-up = Follow-up of actions and orders
standing-aob = Any other business
record-carried-copy = carried over from an earlier meeting
record-individual-case-warning = ⚠ This reads like a case about one particular child or young person. A steering body (styringsgruppe, politiråd) must not handle individual cases: take it to an operational meeting or the case system, anonymised.
record-case-put = { $case } is on the agenda of { $group }, { $meeting }.
record-case-list-heading = Agenda of { $group } { $number }, { $meeting }:
record-case-list-heading-unnumbered = Agenda of { $group }, { $meeting }:
record-standing-heading = Standing items of { $group }:
record-standing-defaults = Standing items of { $group } (the default list, unchanged):
record-held = { $group } { $number }, { $meeting }, is held.
record-held-early = Note: the meeting was marked held before it began, as you chose.
record-no-next-meeting = the next meeting to be set up
record-held-carried = { $count ->
    [one] One case was not handled and is now also on the agenda of { $next } (linked to the original).
   *[other] { $count } cases were not handled and are now also on the agenda of { $next } (linked to the originals).
}
record-held-moved = { $count ->
    [one] One proposal that never reached the agenda moved to { $next }.
   *[other] { $count } proposals that never reached the agenda moved to { $next }.
}
record-reopened = The meeting of { $group } { $meeting } is open again. { $count ->
    [0] No case had to be taken back.
    [one] One case was taken back from the next meeting.
   *[other] { $count } cases were taken back from the next meeting.
}
record-reopened-kept = { $count ->
    [one] One carried-over case was already handled at the next meeting and stays there.
   *[other] { $count } carried-over cases were already handled at the next meeting and stay there.
}
record-decided = Decision recorded: { $case }
record-minutes-approved-by-case = The minutes of the previous meeting are thereby approved.
record-attend-present = { $user } is recorded as present at the meeting { $meeting }.
record-attend-absent = { $user } sent apologies for the meeting { $meeting }.
record-guest-added = The guest { $guest } is recorded at the meeting { $meeting }.
record-roles = The meeting { $meeting }: chair { $chair }, minutes taken by { $referent }.
record-minutes-published = The minutes of { $group }, { $meeting }, are published.
record-minutes-approved = The minutes of the meeting { $meeting } were approved on { $date }.
record-error-held-before-start = Meeting { $id } has not begun yet. To mark it held anyway, say so explicitly (the option "early").
record-error-same-time = The group already has a meeting at that time (meeting { $id }).
record-error-not-held = Meeting { $id } is not held.
record-error-no-meeting = Item { $id } is not on any meeting yet.
record-error-case-type = Unknown case type "{ $input }". Choose decision, discussion, information, standing or aob.
record-error-too-many-standing = A group can have at most { $max } standing items.
record-error-nothing-recorded = Nothing is recorded for meeting { $id } yet: no cases, no attendance.
record-error-minutes-not-published = The minutes of meeting { $id } are not published (or already approved).
record-error-minutes-published = The minutes of meeting { $id } are already published.

## Discord: the meeting record and the minutes
cmd-minutes = minutes
    .description = A meeting's minutes: show, publish, approve
cmd-minutes-show = show
    .description = Show a meeting's minutes (a draft until published)
cmd-minutes-publish = publish
    .description = Publish the minutes of a held meeting (coordinators)
cmd-minutes-approve = approve
    .description = Approve published minutes at a later meeting (coordinators)
cmd-meeting-reopen = reopen
    .description = Reopen a meeting marked held by mistake (coordinators)
cmd-meeting-agenda = agenda
    .description = A meeting's case list with case numbers, types and decisions
cmd-meeting-attend = attend
    .description = Say you are coming or send apologies (coordinators also for others)
cmd-meeting-guest = guest
    .description = Add a guest who is not in Discord (coordinators)
cmd-meeting-roles = roles
    .description = Who chairs the meeting and who takes the minutes (coordinators)
cmd-agenda-case = case
    .description = Put a case on the case list with a number, or change its type (coordinators)
cmd-agenda-decide = decide
    .description = Record the discussion and decision of a case (coordinators)
cmd-group-standing = standing
    .description = The group's standing items on every meeting (coordinators change them)
opt-early = early
    .description = Mark the meeting held before its start time
opt-case_type = case_type
    .description = Decision, discussion, information …
opt-decision = decision
    .description = The decision
opt-notes = notes
    .description = Notes from the discussion
opt-responsible = responsible
    .description = Who is responsible for the follow-up
opt-user = user
    .description = Another member (coordinators)
    .description-meeting-invite = A user to invite as a guest
    .description-meeting-uninvite = The guest who is no longer to come
opt-chair = chair
    .description = Who chairs the meeting
opt-referent = referent
    .description = Who takes the minutes
opt-items = items
    .description = One per line or separated by ; — "Title" or "Title | type"
opt-at_meeting = at_meeting
    .description = The meeting at which the minutes were approved
attendance-present = present
attendance-absent = absent
audit-agenda-case = put an item on the case list
audit-agenda-standing = put a standing item on a meeting
audit-agenda-hold-move = moved a proposal to the next meeting
audit-agenda-uncarry = took back a carried-over case
audit-agenda-decide = recorded a decision
audit-group-standing = changed the standing items
audit-meeting-reopen = reopened a meeting
audit-meeting-attend = recorded attendance
audit-meeting-guest = added a guest
audit-meeting-roles = set chair and referent
audit-minutes-publish = published minutes
audit-minutes-approve = approved minutes
schedule-leads = { $leads } before the meeting
schedule-leads-none = no reminders
schedule-deadline = agenda deadline { $deadline } before the meeting
schedule-deadline-none = no agenda deadline
meeting-line-untitled = • { $when } — { $status } (meeting { $id })
notice-heading = Notice: { $group } meets { $meeting }.
notice-place = Place: { $place }
notice-cases = Agenda so far:
notice-deadline = Deadline for agenda items: { $deadline } (/agenda add).
notice-no-deadline = Items can be submitted until the meeting (/agenda add).
cmd-meeting-notice = notice
    .description = A meeting's notice: time, place, the case list so far and the deadline
## Calendar (.ics) of a group's meetings (issue 13)
ics-ready = Calendar of { $group }: { $meetings ->
    [0] no meetings
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
} in the next twelve months{ $cancelled ->
    [0] {""}
   *[other] {" "}({ $cancelled } cancelled)
}.
ics-summary = { $group }: { $title }
ics-summary-untitled = { $group }: meeting
ics-calendar-name = { $group } – meetings
discord-ics-attached = The calendar file (.ics) is attached: open it, or import it into Outlook or Google Calendar.
console-ics-saved = Saved { $file }.
console-ics-failed = Could not save the calendar: { $reason }
cmd-meeting-ics = ics
    .description = The group's meetings of the next twelve months as a calendar file (.ics)

## Inter-municipal setups: municipalities, guests of chosen meetings (issue 12, item 4)
cmd-municipality = municipality
    .description = The municipalities of an inter-municipal SLT setup
cmd-municipality-add = add
    .description = Add a municipality with its number (SLT coordinator)
cmd-municipality-list = list
    .description = List the municipalities and how many groups each has
cmd-municipality-remove = remove
    .description = Remove a municipality no group belongs to (SLT coordinator)
cmd-group-municipalities = municipalities
    .description = Which municipalities the group belongs to (coordinators change it)
cmd-meeting-invite = invite
    .description = Invite a role or a user as a guest of chosen meetings (coordinators)
cmd-meeting-uninvite = uninvite
    .description = Take back an invitation to a meeting (coordinators)
opt-number = number
    .description = Municipality number (kommunenummer), four digits, e.g. 4611
opt-municipality = municipality
    .description = The municipality: number or name
    .description-digest-show = Show the digest of this municipality's groups (number or name)
opt-municipalities = municipalities
    .description = Municipality numbers or names, separated by commas; "none" removes all
opt-role = role
    .description = A role to invite as a guest, e.g. the municipality's representatives
opt-also = also
    .description = More meetings the same guest joins: meeting numbers separated by commas
audit-municipality-add = added a municipality
audit-municipality-remove = removed a municipality
audit-group-municipalities = changed the group's municipalities
audit-meeting-invite = invited a guest
audit-meeting-uninvite = took back an invitation
munis-added = The municipality { $municipality } in { $county } is added.
munis-digest-channel = The weekly digest of its groups goes to { $channel }.
munis-list-heading = Municipalities:
munis-list-line = • { $municipality }, { $county }: { $groups ->
    [0] no groups
    [one] 1 group
   *[other] { $groups } groups
}
munis-list-digest = own weekly digest in { $channel }
munis-list-empty = No municipalities yet. Add one with /municipality add number:4611 name:Etne.
munis-removed = The municipality { $municipality } is removed.
munis-group = { $group } belongs to { $municipalities }.
munis-group-none = { $group } belongs to no municipality yet. Coordinators set it with /group municipalities municipalities:4611,1160.
munis-group-set = { $group } now belongs to { $municipalities }.
munis-group-cleared = { $group } no longer belongs to any municipality.
munis-invited = { $guest } is a guest of { $group } at { $count ->
    [one] this meeting
   *[other] these { $count } meetings
}:
munis-meeting-line = • { $when } (meeting { $id })
munis-invited-what = The guest is pinged before these meetings (and only these), can see their case lists and submit items to them.
munis-uninvited = { $guest } is no longer a guest of { $group } at the meeting { $meeting }.
munis-digest-heading = { $name } ({ $number })
munis-guest-reminder = { $mention } Welcome as a guest: { $group } meets { $when }. Case list: /meeting agenda id:{ $id }. Submit an item: /agenda add group:{ $name } meeting:{ $id } title:…
munis-error-number-format = A municipality number has four digits, e.g. 4611 (Etne) or 0301 (Oslo).
munis-error-number-county = That municipality number is not in use since the county reform of 2024: its first two digits must be a county's, e.g. 11 Rogaland, 39 Vestfold or 46 Vestland.
munis-error-duplicate = Municipality number { $number } is already added ({ $name }).
munis-error-unknown = No municipality «{ $input }». See /municipality list.
munis-error-in-use = { $name } cannot be removed while these groups belong to it: { $groups }. Change them first with /group municipalities.
munis-error-guest-missing = Give either role: or user: – one of them.
munis-error-not-invited = That guest is not invited to meeting { $id }.
munis-error-meeting-list = also: takes meeting numbers separated by spaces or commas, e.g. 15, 18, 21.
munis-line = Municipalities: { $municipalities }
munis-export = Export for { $municipality }: { $count ->
    [0] no groups
    [one] 1 group ({ $groups })
   *[other] { $count } groups ({ $groups })
}.
munis-export-title = Export for { $municipality }
cmd-municipality-export = export
    .description = Everything stored about the municipality's groups you coordinate, as JSON and Markdown
munis-minutes-label = Municipalities
munis-edited = The municipality { $municipality } is changed.
munis-no-digest = The municipality has no digest of its own; its groups are in the server's.
cmd-municipality-edit = edit
    .description = Rename a municipality or give it a channel for its own weekly digest (SLT coordinator)
opt-no_digest = no_digest
    .description = Stop the municipality's own weekly digest
## The follow-up round (issue 12): each owner of an open action is asked before the meeting
followup-answer-on-track = On track
followup-answer-delayed = Delayed
followup-answer-done = Done
followup-answer-needs-help = Needs help
followup-button-note = Note
followup-modal-title = Note for the follow-up
followup-ask = { $who } Follow-up before the meeting of { $group } { $meeting }: how are your actions going? Please answer by { $deadline }.
followup-ask-again = { $who } Reminder: the follow-up before the meeting of { $group } { $meeting } is waiting for your answer. Answer by { $deadline }.
followup-ask-how = Press a button under each action (Note opens a form), or use /action followup id: answer:.
followup-subject-action = { $n }. “{ $title }” (action { $id })
followup-subject-order = { $n }. “{ $title }” (order { $id })
followup-line-action = “{ $title }” (action { $id })
followup-line-order = “{ $title }” (order { $id })
followup-state-note-only = note
followup-state-closed = closed before answering
followup-state-silent = no answer
followup-state-note = . Note: { $note }
followup-none = No follow-up round for this meeting.
followup-planned = The follow-up round asks the owners of open actions { $at }.
followup-nobody-asked = The follow-up round found no open actions to ask about.
followup-counts = Follow-up round: { $asked } asked, { $answered } answered, { $silent } not answered (answers due { $deadline }).
followup-answer-line = { $who }: { $subject } — { $state }
followup-silent = Not answered: { $who }
followup-answered = Your follow-up answer for action { $id } “{ $title }” is saved: { $answer } (the meeting of { $group } { $meeting }).
followup-noted = Your follow-up note for action { $id } “{ $title }” is saved (the meeting of { $group } { $meeting }).
followup-note-kept = The note is saved.
followup-round-heading = Follow-up of actions and orders before the meeting of { $group } { $meeting } (meeting { $id })
followup-lead-days = { $days ->
    [one] one day
   *[other] { $days } days
} before the meeting
followup-lead-hours = { $hours } hours before the meeting
followup-lead-off = off (no follow-up round)
followup-settings = { $group }: the follow-up round asks { $lead }.
followup-settings-changed = { $group }: the follow-up round now asks { $lead }. This applies to meetings nobody has been asked for yet.
followup-error-not-asked = Action { $id } is not in a follow-up round for an upcoming meeting. Use /action update to report progress.
followup-error-invalid-lead = “{ $input }” is not a time before the meeting. Write e.g. 7d (days), 48h (hours) or none.
followup-digest-heading = Follow-up rounds
followup-digest-line = • { $group }, the meeting { $meeting }: { $asked } asked, { $answered } answered, { $silent } not answered
audit-action-followup = answered a follow-up
audit-group-followup = changed the follow-up round
cmd-action-followup = followup
    .description = Answer the follow-up round about an action (its owner or coordinators)
cmd-meeting-followup = followup
    .description = Who has answered the follow-up round before the meeting (coordinators)
cmd-group-followup = followup
    .description = When the follow-up round asks before each meeting (coordinators change it)
opt-answer = answer
    .description = On track, delayed, done or needs help
opt-ask = ask
    .description = How long before the meeting, e.g. 7d, 48h, or none
followup-delivery-what = The follow-up question before the meeting { $meeting }
followup-role = coordinator role { $id }
## Referent per body, minutes published with the file, reminders (issue 11, items 6–7)
need-referent = the group's referents or coordinators
minutes2-group-referent-role = Referents: { $role }
opt-referent_role = referent_role
    .description = The role of those who record the meetings (decisions, attendance, guests)
minutes2-file-word = minutes
minutes2-posted = { $title } published { $date }. Attached: the PDF/A file for the archive and the same text as Markdown.
minutes2-due = { $title } ({ $date }) are not published two working days after the meeting. Review the draft with /minutes show and publish it with /minutes publish (meeting { $id }).
minutes2-draft-attached = The draft is attached as PDF/A and Markdown (only you see it). Publish it with /minutes publish when it is ready.
minutes2-modal-title = Decision and discussion
minutes2-modal-decision = Decision
minutes2-modal-notes = Discussion (what was said)
minutes2-modal-responsible = Responsible (optional)
minutes2-modal-due = Deadline (optional), e.g. 12.02.2027
minutes2-link-published = Minutes of meeting { $number }, published { $date }
minutes2-link-approved = Minutes of meeting { $number }, approved { $date }
minutes2-link-draft = The minutes of meeting { $number } are not published yet
minutes2-digest-heading = Minutes awaiting publication
minutes2-digest-line = • { $body }: meeting { $number } ({ $date })
minutes2-digest-line-unnumbered = • { $body }: the meeting of { $date }
minutes2-case-action = Action
minutes2-agenda-case-line = { $case } { $title } — { $status } (submitted by { $user })
opt-case = case
    .description = The case it comes from
    .description-action-add = The case the action comes from: shown under the case in the minutes
    .description-order-add = The case of the ordering group's meeting the order comes from
minutes2-agenda-case-line-standing = { $case } { $title } — { $status }
minutes2-case-edited = { $case } has been updated.
minutes2-case-removed = { $case } “{ $title }” has been withdrawn.
minutes2-case-moved = { $case } is now number { $position } on the agenda for { $meeting }.

## The notice posted by the scheduler (issue 11, items 3 and 4)
notice-post-heading = Notice: { $group } meets { $meeting }.
notice-final-heading = Final agenda: { $group } meets { $meeting }.
notice-final-cases = Agenda:
notice-final-closed = The deadline for agenda items has passed. New items go to the coordinator, who decides whether they come to this meeting or the next.
notice-final-late = { $count ->
    [one] One item submitted after the deadline is waiting for the coordinator.
   *[other] { $count } items submitted after the deadline are waiting for the coordinator.
}
notice-cancelled = The meeting is cancelled.
notice-event = Event: { $url }
notice-answer-buttons = Answer with the buttons below: Attending or Apologies.
notice-answer-command = Answer: /meeting attend id:{ $id } status:present (or status:absent).
notice-changed = Changed { $date }, { $hh }:{ $min }: { $what }.
notice-change-added = { $case } was added
notice-change-removed = { $case } was taken off the agenda
notice-change-order = the order of the agenda changed
notice-change-moved = the meeting moved to the time above
notice-change-place = the place changed
notice-change-cancelled = the meeting is cancelled
notice-late-coordinators = { $mention }Item submitted after the deadline for the meeting { $meeting }: “{ $title }” (item { $id }) from { $user }. Decide with /agenda admit id:{ $id } meeting:this (this meeting) or meeting:next (the next meeting).
notice-late-submitted = The deadline for agenda items for the meeting { $meeting } has passed. “{ $title }” (item { $id }) is saved and sent to the coordinator, who decides whether it comes to this meeting or the next.
notice-admitted-this = { $case } is on the agenda of the meeting { $meeting }. The posted agenda will be updated.
notice-admitted-next = “{ $title }” (item { $id }) is set up for { $meeting }.
notice-settings = The notice of { $group }'s meetings is posted { $lead } before each meeting, in the group's channel.
notice-settings-off = { $group } gets no notice from sltbot before its meetings.
notice-error-not-late = Item { $id } is not a late submission waiting for a decision.
notice-error-lead = Could not read “{ $input }”. Write how long before the meeting the notice goes out, e.g. 14d, or off.
notice-admit-this = this meeting
notice-admit-next = next meeting
sched-reminder-apologies = Apologies: { $names }
sched-reminder-guests = Guests: { $names }
discord-button-attend = Attending
discord-button-apologies = Apologies
discord-modal-apologies = Apologies
discord-modal-apologies-note = Note (optional)
cmd-group-notice = notice
    .description = When the notice is posted before each meeting (coordinators change it)
cmd-agenda-admit = admit
    .description = Decide on an item submitted after the deadline: this meeting or the next (coordinators)
opt-lead = lead
    .description = How long before the meeting, e.g. 14d, or off
audit-group-notice = changed when the notice is posted
audit-agenda-admit = decided on a late submission
minutes2-console-saved = The draft is saved (PDF/A and Markdown): { $files }
minutes2-console-failed = Could not save the draft: { $reason }
## Orders between levels and the coordinator's overview (issue 12)
cmd-order = order
    .description = Orders and reports between the groups
cmd-order-add = add
    .description = Order work from another group, or report upward (the group's coordinators)
cmd-order-reply = reply
    .description = Answer an order to your group (the receiving group's coordinators)
cmd-order-list = list
    .description = Orders in and out of your groups
cmd-order-show = show
    .description = Show an order with its history
cmd-overview = overview
    .description = Overview of the groups you coordinate: meetings, cases, actions, orders, minutes
opt-from = from
    .description = The group that orders
opt-to = to
    .description = The group to do the work
opt-text = text
    .description = The answer, briefly
opt-open = open
    .description = Only open orders
audit-entity-order = (order { $id })
audit-order-add = sent an order
audit-order-reply = answered an order
order-status-open = open
order-status-accepted = accepted
order-status-declined = declined
order-status-done = done
order-case-title = { $kind ->
    [report] Report
   *[order] Order
} { $number } from { $from }: { $title }
order-answer-case-title = Answer to { $kind ->
    [report] report
   *[order] order
} { $number }: { $title }
order-no-due = no deadline
order-due = due { $due }
order-msg-on-meeting = On the case list of the meeting { $when }.
order-msg-waiting = Goes on the case list of the next meeting once one is set up.
order-msg-sent = { $mention }New { $kind ->
    [report] report
   *[order] order
} { $number } from { $from }: “{ $title }”, due: { $due }.
order-msg-answered = { $mention }{ $to } answered { $kind ->
    [report] report
   *[order] order
} { $number } “{ $title }”: { $status }. { $text }
order-msg-howto = Answer with /order reply id:{ $number } status:… text:…
order-msg-overdue = { $mention }{ $kind ->
    [report] Report
   *[order] Order
} { $number } from { $from } “{ $title }” was due { $due } and is { $status }. Answer with /order reply id:{ $number }.
order-msg-overdue-again = { $mention }Still overdue: { $kind ->
    [report] report
   *[order] order
} { $number } from { $from } “{ $title }” was due { $due } and is { $status }. Answer with /order reply id:{ $number }.
order-line = { $kind ->
    [report] Report
   *[order] Order
} { $number }: { $title } ({ $from } → { $to }), { $status }
order-on-meeting = On the case list of the meeting { $when }
order-waiting = Waiting for the group's next meeting
order-added = { $kind ->
    [report] Report
   *[order] Order
} { $number } sent to { $to }: { $title }
order-added-ping = The coordinators of { $to } are told in the group's channel.
order-answered = Answer to { $kind ->
    [report] report
   *[order] order
} { $number } recorded: { $status }. The answer was sent to { $from }.
order-list-heading = Orders in and out of { $group }
order-list-open-heading = Open orders in and out of { $group }
order-list-mine-heading = Orders of your groups
order-list-mine-open-heading = Open orders of your groups
order-list-empty = No orders.
order-history = History:
order-history-sent = • { $at }: { $who } sent it from { $from } to { $to }
order-history-answered = • { $at }: { $who } answered { $status }: { $text }
overview-none = You coordinate no group.
overview-heading = Overview of the groups you coordinate
overview-next-meeting = Next meeting: { $when }
overview-no-meeting = Next meeting: none set up
overview-cases = Cases: { $cases } on the case list, { $proposals } new proposals
overview-actions = Actions: { $open } open, { $overdue } overdue
overview-orders-in = Orders in: { $count } open, { $overdue } overdue
overview-orders-out = Orders out: { $count } open
overview-minutes-none = Minutes: all published
overview-minutes-meeting = meeting { $id } ({ $date })
overview-minutes-awaiting = Minutes not published: { $meetings }
overview-follow-up = Follow-up round: { $answered } of { $asked } answered, { $silent } silent
order-error-unknown = No order { $number } found.
order-error-same-body = A group cannot order from itself. Choose another group in to.
order-error-answer = Order { $number } is { $status } and cannot take that answer.
order-error-case = Case { $case } does not belong to the ordering group. Choose a case from the ordering group's own meetings.
minutes-case-order = Order to { $body }
delivery-what-order = The message about an order or an answer
delivery-what-order-overdue = The reminder about an overdue order

## Discord scheduled events and the permission self-check (issue 13)
cmd-group-events = events
    .description = The group's meetings as Discord events: on or off, and a voice channel (no options: show)
cmd-workspace-check = check
    .description = Check that the bot can see, post, ping and create events where sltbot is set up
opt-enabled = enabled
    .description = Turn events on (yes) or off (no)
opt-voice = voice
    .description = The voice channel meetings are held in (else the meeting's place is used)
opt-place = place
    .description = Yes: hold the events at the meeting's place again (no voice channel)
audit-group-events = changed the Discord events
events-name = { $group } meeting
events-name-titled = { $title } ({ $group })
events-description = { $group } meeting, { $when }. Notice and case list: /meeting notice id:{ $id }
events-location-fallback = { $group } – see the notice
events-on = Discord events for { $group }: on, { $place }. { $count } meetings in the next { $days } days show under Events, and move and cancel with the meeting.
events-off = Discord events for { $group }: off. Turn them on with /group events enabled:yes.
events-place-voice = in the voice channel { $channel }
events-place-external = with the meeting's place as location
events-link = Event in Discord: { $url }
selfcheck-heading = The bot's permissions ({ $channels } channels checked):
selfcheck-ok = All good: the bot can see, post and ping where sltbot is set up, and create events where needed.
selfcheck-offline = Discord could not be asked just now, so permissions were not checked (only what sltbot itself knows is below). Try again in Discord in a moment.
selfcheck-the-bot = the bot
selfcheck-purpose-group = group { $group }
selfcheck-purpose-digest = the weekly digest
selfcheck-channel-missing = The channel { $channel } ({ $purpose }) does not exist, or the bot cannot see it: choose another with /group edit channel: or /digest set channel:, or give { $bot } access to the channel.
selfcheck-cannot-view = The bot cannot see { $channel } ({ $purpose }): Channel { $channel } → Edit Channel → Permissions → add { $bot }: turn on "View Channel".
selfcheck-cannot-send = The bot cannot post in { $channel } ({ $purpose }): Channel { $channel } → Edit Channel → Permissions → add { $bot }: turn on "Send Messages".
selfcheck-cannot-attach = The bot cannot attach files in { $channel } ({ $purpose }), and the minutes are files: Channel { $channel } → Edit Channel → Permissions → add { $bot }: turn on "Attach Files".
selfcheck-cannot-ping = The bot cannot ping { $role } in { $channel }: Server Settings → Roles → { $role } → turn on "Allow anyone to @mention this role" (or give { $bot } "Mention @everyone, @here, and All Roles").
selfcheck-role-missing = The role { $role } no longer exists: choose another with /group edit coordinator_role: or /workspace set coordinator_role:.
selfcheck-cannot-create-events = The bot cannot create events: Server Settings → Roles → { $bot } → turn on "Create Events".
selfcheck-cannot-use-voice = The bot cannot use the voice channel { $channel } for events: Channel { $channel } → Edit Channel → Permissions → add { $bot }: turn on "View Channel" and "Connect".
selfcheck-event-failed = Discord refused the event for meeting { $id }: { $reason } The bot tries again in a few hours.
selfcheck-event-reason-permission = the bot lacks the permission to create events (see "Create Events" above).
selfcheck-event-reason-channel = the voice channel no longer exists: choose another with /group events voice:.
selfcheck-event-reason-other = Discord did not accept the event.
selfcheck-event-cap = { $count } meetings in the next 60 days have no event yet, because sltbot creates at most { $cap } events per server. They get one as they come nearer.
## The year at a glance (årshjul), /plan and sltbot plan (issue 13)
plan-ready = The year { $year } at a glance: { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}, { $meetings ->
    [one] { $meetings } meeting
   *[other] { $meetings } meetings
} ({ $held } held, { $scheduled } scheduled, { $expected } expected from a recurring schedule, { $cancelled } cancelled).
plan-no-groups = No groups to show for { $year }. Create one with /group create.
plan-no-meetings = No meetings in { $year } for { $groups ->
    [one] the group
   *[other] the { $groups } groups
}, so there is nothing to draw. Add meetings with /meeting add or a recurring time with /meeting schedule.
plan-title = The year { $year } at a glance
plan-made = as of { $date }
plan-legend-held = held
plan-legend-scheduled = scheduled
plan-legend-expected = from the recurring schedule, not created yet
plan-legend-cancelled = cancelled
plan-legend-holiday = public holiday
plan-legend-school = school holidays, as the municipality set them up in sltbot:
plan-school-winter = winter break week { $week }
plan-school-easter = Easter break
plan-school-summer = summer holidays { $from } – { $to }
plan-school-autumn = autumn break week { $week }
plan-school-christmas = Christmas holidays { $from } – { $to }
plan-school-extra = { $count ->
    [one] one more day or period
   *[other] { $count } more days or periods
}
plan-school-none = no school holidays set up
plan-day-month = { $day } { $month }
discord-plan-attached = The year plan is attached as a picture (PNG).
console-plan-saved = Saved { $file }.
console-plan-failed = Could not save the picture: { $reason }
cmd-plan = plan
    .description = All groups' meetings of a year as one picture (årshjul)
opt-year = year
    .description = The year, e.g. 2027 (default: this year)
followup-ask-how-order = Answer orders with /order reply id: status: text:.
