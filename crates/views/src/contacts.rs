//! "Sleutels en adresboek": the form that makes the vault's keys, the own key card as it is shown
//! and printed, the contact book as table rows, and the Dutch outcome of importing a card or
//! renewing the keys. Which contacts must get a new card, and whether a card is trusted, are the
//! core's answers (`Workspace::renew_keys`, `Contact::confirmed`); this module only words them.

use crate::select::key;
use woonkans_core::keys::{Contact, Fingerprint, Identity, Imported, KeyCard, OwnKeys, Role};
use woonkans_core::region::Region;
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::Workspace;

/// The role a new vault's keys are made for unless the user picks another: this app is the
/// coordinator's first.
pub const DEFAULT_ROLE: Role = Role::Regisseur;

/// (value, label) pairs of the role select: every role, no placeholder (there is a default).
pub fn role_options() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (key(r), r.dutch().to_string()))
        .collect()
}

/// What the "Sleutels maken" form holds while it is filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeysForm {
    pub role: Role,
    pub organisation: String,
    pub organisation_id: String,
}

impl Default for KeysForm {
    fn default() -> Self {
        KeysForm {
            role: DEFAULT_ROLE,
            organisation: String::new(),
            organisation_id: String::new(),
        }
    }
}

impl KeysForm {
    /// A new name. The code follows the name as long as it is the code the previous name
    /// suggested; once the user typed a code of their own, it stays.
    pub fn set_organisation(&mut self, name: &str) {
        if self.organisation_id == Identity::suggest_id(&self.organisation) {
            self.organisation_id = Identity::suggest_id(name);
        }
        self.organisation = name.to_string();
    }

    pub fn set_organisation_id(&mut self, id: &str) {
        self.organisation_id = id.trim().to_string();
    }

    /// A role from the select's value; anything else leaves the role as it is.
    pub fn set_role(&mut self, value: &str) {
        if let Some(role) = crate::select::from_key(value) {
            self.role = role;
        }
    }

    /// The identity the keys are made for; the core checks it (`Identity::check`).
    pub fn identity(&self, region: Option<Region>) -> Identity {
        Identity {
            role: self.role,
            organisation: self.organisation.trim().to_string(),
            organisation_id: self.organisation_id.trim().to_string(),
            region,
        }
    }
}

/// "Noord-Limburg", or what a card without a region says.
pub fn region_name(region: Option<Region>) -> String {
    region.map_or_else(|| "Geen regio".to_string(), |r| r.name().to_string())
}

/// The fingerprint's groups of four, to show large and read aloud one at a time.
pub fn fingerprint_groups(fp: Fingerprint) -> Vec<String> {
    fp.to_string().split('-').map(str::to_string).collect()
}

/// The vault's own key card as the page shows and prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnCard {
    pub role: &'static str,
    pub organisation: String,
    pub organisation_id: String,
    pub region: String,
    pub created: String,
    /// The written form, "ABCD-EFGH-…": what the other side types.
    pub fingerprint: String,
    pub groups: Vec<String>,
}

pub fn own_card(keys: &OwnKeys) -> OwnCard {
    let fp = keys.fingerprint();
    OwnCard {
        role: keys.identity.role.dutch(),
        organisation: keys.identity.organisation.clone(),
        organisation_id: keys.identity.organisation_id.clone(),
        region: region_name(keys.identity.region),
        created: vocab::date(keys.created),
        fingerprint: fp.to_string(),
        groups: fingerprint_groups(fp),
    }
}

pub const CONFIRMED: &str = "Bevestigd";
pub const NOT_CONFIRMED: &str = "Nog niet bevestigd";

/// One row of the contact book's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRow {
    pub fingerprint: Fingerprint,
    pub organisation: String,
    pub role: &'static str,
    pub region: String,
    /// The written fingerprint.
    pub fingerprint_text: String,
    pub confirmed: bool,
    /// "Bevestigd" or "Nog niet bevestigd": the status in words, never in colour alone.
    pub status: &'static str,
    /// An unconfirmed card of an organisation whose earlier card is confirmed: the earlier one
    /// stays in use until this one is confirmed.
    pub replaces_confirmed: bool,
    /// Only an association's card belongs to an association of the offer.
    pub links_to_offer: bool,
    pub association_id: Option<String>,
    /// The linked association's name while it is in the offer.
    pub association: Option<String>,
    /// Linked to an association the offer no longer has.
    pub association_gone: bool,
    pub imported: String,
}

fn same_organisation(a: &KeyCard, b: &KeyCard) -> bool {
    a.identity.role == b.identity.role && a.identity.organisation_id == b.identity.organisation_id
}

