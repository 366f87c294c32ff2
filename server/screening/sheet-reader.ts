/**
 * Reads uploaded sheets in a thread of their own (sheet-thread.ts), so that the server keeps answering while a large
 * upload is read: the bytes are handed over (not copied), the rows are read and validated there, and only the new
 * screening's input comes back. Uploads are read one after another, so at most one is unpacked at a time. The
 * thread starts with the first upload and stays; a thread that dies fails its uploads and is replaced by the next.
 */
import { Worker } from 'node:worker_threads';
import type { IsoDate } from '../domain/dates.ts';
import type { ImportResult } from './import.ts';
import { UploadRefused, type ImportLimits } from './limits.ts';

export type SheetUpload = { bytes: Uint8Array; fileName: string; name?: string; asOf: IsoDate };
export type SheetTask = { id: number; upload: SheetUpload; limits: ImportLimits };
export type SheetAnswer =
  | { id: number; ok: true; result: ImportResult }
  | { id: number; ok: false; refused: { message: string; status: 400 | 413 } }
  | { id: number; ok: false; error: string };

/** How an upload is read: in the sheet thread (`SheetReaderThread.read`) or, without one, in this thread. */
export type ReadSheet = (upload: SheetUpload, limits: ImportLimits) => Promise<ImportResult>;

type Pending = { resolve: (result: ImportResult) => void; reject: (error: Error) => void };

export class SheetReaderThread {
  #worker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  readonly read: ReadSheet = (upload, limits) =>
    new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      const worker = this.#thread();
      worker.ref();
      const task: SheetTask = { id, upload, limits };
      const { buffer } = upload.bytes;
      // The bytes move to the thread when they are a whole buffer of their own (an upload's are); else they are copied.
      worker.postMessage(task, buffer instanceof ArrayBuffer && buffer.byteLength === upload.bytes.byteLength ? [buffer] : []);
    });

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = null;
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    // The app runs its TypeScript through tsx, whose loader a worker thread does not inherit: the thread registers it.
    const entry = JSON.stringify(new URL('./sheet-thread.ts', import.meta.url).href);
    const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`, { eval: true });
    worker.on('message', (answer: SheetAnswer) => this.#answered(answer));
    worker.on('error', (error) => this.#failAll(worker, error));
    worker.on('exit', (code) => this.#failAll(worker, new Error(`sheet thread exited (${code})`)));
    worker.unref();
    return (this.#worker = worker);
  }

  #answered(answer: SheetAnswer): void {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (answer.ok) pending.resolve(answer.result);
    else if ('refused' in answer) pending.reject(new UploadRefused(answer.refused.message, answer.refused.status));
    else pending.reject(new Error(answer.error));
  }

  #failAll(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
