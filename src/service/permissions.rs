//! Who may do what. Each command declares its [`Need`] (in `command.rs`); this module says
//! what an actor is to the workspace or a group ([`Relation`]) and whether that meets a
//! need. The service applies the declared need in one place (`Service::run` for workspace
//! commands, `Ctx::enter` for a group's); the permission-matrix test (`tests/permissions.rs`)
//! walks every declared command × relation against its own table of expectations.

use super::Actor;
use crate::domain::{Group, Workspace};

/// What an actor is, relative to a workspace or a group. Ordered: each includes the ones
/// below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Outsider,
    Member,
    /// A member of the group's referent role: records its meetings (decisions,
    /// attendance, guests) without being a coordinator.
    Referent,
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
    /// Someone who records the group's meetings: its referent role, or a coordinator.
    Referent,
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
            Need::Referent => "need-referent",
            Need::WorkspaceCoordinator => "need-workspace-coordinator",
            Need::Admin => "need-admin",
        }
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
    } else if has(group.referent_role) {
        Relation::Referent
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
        Need::Referent => have >= Relation::Referent,
        Need::Coordinator | Need::WorkspaceCoordinator => have >= Relation::Coordinator,
        Need::Admin => have >= Relation::Admin,
    }
}
