fn main() {
    http_study::ui::install_crash_notice();
    leptos::mount::mount_to_body(http_study::ui::App);
    http_study::ui::remove_loading_shell();
    http_study::ui::register_service_worker();
}
