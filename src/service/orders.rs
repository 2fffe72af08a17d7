//! Orders (*bestillinger*) between bodies and the coordinator's overview (issue 12, items
//! 1 and 3).
//!
//! `/order add` (a coordinator of the ordering body): the order is stored with its own
//! per-workspace number, put as a case of type *bestilling* on the receiving body's next
//! scheduled meeting (or left waiting for that body's next meeting, which picks it up when
//! one is added or scheduled), and posted to the receiving body's channel through the
//! outbox, pinging only that body's coordinator role. `/order reply` (a coordinator of the
//! receiving body): the answer goes as an *orienteringssak* onto the ordering body's next
//! meeting and is posted to its channel. An order to a higher level is called a report.
//! Every change is in the audit trail (without its text) and in the order's history.
//! Only members of the two bodies see an order; to anyone else it does not exist.
//!
//! `/overview`: per body the caller coordinates (a workspace coordinator: all), the next
//! meeting, cases, actions, orders in and out, minutes awaiting publication, and the
//! follow-up round's answers ([`follow_up_overview`], the hook that feature fills).

use super::permissions::Relation;
use super::record::ensure_standing;
use super::{commit, echo, Ctx, GroupName, Reply, Service, ServiceError, Visibility};
use crate::domain::minutes::{CaseNumber, CaseType};
use crate::domain::order::{self, EventKind, Order, OrderAnswer, OrderEvent, OrderNo};
use crate::domain::text::{Field, TITLE_MAX};
use crate::domain::{
    time, AgendaItemId, AgendaStatus, AuditAction, Group, GroupId, Meeting, MeetingId, SltLevel,
};
use crate::store::{self, record::NewCase};
use crate::t;
use chrono::{DateTime, Datelike, Utc};
use sqlx::SqliteConnection;

/// What went wrong with an order, in terms a user can be told.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OrderError {
    /// No such order, or one the actor may not see (the same answer: ids reveal nothing).
    #[error("unknown order")]
    Unknown { number: OrderNo },
    #[error("an order to the body itself")]
    SameBody,
    #[error("the order cannot take that answer")]
    AnswerNotAllowed {
        number: OrderNo,
        status: order::OrderStatus,
    },
    #[error("the case is not the ordering body's")]
    CaseNotFromBody { case: AgendaItemId },
}

/// One order with the names of its two bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub order: Order,
    pub from: Group,
    pub to: Group,
}

/// The follow-up round's state for one body's next meeting, shown in `/overview`. Filled by
/// the follow-up round (issue 12, item 2) through [`follow_up_overview`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowUpOverview {
    pub asked: usize,
    pub answered: usize,
    /// Asked, not answered.
    pub silent: usize,
}

/// One body in `/overview`.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyOverview {
    pub group: Group,
    pub next_meeting: Option<Meeting>,
    /// Cases on the next meeting's list (open), and proposals submitted to it (or waiting
    /// for a meeting) not yet on the list.
    pub cases_on_list: usize,
    pub proposals: usize,
    pub open_actions: usize,
    pub overdue_actions: usize,
    /// Open orders the body has received, and how many of them are overdue.
    pub orders_in: Vec<OrderLine>,
    pub overdue_in: usize,
    /// Open orders the body has sent.
    pub orders_out: Vec<OrderLine>,
    /// Meetings held whose minutes are not published.
    pub minutes_awaiting: Vec<(MeetingId, DateTime<Utc>)>,
    pub follow_up: Option<FollowUpOverview>,
}

/// A successful order command (and the overview).
#[derive(Debug, Clone, PartialEq)]
pub enum OrderReply {
    Added {
        line: OrderLine,
        /// The receiving body's meeting the case went on; `None`: it waits for one.
        meeting: Option<Meeting>,
        case_number: Option<CaseNumber>,
        /// A steering body (styringsgruppe, politiråd) was sent what reads like an
        /// individual child's case.
        individual_case_warning: bool,
    },
    Answered {
        line: OrderLine,
        answer: OrderAnswer,
        /// The ordering body's meeting the answer went on; `None`: it waits for one.
        meeting: Option<Meeting>,
    },
    List {
        group: Option<Group>,
        orders: Vec<OrderLine>,
        open_only: bool,
    },
    Shown {
        line: OrderLine,
        events: Vec<OrderEvent>,
    },
    Overview {
        bodies: Vec<BodyOverview>,
        /// The actor coordinates no body.
        none: bool,
    },
}

