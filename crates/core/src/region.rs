//! The two Woonkans regions, their participating gemeenten and the coordinator role each implies.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Region {
    NoordLimburg,
    MiddenLimburg,
}

/// Ketenregisseur (Noord-Limburg, who for now also does the Procesregisseur's tasks) or
/// Procesregisseur (Midden-Limburg).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CoordinatorRole {
    Ketenregisseur,
    Procesregisseur,
}

pub const NOORD_LIMBURG: [&str; 8] = [
    "Beesel",
    "Bergen (L.)",
    "Gennep",
    "Horst aan de Maas",
    "Mook en Middelaar",
    "Peel en Maas",
    "Venlo",
    "Venray",
];

pub const MIDDEN_LIMBURG: [&str; 7] = [
    "Echt-Susteren",
    "Leudal",
    "Maasgouw",
    "Nederweert",
    "Roerdalen",
    "Roermond",
    "Weert",
];

impl Region {
    pub const ALL: [Region; 2] = [Region::NoordLimburg, Region::MiddenLimburg];

    pub fn name(self) -> &'static str {
        match self {
            Region::NoordLimburg => "Noord-Limburg",
            Region::MiddenLimburg => "Midden-Limburg",
        }
    }

    pub fn role(self) -> CoordinatorRole {
        match self {
            Region::NoordLimburg => CoordinatorRole::Ketenregisseur,
            Region::MiddenLimburg => CoordinatorRole::Procesregisseur,
        }
    }

    pub fn gemeenten(self) -> &'static [&'static str] {
        match self {
            Region::NoordLimburg => &NOORD_LIMBURG,
            Region::MiddenLimburg => &MIDDEN_LIMBURG,
        }
    }

    /// The short value of the app's region picker: `noord`, `midden`.
    pub fn key(self) -> &'static str {
        match self {
            Region::NoordLimburg => "noord",
            Region::MiddenLimburg => "midden",
        }
    }

    /// A region by any spelling of its name (`Noord-Limburg`, `noordLimburg`, `noord limburg`)
    /// or by its picker key (`noord`); `REGION_INVALID` at `regio` otherwise.
    pub fn parse(text: &str) -> Result<Region> {
        let folded = fold_name(text);
        Region::ALL
            .into_iter()
            .find(|r| fold_name(r.name()) == folded || r.key() == folded)
            .ok_or_else(|| {
                Error::new(
                    "REGION_INVALID",
                    "Kies de regio Noord-Limburg of Midden-Limburg.",
                )
                .at("regio")
            })
    }

    pub fn of_gemeente(name: &str) -> Option<Region> {
        let canonical = canonical_gemeente(name)?;
        Region::ALL
            .into_iter()
            .find(|r| r.gemeenten().contains(&canonical))
    }
}

impl CoordinatorRole {
    pub fn name(self) -> &'static str {
        match self {
            CoordinatorRole::Ketenregisseur => "Ketenregisseur",
            CoordinatorRole::Procesregisseur => "Procesregisseur",
        }
    }
}

/// Folds case, diacritics, punctuation and white space so that "bergen l", "Bergen (L)" and
/// "BERGEN (L.)" compare equal.
pub fn fold_name(s: &str) -> String {
    crate::text::squash(s)
}

/// The official spelling of a participating gemeente, accepting the obvious variants.
pub fn canonical_gemeente(name: &str) -> Option<&'static str> {
    let folded = fold_name(name);
    if folded.is_empty() {
        return None;
    }
    let all = NOORD_LIMBURG.iter().chain(MIDDEN_LIMBURG.iter());
    for g in all {
        let f = fold_name(g);
        if f == folded
            || (f == "bergenl" && folded == "bergen")
            || (f == "echtsusteren" && folded == "echtsusteren")
        {
            return Some(g);
        }
    }
    None
}

pub fn all_gemeenten() -> impl Iterator<Item = &'static str> {
    NOORD_LIMBURG.iter().chain(MIDDEN_LIMBURG.iter()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_gemeenten_in_two_regions() {
        assert_eq!(all_gemeenten().count(), 15);
        assert_eq!(Region::of_gemeente("venlo"), Some(Region::NoordLimburg));
        assert_eq!(
            Region::of_gemeente("Bergen (L)"),
            Some(Region::NoordLimburg)
        );
        assert_eq!(
            Region::of_gemeente("ECHT SUSTEREN"),
            Some(Region::MiddenLimburg)
        );
        assert_eq!(Region::of_gemeente("Maastricht"), None);
        assert_eq!(
            Region::MiddenLimburg.role(),
            CoordinatorRole::Procesregisseur
        );
    }
}
