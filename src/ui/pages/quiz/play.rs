use chrono::{DateTime, Utc};
use leptos::html;
use leptos::prelude::*;

use crate::quiz::{Feedback, Missed, NotTaken, Question, QuizRun, QuizSpec, Response, Verdict};
use crate::routes::Page;
use crate::study::{self, QuizMode};
use crate::ui::components::{use_keys, Cite, ShortcutsHelp};
use crate::ui::state::{moment, ProgressStore};

const KEYS: &[(&str, &str)] = &[
    ("1 – 4 or A – D", "choose an option"),
    ("Enter", "check a typed answer; go to the next question"),
    ("?", "show or hide these shortcuts"),
];

const LETTERS: [&str; 4] = ["A", "B", "C", "D"];

/// The option index a key picks: 1 to 4 or A to D.
fn option_for_key(key: &str) -> Option<usize> {
    match key.to_ascii_lowercase().as_str() {
        "1" | "a" => Some(0),
        "2" | "b" => Some(1),
        "3" | "c" => Some(2),
        "4" | "d" => Some(3),
        _ => None,
    }
}

/// Focuses an element once the browser has drawn the latest change.
fn focus_soon(element: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = element() {
            let _ = el.focus();
        }
    });
}

/// Where the focus goes when a question appears: the typed answer's field when it has one,
/// else the question itself (so that a screen reader reads it).
fn question_focus(question: NodeRef<html::H2>) -> Option<web_sys::HtmlElement> {
    let field = document()
        .get_element_by_id("typed-code")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    field.or_else(|| question.get_untracked().map(Into::into))
}

