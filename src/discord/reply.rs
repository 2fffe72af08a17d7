//! Running a command for an interaction and sending the reply: in the user's language,
//! ephemeral or public as the service decided, split at Discord's 2,000 characters, and
//! always with `allowed_mentions` empty (a reply never pings anyone).

use super::{identity, Ctx, Error};
use crate::domain::text::Field;
use crate::domain::{Action, GroupId, Lang, MeetingId, WorkspaceId};
use crate::notify::{split_message, Button, MESSAGE_LIMIT};
use crate::render::{self, Style};
use crate::service::munis::{MunicipalityExport, MunisReply};
use crate::service::reply::GroupExport;
use crate::service::{Actor, Command, RecordReply, Reply, Response, ServiceError, Visibility};
use crate::t;
use poise::serenity_prelude as serenity;

/// Mentions allowed in replies: none (`{"parse":[],"users":[],"roles":[]}`).
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

/// Buttons that save typing under a reply (an active action's "Mark done" / "Report
/// progress").
pub fn buttons_for(reply: &Reply) -> Vec<Button> {
    let active = |a: &Action| a.status.is_active();
    match reply {
        Reply::ActionShown { action, .. } | Reply::ActionAdded { action, .. } if active(action) => {
            vec![
                Button::ActionDone(action.group, action.id),
                Button::ActionReport(action.group, action.id),
            ]
        }
        _ => Vec::new(),
    }
}

pub fn components(buttons: &[Button], lang: Lang) -> Vec<serenity::CreateActionRow> {
    if buttons.is_empty() {
        return Vec::new();
    }
    let made: Vec<serenity::CreateButton> = buttons
        .iter()
        .map(|b| match b {
            Button::ActionDone(group, id) => {
                serenity::CreateButton::new(super::custom_id::done(*group, *id))
                    .label(t!(lang, "discord-button-done"))
                    .style(serenity::ButtonStyle::Success)
            }
            Button::ActionReport(group, id) => {
                serenity::CreateButton::new(super::custom_id::report(*group, *id))
                    .label(t!(lang, "discord-button-report"))
                    .style(serenity::ButtonStyle::Secondary)
            }
            Button::NoticeAttend(group, meeting) => {
                serenity::CreateButton::new(super::custom_id::attend(*group, *meeting))
                    .label(t!(lang, "discord-button-attend"))
                    .style(serenity::ButtonStyle::Success)
            }
            Button::NoticeApologies(group, meeting) => {
                serenity::CreateButton::new(super::custom_id::apologies(*group, *meeting))
                    .label(t!(lang, "discord-button-apologies"))
                    .style(serenity::ButtonStyle::Secondary)
            }
            Button::FollowupAnswer {
                group,
                meeting,
                action,
                answer,
                lang,
            } => serenity::CreateButton::new(super::custom_id::followup_answer(
                *group, *meeting, *action, *answer,
            ))
            .label(t!(*lang, answer.fluent_id()))
            .style(match answer {
                crate::domain::followup::Answer::Done => serenity::ButtonStyle::Success,
                crate::domain::followup::Answer::OnTrack => serenity::ButtonStyle::Primary,
                crate::domain::followup::Answer::Delayed => serenity::ButtonStyle::Secondary,
                crate::domain::followup::Answer::NeedsHelp => serenity::ButtonStyle::Danger,
            }),
            Button::FollowupNote {
                group,
                meeting,
                action,
                lang,
            } => serenity::CreateButton::new(super::custom_id::followup_note(
                *group, *meeting, *action,
            ))
            .label(t!(*lang, "followup-button-note"))
            .style(serenity::ButtonStyle::Secondary),
        })
        .collect();
    // Discord takes at most five buttons a row (a follow-up question: one row per action).
    made.chunks(5)
        .map(|row| serenity::CreateActionRow::Buttons(row.to_vec()))
        .collect()
}

