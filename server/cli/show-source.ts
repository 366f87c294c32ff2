/** `npm run -s rules:source -- <document-id> [page] [search text]`: a document's text as quotes are checked against it:
 * line breaks removed, one paragraph per page, so a verbatim quote can be copied from it exactly. */
import { readFileSync } from 'node:fs';
import { indexSourceText } from '../domain/source-text.ts';

const [documentId, pageArg, search] = process.argv.slice(2);
if (!documentId) {
  console.error('usage: npm run -s rules:source -- <document-id> [page|all] [search text]');
  process.exit(2);
}
const source = indexSourceText(readFileSync(`rules/${documentId}.txt`, 'utf8'));
source.pages.forEach((start, i) => {
  if (pageArg && pageArg !== 'all' && Number(pageArg) !== start.page) return;
  const text = source.flat.slice(start.offset, source.pages[i + 1]?.offset ?? source.flat.length);
  if (search && !text.includes(search)) return;
  console.log(`# Page ${start.page}:\n${text}\n`);
});
