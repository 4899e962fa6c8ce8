//! Read aloud with the browser's speech synthesis (works offline where the phone has
//! voices). Absent synthesis is not an error: the button then does nothing.

/// Speaks `text` in `lang` ("fr-FR", "en-GB"), stopping anything still being read.
pub fn speak(text: &str, lang: &str) {
    let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synthesis.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(lang);
        utterance.set_rate(0.9);
        synthesis.speak(&utterance);
    }
}