/// A rendered response: chunks of text, ephemeral or not, buttons for the last chunk and
/// files for the first.
pub struct Rendered {
    pub chunks: Vec<String>,
    pub ephemeral: bool,
    pub components: Vec<serenity::CreateActionRow>,
    pub attachments: Vec<serenity::CreateAttachment>,
}

pub fn render(response: &Response) -> Rendered {
    let text = match &response.outcome {
        // The service's wording names the console's `confirm:`; on Discord the option has a
        // localized name.
        Err(ServiceError::ConfirmationRequired { name }) => t!(
            response.lang,
            "discord-confirm-delete",
            name = Style::Discord.text(name)
        ),
        Ok(Reply::Export(_)) => format!(
            "{}\n{}",
            render::response(response, Style::Discord),
            t!(response.lang, "discord-export-attached")
        ),
        Ok(Reply::Calendar(_)) => format!(
            "{}\n{}",
            render::response(response, Style::Discord),
            t!(response.lang, "discord-ics-attached")
        ),
        Ok(Reply::Munis(m)) if matches!(**m, MunisReply::Export(_)) => format!(
            "{}\n{}",
            render::response(response, Style::Discord),
            t!(response.lang, "discord-export-attached")
        ),
        Ok(Reply::Record(r)) if matches!(**r, RecordReply::Minutes { .. }) => format!(
            "{}\n{}",
            render::response(response, Style::Discord),
            t!(response.lang, "minutes2-draft-attached")
        ),
        Ok(Reply::YearPlan(plan)) if !plan.is_empty() => format!(
            "{}\n{}",
            render::response(response, Style::Discord),
            t!(response.lang, "discord-plan-attached")
        ),
        _ => render::response(response, Style::Discord),
    };
    let (buttons, attachments) = match &response.outcome {
        Ok(Reply::YearPlan(plan)) => (Vec::new(), year_plan_file(plan, response.lang)),
        Ok(Reply::Export(export)) => (Vec::new(), export_files(response, export)),
        Ok(Reply::Calendar(cal)) => (
            Vec::new(),
            vec![serenity::CreateAttachment::bytes(
                crate::calendar::meetings_ics(cal, response.lang).into_bytes(),
                crate::calendar::file_name(cal),
            )],
        ),
        Ok(Reply::Munis(m)) => match &**m {
            MunisReply::Export(e) => (Vec::new(), municipality_export_files(response, e)),
            _ => (Vec::new(), Vec::new()),
        },
        Ok(Reply::Record(r)) if matches!(**r, RecordReply::Minutes { .. }) => {
            (Vec::new(), minutes_files(response, r))
        }
        Ok(reply) => (buttons_for(reply), Vec::new()),
        Err(_) => (Vec::new(), Vec::new()),
    };
    Rendered {
        chunks: split_message(&text, MESSAGE_LIMIT),
        ephemeral: response.visibility == Visibility::Ephemeral,
        components: components(&buttons, response.lang),
        attachments,
    }
}

/// The draft minutes as files (PDF/A and Markdown), for the ephemeral preview.
fn minutes_files(response: &Response, r: &RecordReply) -> Vec<serenity::CreateAttachment> {
    let RecordReply::Minutes { minutes, .. } = r else {
        return Vec::new();
    };
    crate::scheduler::minutes::files(minutes, response.lang, chrono::Utc::now())
        .into_iter()
        .map(|f| serenity::CreateAttachment::bytes(f.bytes, f.name))
        .collect()
}

/// The year plan as `arshjul-<year>.png`; none when there is nothing to draw.
pub fn year_plan_file(
    plan: &crate::yearplan::YearPlan,
    lang: Lang,
) -> Vec<serenity::CreateAttachment> {
    if plan.is_empty() {
        return Vec::new();
    }
    match crate::yearplan::png(plan, lang) {
        Ok(png) => vec![serenity::CreateAttachment::bytes(png, plan.file_name())],
        Err(e) => {
            tracing::error!(error = %e, "drawing the year plan failed");
            Vec::new()
        }
    }
}

