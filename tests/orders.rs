//! Orders between bodies (issue 12, item 1) and `/overview` (item 3), through the console
//! on a real SQLite file with a settable clock and the real scheduler: an order from the
//! styringsgruppe lands on the koordineringsgruppe's next case list as a *bestilling*, is
//! posted to its channel pinging its coordinator role and nobody else, is answered, and the
//! answer lands on the styringsgruppe's next case list and in its channel; an overdue order
//! is pinged; the overview shows it all.

mod support;

use sltbot::console::Session;
use sltbot::domain::{Lang, RoleId, UserId};
use sltbot::notify::{Outbound, Ping};
use sltbot::service::Actor;
use support::sched::*;

/// Koordineringsgruppa: channel 100, roles 10/11. Styringsgruppa: channel 200, roles 20/21.
const ST_COORD: u64 = 21_000;
const KO_COORD: u64 = 11_000;

fn actor(user: u64, roles: &[RoleId], channel: u64) -> Actor {
    Actor {
        user: UserId(user),
        roles: roles.to_vec(),
        is_admin: false,
        channel: Some(sltbot::domain::ChannelId(channel)),
        locale: None,
    }
}

async fn line(env: &Env, who: &Actor, text: &str) -> (bool, String) {
    let session = Session {
        service: env.service.clone(),
        actor: who.clone(),
        workspace: WS,
        lang: Lang::Nb,
        export_dir: env.dir.path().to_path_buf(),
    };
    session.line(text).await.expect("a command line")
}

async fn ok(env: &Env, who: &Actor, text: &str) -> String {
    let (ok, out) = line(env, who, text).await;
    assert!(ok, "{text}\n→ {out}");
    out
}

fn st_coord() -> Actor {
    actor(ST_COORD, &[OTHER_COORD_ROLE], OTHER_CHANNEL.0)
}

fn ko_coord() -> Actor {
    actor(KO_COORD, &[COORD_ROLE], GROUP_CHANNEL.0)
}

/// Two bodies with a meeting each; the clock on Monday 04.01.2027 10.00 in Oslo.
async fn setup() -> Env {
    let env = Env::new("2027-01-04T09:00:00Z").await;
    env.ok("/group create name:Styringsgruppa level:styrende channel:200 coordinator_role:20 member_role:21")
        .await;
    env.ok("/group create name:Koordineringsgruppa level:koordinerende channel:100 coordinator_role:10 member_role:11")
        .await;
    env.ok("/meeting add group:Koordineringsgruppa at:\"19.01.2027 kl. 09.00\"")
        .await;
    env.ok("/meeting add group:Styringsgruppa at:\"26.01.2027 kl. 12.00\"")
        .await;
    env
}

async fn meeting_of(env: &Env, group: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id
         WHERE g.name = ? ORDER BY m.starts_at LIMIT 1",
    )
    .bind(group)
    .fetch_one(env.service.store().pool())
    .await
    .expect("a meeting")
}

/// Messages the scheduler sent about orders (not meeting reminders, whose case lists
/// show the orders' cases too).
fn order_messages(env: &Env) -> Vec<Outbound> {
    env.outbox
        .messages()
        .into_iter()
        .filter(|m| m.content.contains("estilling") && !m.content.contains("Påminnelse"))
        // The meetings' notices and final lists name the standing case "… og bestillinger".
        .filter(|m| !m.content.starts_with("Innkalling") && !m.content.starts_with("Endelig"))
        // The follow-up round's question to the receiving body names its open orders.
        .filter(|m| !m.content.contains("> Oppfølging før møtet"))
        .collect()
}

