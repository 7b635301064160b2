//! The identifying values of a dossier, as the scanner and the leak guard search for them.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Everything that identifies one resident directly. Built by `Dossier::known()`; passed to
/// `scan::scan` (to find the resident's own data in free text) and to the leak guard (to find
/// it anywhere in an outgoing file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Known {
    /// First names, surname and the surname with its tussenvoegsel ("van der Berg"), as typed.
    pub name_parts: Vec<String>,
    /// Tussenvoegsels ("van", "de", "van der"): needed to recognise "Van den Berg" as a surname,
    /// never searched on their own.
    pub tussenvoegsels: Vec<String>,
    pub bsn: Option<String>,
    pub birth_date: Option<Date>,
    /// "Kerkstraat 12a" and the like.
    pub street_addresses: Vec<String>,
    pub postcodes: Vec<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub ibans: Vec<String>,
}
