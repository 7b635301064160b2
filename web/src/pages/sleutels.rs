//! "Sleutels en adresboek": the vault's own keys and key card, renewing them, and the contact
//! book of other organisations' cards (import, confirm the fingerprint, link an association,
//! remove). Every decision is the core's (`Workspace::create_keys`, `renew_keys`, `import_card`,
//! `confirm_contact`, `link_contact`, `remove_contact`); the wording of rows and outcomes is in
//! `woonkans_views::contacts`.

use crate::browser;
use crate::components::files::first_file;
use crate::components::form::{ErrorSummary, SelectField, TextField, value_of};
use crate::state::{try_change, use_app};
use woonkans_core::Error;
use woonkans_core::keys::{self, Fingerprint};
use woonkans_views::contacts::{
    ContactRow, ImportOutcome, KeysForm, OLD_KEY_GONE, association_options, contact_rows,
    import_outcome, own_card, region_name, renewal_recipients, role_options,
};
use woonkans_views::select::key;
use yew::prelude::*;

/// Moves the focus to an element once the render that shows it is done. Each request is new,
/// so the same message refused twice still takes the focus the second time.
#[hook]
fn use_focus_after_render() -> Callback<&'static str> {
    let request = use_state(|| (0u32, ""));
    use_effect_with(*request, |(n, id)| {
        if *n > 0 {
            browser::focus(id);
        }
    });
    Callback::from(move |id: &'static str| request.set((request.0.wrapping_add(1), id)))
}

/// What happened to the own keys, shown above the card.
#[derive(Clone, PartialEq)]
enum Notice {
    Made,
    Downloaded(String),
    Failed(String),
    /// New keys; the organisations that must get the new card.
    Renewed(Vec<String>),
}

const NOTICE_ID: &str = "sleutels-melding";

#[function_component(SleutelsPage)]
pub fn sleutels_page() -> Html {
    let app = use_app();
    let notice = use_state(|| None::<Notice>);
    let focus = use_focus_after_render();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let tell = {
        let notice = notice.clone();
        Callback::from(move |n: Notice| {
            let takes_focus = matches!(n, Notice::Made | Notice::Renewed(_));
            notice.set(Some(n));
            if takes_focus {
                focus.emit(NOTICE_ID);
            }
        })
    };
    let has_keys = ws.parties().keys().is_some();
    html! {
        <section aria-labelledby="pagina-titel" class="sleutels">
            <h1 id="pagina-titel" class="niet-printen">{ "Sleutels en adresboek" }</h1>
            <p class="inleiding niet-printen">
                { "Met uw sleutels ondertekent u de enveloppen die u naar andere organisaties stuurt, en alleen de ontvanger kan ze openen. \
                   Uw geheime sleutel verlaat de versleutelde kluis nooit; hij zit wel in de back-up." }
            </p>
            { match (*notice).clone() {
                None => html! {},
                Some(n) => notice_view(n),
            } }
            if has_keys {
                <OwnKeyCard on_notice={tell.clone()} />
                <RenewKeys on_notice={tell.clone()} />
            } else {
                <CreateKeys on_notice={tell.clone()} />
            }
            <AddressBook />
        </section>
    }
}