#[tokio::test]
async fn an_order_goes_down_is_answered_and_the_answer_comes_back_up() {
    let env = setup().await;
    let ko_meeting = meeting_of(&env, "Koordineringsgruppa").await;
    let st_meeting = meeting_of(&env, "Styringsgruppa").await;

    let out = ok(
        &env,
        &st_coord(),
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken i sentrum\" due:15.01.2027",
    )
    .await;
    assert!(
        out.contains("Bestilling 1 sendt til Koordineringsgruppa"),
        "{out}"
    );
    assert!(out.contains("19.01.2027"), "{out}");

    // On the receiving body's next case list, typed bestilling, numbered after the
    // standing items.
    let list = ok(
        &env,
        &ko_coord(),
        &format!("/meeting agenda id:{ko_meeting}"),
    )
    .await;
    assert!(
        list.contains("Bestilling 1 fra Styringsgruppa: Kartlegg rusbruken i sentrum (bestilling)"),
        "{list}"
    );

    // Posted through the outbox to the koordineringsgruppe's channel, pinging only its
    // coordinator role.
    let s = env.scheduler();
    s.tick(sltbot::clock::Clock::now(&env.clock))
        .await
        .expect("tick");
    let sent = order_messages(&env);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].channel, GROUP_CHANNEL);
    assert_eq!(sent[0].ping, Ping::Role(COORD_ROLE));
    assert!(sent[0].content.contains("Kartlegg rusbruken i sentrum"));
    assert!(sent[0].content.contains("15.01.2027"));
    // A second tick sends nothing again.
    s.tick(sltbot::clock::Clock::now(&env.clock))
        .await
        .expect("tick");
    assert_eq!(order_messages(&env).len(), 1);

    // The ordering body cannot answer its own order; an outsider does not see it.
    let (refused, text) = line(
        &env,
        &st_coord(),
        "/order reply id:1 status:done text:\"Ferdig\"",
    )
    .await;
    assert!(!refused && text.contains("koordinator"), "{text}");
    let (found, text) = line(&env, &actor(66, &[], 999), "/order show id:1").await;
    assert!(!found, "{text}");
    assert!(text.contains("Fant ingen bestilling 1"), "{text}");
    let (_, unknown) = line(&env, &actor(66, &[], 999), "/order show id:77").await;
    assert_eq!(
        text.replace('1', "77"),
        unknown,
        "a hidden order reads as one never made"
    );

    let out = ok(
        &env,
        &ko_coord(),
        "/order reply id:1 status:accepted text:\"Vi tar den, politiet leder arbeidet\"",
    )
    .await;
    assert!(out.contains("akseptert"), "{out}");
    assert!(out.contains("26.01.2027"), "{out}");

    // The answer on the ordering body's next case list as an orienteringssak…
    let list = ok(
        &env,
        &st_coord(),
        &format!("/meeting agenda id:{st_meeting}"),
    )
    .await;
    assert!(
        list.contains("Svar på bestilling 1: Kartlegg rusbruken i sentrum (orienteringssak)"),
        "{list}"
    );
    // … and in its channel, pinging its coordinator role only.
    s.tick(sltbot::clock::Clock::now(&env.clock))
        .await
        .expect("tick");
    let sent = order_messages(&env);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[1].channel, OTHER_CHANNEL);
    assert_eq!(sent[1].ping, Ping::Role(OTHER_COORD_ROLE));
    assert!(
        sent[1].content.contains("Vi tar den"),
        "{}",
        sent[1].content
    );

    // The history, seen by a member of either body.
    let shown = ok(
        &env,
        &actor(5, &[OTHER_MEMBER_ROLE], OTHER_CHANNEL.0),
        "/order show id:1",
    )
    .await;
    assert!(
        shown.contains("sendte den fra Styringsgruppa til Koordineringsgruppa"),
        "{shown}"
    );
    assert!(shown.contains("svarte akseptert: Vi tar den"), "{shown}");

    // The audit trail has both changes on both bodies, without the text.
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT action, after FROM audit_log WHERE entity = 'order' ORDER BY id")
            .fetch_all(env.service.store().pool())
            .await
            .expect("audit");
    let actions: Vec<&str> = rows.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        ["order.add", "order.add", "order.reply", "order.reply"]
    );
    for (_, after) in &rows {
        let after = after.as_deref().unwrap_or_default();
        assert!(!after.contains("Kartlegg"), "{after}");
    }
}

