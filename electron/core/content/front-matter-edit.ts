import { parseDocument } from 'yaml';
import { FieldbookError } from '../../api/errors';
import { splitFrontMatter } from './guide-file';

/**
 * Changes fields of a guide file's front matter and keeps everything else as written: comments, quoting, key order
 * and the body byte for byte, so a review mark or an accepted submission is a small, readable change in Git. Each
 * edit is a path and a value (`['review', 'reviewed_by']`); `undefined` removes the field.
 */
export function editFrontMatter(text: string, edits: readonly { path: readonly (string | number)[]; value: unknown }[], file: string): string {
  const parts = splitFrontMatter(text);
  if (!parts) throw new FieldbookError('bad-input', `${file}: the file has no front matter between --- lines; it cannot be edited.`);
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length > 0) {
    throw new FieldbookError('bad-input', `${file}: its front matter is not valid YAML (${doc.errors[0]?.message}); fix it first.`);
  }
  for (const { path, value } of edits) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value));
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${parts.body}`;
}
