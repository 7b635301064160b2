//! A case over time on screen: the timeline's rows, the waiting sentence and its "boven de norm"
//! marker, and the norms form in the settings.

use woonkans_core::disclosure::DisclosureKind;
use woonkans_core::envelope::MessageType;
use woonkans_core::timeline::{self, Moment, Norms, Waiting, WaitingFor, What};
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

/// One row of a case's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    /// "06-10-2026".
    pub date: String,
    /// The date as `jjjj-mm-dd`, for a `<time datetime>`.
    pub iso: String,
    /// "Stap 4".
    pub step: String,
    pub text: String,
}

/// The timeline of a case, oldest first; associations named as the offer of `ws` names them.
pub fn rows(ws: &Workspace, case: &Case) -> Vec<TimelineRow> {
    timeline::timeline(case)
        .iter()
        .map(|m| TimelineRow {
            date: vocab::date(m.date),
            iso: m.date.iso(),
            step: format!("Stap {}", m.step.number()),
            text: sentence(ws, m),
        })
        .collect()
}

pub const TIMELINE_TITLE: &str = "Tijdlijn";
pub const TIMELINE_INTRO: &str = "Wat er met deze zaak is gebeurd, per datum: elke poort die is \
     vastgelegd en alles wat deze kluis heeft verstuurd of ontvangen. Het komt uit de \
     verwerkingslog; er is geen tweede administratie.";
pub const TIMELINE_EMPTY: &str = "Nog niets vastgelegd of uitgewisseld.";

/// What a moment says in a sentence.
pub fn sentence(ws: &Workspace, m: &Moment) -> String {
    match &m.what {
        What::Gate(gate) => format!("Poort vastgelegd: {}.", gate.dutch()),
        What::Exchange {
            kind,
            message,
            party,
        } => exchange_sentence(*kind, *message, party),
        What::TargetGroupOverride(reason) => format!(
            "Afwijking van de doelgroepcheck vastgelegd: {}.",
            vocab::lowercase_first(reason.dutch())
        ),
        What::Closed(kind) => format!("Zaak afgesloten: {}.", kind.dutch().to_lowercase()),
        What::Talk {
            association_id,
            kind,
            reason,
        } => {
            let name = crate::offer_admin::association_name(ws.offer(), association_id);
            match reason {
                Some(r) => format!(
                    "{} ({name}): {}.",
                    kind.dutch(),
                    vocab::lowercase_first(r.dutch())
                ),
                None => format!("{} ({name}).", kind.dutch()),
            }
        }
        What::MatchEnded {
            association_id,
            reason,
        } => {
            let name = crate::offer_admin::association_name(ws.offer(), association_id);
            format!(
                "Match met {name} beëindigd: {}. De zaak is terug in stap 5.",
                vocab::lowercase_first(reason.dutch())
            )
        }
    }
}

fn exchange_sentence(kind: DisclosureKind, message: Option<MessageType>, party: &str) -> String {
    if kind == DisclosureKind::ConsentWithdrawn {
        return "Toestemming ingetrokken; de zaak is gewist.".into();
    }
    let what = match (kind, message) {
        (DisclosureKind::CodedBundle, _) => "Gecodeerd profiel (bundel)".to_string(),
        (DisclosureKind::Handover, _) => "Overdracht van stap 6".to_string(),
        (DisclosureKind::ReplyReceived, _) => "Reactie".to_string(),
        (_, Some(m)) => vocab::capitalised(m.dutch()),
        (_, None) => "Envelop".to_string(),
    };
    let (verb, direction) = if kind.discloses() {
        ("verstuurd", "aan")
    } else {
        ("ontvangen", "van")
    };
    if party.trim().is_empty() {
        format!("{what} {verb}.")
    } else {
        format!("{what} {verb} {direction} {}.", party.trim())
    }
}

/// What the case waits for, in words: "op het eerste gecodeerde profiel".
pub fn waiting_for(w: WaitingFor) -> &'static str {
    match w {
        WaitingFor::FirstBundle => "op het eerste gecodeerde profiel aan een corporatie",
        WaitingFor::Replies => "op de reactie van een corporatie",
        WaitingFor::Koppeling => "op de koppeling na de aanvaarde match",
    }
}

/// "Wacht 20 dagen op de reactie van een corporatie (norm: 14 dagen)."
pub fn waiting_sentence(w: &Waiting) -> String {
    format!(
        "Wacht {} {} (norm: {}).",
        days(w.days),
        waiting_for(w.waiting_for),
        days(i64::from(w.norm_days))
    )
}

/// The marker of a case over its norm, in words so it does not rely on colour: "6 dagen boven
/// de norm". `None` within the norm.
pub fn over_norm_marker(w: &Waiting) -> Option<String> {
    w.over_norm()
        .then(|| format!("{} boven de norm", days(w.days_over())))
}

/// "Wacht sinds de instroom in beschermd wonen of de opvang op 03-03-2025: 21 maanden." or,
/// without that date, since the overdracht. `None` for a case that records neither.
pub fn waiting_since_sentence(case: &Case, today: woonkans_core::date::Date) -> Option<String> {
    let since = timeline::waiting_since(case)?;
    let months = woonkans_core::priority::whole_months(since, today) as usize;
    let from = if case.in_care_since.is_some() {
        "de instroom in beschermd wonen of de opvang"
    } else {
        "de overdracht (instroomdatum niet vastgelegd)"
    };
    Some(format!(
        "Wacht sinds {from} op {}: {}.",
        vocab::date(since),
        vocab::count(months, "maand", "maanden")
    ))
}

