//! Question generation: every question is built from the catalogue, and every random choice
//! comes from the caller's [`QuizRng`], so the same seed always gives the same quiz.
//!
//! This module assembles quizzes and chooses each question's kind; `kinds/` holds one module
//! per kind (which items it fits, and how it asks), `choices.rs` what they build options with.

mod choices;
pub(in crate::quiz) mod kinds;

pub(crate) use kinds::{hidden_exchange, property_reason};

use super::deck::Deck;
use super::item::Item;
use super::question::{Kind, Question};
use super::random::QuizRng;
use kinds::supports;

/// Options in a multiple-choice question when the pool allows.
const OPTIONS: usize = 4;
/// One question in `TYPED_ONE_IN` is typed, where the item allows it.
const TYPED_ONE_IN: u32 = 8;

/// A quiz of `length` questions from `deck`, fully determined by `seed` (same seed, same quiz,
/// in every release as long as the catalogue is unchanged: the draws come from [`QuizRng`]).
///
/// Items are drawn without repetition while the deck has enough (then the deck is drawn again,
/// never the same item twice in a row unless the deck has only one); kinds are varied (each
/// question takes the kind its item supports that the quiz has used least so far); about one
/// question in eight is typed where the item allows it.
pub fn generate_quiz(deck: Deck, length: usize, seed: u64) -> Vec<Question> {
    generate_quiz_over(deck.items(), deck, length, seed)
}

/// As [`generate_quiz`], drawing from `items` (some of `deck`'s: those a learner has started)
/// and asking what `deck` asks. With every item of the deck it is exactly [`generate_quiz`].
pub fn generate_quiz_over(items: Vec<Item>, deck: Deck, length: usize, seed: u64) -> Vec<Question> {
    let mut rng = QuizRng::new(seed);
    if items.is_empty() || length == 0 {
        return Vec::new();
    }
    let mut order: Vec<Item> = Vec::with_capacity(length);
    let mut pool = items;
    while order.len() < length {
        let take = (length - order.len()).min(pool.len());
        let drawn = rng.partial_shuffle(&mut pool, take);
        if let (Some(last), true) = (order.last(), drawn.len() > 1) {
            if drawn[0] == *last {
                drawn.swap(0, 1);
            }
        }
        order.extend_from_slice(drawn);
    }
    let mut used = [0u32; Kind::ALL.len()];
    let mut questions: Vec<Question> = order
        .into_iter()
        .map(|item| {
            let kind = pick_kind(item, &used, deck, &mut rng);
            // "Which class?" is the easiest kind: count it double so it comes up half as often.
            used[kind as usize] += if kind == Kind::ClassOfCode { 2 } else { 1 };
            build(item, kind, &mut rng)
                .unwrap_or_else(|| panic!("{item:?} supports the {kind:?} it was given"))
        })
        .collect();
    if deck == Deck::Beginner {
        // A beginner starts with multiple choice: typed answers (recall with no options) come
        // last, once the quiz has shown its codes. Stable, so the rest keep their order.
        crate::sort::by_key(&mut questions, |q| q.kind == Kind::TypedCode);
    }
    questions
}

/// One question exercising `item`, of a kind the item supports, chosen with `rng` (typed about
/// one time in eight where the item allows it).
///
/// # Panics
/// If the item names nothing in the catalogue or is an Unused code; items from
/// [`all_items`](super::all_items), [`Deck::items`] and [`Item::from_key`] never are.
pub fn question_for(item: Item, rng: &mut QuizRng) -> Question {
    let kind = pick_kind(item, &[0; Kind::ALL.len()], Deck::Everything, rng);
    build(item, kind, rng)
        .unwrap_or_else(|| panic!("{item:?} is not in the catalogue, so no question exists"))
}

/// One question of `kind` for `item`, or `None` when the item does not support that kind
/// (or names nothing in the catalogue, or is an Unused code).
pub fn question_of_kind(item: Item, kind: Kind, rng: &mut QuizRng) -> Option<Question> {
    if !supports(item, kind) {
        return None;
    }
    build(item, kind, rng)
}

/// The kinds `item` supports, in [`Kind::ALL`] order.
pub fn kinds_for(item: Item) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|&k| supports(item, k))
        .collect()
}

/// A kind for `item`: typed one time in eight where allowed, otherwise the least used of its
/// multiple-choice kinds (by `used`, indexed by `Kind as usize`), ties broken by `rng`.
fn pick_kind(item: Item, used: &[u32; Kind::ALL.len()], deck: Deck, rng: &mut QuizRng) -> Kind {
    let mut kinds = [Kind::TypedCode; Kind::ALL.len()];
    let mut count = 0;
    let mut typed = false;
    for kind in Kind::ALL {
        if !supports(item, kind) || !deck.asks(kind) {
            continue;
        }
        if kind == Kind::TypedCode {
            typed = true;
        } else {
            kinds[count] = kind;
            count += 1;
        }
    }
    if typed && (count == 0 || rng.one_in(TYPED_ONE_IN)) {
        return Kind::TypedCode;
    }
    let kinds = &kinds[..count];
    let Some(least) = kinds.iter().map(|&k| used[k as usize]).min() else {
        // Nothing supported: the caller reports the missing item.
        return Kind::TypedCode;
    };
    // Among the least used, "which class?" (the easiest kind) has half the weight of the others.
    let weight = |k: Kind| if k == Kind::ClassOfCode { 1 } else { 2 };
    let ties = kinds.iter().filter(|&&k| used[k as usize] == least);
    let total: usize = ties.clone().map(|&k| weight(k)).sum();
    let mut pick = rng.below(total);
    for &k in ties {
        if pick < weight(k) {
            return k;
        }
        pick -= weight(k);
    }
    unreachable!("pick < total weight")
}

/// Builds the question; `None` when the item or kind does not fit.
fn build(item: Item, kind: Kind, rng: &mut QuizRng) -> Option<Question> {
    kinds::build(item, kind, rng)
}
