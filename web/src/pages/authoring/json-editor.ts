/**
 * The JSON view: CodeMirror 6 with JSON syntax, its parse errors and the server's check results as inline lint, and
 * completion of the values the rule format names (facts, operators, categories, amount kinds, statuses). Loaded only
 * when an author opens the JSON tab.
 *
 * The editor lives in a shadow root of its host: there CodeMirror puts its styles in constructed style sheets
 * (adoptedStyleSheets), which the page's `style-src 'self'` policy allows, where in the document itself it would add
 * <style> elements that the policy refuses (or that need a nonce per answer).
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';

type SyntaxNode = ReturnType<typeof syntaxTree>['topNode'];

export type Vocabulary = { facts: { name: string; label: string }[]; operators: string[]; categories: string[]; kinds: string[]; statuses: string[] };
export type LintIssue = { path: string; message: string; severity: 'error' | 'warning' };

/** `conditions.all[2].value` as keys and indexes. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

const valueChildren = (node: SyntaxNode) => {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!['[', ']', '{', '}', ',', '⚠'].includes(child.name)) children.push(child);
  return children;
};

/** The part of the text a check's path names: the deepest node of the path that the JSON has. */
export function rangeOfPath(state: EditorState, path: string): { from: number; to: number } {
  let node: SyntaxNode | null = syntaxTree(state).topNode.firstChild;
  let found = node ? { from: node.from, to: node.to } : { from: 0, to: 0 };
  for (const segment of pathSegments(path)) {
    if (!node) break;
    let next: SyntaxNode | null = null;
    if (typeof segment === 'number' && node.name === 'Array') {
      next = valueChildren(node)[segment] ?? null;
    } else if (typeof segment === 'string' && node.name === 'Object') {
      for (const property of valueChildren(node)) {
        const name = property.getChild('PropertyName');
        if (name && state.sliceDoc(name.from, name.to) === JSON.stringify(segment)) {
          next = property.lastChild && property.lastChild.name !== 'PropertyName' ? property.lastChild : name;
          break;
        }
      }
    }
    if (!next) break;
    node = next;
    found = { from: node.from, to: node.to };
  }
  return found;
}

/** Completion inside a string value of a property whose values the rule format lists. */
function completions(vocabulary: () => Vocabulary) {
  return (context: CompletionContext): CompletionResult | null => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (node.name !== 'String' || node.parent?.name !== 'Property') return null;
    const name = node.parent.getChild('PropertyName');
    if (!name) return null;
    const key = context.state.sliceDoc(name.from + 1, name.to - 1);
    const words = vocabulary();
    const options =
      key === 'fact' || key === 'of'
        ? words.facts.map((f) => ({ label: f.name, detail: f.label }))
        : (({ operator: words.operators, category: words.categories, kind: words.kinds, status: words.statuses }) as Record<string, string[]>)[key]?.map((label) => ({ label }));
    if (!options) return null;
    return { from: node.from + 1, to: node.to - 1, options, validFor: /^[\w-]*$/ };
  };
}

/** Sizes and colours of the editor box: inside the shadow root the page's style sheet does not reach. */
const boxTheme = EditorView.theme({
  '&': { maxHeight: '70vh', minHeight: '20rem', fontSize: '0.9rem', border: '1px solid #c9d1db', borderRadius: '6px', background: '#fff' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
});

export function createJsonEditor(
  host: HTMLElement,
  doc: string,
  options: { onchange: (text: string) => void; issues: () => LintIssue[]; vocabulary: () => Vocabulary; label: string },
) {
  const checks = linter((view): Diagnostic[] => {
    const parseErrors = jsonParseLinter()(view);
    if (parseErrors.length) return parseErrors;
    return options.issues().map((issue) => ({ ...rangeOfPath(view.state, issue.path), severity: issue.severity, message: issue.message }));
  }, { delay: 300 });
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.replaceChildren(parent);
  const view = new EditorView({
    doc,
    parent,
    root,
    extensions: [
      basicSetup,
      boxTheme,
      json(),
      lintGutter(),
      checks,
      autocompletion({ override: [completions(options.vocabulary)] }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onchange(update.state.doc.toString());
      }),
    ],
  });
  return {
    view,
    /** Shows text changed elsewhere (the form), unless it is what the editor holds already. */
    setText(text: string) {
      if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Shows check results that arrived after the last edit. */
    relint: () => forceLinting(view),
    destroy: () => view.destroy(),
  };
}
