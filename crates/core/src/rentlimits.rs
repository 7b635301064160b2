//! The yearly rent and income limits (huurgrenzen, inkomensgrenzen passend toewijzen, the DAEB
//! income limits) as data.
//!
//! One table per year, each with its official source, shipped for 2025 and 2026
//! (`crates/core/data/rent-limits-<year>.json`). The table of the reference date's year applies
//! (`for_year`, `Settings::rent_limits_on`); a coordinator can load another year's table as
//! JSON without a code change.

use crate::error::{Error, Result};
use crate::profile::{AgeBand, IncomeBand};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct RentLimits {
    pub year: i32,
    pub source: String,
    /// Kwaliteitskortingsgrens, in cents.
    pub kwaliteitskortingsgrens_cents: u32,
    /// Lage aftoppingsgrens (1-2 person households), in cents.
    pub aftoppingsgrens_laag_cents: u32,
    /// Hoge aftoppingsgrens (3+ person households), in cents.
    pub aftoppingsgrens_hoog_cents: u32,
    /// Liberalisatiegrens, in cents.
    pub liberalisatiegrens_cents: u32,
    /// Passend-toewijzen income limit, one-person household below AOW age, yearly, in euros.
    pub income_limit_single: u32,
    /// Passend-toewijzen income limit, multi-person household below AOW age, yearly, in euros.
    pub income_limit_multi: u32,
    /// The same at AOW age.
    pub income_limit_single_aow: u32,
    pub income_limit_multi_aow: u32,
    /// The oldest age at which the young people's limit (the kwaliteitskortingsgrens) applies:
    /// 20 from 2026 (18 to 20 years), 22 before (under 23). Tables without it are pre-2026.
    #[serde(default = "pre_2026_young_max_age")]
    #[cfg_attr(feature = "ts", ts(as = "Option<u8>", optional = nullable))]
    pub young_max_age: u8,
    /// The DAEB income limit for a social rental dwelling (woningtoewijzing), one-person
    /// household, yearly, in euros; 0 when the table does not give it (then no DAEB check).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional = nullable))]
    pub daeb_income_limit_single: u32,
    /// The same for a household of more than one person.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional = nullable))]
    pub daeb_income_limit_multi: u32,
}

fn pre_2026_young_max_age() -> u8 {
    22
}

/// A table is under a kilobyte; the app refuses a file this large before reading it whole.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

fn too_large() -> Error {
    Error::new(
        "RENT_LIMITS_INVALID",
        "Dit bestand is geen geldige tabel met huur- en inkomensgrenzen: het is veel te groot.",
    )
}

/// The tables shipped with the app, oldest year first. Figures and sources are kept in the data
/// files so a year's update is a data change only.
pub fn shipped() -> Vec<RentLimits> {
    [
        include_str!("../data/rent-limits-2025.json"),
        include_str!("../data/rent-limits-2026.json"),
    ]
    .iter()
    .map(|json| serde_json::from_str(json).expect("a shipped rent-limits table is valid JSON"))
    .collect()
}

/// The newest table shipped with the app.
pub fn current() -> RentLimits {
    shipped().pop().expect("at least one shipped table")
}

/// The shipped table for `year`: that year's, else the newest earlier one, else the oldest.
pub fn for_year(year: i32) -> RentLimits {
    let mut tables = shipped();
    let at = tables
        .iter()
        .rposition(|t| t.year <= year)
        .unwrap_or_default();
    tables.swap_remove(at)
}

