fn main() {
    http_study::ui::install_crash_notice();
    http_study::ui::start();
    http_study::ui::register_service_worker();
}
