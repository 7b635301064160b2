//! "Gegevens controleren": shows every message of the step and says in words how many fields
//! still need something, or that all is well; the answer gets the focus (WCAG 2.4.3) and is a
//! live region, so it is heard as well as seen. It follows the fields: fixing the last one turns
//! it into the all-well message.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub on_check: Callback<()>,
    pub show_all: bool,
    /// Fields of this step that still need something.
    pub problems: usize,
}

#[function_component(CheckButton)]
pub fn check_button(p: &CheckProps) -> Html {
    let pressed = use_state(|| 0u32);
    use_effect_with(*pressed, |pressed| {
        if *pressed > 0 {
            crate::browser::focus("controle-uitkomst");
        }
    });
    let onclick = {
        let (on_check, pressed) = (p.on_check.clone(), pressed.clone());
        Callback::from(move |_: MouseEvent| {
            on_check.emit(());
            pressed.set(*pressed + 1);
        })
    };
    let (ok, text) = woonkans_views::dossier_form::check_outcome(p.problems);
    html! {
        <div class="controle">
            <button type="button" class="knop knop-secundair" {onclick}>{ "Gegevens controleren" }</button>
            <p id="controle-uitkomst" role="status" tabindex="-1"
                class={classes!(p.show_all.then_some("melding"), p.show_all.then_some(if ok { "melding-goed" } else { "melding-fout" }))}>
                { if p.show_all { text } else { String::new() } }
            </p>
        </div>
    }
}
