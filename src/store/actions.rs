use super::{from_ts, parse_enum, sf, ts, Result};
use crate::domain::{Action, ActionId, ActionStatus, ActionUpdate, GroupId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, group_id, title, owner, agency, due_date, status, created_by, created_at, \
             updated_at, version FROM actions ",
            $rest
        )
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    group_id: i64,
    title: String,
    owner: i64,
    agency: Option<String>,
    due_date: Option<String>,
    status: String,
    created_by: i64,
    created_at: i64,
    updated_at: i64,
    version: i64,
}

impl Row {
    fn into_domain(self) -> Result<Action> {
        Ok(Action {
            id: ActionId(self.id),
            group: GroupId(self.group_id),
            title: self.title,
            owner: UserId(self.owner as u64),
            agency: self.agency,
            due: self
                .due_date
                .map(|d| parse_enum::<NaiveDate>("due date", &d))
                .transpose()?,
            status: parse_enum::<ActionStatus>("action status", &self.status)?,
            created_by: UserId(self.created_by as u64),
            created_at: from_ts(self.created_at)?,
            updated_at: from_ts(self.updated_at)?,
            version: self.version,
        })
    }
}

pub struct NewAction<'a> {
    pub group: GroupId,
    pub title: &'a str,
    pub owner: UserId,
    pub agency: Option<&'a str>,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    a: &NewAction<'_>,
    now: DateTime<Utc>,
) -> Result<Action> {
    let id: i64 = sqlx::query_scalar(super::words::sql(
        "INSERT INTO actions (group_id, title, owner, agency, due_date, status, created_by,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, {action_open}, ?, ?, ?) RETURNING id",
    ))
    .bind(a.group.0)
    .bind(a.title)
    .bind(sf(a.owner.0))
    .bind(a.agency)
    .bind(a.due.map(|d| d.to_string()))
    .bind(sf(a.created_by.0))
    .bind(ts(now))
    .bind(ts(now))
    .fetch_one(&mut *conn)
    .await?;
    get(conn, ActionId(id))
        .await?
        .ok_or_else(|| super::StoreError::Corrupt("action vanished".into()))
}

pub async fn get(conn: &mut SqliteConnection, id: ActionId) -> Result<Option<Action>> {
    let row: Option<Row> = sqlx::query_as(select!("WHERE id = ?"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

/// Filters for listing actions; `None` means "any".
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub groups: Vec<GroupId>,
    pub owner: Option<UserId>,
    pub status: Option<ActionStatus>,
    /// Only active actions due before this date.
    pub overdue_on: Option<NaiveDate>,
    pub limit: i64,
}

pub async fn list(conn: &mut SqliteConnection, f: &Filter) -> Result<Vec<Action>> {
    // The group list is bound as a JSON array, so the statement text never varies.
    let groups = serde_json::to_string(&f.groups.iter().map(|g| g.0).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let found: Vec<Row> = sqlx::query_as(super::words::sql(select!(
        "WHERE group_id IN (SELECT value FROM json_each(?))
           AND (? IS NULL OR owner = ?)
           AND (? IS NULL OR status = ?)
           AND (? IS NULL OR (status IN {active_actions} AND due_date < ?))
         ORDER BY CASE WHEN status IN {active_actions} THEN 0 ELSE 1 END,
                  due_date IS NULL, due_date, id
         LIMIT ?"
    )))
    .bind(groups)
    .bind(f.owner.map(|o| sf(o.0)))
    .bind(f.owner.map(|o| sf(o.0)))
    .bind(f.status.map(ActionStatus::as_str))
    .bind(f.status.map(ActionStatus::as_str))
    .bind(f.overdue_on.map(|d| d.to_string()))
    .bind(f.overdue_on.map(|d| d.to_string()))
    .bind(if f.limit > 0 { f.limit } else { 50 })
    .fetch_all(conn)
    .await?;
    found.into_iter().map(Row::into_domain).collect()
}

/// Write status (and bump version) if the stored version is still `a.version`.
pub async fn update(conn: &mut SqliteConnection, a: &Action, now: DateTime<Utc>) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE actions SET title = ?, owner = ?, agency = ?, due_date = ?, status = ?,
         updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
    )
    .bind(&a.title)
    .bind(sf(a.owner.0))
    .bind(&a.agency)
    .bind(a.due.map(|d| d.to_string()))
    .bind(a.status.as_str())
    .bind(ts(now))
    .bind(a.id.0)
    .bind(a.version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn add_update(
    conn: &mut SqliteConnection,
    action: ActionId,
    actor: UserId,
    from: Option<ActionStatus>,
    to: Option<ActionStatus>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ActionUpdate> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO action_updates (action_id, actor, at, from_status, to_status, note)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(action.0)
    .bind(sf(actor.0))
    .bind(ts(now))
    .bind(from.map(ActionStatus::as_str))
    .bind(to.map(ActionStatus::as_str))
    .bind(note)
    .fetch_one(conn)
    .await?;
    Ok(ActionUpdate {
        id,
        action,
        actor,
        at: from_ts(ts(now))?,
        from_status: from,
        to_status: to,
        note: note.map(str::to_string),
    })
}

#[derive(sqlx::FromRow)]
struct UpdateRow {
    id: i64,
    action_id: i64,
    actor: i64,
    at: i64,
    from_status: Option<String>,
    to_status: Option<String>,
    note: Option<String>,
}

/// Replace the note of one update (its author rewrote it).
pub async fn set_note(conn: &mut SqliteConnection, update: i64, note: &str) -> Result<()> {
    sqlx::query("UPDATE action_updates SET note = ? WHERE id = ?")
        .bind(note)
        .bind(update)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn updates(conn: &mut SqliteConnection, action: ActionId) -> Result<Vec<ActionUpdate>> {
    let found: Vec<UpdateRow> = sqlx::query_as(
        "SELECT id, action_id, actor, at, from_status, to_status, note FROM action_updates
         WHERE action_id = ? ORDER BY at, id",
    )
    .bind(action.0)
    .fetch_all(conn)
    .await?;
    found
        .into_iter()
        .map(|r| {
            Ok(ActionUpdate {
                id: r.id,
                action: ActionId(r.action_id),
                actor: UserId(r.actor as u64),
                at: from_ts(r.at)?,
                from_status: r
                    .from_status
                    .map(|s| parse_enum("action status", &s))
                    .transpose()?,
                to_status: r
                    .to_status
                    .map(|s| parse_enum("action status", &s))
                    .transpose()?,
                note: r.note,
            })
        })
        .collect()
}

/// Actions of the group still someone's job.
pub async fn count_active(conn: &mut SqliteConnection, group: GroupId) -> Result<usize> {
    let n: i64 = sqlx::query_scalar(super::words::sql(
        "SELECT COUNT(*) FROM actions WHERE group_id = ? AND status IN {active_actions}",
    ))
    .bind(group.0)
    .fetch_one(conn)
    .await?;
    Ok(n as usize)
}
