//! Buttons and modals, handled by the framework's global event handler (not collectors,
//! which would race with an interaction that arrives right after the message was sent, and
//! would be lost on restart). State lives in the custom ids (see [`super::custom_id`]).

use super::custom_id::{self, Custom};
use super::reply::{asking, no_mentions, notice, render, Rendered};
use super::{Data, Error};
use crate::domain::record::AttendanceStatus;
use crate::domain::{Lang, MeetingId};
use crate::service::Command;
use crate::t;
use poise::serenity_prelude as serenity;

pub async fn on_event(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction } = event else {
        return Ok(());
    };
    match interaction {
        serenity::Interaction::Component(press) => on_button(ctx, press, data).await,
        serenity::Interaction::Modal(submit) => on_modal(ctx, submit, data).await,
        _ => Ok(()),
    }
}

async fn on_button(
    ctx: &serenity::Context,
    press: &serenity::ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
    let Some(custom) = custom_id::parse(&press.data.custom_id) else {
        return Ok(()); // not ours
    };
    let lang = Lang::from_locale(&press.locale, Lang::Nb);
    let Some(_permit) = data.gate.enter() else {
        let r = notice(t!(lang, "discord-shutting-down"));
        return respond(ctx, Target::Component(press), r).await;
    };
    let who = asking(
        press.guild_id,
        press.user.id,
        press.member.as_ref(),
        press.channel_id,
        &press.locale,
    );
    let who = match who {
        Ok(w) => w,
        Err(text) => return respond(ctx, Target::Component(press), notice(text)).await,
    };
    match custom {
        Custom::ActionDone { group, action } => {
            let cmd = Command::ActionUpdate {
                id: action,
                status: Some(crate::domain::ActionStatus::Done),
                note: None,
            };
            let response = data
                .service
                .execute_on_action(&who.actor, who.ws, group, action, cmd)
                .await;
            respond(ctx, Target::Component(press), render(&response)).await
        }
        Custom::ActionReport {
            group: None,
            action,
        } => {
            // An old button: answer "not found" rather than open a form for it.
            let cmd = Command::ActionUpdate {
                id: action,
                status: None,
                note: None,
            };
            let response = data
                .service
                .execute_on_action(&who.actor, who.ws, None, action, cmd)
                .await;
            respond(ctx, Target::Component(press), render(&response)).await
        }
        Custom::ActionReport {
            group: Some(group),
            action,
        } => {
            let form = NoteForm {
                custom_id: custom_id::report(group, action),
                title: "discord-modal-report",
                label: "discord-modal-note",
                required: true,
            };
            form.open(ctx, data, &who, press).await
        }
        Custom::Attend { group, meeting } => {
            let cmd = Command::MeetingAttend {
                id: meeting,
                status: AttendanceStatus::Present,
                note: None,
                user: None,
            };
            let response = data
                .service
                .execute_on_meeting(&who.actor, who.ws, group, meeting, cmd)
                .await;
            respond(ctx, Target::Component(press), only_you(render(&response))).await
        }
        Custom::Apologies { group, meeting } => {
            let form = NoteForm {
                custom_id: custom_id::apologies(group, meeting),
                title: "discord-modal-apologies",
                label: "discord-modal-apologies-note",
                required: false,
            };
            form.open(ctx, data, &who, press).await
        }
        Custom::FollowupAnswer {
            group,
            meeting,
            action,
            answer,
        } => {
            let cmd = Command::ActionFollowup {
                id: action,
                answer: Some(answer),
                note: None,
                meeting: Some(meeting),
            };
            let response = data
                .service
                .execute_on_action(&who.actor, who.ws, Some(group), action, cmd)
                .await;
            respond(ctx, Target::Component(press), render(&response)).await
        }
        Custom::FollowupNote {
            group,
            meeting,
            action,
        } => {
            let form = NoteForm {
                custom_id: custom_id::followup_note(group, meeting, action),
                title: "followup-modal-title",
                label: "discord-modal-note",
                required: true,
            };
            form.open(ctx, data, &who, press).await
        }
        Custom::AgendaModal { .. } | Custom::DecideModal { .. } => Ok(()),
    }
}

/// A form with one paragraph field `note` (at most a progress note's length), in the
/// actor's language: a report on an action, apologies, a follow-up note.
struct NoteForm {
    custom_id: String,
    title: &'static str,
    label: &'static str,
    required: bool,
}

impl NoteForm {
    async fn open(
        self,
        ctx: &serenity::Context,
        data: &Data,
        who: &super::reply::Asking,
        press: &serenity::ComponentInteraction,
    ) -> Result<(), Error> {
        let lang = who.actor.lang_in(
            data.service
                .workspace_language(who.ws)
                .await
                .unwrap_or_default(),
        );
        let note = serenity::CreateInputText::new(
            serenity::InputTextStyle::Paragraph,
            t!(lang, self.label),
            "note",
        )
        .max_length(crate::domain::text::Field::Note.max_len() as u16)
        .required(self.required);
        let modal = serenity::CreateModal::new(self.custom_id, t!(lang, self.title))
            .components(vec![serenity::CreateActionRow::InputText(note)]);
        press
            .create_response(ctx, serenity::CreateInteractionResponse::Modal(modal))
            .await?;
        Ok(())
    }
}