impl RentLimits {
    /// A table file as read from disk: UTF-8, with or without a byte-order mark.
    pub fn from_file(bytes: &[u8]) -> Result<RentLimits> {
        let invalid = || {
            Error::new(
                "RENT_LIMITS_INVALID",
                "Dit bestand is geen geldige tabel met huur- en inkomensgrenzen.",
            )
        };
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large());
        }
        let text = std::str::from_utf8(bytes).map_err(|_| invalid())?;
        Self::from_json(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    pub fn from_json(text: &str) -> Result<RentLimits> {
        if text.len() > MAX_FILE_BYTES {
            return Err(too_large());
        }
        let limits: RentLimits = serde_json::from_str(text).map_err(|_| {
            Error::new(
                "RENT_LIMITS_INVALID",
                "Dit bestand is geen geldige tabel met huur- en inkomensgrenzen.",
            )
        })?;
        limits.validate()?;
        Ok(limits)
    }

    pub fn validate(&self) -> Result<()> {
        let ordered = self.kwaliteitskortingsgrens_cents < self.aftoppingsgrens_laag_cents
            && self.aftoppingsgrens_laag_cents <= self.aftoppingsgrens_hoog_cents
            && self.aftoppingsgrens_hoog_cents < self.liberalisatiegrens_cents;
        let daeb_above = |daeb: u32, passend: u32| daeb == 0 || daeb >= passend;
        let daeb = daeb_above(self.daeb_income_limit_single, self.income_limit_single)
            && daeb_above(self.daeb_income_limit_multi, self.income_limit_multi);
        if !(2000..=2100).contains(&self.year) || !ordered || !daeb || self.income_limit_single == 0
        {
            return Err(Error::new(
                "RENT_LIMITS_INVALID",
                "De huurgrenzen kloppen niet: kwaliteitskortingsgrens < aftoppingsgrenzen < liberalisatiegrens, DAEB-inkomensgrenzen niet onder die voor passend toewijzen, en een jaar tussen 2000 en 2100.",
            ));
        }
        Ok(())
    }

    /// Whether `other` has the same limits (its source text aside): a loaded table that only
    /// repeats a shipped one.
    pub fn same_figures(&self, other: &RentLimits) -> bool {
        let figures = |t: &RentLimits| {
            (
                t.year,
                t.kwaliteitskortingsgrens_cents,
                t.aftoppingsgrens_laag_cents,
                t.aftoppingsgrens_hoog_cents,
                t.liberalisatiegrens_cents,
                [
                    t.income_limit_single,
                    t.income_limit_multi,
                    t.income_limit_single_aow,
                    t.income_limit_multi_aow,
                ],
                t.young_max_age,
            )
        };
        figures(self) == figures(other)
    }

    /// The DAEB income limit for this household size, when the table gives it.
    pub fn daeb_income_limit(&self, household_size: u8) -> Option<u32> {
        let limit = if household_size <= 1 {
            self.daeb_income_limit_single
        } else {
            self.daeb_income_limit_multi
        };
        (limit > 0).then_some(limit)
    }

    /// The DAEB check: whether a household with this yearly income may get a social rental
    /// dwelling (rent up to the liberalisatiegrens) from a corporation's regular allocation.
    /// `None` when the table gives no DAEB limit. Above it, a corporation can only allocate
    /// within its free room (vrije toewijzingsruimte).
    pub fn within_daeb_limit(&self, yearly_income_euros: u32, household_size: u8) -> Option<bool> {
        self.daeb_income_limit(household_size)
            .map(|limit| yearly_income_euros <= limit)
    }

    /// Both income checks for one household: passend toewijzen (which rent limit applies) and
    /// DAEB (whether a social rental dwelling is within the regular allocation).
    pub fn income_check(
        &self,
        yearly_income_euros: u32,
        household_size: u8,
        age_band: AgeBand,
    ) -> IncomeCheck {
        let passend_limit = self.income_limit(household_size, age_band);
        IncomeCheck {
            year: self.year,
            passend_limit,
            within_passend: yearly_income_euros <= passend_limit,
            daeb_limit: self.daeb_income_limit(household_size),
            within_daeb: self.within_daeb_limit(yearly_income_euros, household_size),
        }
    }

    /// Yearly income limit for passend toewijzen for this household.
    pub fn income_limit(&self, household_size: u8, age_band: AgeBand) -> u32 {
        let aow = matches!(age_band, AgeBand::From67);
        match (household_size <= 1, aow) {
            (true, false) => self.income_limit_single,
            (false, false) => self.income_limit_multi,
            (true, true) => self.income_limit_single_aow,
            (false, true) => self.income_limit_multi_aow,
        }
    }

    pub fn income_band(
        &self,
        yearly_income_euros: u32,
        household_size: u8,
        age_band: AgeBand,
    ) -> IncomeBand {
        if yearly_income_euros <= self.income_limit(household_size, age_band) {
            IncomeBand::AtOrBelowLimit
        } else {
            IncomeBand::AboveLimit
        }
    }

    /// The highest net rent that passend toewijzen allows this household, in cents, when only the
    /// age band is known: the young people's limit applies only when the whole 18-22 band is
    /// young under this table (before 2026); from 2026 a 21- or 22-year-old is not, so the band
    /// alone does not lower the maximum. See [`RentLimits::max_rent_cents_young`].
    pub fn max_rent_cents(&self, household_size: u8, age_band: AgeBand, income: IncomeBand) -> u32 {
        let young = age_band == AgeBand::From18To22 && self.young_max_age >= 22;
        self.max_rent_cents_young(household_size, young, income)
    }

    /// Whether the young people's limit applies at this age.
    pub fn young_limit_applies(&self, age: i32) -> bool {
        (18..=i32::from(self.young_max_age)).contains(&age)
    }

    /// The highest net rent: the kwaliteitskortingsgrens when the young people's limit applies
    /// (above it no rent allowance), the lower aftoppingsgrens for one or two persons, the upper
    /// one for three or more, and the liberalisatiegrens above the income limit.
    pub fn max_rent_cents_young(&self, household_size: u8, young: bool, income: IncomeBand) -> u32 {
        match income {
            IncomeBand::AboveLimit => self.liberalisatiegrens_cents,
            IncomeBand::AtOrBelowLimit if young => self.kwaliteitskortingsgrens_cents,
            IncomeBand::AtOrBelowLimit if household_size <= 2 => self.aftoppingsgrens_laag_cents,
            IncomeBand::AtOrBelowLimit => self.aftoppingsgrens_hoog_cents,
        }
    }
}

