//! Writes the pages that read the same before the app runs (Home for a new learner, the quiz
//! set-up, the Reference and every code's and method's entry) as HTML into a build's folder,
//! rendered natively by the app's own components (`http_study::ui::prerender`).
//!
//! Usage: `cargo run --features prerender --bin prerender -- <folder>`, where the folder holds
//! the built `index.html`. The release build's post_build hook (scripts/post-build.mjs) runs it
//! over Trunk's staging folder.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("prerender: name the build's folder (the one holding its index.html), e.g. `cargo run --features prerender --bin prerender -- dist`.");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    match http_study::ui::prerender::write_pages(Path::new(&dir)) {
        Ok(written) => {
            println!(
                "prerender: {} pages written ({} KB) in {} ms",
                written.pages,
                written.bytes / 1024,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: no pages written: {e}");
            ExitCode::FAILURE
        }
    }
}
