//! One study session: the items it holds, in what order they come, which one is on screen,
//! what each grade did, and what the learner is told about it.
//!
//! The item on screen is chosen when it is shown and stays the one graded until it is
//! answered, whatever the clock does meanwhile: a learning step that falls due while the
//! learner looks at another card waits for the next showing. (Working the card out again from
//! the clock at each render, or at grading time, once let a grade land on a card that was not
//! on screen.)

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;

use chrono::{DateTime, Duration, Utc};

use super::reviews::{ReviewOrder, Reviews, REVIEW_ORDER};
use super::time::{minutes_words, spent_seconds};
use crate::clock::Moment;
use crate::progress::keeper::{Keeper, Store};
use crate::progress::{AnswerId, Card, Progress, Undo};
use crate::quiz::{exchange_card, flashcard, pair_card, supports, Deck, Flashcard, Item, Kind};
use crate::schedule::{format_interval, Grade};

/// An item graded now comes back in this session when it is next due within this horizon.
pub const LEARNING_HORIZON_MINUTES: i64 = 60;

/// In practice and drills, a card graded Again comes back after this many other cards (or at
/// the end, when fewer are left).
pub const AGAIN_AFTER: usize = 3;

/// Review follows the schedule; practice (cram) goes through a deck and changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Review,
    Practice(Deck),
    /// Practice of a few chosen items (the codes the learner mixes up, their weakest ten);
    /// the schedule is left alone.
    Drill,
}

/// How a card shows its item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Face {
    /// The item's flashcard (codes both ways: see [`Shown::reverse`]).
    Plain,
    /// A code asked through its example exchange, status line hidden (the Exchanges deck).
    Exchange,
    /// A code beside another it was mixed up with, to tell apart (a confusion drill).
    Pair(u16),
}

/// The item on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub item: Item,
    /// Codes are shown both ways: meaning to number as well as number to meaning. A code the
    /// learner has never met is always shown number to meaning first.
    pub reverse: bool,
    pub face: Face,
    /// Whether the answer side is showing.
    pub flipped: bool,
    /// For review, when the item would come back after each grade, worked out when the card
    /// was flipped.
    pub intervals: Option<[(Grade, Duration); 4]>,
}

impl Shown {
    /// The card to show, as its face asks.
    pub fn card(&self) -> Flashcard {
        match self.face {
            Face::Plain => flashcard(self.item, self.reverse),
            Face::Exchange => exchange_card(self.item),
            Face::Pair(other) => match self.item {
                Item::Code(right) => pair_card(right, other),
                _ => flashcard(self.item, self.reverse),
            },
        }
    }
}

/// What a grade did, so that it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    pub item: Item,
    pub grade: Grade,
    /// The recorded answer's undo (`None` in practice, which records nothing).
    pub undo: Option<Undo>,
    reverse: bool,
    face: Face,
    /// The item's card as the session knew it before this grade.
    taken: Option<AnswerId>,
}

/// An item as a review session took it: the answer that made its card (`None` for an item
/// never answered), and every answer the record held for it. Another tab's answer shows in
/// either: it makes the card, or, when the merge keeps this tab's card (a clock that went
/// back), it is an answer the session never saw.
#[derive(Clone, Debug, Default, PartialEq)]
struct Taken {
    card: Option<AnswerId>,
    answers: BTreeSet<AnswerId>,
}

/// What a session still holds, as Anki counts it: new cards, cards in learning steps (met in
/// this session and coming back soon), and reviews.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    /// Cards another tab answered since this session took them: skipped here.
    pub elsewhere: usize,
}

/// When the items of a finished session come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Back {
    LaterToday,
    Tomorrow,
    /// In 2 to 6 days.
    ThisWeek,
    /// In a week or more.
    Later,
}

impl Back {
    fn words(self) -> &'static str {
        match self {
            Back::LaterToday => "later today",
            Back::Tomorrow => "tomorrow",
            Back::ThisWeek => "in 2 to 6 days",
            Back::Later => "in a week or more",
        }
    }
}

/// What a session did, for its done screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionSummary {
    /// Cards (items) graded.
    pub cards: usize,
    /// Grades given (an item graded Again comes back, and is graded again).
    pub answers: usize,
    /// Grades other than Again.
    pub right: usize,
    /// Items met for the first time.
    pub new: usize,
    pub seconds: u32,
    /// For review, how many of the items come back when, soonest first.
    pub back: Vec<(Back, usize)>,
}

