/**
 * Draws the two Teams app icons (an AKIS smart card with its chip and a signature)
 * so that they can be rebuilt byte for byte from this file.
 *
 * - `appPackage/color.png`: 192x192, full colour, background in the manifest's accent colour.
 * - `appPackage/outline.png`: 32x32, white on a transparent background.
 *
 * Run: `npx tsx scripts/icons.ts` (writes both files into appPackage/).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** An RGB colour, each channel 0..255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Answers whether a point (in pixel units, y down) is inside a shape. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  /** Colour of the layer at a point; lets a layer carry a gradient. */
  colorAt: (x: number, y: number) => Rgb;
}

interface Point {
  x: number;
  y: number;
}

/** Subsamples per pixel side: 4 gives 16 samples, enough for smooth edges. */
const SUPERSAMPLE = 4;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const NAVY_TOP: Rgb = hex('#215DA8');
const NAVY_BOTTOM: Rgb = hex('#173F73');
const INK: Rgb = hex('#1B4F8F');
const CHIP_GOLD: Rgb = hex('#E2B23C');
const CHIP_LINE: Rgb = hex('#A97A1E');
const SEAL_RED: Rgb = hex('#C8102E');

function hex(value: string): Rgb {
  const n = Number.parseInt(value.slice(1), 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

function solid(color: Rgb): (x: number, y: number) => Rgb {
  return () => color;
}

// ---------------------------------------------------------------- shapes

/** Signed distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRectDistance(
  x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, radius: number,
): number {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function roundedRect(cx: number, cy: number, width: number, height: number, radius: number): Shape {
  return (x, y) => roundedRectDistance(x, y, cx, cy, width / 2, height / 2, radius) <= 0;
}

function roundedRectStroke(
  cx: number, cy: number, width: number, height: number, radius: number, lineWidth: number,
): Shape {
  return (x, y) =>
    Math.abs(roundedRectDistance(x, y, cx, cy, width / 2, height / 2, radius)) <= lineWidth / 2;
}

function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= radius;
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const abx = b.x - a.x;
  const aby = b.y - a.y;
  const lengthSquared = abx * abx + aby * aby;
  const t = lengthSquared === 0
    ? 0
    : Math.min(1, Math.max(0, ((p.x - a.x) * abx + (p.y - a.y) * aby) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * abx), p.y - (a.y + t * aby));
}

/** A thick polyline with round joins and caps. */
function polyline(points: readonly Point[], lineWidth: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b && segmentDistance({ x, y }, a, b) <= lineWidth / 2) return true;
    }
    return false;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

function minus(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}

/**
 * A handwritten-looking signature: a few loops of decaying height, then a flourish.
 * (x0, y0) is where the pen starts; `width` and `height` scale the whole stroke.
 */
function signaturePoints(x0: number, y0: number, width: number, height: number): Point[] {
  const points: Point[] = [];
  const steps = 120;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const loop = Math.sin(t * Math.PI * 5);
    points.push({
      x: x0 + t * width - 0.12 * width * Math.cos(t * Math.PI * 5) * (1 - t),
      y: y0 - height * loop * (1 - 0.55 * t),
    });
  }
  return points;
}

// ---------------------------------------------------------------- rasterising

function blend(under: Rgb & { a: number }, over: Rgb, coverage: number): Rgb & { a: number } {
  const a = coverage + under.a * (1 - coverage);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (top: number, bottom: number): number =>
    (top * coverage + bottom * under.a * (1 - coverage)) / a;
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b), a };
}

