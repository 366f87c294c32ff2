/**
 * Counts the rows of an XLSX's first sheet while its XML is inflated, a few kilobytes at a time, and stops as soon as
 * there are more than an upload may hold. read-excel-file builds every row of a sheet before it answers (a 475,000-row
 * sheet took 25 s and 1.3 GB); this pass refuses such a sheet after its first rows, with nothing built.
 */
import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate';
import { Parser } from 'saxen';
import { refusals, type UploadRefused, type ImportLimits } from './limits.ts';

/**
 * Note rows (`#…`, as in the template) are not applicants, but this pass counts every row with a value: it lets this
 * many more through, and the exact count is ShapeCheck's, on rows already bounded.
 */
const NOTE_ROWS_ALLOWED = 10;
/** Compressed bytes inflated per step: sheet XML compresses about tenfold, so a step parses some 150 KB of it. */
const STEP_BYTES = 16 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Calls `onOpen` for each element of a small XML document; `false` from it stops the parse. */
function eachElement(xml: string, onOpen: (name: string, attributes: Record<string, string>) => boolean | void): void {
  const parser = new Parser();
  parser.on('error', () => parser.stop());
  parser.on('openTag', (name, attributes) => {
    if (onOpen(localName(name), attributes()) === false) parser.stop();
  });
  parser.parse(xml);
}

/** The zip path of the workbook's first sheet (the one read-excel-file reads), or null when the workbook says none. */
export function firstSheetPath(bytes: Uint8Array): string | null {
  const parts = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' });
  const [workbook, rels] = [parts['xl/workbook.xml'], parts['xl/_rels/workbook.xml.rels']];
  if (!workbook || !rels) return null;
  const found: { relationId?: string; target?: string } = {};
  eachElement(strFromU8(workbook), (name, attributes) => {
    if (name !== 'sheet') return;
    found.relationId = Object.entries(attributes).find(([key]) => key.includes(':') && localName(key) === 'id')?.[1];
    return false;
  });
  if (!found.relationId) return null;
  eachElement(strFromU8(rels), (name, attributes) => {
    if (name !== 'Relationship' || attributes.Id !== found.relationId) return;
    found.target = attributes.Target;
    return false;
  });
  if (!found.target) return null;
  return found.target.startsWith('/') ? found.target.slice(1) : `xl/${found.target}`;
}

/**
 * Refuses (413) an XLSX whose first sheet has more rows with values than the limit allows, reading no further than
 * that; also one whose sheet inflates beyond the unpacked-size limit. A sheet it cannot find or parse is left to the
 * full reader, which says what is wrong with it.
 */
export function refuseRowsBeyondLimit(bytes: Uint8Array, limits: ImportLimits): void {
  const path = firstSheetPath(bytes);
  if (!path) return;
  const most = limits.maxRows + 1 + NOTE_ROWS_ALLOWED; // the header row, the applicants, the notes
  const state = { rows: 0, rowHasValue: false, inValue: false, inflated: 0, finished: false, refused: null as UploadRefused | null };

  const parser = new Parser();
  parser.on('error', () => {
    state.finished = true;
    parser.stop();
  });
  parser.on('openTag', (name, _attributes, _decode, selfClosing) => {
    const local = localName(name);
    if (local === 'row') state.rowHasValue = false;
    else if ((local === 'v' || local === 't') && !selfClosing) state.inValue = true;
  });
  parser.on('text', (text) => {
    if (state.inValue && text.length) state.rowHasValue = true;
  });
  parser.on('closeTag', (name) => {
    const local = localName(name);
    if (local === 'v' || local === 't') state.inValue = false;
    else if (local === 'row' && state.rowHasValue && ++state.rows > most) {
      state.refused = refusals.tooManyRows(limits);
      parser.stop();
    }
  });

  const unzip = new Unzip((file) => {
    if (file.name !== path) return;
    const decoder = new TextDecoder();
    file.ondata = (error, chunk, final) => {
      if (error || state.refused || state.finished) return void (state.finished = true);
      state.inflated += chunk.byteLength;
      if (state.inflated > limits.maxUncompressedBytes) return void (state.refused = refusals.unpacksTooLarge(state.inflated, limits));
      parser.write(decoder.decode(chunk, { stream: !final }));
      if (final) state.finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.byteLength && !state.refused && !state.finished; at += STEP_BYTES) {
      unzip.push(bytes.subarray(at, at + STEP_BYTES), at + STEP_BYTES >= bytes.byteLength);
    }
  } catch {
    return; // a damaged zip: the full reader refuses it with its message
  }
  if (state.refused) throw state.refused;
}
