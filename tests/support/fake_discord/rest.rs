//! The REST side: one fallback handler that routes, records, validates and injects faults.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Value};
use tokio::net::TcpListener;

use super::fixtures::{self, Actor};
use super::openapi::{JSON, MULTIPART};
use super::{Fault, RecordedFile, RecordedRequest, Route, Shared, State, Violation, ViolationKind};

pub(crate) async fn serve(shared: Arc<Shared>, listener: TcpListener) {
    use axum::serve::ListenerExt;
    let app = Router::new().fallback(handle).with_state(shared);
    // Like Discord's edge, answer without Nagle's delay: small responses otherwise wait
    // for the client's delayed ACK (~40 ms on Linux loopback).
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let _ = axum::serve(listener, app).await;
}

/// What a route handler answers.
struct Answer {
    status: u16,
    body: Option<Value>,
    headers: Vec<(&'static str, String)>,
}

impl Answer {
    fn ok(body: Value) -> Self {
        Self {
            status: 200,
            body: Some(body),
            headers: Vec::new(),
        }
    }

    fn no_content() -> Self {
        Self {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    fn error(status: u16, code: u32, message: &str) -> Self {
        Self {
            status,
            body: Some(fixtures::error_json(code, message)),
            headers: Vec::new(),
        }
    }
}

async fn handle(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let full_path = uri.path().to_string();
    let query = uri.query().map(str::to_string);
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type");
    let authorization = header("authorization");
    let api_path = full_path.strip_prefix("/api/v10").unwrap_or("");
    let found = if api_path.is_empty() {
        None
    } else {
        Route::find(method.as_str(), api_path)
    };
    let mut violations = Vec::new();
    let violation = |kind| Violation {
        method: method.to_string(),
        path: full_path.clone(),
        kind,
    };

    let (parsed_body, files) = match parse_body(&body, content_type.as_deref()) {
        Ok(p) => p,
        Err(BodyError::Json(e)) => {
            violations.push(violation(ViolationKind::InvalidJson(e)));
            (None, Vec::new())
        }
        Err(BodyError::Multipart(e)) => {
            violations.push(violation(ViolationKind::Multipart(e)));
            (None, Vec::new())
        }
    };
    let multipart = content_type
        .as_deref()
        .is_some_and(|c| c.starts_with(MULTIPART));
    if multipart {
        if let Err(e) = check_files(&files, parsed_body.as_ref()) {
            violations.push(violation(ViolationKind::Multipart(e)));
        }
    }

    let mut early: Option<Answer> = None;
    match &found {
        None => {
            violations.push(violation(ViolationKind::UnknownRoute));
            early = Some(Answer::error(404, 0, "404: Not Found"));
        }
        Some((route, _)) => {
            let expected = format!("Bot {}", shared.opts.token);
            if authorization.as_deref() != Some(expected.as_str()) {
                violations.push(violation(ViolationKind::BadAuthorization(
                    authorization.clone(),
                )));
                early = Some(Answer::error(401, 0, "401: Unauthorized"));
            }
            let m = route.method().to_ascii_lowercase();
            let media = if multipart { MULTIPART } else { JSON };
            // A route with a JSON body takes multipart only where the spec says so; the
            // validation of `media` reports it otherwise.
            if shared.spec.request_schema(&m, route.template()).is_some() {
                let schema_errors = match &parsed_body {
                    Some(b) => shared
                        .spec
                        .validate_request_as(&m, route.template(), media, b)
                        .err(),
                    None => Some(vec![super::openapi::SchemaError {
                        instance_path: String::new(),
                        schema_path: format!("#/paths/{}/{m}/requestBody", route.template()),
                        message: "request body required but none (or no JSON) was sent".into(),
                    }]),
                };
                if let Some(errors) = schema_errors {
                    let tree = discord_error_tree(&errors);
                    violations.push(violation(ViolationKind::Schema(errors)));
                    if shared.opts.reject_invalid_bodies && early.is_none() {
                        let mut a = Answer::error(400, 50035, "Invalid Form Body");
                        if let Some(b) = a.body.as_mut() {
                            b["errors"] = tree;
                        }
                        early = Some(a);
                    }
                }
            }
        }
    }

    let answer = {
        let mut st = shared.lock();
        let answer = match (early, &found) {
            (Some(a), _) => a,
            (None, Some((route, params))) => match take_fault(&mut st, *route) {
                Some(fault) => fault_answer(&fault),
                None => {
                    let req = Req {
                        route: *route,
                        params,
                        query: query.as_deref(),
                        body: parsed_body.as_ref(),
                        files: &files,
                    };
                    route_answer(&shared, &mut st, &req, &mut |k| {
                        violations.push(violation(k))
                    })
                }
            },
            (None, None) => Answer::error(404, 0, "404: Not Found"),
        };
        let (route, params) = match &found {
            Some((r, p)) => (Some(*r), p.clone()),
            None => (None, BTreeMap::new()),
        };
        let recorded = RecordedRequest {
            index: st.requests.len(),
            method: method.to_string(),
            path: full_path.clone(),
            query: query.clone(),
            route,
            params,
            body: parsed_body.clone(),
            files,
            content_type,
            authorization,
            audit_log_reason: header("x-audit-log-reason"),
            status: answer.status,
            response: answer.body.clone(),
        };
        if let Some(tap) = &st.tap {
            let _ = tap.send((recorded.clone(), std::time::Instant::now()));
        }
        st.requests.push(recorded);
        st.violations.extend(violations);
        answer
    };
    shared.changed.notify_waiters();

    if let Some(path) = &shared.opts.log_file {
        let line = json!({"method": method.as_str(), "path": full_path, "body": parsed_body});
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = f.write_all(format!("{line}\n").as_bytes());
        }
    }

    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match answer.body {
        Some(b) => (status, axum::Json(b)).into_response(),
        None => status.into_response(),
    };
    for (name, value) in answer.headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, v);
        }
    }
    response
}

