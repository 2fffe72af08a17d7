//! The year at a glance (`/plan year:`, `sltbot plan`): every active group's meetings of a
//! year — those stored, and those its recurring schedule will create beyond the 90 days
//! already stored — with the configured school holidays. The picture is drawn by
//! [`crate::yearplan`].

use super::{Ctx, Reply, Service, ServiceError};
use crate::domain::cadence::Cadence;
use crate::domain::{time, MeetingStatus, Workspace, WorkspaceId};
use crate::store;
use crate::yearplan::{Body, Mark, MarkKind, YearPlan};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// The years a plan can be drawn for (those `sltbot holidays` knows).
pub const YEARS: std::ops::RangeInclusive<i64> = 1583..=9999;

/// At most this many expected meetings per group and year (a daily schedule has 366).
const MAX_EXPECTED: usize = 400;

fn year_start(tz: Tz, year: i32) -> Option<DateTime<Utc>> {
    let day = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(time::resolve_local(tz, day.and_time(NaiveTime::MIN)).with_timezone(&Utc))
}

async fn load(
    conn: &mut sqlx::SqliteConnection,
    ws: &Workspace,
    year: i32,
    now: DateTime<Utc>,
    school: crate::domain::school_holidays::SchoolHolidays,
) -> Result<YearPlan, ServiceError> {
    let mut bodies = Vec::new();
    for group in store::groups::list(conn, ws.id, false).await? {
        let tz = group.effective_timezone(ws);
        let (Some(start), Some(end)) = (year_start(tz, year), year_start(tz, year + 1)) else {
            continue;
        };
        let mut marks: Vec<Mark> = store::meetings::between(conn, group.id, start, end)
            .await?
            .into_iter()
            .map(|m| Mark {
                date: m.starts_at.with_timezone(&tz).date_naive(),
                kind: match m.status {
                    MeetingStatus::Held => MarkKind::Held,
                    MeetingStatus::Cancelled => MarkKind::Cancelled,
                    MeetingStatus::Scheduled => MarkKind::Scheduled,
                },
            })
            .collect();
        // The schedule's meetings beyond those created so far (as `plan::sync_series` will
        // create them: after its horizon and after now, holidays skipped if asked).
        if let Some(series) = store::series::active(conn, group.id).await? {
            let settings = store::series::settings(conn, group.id).await?;
            let series_tz: Tz = series.timezone.parse().unwrap_or(tz);
            match Cadence::parse(&series.cadence, series_tz, now) {
                Ok(cadence) => {
                    let from = start
                        .max(now)
                        .max(store::from_ts(series.materialized_until)?);
                    marks.extend(
                        cadence
                            .occurrences_after(from, MAX_EXPECTED, settings.skip_holidays)
                            .into_iter()
                            .map(|t| t.with_timezone(&Utc))
                            .take_while(|t| *t < end)
                            .map(|t| Mark {
                                date: t.with_timezone(&tz).date_naive(),
                                kind: MarkKind::Expected,
                            }),
                    );
                }
                Err(e) => {
                    tracing::error!(group = group.id.0, error = %e, "stored cadence unreadable")
                }
            }
        }
        marks.sort_by_key(|m| m.date);
        bodies.push(Body {
            name: group.name,
            marks,
        });
    }
    Ok(YearPlan {
        year,
        made_at: now,
        tz: ws.timezone,
        bodies,
        school,
    })
}

impl Service {
    fn check_year(
        &self,
        year: Option<i64>,
        tz: Tz,
        now: DateTime<Utc>,
    ) -> Result<i32, ServiceError> {
        use chrono::Datelike;
        let year = year.unwrap_or_else(|| i64::from(now.with_timezone(&tz).year()));
        if !YEARS.contains(&year) {
            return Err(ServiceError::InvalidYear {
                input: year.to_string(),
            });
        }
        i32::try_from(year).map_err(|_| ServiceError::InvalidYear {
            input: year.to_string(),
        })
    }

    /// `/plan year:` — the year at a glance (default: this year), for anyone in the server:
    /// it shows group names and meeting dates only, as the weekly digest does.
    pub(super) async fn plan_year(
        &self,
        ctx: &mut Ctx<'_>,
        year: Option<i64>,
    ) -> Result<Reply, ServiceError> {
        let year = self.check_year(year, ctx.ws.timezone, ctx.now)?;
        let mut conn = self.store.conn().await?;
        let plan = load(
            &mut conn,
            &ctx.ws,
            year,
            ctx.now,
            self.school_holidays.as_ref().clone(),
        )
        .await?;
        Ok(Reply::YearPlan(Box::new(plan)))
    }

    /// The year plan of workspace `ws`, for `sltbot plan` (the machine's operator), with the
    /// workspace's language. An unknown workspace has no groups: an empty plan.
    pub async fn year_plan_for_cli(
        &self,
        ws: WorkspaceId,
        year: i64,
    ) -> Result<(YearPlan, crate::domain::Lang), ServiceError> {
        let now = self.clock.now();
        let mut conn = self.store.conn().await?;
        let workspace = store::workspaces::get(&mut conn, ws)
            .await?
            .unwrap_or_else(|| Workspace::new(ws, self.defaults.timezone, self.defaults.language));
        let year = self.check_year(Some(year), workspace.timezone, now)?;
        let plan = load(
            &mut conn,
            &workspace,
            year,
            now,
            self.school_holidays.as_ref().clone(),
        )
        .await?;
        Ok((plan, workspace.language))
    }
}