#[tokio::test]
async fn an_overdue_order_is_pinged_the_day_after_and_weekly_until_answered() {
    let env = setup().await;
    ok(
        &env,
        &st_coord(),
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Lag en plan\" due:06.01.2027",
    )
    .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-07T07:59:00Z")).await;
    assert_eq!(
        order_messages(&env).len(),
        1,
        "only the order itself so far"
    );
    // 07.01.2027 09.00 in Oslo.
    env.run_until(&s, at("2027-01-07T08:01:00Z")).await;
    let sent = order_messages(&env);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[1].channel, GROUP_CHANNEL);
    assert_eq!(sent[1].ping, Ping::Role(COORD_ROLE));
    assert!(
        sent[1].content.contains("hadde frist 06.01.2027"),
        "{}",
        sent[1].content
    );

    // The overview shows it overdue to the receiver and open to the sender.
    let ko = ok(&env, &ko_coord(), "/overview").await;
    assert!(
        ko.contains("Bestillinger inn: 1 åpen, 1 over fristen"),
        "{ko}"
    );
    let st = ok(&env, &st_coord(), "/overview").await;
    assert!(st.contains("Bestillinger ut: 1 åpen"), "{st}");
    assert!(
        !st.contains("Koordineringsgruppa\nNeste"),
        "only the body they coordinate: {st}"
    );

    env.run_until(&s, at("2027-01-14T08:01:00Z")).await;
    let sent = order_messages(&env);
    assert_eq!(sent.len(), 3, "a week later: again");
    assert!(
        sent[2].content.contains("Fortsatt over fristen"),
        "{}",
        sent[2].content
    );
    // The weekly digest counts it under the receiving body, and only while it is open.
    let overdue = |day: &str| {
        let pool = env.service.store().pool().clone();
        let day: chrono::NaiveDate = day.parse().unwrap();
        async move {
            let mut conn = pool.acquire().await.unwrap();
            sltbot::store::orders::overdue_per_receiver(&mut conn, WS, day)
                .await
                .unwrap()
        }
    };
    assert!(
        overdue("2027-01-06").await.is_empty(),
        "not before its due date"
    );
    assert_eq!(
        overdue("2027-01-14").await,
        [sltbot::store::orders::OverdueOrders {
            group_name: "Koordineringsgruppa".into(),
            count: 1
        }]
    );

    ok(
        &env,
        &ko_coord(),
        "/order reply id:1 status:done text:\"Planen er laget\"",
    )
    .await;
    env.run_until(&s, at("2027-01-28T09:00:00Z")).await;
    let sent = order_messages(&env);
    // The answer went up; no more overdue pings.
    assert_eq!(sent.len(), 4, "{sent:?}");
    assert_eq!(sent[3].channel, OTHER_CHANNEL);
    assert!(
        overdue("2027-01-28").await.is_empty(),
        "answered: no longer overdue"
    );
    let (open, text) = line(
        &env,
        &ko_coord(),
        "/order reply id:1 status:accepted text:\"Likevel\"",
    )
    .await;
    assert!(!open && text.contains("står som utført"), "{text}");
}

#[tokio::test]
async fn an_order_to_a_body_without_a_meeting_waits_for_its_next_meeting() {
    let env = setup().await;
    env.ok("/group create name:Ungdomsteamet level:utforende channel:400 coordinator_role:40 member_role:41")
        .await;
    let out = ok(
        &env,
        &ko_coord(),
        "/order add from:Koordineringsgruppa to:Ungdomsteamet title:\"Oppsøkende arbeid i helgene\"",
    )
    .await;
    assert!(out.contains("Venter på gruppas neste møte"), "{out}");
    env.ok("/meeting add group:Ungdomsteamet at:\"02.02.2027 kl. 14.00\"")
        .await;
    let meeting = meeting_of(&env, "Ungdomsteamet").await;
    let list = env.ok(&format!("/meeting agenda id:{meeting}")).await;
    assert!(
        list.contains(
            "Bestilling 1 fra Koordineringsgruppa: Oppsøkende arbeid i helgene (bestilling)"
        ),
        "{list}"
    );
    // Upward it is a report, and lands as an orienteringssak.
    let out = ok(
        &env,
        &actor(44, &[RoleId(40)], 400),
        "/order add from:Ungdomsteamet to:Koordineringsgruppa title:\"Status fra helgene\"",
    )
    .await;
    assert!(
        out.contains("Rapport 2 sendt til Koordineringsgruppa"),
        "{out}"
    );
    let ko_meeting = meeting_of(&env, "Koordineringsgruppa").await;
    let list = ok(
        &env,
        &ko_coord(),
        &format!("/meeting agenda id:{ko_meeting}"),
    )
    .await;
    assert!(
        list.contains("Rapport 2 fra Ungdomsteamet: Status fra helgene (orienteringssak)"),
        "{list}"
    );
}

