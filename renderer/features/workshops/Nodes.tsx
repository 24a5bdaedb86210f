import { useEffect, useRef } from 'react';
import { neutralCopy } from './sections';

/**
 * Shows sanitised guide nodes (from sections.ts), neutralised, in a container React does not otherwise touch. Links
 * stay visible but do not navigate: on the projector and on paper they are read, not followed.
 */
export function Nodes({ nodes, className }: { nodes: DocumentFragment[]; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(...nodes.map(neutralCopy));
  }, [nodes]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: it only keeps links from navigating
    <div
      ref={ref}
      className={className}
      onClick={(event) => {
        if ((event.target as Element).closest('a')) event.preventDefault();
      }}
    />
  );
}
