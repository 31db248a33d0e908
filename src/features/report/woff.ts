/**
 * WOFF 1.0 → the plain TrueType/OpenType font it wraps (https://www.w3.org/TR/WOFF/).
 *
 * Why: fontkit reads WOFF, but inflates a table again each time it reads from it, so laying out a
 * fifty-page profile inflated the same few kilobytes thousands of times (a quarter of a second per
 * build, in a pure-JavaScript inflater). Handing it the plain font, inflated once natively, removes that.
 * The font package ships WOFF and WOFF2 only, and react-pdf cannot read WOFF2.
 */

/** Inflates one zlib stream (WOFF tables are compressed with zlib's compress2). */
export type Inflate = (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_ENTRY = 16;

const align4 = (n: number) => (n + 3) & ~3;

export async function woffToSfnt(woff: Uint8Array, inflate: Inflate): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < HEADER || view.getUint32(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF font');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (woff.byteLength < HEADER + numTables * WOFF_ENTRY) throw new Error('truncated WOFF font');

  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = HEADER + i * WOFF_ENTRY;
    const tag = view.getUint32(at);
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    const checksum = view.getUint32(at + 16);
    if (offset + compLength > woff.byteLength) throw new Error('truncated WOFF font');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? await inflate(stored) : stored;
    if (data.byteLength !== origLength) throw new Error('damaged WOFF table');
    tables.push({ tag, checksum, data });
  }
  // The sfnt table directory is sorted by tag (WOFF's normally is too; sorting costs nothing).
  tables.sort((a, b) => a.tag - b.tag);

  const directory = 12 + numTables * SFNT_ENTRY;
  const size = tables.reduce((total, t) => total + align4(t.data.byteLength), directory);
  const out = new Uint8Array(size);
  const sfnt = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(numTables));
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, numTables);
  sfnt.setUint16(6, power * 16); // searchRange
  sfnt.setUint16(8, Math.log2(power)); // entrySelector
  sfnt.setUint16(10, numTables * 16 - power * 16); // rangeShift
  let offset = directory;
  tables.forEach((t, i) => {
    const at = 12 + i * SFNT_ENTRY;
    sfnt.setUint32(at, t.tag);
    sfnt.setUint32(at + 4, t.checksum);
    sfnt.setUint32(at + 8, offset);
    sfnt.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += align4(t.data.byteLength);
  });
  return out;
}