#[tokio::test]
async fn an_order_from_a_case_is_in_that_case_of_the_minutes() {
    let env = setup().await;
    let st_meeting = meeting_of(&env, "Styringsgruppa").await;
    ok(
        &env,
        &st_coord(),
        "/agenda add group:Styringsgruppa title:\"Rusbruk blant unge\"",
    )
    .await;
    let case: i64 =
        sqlx::query_scalar("SELECT id FROM agenda_items WHERE title = 'Rusbruk blant unge'")
            .fetch_one(env.service.store().pool())
            .await
            .expect("case");
    ok(
        &env,
        &st_coord(),
        &format!("/agenda decide id:{case} decision:\"Koordineringsgruppa kartlegger\""),
    )
    .await;
    ok(
        &env,
        &st_coord(),
        &format!("/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken\" case:{case}"),
    )
    .await;
    let minutes = ok(
        &env,
        &st_coord(),
        &format!("/minutes show meeting:{st_meeting}"),
    )
    .await;
    assert!(
        minutes.contains("Bestilling til Koordineringsgruppa:** Kartlegg rusbruken"),
        "{minutes}"
    );
    // A case of another body is refused, and nothing is stored.
    let (stored, text) = line(
        &env,
        &ko_coord(),
        &format!("/order add from:Koordineringsgruppa to:Styringsgruppa title:\"X\" case:{case}"),
    )
    .await;
    assert!(!stored && text.contains("hører ikke til"), "{text}");
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
        .fetch_one(env.service.store().pool())
        .await
        .expect("count");
    assert_eq!(orders, 1);
}

#[tokio::test]
async fn order_text_with_a_national_id_is_refused_and_nothing_is_stored() {
    let env = setup().await;
    let (stored, text) = line(
        &env,
        &st_coord(),
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Følg opp 01010012356\"",
    )
    .await;
    assert!(!stored, "{text}");
    assert!(!text.contains("01010012356"), "{text}");
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
        .fetch_one(env.service.store().pool())
        .await
        .expect("count");
    assert_eq!(orders, 0);
}

#[tokio::test]
async fn a_groups_export_holds_its_orders_in_and_out_with_their_history() {
    let env = setup().await;
    ok(
        &env,
        &st_coord(),
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken\"",
    )
    .await;
    ok(
        &env,
        &ko_coord(),
        "/order reply id:1 status:done text:\"Gjort\"",
    )
    .await;
    for (who, group) in [
        (ko_coord(), "Koordineringsgruppa"),
        (st_coord(), "Styringsgruppa"),
    ] {
        let r = env
            .service
            .execute(
                &who,
                WS,
                sltbot::service::Command::GroupExport {
                    group: group.into(),
                },
            )
            .await;
        let Ok(sltbot::service::Reply::Export(e)) = &r.outcome else {
            panic!("{:?}", r.outcome);
        };
        assert_eq!(e.orders.len(), 1, "{group}");
        assert_eq!(e.orders[0].events.len(), 2, "sent and answered");
        let json = serde_json::to_string(e.as_ref()).expect("json");
        assert!(json.contains("\"Gjort\""), "{json}");
        let md = sltbot::render::export_markdown(r.lang, r.tz, e);
        assert!(md.contains("Bestilling 1: Kartlegg rusbruken"), "{md}");
        assert!(md.contains("svarte utført: Gjort"), "{md}");
    }
}

#[tokio::test]
async fn an_order_planned_before_a_restart_is_posted_once_after_it() {
    let env = setup().await;
    ok(
        &env,
        &st_coord(),
        "/order add from:Styringsgruppa to:Koordineringsgruppa title:\"Kartlegg rusbruken\"",
    )
    .await;
    // The process stops before its scheduler ran; another one starts on the same file.
    let after = std::sync::Arc::new(sltbot::notify::RecordingOutbox::default());
    let restarted = env.other_scheduler(after.clone()).await;
    let now = sltbot::clock::Clock::now(&env.clock);
    restarted.tick(now).await.expect("tick");
    restarted.tick(now).await.expect("tick");
    env.scheduler().tick(now).await.expect("tick");
    let posted: Vec<_> = after
        .messages()
        .into_iter()
        .chain(env.outbox.messages())
        .filter(|m| m.content.contains("Kartlegg rusbruken"))
        .collect();
    assert_eq!(posted.len(), 1, "{posted:?}");
    assert_eq!(posted[0].ping, Ping::Role(COORD_ROLE));
    assert_eq!(env.state("order:1:1").await.as_deref(), Some("sent"));
}

