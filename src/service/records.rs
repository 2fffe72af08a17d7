//! The group's records: audit history, export, deletion, and retention.

use super::reply::{AuditEntry, ExportedAction, GroupExport};
use super::{commit, Ctx, GroupName, Reply, Service, ServiceError};
use crate::domain::{Group, UserId};
use crate::store::{self, retention::Purged};
use chrono::Duration;

/// How long finished things are kept (configurable; see `config/default.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// Handled/withdrawn agenda items and done/cancelled actions, after their last change.
    pub finished_items_days: i64,
    /// Held or cancelled meetings, after they started.
    pub meetings_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            finished_items_days: 365,
            meetings_days: 730,
        }
    }
}

impl Service {
    pub(super) async fn audit(
        &self,
        ctx: &mut Ctx<'_>,
        name: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &name, true).await?;
        ctx.enter(&group)?;
        let rows = store::audit::recent(&mut tx, ctx.ws.id, Some(group.id), 25).await?;
        let entries = rows
            .into_iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: r.at()?,
                    actor: UserId(r.actor as u64),
                    action: r.action,
                    entity: r.entity,
                    entity_id: r.entity_id,
                })
            })
            .collect::<Result<Vec<_>, store::StoreError>>()?;
        Ok(Reply::Audit { group, entries })
    }

    pub(super) async fn group_export(
        &self,
        ctx: &mut Ctx<'_>,
        name: GroupName,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &name, true).await?;
        ctx.enter(&group)?;
        // An export is personal to the coordinator who asked.
        ctx.visibility = super::Visibility::Ephemeral;
        Ok(Reply::Export(Box::new(
            Self::export_of(&mut tx, group, ctx.now).await?,
        )))
    }

    /// Everything stored about `group` (also used by the export of a municipality's groups).
    pub(super) async fn export_of(
        tx: &mut sqlx::SqliteConnection,
        group: Group,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<GroupExport, ServiceError> {
        let meetings = store::meetings::all_for_group(&mut *tx, group.id).await?;
        let agenda_items = store::agenda::all_for_group(&mut *tx, group.id).await?;
        let filter = store::actions::Filter {
            groups: vec![group.id],
            limit: i64::MAX,
            ..Default::default()
        };
        let mut actions = Vec::new();
        for action in store::actions::list(&mut *tx, &filter).await? {
            let updates = store::actions::updates(&mut *tx, action.id).await?;
            actions.push(ExportedAction { action, updates });
        }
        let record = super::record::export_record(&mut *tx, &group, &meetings).await?;
        let audit_entries = store::audit::count_for_group(&mut *tx, group.id).await? as usize;
        let orders = super::orders::export_orders(&mut *tx, group.id).await?;
        let followup_rounds = super::followup::asked_rounds(&mut *tx, &meetings).await?;
        Ok(GroupExport {
            exported_at: now,
            group,
            meetings,
            agenda_items,
            actions,
            record,
            orders,
            followup_rounds,
            audit_entries,
        })
    }

    pub(super) async fn group_delete(
        &self,
        ctx: &mut Ctx<'_>,
        name: GroupName,
        confirm: Option<String>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let group = self.find_group(&mut tx, ctx, &name, true).await?;
        ctx.enter(&group)?;
        if confirm.as_deref().map(Group::name_key) != Some(Group::name_key(&group.name)) {
            return Err(ServiceError::ConfirmationRequired { name: group.name });
        }
        let meetings = store::meetings::all_for_group(&mut tx, group.id)
            .await?
            .len();
        let agenda_items = store::agenda::all_for_group(&mut tx, group.id).await?.len();
        let filter = store::actions::Filter {
            groups: vec![group.id],
            limit: i64::MAX,
            ..Default::default()
        };
        let actions = store::actions::list(&mut tx, &filter).await?.len();
        store::groups::delete(&mut tx, group.id).await?;
        // The trail keeps that the group existed and what went, as counts only.
        store::audit::forget_group_details(&mut tx, group.id).await?;
        let summary = serde_json::json!({
            "meetings": meetings, "agenda_items": agenda_items, "actions": actions,
        });
        // No "before": the group's name and settings go with it.
        store::audit::record::<(), _>(
            &mut tx,
            &ctx.audit(Some(&group), "group", Some(group.id.0)),
            None,
            Some(&summary),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        self.overwrite_deleted().await;
        Ok(Reply::GroupDeleted {
            name: group.name,
            meetings,
            agenda_items,
            actions,
        })
    }

    /// Delete what the retention policy says is old enough. Run daily by `sltbot run`.
    pub async fn purge(&self, policy: RetentionPolicy) -> Result<Purged, ServiceError> {
        let now = self.now();
        let mut tx = self.store.write().await?;
        let purged = store::retention::purge(
            &mut tx,
            now - Duration::days(policy.finished_items_days),
            now - Duration::days(policy.meetings_days),
            now,
        )
        .await?;
        commit(tx).await?;
        tracing::info!(?purged, "retention purge done");
        if purged != Purged::default() {
            self.overwrite_deleted().await;
        }
        Ok(purged)
    }

    /// After a deletion: SQLite has zeroed the deleted text in the database pages
    /// (`secure_delete`); checkpoint the WAL into the file and truncate it, so the old
    /// pages do not live on in the `-wal` file. The deletion itself is committed already,
    /// so a failure here is only logged (the next checkpoint completes it).
    async fn overwrite_deleted(&self) {
        match self.store.checkpoint_truncate().await {
            Ok(true) => {}
            Ok(false) => tracing::warn!("WAL checkpoint after a deletion was blocked by a reader"),
            Err(e) => tracing::warn!(error = %e, "WAL checkpoint after a deletion failed"),
        }
    }
}
