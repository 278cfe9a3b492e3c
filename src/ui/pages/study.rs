//! `/study`: flashcards, served by the FSRS schedule (review) or freely (practice).

use chrono::{DateTime, Utc};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::progress::Undo;
use crate::quiz::{all_items, flashcard, Deck, Item};
use crate::routes::Page;
use crate::schedule::{format_interval, Grade, StudySession};
use crate::ui::components::{use_keys, Cite, ShortcutsHelp};
use crate::ui::state::{now, today, ProgressStore};
use crate::ui::use_page_title;

const KEYS: &[(&str, &str)] = &[
    ("Space", "flip the card"),
    (
        "1 / 2 / 3 / 4",
        "grade Again / Hard / Good / Easy (after the flip)",
    ),
    ("U", "undo the last grade"),
    ("?", "show or hide these shortcuts"),
];

/// Review follows the schedule; practice (cram) goes through a deck and changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Review,
    Practice(Deck),
}

/// The session for a mode, built from the learner's progress at `at`.
fn build_session(store: ProgressStore, mode: Mode, at: DateTime<Utc>) -> StudySession<Item> {
    match mode {
        Mode::Review => store.with(|p| {
            let due: Vec<Item> = p
                .due_items(at)
                .iter()
                .filter_map(|k| Item::from_key(k))
                .collect();
            let keys: Vec<String> = all_items().iter().map(Item::key).collect();
            let new: Vec<Item> = p
                .new_items(
                    keys.iter().map(String::as_str),
                    p.new_left_today(today()) as usize,
                )
                .into_iter()
                .filter_map(Item::from_key)
                .collect();
            StudySession::new(due, new)
        }),
        Mode::Practice(deck) => StudySession::new(deck.items(), Vec::new()),
    }
}

/// Codes are shown both ways: the direction alternates with each showing.
fn reverse_for(item: Item, shown: usize) -> bool {
    matches!(item, Item::Code(_)) && shown % 2 == 1
}

