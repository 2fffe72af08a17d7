use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The languages sltbot speaks. Bokmål is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Map a Discord (or BCP 47) locale to one of ours. Discord has a single Norwegian
    /// locale, `no`; a Norwegian user then gets the workspace's Norwegian variant
    /// (so a nynorsk municipality stays nynorsk). Anything else English-like falls
    /// back to English, and unknown locales to the workspace language.
    pub fn from_locale(locale: &str, workspace: Lang) -> Lang {
        let primary = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" => Lang::Nb,
            "nn" => Lang::Nn,
            "no" => match workspace {
                Lang::Nn => Lang::Nn,
                _ => Lang::Nb,
            },
            "en" => Lang::En,
            _ => workspace,
        }
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().as_str() {
            "nb" | "bokmål" | "bokmal" | "no" => Ok(Lang::Nb),
            "nn" | "nynorsk" => Ok(Lang::Nn),
            "en" | "english" | "engelsk" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_norwegian_follows_workspace_variant() {
        assert_eq!(Lang::from_locale("no", Lang::Nn), Lang::Nn);
        assert_eq!(Lang::from_locale("no", Lang::En), Lang::Nb);
        assert_eq!(Lang::from_locale("en-GB", Lang::Nb), Lang::En);
        assert_eq!(Lang::from_locale("sv-SE", Lang::Nn), Lang::Nn);
    }

    #[test]
    fn parses_names_and_codes() {
        assert_eq!("Nynorsk".parse::<Lang>(), Ok(Lang::Nn));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
