/** `socifyr.content`: the posts of the client's workspace. */
import type { RequestOptions } from '../core/request.js';
import { ApiResource, segment } from '../core/resource.js';
import type { ContentListQuery, ContentPage, CreateTextPostInput, Post, UpdatePostInput } from '../types.js';

/** Posts of the workspace the key belongs to: write, schedule, edit, archive, delete. */
export class Content extends ApiResource {
  /**
   * One page of posts, newest first.
   *
   * @example const { results, total } = await socifyr.content.list({ status: 'scheduled', limit: 50 });
   */
  async list(query: ContentListQuery = {}, options?: RequestOptions): Promise<ContentPage> {
    const { status, page, limit } = query;
    return this.core.request({
      method: 'GET',
      path: '/content',
      query: { status, page, limit },
      signal: options?.signal,
    });
  }

  /** One post by id (`post_…`); 404 if it is not in the workspace. */
  async get(postId: string, options?: RequestOptions): Promise<Post> {
    return this.core.request({ method: 'GET', path: `/content/${segment(postId)}`, signal: options?.signal });
  }

  /**
   * Writes a text post for one or more connections: a draft, or scheduled when `scheduledAt` is given.
   * An unknown slug fails with 400 `Connection "<slug>" not found`.
   *
   * @example
   * const post = await socifyr.content.createText({
   *   connections: ['x-brand'],
   *   text: 'Hello from Socifyr',
   *   scheduledAt: new Date(Date.now() + 3_600_000), // in an hour; omit for a draft
   * });
   */
  async createText(input: CreateTextPostInput, options?: RequestOptions): Promise<Post> {
    return this.core.request({ method: 'POST', path: '/content/text', body: input, signal: options?.signal });
  }

  /**
   * Changes a post's text, connections or schedule; fields left out stay as they are.
   *
   * @example await socifyr.content.update(post.id, { scheduledAt: null }); // back to a draft
   */
  async update(postId: string, input: UpdatePostInput, options?: RequestOptions): Promise<Post> {
    return this.core.request({
      method: 'PATCH',
      path: `/content/${segment(postId)}`,
      body: input,
      signal: options?.signal,
    });
  }

  /** Puts a post away (status `archived`) and returns it. */
  async archive(postId: string, options?: RequestOptions): Promise<Post> {
    return this.core.request({
      method: 'POST',
      path: `/content/${segment(postId)}/archive`,
      signal: options?.signal,
    });
  }

  /** Deletes a post for good. */
  async delete(postId: string, options?: RequestOptions): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: `/content/${segment(postId)}`,
      signal: options?.signal,
    });
  }
}
