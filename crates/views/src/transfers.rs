//! The aanmelding and the overdracht on screen: on which step of a dossier a vault offers to
//! send one, to which confirmed contacts, what the page says once it is made, and which envelope
//! the "Envelop openen" page of a vault opens.
//!
//! Who may send what to whom is the core's (`Role::sends`, `Role::receives`,
//! `Workspace::seal_aanmelding`, `Workspace::seal_overdracht`); this module only arranges it.

use woonkans_core::envelope::MessageType;
use woonkans_core::keys::Fingerprint;
use woonkans_core::register::{Gate, Step};
use woonkans_core::role::Role;
use woonkans_core::vocab::Dutch;
use woonkans_core::workspace::{Case, Workspace};

/// A transfer the dossier page offers on the step it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SendOffer {
    pub kind: MessageType,
    /// The role of the contacts it can go to.
    pub to: Role,
    pub heading: &'static str,
    pub intro: &'static str,
    pub button: &'static str,
    /// Said when the contact book holds no confirmed contact of role `to`.
    pub no_contact: &'static str,
}

const AANMELDING: SendOffer = SendOffer {
    kind: MessageType::Aanmelding,
    to: Role::WmoConsulent,
    heading: "Aanmelding versturen",
    intro: "De aanmelding bevat de gegevens van stap 1 en gaat als envelop naar de Wmo-consulent: \
            versleuteld voor diens sleutel en door u ondertekend. U downloadt de envelop en \
            brengt hem zelf over.",
    button: "Aanmelding maken",
    no_contact: "Er staat nog geen bevestigde Wmo-consulent in uw adresboek. Importeer de \
                 sleutelkaart van de Wmo-consulent en bevestig de vingerafdruk; daarna kunt u \
                 hier de aanmelding maken.",
};

const OVERDRACHT: SendOffer = SendOffer {
    kind: MessageType::Overdracht,
    to: Role::Regisseur,
    heading: "Overdracht aan de regisseur",
    intro: "De overdracht bevat alleen de gegevens voor het plaatsingsprofiel (stap 4): geen \
            naam, BSN, adres, geboortedatum, inkomen of gezondheid. Hij gaat als envelop naar de \
            regisseur, versleuteld voor diens sleutel en door u ondertekend. Verandert er later \
            iets (huishouden, inkomen, leeftijd), maak dan een nieuwe overdracht: de regisseur \
            leest hem in als bijgewerkte gegevens van dezelfde zaak.",
    button: "Overdracht maken",
    no_contact: "Er staat nog geen bevestigde regisseur in uw adresboek. Importeer de \
                 sleutelkaart van de regisseur en bevestig de vingerafdruk; daarna kunt u hier \
                 de overdracht maken.",
};

const KOPPELING: SendOffer = SendOffer {
    kind: MessageType::Koppeling,
    to: Role::Zorgaanbieder,
    heading: "Koppeling versturen",
    intro: "De match is aanvaard. De koppeling vertelt de corporatie welke zorgaanbieder de \
            bewoner met deze code begeleidt, en de zorgaanbieder met welke corporatie en woning \
            de bewoner is gematcht (onder het eigen dossiernummer van de zorgaanbieder). Geen \
            naam, BSN of adres: die brengt de zorgaanbieder samen met de bewoner in stap 6. U \
            downloadt twee enveloppen, één voor elk.",
    button: "Koppeling maken",
    no_contact: "Er staat nog geen bevestigde zorgaanbieder in uw adresboek. Importeer de \
                 sleutelkaart van de zorgaanbieder en bevestig de vingerafdruk; daarna kunt u \
                 hier de koppeling maken.",
};

