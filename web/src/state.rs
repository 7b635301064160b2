//! The app state as a `Reducible` with a typed `Action` enum, shared through a context, with a
//! small `use_app` hook. The reducer only records what happened; it has no side effects and
//! decides nothing about a dossier.
//!
//! A workspace change is computed where the event happens: [`change`] (or [`try_change`]) runs a
//! core function on a copy of the current workspace and sends [`Action::Commit`] with the copy
//! when the core agrees; the core's answer comes back to the caller as a value, so a page that
//! needs it (a written bundle, an import summary) uses it directly. A refused change never
//! reaches the workspace: the copy is dropped. Navigation pushes the browser history in
//! [`navigate`] (and [`wiped`]) before dispatching, not in the reducer.

use crate::route::Route;
use crate::session::Open;
use std::fmt;
use std::rc::Rc;
use woonkans_core::Error;
use woonkans_core::region::Region;
use woonkans_core::role::Role;
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
    /// A new bundle asked for from a dossier: the Bundels page opens with it chosen.
    pub bundle_request: Option<BundleRequest>,
}

/// The association and the case the Bundels page starts with (ids only, never personal data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleRequest {
    pub association_id: String,
    pub case_id: String,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            session: Session::Checking,
            route: Route::Dossiers,
            revision: 0,
            save: SaveStatus::Idle,
            error: None,
            bundle_request: None,
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
        self.workspace().and_then(|w| w.settings().region)
    }

    /// The open vault's role; `None` without an open vault or in a vault made before roles.
    pub fn role(&self) -> Option<Role> {
        self.workspace().and_then(Workspace::role)
    }
}

pub enum Action {
    /// The app moved to another page; dispatched by [`navigate`], which records the URL in the
    /// history first.
    Navigate(Route),
    /// The browser moved (back/forward): follow without pushing.
    Follow(Route),
    Found(Session),
    Opened(Box<Open>),
    /// Drops the workspace and the keys from memory.
    Lock,
    /// The vault was wiped; dispatched by [`wiped`], which records the URL first.
    Wiped,
    /// The workspace after a change the core accepted (made by [`change`] on a copy of the
    /// current one). Ignored when the session is no longer open.
    Commit(Box<Workspace>),
    /// A change the core refused: shown in the app's error area, the workspace stays as it is.
    Refused(Error),
    /// The open session with another code key or damaged list, made from the current one.
    /// Ignored when the session is no longer open.
    Replace(Box<Open>),
    Saving,
    /// The revision that was saved, and when.
    Saved(u64, String),
    SaveFailed(String),
    DismissError,
    RequestBundle(BundleRequest),
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
            Action::Commit(_) => "Commit",
            Action::Refused(_) => "Refused",
            Action::Replace(_) => "Replace",
            Action::Saving => "Saving",
            Action::Saved(..) => "Saved",
            Action::SaveFailed(_) => "SaveFailed",
            Action::DismissError => "DismissError",
            Action::RequestBundle(_) => "RequestBundle",
        })
    }
}

/// The answer to a change asked for while the vault is locked.
fn locked() -> Error {
    Error::new(
        "LOCKED",
        "De kluis is vergrendeld; ontgrendel haar en probeer het opnieuw.",
    )
}

/// Runs `f` (a core function) on a copy of the current workspace and commits the copy when `f`
/// succeeds; returns what `f` returned. A refusal is shown in the app's error area; use
/// [`try_change`] when the page shows it itself. One line at a call site:
/// `change(&app, |ws| ws.delete_case(&id))`; a caller with nothing more to do drops the result
/// (`let _ = change(…)`), the refusal being on screen already.
pub fn change<T>(
    app: &AppContext,
    f: impl FnOnce(&mut Workspace) -> Result<T, Error>,
) -> Result<T, Error> {
    let result = try_change(app, f);
    if let Err(e) = &result {
        refuse(app, e);
    }
    result
}

// The parts of a change that do not depend on the call site stay out of line: `change` is
// instantiated for every closure in the app, and each copy inlining these grew the wasm.
#[inline(never)]
fn refuse(app: &AppContext, e: &Error) {
    if app.open().is_some() {
        app.dispatch(Action::Refused(e.clone()));
    }
}

#[inline(never)]
fn current_copy(app: &AppContext) -> Result<Box<Workspace>, Error> {
    Ok(Box::new(app.workspace().ok_or_else(locked)?.clone()))
}

#[inline(never)]
fn commit(app: &AppContext, mut ws: Box<Workspace>) {
    // Every saved change passes here, so this is where a profile's version is counted.
    if let Some(before) = app.workspace() {
        ws.record_profile_versions(before, crate::browser::today());
    }
    app.dispatch(Action::Commit(ws));
}

/// As [`change`], but a refusal is only returned (the page shows it next to the button that
/// asked), and the error type is the core function's own (`WriteError` for a bundle).
///
/// Staleness: the copy is taken here, when the event is handled, not when the page rendered.
/// `UseReducerHandle`'s deref reads the reducer's shared current state, which every dispatch
/// updates synchronously (yew 0.23), so two quick events each start from the other's result
/// even before a re-render: the second clone already holds the first commit. Taking the copy,
/// running `f` and dispatching happen with no `await` in between, so no other change can land
/// in the meantime and a commit never overwrites one it did not see. After an `await` (a file
/// read), call this once the data is there, never with a copy taken before it.
pub fn try_change<T, E: From<Error>>(
    app: &AppContext,
    f: impl FnOnce(&mut Workspace) -> Result<T, E>,
) -> Result<T, E> {
    let mut ws = current_copy(app)?;
    let value = f(&mut ws)?;
    commit(app, ws);
    Ok(value)
}

/// Moves the app to `route`: records it in the browser history, then in the state.
pub fn navigate(app: &AppContext, route: Route) {
    route.push();
    app.dispatch(Action::Navigate(route));
}

/// To the Bundels page with `association_id` and `case_id` chosen, for a new bundle.
pub fn request_bundle(app: &AppContext, association_id: &str, case_id: &str) {
    app.dispatch(Action::RequestBundle(BundleRequest {
        association_id: association_id.to_string(),
        case_id: case_id.to_string(),
    }));
    navigate(app, Route::Bundels);
}

/// After the vault was wiped: back to the dossier list, which then offers a new vault.
pub fn wiped(app: &AppContext) {
    Route::Dossiers.push();
    app.dispatch(Action::Wiped);
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                // A request holds only for the next visit to the Bundels page.
                if route != Route::Bundels {
                    next.bundle_request = None;
                }
                next.route = route;
                next.error = None;
            }
            Action::Follow(route) => {
                if route != Route::Bundels {
                    next.bundle_request = None;
                }
                next.route = route;
            }
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
            }
            Action::Commit(ws) => {
                // Locked (or wiped) meanwhile: the keys and the workspace are gone from memory
                // and must not come back through a late commit.
                let Some(open) = self.open() else {
                    return self;
                };
                let mut changed = (**open).clone();
                changed.ws = *ws;
                next.session = Session::Open(Rc::new(changed));
                next.revision += 1;
                next.save = SaveStatus::Pending;
                next.error = None;
            }
            Action::Refused(e) => next.error = Some(e),
            Action::Replace(open) => {
                // As for a commit: a lock meanwhile must not be undone.
                if self.open().is_none() {
                    return self;
                }
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
            Action::RequestBundle(r) => next.bundle_request = Some(r),
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
