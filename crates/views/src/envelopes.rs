//! Envelopes on screen: the association's reply form (its strings into answers, with a message
//! per code), what an opened reply did on the coordinator's side, the bundles an association
//! received, and the latest answer per association beside a case's codes.
//!
//! The choices are the core's own (`AnswerKind`, `NoOfferReason`) with their Dutch labels; a
//! value in the form is the answer's name in the reply file, so the form and the file say the
//! same thing.

use serde::Serialize;
use woonkans_core::code;
use woonkans_core::keys::Role;
use woonkans_core::parties::{Parties, ReceivedBundle, ReplyReceipt};
use woonkans_core::reply::{AnswerKind, CodeAnswer, NoOfferReason};
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

use crate::bundles::case_label;

/// Where a message about the reply as a whole sits (not about one code).
pub const REPLY_FORM: &str = "reactie";

/// Said when a vault without keys is about to send or receive an envelope; the page links to
/// "Sleutels en adresboek" beside it.
pub const NO_KEYS: &str = "Deze kluis heeft nog geen sleutels. Bestanden voor een andere organisatie gaan als envelop: versleuteld voor de ontvanger en door u ondertekend. Maak eerst de sleutels van uw organisatie bij ‘Sleutels en adresboek’.";

/// The three answers in the order the form offers them.
pub const ANSWERS: [AnswerKind; 3] = [
    AnswerKind::Interest,
    AnswerKind::DwellingOffered,
    AnswerKind::NoOffer,
];

/// The form value of an answer: its name in the reply file.
pub fn answer_value(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Interest => "interest",
        AnswerKind::DwellingOffered => "dwellingOffered",
        AnswerKind::NoOffer => "noOffer",
    }
}

/// The form value of a reason: its name in the reply file.
pub fn reason_value(reason: NoOfferReason) -> &'static str {
    match reason {
        NoOfferReason::NoDwellingAvailable => "noDwellingAvailable",
        NoOfferReason::NoDwellingInSearchArea => "noDwellingInSearchArea",
        NoOfferReason::QuotaFull => "quotaFull",
        NoOfferReason::RentalHistory => "rentalHistory",
        NoOfferReason::SupportInsufficient => "supportInsufficient",
        NoOfferReason::HouseholdDoesNotFit => "householdDoesNotFit",
        NoOfferReason::Other => "other",
    }
}

/// (value, label) for the answer choice of one code; the empty value is "no answer".
pub fn answer_options() -> Vec<(String, String)> {
    std::iter::once((String::new(), "Geen antwoord".to_string()))
        .chain(
            ANSWERS
                .iter()
                .map(|&k| (answer_value(k).to_string(), k.dutch().to_string())),
        )
        .collect()
}

/// (value, label) for the reason select; the empty value is the "kies" placeholder.
pub fn reason_options() -> Vec<(String, String)> {
    std::iter::once((String::new(), "Kies een reden".to_string()))
        .chain(
            NoOfferReason::ALL
                .iter()
                .map(|&r| (reason_value(r).to_string(), r.dutch().to_string())),
        )
        .collect()
}

/// One code's row of the reply form, as the form holds it: strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplyRow {
    pub code: String,
    /// An [`answer_value`], or empty for no answer.
    pub choice: String,
    pub dwelling: String,
    /// A [`reason_value`], or empty.
    pub reason: String,
}