#[component]
pub fn StudyPage() -> impl IntoView {
    use_page_title(Page::Study.label());
    let store = ProgressStore::get();
    let mode = RwSignal::new(Mode::Review);
    let session = RwSignal::new(build_session(store, Mode::Review, now()));
    let flipped = RwSignal::new(false);
    let shown = RwSignal::new(0usize);
    let last: RwSignal<Option<(Undo, Item)>> = RwSignal::new(None);
    let help = RwSignal::new(false);
    let card_ref = NodeRef::<html::Div>::new();

    let current = move || session.with(|s| s.current(now()));
    let start = move |m: Mode| {
        mode.set(m);
        session.set(build_session(store, m, now()));
        flipped.set(false);
        last.set(None);
    };
    let flip = move || {
        if current().is_some() {
            flipped.set(true);
        }
    };
    let grade = move |g: Grade| {
        let Some(item) = current() else { return };
        if !flipped.get_untracked() {
            return;
        }
        let at = now();
        match mode.get_untracked() {
            Mode::Review => {
                let undo = store.record(&item.key(), g);
                let due = store
                    .with(|p| p.card(&item.key()).map(|c| c.due))
                    .unwrap_or(at);
                session.update(|s| s.answered(&item, due, at));
                last.set(Some((undo, item)));
            }
            Mode::Practice(_) => {
                // Practice leaves the schedule alone: Again shows the card once more, later.
                let back = if g == Grade::Again {
                    at
                } else {
                    at + chrono::Duration::days(1)
                };
                session.update(|s| s.answered(&item, back, at));
            }
        }
        flipped.set(false);
        shown.update(|n| *n += 1);
        request_animation_frame(move || {
            if let Some(el) = card_ref.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    let undo = move || {
        if let Some((u, item)) = last.get_untracked() {
            store.undo(u);
            session.update(|s| s.put_back(item));
            // Show the card as it was shown before the grade.
            shown.update(|n| *n = n.saturating_sub(1));
            flipped.set(false);
            last.set(None);
        }
    };

    use_keys(move |ev| match ev.key().as_str() {
        " " => {
            ev.prevent_default();
            flip();
        }
        "?" => help.update(|h| *h = !*h),
        "u" | "U" => undo(),
        key => {
            if let Some(g) = Grade::from_key(key) {
                grade(g);
            }
        }
    });

    let intervals = move || {
        let item = current()?;
        let at = now();
        Some(store.with(|p| {
            let card = p.card_or_new(&item.key(), at);
            p.scheduler().preview(&card, at)
        }))
    };

    view! {
        <section class="page study" aria-labelledby="page-heading">
            <h1 id="page-heading">"Study"</h1>
            <div class="study-modes" role="group" aria-label="Mode">
                <button
                    type="button"
                    aria-pressed=move || (mode.get() == Mode::Review).to_string()
                    on:click=move |_| start(Mode::Review)
                >
                    "Review (scheduled)"
                </button>
                <label for="practice-deck">"Practise a deck without scheduling:"</label>
                <select
                    id="practice-deck"
                    data-testid="practice-deck"
                    on:change=move |ev| {
                        if let Some(d) = Deck::from_id(&event_target_value(&ev)) {
                            start(Mode::Practice(d));
                        }
                    }
                >
                    <option value="" selected=true disabled=true>
                        "Choose a deck"
                    </option>
                    {Deck::ALL
                        .iter()
                        .map(|d| view! { <option value=d.id()>{d.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="session-info" aria-live="polite">
                {move || match mode.get() {
                    Mode::Review => format!("Review: {} to go.", session.with(StudySession::remaining)),
                    Mode::Practice(d) => format!(
                        "Practice ({}): {} to go. Your schedule is not changed.",
                        d.label(),
                        session.with(StudySession::remaining)
                    ),
                }}
            </p>
            <ShortcutsHelp open=help keys=KEYS/>
            {move || match current() {
                None => view! {
                    <div class="done" data-testid="study-done">
                        <p>
                            {match mode.get() {
                                Mode::Review => "Nothing is due right now, and today's new items are done. Come back later, or practise a deck.",
                                Mode::Practice(_) => "You went through the whole deck.",
                            }}
                        </p>
                        <p><A href=Page::Quiz.path()>"Take a quiz instead"</A></p>
                    </div>
                }
                    .into_any(),
                Some(item) => {
                    let card = flashcard(item, reverse_for(item, shown.get()));
                    let is_flipped = flipped.get();
                    view! {
                        <div class="flashcard" tabindex="-1" node_ref=card_ref data-testid="flashcard">
                            <p class="card-side">"Question"</p>
                            <p class="card-front" data-testid="card-front">{card.front.clone()}</p>
                            {if is_flipped {
                                view! {
                                    <div class="card-back" data-testid="card-back">
                                        <p class="card-side">"Answer"</p>
                                        <p class="card-answer">{card.back.clone()}</p>
                                        <p>{card.detail.clone()}</p>
                                        <p class="sources">
                                            <Cite cite=card.cite/>
                                            " · "
                                            <A href=card.reference.clone()>"Reference entry"</A>
                                        </p>
                                    </div>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button type="button" class="primary" data-testid="flip" on:click=move |_| flip()>
                                        "Show the answer (Space)"
                                    </button>
                                }
                                    .into_any()
                            }}
                        </div>
                        {is_flipped
                            .then(|| {
                                let previews = intervals();
                                view! {
                                    <div class="grades" role="group" aria-label="How well did you know it?">
                                        {Grade::ALL
                                            .iter()
                                            .enumerate()
                                            .map(|(i, g)| {
                                                let g = *g;
                                                let when = match mode.get_untracked() {
                                                    Mode::Review => previews
                                                        .map(|p| format_interval(p[i].1))
                                                        .unwrap_or_default(),
                                                    Mode::Practice(_) => "practice".to_string(),
                                                };
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="grade"
                                                        data-testid=format!("grade-{}", g.label().to_lowercase())
                                                        aria-keyshortcuts=(i + 1).to_string()
                                                        on:click=move |_| grade(g)
                                                    >
                                                        <span class="grade-label">{format!("{} ({})", g.label(), i + 1)}</span>
                                                        <span class="grade-interval">{when}</span>
                                                    </button>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                }
                            })}
                    }
                        .into_any()
                }
            }}
            <Show when=move || last.with(Option::is_some)>
                <button type="button" class="link-button" data-testid="undo" on:click=move |_| undo()>
                    "Undo the last grade (U)"
                </button>
            </Show>
        </section>
    }
}
