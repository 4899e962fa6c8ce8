// y4m.mjs — dependency-free helpers to build YUV4MPEG2 (.y4m) "camera" videos
// for Chromium's --use-file-for-fake-video-capture=<file>.y4m.
//
// Gray frames are { width, height, gray: Uint8Array } (8-bit luminance, row-major).
// Findings in Chromium 156 (rerun check.mjs): only 4:2:0 planar data works (any C420* tag or
// none; Cmono/C444 crash the capture service); W and H must be even; F is required.
// Chromium treats Y as limited-range BT.601: a page drawing the <video> into a canvas reads
// R=G=B = clamp((Y-16)*255/219). writeY4m therefore maps gray 0..255 -> Y 16..235 by default
// (levels:'limited') so that the page reads back the gray you wrote (+/-1).
// The file is (re)opened each time the fake camera starts (first getUserMedia while no track is
// live), starts at frame 0, and loops (frame 0 is shown twice at the loop point).

import fs from 'node:fs';

// ---------------------------------------------------------------- PRNG
/** mulberry32: deterministic 32-bit PRNG, returns () => float in [0,1). */
export function makeRng(seed = 1) {
  let a = (Number(seed) >>> 0) || 0x9e3779b9;
  return function rng() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate (Box–Muller) from a uniform rng. */
function gauss(rng) {
  let u = rng();
  if (u < 1e-12) u = 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const clamp255 = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

// ---------------------------------------------------------------- y4m writer
/**
 * Write a YUV4MPEG2 file.
 * @param {string} path
 * @param {Iterable<{width:number,height:number,gray:Uint8Array}>} frames  array or any iterable/generator
 * @param {object} [opts]
 * @param {number} [opts.width=640]  output width (frames of another size are centred/cropped on grey `fill`)
 * @param {number} [opts.height=480]
 * @param {number} [opts.fps=10]     integer or [num, den]
 * @param {string} [opts.colorspace='420jpeg']  C tag ('420jpeg'|'420mpeg2'|'420paldv'|'420'|null to omit).
 *                   Chroma planes are always written as 4:2:0 (Chromium only reads I420).
 * @param {'limited'|'full'} [opts.levels='limited']  'limited': Y = 16 + gray*219/255 so the page
 *                   reads back ≈ gray; 'full': Y = gray verbatim (page then sees stretched contrast).
 * @param {number} [opts.fill=128]   gray value for areas not covered by a smaller frame
 * @returns {{ path:string, frames:number, bytes:number, header:string }}
 */
export function writeY4m(path, frames, opts = {}) {
  const { width = 640, height = 480, fps = 10, colorspace = '420jpeg', levels = 'limited', fill = 128 } = opts;
  if (width % 2 || height % 2) throw new Error(`writeY4m: width/height must be even (got ${width}x${height})`);
  const [fn, fd] = Array.isArray(fps) ? fps : Number.isInteger(fps) ? [fps, 1] : [Math.round(fps * 1000), 1000];
  const header = `YUV4MPEG2 W${width} H${height} F${fn}:${fd} Ip A1:1${colorspace ? ' C' + colorspace : ''}\n`;
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = levels === 'full' ? i : Math.round(16 + (i * 219) / 255);
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const frameBuf = Buffer.alloc(6 + ySize + 2 * cSize);
  frameBuf.write('FRAME\n', 0, 'latin1');
  frameBuf.fill(128, 6 + ySize); // neutral chroma
  const yPlane = frameBuf.subarray(6, 6 + ySize);
  // Written aside, then renamed: a browser whose camera restarts meanwhile reads either the
  // old video or the new one, never half of one.
  const part = `${path}.part`;
  const fdOut = fs.openSync(part, 'w');
  let n = 0;
  let bytes = 0;
  try {
    bytes += fs.writeSync(fdOut, header, null, 'latin1');
    for (const f of frames) {
      if (f.width === width && f.height === height) {
        const g = f.gray;
        for (let i = 0; i < ySize; i++) yPlane[i] = lut[g[i]];
      } else {
        yPlane.fill(lut[fill]);
        const ox = Math.floor((width - f.width) / 2), oy = Math.floor((height - f.height) / 2);
        for (let y = 0; y < f.height; y++) {
          const ty = y + oy;
          if (ty < 0 || ty >= height) continue;
          for (let x = 0; x < f.width; x++) {
            const tx = x + ox;
            if (tx >= 0 && tx < width) yPlane[ty * width + tx] = lut[f.gray[y * f.width + x]];
          }
        }
      }
      bytes += fs.writeSync(fdOut, frameBuf);
      n++;
    }
  } finally {
    fs.closeSync(fdOut);
  }
  if (n === 0) throw new Error('writeY4m: no frames');
  fs.renameSync(part, path);
  return { path, frames: n, bytes, header: header.trim() };
}

/** Minimal reader (for tests): returns { width, height, fps, header, frames:[{width,height,gray}] } (Y plane only). */
export function readY4m(path) {
  const buf = fs.readFileSync(path);
  const nl = buf.indexOf(0x0a);
  const header = buf.subarray(0, nl).toString('latin1');
  const tag = (c) => header.split(' ').find((t) => t[0] === c)?.slice(1);
  const width = +tag('W'), height = +tag('H');
  const [fn, fd] = (tag('F') || '30:1').split(':').map(Number);
  const cs = tag('C') || '420';
  const cSize = cs.startsWith('mono') ? 0 : cs.startsWith('444') ? width * height : cs.startsWith('422') ? (width / 2) * height : Math.ceil(width / 2) * Math.ceil(height / 2);
  const frames = [];
  let p = nl + 1;
  while (p < buf.length) {
    const e = buf.indexOf(0x0a, p);
    if (e < 0 || !buf.subarray(p, p + 5).equals(Buffer.from('FRAME'))) break;
    p = e + 1;
    if (p + width * height + 2 * cSize > buf.length) break;
    frames.push({ width, height, gray: new Uint8Array(buf.subarray(p, p + width * height)) });
    p += width * height + 2 * cSize;
  }
  return { width, height, fps: fn / fd, header, frames };
}

// ---------------------------------------------------------------- image helpers
/**
 * RGBA (ImageData-like) -> gray. BT.601 luma; alpha is composited over white
 * (a transparent canvas background counts as light).
 */
export function rgbaToGray({ width, height, data }) {
  const gray = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    const a = data[j + 3] / 255;
    const l = 0.299 * data[j] + 0.587 * data[j + 1] + 0.114 * data[j + 2];
    gray[i] = clamp255(l * a + 255 * (1 - a));
  }
  return { width, height, gray };
}

function toGray(img) {
  if (img.gray) return img;
  if (img.data) return rgbaToGray(img);
  throw new Error('expected { width, height, gray } or { width, height, data (RGBA) }');
}

/** Separable gaussian blur (sigma = radius/2, kernel radius = ceil(radius)) or box blur, on Float32Array. */
function blurPlane(src, w, h, radius, type) {
  const r = Math.max(1, Math.ceil(radius));
  const k = new Float32Array(2 * r + 1);
  if (type === 'box') k.fill(1);
  else {
    const s = Math.max(0.3, radius / 2);
    for (let i = -r; i <= r; i++) k[i + r] = Math.exp(-(i * i) / (2 * s * s));
  }
  const ksum = k.reduce((a, b) => a + b, 0);
  for (let i = 0; i < k.length; i++) k[i] /= ksum;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const xx = x + i < 0 ? 0 : x + i >= w ? w - 1 : x + i;
        acc += src[row + xx] * k[i + r];
      }
      tmp[row + x] = acc;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const yy = y + i < 0 ? 0 : y + i >= h ? h - 1 : y + i;
        acc += tmp[yy * w + x] * k[i + r];
      }
      out[y * w + x] = acc;
    }
  }
  return out;
}

