/**
 * `socifyr.workspaces`: a workspace and everything under its id — connections, members, invitations
 * and API keys. A key may only name its own workspace (another one answers 403).
 */
import type { RequestOptions } from '../core/request.js';
import { ApiResource, segment } from '../core/resource.js';
import type {
  ApiKey,
  Connection,
  CreateApiKeyInput,
  CreateConnectionInput,
  CreatedApiKey,
  CreatedInvitation,
  CreateInvitationInput,
  CreateWorkspaceInput,
  Invitation,
  Member,
  UpdateMemberRoleInput,
  UpdateWorkspaceInput,
  Workspace,
} from '../types.js';

/** Workspaces and what lives under them. Methods that change something need the role the API names. */
export class Workspaces extends ApiResource {
  /** The workspaces the caller can see; a key sees exactly its own. */
  async list(options?: RequestOptions): Promise<Workspace[]> {
    return this.core.request({ method: 'GET', path: '/workspaces', signal: options?.signal });
  }

  /**
   * Creates a workspace with the caller as OWNER. Only people signed in to the dashboard may: with an API
   * key this fails with 403.
   */
  async create(input: CreateWorkspaceInput, options?: RequestOptions): Promise<Workspace> {
    return this.core.request({ method: 'POST', path: '/workspaces', body: input, signal: options?.signal });
  }

