//! One component per route.

mod home;
mod lab;
mod not_found;
mod progress;
mod quiz;
mod reference;
mod study;

pub use home::HomePage;
pub use lab::{KeptLab, LabPage};
pub use not_found::NotFoundPage;
pub use progress::ProgressPage;
pub use quiz::QuizPage;
pub use reference::{CodePage, MethodPage, MethodsPage, ReferencePage};
pub use study::StudyPage;
