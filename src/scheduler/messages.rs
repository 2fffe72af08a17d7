//! The text of what the scheduler sends. Pure: data in, text out, in the group's or
//! workspace's language, for the outbox's [`Style`]. User text always goes through
//! [`Style::text`], so it can neither format nor mention.

use crate::domain::{Action, AgendaItem, Group, Lang, RoleId};
use crate::i18n::cadence::duration;
use crate::i18n::format;
use crate::notify::Refusal;
use crate::render::{action_status, Style};
use crate::store::digest::{ItemLine, MeetingLine, OverdueLine, UpdateLine};
use crate::store::notifications::Failed;
use crate::t;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// A point in time: Discord shows `<t:…:F>` in each reader's own zone, and `<t:…:R>`
/// relative ("in 7 days"); plain text gets the local date and time.
fn when(lang: Lang, at: DateTime<Utc>, tz: Tz, style: Style) -> (String, String) {
    match style {
        Style::Discord => (
            format!("<t:{}:F>", at.timestamp()),
            format!("<t:{}:R>", at.timestamp()),
        ),
        Style::Plain | Style::Document(_) => (format::datetime(lang, at, tz), String::new()),
    }
}

fn with_relative(abs: String, rel: String) -> String {
    if rel.is_empty() {
        abs
    } else {
        format!("{abs} ({rel})")
    }
}

/// What a meeting reminder is about.
pub struct Reminder<'a> {
    pub group: &'a Group,
    /// The role pinged (the group's coordinators), shown as a mention.
    pub role: Option<RoleId>,
    pub starts_at: DateTime<Utc>,
    pub lead_minutes: i64,
    /// The agenda so far.
    pub items: &'a [AgendaItem],
    /// Members who sent apologies (*forfall*): named as mentions, which the reminder's
    /// `allowed_mentions` (the coordinator role only) keeps from pinging.
    pub apologies: &'a [crate::domain::UserId],
    /// Guests recorded for the meeting (name and agency, user text).
    pub guests: &'a [crate::domain::record::MeetingGuest],
}

/// A meeting reminder: who is meeting when, the agenda so far, how to add an item.
pub fn reminder(lang: Lang, tz: Tz, style: Style, r: &Reminder<'_>) -> String {
    let Reminder {
        group,
        role,
        starts_at,
        lead_minutes,
        items,
        apologies,
        guests,
    } = *r;
    let (abs, rel) = when(lang, starts_at, tz, style);
    let mut out = vec![t!(
        lang,
        "sched-reminder",
        mention = role
            .map(|r| format!("{} ", style.role(r)))
            .unwrap_or_default(),
        group = style.bold(&style.text(&group.name)),
        when = with_relative(abs, rel),
        lead = duration(lang, lead_minutes)
    )];
    if items.is_empty() {
        out.push(t!(lang, "sched-reminder-agenda-empty"));
    } else {
        out.push(t!(lang, "sched-reminder-agenda"));
        // Numbered as listed (a standing item kept last has its own position count).
        for (n, i) in items.iter().enumerate() {
            out.push(t!(
                lang,
                "sched-reminder-agenda-line",
                position = n + 1,
                title = style.text(&i.title)
            ));
        }
    }
    if !apologies.is_empty() {
        let names: Vec<String> = apologies.iter().map(|u| style.user(*u)).collect();
        out.push(t!(
            lang,
            "sched-reminder-apologies",
            names = names.join(", ")
        ));
    }
    if !guests.is_empty() {
        let names: Vec<String> = guests
            .iter()
            .map(|g| match &g.agency {
                Some(a) => format!("{} ({})", style.text(&g.name), style.text(a)),
                None => style.text(&g.name),
            })
            .collect();
        out.push(t!(lang, "sched-reminder-guests", names = names.join(", ")));
    }
    out.push(t!(
        lang,
        "sched-reminder-howto",
        group = style.text(&group.name)
    ));
    out.join("\n")
}

/// The call for agenda items before the deadline.
pub fn deadline(
    lang: Lang,
    tz: Tz,
    style: Style,
    group: &Group,
    starts_at: DateTime<Utc>,
    deadline: DateTime<Utc>,
) -> String {
    let (m_abs, _) = when(lang, starts_at, tz, style);
    let (d_abs, d_rel) = when(lang, deadline, tz, style);
    t!(
        lang,
        "sched-deadline",
        group = style.bold(&style.text(&group.name)),
        meeting = m_abs,
        deadline = with_relative(d_abs, d_rel),
        name = style.text(&group.name)
    )
}