  /** One workspace: id, name, tier, createdAt. */
  async get(workspaceId: string, options?: RequestOptions): Promise<Workspace> {
    return this.core.request({ method: 'GET', path: this.#path(workspaceId), signal: options?.signal });
  }

  /**
   * Renames a workspace (ADMIN or OWNER).
   *
   * @example await socifyr.workspaces.update(workspaceId, { name: 'Brand team' });
   */
  async update(
    workspaceId: string,
    input: UpdateWorkspaceInput,
    options?: RequestOptions,
  ): Promise<Workspace> {
    return this.core.request({
      method: 'PATCH',
      path: this.#path(workspaceId),
      body: input,
      signal: options?.signal,
    });
  }

  /** Deletes a workspace and everything in it. Only an OWNER signed in to the dashboard may: a key gets 403. */
  async delete(workspaceId: string, options?: RequestOptions): Promise<void> {
    await this.core.request({ method: 'DELETE', path: this.#path(workspaceId), signal: options?.signal });
  }

  /** The workspace's connections (social accounts). */
  async listConnections(workspaceId: string, options?: RequestOptions): Promise<Connection[]> {
    return this.core.request({
      method: 'GET',
      path: this.#path(workspaceId, 'connections'),
      signal: options?.signal,
    });
  }

  /**
   * Registers a social account (ADMIN or OWNER). Its slug is `<platform>-<handle>`; a slug the workspace
   * already has fails with 409.
   *
   * @example const { slug } = await socifyr.workspaces.createConnection(workspaceId, { platform: 'x', handle: '@brand' }); // 'x-brand'
   */
  async createConnection(
    workspaceId: string,
    input: CreateConnectionInput,
    options?: RequestOptions,
  ): Promise<Connection> {
    return this.core.request({
      method: 'POST',
      path: this.#path(workspaceId, 'connections'),
      body: input,
      signal: options?.signal,
    });
  }

  /** Removes a connection (ADMIN or OWNER). */
  async disconnectPlatform(
    workspaceId: string,
    connectionId: string,
    options?: RequestOptions,
  ): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: this.#path(workspaceId, 'connections', connectionId),
      signal: options?.signal,
    });
  }

  /** The workspace's members with their roles. */
  async listMembers(workspaceId: string, options?: RequestOptions): Promise<Member[]> {
    return this.core.request({
      method: 'GET',
      path: this.#path(workspaceId, 'members'),
      signal: options?.signal,
    });
  }

  /**
   * Changes a member's role (ADMIN or OWNER; granting or taking OWNER needs OWNER). Their keys act with the
   * new role at once.
   *
   * @example await socifyr.workspaces.updateMemberRole(workspaceId, userId, { roleKey: 'EDITOR' });
   */
  async updateMemberRole(
    workspaceId: string,
    userId: string,
    input: UpdateMemberRoleInput,
    options?: RequestOptions,
  ): Promise<Member> {
    return this.core.request({
      method: 'PATCH',
      path: this.#path(workspaceId, 'members', userId),
      body: input,
      signal: options?.signal,
    });
  }

  /** Removes a member (ADMIN or OWNER, or the member themself). Their keys stop working at once. */
  async removeMember(workspaceId: string, userId: string, options?: RequestOptions): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: this.#path(workspaceId, 'members', userId),
      signal: options?.signal,
    });
  }

  /**
   * Invites someone by email (ADMIN or OWNER). The answer's `token` is shown only here: give it to the
   * person, who accepts it signed in with that email.
   *
   * @example const { token } = await socifyr.workspaces.invite(workspaceId, { email: 'grace@example.com', roleKey: 'EDITOR' });
   */
  async invite(
    workspaceId: string,
    input: CreateInvitationInput,
    options?: RequestOptions,
  ): Promise<CreatedInvitation> {
    return this.core.request({
      method: 'POST',
      path: this.#path(workspaceId, 'invitations'),
      body: input,
      signal: options?.signal,
    });
  }

  /** Pending invitations, without their tokens (ADMIN or OWNER). */
  async listInvitations(workspaceId: string, options?: RequestOptions): Promise<Invitation[]> {
    return this.core.request({
      method: 'GET',
      path: this.#path(workspaceId, 'invitations'),
      signal: options?.signal,
    });
  }

  /** Withdraws a pending invitation (ADMIN or OWNER); its token stops working. */
  async cancelInvitation(workspaceId: string, invitationId: string, options?: RequestOptions): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: this.#path(workspaceId, 'invitations', invitationId),
      signal: options?.signal,
    });
  }

  /**
   * API keys of the workspace, newest first: every key for ADMIN and OWNER, one's own for other roles.
   * `lastUsedAt` shows which keys are still in use.
   *
   * @example const keys = await socifyr.workspaces.listApiKeys(workspaceId)
   */
  async listApiKeys(workspaceId: string, options?: RequestOptions): Promise<ApiKey[]> {
    return this.core.request({
      method: 'GET',
      path: this.#path(workspaceId, 'api-keys'),
      signal: options?.signal,
    });
  }

  /**
   * Creates a key that acts as the caller's member (any role). The `plaintext` is returned only in this
   * answer: store it now.
   *
   * @example
   * const { plaintext } = await socifyr.workspaces.createApiKey(workspaceId, {
   *   label: 'CI bot',
   * })
   */
  async createApiKey(
    workspaceId: string,
    input: CreateApiKeyInput,
    options?: RequestOptions,
  ): Promise<CreatedApiKey> {
    return this.core.request({
      method: 'POST',
      path: this.#path(workspaceId, 'api-keys'),
      body: input,
      signal: options?.signal,
    });
  }

  /**
   * Deletes a key (its creator, or ADMIN and OWNER); it fails with 401 from the next request on.
   * To rotate: create a new key, deploy it, then delete the old one.
   *
   * @example await socifyr.workspaces.deleteApiKey(workspaceId, keyId)
   */
  async deleteApiKey(workspaceId: string, keyId: string, options?: RequestOptions): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: this.#path(workspaceId, 'api-keys', keyId),
      signal: options?.signal,
    });
  }

  /** `/workspaces/<id>[/<collection>[/<itemId>]]`, every id encoded. */
  #path(workspaceId: string, collection?: string, itemId?: string): string {
    let path = `/workspaces/${segment(workspaceId)}`;
    if (collection !== undefined) path += `/${collection}`;
    if (itemId !== undefined) path += `/${segment(itemId)}`;
    return path;
  }
}