/// The outcome of [`RentLimits::income_check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncomeCheck {
    pub year: i32,
    pub passend_limit: u32,
    pub within_passend: bool,
    pub daeb_limit: Option<u32>,
    /// `None` when the table gives no DAEB limit.
    pub within_daeb: Option<bool>,
}

/// The table to use: the given one after its check (`validate`), or the shipped one.
pub fn or_current(limits: Option<RentLimits>) -> Result<RentLimits> {
    match limits {
        Some(l) => {
            l.validate()?;
            Ok(l)
        }
        None => Ok(current()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_is_valid_and_ordered() {
        let t = current();
        t.validate().unwrap();
        assert_eq!(
            t.max_rent_cents(1, AgeBand::From28To54, IncomeBand::AtOrBelowLimit),
            t.aftoppingsgrens_laag_cents
        );
        assert_eq!(
            t.max_rent_cents(4, AgeBand::From28To54, IncomeBand::AtOrBelowLimit),
            t.aftoppingsgrens_hoog_cents
        );
        // 2026: the young people's limit is for 18-20 only, so the 18-22 band alone does not
        // lower the maximum; a known young age does.
        assert_eq!(t.young_max_age, 20);
        assert_eq!(
            t.max_rent_cents(1, AgeBand::From18To22, IncomeBand::AtOrBelowLimit),
            t.aftoppingsgrens_laag_cents
        );
        assert!(t.young_limit_applies(20) && !t.young_limit_applies(21));
        assert_eq!(
            t.max_rent_cents_young(1, true, IncomeBand::AtOrBelowLimit),
            t.kwaliteitskortingsgrens_cents
        );
        let mut old = t.clone();
        old.young_max_age = 22;
        assert_eq!(
            old.max_rent_cents(1, AgeBand::From18To22, IncomeBand::AtOrBelowLimit),
            t.kwaliteitskortingsgrens_cents
        );
    }

    #[test]
    fn each_year_has_its_own_table_and_later_years_keep_the_newest() {
        let t25 = for_year(2025);
        let t26 = for_year(2026);
        assert_eq!((t25.year, t26.year), (2025, 2026));
        // Published figures, typed here from the sources the tables name.
        assert_eq!(
            (
                t25.aftoppingsgrens_laag_cents,
                t25.aftoppingsgrens_hoog_cents,
                t25.liberalisatiegrens_cents,
                t25.kwaliteitskortingsgrens_cents
            ),
            (68_296, 73_193, 90_007, 47_720)
        );
        assert_eq!(
            (t25.income_limit_single, t25.income_limit_multi),
            (28_375, 38_500)
        );
        assert_eq!(
            (t26.income_limit_single, t26.income_limit_multi),
            (29_400, 39_925)
        );
        assert_eq!(
            (
                t26.liberalisatiegrens_cents,
                t26.kwaliteitskortingsgrens_cents
            ),
            (93_293, 49_820)
        );
        assert_eq!(t25.young_max_age, 22);
        assert_eq!(t26.young_max_age, 20);
        assert_eq!(for_year(2031), t26);
        assert_eq!(for_year(2019), t25);
        assert_eq!(current(), t26);
        for t in shipped() {
            t.validate().unwrap();
            assert!(
                !t.source.to_lowercase().contains("controleren"),
                "{}",
                t.year
            );
            assert!(t.source.contains(&t.year.to_string()));
        }
    }

    #[test]
    fn the_daeb_check_uses_the_household_size_and_the_year() {
        let t26 = for_year(2026);
        assert_eq!(t26.within_daeb_limit(51_537, 1), Some(true));
        assert_eq!(t26.within_daeb_limit(51_538, 1), Some(false));
        assert_eq!(t26.within_daeb_limit(56_910, 2), Some(true));
        assert_eq!(t26.within_daeb_limit(56_911, 3), Some(false));
        // 50.000 is within the 2026 limit but above the 2025 one.
        assert_eq!(for_year(2025).within_daeb_limit(50_000, 1), Some(false));
        assert_eq!(t26.within_daeb_limit(50_000, 1), Some(true));
        let mut without = t26.clone();
        without.daeb_income_limit_single = 0;
        assert_eq!(without.within_daeb_limit(90_000, 1), None);
    }

    #[test]
    fn bad_tables_are_refused() {
        assert!(RentLimits::from_json("{}").is_err());
        assert!(RentLimits::from_json("\u{0}\u{1}").is_err());
        let mut t = current();
        t.liberalisatiegrens_cents = 1;
        assert!(RentLimits::from_json(&serde_json::to_string(&t).unwrap()).is_err());
    }

    #[test]
    fn refuses_a_file_far_too_large_for_a_table() {
        let json = serde_json::to_string(&current()).unwrap();
        assert!(RentLimits::from_json(&json).is_ok());
        let padded = format!("{json}{}", " ".repeat(MAX_FILE_BYTES));
        assert_eq!(
            RentLimits::from_json(&padded).unwrap_err().code,
            "RENT_LIMITS_INVALID"
        );
        assert!(RentLimits::from_file(padded.as_bytes()).is_err());
    }

    #[test]
    fn a_file_may_start_with_a_byte_order_mark_but_must_be_utf8() {
        let json = serde_json::to_string(&current()).unwrap();
        assert_eq!(RentLimits::from_file(json.as_bytes()).unwrap(), current());
        let bom = format!("\u{feff}{json}");
        assert_eq!(RentLimits::from_file(bom.as_bytes()).unwrap(), current());
        let mut latin1 = json.into_bytes();
        latin1.push(0xe9);
        assert_eq!(
            RentLimits::from_file(&latin1).unwrap_err().code,
            "RENT_LIMITS_INVALID"
        );
    }
}