fn notice_view(n: Notice) -> Html {
    match n {
        Notice::Made => html! {
            <p id={NOTICE_ID} class="melding melding-goed niet-printen" role="status" tabindex="-1">
                { "Uw sleutels zijn gemaakt. Download of print hieronder uw sleutelkaart en stuur die naar de organisaties waarmee u werkt." }
            </p>
        },
        Notice::Downloaded(name) => html! {
            <p id={NOTICE_ID} class="melding melding-goed niet-printen" role="status" tabindex="-1">
                { "De sleutelkaart is gedownload als " }<code>{ name }</code>{ "." }
            </p>
        },
        Notice::Failed(msg) => html! {
            <p id={NOTICE_ID} class="melding melding-fout niet-printen" role="alert" tabindex="-1">{ msg }</p>
        },
        Notice::Renewed(recipients) => html! {
            <div id={NOTICE_ID} class="melding melding-let-op niet-printen" role="status" tabindex="-1">
                <p><strong>{ "Er zijn nieuwe sleutels gemaakt." }</strong>{ " " }{ OLD_KEY_GONE }</p>
                if recipients.is_empty() {
                    <p>{ "U had nog geen bevestigde contacten. Stuur uw nieuwe sleutelkaart naar elke organisatie waarmee u enveloppen gaat uitwisselen." }</p>
                } else {
                    <p>{ "Stuur uw nieuwe sleutelkaart naar deze organisaties; zij bevestigen de nieuwe vingerafdruk met u aan de telefoon:" }</p>
                    <ul class="vernieuwd-naar">
                        { for recipients.into_iter().map(|r| html! { <li>{ r }</li> }) }
                    </ul>
                }
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    on_notice: Callback<Notice>,
}

const FORM_PREFIX: &str = "sleutels";

#[function_component(CreateKeys)]
fn create_keys(p: &NoticeProps) -> Html {
    let app = use_app();
    let form = use_state(KeysForm::default);
    let error = use_state(|| None::<Error>);
    let focus = use_focus_after_render();
    let edit = |f: fn(&mut KeysForm, &str)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, &v);
            form.set(next);
        })
    };
    let onsubmit = {
        let (app, form, error, on_notice) = (
            app.clone(),
            form.clone(),
            error.clone(),
            p.on_notice.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let identity = form.identity(app.region());
            match try_change(&app, |ws| {
                ws.create_keys(identity, browser::today(), browser::random_bytes::<64>())
            }) {
                Ok(()) => on_notice.emit(Notice::Made),
                Err(e) => {
                    error.set(Some(e));
                    focus.emit("foutsamenvatting-sleutels");
                }
            }
        })
    };
    let field_of = |e: &Error| format!("{FORM_PREFIX}-{}", e.field.as_deref().unwrap_or("role"));
    let summary: Vec<(String, String)> = error
        .iter()
        .map(|e| (field_of(e), e.message.clone()))
        .collect();
    let err = |field: &str| {
        error
            .as_ref()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| e.message.clone())
    };
    let f = &*form;
    html! {
        <section class="kaart niet-printen" aria-labelledby="sleutels-maken">
            <h2 id="sleutels-maken">{ "Sleutels maken" }</h2>
            <p>{ "Deze kluis heeft nog geen sleutels. Vul in voor welke organisatie u werkt; dat komt op uw sleutelkaart, die andere organisaties van u krijgen." }</p>
            <ErrorSummary id="foutsamenvatting-sleutels" errors={summary} />
            <form {onsubmit} novalidate=true>
                <SelectField id="sleutels-role" label="Rol" options={role_options()} value={key(&f.role)}
                    onchange={edit(KeysForm::set_role)} />
                <TextField id="sleutels-organisation" label="Naam van uw organisatie"
                    value={f.organisation.clone()} error={err("organisation")} autocomplete={Some(AttrValue::from("organization"))}
                    oninput={Some(edit(KeysForm::set_organisation))} />
                <TextField id="sleutels-organisationId" label="Code van uw organisatie"
                    hint="Kleine letters, cijfers en streepjes; voorgesteld uit de naam. Een woningcorporatie gebruikt de code die de regisseur in het aanbod heeft."
                    value={f.organisation_id.clone()} error={err("organisationId")}
                    oninput={Some(edit(KeysForm::set_organisation_id))} />
                <p>{ "Regio: " }<strong>{ region_name(app.region()) }</strong>
                    <span class="hint">{ " (de regio van deze kluis)" }</span></p>
                <button type="submit" class="knop">{ "Sleutels maken" }</button>
            </form>
        </section>
    }
}

