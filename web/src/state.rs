//! The app state as a `Reducible`, shared through a context, with a small `use_app` hook.

use crate::route::Route;
use std::rc::Rc;
use woonkans_core::region::Region;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub region: Option<Region>,
    pub route: Route,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            region: None,
            route: Route::Dossiers,
        }
    }
}

pub enum Action {
    SetRegion(Region),
    /// Navigate and record the new URL in the history.
    Navigate(Route),
    /// The browser moved (back/forward): follow without pushing.
    Follow(Route),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetRegion(r) => next.region = Some(r),
            Action::Navigate(route) => {
                route.push();
                next.route = route;
            }
            Action::Follow(route) => next.route = route,
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
