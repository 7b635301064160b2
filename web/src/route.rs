//! Readable URLs. A route never carries personal data: dossiers are addressed by their random
//! local id only.

use wasm_bindgen::JsValue;
use woonkans_core::explain::ProfileField;
use woonkans_core::role::Role;
use woonkans_views::nav::{self, Entry};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dossiers,
    Aanbod,
    Matching,
    Bundels,
    Verwerkingslog,
    /// The vault's own keys and key card, and the contact book of other organisations' cards.
    Sleutels,
    Privacy,
    /// One dossier, by its random local id.
    Dossier(String),
    /// One dossier's placement profile, optionally at one of its fields: the matching page's
    /// suggestions link here. It opens the step whose form holds the field (step 4, or step 3
    /// for budget management); the field travels as the URL's fragment, its element id.
    DossierProfile(String, Option<ProfileField>),
    /// A received bundle envelope, opened in the association's own vault with its keys.
    BundelOpenen,
    /// Splitting a vault made before roles (`core::split`); reached from its notice.
    Splitsen,
    /// The coordinator types the step-4 row from a report (no Wmo consultant in the app).
    Stap4Typen,
    /// A received aanmelding (Wmo consultant) or overdracht (coordinator), opened in the vault.
    EnvelopOpenen,
    /// The coordinator hands cases to another coordinator (`core::transfer::caseload`).
    Overdragen,
    NotFound,
}

impl Route {
    pub const NAV: [Route; 7] = [
        Route::Dossiers,
        Route::Aanbod,
        Route::Matching,
        Route::Bundels,
        Route::Verwerkingslog,
        Route::Sleutels,
        Route::Privacy,
    ];

    /// The route of a menu entry.
    pub fn of(entry: Entry) -> Route {
        match entry {
            Entry::Dossiers => Route::Dossiers,
            Entry::Aanbod => Route::Aanbod,
            Entry::Matching => Route::Matching,
            Entry::Bundels => Route::Bundels,
            Entry::Verwerkingslog => Route::Verwerkingslog,
            Entry::Sleutels => Route::Sleutels,
            Entry::Privacy => Route::Privacy,
            Entry::BundelOpenen => Route::BundelOpenen,
            Entry::EnvelopOpenen => Route::EnvelopOpenen,
        }
    }

    /// The menu entry a route belongs to; `None` for the page that does not exist.
    pub fn entry(&self) -> Option<Entry> {
        Some(match self {
            Route::Dossiers | Route::Dossier(_) | Route::DossierProfile(..) => Entry::Dossiers,
            Route::Aanbod => Entry::Aanbod,
            Route::Matching => Entry::Matching,
            Route::Bundels => Entry::Bundels,
            Route::Verwerkingslog => Entry::Verwerkingslog,
            Route::Sleutels => Entry::Sleutels,
            Route::Privacy => Entry::Privacy,
            Route::BundelOpenen => Entry::BundelOpenen,
            // Part of the vault's privacy care; the page itself says when there is nothing to do.
            Route::Splitsen => Entry::Privacy,
            Route::Stap4Typen | Route::Overdragen => Entry::Dossiers,
            Route::EnvelopOpenen => Entry::EnvelopOpenen,
            Route::NotFound => return None,
        })
    }

    /// The menu of a vault with this role.
    pub fn menu(role: Option<Role>) -> Vec<Route> {
        nav::menu(role).into_iter().map(Route::of).collect()
    }

    /// The page a vault with this role starts on.
    pub fn start(role: Option<Role>) -> Route {
        Route::of(nav::start(role))
    }

    /// Whether a vault with this role shows this route (the page that does not exist always).
    pub fn allowed(&self, role: Option<Role>) -> bool {
        self.entry().is_none_or(|e| nav::allows(role, e))
    }

    pub fn path(&self) -> String {
        match self {
            Route::Dossier(id) => format!("/dossiers/{id}"),
            Route::DossierProfile(id, None) => format!("/dossiers/{id}/profiel"),
            Route::DossierProfile(id, Some(f)) => {
                format!("/dossiers/{id}/profiel#{}", f.element_id())
            }
            other => other.static_path().to_string(),
        }
    }

