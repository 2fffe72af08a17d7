//! The minutes document: a [`Minutes`] record turned into Markdown ([`markdown`]) or an
//! archive-ready PDF/A-2b ([`pdf`]). Pure: data in, bytes out; every label comes from the
//! Fluent files in the reader's language.
//!
//! Both formats are written from the same list of [`Block`]s, so they always say the same
//! things in the same order.

pub mod markdown;
pub mod pdf;

use crate::domain::minutes::{Attendee, CaseNumber, Minutes, MinutesAction, MinutesStatus};
use crate::domain::{Lang, SltLevel};
use crate::i18n::format;
use crate::t;
use chrono::{NaiveDate, Timelike};

/// One piece of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title (once, first).
    Title(String),
    /// A section heading: cases, actions, orders.
    Section(String),
    /// One case's heading: `Sak 03/27 Title`.
    Case(String),
    /// A labelled value: `Vedtak: …`. The value may hold line breaks.
    Field { label: String, value: String },
    /// A plain paragraph.
    Text(String),
    /// One entry of a list.
    Bullet(String),
}

/// The document title, also the PDF's title metadata: `Referat fra Koordineringsgruppa,
/// Møte 3/2027`.
pub fn title(m: &Minutes, lang: Lang) -> String {
    let heading = t!(lang, "minutes-heading", body = m.body.clone());
    match m.number {
        Some(n) => format!(
            "{heading}, {}",
            t!(lang, "meeting-number", number = n.to_string())
        ),
        None => heading,
    }
}

pub fn case_number(lang: Lang, n: CaseNumber) -> String {
    t!(lang, "case-number", number = n.to_string())
}

fn level(lang: Lang, l: SltLevel) -> String {
    let id = match l {
        SltLevel::Styrende => "level-styrende",
        SltLevel::Koordinerende => "level-koordinerende",
        SltLevel::Utforende => "level-utforende",
        SltLevel::Annet => "level-annet",
    };
    t!(lang, id)
}

fn date(lang: Lang, d: NaiveDate) -> String {
    format::date_short(lang, d)
}

