/**
 * A Kysely plugin that counts every query the app sends to its database, by kind and table, and the
 * rows each UPDATE changed. It observes only: queries and results pass through unchanged.
 */

const KINDS = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  RawNode: 'raw',
};

/** The first table a query names (`api_keys`, `workspaces`…), or "?" when it names none. */
function tableOf(node) {
  const target = node.table ?? node.into ?? node.from?.froms?.[0];
  let table = target;
  while (table && table.kind !== 'TableNode') table = table.node ?? table.table;
  return table?.table?.identifier?.name ?? '?';
}

export class QueryCounter {
  constructor() {
    /** `"select api_keys"` → count */
    this.counts = new Map();
    /** Rows changed by UPDATEs, per table. */
    this.updatedRows = new Map();
    this.total = 0;
    this.pending = new Map();
  }

  /** Kysely plugin hook: count the query as it goes out. */
  transformQuery({ node, queryId }) {
    const kind = KINDS[node.kind] ?? node.kind;
    const label = `${kind} ${tableOf(node)}`;
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
    this.total += 1;
    if (kind === 'update') this.pending.set(queryId, label);
    return node;
  }

  /** Kysely plugin hook: note how many rows an UPDATE changed. */
  async transformResult({ result, queryId }) {
    const label = this.pending.get(queryId);
    if (label !== undefined) {
      this.pending.delete(queryId);
      this.updatedRows.set(label, (this.updatedRows.get(label) ?? 0) + Number(result.numAffectedRows ?? 0n));
    }
    return result;
  }

  /** A plain copy of the counts so far, to send to the bench over IPC. */
  snapshot() {
    return {
      total: this.total,
      byQuery: Object.fromEntries(this.counts),
      updatedRows: Object.fromEntries(this.updatedRows),
    };
  }
}

/** Per-label difference of two snapshots (`after - before`), and of the CPU time when they carry it. */
export function countsBetween(before, after) {
  const byQuery = {};
  for (const [label, n] of Object.entries(after.byQuery)) {
    const d = n - (before.byQuery[label] ?? 0);
    if (d !== 0) byQuery[label] = d;
  }
  const updatedRows = {};
  for (const [label, n] of Object.entries(after.updatedRows)) {
    const d = n - (before.updatedRows[label] ?? 0);
    if (d !== 0) updatedRows[label] = d;
  }
  return {
    total: after.total - before.total,
    byQuery,
    updatedRows,
    cpuMicros: (after.cpuMicros ?? 0) - (before.cpuMicros ?? 0),
  };
}