impl SessionSummary {
    /// "10 cards in 4 min, 8 of 12 answers right. 10 were new to you."
    pub fn headline(&self) -> String {
        let cards = if self.cards == 1 {
            "1 card".to_string()
        } else {
            format!("{} cards", self.cards)
        };
        let mut s = format!(
            "{cards} in {}, {} of {} answers right.",
            minutes_words(self.seconds),
            self.right,
            self.answers
        );
        match self.new {
            0 => {}
            1 => s.push_str(" 1 was new to you."),
            n => s.push_str(&format!(" {n} were new to you.")),
        }
        s
    }

    /// "They come back: 2 later today, 5 tomorrow, 3 in 2 to 6 days." (empty for practice).
    pub fn comes_back(&self) -> String {
        if self.back.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = self
            .back
            .iter()
            .map(|(when, n)| format!("{n} {}", when.words()))
            .collect();
        format!("They come back: {}.", parts.join(", "))
    }
}

/// A card waiting in the session: the item and how it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    item: Item,
    face: Face,
}

/// A study session.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    kind: SessionKind,
    queue: VecDeque<Entry>,
    /// Items answered in this session that come back, with when.
    learning: Vec<(Entry, DateTime<Utc>)>,
    shown: Option<Shown>,
    /// The items that were new when the session began.
    new: BTreeSet<Item>,
    /// The items graded in this session (what comes back of them is in learning steps).
    answered: BTreeSet<Item>,
    /// Items the learner has met: started before the session, or answered in it.
    met: BTreeSet<Item>,
    /// Whether the next code already met is shown meaning to number.
    reverse_next: bool,
    /// Every grade given, in order, with when.
    log: Vec<(Item, Grade, DateTime<Utc>)>,
    /// For review, each item as the session took it, kept up to date with the session's own
    /// grades: an item whose card or answers differ in the record was answered in another tab
    /// since.
    taken: BTreeMap<Item, Taken>,
    /// Cards skipped because another tab answered them since the session took them.
    elsewhere: usize,
}

impl Session {
    /// A review of `p` at `at`: learning steps due again, the day's reviews (in
    /// [`REVIEW_ORDER`], up to the day's cap: [`Reviews`]), then new items up to the day's
    /// limit. The first is shown.
    pub fn review(p: &Progress, at: Moment) -> Session {
        Session::review_in_order(p, at, REVIEW_ORDER)
    }

    /// As [`Session::review`], taking the day's reviews in `order` instead of the app's
    /// [`REVIEW_ORDER`] (the simulation compares the orders).
    pub fn review_in_order(p: &Progress, at: Moment, order: ReviewOrder) -> Session {
        let due: Vec<Item> = Reviews::in_order(p, at, order).items().collect();
        let new = super::new_items_today(p, at.day());
        Session::scheduled(p, due, new, at)
    }

    /// `n` more new items beyond the day's limit (the next of what the learner is learning,
    /// in importance order), scheduled as any new item.
    pub fn more_new(p: &Progress, n: usize, at: Moment) -> Session {
        Session::scheduled(p, Vec::new(), super::unstarted_in_goal(p, n), at)
    }

    fn scheduled(p: &Progress, due: Vec<Item>, new: Vec<Item>, at: Moment) -> Session {
        let mut s = Session::over(
            SessionKind::Review,
            p,
            due.into_iter().chain(new.iter().copied()).map(plain),
        );
        s.new = new.into_iter().collect();
        s.show_next(at.at());
        s
    }

    /// A drill of `items`, once each in the order given, as practice: the schedule is left
    /// alone.
    pub fn drill(p: &Progress, items: Vec<Item>, at: Moment) -> Session {
        let mut s = Session::over(SessionKind::Drill, p, items.into_iter().map(plain));
        s.show_next(at.at());
        s
    }

    /// A drill of pairs of codes the learner mixed up (`(right, chose)`): each pair on one
    /// card, side by side, to tell apart.
    pub fn pairs(p: &Progress, pairs: Vec<(u16, u16)>, at: Moment) -> Session {
        let entries = pairs.into_iter().map(|(right, chose)| Entry {
            item: Item::Code(right),
            face: Face::Pair(chose),
        });
        let mut s = Session::over(SessionKind::Drill, p, entries);
        s.show_next(at.at());
        s
    }

