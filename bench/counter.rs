//! The yardstick of `./bench.sh`: a bare Leptos 0.8 counter, built with the same release profile,
//! the same Trunk, wasm-bindgen and wasm-opt settings as HTTP Study, so that its load figures are
//! what the framework alone costs on this machine. Not part of the app.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0u32);
        view! {
            <main>
                <h1>"Counter"</h1>
                <button data-testid="counter" on:click=move |_| *set_count.write() += 1>
                    "Clicked " {count} " times"
                </button>
            </main>
        }
    });
}
