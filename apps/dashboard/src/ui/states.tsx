/** What a view shows while loading, when there is nothing yet, and when a request failed. */
import type { ReactNode } from 'react';
import { errorMessages } from '../api/api-error';
import { Button } from './button';

/** A polite "Loading…" with a spinner; `label` says what is loading. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export interface EmptyStateProps {
  title: ReactNode;
  /** Makes the title the page's heading (`h1`) when the empty state is the whole page. Default: a paragraph. */
  titleAs?: 'p' | 'h1' | 'h2';
  children?: ReactNode;
  /** Usually the primary button that creates the first item. */
  action?: ReactNode;
}

export function EmptyState({ title, titleAs: Title = 'p', children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <Title className="empty-state-title">{title}</Title>
      {children ? <div className="empty-state-text">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  error: unknown;
  /** Default 'Could not load this page'. */
  title?: ReactNode;
  /** Shows a Retry button. */
  onRetry?: () => void;
}

/** The API's message(s) and a Retry button. */
export function ErrorState({ error, title = 'Could not load this page', onRetry }: ErrorStateProps) {
  const messages = errorMessages(error);
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title}</p>
      <ul className="error-state-messages">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      {onRetry ? <Button onClick={onRetry}>Retry</Button> : null}
    </div>
  );
}