    /// Practice of a deck: every item once, the most important first (the order new items
    /// come in); the schedule is left alone. The Exchanges deck asks each code through its
    /// example exchange.
    pub fn practice(p: &Progress, deck: Deck, at: Moment) -> Session {
        let members = deck.items();
        let entries = super::introduction_order()
            .into_iter()
            .filter(|item| members.contains(item))
            .map(|item| Entry {
                item,
                face: if deck == Deck::Exchanges && supports(item, Kind::ReadExchange) {
                    Face::Exchange
                } else {
                    Face::Plain
                },
            });
        let mut s = Session::over(SessionKind::Practice(deck), p, entries);
        s.show_next(at.at());
        s
    }

    fn over(kind: SessionKind, p: &Progress, entries: impl IntoIterator<Item = Entry>) -> Session {
        let queue: VecDeque<Entry> = entries.into_iter().collect();
        let met = queue
            .iter()
            .filter(|e| p.card(&e.item.key()).is_some())
            .map(|e| e.item)
            .collect();
        let taken = if kind == SessionKind::Review {
            let mut taken: BTreeMap<Item, Taken> = queue
                .iter()
                .map(|e| {
                    let card = card_answer(p, e.item);
                    (
                        e.item,
                        Taken {
                            card,
                            answers: BTreeSet::new(),
                        },
                    )
                })
                .collect();
            for a in p.history() {
                if let Some(t) = Item::from_key(a.item()).and_then(|i| taken.get_mut(&i)) {
                    t.answers.insert(a.id());
                }
            }
            taken
        } else {
            BTreeMap::new()
        };
        Session {
            kind,
            queue,
            learning: Vec::new(),
            shown: None,
            new: BTreeSet::new(),
            answered: BTreeSet::new(),
            met,
            reverse_next: false,
            log: Vec::new(),
            taken,
            elsewhere: 0,
        }
    }

    pub fn kind(&self) -> SessionKind {
        self.kind
    }

    /// The item on screen; `None` when the session is over.
    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    /// Whether any card was graded in this session.
    pub fn graded_any(&self) -> bool {
        !self.log.is_empty()
    }

    /// Items still to be answered, the one on screen and learning steps included.
    pub fn remaining(&self) -> usize {
        self.queue.len() + self.learning.len() + usize::from(self.shown.is_some())
    }

