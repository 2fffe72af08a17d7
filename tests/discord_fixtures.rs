//! Every fixture the fake sends or answers with must deserialize with serenity's own model
//! (the "silent drop" trap: a dispatch missing a field becomes `Event::Unknown`).

mod support;

use poise::serenity_prelude as serenity;
use serde_json::{json, Value};
use serenity::{Event, GatewayEvent, Interaction};
use support::fake_discord;
use support::fake_discord::fixtures::{self, Actor, FixtureEnv, InteractionFixture, OptionValue};
use support::fake_discord::FakeDiscordOptions;

fn env<'a>(opts: &'a FakeDiscordOptions) -> FixtureEnv<'a> {
    FixtureEnv {
        application_id: opts.application_id,
        interaction_id: 1_300_000_000_000_000_101,
        token: "tok",
        command_id: 1_300_000_000_000_000_102,
        guild: opts.guild.as_ref(),
        default_actor: &opts.default_actor,
        default_locale: &opts.default_locale,
        bot: &opts.bot,
        synthesized_message_id: 1_300_000_000_000_000_103,
        dm_channel_id: 1_300_000_000_000_000_104,
    }
}

/// Deserializes a dispatch frame exactly as serenity's gateway does.
fn dispatch(t: &str, d: Value) -> Event {
    let frame = json!({"op": 0, "s": 1, "t": t, "d": d}).to_string();
    match serde_json::from_str::<GatewayEvent>(&frame) {
        Ok(GatewayEvent::Dispatch(1, event)) => event,
        other => panic!("{t}: not a dispatch: {other:?}"),
    }
}

fn interaction(fixture: &InteractionFixture) -> Interaction {
    let opts = FakeDiscordOptions::default();
    match dispatch("INTERACTION_CREATE", fixture.to_json(&env(&opts))) {
        Event::InteractionCreate(ev) => ev.interaction,
        other => panic!("silently dropped: {fixture:?} became {other:?}"),
    }
}

#[test]
fn interaction_fixtures_are_proper_interactions() {
    let kari = Actor::new(fake_discord::KARI_USER_ID, "kari");
    let cases: Vec<(&str, InteractionFixture, &str)> = vec![
        (
            "plain slash",
            InteractionFixture::slash("status"),
            "command",
        ),
        (
            "subcommand + options",
            InteractionFixture::slash("agenda")
                .subcommand("add")
                .string("title", "Skolevegring")
                .integer("minutes", 15)
                .boolean("urgent", true)
                .option("weight", OptionValue::Number(1.5))
                .option("owner", OptionValue::User(fake_discord::OLA_USER_ID))
                .option(
                    "channel",
                    OptionValue::Channel(fake_discord::DIGEST_CHANNEL_ID),
                )
                .option("role", OptionValue::Role(fake_discord::MEMBER_ROLE_ID)),
            "command",
        ),
        (
            "group + subcommand",
            InteractionFixture::slash("config")
                .subcommand_group("cadence")
                .subcommand("set")
                .string("preset", "weekly"),
            "command",
        ),
        (
            "dm",
            InteractionFixture::slash("help")
                .in_dm()
                .by(&kari)
                .locale("en-US"),
            "command",
        ),
        (
            "autocomplete",
            InteractionFixture::autocomplete("agenda")
                .subcommand("add")
                .focused("group", "sk"),
            "autocomplete",
        ),
        (
            "autocomplete integer",
            InteractionFixture::autocomplete("meeting").focused_with_type("number", 4, "1"),
            "autocomplete",
        ),
        ("button", InteractionFixture::button("done:42"), "component"),
        (
            "string select",
            InteractionFixture::string_select("pick", &["a", "b"]),
            "component",
        ),
        (
            "modal",
            InteractionFixture::modal_submit("modal-1")
                .text_input("note", "tekst")
                .text_input("other", ""),
            "modal",
        ),
    ];
    for (name, fixture, expected) in cases {
        let got = interaction(&fixture);
        let kind = match &got {
            Interaction::Command(_) => "command",
            Interaction::Autocomplete(_) => "autocomplete",
            Interaction::Component(_) => "component",
            Interaction::Modal(_) => "modal",
            _ => "other",
        };
        assert_eq!(kind, expected, "{name}");
    }
}

