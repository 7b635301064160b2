//! The priority the seed names for the caseload assignment: young people (18 to 27) and the time
//! a resident has been waiting, as explicit points the coordinator sets in the settings.
//!
//! A profile's priority is added to the score of every dwelling it could get, in the assignment
//! only (`assign::assign_prioritised`): the match score of a pair stays what the associations'
//! criteria make it, and the assignment maximises the sum of score plus priority over the placed
//! profiles. So a priority can only change *who* gets a scarce dwelling, never make an ineligible
//! pair eligible.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::error::{Error, Result};
use crate::profile::AgeBand;

/// Points of priority, set per vault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriorityWeights {
    /// For a resident of 18 to 27 years (the age bands 18-22 and 23-27).
    pub young: u32,
    /// For every whole month of waiting …
    pub per_month_waiting: u32,
    /// … up to this many months, so waiting cannot outweigh every difference in fit.
    pub max_months: u32,
}

impl Default for PriorityWeights {
    fn default() -> Self {
        // Defaults a coordinator can start from: being young counts as much as fifteen points of
        // fit, a year of waiting as twenty-four. Both stay below the hundred points a perfect fit
        // scores, so fit still matters most.
        PriorityWeights {
            young: 15,
            per_month_waiting: 2,
            max_months: 12,
        }
    }
}

/// The highest total priority a profile may get: the match score's own range. More would let
/// priority alone decide every assignment.
pub const MAX_PRIORITY: u32 = 100;

impl PriorityWeights {
    /// No priority at all: the assignment by fit alone.
    pub const NONE: PriorityWeights = PriorityWeights {
        young: 0,
        per_month_waiting: 0,
        max_months: 0,
    };

    /// Refuses weights whose highest possible priority exceeds [`MAX_PRIORITY`] or that wait
    /// more than five years.
    pub fn validate(&self) -> Result<()> {
        let waiting = u64::from(self.per_month_waiting) * u64::from(self.max_months);
        if self.max_months > 60 || u64::from(self.young) + waiting > u64::from(MAX_PRIORITY) {
            return Err(Error::new(
                "PRIORITY_INVALID",
                format!(
                    "De voorrang is te groot: punten voor jongeren plus punten per maand maal het aantal maanden mag samen hoogstens {MAX_PRIORITY} zijn, en hoogstens 60 maanden tellen mee."
                ),
            ));
        }
        Ok(())
    }

    /// The priority of a profile of `age_band` that has waited since `since` (if known), on
    /// `reference`.
    pub fn priority(&self, age_band: AgeBand, since: Option<Date>, reference: Date) -> Priority {
        let young = is_young(age_band);
        let months = since.map_or(0, |s| whole_months(s, reference));
        let counted = months.min(self.max_months);
        Priority {
            young,
            months_waiting: months,
            young_points: if young { self.young } else { 0 },
            waiting_points: counted.saturating_mul(self.per_month_waiting),
        }
    }
}

/// The seed's young people: 18 to 27 years.
pub fn is_young(age_band: AgeBand) -> bool {
    matches!(age_band, AgeBand::From18To22 | AgeBand::From23To27)
}

/// Whole months from `since` to `reference` (0 when `reference` is not later).
pub fn whole_months(since: Date, reference: Date) -> u32 {
    let (s, r) = (since, reference);
    let mut months = (r.year() - s.year()) * 12 + i32::from(r.month()) - i32::from(s.month());
    if r.day() < s.day() {
        months -= 1;
    }
    u32::try_from(months).unwrap_or(0)
}

/// One profile's priority, with its parts so the assignment can explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Priority {
    pub young: bool,
    pub months_waiting: u32,
    pub young_points: u32,
    pub waiting_points: u32,
}

impl Priority {
    pub fn points(&self) -> u32 {
        self.young_points + self.waiting_points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn whole_months_count_like_an_age() {
        assert_eq!(whole_months(d("2026-01-31"), d("2026-02-28")), 0);
        assert_eq!(whole_months(d("2026-01-31"), d("2026-03-01")), 1);
        assert_eq!(whole_months(d("2025-12-15"), d("2026-12-15")), 12);
        assert_eq!(whole_months(d("2025-12-15"), d("2026-12-14")), 11);
        assert_eq!(whole_months(d("2026-12-15"), d("2026-01-01")), 0);
    }

    #[test]
    fn young_is_eighteen_to_twenty_seven_and_waiting_is_capped() {
        let w = PriorityWeights::default();
        let p = w.priority(AgeBand::From23To27, Some(d("2024-01-10")), d("2026-12-07"));
        assert!(p.young && p.months_waiting == 34);
        assert_eq!((p.young_points, p.waiting_points, p.points()), (15, 24, 39));
        let p = w.priority(AgeBand::From28To54, None, d("2026-12-07"));
        assert_eq!(p, Priority::default());
        assert_eq!(
            PriorityWeights::NONE
                .priority(AgeBand::From18To22, Some(d("2020-01-01")), d("2026-12-07"))
                .points(),
            0
        );
    }

    #[test]
    fn weights_beyond_the_score_range_are_refused() {
        assert!(PriorityWeights::default().validate().is_ok());
        let too_much = PriorityWeights {
            young: 50,
            per_month_waiting: 5,
            max_months: 12,
        };
        assert_eq!(too_much.validate().unwrap_err().code, "PRIORITY_INVALID");
        let huge = PriorityWeights {
            young: 0,
            per_month_waiting: u32::MAX,
            max_months: u32::MAX,
        };
        assert!(huge.validate().is_err());
    }
}