/// A group's export as two files: `<group>-export.json` (the data, serialized) and
/// `<group>-export.md` (the same, readable, in the user's language).
pub fn export_files(response: &Response, export: &GroupExport) -> Vec<serenity::CreateAttachment> {
    let stem = file_stem(&export.group.name);
    let json = match serde_json::to_vec_pretty(export) {
        Ok(j) => j,
        Err(e) => {
            tracing::error!(error = %e, "serializing an export failed");
            Vec::new()
        }
    };
    let markdown = render::export_markdown(response.lang, response.tz, export);
    vec![
        serenity::CreateAttachment::bytes(json, format!("{stem}-export.json")),
        serenity::CreateAttachment::bytes(markdown.into_bytes(), format!("{stem}-export.md")),
    ]
}

/// A municipality's export as two files, `<municipality>-export.json` and `.md`.
pub fn municipality_export_files(
    response: &Response,
    export: &MunicipalityExport,
) -> Vec<serenity::CreateAttachment> {
    let stem = file_stem(&export.municipality.name);
    let json = match serde_json::to_vec_pretty(export) {
        Ok(j) => j,
        Err(e) => {
            tracing::error!(error = %e, "serializing an export failed");
            Vec::new()
        }
    };
    let markdown = render::munis::export_markdown(response.lang, response.tz, export);
    vec![
        serenity::CreateAttachment::bytes(json, format!("{stem}-export.json")),
        serenity::CreateAttachment::bytes(markdown.into_bytes(), format!("{stem}-export.md")),
    ]
}

/// A group name as a safe file name: lowercase ASCII letters and digits, `æ ø å` spelled
/// out, anything else a single `-`; at most 60 characters; `group` when nothing is left.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let piece = match c {
            'a'..='z' | '0'..='9' => c.to_string(),
            'æ' => "ae".into(),
            'ø' | 'ö' => "o".into(),
            'å' | 'ä' | 'á' | 'à' => "a".into(),
            'é' | 'è' => "e".into(),
            _ => "-".into(),
        };
        if piece == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(&piece);
    }
    let mut out: String = out.chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "group".into()
    } else {
        out
    }
}

/// An ephemeral line of adapter text (no service involved).
pub fn notice(text: String) -> Rendered {
    Rendered {
        chunks: vec![text],
        ephemeral: true,
        components: Vec::new(),
        attachments: Vec::new(),
    }
}

/// The workspace, actor and language fallback of an application command.
pub(crate) struct Asking {
    pub ws: WorkspaceId,
    pub actor: Actor,
}

/// Work out who asks, or `Err(text)` with an ephemeral explanation. Nothing is read
/// here: the language is settled where the group or workspace is known (see
/// [`crate::domain::Locale`]).
pub(crate) fn asking(
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
    member: Option<&serenity::Member>,
    channel: serenity::ChannelId,
    locale: &str,
) -> Result<Asking, String> {
    let Some(guild) = guild else {
        return Err(t!(
            Lang::from_locale(locale, Lang::Nb),
            "discord-guild-only"
        ));
    };
    Ok(Asking {
        ws: WorkspaceId(guild.get()),
        actor: identity::actor(user, member, channel, locale),
    })
}

/// The language of the user's client, before any group or workspace is known.
pub fn lang_of(ctx: Ctx<'_>) -> Lang {
    Lang::from_locale(ctx.locale().unwrap_or(""), Lang::Nb)
}

/// Run `cmd` for the interaction behind `ctx` and reply.
pub async fn execute(ctx: Ctx<'_>, cmd: Command) -> Result<(), Error> {
    let rendered = run(ctx, cmd).await;
    send(ctx, rendered).await?;
    delivery_notice(ctx).await
}

