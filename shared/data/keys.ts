/** Key layout of the single table; see docs/data-model.md for the access patterns. */
export const keys = {
  org: () => ({ pk: 'ORG', sk: 'ORG' }),
  opd: (kode: string) => ({ pk: 'ORG', sk: `OPD#${kode}` }),
  unit: (opd: string, kode: string) => ({ pk: 'ORG', sk: `OPD#${opd}#UNIT#${kode}` }),
  employee: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'PROFILE' }),
  account: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'AKUN' }),
  /** The account's own trail (sign-in locks, password and second-factor changes): not an evaluation's. */
  accountLog: (nip: string, at: string, id: string) => ({ pk: `EMP#${nip}`, sk: `AKUN#LOG#${at}#${id}` }),
  accountLogPrefix: () => 'AKUN#LOG#',
  /** Failed sign-ins counted per NIP or per client address (local sign-in only). */
  signInThrottle: (scope: 'NIP' | 'ADDR', value: string) => ({
    pk: `SIGNIN#${scope}#${value}`,
    sk: 'THROTTLE',
  }),
  /** A sign-in half done (password accepted, second factor pending), named by a random id. */
  signInChallenge: (id: string) => ({ pk: `SIGNIN#CHALLENGE#${id}`, sk: 'CHALLENGE' }),
  /**
   * A web session, in the person's partition beside the profile: the session check reads both
   * in one BatchGet, and ending every session of one person is one Query.
   */
  session: (nip: string, sid: string) => ({ pk: `EMP#${nip}`, sk: `SESI#${sid}` }),
  sessionPrefix: () => 'SESI#',
  /** An API client's revoked Cognito refresh token, by the `origin_jti` its access tokens carry. */
  tokenRevocation: (nip: string, originJti: string) => ({
    pk: `EMP#${nip}`,
    sk: `TOKEN_DICABUT#${originJti}`,
  }),
  cycle: (id: string) => ({ pk: `CYCLE#${id}`, sk: 'META' }),
  /**
   * One of the cycle's gates (gates.ts): a copy of its status that evaluation writes check
   * instead of META, so concurrent writes do not all meet on one item.
   */
  cycleGate: (cycleId: string, gate: number) => ({
    pk: `CYCLE#${cycleId}`,
    sk: `GATE#${String(gate).padStart(2, '0')}`,
  }),
  cycleGatePrefix: () => 'GATE#',
  evaluation: (cycleId: string, nip: string) => ({ pk: `EMP#${nip}`, sk: `EVAL#${cycleId}#META` }),
  targetRow: (cycleId: string, nip: string, rowId: string) => ({
    pk: `EMP#${nip}`,
    sk: `EVAL#${cycleId}#ROW#${rowId}`,
  }),
  audit: (cycleId: string, nip: string, at: string, id: string) => ({
    pk: `EMP#${nip}`,
    sk: `EVAL#${cycleId}#LOG#${at}#${id}`,
  }),
  notice: (recipient: string, at: string, id: string) => ({ pk: `NOTICE#${recipient}`, sk: `${at}#${id}` }),
  /** A Plt/Plh assignment, under the acting person: their inbox lists what they stand in for. */
  penugasan: (nip: string, menggantikanNip: string, mulai: string) => ({
    pk: `ACTING#${nip}`,
    sk: `${menggantikanNip}#${mulai}`,
  }),
  /** One peer's review of one evaluation: sits in the evaluated employee's partition. */
  penilaianRekan: (cycleId: string, nip: string, rekanNip: string) => ({
    pk: `EMP#${nip}`,
    sk: `EVAL#${cycleId}#REKAN#${rekanNip}`,
  }),
  /** The employee's development plan for a year (outlives the evaluation that proposed it). */
  rencana: (nip: string, tahun: number) => ({ pk: `EMP#${nip}`, sk: `RENCANA#${tahun}` }),
  /** Trail of a plan no evaluation proposed (seeded, carried over): its changes are logged here. */
  rencanaLog: (nip: string, tahun: number, at: string, id: string) => ({
    pk: `EMP#${nip}`,
    sk: `RLOG#${tahun}#${at}#${id}`,
  }),
  /** An agency's organisational predikat for a cycle (kurva distribusi). */
  kurva: (cycleId: string, opd: string) => ({ pk: `CYCLE#${cycleId}`, sk: `KURVA#${opd}` }),
  /** Append-only log of cycle-level changes (agency predikat, close), beside the cycle's META. */
  cycleLog: (cycleId: string, at: string, id: string) => ({ pk: `CYCLE#${cycleId}`, sk: `LOG#${at}#${id}` }),
  rekanPrefix: (cycleId: string) => `EVAL#${cycleId}#REKAN#`,
  /** Prefixes used in key conditions. */
  evaluationPrefix: (cycleId: string) => `EVAL#${cycleId}#`,
  rowPrefix: (cycleId: string) => `EVAL#${cycleId}#ROW#`,
  logPrefix: (cycleId: string) => `EVAL#${cycleId}#LOG#`,
};

/** Index attributes, per entity. */
export const indexKeys = {
  employee: (e: { nip: string; atasanNip?: string; opd: string; aktif: boolean }) => ({
    ...(e.atasanNip ? { gsi1pk: `SUP#${e.atasanNip}`, gsi1sk: `EMP#${e.nip}` } : {}),
    gsi2pk: `OPD#${e.opd}`,
    gsi2sk: `${e.aktif ? 'AKTIF' : 'NONAKTIF'}#${e.nip}`,
  }),
  /** A peer finds the reviews asked of them: gsi1 under REKAN#<their nip>. */
  penilaianRekan: (r: { cycleId: string; nip: string; rekanNip: string }) => ({
    gsi1pk: `REKAN#${r.rekanNip}`,
    gsi1sk: `${r.cycleId}#${r.nip}`,
  }),
  cycle: (c: { id: string; tahun: number }) => ({ gsi1pk: 'CYCLES', gsi1sk: `${c.tahun}#${c.id}` }),
  evaluation: (e: {
    cycleId: string;
    nip: string;
    atasanNip?: string;
    stage: string;
    status: string;
    opd: string;
  }) => ({
    gsi1pk: `EVALS#${e.nip}`,
    gsi1sk: e.cycleId,
    ...(e.atasanNip ? { gsi2pk: `ATASAN#${e.atasanNip}`, gsi2sk: `${e.status}#${e.cycleId}#${e.nip}` } : {}),
    gsi3pk: `CYCLE#${e.cycleId}`,
    gsi3sk: `${e.stage}#${e.status}#${e.opd}#${e.nip}`,
  }),
};