/**
 * Place a QR image on a camera-sized frame and degrade it.
 * @param {{width,height,gray}|{width,height,data}|null} qr  light background / dark modules; null = blank frame
 * @param {object} [o]
 * @param {number} [o.width=640] @param {number} [o.height=480]
 * @param {number} [o.scale]        pixels per source pixel; default: QR spans 60% of min(width,height)
 * @param {'nearest'|'bilinear'} [o.interpolation='nearest']
 * @param {number} [o.blur=0]       blur radius in output px (gaussian, sigma=blur/2); 0 = none
 * @param {'gaussian'|'box'} [o.blurType='gaussian']
 * @param {number} [o.noise=0]      std-dev of additive gaussian noise (gray levels)
 * @param {number} [o.seed=1]       PRNG seed for the noise (deterministic)
 * @param {number} [o.offsetX=0] @param {number} [o.offsetY=0]  shift of the QR centre from the frame centre (px)
 * @param {number} [o.contrast=1]   QR pixels mapped to mid + (v-mid)*contrast (mid = 128 by default)
 * @param {number} [o.brightness=0] added to QR pixels after contrast
 * @param {number} [o.background=160] gray level of the surrounding "scene"
 * @returns {{width:number,height:number,gray:Uint8Array}}
 */
export function composeFrame(qr, o = {}) {
  const {
    width = 640, height = 480, blur = 0, blurType = 'gaussian', noise = 0, seed = 1,
    offsetX = 0, offsetY = 0, contrast = 1, brightness = 0, mid = 128, background = 160,
    interpolation = 'nearest',
  } = o;
  const f = new Float32Array(width * height).fill(background);
  if (qr) {
    const q = toGray(qr);
    const scale = o.scale ?? (0.6 * Math.min(width, height)) / Math.max(q.width, q.height);
    const dw = Math.round(q.width * scale), dh = Math.round(q.height * scale);
    const x0 = Math.round((width - dw) / 2 + offsetX), y0 = Math.round((height - dh) / 2 + offsetY);
    const sx = q.width / dw, sy = q.height / dh;
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + dh); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + dw); x++) {
        let v;
        if (interpolation === 'bilinear') {
          const fx = Math.min(q.width - 1, Math.max(0, (x - x0 + 0.5) * sx - 0.5));
          const fy = Math.min(q.height - 1, Math.max(0, (y - y0 + 0.5) * sy - 0.5));
          const ix = Math.floor(fx), iy = Math.floor(fy);
          const ax = fx - ix, ay = fy - iy;
          const ix1 = Math.min(q.width - 1, ix + 1), iy1 = Math.min(q.height - 1, iy + 1);
          const g = q.gray, W = q.width;
          v = (g[iy * W + ix] * (1 - ax) + g[iy * W + ix1] * ax) * (1 - ay) + (g[iy1 * W + ix] * (1 - ax) + g[iy1 * W + ix1] * ax) * ay;
        } else {
          const ix = Math.min(q.width - 1, Math.floor((x - x0) * sx));
          const iy = Math.min(q.height - 1, Math.floor((y - y0) * sy));
          v = q.gray[iy * q.width + ix];
        }
        f[y * width + x] = mid + (v - mid) * contrast + brightness;
      }
    }
  }
  const b = blur > 0 ? blurPlane(f, width, height, blur, blurType) : f;
  const gray = new Uint8Array(width * height);
  if (noise > 0) {
    const rng = makeRng(seed);
    for (let i = 0; i < gray.length; i++) gray[i] = clamp255(b[i] + noise * gauss(rng));
  } else {
    for (let i = 0; i < gray.length; i++) gray[i] = clamp255(b[i]);
  }
  return { width, height, gray };
}

