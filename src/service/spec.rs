//! What a command looks like from outside: its path (`agenda add`), its options with their
//! types, limits and choices, who may run it, whether it changes the schedule, and what
//! the audit trail calls it. One [`CommandSpec`] per command, generated from the single
//! declaration in [`super::command`]; the console parser, `/help`, the Discord commands
//! and their registration, the permission check and the permission-matrix test all read
//! it.
//!
//! Option values are typed ([`OptionValue`]): a front end hands over a [`Raw`] value
//! (text from the console, a typed value from Discord) and gets the domain type back, or an
//! [`OptionError`] that names the option and never echoes what was typed.

use super::permissions::Need;
use crate::domain::minutes::CaseType;
use crate::domain::order::{OrderAnswer, OrderNo};
use crate::domain::record::AttendanceStatus;
use crate::domain::text::Field;
use crate::domain::{
    ActionId, ActionStatus, AgendaItemId, AgendaStatus, AuditAction, ChannelId, Lang, MeetingId,
    RoleId, SltLevel, UserId,
};

/// How an option's value is typed, and its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// Free text of at most `max` characters (from the domain's text limits).
    Text {
        max: usize,
    },
    /// A whole number, at least `min` when given.
    Integer {
        min: Option<i64>,
    },
    User,
    Role,
    Channel,
    /// Yes or no.
    Bool,
    /// One of a fixed list; `codes` are the stored words, `fluent_prefix` + code (with `_`
    /// as `-`) the Fluent id of each choice's label.
    Choice {
        codes: &'static [&'static str],
        fluent_prefix: &'static str,
    },
}

impl OptionKind {
    pub const fn text(field: Field) -> OptionKind {
        OptionKind::Text {
            max: field.max_len(),
        }
    }

    /// The Fluent ids of a choice option's labels, in order.
    pub fn choice_ids(&self) -> Vec<String> {
        match self {
            OptionKind::Choice {
                codes,
                fluent_prefix,
            } => codes
                .iter()
                .map(|c| format!("{fluent_prefix}{}", c.replace('_', "-")))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Suggestions a front end may offer while the option is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complete {
    Group,
    Meeting,
    AgendaItem,
    Action,
    Cadence,
    DigestCadence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    pub complete: Option<Complete>,
}

/// How the service finds the group a command is about (the permission check runs there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole workspace: the need is checked before the command runs.
    Workspace,
    /// One group, named or found through a meeting, item or action: the need is checked
    /// when the command has loaded it (see `Ctx::enter`).
    Group,
    /// A group when one is named, else only what the actor may see anyway.
    OptionalGroup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// Words as typed: `agenda add`, `audit`.
    pub path: &'static str,
    pub options: &'static [OptionSpec],
    pub need: Need,
    pub scope: Scope,
    /// A successful run changes what the scheduler plans (it is woken).
    pub changes_schedule: bool,
    /// What the audit trail records for it; `None` for commands that change nothing.
    pub audit: Option<AuditAction>,
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }

    /// A stable name for logs (`agenda.add`), never the user's text.
    pub fn log_name(&self) -> String {
        self.path.replace(' ', ".")
    }

    /// The Fluent id of the command (`agenda add` → `cmd-agenda-add`).
    pub fn fluent_id(&self) -> String {
        format!("cmd-{}", self.path.replace(' ', "-"))
    }
}

/// An option's value as a front end received it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw<'a> {
    /// Typed text (the console; Discord text options).
    Text(&'a str),
    Int(i64),
    Bool(bool),
    User(u64),
    Role(u64),
    Channel(u64),
}

/// Why an option's value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    NotANumber,
    TooSmall { min: i64 },
    NotAUser,
    NotARole,
    NotAChannel,
    NotYesNo,
    NotAChoice { kind: OptionKind },
}

/// An option that could not become a value. Never holds what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub option: &'static str,
    pub problem: Problem,
}