fn people(lang: Lang, list: &[Attendee]) -> String {
    if list.is_empty() {
        return t!(lang, "minutes-none");
    }
    list.iter()
        .map(|a| match &a.note {
            Some(note) => format!("{} ({note})", a.name),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole document as blocks, in `lang`.
pub fn blocks(m: &Minutes, lang: Lang) -> Vec<Block> {
    let field = |label: &str, value: String| Block::Field {
        label: t!(lang, label),
        value,
    };
    let mut out = vec![Block::Title(title(m, lang))];
    out.push(field("minutes-level", level(lang, m.level)));
    out.push(field("minutes-date", format::date(lang, m.date)));
    out.push(field(
        "minutes-time",
        t!(
            lang,
            "minutes-time-value",
            hh = format!("{:02}", m.time.hour()),
            min = format!("{:02}", m.time.minute())
        ),
    ));
    if let Some(place) = &m.place {
        out.push(field("minutes-place", place.clone()));
    }
    if let Some(chair) = &m.chair {
        out.push(field("minutes-chair", chair.clone()));
    }
    if let Some(referent) = &m.referent {
        out.push(field("minutes-referent", referent.clone()));
    }
    out.push(field("minutes-present", people(lang, &m.present)));
    out.push(field("minutes-apologies", people(lang, &m.apologies)));
    if !m.guests.is_empty() {
        let guests = m
            .guests
            .iter()
            .map(|g| match &g.agency {
                Some(agency) => format!("{} ({agency})", g.name),
                None => g.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push(field("minutes-guests", guests));
    }
    let status = match m.status {
        MinutesStatus::Draft => t!(lang, "minutes-status-draft"),
        MinutesStatus::Published { on } => {
            t!(lang, "minutes-status-published", date = date(lang, on))
        }
        MinutesStatus::Approved { on } => {
            t!(lang, "minutes-status-approved", date = date(lang, on))
        }
    };
    out.push(field("minutes-status", status));

    out.push(Block::Section(t!(lang, "minutes-cases")));
    if m.cases.is_empty() {
        out.push(Block::Text(t!(lang, "minutes-none")));
    }
    for c in &m.cases {
        let heading = match c.number {
            Some(n) => format!("{} {}", case_number(lang, n), c.title),
            None => c.title.clone(),
        };
        out.push(Block::Case(heading));
        out.push(field(
            "minutes-case-type",
            t!(lang, c.case_type.message_id()),
        ));
        if let Some(notes) = &c.notes {
            out.push(field("minutes-notes", notes.clone()));
        }
        if let Some(decision) = &c.decision {
            out.push(field("minutes-decision", decision.clone()));
        }
        if let Some(r) = &c.responsible {
            out.push(field("minutes-responsible", r.clone()));
        }
        if let Some(d) = c.deadline {
            out.push(field("minutes-deadline", date(lang, d)));
        }
        // The actions this case gave rise to, under it too.
        for a in m
            .actions
            .iter()
            .filter(|a| a.case.is_some() && a.case == c.number)
        {
            out.push(field("minutes2-case-action", action_text(lang, a)));
        }
        // Orders sent from this case: "Bestilling til Koordineringsgruppa: …".
        for o in m
            .orders
            .iter()
            .filter(|o| o.case.is_some() && o.case == c.number)
        {
            out.push(Block::Field {
                label: t!(lang, "minutes-case-order", body = o.to.clone()),
                value: o.title.clone(),
            });
        }
    }

    out.push(Block::Section(t!(lang, "minutes-actions")));
    if m.actions.is_empty() {
        out.push(Block::Text(t!(lang, "minutes-none")));
    }
    for a in &m.actions {
        let mut line = action_text(lang, a);
        if let Some(n) = a.case {
            line.push_str(&format!(
                " ({})",
                t!(lang, "minutes-from-case", case = case_number(lang, n))
            ));
        }
        out.push(Block::Bullet(line));
    }

    out.push(Block::Section(t!(lang, "minutes-orders")));
    if m.orders.is_empty() {
        out.push(Block::Text(t!(lang, "minutes-none")));
    }
    for o in &m.orders {
        let mut line = format!(
            "{} {}",
            o.title,
            t!(lang, "minutes-order-to", body = o.to.clone())
        );
        if let Some(d) = o.due {
            line.push_str(&format!(
                ", {} {}",
                lower(&t!(lang, "minutes-deadline")),
                date(lang, d)
            ));
        }
        if let Some(n) = o.case {
            line.push_str(&format!(
                " ({})",
                t!(lang, "minutes-from-case", case = case_number(lang, n))
            ));
        }
        out.push(Block::Bullet(line));
    }
    out
}

/// `Title — Ansvarlig: Name (Agency), frist 01.03.2027`
fn action_text(lang: Lang, a: &MinutesAction) -> String {
    let mut line = format!(
        "{} — {}: {}",
        a.title,
        t!(lang, "minutes-responsible"),
        a.owner
    );
    if let Some(agency) = &a.agency {
        line.push_str(&format!(" ({agency})"));
    }
    if let Some(d) = a.due {
        line.push_str(&format!(
            ", {} {}",
            lower(&t!(lang, "minutes-deadline")),
            date(lang, d)
        ));
    }
    line
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod sample {
    //! A meeting's minutes with everything filled in, Norwegian letters everywhere.
    use crate::domain::minutes::*;
    use crate::domain::SltLevel;
    use chrono::{NaiveDate, NaiveTime};

    pub fn minutes() -> Minutes {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let n = |seq| Some(CaseNumber { year: 2027, seq });
        Minutes {
            body: "Koordineringsgruppa i Ås".into(),
            level: SltLevel::Koordinerende,
            number: Some(MeetingNumber { year: 2027, seq: 3 }),
            date: d(2027, 3, 9),
            time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            place: Some("Rådhuset, møterom Æsir".into()),
            chair: Some("Åse Øvrebø".into()),
            referent: Some("Per Ærø".into()),
            present: vec![
                Attendee {
                    name: "Åse Øvrebø".into(),
                    note: None,
                },
                Attendee {
                    name: "Per Ærø".into(),
                    note: Some("kom kl. 09.30".into()),
                },
            ],
            apologies: vec![Attendee {
                name: "Bjørn Låtefoss".into(),
                note: Some("sykdom".into()),
            }],
            guests: vec![Guest {
                name: "Siri Næss".into(),
                agency: Some("Vindafjord kommune".into()),
            }],
            cases: vec![
                MinutesCase {
                    number: n(7),
                    title: "Godkjenning av innkalling og saksliste".into(),
                    case_type: CaseType::Standing,
                    notes: None,
                    decision: Some("Innkalling og saksliste godkjent.".into()),
                    responsible: None,
                    deadline: None,
                },
                MinutesCase {
                    number: n(8),
                    title: "Økt uro ved ungdomsklubben på Ås".into(),
                    case_type: CaseType::Decision,
                    notes: Some(
                        "Politiet og utekontakten så økt rusbruk i helgene.\nSkolen bekreftet bildet."
                            .into(),
                    ),
                    decision: Some("Utekontakten får ansvar for helgevakter ut mai.".into()),
                    responsible: Some("Utekontakten".into()),
                    deadline: Some(d(2027, 5, 31)),
                },
                MinutesCase {
                    number: n(9),
                    title: "Orientering om Ungdata-undersøkelsen".into(),
                    case_type: CaseType::Information,
                    notes: None,
                    decision: Some("Tatt til orientering.".into()),
                    responsible: None,
                    deadline: None,
                },
            ],
            actions: vec![MinutesAction {
                title: "Kartlegge fritidstilbud på Ås".into(),
                owner: "Åse Øvrebø".into(),
                agency: Some("Kulturetaten".into()),
                due: Some(d(2027, 4, 30)),
                case: n(8),
            }],
            orders: vec![MinutesOrder {
                to: "Styringsgruppa".into(),
                title: "Vurdere midler til helgeåpen klubb".into(),
                due: Some(d(2027, 6, 1)),
                case: n(8),
            }],
            status: MinutesStatus::Draft,
        }
    }
}
