//! Question generation: every question is built from the catalogue, and every random choice
//! comes from the caller's [`QuizRng`], so the same seed always gives the same quiz.

use super::deck::Deck;
use super::item::{self, studied_code, studied_codes, Item, Property};
use super::question::{sentence, Answer, Choice, Kind, Question, Value};
use super::random::QuizRng;
use crate::catalogue::{
    self, Cacheability, Citation, Method, Requirement, StatusCode, CLASSES, CONFUSABLE_GROUPS,
    STATUS_CODES,
};

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
    let mut rng = QuizRng::new(seed);
    let items = deck.items();
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
    // A class deck asking "which class?" would give the answer away.
    let allow_class = !matches!(deck, Deck::Class(_));
    let mut used = [0u32; Kind::ALL.len()];
    let mut questions: Vec<Question> = order
        .into_iter()
        .map(|item| {
            let kind = pick_kind(item, &used, allow_class, &mut rng);
            // "Which class?" is the easiest kind: count it double so it comes up half as often.
            used[kind as usize] += if kind == Kind::ClassOfCode { 2 } else { 1 };
            build(item, kind, &mut rng)
                .unwrap_or_else(|| panic!("{item:?} supports the {kind:?} it was given"))
        })
        .collect();
    if deck == Deck::Beginner {
        // A beginner starts with multiple choice: typed answers (recall with no options) come
        // last, once the quiz has shown its codes. Stable, so the rest keep their order.
        questions.sort_by_key(|q| q.kind == Kind::TypedCode);
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
    let kind = pick_kind(item, &[0; Kind::ALL.len()], true, rng);
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

/// Whether a question of `kind` can be asked about `item`.
pub fn supports(item: Item, kind: Kind) -> bool {
    match item {
        Item::Code(n) => {
            // Unused codes are not study items.
            let Some(code) = studied_code(n) else {
                return false;
            };
            match kind {
                Kind::CodeToName | Kind::MeaningToCode | Kind::TypedCode => true,
                Kind::ClassOfCode => catalogue::class(code.class()).is_some(),
                Kind::ConfusablePair => code_groups(n).next().is_some(),
                Kind::CompanionHeader => strong_headers(code).next().is_some(),
                Kind::ReadExchange => hidden_exchange(code).is_some(),
                _ => false,
            }
        }
        Item::MethodProperty { method, .. } => {
            kind == Kind::MethodProperty && item::method(method).is_some()
        }
        Item::Scenario(id) => {
            matches!(kind, Kind::ScenarioToCode | Kind::TypedCode) && item::scenario(id).is_some()
        }
        Item::Misconception(id) => kind == Kind::Misconception && item::misconception(id).is_some(),
    }
}

/// A kind for `item`: typed one time in eight where allowed, otherwise the least used of its
/// multiple-choice kinds (by `used`, indexed by `Kind as usize`), ties broken by `rng`.
fn pick_kind(
    item: Item,
    used: &[u32; Kind::ALL.len()],
    allow_class: bool,
    rng: &mut QuizRng,
) -> Kind {
    let mut kinds = [Kind::TypedCode; Kind::ALL.len()];
    let mut count = 0;
    let mut typed = false;
    for kind in Kind::ALL {
        if !supports(item, kind) {
            continue;
        }
        if kind == Kind::TypedCode {
            typed = true;
        } else if kind != Kind::ClassOfCode || allow_class {
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
    match (item, kind) {
        (Item::Code(n), _) => {
            let code = catalogue::status_code(n)?;
            match kind {
                Kind::CodeToName => Some(code_to_name(item, code, rng)),
                Kind::MeaningToCode => Some(meaning_to_code(item, code, rng)),
                Kind::ClassOfCode => class_of_code(item, code, rng),
                Kind::ConfusablePair => confusable_pair(item, code, rng),
                Kind::CompanionHeader => companion_header(item, code, rng),
                Kind::ReadExchange => read_exchange(item, code, rng),
                Kind::TypedCode => Some(Question {
                    item,
                    kind,
                    prompt: format!("Type the code number: {}", code.meaning),
                    exhibit: None,
                    options: Vec::new(),
                    answer: Answer::Code {
                        best: code.code,
                        also: &[],
                    },
                    explanation: code.explanation.to_string(),
                    cite: code.cite,
                    reference: item.reference_path(),
                }),
                _ => None,
            }
        }
        (Item::MethodProperty { method, property }, Kind::MethodProperty) => {
            Some(method_property(item, item::method(method)?, property))
        }
        (Item::Scenario(id), Kind::ScenarioToCode | Kind::TypedCode) => {
            let s = item::scenario(id)?;
            if kind == Kind::TypedCode {
                return Some(Question {
                    item,
                    kind,
                    prompt: format!("Type the code number: {}", s.situation),
                    exhibit: None,
                    options: Vec::new(),
                    answer: Answer::Code {
                        best: s.best,
                        also: s.also,
                    },
                    explanation: s.why.to_string(),
                    cite: s.cite,
                    reference: item.reference_path(),
                });
            }
            let distractors = pick_codes(s.best, s.also, OPTIONS - 1, rng);
            Some(multiple_choice(
                item,
                kind,
                format!("{} Which status code fits best?", s.situation),
                number_choice(s.best),
                distractors.into_iter().map(number_choice),
                s.why.to_string(),
                s.cite,
                rng,
            ))
        }
        (Item::Misconception(id), Kind::Misconception) => {
            let m = item::misconception(id)?;
            // A truth that opens by pointing back at the claim ("They can, …", "Both are …")
            // does not stand alone as a statement, so it is only ever shown after the claim.
            let states_claim = rng.coin() || !stands_alone(m.truth);
            // The statement is one sentence, never the whole correction (which would give the
            // answer away); the explanation then says the rest, once.
            let (prompt, explanation) = if states_claim {
                (format!("True or false: {}", m.claim), m.truth.to_string())
            } else {
                let (statement, rest) = first_sentence(m.truth);
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!("{rest} ")
                };
                (
                    format!("True or false: {statement}"),
                    format!("{rest}The misconception it corrects: “{}”", m.claim),
                )
            };
            Some(fixed_choice(
                item,
                kind,
                prompt,
                vec![bool_choice("True", true), bool_choice("False", false)],
                Value::Bool(!states_claim),
                explanation,
                m.cite,
            ))
        }
        _ => None,
    }
}

/// The first sentence of `text`, and the rest (empty when there is one sentence). A sentence
/// ends at a full stop followed by a space and a capital letter.
fn first_sentence(text: &str) -> (&str, &str) {
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'.'
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            return (&text[..=i], text[i + 2..].trim());
        }
    }
    (text.trim(), "")
}

