//! Orders through the durable outbox: the posting of a new order to the receiving body's
//! channel and of each answer to the ordering body's (kind `order`), and the ping of an
//! open order past its due date (kind `order_overdue`, then weekly, like overdue actions).
//!
//! The service plans these rows in the same transaction that stores the order or its
//! answer ([`plan_event`], [`plan_overdue`]); the scheduler claims, checks, renders and
//! sends them like every other notification. Each message pings only the coordinator role
//! of the body it goes to (no role: nobody).

use super::Prepared;
use crate::domain::order::{direction, Direction, EventKind, Order, OrderEvent};
use crate::domain::{ChannelId, Group, GroupId, Lang, WorkspaceId};
use crate::i18n::format;
use crate::notify::{Outbound, Ping};
use crate::plan;
use crate::render::Style;
use crate::store::notifications::{self as notes, Kind, Notification, Plan};
use crate::store::{self, StoreError};
use crate::t;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

/// `order:{order}:{event seq}`: the posting of one event of an order.
pub fn event_key(order: i64, seq: i64) -> String {
    format!("order:{order}:{seq}")
}

/// `order-overdue:{order}:{n}`: the n-th overdue ping (0 first, then weekly).
pub fn overdue_key(order: i64, n: i64) -> String {
    format!("order-overdue:{order}:{n}")
}

/// The order (and event) a key names.
fn parse_key(key: &str) -> Option<(i64, i64)> {
    let mut parts = key.split(':').skip(1);
    let order = parts.next()?.parse().ok()?;
    let seq = parts.next()?.parse().ok()?;
    Some((order, seq))
}

/// Plan the posting of event `seq` of `order` to `group` (due now).
pub async fn plan_event(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    order: i64,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let p = Plan {
        key: event_key(order, seq),
        kind: Kind::Order,
        workspace: ws,
        group: Some(group),
        meeting: None,
        action: None,
        lead_minutes: None,
        seq,
        due_at: now,
    };
    notes::plan(conn, &p, now).await
}

/// Plan the first overdue ping of an order due on `due`: 09:00 local (the receiving
/// body's `tz`) the day after, as for actions.
pub async fn plan_overdue(
    conn: &mut SqliteConnection,
    order: &Order,
    due: NaiveDate,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(at) = plan::overdue_at(due, tz) else {
        return Ok(());
    };
    let p = Plan {
        key: overdue_key(order.id, 0),
        kind: Kind::OrderOverdue,
        workspace: order.workspace,
        group: Some(order.to),
        meeting: None,
        action: None,
        lead_minutes: None,
        seq: 0,
        due_at: at,
    };
    notes::plan(conn, &p, now).await
}

/// After an overdue ping: the next one a week later, while the order is open.
pub(super) async fn after_overdue(
    conn: &mut SqliteConnection,
    n: &Notification,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some((id, _)) = parse_key(&n.key) else {
        return Ok(());
    };
    let Some(order) = store::orders::get(conn, id).await? else {
        return Ok(());
    };
    if !order.status.is_open() {
        return Ok(());
    }
    let mut next = n.planned_at + Duration::weeks(1);
    while next <= now {
        next += Duration::weeks(1);
    }
    let p = Plan {
        key: overdue_key(id, n.seq + 1),
        kind: Kind::OrderOverdue,
        workspace: n.workspace,
        group: n.group,
        meeting: None,
        action: None,
        lead_minutes: None,
        seq: n.seq + 1,
        due_at: next,
    };
    notes::plan(conn, &p, now).await
}

/// Where a message goes: the group it is about, already checked to have a channel.
pub(super) struct Target<'a> {
    pub group: &'a Group,
    pub channel: ChannelId,
    pub lang: Lang,
    pub tz: Tz,
    pub style: Style,
}

