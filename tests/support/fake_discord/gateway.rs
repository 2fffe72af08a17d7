//! The gateway side: one session (single shard), text frames with plain JSON.

use std::sync::Arc;

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::{fixtures, Disconnect, GatewayStats, Shared};

pub(crate) enum Outgoing {
    Text(String),
    Close(u16),
    Abort,
}

pub(crate) struct Connection {
    id: u64,
    tx: mpsc::UnboundedSender<Outgoing>,
    /// Identified or resumed: receives dispatches.
    live: bool,
}

#[derive(Default)]
pub(crate) struct GatewayState {
    pub(crate) session_id: Option<String>,
    pub(crate) seq: u64,
    /// Every dispatch of the current session (sequence number, frame), for RESUME replay.
    pub(crate) log: Vec<(u64, String)>,
    pub(crate) conn: Option<Connection>,
    pub(crate) received: Vec<Value>,
    next_conn_id: u64,
    sessions: u64,
    pub(crate) connections: u32,
    pub(crate) identifies: u32,
    pub(crate) resumes: u32,
    pub(crate) failed_resumes: u32,
    pub(crate) heartbeats: u32,
    pub(crate) replayed: u32,
}

impl GatewayState {
    pub(crate) fn is_live(&self) -> bool {
        self.conn.as_ref().is_some_and(|c| c.live)
    }

    pub(crate) fn stats(&self) -> GatewayStats {
        GatewayStats {
            connections: self.connections,
            identifies: self.identifies,
            resumes: self.resumes,
            failed_resumes: self.failed_resumes,
            heartbeats: self.heartbeats,
            replayed: self.replayed,
            live: self.is_live(),
            session_id: self.session_id.clone(),
            seq: self.seq,
        }
    }

    fn send(&self, frame: Outgoing) {
        if let Some(c) = &self.conn {
            // A closed receiver means the connection is gone; the event log covers replay.
            let _ = c.tx.send(frame);
        }
    }
}

/// Assigns the next sequence number, logs the dispatch and sends it if a client is live.
pub(crate) fn dispatch(gw: &mut GatewayState, event_name: &str, data: Value) -> u64 {
    gw.seq += 1;
    let seq = gw.seq;
    let frame = json!({"op": 0, "s": seq, "t": event_name, "d": data}).to_string();
    gw.log.push((seq, frame.clone()));
    if gw.is_live() {
        gw.send(Outgoing::Text(frame));
    }
    seq
}

pub(crate) fn drop_connection(gw: &mut GatewayState, how: Disconnect) -> bool {
    let Some(conn) = gw.conn.as_mut() else {
        return false;
    };
    conn.live = false;
    let _ = conn.tx.send(match how {
        Disconnect::CloseFrame(code) => Outgoing::Close(code),
        Disconnect::Abrupt => Outgoing::Abort,
    });
    true
}

/// Whether serenity 0.12.5 turns this dispatch into a known event. A dispatch it cannot
/// deserialize becomes `Event::Unknown` and is dropped without a trace (the "silent drop").
pub(crate) fn check_dispatch(event_name: &str, data: &Value) -> Result<(), String> {
    use poise::serenity_prelude as serenity;
    let frame = json!({"op": 0, "s": 1, "t": event_name, "d": data});
    match serde_json::from_value::<serenity::GatewayEvent>(frame) {
        Ok(serenity::GatewayEvent::Dispatch(_, serenity::Event::Unknown(_))) => {
            let detail = match event_name {
                "INTERACTION_CREATE" => {
                    serde_json::from_value::<serenity::Interaction>(data.clone()).err()
                }
                "GUILD_CREATE" => serde_json::from_value::<serenity::Guild>(data.clone()).err(),
                "READY" => serde_json::from_value::<serenity::Ready>(data.clone()).err(),
                "MESSAGE_CREATE" => serde_json::from_value::<serenity::Message>(data.clone()).err(),
                _ => None,
            };
            Err(match detail {
                Some(e) => format!("serenity drops it as Event::Unknown: {e}"),
                None => "serenity drops it as Event::Unknown".to_string(),
            })
        }
        Ok(_) => Ok(()),
        Err(e) => Err(format!("serenity cannot parse the frame: {e}")),
    }
}

pub(crate) async fn serve(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        // Dispatches are small frames: send each at once (no Nagle delay).
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(shared.clone(), stream));
    }
}

