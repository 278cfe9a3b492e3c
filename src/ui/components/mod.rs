//! Small reusable pieces of the interface.

mod charts;
mod cite;
mod code_link;
mod coming_soon;
mod data_controls;
mod download;
mod exchange;
mod header;
mod keep_going;
mod misconceptions;
mod not_in_catalogue;
mod notice;
mod settings_form;
mod shortcuts;
mod try_in_lab;

pub use charts::{
    Bar, BarChart, Fill, HeatMap, LineChart, Point, Segment, StackedBars, StackedRow,
};
pub use cite::Cite;
pub use code_link::{CodeLink, StatusBadge};
pub use coming_soon::ComingSoon;
pub use data_controls::DataControls;
pub use exchange::{header_row_id, ExchangeView};
pub use header::SiteHeader;
pub use keep_going::KeepGoingList;
pub use misconceptions::MisconceptionList;
pub use not_in_catalogue::NotInCatalogue;
pub use notice::StorageNotice;
pub use settings_form::{theme_attribute, SettingsForm};
pub use shortcuts::{use_keys, ShortcutsHelp};
pub use try_in_lab::TryInLab;
