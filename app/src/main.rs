//! Entry point of the web app: mounts the Leptos application on the page's body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        leptos::view! { <entraide_app::App register_worker=true /> }
    });
}