/// The transfer offered on step `viewing` of `case` in this vault, if any: the care provider's
/// aanmelding in step 1 once the mandate is recorded, the Wmo consultant's overdracht in step 3
/// once the gates into step 4 are recorded, the coordinator's koppeling in step 5 once the match
/// is accepted. Nothing for an archived case or another role.
pub fn send_offer(ws: &Workspace, case: &Case, viewing: Step) -> Option<SendOffer> {
    let role = ws.role()?;
    let d = &case.dossier;
    if d.archived {
        return None;
    }
    let offer = match viewing {
        Step::Orientation if d.has_gate(Gate::ConsentToRegister) => AANMELDING,
        Step::Investigation if d.missing_gates(Step::PlacementProfile).is_empty() => OVERDRACHT,
        Step::AssociationTalks if case.accepted.is_some() => KOPPELING,
        _ => return None,
    };
    role.sends().contains(&offer.kind).then_some(offer)
}

/// One contact a transfer can go to: the select's value (the fingerprint) and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub value: String,
    pub label: String,
}

/// The confirmed contacts of `role` in the contact book, in the book's order; an unconfirmed
/// card or one of another role is not offered.
pub fn recipients(ws: &Workspace, role: Role) -> Vec<Recipient> {
    ws.parties()
        .contacts()
        .contacts()
        .iter()
        .filter(|c| c.confirmed && c.card.identity.role == role)
        .map(|c| Recipient {
            value: c.fingerprint().to_string(),
            label: c.card.identity.organisation.clone(),
        })
        .collect()
}

/// The fingerprint of the select's value; `None` for an empty or damaged one.
pub fn recipient_of(value: &str) -> Option<Fingerprint> {
    Fingerprint::parse(value).ok()
}

/// What the page says once the envelope is made and downloaded.
pub fn sent_message(kind: MessageType, organisation: &str, file_name: &str) -> String {
    format!(
        "De {} is versleuteld voor {organisation}, door u ondertekend en gedownload als \
         {file_name}. Stuur deze envelop zelf naar {organisation}: alleen zij kunnen hem openen.",
        kind.dutch()
    )
}

/// What the page says once a koppeling's envelopes are made and downloaded: the first for the
/// association, the second (when there is one) for the care provider.
pub fn sent_koppeling(association: &str, care_provider: &str, files: &[String]) -> String {
    match files {
        [a, c] => format!(
            "De koppeling is gemaakt en gedownload als twee enveloppen: {a} voor {association} en \
             {c} voor {care_provider}. Stuur elke envelop zelf naar de eigen ontvanger: alleen \
             die kan hem openen."
        ),
        _ => format!(
            "De koppeling voor {association} is gemaakt en gedownload als {}. Stuur deze envelop \
             zelf naar {association}: alleen zij kunnen hem openen.",
            files.join(", ")
        ),
    }
}

/// What the page says once the koppeling is made and the association's envelope downloaded; the
/// care provider's follows on its own button (a browser allows one download per click).
pub fn koppeling_first_sent(association: &str, file: &str, care_provider: &str) -> String {
    format!(
        "De koppeling is gemaakt. De envelop voor {association} is gedownload als {file}. \
         Download nu ook de envelop voor {care_provider}."
    )
}

/// The button for the care provider's envelope of the koppeling.
pub fn koppeling_second_button(care_provider: &str) -> String {
    format!("Envelop voor {care_provider} downloaden")
}

/// What the page says when the envelope was made but the download failed.
pub fn download_failed(kind: MessageType, error: &str) -> String {
    format!(
        "De {} is gemaakt en vastgelegd in het verwerkingslog, maar: {error} Maak hem opnieuw om \
         hem te downloaden.",
        kind.dutch()
    )
}

/// The envelopes the "Envelop openen" page of a vault opens: what its role receives, except the
/// bundle (the association's own page lists its inbox) and the reply (opened beside the bundle
/// it answers). Empty for a vault made before roles.
pub fn opens(role: Option<Role>) -> Vec<MessageType> {
    role.map(|r| r.receives())
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|k| !matches!(k, MessageType::Bundel | MessageType::Reactie))
        .collect()
}

