//! Restart-safety: restarts, crashes between claim and send (and between send and mark),
//! racing schedulers, temporary failures, late work.

mod support;

use sltbot::notify::{Ping, RecordingOutbox};
use std::sync::Arc;
use support::sched::*;

const MEETING_UTC: &str = "2027-01-12T08:00:00Z"; // 12.01.2027 kl. 09.00 in Oslo

/// A group with one meeting on 12.01.2027 09:00: reminders due 05.01 09:00 (7 d) and
/// 11.01 09:00 (1 d); agenda deadline 10.01 09:00, its call 09.01 09:00; no notice.
async fn one_meeting() -> Env {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    env.group("Tverrfaglig").await;
    // Reminders only: the notice and its final list have restart tests of their own
    // (tests/notice.rs).
    env.ok("/group notice group:Tverrfaglig lead:av").await;
    env.ok("/meeting add group:Tverrfaglig at:\"12.01.2027 kl. 09.00\"")
        .await;
    env
}

#[tokio::test]
async fn reminders_go_out_once_each_with_discord_timestamps_and_the_coordinator_ping() {
    let env = one_meeting().await;
    env.ok("/agenda add group:Tverrfaglig title:\"Uro ved @everyone-klubben\"")
        .await;
    let s = env.scheduler();
    env.run_until(&s, at("2027-01-12T12:00:00+01:00")).await;
    let msgs = env.outbox.messages();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    let unix = at(MEETING_UTC).timestamp();
    let reminders: Vec<_> = msgs
        .iter()
        .filter(|m| m.content.contains("Påminnelse"))
        .collect();
    assert_eq!(reminders.len(), 2);
    for r in &reminders {
        assert_eq!(r.ping, Ping::Role(COORD_ROLE));
        assert_eq!(r.channel, GROUP_CHANNEL);
        assert!(r.content.starts_with("<@&10> "), "{}", r.content);
        assert!(r.content.contains(&format!("<t:{unix}:F>")));
        assert!(r.content.contains(&format!("<t:{unix}:R>")));
        assert!(
            r.content.contains("1. Uro ved @\u{200B}everyone"),
            "{}",
            r.content
        );
        assert!(r.content.contains("/agenda add group:Tverrfaglig"));
        assert!(!r.content.contains("<@1>"), "only the role is mentioned");
    }
    let deadline = msgs
        .iter()
        .find(|m| m.content.starts_with("Frist for saker"))
        .expect("deadline call");
    assert_eq!(deadline.ping, Ping::Nobody);
    // A further tick at the same time sends nothing.
    let report = s.tick(at("2027-01-12T12:00:00+01:00")).await.expect("tick");
    assert_eq!(report.sent, 0);
    assert_eq!(env.outbox.messages().len(), 3);
}

#[tokio::test]
async fn reminder_is_neither_lost_nor_doubled_after_restart_mid_window() {
    let env = one_meeting().await;
    let first = env.scheduler();
    env.run_until(&first, at("2027-01-06T00:00:00+01:00")).await;
    assert_eq!(env.outbox.sent_keys().len(), 1, "the 7-day reminder");
    drop(first);

    // A new process on the same database file.
    let second = env.other_scheduler(env.outbox.clone()).await;
    second
        .tick(at("2027-01-06T00:00:00+01:00"))
        .await
        .expect("tick");
    assert_eq!(env.outbox.sent_keys().len(), 1, "nothing sent twice");
    env.run_until(&second, at("2027-01-12T12:00:00+01:00"))
        .await;
    let keys = env.outbox.sent_keys();
    assert_eq!(keys.len(), 3, "{keys:?}");
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len());
    assert_eq!(env.state("reminder:1:10080").await.as_deref(), Some("sent"));
    assert_eq!(env.state("reminder:1:1440").await.as_deref(), Some("sent"));
    assert_eq!(env.state("deadline:1").await.as_deref(), Some("sent"));
}

#[tokio::test]
async fn what_fell_due_while_down_is_sent_late_only_if_it_still_makes_sense() {
    let env = one_meeting().await;
    // Down from the start until 11.01 12:00: the 1-day reminder still makes sense; the
    // 7-day one is superseded by it; the deadline (10.01 09:00) has passed.
    env.clock.set(at("2027-01-11T12:00:00+01:00"));
    let s = env.scheduler();
    let report = s.tick(at("2027-01-11T12:00:00+01:00")).await.expect("tick");
    assert_eq!((report.sent, report.skipped), (1, 2));
    assert_eq!(env.state("reminder:1:1440").await.as_deref(), Some("sent"));
    assert_eq!(
        env.state("reminder:1:10080").await.as_deref(),
        Some("skipped")
    );
    assert_eq!(env.state("deadline:1").await.as_deref(), Some("skipped"));

    // Down past the meeting's start: nothing is sent at all.
    let env = one_meeting().await;
    let s = env.scheduler();
    let report = s.tick(at("2027-01-12T09:30:00+01:00")).await.expect("tick");
    assert_eq!((report.sent, report.skipped), (0, 3));
    assert!(env.outbox.messages().is_empty());
}

