//! Writing in a [`Style`]: user text made inert; users, roles and channels as each front
//! end writes them.

use super::*;

impl Style {
    pub fn user(self, id: UserId) -> String {
        match self {
            // The console takes users as `<@id>` too.
            Style::Plain | Style::Discord => format!("<@{id}>"),
            Style::Document(lang) => t!(lang, "export-user", id = id.0),
        }
    }

    /// Roles and channels as typed (`<@&id>`, `<#id>`) in every style.
    pub fn role(self, id: crate::domain::RoleId) -> String {
        format!("<@&{id}>")
    }

    pub fn channel(self, id: crate::domain::ChannelId) -> String {
        format!("<#{id}>")
    }

    /// User-supplied text, made inert.
    pub fn text(self, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Discord | Style::Document(_) => escape_markdown(s),
        }
    }

    pub fn bold(self, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Discord | Style::Document(_) => format!("**{s}**"),
        }
    }
}

/// Escape Discord Markdown and neutralise mentions in user text: `*_~\`|>#-[]()\\` get
/// a backslash, `<` too (so `<@&123>` shows as text), and `@everyone`/`@here` get a
/// zero-width space after the `@`.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '-' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}