    fn static_path(&self) -> &'static str {
        match self {
            Route::Dossier(_) | Route::DossierProfile(..) => "/dossiers",
            Route::BundelOpenen => "/bundel-openen",
            Route::Splitsen => "/splitsen",
            Route::Stap4Typen => "/stap-4-typen",
            Route::EnvelopOpenen => "/envelop-openen",
            Route::Overdragen => "/overdragen",
            Route::Dossiers => "/dossiers",
            Route::Aanbod => "/aanbod",
            Route::Matching => "/matching",
            Route::Bundels => "/bundels",
            Route::Verwerkingslog => "/verwerkingslog",
            Route::Sleutels => "/sleutels",
            Route::Privacy => "/privacy",
            Route::NotFound => "/",
        }
    }

    pub fn title(&self) -> &'static str {
        match self {
            Route::Dossiers => "Dossiers",
            Route::Aanbod => "Aanbod & criteria",
            Route::Matching => "Matching",
            Route::Bundels => "Bundels",
            Route::Verwerkingslog => "Verwerkingslog",
            Route::Sleutels => "Sleutels en adresboek",
            Route::Privacy => "Privacy",
            Route::Dossier(_) | Route::DossierProfile(..) => "Dossier",
            Route::BundelOpenen => "Bundel openen",
            Route::Splitsen => "Kluis splitsen per rol",
            Route::Stap4Typen => "Stap-4-gegevens typen uit een rapport",
            Route::EnvelopOpenen => "Envelop openen",
            Route::Overdragen => "Zaken overdragen aan een andere regisseur",
            Route::NotFound => "Pagina niet gevonden",
        }
    }

    pub fn from_path(path: &str) -> Route {
        match path.trim_end_matches('/') {
            "" | "/dossiers" => Route::Dossiers,
            "/aanbod" => Route::Aanbod,
            "/matching" => Route::Matching,
            "/bundels" => Route::Bundels,
            "/verwerkingslog" => Route::Verwerkingslog,
            "/sleutels" => Route::Sleutels,
            "/privacy" => Route::Privacy,
            "/bundel-openen" => Route::BundelOpenen,
            "/splitsen" => Route::Splitsen,
            "/stap-4-typen" => Route::Stap4Typen,
            "/envelop-openen" => Route::EnvelopOpenen,
            "/overdragen" => Route::Overdragen,
            p => match p.strip_prefix("/dossiers/") {
                Some(id) if is_local_id(id) => Route::Dossier(id.to_string()),
                Some(rest) => match rest.strip_suffix("/profiel") {
                    Some(id) if is_local_id(id) => Route::DossierProfile(id.to_string(), None),
                    _ => Route::NotFound,
                },
                _ => Route::NotFound,
            },
        }
    }

    /// The route of a path and its fragment ("#zoekgebied" or empty); only a profile route
    /// reads the fragment, and only a known field's id.
    pub fn from_location(path: &str, hash: &str) -> Route {
        match Route::from_path(path) {
            Route::DossierProfile(id, _) => Route::DossierProfile(
                id,
                ProfileField::from_element_id(hash.trim_start_matches('#')),
            ),
            other => other,
        }
    }

    pub fn current() -> Route {
        let location = web_sys::window().map(|w| w.location());
        let read = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
            location
                .as_ref()
                .and_then(|l| f(l).ok())
                .unwrap_or_default()
        };
        Route::from_location(
            &read(web_sys::Location::pathname),
            &read(web_sys::Location::hash),
        )
    }

    /// Pushes this route onto the browser history (no request is made).
    pub fn push(&self) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&self.path()));
        }
    }
}

/// Dossier ids are random lowercase base32 made by the app; anything else is not a route.
fn is_local_id(id: &str) -> bool {
    (4..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nav_route_round_trips() {
        for r in Route::NAV {
            assert_eq!(Route::from_path(&r.path()), r);
        }
        assert_eq!(Route::from_path("/"), Route::Dossiers);
        assert_eq!(Route::from_path("/sleutels/"), Route::Sleutels);
        assert_eq!(Route::Sleutels.title(), "Sleutels en adresboek");
        assert_eq!(Route::from_path("/onbekend"), Route::NotFound);
        assert_eq!(
            Route::from_path("/dossiers/k7f3q9ab"),
            Route::Dossier("k7f3q9ab".into())
        );
        assert_eq!(Route::from_path("/dossiers/Jan%20Jansen"), Route::NotFound);
        let field = Route::DossierProfile("k7f3q9ab".into(), Some(ProfileField::BudgetManagement));
        assert_eq!(field.path(), "/dossiers/k7f3q9ab/profiel#onderBewind");
        assert_eq!(
            Route::from_location("/dossiers/k7f3q9ab/profiel", "#onderBewind"),
            field
        );
        assert_eq!(
            Route::from_location("/dossiers/k7f3q9ab/profiel", "#iets"),
            Route::DossierProfile("k7f3q9ab".into(), None)
        );
        assert_eq!(
            Route::from_path("/dossiers/Jan%20Jansen/profiel"),
            Route::NotFound
        );
        assert_eq!(
            Route::from_path(&Route::BundelOpenen.path()),
            Route::BundelOpenen
        );
        assert_eq!(Route::from_path("/overdragen"), Route::Overdragen);
        assert_eq!(Route::Overdragen.entry(), Some(Entry::Dossiers));
    }

    #[test]
    fn entries_and_routes_map_both_ways() {
        for e in Entry::ALL {
            assert_eq!(Route::of(e).entry(), Some(e));
        }
        assert_eq!(Route::menu(None), Route::NAV);
        // The coordinator's menu is today's with "Envelop openen" for the overdracht.
        let regie = Route::menu(Some(Role::Regisseur));
        assert_eq!(regie[1], Route::EnvelopOpenen);
        assert_eq!(
            regie
                .into_iter()
                .filter(|r| *r != Route::EnvelopOpenen)
                .collect::<Vec<_>>(),
            Route::NAV
        );
        assert_eq!(
            Route::from_path(&Route::EnvelopOpenen.path()),
            Route::EnvelopOpenen
        );
        assert!(Route::EnvelopOpenen.allowed(Some(Role::WmoConsulent)));
        // The care provider opens its koppeling there.
        assert!(Route::EnvelopOpenen.allowed(Some(Role::Zorgaanbieder)));
        assert_eq!(
            Route::start(Some(Role::Woningcorporatie)),
            Route::BundelOpenen
        );
        let dossier = Route::Dossier("k7f3q9ab".into());
        assert!(!dossier.allowed(Some(Role::Woningcorporatie)));
        assert!(dossier.allowed(Some(Role::WmoConsulent)));
        assert!(Route::NotFound.allowed(Some(Role::Woningcorporatie)));
        assert!(!Route::Matching.allowed(Some(Role::Zorgaanbieder)));
    }
}
