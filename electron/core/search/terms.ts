import SearchableMap from 'minisearch/SearchableMap';

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

  /** Words within `maxDistance` edits of `term`: [number, distance] by word. */
  fuzzy(term: string, maxDistance: number): Map<string, [number, number]> {
    return this.map.fuzzyGet(term, maxDistance);
  }

  entries(): Iterable<[string, number]> {
    return this.map;
  }
}
