//! What the learner can change. Every setting is kept within its range by its setter, and the
//! same ranges check a stored record.

use std::ops::RangeInclusive;

use crate::quiz::Deck;
use crate::schedule::DEFAULT_RETENTION;

/// The default daily goal, in answers.
pub const DEFAULT_DAILY_GOAL: u32 = 20;
/// The default number of new items a day.
pub const DEFAULT_NEW_PER_DAY: u32 = 10;

/// New items a day a record may ask for.
pub const NEW_PER_DAY: RangeInclusive<u32> = 0..=1000;
/// Daily goals a record may hold, in answers.
pub const DAILY_GOAL: RangeInclusive<u32> = 1..=10_000;
/// FSRS's desired retention: outside this range its intervals stop making sense.
pub const RETENTION: RangeInclusive<f64> = 0.7..=0.99;

/// Retention kept to four decimals, so that it reads back from JSON as the same number.
fn four_decimals(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The word stored for it.
    pub fn word(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn from_word(word: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.word() == word)
    }
}

/// The learner's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// One more at each change: when two tabs disagree, the later change wins.
    revision: u64,
    new_per_day: u32,
    desired_retention: f64,
    daily_goal: u32,
    theme: Theme,
    /// What the learner is learning: new cards come from this deck.
    goal: Deck,
}

/// The deck a new learner starts with.
pub const DEFAULT_GOAL: Deck = Deck::Beginner;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            revision: 0,
            new_per_day: DEFAULT_NEW_PER_DAY,
            desired_retention: DEFAULT_RETENTION,
            daily_goal: DEFAULT_DAILY_GOAL,
            theme: Theme::System,
            goal: DEFAULT_GOAL,
        }
    }
}

impl Settings {
    /// New items introduced per day at most.
    pub fn new_per_day(&self) -> u32 {
        self.new_per_day
    }

    /// FSRS's desired retention, 0.7 to 0.99.
    pub fn desired_retention(&self) -> f64 {
        self.desired_retention
    }

    /// Answers a day the learner aims for.
    pub fn daily_goal(&self) -> u32 {
        self.daily_goal
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// What the learner is learning: the deck new cards come from.
    pub fn goal(&self) -> Deck {
        self.goal
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Sets new items a day, kept within [`NEW_PER_DAY`].
    pub fn set_new_per_day(&mut self, n: u32) {
        self.new_per_day = n.clamp(*NEW_PER_DAY.start(), *NEW_PER_DAY.end());
        self.bump();
    }

    /// Sets the daily goal, kept within [`DAILY_GOAL`].
    pub fn set_daily_goal(&mut self, n: u32) {
        self.daily_goal = n.clamp(*DAILY_GOAL.start(), *DAILY_GOAL.end());
        self.bump();
    }

    /// Sets the desired retention, kept within [`RETENTION`] (a value that is not a number
    /// leaves it as it was).
    pub fn set_desired_retention(&mut self, r: f64) {
        if r.is_finite() {
            self.desired_retention = four_decimals(r.clamp(*RETENTION.start(), *RETENTION.end()));
            self.bump();
        }
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
        self.bump();
    }

    pub fn set_goal(&mut self, goal: Deck) {
        self.goal = goal;
        self.bump();
    }

    fn bump(&mut self) {
        self.revision = self.revision.saturating_add(1);
    }

    /// Whether these settings, rather than `other`, are the ones two copies of a record keep:
    /// the later change; for two changes made at once, a fixed order of their values, so that
    /// every tab chooses the same.
    pub fn wins_over(&self, other: &Settings) -> bool {
        let key = |s: &Settings| {
            (
                s.revision,
                s.new_per_day,
                s.daily_goal,
                s.desired_retention.to_bits(),
                s.theme,
                s.goal.id(),
            )
        };
        key(self) > key(other)
    }

    /// Settings read from storage, each field checked on its own: a field out of range takes
    /// its default, and the reason is returned with the field's name, for the learner.
    pub fn from_stored(
        revision: Option<u64>,
        new_per_day: Option<u64>,
        desired_retention: Option<f64>,
        daily_goal: Option<u64>,
        theme: Option<Theme>,
        goal: Option<Deck>,
    ) -> (Settings, Vec<(&'static str, String)>) {
        let mut s = Settings {
            revision: revision.unwrap_or(0),
            ..Settings::default()
        };
        let mut problems = Vec::new();
        if let Some(n) = new_per_day {
            match u32::try_from(n).ok().filter(|n| NEW_PER_DAY.contains(n)) {
                Some(n) => s.new_per_day = n,
                None => problems.push((
                    "new items a day",
                    format!("{n} is more than {}", NEW_PER_DAY.end()),
                )),
            }
        }
        if let Some(r) = desired_retention {
            if RETENTION.contains(&r) {
                s.desired_retention = four_decimals(r);
            } else {
                problems.push((
                    "desired retention",
                    format!("{r} is not between 0.7 and 0.99"),
                ));
            }
        }
        if let Some(n) = daily_goal {
            match u32::try_from(n).ok().filter(|n| DAILY_GOAL.contains(n)) {
                Some(n) => s.daily_goal = n,
                None => problems.push((
                    "daily goal",
                    format!("{n} is not between 1 and {}", DAILY_GOAL.end()),
                )),
            }
        }
        if let Some(t) = theme {
            s.theme = t;
        }
        if let Some(g) = goal {
            s.goal = g;
        }
        (s, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_keep_every_setting_in_its_range() {
        let mut s = Settings::default();
        s.set_new_per_day(5000);
        s.set_daily_goal(0);
        s.set_desired_retention(3.0);
        assert_eq!(s.new_per_day(), 1000);
        assert_eq!(s.daily_goal(), 1);
        assert_eq!(s.desired_retention(), 0.99);
        s.set_desired_retention(f64::NAN);
        assert_eq!(s.desired_retention(), 0.99);
        assert_eq!(s.revision(), 3);
    }

    #[test]
    fn a_stored_setting_out_of_range_takes_its_default_and_is_named() {
        let (s, problems) =
            Settings::from_stored(Some(4), Some(15), Some(7.0), Some(0), None, None);
        assert_eq!(s.new_per_day(), 15, "the good field is kept");
        assert_eq!(s.desired_retention(), DEFAULT_RETENTION);
        assert_eq!(s.daily_goal(), DEFAULT_DAILY_GOAL);
        let names: Vec<&str> = problems.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["desired retention", "daily goal"]);
        assert!(problems[0].1.contains('7'));
    }

    #[test]
    fn the_later_change_wins_and_simultaneous_changes_settle_the_same_way() {
        let mut a = Settings::default();
        let mut b = Settings::default();
        a.set_daily_goal(30);
        b.set_daily_goal(40);
        assert!(b.wins_over(&a) != a.wins_over(&b), "exactly one wins");
        b.set_theme(Theme::Dark);
        assert!(b.wins_over(&a));
        assert!(!a.wins_over(&a));
    }
}
