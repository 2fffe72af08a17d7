//! Test support: the fake Discord and a harness that runs the real sltbot against it.
#![allow(dead_code)]

pub mod fake_discord;
pub mod harness;
