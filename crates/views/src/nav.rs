//! What a vault's role gets to see: the menu's entries, the start page, the dossier's step tabs,
//! the first-start "rol en regio" question and the notice of a vault made before roles.
//!
//! Read from the core's `Role` (its steps, what it sends and opens, whether it keeps dossiers),
//! so a role's reach is decided there once. `None` is a vault made before roles: it keeps working
//! as the coordinator's vault with every page, as before.

use crate::select;
use woonkans_core::envelope::MessageType;
use woonkans_core::region::{CoordinatorRole, Region};
use woonkans_core::register::Step;
use woonkans_core::role::Role;
use woonkans_core::workspace::{Case, Workspace};

/// A page of the app's menu (the app maps each to its own route).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    Dossiers,
    Aanbod,
    Matching,
    Bundels,
    Verwerkingslog,
    Sleutels,
    Privacy,
    BundelOpenen,
    /// Opening an aanmelding (Wmo consultant), an overdracht (coordinator) or huurgegevens
    /// (association).
    EnvelopOpenen,
}

impl Entry {
    /// Every entry in the menu's order.
    pub const ALL: [Entry; 9] = [
        Entry::BundelOpenen,
        Entry::Dossiers,
        Entry::EnvelopOpenen,
        Entry::Aanbod,
        Entry::Matching,
        Entry::Bundels,
        Entry::Verwerkingslog,
        Entry::Sleutels,
        Entry::Privacy,
    ];
}

/// Whether a vault of this role opens the page. A vault made before roles (`None`) opens every
/// page, as it always did.
pub fn allows(role: Option<Role>, entry: Entry) -> bool {
    let Some(role) = role else {
        return true;
    };
    match entry {
        // The resident's own dossier, or the coordinator's profile built on a handed-over one.
        Entry::Dossiers => role.keeps_dossiers() || role.works_on(Step::PlacementProfile),
        // The offer and the matching against it serve the placement profile.
        Entry::Aanbod | Entry::Matching => role.works_on(Step::PlacementProfile),
        // Bundles are made, and their disclosures logged, by the role that sends them.
        Entry::Bundels | Entry::Verwerkingslog => role.sends().contains(&MessageType::Bundel),
        Entry::BundelOpenen => role.receives().contains(&MessageType::Bundel),
        Entry::EnvelopOpenen => !crate::transfers::opens(Some(role)).is_empty(),
        // Every party has keys and a contact book, and its own processing register.
        Entry::Sleutels | Entry::Privacy => true,
    }
}

/// The menu of a vault: its entries in order. A vault made before roles, and the coordinator's,
/// keep today's menu (opening a bundle is not in it: that is the association's start); the
/// coordinator's gets "Envelop openen" for the overdracht, a vault made before roles does not
/// (it opens no transfer).
pub fn menu(role: Option<Role>) -> Vec<Entry> {
    Entry::ALL
        .into_iter()
        .filter(|&e| allows(role, e))
        .filter(|&e| e != Entry::BundelOpenen || role.is_some_and(|r| !is_coordinator(r)))
        .filter(|&e| e != Entry::EnvelopOpenen || role.is_some())
        .collect()
}

/// Whether the dossier list offers "Nieuw dossier": a vault that keeps the resident's own
/// dossier, or one made before roles. The coordinator's cases come from an overdracht.
pub fn makes_cases(role: Option<Role>) -> bool {
    role.is_none_or(Role::keeps_dossiers)
}

/// Said on the coordinator's empty dossier list, beside the link to "Envelop openen".
pub const CASES_FROM_OVERDRACHT: &str = "Een zaak komt als overdracht van de Wmo-consulent, \
                                          zonder naam, BSN of adres. Open de envelop bij \
                                          ‘Envelop openen’.";

/// The choice of the coordinator's title (Privacy page): the region's own, or one chosen, for
/// Noord-Limburg once it has a Procesregisseur. Values: "" (the region's), "ketenregisseur",
/// "procesregisseur".
pub fn title_options(region: Option<Region>) -> Vec<(String, String)> {
    let own = region.map_or("Volgens de regio".to_string(), |r| {
        format!("Volgens de regio: {}", r.role().name())
    });
    std::iter::once((String::new(), own))
        .chain(
            [
                CoordinatorRole::Ketenregisseur,
                CoordinatorRole::Procesregisseur,
            ]
            .into_iter()
            .map(|t| (title_value(Some(t)).to_string(), t.name().to_string())),
        )
        .collect()
}

