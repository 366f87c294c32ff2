/** What an upload may hold. Each limit is refused with its own message, before the rows are read. */
export type ImportLimits = {
  /** A request to create a screening: the JSON, or the multipart upload with its file. */
  maxBodyBytes: number;
  maxFileBytes: number;
  /** The sum of an XLSX's uncompressed parts, as its zip directory declares them (zip bombs). */
  maxUncompressedBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxFileBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 200,
  maxCellChars: 2_000,
};

/** An upload refused as a whole: 413 when it is too large to read, 400 otherwise. */
export class UploadRefused extends Error {
  constructor(message: string, readonly status: 400 | 413 = 400) {
    super(message);
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const refusals = {
  fileTooLarge: (limits: ImportLimits) => new UploadRefused(`文件过大，最大 ${mib(limits.maxFileBytes)} (file larger than ${mib(limits.maxFileBytes)})`, 413),
  unpacksTooLarge: (bytes: number, limits: ImportLimits) =>
    new UploadRefused(`XLSX 解压后过大（${mib(bytes)}），最大 ${mib(limits.maxUncompressedBytes)} (uncompressed size over the limit)`, 413),
  tooManyRows: (limits: ImportLimits) =>
    new UploadRefused(`行数过多，一次最多 ${limits.maxRows} 个申请人，请分批上传 (more than ${limits.maxRows} rows; split the file)`, 413),
  tooManyColumns: (count: number, limits: ImportLimits) =>
    new UploadRefused(`列数过多（${count}），最多 ${limits.maxColumns} 列 (more than ${limits.maxColumns} columns)`),
  cellTooLong: (row: number, column: number, limits: ImportLimits) =>
    new UploadRefused(`第 ${row} 行第 ${column} 列内容过长，最多 ${limits.maxCellChars} 字 (cell longer than ${limits.maxCellChars} characters)`),
};
