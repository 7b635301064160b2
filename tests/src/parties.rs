//! Keys for the end-to-end tests: the coordinator's vault and the housing associations' vaults,
//! each with keys made from fixed bytes, their key cards exchanged (`own_card_file`,
//! `import_card`) and confirmed by fingerprint, and a way to put a vault's keys and contact book
//! into the browser's vault as the app stores them (the record "parties").

use crate::Browser;
use woonkans_core::date::Date;
use woonkans_core::keys::{Identity, KeyCard, Role};
use woonkans_core::region::Region;
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::Workspace;

pub const COORDINATOR: &str = "Ketenregie Noord-Limburg";

/// 64 fixed "random" bytes, different per seed.
pub fn fixed_random(seed: u8) -> [u8; 64] {
    std::array::from_fn(|i| seed.wrapping_mul(37).wrapping_add(i as u8))
}

/// Gives the coordinator's vault its keys (role Regisseur).
pub fn coordinator_keys(ws: &mut Workspace, today: Date) {
    ws.create_keys(
        Identity {
            role: Role::Regisseur,
            organisation: COORDINATOR.into(),
            organisation_id: "ketenregie-noord".into(),
            region: Some(Region::NoordLimburg),
        },
        today,
        fixed_random(1),
    )
    .expect("the coordinator's keys");
}

fn import_and_confirm(ws: &mut Workspace, card: &str, association_id: Option<&str>, today: Date) {
    let fp = KeyCard::parse(card.as_bytes(), None)
        .expect("a key card")
        .fingerprint();
    ws.import_card(card.as_bytes(), association_id, today)
        .expect("the card imports");
    ws.confirm_contact(fp, &fp.to_string())
        .expect("the fingerprint confirms");
    if let Some(id) = association_id {
        ws.link_contact(fp, id).expect("the card links");
    }
}

/// The vault of association `association_id` of the coordinator's offer, with its own keys
/// (role Woningcorporatie); the coordinator (which must have keys) and it know each other.
pub fn association_vault(
    coordinator: &mut Workspace,
    association_id: &str,
    today: Date,
) -> Workspace {
    let name = coordinator
        .offer()
        .association(association_id)
        .expect("an association of the offer")
        .name
        .clone();
    let mut association = Workspace::new(sample_offer());
    association.set_region(Some(Region::NoordLimburg));
    let seed = association_id
        .bytes()
        .fold(2u8, |a, b| a.wrapping_mul(31).wrapping_add(b))
        | 2;
    association
        .create_keys(
            Identity {
                role: Role::Woningcorporatie,
                organisation: name,
                organisation_id: association_id.into(),
                region: Some(Region::NoordLimburg),
            },
            today,
            fixed_random(seed),
        )
        .expect("the association's keys");
    let (_, card) = association.own_card_file().expect("its card");
    import_and_confirm(coordinator, &card, Some(association_id), today);
    let (_, card) = coordinator.own_card_file().expect("the coordinator's card");
    import_and_confirm(&mut association, &card, None, today);
    association
}

/// The coordinator's keys and a vault for every association of its offer that knows it:
/// (association id, its vault).
pub fn every_association(coordinator: &mut Workspace, today: Date) -> Vec<(String, Workspace)> {
    coordinator_keys(coordinator, today);
    let ids: Vec<String> = coordinator
        .offer()
        .associations
        .iter()
        .map(|a| a.id.clone())
        .collect();
    ids.into_iter()
        .map(|id| {
            let vault = association_vault(coordinator, &id, today);
            (id, vault)
        })
        .collect()
}

impl Browser {
    /// Puts the keys and contact book of `ws` into the open vault without touching its other
    /// records: waits for the save, locks, seals them and unlocks again (no reload).
    pub async fn give_keys(&self, passphrase: &str, ws: &Workspace) {
        for _ in 0..300 {
            let t = self.text().await;
            if t.contains("Alles is opgeslagen") || t.contains("Opgeslagen om") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.click_button("Vergrendelen").await;
        self.wait_for_text("Kluis ontgrendelen").await;
        self.seal_parties(passphrase, ws).await;
        self.unlock(passphrase).await;
        self.wait_for("nav.hoofdmenu").await;
    }

    /// Seals the keys, contact book and received envelopes of `ws` into the locked vault, as
    /// the app stores them (the record "parties"); after [`Browser::lock_and_seal`].
    pub async fn seal_parties(&self, passphrase: &str, ws: &Workspace) {
        let json = serde_json::to_string(ws.parties()).expect("the parties serialise");
        self.seal_record(passphrase, "parties", &json).await;
    }
}
