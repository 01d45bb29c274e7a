import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

const punctuation = new Set(['[', ']', '{', '}', ',', ':', '⚠']);

const valueChildren = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!punctuation.has(c.name)) out.push(c);
  return out;
};

function childAt(state: EditorState, node: SyntaxNode, segment: string): SyntaxNode | undefined {
  if (node.name === 'Array') return valueChildren(node)[Number(segment)];
  if (node.name !== 'Object') return undefined;
  for (const property of valueChildren(node)) {
    const name = property.getChild('PropertyName');
    if (!name) continue;
    try {
      if (JSON.parse(state.sliceDoc(name.from, name.to)) === segment) return property.lastChild ?? property;
    } catch {
      // An unfinished name: not the one we look for.
    }
  }
  return undefined;
}

/** The text range of the value at a JSON pointer (`/properties/a`), or of the nearest parent found. */
export function rangeOfPointer(state: EditorState, pointer: string): { from: number; to: number } {
  let node: SyntaxNode | null | undefined = syntaxTree(state).topNode.firstChild;
  if (!node) return { from: 0, to: Math.min(1, state.doc.length) };
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    const next = childAt(state, node, segment);
    if (!next) break;
    node = next;
  }
  // A whole object would underline the entire document; its first line is enough.
  const to = Math.min(node.to, state.doc.lineAt(node.from).to);
  return { from: node.from, to: Math.max(to, node.from + 1) };
}
