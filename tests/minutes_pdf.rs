//! The minutes PDF, read back with tools that share no code with the writer: `pdf-extract`
//! for the text, `lopdf` for the object tree (fonts, XMP metadata).

use chrono::{NaiveDate, NaiveTime};
use sltbot::domain::minutes::*;
use sltbot::domain::{Lang, SltLevel};
use sltbot::minutes::pdf;

const TITLES: [&str; 4] = [
    "Godkjenning av innkalling og saksliste",
    "Økt uro ved ungdomsklubben på Ås",
    "Blåbærturen for 8. trinn – søknad om støtte",
    "ÆRLIGHET, ØKONOMI OG ÅPENHET I SLT-ARBEIDET",
];

fn minutes(cases: usize) -> Minutes {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    Minutes {
        body: "Koordineringsgruppa i Ås".into(),
        municipalities: Vec::new(),
        level: SltLevel::Koordinerende,
        number: Some(MeetingNumber { year: 2027, seq: 3 }),
        date: d(2027, 3, 9),
        time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        place: Some("Rådhuset".into()),
        chair: Some("Åse Øvrebø".into()),
        referent: None,
        present: vec![Attendee {
            name: "Åse Øvrebø".into(),
            note: None,
        }],
        apologies: vec![],
        guests: vec![],
        cases: (0..cases)
            .map(|i| MinutesCase {
                number: Some(CaseNumber {
                    year: 2027,
                    seq: i as u32 + 1,
                }),
                title: TITLES[i % TITLES.len()].into(),
                case_type: CaseType::Decision,
                notes: Some("Drøftet grundig. ".repeat(40)),
                decision: Some("Vedtatt som foreslått; ansvaret ligger hos Ås kommune.".into()),
                responsible: Some("Kulturetaten".into()),
                deadline: Some(d(2027, 4, 30)),
            })
            .collect(),
        actions: vec![],
        orders: vec![],
        status: MinutesStatus::Draft,
    }
}

fn made() -> chrono::DateTime<chrono::Utc> {
    chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 10, 8, 0, 0).unwrap()
}

#[test]
fn the_same_minutes_give_the_same_file() {
    let m = minutes(2);
    assert_eq!(
        pdf::render(&m, Lang::Nb, made()).unwrap(),
        pdf::render(&m, Lang::Nb, made()).unwrap()
    );
}

fn text_of(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("pdf-extract reads the PDF");
    // Extraction may break lines anywhere a line was wrapped; compare with single spaces.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_case_title_is_in_the_pdf_text_with_norwegian_letters_intact() {
    let m = minutes(TITLES.len());
    let bytes = pdf::render(&m, Lang::Nb, made()).unwrap();
    let text = text_of(&bytes);
    for t in TITLES {
        assert!(text.contains(t), "{t:?} missing from the PDF text:\n{text}");
    }
    assert!(text.contains("Sak 02/27 Økt uro"), "{text}");
    assert!(text.contains("Møteleder: Åse Øvrebø"), "{text}");
    assert!(text.contains("Side 1 av"), "{text}");
}

#[test]
fn labels_follow_the_language_in_nynorsk_and_english() {
    let m = minutes(2);
    let nn = text_of(&pdf::render(&m, Lang::Nn, made()).unwrap());
    assert!(
        nn.contains("Møteleiar: Åse Øvrebø") && nn.contains("Handsaming:"),
        "{nn}"
    );
    let en = text_of(&pdf::render(&m, Lang::En, made()).unwrap());
    assert!(
        en.contains("Chair: Åse Øvrebø") && en.contains("Case 02/27"),
        "{en}"
    );
    assert!(en.contains("Page 1 of"), "{en}");
}

#[test]
fn many_cases_flow_over_numbered_pages() {
    let m = minutes(40);
    let bytes = pdf::render(&m, Lang::Nb, made()).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages().len();
    assert!(pages >= 5, "{pages} pages");
    let text = text_of(&bytes);
    for p in 1..=pages {
        assert!(text.contains(&format!("Side {p} av {pages}")), "page {p}");
    }
    // Every case made it, in order, none cut off at a page end.
    let mut from = 0;
    for i in 1..=40 {
        let needle = format!("Sak {i:02}/27");
        let at = text[from..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{needle} missing"));
        from += at + needle.len();
    }
}

#[test]
fn the_pdf_declares_pdf_a_2b_and_a4_and_embeds_its_fonts() {
    let bytes = pdf::render(&minutes(3), Lang::Nb, made()).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();

    // XMP metadata from the catalog: pdfaid part 2, conformance B, and the title.
    let catalog = doc.catalog().unwrap();
    let meta_ref = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let meta = doc.get_object(meta_ref).unwrap().as_stream().unwrap();
    let xmp =
        String::from_utf8(meta.decompressed_content().unwrap_or(meta.content.clone())).unwrap();
    let compact: String = xmp.split_whitespace().collect();
    assert!(
        compact.contains("<pdfaid:part>2</pdfaid:part>") || compact.contains("pdfaid:part=\"2\""),
        "{xmp}"
    );
    assert!(
        compact.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || compact.contains("pdfaid:conformance=\"B\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("Referat fra Koordineringsgruppa i Ås, Møte 3/2027"),
        "{xmp}"
    );

    // An output intent (PDF/A needs one for device-independent colour).
    assert!(catalog.get(b"OutputIntents").is_ok());

    // A4 pages.
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let num = |o: &lopdf::Object| o.as_float().unwrap_or_else(|_| o.as_i64().unwrap() as f32);
        assert!((num(&media[2]) - 595.28).abs() < 0.5 && (num(&media[3]) - 841.89).abs() < 0.5);
    }

    // Every font descriptor carries an embedded font program.
    let mut descriptors = 0;
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor".as_slice()) {
            descriptors += 1;
            assert!(
                dict.has(b"FontFile2") || dict.has(b"FontFile3") || dict.has(b"FontFile"),
                "a font is not embedded: {dict:?}"
            );
        }
    }
    assert!(descriptors >= 2, "regular and bold: {descriptors}");
}