/// Discord's nested form-error shape (`{"field": {"0": {"_errors": [{"code", "message"}]}}}`),
/// which serenity flattens into `DiscordJsonSingleError { path, .. }`.
fn discord_error_tree(errors: &[super::openapi::SchemaError]) -> Value {
    let mut tree = json!({});
    for e in errors {
        let mut node = &mut tree;
        for segment in e.instance_path.split('/').filter(|s| !s.is_empty()) {
            if !node.get(segment).is_some_and(Value::is_object) {
                node[segment] = json!({});
            }
            node = &mut node[segment];
        }
        if !node.get("_errors").is_some_and(Value::is_array) {
            node["_errors"] = json!([]);
        }
        if let Some(list) = node["_errors"].as_array_mut() {
            list.push(json!({"code": "FAKE_DISCORD_SCHEMA", "message": format!("{} [{}]", e.message, e.schema_path)}));
        }
    }
    tree
}

enum BodyError {
    Json(String),
    Multipart(String),
}

/// The JSON body, or for a multipart body its `payload_json` part and its files.
/// `None` when there is no JSON.
fn parse_body(
    body: &[u8],
    content_type: Option<&str>,
) -> Result<(Option<Value>, Vec<RecordedFile>), BodyError> {
    if body.is_empty() {
        return Ok((None, Vec::new()));
    }
    let ct = content_type.unwrap_or_default();
    if let Some(params) = ct.strip_prefix(MULTIPART) {
        let boundary = params
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()
            .map(|b| b.trim_matches('"'))
            .ok_or_else(|| BodyError::Multipart("no boundary in Content-Type".into()))?;
        let mut json = None;
        let mut files = Vec::new();
        for part in multipart_parts(body, boundary).map_err(BodyError::Multipart)? {
            match part.name.as_deref() {
                Some("payload_json") => {
                    let v = serde_json::from_slice(&part.data)
                        .map_err(|e| BodyError::Json(e.to_string()))?;
                    json = Some(v);
                }
                Some(name) if name.starts_with("files[") => files.push(RecordedFile {
                    field: name.to_string(),
                    filename: part.filename,
                    content_type: part.content_type,
                    data: part.data,
                }),
                other => {
                    return Err(BodyError::Multipart(format!(
                        "unexpected multipart field {other:?}"
                    )))
                }
            }
        }
        return Ok((json, files));
    }
    serde_json::from_slice(body)
        .map(|v| (Some(v), Vec::new()))
        .map_err(|e| BodyError::Json(e.to_string()))
}

