//! Offering bytes as a file the person downloads (a backup, a CSV table): a Blob behind a
//! temporary link, clicked once, then forgotten.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `bytes` as a file named `name` of type `mime`.
pub fn offer_file(bytes: &[u8], name: &str, mime: &str) -> Result<(), JsValue> {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
