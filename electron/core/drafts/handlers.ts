import type { Handlers } from '../../api/contract';
import { DRAFT_LIMITS, type DraftSummary, type DraftView } from '../../api/drafts';
import { FieldbookError } from '../../api/errors';
import type { Clock } from '../clock';
import type { Catalog } from '../content/model';
import { publicKeyFromRaw } from '../packs/keys';
import { utcDate } from '../review/status';
import type { KdfParams } from '../safety/vault';
import type { UserData, UserDataStore } from '../store/user-data';
import { checkDraft } from './check';
import { draftPath } from './file';
import { makePartner, partnerInfo, partnerKeyFile, unlockPartner } from './partner';
import { openReply } from './reply';
import type { Draft, Partner } from './schema';
import { sendDrafts } from './send';
import { startDraft } from './start';

type DraftMethod =
  | 'drafts.list'
  | 'drafts.get'
  | 'drafts.create'
  | 'drafts.save'
  | 'drafts.delete'
  | 'partner.get'
  | 'partner.create'
  | 'partner.publicKey'
  | 'partner.send'
  | 'partner.openReply';

export interface DraftDeps {
  /** The content as shown now: drafts start from it and are checked against it. */
  catalog: () => Catalog;
  /** The content folder, whose jurisdictions, topics and languages lists a draft is checked against. */
  contentDir: string;
  store: UserDataStore;
  clock: Clock;
  /** scrypt's cost for a new partner key (tests use a cheaper one); default packs/keys.ts DEFAULT_SCRYPT. */
  kdf?: KdfParams;
}

/** Drafts in states that can still change: once sent, a draft waits for the maintainer's answer. */
const EDITABLE: readonly Draft['state'][] = ['draft', 'changes-requested'];

export function summaryOf(draft: Draft): DraftSummary {
  return {
    id: draft.id,
    kind: draft.kind,
    title: draft.meta.title,
    lang: draft.meta.lang,
    guide: draft.meta.id,
    jurisdiction: draft.meta.jurisdiction,
    state: draft.state,
    updated: draft.updated,
    revision: draft.revision,
  };
}

function find(data: UserData, id: string): Draft {
  const draft = data.drafts.find((d) => d.id === id);
  if (!draft) throw new FieldbookError('not-found', `There is no draft "${id}". It may have been deleted; open the list of drafts.`);
  return draft;
}

/** Refuses a change that would make the drafts together larger than the data file can hold, before the store does. */
function roomFor(drafts: readonly Draft[]): void {
  const total = drafts.reduce((sum, draft) => sum + draft.body.length + JSON.stringify(draft.meta).length, 0);
  if (total > DRAFT_LIMITS.totalChars)
    throw new FieldbookError(
      'not-saved',
      `Your drafts would hold ${total} characters, more than the ${DRAFT_LIMITS.totalChars} Fieldbook keeps: this change was not saved. Send or delete drafts you no longer need, then try again.`,
    );
}

function partnerOf(data: UserData): Partner {
  if (!data.partner) throw new FieldbookError('bad-input', 'Make your partner key first (Writing → Your partner key), then send.');
  return data.partner;
}

