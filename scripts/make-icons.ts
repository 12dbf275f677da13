// Draws the Teams app icons: `npx tsx scripts/make-icons.ts` rewrites appPackage/color.png and outline.png.
// The PNGs are committed, so packaging never needs this script; it is kept so the icons can be redrawn and so
// the tests can check the committed files are exactly what it draws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

/** An 8-bit RGBA image, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Buffer;
}

/** The colour icon's background; the manifest's `accentColor` is the same colour. */
export const ICON_BACKGROUND = '#4F6BED';

// Edges are sampled on a 4x4 grid per pixel: smooth enough at 192 px and cheap.
const SAMPLES = 4;

/** A point in the symbol's unit square (y grows downwards) is inside the symbol or not. */
type Shape = (x: number, y: number) => boolean;

function inRoundedRect(
  x: number,
  y: number,
  box: { left: number; top: number; right: number; bottom: number; radius: number },
): boolean {
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
  const cx = Math.min(Math.max(x, box.left + box.radius), box.right - box.radius);
  const cy = Math.min(Math.max(y, box.top + box.radius), box.bottom - box.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= box.radius ** 2;
}

function inRing(x: number, y: number, cx: number, cy: number, outer: number, inner: number): boolean {
  const d2 = (x - cx) ** 2 + (y - cy) ** 2;
  return d2 <= outer ** 2 && d2 >= inner ** 2;
}

/** A headset: headband, two ear cups and a microphone boom, the helpdesk's symbol. */
const headset: Shape = (x, y) => {
  const headband = y <= 0.52 && inRing(x, y, 0.5, 0.52, 0.42, 0.33);
  const leftCup = inRoundedRect(x, y, { left: 0.05, top: 0.44, right: 0.27, bottom: 0.76, radius: 0.08 });
  const rightCup = inRoundedRect(x, y, { left: 0.73, top: 0.44, right: 0.95, bottom: 0.76, radius: 0.08 });
  const boom = x <= 0.46 && y >= 0.7 && inRing(x, y, 0.46, 0.7, 0.265, 0.185);
  const microphone = inRoundedRect(x, y, {
    left: 0.44,
    top: 0.875,
    right: 0.63,
    bottom: 0.965,
    radius: 0.045,
  });
  return headband || leftCup || rightCup || boom || microphone;
};

/** Share of a pixel's samples inside the shape, the shape's unit square drawn at `origin` with side `size`. */
function coverage(shape: Shape, px: number, py: number, origin: number, size: number): number {
  let inside = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const x = (px + (i + 0.5) / SAMPLES - origin) / size;
      const y = (py + (j + 0.5) / SAMPLES - origin) / size;
      if (shape(x, y)) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/**
 * The 192x192 colour icon: a white headset on a full-bleed {@link ICON_BACKGROUND} square, every pixel opaque.
 * The symbol keeps clear of the edges because Teams crops the icon to a rounded shape in places.
 */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const symbol = 112;
  const origin = (size - symbol) / 2;
  const background = hexToRgb(ICON_BACKGROUND);
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const cover = coverage(headset, px, py, origin, symbol);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[at + c] = Math.round(background[c]! + (255 - background[c]!) * cover);
      }
      pixels[at + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/**
 * The 32x32 outline icon: the same headset in pure white on a transparent background. Teams recolours this icon,
 * so partial transparency would show as a halo: a pixel is either white and opaque or fully transparent.
 */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const symbol = 30;
  const origin = (size - symbol) / 2;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      if (coverage(headset, px, py, origin, symbol) < 0.5) continue;
      pixels.fill(255, (py * size + px) * 4, (py * size + px + 1) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an image as an 8-bit RGBA PNG (no filtering: the icons are tiny). */
export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const stride = image.width * 4;
  const scanlines = Buffer.alloc((stride + 1) * image.height);
  for (let row = 0; row < image.height; row++) {
    // Each scanline starts with its filter type, 0 (none).
    image.pixels.copy(scanlines, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const appPackage = path.resolve(__dirname, '..', 'appPackage');
  for (const [file, image] of [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ] as const) {
    const target = path.join(appPackage, file);
    fs.writeFileSync(target, encodePng(image));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), target)} (${image.width}x${image.height})\n`);
  }
}

if (require.main === module) main();