async fn connection(shared: Arc<Shared>, stream: TcpStream) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut sink, mut source) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut st = shared.lock();
        let gw = &mut st.gateway;
        gw.connections += 1;
        gw.next_conn_id += 1;
        let id = gw.next_conn_id;
        // A newer connection replaces the old one (its sender is dropped, so it winds down).
        gw.conn = Some(Connection {
            id,
            tx: tx.clone(),
            live: false,
        });
        id
    };
    let hello = json!({"op": 10, "d": {"heartbeat_interval": shared.opts.heartbeat_interval_ms}});
    let _ = tx.send(Outgoing::Text(hello.to_string()));
    shared.changed.notify_waiters();
    loop {
        tokio::select! {
            incoming = source.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    if let Ok(frame) = serde_json::from_str::<Value>(&text) {
                        on_client_frame(&shared, conn_id, frame);
                    }
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            outgoing = rx.recv() => match outgoing {
                Some(Outgoing::Text(text)) => {
                    if sink.send(Message::Text(text)).await.is_err() {
                        break;
                    }
                }
                Some(Outgoing::Close(code)) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: "fake discord closed".into() };
                    let _ = sink.send(Message::Close(Some(frame))).await;
                    let _ = sink.close().await;
                    break;
                }
                Some(Outgoing::Abort) | None => break,
            },
        }
    }
    {
        let mut st = shared.lock();
        if st.gateway.conn.as_ref().is_some_and(|c| c.id == conn_id) {
            st.gateway.conn = None;
        }
    }
    shared.changed.notify_waiters();
}

fn on_client_frame(shared: &Shared, conn_id: u64, frame: Value) {
    let opts = &shared.opts;
    let mut st = shared.lock();
    let gw = &mut st.gateway;
    gw.received.push(frame.clone());
    if gw.conn.as_ref().is_none_or(|c| c.id != conn_id) {
        return; // a replaced connection
    }
    let d = frame.get("d").cloned().unwrap_or(Value::Null);
    let token_ok = |d: &Value| {
        let sent = d.get("token").and_then(Value::as_str).unwrap_or_default();
        sent == opts.token || sent.strip_prefix("Bot ") == Some(opts.token.as_str())
    };
    match frame.get("op").and_then(Value::as_u64) {
        Some(1) => {
            gw.heartbeats += 1;
            gw.send(Outgoing::Text(json!({"op": 11}).to_string()));
        }
        Some(2) => {
            if !token_ok(&d) {
                gw.send(Outgoing::Close(4004)); // authentication failed
            } else {
                gw.identifies += 1;
                gw.sessions += 1;
                let session_id = format!("fake-session-{}", gw.sessions);
                gw.session_id = Some(session_id.clone());
                gw.seq = 0;
                gw.log.clear();
                if let Some(c) = gw.conn.as_mut() {
                    c.live = true;
                }
                let guild_ids: Vec<u64> = opts.guild.iter().map(|g| g.id).collect();
                let ready = fixtures::ready_json(
                    opts.application_id,
                    &opts.bot,
                    &guild_ids,
                    &session_id,
                    &shared.gateway_url(),
                );
                let mut events = vec![("READY", ready)];
                if let Some(guild) = &opts.guild {
                    events.push((
                        "GUILD_CREATE",
                        fixtures::guild_create_json(guild, &opts.bot),
                    ));
                }
                for (name, data) in events {
                    if let Err(e) = check_dispatch(name, &data) {
                        st.violations.push(super::Violation {
                            method: "GATEWAY".into(),
                            path: name.into(),
                            kind: super::ViolationKind::SilentDrop(e),
                        });
                    }
                    dispatch(&mut st.gateway, name, data);
                }
            }
        }
        Some(6) => {
            let session_ok =
                d.get("session_id").and_then(Value::as_str) == gw.session_id.as_deref();
            if session_ok && gw.session_id.is_some() && token_ok(&d) {
                let client_seq = d.get("seq").and_then(Value::as_u64).unwrap_or(0);
                gw.resumes += 1;
                if let Some(c) = gw.conn.as_mut() {
                    c.live = true;
                }
                let missed: Vec<String> = gw
                    .log
                    .iter()
                    .filter(|(s, _)| *s > client_seq)
                    .map(|(_, f)| f.clone())
                    .collect();
                gw.replayed += missed.len() as u32;
                for frame in missed {
                    gw.send(Outgoing::Text(frame));
                }
                dispatch(gw, "RESUMED", json!({}));
            } else {
                gw.failed_resumes += 1;
                gw.send(Outgoing::Text(json!({"op": 9, "d": false}).to_string()));
            }
        }
        _ => {} // presence updates, member requests...: recorded only
    }
    drop(st);
    shared.changed.notify_waiters();
}