/** The partner's writing area: drafts, the partner key, sending a submission and opening the maintainer's reply. */
export function draftHandlers(deps: DraftDeps): Pick<Handlers, DraftMethod> {
  const { store } = deps;
  const today = () => utcDate(deps.clock.now());
  // Most recently saved first; on the same instant (a fixed clock), the one saved last.
  const byUpdated = (drafts: Draft[]) =>
    drafts
      .map((draft, index) => ({ summary: summaryOf(draft), index }))
      .sort((a, b) => b.summary.updated.localeCompare(a.summary.updated) || b.index - a.index)
      .map(({ summary }) => summary);

  async function view(draft: Draft): Promise<DraftView> {
    const catalog = deps.catalog();
    const source = draft.translationOf
      ? catalog.guides.find((g) => g.meta.id === draft.meta.id && g.meta.lang === draft.translationOf?.lang)
      : undefined;
    return {
      ...summaryOf(draft),
      meta: draft.meta,
      body: draft.body,
      version: draft.version,
      base: draft.base,
      translationOf: draft.translationOf,
      source: source ? { title: source.meta.title, body: source.body, lang: source.meta.lang, version: source.meta.version } : null,
      problems: await checkDraft(draft, catalog, deps.contentDir, today()),
      sent: draft.sent,
      reply: draft.reply ? { ...draft.reply } : null,
      replaces: draft.replaces,
    };
  }

  return {
    'drafts.list': () => byUpdated(store.read().drafts),
    'drafts.get': ({ id }) => view(find(store.read(), id)),
    async 'drafts.create'(request) {
      const draft = startDraft(deps.catalog(), request, deps.clock.now());
      await store.update((data) => {
        if (data.drafts.length >= DRAFT_LIMITS.drafts)
          throw new FieldbookError(
            'bad-input',
            `You have ${data.drafts.length} drafts, the most Fieldbook keeps. Delete one you sent or no longer need.`,
          );
        data.drafts.push(draft);
        roomFor(data.drafts);
      });
      return view(draft);
    },
    async 'drafts.save'({ id, meta, body }) {
      let saved: Draft | undefined;
      await store.update((data) => {
        const draft = find(data, id);
        if (!EDITABLE.includes(draft.state))
          throw new FieldbookError(
            'bad-input',
            `This draft was sent and waits for the maintainer's answer (${draft.state}); it cannot change now. Open their reply first.`,
          );
        // What a version or a translation is of cannot change: its id, jurisdiction and language stay as started.
        const fixed = draft.kind === 'new' ? {} : { id: draft.meta.id, jurisdiction: draft.meta.jurisdiction, lang: draft.meta.lang };
        draft.meta = { ...meta, ...fixed };
        draft.body = body;
        draft.revision += 1;
        draft.updated = deps.clock.now().toISOString();
        // Kept in the order saved, so the list can tell apart saves on the same instant.
        data.drafts = [...data.drafts.filter((d) => d !== draft), draft];
        roomFor(data.drafts);
        saved = draft;
      });
      const draft = saved!;
      return { revision: draft.revision, updated: draft.updated, problems: await checkDraft(draft, deps.catalog(), deps.contentDir, today()) };
    },
    async 'drafts.delete'({ id }) {
      const data = await store.update((data) => {
        find(data, id);
        data.drafts = data.drafts.filter((d) => d.id !== id);
      });
      return byUpdated(data.drafts);
    },
    'partner.get': () => {
      const partner = store.read().partner;
      return { partner: partner ? partnerInfo(partner) : null };
    },
    async 'partner.create'({ name, credit, passphrase }) {
      if (store.read().partner)
        throw new FieldbookError('bad-input', 'You already have a partner key. Keep using it: maintainers know your submissions by it.');
      const partner = makePartner(name, credit, passphrase, deps.clock.now(), deps.kdf);
      await store.update((data) => {
        data.partner = partner;
      });
      return partnerInfo(partner);
    },
    'partner.publicKey': () => {
      const partner = partnerOf(store.read());
      const pair = publicPairOf(partner);
      return partnerKeyFile(partner, pair);
    },
    async 'partner.send'({ drafts: ids, message, passphrase }) {
      const data = store.read();
      const partner = partnerOf(data);
      const chosen = [...new Set(ids)].map((id) => find(data, id));
      for (const draft of chosen) {
        if (!EDITABLE.includes(draft.state))
          throw new FieldbookError(
            'bad-input',
            `"${draft.meta.title || draft.id}" was already sent (${draft.state}); choose drafts that are not waiting for an answer.`,
          );
        const errors = (await checkDraft(draft, deps.catalog(), deps.contentDir, today())).filter((p) => p.severity === 'error');
        if (errors.length > 0)
          throw new FieldbookError(
            'bad-input',
            `"${draft.meta.title || draft.id}" has ${errors.length} problem(s) to fix first, such as ${errors[0]!.path}: ${errors[0]!.message}`,
          );
      }
      const pair = unlockPartner(partner, passphrase);
      const result = await sendDrafts({ drafts: chosen, partner, pair, message, today: today() });
      const saved = await store.update((next) => {
        for (const draft of next.drafts) {
          if (!chosen.some((c) => c.id === draft.id)) continue;
          draft.state = 'sent';
          draft.sent = { submission: result.submission.id, sha256: result.sha256, date: today() };
        }
      });
      return {
        fileName: `${result.submission.id}.fbsub`,
        bytes: result.bytes.toString('base64'),
        submission: result.submission.id,
        sha256: result.sha256,
        drafts: byUpdated(saved.drafts.filter((d) => chosen.some((c) => c.id === d.id))),
      };
    },
    async 'partner.openReply'({ text }) {
      const reply = openReply(text, store.read().drafts);
      const saved = await store.update((data) => {
        for (const draft of data.drafts) {
          if (draft.sent?.submission !== reply.submission) continue;
          const path = draftPath(draft.meta);
          draft.state = reply.decision;
          draft.reply = {
            decision: reply.decision,
            date: reply.date,
            message: reply.message,
            notes: reply.notes.filter((note) => note.path === path).map((note) => note.note),
            published: reply.published.find((p) => p.path === path)?.version ?? null,
          };
          draft.replaces = reply.decision === 'changes-requested' ? reply.submission : null;
        }
      });
      return {
        submission: reply.submission,
        decision: reply.decision,
        drafts: byUpdated(saved.drafts.filter((d) => d.sent?.submission === reply.submission)),
      };
    },
  };
}

/** The public half needs no passphrase: it is kept beside the encrypted private key. */
function publicPairOf(partner: Partner) {
  return { id: partner.key.id, publicKey: publicKeyFromRaw(partner.publicKey) };
}