fn ord(r: OrderReply) -> Result<Reply, ServiceError> {
    Ok(Reply::Order(Box::new(r)))
}

/// The follow-up round's answers for `group`'s next meeting, for `/overview` (people
/// asked, answered, silent). `None` while that meeting's round has not asked anyone.
pub async fn follow_up_overview(
    conn: &mut SqliteConnection,
    _group: &Group,
    meeting: Option<&Meeting>,
) -> Result<Option<FollowUpOverview>, ServiceError> {
    let Some(m) = meeting else {
        return Ok(None);
    };
    let Some(view) = super::followup::round_of(conn, m.id).await? else {
        return Ok(None);
    };
    if view.questions.is_empty() {
        return Ok(None);
    }
    let (asked, answered, silent) = view.counts();
    Ok(Some(FollowUpOverview {
        asked,
        answered,
        silent,
    }))
}

/// A case title of at most [`TITLE_MAX`] characters (cut with an ellipsis).
fn case_title(s: String) -> String {
    if s.chars().count() <= TITLE_MAX {
        return s;
    }
    let mut cut: String = s.chars().take(TITLE_MAX - 1).collect();
    cut.push('…');
    cut
}

impl Service {
    /// Load order `number` and the two bodies; to an actor in neither it does not exist.
    async fn order_for(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        number: OrderNo,
    ) -> Result<(OrderLine, Relation, Relation), ServiceError> {
        let unknown = || ServiceError::Order(OrderError::Unknown { number });
        let order = store::orders::by_number(conn, ctx.ws.id, number)
            .await?
            .ok_or_else(unknown)?;
        let from = self.group_by_id(conn, ctx, order.from).await?;
        let to = self.group_by_id(conn, ctx, order.to).await?;
        let (Some(from), Some(to)) = (from, to) else {
            ctx.entered = true;
            return Err(unknown());
        };
        let (rf, rt) = (ctx.relation_to(&from), ctx.relation_to(&to));
        if rf == Relation::Outsider && rt == Relation::Outsider {
            ctx.entered = true;
            return Err(unknown());
        }
        Ok((OrderLine { order, from, to }, rf, rt))
    }

