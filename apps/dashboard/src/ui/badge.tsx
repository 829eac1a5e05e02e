/** A small label for a status or a role. */
import type { ReactNode } from 'react';

export interface BadgeProps {
  /** Default 'neutral'. */
  tone?: 'neutral' | 'success' | 'warning' | 'danger' | 'info';
  title?: string;
  children: ReactNode;
}

export function Badge({ tone = 'neutral', title, children }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
