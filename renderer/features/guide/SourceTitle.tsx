import type { GuideView } from '../../../electron/api/types';

/** A source's title, publisher and date as the guide file gives them: names are shown as written, never translated. */
export function SourceTitle({ source }: { source: GuideView['sources'][number] }) {
  return (
    <>
      <bdi>{source.title}</bdi>
      {source.publisher && (
        <>
          , <bdi>{source.publisher}</bdi>
        </>
      )}
      {source.date && <> ({source.date})</>}
    </>
  );
}
