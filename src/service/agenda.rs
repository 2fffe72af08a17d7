use super::spec::Position;
use super::{commit, Ctx, GroupName, Reply, Service, ServiceError};
use crate::domain::text::Field;
use crate::domain::{AgendaItem, AgendaItemId, AgendaStatus, Group, Meeting, MeetingId};
use crate::service::permissions::Relation;
use crate::store::{self, agenda::NewItem};
use sqlx::SqliteConnection;

impl Service {
    /// The meeting an item goes to: the named one (checked) or the group's next.
    async fn target_meeting(
        &self,
        conn: &mut SqliteConnection,
        ctx: &Ctx<'_>,
        group: &Group,
        named: Option<MeetingId>,
    ) -> Result<Option<Meeting>, ServiceError> {
        match named {
            None => Ok(store::meetings::next_scheduled(conn, group.id, ctx.now).await?),
            Some(id) => {
                let meeting = store::meetings::get(conn, id)
                    .await?
                    .ok_or(ServiceError::UnknownMeeting { id })?;
                if meeting.group != group.id {
                    // Another group's (or server's) meeting is not there for this group.
                    return Err(ServiceError::UnknownMeeting { id });
                }
                if !meeting.accepts_items(ctx.now) {
                    return Err(ServiceError::MeetingClosed { id });
                }
                Ok(Some(meeting))
            }
        }
    }

