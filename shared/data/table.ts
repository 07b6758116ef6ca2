/**
 * The single table, described once. CDK builds the TableV2 from this; the local runtime
 * creates its table from the synthesized template (which came from this), never by hand.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** Children of a parent: subordinates of an atasan, evaluations of an employee, cycles. */
    byParent: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Grouping: employees of an OPD, evaluations of an atasan by status (the inbox). */
    byGroup: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Evaluations of a cycle by stage and status (progress, resume). */
    byCycle: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
  ttlAttribute: 'expiresAt',
} as const;
