/**
 * Text files as offices save them: UTF-8 with or without a BOM, UTF-16 from Excel's "Unicode 文本", or GBK/GB18030
 * from Excel's Chinese "CSV (逗号分隔)". Node 20's 'gbk' decoder maps bad bytes to private-use characters instead of
 * failing, so GB text is decoded as gb18030 (a superset of GBK) with fatal errors.
 */
import { UploadRefused } from './limits.ts';

export type TextEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: strict('utf-8', bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
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
