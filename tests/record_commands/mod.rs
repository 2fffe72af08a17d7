//! The meeting record's commands as the record tests write them — words as a user types
//! them (`status: "forfall"`, `case_type: "vedtakssak"`) — turned into the declared commands
//! exactly as the console turns a typed line into one (`Command::from_options`), then run
//! through `Service::execute`.
#![allow(dead_code)]

use sltbot::domain::{AgendaItemId, MeetingId, UserId, WorkspaceId};
use sltbot::service::{Actor, Command, Raw, Response, Service};

pub enum RecordCommand {
    CasePut {
        item: AgendaItemId,
        case_type: Option<String>,
    },
    CaseList {
        meeting: MeetingId,
    },
    Standing {
        group: String,
        items: Option<Vec<String>>,
    },
    Hold {
        meeting: MeetingId,
        early: bool,
    },
    Reopen {
        meeting: MeetingId,
    },
    Decide {
        item: AgendaItemId,
        decision: Option<String>,
        notes: Option<String>,
        responsible: Option<String>,
        deadline: Option<String>,
    },
    Attend {
        meeting: MeetingId,
        user: Option<UserId>,
        status: String,
        note: Option<String>,
    },
    GuestAdd {
        meeting: MeetingId,
        name: String,
        agency: Option<String>,
    },
    Roles {
        meeting: MeetingId,
        chair: Option<UserId>,
        referent: Option<UserId>,
    },
    Minutes {
        meeting: MeetingId,
    },
    MinutesPublish {
        meeting: MeetingId,
    },
    MinutesApprove {
        meeting: MeetingId,
        at_meeting: MeetingId,
    },
}

impl RecordCommand {
    /// The command's path and its options as typed text.
    pub fn typed(self) -> (&'static str, Vec<(&'static str, String)>) {
        use RecordCommand as R;
        let mut o: Vec<(&'static str, String)> = Vec::new();
        let mut opt = |name: &'static str, v: Option<String>| {
            if let Some(v) = v {
                o.push((name, v));
            }
        };
        let path = match self {
            R::CasePut { item, case_type } => {
                opt("id", Some(item.0.to_string()));
                opt("case_type", case_type);
                "agenda case"
            }
            R::CaseList { meeting } => {
                opt("id", Some(meeting.0.to_string()));
                "meeting agenda"
            }
            R::Standing { group, items } => {
                opt("group", Some(group));
                opt("items", items.map(|i| i.join("\n")));
                "group standing"
            }
            R::Hold { meeting, early } => {
                opt("id", Some(meeting.0.to_string()));
                opt("early", Some(early.to_string()));
                "meeting held"
            }
            R::Reopen { meeting } => {
                opt("id", Some(meeting.0.to_string()));
                "meeting reopen"
            }
            R::Decide {
                item,
                decision,
                notes,
                responsible,
                deadline,
            } => {
                opt("id", Some(item.0.to_string()));
                opt("decision", decision);
                opt("notes", notes);
                opt("responsible", responsible);
                opt("due", deadline);
                "agenda decide"
            }
            R::Attend {
                meeting,
                user,
                status,
                note,
            } => {
                opt("id", Some(meeting.0.to_string()));
                opt("status", Some(status));
                opt("note", note);
                opt("user", user.map(|u| format!("<@{u}>")));
                "meeting attend"
            }
            R::GuestAdd {
                meeting,
                name,
                agency,
            } => {
                opt("id", Some(meeting.0.to_string()));
                opt("name", Some(name));
                opt("agency", agency);
                "meeting guest"
            }
            R::Roles {
                meeting,
                chair,
                referent,
            } => {
                opt("id", Some(meeting.0.to_string()));
                opt("chair", chair.map(|u| format!("<@{u}>")));
                opt("referent", referent.map(|u| format!("<@{u}>")));
                "meeting roles"
            }
            R::Minutes { meeting } => {
                opt("meeting", Some(meeting.0.to_string()));
                "minutes show"
            }
            R::MinutesPublish { meeting } => {
                opt("meeting", Some(meeting.0.to_string()));
                "minutes publish"
            }
            R::MinutesApprove {
                meeting,
                at_meeting,
            } => {
                opt("meeting", Some(meeting.0.to_string()));
                opt("at_meeting", Some(at_meeting.0.to_string()));
                "minutes approve"
            }
        };
        (path, o)
    }

    /// The declared command, read from the typed options as the console reads them.
    pub fn command(self) -> Command {
        let (path, options) = self.typed();
        Command::from_options(path, |name| {
            options
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| Raw::Text(v.as_str()))
        })
        .expect("a declared command")
        .unwrap_or_else(|e| panic!("/{path}: {e:?}"))
    }
}

pub async fn execute_record(
    service: &Service,
    actor: &Actor,
    ws: WorkspaceId,
    cmd: RecordCommand,
) -> Response {
    service.execute(actor, ws, cmd.command()).await
}
