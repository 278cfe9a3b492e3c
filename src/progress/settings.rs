//! What the learner can change. Every setting is kept within its range by its setter, and the
//! same ranges check a stored record.

use std::ops::RangeInclusive;

use crate::quiz::Deck;
use crate::schedule::DEFAULT_RETENTION;

/// The default daily goal, in minutes of study (chosen with the simulation: README, "Does it
/// teach?").
pub const DEFAULT_DAILY_MINUTES: u32 = 10;
/// The default number of new items a day.
pub const DEFAULT_NEW_PER_DAY: u32 = 10;
/// The default most reviews a day (Anki's "maximum reviews a day"): a learner coming back
/// after a break meets this many, and the rest wait for the following days.
pub const DEFAULT_MAX_REVIEWS: u32 = 50;

/// New items a day a learner may choose.
pub const NEW_PER_DAY: RangeInclusive<u32> = 0..=100;
/// Daily goals a learner may choose, in minutes.
pub const DAILY_MINUTES: RangeInclusive<u32> = 1..=240;
/// Most reviews a day a learner may choose.
pub const MAX_REVIEWS: RangeInclusive<u32> = 1..=1000;
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
    daily_minutes: u32,
    max_reviews: u32,
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
            daily_minutes: DEFAULT_DAILY_MINUTES,
            max_reviews: DEFAULT_MAX_REVIEWS,
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

    /// Minutes of study a day the learner aims for.
    pub fn daily_minutes(&self) -> u32 {
        self.daily_minutes
    }

    /// The most reviews a day: due items beyond it wait for the following days.
    pub fn max_reviews(&self) -> u32 {
        self.max_reviews
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

    /// Sets the daily goal in minutes, kept within [`DAILY_MINUTES`].
    pub fn set_daily_minutes(&mut self, n: u32) {
        self.daily_minutes = n.clamp(*DAILY_MINUTES.start(), *DAILY_MINUTES.end());
        self.bump();
    }

    /// Sets the most reviews a day, kept within [`MAX_REVIEWS`].
    pub fn set_max_reviews(&mut self, n: u32) {
        self.max_reviews = n.clamp(*MAX_REVIEWS.start(), *MAX_REVIEWS.end());
        self.bump();
    }

    /// Sets a whole-number setting (the one setter the settings form uses), kept within its
    /// range.
    pub fn set_number(&mut self, field: NumberSetting, n: u32) {
        match field {
            NumberSetting::NewPerDay => self.set_new_per_day(n),
            NumberSetting::DailyMinutes => self.set_daily_minutes(n),
            NumberSetting::MaxReviews => self.set_max_reviews(n),
        }
    }

    /// The value of a whole-number setting.
    pub fn number(&self, field: NumberSetting) -> u32 {
        match field {
            NumberSetting::NewPerDay => self.new_per_day,
            NumberSetting::DailyMinutes => self.daily_minutes,
            NumberSetting::MaxReviews => self.max_reviews,
        }
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
                s.daily_minutes,
                s.max_reviews,
                s.desired_retention.to_bits(),
                s.theme,
                s.goal.id(),
            )
        };
        key(self) > key(other)
    }

    /// Settings read from storage, each field checked on its own: a field out of range takes
    /// its default, and the reason is returned with the field's name, for the learner.
    pub fn from_stored(stored: StoredSettings) -> (Settings, Vec<(&'static str, String)>) {
        let mut s = Settings {
            revision: stored.revision.unwrap_or(0),
            ..Settings::default()
        };
        let mut problems = Vec::new();
        for (field, value) in [
            (NumberSetting::NewPerDay, stored.new_per_day),
            (NumberSetting::DailyMinutes, stored.daily_minutes),
            (NumberSetting::MaxReviews, stored.max_reviews),
        ] {
            let Some(n) = value else { continue };
            match u32::try_from(n).ok().filter(|n| field.range().contains(n)) {
                Some(n) => match field {
                    NumberSetting::NewPerDay => s.new_per_day = n,
                    NumberSetting::DailyMinutes => s.daily_minutes = n,
                    NumberSetting::MaxReviews => s.max_reviews = n,
                },
                None => problems.push((field.name(), field.out_of_range(n))),
            }
        }
        if let Some(r) = stored.desired_retention {
            if RETENTION.contains(&r) {
                s.desired_retention = four_decimals(r);
            } else {
                problems.push((
                    "desired retention",
                    format!("{r} is not between 0.7 and 0.99"),
                ));
            }
        }
        if let Some(t) = stored.theme {
            s.theme = t;
        }
        if let Some(g) = stored.goal {
            s.goal = g;
        }
        (s, problems)
    }
}

