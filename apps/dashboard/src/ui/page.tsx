/** The top of every page (title, one-line description, actions) and the document title. */
import { type ReactNode, useEffect } from 'react';

const APP_NAME = 'Socifyr';

/** Sets the tab title: "API Keys · Socifyr". */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  const title = [...parts.filter(Boolean), APP_NAME].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right (below the title on a phone). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <h1>{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
