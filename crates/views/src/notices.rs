//! The afmeldingen on screen: on the coordinator's side the list of associations still to be
//! told of a withdrawal, a closing or an ended match, on the association's side what opening
//! one erased. Who may send what, and what is erased, is the core's
//! (`core::transfer::afmelding`).

use std::collections::BTreeMap;
use woonkans_core::transfer::{Erasure, NoticeReason};
use woonkans_core::vocab::Dutch;
use woonkans_core::workspace::Workspace;

pub const TITLE: &str = "Afmeldingen voor corporaties";

pub const INTRO: &str = "Een corporatie die het profiel van een inwoner kreeg, moet wissen wat \
                         zij onder de code heeft als de inwoner de toestemming intrekt (art. 19 \
                         AVG), als de zaak is afgesloten en zij de inwoner niet huisvest, of als \
                         de match met haar na de koppeling is beëindigd (niet langer bewaren dan \
                         nodig). De afmelding is een envelop met alleen de codes: geen naam, geen \
                         profiel en ook niet de reden.";

pub const BUTTON: &str = "Afmelding maken en downloaden";

pub const OTHERWISE_LABEL: &str = "Ik heb deze corporatie op een andere manier gevraagd om te \
                                   wissen (bijvoorbeeld omdat zij nog geen sleutelkaart heeft)";

pub const OTHERWISE_BUTTON: &str = "Als gemeld afvinken";

/// Said in the withdrawal form of a case whose profile went to an association.
pub const WITHDRAW_NOTICE: &str = "De corporaties die het profiel kregen, kennen de inwoner \
                                   alleen bij een code. Voor elk van hen zet de app na het \
                                   intrekken een afmelding klaar bij ‘Dossiers’: een envelop \
                                   met alleen die code, zodat zij kunnen wissen.";

/// Said in the closing form of a case whose profile went to an association.
pub const CLOSE_NOTICE: &str = "Corporaties die het profiel kregen en de inwoner niet huisvesten, \
                                krijgen na het afsluiten een afmelding: die staat klaar bij \
                                ‘Dossiers’. Wordt de zaak heropend voordat u hem verstuurt, dan \
                                vervalt hij.";

/// Said in the form that ends a match whose koppeling went to the association.
pub const END_MATCH_NOTICE: &str = "De corporatie kreeg de koppeling al. Na het beëindigen zet \
                                    de app een afmelding voor haar klaar bij ‘Dossiers’: zij \
                                    wist dan alles onder de code, ook het profiel. Komt zij later \
                                    weer in aanmerking, stuur het profiel dan opnieuw in een \
                                    bundel.";

/// The end-match form's sentence about the afmelding, for a case whose accepted match's
/// association got the koppeling (`None` otherwise).
pub fn end_match_sentence(ws: &Workspace, case_id: &str) -> Option<&'static str> {
    ws.ended_match_notices(case_id, "")
        .is_ok_and(|n| !n.is_empty())
        .then_some(END_MATCH_NOTICE)
}

/// The closing form's sentence about afmeldingen, for a case whose coded profile went to an
/// association (`None` otherwise).
pub fn close_sentence(case: &woonkans_core::workspace::Case) -> Option<&'static str> {
    (!case.shared.is_empty()).then_some(CLOSE_NOTICE)
}

/// The withdrawal form's sentence about afmeldingen, for a case whose coded profile went to an
/// association (`None` otherwise).
pub fn withdraw_sentence(case: &woonkans_core::workspace::Case) -> Option<&'static str> {
    (!woonkans_core::transfer::notices_for(
        case,
        woonkans_core::transfer::NoticeReason::ToestemmingIngetrokken,
        "",
    )
    .is_empty())
    .then_some(WITHDRAW_NOTICE)
}

/// One association still to be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeLine {
    pub association_id: String,
    pub association_name: String,
    /// "Voor 2 inwoners, sinds 20-11-2026." — how many codes wait, and since when.
    pub sentence: String,
}

