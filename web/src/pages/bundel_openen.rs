//! Opening a received bundle: the housing association's view. Works without a vault; the
//! coordinator (with an open vault) can also look each code up in their own dossiers.

use crate::browser;
use crate::components::files::{dropped_file, first_file};
use crate::route::Route;
use crate::state::{navigate, use_app};
use std::rc::Rc;
use woonkans_core::bundle::{self, VerifiedBundle, verify_bundle};
use woonkans_core::vocab;
use woonkans_views::bundles::{case_label, readable_profile};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Opened {
    Nothing,
    Reading,
    Failed(String),
    Verified(Rc<VerifiedBundle>),
}

/// Where a code of the bundle leads in the coordinator's own dossiers.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    Found { id: String, label: String },
    NotFound,
}

#[function_component(BundelOpenenPage)]
pub fn bundel_openen_page() -> Html {
    let app = use_app();
    let opened = use_state(|| Opened::Nothing);
    let lookups = use_state(|| None::<Rc<Vec<Lookup>>>);
    let dragging = use_state(|| false);

    let open_file = {
        let (opened, lookups) = (opened.clone(), lookups.clone());
        Callback::from(move |file: web_sys::File| {
            opened.set(Opened::Reading);
            lookups.set(None);
            let opened = opened.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let next = match browser::read_file(file, bundle::MAX_BYTES).await {
                    Err(msg) => Opened::Failed(msg),
                    Ok(bytes) => match verify_bundle(&bytes) {
                        Ok(b) => Opened::Verified(Rc::new(b)),
                        Err(e) => Opened::Failed(e.message),
                    },
                };
                opened.set(next);
            });
        })
    };
    let onchange = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = first_file(&e) {
                open_file.emit(f);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, open_file) = (dragging.clone(), open_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = dropped_file(&e) {
                open_file.emit(f);
            }
        })
    };

    let lookup = {
        let (app, opened, lookups) = (app.clone(), opened.clone(), lookups.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(open), Opened::Verified(bundle)) = (app.open(), &*opened) else {
                return;
            };
            let found = bundle
                .profiles
                .iter()
                .map(|p| {
                    match open
                        .ws
                        .resolve_code(Some(&open.key), &bundle.recipient.id, p.code)
                    {
                        Some(id) => Lookup::Found {
                            id: id.to_string(),
                            label: open.ws.case(id).map(case_label).unwrap_or_default(),
                        },
                        None => Lookup::NotFound,
                    }
                })
                .collect();
            lookups.set(Some(Rc::new(found)));
        })
    };

    let result = match &*opened {
        Opened::Nothing => html! {},
        Opened::Reading => {
            html! { <p class="melding" role="status">{ "Bundel wordt gecontroleerd…" }</p> }
        }
        Opened::Failed(msg) => html! {
            <div class="melding melding-fout" role="alert">
                <h2>{ "Deze bundel is niet geopend" }</h2>
                <p>{ msg.clone() }</p>
            </div>
        },
        Opened::Verified(bundle) => html! {
            <>
                { if app.open().is_some() { html! {
                    <div class="kaart niet-printen">
                        <h2>{ "Code opzoeken (alleen voor de regisseur)" }</h2>
                        <p>{ "Zoek bij elke code het dossier in uw eigen kluis. Dit gebeurt alleen in deze browser." }</p>
                        <button class="knop knop-secundair" type="button" onclick={lookup}>{ "Code opzoeken" }</button>
                    </div>
                } } else { html! {} } }
                <BundleView bundle={bundle.clone()} lookups={(*lookups).clone()} />
            </>
        },
    };

    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Bundel openen" }</h1>
            <p class="inleiding">
                { "Open een gecodeerde profielbundel die u van de ketenregisseur of procesregisseur hebt ontvangen. \
                   Het bestand blijft op dit apparaat: het wordt hier gecontroleerd en getoond, niet verstuurd." }
            </p>
            <div class={classes!("sleepvak", (*dragging).then_some("sleepvak-actief"))}
                {ondragover} {ondragleave} {ondrop}>
                <div class="veld">
                    <label for="bundelbestand">{ "Kies een bundelbestand (.json)" }</label>
                    <span id="bundelbestand-hint" class="hint">{ "Of sleep het bestand naar dit vak." }</span>
                    <input id="bundelbestand" type="file" accept=".json,application/json"
                        aria-describedby="bundelbestand-hint" {onchange} />
                </div>
            </div>
            <div aria-live="polite">{ result }</div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BundleViewProps {
    pub bundle: Rc<VerifiedBundle>,
    /// Per profile (same order), where its code leads in the coordinator's dossiers.
    #[prop_or_default]
    pub lookups: Option<Rc<Vec<Lookup>>>,
}

