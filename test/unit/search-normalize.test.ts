import { describe, expect, it } from 'vitest';
import { foldTerm, stripArticle } from '../../electron/api/words/normalize';
import { SEGMENT_CHUNK, termsOf, tokenize } from '../../electron/api/words/tokenize';

describe('search folding', () => {
  it('folds Latin accents and special letters, so a person need not type them', () => {
    expect(foldTerm('Détention')).toBe('detention');
    expect(foldTerm('policía')).toBe('policia');
    expect(foldTerm('contraseñas')).toBe('contrasenas');
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('Œuvre')).toBe('oeuvre');
    expect(foldTerm('İstanbul')).toBe('istanbul');
    expect(foldTerm('ｐｏｌｉｃｅ')).toBe('police');
  });

  it('keeps the marks of other scripts, where they can make another word', () => {
    expect(foldTerm('й')).not.toBe(foldTerm('и'));
  });

  it('removes Arabic diacritics and tatweel, and folds alef, hamza, yeh and teh marbuta variants', () => {
    expect(foldTerm('تَشْفِير')).toBe(foldTerm('تشفير'));
    expect(foldTerm('تشـــفير')).toBe(foldTerm('تشفير'));
    expect(foldTerm('أمان')).toBe('امان');
    expect(foldTerm('إيميل')).toBe('ايميل');
    expect(foldTerm('آمن')).toBe('امن');
    expect(foldTerm('مسؤول')).toBe('مسوول');
    expect(foldTerm('مسئول')).toBe('مسيول');
    expect(foldTerm('على')).toBe('علي');
    expect(foldTerm('مظاهرة')).toBe('مظاهره');
  });

  it('maps Persian letters and digits to their Arabic and ASCII forms', () => {
    expect(foldTerm('کتاب')).toBe(foldTerm('كتاب'));
    expect(foldTerm('پلیس')).toBe('پليس');
    expect(foldTerm('۱۲۳')).toBe('123');
    expect(foldTerm('٤٥')).toBe('45');
    expect(foldTerm('می‌خواهم')).toBe('ميخواهم');
  });

  it('drops the Arabic article and a particle joined to it, only when a real word remains', () => {
    expect(foldTerm('الشرطة')).toBe('شرطه');
    expect(foldTerm('والشرطة')).toBe('شرطه');
    expect(foldTerm('للشرطة')).toBe('شرطه');
    expect(foldTerm('بالهاتف')).toBe('هاتف');
    // "pain": too short to be article + word.
    expect(foldTerm('ألم')).toBe('الم');
    expect(stripArticle('الش', 1)).toBe('ش');
  });
});

describe('search tokenizer', () => {
  it('gives each word with its place in the original text, whatever folding did to it', () => {
    const text = "L'observateur légal — Straße";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['observateur', 'legal', 'strasse']);
    for (const token of tokens) expect(foldTerm(text.slice(token.start, token.end))).toBe(token.term);
  });

  it('segments Chinese, Japanese and Thai, which are written without spaces, into words', () => {
    expect(termsOf('警察可以搜查你的手机吗')).toEqual(expect.arrayContaining(['警察', '手机']));
    expect(termsOf('警察官がスマートフォンを押収した')).toEqual(expect.arrayContaining(['警察官', '押収']));
    const thai = termsOf('ตำรวจสามารถค้นโทรศัพท์ของคุณได้หรือไม่');
    expect(thai.length).toBeGreaterThan(5);
    expect(thai).toContain(foldTerm('โทรศัพท์'));
  });

  it('splits a long unspaced run into pieces, keeping positions right', () => {
    const run = '警察可以搜查你的手机吗'.repeat(Math.ceil((SEGMENT_CHUNK * 4) / 11));
    const text = `intro ${run} outro`;
    const tokens = tokenize(text);
    expect(tokens[0]!.term).toBe('intro');
    expect(tokens.at(-1)!.term).toBe('outro');
    for (const token of tokens) expect(foldTerm(text.slice(token.start, token.end))).toBe(token.term);
    expect(tokens.every((t, i) => i === 0 || t.start >= tokens[i - 1]!.end)).toBe(true);
  });

  it('leaves out single Latin letters and over-long "words"', () => {
    expect(termsOf(`a l s ${'x'.repeat(60)} ok`)).toEqual(['ok']);
  });
});
