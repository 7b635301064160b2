use crate::components::header::Header;
use crate::pages::Page;
use crate::route::Route;
use crate::state::{Action, AppContext, AppState};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState {
        route: Route::current(),
        ..AppState::default()
    });

    {
        // Follow the browser's back and forward buttons.
        let state = state.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let listener =
                Closure::<dyn Fn()>::new(move || state.dispatch(Action::Follow(Route::current())));
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <a class="skiplink" href="#inhoud">{ "Direct naar de inhoud" }</a>
            <Header />
            <main id="inhoud" class="inhoud" tabindex="-1">
                <Page route={state.route.clone()} />
            </main>
            <footer class="voet">
                <p>{ "Woonkans Noord- en Midden-Limburg. Persoonsgegevens blijven in deze browser; alleen gecodeerde profielbundels die u zelf downloadt verlaten dit apparaat." }</p>
            </footer>
        </ContextProvider<AppContext>>
    }
}
