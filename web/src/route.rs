//! Readable URLs. A route never carries personal data: dossiers are addressed by their random
//! local id only.

use wasm_bindgen::JsValue;
use woonkans_core::explain::ProfileField;

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
    }
}
