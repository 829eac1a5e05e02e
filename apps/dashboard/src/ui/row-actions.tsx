/** The buttons at the end of a table row, kept together and wrapping neatly (left-aligned on phones). */
import type { ReactNode } from 'react';
import './row-actions.css';

export function RowActions({ children }: { children: ReactNode }) {
  return <div className="row-actions">{children}</div>;
}
