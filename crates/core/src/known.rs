//! The identifying values of a dossier, as the scanner and the leak guard search for them.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Everything that identifies one resident directly. Built by `Dossier::known()`; passed to
/// `scan::scan` (to find the resident's own data in free text) and to the leak guard (to find
/// it anywhere in an outgoing file).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
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
    /// Names of other people the dossier holds (the care provider's and the Wmo consultant's
    /// contact persons): never the resident, but never to be shared either.
    pub contact_names: Vec<String>,
}

impl Known {
    /// The same values in scan form (`text::plain`), so a value typed with an invisible
    /// character or a look-alike letter meets the text it is searched in.
    /// Whether every value is already in scan form (plain ASCII, the common case), so
    /// `normalised` would only copy.
    pub fn is_plain(&self) -> bool {
        let plain = |v: &[String]| v.iter().all(|s| crate::text::is_plain(s));
        plain(&self.name_parts)
            && plain(&self.tussenvoegsels)
            && self.bsn.as_deref().is_none_or(crate::text::is_plain)
            && plain(&self.street_addresses)
            && plain(&self.postcodes)
            && plain(&self.phones)
            && plain(&self.emails)
            && plain(&self.ibans)
            && plain(&self.contact_names)
    }

    pub fn normalised(&self) -> Known {
        let all = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| crate::text::plain(s).into_owned())
                .collect()
        };
        Known {
            name_parts: all(&self.name_parts),
            tussenvoegsels: all(&self.tussenvoegsels),
            bsn: self
                .bsn
                .as_deref()
                .map(|b| crate::text::plain(b).into_owned()),
            birth_date: self.birth_date,
            street_addresses: all(&self.street_addresses),
            postcodes: all(&self.postcodes),
            phones: all(&self.phones),
            emails: all(&self.emails),
            ibans: all(&self.ibans),
            contact_names: all(&self.contact_names),
        }
    }
}

impl std::fmt::Debug for Known {
    /// Counts only: these are exactly the values that must never reach a log or a panic.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Known")
            .field("name_parts", &self.name_parts.len())
            .field("bsn", &self.bsn.is_some())
            .field("birth_date", &self.birth_date.is_some())
            .field("street_addresses", &self.street_addresses.len())
            .field("postcodes", &self.postcodes.len())
            .field("phones", &self.phones.len())
            .field("emails", &self.emails.len())
            .field("ibans", &self.ibans.len())
            .field("contact_names", &self.contact_names.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_value() {
        let k = Known {
            name_parts: vec!["Markeernaam".into()],
            bsn: Some("999994669".into()),
            phones: vec!["0612345678".into()],
            ..Known::default()
        };
        let shown = format!("{k:?}");
        assert!(
            !shown.contains("Markeernaam")
                && !shown.contains("999994669")
                && !shown.contains("0612345678")
        );
    }
}
