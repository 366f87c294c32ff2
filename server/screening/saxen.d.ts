/** The part of saxen (a streaming SAX parser, read-excel-file's own) that xlsx-rows.ts uses; it ships no types. */
declare module 'saxen' {
  export class Parser {
    on(event: 'openTag', handler: (name: string, attributes: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'closeTag', handler: (name: string) => void): this;
    on(event: 'text', handler: (text: string, decode: (s: string) => string) => void): this;
    on(event: 'error', handler: (error: Error) => void): this;
    write(xml: string): this;
    end(): Error | undefined;
    stop(): void;
    parse(xml: string): Error | undefined;
  }
}
