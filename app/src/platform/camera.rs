//! The camera, for scanning QR codes: the rear camera through `getUserMedia`, grey frames
//! grabbed from the video for the Rust decoder, the browser's `BarcodeDetector` where it
//! exists, the torch where the camera has one, and decoding a photo of a code as a fallback.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamTrack,
};

/// Largest side of the frames handed to the decoder (camera frames are scaled down to it).
pub const FRAME_SIDE: u32 = 640;

/// Why the camera could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CameraError {
    /// The person (or the browser's settings) refused access.
    #[error("camera access refused")]
    Refused,
    /// No camera on this device.
    #[error("no camera")]
    Absent,
    /// The camera is used by another app.
    #[error("camera busy")]
    Busy,
    /// This browser cannot use a camera here (old browser, or not a secure page).
    #[error("camera not supported")]
    Unsupported,
    /// The chosen picture could not be read as an image.
    #[error("not an image")]
    NotImage,
    /// Anything else, with the browser's message.
    #[error("camera error: {0}")]
    Other(String),
}

impl CameraError {
    /// A stable code for the message shown to the person.
    pub fn code(&self) -> &'static str {
        match self {
            CameraError::Refused => "refused",
            CameraError::Absent => "absent",
            CameraError::Busy => "busy",
            CameraError::Unsupported => "unsupported",
            CameraError::NotImage => "not_image",
            CameraError::Other(_) => "other",
        }
    }

    fn from_js(error: &JsValue) -> Self {
        let name = Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" => CameraError::Refused,
            "NotFoundError" | "OverconstrainedError" => CameraError::Absent,
            "NotReadableError" | "AbortError" => CameraError::Busy,
            "TypeError" => CameraError::Unsupported,
            _ => CameraError::Other(format!("{name} {error:?}")),
        }
    }
}

/// A grey image: `width × height` bytes, 0 is black.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrayFrame {
    /// Pixels per row.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// Luminance, row-major.
    pub pixels: Vec<u8>,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// A running camera shown in a `<video>` element (clones share the same stream).
#[derive(Clone)]
pub struct Camera {
    stream: MediaStream,
}

