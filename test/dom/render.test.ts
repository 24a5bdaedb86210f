// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSlugger } from '../../electron/api/slug';
import { loadContent } from '../../electron/core/content/load';
import { boundMarkdown, LIMITS } from '../../renderer/features/guide/bounds';
import { renderGuide, renderMarkdown } from '../../renderer/features/guide/render';

function dom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** The deepest chain of elements under root, counted in elements. */
function depthOf(element: Element): number {
  let deepest = 0;
  for (const child of element.children) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

describe('every bundled guide renders whole', () => {
  it('no limit touches a real guide, and headings, checklists and guide links come through', async () => {
    const catalog = await loadContent('content');
    expect(catalog.guides.length).toBeGreaterThanOrEqual(60);
    for (const guide of catalog.guides) {
      const bounded = boundMarkdown(guide.body);
      expect({ file: guide.file, hit: bounded.hit, same: bounded.markdown === guide.body }).toEqual({ file: guide.file, hit: [], same: true });
      const root = dom(renderGuide(guide.body, guide.meta.lang).html);
      // The reader gives the n-th heading the n-th section anchor: both must count the same headings.
      const slug = createSlugger();
      const rendered = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => slug(heading.textContent!.trim()));
      expect(rendered, guide.file).toEqual(guide.sections.filter((s) => s.anchor !== '').map((s) => s.anchor));
    }
  });

  it('turns guide: links into in-app routes and keeps task-list boxes', () => {
    const root = dom(renderMarkdown('- [ ] one\n- [x] two\n\nSee [phone](guide:phone-taken#first-hour) and [bad](guide:x#%E0%A4%A).', 'es'));
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#/guide/phone-taken/es?section=first-hour',
      '#/guide/x/es?section=%25E0%25A4%25A',
    ]);
    expect(root.querySelectorAll('input[type="checkbox"]').length).toBe(2);
  });
});

describe('pathological Markdown is bounded', () => {
  const cases: [string, string, string][] = [
    ['deep block quotes', `${'>'.repeat(10_000)} deep`, 'depth'],
    ['deep nested lists', Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), 'depth'],
    ['mixed quotes and lists', Array.from({ length: 500 }, (_, i) => `${'> - '.repeat(i)}x`).join('\n'), 'depth'],
    ['runs of emphasis delimiters', '*_a'.repeat(30_000), 'lineLength'],
    ['emphasis over many short lines', Array.from({ length: 2_000 }, () => '*_a*_a_*').join('\n'), 'delimiters'],
    ['emphasis over many paragraphs', Array.from({ length: 60 }, () => '*a* '.repeat(50)).join('\n\n'), 'delimiters'],
    [
      'a huge table',
      `| ${'h | '.repeat(20)}\n|${'---|'.repeat(20)}\n${Array.from({ length: 5_000 }, () => `| ${'c | '.repeat(20)}`).join('\n')}`,
      'tableRows',
    ],
    ['a long line', 'word '.repeat(200_000), 'chars'],
    ['many lines', 'x\n'.repeat(50_000), 'lines'],
    ['nested links', `${'['.repeat(20_000)}a${']'.repeat(20_000)}(https://example.org)`, 'delimiters'],
  ];
  for (const [name, markdown, limit] of cases) {
    it(`${name}: renders, shortened, reported as "${limit}"`, () => {
      const { html, shortened } = renderGuide(markdown, 'en');
      expect(shortened).toContain(limit);
      const root = dom(html);
      expect(root.textContent!.length).toBeGreaterThan(0);
      // Nesting never exceeds what the limits allow (quote and list levels, each a few elements deep).
      expect(depthOf(root)).toBeLessThanOrEqual(LIMITS.depth * 3 + 4);
      expect(root.querySelectorAll('td, th').length).toBeLessThanOrEqual((LIMITS.tableRows + 1) * (LIMITS.tableCells + 1));
      expect(html.length).toBeLessThan(LIMITS.chars * 12);
    });
  }

  it('cuts a table row at the cell limit and a paragraph at the delimiter limit, and says which', () => {
    const wide = renderGuide(`| ${'h | '.repeat(100)}\n|${'---|'.repeat(100)}\n| ${'c | '.repeat(100)}`, 'en');
    expect(wide.shortened).toEqual(['tableCells']);
    expect(dom(wide.html).querySelectorAll('tr:first-child th').length).toBeLessThanOrEqual(LIMITS.tableCells);
    const starry = boundMarkdown('*a* '.repeat(200));
    expect(starry.hit).toEqual(['delimiters']);
    // Delimiters past the allowance are escaped, so they show as the characters they are.
    expect(starry.markdown).toContain('\\*a\\*');
    expect(dom(renderMarkdown(starry.markdown, 'en')).querySelectorAll('em').length).toBe(LIMITS.delimiters / 2);
  });

  it('leaves code blocks as written', () => {
    const code = `\`\`\`\n${'*'.repeat(1_000)}\n\`\`\``;
    expect(boundMarkdown(code)).toEqual({ markdown: code, hit: [] });
  });
});
