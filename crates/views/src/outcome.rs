//! How a case ended, on screen: the closing form's choices, the sentence on a closed case, and
//! the monitor's line on the dossier list.

use woonkans_core::outcome::{Monitor, OutcomeKind};
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

pub const CLOSE_BUTTON: &str = "Zaak afsluiten";
pub const REOPEN_BUTTON: &str = "Terugzetten uit archief";
pub const CLOSE_TITLE: &str = "Zaak afsluiten en archiveren";
pub const CLOSE_INTRO: &str = "Kies hoe de zaak is geëindigd en wanneer. De zaak gaat dan uit de \
     lijst van lopende zaken en kan niet meer worden gewijzigd; voor de monitor blijft hij \
     meetellen. ‘Geplaatst’ kan alleen na een aanvaarde match.";
pub const OUTCOME_LEGEND: &str = "Hoe is de zaak geëindigd?";
pub const DATE_LABEL: &str = "Datum van afsluiten";
pub const CONFIRM: &str = "Afsluiten en archiveren";
pub const CANCEL: &str = "Annuleren";

// ---------------------------------------------------------------- an accepted match that ends

pub const END_MATCH_TITLE: &str = "Match beëindigen";
pub const END_MATCH_INTRO: &str = "Gaat de match toch niet door, bijvoorbeeld na de bezichtiging? \
                                   Dan gaat de zaak terug naar stap 5 en kan er opnieuw worden \
                                   gezocht. De beëindigde match blijft in de geschiedenis en de \
                                   tijdlijn staan.";
pub const END_MATCH_REASON: &str = "Reden";
pub const END_MATCH_REASON_PLACEHOLDER: &str = "Kies een reden";
pub const END_MATCH_DATE: &str = "Datum";
pub const END_MATCH_CONFIRM: &str = "Match beëindigen";
pub const END_MATCH_NO_REASON: &str = "Kies waarom de match niet doorgaat.";
pub const ENDED_MATCHES_TITLE: &str = "Eerdere matches";

/// "Voorbeeld Woonstichting Maasdal (woning VM-0003): aanvaard 10-10-2026, beëindigd
/// 12-10-2026 — de inwoner heeft de woning afgewezen."
pub fn ended_match_sentence(ws: &Workspace, m: &woonkans_core::workspace::EndedMatch) -> String {
    let name = ws
        .offer()
        .association(&m.association_id)
        .map_or(m.association_id.as_str(), |a| a.name.as_str());
    let dwelling = m
        .dwelling_id
        .as_deref()
        .map(|d| format!(" (woning {d})"))
        .unwrap_or_default();
    let reason = vocab::lowercase_first(m.reason.dutch());
    format!(
        "{name}{dwelling}: aanvaard {}, beëindigd {} — {reason}.",
        vocab::date(m.accepted_on),
        vocab::date(m.ended_on)
    )
}

// ---------------------------------------------------------------- the target-group override

pub const OVERRIDE_TITLE: &str = "Toch doorgaan: afwijking vastleggen";
pub const OVERRIDE_INTRO: &str = "De doelgroepcheck is bindend: zonder afwijking kan de poort \
     ‘geschiktheid vastgesteld’ niet worden vastgelegd. Leg een afwijking alleen vast als de \
     gemeente daartoe heeft besloten; de reden, de datum en wie het vastlegt komen in de tijdlijn.";
pub const OVERRIDE_REASON: &str = "Reden van de afwijking";
pub const OVERRIDE_REASON_PLACEHOLDER: &str = "Kies een reden";
pub const OVERRIDE_ACTOR: &str = "Vastgelegd door (functie of organisatie)";
pub const OVERRIDE_DATE: &str = "Datum van het besluit";
pub const OVERRIDE_CONFIRM: &str = "Afwijking vastleggen";
pub const OVERRIDE_NO_REASON: &str = "Kies de reden van de afwijking.";

/// "Afwijking van de doelgroepcheck vastgelegd op 09-11-2026 door Wmo Venlo:
/// maatwerkbesluit van de gemeente."
pub fn override_sentence(o: &woonkans_core::targetgroup::TargetGroupOverride) -> String {
    let reason = vocab::lowercase_first(o.reason.dutch());
    format!(
        "Afwijking van de doelgroepcheck vastgelegd op {} door {}: {reason}.",
        vocab::date(o.date),
        o.actor
    )
}

// ---------------------------------------------------------------- withdrawal of consent

pub const WITHDRAW_BUTTON: &str = "Toestemming ingetrokken";
pub const WITHDRAW_TITLE: &str = "De inwoner trekt de toestemming in";
pub const WITHDRAW_INTRO: &str = "Alle verwerking voor deze inwoner stopt en deze kluis wist alles      over de inwoner: het dossier, het profiel, de codes en wat bij de zaak hoort. Dit kan niet      ongedaan worden gemaakt.";
/// What stays, and why (SECURITY.md says the same at length).
pub const WITHDRAW_KEEPS: &str = "Wat blijft: het verwerkingslog zoals het was (wat aan wie is      verstrekt, met codes, zonder naam of BSN), plus één regel met de datum van het intrekken.      Dat vraagt de AVG om te kunnen laten zien wat er is gebeurd en dat de verwerking is gestopt.";
pub const WITHDRAW_CONFIRM_LABEL: &str = "De inwoner heeft de toestemming ingetrokken";
pub const WITHDRAW_CONFIRM: &str = "Intrekken en zaak wissen";
pub const WITHDRAW_NOT_CONFIRMED: &str =
    "Vink eerst aan dat de inwoner de toestemming heeft      ingetrokken.";
