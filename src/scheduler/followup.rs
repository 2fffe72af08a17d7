//! The follow-up round before each meeting (issue 12, item 2), on the scheduler's rails.
//!
//! 1. **Plan**: with a meeting's reminders ([`crate::plan::plan_meeting`]) its round is
//!    planned in `followup_rounds`: when it asks (the body's `followup_lead` before the
//!    meeting, default 7 days; none when turned off), its deadline (the agenda deadline,
//!    else a day before the meeting) and when it asks the silent once more (a day before
//!    the deadline). A moved meeting moves a round that has not asked yet.
//! 2. **Open** (a tick, [`open_due`]): once `ask_at` has come, the round's questions are
//!    fixed — one per open action (owner asked) and, once orders exist, per open order
//!    received (the receiving body's coordinator role asked) — and per person asked two
//!    notifications are planned with deterministic keys
//!    ([`crate::domain::followup::question_key`]): the question now (`…:0`) and the ask
//!    once more (`…:1`). Opening is one transaction and idempotent, so a restart at any
//!    point neither loses nor doubles a question.
//! 3. **Send**: the notification rows travel like every other (claim, send under a nonce,
//!    mark): [`prepare`] renders one message per person asked — their subjects, five per
//!    message (Discord's five rows of buttons), each with *På sporet*, *Forsinket*,
//!    *Ferdig*, *Trenger hjelp* and a *Notat* form — in the body's channel, pinging only
//!    that person (or role). The ask once more goes only if something is still unanswered
//!    and the deadline has not passed; nothing is sent once the meeting has started.
//!
//! Why the body's channel and not a DM: the bot can always post there (the same
//! permission as its reminders); a DM needs the member to accept DMs from server members,
//! fails silently for those who do not, and a press in a DM carries no roles, so a
//! coordinator answering for someone could not be recognised. The ping reaches the owner
//! as a notification either way.

use super::Prepared;
use crate::domain::followup::{
    self, question_key, Answer, Asked, Question, Subject, SUBJECTS_PER_MESSAGE,
};
use crate::domain::reminders::ReminderSettings;
use crate::domain::{Group, GroupId, Lang, MeetingId, MeetingStatus, WorkspaceId};
use crate::i18n::format;
use crate::notify::{Button, Outbound, Ping};
use crate::plan::lead_due;
use crate::render::Style;
use crate::store::followup as fstore;
use crate::store::notifications::{self as notes, Kind, Notification, Plan};
use crate::store::{self, Result};
use crate::t;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

/// Rounds opened per query.
const BATCH: i64 = 50;

