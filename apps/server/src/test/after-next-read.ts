import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
} from 'kysely';
import type { Tables } from '../db/tables.js';

/**
 * A Kysely plugin for race tests: runs an armed step once, right after the next read from `table` returns
 * and before the code that read it goes on, so "another request's write in between" is deterministic.
 */
export class AfterNextRead implements KyselyPlugin {
  constructor(private readonly table: keyof Tables) {}

  private readonly reads = new WeakSet<object>();
  private step: (() => Promise<unknown>) | undefined;

  arm(step: () => Promise<unknown>): void {
    this.step = step;
  }

  disarm(): void {
    this.step = undefined;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const froms = node.kind === 'SelectQueryNode' ? (node.from?.froms ?? []) : [];
    const readsTable = froms.some((from) => TableNode.is(from) && from.table.identifier.name === this.table);
    if (readsTable) this.reads.add(queryId);
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const step = this.step;
    if (step && this.reads.has(queryId)) {
      this.step = undefined;
      await step();
    }
    return result;
  }
}
