//! The text of municipalities, guests and a municipality's digest ([`MunisReply`],
//! [`MunisError`]). Pure, like the rest of [`crate::render`].

use crate::domain::municipality::{Guest, Municipality, NumberError};
use crate::domain::{Group, Lang, Meeting};
use crate::i18n::format;
use crate::render::Style;
use crate::scheduler::munis::municipality_digest;
use crate::service::munis::{MunisError, MunisReply};
use crate::t;
use chrono_tz::Tz;

fn guest(style: Style, g: Guest) -> String {
    match g {
        Guest::Role(r) => style.role(r),
        Guest::User(u) => style.user(u),
    }
}

/// `Etne (4611)`, names escaped.
fn named(style: Style, m: &Municipality) -> String {
    format!("{} ({})", style.text(&m.name), m.number)
}

fn names(style: Style, ms: &[Municipality]) -> String {
    ms.iter()
        .map(|m| named(style, m))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Kommuner: Etne (4611), Vindafjord (1160)`: in a body's header (`/group show`, the
/// notice).
pub fn municipalities_line(lang: Lang, ms: &[Municipality], style: Style) -> String {
    t!(lang, "munis-line", municipalities = names(style, ms))
}

fn meeting_line(lang: Lang, tz: Tz, m: &Meeting) -> String {
    t!(
        lang,
        "munis-meeting-line",
        when = format::datetime(lang, m.starts_at, tz),
        id = m.id.0
    )
}

pub fn reply(lang: Lang, tz: Tz, r: &MunisReply, style: Style) -> String {
    let group_name = |g: &Group| style.bold(&style.text(&g.name));
    match r {
        MunisReply::Added(m) => {
            let mut out = t!(
                lang,
                "munis-added",
                municipality = named(style, m),
                county = m.number.county()
            );
            if let Some(c) = m.digest_channel {
                out.push(' ');
                out.push_str(&t!(
                    lang,
                    "munis-digest-channel",
                    channel = style.channel(c)
                ));
            }
            out
        }
        MunisReply::List(list) if list.is_empty() => t!(lang, "munis-list-empty"),
        MunisReply::List(list) => {
            let mut out = vec![t!(lang, "munis-list-heading")];
            for (m, groups) in list {
                let mut line = t!(
                    lang,
                    "munis-list-line",
                    municipality = named(style, m),
                    county = m.number.county(),
                    groups = *groups
                );
                if let Some(c) = m.digest_channel {
                    line.push_str(&format!(
                        " — {}",
                        t!(lang, "munis-list-digest", channel = style.channel(c))
                    ));
                }
                out.push(line);
            }
            out.join("\n")
        }
        MunisReply::Edited(m) => {
            let mut out = t!(lang, "munis-edited", municipality = named(style, m));
            out.push(' ');
            out.push_str(&match m.digest_channel {
                Some(c) => t!(lang, "munis-digest-channel", channel = style.channel(c)),
                None => t!(lang, "munis-no-digest"),
            });
            out
        }
        MunisReply::Removed(m) => t!(lang, "munis-removed", municipality = named(style, m)),
        MunisReply::GroupMunicipalities {
            group,
            municipalities,
            changed,
        } => {
            let key = match (municipalities.is_empty(), changed) {
                (true, false) => "munis-group-none",
                (true, true) => "munis-group-cleared",
                (false, false) => "munis-group",
                (false, true) => "munis-group-set",
            };
            t!(
                lang,
                key,
                group = group_name(group),
                municipalities = names(style, municipalities)
            )
        }
        MunisReply::Invited {
            group,
            guest: g,
            meetings,
        } => {
            let mut out = vec![t!(
                lang,
                "munis-invited",
                guest = guest(style, *g),
                group = group_name(group),
                count = meetings.len()
            )];
            out.extend(meetings.iter().map(|m| meeting_line(lang, tz, m)));
            out.push(t!(lang, "munis-invited-what"));
            out.join("\n")
        }
        MunisReply::Uninvited {
            group,
            guest: g,
            meeting,
        } => t!(
            lang,
            "munis-uninvited",
            guest = guest(style, *g),
            group = group_name(group),
            meeting = format::datetime(lang, meeting.starts_at, tz)
        ),
        MunisReply::Export(e) => t!(
            lang,
            "munis-export",
            municipality = named(style, &e.municipality),
            count = e.groups.len(),
            groups = e
                .groups
                .iter()
                .map(|g| style.text(&g.group.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        MunisReply::Digest {
            municipality,
            digest,
        } => municipality_digest(
            lang,
            tz,
            style,
            &municipality.name,
            municipality.number.as_str(),
            &digest.0,
        ),
    }
}

pub fn error(lang: Lang, e: &MunisError) -> String {
    match e {
        MunisError::InvalidNumber {
            problem: NumberError::NotFourDigits,
        } => t!(lang, "munis-error-number-format"),
        MunisError::InvalidNumber {
            problem: NumberError::UnknownCounty,
        } => t!(lang, "munis-error-number-county"),
        MunisError::DuplicateNumber { number, name } => t!(
            lang,
            "munis-error-duplicate",
            number = number.as_str(),
            name = name.as_str()
        ),
        MunisError::UnknownMunicipality { input } => {
            t!(lang, "munis-error-unknown", input = input.as_str())
        }
        MunisError::MunicipalityInUse { name, groups } => t!(
            lang,
            "munis-error-in-use",
            name = name.as_str(),
            groups = groups.join(", ")
        ),
        MunisError::GuestMissing => t!(lang, "munis-error-guest-missing"),
        MunisError::NotInvited { id } => t!(lang, "munis-error-not-invited", id = id.0),
        MunisError::InvalidMeetingList => t!(lang, "munis-error-meeting-list"),
    }
}

/// A municipality's export, readable: its name, then each group's export.
pub fn export_markdown(
    lang: Lang,
    tz: Tz,
    e: &crate::service::munis::MunicipalityExport,
) -> String {
    let style = Style::Document(lang);
    let mut out = vec![format!(
        "# {}",
        t!(
            lang,
            "munis-export-title",
            municipality = named(style, &e.municipality)
        )
    )];
    for g in &e.groups {
        out.push(String::new());
        out.push("---".into());
        out.push(String::new());
        out.push(crate::render::export_markdown(lang, tz, g));
    }
    out.join("\n")
}
