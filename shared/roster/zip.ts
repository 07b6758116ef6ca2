/**
 * A look at a ZIP's central directory before unpacking it: an .xlsx is a ZIP, and a 5 MB ZIP can
 * inflate to gigabytes (a "zip bomb") and take the process down. Reading the declared sizes is
 * enough for honest files, and exceljs would fail on a ZIP that lies about them.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Total declared uncompressed size, or null when this is not a readable ZIP. */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64: far beyond any roster
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