    /// Add an item. The group, the permission, the text and the target meeting are read and
    /// checked first, outside the write turn, so members' commands overlap there; the turn
    /// itself is one batch to SQLite: the checked insert (group still active, meeting still
    /// open, room left, no duplicate — decided by SQLite at the moment of writing) and its
    /// audit row. Only when that insert refuses does the command decide again in a write
    /// transaction, step by step, to give the precise reason (or succeed, if what it read
    /// had changed in between).
    pub(super) async fn agenda_add(
        &self,
        ctx: &mut Ctx<'_>,
        group_name: GroupName,
        title: String,
        details: Option<String>,
        named_meeting: Option<MeetingId>,
    ) -> Result<Reply, ServiceError> {
        let (group, meeting, title, details) = {
            let mut conn = self.store.conn().await?;
            let group = self.find_group(&mut conn, ctx, &group_name, false).await?;
            ctx.enter(&group)?;
            let title = ctx.required(Field::Title, &title)?;
            let details = ctx.optional(Field::Details, details.as_deref())?;
            let meeting = self
                .target_meeting(&mut conn, ctx, &group, named_meeting)
                .await?;
            if let Some(m) = &meeting {
                if self.is_late(&mut conn, ctx, &group, m).await? {
                    // After the deadline: for the coordinator to decide (service/notice.rs).
                    let m = m.clone();
                    drop(conn);
                    return self
                        .agenda_add_late(ctx, group, m, &title, details.as_deref())
                        .await;
                }
            }
            (group, meeting, title, details)
        };
        let new = NewItem {
            group: group.id,
            meeting: meeting.as_ref().map(|m| m.id),
            title: &title,
            details: details.as_deref(),
            submitter: ctx.actor.user,
            status: AgendaStatus::Proposed,
        };
        let max_open = super::Limit::OpenItemsPerMeeting.max();
        let entry = ctx.audit(Some(&group), "agenda_item", None);
        if let Some(item) =
            store::agenda::add_audited(&self.store, &new, max_open, &entry, ctx.now).await?
        {
            return Ok(Reply::AgendaAdded {
                group,
                item,
                meeting,
            });
        }
        let mut tx = self.store.write().await?;
        let (group, meeting, item) = self
            .agenda_add_locked(
                &mut tx,
                ctx,
                &group_name,
                &title,
                details.as_deref(),
                named_meeting,
            )
            .await?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(item.id.0)),
            None::<&AgendaItem>,
            Some(&item),
            ctx.now,
        )
        .await?;
        commit(tx).await?;
        Ok(Reply::AgendaAdded {
            group,
            item,
            meeting,
        })
    }

    /// `agenda add` decided step by step inside the write transaction `conn`: the slow
    /// path, taken when the checked insert refused.
    async fn agenda_add_locked(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        group_name: &str,
        title: &str,
        details: Option<&str>,
        named_meeting: Option<MeetingId>,
    ) -> Result<(Group, Option<Meeting>, AgendaItem), ServiceError> {
        let group = self.find_group(conn, ctx, group_name, false).await?;
        ctx.enter(&group)?;
        let meeting = self
            .target_meeting(conn, ctx, &group, named_meeting)
            .await?;
        let meeting_id = meeting.as_ref().map(|m| m.id);
        let slots = store::agenda::slots(conn, group.id, meeting_id).await?;
        super::check_limit(super::Limit::OpenItemsPerMeeting, slots.open.len() as i64)?;
        if let Some(existing) = slots.duplicate_of(title) {
            return Err(ServiceError::DuplicateAgendaItem { existing });
        }
        let new = NewItem {
            group: group.id,
            meeting: meeting_id,
            title,
            details,
            submitter: ctx.actor.user,
            status: AgendaStatus::Proposed,
        };
        // The checks passed under the lock, so the checked insert must agree; if it does
        // not, the two have drifted apart: an internal error, not a silent write.
        let max_open = super::Limit::OpenItemsPerMeeting.max();
        let item = store::agenda::insert_checked(conn, &new, max_open, ctx.now)
            .await?
            .ok_or_else(|| {
                store::StoreError::Corrupt("agenda add: checks passed, insert refused".into())
            })?;
        Ok((group, meeting, item))
    }

    pub(super) async fn agenda_list(
        &self,
        ctx: &mut Ctx<'_>,
        group: GroupName,
        meeting: Option<MeetingId>,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.read().await?;
        let group = self.find_group(&mut tx, ctx, &group, true).await?;
        ctx.enter(&group)?;
        let meeting = match meeting {
            None => store::meetings::next_scheduled(&mut tx, group.id, ctx.now).await?,
            Some(id) => {
                let m = store::meetings::get(&mut tx, id)
                    .await?
                    .ok_or(ServiceError::UnknownMeeting { id })?;
                if m.group != group.id {
                    return Err(ServiceError::UnknownMeeting { id });
                }
                Some(m)
            }
        };
        let items =
            store::agenda::for_meeting(&mut tx, group.id, meeting.as_ref().map(|m| m.id), false)
                .await?;
        let mut case_numbers = Vec::new();
        for item in &items {
            if let Some(n) = store::record::facts(&mut tx, item.id).await?.number {
                case_numbers.push((item.id, n));
            }
        }
        Ok(Reply::AgendaList {
            group,
            meeting,
            items,
            case_numbers,
        })
    }

    /// Load an item of this workspace and pass the permission check on its group.
    pub(super) async fn item_for(
        &self,
        conn: &mut SqliteConnection,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
    ) -> Result<(Group, AgendaItem, Relation), ServiceError> {
        let unknown = || ServiceError::UnknownAgendaItem { id };
        let item = store::agenda::get(conn, id).await?.ok_or_else(unknown)?;
        let group = self
            .group_by_id(conn, ctx, item.group)
            .await?
            .ok_or_else(unknown)?;
        let relation = ctx.enter_found(&group, unknown())?;
        if group.is_archived() {
            return Err(ServiceError::GroupArchived { name: group.name });
        }
        Ok((group, item, relation))
    }

    pub(super) async fn agenda_edit(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
        title: Option<String>,
        details: Option<String>,
        status: Option<AgendaStatus>,
        expected_version: Option<i64>,
    ) -> Result<Reply, ServiceError> {
        if title.is_none() && details.is_none() && status.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let title = match title.as_deref() {
            Some(t) => Some(ctx.required(Field::Title, t)?),
            None => None,
        };
        let details = match details.as_deref() {
            Some(d) => Some(ctx.optional(Field::Details, Some(d))?),
            None => None,
        };
        let mut tx = self.store.write().await?;
        let (group, item, relation) = self.item_for(&mut tx, ctx, id).await?;
        if expected_version.is_some_and(|v| v != item.version) {
            return Err(ServiceError::EditConflict);
        }
        let coordinator = relation >= Relation::Coordinator;
        if !coordinator {
            if item.submitter != ctx.actor.user {
                return Err(ServiceError::NotYourItem { id });
            }
            if !item.status.is_open() {
                return Err(ServiceError::ItemClosed {
                    id,
                    status: item.status,
                });
            }
            if let Some(s) = status.filter(|s| *s != AgendaStatus::Withdrawn && *s != item.status) {
                return Err(ServiceError::StatusNeedsCoordinator { status: s });
            }
        }
        let mut edited = item.clone();
        if let Some(t) = title {
            edited.title = t;
        }
        if let Some(d) = details {
            edited.details = d;
        }
        if let Some(s) = status {
            edited.status = s;
        }
        if edited == item {
            return Err(ServiceError::NothingToChange);
        }
        if !store::agenda::update(&mut tx, &edited, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        edited.version += 1;
        // Put on the case list: the case gets its number (after the standing items').
        if status == Some(AgendaStatus::OnAgenda) && item.status != AgendaStatus::OnAgenda {
            if let Some(meeting) = match edited.meeting {
                Some(m) => store::meetings::get(&mut tx, m).await?,
                None => None,
            }
            .filter(|m| m.status == crate::domain::MeetingStatus::Scheduled)
            {
                let kind = store::record::facts(&mut tx, id)
                    .await?
                    .case_type
                    .unwrap_or(crate::domain::minutes::CaseType::Discussion);
                super::record::ensure_standing(&mut tx, ctx, &group, &meeting).await?;
                super::record::put_on_list(&mut tx, ctx, &group, &meeting, &edited, kind).await?;
                if let Some(now) = store::agenda::get(&mut tx, id).await? {
                    edited = now;
                }
            }
        }
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(id.0)),
            Some(&item),
            Some(&edited),
            ctx.now,
        )
        .await?;
        let case_number = store::record::facts(&mut tx, id).await?.number;
        commit(tx).await?;
        Ok(Reply::AgendaEdited {
            group,
            item: edited,
            case_number,
        })
    }

    pub(super) async fn agenda_remove(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
    ) -> Result<Reply, ServiceError> {
        let mut tx = self.store.write().await?;
        let (group, item, relation) = self.item_for(&mut tx, ctx, id).await?;
        if relation < Relation::Coordinator && item.submitter != ctx.actor.user {
            return Err(ServiceError::NotYourItem { id });
        }
        if !item.status.is_open() {
            return Err(ServiceError::ItemClosed {
                id,
                status: item.status,
            });
        }
        let mut removed = item.clone();
        removed.status = AgendaStatus::Withdrawn;
        if !store::agenda::update(&mut tx, &removed, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        removed.version += 1;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(id.0)),
            Some(&item),
            Some(&removed),
            ctx.now,
        )
        .await?;
        let case_number = store::record::facts(&mut tx, id).await?.number;
        commit(tx).await?;
        Ok(Reply::AgendaRemoved {
            group,
            item: removed,
            case_number,
        })
    }

    pub(super) async fn agenda_move(
        &self,
        ctx: &mut Ctx<'_>,
        id: AgendaItemId,
        meeting: Option<MeetingId>,
        position: Option<Position>,
    ) -> Result<Reply, ServiceError> {
        let position = position.map(|p| p.0);
        if meeting.is_none() && position.is_none() {
            return Err(ServiceError::NothingToChange);
        }
        let mut tx = self.store.write().await?;
        let (group, item, _) = self.item_for(&mut tx, ctx, id).await?;
        if !item.status.is_open() {
            return Err(ServiceError::ItemClosed {
                id,
                status: item.status,
            });
        }
        let target = match meeting {
            Some(m) => self.target_meeting(&mut tx, ctx, &group, Some(m)).await?,
            None => match item.meeting {
                Some(m) => store::meetings::get(&mut tx, m).await?,
                None => None,
            },
        };
        let target_id = target.as_ref().map(|m| m.id);
        let mut others: Vec<AgendaItemId> =
            store::agenda::for_meeting(&mut tx, group.id, target_id, false)
                .await?
                .into_iter()
                .map(|i| i.id)
                .filter(|i| *i != id)
                .collect();
        let max = others.len() as i64 + 1;
        let index = match position {
            Some(p) if p < 1 || p > max => return Err(ServiceError::InvalidPosition { max }),
            Some(p) => (p - 1) as usize,
            None => others.len(),
        };
        others.insert(index, id);
        let mut moved = item.clone();
        moved.meeting = target_id;
        moved.position = index as i64 + 1;
        if moved == item {
            return Err(ServiceError::NothingToChange);
        }
        if !store::agenda::update(&mut tx, &moved, ctx.now).await? {
            return Err(ServiceError::EditConflict);
        }
        store::agenda::renumber(&mut tx, &others, ctx.now).await?;
        let moved = store::agenda::get(&mut tx, id)
            .await?
            .ok_or(ServiceError::UnknownAgendaItem { id })?;
        store::audit::record(
            &mut tx,
            &ctx.audit(Some(&group), "agenda_item", Some(id.0)),
            Some(&item),
            Some(&moved),
            ctx.now,
        )
        .await?;
        let case_number = store::record::facts(&mut tx, id).await?.number;
        commit(tx).await?;
        Ok(Reply::AgendaMoved {
            group,
            item: moved,
            meeting: target,
            case_number,
        })
    }
}
