//! A core enum in a form: its serde name as the value of a select or radio, back again, and the
//! (value, Dutch label) pairs of a select. One home for the app's forms and the offer forms.

use serde::Serialize;
use serde::de::DeserializeOwned;
use woonkans_core::vocab::Dutch;

/// The serde name of a core enum value: "female", "shelteredHousing".
pub fn key<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The enum value of a select option's value; `None` for anything else.
pub fn from_key<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}

/// (value, label) pairs for a select, with a placeholder ("Kies") first.
pub fn options<T: Serialize + Dutch>(all: &[T], placeholder: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), placeholder.to_string()))
        .chain(all.iter().map(|v| (key(v), v.dutch().to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::profile::{Gender, History};

    #[test]
    fn keys_round_trip_and_options_carry_labels() {
        for g in Gender::ALL {
            assert_eq!(from_key::<Gender>(&key(&g)), Some(g));
        }
        assert_eq!(key(&Gender::NotStated), "notStated");
        assert_eq!(from_key::<Gender>("nietVermeld"), Some(Gender::NotStated));
        assert_eq!(from_key::<Gender>("onzin"), None);
        let o = options(&[History::None, History::Current], "Kies");
        assert_eq!(o[0], (String::new(), "Kies".to_string()));
        assert_eq!(o[2], ("current".to_string(), "Speelt nu".to_string()));
    }
}
