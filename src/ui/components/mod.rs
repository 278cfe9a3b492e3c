//! Small reusable pieces of the interface.

mod coming_soon;
mod header;

pub use coming_soon::ComingSoon;
pub use header::SiteHeader;
