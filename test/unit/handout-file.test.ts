import { describe, expect, it, vi } from 'vitest';

// The desktop's save-as-PDF helper imports electron; only its pure file-name rule is tested here.
vi.mock('electron', () => ({ app: {}, dialog: {} }));
const { pdfFileName } = await import('../../electron/main/handout');

describe('the file name a handout PDF is proposed under', () => {
  it('keeps the words of the title, in any script, and ends in .pdf', () => {
    expect(pdfFileName('Your phone at a demonstration.pdf')).toBe('Your phone at a demonstration.pdf');
    expect(pdfFileName('هاتفك في المظاهرة')).toBe('هاتفك في المظاهرة.pdf');
    expect(pdfFileName('Día: ¿qué hacer?')).toBe('Día- -qué hacer-.pdf');
  });

  it('never names a folder, a hidden file or nothing at all', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('..\\..\\boot.ini')).toBe('boot.ini.pdf');
    expect(pdfFileName('.hidden')).toBe('hidden.pdf');
    expect(pdfFileName('///')).toBe('handout.pdf');
  });
});
