//! A group's meetings as a calendar (`/meeting ics`, `sltbot ics`): the data; the `.ics`
//! text is written by [`crate::calendar`].

use super::{Ctx, GroupName, Reply, Service, ServiceError};
use crate::domain::{Group, Lang, Meeting, WorkspaceId};
use crate::store;
use chrono::{DateTime, Duration, Months, Utc};
use chrono_tz::Tz;

/// How far ahead a calendar reaches: twelve months.
pub const CALENDAR_MONTHS: u32 = 12;

/// A group's stored meetings from now (one still in progress included) to twelve months
/// ahead, cancelled ones too (calendar apps then strike them out). A recurring schedule's
/// meetings are stored 90 days ahead, so later ones are not in it yet.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingCalendar {
    pub made_at: DateTime<Utc>,
    pub workspace: WorkspaceId,
    pub group: Group,
    /// The group's timezone: every time in the file is written in it.
    pub tz: Tz,
    pub meetings: Vec<Meeting>,
}

impl MeetingCalendar {
    pub fn cancelled(&self) -> usize {
        self.meetings
            .iter()
            .filter(|m| m.status == crate::domain::MeetingStatus::Cancelled)
            .count()
    }
}

async fn load(
    conn: &mut sqlx::SqliteConnection,
    workspace: WorkspaceId,
    group: Group,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<MeetingCalendar, ServiceError> {
    let from = now - Duration::minutes(crate::calendar::MEETING_MINUTES);
    let to = now
        .checked_add_months(Months::new(CALENDAR_MONTHS))
        .unwrap_or(now + Duration::days(366));
    let meetings = store::meetings::between(conn, group.id, from, to).await?;
    Ok(MeetingCalendar {
        made_at: now,
        workspace,
        group,
        tz,
        meetings,
    })
}

impl Service {
    /// `/meeting ics group:` — the calendar, as a file: public in the group's own channel,
    /// else only for the asker.
    pub(super) async fn meeting_ics(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &group, true).await?;
        ctx.enter(&group)?;
        let cal = load(&mut tx, ctx.ws.id, group, ctx.tz, ctx.now).await?;
        Ok(Reply::Calendar(Box::new(cal)))
    }

    /// The calendar of the group named `name` in workspace `ws`, for `sltbot ics` (the
    /// machine's operator: no permission check), with the group's language.
    pub async fn calendar_for_cli(
        &self,
        ws: WorkspaceId,
        name: &str,
    ) -> Result<(MeetingCalendar, Lang), ServiceError> {
        let mut conn = self.store.conn().await?;
        let unknown = || ServiceError::UnknownGroup {
            name: super::echo(name),
        };
        let workspace = store::workspaces::get(&mut conn, ws)
            .await?
            .ok_or_else(unknown)?;
        let group = store::groups::by_name(&mut conn, ws, name)
            .await?
            .ok_or_else(unknown)?;
        let tz = group.effective_timezone(&workspace);
        let lang = group.effective_language(&workspace);
        let now = self.clock.now();
        Ok((load(&mut conn, ws, group, tz, now).await?, lang))
    }
}