pub const WITHDRAW_NOBODY: &str =
    "Deze kluis heeft nog niets over deze inwoner aan anderen      gegeven.";

/// "Laat daarna weten aan: A, B — zij hebben gegevens van deze inwoner gekregen en moeten die
/// ook wissen." (AVG art. 19); `WITHDRAW_NOBODY` when nobody got anything.
pub fn inform_sentence(names: &[String]) -> String {
    if names.is_empty() {
        WITHDRAW_NOBODY.to_string()
    } else {
        format!(
            "Laat het daarna weten aan: {}. Zij hebben gegevens van deze inwoner gekregen en \
             moeten die ook wissen (art. 19 AVG).",
            names.join(", ")
        )
    }
}

/// The choices of the closing form: outcome, radio value, label.
pub fn choices() -> [(OutcomeKind, &'static str, &'static str); 4] {
    OutcomeKind::ALL.map(|k| (k, value(k), k.dutch()))
}

pub fn value(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::Placed => "geplaatst",
        OutcomeKind::Withdrawn => "teruggetrokken",
        OutcomeKind::MovedAway => "verhuisd",
        OutcomeKind::Other => "anders",
    }
}

pub fn from_value(v: &str) -> Option<OutcomeKind> {
    OutcomeKind::ALL.into_iter().find(|k| value(*k) == v)
}

/// "Afgesloten op 01-11-2026: geplaatst bij Voorbeeld Woonstichting Maasdal." for a closed case;
/// "Gearchiveerd" cases from before outcomes get the plain sentence; `None` while open.
pub fn closed_sentence(ws: &Workspace, case: &Case) -> Option<String> {
    match &case.outcome {
        Some(o) => {
            let what = vocab::lowercase_first(o.kind.dutch());
            let at = o
                .association_id
                .as_deref()
                .map(|id| {
                    ws.offer()
                        .association(id)
                        .map_or_else(|| id.to_string(), |a| a.name.clone())
                })
                .or_else(|| {
                    case.accepted
                        .as_ref()
                        .and_then(|a| a.association_name.clone())
                });
            Some(match at {
                Some(name) => format!("Afgesloten op {}: {what} bij {name}.", vocab::date(o.date)),
                None => format!("Afgesloten op {}: {what}.", vocab::date(o.date)),
            })
        }
        None if case.dossier.archived => Some("Gearchiveerd, zonder vastgelegde afloop.".into()),
        None => None,
    }
}

/// "Lopend: 12. Afgesloten: 3 geplaatst, 1 teruggetrokken." — the closed outcomes with none
/// left out, and the archived cases without an outcome when there are any.
pub fn monitor_sentence(m: &Monitor) -> String {
    let closed: Vec<String> = m
        .closed
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", vocab::lowercase_first(k.dutch())))
        .collect();
    let mut s = format!("Lopend: {}.", m.open);
    if closed.is_empty() {
        s.push_str(" Nog geen zaak afgesloten.");
    } else {
        s.push_str(&format!(" Afgesloten: {}.", closed.join(", ")));
    }
    if m.consent_withdrawn > 0 {
        s.push_str(&format!(
            " Toestemming ingetrokken (zaak gewist): {}.",
            m.consent_withdrawn
        ));
    }
    if m.archived_without_outcome > 0 {
        s.push_str(&format!(
            " Gearchiveerd zonder afloop: {}.",
            m.archived_without_outcome
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;
    use woonkans_core::fixtures::{self, RESIDENTS};

    #[test]
    fn values_round_trip_and_the_monitor_reads_as_a_sentence() {
        for (k, v, _) in choices() {
            assert_eq!(from_value(v), Some(k));
        }
        assert_eq!(from_value("x"), None);
        let mut ws = fixtures::workspace();
        for (i, id) in ["m0", "m1", "m2"].iter().enumerate() {
            fixtures::add_ready_case(&mut ws, id, &RESIDENTS[i]);
        }
        assert_eq!(
            monitor_sentence(&ws.monitor()),
            "Lopend: 3. Nog geen zaak afgesloten."
        );
        let day = Date::parse("2026-11-05").unwrap();
        ws.close_case("m0", OutcomeKind::Withdrawn, day).unwrap();
        ws.close_case("m2", OutcomeKind::Other, day).unwrap();
        assert_eq!(
            monitor_sentence(&ws.monitor()),
            "Lopend: 1. Afgesloten: 1 teruggetrokken, 1 anders beëindigd."
        );
        assert_eq!(
            closed_sentence(&ws, ws.case("m0").unwrap()).as_deref(),
            Some("Afgesloten op 05-11-2026: teruggetrokken.")
        );
        assert_eq!(closed_sentence(&ws, ws.case("m1").unwrap()), None);
    }
}
