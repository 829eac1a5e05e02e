/**
 * Beside the keys: what a program needs to use one (API URL, workspace id) and the security tips of the
 * public documentation.
 */
import { useWorkspace } from '../../session/workspace-context';
import { CopyField } from '../../ui/copy-field';

export function KeyGuide() {
  const { workspaceId } = useWorkspace();
  const apiUrl = `${window.location.origin}/api`;
  return (
    <div className="key-guide">
      <section className="panel" aria-labelledby="using-a-key">
        <h2 id="using-a-key">Using a key</h2>
        <p>
          Send it as <code>Authorization: Bearer sk_…</code>. The SDK and the CLI read it from{' '}
          <code>SOCIFYR_API_KEY</code>, with <code>SOCIFYR_WORKSPACE_ID</code> and, for this server,{' '}
          <code>SOCIFYR_API_URL</code>.
        </p>
        <CopyField label="Workspace ID" value={workspaceId} />
        <CopyField label="API URL" value={apiUrl} />
        <p className="panel-note">
          To rotate a key: create a new one, deploy it, then delete the old one. Both work until you do, so
          there is no downtime.
        </p>
      </section>
      <aside className="panel" aria-labelledby="security-tips">
        <h2 id="security-tips">Security tips</h2>
        <ul className="tips">
          <li>
            <strong>Never</strong> commit a key to source control. Use environment variables or a secrets
            manager.
          </li>
          <li>
            <strong>Don't</strong> ship API keys in client-side code (mobile apps, browser bundles).
          </li>
          <li>
            <strong>Do</strong> create separate keys per service (frontend, CI, scripts) so you can rotate one
            without disturbing the rest.
          </li>
          <li>
            <strong>Do</strong> delete keys for departed teammates immediately. A key acts with its creator's
            current role; when the creator leaves the workspace, it stops working.
          </li>
        </ul>
      </aside>
    </div>
  );
}
