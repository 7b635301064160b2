//! CSV and JSON import as spreadsheets and other programs write them.

use woonkans_core::date::Date;
use woonkans_core::import::{
    ImportKind, export_associations_csv, export_dwellings_csv, export_json, import_csv,
    import_file, import_json,
};
use woonkans_core::offer::{AgeLabel, DwellingType, MergeMode, Offer};
use woonkans_core::profile::{ContractForm, History};
use woonkans_core::sample::sample_offer;

/// Encodes text as Windows-1252 (only the characters these tests use).
fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            c if (c as u32) < 0x100 => c as u32 as u8,
            c => panic!("not in the test table: {c}"),
        })
        .collect()
}

#[test]
fn windows_1252_semicolons_decimal_commas_without_bom() {
    let text = "Woning-id;Corporatie;Gemeente;Wijk;Type;Kamers;Netto huur;Traploos;Rolstoel;Label;Min huishouden;Max huishouden;Beschikbaar per;In complex\r\n\
                R-1;vb-roerstreek;Roerdalen;Sint Odiliënberg;Appartement;2;€ 612,50;ja;nee;geen;1;2;01-03-2026;j\r\n\
                R-2;vb-roerstreek;roermond;Kapel in ’t Zand;benedenwoning;3;1.034,5;x;x;55+;1;2;2026-04-15;\r\n\
                R-3;vb-roerstreek;Roermond;Café-buurt;Studio;1;498,2;n;0;jongeren;1;1;1-5-2026;nee\r\n";
    let bytes = cp1252(text);
    assert!(bytes.contains(&0xEB) && bytes.contains(&0xE9) && bytes.contains(&0x80));
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let r = import_csv(&bytes).unwrap();
    assert_eq!(r.kind, ImportKind::Dwellings);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.accepted_rows, 3);
    let d = &r.offer_part.dwellings;
    assert_eq!(d[0].neighbourhood, "Sint Odiliënberg");
    assert_eq!(d[0].rent_cents, 61_250);
    assert_eq!(d[0].dwelling_type, DwellingType::Apartment);
    assert!(d[0].step_free && !d[0].wheelchair && d[0].in_complex);
    assert_eq!(d[0].available_from, Date::new(2026, 3, 1).unwrap());
    assert_eq!(d[1].neighbourhood, "Kapel in ’t Zand");
    assert_eq!(d[1].gemeente, "Roermond", "canonical spelling");
    assert_eq!(d[1].rent_cents, 103_450);
    assert_eq!(d[1].dwelling_type, DwellingType::GroundFloorApartment);
    assert_eq!(d[1].age_label, AgeLabel::FiftyFivePlus);
    assert!(!d[1].in_complex, "empty = nee");
    assert_eq!(d[2].neighbourhood, "Café-buurt");
    assert_eq!(d[2].rent_cents, 49_820);
    assert_eq!(d[2].age_label, AgeLabel::YoungAdults);
    assert_eq!(d[2].available_from, Date::new(2026, 5, 1).unwrap());
}

fn good_row(i: usize) -> String {
    format!("W-{i:03};vb-maasdal;Venlo;Blerick;appartement;2;612,50;ja;nee;geen;1;2;01-03-2026")
}

const HEADER: &str = "Woning-id;Corporatie;Gemeente;Wijk;Woningtype;Aantal kamers;Kale huur;Gelijkvloers;Rolstoeltoegankelijk;Leeftijdslabel;Min huishouden;Max huishouden;Beschikbaar vanaf";

#[test]
fn three_bad_rows_among_a_hundred() {
    let mut lines = vec![HEADER.to_string()];
    for i in 0..100 {
        let row = match i {
            17 => good_row(i).replace("612,50", "zeshonderd"),
            42 => good_row(i).replace("Venlo", "Maastricht"),
            88 => good_row(i).replace("01-03-2026", "31-02-2026"),
            _ => good_row(i),
        };
        lines.push(row);
    }
    let r = import_csv(lines.join("\n").as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 97);
    assert_eq!(r.offer_part.dwellings.len(), 97);
    let got: Vec<(usize, Option<&str>)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    // Header on line 1, row i on line i + 2.
    assert_eq!(
        got,
        vec![
            (19, Some("Kale huur")),
            (44, Some("Gemeente")),
            (90, Some("Beschikbaar vanaf"))
        ]
    );
    for e in &r.errors {
        assert!(!e.message.contains("zeshonderd") && !e.message.contains("Maastricht"));
        assert!(!e.message.contains("31-02"), "{}", e.message);
    }
}