pub const IN_CARE_TITLE: &str = "Instroom in beschermd wonen of opvang";
pub const IN_CARE_LABEL: &str = "Datum van instroom";
pub const IN_CARE_HINT: &str = "De dag waarop de inwoner in beschermd wonen of de \
     maatschappelijke opvang kwam. De wachttijd en de voorrang in de caseload tellen vanaf deze \
     datum; zonder datum tellen ze vanaf de overdracht. Heeft de Wmo-consulent de datum in de \
     overdracht meegegeven, dan staat die hier al; u kunt hem verbeteren.";
pub const IN_CARE_SAVE: &str = "Datum opslaan";
pub const IN_CARE_CLEAR: &str = "Datum wissen";
pub const IN_CARE_SAVED: &str = "De datum van instroom is opgeslagen.";
pub const IN_CARE_CLEARED: &str = "De datum van instroom is gewist.";

fn days(n: i64) -> String {
    vocab::count(n.max(0) as usize, "dag", "dagen")
}

// ---------------------------------------------------------------- the norms in the settings

pub const NORMS_TITLE: &str = "Normen voor doorlooptijd";
pub const NORMS_INTRO: &str = "Hoeveel dagen een zaak op elk punt mag wachten. Een zaak die \
     langer wacht, staat bij ‘Dossiers’ bovenaan met ‘boven de norm’.";
pub const NORMS_SAVE: &str = "Normen opslaan";
pub const NORMS_SAVED: &str = "De normen zijn opgeslagen.";

/// One field of the norms form: its input id, label and the current value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NormField {
    pub id: &'static str,
    pub label: &'static str,
    pub value: u16,
}

pub fn norm_fields(norms: &Norms) -> [NormField; 3] {
    [
        NormField {
            id: "norm-eerste-bundel",
            label: "Van overdracht tot eerste profiel aan een corporatie (dagen)",
            value: norms.days_to_first_bundle,
        },
        NormField {
            id: "norm-reactie",
            label: "Van profiel tot reactie van de corporatie (dagen)",
            value: norms.days_to_reply,
        },
        NormField {
            id: "norm-koppeling",
            label: "Van aanvaarde match tot koppeling (dagen)",
            value: norms.days_to_koppeling,
        },
    ]
}

/// The norms as typed in the three fields (in [`norm_fields`]'s order); a field that is not a
/// whole number gets the same message as a number out of range, from the core.
pub fn norms_from_fields(values: [&str; 3]) -> Result<Norms, woonkans_core::error::Error> {
    let parse = |s: &str| s.trim().parse::<u16>().unwrap_or(0);
    let norms = Norms {
        days_to_first_bundle: parse(values[0]),
        days_to_reply: parse(values[1]),
        days_to_koppeling: parse(values[2]),
    };
    norms.validate()?;
    Ok(norms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn exchanges_read_as_dutch_sentences_with_direction() {
        assert_eq!(
            exchange_sentence(
                DisclosureKind::TransferSent,
                Some(MessageType::Koppeling),
                "Woonstichting Maasdal (woningcorporatie)"
            ),
            "Koppeling verstuurd aan Woonstichting Maasdal (woningcorporatie)."
        );
        assert_eq!(
            exchange_sentence(
                DisclosureKind::TransferReceived,
                Some(MessageType::Overdracht),
                "Wmo Venlo"
            ),
            "Overdracht ontvangen van Wmo Venlo."
        );
        assert_eq!(
            exchange_sentence(DisclosureKind::ReplyReceived, None, "Maasdal"),
            "Reactie ontvangen van Maasdal."
        );
        assert_eq!(
            exchange_sentence(DisclosureKind::TransferReceived, None, " "),
            "Envelop ontvangen."
        );
    }

    #[test]
    fn waiting_says_days_norm_and_the_marker_only_past_the_norm() {
        let w = Waiting {
            waiting_for: WaitingFor::Replies,
            since: d("2026-10-10"),
            days: 20,
            norm_days: 14,
        };
        assert_eq!(
            waiting_sentence(&w),
            "Wacht 20 dagen op de reactie van een corporatie (norm: 14 dagen)."
        );
        assert_eq!(
            over_norm_marker(&w).as_deref(),
            Some("6 dagen boven de norm")
        );
        let one = Waiting { days: 15, ..w };
        assert_eq!(
            over_norm_marker(&one).as_deref(),
            Some("1 dag boven de norm")
        );
        let within = Waiting { days: 14, ..w };
        assert_eq!(over_norm_marker(&within), None);
    }

    #[test]
    fn the_norms_form_reads_its_fields_and_refuses_nonsense() {
        let n = norms_from_fields(["7", " 21 ", "10"]).unwrap();
        assert_eq!(
            (n.days_to_first_bundle, n.days_to_reply, n.days_to_koppeling),
            (7, 21, 10)
        );
        for bad in [
            ["", "21", "10"],
            ["7", "x", "10"],
            ["7", "21", "400"],
            ["-3", "1", "1"],
        ] {
            assert_eq!(norms_from_fields(bad).unwrap_err().code, "NORM_INVALID");
        }
        let fields = norm_fields(&n);
        assert_eq!(fields.map(|f| f.value), [7, 21, 10]);
    }
}