    /// What is left, by pile: the card on screen counts in its own. In practice every card
    /// counts as new.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            learning: self.learning.len(),
            elsewhere: self.elsewhere,
            ..Counts::default()
        };
        let practice = self.kind != SessionKind::Review;
        let shown = self.shown.as_ref().map(|s| s.item);
        for item in self.queue.iter().map(|e| e.item).chain(shown) {
            if self.answered.contains(&item) {
                c.learning += 1;
            } else if practice || self.new.contains(&item) {
                c.new += 1;
            } else {
                c.review += 1;
            }
        }
        c
    }

    /// When the next card in a learning step comes back (it may already be due).
    pub fn next_learning(&self) -> Option<DateTime<Utc>> {
        self.learning.iter().map(|(_, due)| *due).min()
    }

    /// The line above the card: "New 3 · Learning 1 (next back in 2 min) · Review 5" for a
    /// review at `now`; "Practice (Beginner set): 12 to go. Your schedule is not changed.".
    pub fn status(&self, now: DateTime<Utc>) -> String {
        match self.kind {
            SessionKind::Review => {
                let c = self.counts();
                let back = self
                    .next_learning()
                    .filter(|_| c.learning > 0)
                    .map(|due| {
                        let wait = due - now;
                        if wait <= Duration::zero() {
                            " (one is back now)".to_string()
                        } else {
                            format!(" (next back in {})", format_interval(wait))
                        }
                    })
                    .unwrap_or_default();
                let elsewhere = match c.elsewhere {
                    0 => String::new(),
                    n => format!(" \u{b7} {n} done in another tab"),
                };
                format!(
                    "New {} \u{b7} Learning {}{back} \u{b7} Review {}{elsewhere}",
                    c.new, c.learning, c.review
                )
            }
            SessionKind::Practice(d) => format!(
                "Practice ({}): {} to go. Your schedule is not changed.",
                d.label(),
                self.remaining()
            ),
            SessionKind::Drill => format!(
                "Drill: {} to go. Your schedule is not changed.",
                self.remaining()
            ),
        }
    }

    /// What each grade button says under its name: for review, when the item comes back
    /// ("10 min", "3 d"); in practice, what the grade does there.
    pub fn grade_hints(&self) -> [String; 4] {
        match self.shown.as_ref().and_then(|s| s.intervals) {
            Some(previews) => previews.map(|(_, d)| format_interval(d)),
            None => Grade::ALL.map(|g| match g {
                Grade::Again => format!("again after {AGAIN_AFTER} cards"),
                _ => "next card".to_string(),
            }),
        }
    }

    /// Turns the card on screen over. For review, the intervals each grade would give are
    /// worked out now, from `p` at `at`. False when there is no card or it is already turned.
    pub fn flip(&mut self, p: &Progress, at: Moment) -> bool {
        let kind = self.kind;
        let Some(shown) = self.shown.as_mut().filter(|s| !s.flipped) else {
            return false;
        };
        shown.flipped = true;
        if kind == SessionKind::Review {
            shown.intervals = Some(
                p.scheduler()
                    .preview(p.card(&shown.item.key()).map(Card::memory), at.at()),
            );
        }
        true
    }

    /// Grades the card on screen (only once it has been turned over). For review, `record`
    /// records the answer for the item's key and gives back its undo and the item's next due
    /// time; practice records nothing (Again shows the card again after [`AGAIN_AFTER`]
    /// others). The next card is then chosen, at `at`, and stays on screen until it is
    /// answered.
    pub fn grade(
        &mut self,
        grade: Grade,
        at: Moment,
        record: impl FnOnce(&str, Grade) -> Option<(Undo, DateTime<Utc>)>,
    ) -> Option<Graded> {
        let shown = self.shown.as_ref().filter(|s| s.flipped)?.clone();
        let now = at.at();
        let entry = Entry {
            item: shown.item,
            face: shown.face,
        };
        let taken = self.taken.get(&shown.item).and_then(|t| t.card);
        let undo = match self.kind {
            SessionKind::Review => {
                let (undo, back) = record(&shown.item.key(), grade)?;
                if back - now <= Duration::minutes(LEARNING_HORIZON_MINUTES) {
                    self.learning.push((entry, back));
                }
                let t = self.taken.entry(shown.item).or_default();
                t.card = Some(undo.answer());
                t.answers.insert(undo.answer());
                Some(undo)
            }
            SessionKind::Practice(_) | SessionKind::Drill => {
                if grade == Grade::Again {
                    let at = AGAIN_AFTER.min(self.queue.len());
                    self.queue.insert(at, entry);
                }
                None
            }
        };
        self.shown = None;
        self.answered.insert(shown.item);
        self.met.insert(shown.item);
        self.log.push((shown.item, grade, now));
        self.show_next(now);
        Some(Graded {
            item: shown.item,
            grade,
            undo,
            reverse: shown.reverse,
            face: shown.face,
            taken,
        })
    }

    /// Takes in what the record `p` says now (other tabs' answers included): for review, every
    /// card another tab has answered since this session took it is skipped (the one on screen
    /// too, then the next is shown, at `at`), and counted in [`Counts::elsewhere`]. Called
    /// before a card is graded and whenever the record changes. Returns how many were skipped.
    pub fn catch_up(&mut self, p: &Progress, at: Moment) -> usize {
        if self.kind != SessionKind::Review {
            return 0;
        }
        let elsewhere = self.answered_elsewhere(p);
        let moved = |item: Item| elsewhere.contains(&item);
        let before = self.queue.len() + self.learning.len();
        self.queue.retain(|e| !moved(e.item));
        self.learning.retain(|(e, _)| !moved(e.item));
        let mut skipped = before - (self.queue.len() + self.learning.len());
        if self.shown.as_ref().is_some_and(|s| moved(s.item)) {
            self.shown = None;
            skipped += 1;
            self.show_next(at.at());
        }
        self.elsewhere += skipped;
        skipped
    }

    /// Whether the card on screen was answered in another tab since the session took it (the
    /// record `p` says so): it must not be graded again here.
    pub fn shown_answered_elsewhere(&self, p: &Progress) -> bool {
        self.kind == SessionKind::Review
            && self
                .shown
                .as_ref()
                .is_some_and(|s| self.answered_elsewhere(p).contains(&s.item))
    }

    /// The items the session took that another tab has answered since, as the record `p`
    /// says: their card was made by an answer the session did not give, or the record holds an
    /// answer to them the session never saw.
    fn answered_elsewhere(&self, p: &Progress) -> BTreeSet<Item> {
        let mut moved: BTreeSet<Item> = self
            .taken
            .iter()
            .filter(|(item, t)| t.card != card_answer(p, **item))
            .map(|(item, _)| *item)
            .collect();
        for a in p.history() {
            if let Some(item) = Item::from_key(a.item()) {
                if self
                    .taken
                    .get(&item)
                    .is_some_and(|t| !t.answers.contains(&a.id()))
                {
                    moved.insert(item);
                }
            }
        }
        moved
    }

    /// After the grade `graded` was undone: its card is shown again, as it was, unturned; the
    /// card that was showing goes back to the front of the queue.
    pub fn put_back(&mut self, graded: &Graded) {
        if self.kind == SessionKind::Review {
            self.taken.entry(graded.item).or_default().card = graded.taken;
        }
        self.answered.remove(&graded.item);
        self.learning.retain(|(e, _)| e.item != graded.item);
        self.queue.retain(|e| e.item != graded.item);
        if let Some(i) = self
            .log
            .iter()
            .rposition(|(item, g, _)| *item == graded.item && *g == graded.grade)
        {
            self.log.remove(i);
        }
        if let Some(current) = self.shown.take() {
            self.queue.push_front(Entry {
                item: current.item,
                face: current.face,
            });
        }
        self.shown = Some(Shown {
            item: graded.item,
            reverse: graded.reverse,
            face: graded.face,
            flipped: false,
            intervals: None,
        });
    }

    /// What the session did, for its done screen: cards, answers and right ones, the time
    /// spent (from when the grades were given, as the day's time is counted), and for review
    /// when the items come back (their cards in `p`, as seen at `at`).
    pub fn summary(&self, p: &Progress, at: Moment) -> SessionSummary {
        let cards: BTreeSet<Item> = self.log.iter().map(|(i, _, _)| *i).collect();
        let mut back: Vec<(Back, usize)> = Vec::new();
        if self.kind == SessionKind::Review {
            let tomorrow_end = at.plus(Duration::days(1)).day_end();
            for item in &cards {
                let Some(due) = p.card(&item.key()).map(|c| c.due()) else {
                    continue;
                };
                let when = if due < at.day_end() {
                    Back::LaterToday
                } else if due < tomorrow_end {
                    Back::Tomorrow
                } else if due < at.day_end() + Duration::days(6) {
                    Back::ThisWeek
                } else {
                    Back::Later
                };
                match back.iter_mut().find(|(w, _)| *w == when) {
                    Some((_, n)) => *n += 1,
                    None => back.push((when, 1)),
                }
            }
            crate::sort::ascending(&mut back);
        }
        SessionSummary {
            cards: cards.len(),
            answers: self.log.len(),
            right: self
                .log
                .iter()
                .filter(|(_, g, _)| *g != Grade::Again)
                .count(),
            new: cards.iter().filter(|i| self.new.contains(i)).count(),
            seconds: spent_seconds(self.log.iter().map(|(_, _, t)| *t)),
            back,
        }
    }

    /// Chooses the card to show at `now`: a learning step that has come due, else the next
    /// queued item, else the earliest learning step (waiting would only stall the session).
    fn show_next(&mut self, now: DateTime<Utc>) {
        let earliest = self
            .learning
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, due))| *due)
            .map(|(i, (_, due))| (i, *due));
        let entry = match earliest {
            Some((i, due)) if due <= now => Some(self.learning.remove(i).0),
            _ => self
                .queue
                .pop_front()
                .or_else(|| earliest.map(|(i, _)| self.learning.remove(i).0)),
        };
        self.shown = entry.map(|Entry { item, face }| {
            // A code is shown meaning to number only once the learner has met it, and then in
            // turn with number to meaning.
            let reverse = face == Face::Plain
                && matches!(item, Item::Code(_))
                && self.met.contains(&item)
                && {
                    let turn = self.reverse_next;
                    self.reverse_next = !turn;
                    turn
                };
            Shown {
                item,
                reverse,
                face,
                flipped: false,
                intervals: None,
            }
        });
    }
}

