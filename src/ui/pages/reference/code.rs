use leptos::prelude::*;

use crate::catalogue::{
    confusable_neighbours, groups_with, lookup_code, misconceptions_about, scenarios_using,
    status_code, Class, CodeLookup, StatusCode, RANGE_RULE, UNKNOWN_CODE_RULE,
};
use crate::routes::{code_path, Page};
use crate::ui::components::{
    header_row_id, Cite, CodeLink, ExchangeView, MisconceptionList, NotInCatalogue, StatusBadge,
    TryInLab,
};
use crate::ui::use_page_title;

/// `/reference/<code>`: a code's full entry, or a plain explanation of why the URL names none.
/// `raw` is the URL's segment, decoded.
#[component]
pub fn CodePage(raw: String) -> impl IntoView {
    match lookup_code(&raw) {
        CodeLookup::Registered(code) => view! { <CodeEntry code/> }.into_any(),
        CodeLookup::Unassigned { code, class } => view! { <UnassignedCode code class/> }.into_any(),
        CodeLookup::OutOfRange(text) => view! { <OutOfRange text/> }.into_any(),
        CodeLookup::NotANumber(text) => view! { <NotANumber text/> }.into_any(),
    }
}

#[component]
fn CodeEntry(code: &'static StatusCode) -> impl IntoView {
    let heading = format!("{} {}", code.code, code.name);
    use_page_title(&heading);
    let class = crate::catalogue::class(code.class());
    let member = code.code.to_string();
    let groups: Vec<_> = groups_with(&member).collect();
    let neighbours = confusable_neighbours(code.code);
    let scenarios: Vec<_> = scenarios_using(code.code).collect();
    let misconceptions: Vec<_> = misconceptions_about(code.code).collect();

    view! {
        <article class="page code-entry" aria-labelledby="page-heading" data-testid="code-entry">
            <p class="breadcrumb">
                <a href=Page::Reference.path()>"Reference"</a>
                " / "
                {class.map(|c| format!("{} {}", c.label(), c.name))}
            </p>
            <h1 id="page-heading">
                <span class="code-number">{code.code}</span>
                " "
                {code.name}
                <StatusBadge status=code.status/>
            </h1>
            <p class="lead">{code.meaning}</p>
            <p>{code.explanation}</p>
            <dl class="facts">
                <dt>"Defined in"</dt>
                <dd>
                    <Cite cite=code.cite/>
                </dd>
                {(!code.former_names.is_empty())
                    .then(|| {
                        view! {
                            <dt>"Former names"</dt>
                            <dd>{code.former_names.join(", ")}</dd>
                        }
                    })}
                <dt>"Heuristically cacheable"</dt>
                <dd>
                    {if code.cacheable {
                        "Yes: a cache may reuse it without explicit freshness information"
                    } else {
                        "No: a cache reuses it only when cache headers allow it"
                    }}
                </dd>
            </dl>
            {(!code.headers.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="headers-heading">
                            <h2 id="headers-heading">"Headers that go with it"</h2>
                            <div class="table-scroll">
                                <table class="headers-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">"Header"</th>
                                            <th scope="col">"Requirement"</th>
                                            <th scope="col">"What it carries"</th>
                                            <th scope="col">"Section"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {code
                                            .headers
                                            .iter()
                                            .map(|h| {
                                                view! {
                                                    <tr id=header_row_id(h.name)>
                                                        <th scope="row">
                                                            <code>{h.name}</code>
                                                        </th>
                                                        <td>{h.level.label()}</td>
                                                        <td>{h.note}</td>
                                                        <td>
                                                            <Cite cite=h.cite/>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </section>
                    }
                })}
            {code
                .example
                .map(|exchange| {
                    view! {
                        <ExchangeView
                            exchange
                            linked=code.headers.iter().map(|h| h.name).collect()
                        />
                    }
                })}
            {(!neighbours.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="neighbours-heading" data-testid="neighbours">
                            <h2 id="neighbours-heading">"Often confused with"</h2>
                            <ul class="neighbours">
                                {neighbours
                                    .into_iter()
                                    .map(|n| view! { <li><CodeLink code=n/></li> })
                                    .collect_view()}
                            </ul>
                            {groups
                                .into_iter()
                                .map(|g| {
                                    view! {
                                        <div class="group">
                                            <h3>{g.title}</h3>
                                            <p>{g.distinction}</p>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })}
            {(!scenarios.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="scenarios-heading" data-testid="scenarios">
                            <h2 id="scenarios-heading">"Situations where it is the answer"</h2>
                            <ul class="scenarios">
                                {scenarios
                                    .into_iter()
                                    .map(|s| {
                                        let role = if s.best == code.code {
                                            "Best answer"
                                        } else {
                                            "Also defensible"
                                        };
                                        view! {
                                            <li>
                                                <p>
                                                    <strong>{role}</strong>
                                                    ": "
                                                    {s.situation}
                                                </p>
                                                <p class="why">{s.why} " " <Cite cite=s.cite/></p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <TryInLab challenges=crate::lab::challenges_for_code(code.code).collect()/>
            <MisconceptionList items=misconceptions/>
        </article>
    }
}

/// The x00 rule, shared by the pages for numbers that name no registered code.
#[component]
fn RuleNote(rule: &'static crate::catalogue::Rule) -> impl IntoView {
    view! {
        <p class="rule">{rule.text} " " <Cite cite=rule.cite/></p>
    }
}

/// "Browse the full list of codes.", closing each page for a number that names no code.
fn full_list_link() -> impl IntoView {
    view! {
        <p>
            "Browse the " <a href=Page::Reference.path()>"full list of codes"</a> "."
        </p>
    }
}

#[component]
fn UnassignedCode(code: u16, class: &'static Class) -> impl IntoView {
    let fallback = u16::from(class.class) * 100;
    let fallback_name = status_code(fallback).map(|c| c.name).unwrap_or_default();
    let heading = format!("{code} is not a registered status code");
    view! {
        <NotInCatalogue title=heading.clone() heading=heading>
            <p class="lead">
                {format!(
                    "{code} lies in the valid range, in the {} {} class, but no specification defines it. A client that receives it treats it as {fallback} {fallback_name}.",
                    class.label(),
                    class.name,
                )}
            </p>
            <RuleNote rule=&UNKNOWN_CODE_RULE/>
            <p>
                "See " <CodeLink code=fallback/> " and the " <a href=Page::Reference.path()>"full list of codes"</a> "."
            </p>
        </NotInCatalogue>
    }
}

#[component]
fn OutOfRange(text: String) -> impl IntoView {
    view! {
        <NotInCatalogue title="Not a status code".to_string() heading=format!("{text} is not a status code")>
            <p class="lead">
                "Every valid HTTP status code is a three-digit number from 100 to 599. This one is outside that range, so no server should send it."
            </p>
            <RuleNote rule=&RANGE_RULE/>
            {full_list_link()}
        </NotInCatalogue>
    }
}

#[component]
fn NotANumber(text: String) -> impl IntoView {
    view! {
        <NotInCatalogue title="Not a status code".to_string() heading="That is not a status code".to_string()>
            <p class="lead">
                "The address names “" <code>{text}</code>
                "”, but a status code is a three-digit number from 100 to 599, such as "
                <a href=code_path(404)>"404"</a> "."
            </p>
            {full_list_link()}
        </NotInCatalogue>
    }
}