function coverageAt(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      if (shape(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) inside++;
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

/** Paints the layers bottom to top onto a transparent square PNG. */
function rasterise(size: number, layers: readonly Layer[]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let pixel = { r: 0, g: 0, b: 0, a: 0 };
      for (const layer of layers) {
        const coverage = coverageAt(layer.shape, px, py);
        if (coverage > 0) pixel = blend(pixel, layer.colorAt(px + 0.5, py + 0.5), coverage);
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = Math.round(pixel.r);
      png.data[offset + 1] = Math.round(pixel.g);
      png.data[offset + 2] = Math.round(pixel.b);
      png.data[offset + 3] = Math.round(pixel.a * 255);
    }
  }
  return png;
}

// ---------------------------------------------------------------- the two icons

function verticalGradient(top: Rgb, bottom: Rgb, size: number): (x: number, y: number) => Rgb {
  return (_x, y) => {
    const t = Math.min(1, Math.max(0, y / size));
    return {
      r: top.r + (bottom.r - top.r) * t,
      g: top.g + (bottom.g - top.g) * t,
      b: top.b + (bottom.b - top.b) * t,
    };
  };
}

/** The chip's contact pattern: a frame split into six pads. */
function chipLines(x0: number, y0: number, width: number, height: number, line: number): Shape {
  const midY = y0 + height / 2;
  const thirdX = x0 + width / 3;
  const twoThirdsX = x0 + (2 * width) / 3;
  return union(
    rect(x0, midY - line / 2, x0 + width, midY + line / 2),
    rect(thirdX - line / 2, y0, thirdX + line / 2, y0 + height),
    rect(twoThirdsX - line / 2, y0, twoThirdsX + line / 2, y0 + height),
  );
}

/** 192x192 colour icon: white card with a gold chip, a signature and a red seal. */
export function renderColorIcon(): PNG {
  const size = COLOR_ICON_SIZE;
  const card = { cx: 92, cy: 94, width: 124, height: 80, radius: 11 };
  const chip = { x0: 44, y0: 72, width: 32, height: 25 };
  const seal = { cx: 146, cy: 130, radius: 22 };
  const layers: Layer[] = [
    { shape: rect(0, 0, size, size), colorAt: verticalGradient(NAVY_TOP, NAVY_BOTTOM, size) },
    { shape: roundedRect(card.cx + 2, card.cy + 4, card.width, card.height, card.radius),
      colorAt: solid(hex('#10305A')) },
    { shape: roundedRect(card.cx, card.cy, card.width, card.height, card.radius), colorAt: solid(WHITE) },
    { shape: roundedRect(chip.x0 + chip.width / 2, chip.y0 + chip.height / 2, chip.width, chip.height, 5),
      colorAt: solid(CHIP_GOLD) },
    { shape: chipLines(chip.x0 + 3, chip.y0 + 3, chip.width - 6, chip.height - 6, 2),
      colorAt: solid(CHIP_LINE) },
    { shape: polyline(signaturePoints(88, 96, 50, 11), 3.4), colorAt: solid(INK) },
    { shape: polyline([{ x: 44, y: 118 }, { x: 120, y: 118 }], 2), colorAt: solid(hex('#B9C7DA')) },
    { shape: circle(seal.cx, seal.cy, seal.radius + 4), colorAt: solid(WHITE) },
    { shape: circle(seal.cx, seal.cy, seal.radius), colorAt: solid(SEAL_RED) },
    { shape: polyline([{ x: 135, y: 130 }, { x: 143, y: 138 }, { x: 158, y: 122 }], 5), colorAt: solid(WHITE) },
  ];
  return rasterise(size, layers);
}

/** 32x32 outline icon: the same card drawn in white on transparent. */
export function renderOutlineIcon(): PNG {
  // Edges sit on whole pixels so the 2 px frame and 1 px lines stay crisp.
  const chip = rect(6, 11, 13, 16);
  const chipGaps = union(rect(9, 11, 10, 16), rect(6, 13, 13, 14));
  const shape = union(
    roundedRectStroke(16, 16, 28, 20, 3.5, 2),
    minus(chip, chipGaps),
    polyline(signaturePoints(16, 14.5, 10, 2.6), 1.6),
    rect(6, 20, 26, 21),
  );
  return rasterise(OUTLINE_ICON_SIZE, [{ shape, colorAt: solid(WHITE) }]);
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

/** Writes color.png and outline.png into the given folder (default: appPackage/). */
export function writeIcons(folder = join(__dirname, '..', 'appPackage')): void {
  writeFileSync(join(folder, 'color.png'), encodePng(renderColorIcon()));
  writeFileSync(join(folder, 'outline.png'), encodePng(renderOutlineIcon()));
}

if (require.main === module) {
  writeIcons();
  console.log('appPackage/color.png and appPackage/outline.png written');
}
