//! The one error type of the core.
//!
//! Every failure the core reports carries a stable machine `code` (for the JS API and tests) and a
//! Dutch `message` for the coordinator. Messages never contain a value from a dossier: they name
//! the field or the line, never what was typed there, so an error can be shown, logged or
//! reported without leaking personal data.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "Problem", optional_fields = nullable)
)]
pub struct Error {
    /// Stable identifier, SCREAMING_SNAKE_CASE, e.g. `BSN_INVALID`.
    pub code: &'static str,
    /// Dutch text for the user. Never holds personal data.
    pub message: String,
    /// The field the error is about, as a path (`adres.postcode`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Error {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{} ({field})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