/// One sentence per envelope the page opens: from whom, and where its content lands.
pub fn open_sentence(kind: MessageType) -> &'static str {
    match kind {
        MessageType::Aanmelding => {
            "Een aanmelding van een zorgaanbieder wordt een dossier in stap 2."
        }
        MessageType::Teruggave => {
            "Een teruggave van een regisseur zet de dossiers terug in uw kluis."
        }
        MessageType::Overdracht => {
            "Een overdracht van een Wmo-consulent wordt een zaak in stap 4, zonder naam, BSN, \
             adres of gezondheid."
        }
        MessageType::OverdrachtRegisseur => {
            "Een overdracht van een andere regisseur zet diens zaken in uw kluis."
        }
        MessageType::Koppeling => {
            "Een koppeling van de regisseur zegt na een aanvaarde match wie de andere partij van \
             stap 6 is."
        }
        MessageType::Huurgegevens => {
            "Huurgegevens van een zorgaanbieder horen bij een code uit een bundel."
        }
        MessageType::Afmelding => {
            "Een afmelding van de regisseur wist wat deze kluis heeft onder de codes die erin \
             staan: die gegevens zijn hier niet meer nodig."
        }
        MessageType::Bundel | MessageType::Reactie => "",
    }
}

/// The page's introduction.
pub const OPEN_INTRO: &str = "Open een envelop die u hebt ontvangen. Woonkans controleert hier \
                              of hij voor deze kluis is versleuteld en door een bevestigd contact \
                              is ondertekend; pas dan wordt iets bewaard.";

/// The file field's label.
pub const OPEN_LABEL: &str = "Kies een envelop (.envelop.json)";

/// The heading above a refusal: it names the message type when the header could be read.
pub fn open_failed(kind: Option<MessageType>) -> String {
    match kind {
        // A plural noun.
        Some(MessageType::Huurgegevens) => "Deze huurgegevens zijn niet geopend".into(),
        Some(k) => format!("Deze {} is niet geopend", k.dutch()),
        None => "Deze envelop is niet geopend".into(),
    }
}

/// What the page says after a koppeling was opened in an association's vault.
pub fn koppeling_opened(code: &str, care_provider: Option<&str>) -> String {
    match care_provider {
        Some(org) => format!(
            "De koppeling is geopend: de bewoner met code {code} wordt begeleid door {org}. Deze \
             zorgaanbieder stuurt u de huurgegevens, samen met de bewoner."
        ),
        None => format!(
            "De koppeling is geopend: de match met code {code} is aanvaard. De regisseur noemde \
             geen zorgaanbieder."
        ),
    }
}

