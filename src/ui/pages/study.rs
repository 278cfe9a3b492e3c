//! `/study`: flashcards, served by the FSRS schedule (review) or freely (practice).

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::quiz::{flashcard, Deck};
use crate::routes::Page;
use crate::schedule::{format_interval, Grade};
use crate::study::{self, Graded, Session, SessionKind};
use crate::ui::components::{use_keys, Cite, ShortcutsHelp};
use crate::ui::state::{moment, ProgressStore};
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

/// `/study`: the session (what it holds, which card is on screen, what a grade does) is the
/// domain's [`Session`]; this page shows it and forwards keys and clicks.
#[component]
pub fn StudyPage() -> impl IntoView {
    use_page_title(Page::Study.label());
    let store = ProgressStore::get();
    // `/study?drill=confusions` and `/study?drill=weakest` (from Progress) open a drill.
    let drill = use_query_map().with_untracked(|q| q.get("drill"));
    let session = RwSignal::new(store.with_untracked_progress(|p| {
        let at = moment();
        match drill.as_deref() {
            Some("confusions") => Session::drill(study::confusion_drill(p), at),
            Some("weakest") => Session::drill(study::weakest_drill(p, at.at()), at),
            _ => Session::review(p, at),
        }
    }));
    let last: RwSignal<Option<Graded>> = RwSignal::new(None);
    let undo_failed: RwSignal<Option<String>> = RwSignal::new(None);
    let help = RwSignal::new(false);
    // Ticks every ten seconds, so that "next back in 3 min" counts down while the page is open.
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|t| *t = t.wrapping_add(1)),
        std::time::Duration::from_secs(10),
    ) {
        on_cleanup(move || handle.clear());
    }
    let card_ref = NodeRef::<html::Div>::new();
    let back_ref = NodeRef::<html::Div>::new();

    let start = move |kind: SessionKind| {
        let at = moment();
        session.set(match kind {
            SessionKind::Review => store.with_untracked_progress(|p| Session::review(p, at)),
            SessionKind::Practice(deck) => Session::practice(deck, at),
            // A drill is opened from Progress, by its link.
            SessionKind::Drill => return,
        });
        last.set(None);
        undo_failed.set(None);
    };
    let flip = move || {
        let at = moment();
        let mut flipped = false;
        store.with_untracked_progress(|p| {
            session.update(|s| {
                flipped = s.flip(p, at);
            })
        });
        if flipped {
            // The answer has the focus, so that a screen reader reads it out.
            request_animation_frame(move || {
                if let Some(el) = back_ref.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    };
    let grade = move |g: Grade| {
        if let Some(graded) = store.grade(session, g) {
            last.set(Some(graded));
            undo_failed.set(None);
            request_animation_frame(move || {
                if let Some(el) = card_ref.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    };
    let undo = move || {
        let Some(graded) = last.get_untracked() else {
            return;
        };
        let undone = match &graded.undo {
            Some(u) => store.undo(u).map_err(|e| e.to_string()),
            None => Ok(()),
        };
        match undone {
            Ok(()) => session.update(|s| s.put_back(&graded)),
            Err(why) => undo_failed.set(Some(why)),
        }
        last.set(None);
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

    view! {
        <section class="page study" aria-labelledby="page-heading">
            <h1 id="page-heading">"Study"</h1>
            <div class="study-modes" role="group" aria-label="Mode">
                <button
                    type="button"
                    aria-pressed=move || (session.with(Session::kind) == SessionKind::Review).to_string()
                    on:click=move |_| start(SessionKind::Review)
                >
                    "Review (scheduled)"
                </button>
                <label for="practice-deck">"Practise a deck without scheduling:"</label>
                <select
                    id="practice-deck"
                    data-testid="practice-deck"
                    on:change=move |ev| {
                        if let Some(d) = Deck::from_id(&event_target_value(&ev)) {
                            start(SessionKind::Practice(d));
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
            <p class="session-info" data-testid="session-info">
                {move || match session.with(Session::kind) {
                    SessionKind::Review => {
                        tick.track();
                        let c = session.with(Session::counts);
                        let back = session
                            .with(Session::next_learning)
                            .filter(|_| c.learning > 0)
                            .map(|due| {
                                let wait = due - moment().at();
                                if wait <= chrono::Duration::zero() {
                                    " (one is back now)".to_string()
                                } else {
                                    format!(" (next back in {})", format_interval(wait))
                                }
                            })
                            .unwrap_or_default();
                        format!(
                            "New {} · Learning {}{back} · Review {}",
                            c.new, c.learning, c.review
                        )
                    }
                    SessionKind::Practice(d) => format!(
                        "Practice ({}): {} to go. Your schedule is not changed.",
                        d.label(),
                        session.with(Session::remaining)
                    ),
                    SessionKind::Drill => format!(
                        "Drill: {} to go. Your schedule is not changed.",
                        session.with(Session::remaining)
                    ),
                }}
            </p>
            <ShortcutsHelp open=help keys=KEYS/>
            {move || match session.with(|s| s.shown().cloned()) {
                None => view! {
                    <div class="done" data-testid="study-done">
                        <p>
                            {match session.with(Session::kind) {
                                SessionKind::Review => {
                                    let next = store
                                        .with(study::next_due)
                                        .map(|due| {
                                            let wait = due - moment().at();
                                            if wait <= chrono::Duration::zero() {
                                                " A card is due again now: start the review again.".to_string()
                                            } else {
                                                format!(" The next card is due in {}.", format_interval(wait))
                                            }
                                        })
                                        .unwrap_or_default();
                                    format!("Nothing is due right now, and today's new items are done.{next} Meanwhile, practise a deck or take a quiz.")
                                }
                                SessionKind::Practice(_) => "You went through the whole deck.".to_string(),
                                SessionKind::Drill => "Drill done. Progress lists what to drill next.".to_string(),
                            }}
                        </p>
                        <p><a href=Page::Quiz.path()>"Take a quiz instead"</a></p>
                    </div>
                }
                    .into_any(),
                Some(shown) => {
                    let card = flashcard(shown.item, shown.reverse);
                    let is_flipped = shown.flipped;
                    view! {
                        <div
                            class="flashcard"
                            class:flippable=!is_flipped
                            tabindex="-1"
                            node_ref=card_ref
                            data-testid="flashcard"
                            on:click=move |_| {
                                // A tap anywhere on the card turns it (the button does the same by keyboard).
                                if !is_flipped {
                                    flip();
                                }
                            }
                        >
                            <p class="card-side">{card.ask}</p>
                            <p class="card-front" data-testid="card-front">{card.front.clone()}</p>
                            {if is_flipped {
                                view! {
                                    <div class="card-back" data-testid="card-back" tabindex="-1" node_ref=back_ref>
                                        <p class="card-side">"Answer"</p>
                                        <p class="card-answer">{card.back.clone()}</p>
                                        <p>{card.detail.clone()}</p>
                                        {card
                                            .exchange
                                            .clone()
                                            .map(|text| {
                                                view! {
                                                    <p class="card-side">"An example exchange"</p>
                                                    <pre class="http" data-testid="card-exchange"><code>{text}</code></pre>
                                                }
                                            })}
                                        <p class="sources">
                                            <Cite cite=card.cite/>
                                            " · "
                                            <a href=card.reference.clone()>"Reference entry"</a>
                                        </p>
                                    </div>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button
                                        type="button"
                                        class="primary"
                                        data-testid="flip"
                                        on:click=move |ev| {
                                            ev.stop_propagation();
                                            flip();
                                        }
                                    >
                                        "Show the answer"
                                        <span class="key-hint">" (Space)"</span>
                                    </button>
                                }
                                    .into_any()
                            }}
                        </div>
                        {is_flipped
                            .then(|| {
                                let previews = shown.intervals;
                                view! {
                                    <div class="grades" role="group" aria-label="How well did you know it?">
                                        {Grade::ALL
                                            .iter()
                                            .enumerate()
                                            .map(|(i, g)| {
                                                let g = *g;
                                                let when = previews
                                                    .map(|p| format_interval(p[i].1))
                                                    .unwrap_or_else(|| "practice".to_string());
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="grade"
                                                        data-testid=format!("grade-{}", g.label().to_ascii_lowercase())
                                                        aria-keyshortcuts=(i + 1).to_string()
                                                        on:click=move |_| grade(g)
                                                    >
                                                        <span class="grade-label">
                                                            {g.label()}
                                                            <span class="key-hint">{format!(" ({})", i + 1)}</span>
                                                        </span>
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
            <p class="error" role="status" data-testid="undo-failed">{move || undo_failed.get()}</p>
        </section>
    }
}