/// The ping to an action's owner once it is overdue (`seq` 0), then weekly.
pub fn overdue(lang: Lang, style: Style, group: &Group, action: &Action, seq: i64) -> String {
    let due = action
        .due
        .map(|d| format::date_short(lang, d))
        .unwrap_or_default();
    t!(
        lang,
        if seq == 0 {
            "sched-overdue"
        } else {
            "sched-overdue-again"
        },
        owner = style.user(action.owner),
        title = style.text(&action.title),
        id = action.id.0,
        group = style.text(&group.name),
        due = due,
        status = action_status(lang, action.status)
    )
}

/// Everything the weekly digest shows.
pub struct Digest {
    pub week: u32,
    pub meetings: Vec<MeetingLine>,
    pub items: Vec<ItemLine>,
    pub updates: Vec<UpdateLine>,
    pub overdue: Vec<OverdueLine>,
    /// Messages that failed for good since the last digest (a section only when any).
    pub failures: Vec<Failed>,
    /// Follow-up rounds of the coming meetings that have asked (a section only when any).
    pub followups: Vec<super::followup::DigestLine>,
    /// Open orders past their due date, per receiving body (a section only when any).
    pub overdue_orders: Vec<crate::store::orders::OverdueOrders>,
}

/// Consecutive lines of the same group (the queries sort by group) as runs.
fn runs<T>(lines: &[T], group: impl Fn(&T) -> &str) -> Vec<&[T]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || group(&lines[i]) != group(&lines[start]) {
            if start < i {
                out.push(&lines[start..i]);
            }
            start = i;
        }
    }
    out
}

/// The weekly digest as one text (split by the caller). Never mentions anyone: owners and
/// submitters are left out, and user text is escaped. A group shows its item and action
/// titles only if it allows that ([`crate::domain::Group::digest_titles`]; the store then
/// hands titles out); otherwise one line of counts per group and section.
pub fn digest(lang: Lang, tz: Tz, style: Style, d: &Digest) -> String {
    let mut out = vec![style.bold(&t!(lang, "sched-digest-heading", week = d.week))];
    let none = t!(lang, "sched-digest-none");
    out.push(String::new());
    out.push(style.bold(&t!(lang, "sched-digest-meetings")));
    if d.meetings.is_empty() {
        out.push(none.clone());
    }
    for m in &d.meetings {
        let at = DateTime::<Utc>::from_timestamp(m.starts_at, 0).unwrap_or_default();
        out.push(t!(
            lang,
            if m.status == "cancelled" {
                "sched-digest-meeting-cancelled"
            } else {
                "sched-digest-meeting"
            },
            when = format::datetime(lang, at, tz),
            group = style.text(&m.group_name)
        ));
    }
    out.push(String::new());
    out.push(style.bold(&t!(lang, "sched-digest-items")));
    if d.items.is_empty() {
        out.push(none.clone());
    }
    for run in runs(&d.items, |i| &i.group_name) {
        let group = style.text(&run[0].group_name);
        if run.iter().any(|i| i.title.is_none()) {
            out.push(t!(
                lang,
                "sched-digest-items-count",
                group = group,
                count = run.len()
            ));
            continue;
        }
        for i in run {
            out.push(t!(
                lang,
                "sched-digest-item",
                group = group.clone(),
                title = style.text(i.title.as_deref().unwrap_or_default()),
                id = i.id
            ));
        }
    }
    out.push(String::new());
    out.push(style.bold(&t!(lang, "sched-digest-updates")));
    if d.updates.is_empty() {
        out.push(none.clone());
    }
    for run in runs(&d.updates, |u| &u.group_name) {
        let group = style.text(&run[0].group_name);
        if run.iter().any(|u| u.title.is_none()) {
            out.push(t!(
                lang,
                "sched-digest-updates-count",
                group = group,
                count = run.len()
            ));
            continue;
        }
        for u in run {
            let status = crate::store::digest::parse_status(&u.status)
                .map(|s| action_status(lang, s))
                .unwrap_or_default();
            out.push(t!(
                lang,
                "sched-digest-update",
                group = group.clone(),
                title = style.text(u.title.as_deref().unwrap_or_default()),
                id = u.action_id,
                status = status,
                notes = u.notes
            ));
        }
    }
    out.push(String::new());
    out.push(style.bold(&t!(lang, "sched-digest-overdue")));
    if d.overdue.is_empty() {
        out.push(none);
    }
    for run in runs(&d.overdue, |o| &o.group_name) {
        let group = style.text(&run[0].group_name);
        if run.iter().any(|o| o.title.is_none()) {
            out.push(t!(
                lang,
                "sched-digest-overdue-count",
                group = group,
                count = run.len()
            ));
            continue;
        }
        out.push(t!(lang, "sched-digest-overdue-group", group = group));
        for o in run {
            let due = o
                .due_date
                .parse::<NaiveDate>()
                .map(|d| format::date_short(lang, d))
                .unwrap_or_default();
            out.push(t!(
                lang,
                "sched-digest-overdue-line",
                title = style.text(o.title.as_deref().unwrap_or_default()),
                id = o.action_id,
                due = due
            ));
        }
    }
    if !d.overdue_orders.is_empty() {
        out.push(String::new());
        out.push(style.bold(&t!(lang, "sched-digest-overdue-orders")));
        for o in &d.overdue_orders {
            out.push(t!(
                lang,
                "sched-digest-overdue-orders-count",
                group = style.text(&o.group_name),
                count = o.count
            ));
        }
    }
    if !d.followups.is_empty() {
        out.push(String::new());
        out.extend(super::followup::digest_section(
            lang,
            tz,
            style,
            &d.followups,
        ));
    }
    if !d.failures.is_empty() {
        out.push(String::new());
        out.push(style.bold(&t!(lang, "delivery-digest-failures")));
        for f in &d.failures {
            out.push(format!("• {}", failure_line(lang, tz, style, f)));
        }
    }
    out.join("\n")
}