#[test]
fn interaction_fixture_contents_survive_deserialization() {
    let fixture = InteractionFixture::slash("agenda")
        .subcommand("add")
        .string("title", "Skolevegring")
        .option("owner", OptionValue::User(fake_discord::OLA_USER_ID));
    let Interaction::Command(cmd) = interaction(&fixture) else {
        panic!("not a command")
    };
    assert_eq!(cmd.data.name, "agenda");
    assert_eq!(cmd.guild_id.map(|g| g.get()), Some(fake_discord::GUILD_ID));
    assert_eq!(
        cmd.user.id.get(),
        fake_discord::KARI_USER_ID,
        "user filled from member"
    );
    let member = cmd.member.as_ref().expect("member");
    assert!(member
        .roles
        .iter()
        .any(|r| r.get() == fake_discord::COORDINATOR_ROLE_ID));
    let sub = &cmd.data.options()[0];
    assert_eq!(sub.name, "add");
    let serenity::ResolvedValue::SubCommand(opts) = &sub.value else {
        panic!("not a subcommand: {sub:?}")
    };
    assert!(matches!(
        opts[0].value,
        serenity::ResolvedValue::String("Skolevegring")
    ));
    assert!(matches!(opts[1].value, serenity::ResolvedValue::User(u, Some(_)) if u.name == "ola"));

    let Interaction::Autocomplete(ac) = interaction(
        &InteractionFixture::autocomplete("agenda")
            .subcommand("add")
            .focused("group", "sk"),
    ) else {
        panic!("not autocomplete")
    };
    let focused = ac.data.autocomplete().expect("focused option");
    assert_eq!((focused.name, focused.value), ("group", "sk"));

    let Interaction::Modal(modal) =
        interaction(&InteractionFixture::modal_submit("m").text_input("note", "hei"))
    else {
        panic!("not a modal")
    };
    assert_eq!(modal.data.custom_id, "m");
    let serenity::ActionRowComponent::InputText(input) = &modal.data.components[0].components[0]
    else {
        panic!("not a text input")
    };
    assert_eq!(
        (input.custom_id.as_str(), input.value.as_deref()),
        ("note", Some("hei"))
    );

    let Interaction::Component(button) = interaction(&InteractionFixture::button("done:42")) else {
        panic!("not a component")
    };
    assert_eq!(button.data.custom_id, "done:42");
    assert_eq!(button.message.author.id.get(), fake_discord::BOT_USER_ID);
}

#[test]
fn gateway_fixtures_are_known_events() {
    let opts = FakeDiscordOptions::default();
    let guild = opts.guild.as_ref().unwrap();
    match dispatch(
        "READY",
        fixtures::ready_json(
            opts.application_id,
            &opts.bot,
            &[guild.id],
            "s1",
            "ws://127.0.0.1:1",
        ),
    ) {
        Event::Ready(r) => {
            assert_eq!(r.ready.session_id, "s1");
            assert_eq!(r.ready.application.id.get(), opts.application_id);
        }
        other => panic!("READY dropped: {other:?}"),
    }
    match dispatch(
        "GUILD_CREATE",
        fixtures::guild_create_json(guild, &opts.bot),
    ) {
        Event::GuildCreate(g) => {
            assert_eq!(g.guild.channels.len(), 2);
            assert_eq!(g.guild.roles.len(), 3);
            assert_eq!(g.guild.members.len(), 3);
        }
        other => panic!("GUILD_CREATE dropped: {other:?}"),
    }
    assert!(matches!(dispatch("RESUMED", json!({})), Event::Resumed(_)));
}