/// One part of a `multipart/form-data` body.
struct Part {
    name: Option<String>,
    filename: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Splits a multipart body (RFC 7578) byte-exactly, so binary files survive.
fn multipart_parts(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let delimiter = format!("--{boundary}").into_bytes();
    let next_delimiter = format!("\r\n--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0).ok_or("no opening boundary")? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        match body.get(at..at + 2) {
            Some(b"--") => return Ok(parts),
            Some(b"\r\n") => at += 2,
            _ => return Err("boundary not followed by CRLF or --".into()),
        }
        let head_end = find(body, b"\r\n\r\n", at).ok_or("part without a blank line")?;
        let head = String::from_utf8_lossy(&body[at..head_end]).into_owned();
        let data_start = head_end + 4;
        let data_end = find(body, &next_delimiter, data_start).ok_or("unterminated part")?;
        let mut part = Part {
            name: None,
            filename: None,
            content_type: None,
            data: body[data_start..data_end].to_vec(),
        };
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for p in value.split(';').map(str::trim) {
                        if let Some(v) = p.strip_prefix("name=") {
                            part.name = Some(v.trim_matches('"').to_string());
                        } else if let Some(v) = p.strip_prefix("filename=") {
                            part.filename = Some(v.trim_matches('"').to_string());
                        }
                    }
                }
                "content-type" => part.content_type = Some(value.trim().to_string()),
                _ => {}
            }
        }
        parts.push(part);
        at = data_end + next_delimiter.len();
    }
}

/// Discord links each `files[n]` part to the `attachments` entry with `id` n: every file
/// needs a file name and an entry, and every new (integer-id) entry a file.
fn check_files(files: &[RecordedFile], payload: Option<&Value>) -> Result<(), String> {
    let ids: Vec<String> = payload
        .and_then(|p| {
            p.get("attachments")
                .or_else(|| p.pointer("/data/attachments"))
        })
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("id"))
        .map(|id| match id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    for f in files {
        let n = f
            .index()
            .ok_or_else(|| format!("file field {:?} is not files[n]", f.field))?;
        if f.filename.as_deref().unwrap_or_default().is_empty() {
            return Err(format!("{} has no filename", f.field));
        }
        if !ids.contains(&n.to_string()) {
            return Err(format!("{} has no attachments entry with id {n}", f.field));
        }
    }
    let placeholders = payload
        .and_then(|p| {
            p.get("attachments")
                .or_else(|| p.pointer("/data/attachments"))
        })
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("id").and_then(Value::as_u64));
    for id in placeholders {
        if !files.iter().any(|f| f.index() == Some(id)) {
            return Err(format!("attachments entry {id} has no files[{id}] part"));
        }
    }
    Ok(())
}

/// Message `attachments` for uploaded files, as Discord returns them.
fn attachments_json(st: &mut State, files: &[RecordedFile]) -> Value {
    Value::Array(
        files
            .iter()
            .map(|f| {
                let id = st.next_id();
                let name = f.filename.clone().unwrap_or_default();
                let url = format!("https://cdn.fake-discord.invalid/attachments/{id}/{name}");
                json!({
                    "id": id.to_string(),
                    "filename": name,
                    "size": f.data.len(),
                    "url": url,
                    "proxy_url": url,
                    "content_type": f.content_type,
                })
            })
            .collect(),
    )
}

fn take_fault(st: &mut State, route: Route) -> Option<Fault> {
    let rule = st
        .faults
        .iter_mut()
        .find(|(r, n, _)| *r == route && *n > 0)?;
    rule.1 -= 1;
    let fault = rule.2.clone();
    st.faults.retain(|(_, n, _)| *n > 0);
    Some(fault)
}

