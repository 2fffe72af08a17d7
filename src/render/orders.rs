//! The text of orders and the overview ([`OrderReply`], [`OrderError`]): short lines,
//! readable on a phone.

use crate::domain::order::{direction, EventKind, OrderStatus};
use crate::domain::{Group, Lang};
use crate::i18n::format;
use crate::minutes::case_number;
use crate::render::Style;
use crate::service::orders::{BodyOverview, OrderLine};
use crate::service::{OrderError, OrderReply};
use crate::t;
use chrono_tz::Tz;

fn status(lang: Lang, s: OrderStatus) -> String {
    t!(lang, s.message_id())
}

fn kind(l: &OrderLine) -> &'static str {
    direction(l.from.level, l.to.level).code()
}

fn name(style: Style, g: &Group) -> String {
    style.bold(&style.text(&g.name))
}

/// `Bestilling 3: Title (Styringsgruppa → Koordineringsgruppa), frist 01.03.2027, åpen`
fn order_line(lang: Lang, l: &OrderLine, style: Style) -> String {
    let mut line = t!(
        lang,
        "order-line",
        kind = kind(l),
        number = l.order.number.0,
        title = style.text(&l.order.title),
        from = style.text(&l.from.name),
        to = style.text(&l.to.name),
        status = status(lang, l.order.status)
    );
    if let Some(d) = l.order.due {
        line.push_str(&format!(
            ", {}",
            t!(lang, "order-due", due = format::date_short(lang, d))
        ));
    }
    line
}

fn meeting_place(lang: Lang, tz: Tz, meeting: Option<&crate::domain::Meeting>) -> String {
    match meeting {
        Some(m) => t!(
            lang,
            "order-on-meeting",
            when = format::datetime(lang, m.starts_at, tz)
        ),
        None => t!(lang, "order-waiting"),
    }
}

pub fn reply(lang: Lang, tz: Tz, r: &OrderReply, style: Style) -> String {
    match r {
        OrderReply::Added {
            line,
            meeting,
            case_number: number,
            individual_case_warning,
        } => {
            let mut out = vec![t!(
                lang,
                "order-added",
                kind = kind(line),
                number = line.order.number.0,
                to = name(style, &line.to),
                title = style.text(&line.order.title)
            )];
            let place = meeting_place(lang, tz, meeting.as_ref());
            out.push(match number {
                Some(n) => format!("{} ({})", place, case_number(lang, *n)),
                None => place,
            });
            out.push(t!(lang, "order-added-ping", to = style.text(&line.to.name)));
            if *individual_case_warning {
                out.push(t!(lang, "record-individual-case-warning"));
            }
            out.join("\n")
        }
        OrderReply::Answered {
            line,
            answer,
            meeting,
        } => [
            t!(
                lang,
                "order-answered",
                kind = kind(line),
                number = line.order.number.0,
                status = status(lang, answer.status()),
                from = name(style, &line.from)
            ),
            meeting_place(lang, tz, meeting.as_ref()),
        ]
        .join("\n"),
        OrderReply::List {
            group,
            orders,
            open_only,
        } => {
            let heading = match (group, open_only) {
                (Some(g), true) => t!(lang, "order-list-open-heading", group = name(style, g)),
                (Some(g), false) => t!(lang, "order-list-heading", group = name(style, g)),
                (None, true) => t!(lang, "order-list-mine-open-heading"),
                (None, false) => t!(lang, "order-list-mine-heading"),
            };
            let mut out = vec![heading];
            if orders.is_empty() {
                out.push(t!(lang, "order-list-empty"));
            }
            out.extend(
                orders
                    .iter()
                    .map(|l| format!("• {}", order_line(lang, l, style))),
            );
            out.join("\n")
        }
        OrderReply::Shown { line, events } => {
            let mut out = vec![order_line(lang, line, style)];
            if let Some(d) = &line.order.details {
                out.push(style.text(d));
            }
            out.push(t!(lang, "order-history"));
            for e in events {
                let at = format::datetime(lang, e.at, tz);
                let who = style.user(e.actor);
                out.push(match e.kind {
                    EventKind::Sent => t!(
                        lang,
                        "order-history-sent",
                        at = at,
                        who = who,
                        from = style.text(&line.from.name),
                        to = style.text(&line.to.name)
                    ),
                    EventKind::Answered(a) => t!(
                        lang,
                        "order-history-answered",
                        at = at,
                        who = who,
                        status = status(lang, a.status()),
                        text = style.text(e.text.as_deref().unwrap_or_default())
                    ),
                });
            }
            out.join("\n")
        }
        OrderReply::Overview { bodies, none } => {
            if *none {
                return t!(lang, "overview-none");
            }
            let mut out = vec![t!(lang, "overview-heading")];
            for b in bodies {
                out.push(String::new());
                out.extend(body(lang, tz, b, style));
            }
            out.join("\n")
        }
    }
}

/// One body's lines in the overview.
fn body(lang: Lang, tz: Tz, b: &BodyOverview, style: Style) -> Vec<String> {
    let mut out = vec![name(style, &b.group)];
    out.push(match &b.next_meeting {
        Some(m) => t!(
            lang,
            "overview-next-meeting",
            when = format::datetime(lang, m.starts_at, tz)
        ),
        None => t!(lang, "overview-no-meeting"),
    });
    out.push(t!(
        lang,
        "overview-cases",
        cases = b.cases_on_list,
        proposals = b.proposals
    ));
    out.push(t!(
        lang,
        "overview-actions",
        open = b.open_actions,
        overdue = b.overdue_actions
    ));
    out.push(t!(
        lang,
        "overview-orders-in",
        count = b.orders_in.len(),
        overdue = b.overdue_in
    ));
    for l in &b.orders_in {
        out.push(format!("  – {}", order_line(lang, l, style)));
    }
    out.push(t!(lang, "overview-orders-out", count = b.orders_out.len()));
    for l in &b.orders_out {
        out.push(format!("  – {}", order_line(lang, l, style)));
    }
    if b.minutes_awaiting.is_empty() {
        out.push(t!(lang, "overview-minutes-none"));
    } else {
        let dates: Vec<String> = b
            .minutes_awaiting
            .iter()
            .map(|(id, at)| {
                t!(
                    lang,
                    "overview-minutes-meeting",
                    id = id.0,
                    date = format::date_short(lang, at.with_timezone(&tz).date_naive())
                )
            })
            .collect();
        out.push(t!(
            lang,
            "overview-minutes-awaiting",
            meetings = dates.join(", ")
        ));
    }
    if let Some(f) = &b.follow_up {
        out.push(t!(
            lang,
            "overview-follow-up",
            answered = f.answered,
            asked = f.asked,
            silent = f.silent
        ));
    }
    out
}

pub fn error(lang: Lang, e: &OrderError) -> String {
    match e {
        OrderError::Unknown { number } => t!(lang, "order-error-unknown", number = number.0),
        OrderError::SameBody => t!(lang, "order-error-same-body"),
        OrderError::AnswerNotAllowed { number, status: s } => t!(
            lang,
            "order-error-answer",
            number = number.0,
            status = status(lang, *s)
        ),
        OrderError::CaseNotFromBody { case } => {
            t!(lang, "order-error-case", case = case.0)
        }
    }
}
