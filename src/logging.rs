//! Logs for a service manager: plain text (colour only when standard error is a terminal)
//! or one JSON object per line (`log.format = "json"`) for journald or a log collector.
//!
//! What goes into a log line is only what the code puts in its fields: ids, keys, counts,
//! reasons chosen by the code. Never the text people write (see the privacy section of the
//! README); this module adds nothing of its own beyond time, level and target.

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines; ANSI colour only on a terminal.
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `target`, `message`, the event's
    /// fields, and `spans` (the fields of the spans it happened in, outermost first).
    Json,
}

/// Install the global subscriber: `filter` (a tracing filter; `RUST_LOG` wins), to standard
/// error, in `format`. Colour only when standard error is a terminal.
pub fn init(filter: &str, format: LogFormat) {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        LogFormat::Json => builder.with_ansi(false).event_format(JsonLines).try_init(),
    };
}

/// The JSON line format (no extra dependency: fields are collected with a visitor and
/// written with `serde_json`).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonLines;

#[derive(Default)]
struct Fields(serde_json::Map<String, serde_json::Value>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(
            field.name().to_string(),
            serde_json::Value::String(format!("{value:?}")),
        );
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0
            .insert(field.name().to_string(), serde_json::Value::from(value));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0
            .insert(field.name().to_string(), serde_json::Value::from(value));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0
            .insert(field.name().to_string(), serde_json::Value::from(value));
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0
            .insert(field.name().to_string(), serde_json::Value::from(value));
    }
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0
            .insert(field.name().to_string(), serde_json::Value::from(value));
    }
}

/// Span fields as formatted by the default field formatter (`key=value key2=value2`).
fn span_fields<S, N>(ctx: &FmtContext<'_, S, N>) -> Vec<serde_json::Value>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    let mut out = Vec::new();
    if let Some(scope) = ctx.event_scope() {
        for span in scope.from_root() {
            let mut obj = serde_json::Map::new();
            obj.insert("name".into(), span.name().into());
            let ext = span.extensions();
            if let Some(f) = ext.get::<tracing_subscriber::fmt::FormattedFields<N>>() {
                if !f.fields.is_empty() {
                    obj.insert("fields".into(), f.fields.as_str().into());
                }
            }
            out.push(serde_json::Value::Object(obj));
        }
    }
    out
}

impl<S, N> FormatEvent<S, N> for JsonLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> std::fmt::Result {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let meta = event.metadata();
        let mut line = serde_json::Map::new();
        line.insert(
            "timestamp".into(),
            chrono::Utc::now()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                .into(),
        );
        line.insert("level".into(), meta.level().as_str().into());
        line.insert("target".into(), meta.target().into());
        if let Some(m) = fields.0.remove("message") {
            line.insert("message".into(), m);
        }
        if !fields.0.is_empty() {
            line.insert("fields".into(), serde_json::Value::Object(fields.0));
        }
        let spans = span_fields(ctx);
        if !spans.is_empty() {
            line.insert("spans".into(), serde_json::Value::Array(spans));
        }
        let text = serde_json::to_string(&line).map_err(|_| std::fmt::Error)?;
        writer.write_str(&text)?;
        writer.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn capture(format: LogFormat, ansi: bool, f: impl FnOnce()) -> String {
        let buf = Buf::default();
        let w = buf.clone();
        let builder = tracing_subscriber::fmt()
            .with_writer(move || w.clone())
            .with_ansi(ansi);
        match format {
            LogFormat::Text => tracing::subscriber::with_default(builder.finish(), f),
            LogFormat::Json => {
                tracing::subscriber::with_default(builder.event_format(JsonLines).finish(), f)
            }
        }
        let bytes = buf.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8(bytes).expect("utf-8 log")
    }

    #[test]
    fn json_lines_are_one_object_per_event_with_fields_and_spans() {
        let out = capture(LogFormat::Json, false, || {
            let span = tracing::info_span!("notification", key = "reminder:1:1440");
            let _g = span.enter();
            tracing::warn!(attempt = 2, wait_ms = 2500u64, "delivery failed; retrying");
            tracing::info!("second");
        });
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0]["level"], "WARN");
        assert_eq!(lines[0]["message"], "delivery failed; retrying");
        assert_eq!(lines[0]["fields"]["attempt"], 2);
        assert_eq!(lines[0]["fields"]["wait_ms"], 2500);
        assert_eq!(lines[0]["spans"][0]["name"], "notification");
        assert!(lines[0]["spans"][0]["fields"]
            .as_str()
            .is_some_and(|f| f.contains("reminder:1:1440")));
        assert!(lines[0]["timestamp"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z')));
        assert!(!out.contains('\u{1b}'), "no escape codes: {out:?}");
    }

    #[test]
    fn text_without_a_terminal_has_no_colour_codes() {
        let out = capture(LogFormat::Text, false, || {
            tracing::warn!(key = "n1p0", "permanent delivery failure");
        });
        assert!(out.contains("permanent delivery failure"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }

    #[test]
    fn log_format_is_read_from_config_words() {
        #[derive(serde::Deserialize)]
        struct C {
            format: LogFormat,
        }
        let c: C = serde_json::from_str(r#"{"format":"json"}"#).expect("json");
        assert_eq!(c.format, LogFormat::Json);
        let c: C = serde_json::from_str(r#"{"format":"text"}"#).expect("text");
        assert_eq!(c.format, LogFormat::Text);
        assert!(serde_json::from_str::<C>(r#"{"format":"xml"}"#).is_err());
    }
}
