//! A small JSON-Schema (2020-12 subset) validator for the vendored subset of Discord's
//! OpenAPI description (`tests/support/discord-openapi/subset.json`).
//!
//! It implements exactly the keywords that `extract.py` lets through. Any other keyword or an
//! unknown `pattern` is reported as an error, so a constraint is never skipped silently.

use serde_json::{Map, Value};

/// The vendored subset, compiled into the test binary (tests never read /work/shared).
const SUBSET_JSON: &str = include_str!("../discord-openapi/subset.json");

/// Leniency: the OpenAPI description types these permission bit sets as integers, while
/// Discord's documentation (and serenity, and the live API) use decimal strings, e.g.
/// `"default_member_permissions": "32"`. A decimal string is accepted where it would be valid
/// as an integer.
pub const INTEGER_STRING_PROPERTIES: &[&str] = &["default_member_permissions", "permissions"];

/// Leniency: in `attachments` of a multipart request the spec types `id` as a snowflake
/// string, while new attachments carry the index of their `files[n]` part, which serenity (and
/// Discord's own documentation examples) send as an integer, e.g. `{"id": 0, "filename": …}`.
/// A non-negative integer is accepted there.
pub const ATTACHMENT_INDEX_PROPERTY: &str = "id";

/// Media types of request bodies the fake validates.
pub const JSON: &str = "application/json";
pub const MULTIPART: &str = "multipart/form-data";

const SNOWFLAKE_PATTERN: &str = "^(0|[1-9][0-9]*)$";
const HEX_COLOR_PATTERN: &str = "^#(([0-9a-fA-F]{2}){3}|([0-9a-fA-F]){3})$";

/// One reason a JSON value does not match its schema.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaError {
    /// JSON pointer into the validated value, e.g. `/data/content`.
    pub instance_path: String,
    /// Where in the schema the failing keyword sits, e.g. `#/components/schemas/X/properties/y`.
    pub schema_path: String,
    pub message: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.instance_path.is_empty() {
            "(root)"
        } else {
            &self.instance_path
        };
        write!(f, "{at}: {} [{}]", self.message, self.schema_path)
    }
}

/// The loaded OpenAPI subset.
pub struct OpenApi {
    root: Value,
}

impl OpenApi {
    /// Parses the vendored subset. Panics only if the vendored file is corrupt (test support).
    pub fn load() -> Self {
        let root = serde_json::from_str(SUBSET_JSON).expect("vendored subset.json is valid JSON");
        Self { root }
    }

    /// The `application/json` request body schema of an operation, if it has one.
    /// `method` is lower case (`"post"`), `template` an OpenAPI path (`"/channels/{channel_id}/messages"`).
    pub fn request_schema(&self, method: &str, template: &str) -> Option<&Value> {
        self.request_schema_for(method, template, JSON)
    }

    /// The request body schema of an operation for a media type ([`JSON`] or [`MULTIPART`],
    /// whose schema describes the `payload_json` part).
    pub fn request_schema_for(&self, method: &str, template: &str, media: &str) -> Option<&Value> {
        self.root
            .get("paths")?
            .get(template)?
            .get(method)?
            .get("requestBody")?
            .get("content")?
            .get(media)?
            .get("schema")
    }

    /// Whether the subset describes this operation at all.
    pub fn has_operation(&self, method: &str, template: &str) -> bool {
        self.root
            .get("paths")
            .and_then(|p| p.get(template))
            .and_then(|p| p.get(method))
            .is_some()
    }

    /// Validates a request body against the operation's schema. An operation without a
    /// JSON body schema accepts nothing but an absent body, reported by the caller.
    pub fn validate_request(
        &self,
        method: &str,
        template: &str,
        body: &Value,
    ) -> Result<(), Vec<SchemaError>> {
        self.validate_request_as(method, template, JSON, body)
    }

