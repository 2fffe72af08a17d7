//! sltbot: a Discord bot for Norwegian municipalities' SLT coordination.
//!
//! The folders are the architecture (see DESIGN.md in the README):
//! - [`domain`]: plain types and rules, no Discord, no SQL;
//! - [`store`]: sqlx on SQLite, migrations in `migrations/`;
//! - [`service`]: runs a command for an actor — permission, validation, one transaction, a reply;
//! - [`i18n`] and [`render`]: Fluent messages (nb, nn, en) and the text of every reply;
//! - [`minutes`]: the minutes document as Markdown and PDF/A-2b;
//! - [`calendar`]: meetings as an iCalendar (`.ics`) file;
//! - [`console`]: the text front end (same commands as Discord);
//! - [`clock`]: time as a parameter.

pub mod app;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod console;
pub mod discord;
pub mod domain;
pub mod i18n;
pub mod logging;
pub mod minutes;
pub mod notify;
pub mod plan;
pub mod render;

pub mod scheduler;
pub mod service;
pub mod store;
pub mod style;
pub mod yearplan;
