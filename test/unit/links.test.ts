import { describe, expect, it } from 'vitest';
import { externalLinkDecision } from '../../electron/api/links';
import { externalLinkDecision as desktopDecision } from '../../electron/main/trust';

describe('the link policy shared by the desktop shell and the page', () => {
  it('is one function in both modes', () => {
    expect(desktopDecision).toBe(externalLinkDecision);
  });

  it('asks before opening an https:// address, normalised', () => {
    expect(externalLinkDecision('https://legislation.gov.uk/ukpga/1984/60')).toEqual({
      action: 'confirm',
      url: 'https://legislation.gov.uk/ukpga/1984/60',
    });
    expect(externalLinkDecision('HTTPS://Example.ORG/a b')).toEqual({ action: 'confirm', url: 'https://example.org/a%20b' });
  });

  it('refuses http://, with why', () => {
    for (const url of ['http://example.org/', 'HTTP://example.org/', 'http://user:pw@example.org/'])
      expect(externalLinkDecision(url)).toMatchObject({ action: 'refuse', refusal: 'insecure' });
  });

  it('refuses an address carrying a user name or password', () => {
    for (const url of [
      'https://user:pw@example.org/',
      'https://user@example.org/',
      'https://:pw@example.org/',
      'https://legislation.gov.uk@evil.example/',
    ])
      expect(externalLinkDecision(url)).toMatchObject({ action: 'refuse', refusal: 'credentials' });
  });

  it('refuses every other scheme and anything that is not an address', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-settings:',
      'app://fieldbook/index.html',
    ])
      expect(externalLinkDecision(url)).toMatchObject({ action: 'refuse', refusal: 'scheme' });
    for (const url of ['', 'not a url', '//example.org/', '#/guide/x'])
      expect(externalLinkDecision(url)).toMatchObject({ action: 'refuse', refusal: 'invalid' });
  });
});
