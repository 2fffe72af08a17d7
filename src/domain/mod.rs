//! The domain core: plain Rust types and rules. It knows nothing of Discord or SQL.

pub mod access;
pub mod action;
pub mod agenda;
pub mod audit;
pub mod cadence;
pub mod events;
pub mod followup;
pub mod group;
pub mod holidays;
pub mod ids;
pub mod lang;
pub mod meeting;
pub mod minutes;
pub mod municipality;
pub mod notice;
pub mod order;
pub mod privacy;
pub mod record;
pub mod reminders;
pub mod school_holidays;
pub mod text;
pub mod time;
pub mod workspace;

pub use action::{Action, ActionStatus, ActionUpdate};
pub use agenda::{AgendaItem, AgendaStatus};
pub use audit::AuditAction;
pub use group::{Group, SltLevel};
pub use ids::*;
pub use lang::{Lang, Locale};
pub use meeting::{Meeting, MeetingStatus};
pub use workspace::Workspace;