/// (Re)plan a meeting's round (called by [`crate::plan::plan_meeting`]). Off for the body:
/// a round that has not asked is forgotten.
#[allow(clippy::too_many_arguments)]
pub async fn plan_round(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    group: GroupId,
    meeting: MeetingId,
    starts_at: DateTime<Utc>,
    settings: &ReminderSettings,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<()> {
    let lead = fstore::lead(conn, group).await?;
    let deadline = lead_due(
        starts_at,
        settings
            .deadline
            .unwrap_or(followup::DEADLINE_WITHOUT_AGENDA_DEADLINE_MINUTES),
        tz,
    );
    let again = deadline - Duration::hours(followup::AGAIN_BEFORE_DEADLINE_HOURS);
    // A round that has asked follows its meeting: the deadline, and the ask once more
    // (still pending) moves; it is not asked again from the start.
    let again_after_open = (again > now).then_some(again);
    if fstore::move_opened(conn, meeting, again_after_open, deadline).await? {
        for who in fstore::asked(conn, meeting).await? {
            let key = question_key(meeting, who, 1);
            match again_after_open {
                Some(t) => notes::reschedule_pending(conn, &key, t).await?,
                None => notes::unplan(conn, &key).await?,
            }
        }
        return Ok(());
    }
    let Some(lead) = lead else {
        return fstore::unplan_round(conn, meeting).await;
    };
    // A meeting planned later than its asking time asks at once, while there is time
    // left to answer before the deadline.
    let ask_at = lead_due(starts_at, lead, tz).max(now);
    if ask_at >= deadline {
        return fstore::unplan_round(conn, meeting).await;
    }
    let again_at = (again > ask_at).then_some(again);
    fstore::plan_round(conn, ws, group, meeting, ask_at, again_at, deadline).await
}

/// Plan the round of every future meeting that has none although its body wants one
/// (meetings made before this version; run once at start by [`super::Scheduler::plan_all`]).
pub async fn plan_missing(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<usize> {
    let missing = fstore::meetings_without_round(conn, now).await?;
    for &(meeting, group, ws, starts_at) in &missing {
        let settings = store::series::settings(conn, group).await?;
        let tz = store::series::group_tz(conn, group).await?;
        plan_round(conn, ws, group, meeting, starts_at, &settings, tz, now).await?;
    }
    Ok(missing.len())
}

/// Open every round whose asking time has come: fix its questions and plan the question
/// messages. Returns how many rounds were opened.
pub async fn open_due(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<usize> {
    let mut opened = 0;
    loop {
        let due = fstore::due_rounds(conn, now, BATCH).await?;
        for r in &due {
            open(conn, r, now).await?;
        }
        opened += due.len();
        if (due.len() as i64) < BATCH {
            return Ok(opened);
        }
    }
}

async fn open(conn: &mut SqliteConnection, r: &fstore::DueRound, now: DateTime<Utc>) -> Result<()> {
    let meeting = store::meetings::get(conn, r.meeting).await?;
    let live = meeting
        .as_ref()
        .is_some_and(|m| m.status == MeetingStatus::Scheduled && m.starts_at > now);
    if live {
        let mut asked = Vec::new();
        for (action, owner) in fstore::open_actions(conn, r.group).await? {
            let who = Asked::User(owner);
            fstore::insert_question(conn, r.meeting, Subject::Action(action), who).await?;
            asked.push(who);
        }
        for (order, role) in fstore::open_orders(conn, r.group).await? {
            let who = Asked::Role(role);
            fstore::insert_question(conn, r.meeting, Subject::Order(order), who).await?;
            asked.push(who);
        }
        asked.sort();
        asked.dedup();
        for who in asked {
            let plan = |seq: i64, due_at: DateTime<Utc>| Plan {
                key: question_key(r.meeting, who, seq),
                kind: Kind::Followup,
                workspace: r.workspace,
                group: Some(r.group),
                meeting: Some(r.meeting),
                action: None,
                lead_minutes: None,
                seq,
                due_at,
            };
            notes::plan(conn, &plan(0, now), now).await?;
            if let Some(again) = r.again_at.filter(|t| *t > now) {
                notes::plan(conn, &plan(1, again), now).await?;
            }
        }
    }
    fstore::mark_opened(conn, r.meeting, now).await
}

/// The question message(s) of a `followup` notification: one per five subjects, pinging
/// only the person (or role) asked.
#[allow(clippy::too_many_arguments)]
pub(super) async fn prepare(
    conn: &mut SqliteConnection,
    n: &Notification,
    group: &Group,
    channel: crate::domain::ChannelId,
    lang: Lang,
    tz: Tz,
    style: Style,
    now: DateTime<Utc>,
) -> Result<Prepared> {
    let Some((meeting_id, asked, seq)) = followup::parse_question_key(&n.key) else {
        return Ok(Prepared::Skip("not a follow-up question"));
    };
    let Some(m) = store::meetings::get(conn, meeting_id).await? else {
        return Ok(Prepared::Skip("meeting gone"));
    };
    if m.status != MeetingStatus::Scheduled {
        return Ok(Prepared::Skip("meeting not scheduled"));
    }
    if m.starts_at <= now {
        return Ok(Prepared::Skip("meeting already started"));
    }
    let Some(round) = fstore::round(conn, meeting_id).await? else {
        return Ok(Prepared::Skip("round gone"));
    };
    if seq > 0 && round.deadline <= now {
        return Ok(Prepared::Skip("deadline passed"));
    }
    let mine: Vec<Question> = fstore::questions(conn, meeting_id)
        .await?
        .into_iter()
        .filter(|q| q.asked == asked && q.is_waiting())
        .collect();
    if mine.is_empty() {
        return Ok(Prepared::Skip("nothing left to ask"));
    }
    let ping = match asked {
        Asked::User(u) => Ping::User(u),
        Asked::Role(r) => Ping::Role(r),
    };
    let parts = mine
        .chunks(SUBJECTS_PER_MESSAGE)
        .map(|chunk| Outbound {
            channel,
            content: super::truncate(question(
                lang,
                tz,
                style,
                &Ask {
                    group,
                    asked,
                    starts_at: m.starts_at,
                    deadline: round.deadline,
                    again: seq > 0,
                    questions: chunk,
                },
            )),
            ping,
            buttons: chunk
                .iter()
                .flat_map(|q| buttons(group.id, meeting_id, q, lang))
                .collect(),
            attachments: Vec::new(),
        })
        .collect();
    Ok(Prepared::Send(parts))
}

/// One row of buttons for a question: the four answers and the note form.
fn buttons(group: GroupId, meeting: MeetingId, q: &Question, lang: Lang) -> Vec<Button> {
    let Subject::Action(action) = q.subject else {
        // The receiving body answers an order with `/order reply` (which also answers
        // the round's question); the message lists it with that hint.
        return Vec::new();
    };
    Answer::ALL
        .into_iter()
        .map(|answer| Button::FollowupAnswer {
            group,
            meeting,
            action,
            answer,
            lang,
        })
        .chain([Button::FollowupNote {
            group,
            meeting,
            action,
            lang,
        }])
        .collect()
}

/// What a question message says.
pub struct Ask<'a> {
    pub group: &'a Group,
    pub asked: Asked,
    pub starts_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    /// The ask once more (a day before the deadline).
    pub again: bool,
    pub questions: &'a [Question],
}

/// The text of a question message: who is asked (the only mention), the meeting, the
/// deadline, then one line per subject.
pub fn question(lang: Lang, tz: Tz, style: Style, a: &Ask<'_>) -> String {
    let who = match a.asked {
        Asked::User(u) => style.user(u),
        Asked::Role(r) => style.role(r),
    };
    let mut out = vec![t!(
        lang,
        if a.again {
            "followup-ask-again"
        } else {
            "followup-ask"
        },
        who = who,
        group = style.text(&a.group.name),
        meeting = format::datetime(lang, a.starts_at, tz),
        deadline = format::datetime(lang, a.deadline, tz)
    )];
    for (i, q) in a.questions.iter().enumerate() {
        out.push(subject_line(lang, style, i + 1, q));
    }
    if a.questions
        .iter()
        .any(|q| matches!(q.subject, Subject::Action(_)))
    {
        out.push(t!(lang, "followup-ask-how"));
    }
    if a.questions
        .iter()
        .any(|q| matches!(q.subject, Subject::Order(_)))
    {
        out.push(t!(lang, "followup-ask-how-order"));
    }
    out.join("\n")
}

/// `1. «Kartlegge fritidstilbud» (tiltak 3)` / `(bestilling 2)`.
pub fn subject_line(lang: Lang, style: Style, n: usize, q: &Question) -> String {
    match q.subject {
        Subject::Action(_) => t!(
            lang,
            "followup-subject-action",
            n = n,
            title = style.text(&q.title),
            id = q.number
        ),
        Subject::Order(_) => t!(
            lang,
            "followup-subject-order",
            n = n,
            title = style.text(&q.title),
            id = q.number
        ),
    }
}

/// The time the scheduler must wake for the next round to ask.
pub async fn next_ask(conn: &mut SqliteConnection) -> Result<Option<DateTime<Utc>>> {
    fstore::next_ask(conn).await
}

/// One round in the weekly digest: the body, its meeting, and the round's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestLine {
    pub group_name: String,
    pub starts_at: DateTime<Utc>,
    pub asked: usize,
    pub answered: usize,
    pub silent: usize,
}

/// The rounds that have asked, of the workspace's meetings in the next 14 days (the
/// digest's window), soonest first. Counts only: no titles, no names.
pub async fn digest_lines(
    conn: &mut SqliteConnection,
    ws: WorkspaceId,
    now: DateTime<Utc>,
) -> Result<Vec<DigestLine>> {
    let mut out = Vec::new();
    for (group_name, meeting, starts_at) in
        fstore::rounds_between(conn, ws, now, now + Duration::days(14)).await?
    {
        let view = followup::RoundView {
            round: None,
            questions: fstore::questions(conn, meeting).await?,
        };
        let (asked, answered, silent) = view.counts();
        if asked > 0 {
            out.push(DigestLine {
                group_name,
                starts_at,
                asked,
                answered,
                silent,
            });
        }
    }
    Ok(out)
}

/// The digest's section on follow-up rounds.
pub fn digest_section(lang: Lang, tz: Tz, style: Style, lines: &[DigestLine]) -> Vec<String> {
    let mut out = vec![style.bold(&t!(lang, "followup-digest-heading"))];
    for l in lines {
        out.push(t!(
            lang,
            "followup-digest-line",
            group = style.text(&l.group_name),
            meeting = format::datetime(lang, l.starts_at, tz),
            asked = l.asked,
            answered = l.answered,
            silent = l.silent
        ));
    }
    out
}
