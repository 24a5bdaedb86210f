import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * content/yaml-fast: front matter read by js-yaml, about nine times faster than the `yaml` library's documents with
 * their node ranges, which loading ten thousand guides spent most of its time building. It only ever reads the
 * common case: anything it declines (anchors and aliases, any syntax js-yaml questions) goes to content/yaml.ts,
 * whose messages and line numbers are the ones people see. Its scalars are YAML 1.2's core schema exactly as the
 * `yaml` library reads it (no `1_000`, `0b1` or dates), so both readers give the same values.
 */

/** An anchor (`&name`) or alias (`*name`) may begin here; a false alarm (in a quoted string) only costs speed. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[\]{},])[&*][^\s[\]{},]/;

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const nil = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL.test(data),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const bool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (value: unknown) => typeof value === 'boolean',
});

const int = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && INT.test(data),
  construct: (data: string) =>
    data.startsWith('0o') ? Number.parseInt(data.slice(2), 8) : data.startsWith('0x') ? Number.parseInt(data.slice(2), 16) : Number(data),
  predicate: (value: unknown) => Number.isInteger(value),
});

const float = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && FLOAT.test(data),
  construct: (data: string) => {
    const sign = data.startsWith('-') ? -1 : 1;
    if (/\.(?:inf|Inf|INF)$/.test(data)) return sign * Number.POSITIVE_INFINITY;
    if (/^\.(?:nan|NaN|NAN)$/.test(data)) return Number.NaN;
    return Number(data);
  },
  predicate: (value: unknown) => typeof value === 'number',
});

const CORE = FAILSAFE_SCHEMA.extend({ implicit: [nil, bool, int, float] });

/** Numbers JSON cannot carry (see below); rare enough in front matter to leave to the full reader. */
const NOT_FINITE = /\.(?:inf|nan)\b/i;

/**
 * The front matter's values, or null when it must be read by content/yaml.ts (for its problems and lines).
 *
 * The values go through JSON once: js-yaml cuts every string from its own copy of the whole text, so the values
 * would keep that copy alive (about a fifth of all the content's text) for as long as the guide is loaded; JSON.parse
 * gives each string its own memory, at a few microseconds a guide.
 */
export function readPlainYaml(text: string): { value: unknown } | null {
  if (ANCHOR_OR_ALIAS.test(text) || NOT_FINITE.test(text)) return null;
  try {
    return { value: JSON.parse(JSON.stringify(load(text, { schema: CORE }))) };
  } catch {
    return null;
  }
}
