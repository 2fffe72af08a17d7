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

    pub const fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Map a Discord (or BCP 47) locale to one of ours, in a context speaking `context`
    /// (see [`Locale`]); unknown locales get the context's language.
    pub fn from_locale(locale: &str, context: Lang) -> Lang {
        Locale::from_tag(locale).map_or(context, |l| l.lang_in(context))
    }
}

/// The language a user's client asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// One of ours.
    Is(Lang),
    /// Norwegian without the variant: Discord has a single Norwegian locale, `no`. The user
    /// gets the context's variant (so a nynorsk municipality or group stays nynorsk), and
    /// bokmål where the context speaks English.
    Norwegian,
}

impl Locale {
    /// From a locale tag (`nb`, `nn`, `no`, `en-GB`, …); `None` for a language sltbot does
    /// not speak, which leaves the choice to the context.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" => Some(Locale::Is(Lang::Nb)),
            "nn" => Some(Locale::Is(Lang::Nn)),
            "no" => Some(Locale::Norwegian),
            "en" => Some(Locale::Is(Lang::En)),
            _ => None,
        }
    }

    /// The language to answer in where the group or workspace speaks `context`.
    pub fn lang_in(self, context: Lang) -> Lang {
        match (self, context) {
            (Locale::Is(lang), _) => lang,
            (Locale::Norwegian, Lang::En) => Lang::Nb,
            (Locale::Norwegian, norwegian) => norwegian,
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
    fn a_norwegian_locale_takes_the_variant_of_where_it_is_used() {
        let no = Locale::from_tag("no").unwrap();
        assert_eq!(no.lang_in(Lang::Nn), Lang::Nn);
        assert_eq!(no.lang_in(Lang::Nb), Lang::Nb);
        assert_eq!(no.lang_in(Lang::En), Lang::Nb);
        assert_eq!(Locale::from_tag("nb_NO"), Some(Locale::Is(Lang::Nb)));
        assert_eq!(
            Locale::from_tag("en-US").unwrap().lang_in(Lang::Nn),
            Lang::En
        );
        assert_eq!(Locale::from_tag("sv-SE"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn parses_names_and_codes() {
        assert_eq!("Nynorsk".parse::<Lang>(), Ok(Lang::Nn));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