#[test]
fn line_numbers_are_physical_lines() {
    // A quoted cell spanning two lines and a blank line shift the physical line numbers.
    let text = format!(
        "{HEADER};Opmerking\n{};\"twee\nregels\"\n\n{}\n{}\n",
        good_row(1),
        good_row(2).replace("612,50", "?"),
        good_row(3).replace(";2;612", ";0;612"),
    );
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 1);
    assert_eq!(r.ignored_columns, vec!["Opmerking".to_string()]);
    let lines: Vec<usize> = r.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![5, 6]);
    assert_eq!(r.errors[1].column.as_deref(), Some("Aantal kamers"));
}

#[test]
fn every_bad_cell_of_a_row_is_reported() {
    let bad = "W-1;;Venlo;;kasteel;nul;gratis;misschien;nee;bejaard;3;2;gisteren";
    let r = import_csv(format!("{HEADER}\n{bad}\n").as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 0);
    let columns: Vec<&str> = r
        .errors
        .iter()
        .filter_map(|e| e.column.as_deref())
        .collect();
    assert_eq!(
        columns,
        [
            "Corporatie",
            "Wijk",
            "Woningtype",
            "Aantal kamers",
            "Kale huur",
            "Gelijkvloers",
            "Leeftijdslabel",
            "Min huishouden",
            "Beschikbaar vanaf"
        ]
    );
    assert!(r.errors.iter().all(|e| e.line == 2));
}

#[test]
fn duplicate_ids_and_extra_cells() {
    let text = format!(
        "{HEADER}\n{}\n{}\n{};extra\n",
        good_row(1),
        good_row(1),
        good_row(2)
    );
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 1);
    assert_eq!(r.errors.len(), 2);
    assert_eq!(r.errors[0].line, 3);
    assert!(r.errors[0].message.contains("regel 2"));
    assert_eq!(r.errors[1].line, 4);
    assert_eq!(r.errors[1].column, None);
}

#[test]
fn commas_utf8_bom_quotes_and_heading_variants() {
    let text = "\u{FEFF}ID,Corporatie,GEMEENTE,Buurt,Type,Kamers,Huurprijs,Traploos,Rolstoel_toegankelijk,Label,Beschikbaar per\r\n\
                A1,vb-peelrand,Bergen (L),Well,eengezinswoning,4,\"1.234,56\",nee,nee,,2027-01-31\r\n\
                A2,vb-peelrand,Horst aan de Maas,\"Sevenum, Noord\",clusterwoning,1,\"612,5\",1,1,jong,15-01-2026\r\n";
    let r = import_csv(text.as_bytes()).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let d = &r.offer_part.dwellings;
    assert_eq!(d[0].gemeente, "Bergen (L.)");
    assert_eq!(d[0].rent_cents, 123_456);
    assert_eq!(d[0].min_household, 1);
    assert_eq!(d[0].max_household, 12, "no column: no limit");
    assert_eq!(d[1].neighbourhood, "Sevenum, Noord");
    assert_eq!(d[1].rent_cents, 61_250);
    assert!(d[1].wheelchair);
}

#[test]
fn excel_separator_hint_and_tabs() {
    let text = format!("sep=;\n{HEADER}\n{}\n", good_row(1));
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 1);
    // Blank lines before the header are skipped; line numbers still count them.
    let text = format!("\n\r\n{HEADER}\n{}\n", good_row(1).replace("612,50", "?"));
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.errors[0].line, 4);
    let tabs = format!(
        "{}\n{}\n",
        HEADER.replace(';', "\t"),
        good_row(1).replace(';', "\t")
    );
    assert_eq!(import_csv(tabs.as_bytes()).unwrap().accepted_rows, 1);
}