/// A type an option's value can have.
pub trait OptionValue: Sized {
    const KIND: OptionKind;
    const COMPLETE: Option<Complete> = None;
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem>;
}

/// A field of a command: a value (required) or an `Option` of one.
pub trait OptionField: Sized {
    const KIND: OptionKind;
    const REQUIRED: bool;
    const COMPLETE: Option<Complete>;
    fn from_option(raw: Option<Raw<'_>>) -> Result<Self, Problem>;
}

impl<T: OptionValue> OptionField for T {
    const KIND: OptionKind = T::KIND;
    const REQUIRED: bool = true;
    const COMPLETE: Option<Complete> = T::COMPLETE;
    fn from_option(raw: Option<Raw<'_>>) -> Result<Self, Problem> {
        raw.map_or(Err(Problem::Missing), T::from_raw)
    }
}

impl<T: OptionValue> OptionField for Option<T> {
    const KIND: OptionKind = T::KIND;
    const REQUIRED: bool = false;
    const COMPLETE: Option<Complete> = T::COMPLETE;
    fn from_option(raw: Option<Raw<'_>>) -> Result<Self, Problem> {
        raw.map(T::from_raw).transpose()
    }
}

impl OptionValue for String {
    const KIND: OptionKind = OptionKind::Text {
        max: crate::domain::text::DETAILS_MAX,
    };
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        Ok(match raw {
            Raw::Text(s) => s.to_string(),
            Raw::Int(i) => i.to_string(),
            Raw::Bool(b) => b.to_string(),
            Raw::User(id) | Raw::Role(id) | Raw::Channel(id) => id.to_string(),
        })
    }
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $max:expr, $complete:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(pub String);

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }

        impl OptionValue for $name {
            const KIND: OptionKind = OptionKind::Text { max: $max };
            const COMPLETE: Option<Complete> = $complete;
            fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
                String::from_raw(raw).map($name)
            }
        }
    };
}

text_newtype!(
    /// A group, by name (suggested as typed).
    GroupName,
    crate::domain::text::NAME_MAX,
    Some(Complete::Group)
);
text_newtype!(
    /// A meeting cadence as typed: preset words, RFC 5545 or cron.
    CadenceText,
    CADENCE_MAX,
    Some(Complete::Cadence)
);
text_newtype!(
    /// The digest's cadence as typed.
    DigestCadenceText,
    CADENCE_MAX,
    Some(Complete::DigestCadence)
);

/// The longest cadence text accepted (an RRULE with a DTSTART line fits easily).
pub const CADENCE_MAX: usize = 300;
/// The longest date/time text (`12.01.2027 kl. 09.00`, `2027-01-12T09:00`).
pub const WHEN_MAX: usize = 40;
/// The longest short setting (timezone, lead times, deadline).
pub const SETTING_MAX: usize = 100;

fn parse_i64(raw: Raw<'_>) -> Result<i64, Problem> {
    match raw {
        Raw::Int(i) => Ok(i),
        Raw::Text(s) => s
            .trim()
            .trim_start_matches('#')
            .parse::<i64>()
            .map_err(|_| Problem::NotANumber),
        _ => Err(Problem::NotANumber),
    }
}

impl OptionValue for i64 {
    const KIND: OptionKind = OptionKind::Integer { min: None };
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        parse_i64(raw)
    }
}

/// A 1-based position in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position(pub i64);

impl OptionValue for Position {
    const KIND: OptionKind = OptionKind::Integer { min: Some(1) };
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        let n = parse_i64(raw)?;
        if n < 1 {
            return Err(Problem::TooSmall { min: 1 });
        }
        Ok(Position(n))
    }
}

macro_rules! row_id {
    ($ty:ty, $complete:expr) => {
        impl OptionValue for $ty {
            const KIND: OptionKind = OptionKind::Integer { min: Some(1) };
            const COMPLETE: Option<Complete> = Some($complete);
            fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
                parse_i64(raw).map(Self)
            }
        }
    };
}