#[function_component(OwnKeyCard)]
fn own_key_card(p: &NoticeProps) -> Html {
    let app = use_app();
    let Some(keys) = app.workspace().and_then(|ws| ws.parties().keys()) else {
        return html! {};
    };
    let card = own_card(keys);
    let download = {
        let (app, on_notice) = (app.clone(), p.on_notice.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ws) = app.workspace() else { return };
            on_notice.emit(
                match ws
                    .own_card_file()
                    .map_err(|e| e.message)
                    .and_then(|(name, text)| {
                        browser::download(&name, text.as_bytes(), "application/json").map(|()| name)
                    }) {
                    Ok(name) => Notice::Downloaded(name),
                    Err(msg) => Notice::Failed(msg),
                },
            );
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="kaart sleutelkaart" aria-labelledby="mijn-sleutelkaart">
            <h2 id="mijn-sleutelkaart">{ "Mijn sleutelkaart" }</h2>
            <dl class="feiten">
                <dt>{ "Rol" }</dt><dd>{ card.role }</dd>
                <dt>{ "Organisatie" }</dt>
                <dd>{ card.organisation.clone() }{ " " }<span class="hint">{ format!("(code {})", card.organisation_id) }</span></dd>
                <dt>{ "Regio" }</dt><dd>{ card.region.clone() }</dd>
                <dt>{ "Gemaakt op" }</dt><dd>{ card.created.clone() }</dd>
            </dl>
            <h3 class="vingerafdruk-kop">{ "Vingerafdruk" }</h3>
            <p class="vingerafdruk">
                { for card.groups.iter().enumerate().map(|(i, g)| html! {
                    <>
                        if i > 0 { { " " } }
                        <span class="vingerafdruk-groep">{ g.clone() }</span>
                    </>
                }) }
            </p>
            <p>{ "Stuur deze kaart naar de andere organisaties. Zij bellen u en controleren de vingerafdruk: lees hem dan voor, groep voor groep. \
                  Pas daarna kunnen zij enveloppen met u uitwisselen." }</p>
            <div class="knoppen-rij niet-printen">
                <button type="button" class="knop" onclick={download}>{ "Sleutelkaart downloaden" }</button>
                <button type="button" class="knop knop-secundair" onclick={print}>{ "Afdrukken" }</button>
            </div>
        </section>
    }
}