/// An answer to a button under a notice: only the one who pressed sees it.
fn only_you(mut r: Rendered) -> Rendered {
    r.ephemeral = true;
    r
}

/// The text inputs of a submitted modal.
fn field(submit: &serenity::ModalInteraction, id: &str) -> Option<String> {
    submit
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == id => t.value.clone(),
            _ => None,
        })
        .filter(|v| !v.trim().is_empty())
}

async fn on_modal(
    ctx: &serenity::Context,
    submit: &serenity::ModalInteraction,
    data: &Data,
) -> Result<(), Error> {
    let Some(custom) = custom_id::parse(&submit.data.custom_id) else {
        return Ok(());
    };
    let lang = Lang::from_locale(&submit.locale, Lang::Nb);
    let Some(_permit) = data.gate.enter() else {
        let r = notice(t!(lang, "discord-shutting-down"));
        return respond(ctx, Target::Modal(submit), r).await;
    };
    let who = asking(
        submit.guild_id,
        submit.user.id,
        submit.member.as_ref(),
        submit.channel_id,
        &submit.locale,
    );
    let who = match who {
        Ok(w) => w,
        Err(text) => return respond(ctx, Target::Modal(submit), notice(text)).await,
    };
    let cmd = match custom {
        Custom::ActionReport { group, action } => {
            let cmd = Command::ActionUpdate {
                id: action,
                status: None,
                note: field(submit, "note"),
            };
            let response = data
                .service
                .execute_on_action(&who.actor, who.ws, group, action, cmd)
                .await;
            return respond(ctx, Target::Modal(submit), render(&response)).await;
        }
        Custom::AgendaModal { group, meeting } => {
            let name = match data.service.group_name(who.ws, group).await {
                Ok(Some(n)) => n,
                // Archived or deleted in between: the service says so in its words.
                Ok(None) => group.0.to_string(),
                Err(e) => {
                    tracing::error!(error = %e, "reading the group failed");
                    let r = notice(t!(lang, "error-internal"));
                    return respond(ctx, Target::Modal(submit), r).await;
                }
            };
            Command::AgendaAdd {
                group: name.as_str().into(),
                title: field(submit, "title").unwrap_or_default(),
                details: field(submit, "details"),
                meeting: meeting.map(|m: MeetingId| m),
            }
        }
        Custom::DecideModal { item } => Command::AgendaDecide {
            id: item,
            decision: field(submit, "decision"),
            notes: field(submit, "notes"),
            responsible: field(submit, "responsible"),
            due: field(submit, "due"),
        },
        Custom::Apologies { group, meeting } => {
            // The note passes the personal-data guard in the service, like typed text.
            let cmd = Command::MeetingAttend {
                id: meeting,
                status: AttendanceStatus::Absent,
                note: field(submit, "note"),
                user: None,
            };
            let response = data
                .service
                .execute_on_meeting(&who.actor, who.ws, group, meeting, cmd)
                .await;
            return respond(ctx, Target::Modal(submit), only_you(render(&response))).await;
        }
        Custom::FollowupNote {
            group,
            meeting,
            action,
        } => {
            let cmd = Command::ActionFollowup {
                id: action,
                answer: None,
                note: field(submit, "note"),
                meeting: Some(meeting),
            };
            let response = data
                .service
                .execute_on_action(&who.actor, who.ws, Some(group), action, cmd)
                .await;
            return respond(ctx, Target::Modal(submit), render(&response)).await;
        }
        Custom::ActionDone { .. } | Custom::Attend { .. } | Custom::FollowupAnswer { .. } => {
            return Ok(())
        }
    };
    let response = data.service.execute(&who.actor, who.ws, cmd).await;
    respond(ctx, Target::Modal(submit), render(&response)).await
}

enum Target<'a> {
    Component(&'a serenity::ComponentInteraction),
    Modal(&'a serenity::ModalInteraction),
}

/// Answer a button press or modal submit: the first chunk as the interaction response,
/// the rest as follow-ups; no mentions.
async fn respond(ctx: &serenity::Context, target: Target<'_>, r: Rendered) -> Result<(), Error> {
    let last = r.chunks.len().saturating_sub(1);
    for (n, chunk) in r.chunks.into_iter().enumerate() {
        let components = if n == last {
            r.components.clone()
        } else {
            Vec::new()
        };
        if n == 0 {
            let msg = serenity::CreateInteractionResponseMessage::new()
                .content(chunk)
                .ephemeral(r.ephemeral)
                .allowed_mentions(no_mentions())
                .components(components);
            let response = serenity::CreateInteractionResponse::Message(msg);
            match target {
                Target::Component(i) => i.create_response(ctx, response).await?,
                Target::Modal(i) => i.create_response(ctx, response).await?,
            }
        } else {
            let msg = serenity::CreateInteractionResponseFollowup::new()
                .content(chunk)
                .ephemeral(r.ephemeral)
                .allowed_mentions(no_mentions())
                .components(components);
            match target {
                Target::Component(i) => i.create_followup(ctx, msg).await?,
                Target::Modal(i) => i.create_followup(ctx, msg).await?,
            };
        }
    }
    Ok(())
}
