/** The workspace's sections; Settings groups API Keys, Members and General. */
import { NavLink, paths } from '../router';

export function SideNav({ workspaceId }: { workspaceId: string }) {
  return (
    <nav className="side-nav" aria-label="Workspace">
      <ul className="nav-list">
        <li>
          <NavLink to={paths.content(workspaceId)}>Content</NavLink>
        </li>
        <li>
          <NavLink to={paths.connections(workspaceId)}>Connections</NavLink>
        </li>
      </ul>
      <p className="nav-heading" id="nav-settings">
        Settings
      </p>
      <ul className="nav-list" aria-labelledby="nav-settings">
        <li>
          <NavLink to={paths.apiKeys(workspaceId)}>API Keys</NavLink>
        </li>
        <li>
          <NavLink to={paths.members(workspaceId)}>Members</NavLink>
        </li>
        <li>
          <NavLink to={paths.general(workspaceId)}>General</NavLink>
        </li>
      </ul>
    </nav>
  );
}