#[test]
fn utf16_as_excel_unicode_text() {
    let text = format!(
        "{}\r\n{}\r\n",
        HEADER.replace(';', "\t"),
        good_row(7).replace(';', "\t")
    );
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let r = import_csv(&bytes).unwrap();
    assert_eq!(r.accepted_rows, 1);
    assert_eq!(r.offer_part.dwellings[0].id, "W-007");
}

#[test]
fn whole_file_errors() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H',
    ];
    for (bytes, code) in [
        (&png[..], "IMPORT_NOT_TEXT"),
        (b"", "IMPORT_EMPTY"),
        (b"   \r\n\n ", "IMPORT_EMPTY"),
        (b"\xEF\xBB\xBF", "IMPORT_EMPTY"),
        (b"hallo wereld\nnog een regel", "IMPORT_NO_HEADER"),
        (b"naam;adres\npiet;straat 1", "IMPORT_NO_HEADER"),
        (b"Woning-id;Huur;Kamers\nx;1;1", "IMPORT_MISSING_COLUMNS"),
        (b"Huur;Kamers;Type;Netto huur\n", "IMPORT_DUPLICATE_COLUMN"),
    ] {
        let e = import_csv(bytes).unwrap_err();
        assert_eq!(e.code, code, "{:?}", String::from_utf8_lossy(bytes));
        assert!(!e.message.is_empty());
        assert!(!e.message.contains("piet"));
    }
    let e = import_csv(b"Woning-id;Huur;Kamers\nx;1;1").unwrap_err();
    assert!(e.message.contains("Corporatie") && e.message.contains("Beschikbaar per"));
    // A header alone is a valid, empty import.
    let r = import_csv(HEADER.as_bytes()).unwrap();
    assert_eq!((r.accepted_rows, r.errors.len()), (0, 0));
}

const ASSOC_HEADER: &str = "Corporatie-id;Naam;Werkgebied;Contractvormen;Max huurachterstand;Bewindvoering vereist bij huurachterstand;Max overlast;Veiligheidsplan vereist bij overlast;Terugvalplan vereist;Min uren ondersteuning;Max plaatsingen per wijk;Huidige plaatsingen";

#[test]
fn associations_csv() {
    let text = format!(
        "{ASSOC_HEADER}\n\
         c1;Voorbeeld Eén;Venlo | beesel;regulier, met zorgovereenkomst;opgelost;ja;geen;nee;ja;2,5;3;Blerick: 2 | Tegelen: 1\n\
         c2;Voorbeeld Twee;Weert;op naam zorgaanbieder;actueel;;geen;nee;ja;1;;\n\
         c3;Voorbeeld Drie;Weert, Maastricht;regulier;geen;nee;geen;nee;nee;0;;\n\
         c4;Voorbeeld Vier;Weert;huurkoop;soms;nee;geen;nee;nee;200;0;Blerick\n"
    );
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.kind, ImportKind::Associations);
    assert_eq!(r.accepted_rows, 1);
    let a = &r.offer_part.associations[0];
    assert_eq!(
        a.working_area,
        vec!["Venlo".to_string(), "Beesel".to_string()]
    );
    assert_eq!(
        a.criteria.accepted_contract_forms,
        vec![
            ContractForm::RegularLease,
            ContractForm::LeaseWithCareAgreement
        ]
    );
    assert_eq!(a.criteria.max_rent_arrears, History::Resolved);
    assert!(a.criteria.arrears_requires_budget_management);
    assert_eq!(a.criteria.min_support_hours, 2.5);
    assert_eq!(a.criteria.max_placements_per_neighbourhood, Some(3));
    assert_eq!(a.criteria.current_placements.get("Blerick"), Some(&2));
    // c2: empty "bewindvoering vereist" is not safe to read as nee.
    let by_line = |l: usize| -> Vec<&str> {
        r.errors
            .iter()
            .filter(|e| e.line == l)
            .filter_map(|e| e.column.as_deref())
            .collect()
    };
    assert_eq!(by_line(3), ["Bewindvoering vereist bij huurachterstand"]);
    assert_eq!(by_line(4), ["Werkgebied"]);
    assert_eq!(
        by_line(5),
        [
            "Contractvormen",
            "Max huurachterstand",
            "Min uren ondersteuning",
            "Max plaatsingen per wijk",
            "Huidige plaatsingen"
        ]
    );
}

