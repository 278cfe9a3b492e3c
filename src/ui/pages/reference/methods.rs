use leptos::prelude::*;

use crate::catalogue::{
    groups_with, method, misconceptions_about_method, Cacheability, Method, METHODS,
};
use crate::routes::{method_path, methods_path, Page};
use crate::ui::components::{Cite, CodeLink, ExchangeView, MisconceptionList, NotInCatalogue};
use crate::ui::use_page_title;

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn cacheable_text(c: Cacheability) -> &'static str {
    match c {
        Cacheability::Yes => "Yes",
        Cacheability::No => "No",
        Cacheability::Qualified(phrase) => phrase,
    }
}

/// `/reference/methods`: the nine methods and their three properties.
#[component]
pub fn MethodsPage() -> impl IntoView {
    use_page_title("Methods");
    view! {
        <section class="page methods" aria-labelledby="page-heading">
            <p class="breadcrumb">
                <a href=Page::Reference.path()>"Reference"</a>
            </p>
            <h1 id="page-heading">"Methods"</h1>
            <p class="lead">
                "Safe means the request asks for nothing to change on the server. Idempotent means sending it twice has the same intended effect as sending it once. Cacheable means a response may be stored and reused."
            </p>
            <div class="table-scroll">
                <table class="methods-table" data-testid="methods-table">
                    <caption>"Properties of the request methods (RFC 9110 §9.2, RFC 5789 §2)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Method"</th>
                            <th scope="col">"Safe"</th>
                            <th scope="col">"Idempotent"</th>
                            <th scope="col">"Cacheable"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {METHODS
                            .iter()
                            .map(|m| {
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=method_path(m.name)>
                                                <code>{m.name}</code>
                                            </a>
                                        </th>
                                        <td>{yes_no(m.safe)}</td>
                                        <td>{yes_no(m.idempotent)}</td>
                                        <td>{cacheable_text(m.cacheable)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// `/reference/methods/<name>`: one method in full, or a note that the name is not a method.
/// `raw` is the URL's segment, decoded.
#[component]
pub fn MethodPage(raw: String) -> impl IntoView {
    match method(&raw) {
        Some(m) => view! { <MethodEntry method=m/> }.into_any(),
        None => view! { <UnknownMethod name=raw/> }.into_any(),
    }
}

fn code_links(codes: &'static [u16]) -> impl IntoView {
    view! {
        <ul class="inline-list">
            {codes.iter().map(|&c| view! { <li><CodeLink code=c/></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn MethodEntry(method: &'static Method) -> impl IntoView {
    use_page_title(method.name);
    let groups: Vec<_> = groups_with(method.name).collect();
    let myths: Vec<_> = misconceptions_about_method(method.name).collect();
    view! {
        <article class="page method-entry" aria-labelledby="page-heading" data-testid="method-entry">
            <p class="breadcrumb">
                <a href=Page::Reference.path()>"Reference"</a>
                " / "
                <a href=methods_path()>"Methods"</a>
            </p>
            <h1 id="page-heading">
                <code>{method.name}</code>
            </h1>
            <p class="lead">{method.summary}</p>
            <dl class="facts">
                <dt>"Safe"</dt>
                <dd>{yes_no(method.safe)}</dd>
                <dt>"Idempotent"</dt>
                <dd>{yes_no(method.idempotent)}</dd>
                <dt>"Cacheable"</dt>
                <dd>{cacheable_text(method.cacheable)}</dd>
                <dt>"Properties stated in"</dt>
                <dd>
                    <Cite cite=method.properties_cite/>
                </dd>
                <dt>"Defined in"</dt>
                <dd>
                    <Cite cite=method.cite/>
                </dd>
            </dl>
            <p>{method.explanation}</p>
            <h2>"Request content"</h2>
            <p>{method.request_content}</p>
            <h2>"Typical success responses"</h2>
            {code_links(method.success)}
            <h2>"Typical error responses"</h2>
            {code_links(method.errors)}
            {method.example.map(|exchange| view! { <ExchangeView exchange linked=Vec::new()/> })}
            <crate::ui::components::TryInLab challenges=crate::lab::challenges_for_method(method.name).collect()/>
            {groups
                .into_iter()
                .map(|g| {
                    view! {
                        <section class="group">
                            <h2>{g.title}</h2>
                            <p>{g.distinction}</p>
                            <ul>
                                {g
                                    .tells
                                    .iter()
                                    .map(|(member, tell)| {
                                        view! {
                                            <li>
                                                <strong>{*member}</strong>
                                                ": "
                                                {*tell}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
            <MisconceptionList items=myths/>
        </article>
    }
}

#[component]
fn UnknownMethod(name: String) -> impl IntoView {
    view! {
        <NotInCatalogue title="Not a method".to_string() heading="That is not one of the nine methods".to_string()>
            <p class="lead">
                "The address names “" <code>{name}</code> "”. The methods this app teaches are:"
            </p>
            <ul class="inline-list">
                {METHODS
                    .iter()
                    .map(|m| view! { <li><a href=method_path(m.name)><code>{m.name}</code></a></li> })
                    .collect_view()}
            </ul>
        </NotInCatalogue>
    }
}