/// The select's value of a chosen title.
pub fn title_value(title: Option<CoordinatorRole>) -> &'static str {
    match title {
        None => "",
        Some(CoordinatorRole::Ketenregisseur) => "ketenregisseur",
        Some(CoordinatorRole::Procesregisseur) => "procesregisseur",
    }
}

/// The title of a select's value; anything else is the region's.
pub fn title_of(value: &str) -> Option<CoordinatorRole> {
    [
        CoordinatorRole::Ketenregisseur,
        CoordinatorRole::Procesregisseur,
    ]
    .into_iter()
    .find(|&t| title_value(Some(t)) == value)
}

/// Beside it: the way for a coordinator whose Wmo consultant does not use the app.
pub const CASES_TYPED: &str = "Werkt de Wmo-consulent niet met Woonkans? Typ dan de \
                               stap-4-gegevens over uit het rapport van de consulent.";

pub const CASES_HANDED_ON: &str = "Neemt een andere regisseur uw werk over, bij ziekte of een \
                                   andere baan? Draag dan één zaak of alle zaken over.";

fn is_coordinator(role: Role) -> bool {
    role.works_on(Step::PlacementProfile)
}

/// The page a vault opens on and the link back from a page outside its role: its menu's first.
pub fn start(role: Option<Role>) -> Entry {
    menu(role).first().copied().unwrap_or(Entry::Sleutels)
}

/// The message on a page that is not for this vault's role (a typed or old link).
pub const OUTSIDE_ROLE: &str = "Deze pagina hoort niet bij de rol van deze kluis";

/// The link under [`OUTSIDE_ROLE`].
pub const TO_START: &str = "Naar de startpagina van deze kluis";

/// The dossier's step tabs for a role: the dossier steps it works on and those before them,
/// whose data it receives with the dossier (the Wmo consultant gets step 1 with the
/// registration). The coordinator sees its own steps (4 and 5: its cases come from an
/// overdracht, without steps 1-3); a vault made before roles sees all six.
pub fn dossier_steps(role: Option<Role>) -> Vec<Step> {
    match role {
        Some(r) if r.keeps_dossiers() => {
            let last = Step::ALL
                .into_iter()
                .filter(|&s| s <= Step::Investigation && r.works_on(s))
                .max()
                .unwrap_or(Step::Orientation);
            Step::ALL.into_iter().filter(|&s| s <= last).collect()
        }
        Some(r) if is_coordinator(r) => r.steps().to_vec(),
        Some(_) => Vec::new(),
        None => Step::ALL.to_vec(),
    }
}

/// The tabs of one case: the role's, and for the care provider step 6 once the koppeling
/// brought the accepted match (before that, there is nothing of step 6 to do).
pub fn case_steps(ws: &Workspace, case: &Case) -> Vec<Step> {
    let mut steps = dossier_steps(ws.role());
    if crate::huur::lease_step(ws, case) && !steps.contains(&Step::Agreement) {
        steps.push(Step::Agreement);
    }
    steps
}

/// `dossier_step` among a case's own tabs (`case_steps`).
pub fn case_step(ws: &Workspace, case: &Case, wanted: Step) -> Step {
    step_among(&case_steps(ws, case), wanted)
}

/// The step the dossier page shows: the one asked for (or the case's own) when the role has its
/// tab, otherwise the role's last step before it (a care provider's case that moved on to the
/// Wmo consultant shows step 1).
pub fn dossier_step(role: Option<Role>, wanted: Step) -> Step {
    step_among(&dossier_steps(role), wanted)
}

fn step_among(steps: &[Step], wanted: Step) -> Step {
    if steps.contains(&wanted) {
        return wanted;
    }
    steps
        .iter()
        .copied()
        .filter(|&s| s < wanted)
        .max()
        .or_else(|| steps.first().copied())
        .unwrap_or(wanted)
}

/// What the first-start question asks: the role (only a new vault without one, with nothing in
/// it yet) and the region (while it has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub role: bool,
    pub region: bool,
}

/// The first-start question for this vault, if any. A vault made before roles that already holds
/// cases is not asked for a role (the core would refuse it): it keeps working as before.
pub fn prompt(ws: &Workspace) -> Option<Prompt> {
    let p = Prompt {
        role: ws.role().is_none() && ws.cases().is_empty(),
        region: ws.settings().region.is_none(),
    };
    (p.role || p.region).then_some(p)
}

