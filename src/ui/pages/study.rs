//! `/study`: flashcards, served by the FSRS schedule (review) or freely (practice and drills).

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::day::NextStep;
use crate::quiz::Deck;
use crate::routes::Page;
use crate::schedule::Grade;
use crate::study::{Graded, Opening, Session, SessionKind};
use crate::ui::components::{use_keys, Cite, KeepGoingList, ShortcutsHelp};
use crate::ui::state::ProgressStore;
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

/// What the four grades mean, one line each, for a learner's first sessions: short, so that
/// each fits one line of a phone's grade bar above the buttons.
const GRADE_HELP: [(&str, &str); 4] = [
    ("Again", "I did not know it: back in a minute"),
    ("Hard", "I got it, with effort"),
    ("Good", "I knew it"),
    ("Easy", "I knew it at once: back much later"),
];

/// Moves the focus to an element without scrolling, then brings the card's top into view, so
/// that after a flip the question stays on screen above its answer.
fn focus_card(card: NodeRef<html::Div>, target: Option<web_sys::HtmlElement>) {
    request_animation_frame(move || {
        if let Some(el) = target {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        if let Some(card) = card.get_untracked() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            card.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// `/study`: the session (what it holds, which card is on screen, what a grade does, what its
/// lines say) is the domain's [`Session`]; the day's figures are the plan's. This page shows
/// them and forwards keys and clicks.
#[component]
pub fn StudyPage() -> impl IntoView {
    use_page_title(Page::Study.label());
    let store = ProgressStore::get();
    let plan = store.plan();
    let now = store.now();
    let query = use_query_map();
    // `/study?drill=…` and `/study?more=5` (from Progress, Home and the done screen) open a
    // drill or more new items; a name the app does not know opens nothing.
    let request = Memo::new(move |_| {
        query.with(|q| Opening::from_query(q.get_str("drill"), q.get_str("more")))
    });
    // A name the app does not know opens nothing (an empty drill): the learner chooses.
    let open = move |opening: &Result<Opening, String>| match opening {
        Ok(o) => store.read(|p, at| o.session(p, at)),
        Err(_) => store.read(|p, at| Session::drill(p, Vec::new(), at)),
    };
    let session = RwSignal::new(request.with_untracked(open));
    let refused = RwSignal::new(request.with_untracked(|r| r.clone().err()));
    let last: RwSignal<Option<Graded>> = RwSignal::new(None);
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let help = RwSignal::new(false);
    let card_ref = NodeRef::<html::Div>::new();
    let back_ref = NodeRef::<html::Div>::new();

    let focus_front = move || focus_card(card_ref, card_ref.get_untracked().map(Into::into));
    let start = move |kind: SessionKind| {
        session.set(match kind {
            SessionKind::Review => store.read(Session::review),
            SessionKind::Practice(deck) => store.read(|p, at| Session::practice(p, deck, at)),
            // A drill is opened by its link.
            SessionKind::Drill => return,
        });
        refused.set(None);
        last.set(None);
        message.set(None);
        // The card has the focus, so that Space flips it whatever was focused before.
        focus_front();
    };
    let flip = move || {
        if store.flip(session) {
            // The answer has the focus, so that a screen reader reads it out.
            request_animation_frame(move || {
                focus_card(card_ref, back_ref.get_untracked().map(Into::into));
            });
        }
    };
    let grade = move |g: Grade| match store.grade(session, g) {
        Ok(Some(graded)) => {
            last.set(Some(graded));
            message.set(None);
            focus_front();
        }
        Ok(None) => {}
        Err(skipped) => {
            last.set(None);
            message.set(Some(skipped.to_string()));
            focus_front();
        }
    };
    // Another tab's answers arrive as the record changes: cards answered there are skipped here.
    Effect::new(move |_| store.catch_up(session));
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
            Err(why) => message.set(Some(why)),
        }
        last.set(None);
    };

    // A link to this page with other parameters (a keep-going choice on the done screen)
    // opens what it names.
    Effect::new(move |first: Option<()>| {
        let opening = request.get();
        if first.is_some() {
            session.set(open(&opening));
            refused.set(opening.err());
            last.set(None);
            message.set(None);
        }
    });

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

    let kind = Memo::new(move |_| session.with(Session::kind));
    let shown = Memo::new(move |_| session.with(|s| s.shown().cloned()));
    view! {
        <section class="page study" aria-labelledby="page-heading">
            <h1 id="page-heading">"Study"</h1>
            {move || {
                refused
                    .get()
                    .map(|why| view! { <p class="error" role="alert" data-testid="study-refused">{why}</p> })
            }}
            {move || {
                (kind.get() == SessionKind::Review && !session.with(Session::graded_any))
                    .then(|| plan.with(|p| p.welcome()))
                    .flatten()
                    .map(|w| view! { <p class="welcome" role="status" data-testid="welcome">{w}</p> })
            }}
            <div class="study-modes" role="group" aria-label="Mode">
                <button
                    type="button"
                    data-testid="mode-review"
                    aria-pressed=move || (kind.get() == SessionKind::Review).to_string()
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
            <Show when=move || plan.with(|p| p.offers_placement)>
                <p class="hint" data-testid="placement-offer">
                    "Already know the basics? "
                    <a href=format!("{}?placement", Page::Quiz.path()) data-testid="placement">
                        "Take the placement check"
                    </a>
                    " and start what you know as known."
                </p>
            </Show>
            <p class="session-info" data-testid="session-info">
                {move || session.with(|s| s.status(now.get().at()))}
            </p>
            <ShortcutsHelp open=help keys=KEYS/>
            {move || match shown.get() {
                None => {
                    view! { <DoneScreen session on_review=Callback::new(move |()| start(SessionKind::Review))/> }
                        .into_any()
                }
                Some(shown) => {
                    let card = shown.card();
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
                            {(!card.front.is_empty())
                                .then(|| view! { <p class="card-front" data-testid="card-front">{card.front.clone()}</p> })}
                            {card
                                .exhibit
                                .clone()
                                .map(|text| {
                                    view! {
                                        <pre class="http" data-testid="card-exhibit" aria-label="The exchange"><code>{text}</code></pre>
                                    }
                                })}
                            {if is_flipped {
                                view! {
                                    <div class="card-back" data-testid="card-back" tabindex="-1" node_ref=back_ref>
                                        <p class="card-side">"Answer"</p>
                                        <p class="card-answer">{card.back.clone()}</p>
                                        <p>{card.detail.clone()}</p>
                                        {card
                                            .exchange
                                            .clone()
                                            .filter(|_| card.exhibit.is_none())
                                            .map(|text| {
                                                view! {
                                                    <p class="card-side">"An example exchange"</p>
                                                    <pre class="http" data-testid="card-exchange"><code>{text}</code></pre>
                                                }
                                            })}
                                        <p class="sources">
                                            <Cite cite=card.cite/>
                                            " \u{b7} "
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
                                let hints = session.with_untracked(Session::grade_hints);
                                let explain = plan.with_untracked(|p| p.explains_grades);
                                view! {
                                    <div class="grade-bar">
                                    {explain
                                        .then(|| {
                                            view! {
                                                <dl class="grade-help" data-testid="grade-help">
                                                    {GRADE_HELP
                                                        .iter()
                                                        .map(|(g, what)| view! { <div><dt>{*g}</dt><dd>{*what}</dd></div> })
                                                        .collect_view()}
                                                </dl>
                                            }
                                        })}
                                    <div class="grades" role="group" aria-label="How well did you know it?">
                                        {Grade::ALL
                                            .iter()
                                            .zip(hints)
                                            .enumerate()
                                            .map(|(i, (g, when))| {
                                                let g = *g;
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
                                    </div>
                                }
                            })}
                    }
                        .into_any()
                }
            }}
            <Show when=move || last.with(Option::is_some)>
                <button type="button" class="link-button" data-testid="undo" on:click=move |_| undo()>
                    "Undo the last grade"
                    <span class="key-hint">" (U)"</span>
                </button>
            </Show>
            {move || {
                message
                    .get()
                    .map(|why| view! { <p class="error" role="status" data-testid="undo-failed">{why}</p> })
            }}
        </section>
    }
}

/// The end of a session: what it did, where the day stands, and the ways to keep going.
#[component]
fn DoneScreen(session: RwSignal<Session>, on_review: Callback<()>) -> impl IntoView {
    let store = ProgressStore::get();
    let plan = store.plan();
    // Worked out once, when the session ends.
    let summary = store.read(|p, at| session.with_untracked(|s| s.summary(p, at)));
    let kind = session.with_untracked(Session::kind);
    let graded = summary.answers > 0;
    view! {
        <section class="done" data-testid="study-done" aria-labelledby="done-heading">
            <h2 id="done-heading" tabindex="-1">{kind.to_string()}</h2>
            {graded
                .then(|| {
                    view! {
                        <p data-testid="done-summary">{summary.headline()}</p>
                        <p data-testid="done-back">{summary.comes_back()}</p>
                    }
                })}
            <p data-testid="done-goal">{move || plan.with(|p| p.goal.line())}</p>
            {move || {
                plan.with(|p| match p.next {
                    NextStep::Done { .. } => view! {
                        <p data-testid="done-next">{p.button()}</p>
                    }
                        .into_any(),
                    NextStep::Study { .. } => view! {
                        <p>
                            <button
                                type="button"
                                class="primary"
                                data-testid="done-next"
                                on:click=move |_| on_review.run(())
                            >
                                {p.button()}
                            </button>
                        </p>
                    }
                        .into_any(),
                })
            }}
            <KeepGoingList heading="Keep going"/>
        </section>
    }
}
