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
error-meeting-other-group = Meeting { $id } belongs to another group.
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
group-archived-mark = (archived)
group-details = Level: { $level } · Channel: { $channel } · Coordinators: { $coordinators } · Members: { $members }
group-list-heading = Groups:
group-list-empty = No groups yet. The SLT coordinator creates them with /group create.
group-list-line = • { $name } ({ $level })
group-next-meeting = Next meeting: { $meeting }
group-counts = Open items: { $items } · Active actions: { $actions }

## Meetings
meeting-ref = the meeting on { $when } (meeting { $id })
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
agenda-added = Thank you! The item “{ $title }” has been submitted to { $group }, { $meeting } (item { $id }).
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
console-unknown-option = /{ $command } has no option “{ $option }”. Valid options: { $valid }
console-missing-option = /{ $command } is missing { $option }:
console-invalid-number = { $option }: must be a whole number.
console-invalid-user = { $option }: must be a user, for example <@123456789012345678> or 123456789012345678.
console-invalid-role = { $option }: must be a role, for example <@&123456789012345678> or 123456789012345678.
console-invalid-channel = { $option }: must be a channel, for example <#123456789012345678> or 123456789012345678.
console-invalid-flag = { $option }: must be yes or no.
console-error-line-too-long = The line is too long (maximum { $max } characters).
console-error-control-character = The line has a control character in column { $column }.
console-error-missing-command = The line must start with a command, for example /agenda add (column { $column }).
console-error-unbalanced-quote = The quote mark in column { $column } is never closed.
console-error-option-without-value = The option { $name }: in column { $column } has no value. Write { $name }:"" for an empty value.
console-error-unexpected-token = Unexpected text in column { $column }. Write options as name:value, and put text with spaces in quotes.
console-error-duplicate-option = The option { $name }: is given twice (column { $column }).
console-error-bad-option-name = Invalid option name in column { $column }.

## Command line
cli-no-token = No Discord token. Set the environment variable DISCORD_TOKEN (see the README: “Koble til Discord”), or try sltbot without Discord: sltbot console --user 1 --admin
cli-db-read-only = The database { $url } is read-only. Give sltbot write access to the file and its folder, or choose another one with --db / SLTBOT_DATABASE__URL.
cli-db-locked = The database { $url } is locked by another process. Try again when that process has finished.
cli-db-failed = Can't open the database { $url }: { $reason }
cli-bad-lang = Unknown language “{ $input }”. Choose nb, nn or en.

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
cadence-error-unrecognized = “{ $word }” is not a preset, an RRULE or a cron expression. Examples: “every 4 weeks tue 09:00”, “monthly first tue 09:00” or “0 9 * * 2”.
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
cadence-error-cron-invalid-field = Cron field { $position } ({ $field }) is invalid: “{ $text }”.
cadence-error-cron-value-out-of-range = Value { $value } in cron field { $position } ({ $field }) must be { $min }–{ $max }.
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

## History, export, deletion and limits
audit-heading = Recent changes in { $group }:
audit-empty = No changes yet.
audit-line = • { $when }, { $user }: { $action } { $id }
audit-system = sltbot (retention clean-up)
export-ready = Export of { $group }: { $meetings } meetings, { $items } items and { $actions } actions. The files are attached (JSON and Markdown).
export-title = Export of { $group }
export-made = Made { $when }.
export-meetings = Meetings and items
export-actions = Actions
export-audit = The history has { $count } entries (not included in the export).
group-deleted = The group { $name } was deleted with { $meetings } meetings, { $items } items and { $actions } actions. The history only shows that it happened.
error-confirmation-required = Deleting cannot be undone. Type the group's name in confirm: to confirm, for example confirm:"{ $name }".
limit-groups = The server has reached the limit of { $max } groups. Archive or delete groups that are not in use.
limit-items = The meeting already has { $max } open items, which is the limit. Move some to a later meeting.
limit-meetings = The group already has { $max } upcoming meetings, which is the limit.
limit-actions = The group already has { $max } active actions, which is the limit. Close some first.
console-export-saved = Saved { $json } and { $markdown }. The files hold the group's data: keep them as safely as the database.
console-export-failed = Could not save the export: { $reason }
## Scheduler: cadences, reminders, deadline calls, overdue actions, weekly digest (issue 3)
cli-bad-timezone = Unknown time zone "{ $input }". Use an IANA name, e.g. Europe/Oslo.
cli-bad-from = --from "{ $input }" is not an RFC 3339 time (e.g. 2027-01-01T00:00:00+01:00).
cli-bad-year = Invalid year "{ $input }". Give a year between 1583 and 9999.
value-yes = yes
value-no = no
error-cadence-too-frequent = This cadence meets more often than once a day. Choose a less frequent one.
error-invalid-leads = Invalid reminder times "{ $input }". Write e.g. "7d, 1d" (days d, hours h, minutes m; at most 5, at most 60 days), or "none".
error-invalid-duration = Invalid deadline "{ $input }". Write e.g. "2d" or "36h" (at most 60 days), or "none".
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
schedule-reminders = Reminders for { $group }: { $leads } before the meeting; agenda deadline: { $deadline } before; skips public holidays: { $skip }.
schedule-digest = Weekly digest: channel { $channel }, cadence { $cadence }, next: { $next }.
sched-reminder = { $mention }Reminder: { $group } meets { $when }.
sched-reminder-agenda = Agenda so far:
sched-reminder-agenda-empty = No items on the agenda yet.
sched-reminder-agenda-line = { $position }. { $title }
sched-reminder-howto = Add an item: /agenda add group:{ $group } title:…
sched-deadline = Deadline for items to the { $group } meeting on { $meeting }: { $deadline }. Add items with /agenda add group:{ $name } title:…
sched-overdue = { $owner } The action "{ $title }" (action { $id }) in { $group } was due { $due } and is still { $status }. Mark it done or report progress with the buttons below, or with /action update id:{ $id }.
sched-overdue-again = { $owner } Still overdue: the action "{ $title }" (action { $id }) in { $group } was due { $due } and is { $status }. Report progress with the buttons below, or with /action update id:{ $id }.
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
record-error-attendance = Unknown answer "{ $input }". Answer present or absent.
record-error-too-many-standing = A group can have at most { $max } standing items.
record-error-nothing-recorded = Nothing is recorded for meeting { $id } yet: no cases, no attendance.
record-error-minutes-not-published = The minutes of meeting { $id } are not published (or already approved).
record-error-minutes-published = The minutes of meeting { $id } are already published.
