//! Splits the app's wasm, as cargo built it, at its `#[lazy]` functions (Leptos's split points):
//! the main module, one `.wasm` per lazily loaded part, and the JavaScript that loads them.
//! scripts/post-build.mjs (Trunk's post_build hook) runs it, then wasm-bindgen on the main module.
//!
//! Usage: http-study-wasm-split <cargo's wasm> <output folder> <main module's name> <glue's name>
//! It writes `<output folder>/<main module's name>.wasm`, the parts, and `__wasm_split.js` (whose
//! `initSync` comes from `./<glue's name>`), and prints the parts' file names, one a line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, main_name, glue] = args.as_slice() else {
        eprintln!("usage: http-study-wasm-split <cargo's wasm> <output folder> <main module's name> <glue's name>");
        return ExitCode::from(2);
    };
    let wasm = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("http-study-wasm-split: cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let output = Path::new(output);
    let main_out: PathBuf = output.join(format!("{main_name}.wasm"));
    let main_module = format!("./{glue}");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = output;
    options.main_out_path = &main_out;
    options.main_module = &main_module;
    options.link_name = "./__wasm_split.js";
    match wasm_split_cli_support::transform(options) {
        Ok(split) => {
            for part in split.split_modules {
                if let Some(name) = part.file_name() {
                    println!("{}", name.to_string_lossy());
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("http-study-wasm-split: {input} could not be split: {e:?}");
            ExitCode::FAILURE
        }
    }
}
