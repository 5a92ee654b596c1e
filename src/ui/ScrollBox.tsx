import type { ReactNode } from 'react';

/**
 * A wide table's own sideways scroll: on a phone the table scrolls in this box, never the
 * page. The box takes focus so keyboard readers can scroll it too (named `label`).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-box" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
