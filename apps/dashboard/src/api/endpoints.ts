/**
 * One typed function per API route the dashboard uses, grouped by resource. Pages call these through
 * `useApi()`; nothing else builds URLs.
 */
import type { ApiClient } from './client';
import type {
  ApiKey,
  Connection,
  CreatedApiKey,
  CreatedInvitation,
  Invitation,
  Me,
  Member,
  Platform,
  Post,
  PostPage,
  PostStatus,
  RoleKey,
  User,
  Workspace,
} from './types';

/** Optional abort signal for reads. */
export interface ReadOptions {
  signal?: AbortSignal;
}

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const seg = encodeURIComponent;

export function createApi(client: ApiClient) {
  return {
    auth: {
      signUp: (body: { name: string; email: string; password: string }) =>
        client.post<{ user: User }>('/auth/signup', body, { reportUnauthorized: false }),
      signIn: (body: { email: string; password: string }) =>
        client.post<{ user: User }>('/auth/login', body, { reportUnauthorized: false }),
      signOut: () => client.post<null>('/auth/logout', undefined, { reportUnauthorized: false }),
      /** Who is signed in; throws ApiError 401 when nobody is (not reported as a lost session). */
      me: (options: ReadOptions = {}) =>
        client.get<Me>('/auth/me', { ...options, reportUnauthorized: false }),
    },
    workspaces: {
      list: (options: ReadOptions = {}) => client.get<Workspace[]>('/workspaces', options),
      get: (workspaceId: string, options: ReadOptions = {}) =>
        client.get<Workspace>(ws(workspaceId), options),
      create: (body: { name: string }) => client.post<Workspace>('/workspaces', body),
      rename: (workspaceId: string, body: { name: string }) => client.patch<Workspace>(ws(workspaceId), body),
      delete: (workspaceId: string) => client.delete(ws(workspaceId)),
    },
    apiKeys: {
      list: (workspaceId: string, options: ReadOptions = {}) =>
        client.get<ApiKey[]>(`${ws(workspaceId)}/api-keys`, options),
      create: (workspaceId: string, body: { label: string }) =>
        client.post<CreatedApiKey>(`${ws(workspaceId)}/api-keys`, body),
      delete: (workspaceId: string, keyId: string) =>
        client.delete(`${ws(workspaceId)}/api-keys/${seg(keyId)}`),
    },
    members: {
      list: (workspaceId: string, options: ReadOptions = {}) =>
        client.get<Member[]>(`${ws(workspaceId)}/members`, options),
      changeRole: (workspaceId: string, userId: string, body: { roleKey: RoleKey }) =>
        client.patch<Member>(`${ws(workspaceId)}/members/${seg(userId)}`, body),
      remove: (workspaceId: string, userId: string) =>
        client.delete(`${ws(workspaceId)}/members/${seg(userId)}`),
    },
    invitations: {
      list: (workspaceId: string, options: ReadOptions = {}) =>
        client.get<Invitation[]>(`${ws(workspaceId)}/invitations`, options),
      create: (workspaceId: string, body: { email: string; roleKey: RoleKey }) =>
        client.post<CreatedInvitation>(`${ws(workspaceId)}/invitations`, body),
      cancel: (workspaceId: string, invitationId: string) =>
        client.delete(`${ws(workspaceId)}/invitations/${seg(invitationId)}`),
      /** Joins the signed-in person to the invitation's workspace; answers the new membership. */
      accept: (body: { token: string }) => client.post<Member>('/invitations/accept', body),
    },
    connections: {
      list: (workspaceId: string, options: ReadOptions = {}) =>
        client.get<Connection[]>(`${ws(workspaceId)}/connections`, options),
      create: (workspaceId: string, body: { platform: Platform; handle: string; name?: string }) =>
        client.post<Connection>(`${ws(workspaceId)}/connections`, body),
      delete: (workspaceId: string, connectionId: string) =>
        client.delete(`${ws(workspaceId)}/connections/${seg(connectionId)}`),
    },
    content: {
      list: (
        workspaceId: string,
        query: { status?: PostStatus; page?: number; limit?: number } = {},
        options: ReadOptions = {},
      ) => client.get<PostPage>('/content', { ...options, query, workspaceId }),
      get: (workspaceId: string, postId: string, options: ReadOptions = {}) =>
        client.get<Post>(`/content/${seg(postId)}`, { ...options, workspaceId }),
      createText: (
        workspaceId: string,
        body: { connections: string[]; text: string; scheduledAt?: string },
      ) => client.post<Post>('/content/text', body, { workspaceId }),
      update: (
        workspaceId: string,
        postId: string,
        body: { text?: string; connections?: string[]; scheduledAt?: string | null },
      ) => client.patch<Post>(`/content/${seg(postId)}`, body, { workspaceId }),
      archive: (workspaceId: string, postId: string) =>
        client.post<Post>(`/content/${seg(postId)}/archive`, undefined, { workspaceId }),
      delete: (workspaceId: string, postId: string) =>
        client.delete(`/content/${seg(postId)}`, { workspaceId }),
    },
  };
}

/** Every route the dashboard calls, typed. */
export type Api = ReturnType<typeof createApi>;
