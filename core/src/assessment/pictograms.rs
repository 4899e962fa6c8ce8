//! The fixed list of pictogram names a topic may use. The app draws each one as an inline SVG;
//! content only names them, and validation refuses a name the app cannot draw.

/// Every pictogram name the app knows how to draw, in alphabetical order.
pub const PICTOGRAMS: [&str; 32] = [
    "antenna",
    "book",
    "broom",
    "calendar",
    "camera",
    "card",
    "cart",
    "clipboard",
    "computer",
    "document",
    "envelope",
    "eye",
    "folder",
    "gear",
    "globe",
    "heart",
    "house",
    "key",
    "lock",
    "magnifier",
    "map",
    "music",
    "paperclip",
    "people",
    "phone",
    "power",
    "printer",
    "puzzle",
    "shield",
    "speech_bubble",
    "table",
    "town_hall",
];

/// Whether the app can draw a pictogram with this name.
pub fn is_pictogram(name: &str) -> bool {
    PICTOGRAMS.binary_search(&name).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_so_binary_search_works() {
        assert!(PICTOGRAMS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_pictogram("envelope"));
        assert!(!is_pictogram("unicorn"));
    }
}