/// Whether `text` reads as a statement on its own, rather than opening with a word that
/// points back at something said before it.
fn stands_alone(text: &str) -> bool {
    const POINTING_BACK: [&str; 9] = [
        "They", "Both", "It", "Its", "This", "These", "That", "Those", "Neither",
    ];
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    !POINTING_BACK.contains(&first)
}

/// The code's example exchange with the status line that carries the code hidden: the
/// request, a blank line, then the response. `None` when the code has no example, or when the
/// rest of the exchange still names the code or its name (a 208 reported inside a 207 body),
/// so that the question would give itself away.
pub(crate) fn hidden_exchange(code: &StatusCode) -> Option<String> {
    let example = code.example?;
    let status_line = format!("HTTP/1.1 {} ", code.code);
    let response: Vec<String> = example
        .response
        .lines()
        .map(|line| {
            if line.starts_with(&status_line) || line == status_line.trim_end() {
                "HTTP/1.1 ??? (hidden)".to_string()
            } else {
                line.to_string()
            }
        })
        .collect();
    let text = format!("{}\n\n{}", example.request, response.join("\n"));
    let lower = text.to_ascii_lowercase();
    let gives_away = !text.contains("??? (hidden)")
        || text
            .split(|c: char| !c.is_ascii_digit())
            .any(|w| w == code.code.to_string())
        || lower.contains(&code.name.to_ascii_lowercase());
    (!gives_away).then_some(text)
}

