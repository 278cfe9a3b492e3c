//! Small reusable pieces of the interface.

mod cite;
mod code_link;
mod coming_soon;
mod header;
mod misconceptions;
mod notice;
mod shortcuts;

pub use cite::Cite;
pub use code_link::{CodeLink, StatusBadge};
pub use coming_soon::ComingSoon;
pub use header::SiteHeader;
pub use misconceptions::MisconceptionList;
pub use notice::StorageNotice;
pub use shortcuts::{use_keys, ShortcutsHelp};
