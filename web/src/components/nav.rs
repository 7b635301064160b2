use crate::route::Route;
use crate::state::{navigate, use_app};
use yew::prelude::*;

#[function_component(Nav)]
pub fn nav() -> Html {
    let app = use_app();
    html! {
        <nav class="hoofdmenu" aria-label="Hoofdmenu">
            <ul>
                { for Route::menu(app.role()).iter().map(|route| {
                    let current = app.route == *route;
                    let onclick = {
                        let app = app.clone();
                        let route = route.clone();
                        Callback::from(move |e: MouseEvent| {
                            // Plain clicks stay in the app; modified clicks keep browser behaviour.
                            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                                e.prevent_default();
                                navigate(&app, route.clone());
                            }
                        })
                    };
                    html! {
                        <li>
                            <a href={route.path()} {onclick}
                               aria-current={current.then_some("page")}
                               class={classes!(current.then_some("actief"))}>
                                { route.title() }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