/// A quiz being played: question, options, feedback, then the summary.
#[component]
pub fn QuizPlay(
    spec: QuizSpec,
    /// The placement check instead of a quiz: right answers start as known, the rest are not
    /// recorded ([`study::quiz_record`]).
    #[prop(optional)]
    placement: bool,
) -> impl IntoView {
    let store = ProgressStore::get();
    // The questions are drawn once, when the quiz opens (a quiz on what the learner has
    // studied asks about the items started then).
    let questions = if placement {
        study::placement_quiz(spec.seed)
    } else {
        store.read(|p, _| study::quiz_questions(&spec, p))
    };
    let first_mode = if placement {
        QuizMode::Placement
    } else {
        QuizMode::Quiz
    };
    // Answers given again in this page (missed ones reviewed, the quiz retaken) are retakes.
    let mode = RwSignal::new(first_mode);
    let all_questions = StoredValue::new(questions.clone());
    let empty = questions.is_empty();
    let run = RwSignal::new(QuizRun::new(questions));
    let started = RwSignal::new(moment().at());
    let ended = RwSignal::new(None::<DateTime<Utc>>);
    let help = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    // Why the typed text was not taken (not a code number), until the learner types again.
    let not_taken = RwSignal::new(None::<String>);
    let question_ref = NodeRef::<html::H2>::new();
    let feedback_ref = NodeRef::<html::Div>::new();
    let summary_ref = NodeRef::<html::Section>::new();

    let answer = move |response: Response| {
        let mut result = None;
        run.update(|r| {
            let asked = r.current().cloned();
            result = Some(r.answer(&response).map(|f| (f, asked)));
        });
        match result {
            Some(Ok((feedback, Some(question)))) => {
                not_taken.set(None);
                let recording = study::quiz_record(
                    mode.get_untracked(),
                    &question,
                    &response,
                    feedback.correct,
                );
                if let Some(r) = recording {
                    store.record_quiz(r.source, &question.item.key(), r.grade, r.chose);
                }
                focus_soon(move || feedback_ref.get_untracked().map(Into::into));
            }
            Some(Err(NotTaken::Typed(why))) => not_taken.set(Some(why.to_string())),
            _ => {}
        }
    };
    let next = move || {
        run.update(|r| {
            r.advance();
        });
        typed.set(String::new());
        not_taken.set(None);
        if run.with_untracked(QuizRun::finished) {
            ended.set(Some(moment().at()));
            focus_soon(move || summary_ref.get_untracked());
        } else {
            focus_soon(move || question_focus(question_ref));
        }
    };
    let restart_with = move |questions: Vec<Question>| {
        mode.set(QuizMode::Retake);
        run.set(QuizRun::new(questions));
        started.set(moment().at());
        ended.set(None);
        not_taken.set(None);
        focus_soon(move || question_focus(question_ref));
    };
    // A typed question has its field focused from the start.
    if run.with_untracked(|r| r.current().is_some_and(|q| q.options.is_empty())) {
        focus_soon(move || question_focus(question_ref));
    }

    use_keys(move |ev| {
        let key = ev.key();
        if key == "?" {
            help.update(|h| *h = !*h);
            return;
        }
        let (answered, finished, options) = run.with_untracked(|r| {
            (
                r.feedback().is_some(),
                r.finished(),
                r.current().map(|q| q.options.len()).unwrap_or(0),
            )
        });
        if finished {
            return;
        }
        if answered {
            if key == "Enter" {
                ev.prevent_default();
                next();
            }
        } else if let Some(i) = option_for_key(&key).filter(|i| *i < options) {
            ev.prevent_default();
            answer(Response::Option(i));
        }
    });

    view! {
        <section class="page quiz" aria-labelledby="page-heading">
            <h1 id="page-heading">
                {if placement {
                    "Placement check".to_string()
                } else {
                    format!("Quiz: {}", spec.deck.label())
                }}
            </h1>
            {placement
                .then(|| {
                    view! {
                        <p class="lead">
                            "One question on each code of the Beginner set. What you answer right starts as known and comes back in a few days; the rest become new cards. If you do not know, say so: a guess that lands counts as known."
                        </p>
                    }
                })}
            {(!placement && !spec.studied)
                .then(|| {
                    let line = store.read(|p, _| study::deck_newness(p, spec.deck)).to_string();
                    view! { <p class="hint" data-testid="deck-newness">{line}</p> }
                })}
            {spec
                .studied
                .then(|| {
                    view! {
                        <p class="hint" data-testid="quiz-scope">
                            "Only items you have started: a quiz on what you know."
                        </p>
                    }
                })}
            <ShortcutsHelp open=help keys=KEYS/>
            {move || {
                if empty {
                    view! {
                        <p class="error" role="status" data-testid="quiz-empty">
                            {format!(
                                "You have not started any item of the {} yet, so there is nothing of yours to quiz. Study a few first, or take the quiz on the whole deck.",
                                spec.deck.label()
                            )}
                        </p>
                        <p>
                            <a href=Page::Study.path()>"Study"</a>
                            " \u{b7} "
                            <a href=QuizSpec { studied: false, ..spec }.path()>"Quiz on the whole deck"</a>
                        </p>
                    }
                        .into_any()
                } else if run.with(QuizRun::finished) {
                    let (right, total) = run.with(QuizRun::score);
                    let missed = run.with(QuizRun::missed);
                    let seconds = ended
                        .get()
                        .map(|e| (e - started.get()).num_seconds().max(0))
                        .unwrap_or(0);
                    view! {
                        <Summary
                            right
                            total
                            seconds
                            missed
                            spec
                            placement=placement && mode.get_untracked() == QuizMode::Placement
                            node_ref=summary_ref
                            on_review=Callback::new(restart_with)
                            on_retake=Callback::new(move |()| {
                                restart_with(all_questions.get_value())
                            })
                        />
                    }
                        .into_any()
                } else {
                    let (position, total) = run.with(QuizRun::position);
                    let question = run.with(|r| r.current().cloned());
                    let feedback = run.with(|r| r.feedback().cloned());
                    let response = run.with(|r| r.response().cloned());
                    view! {
                        <p class="quiz-position">{format!("Question {position} of {total}")}</p>
                        {question
                            .map(|q| {
                                view! {
                                    <QuestionView
                                        question=q
                                        response=response
                                        node_ref=question_ref
                                        typed
                                        not_taken
                                        on_answer=Callback::new(answer)
                                    />
                                }
                            })}
                        <div class="feedback-region" aria-live="polite" tabindex="-1" node_ref=feedback_ref>
                            {feedback
                                .map(|f| {
                                    view! {
                                        <FeedbackView feedback=f on_next=Callback::new(move |()| next())/>
                                    }
                                })}
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn QuestionView(
    question: Question,
    response: Option<Response>,
    node_ref: NodeRef<html::H2>,
    typed: RwSignal<String>,
    not_taken: RwSignal<Option<String>>,
    on_answer: Callback<Response>,
) -> impl IntoView {
    let answered = response.is_some();
    let correct_index = match question.answer {
        crate::quiz::Answer::Option(i) => Some(i),
        crate::quiz::Answer::Code { .. } => None,
    };
    let chosen = match &response {
        Some(Response::Option(i)) => Some(*i),
        _ => None,
    };
    let body = if question.options.is_empty() {
        view! {
            <form
                class="typed-answer"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if !answered {
                        on_answer.run(Response::Typed(typed.get_untracked()));
                    }
                }
            >
                <label for="typed-code">"Code number"</label>
                <input
                    id="typed-code"
                    data-testid="answer-input"
                    inputmode="numeric"
                    enterkeyhint="done"
                    autocomplete="off"
                    size="5"
                    aria-describedby="typed-error"
                    aria-invalid=move || not_taken.with(Option::is_some).to_string()
                    disabled=answered
                    prop:value=typed
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        not_taken.set(None);
                    }
                />
                <button type="submit" data-testid="submit" disabled=answered>
                    "Check"
                </button>
                <p class="typed-error" id="typed-error" role="status" data-testid="typed-error">
                    {move || not_taken.get()}
                </p>
            </form>
        }
        .into_any()
    } else {
        view! {
            <ol class="options" aria-label="Options">
                {question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, choice)| {
                        let mark = if !answered {
                            ""
                        } else if Some(i) == correct_index {
                            "✓ right answer"
                        } else if Some(i) == chosen {
                            "✗ your answer"
                        } else {
                            ""
                        };
                        let class = match mark {
                            "✓ right answer" => "option right",
                            "✗ your answer" => "option wrong",
                            _ => "option",
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class=class
                                    data-testid="option"
                                    disabled=answered
                                    aria-keyshortcuts=format!("{} {}", i + 1, LETTERS[i % 4])
                                    on:click=move |_| on_answer.run(Response::Option(i))
                                >
                                    <span class="option-key" aria-hidden="true">{LETTERS[i % 4]}</span>
                                    <span class="option-label">{choice.label.clone()}</span>
                                    {(!mark.is_empty()).then(|| view! { <span class="option-mark">{mark}</span> })}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
            .into_any()
    };
    view! {
        <h2 class="question" data-testid="question" tabindex="-1" node_ref=node_ref>
            {question.prompt.clone()}
        </h2>
        {question
            .exhibit
            .clone()
            .map(|text| {
                view! {
                    <pre class="http" data-testid="exhibit" aria-label="The exchange">
                        <code>{text}</code>
                    </pre>
                }
            })}
        {body}
        <button
            type="button"
            class="link-button dont-know"
            data-testid="dont-know"
            disabled=answered
            on:click=move |_| on_answer.run(Response::DontKnow)
        >
            "I don\u{2019}t know \u{2014} show me"
        </button>
    }
}

#[component]
fn FeedbackView(feedback: Feedback, on_next: Callback<()>) -> impl IntoView {
    let verdict = feedback.verdict.label();
    let class = match feedback.verdict {
        Verdict::Right => "feedback right",
        Verdict::Wrong => "feedback wrong",
        Verdict::NotKnownYet => "feedback unknown",
    };
    view! {
        <div
            class=class
            data-testid="feedback"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                // Enter moves on wherever the focus is within the feedback (on one of its
                // links too): the links are read with the mouse, or with Tab and Space.
                let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
                if ev.key() == "Enter" && plain && !ev.default_prevented() {
                    ev.prevent_default();
                    on_next.run(());
                }
            }
        >
            <p class="verdict">
                <strong>{verdict}</strong>
                {(!feedback.correct).then(|| format!(" — the answer is {}.", feedback.correct_answer))}
            </p>
            {feedback.chosen_note.clone().map(|n| view! { <p class="chosen-note">{n}</p> })}
            <p>{feedback.explanation.clone()}</p>
            {feedback
                .corrected
                .clone()
                .map(|text| {
                    view! {
                        <p class="card-side">"As it should be"</p>
                        <pre class="http" data-testid="corrected"><code>{text}</code></pre>
                    }
                })}
            <p class="sources">
                <Cite cite=feedback.cite/>
                " · "
                <a href=feedback.reference.clone()>"Read more in the Reference"</a>
            </p>
            <button type="button" class="primary" data-testid="next" on:click=move |_| on_next.run(())>
                "Next"
                <span class="key-hint">" (Enter)"</span>
            </button>
        </div>
    }
}

#[component]
fn Summary(
    right: usize,
    total: usize,
    seconds: i64,
    missed: Vec<Missed>,
    spec: QuizSpec,
    placement: bool,
    node_ref: NodeRef<html::Section>,
    on_review: Callback<Vec<Question>>,
    on_retake: Callback<()>,
) -> impl IntoView {
    let review: Vec<Question> = missed.iter().map(|m| m.question.clone()).collect();
    let has_missed = !review.is_empty();
    view! {
        <section class="summary" data-testid="summary" tabindex="-1" node_ref=node_ref aria-labelledby="summary-heading">
            <h2 id="summary-heading">"Quiz complete"</h2>
            <p class="score">
                "Score: " <strong>{format!("{right} / {total}")}</strong>
                {format!(" in {}:{:02}", seconds / 60, seconds % 60)}
            </p>
            <div class="actions">
                {has_missed
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="primary"
                                data-testid="review-missed"
                                on:click=move |_| on_review.run(review.clone())
                            >
                                "Review the missed ones"
                            </button>
                        }
                    })}
                <button type="button" on:click=move |_| on_retake.run(())>
                    "Retake this quiz"
                </button>
                <a href=Page::Quiz.path()>"New quiz"</a>
            </div>
            {if placement {
                view! {
                    <p data-testid="placement-result">
                        {format!(
                            "{right} of {total} start as known. The rest come as new cards, the most common first."
                        )}
                        " "
                        <a href=Page::Study.path()>"Go to Study"</a>
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="share">"Share or retake later: " <code>{spec.path()}</code></p>
                }
                    .into_any()
            }}
            {has_missed
                .then(|| {
                    view! {
                        <h3>"What you missed"</h3>
                        <ol class="missed">
                            {missed
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <li>
                                            <p class="missed-prompt">{m.question.prompt}</p>
                                            <p data-testid="missed-yours">
                                                "You answered: " <strong>{m.yours}</strong>
                                            </p>
                                            <p>
                                                "Answer: " <strong>{m.feedback.correct_answer}</strong>
                                            </p>
                                            <p>{m.feedback.explanation} " " <Cite cite=m.feedback.cite/></p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
        </section>
    }
}