/// The reply form's rows as answers, or every message at once as (field, Dutch message): the
/// field is the code (as the core's own refusals name it), or [`REPLY_FORM`] for the reply as a
/// whole. A row without an answer is left out; what it holds besides is not read.
pub fn reply_answers(rows: &[ReplyRow]) -> Result<Vec<CodeAnswer>, Vec<(String, String)>> {
    let mut answers = Vec::new();
    let mut errors = Vec::new();
    for row in rows {
        if row.choice.is_empty() {
            continue;
        }
        let Some(kind) = ANSWERS
            .iter()
            .copied()
            .find(|&k| answer_value(k) == row.choice)
        else {
            errors.push((row.code.clone(), "Kies een antwoord uit de lijst.".into()));
            continue;
        };
        let Ok(code) = code::parse(&row.code) else {
            errors.push((
                row.code.clone(),
                "Deze code staat niet goed in de bundel.".into(),
            ));
            continue;
        };
        let mut answer = CodeAnswer {
            code,
            answer: kind,
            dwelling_id: None,
            reason: None,
        };
        match kind {
            AnswerKind::Interest => {}
            AnswerKind::DwellingOffered => {
                let dwelling = row.dwelling.trim();
                if dwelling.is_empty() {
                    errors.push((
                        row.code.clone(),
                        "Vul het nummer van de aangeboden woning in.".into(),
                    ));
                    continue;
                }
                answer.dwelling_id = Some(dwelling.to_string());
            }
            AnswerKind::NoOffer => {
                let Some(reason) = NoOfferReason::ALL
                    .iter()
                    .copied()
                    .find(|&r| reason_value(r) == row.reason)
                else {
                    errors.push((
                        row.code.clone(),
                        "Kies een reden waarom er geen passend aanbod is.".into(),
                    ));
                    continue;
                };
                answer.reason = Some(reason);
            }
        }
        answers.push(answer);
    }
    if errors.is_empty() && answers.is_empty() {
        errors.push((
            REPLY_FORM.to_string(),
            "Geef bij minstens één code een antwoord.".into(),
        ));
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// One answer as it landed on a case of the coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerLine {
    pub case_id: String,
    pub case_label: String,
    pub code: String,
    pub answer: String,
}

/// What the coordinator reads after opening a reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplySummary {
    /// "Reactie van Woonwel: 2 antwoorden verwerkt"
    pub heading: String,
    pub lines: Vec<AnswerLine>,
    /// Said when some codes belong to no case of this vault.
    pub unknown: Option<String>,
}

pub fn reply_summary(ws: &Workspace, receipt: &ReplyReceipt) -> ReplySummary {
    let lines = receipt
        .answered
        .iter()
        .map(|(id, a)| AnswerLine {
            case_id: id.clone(),
            case_label: ws.case(id).map(case_label).unwrap_or_else(|_| id.clone()),
            code: a.code.to_string(),
            answer: a.describe(),
        })
        .collect();
    let unknown = match receipt.unknown {
        0 => None,
        1 => Some("1 code hoort bij geen dossier in deze kluis (bijvoorbeeld een verwijderd dossier): dat antwoord is niet verwerkt.".into()),
        n => Some(format!("{n} codes horen bij geen dossier in deze kluis (bijvoorbeeld een verwijderd dossier): die antwoorden zijn niet verwerkt.")),
    };
    ReplySummary {
        heading: format!(
            "Reactie van {}: {} verwerkt",
            receipt.association_name,
            vocab::count(receipt.answered.len(), "antwoord", "antwoorden")
        ),
        lines,
        unknown,
    }
}

/// One association beside a case in step 5: the code it knows the resident by and its latest
/// answer, if one came in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssociationCodeRow {
    pub association_id: String,
    pub association: String,
    pub code: String,
    /// The answer in words.
    pub answer: Option<String>,
    /// The reply's date, "28-11-2026".
    pub answered_on: Option<String>,
    /// The day the latest bundle with this profile went to it.
    pub sent_on: Option<String>,
    /// What the coordinator recorded of the talks, oldest first, as sentences
    /// (`talks::talk_line`).
    pub talks: Vec<String>,
}