/// The notice of a vault made before roles that holds cases.
pub fn notice(ws: &Workspace) -> Option<&'static str> {
    (ws.role().is_none() && !ws.cases().is_empty()).then_some(
        "Deze kluis is gemaakt voordat er rollen waren; hij bevat nog gegevens van alle stappen, \
         ook die bij de Wmo-consulent horen. Splits de kluis: de dossiers gaan eerst versleuteld \
         naar de Wmo-consulent, daarna houdt deze kluis alleen wat de regisseur mag hebben.",
    )
}

/// A role's value in the role question, and back.
pub fn role_key(role: Role) -> String {
    select::key(&role)
}

/// The element id of a role's radio in the role question: "rol-wmo-consulent".
pub fn role_input_id(role: Role) -> String {
    format!("rol-{}", role_key(role))
}

/// Why the "rol en regio" answer cannot be used; the field it is about is `rol` or `regio`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing {
    pub field: &'static str,
    pub message: &'static str,
}

/// The answer to the first-start question: the role and region chosen, or what is missing.
/// `role` and `region` are the form's values (empty when nothing is chosen); a part the prompt
/// does not ask is `None`.
pub fn parse_choice(
    prompt: Prompt,
    role: &str,
    region: &str,
) -> Result<(Option<Role>, Option<Region>), Missing> {
    let role = if prompt.role {
        Some(select::from_key::<Role>(role).ok_or(Missing {
            field: "rol",
            message: "Kies eerst de rol van deze kluis: voor welke partij werkt u?",
        })?)
    } else {
        None
    };
    let region = if prompt.region {
        Some(Region::parse(region).map_err(|_| Missing {
            field: "regio",
            message: "Kies uw regio: Noord-Limburg of Midden-Limburg.",
        })?)
    } else {
        None
    };
    Ok((role, region))
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::fixtures;

    #[test]
    fn the_coordinator_title_is_the_regions_or_a_chosen_one() {
        let options = title_options(Some(Region::NoordLimburg));
        assert_eq!(options[0].1, "Volgens de regio: Ketenregisseur");
        assert_eq!(options.len(), 3);
        for (value, _) in &options {
            assert_eq!(title_value(title_of(value)), value);
        }
        assert_eq!(
            title_of("procesregisseur"),
            Some(CoordinatorRole::Procesregisseur)
        );
        assert_eq!(title_of("iets anders"), None);
        let mut ws = fixtures::role_vault(
            Role::Regisseur,
            "Ketenregie",
            3,
            woonkans_core::date::Date::new(2026, 11, 2).unwrap(),
        );
        ws.set_region(Some(Region::NoordLimburg));
        assert_eq!(ws.role_title(), Some("Ketenregisseur"));
        ws.set_coordinator_title(title_of("procesregisseur"));
        assert_eq!(ws.role_title(), Some("Procesregisseur"));
    }

    #[test]
    fn each_role_gets_its_own_menu() {
        use Entry::*;
        assert_eq!(
            menu(Some(Role::Woningcorporatie)),
            [BundelOpenen, EnvelopOpenen, Sleutels, Privacy]
        );
        assert_eq!(
            menu(Some(Role::Zorgaanbieder)),
            [Dossiers, EnvelopOpenen, Sleutels, Privacy]
        );
        assert_eq!(
            menu(Some(Role::WmoConsulent)),
            [Dossiers, EnvelopOpenen, Sleutels, Privacy]
        );
        assert_eq!(
            menu(Some(Role::Regisseur)),
            [
                Dossiers,
                EnvelopOpenen,
                Aanbod,
                Matching,
                Bundels,
                Verwerkingslog,
                Sleutels,
                Privacy,
            ]
        );
        assert_eq!(
            menu(None),
            [
                Dossiers,
                Aanbod,
                Matching,
                Bundels,
                Verwerkingslog,
                Sleutels,
                Privacy,
            ]
        );
    }

    #[test]
    fn a_role_opens_only_its_own_pages_and_starts_on_the_first() {
        assert!(!allows(Some(Role::Woningcorporatie), Entry::Dossiers));
        assert!(!allows(Some(Role::Woningcorporatie), Entry::Matching));
        assert!(allows(Some(Role::Woningcorporatie), Entry::BundelOpenen));
        assert!(!allows(Some(Role::Zorgaanbieder), Entry::Bundels));
        assert!(!allows(Some(Role::WmoConsulent), Entry::Aanbod));
        assert!(!allows(Some(Role::WmoConsulent), Entry::BundelOpenen));
        assert!(!allows(Some(Role::Regisseur), Entry::BundelOpenen));
        // A vault made before roles opens everything, bundles from associations included.
        for e in Entry::ALL {
            assert!(allows(None, e), "{e:?}");
            assert!(allows(Some(Role::Regisseur), e) || e == Entry::BundelOpenen);
        }
        // Every role that receives a transfer opens it here; the association its bundles too.
        assert!(allows(Some(Role::WmoConsulent), Entry::EnvelopOpenen));
        assert!(allows(Some(Role::Regisseur), Entry::EnvelopOpenen));
        assert!(allows(Some(Role::Zorgaanbieder), Entry::EnvelopOpenen));
        assert!(allows(Some(Role::Woningcorporatie), Entry::EnvelopOpenen));
        assert!(!menu(None).contains(&Entry::EnvelopOpenen));
        for role in Role::ALL {
            // Every role reaches its keys and its register, and starts on a page it may open.
            assert!(allows(Some(role), Entry::Sleutels));
            assert!(allows(Some(role), Entry::Privacy));
            assert!(allows(Some(role), start(Some(role))));
            // The menu is exactly the allowed pages, apart from the coordinator's bundle page.
            for e in Entry::ALL {
                assert_eq!(
                    menu(Some(role)).contains(&e),
                    allows(Some(role), e),
                    "{role:?} {e:?}"
                );
            }
        }
        assert_eq!(start(Some(Role::Woningcorporatie)), Entry::BundelOpenen);
        assert_eq!(start(Some(Role::Zorgaanbieder)), Entry::Dossiers);
        assert_eq!(start(None), Entry::Dossiers);
    }

    #[test]
    fn the_dossier_offers_the_steps_of_the_role() {
        use Step::*;
        assert_eq!(dossier_steps(Some(Role::Zorgaanbieder)), [Orientation]);
        assert_eq!(
            dossier_steps(Some(Role::WmoConsulent)),
            [Orientation, WmoReport, Investigation]
        );
        assert_eq!(
            dossier_steps(Some(Role::Regisseur)),
            [PlacementProfile, AssociationTalks]
        );
        assert_eq!(dossier_steps(None), Step::ALL);
        // The coordinator's case from an overdracht is at step 4; step 6 shows step 5.
        assert_eq!(
            dossier_step(Some(Role::Regisseur), PlacementProfile),
            PlacementProfile
        );
        assert_eq!(
            dossier_step(Some(Role::Regisseur), Agreement),
            AssociationTalks
        );
        assert_eq!(
            dossier_step(Some(Role::Regisseur), Orientation),
            PlacementProfile
        );
        assert!(dossier_steps(Some(Role::Woningcorporatie)).is_empty());
        // A step outside the role shows the role's last one before it.
        assert_eq!(
            dossier_step(Some(Role::Zorgaanbieder), PlacementProfile),
            Orientation
        );
        assert_eq!(
            dossier_step(Some(Role::WmoConsulent), Agreement),
            Investigation
        );
        assert_eq!(dossier_step(Some(Role::WmoConsulent), WmoReport), WmoReport);
        assert_eq!(dossier_step(None, AssociationTalks), AssociationTalks);
    }

    #[test]
    fn only_a_vault_that_keeps_dossiers_makes_new_ones() {
        assert!(makes_cases(Some(Role::Zorgaanbieder)));
        assert!(makes_cases(Some(Role::WmoConsulent)));
        assert!(!makes_cases(Some(Role::Regisseur)));
        assert!(!makes_cases(Some(Role::Woningcorporatie)));
        assert!(makes_cases(None));
    }

    #[test]
    fn a_new_vault_is_asked_for_role_and_region_an_old_one_with_cases_only_for_region() {
        let mut ws = fixtures::workspace();
        ws.set_region(None);
        assert_eq!(
            prompt(&ws),
            Some(Prompt {
                role: true,
                region: true
            })
        );
        assert_eq!(notice(&ws), None);
        ws.set_region(Some(Region::MiddenLimburg));
        assert_eq!(
            prompt(&ws),
            Some(Prompt {
                role: true,
                region: false
            })
        );
        ws.choose_role(Role::Woningcorporatie).unwrap();
        assert_eq!(prompt(&ws), None);
        assert_eq!(notice(&ws), None);

        // Made before roles, with cases: no role question, a notice; the region as before.
        let mut old = fixtures::workspace();
        old.add_case("k7f3q9ab").unwrap();
        assert!(!old.cases().is_empty());
        assert_eq!(old.role(), None);
        assert!(notice(&old).unwrap().contains("voordat er rollen waren"));
        old.set_region(None);
        assert_eq!(
            prompt(&old),
            Some(Prompt {
                role: false,
                region: true
            })
        );
        old.set_region(Some(Region::NoordLimburg));
        assert_eq!(prompt(&old), None);
    }

    #[test]
    fn the_choice_needs_a_role_and_a_region_when_asked() {
        let both = Prompt {
            role: true,
            region: true,
        };
        assert_eq!(
            parse_choice(both, "woningcorporatie", "noord"),
            Ok((Some(Role::Woningcorporatie), Some(Region::NoordLimburg)))
        );
        assert_eq!(
            parse_choice(both, &role_key(Role::WmoConsulent), "midden"),
            Ok((Some(Role::WmoConsulent), Some(Region::MiddenLimburg)))
        );
        assert_eq!(parse_choice(both, "", "noord").unwrap_err().field, "rol");
        assert_eq!(
            parse_choice(both, "burgemeester", "noord")
                .unwrap_err()
                .field,
            "rol"
        );
        assert_eq!(
            parse_choice(both, "regisseur", "").unwrap_err().field,
            "regio"
        );
        let region_only = Prompt {
            role: false,
            region: true,
        };
        assert_eq!(
            parse_choice(region_only, "", "midden"),
            Ok((None, Some(Region::MiddenLimburg)))
        );
        for role in Role::ALL {
            assert_eq!(select::from_key::<Role>(&role_key(role)), Some(role));
        }
        assert_eq!(role_input_id(Role::WmoConsulent), "rol-wmo-consulent");
    }
}

