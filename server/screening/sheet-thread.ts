/**
 * The sheet-reading thread (sheet-reader.ts): reads an uploaded CSV or XLSX and validates every row, one upload at a
 * time, and answers the new screening's input, the rows' issues, or the refusal. Decoding, unzipping, parsing and
 * row validation of a 20,000-row file take seconds of CPU: here they never hold up the thread serving requests.
 */
import { parentPort } from 'node:worker_threads';
import { importSheet } from './import.ts';
import { UploadRefused } from './limits.ts';
import type { SheetTask, SheetAnswer } from './sheet-reader.ts';

let queue: Promise<void> = Promise.resolve();

async function answer(task: SheetTask): Promise<SheetAnswer> {
  try {
    return { id: task.id, ok: true, result: await importSheet(task.upload, task.limits) };
  } catch (error) {
    if (error instanceof UploadRefused) return { id: task.id, ok: false, refused: { message: error.message, status: error.status } };
    return { id: task.id, ok: false, error: (error as Error).message };
  }
}

parentPort!.on('message', (task: SheetTask) => {
  queue = queue.then(async () => parentPort!.postMessage(await answer(task)));
});
