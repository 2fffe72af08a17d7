//! Localized text through Project Fluent. Every user-facing string lives in
//! `locales/{nb,nn,en}.ftl` (compiled into the binary); code refers to message ids only.
//! Bokmål is the default and the fallback.

pub mod format;

use crate::domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue;

pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::Nb, include_str!("locales/nb.ftl")),
    (Lang::Nn, include_str!("locales/nn.ftl")),
    (Lang::En, include_str!("locales/en.ftl")),
];

struct Bundles {
    nb: FluentBundle<FluentResource>,
    nn: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    nb: bundle(Lang::Nb),
    nn: bundle(Lang::Nn),
    en: bundle(Lang::En),
});

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or("");
    let langid = match lang {
        Lang::Nb => unic_langid::langid!("nb"),
        Lang::Nn => unic_langid::langid!("nn"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks: our output goes to Discord and terminals as is.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            tracing::error!(lang = lang.code(), ?errors, "locale file has syntax errors");
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(lang = lang.code(), ?errors, "locale file has duplicate ids");
    }
    bundle
}

fn bundle_for(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Nb => &BUNDLES.nb,
        Lang::Nn => &BUNDLES.nn,
        Lang::En => &BUNDLES.en,
    }
}

/// The message `id` in `lang`, falling back to bokmål, then to the id itself.
pub fn tr(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for l in [lang, Lang::Nb] {
        let bundle = bundle_for(l);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    id,
                    lang = l.code(),
                    ?errors,
                    "message formatted with errors"
                );
            }
            return text.into_owned();
        }
    }
    tracing::warn!(id, "missing message");
    id.to_string()
}

/// The message `id` (or its attribute `attr`) in exactly `lang`, without fallback;
/// `None` if that locale lacks it. Used for Discord's per-locale command fields.
pub fn lookup(lang: Lang, id: &str, attr: Option<&str>) -> Option<String> {
    let bundle = bundle_for(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// `t!(lang, "id")` or `t!(lang, "id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::tr($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::tr($lang, $id, Some(&args))
    }};
}

/// Message ids defined in a locale file (for tests and tooling).
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_parses_without_errors() {
        for (lang, source) in SOURCES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{} has syntax errors: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn every_key_exists_in_every_locale() {
        let sets: Vec<(Lang, BTreeSet<String>)> = SOURCES
            .iter()
            .map(|(l, s)| (*l, message_ids(s).into_iter().collect()))
            .collect();
        let all: BTreeSet<String> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        for (lang, set) in &sets {
            let missing: Vec<_> = all.difference(set).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
    }

    #[test]
    fn no_duplicate_ids() {
        for (lang, source) in SOURCES {
            let ids = message_ids(source);
            let unique: BTreeSet<_> = ids.iter().collect();
            assert_eq!(ids.len(), unique.len(), "{} has duplicate ids", lang.code());
        }
    }

    #[test]
    fn every_id_used_in_code_exists() {
        let defined: BTreeSet<String> = message_ids(SOURCES[0].1).into_iter().collect();
        let mut used = BTreeSet::new();
        collect_used_ids(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .as_path(),
            &mut used,
        );
        assert!(
            used.len() > 50,
            "the scan found too few ids: {}",
            used.len()
        );
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(
            missing.is_empty(),
            "ids used in code but not in nb.ftl: {missing:?}"
        );
    }

    /// Literals in the code that look like message ids (`word-word…`) but are not.
    const NOT_MESSAGES: &[&str] = &[
        "skip-holidays",
        "line-tables-only",
        "day-of-month",
        "day-of-week",
        "hemmelig-verdi",
        "holiday-",
    ];

    /// Collect every string literal in the sources shaped like a message id.
    fn collect_used_ids(dir: &std::path::Path, used: &mut BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_used_ids(&path, used);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for (n, lit) in src.split('"').enumerate() {
                    if n % 2 == 1 && is_message_id(lit) && !NOT_MESSAGES.contains(&lit) {
                        used.insert(lit.to_string());
                    }
                }
            }
        }
    }

    /// A whole id (`level-styrende`), not a prefix that code completes (`level-`).
    fn is_message_id(s: &str) -> bool {
        s.contains('-')
            && !s.ends_with('-')
            && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
}
