use leptos::prelude::*;

use crate::day::KeepGoing;
use crate::quiz::QuizSpec;
use crate::ui::entropy::random_u64;
use crate::ui::state::ProgressStore;

/// The ways to keep going beyond the day's study, from the plan of the day, each one tap
/// away, most teaching first.
#[component]
pub fn KeepGoingList(heading: &'static str) -> impl IntoView {
    let plan = ProgressStore::get().plan();
    let offers = Memo::new(move |_| plan.with(|p| p.keep_going.clone()));
    view! {
        <Show when=move || offers.with(|o| !o.is_empty())>
            <div class="keep-going" data-testid="keep-going">
                <h2 class="keep-going-heading">{heading}</h2>
                <ul>
                    <For
                        each=move || offers.get()
                        key=|k: &KeepGoing| (k.id(), k.label())
                        children=move |k: KeepGoing| {
                            // A quiz link carries a fresh seed, as the Quiz page's Start does.
                            let path = k.path(QuizSpec::seed_from_entropy(random_u64()));
                            view! {
                                <li>
                                    <a href=path class="button" data-testid=format!("keep-{}", k.id())>
                                        {k.label()}
                                    </a>
                                    <span class="keep-note">{k.note()}</span>
                                </li>
                            }
                        }
                    />
                </ul>
            </div>
        </Show>
    }
}