impl Camera {
    /// Starts the rear camera (any camera if there is no rear one) into `video`.
    pub async fn start(video: &HtmlVideoElement) -> Result<Self, CameraError> {
        let devices = web_sys::window()
            .and_then(|w| w.navigator().media_devices().ok())
            .ok_or(CameraError::Unsupported)?;
        let video_constraints = Object::new();
        let facing = Object::new();
        set(&facing, "ideal", &"environment".into());
        set(&video_constraints, "facingMode", &facing);
        let width = Object::new();
        set(&width, "ideal", &1280.into());
        set(&video_constraints, "width", &width);
        let constraints = web_sys::MediaStreamConstraints::new();
        constraints.set_video(&video_constraints);
        constraints.set_audio(&JsValue::FALSE);
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| CameraError::from_js(&e))?;
        let stream: MediaStream = JsFuture::from(promise)
            .await
            .map_err(|e| CameraError::from_js(&e))?
            .unchecked_into();
        video.set_muted(true);
        let _ = video.set_attribute("playsinline", "");
        video.set_src_object(Some(&stream));
        if let Ok(play) = video.play() {
            let _ = JsFuture::from(play).await;
        }
        Ok(Self { stream })
    }

    fn track(&self) -> Option<MediaStreamTrack> {
        self.stream
            .get_video_tracks()
            .get(0)
            .dyn_into::<MediaStreamTrack>()
            .ok()
    }

    /// Whether the camera has a torch that can be switched on.
    pub fn has_torch(&self) -> bool {
        let Some(track) = self.track() else {
            return false;
        };
        let Ok(get) = Reflect::get(&track, &"getCapabilities".into()) else {
            return false;
        };
        let Some(get) = get.dyn_ref::<js_sys::Function>() else {
            return false;
        };
        get.call0(&track)
            .ok()
            .and_then(|caps| Reflect::get(&caps, &"torch".into()).ok())
            .is_some_and(|torch| torch.is_truthy())
    }

    /// Switches the torch on or off.
    pub async fn set_torch(&self, on: bool) -> Result<(), CameraError> {
        let track = self.track().ok_or(CameraError::Absent)?;
        let torch = Object::new();
        set(&torch, "torch", &JsValue::from_bool(on));
        let constraints = web_sys::MediaTrackConstraints::new();
        constraints.set_advanced(&Array::of1(&torch));
        let promise = track
            .apply_constraints_with_constraints(&constraints)
            .map_err(|e| CameraError::from_js(&e))?;
        JsFuture::from(promise)
            .await
            .map_err(|e| CameraError::from_js(&e))?;
        Ok(())
    }

    /// Stops the camera (its light goes off).
    pub fn stop(&self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// Draws images into a hidden canvas and reads them back in grey.
pub struct FrameGrabber {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl FrameGrabber {
    /// A grabber with its own canvas (never added to the page).
    pub fn new() -> Option<Self> {
        let canvas: HtmlCanvasElement = web_sys::window()?
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        let options = Object::new();
        set(&options, "willReadFrequently", &JsValue::TRUE);
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into()
            .ok()?;
        Some(Self { canvas, context })
    }

    fn read(&self, width: u32, height: u32) -> Option<GrayFrame> {
        let data = self
            .context
            .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
            .ok()?
            .data();
        Some(GrayFrame {
            width,
            height,
            pixels: entraide_core::transfer::qr::rgba_to_gray(&data),
        })
    }

    fn fit(width: u32, height: u32) -> (u32, u32) {
        let scale = (f64::from(FRAME_SIDE) / f64::from(width.max(height))).min(1.0);
        (
            ((f64::from(width) * scale) as u32).max(1),
            ((f64::from(height) * scale) as u32).max(1),
        )
    }

    /// The current video frame, scaled to at most [`FRAME_SIDE`]; `None` before the first
    /// frame arrives.
    pub fn grab(&self, video: &HtmlVideoElement) -> Option<GrayFrame> {
        let (vw, vh) = (video.video_width(), video.video_height());
        if vw == 0 || vh == 0 {
            return None;
        }
        let (w, h) = Self::fit(vw, vh);
        self.canvas.set_width(w);
        self.canvas.set_height(h);
        self.context
            .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w.into(), h.into())
            .ok()?;
        self.read(w, h)
    }

    /// A chosen picture (a photo or a screenshot of a code), scaled to at most 1280 pixels.
    pub async fn picture(&self, file: &web_sys::File) -> Result<GrayFrame, CameraError> {
        let window = web_sys::window().ok_or(CameraError::Unsupported)?;
        let promise = window
            .create_image_bitmap_with_blob(file)
            .map_err(|_| CameraError::NotImage)?;
        let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
            .await
            .map_err(|_| CameraError::NotImage)?
            .unchecked_into();
        let scale = (1280.0 / f64::from(bitmap.width().max(bitmap.height()))).min(1.0);
        let w = ((f64::from(bitmap.width()) * scale) as u32).max(1);
        let h = ((f64::from(bitmap.height()) * scale) as u32).max(1);
        self.canvas.set_width(w);
        self.canvas.set_height(h);
        self.context.set_fill_style_str("#fff");
        self.context.fill_rect(0.0, 0.0, w.into(), h.into());
        self.context
            .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w.into(), h.into())
            .map_err(|_| CameraError::NotImage)?;
        bitmap.close();
        self.read(w, h).ok_or(CameraError::NotImage)
    }
}

/// The browser's own QR detector, where it has one (Chrome on Android, Safari 17+ on macOS;
/// not iPhones, not Chromium on Linux).
pub struct BarcodeDetector(JsValue);

impl BarcodeDetector {
    /// The detector, or `None` when the browser has none or it cannot read QR codes.
    pub fn new() -> Option<Self> {
        let global = js_sys::global();
        let class = Reflect::get(&global, &"BarcodeDetector".into()).ok()?;
        let class = class.dyn_into::<js_sys::Function>().ok()?;
        let options = Object::new();
        set(&options, "formats", &Array::of1(&"qr_code".into()));
        let detector = Reflect::construct(&class, &Array::of1(&options)).ok()?;
        Some(Self(detector))
    }

    /// Texts of the codes in the current video frame.
    pub async fn detect(&self, video: &HtmlVideoElement) -> Vec<String> {
        let Ok(detect) = Reflect::get(&self.0, &"detect".into()) else {
            return Vec::new();
        };
        let Some(detect) = detect.dyn_ref::<js_sys::Function>() else {
            return Vec::new();
        };
        let Ok(promise) = detect.call1(&self.0, video) else {
            return Vec::new();
        };
        let Ok(found) = JsFuture::from(Promise::from(promise)).await else {
            return Vec::new();
        };
        Array::from(&found)
            .iter()
            .filter_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
            .collect()
    }
}
