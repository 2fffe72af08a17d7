//! Who may do what — in one place. `required` is the whole matrix; `relation` says what
//! an actor is to a group. The permission matrix test walks every command × relation.

use super::command::Command;
use super::Actor;
use crate::domain::{Group, Workspace};

/// What an actor is, relative to a workspace or a group. Ordered: each includes the ones
/// below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Outsider,
    Member,
    Coordinator,
    Admin,
}

/// What a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Anyone in the workspace.
    Anyone,
    /// A member (or coordinator) of the group the command is about.
    Member,
    /// A coordinator of the group (or of the whole workspace).
    Coordinator,
    /// A coordinator of the workspace: the SLT-koordinator role, or an admin.
    WorkspaceCoordinator,
    /// A server admin (Discord's Manage Server permission).
    Admin,
}

impl Need {
    pub fn fluent_key(self) -> &'static str {
        match self {
            Need::Anyone => "need-anyone",
            Need::Member => "need-member",
            Need::Coordinator => "need-coordinator",
            Need::WorkspaceCoordinator => "need-workspace-coordinator",
            Need::Admin => "need-admin",
        }
    }
}

/// The permission matrix. Some commands add a finer rule on top (noted), checked where
/// the item is known: members may withdraw or retitle only their own items, and set only
/// statuses that do not decide the agenda.
pub fn required(cmd: &Command) -> Need {
    use Command::*;
    match cmd {
        WorkspaceShow | GroupList { .. } => Need::Anyone,
        WorkspaceSet(_) => Need::Admin,
        GroupCreate(_) => Need::WorkspaceCoordinator,
        GroupEdit { .. } | GroupArchive { .. } => Need::Coordinator,
        MeetingAdd { .. } | MeetingCancel { .. } | MeetingHeld { .. } => Need::Coordinator,
        AgendaMove { .. } => Need::Coordinator,
        ActionAdd { .. } => Need::Coordinator,
        GroupShow { .. } | MeetingList { .. } => Need::Member,
        AgendaAdd { .. } | AgendaList { .. } | AgendaEdit { .. } | AgendaRemove { .. } => {
            Need::Member
        }
        ActionUpdate { .. } | ActionList(_) | ActionShow { .. } => Need::Member,
        Audit { .. } | GroupExport { .. } | GroupDelete { .. } => Need::Coordinator,
        MeetingSchedule { .. } | MeetingMove { .. } | GroupReminders { .. } => Need::Coordinator,
        MeetingNext { .. } => Need::Member,
        DigestSet { .. } => Need::Admin,
    }
}

/// The actor's relation to the workspace as a whole.
pub fn workspace_relation(actor: &Actor, ws: &Workspace) -> Relation {
    if actor.is_admin {
        Relation::Admin
    } else if ws
        .coordinator_role
        .is_some_and(|r| actor.roles.contains(&r))
    {
        Relation::Coordinator
    } else {
        Relation::Outsider
    }
}

/// The actor's relation to one group.
pub fn relation(actor: &Actor, ws: &Workspace, group: &Group) -> Relation {
    let base = workspace_relation(actor, ws);
    if base >= Relation::Coordinator {
        return base;
    }
    let has = |r: Option<crate::domain::RoleId>| r.is_some_and(|r| actor.roles.contains(&r));
    if has(group.coordinator_role) {
        Relation::Coordinator
    } else if has(group.member_role) {
        Relation::Member
    } else {
        Relation::Outsider
    }
}

/// Does `have` satisfy `need`?
pub fn allows(need: Need, have: Relation) -> bool {
    match need {
        Need::Anyone => true,
        Need::Member => have >= Relation::Member,
        Need::Coordinator | Need::WorkspaceCoordinator => have >= Relation::Coordinator,
        Need::Admin => have >= Relation::Admin,
    }
}
