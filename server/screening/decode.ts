/**
 * Text files as offices save them: UTF-8 with or without a BOM, UTF-16 (from Excel's "Unicode 文本" with a BOM, from
 * other tools without one), or GBK/GB18030 from Excel's Chinese "CSV (逗号分隔)". Node 20's 'gbk' decoder maps bad
 * bytes to private-use characters instead of failing, so GB text is decoded as gb18030 (a superset of GBK) with fatal
 * errors.
 */
import { UploadRefused } from './limits.ts';

export type TextEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-16LE (no BOM)' | 'UTF-16BE (no BOM)' | 'GB18030';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * UTF-16 saved without a BOM, told by its zero bytes: UTF-8 and GB text hold none, while every ASCII character of a
 * sheet (commas, line breaks, digits) has a zero high byte, at odd offsets in little-endian and even ones in big-endian.
 * A few CJK characters have a zero low byte, hence "mostly".
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'unknown' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  if (even + odd === 0) return null;
  if (bytes.length % 2 === 0 && odd > 4 * even) return 'utf-16le';
  if (bytes.length % 2 === 0 && even > 4 * odd) return 'utf-16be';
  return 'unknown';
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: strict('utf-8', bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 === 'utf-16le') return { text: strict(utf16, bytes), encoding: 'UTF-16LE (no BOM)' };
  if (utf16 === 'utf-16be') return { text: strict(utf16, bytes), encoding: 'UTF-16BE (no BOM)' };
  if (utf16 === 'unknown') {
    throw new UploadRefused('文件含有空字节，不是 UTF-8、GBK 或 UTF-16 文本，请另存为 UTF-8 编码的 CSV 或 XLSX (the file holds zero bytes but is not UTF-16 text: save as UTF-8)');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
    } catch {
      throw new UploadRefused('无法识别文件编码，请另存为 UTF-8 编码的 CSV 或 XLSX (encoding not recognised: save as UTF-8)');
    }
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UploadRefused(`文件声明为 ${encoding.toUpperCase()} 但内容有误，请另存为 UTF-8 (the file is not valid ${encoding}: save as UTF-8)`);
  }
}
