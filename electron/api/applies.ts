/**
 * Which guidance applies where, and which version of a guide to show: rules the core (search, guide.get) and the
 * library page both follow, kept in one place so the library, "my jurisdiction" and the search filter cannot drift.
 */

export interface JurisdictionLink {
  code: string;
  parent: string | null;
}

/**
 * The jurisdictions whose guidance applies in `code`, nearest first: the jurisdiction itself, its parent, its
 * parent's parent … and `global` last (global guidance applies everywhere, even below a root that is not `global`).
 * An unknown code has no guidance (an empty list); a loop in the list ends the walk.
 */
export function ancestry(jurisdictions: readonly JurisdictionLink[], code: string): string[] {
  const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
  const chain: string[] = [];
  for (let current = byCode.get(code); current && !chain.includes(current.code); current = current.parent ? byCode.get(current.parent) : undefined) {
    chain.push(current.code);
  }
  if (chain.length > 0 && !chain.includes('global') && byCode.has('global')) chain.push('global');
  return chain;
}

/** Guidance for a parent applies to its children: the set of jurisdictions whose guides apply to a person in `code`. */
export function applicableTo(jurisdictions: readonly JurisdictionLink[], code: string): Set<string> {
  return new Set(ancestry(jurisdictions, code));
}

/**
 * Of one guide's language versions, the one to show a reader of `lang`: that language's where it exists, else the
 * original (the version that is no translation), else the first.
 */
export function preferredVersion<V>(
  versions: readonly V[],
  lang: string | null | undefined,
  versionOf: (version: V) => { lang: string; translation: boolean },
): V | undefined {
  return versions.find((v) => versionOf(v).lang === lang) ?? versions.find((v) => !versionOf(v).translation) ?? versions[0];
}