#[test]
fn import_then_merge_links_and_never_changes_the_loaded_offer() {
    let loaded = sample_offer();
    let before = loaded.clone();
    // Spreadsheets often hold the association's name rather than its id.
    let text = format!(
        "{HEADER}\nN-1;Voorbeeld Woonstichting Maasdal;Venlo;Blerick;studio;1;450;ja;nee;geen;1;1;01-01-2026\n{}\n",
        good_row(2).replace("vb-maasdal", "onbekend")
    );
    let r = import_csv(text.as_bytes()).unwrap();
    assert_eq!(r.accepted_rows, 2);
    let e = loaded
        .merge(&r.offer_part, MergeMode::AddAndUpdate)
        .unwrap_err();
    assert_eq!(e.code, "OFFER_INVALID");
    let mut part = r.offer_part.clone();
    part.dwellings.pop();
    let (merged, summary) = loaded.merge(&part, MergeMode::AddAndUpdate).unwrap();
    assert_eq!(loaded, before);
    assert_eq!(summary.dwellings.added, 1);
    assert_eq!(
        merged.dwellings.last().unwrap().association_id,
        "vb-maasdal"
    );
}

#[test]
fn json_format_and_versions() {
    let offer = sample_offer();
    let json = export_json(&offer);
    assert!(json.contains("\"format\": \"woonkans-aanbod\""));
    assert!(json.contains("\"version\": 1"));
    let r = import_json(&json).unwrap();
    assert_eq!(r.kind, ImportKind::Json);
    assert_eq!(r.offer_part, offer);
    assert_eq!(
        r.accepted_rows,
        offer.associations.len() + offer.dwellings.len()
    );
    assert_eq!(import_file(json.as_bytes()).unwrap().offer_part, offer);

    let newer = json.replacen("\"version\": 1", "\"version\": 2", 1);
    assert_eq!(
        import_json(&newer).unwrap_err().code,
        "IMPORT_VERSION_NEWER"
    );
    let other = json.replacen("woonkans-aanbod", "iets-anders", 1);
    assert_eq!(
        import_json(&other).unwrap_err().code,
        "IMPORT_FORMAT_UNKNOWN"
    );
    let broken = json.replacen("\"dwellings\"", "\"dwellings\" 5", 1);
    let e = import_json(&broken).unwrap_err();
    assert_eq!(e.code, "IMPORT_JSON_INVALID");
    assert!(e.message.contains("regel"));
    let wrong_type = json.replacen("\"rooms\": ", "\"rooms\": \"Geheim\", \"x\": ", 1);
    let e = import_json(&wrong_type).unwrap_err();
    assert_eq!(e.code, "IMPORT_JSON_INVALID");
    assert!(!e.message.contains("Geheim"));
    let invalid = json.replacen("\"gemeente\": \"Venlo\"", "\"gemeente\": \"Maastricht\"", 1);
    assert_eq!(import_json(&invalid).unwrap_err().code, "OFFER_INVALID");
    assert_eq!(import_json("").unwrap_err().code, "IMPORT_EMPTY");
}

#[test]
fn csv_round_trip_of_the_sample() {
    let offer = sample_offer();
    let dwellings = export_dwellings_csv(&offer);
    let associations = export_associations_csv(&offer);
    assert!(dwellings.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM for Excel");
    let first_line = String::from_utf8_lossy(&dwellings[3..])
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(first_line.contains(';') && first_line.contains("Netto huur"));
    assert!(String::from_utf8_lossy(&dwellings).contains(",")); // decimal comma
    let a = import_csv(&associations).unwrap();
    let d = import_csv(&dwellings).unwrap();
    assert!(a.errors.is_empty() && d.errors.is_empty());
    let (step, _) = Offer::default()
        .merge(&a.offer_part, MergeMode::AddAndUpdate)
        .unwrap();
    let (back, _) = step.merge(&d.offer_part, MergeMode::AddAndUpdate).unwrap();
    assert_eq!(back, offer);
}
