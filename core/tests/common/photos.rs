//! zxing's public QR photo test set (blackbox/qrcode-1 to qrcode-6), brought outside the
//! source tree by `scripts/zxing-photos.sh`: where it is, and each photo as a grey image
//! with the text it holds. Shared by `tests/transfer_zxing.rs` and `examples/qr_photos.rs`.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

/// Photos in the set (zxing's qrcode-1 … qrcode-6).
pub const TOTAL: usize = 179;

/// One photo: its name (`qrcode-6/7.png`), its grey pixels and the text zxing expects.
pub struct Photo {
    pub name: String,
    pub width: usize,
    pub height: usize,
    pub gray: Vec<u8>,
    pub expected: Vec<u8>,
}

/// The folder of the photos: `ENTRAIDE_ZXING_DIR`, else `target/zxing-blackbox` of the
/// workspace (where the script puts them). `None` when it holds no `qrcode-1` folder.
pub fn folder() -> Option<PathBuf> {
    let dir = match std::env::var_os("ENTRAIDE_ZXING_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/zxing-blackbox"),
    };
    dir.join("qrcode-1").is_dir().then_some(dir)
}

/// How to bring the photos, for the message of a skipped test.
pub const HOW_TO_BRING: &str = "run scripts/zxing-photos.sh (with ZXING_GIT_DIR set to a clone of \
     github.com/zxing/zxing), or set ENTRAIDE_ZXING_DIR to a folder holding qrcode-1 … qrcode-6";

/// Every photo of the set, sorted by folder and number.
pub fn load_all(dir: &Path) -> Vec<Photo> {
    let mut paths: Vec<PathBuf> = (1..=6)
        .flat_map(|n| {
            fs::read_dir(dir.join(format!("qrcode-{n}")))
                .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_else(|_| Vec::new())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    let key = |p: &PathBuf| {
        let folder = p.parent().and_then(|f| f.file_name()).map(|f| f.to_owned());
        let number: u32 = p
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.parse().ok())
            .unwrap_or(u32::MAX);
        (folder, number)
    };
    paths.sort_by_key(key);
    paths.iter().map(|p| load(dir, p)).collect()
}

fn load(dir: &Path, path: &Path) -> Photo {
    let name = path
        .strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    let expected = fs::read(path.with_extension("bin"))
        .or_else(|_| fs::read(path.with_extension("txt")))
        .unwrap_or_else(|e| panic!("no expected text for {name}: {e}"));
    let (width, height, gray) = read_png_gray(path);
    Photo {
        name,
        width,
        height,
        gray,
        expected,
    }
}

/// A PNG of any colour type as 8-bit luminance (the weights of `qr::rgba_to_gray`).
pub fn read_png_gray(path: &Path) -> (usize, usize, Vec<u8>) {
    let file = fs::File::open(path).unwrap();
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (width, height) = (info.width as usize, info.height as usize);
    let channels = info.color_type.samples();
    let luma = |p: &[u8]| -> u8 {
        match p.len() {
            1 | 2 => p[0],
            _ => {
                let (r, g, b) = (u32::from(p[0]), u32::from(p[1]), u32::from(p[2]));
                ((r * 77 + g * 150 + b * 29) >> 8) as u8
            }
        }
    };
    let gray = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| {
            // Transparent pixels over white, as a page would show them.
            let alpha = match p.len() {
                2 => u32::from(p[1]),
                4 => u32::from(p[3]),
                _ => 255,
            };
            ((u32::from(luma(p)) * alpha + 255 * (255 - alpha)) / 255) as u8
        })
        .collect();
    (width, height, gray)
}
