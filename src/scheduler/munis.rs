//! Inter-municipal setups in what the scheduler sends (issue 12, item 4):
//! - a meeting's reminder is followed, for each guest invited to *that* meeting (a role
//!   such as "Færder", or a user), by a message pinging that guest alone — reminders of
//!   other meetings ping no guest;
//! - a municipality with a digest channel of its own gets the weekly digest of its own
//!   bodies there, with the workspace's digest.
//!
//! Both are extra parts of the notification they belong to, so they are claimed, sent,
//! marked and recovered after a crash like the rest (see the module documentation of
//! [`crate::scheduler`]).

use super::messages::{self, Digest};
use crate::domain::municipality::{Guest, MunicipalityId};
use crate::domain::{Group, Lang, Meeting, Workspace};
use crate::i18n::format;
use crate::notify::{split_message, Outbound, Ping, MESSAGE_LIMIT};
use crate::store::{self, municipalities as munis, Result};
use crate::style::Style;
use crate::t;
use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;
use std::collections::HashSet;

/// The text pinging one guest before a meeting: who meets when, and how to read the case
/// list and submit an item to this meeting.
pub fn guest_reminder(
    lang: Lang,
    tz: Tz,
    style: Style,
    guest: Guest,
    group: &Group,
    meeting: &Meeting,
) -> String {
    let mention = match guest {
        Guest::Role(r) => style.role(r),
        Guest::User(u) => style.user(u),
    };
    let when = match style {
        Style::Discord => format!(
            "<t:{}:F> (<t:{}:R>)",
            meeting.starts_at.timestamp(),
            meeting.starts_at.timestamp()
        ),
        _ => format::datetime(lang, meeting.starts_at, tz),
    };
    t!(
        lang,
        "munis-guest-reminder",
        mention = mention,
        group = style.bold(&style.text(&group.name)),
        when = when,
        id = meeting.id.0,
        name = style.text(&group.name)
    )
}

/// One message per guest of `meeting`, each pinging that guest only.
pub async fn guest_reminders(
    conn: &mut SqliteConnection,
    lang: Lang,
    tz: Tz,
    style: Style,
    group: &Group,
    meeting: &Meeting,
) -> Result<Vec<Outbound>> {
    let Some(channel) = group.channel else {
        return Ok(Vec::new());
    };
    Ok(munis::guests(conn, meeting.id)
        .await?
        .into_iter()
        .map(|g| Outbound {
            channel,
            content: guest_reminder(lang, tz, style, g, group, meeting),
            ping: match g {
                Guest::Role(r) => Ping::Role(r),
                Guest::User(u) => Ping::User(u),
            },
            buttons: Vec::new(),
            attachments: Vec::new(),
        })
        .collect())
}

/// The workspace's digest as it would be sent now: the week's meetings ahead, items and
/// action updates since the last digest (or a week), overdue actions. No failures: those
/// are the coordinators' business, in the workspace's own digest.
pub async fn current_digest(
    conn: &mut SqliteConnection,
    ws: &Workspace,
    now: DateTime<Utc>,
) -> Result<Digest> {
    let since = store::digest::settings(conn, ws.id)
        .await?
        .and_then(|s| s.last_at)
        .unwrap_or(now - Duration::weeks(1));
    let today = now.with_timezone(&ws.timezone).date_naive();
    Ok(Digest {
        week: now.with_timezone(&ws.timezone).iso_week().week(),
        meetings: store::digest::meetings_between(conn, ws.id, now, now + Duration::days(14))
            .await?,
        items: store::digest::items_since(conn, ws.id, since).await?,
        updates: store::digest::updates_since(conn, ws.id, since).await?,
        overdue: store::digest::overdue(conn, ws.id, today).await?,
        failures: Vec::new(),
        followups: super::followup::digest_lines(conn, ws.id, now).await?,
        overdue_orders: store::orders::overdue_per_receiver(conn, ws.id, today).await?,
    })
}

/// Only the lines of bodies that belong to the municipality (a body of several
/// municipalities is in each one's digest). Failures are left out.
pub async fn for_municipality(
    conn: &mut SqliteConnection,
    d: &Digest,
    id: MunicipalityId,
) -> Result<Digest> {
    let mut names = HashSet::new();
    for g in munis::group_ids(conn, id).await? {
        if let Some(g) = store::groups::get(conn, g).await? {
            names.insert(g.name);
        }
    }
    Ok(Digest {
        week: d.week,
        meetings: keep(&d.meetings, &names, |l| &l.group_name),
        items: keep(&d.items, &names, |l| &l.group_name),
        updates: keep(&d.updates, &names, |l| &l.group_name),
        overdue: keep(&d.overdue, &names, |l| &l.group_name),
        failures: Vec::new(),
        followups: keep(&d.followups, &names, |l| &l.group_name),
        overdue_orders: keep(&d.overdue_orders, &names, |l| &l.group_name),
    })
}

fn keep<T: Clone>(lines: &[T], names: &HashSet<String>, name: impl Fn(&T) -> &String) -> Vec<T> {
    lines
        .iter()
        .filter(|l| names.contains(name(l)))
        .cloned()
        .collect()
}

/// A municipality's digest text: its name and number, then the digest of its bodies.
pub fn municipality_digest(
    lang: Lang,
    tz: Tz,
    style: Style,
    name: &str,
    number: &str,
    d: &Digest,
) -> String {
    format!(
        "{}\n{}",
        style.bold(&t!(
            lang,
            "munis-digest-heading",
            name = style.text(name),
            number = number
        )),
        messages::digest(lang, tz, style, d)
    )
}

/// The digests of the workspace's municipalities that have a channel of their own.
pub async fn digest_parts(
    conn: &mut SqliteConnection,
    ws: &Workspace,
    style: Style,
    d: &Digest,
) -> Result<Vec<Outbound>> {
    let mut out = Vec::new();
    for m in munis::list(conn, ws.id).await? {
        let Some(channel) = m.digest_channel else {
            continue;
        };
        let own = for_municipality(conn, d, m.id).await?;
        let text = municipality_digest(
            ws.language,
            ws.timezone,
            style,
            &m.name,
            m.number.as_str(),
            &own,
        );
        out.extend(
            split_message(&text, MESSAGE_LIMIT)
                .into_iter()
                .map(|content| Outbound {
                    channel,
                    content,
                    ping: Ping::Nobody,
                    buttons: Vec::new(),
                    attachments: Vec::new(),
                }),
        );
    }
    Ok(out)
}
