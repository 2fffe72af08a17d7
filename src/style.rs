//! How text is written for where it goes. A leaf module: the outbound port names the
//! style its channel wants, the renderer ([`crate::render`]) writes in it; neither depends
//! on the other.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Terminal: no Markdown; users, roles and channels written as typed (`<@id>`).
    Plain,
    /// Discord Markdown: user text escaped, users as `<@id>` mentions.
    Discord,
    /// A Markdown file (an export) read outside Discord: user text escaped, users named
    /// in words in the file's language (`bruker 45`), since no client resolves `<@45>`.
    Document(crate::domain::Lang),
}