    /// Validates a request body sent as `media` ([`JSON`], or [`MULTIPART`] for the
    /// `payload_json` part of a multipart body).
    pub fn validate_request_as(
        &self,
        method: &str,
        template: &str,
        media: &str,
        body: &Value,
    ) -> Result<(), Vec<SchemaError>> {
        let Some(schema) = self.request_schema_for(method, template, media) else {
            return Err(vec![SchemaError {
                instance_path: String::new(),
                schema_path: format!("#/paths/{template}/{method}"),
                message: format!("operation has no {media} request body in the spec"),
            }]);
        };
        let loc = format!("#/paths/{template}/{method}/requestBody");
        let mut errors = self
            .validate_at(schema, body, &loc)
            .err()
            .unwrap_or_default();
        self.check_localization_keys(body, "", &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Beyond the spec (which leaves the keys free): every key of a `*_localizations` map must
    /// be one of Discord's locales (`AvailableLocalesEnum`), as the live API requires.
    fn check_localization_keys(&self, value: &Value, ipath: &str, out: &mut Vec<SchemaError>) {
        match value {
            Value::Object(obj) => {
                for (key, v) in obj {
                    let ip = format!("{ipath}/{key}");
                    if let (true, Value::Object(map)) = (key.ends_with("_localizations"), v) {
                        for locale in map.keys() {
                            let as_value = Value::from(locale.as_str());
                            if self
                                .validate_component("AvailableLocalesEnum", &as_value)
                                .is_err()
                            {
                                out.push(SchemaError {
                                    instance_path: format!("{ip}/{locale}"),
                                    schema_path: "#/components/schemas/AvailableLocalesEnum".into(),
                                    message: format!("`{locale}` is not a Discord locale"),
                                });
                            }
                        }
                    }
                    self.check_localization_keys(v, &ip, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.check_localization_keys(v, &format!("{ipath}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// Validates a value against `#/components/schemas/{name}`.
    pub fn validate_component(&self, name: &str, value: &Value) -> Result<(), Vec<SchemaError>> {
        let reference = format!("#/components/schemas/{name}");
        let schema = Value::Object(Map::from_iter([(
            "$ref".to_string(),
            Value::from(reference),
        )]));
        self.validate_at(&schema, value, "#")
    }

    fn validate_at(
        &self,
        schema: &Value,
        value: &Value,
        loc: &str,
    ) -> Result<(), Vec<SchemaError>> {
        let mut errors = Vec::new();
        self.check(schema, value, "", loc, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn resolve(&self, reference: &str) -> Option<&Value> {
        let name = reference.strip_prefix("#/components/schemas/")?;
        self.root.get("components")?.get("schemas")?.get(name)
    }

    fn check(
        &self,
        schema: &Value,
        value: &Value,
        ipath: &str,
        spath: &str,
        out: &mut Vec<SchemaError>,
    ) {
        let err = |out: &mut Vec<SchemaError>, kw: &str, message: String| {
            out.push(SchemaError {
                instance_path: ipath.to_string(),
                schema_path: format!("{spath}/{kw}"),
                message,
            })
        };
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return err(out, "", "schema `false` matches nothing".into()),
            Value::Object(map) => map,
            _ => return err(out, "", "schema is not an object".into()),
        };
        for (kw, arg) in schema {
            match kw.as_str() {
                "$ref" => {
                    let reference = arg.as_str().unwrap_or_default();
                    match self.resolve(reference) {
                        Some(target) => self.check(target, value, ipath, reference, out),
                        None => err(out, kw, format!("unresolvable $ref {reference}")),
                    }
                }
                "type" => {
                    let ok = match arg {
                        Value::String(t) => type_matches(t, value),
                        Value::Array(ts) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| type_matches(t, value))),
                        _ => false,
                    };
                    if !ok {
                        err(
                            out,
                            kw,
                            format!("expected type {arg}, got {}", type_name(value)),
                        );
                    }
                }
                "properties" => {
                    if let (Some(props), Value::Object(obj)) = (arg.as_object(), value) {
                        for (name, sub) in props {
                            if let Some(v) = obj.get(name) {
                                let ip = format!("{ipath}/{name}");
                                let sp = format!("{spath}/properties/{name}");
                                let mut errors = Vec::new();
                                self.check(sub, v, &ip, &sp, &mut errors);
                                if !errors.is_empty()
                                    && name == ATTACHMENT_INDEX_PROPERTY
                                    && is_attachment_item(ipath)
                                {
                                    // Documented leniency, see ATTACHMENT_INDEX_PROPERTY.
                                    if let Some(n) = v.as_u64() {
                                        let mut retry = Vec::new();
                                        let as_string = Value::from(n.to_string());
                                        self.check(sub, &as_string, &ip, &sp, &mut retry);
                                        if retry.is_empty() {
                                            errors.clear();
                                        }
                                    }
                                }
                                if !errors.is_empty()
                                    && INTEGER_STRING_PROPERTIES.contains(&name.as_str())
                                {
                                    // Documented leniency, see INTEGER_STRING_PROPERTIES.
                                    if let Some(n) = v.as_str().and_then(|s| s.parse::<u64>().ok())
                                    {
                                        let mut retry = Vec::new();
                                        self.check(sub, &Value::from(n), &ip, &sp, &mut retry);
                                        if retry.is_empty() {
                                            errors.clear();
                                        }
                                    }
                                }
                                out.extend(errors);
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(obj) = value {
                        for name in arg
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                        {
                            if !obj.contains_key(name) {
                                err(out, kw, format!("missing required property `{name}`"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(obj) = value {
                        let declared = schema.get("properties").and_then(Value::as_object);
                        for (name, v) in obj {
                            if declared.is_some_and(|d| d.contains_key(name)) {
                                continue;
                            }
                            match arg {
                                Value::Bool(false) => {
                                    err(out, kw, format!("property `{name}` is not allowed"))
                                }
                                Value::Bool(true) => {}
                                sub => {
                                    let ip = format!("{ipath}/{name}");
                                    self.check(
                                        sub,
                                        v,
                                        &ip,
                                        &format!("{spath}/additionalProperties"),
                                        out,
                                    )
                                }
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = value {
                        for (i, v) in items.iter().enumerate() {
                            self.check(
                                arg,
                                v,
                                &format!("{ipath}/{i}"),
                                &format!("{spath}/items"),
                                out,
                            );
                        }
                    }
                }
                "enum" => {
                    let options = arg.as_array().map(Vec::as_slice).unwrap_or_default();
                    if !options.iter().any(|o| json_eq(o, value)) {
                        err(out, kw, format!("{value} is not one of {arg}"));
                    }
                }
                "const" => {
                    if !json_eq(arg, value) {
                        err(out, kw, format!("expected constant {arg}, got {value}"));
                    }
                }
                "allOf" => {
                    for (i, sub) in arg.as_array().into_iter().flatten().enumerate() {
                        self.check(sub, value, ipath, &format!("{spath}/allOf/{i}"), out);
                    }
                }
                "anyOf" | "oneOf" => {
                    let mut matched = 0;
                    let mut closest: Option<Vec<SchemaError>> = None;
                    let subs = arg.as_array().map(Vec::as_slice).unwrap_or_default();
                    for (i, sub) in subs.iter().enumerate() {
                        let mut sub_errors = Vec::new();
                        self.check(
                            sub,
                            value,
                            ipath,
                            &format!("{spath}/{kw}/{i}"),
                            &mut sub_errors,
                        );
                        if sub_errors.is_empty() {
                            matched += 1;
                        } else if closest
                            .as_ref()
                            .is_none_or(|c| rank(&sub_errors, ipath) < rank(c, ipath))
                        {
                            closest = Some(sub_errors);
                        }
                    }
                    if matched == 0 {
                        err(
                            out,
                            kw,
                            format!("matches none of the {} alternatives; closest:", subs.len()),
                        );
                        out.extend(closest.unwrap_or_default());
                    } else if kw == "oneOf" && matched > 1 {
                        err(
                            out,
                            kw,
                            format!("matches {matched} alternatives, oneOf needs exactly 1"),
                        );
                    }
                }
                "minLength" | "maxLength" => {
                    if let (Value::String(s), Some(limit)) = (value, arg.as_u64()) {
                        let len = s.chars().count() as u64;
                        if (kw == "minLength" && len < limit) || (kw == "maxLength" && len > limit)
                        {
                            err(
                                out,
                                kw,
                                format!("string length {len} violates {kw} {limit}"),
                            );
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let Value::Number(n) = value {
                        let ord = compare_numbers(n, arg);
                        let bad = match ord {
                            Some(std::cmp::Ordering::Less) => kw == "minimum",
                            Some(std::cmp::Ordering::Greater) => kw == "maximum",
                            Some(std::cmp::Ordering::Equal) => false,
                            None => true,
                        };
                        if bad {
                            err(out, kw, format!("{n} violates {kw} {arg}"));
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let (Value::Array(items), Some(limit)) = (value, arg.as_u64()) {
                        let len = items.len() as u64;
                        if (kw == "minItems" && len < limit) || (kw == "maxItems" && len > limit) {
                            err(out, kw, format!("array length {len} violates {kw} {limit}"));
                        }
                    }
                }
                "minProperties" | "maxProperties" => {
                    if let (Value::Object(obj), Some(limit)) = (value, arg.as_u64()) {
                        let len = obj.len() as u64;
                        if (kw == "minProperties" && len < limit)
                            || (kw == "maxProperties" && len > limit)
                        {
                            err(out, kw, format!("{len} properties violate {kw} {limit}"));
                        }
                    }
                }
                "uniqueItems" => {
                    if let (Value::Array(items), Some(true)) = (value, arg.as_bool()) {
                        let dup = items
                            .iter()
                            .enumerate()
                            .any(|(i, a)| items[..i].iter().any(|b| json_eq(a, b)));
                        if dup {
                            err(out, kw, "array items are not unique".into());
                        }
                    }
                }
                "pattern" => {
                    if let Value::String(s) = value {
                        match arg.as_str() {
                            Some(SNOWFLAKE_PATTERN) => {
                                if !is_snowflake(s) {
                                    err(out, kw, format!("{s:?} is not a snowflake"));
                                }
                            }
                            Some(HEX_COLOR_PATTERN) => {
                                if !is_hex_color(s) {
                                    err(out, kw, format!("{s:?} is not a #rgb/#rrggbb colour"));
                                }
                            }
                            _ => err(
                                out,
                                kw,
                                format!("validator does not implement pattern {arg}"),
                            ),
                        }
                    }
                }
                "format" => {
                    let range = match arg.as_str() {
                        Some("int32") => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
                        Some("int64") => Some((i64::MIN, i64::MAX)),
                        _ => None, // other formats are annotations in JSON Schema 2020-12
                    };
                    if let (Some((lo, hi)), Value::Number(n)) = (range, value) {
                        let inside = n.as_i64().is_some_and(|v| v >= lo && v <= hi)
                            || n.as_f64().is_some_and(|v| {
                                v.fract() == 0.0 && v >= lo as f64 && v <= hi as f64
                            });
                        if !inside {
                            err(out, kw, format!("{n} is outside format {arg}"));
                        }
                    }
                }
                "title" | "description" | "x-discord-union" | "deprecated" | "default"
                | "readOnly" | "writeOnly" | "examples" | "contentEncoding"
                | "contentMediaType" => {}
                other => err(
                    out,
                    other,
                    format!("validator does not implement keyword `{other}`"),
                ),
            }
        }
    }
}

/// Orders failed alternatives for error reporting: first those whose discriminator matches (no
/// `type` error on the value itself, no `const` error on a direct property such as `type`),
/// then by number of errors.
fn rank(errors: &[SchemaError], ipath: &str) -> (bool, usize) {
    let mismatched = errors.iter().any(|e| {
        let direct_child = e
            .instance_path
            .strip_prefix(ipath)
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|rest| !rest.contains('/'));
        (e.instance_path == ipath && e.schema_path.ends_with("/type"))
            || (direct_child
                && (e.schema_path.ends_with("/const") || e.schema_path.ends_with("/enum")))
    });
    (mismatched, errors.len())
}

/// Is `ipath` an item of an `attachments` array (`…/attachments/0`)?
fn is_attachment_item(ipath: &str) -> bool {
    let mut back = ipath.rsplit('/');
    let index = back.next().unwrap_or_default();
    !index.is_empty()
        && index.bytes().all(|b| b.is_ascii_digit())
        && back.next() == Some("attachments")
}

fn type_matches(t: &str, value: &Value) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => match value {
            Value::Number(n) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        },
        _ => false,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// JSON equality where 1 and 1.0 are equal.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            compare_numbers(x, b) == Some(std::cmp::Ordering::Equal) || x == y
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// Compares exactly when both are integers (limits such as 18014398509481983 exceed f64 precision).
fn compare_numbers(n: &serde_json::Number, limit: &Value) -> Option<std::cmp::Ordering> {
    let Value::Number(limit) = limit else {
        return None;
    };
    let as_i128 = |x: &serde_json::Number| {
        x.as_i64()
            .map(i128::from)
            .or_else(|| x.as_u64().map(i128::from))
    };
    match (as_i128(n), as_i128(limit)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => n.as_f64()?.partial_cmp(&limit.as_f64()?),
    }
}

fn is_snowflake(s: &str) -> bool {
    s == "0" || (s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() && !s.starts_with('0'))
}

fn is_hex_color(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    (hex.len() == 6 || hex.len() == 3) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}
