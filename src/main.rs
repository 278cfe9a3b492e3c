fn main() {
    http_study::ui::install_crash_notice();
    leptos::mount::mount_to_body(http_study::ui::App);
    http_study::ui::register_service_worker();
}
