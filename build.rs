//! Turns the catalogue in `data/*.toml` into Rust statics (`$OUT_DIR/catalogue.rs`), after
//! checking it. A mistake in the data fails the build with the file and the entry it is in.

#[path = "build/catalogue.rs"]
mod catalogue;

use std::path::Path;

fn main() {
    // The app's wasm with the lab split into its own (feature `split`, which only index.html
    // turns on): the linker keeps its relocations, which tools/wasm-split reads. Only this
    // binary: the benchmark's counter and the tests' wasm are linked and optimised as usual.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
    {
        println!("cargo:rustc-link-arg-bin=http-study=--emit-relocs");
    }
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