/// "Which status code does the server send here?" under an example exchange whose status is
/// hidden; options from the code's confusable neighbours, as for scenarios.
fn read_exchange(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let exhibit = hidden_exchange(code)?;
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    let mut q = multiple_choice(
        item,
        Kind::ReadExchange,
        "Read the exchange: which status code does the server send?".to_string(),
        number_choice(code.code),
        distractors.into_iter().map(number_choice),
        format!("{} {}", sentence(code.meaning), code.explanation),
        code.cite,
        rng,
    );
    q.exhibit = Some(exhibit);
    Some(q)
}

fn code_to_name(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Question {
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    multiple_choice(
        item,
        Kind::CodeToName,
        format!("What is {}?", code.code),
        name_choice(code),
        distractors
            .into_iter()
            .filter_map(catalogue::status_code)
            .map(name_choice),
        format!("{} {}", sentence(code.meaning), code.explanation),
        code.cite,
        rng,
    )
}

fn meaning_to_code(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Question {
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    multiple_choice(
        item,
        Kind::MeaningToCode,
        format!("Which code means: {}?", without_stop(code.meaning)),
        number_choice(code.code),
        distractors.into_iter().map(number_choice),
        code.explanation.to_string(),
        code.cite,
        rng,
    )
}

fn class_of_code(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let class = catalogue::class(code.class())?;
    let class_choice = |c: &catalogue::Class| Choice {
        label: format!("{} {}", c.label(), c.name),
        value: Value::Class(c.class),
    };
    let mut others: Vec<&catalogue::Class> =
        CLASSES.iter().filter(|c| c.class != class.class).collect();
    rng.shuffle(&mut others);
    Some(multiple_choice(
        item,
        Kind::ClassOfCode,
        format!("Which class does {} belong to?", code.code),
        class_choice(class),
        others.into_iter().take(OPTIONS - 1).map(class_choice),
        format!(
            "{} {} is in {} {}: {}",
            code.code,
            code.name,
            class.label(),
            class.name,
            class.meaning
        ),
        class.cite,
        rng,
    ))
}

/// The confusable groups that say what `code` signals, among other codes.
fn code_groups(code: u16) -> impl Iterator<Item = &'static catalogue::ConfusableGroup> {
    CONFUSABLE_GROUPS.iter().filter(move |g| {
        g.codes.len() >= 2
            && g.codes.contains(&code)
            && g.tells.iter().any(|(m, _)| m.parse() == Ok(code))
    })
}

fn confusable_pair(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let groups: Vec<_> = code_groups(code.code).collect();
    let group = *groups.get(rng.below(groups.len().max(1)))?;
    let tell = group.tell(&code.code.to_string())?;
    let mut others: Vec<u16> = group
        .codes
        .iter()
        .copied()
        .filter(|&c| c != code.code && studied_code(c).is_some())
        .collect();
    rng.shuffle(&mut others);
    Some(multiple_choice(
        item,
        Kind::ConfusablePair,
        format!("Which code means: {}?", without_stop(tell)),
        number_choice(code.code),
        others.into_iter().take(OPTIONS - 1).map(number_choice),
        group.distinction.to_string(),
        code.cite,
        rng,
    ))
}

/// The headers a code's specification asks for with MUST or SHOULD.
fn strong_headers(
    code: &'static StatusCode,
) -> impl Iterator<Item = &'static catalogue::HeaderRule> {
    code.headers
        .iter()
        .filter(|h| matches!(h.level, Requirement::Required | Requirement::Recommended))
}

