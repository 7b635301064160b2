//! Disclosure-log entries made from bundles hold no name, BSN or other identifying value.

#[path = "bundle_fixtures.rs"]
mod fixtures;

use fixtures::{Rng, input};
use woonkans_core::bundle;
use woonkans_core::disclosure::{self, DisclosureKind};
use woonkans_core::text::{fold, squash};

#[test]
fn entries_never_contain_names_or_bsns() {
    let mut rng = Rng(21);
    let mut entries = Vec::new();
    let mut knowns = Vec::new();
    for _ in 0..40 {
        let inp = input(&mut rng, 10);
        let w = bundle::write_bundle(&inp).unwrap();
        let e = disclosure::entries_for_bundle(&w, "2026-11-28T09:30:00+01:00");
        assert_eq!(e.step, 5);
        assert_eq!(e.kind, DisclosureKind::CodedBundle);
        assert_eq!(e.grondslag, "Wmo");
        assert_eq!(e.bundle_id, w.bundle_id_hex);
        assert_eq!(e.codes.len(), 10);
        // The log lists what went out sorted, whatever order the cases were picked in.
        assert!(e.codes.is_sorted());
        let mut written: Vec<String> = w.codes.iter().map(ToString::to_string).collect();
        written.sort();
        assert_eq!(e.codes, written);
        assert!(e.categories.iter().any(|c| c == "Sociaal netwerk"));
        entries.push(e);
        knowns.extend(inp.profiles.into_iter().map(|p| p.known));
    }
    let csv = disclosure::to_csv(&entries);
    let json = serde_json::to_string(&entries).unwrap();
    for text in [csv, json] {
        let words: Vec<String> = fold(&text)
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect();
        let squashed = squash(&text);
        for k in &knowns {
            for part in &k.name_parts {
                for w in fold(part).split(|c: char| !c.is_alphanumeric()) {
                    if w.chars().count() >= 3 && !["van", "der", "den", "ter"].contains(&w) {
                        assert!(!words.iter().any(|x| x == w), "name word in the log");
                    }
                }
            }
            assert!(
                !squashed.contains(&squash(k.bsn.as_deref().unwrap())),
                "BSN in the log"
            );
            for v in k.phones.iter().chain(&k.emails).chain(&k.ibans) {
                assert!(!squashed.contains(&squash(v)));
            }
        }
    }
}