pub fn contact_rows(ws: &Workspace) -> Vec<ContactRow> {
    let contacts = ws.parties().contacts().contacts();
    contacts
        .iter()
        .map(|c| {
            let identity = &c.card.identity;
            let links_to_offer = identity.role == Role::Woningcorporatie;
            let association = c
                .association_id
                .as_deref()
                .and_then(|id| ws.offer().association(id))
                .map(|a| a.name.clone());
            ContactRow {
                fingerprint: c.fingerprint(),
                organisation: identity.organisation.clone(),
                role: identity.role.dutch(),
                region: region_name(identity.region),
                fingerprint_text: c.fingerprint().to_string(),
                confirmed: c.confirmed,
                status: if c.confirmed {
                    CONFIRMED
                } else {
                    NOT_CONFIRMED
                },
                replaces_confirmed: !c.confirmed
                    && contacts
                        .iter()
                        .any(|o| o.confirmed && same_organisation(&o.card, &c.card)),
                links_to_offer,
                association_gone: c.association_id.is_some() && association.is_none(),
                association_id: c.association_id.clone(),
                association,
                imported: vocab::date(c.imported),
            }
        })
        .collect()
}

/// (value, label) pairs of the association select of an association's card: a placeholder,
/// then the offer's associations.
pub fn association_options(ws: &Workspace) -> Vec<(String, String)> {
    std::iter::once((String::new(), "Kies een corporatie".to_string()))
        .chain(
            ws.offer()
                .associations
                .iter()
                .map(|a| (a.id.clone(), a.name.clone())),
        )
        .collect()
}

pub const CHANGED_KEY: &str = "De sleutel van deze organisatie is veranderd. De oude sleutel blijft in gebruik tot u de nieuwe vingerafdruk bevestigt.";

/// What importing a card did, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    pub message: String,
    /// A known organisation with another key: worth the user's attention.
    pub changed_key: bool,
}

/// The outcome of `Workspace::import_card` for the file `bytes` it read. The organisation is
/// named from the card itself (already accepted by the core, so it parses).
pub fn import_outcome(bytes: &[u8], imported: &Imported) -> ImportOutcome {
    let name = KeyCard::parse(bytes, None)
        .map(|c| c.identity.organisation)
        .unwrap_or_else(|_| "de organisatie".to_string());
    match imported {
        Imported::New => ImportOutcome {
            message: format!(
                "De sleutelkaart van {name} staat nu in het adresboek. Bevestig de vingerafdruk met {name} voordat u enveloppen uitwisselt."
            ),
            changed_key: false,
        },
        Imported::Known => ImportOutcome {
            message: format!(
                "Deze sleutelkaart van {name} stond al in het adresboek. Er is niets gewijzigd."
            ),
            changed_key: false,
        },
        Imported::ChangedKey { .. } => ImportOutcome {
            message: CHANGED_KEY.to_string(),
            changed_key: true,
        },
    }
}

/// "Wonen Limburg (Woningcorporatie)": one organisation that must receive the new key card.
pub fn recipient_line(c: &Contact) -> String {
    format!(
        "{} ({})",
        c.card.identity.organisation,
        c.card.identity.role.dutch()
    )
}

/// After `renew_keys`: the organisations the core says must get the new card, in words.
pub fn renewal_recipients(contacts: &[Contact]) -> Vec<String> {
    contacts.iter().map(recipient_line).collect()
}