/// Every association that received this case's profile (or answered about it), by name.
pub fn association_code_rows(ws: &Workspace, case: &Case) -> Vec<AssociationCodeRow> {
    let name = |id: &str| {
        ws.offer()
            .association(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let status = woonkans_core::talks::status(case);
    let mut ids: Vec<&String> = case.codes.keys().collect();
    ids.extend(case.replies.keys().filter(|k| !case.codes.contains_key(*k)));
    ids.into_iter()
        .map(|id| {
            let reply = case.replies.get(id);
            let st = status.iter().find(|s| &s.association_id == id);
            AssociationCodeRow {
                sent_on: st.and_then(|s| s.sent).map(vocab::date),
                talks: st
                    .map(|s| s.talks.iter().map(crate::talks::talk_line).collect())
                    .unwrap_or_default(),
                association_id: id.clone(),
                association: name(id),
                code: case
                    .codes
                    .get(id)
                    .cloned()
                    .or_else(|| reply.map(|r| r.answer.code.to_string()))
                    .unwrap_or_default(),
                answer: reply.map(|r| r.answer.describe()),
                answered_on: reply.map(|r| vocab::date(r.date)),
            }
        })
        .collect()
}

/// "Van: Ketenregie Noord-Limburg (regisseur), ondertekening gecontroleerd": who signed a
/// received bundle. Opening one checks that its sender is a confirmed coordinator.
pub fn sender_line(b: &ReceivedBundle) -> String {
    format!(
        "Van: {} ({}), ondertekening gecontroleerd",
        b.organisation,
        Role::Regisseur.dutch().to_lowercase()
    )
}

/// One bundle in the association's list of received bundles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InboxRow {
    /// Its place in `Parties::inbox`.
    pub index: usize,
    pub envelope_id: String,
    pub organisation: String,
    /// When it was opened here, "28-11-2026 14:05".
    pub received: String,
    pub profiles: usize,
    /// "Reactie gemaakt op 28-11-2026 14:10", or "Nog geen reactie".
    pub reply: String,
}

/// The received bundles, newest first.
pub fn inbox_rows(parties: &Parties) -> Vec<InboxRow> {
    let mut rows: Vec<InboxRow> = parties
        .inbox()
        .iter()
        .enumerate()
        .map(|(index, b)| InboxRow {
            index,
            envelope_id: b.envelope_id.clone(),
            organisation: b.organisation.clone(),
            received: vocab::datetime(&b.at),
            profiles: b.bundle().map_or(0, |v| v.profiles.len()),
            reply: match &b.replied {
                Some(at) => format!("Reactie gemaakt op {}", vocab::datetime(at)),
                None => "Nog geen reactie".into(),
            },
        })
        .collect();
    rows.reverse();
    rows
}

/// Why this vault cannot open a bundle, or `None` when it can: it needs keys, and they must be
/// a housing association's (a bundle is sealed to one association and opens only there).
pub fn association_side_blocker(parties: &Parties) -> Option<String> {
    let keys = parties.keys()?;
    if keys.identity.role == Role::Woningcorporatie {
        return None;
    }
    Some(format!(
        "Deze kluis heeft de sleutels van een {} ({}). Een bundel is versleuteld voor één woningcorporatie en gaat alleen open in de kluis van die corporatie, met haar sleutels.",
        keys.identity.role.dutch().to_lowercase(),
        keys.identity.organisation
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::code::CodeKey;
    use woonkans_core::date::Date;
    use woonkans_core::fixtures::{self, RESIDENTS};
    use woonkans_core::keys::{Identity, KeyCard};
    use woonkans_core::region::Region;
    use woonkans_core::sample::sample_offer;

    fn row(code: &str, choice: &str, dwelling: &str, reason: &str) -> ReplyRow {
        ReplyRow {
            code: code.into(),
            choice: choice.into(),
            dwelling: dwelling.into(),
            reason: reason.into(),
        }
    }

    fn a_code(n: u64) -> String {
        code::Code::from_value(n).to_string()
    }

    #[test]
    fn form_values_are_the_names_in_the_reply_file() {
        for k in ANSWERS {
            assert_eq!(serde_json::to_value(k).unwrap(), answer_value(k));
        }
        for r in NoOfferReason::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), reason_value(r));
        }
        let reasons = reason_options();
        assert_eq!(reasons.len(), NoOfferReason::ALL.len() + 1);
        assert_eq!(reasons[1].1, "Nu geen passende woning vrij");
        assert_eq!(
            answer_options()
                .iter()
                .map(|(_, l)| l.as_str())
                .collect::<Vec<_>>(),
            [
                "Geen antwoord",
                "Interesse",
                "Woning aangeboden",
                "Geen passend aanbod"
            ]
        );
    }

    #[test]
    fn the_form_becomes_answers_and_skips_rows_without_one() {
        let (a, b, c, d) = (a_code(1), a_code(2), a_code(3), a_code(4));
        let answers = reply_answers(&[
            row(&a, "interest", "ignored", "other"),
            row(&b, "dwellingOffered", "  W-12 ", ""),
            row(&c, "noOffer", "", "quotaFull"),
            row(&d, "", "W-9", "other"),
        ])
        .unwrap();
        assert_eq!(answers.len(), 3);
        assert_eq!(answers[0].describe(), "Interesse");
        assert_eq!(answers[0].dwelling_id, None, "only what the answer carries");
        assert_eq!(answers[1].dwelling_id.as_deref(), Some("W-12"));
        assert_eq!(answers[1].reason, None);
        assert_eq!(
            answers[2].describe(),
            "Geen passend aanbod: Het aantal afgesproken woningen voor Woonkans is bereikt"
        );
        assert_eq!(answers[2].code.to_string(), c);
    }

    #[test]
    fn every_missing_part_is_named_at_its_own_code() {
        let (a, b, c) = (a_code(1), a_code(2), a_code(3));
        let errors = reply_answers(&[
            row(&a, "dwellingOffered", "  ", ""),
            row(&b, "noOffer", "", ""),
            row(&c, "maybe", "", ""),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            [
                (a, "Vul het nummer van de aangeboden woning in.".to_string()),
                (
                    b,
                    "Kies een reden waarom er geen passend aanbod is.".to_string()
                ),
                (c, "Kies een antwoord uit de lijst.".to_string()),
            ]
        );
        assert_eq!(
            reply_answers(&[row(&a_code(5), "", "", "")]).unwrap_err(),
            [(
                REPLY_FORM.to_string(),
                "Geef bij minstens één code een antwoord.".to_string()
            )]
        );
        assert_eq!(
            reply_answers(&[row("WK-ONZIN", "interest", "", "")]).unwrap_err()[0].0,
            "WK-ONZIN"
        );
    }

    fn today() -> Date {
        Date::new(2026, 11, 28).unwrap()
    }

    fn random(seed: u8) -> [u8; 64] {
        std::array::from_fn(|i| seed.wrapping_add(i as u8))
    }

    /// The coordinator with two ready cases, and the association of the sample offer's first
    /// association, their cards exchanged and confirmed.
    fn two_vaults() -> (Workspace, Workspace, String) {
        let mut coordinator = fixtures::workspace();
        fixtures::add_ready_case(&mut coordinator, "klaar0001", &RESIDENTS[0]);
        fixtures::add_ready_case(&mut coordinator, "klaar0002", &RESIDENTS[1]);
        let association = sample_offer().associations[0].clone();
        coordinator
            .create_keys(
                Identity {
                    role: Role::Regisseur,
                    organisation: "Ketenregie Noord-Limburg".into(),
                    organisation_id: "ketenregie-noord".into(),
                    region: Some(Region::NoordLimburg),
                },
                today(),
                random(1),
            )
            .unwrap();
        let mut corporation = Workspace::new(sample_offer());
        corporation
            .create_keys(
                Identity {
                    role: Role::Woningcorporatie,
                    organisation: association.name.clone(),
                    organisation_id: association.id.clone(),
                    region: Some(Region::NoordLimburg),
                },
                today(),
                random(2),
            )
            .unwrap();
        let (_, card) = corporation.own_card_file().unwrap();
        let fp = KeyCard::parse(card.as_bytes(), None).unwrap().fingerprint();
        coordinator
            .import_card(card.as_bytes(), Some(&association.id), today())
            .unwrap();
        coordinator.confirm_contact(fp, &fp.to_string()).unwrap();
        coordinator.link_contact(fp, &association.id).unwrap();
        let (_, card) = coordinator.own_card_file().unwrap();
        let fp = KeyCard::parse(card.as_bytes(), None).unwrap().fingerprint();
        corporation
            .import_card(card.as_bytes(), None, today())
            .unwrap();
        corporation.confirm_contact(fp, &fp.to_string()).unwrap();
        (coordinator, corporation, association.id)
    }

    #[test]
    fn a_reply_made_from_the_form_lands_on_the_cases_its_codes_belong_to() {
        let (mut coordinator, mut corporation, association) = two_vaults();
        let key = CodeKey::from_bytes([9; 32]);
        let ids = ["klaar0001".to_string(), "klaar0002".to_string()];
        assert!(association_side_blocker(coordinator.parties()).is_some());
        assert!(association_side_blocker(corporation.parties()).is_none());
        let (sealed, _) = coordinator
            .seal_bundle(
                &key,
                &association,
                &ids,
                [1; 16],
                [2; 32],
                today(),
                "2026-11-28T10:00:00",
            )
            .unwrap_or_else(|_| panic!("the bundle seals"));
        let at = corporation
            .open_bundle(&sealed.bytes, "2026-11-28T11:00:00")
            .unwrap();
        let inbox = inbox_rows(corporation.parties());
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].index, at);
        assert_eq!(inbox[0].profiles, 2);
        assert_eq!(inbox[0].received, "28-11-2026 11:00");
        assert_eq!(inbox[0].reply, "Nog geen reactie");
        let received = &corporation.parties().inbox()[at];
        assert_eq!(
            sender_line(received),
            "Van: Ketenregie Noord-Limburg (regisseur), ondertekening gecontroleerd"
        );

        // Each code's case, derived here from the key and the case, not read from the app.
        let code_of = |id: &str| {
            let case = coordinator.case(id).unwrap();
            code::derive(&key, &association, case.stable_id()).to_string()
        };
        let (one, two) = (code_of("klaar0001"), code_of("klaar0002"));
        let answers = reply_answers(&[
            row(&one, "dwellingOffered", "W-7", ""),
            row(&two, "noOffer", "", "rentalHistory"),
        ])
        .unwrap();
        let envelope_id = received.envelope_id.clone();
        let reply = corporation
            .seal_reply(
                &envelope_id,
                answers,
                [3; 16],
                [4; 32],
                today(),
                "2026-11-28T12:00:00",
            )
            .unwrap();
        assert_eq!(
            inbox_rows(corporation.parties())[0].reply,
            "Reactie gemaakt op 28-11-2026 12:00"
        );
        let receipt = coordinator
            .open_reply(&reply.bytes, Some(&key), "2026-11-28T13:00:00")
            .unwrap();
        let summary = reply_summary(&coordinator, &receipt);
        let name = &coordinator.offer().association(&association).unwrap().name;
        assert_eq!(
            summary.heading,
            format!("Reactie van {name}: 2 antwoorden verwerkt")
        );
        assert_eq!(summary.unknown, None);
        let line = |id: &str| summary.lines.iter().find(|l| l.case_id == id).unwrap();
        assert_eq!(line("klaar0001").code, one);
        assert_eq!(line("klaar0001").answer, "Woning aangeboden: W-7");
        assert_eq!(line("klaar0002").code, two);
        assert_eq!(
            line("klaar0002").answer,
            "Geen passend aanbod: Het huurverleden staat een woning nu niet toe"
        );
        assert!(line("klaar0001").case_label.contains("klaar0001"));

        let rows = association_code_rows(&coordinator, coordinator.case("klaar0002").unwrap());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].association, *name);
        assert_eq!(rows[0].code, two);
        assert_eq!(
            rows[0].answer.as_deref(),
            Some("Geen passend aanbod: Het huurverleden staat een woning nu niet toe")
        );
        assert_eq!(rows[0].answered_on.as_deref(), Some("28-11-2026"));

        // The same reply again changes nothing.
        let again = coordinator.open_reply(&reply.bytes, Some(&key), "2026-11-28T14:00:00");
        assert_eq!(again.unwrap_err().code, "ENVELOPE_ALREADY_PROCESSED");
    }

    #[test]
    fn unknown_codes_are_counted_in_words() {
        let ws = fixtures::workspace();
        let receipt = |unknown| ReplyReceipt {
            association_id: "a".into(),
            association_name: "Woonwel".into(),
            answered: Vec::new(),
            unknown,
        };
        let one = reply_summary(&ws, &receipt(1));
        assert_eq!(one.heading, "Reactie van Woonwel: 0 antwoorden verwerkt");
        assert!(one.unknown.unwrap().starts_with("1 code hoort"));
        assert!(
            reply_summary(&ws, &receipt(3))
                .unknown
                .unwrap()
                .starts_with("3 codes horen")
        );
        assert_eq!(reply_summary(&ws, &receipt(0)).unknown, None);
    }
}
