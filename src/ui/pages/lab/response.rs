//! The answer to the exchange shown: the response as HTTP/1.1 text, why the server answered
//! so (each reason with its section), and what each header is for.

use leptos::prelude::*;

use super::LabState;
use crate::ui::components::Cite;

/// The response of the exchange shown, with its explanation; and the live line that says what
/// the last action did.
#[component]
pub fn ResponseView(state: LabState) -> impl IntoView {
    let exchange = Memo::new(move |_| {
        let i = state.shown.get()?;
        state
            .session
            .with(|s| s.exchanges().get(i).cloned().map(|x| (i, x)))
    });
    view! {
        <section class="lab-response" aria-labelledby="response-heading" data-testid="lab-response">
            <h2 id="response-heading">"Response"</h2>
            <p role="status" class="lab-news" data-testid="lab-news">{move || state.news.get()}</p>
            {move || match exchange.get() {
                None => view! { <p class="hint">"Send a request to see the server’s answer here."</p> }.into_any(),
                Some((i, x)) => {
                    let notes = x.header_notes();
                    view! {
                        <p class="hint">{format!("Answer to request {}.", i + 1)}</p>
                        <pre class="http" data-testid="lab-response-text"><code>{x.response()}</code></pre>
                        <h3>"Why this answer"</h3>
                        <ul class="lab-why" data-testid="lab-why">
                            {x
                                .why()
                                .iter()
                                .map(|n| view! { <li>{n.text.clone()} " " <Cite cite=n.cite/></li> })
                                .collect_view()}
                        </ul>
                        {(!notes.is_empty())
                            .then(|| {
                                view! {
                                    <h3>"What each header is for"</h3>
                                    <dl class="lab-notes">
                                        {notes
                                            .into_iter()
                                            .map(|h| {
                                                view! {
                                                    <dt><code>{h.name}</code></dt>
                                                    <dd>{h.text} " " <Cite cite=h.cite/></dd>
                                                }
                                            })
                                            .collect_view()}
                                    </dl>
                                }
                            })}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
