//! The rent limits by year: the table of the reference date's year applies, with the young
//! people's limit by exact age as that year's table has it. Expected amounts are the published
//! figures, typed here, not read from the app's tables.

use woonkans_core::date::Date;
use woonkans_core::fixtures::{RESIDENTS, add_ready_case, workspace};
use woonkans_core::rentlimits;
use woonkans_core::workspace::Workspace;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// One resident of 21 on both reference dates below, alone, with an income under both years'
/// passend-toewijzen limit.
fn twenty_one() -> Workspace {
    let mut ws = workspace();
    add_ready_case(&mut ws, "jong21", &RESIDENTS[3])
        .dossier
        .birth_date = Some(d("2004-06-01"));
    ws
}

fn max_rent(ws: &Workspace, on: &str) -> u32 {
    let on = d(on);
    ws.facts("jong21", on)
        .unwrap()
        .table_max_rent_cents(&ws.settings().rent_limits_on(on))
}

#[test]
fn a_twenty_one_year_old_gets_the_young_limit_in_2025_and_not_in_2026() {
    let ws = twenty_one();
    // 2025: the young people's limit applies under 23 (kwaliteitskortingsgrens EUR 477,20).
    assert_eq!(max_rent(&ws, "2025-12-01"), 47_720);
    // 2026: only 18 to 20; a 21-year-old alone gets the lower aftoppingsgrens (EUR 713,07).
    assert_eq!(max_rent(&ws, "2026-03-01"), 71_307);
    // After the newest shipped year, the newest table.
    assert_eq!(max_rent(&ws, "2027-03-01"), 71_307);
}

#[test]
fn a_loaded_table_counts_for_its_own_year_only() {
    let mut ws = twenty_one();
    let mut own = rentlimits::for_year(2026);
    own.year = 2027;
    own.source = "Eigen tabel".into();
    own.aftoppingsgrens_laag_cents = 74_000;
    ws.set_rent_limits(own).unwrap();
    assert_eq!(max_rent(&ws, "2027-03-01"), 74_000);
    assert_eq!(max_rent(&ws, "2026-03-01"), 71_307);
    assert_eq!(max_rent(&ws, "2025-12-01"), 47_720);
    // A correction of a shipped year counts for that year.
    let mut fix = rentlimits::for_year(2026);
    fix.aftoppingsgrens_laag_cents = 71_400;
    ws.set_rent_limits(fix).unwrap();
    assert_eq!(max_rent(&ws, "2026-03-01"), 71_400);
}

#[test]
fn a_stored_table_that_repeats_the_shipped_figures_gives_way_to_the_shipped_one() {
    // A vault made before the yearly tables stored the 2026 table without DAEB limits and with
    // an older source text: the shipped 2026 table (with both) applies.
    let mut ws = twenty_one();
    let mut stored = rentlimits::for_year(2026);
    stored.source = "Oudere bron".into();
    stored.daeb_income_limit_single = 0;
    stored.daeb_income_limit_multi = 0;
    ws.set_rent_limits(stored).unwrap();
    let applied = ws.settings().rent_limits_on(d("2026-05-01"));
    assert_eq!(applied, rentlimits::for_year(2026));
    assert_eq!(applied.daeb_income_limit(1), Some(51_537));
}

#[test]
fn the_income_check_names_both_limits_of_the_year() {
    let mut ws = twenty_one();
    let case = ws.case_mut("jong21").unwrap();
    case.dossier.income.as_mut().unwrap().yearly_amount_euros = 50_000;
    let dossier = case.dossier.clone();
    let on = |s: &str| {
        let date = d(s);
        woonkans_core::minimise::income_check(&dossier, date, &ws.settings().rent_limits_on(date))
            .unwrap()
    };
    let c25 = on("2025-12-01");
    assert_eq!(
        (
            c25.passend_limit,
            c25.within_passend,
            c25.daeb_limit,
            c25.within_daeb
        ),
        (28_375, false, Some(49_669), Some(false))
    );
    let c26 = on("2026-03-01");
    assert_eq!(
        (
            c26.passend_limit,
            c26.within_passend,
            c26.daeb_limit,
            c26.within_daeb
        ),
        (29_400, false, Some(51_537), Some(true))
    );
}
