//! The processing register, rendered from the core's data (never retyped here).

use woonkans_core::register::{register, required_gates};
use yew::prelude::*;

#[function_component(PrivacyPage)]
pub fn privacy_page() -> Html {
    html! {
        <section aria-labelledby="pagina-titel">
            <h1 id="pagina-titel">{ "Privacy" }</h1>
            <p class="inleiding">
                { "Woonkans verwerkt per stap alleen de gegevens die die stap nodig heeft (dosering en fasering, AVG). \
                   Dit overzicht komt rechtstreeks uit het verwerkingsregister van de app: wat hier staat, dwingt de app ook af." }
            </p>
            <table class="register">
                <caption>{ "Verwerkingsregister per stap van de routeplanner" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Stap" }</th>
                        <th scope="col">{ "Wie verwerkt" }</th>
                        <th scope="col">{ "Persoonsgegevens" }</th>
                        <th scope="col">{ "Grondslag" }</th>
                        <th scope="col">{ "Doel" }</th>
                        <th scope="col">{ "Poort vooraf" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for register().iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ format!("{} {}", row.step.number(), row.step.dutch()) }</th>
                            <td>{ row.processor }<br/><span class="hint">{ format!("ontvanger: {}", row.recipient.dutch()) }</span></td>
                            <td>
                                <ul class="compact">
                                    { for row.categories.iter().map(|c| html! {
                                        <li>
                                            { c.dutch() }
                                            { if c.special_category() { html! { <span class="label">{ " bijzonder (art. 9)" }</span> } } else { html! {} } }
                                        </li>
                                    }) }
                                </ul>
                                { if row.coded { html! { <p class="label">{ "onder een unieke code, zonder direct herleidbare gegevens" }</p> } } else { html! {} } }
                            </td>
                            <td>
                                { row.grondslag_text }
                                <ul class="compact">
                                    { for row.grondslagen.iter().map(|g| html! { <li>{ format!("{} ({})", g.dutch(), g.article()) }</li> }) }
                                </ul>
                            </td>
                            <td>{ row.doel }</td>
                            <td>
                                <ul class="compact">
                                    { for required_gates(row.step).iter().map(|g| html! { <li>{ g.dutch() }</li> }) }
                                </ul>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
