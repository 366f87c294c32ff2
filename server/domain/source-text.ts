/** A document's printed text with its line breaks removed, remembering where each page starts,
 * so that a rule's verbatim quote can be found and its page checked. */
export type SourceText = { flat: string; pages: { page: number; offset: number }[] };

const PAGE_MARKER = /^# Page (\d+):$/;

export function indexSourceText(text: string): SourceText {
  let flat = '';
  const pages: SourceText['pages'] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const marker = PAGE_MARKER.exec(line);
    if (marker) pages.push({ page: Number(marker[1]), offset: flat.length });
    else flat += line;
  }
  return { flat, pages };
}

export function pageAt(source: SourceText, offset: number): number | null {
  let page: number | null = null;
  for (const start of source.pages) {
    if (start.offset > offset) break;
    page = start.page;
  }
  return page;
}

/** The pages on which the quote starts, once per occurrence; empty when it is not in the text. */
export function quotePages(source: SourceText, quote: string): number[] {
  const pages: number[] = [];
  for (let at = source.flat.indexOf(quote); at >= 0; at = source.flat.indexOf(quote, at + 1)) {
    const page = pageAt(source, at);
    if (page !== null) pages.push(page);
  }
  return pages;
}