pub const OLD_KEY_GONE: &str = "Enveloppen die naar uw oude sleutel zijn gestuurd, kunnen niet meer worden geopend. Vraag de afzender ze opnieuw te sturen, na het bevestigen van uw nieuwe vingerafdruk.";

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::date::Date;
    use woonkans_core::fixtures;

    fn today() -> Date {
        Date::new(2026, 12, 7).unwrap()
    }

    fn keys(role: Role, name: &str, seed: u8) -> OwnKeys {
        OwnKeys::new(
            Identity {
                role,
                organisation: name.into(),
                organisation_id: Identity::suggest_id(name),
                region: Some(Region::NoordLimburg),
            },
            today(),
            [seed; 64],
        )
        .unwrap()
    }

    fn card_file(k: &OwnKeys) -> Vec<u8> {
        k.card().to_file(k).unwrap().into_bytes()
    }

    #[test]
    fn the_role_select_offers_every_role_with_its_dutch_label() {
        let options = role_options();
        assert_eq!(options.len(), 4);
        assert!(options.contains(&("wmo-consulent".into(), "Wmo-consulent".into())));
        assert!(options.contains(&("regisseur".into(), "Regisseur".into())));
        let mut form = KeysForm::default();
        assert_eq!(form.role, Role::Regisseur);
        form.set_role("woningcorporatie");
        assert_eq!(form.role, Role::Woningcorporatie);
        form.set_role("onzin");
        assert_eq!(
            form.role,
            Role::Woningcorporatie,
            "an unknown value changes nothing"
        );
    }

    #[test]
    fn the_code_follows_the_name_until_the_user_types_one() {
        let mut form = KeysForm::default();
        form.set_organisation("Gemeente");
        assert_eq!(form.organisation_id, "gemeente");
        form.set_organisation("Gemeente Venlo");
        assert_eq!(form.organisation_id, "gemeente-venlo");
        form.set_organisation_id(" venlo ");
        form.set_organisation("Gemeente Venlo, regie");
        assert_eq!(form.organisation_id, "venlo", "a typed code stays");
        let identity = form.identity(Some(Region::NoordLimburg));
        assert_eq!(identity.organisation, "Gemeente Venlo, regie");
        assert_eq!(identity.region, Some(Region::NoordLimburg));
        assert!(identity.check().is_ok());
    }

    #[test]
    fn the_own_card_shows_the_fingerprint_of_both_public_keys_in_groups() {
        let k = keys(Role::Regisseur, "Regie Noord", 1);
        let card = own_card(&k);
        let expected = Fingerprint::of(&k.public_signing_key(), &k.public_encryption_key());
        assert_eq!(card.fingerprint, expected.to_string());
        assert_eq!(card.groups.len(), 8);
        assert!(card.groups.iter().all(|g| g.len() == 4));
        assert_eq!(card.groups.join("-"), card.fingerprint);
        assert_eq!(card.role, "Regisseur");
        assert_eq!(card.region, "Noord-Limburg");
        assert_eq!(card.created, "07-12-2026");
    }

    #[test]
    fn rows_say_the_status_in_words_and_mark_a_changed_key() {
        let mut ws = fixtures::workspace();
        ws.create_keys(
            keys(Role::Regisseur, "Regie", 1).identity.clone(),
            today(),
            [1; 64],
        )
        .unwrap();
        let association = ws.offer().associations[0].clone();
        let old = keys(Role::Woningcorporatie, &association.name, 2);
        let care = keys(Role::Zorgaanbieder, "De Brug", 3);
        ws.import_card(&card_file(&old), None, today()).unwrap();
        ws.import_card(&card_file(&care), None, today()).unwrap();
        let rows = contact_rows(&ws);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].status, NOT_CONFIRMED);
        assert!(rows[0].links_to_offer, "an association's card");
        assert_eq!(
            rows[0].association_id.as_deref(),
            Some(association.id.as_str())
        );
        assert_eq!(
            rows[0].association.as_deref(),
            Some(association.name.as_str())
        );
        assert!(
            !rows[1].links_to_offer,
            "a care provider has no association"
        );
        assert_eq!(rows[1].role, "Zorgaanbieder");

        ws.confirm_contact(old.fingerprint(), &old.fingerprint().to_string())
            .unwrap();
        let new = keys(Role::Woningcorporatie, &association.name, 4);
        let imported = ws.import_card(&card_file(&new), None, today()).unwrap();
        let outcome = import_outcome(&card_file(&new), &imported);
        assert!(outcome.changed_key);
        assert_eq!(outcome.message, CHANGED_KEY);
        let rows = contact_rows(&ws);
        let old_row = rows
            .iter()
            .find(|r| r.fingerprint == old.fingerprint())
            .unwrap();
        let new_row = rows
            .iter()
            .find(|r| r.fingerprint == new.fingerprint())
            .unwrap();
        assert_eq!(old_row.status, CONFIRMED);
        assert!(!old_row.replaces_confirmed);
        assert_eq!(new_row.status, NOT_CONFIRMED);
        assert!(new_row.replaces_confirmed);
        assert_eq!(
            new_row.association_id.as_deref(),
            Some(association.id.as_str()),
            "the new card keeps the old card's link"
        );
    }

    #[test]
    fn import_outcomes_name_the_organisation() {
        let k = keys(Role::Zorgaanbieder, "De Brug", 3);
        let file = card_file(&k);
        let new = import_outcome(&file, &Imported::New);
        assert!(
            new.message
                .starts_with("De sleutelkaart van De Brug staat nu in het adresboek.")
        );
        assert!(!new.changed_key);
        let known = import_outcome(&file, &Imported::Known);
        assert!(known.message.contains("Er is niets gewijzigd."));
    }

    #[test]
    fn renewal_lists_the_contacts_the_core_returns() {
        let mut ws = fixtures::workspace();
        ws.create_keys(
            keys(Role::Regisseur, "Regie", 1).identity.clone(),
            today(),
            [1; 64],
        )
        .unwrap();
        let care = keys(Role::Zorgaanbieder, "De Brug", 3);
        let wmo = keys(Role::WmoConsulent, "Gemeente Venlo", 5);
        ws.import_card(&card_file(&care), None, today()).unwrap();
        ws.import_card(&card_file(&wmo), None, today()).unwrap();
        ws.confirm_contact(care.fingerprint(), &care.fingerprint().to_string())
            .unwrap();
        let must_get = ws.renew_keys(today(), [9; 64]).unwrap();
        assert_eq!(renewal_recipients(&must_get), ["De Brug (Zorgaanbieder)"]);
    }

    #[test]
    fn association_options_start_with_a_placeholder() {
        let ws = fixtures::workspace();
        let options = association_options(&ws);
        assert_eq!(options[0].0, "");
        assert_eq!(options.len(), ws.offer().associations.len() + 1);
        assert_eq!(region_name(None), "Geen regio");
    }
}
