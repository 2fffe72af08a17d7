//! Failed deliveries on a coordinator's next command (issue 13): what the scheduler could
//! not post, for the groups the actor coordinates, shown once.

use super::permissions::{relation, workspace_relation, Relation};
use super::{Actor, Service};
use crate::domain::{GroupId, Lang, WorkspaceId};
use crate::store::notifications::{self as notes, Failed};
use crate::store::{self, StoreError};
use chrono_tz::Tz;

/// Failures to show an actor, in their language; render with
/// [`crate::scheduler::messages::failures_notice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryNotice {
    pub lang: Lang,
    pub tz: Tz,
    pub failures: Vec<Failed>,
}

impl Service {
    /// The failed deliveries `actor` has not been told about yet: those of the groups
    /// they coordinate, and — for an SLT-koordinator or admin — those of the digest. Each
    /// failure is shown once (to the first coordinator who runs a command): it is marked
    /// noticed here. `None` when there is nothing (the usual case: one indexed read, no
    /// write). Meant to be called by the command adapters after each command.
    pub async fn delivery_notice(
        &self,
        actor: &Actor,
        ws: WorkspaceId,
    ) -> Result<Option<DeliveryNotice>, StoreError> {
        let mut conn = self.store().conn().await?;
        let Some(workspace) = store::workspaces::get(&mut conn, ws).await? else {
            return Ok(None);
        };
        let ws_level = workspace_relation(actor, &workspace) >= Relation::Coordinator;
        let groups: Vec<GroupId> = store::groups::list(&mut conn, ws, true)
            .await?
            .into_iter()
            .filter(|g| relation(actor, &workspace, g) >= Relation::Coordinator)
            .map(|g| g.id)
            .collect();
        if groups.is_empty() && !ws_level {
            return Ok(None);
        }
        let failures = notes::failures_unnoticed(&mut conn, ws, &groups, ws_level).await?;
        drop(conn);
        if failures.is_empty() {
            return Ok(None);
        }
        let ids: Vec<i64> = failures.iter().map(|f| f.id).collect();
        let mut tx = self.store().write().await?;
        notes::mark_noticed(&mut tx, &ids, self.now()).await?;
        tx.commit().await?;
        Ok(Some(DeliveryNotice {
            lang: actor.lang_in(workspace.language),
            tz: workspace.timezone,
            failures,
        }))
    }
}
