//! Step 5's talks on screen: the record form's choices and labels, each record as a line, and
//! the safeguards' checklist. What may be recorded is the core's (`Workspace::record_talk`).

use woonkans_core::talks::{RefusalReason, Safeguard, TalkKind, TalkRecord};
use woonkans_core::vocab::{self, Dutch};

pub const TITLE: &str = "Gesprek met een corporatie vastleggen";
pub const INTRO: &str = "Leg per corporatie vast hoe het gesprek loopt: een geplande \
     bezichtiging, en of de inwoner ja of nee zegt tegen wat de corporatie aanbiedt. Bij een nee \
     kiest u de reden uit de lijst; er is geen vrije tekst, zodat hier niets over de inwoner zelf \
     komt te staan.";
pub const ASSOCIATION_LABEL: &str = "Corporatie";
pub const KIND_LEGEND: &str = "Wat is er gebeurd?";
pub const DATE_LABEL: &str = "Datum (van de bezichtiging of van het antwoord)";
pub const REASON_LABEL: &str = "Waarom zegt de inwoner nee?";
pub const SAVE: &str = "Gesprek vastleggen";
pub const SAVED: &str = "Vastgelegd.";
pub const NO_ASSOCIATION: &str = "Kies een corporatie.";
pub const NO_KIND: &str = "Kies wat er is gebeurd.";
pub const NO_DATE: &str = "Vul de datum in als dd-mm-jjjj.";

pub const SAFEGUARDS_TITLE: &str = "Extra waarborgen";
pub const SAFEGUARDS_INTRO: &str = "Welke extra waarborgen inwoner, zorgaanbieder en corporatie \
     hebben afgesproken voor deze plaatsing.";
pub const SAFEGUARDS_SAVE: &str = "Waarborgen opslaan";
pub const SAFEGUARDS_SAVED: &str = "De waarborgen zijn opgeslagen.";

/// The kinds as (value, label) for radio buttons.
pub fn kind_choices() -> Vec<(TalkKind, &'static str, &'static str)> {
    TalkKind::ALL
        .iter()
        .map(|&k| {
            let value = match k {
                TalkKind::ViewingPlanned => "bezichtiging",
                TalkKind::ResidentAccepted => "ja",
                TalkKind::ResidentRefused => "nee",
            };
            (k, value, k.dutch())
        })
        .collect()
}

/// The refusal reasons for a select: (value, label), the empty choice first.
pub fn reason_options() -> Vec<(String, String)> {
    std::iter::once((String::new(), "Kies een reden".to_string()))
        .chain(
            RefusalReason::ALL
                .iter()
                .map(|r| (crate::select::key(r), r.dutch().to_string())),
        )
        .collect()
}

/// The safeguards as (safeguard, input id, label).
pub fn safeguard_choices() -> Vec<(Safeguard, String, &'static str)> {
    Safeguard::ALL
        .iter()
        .map(|&s| (s, format!("waarborg-{}", crate::select::key(&s)), s.dutch()))
        .collect()
}

/// The agreed safeguards as the koppeling brought them, in one sentence for the association and
/// the care provider.
pub fn agreed_safeguards(list: &[Safeguard]) -> String {
    if list.is_empty() {
        return "Geen extra waarborgen afgesproken.".into();
    }
    let labels: Vec<String> = list
        .iter()
        .map(|s| vocab::lowercase_first(s.dutch()))
        .collect();
    format!("Afgesproken waarborgen: {}.", labels.join("; "))
}

/// "Bezichtiging gepland op 25-10-2026." / "De inwoner zegt nee (20-10-2026): de buurt of plaats
/// past niet."
pub fn talk_line(t: &TalkRecord) -> String {
    let on = vocab::date(t.date);
    match (t.kind, t.reason) {
        (TalkKind::ViewingPlanned, _) => format!("Bezichtiging gepland op {on}."),
        (kind, Some(r)) => format!(
            "{} ({on}): {}.",
            kind.dutch(),
            vocab::lowercase_first(r.dutch())
        ),
        (kind, None) => format!("{} ({on}).", kind.dutch()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_agreed_safeguards_read_as_one_sentence() {
        assert_eq!(
            super::agreed_safeguards(&[]),
            "Geen extra waarborgen afgesproken."
        );
        assert_eq!(
            super::agreed_safeguards(&[Safeguard::ContactPerson, Safeguard::Evaluations]),
            "Afgesproken waarborgen: vaste contactpersoon bij de zorgaanbieder; \
             evaluatiemomenten met inwoner, zorgaanbieder en corporatie."
        );
    }

    use super::*;
    use woonkans_core::date::Date;

    #[test]
    fn lines_and_choices_read_as_dutch() {
        let d = Date::new(2026, 10, 20).unwrap();
        let t = |kind, reason| TalkRecord {
            association_id: "a".into(),
            kind,
            date: d,
            reason,
        };
        assert_eq!(
            talk_line(&t(TalkKind::ViewingPlanned, None)),
            "Bezichtiging gepland op 20-10-2026."
        );
        assert_eq!(
            talk_line(&t(TalkKind::ResidentRefused, Some(RefusalReason::Location))),
            "De inwoner zegt nee (20-10-2026): de buurt of plaats past niet."
        );
        assert_eq!(reason_options().len(), RefusalReason::ALL.len() + 1);
        let ids: Vec<String> = safeguard_choices()
            .into_iter()
            .map(|(_, id, _)| id)
            .collect();
        assert!(ids.contains(&"waarborg-rentByDirectDebit".to_string()));
        assert_eq!(kind_choices()[2].1, "nee");
    }
}