fn fault_answer(fault: &Fault) -> Answer {
    match fault {
        Fault::RateLimited {
            retry_after,
            global,
        } => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or(Duration::ZERO)
                .as_secs_f64();
            let mut headers = vec![
                (
                    "retry-after",
                    format!("{}", retry_after.ceil().max(0.0) as u64),
                ),
                ("x-ratelimit-limit", "5".to_string()),
                ("x-ratelimit-remaining", "0".to_string()),
                ("x-ratelimit-reset", format!("{:.3}", now + retry_after)),
                ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
                ("x-ratelimit-bucket", "fake-discord-bucket".to_string()),
                (
                    "x-ratelimit-scope",
                    if *global { "global" } else { "user" }.to_string(),
                ),
            ];
            if *global {
                headers.push(("x-ratelimit-global", "true".to_string()));
            }
            Answer {
                status: 429,
                body: Some(json!({
                    "code": 0,
                    "message": "You are being rate limited.",
                    "retry_after": retry_after,
                    "global": global,
                })),
                headers,
            }
        }
        Fault::ServerError => Answer::error(500, 0, "500: Internal Server Error"),
        Fault::Status { status, body } => Answer {
            status: *status,
            body: Some(body.clone()),
            headers: Vec::new(),
        },
    }
}

struct Req<'a> {
    route: Route,
    params: &'a BTreeMap<&'static str, String>,
    query: Option<&'a str>,
    body: Option<&'a Value>,
    files: &'a [RecordedFile],
}

