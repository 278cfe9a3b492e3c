//! A model-based property test of the learner's record, natively: proptest generates whole
//! histories of what two open tabs do (answers at any time, the clock moving forward and back
//! by up to a year, storage events delivered late or not at all, export then import with merge
//! or replace, reset, undo, reload, time passing far enough to fold the history), runs them
//! through the real `Keeper` over one shared store, and checks after every step that:
//! - what was written loads back equal, with nothing set aside (no value out of range);
//! - every answer given and not undone or reset away is counted exactly once in the day
//!   totals, and nothing else is counted;
//! - two tabs that have heard each other out hold the same record.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use http_study::clock::Moment;
use http_study::progress::format::{decode, encode};
use http_study::progress::keeper::{ImportMode, Keeper, MemoryStore, Saving, KEY};
use http_study::progress::{AnswerId, Progress, Undo, UndoError};
use http_study::schedule::Grade;

/// Item keys answered: catalogue items, and two keys that name nothing (a renamed item).
const ITEMS: [&str; 6] = [
    "code:404",
    "code:200",
    "code:500",
    "method:PATCH:idempotent",
    "code:299",
    "scenario:renamed-since",
];

#[derive(Clone, Debug)]
enum Op {
    Answer {
        tab: usize,
        item: usize,
        grade: usize,
    },
    Undo {
        tab: usize,
    },
    /// The other tabs' `storage` event reaches this tab.
    Hear {
        tab: usize,
    },
    /// Both tabs hear each other until neither has anything new.
    Settle,
    /// The clock moves by this many minutes (negative: moved back).
    Clock {
        minutes: i64,
    },
    Export {
        tab: usize,
    },
    Import {
        tab: usize,
        file: usize,
        replace: bool,
    },
    Reset {
        tab: usize,
    },
    Reload {
        tab: usize,
    },
    Settings {
        tab: usize,
        goal: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0..2usize;
    let minutes = prop_oneof![
        3 => 1i64..120,
        2 => 60i64..(3 * 24 * 60),
        2 => (10i64 * 24 * 60)..(40 * 24 * 60),
        1 => (40i64 * 24 * 60)..(366 * 24 * 60),
        2 => -(366i64 * 24 * 60)..0,
    ];
    prop_oneof![
        10 => (tab.clone(), 0..ITEMS.len(), 0..4usize)
            .prop_map(|(tab, item, grade)| Op::Answer { tab, item, grade }),
        3 => tab.clone().prop_map(|tab| Op::Undo { tab }),
        4 => tab.clone().prop_map(|tab| Op::Hear { tab }),
        1 => Just(Op::Settle),
        4 => minutes.prop_map(|minutes| Op::Clock { minutes }),
        1 => tab.clone().prop_map(|tab| Op::Export { tab }),
        2 => (tab.clone(), 0..4usize, any::<bool>())
            .prop_map(|(tab, file, replace)| Op::Import { tab, file, replace }),
        1 => tab.clone().prop_map(|tab| Op::Reset { tab }),
        2 => tab.clone().prop_map(|tab| Op::Reload { tab }),
        1 => (tab, 1..60u32).prop_map(|(tab, goal)| Op::Settings { tab, goal }),
    ]
}

/// What the model expects of an answer: its day and whether it was right.
type Expected = BTreeMap<AnswerId, (NaiveDate, bool)>;

/// An exported file, and what it held when it was made.
struct File {
    text: String,
    live: Expected,
    undone: BTreeSet<AnswerId>,
}

struct World {
    store: MemoryStore,
    tabs: [Keeper; 2],
    /// Each tab's last answer, for its Undo.
    last: [Option<Undo>; 2],
    /// Each tab's local offset from UTC, in minutes.
    offsets: [i32; 2],
    clock: DateTime<Utc>,
    next_origin: u64,
    next_generation: u64,
    files: Vec<File>,
    /// Answers given and neither undone nor reset away.
    live: Expected,
    /// Answers undone since the last reset or replace.
    undone: BTreeSet<AnswerId>,
}

impl World {
    fn new(offsets: [i32; 2]) -> World {
        let clock = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let mut store = MemoryStore::default();
        let a = Keeper::open(&mut store, Moment::new(clock, offsets[0]), 1);
        let b = Keeper::open(&mut store, Moment::new(clock, offsets[1]), 2);
        World {
            store,
            tabs: [a, b],
            last: [None, None],
            offsets,
            clock,
            next_origin: 3,
            next_generation: 1,
            files: Vec::new(),
            live: Expected::new(),
            undone: BTreeSet::new(),
        }
    }

    fn at(&self, tab: usize) -> Moment {
        Moment::new(self.clock, self.offsets[tab])
    }