/// The settings as read from storage, each field on its own (`None`: absent or unreadable).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredSettings {
    pub revision: Option<u64>,
    pub new_per_day: Option<u64>,
    pub desired_retention: Option<f64>,
    pub daily_minutes: Option<u64>,
    pub max_reviews: Option<u64>,
    pub theme: Option<Theme>,
    pub goal: Option<Deck>,
}

/// The settings a learner types as a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberSetting {
    NewPerDay,
    DailyMinutes,
    MaxReviews,
}

impl NumberSetting {
    /// In the order the settings form shows them.
    pub const ALL: [NumberSetting; 3] = [
        NumberSetting::DailyMinutes,
        NumberSetting::NewPerDay,
        NumberSetting::MaxReviews,
    ];

    /// Its name in a sentence: "new items a day".
    pub fn name(self) -> &'static str {
        match self {
            NumberSetting::NewPerDay => "new items a day",
            NumberSetting::DailyMinutes => "daily goal",
            NumberSetting::MaxReviews => "most reviews a day",
        }
    }

    /// Its label in the settings form.
    pub fn label(self) -> &'static str {
        match self {
            NumberSetting::NewPerDay => "New items a day",
            NumberSetting::DailyMinutes => "Daily goal (minutes)",
            NumberSetting::MaxReviews => "Most reviews a day",
        }
    }

    /// A stable id (the form field's).
    pub fn id(self) -> &'static str {
        match self {
            NumberSetting::NewPerDay => "new-per-day",
            NumberSetting::DailyMinutes => "daily-minutes",
            NumberSetting::MaxReviews => "max-reviews",
        }
    }

    /// What the setting does, in one line for the form.
    pub fn hint(self) -> &'static str {
        match self {
            NumberSetting::NewPerDay => "How many items you meet for the first time each day.",
            NumberSetting::DailyMinutes => "How long you mean to study each day.",
            NumberSetting::MaxReviews => {
                "After a break, reviews beyond this wait for the following days."
            }
        }
    }

    /// The values a learner may choose (and a record may hold).
    pub fn range(self) -> RangeInclusive<u32> {
        match self {
            NumberSetting::NewPerDay => NEW_PER_DAY,
            NumberSetting::DailyMinutes => DAILY_MINUTES,
            NumberSetting::MaxReviews => MAX_REVIEWS,
        }
    }

    fn out_of_range(self, n: u64) -> String {
        let r = self.range();
        format!("{n} is not between {} and {}", r.start(), r.end())
    }

    /// Reads what the learner typed: a whole number within [`NumberSetting::range`], or an
    /// error that says what to type instead. Nothing is rounded or clamped: a value the
    /// learner did not type is never saved.
    pub fn parse(self, text: &str) -> Result<u32, SettingError> {
        let (lo, hi) = (*self.range().start(), *self.range().end());
        let text = text.trim();
        let refuse = |why: String| SettingError { setting: self, why };
        if text.is_empty() {
            return Err(refuse(format!(
                "It is empty: type a whole number from {lo} to {hi}."
            )));
        }
        let digits = text.strip_prefix('+').unwrap_or(text);
        if let Some(rest) = digits.strip_prefix('-') {
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                return Err(refuse(format!(
                    "{text} is below {lo}: type a whole number from {lo} to {hi}."
                )));
            }
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            let what = if digits.contains(['.', ',']) {
                "is not a whole number"
            } else {
                "is not a number"
            };
            return Err(refuse(format!(
                "\u{201c}{text}\u{201d} {what}: type a whole number from {lo} to {hi}."
            )));
        }
        match digits.parse::<u32>() {
            Ok(n) if n < lo => Err(refuse(format!(
                "{n} is below {lo}: type a whole number from {lo} to {hi}."
            ))),
            Ok(n) if n <= hi => Ok(n),
            _ => Err(refuse(format!(
                "{text} is more than {hi}: type a whole number from {lo} to {hi}."
            ))),
        }
    }
}