#[test]
fn rest_fixtures_deserialize_as_serenity_models() {
    let opts = FakeDiscordOptions::default();
    let body = json!({
        "content": "hei",
        "components": [{"type": 1, "components": [{"type": 2, "style": 1, "label": "OK", "custom_id": "ok"}]}],
        "embeds": [{"title": "Ukens oversikt", "description": "x", "fields": [{"name": "a", "value": "b", "inline": false}]}],
    });
    let msg: serenity::Message = serde_json::from_value(fixtures::message_json(
        5,
        fake_discord::GENERAL_CHANNEL_ID,
        Some(fake_discord::GUILD_ID),
        &opts.bot,
        &body,
    ))
    .expect("Message");
    assert_eq!(msg.content, "hei");
    assert_eq!(msg.components.len(), 1);
    assert_eq!(msg.embeds[0].title.as_deref(), Some("Ukens oversikt"));
    let cases = [
        (
            fake_discord::fixtures::InteractionFixture::slash("agenda"),
            2,
        ),
        (fake_discord::fixtures::InteractionFixture::button("b"), 3),
        (
            fake_discord::fixtures::InteractionFixture::modal_submit("m"),
            5,
        ),
        (
            fake_discord::fixtures::InteractionFixture::slash("dm").in_dm(),
            2,
        ),
    ];
    for (fixture, kind) in cases {
        let payload = fixture.to_json(&env(&opts));
        let reply = fixtures::interaction_response_message_json(6, &payload, &opts.bot, &body);
        let msg: serenity::Message =
            serde_json::from_value(reply).unwrap_or_else(|e| panic!("{fixture:?}: {e}"));
        let meta = msg.interaction_metadata.expect("interaction_metadata");
        let ok = match *meta {
            serenity::MessageInteractionMetadata::Command(c) => {
                kind == 2 && c.user.id.get() == opts.default_actor.user_id
            }
            serenity::MessageInteractionMetadata::Component(_) => kind == 3,
            serenity::MessageInteractionMetadata::ModalSubmit(_) => kind == 5,
            _ => false,
        };
        assert!(ok, "{fixture:?}");
    }
    let app: serenity::CurrentApplicationInfo = serde_json::from_value(fixtures::application_json(
        opts.application_id,
        &opts.bot,
        &opts.owner,
    ))
    .expect("application");
    assert_eq!(app.owner.map(|o| o.id.get()), Some(opts.owner.user_id));
    let me: serenity::CurrentUser =
        serde_json::from_value(fixtures::current_user_json(&opts.bot)).expect("current user");
    assert!(me.bot);
    let cmd_body = json!({"name": "agenda", "description": "d", "type": 1, "options": [{"type": 1, "name": "add", "description": "a", "options": [{"type": 3, "name": "title", "description": "t", "required": true}]}]});
    let cmd: serenity::Command = serde_json::from_value(fixtures::command_json(
        7,
        opts.application_id,
        None,
        &cmd_body,
    ))
    .expect("Command");
    assert_eq!(cmd.options[0].options[0].name, "title");
    let guild = opts.guild.as_ref().unwrap();
    let ch: serenity::Channel = serde_json::from_value(fixtures::guild_channel_json(
        guild.id,
        &guild.channels[0],
        0,
    ))
    .expect("channel");
    assert!(matches!(ch, serenity::Channel::Guild(_)));
    let dm: serenity::Channel =
        serde_json::from_value(fixtures::dm_channel_json(9, &opts.default_actor)).expect("dm");
    assert!(matches!(dm, serenity::Channel::Private(_)));
    let mut member: serenity::Member =
        serde_json::from_value(fixtures::member_json(&opts.default_actor)).expect("member");
    member.guild_id = serenity::GuildId::new(guild.id);
    assert_eq!(member.user.name, "kari");
}

