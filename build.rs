//! Turns the catalogue in `data/*.toml` into Rust statics (`$OUT_DIR/catalogue.rs`), after
//! checking it. A mistake in the data fails the build with the file and the entry it is in.

#[path = "build/catalogue.rs"]
mod catalogue;

use std::path::Path;

fn main() {
    let data = Path::new("data");
    println!("cargo:rerun-if-changed=build/catalogue.rs");
    for file in catalogue::FILES {
        println!("cargo:rerun-if-changed=data/{file}");
    }
    let checked = match catalogue::load_dir(data) {
        Ok(checked) => checked,
        Err(problems) => {
            eprintln!("The catalogue in data/ has {} problem(s):", problems.len());
            for problem in &problems {
                eprintln!("  {problem}");
            }
            eprintln!("See CONTRIBUTING.md for the format.");
            std::process::exit(1);
        }
    };
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    std::fs::write(&out, catalogue::to_rust(&checked)).expect("write the generated catalogue");
}
