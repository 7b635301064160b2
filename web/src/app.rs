use crate::components::damaged::DamagedNotice;
use crate::components::header::Header;
use crate::components::role_prompt::{RoleNotice, RolePrompt};
use crate::components::vault_gate::VaultGate;
use crate::pages::Page;
use crate::route::Route;
use crate::session;
use crate::state::{Action, AppContext, AppState, Session};
use crate::vault::{self, VaultState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Autosave waits this long after the last change, so typing does not write on every key.
const AUTOSAVE_DELAY_MS: u32 = 600;
/// Lock after this much inactivity (docs/PRODUCT.md § "What the app does today": local vault).
pub const IDLE_LOCK_MS: u32 = 15 * 60 * 1000;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState {
        route: Route::current(),
        ..AppState::default()
    });

    {
        // What is stored decides the first screen.
        let state = state.clone();
        use_effect_with((), move |_| {
            let found = match vault::state() {
                VaultState::Absent => Session::Absent,
                VaultState::Locked => Session::Locked,
            };
            state.dispatch(Action::Found(found));
        });
    }

    {
        // Follow the browser's back and forward buttons.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    state.dispatch(Action::Follow(Route::current()))
                })
            });
            move || drop(listener)
        });
    }

    {
        // Autosave: the newest workspace, a moment after the last change.
        let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        let revision = state.revision;
        let state = state.clone();
        use_effect_with(revision, move |revision| {
            let revision = *revision;
            if revision > 0
                && let Some(open) = state.open().cloned()
            {
                let dispatcher = state.dispatcher();
                *pending.borrow_mut() = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        match session::save(&open).await {
                            Ok(()) => dispatcher
                                .dispatch(Action::Saved(revision, crate::browser::clock())),
                            Err(e) => dispatcher.dispatch(Action::SaveFailed(e.to_string())),
                        }
                    });
                }));
            }
        });
    }

    {
        // Idle lock: any key or pointer activity restarts the clock.
        let is_open = state.open().is_some();
        let dispatcher = state.dispatcher();
        use_effect_with(is_open, move |is_open| {
            let mut listeners = Vec::new();
            if *is_open && let Some(w) = web_sys::window() {
                let timer: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
                let arm = {
                    let timer = timer.clone();
                    let dispatcher = dispatcher.clone();
                    Rc::new(move || {
                        let dispatcher = dispatcher.clone();
                        *timer.borrow_mut() = Some(Timeout::new(IDLE_LOCK_MS, move || {
                            dispatcher.dispatch(Action::Lock)
                        }));
                    })
                };
                arm();
                for event in ["keydown", "pointerdown", "wheel"] {
                    let arm = arm.clone();
                    listeners.push(EventListener::new(&w, event, move |_| arm()));
                }
                listeners.push(EventListener::new(&w, "pagehide", move |_| {
                    drop(timer.take())
                }));
            }
            move || drop(listeners)
        });
    }

    {
        // WCAG 2.4.3: after a new page appears (a menu link, "Nieuw dossier", the vault just
        // made or opened) the focus goes to its heading, not back to the page body, so keyboard
        // and screen-reader users start where the new content starts. Not on the first load,
        // where the browser's own start is right.
        // The role and region too: once chosen, their prompt (which had the focus) is gone.
        let open = matches!(state.session, Session::Open(_));
        let asked = state.workspace().and_then(woonkans_views::nav::prompt);
        let key = (state.route.clone(), open, asked);
        let seen = use_mut_ref(|| false);
        use_effect_with(key, move |_| {
            if std::mem::replace(&mut *seen.borrow_mut(), true) {
                crate::browser::focus_heading();
            }
        });
    }

    {
        // The root address opens the role's start page (an association has no dossiers).
        let open = state.open().is_some();
        let role = state.role();
        let app = state.clone();
        use_effect_with((open, role), move |(open, role)| {
            if *open && !app.route.allowed(*role) && crate::browser::at_root() {
                crate::state::navigate(&app, Route::start(*role));
            }
        });
    }

    let body = match (&state.session, &state.route) {
        // Bundel openen explains itself before the vault screen (it needs the association's vault).
        (_, Route::BundelOpenen) | (Session::Open(_), _) => {
            html! { <Page route={state.route.clone()} /> }
        }
        (Session::Checking, _) => html! { <p class="melding">{ "Bezig met laden…" }</p> },
        (Session::Absent | Session::Locked, _) => html! { <VaultGate /> },
    };

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <a class="skiplink" href="#inhoud">{ "Direct naar de inhoud" }</a>
            <Header />
            <main id="inhoud" class="inhoud" tabindex="-1">
                <DamagedNotice />
                <RolePrompt />
                <RoleNotice />
                { body }
            </main>
            <footer class="voet">
                <p>{ "Woonkans Noord- en Midden-Limburg. Persoonsgegevens blijven in deze browser, versleuteld opgeslagen; alleen enveloppen die u zelf downloadt verlaten dit apparaat, ondertekend en alleen leesbaar voor de ontvanger." }</p>
            </footer>
        </ContextProvider<AppContext>>
    }
}
