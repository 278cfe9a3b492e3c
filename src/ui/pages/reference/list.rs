use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::catalogue::{search, ClassFilter, StatusCode, CLASSES, RANGE_RULE, UNKNOWN_CODE_RULE};
use crate::routes::{code_path, method_path, methods_path, reference_search_path, Page};
use crate::ui::components::{Cite, StatusBadge};
use crate::ui::use_page_title;

/// `/reference`: every code grouped by class, with a search box and a class filter.
#[component]
pub fn ReferencePage() -> impl IntoView {
    use_page_title(Page::Reference.label());
    // The search lives in the URL (`?q=…&class=…`): Back and a shared link restore it.
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    let filter = Memo::new(move |_| {
        params.with(|p| {
            p.get("class")
                .map(|c| ClassFilter::from_id(&c))
                .unwrap_or_default()
        })
    });
    let navigate = use_navigate();
    let search_for = move |q: String, f: ClassFilter| {
        navigate(
            &reference_search_path(&q, &f.id()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let search_for_class = search_for.clone();
    let found = Memo::new(move |_| search(&query.get(), filter.get()));
    let results = Memo::new(move |_| found.with(|f| f.codes.clone()));
    let methods = Memo::new(move |_| found.with(|f| f.methods.clone()));

    let count_text = move || {
        let codes = match results.with(Vec::len) {
            0 => "No code matches".to_string(),
            1 => "1 code matches".to_string(),
            n => format!("{n} codes match"),
        };
        match methods.with(Vec::len) {
            0 if results.with(Vec::is_empty) => {
                "Nothing matches. Try a number such as 404, a class such as 4xx, or a word such as \"conflict\" or \"idempotent\".".to_string()
            }
            0 => format!("{codes}."),
            1 => format!("{codes}, and 1 method."),
            n => format!("{codes}, and {n} methods."),
        }
    };

    view! {
        <section class="page reference" aria-labelledby="page-heading">
            <h1 id="page-heading">"Reference"</h1>
            <p class="lead">
                "Every status code in the IANA registry, checked against RFC 9110 and the documents that define the rest. "
                "For the request methods, see the "
                <a href=methods_path()>"methods table"</a>
                "."
            </p>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="code-search">"Search codes"</label>
                    <input
                        id="code-search"
                        type="search"
                        data-testid="search"
                        placeholder="404, 4xx, redirect, idempotent…"
                        autocomplete="off"
                        prop:value=query
                        on:input=move |ev| search_for(event_target_value(&ev), filter.get_untracked())
                    />
                </div>
                <div class="field">
                    <label for="class-filter">"Class"</label>
                    <select
                        id="class-filter"
                        data-testid="class-filter"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            search_for_class(query.get_untracked(), ClassFilter::from_id(&value));
                        }
                    >
                        <option value="all" selected=move || filter.get() == ClassFilter::All>
                            "All classes"
                        </option>
                        {CLASSES
                            .iter()
                            .map(|c| {
                                let digit = c.class;
                                view! {
                                    <option
                                        value=c.class.to_string()
                                        selected=move || filter.get() == ClassFilter::Only(digit)
                                    >
                                        {format!("{} {}", c.label(), c.name)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>
            <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
            <Show when=move || !methods.with(Vec::is_empty)>
                <section class="code-class" aria-labelledby="methods-found">
                    <h2 id="methods-found">"Methods"</h2>
                    <ul class="code-list" data-testid="method-list">
                        {move || {
                            methods
                                .get()
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <li class="code-row" data-testid="method-item">
                                            <a href=method_path(m.name)>
                                                <span class="code-number">{m.name}</span>
                                                " "
                                                <span class="code-meaning">{m.summary}</span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </section>
            </Show>
            // Words typed: one list, best match first (grouped by class, 302 Found would come
            // before 404 Not Found for "not found").
            <Show when=move || query.with(|q| !q.trim().is_empty() && !q.trim().bytes().all(|b| b.is_ascii_digit()))>
                <Show when=move || !results.with(Vec::is_empty)>
                    <section class="code-class" aria-labelledby="codes-found">
                        <h2 id="codes-found">"Status codes, best match first"</h2>
                        <ul class="code-list" data-testid="code-list">
                            <For
                                each=move || results.get()
                                key=|c| c.code
                                children=|c| view! { <CodeRow code=c/> }
                            />
                        </ul>
                    </section>
                </Show>
            </Show>
            <Show when=move || query.with(|q| q.trim().is_empty() || q.trim().bytes().all(|b| b.is_ascii_digit()))>
            {CLASSES
                    .iter()
                    .map(|class| {
                        let in_class = move || {
                            results
                                .get()
                                .into_iter()
                                .filter(|c| c.class() == class.class)
                                .collect::<Vec<_>>()
                        };
                        let heading_id = format!("class-{}", class.class);
                        view! {
                            <Show when=move || !in_class().is_empty()>
                                <section class="code-class" aria-labelledby=heading_id.clone()>
                                    <h2 id=heading_id.clone()>
                                        {format!("{} {}", class.label(), class.name)}
                                    </h2>
                                    <p class="class-meaning">{class.meaning}</p>
                                    <ul class="code-list" data-testid="code-list">
                                        <For
                                            each=in_class
                                            key=|c| c.code
                                            children=|c| view! { <CodeRow code=c/> }
                                        />
                                    </ul>
                                </section>
                            </Show>
                        }
                    })
                    .collect_view()}
            </Show>
            <section class="rules" aria-labelledby="rules-heading">
                <h2 id="rules-heading">"Two rules for every code"</h2>
                <p>{RANGE_RULE.text} " " <Cite cite=RANGE_RULE.cite/></p>
                <p>{UNKNOWN_CODE_RULE.text} " " <Cite cite=UNKNOWN_CODE_RULE.cite/></p>
            </section>
        </section>
    }
}

/// One line of the list: number, name, registry badge and meaning, linked to the entry.
#[component]
fn CodeRow(code: &'static StatusCode) -> impl IntoView {
    view! {
        <li class="code-row" data-testid="code-item" data-code=code.code>
            <a href=code_path(code.code)>
                <span class="code-number">{code.code}</span>
                " "
                <span class="code-name">{code.name}</span>
            </a>
            <StatusBadge status=code.status/>
            <span class="code-meaning">{code.meaning}</span>
        </li>
    }
}