/// One failed message: what, for which group, where, when it was due, and why — with what
/// to change in Discord. No user text but the group's name (escaped).
pub fn failure_line(lang: Lang, tz: Tz, style: Style, f: &Failed) -> String {
    let at =
        |t: i64| format::datetime(lang, DateTime::from_timestamp(t, 0).unwrap_or_default(), tz);
    let what = match (f.kind.as_str(), f.meeting_starts_at, f.action_id) {
        ("reminder", Some(m), _) => t!(lang, "delivery-what-reminder", meeting = at(m)),
        ("deadline", Some(m), _) => t!(lang, "delivery-what-deadline", meeting = at(m)),
        ("overdue", _, Some(a)) => t!(lang, "delivery-what-overdue", id = a),
        ("followup", Some(m), _) => t!(lang, "followup-delivery-what", meeting = at(m)),
        ("digest", _, _) => t!(lang, "delivery-what-digest"),
        ("order", _, _) => t!(lang, "delivery-what-order"),
        ("order_overdue", _, _) => t!(lang, "delivery-what-order-overdue"),
        _ => t!(lang, "delivery-what-other"),
    };
    let reason = Refusal::parse(&f.failure).unwrap_or(Refusal::Rejected);
    let place = match (&f.group_name, f.channel) {
        (Some(g), Some(c)) => t!(
            lang,
            "delivery-where-group",
            group = style.text(g),
            channel = style.channel(crate::domain::ChannelId(c as u64))
        ),
        (Some(g), None) => t!(
            lang,
            "delivery-where-group-no-channel",
            group = style.text(g)
        ),
        (None, _) => t!(lang, "delivery-where-digest"),
    };
    t!(
        lang,
        "delivery-failed-line",
        what = what,
        place = place,
        due = at(f.planned_at),
        reason = t!(lang, reason.fluent_key())
    )
}

/// The notice in the digest channel when a message failed for good; pings the group's
/// coordinators (`role`).
pub fn failure_notice(
    lang: Lang,
    tz: Tz,
    style: Style,
    role: Option<RoleId>,
    f: &Failed,
) -> String {
    let head = t!(lang, "delivery-failed-notice");
    let line = failure_line(lang, tz, style, f);
    match role {
        Some(r) => format!("{} {head}\n{line}", style.role(r)),
        None => format!("{head}\n{line}"),
    }
}

