//! The yearly rent and income limits (huurgrenzen, inkomensgrenzen passend toewijzen) as data.
//!
//! The table is data with its year and source, replaceable without a code change: the
//! coordinator can load another year's table as JSON.

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

/// The table shipped with the app.
pub fn current() -> RentLimits {
    // Figures and source are kept in one place so a year's update is a data change only.
    serde_json::from_str(include_str!("../data/rent-limits.json"))
        .expect("shipped rent-limits table is valid JSON")
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
        if !(2000..=2100).contains(&self.year) || !ordered || self.income_limit_single == 0 {
            return Err(Error::new(
                "RENT_LIMITS_INVALID",
                "De huurgrenzen kloppen niet: kwaliteitskortingsgrens < aftoppingsgrenzen < liberalisatiegrens, en een jaar tussen 2000 en 2100.",
            ));
        }
        Ok(())
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