#[test]
fn validator_accepts_and_rejects_by_the_spec() {
    let spec = fake_discord::openapi::OpenApi::load();
    let post = ("post", "/channels/{channel_id}/messages");
    let cases = [
        (json!({"content": "hei"}), true),
        // The spec allows 4000 characters (serenity itself refuses more than 2000).
        (json!({"content": "x".repeat(4000)}), true),
        (json!({"content": "x".repeat(4001)}), false),
        (json!({"content": 5}), false),
        (json!({"content": "a", "sticker_ids": ["123"]}), true),
        (json!({"content": "a", "sticker_ids": ["0123"]}), false),
        (json!({"content": "a", "flags": 4096}), true),
        (json!({"content": "a", "flags": 1.5}), false),
        (
            json!({"content": "a", "allowed_mentions": {"parse": ["users"], "users": ["1"]}}),
            true,
        ),
        (
            json!({"content": "a", "allowed_mentions": {"parse": ["nobody"]}}),
            false,
        ),
    ];
    for (body, ok) in cases {
        let res = spec.validate_request(post.0, post.1, &body);
        assert_eq!(res.is_ok(), ok, "{body}: {res:?}");
    }
    let callback = (
        "post",
        "/interactions/{interaction_id}/{interaction_token}/callback",
    );
    let cases = [
        (
            json!({"type": 4, "data": {"content": "hei", "flags": 64}}),
            true,
        ),
        (json!({"type": 5}), true),
        (
            json!({"type": 8, "data": {"choices": [{"name": "a", "value": "a"}]}}),
            true,
        ),
        (json!({"type": 42}), false),
        (
            json!({"type": 4, "data": {"content": "x".repeat(4001)}}),
            false,
        ),
        (json!({"data": {"content": "hei"}}), false),
    ];
    for (body, ok) in cases {
        let res = spec.validate_request(callback.0, callback.1, &body);
        assert_eq!(res.is_ok(), ok, "{body}: {res:?}");
    }
    let put = ("put", "/applications/{application_id}/commands");
    let cases = [
        (
            json!([{"name": "agenda", "description": "d", "default_member_permissions": "32"}]),
            true,
        ),
        (
            json!([{"name": "agenda", "description": "d", "default_member_permissions": 32}]),
            true,
        ),
        (
            json!([{"name": "agenda", "description": "d", "default_member_permissions": "-1"}]),
            false,
        ),
        (
            json!([{"name": "agenda", "description": "d", "default_member_permissions": "x"}]),
            false,
        ),
        (
            json!([{"name": "agenda", "description": "d".repeat(101)}]),
            false,
        ),
        (json!([{"name": "", "description": "d"}]), false),
        (json!([{"description": "d"}]), false),
        (
            json!([{"name": "agenda", "description": "d", "name_localizations": {"no": "agenda", "en-US": "agenda"}}]),
            true,
        ),
        // Discord has one Norwegian locale, `no`; `nb`/`nn` keys are refused.
        (
            json!([{"name": "agenda", "description": "d", "description_localizations": {"nb": "x"}}]),
            false,
        ),
        (
            json!([{"name": "a", "description": "d", "options": [{"type": 3, "name": "t", "description": "d", "name_localizations": {"nn": "x"}}]}]),
            false,
        ),
    ];
    for (body, ok) in cases {
        let res = spec.validate_request(put.0, put.1, &body);
        assert_eq!(res.is_ok(), ok, "{body}: {res:?}");
    }
    assert!(spec.has_operation("put", "/applications/{application_id}/commands"));
    for route in fake_discord::Route::ALL {
        assert!(
            spec.has_operation(&route.method().to_ascii_lowercase(), route.template()),
            "{route:?} not in subset"
        );
    }
}

#[test]
fn routes_match_paths() {
    use fake_discord::Route;
    let cases = [
        ("GET", "/gateway", Some(Route::GetGateway)),
        ("GET", "/gateway/bot", Some(Route::GetGatewayBot)),
        (
            "PATCH",
            "/webhooks/1/tok/messages/@original",
            Some(Route::EditOriginalResponse),
        ),
        (
            "PATCH",
            "/webhooks/1/tok/messages/2",
            Some(Route::EditWebhookMessage),
        ),
        ("POST", "/channels/12/messages", Some(Route::CreateMessage)),
        ("POST", "/channels/abc/messages", None),
        ("GET", "/channels/12/messages", None),
        (
            "POST",
            "/interactions/5/tok-en/callback",
            Some(Route::InteractionCallback),
        ),
    ];
    for (method, path, want) in cases {
        assert_eq!(
            Route::find(method, path).map(|(r, _)| r),
            want,
            "{method} {path}"
        );
    }
}

#[test]
fn stored_messages_report_only_the_pings_allowed_mentions_let_through() {
    let content = "<@&10> og <@&11> <@&10> @everyone <@&x> <@&12";
    // (allowed_mentions, mention_roles, mention_everyone)
    let table = [
        (Value::Null, vec!["10", "11"], true),
        (json!({"parse": []}), vec![], false),
        (json!({"parse": [], "roles": ["10"]}), vec!["10"], false),
        (json!({"parse": ["roles"]}), vec!["10", "11"], false),
        (json!({"parse": ["everyone"]}), vec![], true),
    ];
    for (allowed, roles, everyone) in table {
        let allowed_opt = (!allowed.is_null()).then_some(&allowed);
        assert_eq!(
            fixtures::pinged(content, allowed_opt),
            (roles.iter().map(|r| r.to_string()).collect(), everyone),
            "{allowed}"
        );
    }
    let msg = fixtures::message_json(
        1,
        2,
        None,
        &Actor::new(3, "bot"),
        &json!({"content": content, "allowed_mentions": {"parse": [], "roles": ["11"]}, "nonce": "n1p0"}),
    );
    assert_eq!(msg["mention_roles"], json!(["11"]));
    assert_eq!(msg["mention_everyone"], false);
    assert_eq!(msg["nonce"], "n1p0");
    let parsed: serenity::Message = serde_json::from_value(msg).expect("a serenity Message");
    assert_eq!(parsed.mention_roles, [serenity::RoleId::new(11)]);
}
