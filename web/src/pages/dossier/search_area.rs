//! The search area of the profile: gemeenten of the coordinator's region in order of
//! preference, to add, remove and move up or down; and the neighbourhoods to avoid.

use super::note_field::Marked;
use super::release::ReleaseControl;
use super::{Touched, edit};
use crate::components::form::value_of;
use crate::state::use_app;
use woonkans_core::explain::ProfileField;
use woonkans_core::region::Region;
use woonkans_core::text::outgoing_text;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Move {
    Up(usize),
    Down(usize),
    Remove(usize),
}

fn apply(list: &mut Vec<String>, m: Move) {
    match m {
        Move::Up(i) if i > 0 && i < list.len() => list.swap(i, i - 1),
        Move::Down(i) if i + 1 < list.len() => list.swap(i, i + 1),
        Move::Remove(i) if i < list.len() => {
            list.remove(i);
        }
        _ => {}
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchAreaProps {
    pub id: AttrValue,
    pub touched: Touched,
    pub error: Option<String>,
}

#[function_component(SearchArea)]
pub fn search_area(p: &SearchAreaProps) -> Html {
    let app = use_app();
    let choice = use_state(String::new);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let area = &case.profile.search_area;
    let change = edit(&app, &p.id, &p.touched, &["zoekgebied"], |c, m: Move| {
        apply(&mut c.profile.search_area, m);
        Ok(())
    });
    let add = {
        let cb = edit(&app, &p.id, &p.touched, &["zoekgebied"], |c, g: String| {
            if !c.profile.search_area.contains(&g) {
                c.profile.search_area.push(g);
            }
            Ok(())
        });
        let choice = choice.clone();
        Callback::from(move |_: MouseEvent| {
            if !choice.is_empty() {
                cb.emit((*choice).clone());
                choice.set(String::new());
            }
        })
    };
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| choice.set(value_of(&e)))
    };
    let region: Option<Region> = ws.settings().region;
    let remaining: Vec<&str> = region
        .map(|r| {
            r.gemeenten()
                .iter()
                .copied()
                .filter(|g| !area.iter().any(|a| a == g))
                .collect()
        })
        .unwrap_or_default();
    let last = area.len().saturating_sub(1);
    html! {
        <fieldset class={classes!("groep", p.error.is_some().then_some("veld-fout"))} id={ProfileField::SearchArea.element_id()}>
            <legend>{ "Zoekgebied" }</legend>
            <p class="hint">{ "Gemeenten waar gezocht wordt, de eerste heeft de voorkeur. Alleen gemeenten van uw regio." }</p>
            { for p.error.iter().map(|e| html! { <p class="foutmelding">{ e.clone() }</p> }) }
            { if area.is_empty() { html! { <p>{ "Nog geen gemeente gekozen." }</p> } } else { html! {
                <ol class="zoekgebied-lijst">
                    { for area.iter().enumerate().map(|(i, g)| {
                        let b = |m: Move| { let cb = change.clone(); Callback::from(move |_: MouseEvent| cb.emit(m)) };
                        html! {
                            <li>
                                <span class="zoekgebied-naam">{ g.clone() }</span>
                                <button type="button" class="knop knop-secundair knop-klein" disabled={i == 0}
                                    aria-label={format!("{g} omhoog")} onclick={b(Move::Up(i))}>{ "Omhoog" }</button>
                                <button type="button" class="knop knop-secundair knop-klein" disabled={i == last}
                                    aria-label={format!("{g} omlaag")} onclick={b(Move::Down(i))}>{ "Omlaag" }</button>
                                <button type="button" class="knop knop-secundair knop-klein"
                                    aria-label={format!("{g} verwijderen")} onclick={b(Move::Remove(i))}>{ "Verwijderen" }</button>
                            </li>
                        }
                    }) }
                </ol>
            } } }
            { match region {
                None => html! { <p class="melding">{ "Kies eerst uw regio bovenaan de pagina." }</p> },
                Some(_) if remaining.is_empty() => html! { <p class="hint">{ "Alle gemeenten van uw regio staan in het zoekgebied." }</p> },
                Some(_) => html! {
                    <div class="veld-rij veld-rij-onder">
                        <div class="veld">
                            <label for="zoekgebied-kies">{ "Gemeente toevoegen" }</label>
                            <select id="zoekgebied-kies" onchange={on_choice}>
                                <option value="" selected={choice.is_empty()}>{ "Kies een gemeente" }</option>
                                { for remaining.iter().map(|g| html! { <option value={*g} selected={*choice == *g}>{ *g }</option> }) }
                            </select>
                        </div>
                        <button type="button" class="knop knop-secundair" onclick={add}>{ "Toevoegen" }</button>
                    </div>
                },
            } }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExcludedProps {
    pub id: AttrValue,
    pub touched: Touched,
}

/// Neighbourhoods to avoid; each entry is scanned like a note and released for bundles like one.
/// A name with a character outside the outgoing whitelist is refused where it is typed.
#[function_component(ExcludedNeighbourhoods)]
pub fn excluded_neighbourhoods(p: &ExcludedProps) -> Html {
    let app = use_app();
    let text = use_state(String::new);
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let Ok(case) = ws.case(&p.id) else {
        return html! {};
    };
    let list = &case.profile.excluded_neighbourhoods;
    let remove = edit(&app, &p.id, &p.touched, &[], |c, i: usize| {
        if i < c.profile.excluded_neighbourhoods.len() {
            c.profile.excluded_neighbourhoods.remove(i);
        }
        Ok(())
    });
    let add = {
        let cb = edit(&app, &p.id, &p.touched, &[], |c, n: String| {
            c.profile.excluded_neighbourhoods.push(n);
            Ok(())
        });
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let n = text.trim().to_string();
            if !n.is_empty() && outgoing_text(&n).is_ok() {
                cb.emit(n);
                text.set(String::new());
            }
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            text.set(value_of(&e));
        })
    };
    let bad = outgoing_text(&text).err();
    html! {
        <fieldset class="groep" id={ProfileField::ExcludedNeighbourhoods.element_id()}>
            <legend>{ "Buurten om te vermijden (niet verplicht)" }</legend>
            <p class="hint">{ "Bijvoorbeeld een buurt met het oude netwerk. Alleen de buurtnaam: geen adressen of namen." }</p>
            { if list.is_empty() { html! {} } else { html! {
                <ul class="buurten-lijst">
                    { for list.iter().enumerate().map(|(i, n)| {
                        let findings = ws.scan_text(&p.id, n).unwrap_or_default();
                        let cb = remove.clone();
                        html! {
                            <li id={format!("uitgeslotenBuurten-{i}")} class={classes!((!findings.is_empty()).then_some("veld-fout"))}>
                                <span><Marked text={n.clone()} findings={findings.clone()} /></span>
                                { if findings.is_empty() { html! {} } else { html! {
                                    <span class="foutmelding">{ " Dit mag niet in het profiel." }</span>
                                } } }
                                <button type="button" class="knop knop-secundair knop-klein"
                                    aria-label={format!("Buurt {} verwijderen", i + 1)}
                                    onclick={Callback::from(move |_: MouseEvent| cb.emit(i))}>{ "Verwijderen" }</button>
                                <ReleaseControl case_id={p.id.clone()} field={AttrValue::from(format!("uitgeslotenBuurten[{i}]"))}
                                    text={n.clone()} findings={findings.len()} />
                            </li>
                        }
                    }) }
                </ul>
            } } }
            <div class="veld-rij veld-rij-onder">
                <div class={classes!("veld", bad.is_some().then_some("veld-fout"))}>
                    <label for="uitgeslotenBuurten-nieuw">{ "Buurt" }</label>
                    <input id="uitgeslotenBuurten-nieuw" type="text" value={(*text).clone()} {oninput}
                        aria-invalid={bad.is_some().then_some("true")} aria-describedby="uitgeslotenBuurten-nieuw-teken" />
                    <div id="uitgeslotenBuurten-nieuw-teken" class="teken-melding" role="alert">
                        { for bad.iter().map(|b| html! { <p class="foutmelding">{ format!("Dit teken mag niet mee: {}", b.dutch()) }</p> }) }
                    </div>
                </div>
                <button type="button" class="knop knop-secundair" onclick={add}>{ "Buurt toevoegen" }</button>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_range() {
        let mut l: Vec<String> = ["Venlo", "Venray", "Horst aan de Maas"]
            .map(String::from)
            .to_vec();
        apply(&mut l, Move::Up(0));
        apply(&mut l, Move::Down(2));
        apply(&mut l, Move::Remove(9));
        assert_eq!(l, ["Venlo", "Venray", "Horst aan de Maas"]);
        apply(&mut l, Move::Down(0));
        assert_eq!(l, ["Venray", "Venlo", "Horst aan de Maas"]);
        apply(&mut l, Move::Up(2));
        assert_eq!(l, ["Venray", "Horst aan de Maas", "Venlo"]);
        apply(&mut l, Move::Remove(0));
        assert_eq!(l, ["Horst aan de Maas", "Venlo"]);
    }
}
