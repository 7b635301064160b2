//! Readable URLs. A route never carries personal data: dossiers are addressed by their random
//! local id only.

use wasm_bindgen::JsValue;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dossiers,
    Aanbod,
    Matching,
    Bundels,
    Verwerkingslog,
    Privacy,
    /// One dossier, by its random local id.
    Dossier(String),
    /// A received bundle, opened without a vault (the association's view).
    BundelOpenen,
    NotFound,
}

impl Route {
    pub const NAV: [Route; 6] = [
        Route::Dossiers,
        Route::Aanbod,
        Route::Matching,
        Route::Bundels,
        Route::Verwerkingslog,
        Route::Privacy,
    ];

    pub fn path(&self) -> String {
        match self {
            Route::Dossier(id) => format!("/dossiers/{id}"),
            other => other.static_path().to_string(),
        }
    }

    fn static_path(&self) -> &'static str {
        match self {
            Route::Dossier(_) => "/dossiers",
            Route::BundelOpenen => "/bundel-openen",
            Route::Dossiers => "/dossiers",
            Route::Aanbod => "/aanbod",
            Route::Matching => "/matching",
            Route::Bundels => "/bundels",
            Route::Verwerkingslog => "/verwerkingslog",
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
            Route::Privacy => "Privacy",
            Route::Dossier(_) => "Dossier",
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
            "/privacy" => Route::Privacy,
            "/bundel-openen" => Route::BundelOpenen,
            p => match p.strip_prefix("/dossiers/") {
                Some(id) if is_local_id(id) => Route::Dossier(id.to_string()),
                _ => Route::NotFound,
            },
        }
    }

    pub fn current() -> Route {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        Route::from_path(&path)
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
        assert_eq!(Route::from_path("/onbekend"), Route::NotFound);
        assert_eq!(
            Route::from_path("/dossiers/k7f3q9ab"),
            Route::Dossier("k7f3q9ab".into())
        );
        assert_eq!(Route::from_path("/dossiers/Jan%20Jansen"), Route::NotFound);
        assert_eq!(
            Route::from_path(&Route::BundelOpenen.path()),
            Route::BundelOpenen
        );
    }
}
