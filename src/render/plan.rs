//! The reply to `/plan`: a line that says what the picture holds (the picture itself is
//! made by [`crate::yearplan`] and attached by the adapter).

use super::*;
use crate::yearplan::{MarkKind, YearPlan};

pub(super) fn reply(lang: Lang, plan: &YearPlan) -> String {
    if plan.bodies.is_empty() {
        return t!(lang, "plan-no-groups", year = plan.year.to_string());
    }
    if plan.is_empty() {
        return t!(
            lang,
            "plan-no-meetings",
            year = plan.year.to_string(),
            groups = plan.bodies.len()
        );
    }
    t!(
        lang,
        "plan-ready",
        year = plan.year.to_string(),
        groups = plan.bodies.len(),
        meetings = plan.meetings(),
        held = plan.count(MarkKind::Held),
        scheduled = plan.count(MarkKind::Scheduled),
        expected = plan.count(MarkKind::Expected),
        cancelled = plan.count(MarkKind::Cancelled)
    )
}
