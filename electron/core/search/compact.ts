import SearchableMap from 'minisearch/SearchableMap';

/**
 * search/compact: the index's postings in typed arrays, the form index files hold, and how a file becomes a
 * searchable index again without freezing the app.
 *
 * MiniSearch keeps every posting as a Map entry inside a Map per field inside a Map per term: about 80 MB of heap
 * for 10,000 sections, and over half a second to rebuild from a file. Here the term tree is still MiniSearch's
 * SearchableMap (its radix tree answers exact, prefix and edit-distance lookups), but it maps each term only to its
 * number; the postings of term n are the slice offsets[n] … offsets[n + 1] of two parallel arrays, the documents
 * that hold it (ascending) and the score it earns in each, BM25 over every field with the field boosts, computed
 * once when the index is built (it depends on nothing a query says). A query then only adds numbers up.
 */

export interface Postings {
  documentCount: number;
  /** Every term, sorted by UTF-16 code unit, so the tree can be put together without searching it. */
  terms: string[];
  /** Term n's postings are [offsets[n], offsets[n + 1]). */
  offsets: Uint32Array;
  documents: Uint16Array | Uint32Array;
  scores: Float32Array;
}

export interface CompactIndex {
  documentCount: number;
  /** The sorted terms, joined by "\n" (a term is letters, marks and digits, never a newline). */
  terms: string;
  /** Base64 of the typed arrays of Postings, in the platform's (little-endian) byte order. */
  offsets: string;
  documents: string;
  /** 2 when every document number fits in 16 bits, else 4. */
  documentBytes: 2 | 4;
  scores: string;
}

export function compactOf(postings: Postings): CompactIndex {
  const base64 = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    documentCount: postings.documentCount,
    terms: postings.terms.join('\n'),
    offsets: base64(postings.offsets),
    documents: base64(postings.documents),
    documentBytes: postings.documents instanceof Uint16Array ? 2 : 4,
    scores: base64(postings.scores),
  };
}

/** A fresh, aligned copy: the decoded buffer may sit at any offset of a shared pool, and is dropped afterwards. */
function decode<T extends Uint16Array | Uint32Array | Float32Array>(text: string, make: (length: number) => T): T {
  const bytes = Buffer.from(text, 'base64');
  const array = make(bytes.byteLength / make(0).BYTES_PER_ELEMENT);
  new Uint8Array(array.buffer).set(bytes);
  return array;
}

/** The postings of a file, checked for consistency; throws when they are not (a damaged file is rebuilt). */
export function postingsOf(compact: CompactIndex): Postings {
  const terms = compact.terms === '' ? [] : compact.terms.split('\n');
  const offsets = decode(compact.offsets, (n) => new Uint32Array(n));
  const documents =
    compact.documentBytes === 2 ? decode(compact.documents, (n) => new Uint16Array(n)) : decode(compact.documents, (n) => new Uint32Array(n));
  const scores = decode(compact.scores, (n) => new Float32Array(n));
  const total = offsets[terms.length];
  if (offsets.length !== terms.length + 1 || total !== documents.length || total !== scores.length)
    throw new Error('search: the index file is damaged');
  for (let i = 0; i < documents.length; i++) if (documents[i]! >= compact.documentCount) throw new Error('search: the index file is damaged');
  return { documentCount: compact.documentCount, terms, offsets, documents, scores };
}

type Node = Map<string, Node | number>;
/** SearchableMap's key for the value of the word that ends at a node. */
const LEAF = '';

/**
 * The radix tree SearchableMap would build by inserting `terms` (sorted) one by one, put together directly, one
 * first letter at a time: a step of the generator is a few milliseconds at most, so a caller can yield between
 * steps. The tree maps each term to its position in `terms`.
 */
export function* treeOf(terms: readonly string[]): Generator<void, SearchableMap<number>> {
  const root: Node = new Map();
  const build = (lo: number, hi: number, depth: number): Node => {
    const node: Node = new Map();
    let i = lo;
    if (terms[i]!.length === depth) node.set(LEAF, i++);
    while (i < hi) {
      const j = groupEnd(i, hi, depth);
      const end = commonPrefix(terms[i]!, terms[j - 1]!, depth);
      node.set(terms[i]!.slice(depth, end), build(i, j, end));
      i = j;
    }
    return node;
  };
  const groupEnd = (i: number, hi: number, depth: number) => {
    const code = terms[i]!.charCodeAt(depth);
    let j = i + 1;
    while (j < hi && terms[j]!.charCodeAt(depth) === code) j++;
    return j;
  };
  const commonPrefix = (a: string, b: string, from: number) => {
    let end = from;
    const max = Math.min(a.length, b.length);
    while (end < max && a.charCodeAt(end) === b.charCodeAt(end)) end++;
    return end;
  };
  let i = 0;
  if (terms.length > 0 && terms[0] === '') root.set(LEAF, i++);
  while (i < terms.length) {
    const j = groupEnd(i, terms.length, 0);
    const end = commonPrefix(terms[i]!, terms[j - 1]!, 0);
    root.set(terms[i]!.slice(0, end), build(i, j, end));
    i = j;
    yield;
  }
  return new SearchableMap<number>(root as never);
}
