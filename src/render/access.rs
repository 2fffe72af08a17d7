//! The permission self-check (`/workspace check`) and a group's events setting
//! (`/group events`): each problem with exactly what to change in Discord's settings.

use super::*;
use crate::domain::access::{Problem, Purpose};
use crate::service::access::{CheckReport, EventsReply};

/// The Fluent key explaining a stored event refusal (a [`crate::notify::Refusal`] code).
fn event_reason_key(reason: &str) -> &'static str {
    match reason {
        "missing_permissions" | "missing_access" | "forbidden" => {
            "selfcheck-event-reason-permission"
        }
        "unknown_channel" | "not_found" => "selfcheck-event-reason-channel",
        _ => "selfcheck-event-reason-other",
    }
}

pub(super) fn check(lang: Lang, r: &CheckReport, style: Style) -> String {
    let bot = r
        .bot
        .map(|b| style.user(b))
        .unwrap_or_else(|| t!(lang, "selfcheck-the-bot"));
    let purpose = |p: &Purpose| match p {
        Purpose::Group(id) => {
            let name = r
                .groups
                .iter()
                .find(|(g, _)| g == id)
                .map(|(_, n)| style.text(n))
                .unwrap_or_default();
            t!(lang, "selfcheck-purpose-group", group = name)
        }
        Purpose::Digest => t!(lang, "selfcheck-purpose-digest"),
    };
    let mut out = Vec::new();
    if r.discord {
        out.push(t!(lang, "selfcheck-heading", channels = r.channels));
    } else {
        out.push(t!(lang, "selfcheck-offline"));
    }
    if r.discord && r.problems.is_empty() {
        out.push(t!(lang, "selfcheck-ok"));
    }
    for p in &r.problems {
        let line = match p {
            Problem::ChannelMissing {
                channel,
                purpose: pu,
            } => t!(
                lang,
                "selfcheck-channel-missing",
                channel = style.channel(*channel),
                purpose = purpose(pu),
                bot = bot.as_str()
            ),
            Problem::CannotView {
                channel,
                purpose: pu,
            } => t!(
                lang,
                "selfcheck-cannot-view",
                channel = style.channel(*channel),
                purpose = purpose(pu),
                bot = bot.as_str()
            ),
            Problem::CannotSend {
                channel,
                purpose: pu,
            } => t!(
                lang,
                "selfcheck-cannot-send",
                channel = style.channel(*channel),
                purpose = purpose(pu),
                bot = bot.as_str()
            ),
            Problem::CannotAttach {
                channel,
                purpose: pu,
            } => t!(
                lang,
                "selfcheck-cannot-attach",
                channel = style.channel(*channel),
                purpose = purpose(pu),
                bot = bot.as_str()
            ),
            Problem::CannotPing { channel, role } => t!(
                lang,
                "selfcheck-cannot-ping",
                channel = style.channel(*channel),
                role = style.role(*role),
                bot = bot.as_str()
            ),
            Problem::RoleMissing { role } => {
                t!(lang, "selfcheck-role-missing", role = style.role(*role))
            }
            Problem::CannotCreateEvents => {
                t!(lang, "selfcheck-cannot-create-events", bot = bot.as_str())
            }
            Problem::CannotUseVoice { channel } => t!(
                lang,
                "selfcheck-cannot-use-voice",
                channel = style.channel(*channel),
                bot = bot.as_str()
            ),
            Problem::EventFailed { meeting, reason } => t!(
                lang,
                "selfcheck-event-failed",
                id = meeting.0,
                reason = t!(lang, event_reason_key(reason))
            ),
            Problem::EventCap { left_out } => t!(
                lang,
                "selfcheck-event-cap",
                count = *left_out,
                cap = crate::domain::events::CAP
            ),
        };
        out.push(format!("• {line}"));
    }
    out.join("\n")
}

pub(super) fn events(lang: Lang, r: &EventsReply, style: Style) -> String {
    let group = style.bold(&style.text(&r.group.name));
    if !r.settings.enabled {
        return t!(lang, "events-off", group = group);
    }
    let place = match r.settings.voice {
        Some(c) => t!(lang, "events-place-voice", channel = style.channel(c)),
        None => t!(lang, "events-place-external"),
    };
    t!(
        lang,
        "events-on",
        group = group,
        count = r.upcoming,
        days = crate::domain::events::HORIZON_DAYS,
        place = place
    )
}
