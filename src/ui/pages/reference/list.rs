use leptos::prelude::*;
use leptos_router::components::A;

use crate::catalogue::{
    search_codes, ClassFilter, StatusCode, CLASSES, RANGE_RULE, UNKNOWN_CODE_RULE,
};
use crate::routes::{code_path, methods_path, Page};
use crate::ui::components::{Cite, StatusBadge};
use crate::ui::use_page_title;

/// `/reference`: every code grouped by class, with a search box and a class filter.
#[component]
pub fn ReferencePage() -> impl IntoView {
    use_page_title(Page::Reference.label());
    let (query, set_query) = signal(String::new());
    let (filter, set_filter) = signal(ClassFilter::All);
    let results = Memo::new(move |_| search_codes(&query.get(), filter.get()));

    let count_text = move || match results.with(Vec::len) {
        0 => {
            "No code matches. Try a number such as 404, or a word such as \"conflict\".".to_string()
        }
        1 => "1 code matches.".to_string(),
        n => format!("{n} codes match."),
    };

    view! {
        <section class="page reference" aria-labelledby="page-heading">
            <h1 id="page-heading">"Reference"</h1>
            <p class="lead">
                "Every status code in the IANA registry, checked against RFC 9110 and the documents that define the rest. "
                "For the request methods, see the "
                <A href=methods_path()>"methods table"</A>
                "."
            </p>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="code-search">"Search codes"</label>
                    <input
                        id="code-search"
                        type="search"
                        data-testid="search"
                        placeholder="404, conflict, too large…"
                        autocomplete="off"
                        prop:value=query
                        on:input=move |ev| set_query.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="class-filter">"Class"</label>
                    <select
                        id="class-filter"
                        data-testid="class-filter"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            set_filter.set(value.parse().map(ClassFilter::Only).unwrap_or_default());
                        }
                    >
                        <option value="all">"All classes"</option>
                        {CLASSES
                            .iter()
                            .map(|c| {
                                view! {
                                    <option value=c.class.to_string()>
                                        {format!("{} {}", c.label(), c.name)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>
            <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
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
            <A href=code_path(code.code)>
                <span class="code-number">{code.code}</span>
                " "
                <span class="code-name">{code.name}</span>
            </A>
            <StatusBadge status=code.status/>
            <span class="code-meaning">{code.meaning}</span>
        </li>
    }
}