    /// Runs `op`; returns the tab whose record it brought up to date with the store, if any.
    fn run(&mut self, op: &Op) -> Result<Option<usize>, TestCaseError> {
        let acted = match *op {
            Op::Answer { tab, item, grade } => {
                let at = self.at(tab);
                let grade = Grade::ALL[grade];
                let undo = self.tabs[tab]
                    .record(&mut self.store, ITEMS[item], grade, at)
                    .ok_or_else(|| TestCaseError::fail("an answer was refused"))?;
                self.live
                    .insert(undo.answer(), (at.day(), grade != Grade::Again));
                self.last[tab] = Some(undo);
                Some(tab)
            }
            Op::Undo { tab } => {
                let Some(undo) = self.last[tab].take() else {
                    return Ok(None);
                };
                let at = self.at(tab);
                match self.tabs[tab].undo(&mut self.store, &undo, at) {
                    Ok(()) => {
                        prop_assert!(
                            self.live.remove(&undo.answer()).is_some(),
                            "undid an answer that was not live"
                        );
                        self.undone.insert(undo.answer());
                    }
                    Err(UndoError::Gone) => {
                        let p = self.tabs[tab].progress();
                        prop_assert!(p.history().iter().all(|a| a.id() != undo.answer()));
                    }
                }
                Some(tab)
            }
            Op::Hear { tab } => {
                let at = self.at(tab);
                self.tabs[tab].stored_elsewhere(&mut self.store, at);
                Some(tab)
            }
            Op::Settle => {
                // Each write is an event for the other tab; they must fall quiet soon.
                let mut quiet = false;
                for _ in 0..4 {
                    let before = self.store.entries.get(KEY).cloned();
                    let (a, b) = (self.at(0), self.at(1));
                    self.tabs[0].stored_elsewhere(&mut self.store, a);
                    self.tabs[1].stored_elsewhere(&mut self.store, b);
                    if self.store.entries.get(KEY) == before.as_ref() {
                        quiet = true;
                        break;
                    }
                }
                prop_assert!(quiet, "two tabs keep writing each other's records");
                prop_assert_eq!(
                    self.tabs[0].progress(),
                    self.tabs[1].progress(),
                    "two tabs that heard each other out disagree"
                );
                Some(0)
            }
            Op::Clock { minutes } => {
                self.clock = (self.clock + Duration::minutes(minutes))
                    .clamp(http_study::clock::earliest(), http_study::clock::latest());
                None
            }
            Op::Export { tab } => {
                let at = self.at(tab);
                let text = self.tabs[tab].export(&mut self.store, at);
                self.files.push(File {
                    text,
                    live: self.live.clone(),
                    undone: self.undone.clone(),
                });
                Some(tab)
            }
            Op::Import { tab, file, replace } => {
                let Some(f) = self.files.get(file) else {
                    return Ok(None);
                };
                let at = self.at(tab);
                let mode = if replace {
                    ImportMode::Replace
                } else {
                    ImportMode::Merge
                };
                self.next_generation += 1;
                self.tabs[tab]
                    .import(&mut self.store, &f.text, mode, at, self.next_generation)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                if replace {
                    self.live = f.live.clone();
                    self.undone = f.undone.clone();
                } else {
                    for (id, e) in &f.live {
                        if !self.undone.contains(id) {
                            self.live.insert(*id, *e);
                        }
                    }
                    for id in &f.undone {
                        self.live.remove(id);
                    }
                    self.undone.extend(f.undone.iter().copied());
                }
                Some(tab)
            }
            Op::Reset { tab } => {
                let at = self.at(tab);
                self.next_generation += 1;
                self.tabs[tab].reset(&mut self.store, at, self.next_generation);
                self.live.clear();
                self.undone.clear();
                Some(tab)
            }
            Op::Reload { tab } => {
                let at = self.at(tab);
                self.next_origin += 1;
                self.tabs[tab] = Keeper::open(&mut self.store, at, self.next_origin);
                self.last[tab] = None;
                prop_assert!(
                    self.tabs[tab].problem().is_none(),
                    "{:?}",
                    self.tabs[tab].problem()
                );
                None
            }
            Op::Settings { tab, goal } => {
                let at = self.at(tab);
                self.tabs[tab].update_settings(&mut self.store, at, |s| s.set_daily_minutes(goal));
                Some(tab)
            }
        };
        Ok(acted)
    }

    /// Checks the invariants after `op` (done by `tab`, if one).
    fn check(&self, tab: Option<usize>) -> Result<(), TestCaseError> {
        let Some(raw) = self.store.entries.get(KEY) else {
            prop_assert!(self.live.is_empty(), "answers given but nothing stored");
            return Ok(());
        };
        let d = decode(raw).map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
        prop_assert!(d.damage.is_empty(), "set aside: {:?}", d.damage);
        let stored = d.progress;
        self.check_counts(&stored, "the store")?;
        for k in &self.tabs {
            prop_assert_eq!(k.saving(), &Saving::On);
            let p = k.progress();
            let back = decode(&encode(p)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(back.damage.is_empty(), "set aside: {:?}", back.damage);
            prop_assert_eq!(&back.progress, p, "a tab's record does not load back equal");
        }
        if let Some(t) = tab {
            self.check_counts(self.tabs[t].progress(), "the tab that acted")?;
        }
        Ok(())
    }

    fn check_counts(&self, p: &Progress, whose: &str) -> Result<(), TestCaseError> {
        let mut expected: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        for (day, right) in self.live.values() {
            let e = expected.entry(*day).or_default();
            e.0 += 1;
            e.1 += u32::from(*right);
        }
        prop_assert_eq!(
            p.answer_count(),
            self.live.len() as u64,
            "{}: answers counted in all",
            whose
        );
        for (day, (answers, right)) in expected {
            let t = p.day_totals(day);
            prop_assert_eq!(
                (t.answers(), t.correct()),
                (answers, right),
                "{}: totals of {}",
                whose,
                day
            );
            prop_assert!(t.new_items() <= t.answers());
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        max_shrink_iters: 20_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_answer_is_counted_once_and_every_record_written_loads_back(
        offsets in [-720i32..=840, -720i32..=840],
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let mut world = World::new(offsets);
        for op in &ops {
            let tab = world.run(op)?;
            world.check(tab)?;
        }
    }
}