/// The associations with afmeldingen waiting, in the order of the offer's names.
pub fn lines(ws: &Workspace) -> Vec<NoticeLine> {
    let mut by_association: BTreeMap<&str, (BTreeMap<NoticeReason, usize>, &str)> = BTreeMap::new();
    for n in ws.parties().notices() {
        let e = by_association
            .entry(n.association_id.as_str())
            .or_insert((BTreeMap::new(), n.at.as_str()));
        *e.0.entry(n.reason).or_default() += 1;
        e.1 = e.1.min(n.at.as_str());
    }
    let mut lines: Vec<NoticeLine> = by_association
        .into_iter()
        .map(|(id, (reasons, since))| NoticeLine {
            association_id: id.to_string(),
            association_name: ws
                .offer()
                .association(id)
                .map_or_else(|| id.to_string(), |a| a.name.clone()),
            sentence: waiting_sentence(&reasons, since),
        })
        .collect();
    lines.sort_by(|a, b| a.association_name.cmp(&b.association_name));
    lines
}

/// "Voor 3 inwoners (1 toestemming ingetrokken, 2 zaak afgesloten), sinds 20-11-2026."
fn waiting_sentence(reasons: &BTreeMap<NoticeReason, usize>, since: &str) -> String {
    let count: usize = reasons.values().sum();
    let why = if reasons.len() == 1 {
        reasons
            .keys()
            .map(|r| r.dutch().to_string())
            .collect::<String>()
    } else {
        reasons
            .iter()
            .map(|(r, n)| format!("{n} {}", r.dutch()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let who = if count == 1 {
        format!("Voor 1 inwoner ({why})")
    } else {
        format!("Voor {count} inwoners ({why})")
    };
    match since
        .get(..10)
        .and_then(|d| woonkans_core::date::Date::parse(d).ok())
    {
        Some(d) => format!("{who}, sinds {}.", woonkans_core::vocab::date(d)),
        None => format!("{who}."),
    }
}

/// After the envelope was made.
pub fn sent_message(association: &str, file_name: &str) -> String {
    format!(
        "De afmelding voor {association} is gedownload als {file_name}. Stuur het bestand naar de \
         corporatie; zij opent het bij ‘Envelop openen’ en haar kluis wist wat onder de code staat."
    )
}

/// After the user said the association was told otherwise.
pub fn otherwise_message(association: &str) -> String {
    format!("Vastgelegd in het verwerkingslog: {association} is buiten de app gevraagd te wissen.")
}

/// What the association's page says after opening an afmelding.
pub fn opened_message(e: &Erasure) -> String {
    let erased = match e.erased.len() {
        0 => "Deze kluis had niets onder de codes van deze afmelding; er is niets gewist."
            .to_string(),
        1 => format!(
            "De afmelding is geopend. Gewist: alles onder code {} (profiel, koppeling en \
             huurgegevens voor zover aanwezig). Het verwerkingslog houdt alleen de code en de \
             datum.",
            e.erased[0]
        ),
        n => format!(
            "De afmelding is geopend. Gewist: alles onder {n} codes ({}), voor zover aanwezig. \
             Het verwerkingslog houdt alleen de codes en de datum.",
            e.erased.join(", ")
        ),
    };
    if e.unknown > 0 && !e.erased.is_empty() {
        let codes = if e.unknown == 1 { "code" } else { "codes" };
        format!(
            "{erased} {} {codes} kende deze kluis niet (meer).",
            e.unknown
        )
    } else {
        erased
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_name_codes_and_counts_only() {
        let one = opened_message(&Erasure {
            erased: vec!["WK-AAAAA-BBBBB-C".into()],
            unknown: 0,
        });
        assert!(one.contains("code WK-AAAAA-BBBBB-C"));
        let none = opened_message(&Erasure {
            erased: vec![],
            unknown: 2,
        });
        assert!(none.contains("niets gewist"));
        let some = opened_message(&Erasure {
            erased: vec!["A".into(), "B".into()],
            unknown: 1,
        });
        assert!(some.contains("2 codes (A, B)") && some.contains("1 code kende"));
        let one = BTreeMap::from([(NoticeReason::ToestemmingIngetrokken, 1)]);
        assert_eq!(
            waiting_sentence(&one, "2026-11-20T14:00:00Z"),
            "Voor 1 inwoner (toestemming ingetrokken), sinds 20-11-2026."
        );
        let mixed = BTreeMap::from([
            (NoticeReason::ToestemmingIngetrokken, 1),
            (NoticeReason::ZaakAfgesloten, 2),
        ]);
        assert_eq!(
            waiting_sentence(&mixed, "t"),
            "Voor 3 inwoners (1 toestemming ingetrokken, 2 zaak afgesloten)."
        );
    }
}