/// Said on the "Envelop openen" page of a vault that opens nothing here.
pub const OPENS_NOTHING: &str = "Deze kluis opent hier geen enveloppen. Een corporatie opent \
                                 bundels bij ‘Bundel openen’, de regisseur reacties bij ‘Bundels’.";

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;
    use woonkans_core::keys::{Identity, OwnKeys};
    use woonkans_core::region::Region;
    use woonkans_core::sample::sample_offer;

    fn keys(role: Role, organisation: &str, seed: u8) -> OwnKeys {
        OwnKeys::new(
            Identity {
                role,
                organisation: organisation.into(),
                organisation_id: Identity::suggest_id(organisation),
                region: Some(Region::NoordLimburg),
            },
            Date::parse("2026-11-01").unwrap(),
            [seed; 64],
        )
        .unwrap()
    }

    fn card(role: Role, organisation: &str, seed: u8) -> woonkans_core::keys::KeyCard {
        keys(role, organisation, seed).card()
    }

    fn vault(role: Role) -> Workspace {
        let mut ws = Workspace::new(sample_offer());
        ws.set_region(Some(Region::NoordLimburg));
        ws.choose_role(role).unwrap();
        ws
    }

    fn with_contacts(ws: &mut Workspace, cards: &[(Role, &str, u8, bool)]) {
        let today = Date::parse("2026-11-02").unwrap();
        for &(role, org, seed, confirmed) in cards {
            let k = keys(role, org, seed);
            let fp = k.fingerprint();
            let file = k.card().to_file(&k).unwrap();
            ws.import_card(file.as_bytes(), None, today).unwrap();
            if confirmed {
                ws.confirm_contact(fp, &fp.to_string()).unwrap();
            }
        }
    }

    #[test]
    fn only_confirmed_contacts_of_the_role_are_offered() {
        let mut ws = vault(Role::Zorgaanbieder);
        assert!(recipients(&ws, Role::WmoConsulent).is_empty());
        with_contacts(
            &mut ws,
            &[
                (Role::WmoConsulent, "Wmo Venlo", 1, true),
                (Role::WmoConsulent, "Wmo Horst", 2, false),
                (Role::Regisseur, "Regie Noord", 3, true),
                (Role::WmoConsulent, "Wmo Peel en Maas", 4, true),
                (Role::Woningcorporatie, "Woonwenz", 5, true),
            ],
        );
        let wmo = recipients(&ws, Role::WmoConsulent);
        let labels: Vec<&str> = wmo.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Wmo Venlo", "Wmo Peel en Maas"]);
        assert_eq!(
            recipient_of(&wmo[0].value),
            Some(card(Role::WmoConsulent, "Wmo Venlo", 1).fingerprint())
        );
        assert_eq!(
            recipient_of(&wmo[1].value),
            Some(card(Role::WmoConsulent, "Wmo Peel en Maas", 4).fingerprint())
        );
        let regie = recipients(&ws, Role::Regisseur);
        assert_eq!(regie.len(), 1);
        assert_eq!(regie[0].label, "Regie Noord");
        assert!(recipients(&ws, Role::Zorgaanbieder).is_empty());
        assert_eq!(recipient_of(""), None);
        assert_eq!(recipient_of("geen vingerafdruk"), None);
    }

    #[test]
    fn the_aanmelding_is_offered_in_step_one_after_the_mandate_only_to_the_care_provider() {
        let today = Date::parse("2026-11-03").unwrap();
        for role in Role::ALL {
            let mut ws = vault(role);
            ws.add_case("a1b2c3d4").unwrap();
            ws.add_case("e5f6g7h8").unwrap();
            let case = ws.case("a1b2c3d4").unwrap();
            assert_eq!(send_offer(&ws, case, Step::Orientation), None, "{role:?}");
            ws.case_mut("a1b2c3d4")
                .unwrap()
                .dossier
                .record_gate(Gate::ConsentToRegister, today, "Zorgaanbieder")
                .unwrap();
            let case = ws.case("a1b2c3d4").unwrap();
            let offer = send_offer(&ws, case, Step::Orientation);
            if role == Role::Zorgaanbieder {
                let o = offer.unwrap();
                assert_eq!(o.kind, MessageType::Aanmelding);
                assert_eq!(o.to, Role::WmoConsulent);
                assert_eq!(o.button, "Aanmelding maken");
            } else {
                assert_eq!(offer, None, "{role:?}");
            }
            // Not on another step, not for the other resident, not once archived.
            assert_eq!(send_offer(&ws, case, Step::WmoReport), None);
            assert_eq!(
                send_offer(&ws, ws.case("e5f6g7h8").unwrap(), Step::Orientation),
                None
            );
            ws.case_mut("a1b2c3d4").unwrap().dossier.archived = true;
            assert_eq!(
                send_offer(&ws, ws.case("a1b2c3d4").unwrap(), Step::Orientation),
                None
            );
        }
        // A vault made before roles sends nothing.
        let mut old = Workspace::new(sample_offer());
        old.add_case("a1b2c3d4").unwrap();
        old.case_mut("a1b2c3d4")
            .unwrap()
            .dossier
            .record_gate(Gate::ConsentToRegister, today, "Zorgaanbieder")
            .unwrap();
        assert_eq!(
            send_offer(&old, old.case("a1b2c3d4").unwrap(), Step::Orientation),
            None
        );
    }

    #[test]
    fn the_overdracht_is_offered_in_step_three_after_the_gates_into_step_four() {
        let today = Date::parse("2026-11-03").unwrap();
        let mut ws = vault(Role::WmoConsulent);
        ws.add_case("a1b2c3d4").unwrap();
        let record = |ws: &mut Workspace, gate| {
            ws.case_mut("a1b2c3d4")
                .unwrap()
                .dossier
                .record_gate(gate, today, "Wmo-consulent")
                .unwrap();
        };
        record(&mut ws, Gate::ConsentToRegister);
        let offered =
            |ws: &Workspace| send_offer(ws, ws.case("a1b2c3d4").unwrap(), Step::Investigation);
        assert_eq!(offered(&ws), None);
        record(&mut ws, Gate::EligibilityAndSupportPlan);
        assert_eq!(offered(&ws), None);
        record(&mut ws, Gate::ConsentToShareWithCoordinator);
        let o = offered(&ws).unwrap();
        assert_eq!(o.kind, MessageType::Overdracht);
        assert_eq!(o.to, Role::Regisseur);
        assert_eq!(o.heading, "Overdracht aan de regisseur");
        // The Wmo consultant makes no aanmelding, even in step 1.
        assert_eq!(
            send_offer(&ws, ws.case("a1b2c3d4").unwrap(), Step::Orientation),
            None
        );
    }

    #[test]
    fn each_receiving_role_opens_its_own_envelopes() {
        use MessageType::*;
        assert_eq!(opens(Some(Role::WmoConsulent)), [Aanmelding, Teruggave]);
        assert_eq!(
            opens(Some(Role::Regisseur)),
            [Overdracht, OverdrachtRegisseur]
        );
        assert_eq!(opens(Some(Role::Zorgaanbieder)), [Koppeling]);
        assert_eq!(
            opens(Some(Role::Woningcorporatie)),
            [Koppeling, Huurgegevens, Afmelding]
        );
        assert!(opens(None).is_empty());
        for role in Role::ALL {
            for kind in opens(Some(role)) {
                assert!(!open_sentence(kind).is_empty(), "{kind:?}");
            }
        }
        assert!(open_sentence(Overdracht).contains("zonder"));
        assert!(koppeling_opened("WK-1", Some("Zorg Noord")).contains("Zorg Noord"));
        assert_eq!(
            open_failed(Some(Koppeling)),
            "Deze koppeling is niet geopend"
        );
        assert_eq!(open_failed(None), "Deze envelop is niet geopend");
    }

    #[test]
    fn the_koppeling_is_offered_in_step_five_once_the_match_is_accepted() {
        let today = Date::parse("2026-11-03").unwrap();
        for role in Role::ALL {
            let mut ws = vault(role);
            ws.add_case("a1b2c3d4").unwrap();
            let offered = |ws: &Workspace| {
                send_offer(ws, ws.case("a1b2c3d4").unwrap(), Step::AssociationTalks)
            };
            assert_eq!(offered(&ws), None);
            ws.case_mut("a1b2c3d4").unwrap().accepted =
                Some(woonkans_core::workspace::AcceptedMatch {
                    association_id: "woonwenz".into(),
                    dwelling_id: None,
                    date: today,
                    code: None,
                    association_name: None,
                });
            match offered(&ws) {
                Some(o) => {
                    assert_eq!(role, Role::Regisseur);
                    assert_eq!(o.kind, MessageType::Koppeling);
                    assert_eq!(o.to, Role::Zorgaanbieder);
                }
                None => assert_ne!(role, Role::Regisseur),
            }
        }
        assert!(koppeling_first_sent("Woonwenz", "a.json", "Zorg Noord").contains("a.json"));
        assert_eq!(
            koppeling_second_button("Zorg Noord"),
            "Envelop voor Zorg Noord downloaden"
        );
        let two = sent_koppeling(
            "Woonwenz",
            "Zorg Noord",
            &["a.json".into(), "b.json".into()],
        );
        assert!(two.contains("a.json voor Woonwenz") && two.contains("b.json voor Zorg Noord"));
    }

    #[test]
    fn the_messages_name_the_recipient_and_the_file() {
        let m = sent_message(
            MessageType::Aanmelding,
            "Wmo Venlo",
            "aanmelding-2026-11-03-abcd.envelop.json",
        );
        assert!(m.starts_with("De aanmelding is versleuteld voor Wmo Venlo"));
        assert!(m.contains("aanmelding-2026-11-03-abcd.envelop.json"));
        let f = download_failed(MessageType::Overdracht, "Geen toestemming.");
        assert!(f.starts_with("De overdracht is gemaakt") && f.contains("Geen toestemming."));
    }
}