impl Req<'_> {
    fn id(&self, name: &str) -> u64 {
        // Route::matches only accepts decimal `_id` parameters.
        self.params
            .get(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    fn param(&self, name: &str) -> &str {
        self.params
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn body(&self) -> Value {
        self.body.cloned().unwrap_or(Value::Null)
    }

    fn query_flag(&self, name: &str) -> Option<bool> {
        self.query?
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v == "true")
    }
}

fn route_answer(
    shared: &Shared,
    st: &mut State,
    req: &Req<'_>,
    violation: &mut dyn FnMut(ViolationKind),
) -> Answer {
    let opts = &shared.opts;
    let guild_id = opts.guild.as_ref().map(|g| g.id);
    match req.route {
        Route::GetGateway => Answer::ok(json!({"url": shared.gateway_url()})),
        Route::GetGatewayBot => Answer::ok(json!({
            "url": shared.gateway_url(),
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 86_400_000, "max_concurrency": 1},
        })),
        Route::GetOauth2Application | Route::GetApplication => Answer::ok(
            fixtures::application_json(opts.application_id, &opts.bot, &opts.owner),
        ),
        Route::GetCurrentUser => Answer::ok(fixtures::current_user_json(&opts.bot)),
        Route::CreateDm => {
            let Some(user_id) = req
                .body
                .and_then(|b| b.get("recipient_id"))
                .and_then(as_snowflake)
            else {
                return Answer::error(400, 50035, "Invalid Form Body");
            };
            let existing = st
                .dm_channels
                .iter()
                .find(|(_, a)| a.user_id == user_id)
                .map(|(c, _)| *c);
            let channel_id = existing.unwrap_or_else(|| st.next_id());
            let actor = known_user(shared, user_id);
            st.dm_channels.insert(channel_id, actor.clone());
            Answer::ok(fixtures::dm_channel_json(channel_id, &actor))
        }
        Route::GetGlobalCommands => Answer::ok(Value::Array(st.global_commands.clone())),
        Route::GetGuildCommands => Answer::ok(Value::Array(
            st.guild_commands
                .get(&req.id("guild_id"))
                .cloned()
                .unwrap_or_default(),
        )),
        Route::BulkSetGlobalCommands | Route::BulkSetGuildCommands => {
            let guild = (req.route == Route::BulkSetGuildCommands).then(|| req.id("guild_id"));
            let items = req
                .body
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut stored = Vec::new();
            for item in &items {
                stored.push(upsert_command(st, opts.application_id, guild, item));
            }
            match guild {
                None => st.global_commands = stored.clone(),
                Some(g) => {
                    st.guild_commands.insert(g, stored.clone());
                }
            }
            Answer::ok(Value::Array(stored))
        }
        Route::CreateGlobalCommand | Route::CreateGuildCommand => {
            let guild = (req.route == Route::CreateGuildCommand).then(|| req.id("guild_id"));
            let cmd = upsert_command(st, opts.application_id, guild, &req.body());
            let name = cmd.get("name").cloned();
            let list = match guild {
                None => &mut st.global_commands,
                Some(g) => st.guild_commands.entry(g).or_default(),
            };
            list.retain(|c| c.get("name") != name.as_ref());
            list.push(cmd.clone());
            Answer::ok(cmd)
        }
        Route::InteractionCallback => {
            let token = req.param("interaction_token").to_string();
            let interaction_id = req.id("interaction_id");
            let bot = opts.bot.clone();
            let next_id = st.next_id();
            let Some(rec) = st
                .interactions
                .get_mut(&token)
                .filter(|r| r.sent.id == interaction_id)
            else {
                violation(ViolationKind::UnknownInteraction);
                return Answer::error(404, 10062, "Unknown interaction");
            };
            if rec.acknowledged {
                violation(ViolationKind::InteractionAlreadyAcknowledged);
                return Answer::error(400, 40060, "Interaction has already been acknowledged.");
            }
            rec.acknowledged = true;
            let body = req.body();
            let data = body.get("data").cloned().unwrap_or(json!({}));
            let channel_id = rec.sent.channel_id;
            match body.get("type").and_then(Value::as_u64) {
                // CHANNEL_MESSAGE_WITH_SOURCE / DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
                Some(4) | Some(5) => {
                    let mut msg = fixtures::interaction_response_message_json(
                        next_id,
                        &rec.sent.payload,
                        &bot,
                        &data,
                    );
                    rec.original = Some(next_id);
                    if !req.files.is_empty() {
                        msg["attachments"] = attachments_json(st, req.files);
                    }
                    st.messages.insert(next_id, (channel_id, msg));
                }
                // UPDATE_MESSAGE: edits the message the component sits on.
                Some(7) => {
                    let mid = rec
                        .sent
                        .payload
                        .get("message")
                        .and_then(|m| m.get("id"))
                        .and_then(as_snowflake);
                    rec.original = mid;
                    if let Some((_, msg)) = mid.and_then(|m| st.messages.get_mut(&m)) {
                        fixtures::apply_message_edit(msg, &data);
                    }
                }
                _ => {}
            }
            Answer::no_content()
        }
        Route::ExecuteWebhook => {
            let token = req.param("webhook_token").to_string();
            let webhook_id = req.id("webhook_id");
            let id = st.next_id();
            // Only interaction follow-ups (webhook id = application id) are served.
            let Some(rec) = st
                .interactions
                .get(&token)
                .filter(|_| webhook_id == opts.application_id)
            else {
                return Answer::error(404, 10015, "Unknown Webhook");
            };
            let channel_id = rec.sent.channel_id;
            let mut msg = fixtures::interaction_response_message_json(
                id,
                &rec.sent.payload,
                &opts.bot,
                &req.body(),
            );
            if !req.files.is_empty() {
                msg["attachments"] = attachments_json(st, req.files);
            }
            st.messages.insert(id, (channel_id, msg.clone()));
            if req.query_flag("wait") == Some(false) {
                return Answer::no_content();
            }
            Answer::ok(msg)
        }
        Route::GetOriginalResponse
        | Route::EditOriginalResponse
        | Route::DeleteOriginalResponse => {
            let token = req.param("webhook_token").to_string();
            let next_id = st.next_id();
            let Some(rec) = st.interactions.get_mut(&token) else {
                return Answer::error(404, 10015, "Unknown Webhook");
            };
            let original = rec.original;
            let channel_id = rec.sent.channel_id;
            match (req.route, original) {
                (Route::GetOriginalResponse, Some(mid)) => match st.messages.get(&mid) {
                    Some((_, m)) => Answer::ok(m.clone()),
                    None => Answer::error(404, 10008, "Unknown Message"),
                },
                (Route::EditOriginalResponse, Some(mid)) => match st.messages.get_mut(&mid) {
                    Some((_, m)) => {
                        fixtures::apply_message_edit(m, &req.body());
                        Answer::ok(m.clone())
                    }
                    None => Answer::error(404, 10008, "Unknown Message"),
                },
                (Route::EditOriginalResponse, None) => {
                    // Discord creates the response if the interaction was only acknowledged.
                    rec.original = Some(next_id);
                    let msg = fixtures::interaction_response_message_json(
                        next_id,
                        &rec.sent.payload,
                        &opts.bot,
                        &req.body(),
                    );
                    st.messages.insert(next_id, (channel_id, msg.clone()));
                    Answer::ok(msg)
                }
                (Route::DeleteOriginalResponse, Some(mid)) => {
                    rec.original = None;
                    st.messages.remove(&mid);
                    Answer::no_content()
                }
                _ => Answer::error(404, 10008, "Unknown Message"),
            }
        }
        Route::EditWebhookMessage | Route::DeleteWebhookMessage => {
            let mid = req.id("message_id");
            match st.messages.get_mut(&mid) {
                Some((_, m)) if req.route == Route::EditWebhookMessage => {
                    fixtures::apply_message_edit(m, &req.body());
                    Answer::ok(m.clone())
                }
                Some(_) => {
                    st.messages.remove(&mid);
                    Answer::no_content()
                }
                None => Answer::error(404, 10008, "Unknown Message"),
            }
        }
        Route::GetChannel => {
            let cid = req.id("channel_id");
            if let Some(actor) = st.dm_channels.get(&cid) {
                return Answer::ok(fixtures::dm_channel_json(cid, actor));
            }
            match opts
                .guild
                .as_ref()
                .and_then(|g| g.channels.iter().position(|c| c.id == cid).map(|i| (g, i)))
            {
                Some((g, i)) => Answer::ok(fixtures::guild_channel_json(g.id, &g.channels[i], i)),
                None => Answer::error(404, 10003, "Unknown Channel"),
            }
        }
        Route::CreateMessage => {
            let cid = req.id("channel_id");
            let in_guild = opts
                .guild
                .as_ref()
                .is_some_and(|g| g.channels.iter().any(|c| c.id == cid));
            if !in_guild && !st.dm_channels.contains_key(&cid) {
                return Answer::error(404, 10003, "Unknown Channel");
            }
            let body = req.body();
            // `enforce_nonce`: within the window, the same nonce in this channel gets the
            // message created first, and nothing new.
            let enforced = match body.get("nonce") {
                Some(Value::String(n)) => Some(n.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            }
            .filter(|_| body.get("enforce_nonce") == Some(&Value::Bool(true)));
            let now = std::time::Instant::now();
            if let Some(nonce) = &enforced {
                let earlier = st
                    .nonces
                    .get(&(cid, nonce.clone()))
                    .filter(|(_, at)| now.duration_since(*at) < opts.nonce_window)
                    .and_then(|(mid, _)| st.messages.get(mid))
                    .map(|(_, m)| m.clone());
                if let Some(m) = earlier {
                    return Answer::ok(m);
                }
            }
            let id = st.next_id();
            let mut msg = fixtures::message_json(
                id,
                cid,
                if in_guild { guild_id } else { None },
                &opts.bot,
                &body,
            );
            if !req.files.is_empty() {
                msg["attachments"] = attachments_json(st, req.files);
            }
            if let Some(nonce) = enforced {
                st.nonces.insert((cid, nonce), (id, now));
            }
            st.messages.insert(id, (cid, msg.clone()));
            Answer::ok(msg)
        }
        Route::EditMessage | Route::DeleteMessage => {
            let (cid, mid) = (req.id("channel_id"), req.id("message_id"));
            match st.messages.get_mut(&mid).filter(|(c, _)| *c == cid) {
                Some((_, m)) if req.route == Route::EditMessage => {
                    fixtures::apply_message_edit(m, &req.body());
                    Answer::ok(m.clone())
                }
                Some(_) => {
                    st.messages.remove(&mid);
                    Answer::no_content()
                }
                None => Answer::error(404, 10008, "Unknown Message"),
            }
        }
        Route::GetGuildMember => {
            let uid = req.id("user_id");
            let member = opts
                .guild
                .as_ref()
                .filter(|g| g.id == req.id("guild_id"))
                .and_then(|g| {
                    g.members
                        .iter()
                        .chain(std::iter::once(&opts.bot))
                        .find(|m| m.user_id == uid)
                });
            match member {
                Some(m) => {
                    let mut json = fixtures::member_json(m);
                    if m.user_id == opts.bot.user_id {
                        let mut roles = m.roles.clone();
                        roles.extend(st.guild_state.bot_roles.iter().copied());
                        json["roles"] = roles.iter().map(u64::to_string).collect();
                    }
                    Answer::ok(json)
                }
                None => Answer::error(404, 10007, "Unknown Member"),
            }
        }
        Route::GetGuild | Route::GetGuildRoles | Route::GetGuildChannels => {
            let Some(g) = opts.guild.as_ref().filter(|g| g.id == req.id("guild_id")) else {
                return Answer::error(404, 10004, "Unknown Guild");
            };
            let gs = &st.guild_state;
            Answer::ok(match req.route {
                Route::GetGuild => gs.guild_json(g, &opts.bot),
                Route::GetGuildRoles => Value::Array(gs.roles_json(g)),
                _ => Value::Array(gs.channels_json(g)),
            })
        }
        Route::ListScheduledEvents
        | Route::CreateScheduledEvent
        | Route::GetScheduledEvent
        | Route::EditScheduledEvent
        | Route::DeleteScheduledEvent => {
            let gid = req.id("guild_id");
            if opts.guild.as_ref().is_none_or(|g| g.id != gid) {
                return Answer::error(404, 10004, "Unknown Guild");
            }
            let eid = req.id("guild_scheduled_event_id");
            match req.route {
                Route::ListScheduledEvents => {
                    Answer::ok(st.guild_state.events.values().cloned().collect())
                }
                Route::CreateScheduledEvent => {
                    let id = st.next_id();
                    let bot = opts.bot.user_id;
                    Answer::ok(st.guild_state.create_event(id, gid, bot, &req.body()))
                }
                Route::GetScheduledEvent => match st.guild_state.events.get(&eid) {
                    Some(e) => Answer::ok(e.clone()),
                    None => Answer::error(404, 10070, "Unknown Guild Scheduled Event"),
                },
                Route::EditScheduledEvent => match st.guild_state.events.get_mut(&eid) {
                    Some(e) => {
                        super::guild_state::apply_event_edit(e, &req.body());
                        Answer::ok(e.clone())
                    }
                    None => Answer::error(404, 10070, "Unknown Guild Scheduled Event"),
                },
                _ => match st.guild_state.events.remove(&eid) {
                    Some(_) => Answer::no_content(),
                    None => Answer::error(404, 10070, "Unknown Guild Scheduled Event"),
                },
            }
        }
    }
}

fn as_snowflake(v: &Value) -> Option<u64> {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| v.as_u64())
}

fn known_user(shared: &Shared, user_id: u64) -> Actor {
    let opts = &shared.opts;
    opts.guild
        .iter()
        .flat_map(|g| g.members.iter())
        .chain([&opts.owner, &opts.default_actor])
        .find(|a| a.user_id == user_id)
        .cloned()
        .unwrap_or_else(|| Actor::new(user_id, &format!("user{user_id}")))
}

/// Stores a command under a stable id per (scope, name) and returns it as Discord would.
fn upsert_command(st: &mut State, application_id: u64, guild: Option<u64>, body: &Value) -> Value {
    let name = body
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let existing = match guild {
        None => st.global_commands.iter(),
        Some(g) => st
            .guild_commands
            .get(&g)
            .map(|v| v.iter())
            .unwrap_or_else(|| [].iter()),
    }
    .find(|c| c.get("name").and_then(Value::as_str) == Some(name.as_str()))
    .and_then(|c| c.get("id"))
    .and_then(as_snowflake);
    let id = match existing.or_else(|| st.command_ids.get(&name).copied()) {
        Some(id) => id,
        None => st.next_id(),
    };
    st.command_ids.insert(name, id);
    fixtures::command_json(id, application_id, guild, body)
}