#[tokio::test]
async fn the_orders_migration_keeps_every_notification_row_and_column() {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.db");
    // A database as the previous release left it: every migration before the orders one.
    let old = sqlx::migrate::Migrator {
        migrations: std::borrow::Cow::Owned(
            sltbot::store::MIGRATOR
                .migrations
                .iter()
                .filter(|m| m.version < 20261129030001)
                .cloned()
                .collect(),
        ),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    };
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .foreign_keys(true),
        )
        .await
        .expect("pool");
    old.run(&pool).await.expect("old migrations");
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, planned_at, due_at, state,
         claimed_at, claim_token, sent_at, attempts, parts_sent, outcome, created_at, failure,
         failed_at, noticed_at, about_id) VALUES
         ('digest:1:2027-W01', 'digest', 1, 100, 100, 'failed', 90, 'aaaa', NULL, 8, 1,
          'HTTP 403', 50, 'missing_access', 120, 130, NULL),
         ('failure:1', 'failure', 1, 120, 120, 'sent', 121, 'bbbb', 122, 1, 1, NULL, 120,
          NULL, NULL, NULL, 1),
         ('digest:1:2027-W02', 'digest', 1, 200, 200, 'pending', NULL, NULL, NULL, 0, 0, NULL,
          70, NULL, NULL, NULL, NULL)",
    )
    .execute(&pool)
    .await
    .expect("old rows");
    let q = "SELECT id, key, kind, workspace_id, planned_at, due_at, state, claimed_at,
             claim_token, sent_at, attempts, parts_sent, outcome, created_at, failure, failed_at,
             noticed_at, about_id FROM notifications ORDER BY id";
    let dump = |rows: Vec<sqlx::sqlite::SqliteRow>| -> Vec<String> {
        use sqlx::{Column, Row, ValueRef};
        rows.iter()
            .map(|r| {
                r.columns()
                    .iter()
                    .map(|c| {
                        let raw = r.try_get_raw(c.ordinal()).expect("value");
                        if raw.is_null() {
                            "NULL".to_string()
                        } else {
                            r.try_get::<String, _>(c.ordinal())
                                .or_else(|_| {
                                    r.try_get::<i64, _>(c.ordinal()).map(|v| v.to_string())
                                })
                                .expect("text or integer")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    };
    let before = dump(sqlx::query(q).fetch_all(&pool).await.expect("before"));
    pool.close().await;

    let store = open(&path.display().to_string()).await;
    let after = dump(sqlx::query(q).fetch_all(store.pool()).await.expect("after"));
    assert_eq!(before, after);
    assert_eq!(after.len(), 3);
    // The order kinds are allowed now.
    sqlx::query(
        "INSERT INTO notifications (key, kind, workspace_id, planned_at, due_at, created_at)
         VALUES ('order:1:1', 'order', 1, 1, 1, 1), ('order-overdue:1:0', 'order_overdue', 1, 1, 1, 1)",
    )
    .execute(store.pool())
    .await
    .expect("order kinds");
}

#[tokio::test]
async fn a_report_to_a_steering_body_that_reads_like_a_childs_case_gets_a_warning() {
    let env = setup().await;
    let out = ok(
        &env,
        &ko_coord(),
        "/order add from:Koordineringsgruppa to:Styringsgruppa title:\"Bekymring for gutten i 9. klasse\"",
    )
    .await;
    assert!(out.contains("skal ikke behandle enkeltsaker"), "{out}");
    let plain = ok(
        &env,
        &ko_coord(),
        "/order add from:Koordineringsgruppa to:Styringsgruppa title:\"Status for SLT-arbeidet\"",
    )
    .await;
    assert!(!plain.contains("enkeltsaker"), "{plain}");
}