/// Messages the bot could not deliver, told once to a coordinator: an ephemeral follow-up
/// after their command's reply.
async fn delivery_notice(ctx: Ctx<'_>) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    let i = app.interaction;
    let Ok(who) = asking(
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    ) else {
        return Ok(());
    };
    let notice = match ctx.data().service.delivery_notice(&who.actor, who.ws).await {
        Ok(Some(n)) => n,
        Ok(None) => return Ok(()),
        Err(e) => {
            tracing::warn!(error = %e, "reading failed deliveries");
            return Ok(());
        }
    };
    let text = crate::scheduler::messages::failures_notice(
        notice.lang,
        notice.tz,
        Style::Discord,
        &notice.failures,
    );
    let r = Rendered {
        chunks: split_message(&text, MESSAGE_LIMIT),
        ephemeral: true,
        components: Vec::new(),
        attachments: Vec::new(),
    };
    send(ctx, r).await
}

async fn run(ctx: Ctx<'_>, cmd: Command) -> Rendered {
    let data = ctx.data();
    let lang = Lang::from_locale(ctx.locale().unwrap_or(""), Lang::Nb);
    // Held until the reply is sent: shutdown waits for it.
    let Some(_permit) = data.gate.enter() else {
        return notice(t!(lang, "discord-shutting-down"));
    };
    let poise::Context::Application(app) = ctx else {
        return notice(t!(lang, "discord-failed"));
    };
    let i = app.interaction;
    let who = asking(
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    );
    match who {
        Err(text) => notice(text),
        Ok(who) => render(&data.service.execute(&who.actor, who.ws, cmd).await),
    }
}

/// Send a rendered reply as the interaction response (and follow-ups for long text).
/// Files go with the first message, buttons with the last.
pub async fn send(ctx: Ctx<'_>, r: Rendered) -> Result<(), Error> {
    let last = r.chunks.len().saturating_sub(1);
    let mut attachments = Some(r.attachments);
    for (n, chunk) in r.chunks.into_iter().enumerate() {
        let mut reply = poise::CreateReply::default()
            .content(chunk)
            .ephemeral(r.ephemeral)
            .allowed_mentions(no_mentions());
        for file in attachments.take().into_iter().flatten() {
            reply = reply.attachment(file);
        }
        if n == last && !r.components.is_empty() {
            reply = reply.components(r.components.clone());
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

/// `/agenda add` without a title: answer with a form (modal) for title and long details.
/// The group and meeting travel in the modal's custom id.
pub async fn open_agenda_modal(
    ctx: Ctx<'_>,
    group: &str,
    meeting: Option<MeetingId>,
) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    let data = ctx.data();
    let i = app.interaction;
    let who = asking(
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    );
    let who = match who {
        Ok(w) => w,
        Err(text) => return send(ctx, notice(text)).await,
    };
    let found = data
        .service
        .suggest(
            &who.actor,
            who.ws,
            crate::service::Suggest::Groups,
            None,
            "",
        )
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|s| {
            crate::domain::Group::name_key(&s.label) == crate::domain::Group::name_key(group)
        });
    let Some(found) = found else {
        // Let the service explain (unknown group), in the usual words.
        let cmd = Command::AgendaAdd {
            group: group.into(),
            title: String::new(),
            details: None,
            meeting,
        };
        return execute(ctx, cmd).await;
    };
    let lang = who.actor.lang_in(
        data.service
            .workspace_language(who.ws)
            .await
            .unwrap_or_default(),
    );
    let modal = agenda_modal(lang, GroupId(found.id), meeting);
    i.create_response(ctx, serenity::CreateInteractionResponse::Modal(modal))
        .await?;
    Ok(())
}

/// `/agenda decide id:` without a decision or notes: the form for long text. Responsible and
/// deadline given as options fill its fields in advance. Permission is the command's own,
/// checked when the form is submitted.
pub async fn open_decide_modal(
    ctx: Ctx<'_>,
    item: crate::domain::AgendaItemId,
    responsible: Option<String>,
    due: Option<String>,
) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    let data = ctx.data();
    let i = app.interaction;
    let who = asking(
        i.guild_id,
        i.user.id,
        i.member.as_deref(),
        i.channel_id,
        &i.locale,
    );
    let who = match who {
        Ok(w) => w,
        Err(text) => return send(ctx, notice(text)).await,
    };
    // May this actor record the case? Asked without text, the service checks permission
    // and the case first and answers "nothing to change" only to someone who may: anyone
    // else gets the refusal now, before typing a long text into a form.
    let probe = Command::AgendaDecide {
        id: item,
        decision: None,
        notes: None,
        responsible: None,
        due: None,
    };
    let response = data.service.execute(&who.actor, who.ws, probe).await;
    if !matches!(response.outcome, Err(ServiceError::NothingToChange)) {
        return send(ctx, render(&response)).await;
    }
    let lang = response.lang;
    let modal = decide_modal(lang, item, responsible, due);
    i.create_response(ctx, serenity::CreateInteractionResponse::Modal(modal))
        .await?;
    Ok(())
}

