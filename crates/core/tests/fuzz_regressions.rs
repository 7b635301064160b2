//! Replays the fuzzing inputs kept in the repository through the same checks the fuzz targets run
//! (crates/fuzz/src/lib.rs): the hand-made seeds (crates/fuzz/seeds/<target>/) and every input
//! that once made a target fail (tests/fuzz-regressions/<target>/). A panic — in a parser or in a
//! property — fails the test and names the file.

#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn dirs(target: &str) -> [PathBuf; 2] {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        core.join("../fuzz/seeds").join(target),
        core.join("tests/fuzz-regressions").join(target),
    ]
}

#[test]
fn every_kept_input_passes_its_check() {
    let mut failed = Vec::new();
    for &(target, check) in checks::TARGETS {
        let files: Vec<PathBuf> = dirs(target).iter().flat_map(|d| inputs(d)).collect();
        assert!(
            !files.is_empty(),
            "no seed or regression input for {target}"
        );
        for file in files {
            let data = std::fs::read(&file).expect("readable input");
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failed.push(file.display().to_string());
            }
        }
    }
    assert!(failed.is_empty(), "failing inputs: {failed:#?}");
}

/// The seeds must reach the properties, not only the parsers' first refusal: for every target at
/// least one seed is accepted.
#[test]
fn a_seed_of_every_target_is_accepted() {
    use woonkans_core::*;
    let accepted = |target: &str, ok: &dyn Fn(&[u8]) -> bool| {
        inputs(&dirs(target)[0])
            .iter()
            .any(|f| ok(&std::fs::read(f).expect("readable seed")))
    };
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap_or_default();
    type Accepts<'a> = &'a dyn Fn(&[u8]) -> bool;
    let cases: [(&str, Accepts); 18] = [
        ("import_csv", &|b| {
            import::import_csv(b).is_ok_and(|r| r.accepted_rows > 0)
        }),
        ("import_json", &|b| {
            import::import_json(&text(b)).is_ok_and(|r| r.accepted_rows > 0)
        }),
        ("import_file", &|b| import::import_file(b).is_ok()),
        ("verify_bundle", &|b| bundle::verify_bundle(b).is_ok()),
        ("verify_bundle_resealed", &|b| {
            bundle::verify_bundle(b).is_ok()
        }),
        ("code_parse", &|b| code::parse(&text(b)).is_ok()),
        ("import_key", &|b| code::import_key(&text(b)).is_ok()),
        ("workspace", &|b| {
            workspace::Workspace::from_json(&text(b)).is_ok_and(|w| !w.cases().is_empty())
        }),
        ("rent_limits", &|b| {
            rentlimits::RentLimits::from_json(&text(b)).is_ok()
        }),
        ("date_parse", &|b| date::Date::parse(&text(b)).is_ok()),
        ("validate", &|b| validate::phone(&text(b)).is_ok()),
        ("scan", &|b| {
            let t = text(b);
            let (known, body) = checks::split_known(&t);
            !scan::scan(body, &known).is_empty()
        }),
        ("vault_file", &|b| vaultfile::parse_backup(b).is_ok()),
        ("envelope", &|b| {
            let p = checks::parties();
            envelope::open(b, &p.own, &p.book).is_ok()
        }),
        ("key_card", &|b| keys::KeyCard::parse(b, None).is_ok()),
        ("reply", &|b| reply::Reply::parse(b).is_ok()),
        ("transfer", &|b| transfer::Overdracht::parse(b).is_ok()),
        ("prints", &|b| {
            let t = text(b);
            let (known, body) = checks::split_known(&t);
            !prints::IdentifierPrints::new(&known, [9; 32])
                .find(body)
                .is_empty()
        }),
    ];
    assert_eq!(cases.len(), checks::TARGETS.len());
    for (target, ok) in cases {
        assert!(accepted(target, ok), "no seed of {target} is accepted");
    }
}
