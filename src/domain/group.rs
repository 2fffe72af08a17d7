use super::{ChannelId, GroupId, Lang, RoleId, WorkspaceId};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The three SLT levels, plus groups that fit none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SltLevel {
    /// styringsgruppe, politiråd
    Styrende,
    /// koordineringsgruppe, arbeidsutvalg
    Koordinerende,
    /// tverrfaglig samarbeidsmøte, fagteam, ungdomsteam
    Utforende,
    Annet,
}

impl SltLevel {
    pub const ALL: [SltLevel; 4] = [
        SltLevel::Styrende,
        SltLevel::Koordinerende,
        SltLevel::Utforende,
        SltLevel::Annet,
    ];

    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            SltLevel::Styrende => "styrende",
            SltLevel::Koordinerende => "koordinerende",
            SltLevel::Utforende => "utforende",
            SltLevel::Annet => "annet",
        }
    }
}

impl FromStr for SltLevel {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().as_str() {
            "styrende" | "styrande" | "steering" | "styringsgruppe" | "politiråd" | "politirad" => {
                Ok(SltLevel::Styrende)
            }
            "koordinerende"
            | "coordinating"
            | "koordinerande"
            | "koordineringsgruppe"
            | "arbeidsutvalg"
            | "arbeidsutval" => Ok(SltLevel::Koordinerende),
            "utforende" | "utførende" | "utførande" | "utforande" | "operational" => {
                Ok(SltLevel::Utforende)
            }
            "annet" | "anna" | "other" => Ok(SltLevel::Annet),
            _ => Err(()),
        }
    }
}

/// A body that meets: styringsgruppe, koordineringsgruppe, tverrfaglig møte …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub workspace: WorkspaceId,
    pub name: String,
    pub level: SltLevel,
    pub channel: Option<ChannelId>,
    pub coordinator_role: Option<RoleId>,
    pub member_role: Option<RoleId>,
    /// `None` = the workspace's timezone.
    pub timezone: Option<Tz>,
    /// `None` = the workspace's language.
    pub language: Option<Lang>,
    pub archived_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// May the weekly digest (posted where the whole server reads) show this group's item
    /// and action titles? Off by default: the digest then shows its meeting times and
    /// counts only. The group's coordinators turn it on.
    #[serde(default)]
    pub digest_titles: bool,
    /// Members of this role record the body's meetings (decisions, attendance, guests)
    /// without being its coordinators: the body's *referent*.
    #[serde(default)]
    pub referent_role: Option<RoleId>,
}

impl Group {
    /// The language the group speaks: its own, else its workspace's. The one rule, used by
    /// replies and scheduled messages alike.
    pub fn effective_language(&self, ws: &super::Workspace) -> Lang {
        self.language.unwrap_or(ws.language)
    }

    /// The timezone the group meets in: its own, else its workspace's.
    pub fn effective_timezone(&self, ws: &super::Workspace) -> Tz {
        self.timezone.unwrap_or(ws.timezone)
    }

    pub fn is_archived(&self) -> bool {
        self.archived_at.is_some()
    }

    /// The key under which names are unique per workspace: Unicode NFKC, invisible
    /// characters (zero-width space, …) dropped, Cyrillic and Greek look-alikes of Latin
    /// letters folded to them, whitespace trimmed and collapsed, lower-cased with Unicode
    /// rules (so Æ/æ, Ø/ø and Å/å compare equal). See
    /// [`crate::domain::privacy::normalize::name_key`].
    pub fn name_key(name: &str) -> String {
        crate::domain::privacy::normalize::name_key(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_key_folds_norwegian_letters_and_spaces() {
        assert_eq!(
            Group::name_key("  Tverrfaglig   SAMARBEIDSMØTE "),
            Group::name_key("tverrfaglig samarbeidsmøte")
        );
        assert_ne!(
            Group::name_key("Styringsgruppa"),
            Group::name_key("Styringsgruppe")
        );
    }

    #[test]
    fn level_accepts_norwegian_body_names() {
        assert_eq!("Politiråd".parse(), Ok(SltLevel::Styrende));
        assert_eq!("arbeidsutval".parse(), Ok(SltLevel::Koordinerende));
        assert_eq!("utførande".parse(), Ok(SltLevel::Utforende));
        assert!("kommunestyre".parse::<SltLevel>().is_err());
    }
}
