//! Two vaults that know each other, for the envelope tests: the coordinator's and one housing
//! association's, each with keys made from fixed bytes, their key cards exchanged through
//! `own_card_file` / `import_card` and confirmed by fingerprint, as two people on the phone do.

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

/// Imports `card` into `ws` and confirms it with the fingerprint read back.
fn import_and_confirm(ws: &mut Workspace, card: &str, association_id: Option<&str>, today: Date) {
    let fp = KeyCard::parse(card.as_bytes(), None).unwrap().fingerprint();
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
    association
        .create_keys(
            Identity {
                role: Role::Woningcorporatie,
                organisation: name,
                organisation_id: association_id.into(),
                region: Some(Region::NoordLimburg),
            },
            today,
            // Each association its own keys.
            fixed_random(
                association_id
                    .bytes()
                    .fold(2u8, |a, b| a.wrapping_mul(31).wrapping_add(b))
                    | 2,
            ),
        )
        .expect("the association's keys");
    let (_, card) = association.own_card_file().unwrap();
    import_and_confirm(coordinator, &card, Some(association_id), today);
    let (_, card) = coordinator.own_card_file().unwrap();
    import_and_confirm(&mut association, &card, None, today);
    association
}