row_id!(MeetingId, Complete::Meeting);
row_id!(AgendaItemId, Complete::AgendaItem);
row_id!(ActionId, Complete::Action);

/// A snowflake typed as text: `42`, `<@42>`, `<@!42>`, `<@&42>`, `<#42>`, `@42`.
fn snowflake(s: &str, prefixes: &[&str]) -> Option<u64> {
    let mut s = s.trim();
    if let Some(inner) = s.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
        s = inner;
    }
    for p in prefixes {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
            break;
        }
    }
    s.parse::<u64>().ok().filter(|n| *n > 0 && *n < (1 << 63))
}

impl OptionValue for UserId {
    const KIND: OptionKind = OptionKind::User;
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        match raw {
            Raw::User(id) => Some(UserId(id)),
            Raw::Text(s) => snowflake(s, &["@!", "@"]).map(UserId),
            _ => None,
        }
        .ok_or(Problem::NotAUser)
    }
}

impl OptionValue for RoleId {
    const KIND: OptionKind = OptionKind::Role;
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        match raw {
            Raw::Role(id) => Some(RoleId(id)),
            Raw::Text(s) => snowflake(s, &["@&"]).map(RoleId),
            _ => None,
        }
        .ok_or(Problem::NotARole)
    }
}

impl OptionValue for ChannelId {
    const KIND: OptionKind = OptionKind::Channel;
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        match raw {
            Raw::Channel(id) => Some(ChannelId(id)),
            Raw::Text(s) => snowflake(s, &["#"]).map(ChannelId),
            _ => None,
        }
        .ok_or(Problem::NotAChannel)
    }
}

impl OptionValue for bool {
    const KIND: OptionKind = OptionKind::Bool;
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        match raw {
            Raw::Bool(b) => Ok(b),
            Raw::Text(s) => match s.trim().to_lowercase().as_str() {
                "true" | "yes" | "ja" | "j" | "y" | "1" | "on" | "på" => Ok(true),
                "false" | "no" | "nei" | "n" | "0" | "off" | "av" => Ok(false),
                _ => Err(Problem::NotYesNo),
            },
            _ => Err(Problem::NotYesNo),
        }
    }
}

/// A domain enum offered as a fixed list of choices.
pub trait Choice: Sized + Copy + std::str::FromStr + 'static {
    const ALL: &'static [Self];
    const CODES: &'static [&'static str];
    const FLUENT_PREFIX: &'static str;
}

/// A choice from its index (Discord sends the position), its code, any word the domain
/// type knows, or its label in any of our languages — so whatever sltbot shows, it takes.
fn choice_from_raw<T: Choice>(raw: Raw<'_>) -> Result<T, Problem> {
    let refuse = || Problem::NotAChoice {
        kind: OptionKind::Choice {
            codes: T::CODES,
            fluent_prefix: T::FLUENT_PREFIX,
        },
    };
    match raw {
        Raw::Int(i) => usize::try_from(i)
            .ok()
            .and_then(|i| T::ALL.get(i).copied())
            .ok_or_else(refuse),
        Raw::Text(s) => {
            if let Ok(v) = s.parse::<T>() {
                return Ok(v);
            }
            let wanted = s.trim().to_lowercase();
            let ids = OptionKind::Choice {
                codes: T::CODES,
                fluent_prefix: T::FLUENT_PREFIX,
            }
            .choice_ids();
            for (value, id) in T::ALL.iter().zip(ids) {
                for lang in Lang::ALL {
                    if crate::i18n::tr(lang, &id, None).to_lowercase() == wanted {
                        return Ok(*value);
                    }
                }
            }
            Err(refuse())
        }
        _ => Err(refuse()),
    }
}

macro_rules! choice {
    ($ty:ty, $prefix:literal, [$($v:expr),* $(,)?]) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$($v),*];
            const CODES: &'static [&'static str] = &[$($v.code()),*];
            const FLUENT_PREFIX: &'static str = $prefix;
        }

        impl OptionValue for $ty {
            const KIND: OptionKind = OptionKind::Choice {
                codes: <$ty as Choice>::CODES,
                fluent_prefix: $prefix,
            };
            fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
                choice_from_raw::<$ty>(raw)
            }
        }
    };
}

