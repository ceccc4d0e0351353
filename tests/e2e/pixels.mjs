// Measuring what moved on screen, from two screenshots: how far the drawn content shifted.
import { PNG } from 'pngjs';

// One signature per row (or column) of `png` within a band; null where the line is one flat colour.
function lines(png, vertical, from, to) {
  const out = [];
  const [count, span] = vertical ? [png.width, png.height] : [png.height, png.width];
  for (let i = 0; i < count; i++) {
    let hash = 2166136261, flat = true, first = -1;
    for (let j = Math.max(0, from); j < Math.min(span, to); j++) {
      const k = 4 * (vertical ? j * png.width + i : i * png.width + j);
      const rgb = (png.data[k] << 16) | (png.data[k + 1] << 8) | png.data[k + 2];
      if (first < 0) first = rgb; else if (rgb !== first) flat = false;
      hash = Math.imul(hash ^ rgb, 16777619);
    }
    out.push(flat ? null : hash);
  }
  return out;
}

// How many pixels the content moved towards the top (rows) or the left (columns) between two
// screenshots: the shift that lines up the most non-blank lines. `band` limits the lines compared
// to a span across them (e.g. to leave out a scrollbar). Returns { shift, matched }.
export function contentShift(beforeBuffer, afterBuffer, { horizontal = false, band = [0, Infinity] } = {}) {
  const before = lines(PNG.sync.read(beforeBuffer), horizontal, band[0], band[1]);
  const after = lines(PNG.sync.read(afterBuffer), horizontal, band[0], band[1]);
  let best = { shift: 0, matched: -1 };
  for (let shift = 0; shift < before.length; shift++) {
    let matched = 0;
    for (let i = 0; i + shift < before.length; i++) if (after[i] !== null && after[i] === before[i + shift]) matched++;
    if (matched > best.matched) best = { shift, matched };
  }
  return best;
}

// How many pixels differ between two screenshots of the same size (any channel).
export function differingPixels(aBuffer, bBuffer) {
  const a = PNG.sync.read(aBuffer), b = PNG.sync.read(bBuffer);
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count++;
  return count;
}
