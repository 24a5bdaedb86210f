// A participant's device on the room share: reads a guide, searches, and tries everything else the share must
// refuse. Plain JavaScript with no imports beyond Node, so it runs as is inside a network namespace
// (`ip netns exec NS node share-client.mjs URL METHODS [MAIN_PORT]`), and prints what it saw as JSON.
import { request } from 'node:http';

/**
 * The same request, sent again after the wait the share asks for when told to slow down (429), as a well-behaved page
 * would: the probe checks the share's answer to each request itself, not to how many came before it.
 */
async function patient(base, path, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const answer = await raw(base, path, options);
    if (answer.status !== 429 || attempt >= 20) return answer;
    await new Promise((resolve) => setTimeout(resolve, Number(answer.headers['retry-after'] ?? 1) * 1000));
  }
}

/** One raw request: the path goes out exactly as written (no URL normalisation), as a hostile client would send it. */
export function raw(base, path, { method = 'GET', headers = {}, body } = {}) {
  const url = new URL(base);
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path, method, agent: false, headers: { host: url.host, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message }));
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

async function call(base, method, input = {}) {
  const answer = await patient(base, `/api/invoke/${method}`, { method: 'POST', headers: json, body: JSON.stringify(input) });
  let envelope = null;
  try {
    envelope = JSON.parse(answer.body);
  } catch {}
  return { status: answer.status, envelope };
}

export async function probeShare(base, refusedMethods, mainPort) {
  const out = {};
  out.info = (await call(base, 'app.info')).envelope;
  const library = (await call(base, 'library.list')).envelope;
  out.libraryCount = library?.value?.guides?.length ?? 0;
  const first = library?.value?.guides?.find((g) => g.id === 'sample-checklist' && g.lang === 'en') ?? library?.value?.guides?.[0];
  const guide = (await call(base, 'guide.get', { id: first?.id, lang: first?.lang })).envelope;
  out.guide = guide?.ok
    ? { id: guide.value.id, lang: guide.value.lang, title: guide.value.title, checked: guide.value.checked, hasBody: guide.value.body.length > 0 }
    : guide;
  const search = (await call(base, 'search.query', { q: 'rights' })).envelope;
  out.searchHits = search?.ok ? search.value.map((hit) => hit.id) : search;

  out.refused = {};
  for (const method of refusedMethods) {
    const answer = await call(base, method, { theme: 'dark' });
    out.refused[method] = { status: answer.status, code: answer.envelope?.error?.code ?? null };
  }
  const tricks = [
    ['POST', '/api/invoke/Settings.get'],
    ['POST', '/api/invoke/%73ettings.get'],
    ['POST', '/api/invoke/settings%2eget'],
    ['POST', '/api/invoke/guide.get/../settings.get'],
    ['POST', '/api/invoke/guide.get%2f..%2fsettings.get'],
    ['POST', '/api/invoke//settings.get'],
    ['POST', '/api/invoke/settings.get%00'],
    ['POST', '/api/invoke/__proto__'],
    ['GET', '/api/invoke/library.list'],
    ['GET', '/api/events'],
    ['GET', '/api/events?token=x'],
  ];
  out.tricks = {};
  for (const [method, path] of tricks) {
    const answer = await patient(base, path, { method, headers: json, body: method === 'POST' ? '{}' : undefined });
    out.tricks[`${method} ${path}`] = answer.status;
  }
  // Extra fields, a settings change dressed as a guide request, and the token header of the browser mode.
  out.extraField = (await call(base, 'guide.get', { id: first?.id, checked: [0], theme: 'dark' })).envelope?.error?.code ?? null;
  out.withToken = (
    await patient(base, '/api/invoke/settings.get', { method: 'POST', headers: { ...json, 'x-fieldbook-token': 'guess' }, body: '{}' })
  ).status;
  out.hugeBody = (
    await patient(base, '/api/invoke/search.query', { method: 'POST', headers: json, body: JSON.stringify({ q: 'x'.repeat(200_000) }) })
  ).status;
  out.notJson = (
    await patient(base, '/api/invoke/search.query', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"q":"a"}' })
  ).status;

  const page = await patient(base, '/');
  out.page = { status: page.status, csp: page.headers?.['content-security-policy'] ?? null, html: page.body?.includes('<') ?? false };
  out.traversal = (await patient(base, '/../../package.json')).status;
  out.encodedTraversal = (await patient(base, '/%2e%2e/%2e%2e/package.json')).status;
  out.listing = (await patient(base, '/assets/')).status;
  out.wrongHost = (await patient(base, '/', { headers: { host: 'fieldbook.example:80' } })).status;
  out.crossOrigin = (
    await patient(base, '/api/invoke/app.info', { method: 'POST', headers: { ...json, origin: 'http://evil.example' }, body: '{}' })
  ).status;
  if (mainPort)
    out.mainApi = await patient(`http://${new URL(base).hostname}:${mainPort}`, '/api/invoke/settings.get', { method: 'POST', body: '{}' });
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [base, methods, mainPort] = process.argv.slice(2);
  console.log(JSON.stringify(await probeShare(base, JSON.parse(methods), mainPort ? Number(mainPort) : undefined)));
}
