//! The Reference: every status code and method, searchable, each with its RFC section.

mod code;
mod list;
mod methods;

pub use code::CodePage;
pub use list::ReferencePage;
pub use methods::{MethodPage, MethodsPage};