/// The decision form: decision and discussion as paragraphs (the domain's limits), who
/// follows up and by when.
pub fn decide_modal(
    lang: Lang,
    item: crate::domain::AgendaItemId,
    responsible: Option<String>,
    due: Option<String>,
) -> serenity::CreateModal {
    let paragraph = |label: &str, id: &str| {
        serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, t!(lang, label), id)
            .max_length(Field::Details.max_len() as u16)
            .required(false)
    };
    let mut responsible_input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        t!(lang, "minutes2-modal-responsible"),
        "responsible",
    )
    .max_length(Field::Agency.max_len() as u16)
    .required(false);
    if let Some(r) = responsible {
        responsible_input = responsible_input.value(r);
    }
    let mut due_input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        t!(lang, "minutes2-modal-due"),
        "due",
    )
    .max_length(crate::service::spec::WHEN_MAX as u16)
    .required(false);
    if let Some(d) = due {
        due_input = due_input.value(d);
    }
    serenity::CreateModal::new(
        super::custom_id::decide_modal(item),
        t!(lang, "minutes2-modal-title"),
    )
    .components(vec![
        serenity::CreateActionRow::InputText(paragraph("minutes2-modal-decision", "decision")),
        serenity::CreateActionRow::InputText(paragraph("minutes2-modal-notes", "notes")),
        serenity::CreateActionRow::InputText(responsible_input),
        serenity::CreateActionRow::InputText(due_input),
    ])
}

pub fn agenda_modal(
    lang: Lang,
    group: GroupId,
    meeting: Option<MeetingId>,
) -> serenity::CreateModal {
    let title = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        t!(lang, "discord-modal-item-title"),
        "title",
    )
    .max_length(Field::Title.max_len() as u16)
    .required(true);
    let details = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        t!(lang, "discord-modal-item-details"),
        "details",
    )
    .max_length(Field::Details.max_len() as u16)
    .required(false);
    serenity::CreateModal::new(
        super::custom_id::agenda_modal(group, meeting),
        t!(lang, "discord-modal-agenda"),
    )
    .components(vec![
        serenity::CreateActionRow::InputText(title),
        serenity::CreateActionRow::InputText(details),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_ascii() {
        // (name, the stem's words between `-`)
        let table: &[(&str, &[&str])] = &[
            ("Koordineringsgruppa", &["koordineringsgruppa"]),
            ("Styringsgruppa SLT Ås", &["styringsgruppa", "slt", "as"]),
            (
                "Rus & psykisk helse / Bærum",
                &["rus", "psykisk", "helse", "baerum"],
            ),
            (
                "Tverrfaglig <@&10> **team**",
                &["tverrfaglig", "10", "team"],
            ),
            ("../../etc/passwd", &["etc", "passwd"]),
            ("Økonomi-gruppa 2027", &["okonomi", "gruppa", "2027"]),
            ("???", &["group"]),
            ("", &["group"]),
        ];
        for (name, want) in table {
            let stem = file_stem(name);
            assert_eq!(stem.split('-').collect::<Vec<_>>(), *want, "{name}");
        }
        assert_eq!(file_stem(&"x".repeat(300)).len(), 60);
    }
}
