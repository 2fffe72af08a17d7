use super::{from_ts, parse_enum, sf, ts, Result};
use crate::domain::{ChannelId, Group, GroupId, Lang, RoleId, SltLevel, WorkspaceId};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, workspace_id, name, level, channel_id, coordinator_role, member_role, \
             timezone, language, archived_at, version, digest_titles, referent_role FROM groups ",
            $rest
        )
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    workspace_id: i64,
    name: String,
    level: String,
    channel_id: Option<i64>,
    coordinator_role: Option<i64>,
    member_role: Option<i64>,
    timezone: Option<String>,
    language: Option<String>,
    archived_at: Option<i64>,
    version: i64,
    digest_titles: bool,
    referent_role: Option<i64>,
}

impl Row {
    fn into_domain(self) -> Result<Group> {
        Ok(Group {
            id: GroupId(self.id),
            workspace: WorkspaceId(self.workspace_id as u64),
            name: self.name,
            level: parse_enum::<SltLevel>("level", &self.level)?,
            channel: self.channel_id.map(|c| ChannelId(c as u64)),
            coordinator_role: self.coordinator_role.map(|r| RoleId(r as u64)),
            member_role: self.member_role.map(|r| RoleId(r as u64)),
            timezone: self
                .timezone
                .map(|t| parse_enum("timezone", &t))
                .transpose()?,
            language: self
                .language
                .map(|l| parse_enum::<Lang>("language", &l))
                .transpose()?,
            archived_at: self.archived_at.map(from_ts).transpose()?,
            version: self.version,
            digest_titles: self.digest_titles,
            referent_role: self.referent_role.map(|r| RoleId(r as u64)),
        })
    }
}

fn rows(rows: Vec<Row>) -> Result<Vec<Group>> {
    rows.into_iter().map(Row::into_domain).collect()
}

/// A new group (id and version are assigned by the database).
pub struct NewGroup<'a> {
    pub workspace: WorkspaceId,
    pub name: &'a str,
    pub level: SltLevel,
    pub channel: Option<ChannelId>,
    pub coordinator_role: Option<RoleId>,
    pub member_role: Option<RoleId>,
    pub timezone: Option<chrono_tz::Tz>,
    pub language: Option<Lang>,
}

/// Brings every group's stored `name_key` up to date with [`Group::name_key`], whose rule
/// may change between versions (issue 14 added NFKC, invisible characters and look-alike
/// letters), so a name finds its group after an upgrade. A key that would collide with
/// another group's in the same workspace is left as it is (the older data had two names that
/// now count as the same; both groups stay). Returns how many keys changed.
pub async fn rekey_names(pool: &sqlx::SqlitePool) -> Result<u64> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, name_key FROM groups ORDER BY id")
            .fetch_all(pool)
            .await?;
    let mut changed = 0;
    for (id, name, key) in rows {
        let fresh = Group::name_key(&name);
        if fresh == key {
            continue;
        }
        let done = sqlx::query(
            "UPDATE groups SET name_key = ?1 WHERE id = ?2 AND NOT EXISTS
               (SELECT 1 FROM groups o WHERE o.workspace_id = groups.workspace_id
                  AND o.name_key = ?1 AND o.id <> ?2)",
        )
        .bind(&fresh)
        .bind(id)
        .execute(pool)
        .await?;
        changed += done.rows_affected();
    }
    Ok(changed)
}

pub async fn insert(
    conn: &mut SqliteConnection,
    g: &NewGroup<'_>,
    now: DateTime<Utc>,
) -> Result<Group> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO groups (workspace_id, name, name_key, level, channel_id, coordinator_role,
         member_role, timezone, language, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(sf(g.workspace.0))
    .bind(g.name)
    .bind(Group::name_key(g.name))
    .bind(g.level.as_str())
    .bind(g.channel.map(|c| sf(c.0)))
    .bind(g.coordinator_role.map(|r| sf(r.0)))
    .bind(g.member_role.map(|r| sf(r.0)))
    .bind(g.timezone.map(|t| t.name()))
    .bind(g.language.map(Lang::code))
    .bind(ts(now))
    .bind(ts(now))
    .fetch_one(&mut *conn)
    .await?;
    get(conn, GroupId(id))
        .await?
        .ok_or_else(|| super::StoreError::Corrupt("group vanished".into()))
}

pub async fn get(conn: &mut SqliteConnection, id: GroupId) -> Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(select!("WHERE id = ?"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

pub async fn by_name(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    name: &str,
) -> Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(select!("WHERE workspace_id = ? AND name_key = ?"))
        .bind(sf(ws.0))
        .bind(Group::name_key(name))
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_domain).transpose()
}

pub async fn list(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    include_archived: bool,
) -> Result<Vec<Group>> {
    let found: Vec<Row> = sqlx::query_as(select!(
        "WHERE workspace_id = ? AND (? OR archived_at IS NULL)
         ORDER BY CASE level WHEN 'styrende' THEN 0 WHEN 'koordinerende' THEN 1
                  WHEN 'utforende' THEN 2 ELSE 3 END, name_key"
    ))
    .bind(sf(ws.0))
    .bind(include_archived)
    .fetch_all(conn)
    .await?;
    rows(found)
}

/// Write all mutable fields if the stored version is still `g.version`; returns
/// `false` when someone else changed the group in between.
pub async fn update(conn: &mut SqliteConnection, g: &Group, now: DateTime<Utc>) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE groups SET name = ?, name_key = ?, level = ?, channel_id = ?, coordinator_role = ?,
         member_role = ?, timezone = ?, language = ?, archived_at = ?, digest_titles = ?,
         referent_role = ?, updated_at = ?, version = version + 1
         WHERE id = ? AND version = ?",
    )
    .bind(&g.name)
    .bind(Group::name_key(&g.name))
    .bind(g.level.as_str())
    .bind(g.channel.map(|c| sf(c.0)))
    .bind(g.coordinator_role.map(|r| sf(r.0)))
    .bind(g.member_role.map(|r| sf(r.0)))
    .bind(g.timezone.map(|t| t.name()))
    .bind(g.language.map(Lang::code))
    .bind(g.archived_at.map(ts))
    .bind(g.digest_titles)
    .bind(g.referent_role.map(|r| sf(r.0)))
    .bind(ts(now))
    .bind(g.id.0)
    .bind(g.version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Delete a group and, through foreign keys, its meetings, items, actions and updates.
pub async fn delete(conn: &mut SqliteConnection, id: GroupId) -> Result<()> {
    sqlx::query("DELETE FROM groups WHERE id = ?")
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn count(conn: &mut SqliteConnection, ws: WorkspaceId) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM groups WHERE workspace_id = ?")
            .bind(sf(ws.0))
            .fetch_one(conn)
            .await?,
    )
}
