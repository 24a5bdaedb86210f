import SearchableMap from 'minisearch/SearchableMap';
import { STEM_MARK } from '../../api/words/stems';

/**
 * search/terms: the words of one language's index, each mapped to its number (compact.ts): MiniSearch's
 * SearchableMap, a radix tree that answers exact, prefix and edit-distance lookups.
 *
 * SearchableMap finds a node's child by trying each of its edges in turn. That is quick for the few children of
 * an inner node, but the root has one child per first letter: some thirty in an alphabet, thousands in Chinese,
 * and every keystroke asks each language several times. So the root's children are also kept by first letter.
 */

type Node = Map<string, Node | number>;
/** SearchableMap's key for the value of the word that ends at a node. */
const LEAF = '';

export class TermTree {
  /** The root's edges by their first UTF-16 unit: [edge, child]. */
  private readonly first = new Map<string, [string, Node]>();

  constructor(readonly map: SearchableMap<number>) {
    const root = (map as unknown as { _tree: Node })._tree;
    for (const [edge, child] of root) if (edge !== LEAF) this.first.set(edge[0]!, [edge, child as Node]);
  }

  get size(): number {
    return this.map.size;
  }

  /** The node at the end of `term`'s path, if the tree has that path. */
  private nodeAt(term: string): Node | undefined {
    const entry = this.first.get(term[0] ?? '');
    if (!entry || !term.startsWith(entry[0])) return undefined;
    let node: Node = entry[1];
    let at = entry[0].length;
    descend: while (at < term.length) {
      for (const [edge, child] of node) {
        if (edge !== LEAF && term.startsWith(edge, at)) {
          node = child as Node;
          at += edge.length;
          continue descend;
        }
      }
      return undefined;
    }
    return node;
  }

  /** The number of `term`, if the tree has it. */
  get(term: string): number | undefined {
    const value = this.nodeAt(term)?.get(LEAF);
    return typeof value === 'number' ? value : undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  /** Every word that begins with `prefix` (itself included), with its number. */
  withPrefix(prefix: string): Iterable<[string, number]> {
    const entry = this.first.get(prefix[0] ?? '');
    if (!entry) return [];
    const [edge, child] = entry;
    // Within the one branch, SearchableMap's own walk is short.
    if (prefix.length <= edge.length) return edge.startsWith(prefix) ? new SearchableMap<number>(new Map([[edge, child]]) as never) : [];
    return prefix.startsWith(edge) ? new SearchableMap<number>(child as never, edge).atPrefix(prefix) : [];
  }

  /** Whether some word begins with `prefix`. */
  hasPrefix(prefix: string): boolean {
    for (const _ of this.withPrefix(prefix)) return true;
    return false;
  }

  /**
   * Words within `maxDistance` edits of `term`: [number, distance] by word. An edit is an insertion, a deletion, a
   * substitution or a swap of two neighbouring letters (the optimal string alignment distance): "polcie" is one
   * edit from "police", as people mistype, where Levenshtein's distance counts two.
   */
  fuzzy(term: string, maxDistance: number): Map<string, [number, number]> {
    return this.walk(term, maxDistance, false);
  }

  /** Stems (stems.ts) within `maxDistance` edits of `stem`, keyed with their mark: a typo of a stem the text has. */
  fuzzyStems(stem: string, maxDistance: number): Map<string, [number, number]> {
    return this.walk(STEM_MARK + stem, maxDistance, true);
  }

  private walk(term: string, maxDistance: number, stems: boolean): Map<string, [number, number]> {
    const results = new Map<string, [number, number]>();
    const root = (this.map as unknown as { _tree: Node })._tree;
    const n = term.length + 1;
    const rows = n + maxDistance;
    // One matrix for the whole walk, as MiniSearch's own fuzzy search keeps: row i is the i-th letter of the path.
    const matrix = new Uint8Array(rows * n).fill(maxDistance + 1);
    for (let j = 0; j < n; j++) matrix[j] = j;
    for (let i = 1; i < rows; i++) matrix[i * n] = i;
    walkFuzzy(root, term, maxDistance, results, matrix, 1, n, '', stems);
    return results;
  }

  entries(): Iterable<[string, number]> {
    return this.map;
  }
}

/**
 * The depth-first walk behind TermTree.fuzzy: MiniSearch's Levenshtein walk over the radix tree (after Steve Hanov),
 * with the transposition step added. A branch is left as soon as a row holds nothing within `maxDistance`; that
 * stays safe with swaps, because a swap's cell is never below the substitution cell of the row above it.
 */
function walkFuzzy(
  node: Node,
  query: string,
  max: number,
  results: Map<string, [number, number]>,
  matrix: Uint8Array,
  m: number,
  n: number,
  path: string,
  stems: boolean,
): void {
  const offset = m * n;
  edges: for (const [edge, child] of node) {
    // Words and stems (stems.ts) share the tree; a walk stays among the one or the other.
    if (path === '' && edge.startsWith(STEM_MARK) !== stems) continue;
    if (edge === LEAF) {
      const distance = matrix[offset - 1]!;
      if (distance <= max) results.set(path, [child as number, distance]);
      continue;
    }
    let i = m;
    for (let pos = 0; pos < edge.length; pos++, i++) {
      if (i >= matrix.length / n) continue edges;
      const char = edge[pos]!;
      const previousChar = pos > 0 ? edge[pos - 1] : path[path.length - 1];
      const row = n * i;
      const above = row - n;
      let best = matrix[row]!;
      const jmin = Math.max(0, i - max - 1);
      const jmax = Math.min(n - 1, i + max);
      for (let j = jmin; j < jmax; j++) {
        let distance = Math.min(matrix[above + j]! + (char === query[j] ? 0 : 1), matrix[above + j + 1]! + 1, matrix[row + j]! + 1);
        if (i > 1 && j > 0 && char === query[j - 1] && previousChar === query[j]) distance = Math.min(distance, matrix[above - n + j - 1]! + 1);
        matrix[row + j + 1] = distance;
        if (distance < best) best = distance;
      }
      if (best > max) continue edges;
    }
    walkFuzzy(child as Node, query, max, results, matrix, i, n, path + edge, stems);
  }
}