/// What a coordinator sees on the next command: every failure not yet shown.
pub fn failures_notice(lang: Lang, tz: Tz, style: Style, fs: &[Failed]) -> String {
    let mut out = vec![t!(lang, "delivery-notice-heading", count = fs.len())];
    for f in fs {
        out.push(format!("• {}", failure_line(lang, tz, style, f)));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgendaItemId, AgendaStatus, GroupId, SltLevel, UserId, WorkspaceId};
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    fn group() -> Group {
        Group {
            id: GroupId(1),
            workspace: WorkspaceId(1),
            name: "Tverrfaglig *team*".into(),
            level: SltLevel::Utforende,
            channel: None,
            coordinator_role: Some(RoleId(10)),
            member_role: None,
            timezone: None,
            language: None,
            archived_at: None,
            version: 1,
            digest_titles: false,
            referent_role: None,
        }
    }

    fn item(title: &str) -> AgendaItem {
        AgendaItem {
            id: AgendaItemId(3),
            group: GroupId(1),
            meeting: None,
            title: title.into(),
            details: None,
            submitter: UserId(42),
            position: 1,
            status: AgendaStatus::Proposed,
            created_at: Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
            version: 1,
        }
    }

    #[test]
    fn reminder_golden_text_per_locale() {
        let g = group();
        let items = [item("Uro ved klubben")];
        let r = Reminder {
            group: &g,
            role: Some(RoleId(10)),
            starts_at: Utc.with_ymd_and_hms(2027, 1, 12, 8, 0, 0).unwrap(),
            lead_minutes: 1440,
            items: &items,
            apologies: &[],
            guests: &[],
        };
        assert_eq!(
            reminder(Lang::Nb, Oslo, Style::Plain, &r),
            "<@&10> Påminnelse: Tverrfaglig *team* har møte tirsdag 12.01.2027 kl. 09.00.\n\
             Saksliste så langt:\n1. Uro ved klubben\n\
             Meld inn en sak: /agenda add group:Tverrfaglig *team* title:…"
        );
        assert!(reminder(Lang::Nn, Oslo, Style::Plain, &r).starts_with(
            "<@&10> Påminning: Tverrfaglig *team* har møte tysdag 12.01.2027 kl. 09.00."
        ));
        assert!(reminder(Lang::En, Oslo, Style::Plain, &r).starts_with(
            "<@&10> Reminder: Tverrfaglig *team* meets Tuesday 12 January 2027, 09:00."
        ));
        let discord = reminder(Lang::Nb, Oslo, Style::Discord, &r);
        assert!(discord.starts_with(
            "<@&10> Påminnelse: **Tverrfaglig \\*team\\*** har møte <t:1799740800:F> (<t:1799740800:R>)."
        ), "{discord}");
    }

    #[test]
    fn digest_user_text_cannot_mention() {
        let d = Digest {
            week: 2,
            meetings: vec![],
            items: vec![ItemLine {
                group_name: "@here".into(),
                id: 1,
                title: Some("<@&10> @everyone".into()),
            }],
            updates: vec![],
            overdue: vec![],
            failures: vec![],
            followups: vec![],
            overdue_orders: vec![],
        };
        let text = digest(Lang::En, Oslo, Style::Discord, &d);
        assert!(!text.contains("@everyone") && !text.contains("@here") && !text.contains("<@&10>"));
        assert!(text.starts_with("**Weekly digest, week 2**"), "{text}");
        assert!(text.contains("**Meetings in the next 14 days**\n• None."));
    }

    fn sample(titles: bool) -> Digest {
        let title = |t: &str| titles.then(|| t.to_string());
        Digest {
            week: 2,
            meetings: vec![MeetingLine {
                group_name: "Koordineringsgruppa".into(),
                starts_at: Utc
                    .with_ymd_and_hms(2027, 1, 12, 8, 0, 0)
                    .unwrap()
                    .timestamp(),
                status: "scheduled".into(),
            }],
            items: vec![
                ItemLine {
                    group_name: "Koordineringsgruppa".into(),
                    id: 4,
                    title: title("Uro ved klubben"),
                },
                ItemLine {
                    group_name: "Koordineringsgruppa".into(),
                    id: 5,
                    title: title("Skolevegring"),
                },
            ],
            updates: vec![UpdateLine {
                group_name: "Koordineringsgruppa".into(),
                action_id: 2,
                title: title("Kartlegge"),
                status: "in_progress".into(),
                notes: 1,
            }],
            overdue: vec![OverdueLine {
                group_name: "Koordineringsgruppa".into(),
                action_id: 3,
                title: title("Søke midler"),
                due_date: "2027-01-04".into(),
            }],
            failures: vec![],
            followups: vec![],
            overdue_orders: vec![],
        }
    }

    #[test]
    fn digest_golden_text_with_counts_only_per_locale() {
        let d = sample(false);
        assert_eq!(
            digest(Lang::Nb, Oslo, Style::Plain, &d),
            "Ukeoppsummering uke 2\n\nMøter de neste 14 dagene\n\
             • tirsdag 12.01.2027 kl. 09.00 — Koordineringsgruppa\n\n\
             Nye saker siden forrige oppsummering\n• Koordineringsgruppa: 2 nye saker\n\n\
             Oppdaterte tiltak\n• Koordineringsgruppa: ett oppdatert tiltak\n\n\
             Forsinkede tiltak\n• Koordineringsgruppa: ett forsinket tiltak"
        );
        assert_eq!(
            digest(Lang::Nn, Oslo, Style::Plain, &d),
            "Vekeoppsummering veke 2\n\nMøte dei neste 14 dagane\n\
             • tysdag 12.01.2027 kl. 09.00 — Koordineringsgruppa\n\n\
             Nye saker sidan førre oppsummering\n• Koordineringsgruppa: 2 nye saker\n\n\
             Oppdaterte tiltak\n• Koordineringsgruppa: eitt oppdatert tiltak\n\n\
             Forseinka tiltak\n• Koordineringsgruppa: eitt forseinka tiltak"
        );
        assert_eq!(
            digest(Lang::En, Oslo, Style::Plain, &d),
            "Weekly digest, week 2\n\nMeetings in the next 14 days\n\
             • Tuesday 12 January 2027, 09:00 — Koordineringsgruppa\n\n\
             New agenda items since the last digest\n• Koordineringsgruppa: 2 new items\n\n\
             Updated actions\n• Koordineringsgruppa: one updated action\n\n\
             Overdue actions\n• Koordineringsgruppa: one overdue action"
        );
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let text = digest(lang, Oslo, Style::Discord, &d);
            for t in [
                "Uro ved klubben",
                "Skolevegring",
                "Kartlegge",
                "Søke midler",
            ] {
                assert!(!text.contains(t), "{t} in {text}");
            }
        }
    }

    #[test]
    fn overdue_orders_are_a_section_of_counts_per_receiving_body_only_when_any() {
        let mut d = sample(false);
        let without = digest(Lang::Nb, Oslo, Style::Plain, &d);
        assert!(!without.contains("Bestillinger"), "{without}");
        d.overdue_orders = vec![
            crate::store::orders::OverdueOrders {
                group_name: "Koordineringsgruppa".into(),
                count: 1,
            },
            crate::store::orders::OverdueOrders {
                group_name: "Tverrfaglig".into(),
                count: 3,
            },
        ];
        let expect = [
            (
                Lang::Nb,
                "Bestillinger over fristen\n\
                 • Koordineringsgruppa: én bestilling venter på svar etter fristen\n\
                 • Tverrfaglig: 3 bestillinger venter på svar etter fristen",
            ),
            (
                Lang::Nn,
                "Bestillingar over fristen\n\
                 • Koordineringsgruppa: éi bestilling ventar på svar etter fristen\n\
                 • Tverrfaglig: 3 bestillingar ventar på svar etter fristen",
            ),
            (
                Lang::En,
                "Orders past their due date\n\
                 • Koordineringsgruppa: one order awaits an answer after its due date\n\
                 • Tverrfaglig: 3 orders await an answer after their due date",
            ),
        ];
        for (lang, section) in expect {
            let text = digest(lang, Oslo, Style::Plain, &d);
            assert!(text.ends_with(section), "{text}");
        }
    }

    #[test]
    fn digest_golden_text_with_titles_per_locale() {
        let d = sample(true);
        assert_eq!(
            digest(Lang::Nb, Oslo, Style::Plain, &d),
            "Ukeoppsummering uke 2\n\nMøter de neste 14 dagene\n\
             • tirsdag 12.01.2027 kl. 09.00 — Koordineringsgruppa\n\n\
             Nye saker siden forrige oppsummering\n\
             • Koordineringsgruppa: Uro ved klubben (sak 4)\n\
             • Koordineringsgruppa: Skolevegring (sak 5)\n\n\
             Oppdaterte tiltak\n• Koordineringsgruppa: Kartlegge (tiltak 2) — pågår, ett notat\n\n\
             Forsinkede tiltak\nKoordineringsgruppa:\n• Søke midler (tiltak 3), frist 04.01.2027"
        );
        assert_eq!(
            digest(Lang::Nn, Oslo, Style::Plain, &d),
            "Vekeoppsummering veke 2\n\nMøte dei neste 14 dagane\n\
             • tysdag 12.01.2027 kl. 09.00 — Koordineringsgruppa\n\n\
             Nye saker sidan førre oppsummering\n\
             • Koordineringsgruppa: Uro ved klubben (sak 4)\n\
             • Koordineringsgruppa: Skolevegring (sak 5)\n\n\
             Oppdaterte tiltak\n• Koordineringsgruppa: Kartlegge (tiltak 2) — pågår, eitt notat\n\n\
             Forseinka tiltak\nKoordineringsgruppa:\n• Søke midler (tiltak 3), frist 04.01.2027"
        );
        assert_eq!(
            digest(Lang::En, Oslo, Style::Plain, &d),
            "Weekly digest, week 2\n\nMeetings in the next 14 days\n\
             • Tuesday 12 January 2027, 09:00 — Koordineringsgruppa\n\n\
             New agenda items since the last digest\n\
             • Koordineringsgruppa: Uro ved klubben (item 4)\n\
             • Koordineringsgruppa: Skolevegring (item 5)\n\n\
             Updated actions\n• Koordineringsgruppa: Kartlegge (action 2) — in progress, one note\n\n\
             Overdue actions\nKoordineringsgruppa:\n• Søke midler (action 3), due 4 January 2027"
        );
    }

    fn failed(kind: &str, failure: &str, group: Option<&str>) -> Failed {
        Failed {
            id: 1,
            kind: kind.into(),
            group_id: group.map(|_| 1),
            group_name: group.map(Into::into),
            channel: group.map(|_| 100),
            // 12.01.2027 09:00 Oslo; due 11.01.2027 09:00.
            meeting_starts_at: Some(1_799_740_800),
            action_id: Some(4),
            planned_at: 1_799_654_400,
            failed_at: 1_799_654_400,
            failure: failure.into(),
        }
    }

    #[test]
    fn failure_lines_golden_in_each_language() {
        let f = failed(
            "reminder",
            "missing_permissions",
            Some("Tverrfaglig *team*"),
        );
        assert_eq!(
            failure_line(Lang::Nb, Oslo, Style::Discord, &f),
            "Påminnelsen om møtet tirsdag 12.01.2027 kl. 09.00 til Tverrfaglig \\*team\\* i \
             <#100>, planlagt mandag 11.01.2027 kl. 09.00. Boten mangler tillatelse i kanalen: gi den «Send \
             meldinger», og «Nevn @everyone, @here og alle roller» hvis koordinatorrollen ikke \
             kan nevnes."
        );
        assert_eq!(
            failure_line(Lang::Nn, Oslo, Style::Plain, &f),
            "Påminninga om møtet tysdag 12.01.2027 kl. 09.00 til Tverrfaglig *team* i <#100>, \
             planlagd måndag 11.01.2027 kl. 09.00. Boten manglar løyve i kanalen: gi han «Send meldingar», og \
             «Nemn @everyone, @here og alle roller» viss koordinatorrolla ikkje kan nemnast."
        );
        let digest_failure = failed("digest", "unknown_channel", None);
        assert_eq!(
            failure_line(Lang::En, Oslo, Style::Plain, &digest_failure),
            "The weekly digest to the digest channel, due Monday 11 January 2027, 09:00. The channel \
             no longer exists: choose another with /group edit (for the digest: /digest)."
        );
        let notice = failure_notice(Lang::Nn, Oslo, Style::Discord, Some(RoleId(10)), &f);
        assert!(
            notice.starts_with(
                "<@&10> ⚠️ Ei melding frå sltbot kom ikkje fram, og blir ikkje prøvd igjen:\n"
            ),
            "{notice}"
        );
        let many = failures_notice(Lang::En, Oslo, Style::Plain, &[f.clone(), f]);
        assert!(
            many.starts_with("⚠️ 2 messages from sltbot could not be delivered:\n• "),
            "{many}"
        );
    }

    #[test]
    fn every_refusal_has_a_text_in_every_language() {
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            for r in Refusal::ALL {
                let text = t!(lang, r.fluent_key());
                assert!(
                    !text.is_empty() && !text.contains(r.fluent_key()),
                    "{lang:?} {r:?}"
                );
            }
        }
    }
}