#[function_component(RenewKeys)]
fn renew_keys(p: &NoticeProps) -> Html {
    let app = use_app();
    let confirming = use_state(|| false);
    let error = use_state(|| None::<String>);
    let focus = use_focus_after_render();
    let open = {
        let (confirming, error, focus) = (confirming.clone(), error.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            confirming.set(true);
            focus.emit("vernieuwen-titel");
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let renew = {
        let (app, confirming, error, on_notice) = (
            app.clone(),
            confirming.clone(),
            error.clone(),
            p.on_notice.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            match try_change(&app, |ws| {
                ws.renew_keys(browser::today(), browser::random_bytes::<64>())
            }) {
                Ok(must_get) => {
                    confirming.set(false);
                    on_notice.emit(Notice::Renewed(renewal_recipients(&must_get)));
                }
                Err(e) => {
                    error.set(Some(e.message));
                    focus.emit("vernieuwen-fout");
                }
            }
        })
    };
    html! {
        <section class="niet-printen" aria-labelledby="nieuwe-sleutels">
            <h2 id="nieuwe-sleutels">{ "Nieuwe sleutels maken" }</h2>
            <p>{ "Maak nieuwe sleutels als een apparaat met deze kluis kwijt is, of als iemand die de kluis kon openen vertrekt. \
                  Daarna heeft elke organisatie uw nieuwe sleutelkaart nodig." }</p>
            if *confirming {
                <div class="kaart gevaar" role="group" aria-labelledby="vernieuwen-titel">
                    <h3 id="vernieuwen-titel" tabindex="-1">{ "Echt nieuwe sleutels maken?" }</h3>
                    <p>{ "Uw huidige sleutels worden vervangen. " }{ OLD_KEY_GONE }
                       { " Organisaties nemen uw enveloppen pas weer aan als zij de nieuwe vingerafdruk met u hebben bevestigd." }</p>
                    if let Some(msg) = (*error).clone() {
                        <p id="vernieuwen-fout" class="melding melding-fout" role="alert" tabindex="-1">{ msg }</p>
                    }
                    <div class="knoppen-rij">
                        <button type="button" class="knop knop-gevaar" onclick={renew}>{ "Ja, nieuwe sleutels maken" }</button>
                        <button type="button" class="knop knop-secundair" onclick={cancel}>{ "Annuleren" }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="knop knop-secundair" onclick={open}>
                    { "Nieuwe sleutels maken…" }
                </button>
            }
        </section>
    }
}

/// The latest outcome in the address book: imports, confirmations, links, removals.
#[derive(Clone, PartialEq)]
enum BookMessage {
    Done(String),
    /// A changed key: said with more weight than a plain success.
    Attention(String),
    Refused(String),
}

const BOOK_MESSAGE_ID: &str = "adresboek-uitkomst";

#[function_component(AddressBook)]
fn address_book() -> Html {
    let app = use_app();
    let message = use_state(|| None::<BookMessage>);
    let confirming = use_state(|| None::<Fingerprint>);
    let removing = use_state(|| None::<Fingerprint>);
    let focus = use_focus_after_render();
    let Some(ws) = app.workspace() else {
        return html! {};
    };
    let say = {
        let (message, focus) = (message.clone(), focus.clone());
        Callback::from(move |m: BookMessage| {
            message.set(Some(m));
            focus.emit(BOOK_MESSAGE_ID);
        })
    };
    let onchange = {
        let (app, say) = (app.clone(), say.clone());
        Callback::from(move |e: Event| {
            let Some(file) = first_file(&e) else { return };
            // The same file may be chosen again (after the organisation sent a corrected one).
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value("");
            }
            let (app, say) = (app.clone(), say.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match browser::read_file(file, keys::MAX_CARD_BYTES).await {
                    Ok(b) => b,
                    Err(msg) => return say.emit(BookMessage::Refused(msg)),
                };
                // After the read: the change starts from the workspace as it is now.
                say.emit(
                    match try_change(&app, |ws| ws.import_card(&bytes, None, browser::today())) {
                        Ok(imported) => match import_outcome(&bytes, &imported) {
                            ImportOutcome {
                                message,
                                changed_key: true,
                            } => BookMessage::Attention(message),
                            ImportOutcome { message, .. } => BookMessage::Done(message),
                        },
                        Err(e) => BookMessage::Refused(e.message),
                    },
                );
            });
        })
    };
    let rows = contact_rows(ws);
    let associations = association_options(ws);
    let start_confirm = |fp: Fingerprint| {
        let (confirming, removing) = (confirming.clone(), removing.clone());
        Callback::from(move |_: MouseEvent| {
            removing.set(None);
            confirming.set(Some(fp));
        })
    };
    let start_remove = |fp: Fingerprint| {
        let (confirming, removing) = (confirming.clone(), removing.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(None);
            removing.set(Some(fp));
        })
    };
    let link = |row: &ContactRow| {
        let (app, say, fp, organisation) = (
            app.clone(),
            say.clone(),
            row.fingerprint,
            row.organisation.clone(),
        );
        Callback::from(move |e: Event| {
            let id = value_of(&e);
            if id.is_empty() {
                return;
            }
            say.emit(match try_change(&app, |ws| ws.link_contact(fp, &id)) {
                Ok(()) => {
                    let name = app
                        .workspace()
                        .and_then(|ws| ws.offer().association(&id))
                        .map_or(id.clone(), |a| a.name.clone());
                    BookMessage::Done(format!(
                        "De sleutelkaart van {organisation} hoort nu bij {name} uit het aanbod."
                    ))
                }
                Err(e) => BookMessage::Refused(e.message),
            });
        })
    };
    let close = {
        let (confirming, removing, say) = (confirming.clone(), removing.clone(), say.clone());
        Callback::from(move |done: Option<BookMessage>| {
            confirming.set(None);
            removing.set(None);
            if let Some(m) = done {
                say.emit(m);
            }
        })
    };
    let panel = match (*confirming, *removing) {
        (Some(fp), _) => rows.iter().find(|r| r.fingerprint == fp).map(|r| {
            html! { <ConfirmFingerprint key={r.fingerprint_text.clone()} fingerprint={fp}
            organisation={r.organisation.clone()} onclose={close.clone()} /> }
        }),
        (None, Some(fp)) => rows.iter().find(|r| r.fingerprint == fp).map(|r| {
            html! { <RemoveContact key={r.fingerprint_text.clone()} fingerprint={fp}
            organisation={r.organisation.clone()} onclose={close.clone()} /> }
        }),
        (None, None) => None,
    };
    html! {
        <section class="niet-printen adresboek" aria-labelledby="adresboek">
            <h2 id="adresboek">{ "Adresboek" }</h2>
            <p>{ "De sleutelkaarten van organisaties waarmee u enveloppen uitwisselt. Een kaart telt pas als u de vingerafdruk aan de telefoon met de organisatie hebt bevestigd." }</p>
            <div class="veld">
                <label for="sleutelkaartbestand">{ "Sleutelkaart importeren" }</label>
                <span id="sleutelkaartbestand-hint" class="hint">{ "Kies het bestand (.json) dat de andere organisatie u stuurde." }</span>
                <input id="sleutelkaartbestand" type="file" accept=".json,application/json"
                    aria-describedby="sleutelkaartbestand-hint" {onchange} />
            </div>
            <div class="adresboek-melding" aria-live="polite">
                { match (*message).clone() {
                    None => html! {},
                    Some(BookMessage::Done(m)) => html! {
                        <p id={BOOK_MESSAGE_ID} class="melding melding-goed" tabindex="-1">{ m }</p>
                    },
                    Some(BookMessage::Attention(m)) => html! {
                        <p id={BOOK_MESSAGE_ID} class="melding melding-let-op" tabindex="-1">{ m }</p>
                    },
                    Some(BookMessage::Refused(m)) => html! {
                        <p id={BOOK_MESSAGE_ID} class="melding melding-fout" tabindex="-1">{ m }</p>
                    },
                } }
            </div>
            if rows.is_empty() {
                <p class="melding">{ "Er staan nog geen sleutelkaarten in het adresboek." }</p>
            } else {
                <table class="adresboek-tabel stapel">
                    <caption>{ format!("Sleutelkaarten ({})", rows.len()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Organisatie" }</th>
                            <th scope="col">{ "Rol" }</th>
                            <th scope="col">{ "Regio" }</th>
                            <th scope="col">{ "Vingerafdruk" }</th>
                            <th scope="col">{ "Status" }</th>
                            <th scope="col">{ "Corporatie in het aanbod" }</th>
                            <th scope="col"><span class="visueel-verborgen">{ "Acties" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(i, r)| {
                            let select_id = format!("koppeling-{i}");
                            html! {
                                <tr class={classes!((!r.confirmed).then_some("onbevestigd"))}>
                                    <th scope="row">{ r.organisation.clone() }</th>
                                    <td data-label="Rol">{ r.role }</td>
                                    <td data-label="Regio">{ r.region.clone() }</td>
                                    <td data-label="Vingerafdruk"><code class="hexcode">{ r.fingerprint_text.clone() }</code></td>
                                    <td data-label="Status">
                                        <span class={classes!("status", if r.confirmed { "status-bevestigd" } else { "status-open" })}>{ r.status }</span>
                                        if r.replaces_confirmed {
                                            <br/><span class="hint">{ "Nieuwe sleutel; de oude blijft in gebruik tot u deze bevestigt." }</span>
                                        }
                                    </td>
                                    <td data-label="Corporatie in het aanbod">
                                        if r.links_to_offer {
                                            <label for={select_id.clone()} class="visueel-verborgen">
                                                { format!("Corporatie uit het aanbod bij de kaart van {}", r.organisation) }
                                            </label>
                                            <select id={select_id} onchange={link(r)}>
                                                { for associations.iter().map(|(v, l)| html! {
                                                    <option value={v.clone()}
                                                        selected={r.association_id.as_deref().unwrap_or("") == v}
                                                        disabled={v.is_empty()}>{ l.clone() }</option>
                                                }) }
                                            </select>
                                            if r.association_gone {
                                                <br/><span class="hint">{ "De gekoppelde corporatie staat niet meer in het aanbod." }</span>
                                            }
                                        } else {
                                            <span class="hint">{ "Niet van toepassing" }</span>
                                        }
                                    </td>
                                    <td data-label="Acties">
                                        <div class="knoppen-rij geen-marge">
                                            if !r.confirmed {
                                                <button type="button" class="knop knop-klein" onclick={start_confirm(r.fingerprint)}>
                                                    { "Vingerafdruk bevestigen" }
                                                    <span class="visueel-verborgen">{ format!(" van {}", r.organisation) }</span>
                                                </button>
                                            }
                                            <button type="button" class="knop knop-secundair knop-klein" onclick={start_remove(r.fingerprint)}>
                                                { "Verwijderen" }
                                                <span class="visueel-verborgen">{ format!(": {}", r.organisation) }</span>
                                            </button>
                                        </div>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            { for panel }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ContactPanelProps {
    fingerprint: Fingerprint,
    organisation: String,
    /// Closes the panel, with the message to show when something changed.
    onclose: Callback<Option<BookMessage>>,
}

const TYPED_ID: &str = "vingerafdruk-invoer";
const TYPED_ERROR_ID: &str = "vingerafdruk-invoer-fout";

#[function_component(ConfirmFingerprint)]
fn confirm_fingerprint(p: &ContactPanelProps) -> Html {
    let app = use_app();
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    let focus = use_focus_after_render();
    // The panel opened below the table: the field to type in takes the focus.
    use_effect_with((), |()| browser::focus(TYPED_ID));
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(value_of(&e.into())))
    };
    let onsubmit = {
        let (app, typed, error, fp, organisation, onclose) = (
            app.clone(),
            typed.clone(),
            error.clone(),
            p.fingerprint,
            p.organisation.clone(),
            p.onclose.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match try_change(&app, |ws| ws.confirm_contact(fp, &typed)) {
                Ok(()) => onclose.emit(Some(BookMessage::Done(format!(
                    "De vingerafdruk van {organisation} is bevestigd. U kunt nu enveloppen met {organisation} uitwisselen."
                )))),
                Err(e) => {
                    error.set(Some(e.message));
                    focus.emit(TYPED_ERROR_ID);
                }
            }
        })
    };
    let cancel = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(None))
    };
    let described = if error.is_some() {
        format!("{TYPED_ID}-hint {TYPED_ERROR_ID}")
    } else {
        format!("{TYPED_ID}-hint")
    };
    html! {
        <form class="kaart bewerkpaneel" {onsubmit} novalidate=true aria-labelledby="bevestigen-titel">
            <h3 id="bevestigen-titel">{ format!("Vingerafdruk bevestigen: {}", p.organisation) }</h3>
            <p>{ format!("Bel {} op een nummer dat u al kende, niet op een nummer dat bij de kaart werd meegestuurd. \
                          Vraag of zij de vingerafdruk op hun sleutelkaart voorlezen, en typ wat u hoort.", p.organisation) }</p>
            <div class={classes!("veld", error.is_some().then_some("veld-fout"))}>
                <label for={TYPED_ID}>{ "Vingerafdruk zoals de organisatie die voorleest" }</label>
                <span id={format!("{TYPED_ID}-hint")} class="hint">{ "Acht groepen van vier tekens. Streepjes, spaties en hoofdletters maken niet uit." }</span>
                if let Some(msg) = (*error).clone() {
                    <p id={TYPED_ERROR_ID} class="foutmelding" role="alert" tabindex="-1">{ msg }</p>
                }
                <input id={TYPED_ID} type="text" autocomplete="off" spellcheck="false"
                    value={(*typed).clone()} aria-describedby={described}
                    aria-invalid={error.is_some().then_some("true")} {oninput} />
            </div>
            <div class="knoppen-rij">
                <button type="submit" class="knop">{ "Bevestigen" }</button>
                <button type="button" class="knop knop-secundair" onclick={cancel}>{ "Annuleren" }</button>
            </div>
        </form>
    }
}

#[function_component(RemoveContact)]
fn remove_contact(p: &ContactPanelProps) -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let focus = use_focus_after_render();
    use_effect_with((), |()| browser::focus("kaart-verwijderen-titel"));
    let remove = {
        let (app, error, fp, organisation, onclose) = (
            app.clone(),
            error.clone(),
            p.fingerprint,
            p.organisation.clone(),
            p.onclose.clone(),
        );
        Callback::from(
            move |_: MouseEvent| match try_change(&app, |ws| ws.remove_contact(fp)) {
                Ok(()) => onclose.emit(Some(BookMessage::Done(format!(
                    "De sleutelkaart van {organisation} is uit het adresboek verwijderd."
                )))),
                Err(e) => {
                    error.set(Some(e.message));
                    focus.emit("kaart-verwijderen-fout");
                }
            },
        )
    };
    let cancel = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(None))
    };
    html! {
        <div class="kaart gevaar" role="group" aria-labelledby="kaart-verwijderen-titel">
            <h3 id="kaart-verwijderen-titel" tabindex="-1">{ format!("Sleutelkaart van {} verwijderen?", p.organisation) }</h3>
            <p>{ format!("Daarna kunt u geen enveloppen meer naar {0} sturen of van {0} openen, tot u hun kaart opnieuw importeert en de vingerafdruk bevestigt.", p.organisation) }</p>
            if let Some(msg) = (*error).clone() {
                <p id="kaart-verwijderen-fout" class="melding melding-fout" role="alert" tabindex="-1">{ msg }</p>
            }
            <div class="knoppen-rij">
                <button type="button" class="knop knop-gevaar" onclick={remove}>{ "Definitief verwijderen" }</button>
                <button type="button" class="knop knop-secundair" onclick={cancel}>{ "Annuleren" }</button>
            </div>
        </div>
    }
}
