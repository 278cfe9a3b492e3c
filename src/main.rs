fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(http_study::ui::App);
    http_study::ui::remove_loading_shell();
    http_study::ui::register_service_worker();
}
