import type { ReactNode } from 'react';

/** A major section of the pack: a level-2 heading, and on paper a new page unless `newPage` is false. */
export function PackSection({
  id,
  title,
  newPage = true,
  children,
}: {
  id: string;
  title: string;
  newPage?: boolean;
  children: ReactNode;
}) {
  const headingId = `pack-${id}`;
  return (
    <section
      aria-labelledby={headingId}
      className={newPage ? 'board-pack__section board-pack__section--new-page' : 'board-pack__section'}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** What a section says when it has nothing to list. */
export function Nothing({ children }: { children: ReactNode }) {
  return <p className="board-pack__nothing">{children}</p>;
}
