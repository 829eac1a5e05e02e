/** A boxed message in the flow of a page or dialog: info, warning, success. */
import type { ReactNode } from 'react';

export interface NoticeProps {
  /** Default 'info'. */
  tone?: 'info' | 'warning' | 'success' | 'danger';
  title?: ReactNode;
  children: ReactNode;
}

export function Notice({ tone = 'info', title, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`}>
      {title ? <p className="notice-title">{title}</p> : null}
      <div className="notice-body">{children}</div>
    </div>
  );
}