/// The answer that made `item`'s card in `p` (`None`: never answered).
fn card_answer(p: &Progress, item: Item) -> Option<AnswerId> {
    p.card(&item.key()).and_then(Card::answer)
}

fn plain(item: Item) -> Entry {
    Entry {
        item,
        face: Face::Plain,
    }
}

impl fmt::Display for SessionKind {
    /// What the done screen says when the session is over.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionKind::Review => write!(f, "Session done."),
            SessionKind::Practice(d) => write!(f, "You went through the whole {} deck.", d.label()),
            SessionKind::Drill => write!(f, "Drill done."),
        }
    }
}

/// What a link to the Study page opens: `/study` a review, `/study?more=5` more new items,
/// `/study?drill=weakest` or `?drill=confusions` a drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    Review,
    More(usize),
    Weakest,
    Confusions,
}

/// The most new items one "learn more" link may start.
pub const MORE_AT_MOST: usize = 50;

impl Opening {
    /// Reads a Study link's `drill` and `more`. A name the app does not know is an error in
    /// words (never a review started in its place: a drill leaves the schedule alone, a review
    /// does not).
    pub fn from_query(drill: Option<&str>, more: Option<&str>) -> Result<Opening, String> {
        match (drill, more) {
            (Some("weakest"), None) => Ok(Opening::Weakest),
            (Some("confusions"), None) => Ok(Opening::Confusions),
            (Some(name), None) => Err(format!(
                "This link asks for a drill called \u{201c}{name}\u{201d}, which the app does not have. The drills are \u{201c}weakest\u{201d} (your weakest items) and \u{201c}confusions\u{201d} (the codes you mix up); nothing was started and your schedule is unchanged."
            )),
            (None, Some(n)) => match n.trim().parse::<usize>() {
                Ok(n) if (1..=MORE_AT_MOST).contains(&n) => Ok(Opening::More(n)),
                _ => Err(format!(
                    "This link asks to learn \u{201c}{n}\u{201d} more new items; it can be a whole number from 1 to {MORE_AT_MOST}. Nothing was started."
                )),
            },
            (None, None) => Ok(Opening::Review),
            (Some(_), Some(_)) => Err(
                "This link asks for a drill and for new items at once; open one of them. Nothing was started."
                    .to_string(),
            ),
        }
    }