pub(super) async fn prepare(
    conn: &mut SqliteConnection,
    n: &Notification,
    now: DateTime<Utc>,
    target: &Target<'_>,
) -> Result<Prepared, StoreError> {
    let Some((id, seq)) = parse_key(&n.key) else {
        return Ok(Prepared::Skip("not an order key"));
    };
    let Some(order) = store::orders::get(conn, id).await? else {
        return Ok(Prepared::Skip("order gone"));
    };
    let (Some(from), Some(to)) = (
        store::groups::get(conn, order.from).await?,
        store::groups::get(conn, order.to).await?,
    ) else {
        return Ok(Prepared::Skip("order's group gone"));
    };
    let Target {
        group,
        channel,
        lang,
        tz,
        style,
    } = *target;
    let role = group.coordinator_role;
    let content = if n.kind == Kind::OrderOverdue {
        let today = now.with_timezone(&tz).date_naive();
        if !order.is_overdue(today) {
            return Ok(Prepared::Skip("order no longer overdue"));
        }
        overdue_message(lang, style, role, &order, &from, &to, n.seq)
    } else {
        let Some(event) = store::orders::event(conn, id, seq).await? else {
            return Ok(Prepared::Skip("order event gone"));
        };
        let meeting = match event.case {
            Some(case) => match store::agenda::get(conn, case).await? {
                Some(item) => match item.meeting {
                    Some(m) => store::meetings::get(conn, m).await?,
                    None => None,
                },
                None => None,
            },
            None => None,
        };
        let on = meeting.map(|m| m.starts_at);
        event_message(lang, tz, style, role, &order, &event, &from, &to, on)
    };
    Ok(Prepared::Send(vec![Outbound {
        channel,
        content: super::truncate(content),
        ping: role.map(Ping::Role).unwrap_or(Ping::Nobody),
        buttons: Vec::new(),
        attachments: Vec::new(),
    }]))
}

fn mention(style: Style, role: Option<crate::domain::RoleId>) -> String {
    role.map(|r| format!("{} ", style.role(r)))
        .unwrap_or_default()
}

fn due_text(lang: Lang, due: Option<NaiveDate>) -> String {
    due.map(|d| format::date_short(lang, d))
        .unwrap_or_else(|| t!(lang, "order-no-due"))
}

/// The posting of a new order (to the receiving body) or of an answer (to the ordering
/// body): who, what, by when, and on which meeting's case list it now stands.
#[allow(clippy::too_many_arguments)]
pub fn event_message(
    lang: Lang,
    tz: Tz,
    style: Style,
    role: Option<crate::domain::RoleId>,
    order: &Order,
    event: &OrderEvent,
    from: &Group,
    to: &Group,
    meeting: Option<DateTime<Utc>>,
) -> String {
    let kind = direction(from.level, to.level).code();
    // Discord shows a timestamp in each reader's own zone; plain text the local time.
    let when = |at: DateTime<Utc>| match style {
        Style::Discord => format!("<t:{}:F>", at.timestamp()),
        Style::Plain | Style::Document(_) => format::datetime(lang, at, tz),
    };
    let on = match meeting {
        Some(at) => t!(lang, "order-msg-on-meeting", when = when(at)),
        None => t!(lang, "order-msg-waiting"),
    };
    let mut out = match event.kind {
        EventKind::Sent => {
            let mut lines = vec![t!(
                lang,
                "order-msg-sent",
                mention = mention(style, role),
                kind = kind,
                number = order.number.0,
                from = style.bold(&style.text(&from.name)),
                title = style.text(&order.title),
                due = due_text(lang, order.due)
            )];
            if let Some(d) = &order.details {
                lines.push(style.text(d));
            }
            lines
        }
        EventKind::Answered(answer) => vec![t!(
            lang,
            "order-msg-answered",
            mention = mention(style, role),
            kind = kind,
            number = order.number.0,
            to = style.bold(&style.text(&to.name)),
            title = style.text(&order.title),
            status = t!(lang, answer.status().message_id()),
            text = style.text(event.text.as_deref().unwrap_or_default())
        )],
    };
    out.push(on);
    if event.kind == EventKind::Sent {
        out.push(t!(lang, "order-msg-howto", number = order.number.0));
    }
    out.join("\n")
}

/// An open order past its due date, to the receiving body.
pub fn overdue_message(
    lang: Lang,
    style: Style,
    role: Option<crate::domain::RoleId>,
    order: &Order,
    from: &Group,
    to: &Group,
    seq: i64,
) -> String {
    let kind: Direction = direction(from.level, to.level);
    t!(
        lang,
        if seq == 0 {
            "order-msg-overdue"
        } else {
            "order-msg-overdue-again"
        },
        mention = mention(style, role),
        kind = kind.code(),
        number = order.number.0,
        from = style.text(&from.name),
        title = style.text(&order.title),
        due = due_text(lang, order.due),
        status = t!(lang, order.status.message_id())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_their_order_and_event() {
        assert_eq!(parse_key(&event_key(12, 3)), Some((12, 3)));
        assert_eq!(parse_key(&overdue_key(7, 0)), Some((7, 0)));
        assert_eq!(parse_key("order:x:1"), None);
    }
}