#[tokio::test]
async fn crash_between_claim_and_send_is_recovered_at_once_by_the_next_process() {
    let env = one_meeting().await;
    let due = at("2027-01-05T09:00:00+01:00");
    env.clock.set(due);
    let crashing = Arc::new(CrashingOutbox {
        shared: env.outbox.clone(),
        mode: Crash::BeforeSend,
        entered: tokio::sync::Notify::new(),
    });
    let doomed = env.other_scheduler(crashing.clone()).await;
    tokio::select! {
        _ = doomed.tick(due) => panic!("the crashing outbox never returns"),
        _ = crashing.entered.notified() => {}
    }
    drop(doomed); // the process is gone (its lock with it), its claim is left behind
    assert_eq!(
        env.state("reminder:1:10080").await.as_deref(),
        Some("claimed")
    );
    assert!(env.outbox.messages().is_empty());

    // The next process sees the owner is dead: no lease to wait out.
    let next = env.scheduler();
    let report = next
        .tick(due + chrono::Duration::seconds(2))
        .await
        .expect("tick");
    assert_eq!((report.recovered, report.sent), (1, 1), "{report:?}");
    assert_eq!(env.outbox.sent_keys().len(), 1);
    assert_eq!(env.state("reminder:1:10080").await.as_deref(), Some("sent"));
    next.tick(due + chrono::Duration::hours(1))
        .await
        .expect("tick");
    assert_eq!(env.outbox.sent_keys().len(), 1, "once");
}

#[tokio::test]
async fn a_live_but_hung_schedulers_claim_is_respected_until_its_lease_runs_out() {
    let env = one_meeting().await;
    let due = at("2027-01-05T09:00:00+01:00");
    env.clock.set(due);
    let crashing = Arc::new(CrashingOutbox {
        shared: env.outbox.clone(),
        mode: Crash::BeforeSend,
        entered: tokio::sync::Notify::new(),
    });
    // Hung, not dead: the scheduler (and its lock) stays alive.
    let hung = env.other_scheduler(crashing.clone()).await;
    tokio::select! {
        _ = hung.tick(due) => panic!("the crashing outbox never returns"),
        _ = crashing.entered.notified() => {}
    }
    let next = env.scheduler();
    let report = next
        .tick(due + chrono::Duration::seconds(30))
        .await
        .expect("tick");
    assert_eq!((report.recovered, report.sent), (0, 0), "{report:?}");
    assert!(env.outbox.messages().is_empty());
    let later = due + sltbot::scheduler::LEASE + chrono::Duration::seconds(1);
    let report = next.tick(later).await.expect("tick");
    assert_eq!((report.recovered, report.sent), (1, 1), "{report:?}");
    assert_eq!(env.outbox.sent_keys().len(), 1);
    drop(hung);
}

