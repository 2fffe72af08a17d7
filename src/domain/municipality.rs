//! Municipalities (*kommuner*) of an inter-municipal SLT setup: Etne and Vindafjord share a
//! coordinator; Tønsberg's styringsgruppe is shared with Færder. A workspace holds
//! municipalities (name and kommunenummer), a body belongs to one or more, and a guest — a
//! Discord role such as "Færder", or a user — can be invited to chosen meetings only.

use super::{ChannelId, GroupId, MeetingId, RoleId, UserId, WorkspaceId};
use serde::{Deserialize, Serialize};

/// A municipality's row id (never reused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MunicipalityId(pub i64);

/// The counties (*fylker*) of 1 January 2024, by number: the first two digits of every
/// kommunenummer from then on (SSB's classification of municipalities, version 2024).
pub const COUNTIES: &[(&str, &str)] = &[
    ("03", "Oslo"),
    ("11", "Rogaland"),
    ("15", "Møre og Romsdal"),
    ("18", "Nordland"),
    ("31", "Østfold"),
    ("32", "Akershus"),
    ("33", "Buskerud"),
    ("34", "Innlandet"),
    ("39", "Vestfold"),
    ("40", "Telemark"),
    ("42", "Agder"),
    ("46", "Vestland"),
    ("50", "Trøndelag"),
    ("55", "Troms"),
    ("56", "Finnmark"),
];

/// A kommunenummer of the 2024 classification: four digits, the first two a county's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kommunenummer(String);

/// Why a text is not a kommunenummer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Not four digits.
    NotFourDigits,
    /// Four digits, but no county has the first two (e.g. `1201`, Bergen before 2020).
    UnknownCounty,
}

impl Kommunenummer {
    /// Parse `4611`, ` 4611 `, `K-4611` or `0301`. Older numbers (before the 2020 and 2024
    /// county reforms, e.g. `1201` Bergen) are refused: their county no longer exists.
    pub fn parse(input: &str) -> Result<Kommunenummer, NumberError> {
        let s = input.trim();
        let s = s
            .strip_prefix("K-")
            .or_else(|| s.strip_prefix("k-"))
            .unwrap_or(s);
        if s.chars().count() != 4 || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberError::NotFourDigits);
        }
        if county(&s[..2]).is_none() {
            return Err(NumberError::UnknownCounty);
        }
        Ok(Kommunenummer(s.to_string()))
    }

    /// As stored: four digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The county (*fylke*) the number belongs to.
    pub fn county(&self) -> &'static str {
        county(&self.0[..2]).unwrap_or("")
    }

    /// A number read back from the database (checked on the way in).
    pub fn from_stored(s: String) -> Kommunenummer {
        Kommunenummer(s)
    }
}

impl std::fmt::Display for Kommunenummer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn county(prefix: &str) -> Option<&'static str> {
    COUNTIES
        .iter()
        .find(|(n, _)| *n == prefix)
        .map(|(_, name)| *name)
}

/// A municipality of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub workspace: WorkspaceId,
    pub number: Kommunenummer,
    pub name: String,
    /// Where its own weekly digest (only its bodies) is posted, if anywhere.
    pub digest_channel: Option<ChannelId>,
}

impl Municipality {
    /// Does `input` name this municipality: its number, or its name in any case?
    pub fn is_named(&self, input: &str) -> bool {
        let input = input.trim();
        Kommunenummer::parse(input).is_ok_and(|n| n == self.number)
            || self.name.to_lowercase() == input.to_lowercase()
    }
}

/// Who is invited to a meeting as a guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
pub enum Guest {
    /// Everyone with this role (e.g. the other municipality's representatives).
    Role(RoleId),
    User(UserId),
}

impl Guest {
    /// The stored kind and target.
    pub fn parts(self) -> (&'static str, i64) {
        match self {
            Guest::Role(r) => ("role", r.0 as i64),
            Guest::User(u) => ("user", u.0 as i64),
        }
    }

    pub fn from_parts(kind: &str, target: i64) -> Option<Guest> {
        match kind {
            "role" => Some(Guest::Role(RoleId(target as u64))),
            "user" => Some(Guest::User(UserId(target as u64))),
            _ => None,
        }
    }

    /// Is the actor with `user` and `roles` this guest?
    pub fn matches(self, user: UserId, roles: &[RoleId]) -> bool {
        match self {
            Guest::Role(r) => roles.contains(&r),
            Guest::User(u) => u == user,
        }
    }
}

/// A guest invited to one meeting of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invite {
    pub meeting: MeetingId,
    pub group: GroupId,
    pub guest: Guest,
}

/// Meeting ids in a list as typed: `15 18 21`, `15, 18, 21`, `#15;#18`. `None` when a
/// piece is not a number.
pub fn meeting_ids(input: &str) -> Option<Vec<MeetingId>> {
    let mut out = Vec::new();
    for piece in input
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let n: i64 = piece.trim_start_matches('#').parse().ok()?;
        if n < 1 {
            return None;
        }
        let id = MeetingId(n);
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommunenummer_of_2024_are_accepted_with_their_county() {
        for (input, number, county) in [
            ("4611", "4611", "Vestland"),   // Etne
            ("1160", "1160", "Rogaland"),   // Vindafjord
            (" 3905 ", "3905", "Vestfold"), // Tønsberg
            ("K-3911", "3911", "Vestfold"), // Færder
            ("0301", "0301", "Oslo"),
            ("5601", "5601", "Finnmark"), // Alta
        ] {
            let n = Kommunenummer::parse(input).unwrap();
            assert_eq!((n.as_str(), n.county()), (number, county), "{input}");
        }
    }

    #[test]
    fn malformed_or_retired_numbers_are_refused() {
        for (input, err) in [
            ("461", NumberError::NotFourDigits),
            ("46111", NumberError::NotFourDigits),
            ("46a1", NumberError::NotFourDigits),
            ("", NumberError::NotFourDigits),
            ("٤٦١١", NumberError::NotFourDigits),
            ("1201", NumberError::UnknownCounty), // Bergen before 2020
            ("3803", NumberError::UnknownCounty), // Tønsberg 2020–2023
            ("0000", NumberError::UnknownCounty),
        ] {
            assert_eq!(Kommunenummer::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn a_municipality_is_named_by_number_or_name() {
        let m = Municipality {
            id: MunicipalityId(1),
            workspace: WorkspaceId(1),
            number: Kommunenummer::parse("3911").unwrap(),
            name: "Færder".into(),
            digest_channel: None,
        };
        assert!(m.is_named("3911"));
        assert!(m.is_named("færder"));
        assert!(m.is_named(" FÆRDER "));
        assert!(!m.is_named("3905"));
        assert!(!m.is_named("Tønsberg"));
    }

    #[test]
    fn meeting_id_lists_as_typed() {
        assert_eq!(
            meeting_ids("15 18, 21;#24 15"),
            Some(vec![
                MeetingId(15),
                MeetingId(18),
                MeetingId(21),
                MeetingId(24)
            ])
        );
        assert_eq!(meeting_ids(""), Some(vec![]));
        assert_eq!(meeting_ids("15 og 18"), None);
        assert_eq!(meeting_ids("0"), None);
    }
}
