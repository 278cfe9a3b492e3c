//! `/lab`: the HTTP lab. The learner writes a request (as fields or as text, kept in step by
//! the domain's [`Draft`]), sends it to the lab's server in the page, and reads the answer
//! with its reasons; the session's exchanges are listed like a browser's network panel, and
//! a challenge (`/lab?challenge=<id>`) sets a goal that the exchanges are checked against.
//! Every rule is the lab's ([`crate::lab`]); this page shows its state and forwards intent.

mod challenge;
mod editor;
mod panel;
mod response;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::lab::{self, Draft, Session};
use crate::routes::Page;
use crate::ui::state::{moment, ProgressStore};
use crate::ui::use_page_title;
use challenge::{ChallengeList, ChallengePanel};
use editor::Editor;
use panel::NetworkPanel;
use response::ResponseView;

/// The lab as the learner left it: the app keeps it while it runs in this tab ([`App`]
/// provides it), so that leaving the lab for another page and coming back finds the same
/// requests listed, the server as they left it and the request they were writing. A reload
/// starts a new one, and so does "Start over".
///
/// [`App`]: crate::ui::App
#[derive(Clone, Copy)]
pub struct KeptLab(StoredValue<Option<Kept>>);

/// What [`KeptLab`] holds between two visits of the page.
struct Kept {
    session: Session,
    draft: Draft,
    shown: Option<usize>,
}

impl KeptLab {
    /// Provides an empty one to the app.
    pub fn provide() {
        provide_context(KeptLab(StoredValue::new(None)));
    }
}

/// Moves the focus to the element `id` once the view has been updated.
fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// What the page shares with its parts: the session, the request being written, and which
/// exchange is shown.
#[derive(Clone, Copy)]
struct LabState {
    session: RwSignal<Session>,
    draft: RwSignal<Draft>,
    /// The exchange whose response is shown (an index into the session's exchanges).
    shown: RwSignal<Option<usize>>,
    /// What the last send solved, said once (a live region reads it out).
    news: RwSignal<String>,
}

impl LabState {
    /// Sends the request as written, records every challenge it has just solved, and shows
    /// the answer.
    fn send(self, store: ProgressStore) {
        let raw = self.draft.with_untracked(Draft::to_text);
        let at = moment().at();
        let mut solved = Vec::new();
        self.session.update(|s| solved = s.send(&raw, at));
        let count = self.session.with_untracked(|s| s.exchanges().len());
        self.shown.set(count.checked_sub(1));
        let mut news = self.session.with_untracked(|s| {
            s.exchanges()
                .last()
                .map(|x| format!("The server answered {}.", lab::status_text(x.status())))
                .unwrap_or_default()
        });
        for c in solved {
            match store.solve(c.id) {
                Ok(_) => news.push_str(&format!(" Challenge solved: {}", c.goal)),
                Err(why) => news.push_str(&format!(" Solved, but not recorded: {why}.")),
            }
        }
        self.news.set(news);
    }

    /// Starts over: the server as the open challenge (or a new lab) starts it, no request
    /// listed, and the editor's starting request, with the focus on its text.
    fn start_over(self) {
        self.session.update(|s| s.start_over(moment().at()));
        self.draft.set(Draft::start());
        self.shown.set(None);
        self.news
            .set("Started over: the server is as it starts, and no request is listed.".into());
        focus_later("lab-raw".into());
    }

    /// Opens exchange `i` in the editor, to change and send again, and shows its answer.
    fn reopen(self, i: usize) {
        let request = self
            .session
            .with_untracked(|s| s.exchanges().get(i).map(|x| x.request().to_string()));
        if let Some(request) = request {
            self.draft.set(Draft::from_text(&request));
            self.shown.set(Some(i));
            self.news
                .set(format!("Request {} is in the editor.", i + 1));
        }
    }
}

/// The lab page.
#[component]
pub fn LabPage() -> impl IntoView {
    use_page_title(Page::Lab.label());
    let store = ProgressStore::get();
    // The lab as the learner left it in this tab, if they did (not in a page written at build
    // time, which has no KeptLab).
    let kept = use_context::<KeptLab>();
    let left = kept.and_then(|k| k.0.try_update_value(Option::take).flatten());
    let Kept {
        session,
        draft,
        shown,
    } = left.unwrap_or_else(|| Kept {
        session: Session::new(),
        draft: Draft::start(),
        shown: None,
    });
    let state = LabState {
        session: RwSignal::new(session),
        draft: RwSignal::new(draft),
        shown: RwSignal::new(shown),
        news: RwSignal::new(String::new()),
    };
    if let Some(kept) = kept {
        // Cleanups run before the page's signals are disposed of.
        on_cleanup(move || {
            let left = state.session.try_get_untracked().and_then(|session| {
                Some(Kept {
                    session,
                    draft: state.draft.try_get_untracked()?,
                    shown: state.shown.try_get_untracked()?,
                })
            });
            kept.0.set_value(left);
        });
    }
    let query = use_query_map();
    let asked = Memo::new(move |_| query.with(|q| q.get_str("challenge").map(str::to_string)));
    let open = Memo::new(move |_| asked.with(|a| a.as_deref().and_then(lab::challenge)));
    // The challenge the URL names starts its lab (a challenge opened again keeps its lab).
    Effect::new(move |_| {
        let c = open.get();
        state.session.update(|s| {
            s.open(c, moment().at());
        });
    });
    let standing = store.derive(|p, _| lab::standing(p));
    view! {
        <section class="page lab" aria-labelledby="page-heading">
            <h1 id="page-heading">"HTTP lab"</h1>
            <p class="lead">
                "Write a request, send it to a small server in this page, and read what it answers and why. Nothing leaves your browser."
            </p>
            {move || {
                asked
                    .get()
                    .filter(|id| lab::challenge(id).is_none())
                    .map(|id| {
                        view! {
                            <p class="notice" data-testid="lab-unknown-challenge">
                                "The address names a challenge the lab does not have (“"
                                <code>{id}</code>
                                "”). Pick one from the list of challenges below, or try any request."
                            </p>
                        }
                    })
            }}
            {move || open.get().map(|c| view! { <ChallengePanel challenge=c state standing/> })}
            <Editor state/>
            <ResponseView state/>
            <NetworkPanel state/>
            <ChallengeList standing open/>
        </section>
    }
}