/// A verified bundle in readable Dutch.
#[function_component(BundleView)]
pub fn bundle_view(p: &BundleViewProps) -> Html {
    let app = use_context::<crate::state::AppContext>();
    let b = &p.bundle;
    let count = b.profiles.len();
    html! {
        <div class="bundel">
            <div class="melding melding-goed" role="status">
                <p><strong>{ "De bundel is echt en onveranderd." }</strong>
                    { " Het formaat, de versie en de controle (SHA-256) kloppen." }</p>
            </div>
            <h2>{ "Over deze bundel" }</h2>
            <dl class="feiten">
                <dt>{ "Afzender" }</dt>
                <dd>{ format!("{}, {}", b.sender.role, b.sender.region_name) }</dd>
                <dt>{ "Ontvanger" }</dt>
                <dd>{ format!("{} ({})", b.recipient.name, b.recipient.id) }</dd>
                <dt>{ "Datum" }</dt>
                <dd>{ vocab::date(b.date) }</dd>
                <dt>{ "Bundel-id" }</dt>
                <dd><code class="hexcode">{ b.bundle_id.clone() }</code></dd>
                <dt>{ "Controle (SHA-256)" }</dt>
                <dd>{ "Klopt " }<code class="hexcode">{ b.digest.clone() }</code></dd>
                <dt>{ "Profielen" }</dt>
                <dd>{ count }</dd>
            </dl>
            { for b.profiles.iter().enumerate().map(|(i, bp)| {
                let readable = readable_profile(&bp.profile);
                let code = bp.code.to_string();
                let heading_id = format!("profiel-{i}");
                let lookup = p.lookups.as_ref().and_then(|l| l.get(i).cloned());
                html! {
                    <article class="kaart profiel" aria-labelledby={heading_id.clone()}>
                        <h3 id={heading_id}>{ "Profiel " }<span class="codelabel">{ code.clone() }</span></h3>
                        { match lookup {
                            None => html! {},
                            Some(Lookup::NotFound) => html! {
                                <p class="melding melding-fout niet-printen">{ "Deze code hoort bij geen van uw dossiers." }</p>
                            },
                            Some(Lookup::Found { id, label }) => {
                                let route = Route::Dossier(id);
                                let onclick = app.clone().map(|app| {
                                    let route = route.clone();
                                    Callback::from(move |e: MouseEvent| {
                                        e.prevent_default();
                                        navigate(&app, route.clone());
                                    })
                                });
                                html! {
                                    <p class="melding niet-printen">{ "Hoort bij: " }
                                        <a href={route.path()} {onclick}>{ label }</a></p>
                                }
                            }
                        } }
                        <table class="profiel-categorieen">
                            <caption>{ format!("Categorieën van profiel {code}") }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Categorie" }</th>
                                    <th scope="col">{ "Niveau of waarde" }</th>
                                    <th scope="col">{ "Toelichting" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for readable.categories.iter().map(|c| html! {
                                    <tr>
                                        <th scope="row">{ c.category }</th>
                                        <td>{ c.value.clone() }</td>
                                        <td>{ c.note.clone().unwrap_or_default() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        <h4>{ "Wensen en afspraken" }</h4>
                        <dl class="feiten">
                            { for readable.facts.iter().map(|l| html! {
                                <>
                                    <dt>{ l.label }</dt>
                                    <dd>{ l.value.clone() }</dd>
                                </>
                            }) }
                        </dl>
                        { match &readable.relapse_plan {
                            None => html! {},
                            Some(plan) => html! {
                                <>
                                    <h4>{ "Terugvalplan: wie doet wat als het misgaat" }</h4>
                                    <p><strong>{ "Signalen: " }</strong>{ plan.signals.clone() }</p>
                                    <ul class="compact">
                                        { for plan.agreements.iter().map(|(party, action)| html! {
                                            <li><strong>{ format!("{party}: ") }</strong>{ action.clone() }</li>
                                        }) }
                                    </ul>
                                </>
                            },
                        } }
                        <h4>{ "Passende woningen van deze corporatie" }</h4>
                        { if bp.matches.is_empty() {
                            html! { <p>{ "Geen passende woning in het aanbod op de datum van de bundel." }</p> }
                        } else {
                            html! {
                                <table class="profiel-matches">
                                    <caption class="visueel-verborgen">{ format!("Passende woningen voor profiel {code}") }</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{ "Woning" }</th>
                                            <th scope="col">{ "Score (0-100)" }</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        { for bp.matches.iter().map(|m| html! {
                                            <tr><td>{ m.dwelling_id.clone() }</td><td>{ m.score }</td></tr>
                                        }) }
                                    </tbody>
                                </table>
                            }
                        } }
                    </article>
                }
            }) }
        </div>
    }
}
