//! The association's reply (reactie) to a bundle: per code one answer from a fixed set, no free
//! text, so it cannot carry a name. Canonical JSON; it travels only inside an envelope.

use crate::bundle::canonical_json;
use crate::code::Code;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "woonkans-reactie";
pub const VERSION: u64 = 1;

/// Why an association has no offer for a profile. A fixed list: the reply carries no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum NoOfferReason {
    NoDwellingAvailable,
    NoDwellingInSearchArea,
    QuotaFull,
    RentalHistory,
    SupportInsufficient,
    HouseholdDoesNotFit,
    Other,
}

impl NoOfferReason {
    pub const ALL: [NoOfferReason; 7] = [
        NoOfferReason::NoDwellingAvailable,
        NoOfferReason::NoDwellingInSearchArea,
        NoOfferReason::QuotaFull,
        NoOfferReason::RentalHistory,
        NoOfferReason::SupportInsufficient,
        NoOfferReason::HouseholdDoesNotFit,
        NoOfferReason::Other,
    ];
}

impl Dutch for NoOfferReason {
    fn dutch(&self) -> &'static str {
        match self {
            NoOfferReason::NoDwellingAvailable => "Nu geen passende woning vrij",
            NoOfferReason::NoDwellingInSearchArea => "Geen woningen in het zoekgebied",
            NoOfferReason::QuotaFull => "Het aantal afgesproken woningen voor Woonkans is bereikt",
            NoOfferReason::RentalHistory => "Het huurverleden staat een woning nu niet toe",
            NoOfferReason::SupportInsufficient => {
                "De begeleiding of de afspraken zijn onvoldoende voor deze woning"
            }
            NoOfferReason::HouseholdDoesNotFit => {
                "De huishoudsamenstelling past niet bij het aanbod"
            }
            NoOfferReason::Other => "Andere reden (de corporatie licht toe aan de regisseur)",
        }
    }
}

/// What an association answers about one coded profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AnswerKind {
    /// Interested: the association wants to talk about this profile.
    Interest,
    /// A dwelling is offered (its id in the association's offer).
    DwellingOffered,
    /// No suitable offer, with a reason from the fixed list.
    NoOffer,
}

impl Dutch for AnswerKind {
    fn dutch(&self) -> &'static str {
        match self {
            AnswerKind::Interest => "Interesse",
            AnswerKind::DwellingOffered => "Woning aangeboden",
            AnswerKind::NoOffer => "Geen passend aanbod",
        }
    }
}

/// One answer about one coded profile: a dwelling id only with an offer, a reason only without.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct CodeAnswer {
    pub code: Code,
    pub answer: AnswerKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dwelling_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoOfferReason>,
}

impl CodeAnswer {
    /// The answer in words, for the case and the log.
    pub fn describe(&self) -> String {
        match (self.answer, &self.dwelling_id, self.reason) {
            (AnswerKind::DwellingOffered, Some(id), _) => format!("Woning aangeboden: {id}"),
            (AnswerKind::NoOffer, _, Some(r)) => format!("Geen passend aanbod: {}", r.dutch()),
            (kind, _, _) => kind.dutch().to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reply {
    pub format: String,
    pub version: u64,
    /// The bundle answered (its id, hex).
    pub bundle_id: String,
    /// The association, by the id the coordinator gave it in the bundle.
    pub association_id: String,
    pub date: Date,
    pub answers: Vec<CodeAnswer>,
}

fn dwelling_id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

impl Reply {
    pub fn new(
        bundle_id: &str,
        association_id: &str,
        date: Date,
        answers: Vec<CodeAnswer>,
    ) -> Result<Reply> {
        let reply = Reply {
            format: FORMAT.into(),
            version: VERSION,
            bundle_id: bundle_id.into(),
            association_id: association_id.into(),
            date,
            answers,
        };
        reply.check()?;
        Ok(reply)
    }

    fn check(&self) -> Result<()> {
        if self.answers.is_empty() {
            return Err(Error::new(
                "REPLY_EMPTY",
                "Geef bij minstens één code een antwoord.",
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in &self.answers {
            if !seen.insert(a.code) {
                return Err(Error::new(
                    "REPLY_DUPLICATE_CODE",
                    "Elke code krijgt één antwoord.",
                ));
            }
            let fits = match a.answer {
                AnswerKind::Interest => a.dwelling_id.is_none() && a.reason.is_none(),
                AnswerKind::DwellingOffered => {
                    if !a.dwelling_id.as_deref().is_some_and(dwelling_id_ok) {
                        return Err(Error::new(
                            "REPLY_DWELLING_INVALID",
                            "Vul het nummer van de aangeboden woning in zoals het in uw aanbod staat (letters, cijfers, streepjes).",
                        )
                        .at(a.code.to_string()));
                    }
                    a.reason.is_none()
                }
                AnswerKind::NoOffer => {
                    if a.reason.is_none() {
                        return Err(Error::new(
                            "REPLY_REASON_MISSING",
                            "Kies een reden waarom er geen passend aanbod is.",
                        )
                        .at(a.code.to_string()));
                    }
                    a.dwelling_id.is_none()
                }
            };
            if !fits {
                return Err(Error::new(
                    "REPLY_INVALID",
                    "Een antwoord heeft een woning én een reden, of een van beide bij interesse.",
                )
                .at(a.code.to_string()));
            }
        }
        if self.bundle_id.len() != 32 || !self.bundle_id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::new(
                "REPLY_INVALID",
                "De reactie hoort niet bij een bundel.",
            ));
        }
        Ok(())
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        canonical_json(&serde_json::to_value(self).unwrap_or_default())
    }

    /// A reply's payload as it came out of an envelope.
    pub fn parse(bytes: &[u8]) -> Result<Reply> {
        let bad = || {
            Error::new(
                "REPLY_INVALID",
                "De envelop bevat geen leesbare reactie. Vraag de corporatie om een nieuwe.",
            )
        };
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| bad())?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT)
            || value.get("version").and_then(|v| v.as_u64()) != Some(VERSION)
        {
            return Err(bad());
        }
        let reply: Reply = serde_json::from_value(value).map_err(|_| bad())?;
        reply.check().map_err(|_| bad())?;
        Ok(reply)
    }
}