choice!(
    SltLevel,
    "level-",
    [
        SltLevel::Styrende,
        SltLevel::Koordinerende,
        SltLevel::Utforende,
        SltLevel::Annet
    ]
);
choice!(Lang, "lang-", [Lang::Nb, Lang::Nn, Lang::En]);
choice!(
    AgendaStatus,
    "agenda-status-",
    [
        AgendaStatus::Proposed,
        AgendaStatus::OnAgenda,
        AgendaStatus::Handled,
        AgendaStatus::CarriedOver,
        AgendaStatus::Withdrawn
    ]
);
choice!(
    ActionStatus,
    "action-status-",
    [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Done,
        ActionStatus::Cancelled
    ]
);

choice!(
    CaseType,
    "case-type-",
    [
        CaseType::Decision,
        CaseType::Discussion,
        CaseType::Information,
        CaseType::Standing,
        CaseType::Aob,
        CaseType::Order,
        CaseType::Feedback
    ]
);
choice!(
    OrderAnswer,
    "order-status-",
    [
        OrderAnswer::Accepted,
        OrderAnswer::Declined,
        OrderAnswer::Done
    ]
);

impl OptionValue for OrderNo {
    const KIND: OptionKind = OptionKind::Integer { min: Some(1) };
    fn from_raw(raw: Raw<'_>) -> Result<Self, Problem> {
        parse_i64(raw).map(OrderNo)
    }
}

choice!(
    AttendanceStatus,
    "attendance-",
    [AttendanceStatus::Present, AttendanceStatus::Absent]
);
choice!(
    crate::domain::notice::AdmitTo,
    "notice-admit-",
    [
        crate::domain::notice::AdmitTo::This,
        crate::domain::notice::AdmitTo::Next
    ]
);
choice!(
    crate::domain::followup::Answer,
    "followup-answer-",
    [
        crate::domain::followup::Answer::OnTrack,
        crate::domain::followup::Answer::Delayed,
        crate::domain::followup::Answer::Done,
        crate::domain::followup::Answer::NeedsHelp
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_take_index_code_and_every_label() {
        assert_eq!(SltLevel::from_raw(Raw::Int(1)), Ok(SltLevel::Koordinerende));
        assert_eq!(
            SltLevel::from_raw(Raw::Text("koordinerande nivå")),
            Ok(SltLevel::Koordinerende)
        );
        assert_eq!(
            SltLevel::from_raw(Raw::Text("koordinerande")),
            Ok(SltLevel::Koordinerende)
        );
        assert!(matches!(
            SltLevel::from_raw(Raw::Int(9)),
            Err(Problem::NotAChoice { .. })
        ));
        assert_eq!(
            ActionStatus::from_raw(Raw::Text("ikkje starta")),
            Ok(ActionStatus::Open)
        );
    }

    #[test]
    fn snowflakes_in_every_written_form() {
        for s in ["42", "<@42>", "<@!42>", "@42"] {
            assert_eq!(UserId::from_raw(Raw::Text(s)), Ok(UserId(42)), "{s}");
        }
        assert_eq!(RoleId::from_raw(Raw::Text("<@&7>")), Ok(RoleId(7)));
        assert_eq!(ChannelId::from_raw(Raw::Text("<#9>")), Ok(ChannelId(9)));
        assert_eq!(UserId::from_raw(Raw::Text("0")), Err(Problem::NotAUser));
        assert_eq!(UserId::from_raw(Raw::Role(4)), Err(Problem::NotAUser));
    }

    #[test]
    fn positions_start_at_one() {
        assert_eq!(
            Position::from_raw(Raw::Text("0")),
            Err(Problem::TooSmall { min: 1 })
        );
        assert_eq!(Position::from_raw(Raw::Int(3)), Ok(Position(3)));
    }
}