fn companion_header(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let strong: Vec<_> = strong_headers(code).collect();
    let header = *strong.get(rng.below(strong.len().max(1)))?;
    let verb = if header.level == Requirement::Required {
        "must"
    } else {
        "should"
    };
    let listed = |name: &str| code.headers.iter().any(|h| h.name == name);
    let mut distractors: Vec<&'static str> = Vec::with_capacity(OPTIONS - 1);
    // Plausible first: the headers of the codes learners confuse with this one.
    let mut near: Vec<&'static str> = Vec::new();
    for n in catalogue::confusable_neighbours(code.code) {
        if let Some(c) = studied_code(n) {
            for h in c.headers {
                if !listed(h.name) && !near.contains(&h.name) {
                    near.push(h.name);
                }
            }
        }
    }
    rng.shuffle(&mut near);
    distractors.extend(near.into_iter().take(OPTIONS - 1));
    if distractors.len() < OPTIONS - 1 {
        let mut rest: Vec<&'static str> = Vec::with_capacity(32);
        for h in STATUS_CODES.iter().flat_map(|c| c.headers) {
            if !listed(h.name) && !distractors.contains(&h.name) && !rest.contains(&h.name) {
                rest.push(h.name);
            }
        }
        rng.shuffle(&mut rest);
        let missing = OPTIONS - 1 - distractors.len();
        distractors.extend(rest.into_iter().take(missing));
    }
    let header_choice = |name: &'static str| Choice {
        label: name.to_string(),
        value: Value::Header(name),
    };
    Some(multiple_choice(
        item,
        Kind::CompanionHeader,
        format!("Which header {verb} a {} response carry?", code.code),
        header_choice(header.name),
        distractors.into_iter().map(header_choice),
        format!(
            "{} is {} on a {} response. {}",
            header.name,
            header.level.label(),
            code.code,
            header.note
        ),
        header.cite,
        rng,
    ))
}

/// The answer to a method-property question as the catalogue has it.
pub(crate) enum PropertyAnswer {
    Yes,
    No,
    /// Cacheable only under conditions (the reason says which).
    Qualified,
}

pub(crate) fn property_answer(m: &Method, property: Property) -> PropertyAnswer {
    let yes_no = |b: bool| {
        if b {
            PropertyAnswer::Yes
        } else {
            PropertyAnswer::No
        }
    };
    match property {
        Property::Safe => yes_no(m.safe),
        Property::Idempotent => yes_no(m.idempotent),
        Property::Cacheable => match m.cacheable {
            Cacheability::Yes => PropertyAnswer::Yes,
            Cacheability::No => PropertyAnswer::No,
            Cacheability::Qualified(_) => PropertyAnswer::Qualified,
        },
    }
}

/// Why `m` has, or lacks, `property`, in the catalogue's words (the text starts with the
/// answer: "Yes.", "No." or "Only in a narrow case"), with the section that settles it.
pub(crate) fn property_reason(m: &'static Method, property: Property) -> (String, Citation) {
    let reason = match property {
        Property::Safe => m.why.safe,
        Property::Idempotent => m.why.idempotent,
        Property::Cacheable => m.why.cacheable,
    };
    (reason.text.to_string(), reason.cite)
}

/// The label of the third answer to a cacheability question.
pub(crate) const ONLY_UNDER_CONDITIONS: &str = "Only under conditions";

fn method_property(item: Item, m: &'static Method, property: Property) -> Question {
    let answer = property_answer(m, property);
    let (reason, cite) = property_reason(m, property);
    let mut options = vec![bool_choice("Yes", true), bool_choice("No", false)];
    if property == Property::Cacheable {
        options.push(Choice {
            label: ONLY_UNDER_CONDITIONS.to_string(),
            value: Value::Qualified,
        });
    }
    let right = match answer {
        PropertyAnswer::Yes => Value::Bool(true),
        PropertyAnswer::No => Value::Bool(false),
        PropertyAnswer::Qualified => Value::Qualified,
    };
    let explanation = reason;
    fixed_choice(
        item,
        Kind::MethodProperty,
        format!("Is {} {}?", m.name, property.word()),
        options,
        right,
        explanation,
        cite,
    )
}