#[tokio::test]
async fn crash_between_send_and_mark_is_not_sent_again() {
    let env = one_meeting().await;
    let due = at("2027-01-05T09:00:00+01:00");
    env.clock.set(due);
    let crashing = Arc::new(CrashingOutbox {
        shared: env.outbox.clone(),
        mode: Crash::AfterSend,
        entered: tokio::sync::Notify::new(),
    });
    let doomed = env.other_scheduler(crashing.clone()).await;
    tokio::select! {
        _ = doomed.tick(due) => panic!("the crashing outbox never returns"),
        _ = crashing.entered.notified() => {}
    }
    drop(doomed);
    assert_eq!(
        env.outbox.sent_keys().len(),
        1,
        "it went out before the crash"
    );

    let next = env.scheduler();
    let later = due + sltbot::scheduler::LEASE + chrono::Duration::seconds(1);
    let report = next.tick(later).await.expect("tick");
    assert_eq!(report.sent, 1, "recorded as sent");
    assert_eq!(env.outbox.sent_keys().len(), 1, "but not sent again");
    assert_eq!(env.state("reminder:1:10080").await.as_deref(), Some("sent"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_schedulers_racing_on_one_file_send_each_notification_once() {
    let env = Env::new("2027-01-01T10:00:00+01:00").await;
    for g in 0..8 {
        env.ok(&format!(
            "/group create name:G{g} level:annet channel:{} coordinator_role:{}",
            1000 + g,
            2000 + g
        ))
        .await;
        for d in 12..15 {
            env.ok(&format!(
                "/meeting add group:G{g} at:\"{d}.01.2027 kl. 09.00\""
            ))
            .await;
        }
    }
    let shared = Arc::new(RecordingOutbox::default());
    let a = env.other_scheduler(shared.clone()).await;
    let b = env.other_scheduler(shared.clone()).await;
    // Due by then: the 7-day reminders of all 24 meetings (sent late: the meetings have
    // not started and no 1-day reminder is due yet) and the deadline calls of the 8
    // meetings on 12.01 (due 09.01 09:00).
    let t = at("2027-01-09T12:00:00+01:00");
    env.clock.set(t);
    let (ra, rb) = tokio::join!(a.tick(t), b.tick(t));
    let (ra, rb) = (ra.expect("tick a"), rb.expect("tick b"));
    let keys = shared.sent_keys();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(keys.len(), unique.len(), "a key was sent twice: {keys:?}");
    assert_eq!(keys.len(), 32);
    assert_eq!(ra.sent + rb.sent, 32);
    assert_eq!(ra.skipped + rb.skipped, 0);
}

#[tokio::test]
async fn temporary_failures_back_off_honouring_retry_after_then_deliver_once() {
    let env = one_meeting().await;
    let flaky = Arc::new(FlakyOutbox {
        shared: env.outbox.clone(),
        failures: std::sync::atomic::AtomicUsize::new(2),
        retry_after: Some(std::time::Duration::from_secs(120)),
    });
    let s = env.other_scheduler(flaky).await;
    let due = at("2027-01-05T09:00:00+01:00");
    let r = s.tick(due).await.expect("tick");
    assert_eq!(r.retried, 1);
    assert_eq!(r.next_wake, Some(due + chrono::Duration::seconds(120)));
    let r = s
        .tick(due + chrono::Duration::seconds(60))
        .await
        .expect("tick");
    assert_eq!(r.sent + r.retried, 0, "not before retry_after");
    let r = s
        .tick(due + chrono::Duration::seconds(120))
        .await
        .expect("tick");
    assert_eq!(r.retried, 1);
    let r = s
        .tick(due + chrono::Duration::seconds(240))
        .await
        .expect("tick");
    assert_eq!(r.sent, 1);
    assert_eq!(env.outbox.sent_keys().len(), 1);
}

#[tokio::test]
async fn run_loop_sleeps_until_due_and_wakes_when_the_clock_moves() {
    let env = one_meeting().await;
    let outbox = Arc::new(SignallingOutbox {
        shared: env.outbox.clone(),
        sent: tokio::sync::Notify::new(),
    });
    let s = Arc::new(env.other_scheduler(outbox.clone()).await);
    let cancel = tokio_util::sync::CancellationToken::new();
    let task = tokio::spawn(sltbot::scheduler::run(s, cancel.clone()));
    // The next due time is days away in test time: only a clock change can wake the loop.
    env.clock.set(at("2027-01-05T09:00:00+01:00"));
    let waited =
        tokio::time::timeout(std::time::Duration::from_secs(20), outbox.sent.notified()).await;
    cancel.cancel();
    task.await.expect("run loop ends on cancel");
    assert!(waited.is_ok(), "the loop never sent the due reminder");
    assert_eq!(env.outbox.sent_keys().len(), 1);
}

#[tokio::test]
async fn a_claim_taken_over_after_its_lease_can_no_longer_be_sent_or_marked_by_its_old_owner() {
    use sltbot::store::notifications as notes;
    let env = one_meeting().await;
    let due = at("2027-01-05T09:00:00+01:00");
    let store = env.service.store();
    let mut tx = store.write().await.expect("tx");
    let old = notes::claim_due(&mut tx, due, "old", 10)
        .await
        .expect("claim");
    tx.commit().await.expect("commit");
    assert_eq!(old.len(), 1);
    let mut tx = store.write().await.expect("tx");
    // Within the lease nobody else gets it.
    let none = notes::claim_expired(&mut tx, due, due - sltbot::scheduler::LEASE, "new", 10)
        .await
        .expect("claim");
    assert!(none.is_empty());
    let later = due + sltbot::scheduler::LEASE + chrono::Duration::seconds(1);
    let taken = notes::claim_expired(&mut tx, later, later - sltbot::scheduler::LEASE, "new", 10)
        .await
        .expect("claim");
    tx.commit().await.expect("commit");
    assert_eq!(taken.len(), 1);
    let mut conn = store.pool().acquire().await.expect("conn");
    assert!(!notes::renew(&mut conn, &old[0], later)
        .await
        .expect("renew"));
    assert!(!notes::finish(&mut conn, &old[0], true, None, later)
        .await
        .expect("finish"));
    assert!(notes::finish(&mut conn, &taken[0], true, None, later)
        .await
        .expect("finish"));
    assert_eq!(env.state("reminder:1:10080").await.as_deref(), Some("sent"));
}
