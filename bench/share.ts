/**
 * The room share under a room's load: latency of opening a guide (guide.get) and of a search (search.query) with 50
 * concurrent clients, against the same run with one client, and the host's resident memory (RSS, read from /proc for
 * the host's own process) at rest and at its peak during each run. Each client has its own loopback address
 * (127.0.0.2 …), so the share's per-client rate limits apply as they would in a room; each sends ROUNDS guide opens
 * and ROUNDS searches, fewer than its burst, so no client is throttled (the count of 429 answers is printed to show
 * it). A warm-up run with one client goes first and is not reported. Requests a client makes go one after another on a kept-alive connection, as a page's do. Prints JSON.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { DEFAULT_SHARE_LIMITS } from '../electron/host/share/server';
import { median, percentile, round } from './support';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const CROWD = Number(process.env.CLIENTS ?? 50);
const QUERIES = ['police', 'arrest', 'phone search', 'lawyer', 'record police', 'protest', 'encryption', 'rights', 'detención', 'garde à vue'];

const host = spawn(process.execPath, ['--import', 'tsx', 'bench/share-host.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: host.stdout! })[Symbol.asyncIterator]();
const next = async () => JSON.parse(((await answers.next()).value as string) ?? '{}');
const command = async (line: string) => {
  host.stdin!.write(`${line}\n`);
  return next();
};

function rssMB(): number {
  const status = readFileSync(`/proc/${host.pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 1);
}

function post(base: URL, agent: Agent, method: string, input: unknown): Promise<{ status: number; ms: number; body: string }> {
  const body = JSON.stringify(input);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path: `/api/invoke/${method}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(clients: number, guides: { id: string; lang: string }[]) {
  const { url } = await command('start');
  const base = new URL(url);
  const opens: number[] = [];
  const searches: number[] = [];
  let throttled = 0;
  let failed = 0;
  let peak = rssMB();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB())), 20);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.0.${2 + c}` });
      for (let r = 0; r < ROUNDS; r++) {
        const guide = guides[(c * 7 + r) % guides.length]!;
        for (const [method, input, into] of [
          ['guide.get', guide, opens],
          ['search.query', { q: QUERIES[(c + r) % QUERIES.length] }, searches],
        ] as const) {
          const answer = await post(base, agent, method, input);
          if (answer.status === 429) throttled++;
          else if (answer.status !== 200 || !JSON.parse(answer.body).ok) failed++;
          else into.push(answer.ms);
        }
      }
      agent.destroy();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await command('stop');
  const figures = (values: number[]) => ({ n: values.length, p50Ms: round(median(values)), p95Ms: round(percentile(values, 95)) });
  return {
    clients,
    guideOpen: figures(opens),
    search: figures(searches),
    requestsPerSecond: round((opens.length + searches.length) / seconds, 0),
    hostRssPeakMB: peak,
    throttled429: throttled,
    failed,
  };
}

if (!(await next()).ready) throw new Error('bench:share: the host did not start');
const idleRssMB = rssMB();
// The guide list, read once through the share itself.
const first = await command('start');
const library = JSON.parse((await post(new URL(first.url), new Agent(), 'library.list', {})).body).value as {
  guides: { id: string; lang: string }[];
};
await command('stop');
const guides = library.guides.map(({ id, lang }) => ({ id, lang }));

// A warm-up run, not reported: the first requests pay for the host's compiling and caching.
await run(1, guides);
const one = await run(1, guides);
const crowd = await run(CROWD, guides);
host.stdin!.end();

console.log(
  JSON.stringify(
    {
      bench: 'share',
      guides: guides.length,
      roundsPerClient: ROUNDS,
      limits: DEFAULT_SHARE_LIMITS.rate,
      hostRssIdleMB: idleRssMB,
      oneClient: one,
      crowd,
      ratio: {
        guideOpenP95: round(crowd.guideOpen.p95Ms / one.guideOpen.p95Ms),
        searchP95: round(crowd.search.p95Ms / one.search.p95Ms),
        hostRssPeak: round(crowd.hostRssPeakMB / one.hostRssPeakMB),
      },
    },
    null,
    2,
  ),
);