/// Why a typed setting was not saved, in words that say what to type instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    pub setting: NumberSetting,
    pub why: String,
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} Your {} is unchanged.", self.why, self.setting.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_keep_every_setting_in_its_range() {
        let mut s = Settings::default();
        s.set_new_per_day(5000);
        s.set_daily_minutes(0);
        s.set_max_reviews(0);
        s.set_desired_retention(3.0);
        assert_eq!(s.new_per_day(), 100);
        assert_eq!(s.daily_minutes(), 1);
        assert_eq!(s.max_reviews(), 1);
        assert_eq!(s.desired_retention(), 0.99);
        s.set_desired_retention(f64::NAN);
        assert_eq!(s.desired_retention(), 0.99);
        assert_eq!(s.revision(), 4);
    }

    #[test]
    fn a_stored_setting_out_of_range_takes_its_default_and_is_named() {
        let (s, problems) = Settings::from_stored(StoredSettings {
            revision: Some(4),
            new_per_day: Some(15),
            desired_retention: Some(7.0),
            daily_minutes: Some(0),
            max_reviews: Some(30),
            ..StoredSettings::default()
        });
        assert_eq!(s.new_per_day(), 15, "the good field is kept");
        assert_eq!(s.max_reviews(), 30);
        assert_eq!(s.desired_retention(), DEFAULT_RETENTION);
        assert_eq!(s.daily_minutes(), DEFAULT_DAILY_MINUTES);
        let names: Vec<&str> = problems.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["daily goal", "desired retention"]);
        assert!(problems[1].1.contains('7'));
    }

    #[test]
    fn the_later_change_wins_and_simultaneous_changes_settle_the_same_way() {
        let mut a = Settings::default();
        let mut b = Settings::default();
        a.set_daily_minutes(30);
        b.set_daily_minutes(40);
        assert!(b.wins_over(&a) != a.wins_over(&b), "exactly one wins");
        b.set_theme(Theme::Dark);
        assert!(b.wins_over(&a));
        assert!(!a.wins_over(&a));
    }

    #[test]
    fn a_typed_setting_is_taken_only_when_it_is_a_whole_number_in_range() {
        // Fault: -5, 2.5 and an empty field were ignored without a word, and 5000 or 0
        // clamped silently.
        let f = NumberSetting::NewPerDay;
        assert_eq!(f.parse(" 12 "), Ok(12));
        assert_eq!(f.parse("0"), Ok(0));
        assert_eq!(f.parse("100"), Ok(100));
        for (typed, says) in [
            ("", "It is empty"),
            ("   ", "It is empty"),
            ("-5", "-5 is below 0"),
            ("2.5", "\u{201c}2.5\u{201d} is not a whole number"),
            ("2,5", "is not a whole number"),
            ("ten", "is not a number"),
            ("5000", "5000 is more than 100"),
            ("99999999999999999999", "is more than 100"),
        ] {
            let e = f.parse(typed).unwrap_err();
            assert!(e.why.contains(says), "{typed:?}: {e}");
            assert!(e.why.contains("from 0 to 100"), "{typed:?}: {e}");
            assert!(e
                .to_string()
                .ends_with("Your new items a day is unchanged."));
        }
        let e = NumberSetting::DailyMinutes.parse("0").unwrap_err();
        assert!(e.why.starts_with("0 is below 1"), "{e}");
        assert_eq!(NumberSetting::MaxReviews.parse("1000"), Ok(1000));
    }

    #[test]
    fn the_forms_ranges_are_the_ones_a_stored_record_is_held_to() {
        for field in NumberSetting::ALL {
            let hi = *field.range().end();
            let lo = *field.range().start();
            assert_eq!(field.parse(&hi.to_string()), Ok(hi));
            assert_eq!(field.parse(&lo.to_string()), Ok(lo));
            assert!(field.parse(&(hi + 1).to_string()).is_err());
            let mut s = Settings::default();
            s.set_number(field, hi + 1);
            assert_eq!(s.number(field), hi, "the setter keeps it in range");
        }
    }
}