/// Up to `want` codes to offer as wrong answers to a question whose answer is `answer`: its
/// confusable neighbours first, then codes of the same class, then the nearest codes; never
/// `answer`, one of `exclude`, an Unused code, a duplicate, or a code sharing a name with one
/// already picked.
pub(crate) fn pick_codes(answer: u16, exclude: &[u16], want: usize, rng: &mut QuizRng) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(want);
    let name_of = |n: u16| studied_code(n).map(|c| c.name);
    let answer_name = name_of(answer);
    let offer = |tier: &[u16], out: &mut Vec<u16>| {
        for &n in tier {
            if out.len() == want {
                return;
            }
            let Some(name) = name_of(n) else { continue };
            if n == answer
                || exclude.contains(&n)
                || out.contains(&n)
                || Some(name) == answer_name
                || out.iter().any(|&o| name_of(o) == Some(name))
            {
                continue;
            }
            out.push(n);
        }
    };
    let mut tier = catalogue::confusable_neighbours(answer);
    rng.shuffle(&mut tier);
    offer(&tier, &mut out);
    if out.len() < want {
        tier.clear();
        let class = answer / 100;
        tier.extend(
            studied_codes()
                .map(|c| c.code)
                .filter(|&c| c / 100 == class),
        );
        rng.shuffle(&mut tier);
        offer(&tier, &mut out);
    }
    if out.len() < want {
        tier.clear();
        tier.extend(studied_codes().map(|c| c.code));
        tier.sort_unstable_by_key(|&c| (c.abs_diff(answer), c));
        offer(&tier, &mut out);
    }
    out
}

fn number_choice(code: u16) -> Choice {
    Choice {
        label: code.to_string(),
        value: Value::Code(code),
    }
}

fn name_choice(code: &'static StatusCode) -> Choice {
    Choice {
        label: code.name.to_string(),
        value: Value::Name(code.code),
    }
}

fn bool_choice(label: &str, value: bool) -> Choice {
    Choice {
        label: label.to_string(),
        value: Value::Bool(value),
    }
}

/// `text` without its closing full stop, to sit inside a question.
fn without_stop(text: &str) -> &str {
    text.strip_suffix('.').unwrap_or(text)
}

/// A multiple-choice question with the options shuffled.
#[allow(clippy::too_many_arguments)]
fn multiple_choice(
    item: Item,
    kind: Kind,
    prompt: String,
    correct: Choice,
    distractors: impl Iterator<Item = Choice>,
    explanation: String,
    cite: Citation,
    rng: &mut QuizRng,
) -> Question {
    let right = correct.value;
    let mut options = Vec::with_capacity(OPTIONS);
    options.push(correct);
    for choice in distractors {
        if !options
            .iter()
            .any(|o: &Choice| o.label == choice.label || o.value == choice.value)
        {
            options.push(choice);
        }
    }
    rng.shuffle(&mut options);
    fixed_choice(item, kind, prompt, options, right, explanation, cite)
}

/// A question whose options keep the order given (Yes before No, True before False).
fn fixed_choice(
    item: Item,
    kind: Kind,
    prompt: String,
    options: Vec<Choice>,
    right: Value,
    explanation: String,
    cite: Citation,
) -> Question {
    let index = options
        .iter()
        .position(|o| o.value == right)
        .expect("the right answer is among the options");
    Question {
        item,
        kind,
        prompt,
        exhibit: None,
        options,
        answer: Answer::Option(index),
        explanation,
        cite,
        reference: item.reference_path(),
    }
}