/// One row of the privacy page's table of roles: who holds which steps, what it makes and opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleRow {
    pub role: &'static str,
    pub steps: String,
    pub sends: String,
    pub receives: String,
    pub description: &'static str,
    /// Whether this is the vault's own role.
    pub own: bool,
}

/// The table of roles on the privacy page, from the core's `Role`.
pub fn role_rows(own: Option<Role>) -> Vec<RoleRow> {
    use woonkans_core::vocab::Dutch;
    let list = |kinds: &[MessageType]| {
        kinds
            .iter()
            .map(|k| k.dutch())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Role::ALL
        .into_iter()
        .map(|r| RoleRow {
            role: r.dutch(),
            steps: r
                .steps()
                .iter()
                .map(|s| format!("{} {}", s.number(), s.dutch()))
                .collect::<Vec<_>>()
                .join(", "),
            sends: list(r.sends()),
            receives: list(r.receives()),
            description: r.description(),
            own: own == Some(r),
        })
        .collect()
}

/// Who made the resident's overview: this vault's role, or for a vault made before roles the
/// region's coordinator.
pub fn made_by(ws: &Workspace) -> String {
    match (ws.role_title(), ws.settings().region) {
        (Some(title), Some(region)) => format!("{} ({})", title.to_lowercase(), region.name()),
        (Some(title), None) => title.to_lowercase(),
        (None, Some(region)) => format!("{} {}", region.role().name(), region.name()),
        (None, None) => "de regisseur".into(),
    }
}

#[cfg(test)]
mod role_rows_tests {
    use super::*;

    #[test]
    fn the_table_of_roles_comes_from_the_core_and_marks_the_own() {
        let rows = role_rows(Some(Role::WmoConsulent));
        assert_eq!(rows.len(), 4);
        let wmo = rows.iter().find(|r| r.role == "Wmo-consulent").unwrap();
        assert!(wmo.own && wmo.sends == "overdracht");
        assert!(wmo.steps.starts_with("2 ") && wmo.steps.contains(", 3 "));
        assert!(wmo.receives.contains("aanmelding"));
        assert_eq!(rows.iter().filter(|r| r.own).count(), 1);
        assert!(role_rows(None).iter().all(|r| !r.own));
    }

    #[test]
    fn made_by_names_the_role_or_the_old_coordinator() {
        let mut ws = woonkans_core::fixtures::workspace();
        assert_eq!(made_by(&ws), "Ketenregisseur Noord-Limburg");
        ws.choose_role(Role::Zorgaanbieder).unwrap();
        assert_eq!(made_by(&ws), "zorgaanbieder (Noord-Limburg)");
    }
}