    // One parameter per declared option (see `command.rs`).
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn order_add(
        &self,
        ctx: &mut Ctx<'_>,
        from: GroupName,
        to: GroupName,
        title: String,
        details: Option<String>,
        due: Option<String>,
        case: Option<AgendaItemId>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let from = self.find_group(&mut tx, ctx, &from, false).await?;
        ctx.enter(&from)?;
        let to = self.find_group(&mut tx, ctx, &to, false).await?;
        if to.id == from.id {
            return Err(OrderError::SameBody.into());
        }
        let title = ctx.required(Field::Title, &title)?;
        let details = ctx.optional(Field::Details, details.as_deref())?;
        let to_tz = to.effective_timezone(&ctx.ws);
        let today = time::local_date(ctx.now, to_tz);
        let due = match due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => {
                let date = time::parse_date_from(d, today)
                    .ok_or_else(|| ServiceError::InvalidDate { input: echo(d) })?;
                if date < today {
                    return Err(ServiceError::DateInPast { input: echo(d) });
                }
                Some(date)
            }
        };
        if let Some(case) = case {
            let item = store::agenda::get(&mut tx, case).await?;
            if item.is_none_or(|i| i.group != from.id) {
                return Err(OrderError::CaseNotFromBody { case }.into());
            }
        }
        let order = store::orders::insert(
            &mut tx,
            &store::orders::NewOrder {
                workspace: ctx.ws.id,
                from: from.id,
                to: to.id,
                title: &title,
                details: details.as_deref(),
                due,
                from_case: case,
                created_by: ctx.actor.user,
            },
            ctx.now,
        )
        .await?;
        // The case on the receiving body's list, in its language.
        let to_lang = to.effective_language(&ctx.ws);
        let kind = order::direction(from.level, to.level);
        let case_type = match kind {
            order::Direction::Order => CaseType::Order,
            order::Direction::Report => CaseType::Information,
        };
        let case_title = case_title(t!(
            to_lang,
            "order-case-title",
            kind = kind.code(),
            number = order.number.0,
            from = from.name.clone(),
            title = title.clone()
        ));
        let (meeting, case_id, case_number) = self
            .put_order_case(
                &mut tx,
                ctx,
                &to,
                &case_title,
                details.as_deref(),
                case_type,
            )
            .await?;
        store::orders::set_to_case(&mut tx, order.id, case_id).await?;
        let event = store::orders::add_event(
            &mut tx,
            order.id,
            EventKind::Sent,
            ctx.actor.user,
            None,
            Some(case_id),
            ctx.now,
        )
        .await?;
        let order = Order {
            to_case: Some(case_id),
            ..order
        };
        for g in [&from, &to] {
            store::audit::record(
                &mut tx,
                // The trail names an order by the number users see (never reused).
                &ctx.audit_as(
                    Some(g),
                    AuditAction::OrderAdd,
                    "order",
                    Some(order.number.0),
                ),
                None::<&Order>,
                Some(&order),
                ctx.now,
            )
            .await?;
        }
        crate::scheduler::orders::plan_event(
            &mut tx, ctx.ws.id, to.id, order.id, event.seq, ctx.now,
        )
        .await?;
        if let Some(d) = due {
            crate::scheduler::orders::plan_overdue(&mut tx, &order, d, to_tz, ctx.now).await?;
        }
        commit(tx).await?;
        let individual_case_warning = to.level == SltLevel::Styrende
            && std::iter::once(&order.title)
                .chain(order.details.as_ref())
                .any(|t| crate::domain::record::reads_like_individual_case(t));
        ord(OrderReply::Added {
            line: OrderLine { order, from, to },
            meeting,
            case_number,
            individual_case_warning,
        })
    }

    /// Put a case on `group`'s next scheduled meeting (after its standing items, numbered),
    /// or leave it waiting for the next meeting (numbered when that meeting is held).
    async fn put_order_case(
        &self,
        conn: &mut SqliteConnection,
        ctx: &Ctx<'_>,
        group: &Group,
        title: &str,
        details: Option<&str>,
        case_type: CaseType,
    ) -> Result<(Option<Meeting>, AgendaItemId, Option<CaseNumber>), ServiceError> {
        let next = store::meetings::next_scheduled(conn, group.id, ctx.now).await?;
        let mut number = None;
        if let Some(m) = &next {
            ensure_standing(conn, ctx, group, m).await?;
            let tz = group.effective_timezone(&ctx.ws);
            let year = m.starts_at.with_timezone(&tz).year();
            number = Some(store::record::next_case_number(conn, group.id, year).await?);
        }
        let meeting = next.as_ref().map(|m| m.id);
        let position = store::agenda::next_position(conn, group.id, meeting).await?;
        let id = store::record::insert_case(
            conn,
            &NewCase {
                group: group.id,
                meeting,
                title,
                details,
                submitter: ctx.actor.user,
                position,
                status: AgendaStatus::OnAgenda,
                case_type,
                number,
                carried_from: None,
                last: false,
            },
            ctx.now,
        )
        .await?;
        store::audit::record(
            conn,
            &ctx.audit_as(
                Some(group),
                AuditAction::AgendaCase,
                "agenda_item",
                Some(id.0),
            ),
            None::<&()>,
            Some(&serde_json::json!({
                "number": number.map(|n| n.to_string()),
                "type": case_type.as_str(),
            })),
            ctx.now,
        )
        .await?;
        Ok((next, id, number))
    }

    pub(super) async fn order_reply(
        &self,
        ctx: &mut Ctx<'_>,
        id: OrderNo,
        status: OrderAnswer,
        text: String,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (line, _, _) = self.order_for(&mut tx, ctx, id).await?;
        // The receiving body answers.
        ctx.enter(&line.to)?;
        let text = ctx.required(Field::Note, &text)?;
        if !order::answer_allowed(line.order.status, status) {
            return Err(OrderError::AnswerNotAllowed {
                number: id,
                status: line.order.status,
            }
            .into());
        }
        let before = line.order.clone();
        store::orders::set_status(&mut tx, before.id, status.status(), ctx.now).await?;
        // The answer also answers the follow-up round's question about the order.
        store::followup::answer_order(&mut tx, before.id, status.status(), ctx.actor.user, ctx.now)
            .await?;
        let from_lang = line.from.effective_language(&ctx.ws);
        let kind = order::direction(line.from.level, line.to.level);
        let title = case_title(t!(
            from_lang,
            "order-answer-case-title",
            kind = kind.code(),
            number = id.0,
            title = before.title.clone()
        ));
        let details = format!("{}: {}", t!(from_lang, status.status().message_id()), text);
        let (meeting, case_id, _) = self
            .put_order_case(
                &mut tx,
                ctx,
                &line.from,
                &title,
                Some(&details),
                CaseType::Information,
            )
            .await?;
        let event = store::orders::add_event(
            &mut tx,
            before.id,
            EventKind::Answered(status),
            ctx.actor.user,
            Some(&text),
            Some(case_id),
            ctx.now,
        )
        .await?;
        let after = Order {
            status: status.status(),
            ..before.clone()
        };
        for g in [&line.from, &line.to] {
            store::audit::record(
                &mut tx,
                &ctx.audit_as(Some(g), AuditAction::OrderReply, "order", Some(id.0)),
                Some(&before),
                Some(&after),
                ctx.now,
            )
            .await?;
        }
        crate::scheduler::orders::plan_event(
            &mut tx,
            ctx.ws.id,
            line.from.id,
            before.id,
            event.seq,
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        ord(OrderReply::Answered {
            line: OrderLine {
                order: after,
                ..line
            },
            answer: status,
            meeting,
        })
    }

    pub(super) async fn order_list(
        &self,
        ctx: &mut Ctx<'_>,
        group: Option<GroupName>,
        open: Option<bool>,
    ) -> Result<Reply, ServiceError> {
        let open_only = open.unwrap_or(false);
        let mut tx = self.store.read().await?;
        let all = store::groups::list(&mut tx, ctx.ws.id, true).await?;
        let (shown, groups) = match group {
            Some(name) => {
                let g = self.find_group(&mut tx, ctx, &name, true).await?;
                ctx.enter(&g)?;
                (Some(g.clone()), vec![g.id])
            }
            None => {
                ctx.visibility = Visibility::Ephemeral;
                let mine: Vec<GroupId> = all
                    .iter()
                    .filter(|g| ctx.relation_to(g) >= Relation::Member)
                    .map(|g| g.id)
                    .collect();
                (None, mine)
            }
        };
        let found = store::orders::touching(&mut tx, &groups, open_only, 50).await?;
        let find = |id: GroupId| all.iter().find(|g| g.id == id).cloned();
        let orders = found
            .into_iter()
            .filter_map(|o| {
                Some(OrderLine {
                    from: find(o.from)?,
                    to: find(o.to)?,
                    order: o,
                })
            })
            .collect();
        ord(OrderReply::List {
            group: shown,
            orders,
            open_only,
        })
    }

    pub(super) async fn order_show(
        &self,
        ctx: &mut Ctx<'_>,
        id: OrderNo,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let (line, _, rt) = self.order_for(&mut tx, ctx, id).await?;
        // Shown as the receiving body's when the actor is in it, else as the ordering one's.
        if rt >= Relation::Member {
            ctx.enter(&line.to)?;
        } else {
            ctx.enter(&line.from)?;
        }
        let events = store::orders::events(&mut tx, line.order.id).await?;
        ord(OrderReply::Shown { line, events })
    }

    pub(super) async fn overview(&self, ctx: &mut Ctx<'_>) -> Result<Reply, ServiceError> {
        ctx.visibility = Visibility::Ephemeral;
        let mut tx = self.store.read().await?;
        let all = store::groups::list(&mut tx, ctx.ws.id, false).await?;
        let mine: Vec<Group> = all
            .iter()
            .filter(|g| ctx.relation_to(g) >= Relation::Coordinator)
            .cloned()
            .collect();
        let find = |id: GroupId| all.iter().find(|g| g.id == id).cloned();
        let mut bodies = Vec::new();
        for group in mine {
            let tz = group.effective_timezone(&ctx.ws);
            let today = time::local_date(ctx.now, tz);
            let next = store::meetings::next_scheduled(&mut tx, group.id, ctx.now).await?;
            let mut items =
                store::agenda::for_meeting(&mut tx, group.id, next.as_ref().map(|m| m.id), false)
                    .await?;
            if next.is_some() {
                items.extend(store::agenda::for_meeting(&mut tx, group.id, None, false).await?);
            }
            let cases_on_list = items
                .iter()
                .filter(|i| i.status == AgendaStatus::OnAgenda)
                .count();
            let proposals = items
                .iter()
                .filter(|i| i.status == AgendaStatus::Proposed)
                .count();
            let actions = store::actions::list(
                &mut tx,
                &store::actions::Filter {
                    groups: vec![group.id],
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await?;
            let open_actions = actions.iter().filter(|a| a.status.is_active()).count();
            let overdue_actions = actions.iter().filter(|a| a.is_overdue(today)).count();
            let lines = |orders: Vec<Order>| -> Vec<OrderLine> {
                orders
                    .into_iter()
                    .filter_map(|o| {
                        Some(OrderLine {
                            from: find(o.from)?,
                            to: find(o.to)?,
                            order: o,
                        })
                    })
                    .collect()
            };
            let orders_in = lines(store::orders::open_for_receiver(&mut tx, group.id).await?);
            let overdue_in = orders_in
                .iter()
                .filter(|l| l.order.is_overdue(today))
                .count();
            let orders_out = lines(store::orders::open_from(&mut tx, group.id).await?);
            let minutes_awaiting = store::orders::minutes_awaiting(&mut tx, group.id).await?;
            let follow_up = follow_up_overview(&mut tx, &group, next.as_ref()).await?;
            bodies.push(BodyOverview {
                group,
                next_meeting: next,
                cases_on_list,
                proposals,
                open_actions,
                overdue_actions,
                orders_in,
                overdue_in,
                orders_out,
                minutes_awaiting,
                follow_up,
            });
        }
        let none = bodies.is_empty();
        ord(OrderReply::Overview { bodies, none })
    }
}

/// The orders sent from cases of `meeting`, for its minutes: (receiving body, order).
pub(super) async fn minutes_orders(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
) -> Result<Vec<(String, Order)>, ServiceError> {
    let mut out = Vec::new();
    for o in store::orders::from_meeting(conn, meeting).await? {
        if let Some(to) = store::groups::get(conn, o.to).await? {
            out.push((to.name, o));
        }
    }
    Ok(out)
}

/// One order in a group's export (GDPR access): the order, the two bodies' names, which
/// way it went, and its history.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportedOrder {
    #[serde(flatten)]
    pub order: Order,
    pub from_name: String,
    pub to_name: String,
    pub kind: order::Direction,
    pub events: Vec<OrderEvent>,
}

/// Every order `group` sent or received, oldest first, with its history.
pub(super) async fn export_orders(
    conn: &mut SqliteConnection,
    group: GroupId,
) -> Result<Vec<ExportedOrder>, ServiceError> {
    let mut found = store::orders::touching(conn, &[group], false, i64::MAX).await?;
    found.reverse();
    let mut out = Vec::new();
    for o in found {
        let (Some(from), Some(to)) = (
            store::groups::get(conn, o.from).await?,
            store::groups::get(conn, o.to).await?,
        ) else {
            continue;
        };
        let events = store::orders::events(conn, o.id).await?;
        out.push(ExportedOrder {
            kind: order::direction(from.level, to.level),
            from_name: from.name,
            to_name: to.name,
            order: o,
            events,
        });
    }
    Ok(out)
}