/**
 * Deterministically remove round(fraction * n) frames (order preserved).
 * @returns {Array} new array (the kept frames)
 */
export function dropFrames(frames, fraction, seed = 1) {
  const n = frames.length;
  const k = Math.min(n, Math.max(0, Math.round(fraction * n)));
  if (!k) return frames.slice();
  const rng = makeRng(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const drop = new Set(idx.slice(0, k));
  return frames.filter((_, i) => !drop.has(i));
}

/**
 * Build a camera video of an animated QR sequence and write it as .y4m.
 * @param {string} path
 * @param {Array<{width,height,gray}|{width,height,data}>} qrFrames  the animation frames, in order
 * @param {object} [opts]  all composeFrame options (width,height,scale,blur,noise,contrast,offsetX/Y,…) plus:
 * @param {number} [opts.fps=10]       camera frame rate written in the header
 * @param {number} [opts.hold=2]       camera frames per QR frame (camera fps / animation fps)
 * @param {number} [opts.lost=0]       fraction of QR frames dropped entirely (dropFrames, seeded)
 * @param {number} [opts.seed=1]       base seed; noise of output frame i uses seed*7919 + i
 * @param {number} [opts.blankStart=0] blank (no-QR, background+noise) camera frames at the start
 * @param {number} [opts.blankEnd=0]   blank camera frames at the end (before the file loops)
 * @param {number} [opts.repeat=1]     how many times the (post-drop) QR sequence is written
 * @returns {{path, frames, qrKept:number[], header, bytes}}  qrKept = indices of QR frames present
 */
export function makeCameraVideo(path, qrFrames, opts = {}) {
  const { width = 640, height = 480, fps = 10, hold = 2, lost = 0, seed = 1, blankStart = 0, blankEnd = 0, repeat = 1 } = opts;
  const indexed = qrFrames.map((q, i) => ({ i, q: q ? toGray(q) : null })); // null: nothing readable
  const kept = dropFrames(indexed, lost, seed);
  const base = { ...opts, width, height };
  function* gen() {
    let n = 0;
    const fr = (q) => composeFrame(q, { ...base, seed: (seed * 7919 + n++) >>> 0 });
    for (let i = 0; i < blankStart; i++) yield fr(null);
    for (let r = 0; r < repeat; r++)
      for (const { q } of kept) {
        const once = opts.noise > 0 ? null : fr(q); // without noise the held frames are identical
        for (let h = 0; h < hold; h++) yield once ?? fr(q);
      }
    for (let i = 0; i < blankEnd; i++) yield fr(null);
  }
  const res = writeY4m(path, gen(), { ...opts, width, height, fps });
  return { ...res, qrKept: kept.map((k) => k.i) };
}
