//! The app state as a `Reducible` with an `Action` enum, shared through a context, with a
//! small `use_app` hook. Workspace changes go through `Action::Update`, whose closure calls the
//! core; the reducer never decides anything about a dossier itself.

use crate::route::Route;
use crate::session::Open;
use std::fmt;
use std::rc::Rc;
use woonkans_core::Error;
use woonkans_core::region::Region;
use woonkans_core::workspace::Workspace;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub enum Session {
    /// Looking at the browser's storage.
    Checking,
    /// No vault yet: the first start.
    Absent,
    Locked,
    Open(Rc<Open>),
}

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Session::Open(a), Session::Open(b)) => Rc::ptr_eq(a, b),
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    Saved(String),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub session: Session,
    pub route: Route,
    /// Bumped on every workspace change; autosave follows it.
    pub revision: u64,
    pub save: SaveStatus,
    /// The last refused change, shown until the next change or dismissal.
    pub error: Option<Error>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            session: Session::Checking,
            route: Route::Dossiers,
            revision: 0,
            save: SaveStatus::Idle,
            error: None,
        }
    }
}

impl AppState {
    pub fn open(&self) -> Option<&Rc<Open>> {
        match &self.session {
            Session::Open(o) => Some(o),
            _ => None,
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        self.open().map(|o| &o.ws)
    }

    pub fn region(&self) -> Option<Region> {
        self.workspace().and_then(|w| w.settings.region)
    }
}

pub type Update = Rc<dyn Fn(&mut Workspace) -> Result<(), Error>>;

pub enum Action {
    /// Navigate and record the new URL in the history.
    Navigate(Route),
    /// The browser moved (back/forward): follow without pushing.
    Follow(Route),
    Found(Session),
    Opened(Box<Open>),
    /// Drops the workspace and the keys from memory.
    Lock,
    Wiped,
    /// A change to the workspace through the core; refused changes leave it untouched.
    Update(Update),
    /// Replaces the workspace wholesale (a restored backup).
    Replace(Box<Open>),
    Saving,
    /// The revision that was saved, and when.
    Saved(u64, String),
    SaveFailed(String),
    DismissError,
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never prints a workspace.
        f.write_str(match self {
            Action::Navigate(_) => "Navigate",
            Action::Follow(_) => "Follow",
            Action::Found(_) => "Found",
            Action::Opened(_) => "Opened",
            Action::Lock => "Lock",
            Action::Wiped => "Wiped",
            Action::Update(_) => "Update",
            Action::Replace(_) => "Replace",
            Action::Saving => "Saving",
            Action::Saved(..) => "Saved",
            Action::SaveFailed(_) => "SaveFailed",
            Action::DismissError => "DismissError",
        })
    }
}

/// Shorthand for a workspace change.
pub fn update(f: impl Fn(&mut Workspace) -> Result<(), Error> + 'static) -> Action {
    Action::Update(Rc::new(f))
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                route.push();
                next.route = route;
                next.error = None;
            }
            Action::Follow(route) => next.route = route,
            Action::Found(session) => next.session = session,
            Action::Opened(open) => {
                next.session = Session::Open(Rc::new(*open));
                next.save = SaveStatus::Idle;
                next.error = None;
            }
            Action::Lock => {
                next.session = Session::Locked;
                next.save = SaveStatus::Idle;
                next.error = None;
            }
            Action::Wiped => {
                next = AppState {
                    session: Session::Absent,
                    route: Route::Dossiers,
                    ..AppState::default()
                };
                Route::Dossiers.push();
            }
            Action::Update(f) => {
                let Some(open) = self.open() else {
                    return self;
                };
                let mut ws = open.ws.clone();
                match f(&mut ws) {
                    Ok(()) => {
                        let mut changed = (**open).clone();
                        changed.ws = ws;
                        next.session = Session::Open(Rc::new(changed));
                        next.revision += 1;
                        next.save = SaveStatus::Pending;
                        next.error = None;
                    }
                    Err(e) => next.error = Some(e),
                }
            }
            Action::Replace(open) => {
                next.session = Session::Open(Rc::new(*open));
                next.revision += 1;
                next.save = SaveStatus::Pending;
            }
            Action::Saving => next.save = SaveStatus::Pending,
            Action::Saved(revision, at) => {
                // A save of an older revision does not make the newest one saved.
                if revision == self.revision {
                    next.save = SaveStatus::Saved(at);
                }
            }
            Action::SaveFailed(msg) => next.save = SaveStatus::Failed(msg),
            Action::DismissError => next.error = None,
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
