//! Plain-language rules (FALC) checked on every text people read: short, one sentence,
//! no abbreviations. The rules are mechanical on purpose: they catch slips, not style.

/// Longest "I can" sentence, in characters.
pub const MAX_SENTENCE_CHARS: usize = 90;
/// Longest title or answer label, in characters.
pub const MAX_TITLE_CHARS: usize = 60;

/// Words in capitals that people know as words: allowed although they are short capitals.
pub const ALLOWED_CAPITALS: [&str; 5] = ["CAF", "PDF", "QR", "SMS", "USB"];

/// Short forms refused wherever they appear as a whole word (compared in lowercase).
const SHORT_FORMS: [&str; 20] = [
    "etc", "ex", "cf", "eg", "ie", "nb", "ps", "svp", "stp", "tél", "tel", "appli", "applis",
    "ordi", "ordis", "info", "infos", "pub", "pubs", "approx",
];

/// Signs that make a text hard to read aloud or stand for a word.
const HARD_SIGNS: [&str; 8] = ["/", "(", ")", "&", "…", "n°", "%", "+"];

/// The first abbreviation or hard sign in `text`, if any.
pub fn find_abbreviation(text: &str) -> Option<String> {
    if let Some(sign) = HARD_SIGNS.iter().find(|s| text.contains(*s)) {
        return Some((*sign).to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        if !chars[start].is_alphanumeric() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && chars[end].is_alphanumeric() {
            end += 1;
        }
        let word: String = chars[start..end].iter().collect();
        if is_abbreviation(&word, chars.get(end).copied(), chars.get(end + 1).copied()) {
            return Some(word);
        }
        start = end;
    }
    None
}

fn is_abbreviation(word: &str, next: Option<char>, after_next: Option<char>) -> bool {
    let lower = word.to_lowercase();
    if SHORT_FORMS.contains(&lower.as_str()) {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let has_lower = word.chars().any(|c| c.is_lowercase());
    if capitals >= 2 && !has_lower && letters <= 5 && !ALLOWED_CAPITALS.contains(&word) {
        return true;
    }
    // "e.g", "www.site.fr": a full stop glued to a letter on both sides.
    next == Some('.') && after_next.is_some_and(char::is_alphabetic)
}

/// Whether `text` holds a sentence break before its end (". ", "! ", "? " or a line break).
pub fn has_inner_sentence_break(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.contains(['\n', '\r'])
        || [". ", "! ", "? ", "; ", ": "]
            .iter()
            .any(|b| trimmed.contains(b))
}

/// Length in characters, as people see it.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_abbreviations() {
        assert_eq!(find_abbreviation("Je sais lire, etc."), Some("etc".into()));
        assert_eq!(find_abbreviation("Voir ex. page"), Some("ex".into()));
        assert_eq!(find_abbreviation("Mon PC est lent."), Some("PC".into()));
        assert_eq!(find_abbreviation("Le site e.g here"), Some("e".into()));
        assert_eq!(find_abbreviation("Il/elle"), Some("/".into()));
        assert_eq!(find_abbreviation("Mon appli."), Some("appli".into()));
        assert_eq!(find_abbreviation("Le site de la CAF en PDF."), None);
        assert_eq!(find_abbreviation("Je sais utiliser le Wi-Fi."), None);
        assert_eq!(find_abbreviation("I can use a USB stick."), None);
        assert_eq!(find_abbreviation("Je sais ranger ma clé."), None);
    }

    #[test]
    fn finds_sentence_breaks() {
        assert!(has_inner_sentence_break("Je sais. Tu sais."));
        assert!(has_inner_sentence_break("Je sais : tout."));
        assert!(!has_inner_sentence_break("Je sais lire un e-mail."));
        assert!(!has_inner_sentence_break(
            "Je sais lire, écrire et compter."
        ));
    }
}
