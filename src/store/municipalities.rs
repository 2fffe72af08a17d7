//! Municipalities of a workspace, which bodies belong to which, and the guests invited to
//! chosen meetings (issue 12, item 4). Tables `municipalities`, `group_municipalities`,
//! `meeting_invites`.

use super::{sf, ts, words, Result};
use crate::domain::municipality::{Guest, Kommunenummer, Municipality, MunicipalityId};
use crate::domain::{ChannelId, GroupId, MeetingId, RoleId, UserId, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    workspace_id: i64,
    number: String,
    name: String,
    digest_channel: Option<i64>,
}

impl Row {
    fn into_domain(self) -> Municipality {
        Municipality {
            id: MunicipalityId(self.id),
            workspace: WorkspaceId(self.workspace_id as u64),
            number: Kommunenummer::from_stored(self.number),
            name: self.name,
            digest_channel: self.digest_channel.map(|c| ChannelId(c as u64)),
        }
    }
}

const COLUMNS: &str = "m.id, m.workspace_id, m.number, m.name, m.digest_channel";

/// The workspace's municipalities, by number.
pub async fn list(conn: &mut SqliteConnection, ws: WorkspaceId) -> Result<Vec<Municipality>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM municipalities m WHERE m.workspace_id = ? ORDER BY m.number"
    ))
    .bind(sf(ws.0))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Row::into_domain).collect())
}

/// Add a municipality; `None` when the workspace already has one with this number.
pub async fn insert(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    number: &Kommunenummer,
    name: &str,
    digest_channel: Option<ChannelId>,
    now: DateTime<Utc>,
) -> Result<Option<Municipality>> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO municipalities (workspace_id, number, name, digest_channel, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (workspace_id, number) DO NOTHING RETURNING id",
    )
    .bind(sf(ws.0))
    .bind(number.as_str())
    .bind(name)
    .bind(digest_channel.map(|c| sf(c.0)))
    .bind(ts(now))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(|id| Municipality {
        id: MunicipalityId(id),
        workspace: ws,
        number: number.clone(),
        name: name.to_string(),
        digest_channel,
    }))
}

/// Store a municipality's name and digest channel.
pub async fn update(conn: &mut SqliteConnection, m: &Municipality) -> Result<()> {
    sqlx::query("UPDATE municipalities SET name = ?, digest_channel = ? WHERE id = ?")
        .bind(&m.name)
        .bind(m.digest_channel.map(|c| sf(c.0)))
        .bind(m.id.0)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut SqliteConnection, id: MunicipalityId) -> Result<()> {
    sqlx::query("DELETE FROM municipalities WHERE id = ?")
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// The names of the bodies (archived ones too) that belong to the municipality.
pub async fn group_names(conn: &mut SqliteConnection, id: MunicipalityId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT g.name FROM group_municipalities gm JOIN groups g ON g.id = gm.group_id
         WHERE gm.municipality_id = ? ORDER BY g.name_key",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await?)
}

/// How many bodies belong to each municipality of the workspace.
pub async fn group_counts(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
) -> Result<Vec<(MunicipalityId, i64)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT m.id, count(gm.group_id) FROM municipalities m
         LEFT JOIN group_municipalities gm ON gm.municipality_id = m.id
         WHERE m.workspace_id = ? GROUP BY m.id",
    )
    .bind(sf(ws.0))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (MunicipalityId(id), n))
        .collect())
}

/// The municipalities a body belongs to, by number.
pub async fn of_group(conn: &mut SqliteConnection, group: GroupId) -> Result<Vec<Municipality>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM municipalities m
         JOIN group_municipalities gm ON gm.municipality_id = m.id
         WHERE gm.group_id = ? ORDER BY m.number"
    ))
    .bind(group.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Row::into_domain).collect())
}

/// Make the body belong to exactly `ids`.
pub async fn set_of_group(
    conn: &mut SqliteConnection,
    group: GroupId,
    ids: &[MunicipalityId],
) -> Result<()> {
    sqlx::query("DELETE FROM group_municipalities WHERE group_id = ?")
        .bind(group.0)
        .execute(&mut *conn)
        .await?;
    for id in ids {
        sqlx::query(
            "INSERT INTO group_municipalities (group_id, municipality_id) VALUES (?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(group.0)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The ids of the bodies that belong to the municipality.
pub async fn group_ids(conn: &mut SqliteConnection, id: MunicipalityId) -> Result<Vec<GroupId>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT group_id FROM group_municipalities WHERE municipality_id = ?")
            .bind(id.0)
            .fetch_all(conn)
            .await?;
    Ok(ids.into_iter().map(GroupId).collect())
}

/// Invite `guest` to a meeting; `false` when it already was.
pub async fn invite(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    guest: Guest,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<bool> {
    let (kind, target) = guest.parts();
    let done = sqlx::query(
        "INSERT INTO meeting_invites (meeting_id, kind, target, invited_by, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, kind, target) DO NOTHING",
    )
    .bind(meeting.0)
    .bind(kind)
    .bind(target)
    .bind(sf(by.0))
    .bind(ts(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Take a guest's invitation back; `false` when there was none.
pub async fn uninvite(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    guest: Guest,
) -> Result<bool> {
    let (kind, target) = guest.parts();
    let done =
        sqlx::query("DELETE FROM meeting_invites WHERE meeting_id = ? AND kind = ? AND target = ?")
            .bind(meeting.0)
            .bind(kind)
            .bind(target)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The guests of a meeting, roles first, in the order they were invited.
pub async fn guests(conn: &mut SqliteConnection, meeting: MeetingId) -> Result<Vec<Guest>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, target FROM meeting_invites WHERE meeting_id = ?
         ORDER BY kind, id",
    )
    .bind(meeting.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(k, t)| Guest::from_parts(&k, t))
        .collect())
}

/// Is the actor (`user` with `roles`) a guest of the meeting?
pub async fn is_guest(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    user: UserId,
    roles: &[RoleId],
) -> Result<bool> {
    Ok(guests(conn, meeting)
        .await?
        .into_iter()
        .any(|g| g.matches(user, roles)))
}

/// The group's next scheduled meeting (after `now`) the actor is a guest of.
pub async fn next_invited(
    conn: &mut SqliteConnection,
    group: GroupId,
    user: UserId,
    roles: &[RoleId],
    now: DateTime<Utc>,
) -> Result<Option<MeetingId>> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(words::sql(
        "SELECT m.id, i.kind, i.target FROM meetings m
         JOIN meeting_invites i ON i.meeting_id = m.id
         WHERE m.group_id = ? AND m.status = {scheduled} AND m.starts_at > ?
         ORDER BY m.starts_at, m.id",
    ))
    .bind(group.0)
    .bind(ts(now))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .find(|(_, k, t)| Guest::from_parts(k, *t).is_some_and(|g| g.matches(user, roles)))
        .map(|(id, _, _)| MeetingId(id)))
}
