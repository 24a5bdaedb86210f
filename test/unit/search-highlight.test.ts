// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clearHighlights, editDistance, highlightMatches } from '../../renderer/features/search/highlight';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test fixture only: the reader's own HTML comes from marked + DOMPurify.
  root.innerHTML = html;
  return root;
}

describe('reader highlighting of the search words', () => {
  it('wraps each matching word in <mark>, across elements, leaving the text the same', () => {
    const root = body('<h2>Recording the police</h2><p>Police may not take your <em>phone</em> without a warrant. Policing differs.</p>');
    const before = root.textContent;
    const marks = highlightMatches(root, 'police phone');
    // "Policing" shares the stem of "police", as the search matched it.
    expect(marks.map((m) => m.textContent)).toEqual(['police', 'Police', 'phone', 'Policing']);
    expect(root.querySelector('em mark')?.textContent).toBe('phone');
    expect(root.textContent).toBe(before);
  });

  it('matches as the search does: folded accents and Arabic forms, the last word as a prefix, a typo', () => {
    const root = body('<p>La policía y la detención.</p><p dir="rtl">إذا أخذته الشرطة</p><p>Encryption protects data.</p>');
    expect(highlightMatches(root, 'policia detenc').map((m) => m.textContent)).toEqual(['policía', 'detención']);
    expect(highlightMatches(root, 'شرطه').map((m) => m.textContent)).toEqual(['الشرطة']);
    expect(highlightMatches(root, 'encrpytion').map((m) => m.textContent)).toEqual(['Encryption']);
  });

  it('marks only what matched as typed, as a stem or as a typo of a word the guide does not hold', () => {
    const root = body('<p lang="en">New York police may detain you. At work, detainees wait.</p>');
    // "york" is in the guide as typed, so "work" is no typo of it; "what", "to", "if" are small words.
    expect(highlightMatches(root, 'what to do if new york').map((m) => m.textContent)).toEqual(['New', 'York']);
    // "detain" by its stem; "detainees", which Snowball stems apart, as the search reaches it: two edits away.
    expect(highlightMatches(root, 'detained ').map((m) => m.textContent)).toEqual(['detain', 'detainees']);
    // A swap of two letters is one typo, as the search counts it.
    expect(highlightMatches(root, 'polcie ').map((m) => m.textContent)).toEqual(['police']);
    expect(highlightMatches(root, 'yrok ').map((m) => m.textContent)).toEqual(['York']);
    // A query of nothing but small words still marks them.
    expect(highlightMatches(root, 'at ').map((m) => m.textContent)).toEqual(['At']);
  });

  it('never turns the query or the text into markup', () => {
    const root = body('<p>script alert tags</p>');
    highlightMatches(root, '<img src=x onerror=alert(1)> script');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelectorAll('mark').length).toBe(2);
    expect(root.querySelector('mark')?.childNodes.length).toBe(1);
    expect(root.querySelector('mark')?.firstChild?.nodeType).toBe(3);
  });

  it('replaces the marks of an earlier query, and clears them all', () => {
    const root = body('<p>backups and passwords</p>');
    highlightMatches(root, 'backups');
    highlightMatches(root, 'passwords');
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['passwords']);
    clearHighlights(root);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.innerHTML).toBe('<p>backups and passwords</p>');
  });

  it('measures edit distance, giving up past the limit', () => {
    expect(editDistance('kettling', 'kettlng', 1)).toBe(1);
    expect(editDistance('kettling', 'settle', 1)).toBe(2);
    expect(editDistance('polcie', 'police', 1)).toBe(1);
    expect(editDistance('encrpyt', 'encrypt', 1)).toBe(1);
  });
});
