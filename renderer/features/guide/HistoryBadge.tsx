import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideCard } from '../../../electron/api/types';
import { client } from '../../lib/client';

/** One request for every card on the screen; forgotten when the person opens a guide (its last-read version moved). */
let lastRead: Promise<Record<string, number>> | null = null;

export function forgetLastRead(): void {
  lastRead = null;
}

function useLastRead(): Record<string, number> | null {
  const [value, setValue] = useState<Record<string, number> | null>(null);
  useEffect(() => {
    let current = true;
    lastRead ??= client.invoke('guide.lastRead').catch(() => ({}));
    void lastRead.then((read) => current && setValue(read));
    return () => {
      current = false;
    };
  }, []);
  return value;
}

/** "Changed since you last read it", on a card whose guide the person opened at an older version. */
export function ChangedBadge({ card }: { card: GuideCard }) {
  const { t } = useTranslation();
  const read = useLastRead()?.[`${card.id}/${card.lang}`];
  if (read === undefined || read >= card.version) return null;
  return (
    <p className="badge badge-changed" data-testid="changed-badge" data-last-read={read}>
      {t('versions.changedBadge', { version: read })}
    </p>
  );
}
