use super::{parse_enum, sf, ts, Result};
use crate::domain::{ChannelId, Lang, RoleId, Workspace, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    timezone: String,
    language: String,
    coordinator_role: Option<i64>,
    digest_channel: Option<i64>,
}

impl Row {
    fn into_domain(self) -> Result<Workspace> {
        Ok(Workspace {
            id: WorkspaceId(self.id as u64),
            timezone: parse_enum("timezone", &self.timezone)?,
            language: parse_enum::<Lang>("language", &self.language)?,
            coordinator_role: self.coordinator_role.map(|r| RoleId(r as u64)),
            digest_channel: self.digest_channel.map(|c| ChannelId(c as u64)),
        })
    }
}

pub async fn get(conn: &mut SqliteConnection, id: WorkspaceId) -> Result<Option<Workspace>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, timezone, language, coordinator_role, digest_channel FROM workspaces WHERE id = ?",
    )
    .bind(sf(id.0))
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_domain).transpose()
}

/// Insert the workspace with the given defaults if it does not exist yet; return it.
pub async fn ensure(
    conn: &mut SqliteConnection,
    defaults: &Workspace,
    now: DateTime<Utc>,
) -> Result<Workspace> {
    sqlx::query(
        "INSERT INTO workspaces (id, timezone, language, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    )
    .bind(sf(defaults.id.0))
    .bind(defaults.timezone.name())
    .bind(defaults.language.code())
    .bind(ts(now))
    .bind(ts(now))
    .execute(&mut *conn)
    .await?;
    get(conn, defaults.id)
        .await?
        .ok_or_else(|| super::StoreError::Corrupt("workspace vanished".into()))
}

pub async fn update(conn: &mut SqliteConnection, ws: &Workspace, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "UPDATE workspaces SET timezone = ?, language = ?, coordinator_role = ?, digest_channel = ?,
         updated_at = ? WHERE id = ?",
    )
    .bind(ws.timezone.name())
    .bind(ws.language.code())
    .bind(ws.coordinator_role.map(|r| sf(r.0)))
    .bind(ws.digest_channel.map(|c| sf(c.0)))
    .bind(ts(now))
    .bind(sf(ws.id.0))
    .execute(conn)
    .await?;
    Ok(())
}
