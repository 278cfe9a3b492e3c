//! Small reusable pieces of the interface.

mod cite;
mod code_link;
mod coming_soon;
mod header;
mod misconceptions;

pub use cite::Cite;
pub use code_link::{CodeLink, StatusBadge};
pub use coming_soon::ComingSoon;
pub use header::SiteHeader;
pub use misconceptions::MisconceptionList;