    /// The session it opens for the learner of `p` at `at`.
    pub fn session(self, p: &Progress, at: Moment) -> Session {
        match self {
            Opening::Review => Session::review(p, at),
            Opening::More(n) => Session::more_new(p, n, at),
            Opening::Weakest => Session::drill(p, super::weakest_drill(p, at.at()), at),
            Opening::Confusions => Session::pairs(p, super::confusion_drill(p), at),
        }
    }
}

/// A grade not given because the card on screen was answered in another tab meanwhile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skipped;

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "That card was just answered in another tab, so it was skipped here (your schedule counts it once)."
        )
    }
}

/// What the Study page does when the learner grades the card on screen in `session`: the
/// stored record is taken in first (another tab may have answered that card meanwhile); a card
/// answered elsewhere since the session took it is skipped, not graded again; otherwise the
/// grade is recorded through `keeper` (for review) and saved; then the session skips every
/// other card answered elsewhere before the next is shown.
pub fn grade_shown(
    session: &mut Session,
    keeper: &mut Keeper,
    store: &mut impl Store,
    grade: Grade,
    at: Moment,
) -> Result<Option<Graded>, Skipped> {
    keeper.stored_elsewhere(store, at);
    if session.shown_answered_elsewhere(keeper.progress()) {
        session.catch_up(keeper.progress(), at);
        return Err(Skipped);
    }
    let graded = session.grade(grade, at, |key, g| {
        let undo = keeper.record(store, key, g, at)?;
        let due = keeper.progress().card(key)?.due();
        Some((undo, due))
    });
    session.catch_up(keeper.progress(), at);
    Ok(graded)
}
