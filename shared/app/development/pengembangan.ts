import type { KodeBerakhlak } from '../../domain/evaluation/berakhlak.js';
import type { Cycle } from '../../domain/evaluation/cycle.js';
import { DomainError, konflik, tidakDitemukan, validasi } from '../../domain/errors.js';
import { RENCANA_BELUM_DISUSUN, assertAction, assertMenunggu } from '../../domain/evaluation/actions.js';
import { type Evaluation, STAGES } from '../../domain/evaluation/evaluation.js';
import { KATALOG_PELATIHAN } from '../../domain/development/katalog-pelatihan.js';
import {
  type ItemRencana,
  type JenisBentuk,
  type JenisKompetensi,
  type Kesenjangan,
  type Pelatihan,
  type ProfilPegawai,
  type Rekomendasi,
  type Sertifikat,
  HAK_JP_TAHUNAN,
  batalkan,
  rekomendasi,
  rencanaPengembangan,
  jpTotals,
  sesuaiSasaran,
  tambahKeRencana,
  tandaiSelesai,
} from '../../domain/development/index.js';
import { type AuditEntry, auditPut } from '../../data/audit.js';
import { getCycle, openCycles } from '../../data/cycles.js';
import { type EvaluationSheet, commitChange, getEvaluation, getSheet } from '../../data/evaluations.js';
import { keys } from '../../data/keys.js';
import { getEmployee } from '../../data/people.js';
import {
  type RencanaTersimpan,
  type SaranPelatihan,
  denganRencana,
  getRencana,
  listRencana,
  rencanaPada,
  rencanaSimpan,
  staleRencana,
} from '../../data/rencana.js';
import { transact } from '../../data/transact.js';
import { tanggalWib } from '../../domain/wib.js';
import type { Deps } from '../../runtime/deps.js';
import { actorOf, type Principal } from '../actor.js';
import { evaluationDetail } from '../evaluation/queries.js';
import { notFound, retryOnConflict, SISTEM } from '../evaluation/stage-tasks.js';
import { evaluationFor } from '../evaluation/muat.js';
import { type EvaluationDecision, stageChange } from '../evaluation/stage-change.js';

const CATATAN_MIN = 5;
const CATATAN_MAX = 500;

// ---------------------------------------------------------------------------------------------
// Catalogue and period
// ---------------------------------------------------------------------------------------------

export interface SaringanKatalog {
  jenisKompetensi?: JenisKompetensi | undefined;
  nilai?: KodeBerakhlak | undefined;
  bentuk?: JenisBentuk | undefined;
  /** Only entries open to this employee (their OPD and jabatan). */
  profil?: ProfilPegawai | undefined;
}

/**
 * The catalogue is the seeded domain data (shared/domain/development/katalog-pelatihan.ts), checked by its
 * unit tests; see README "Pengembangan kompetensi" for why it is not a table yet.
 */
export function cariKatalog(s: SaringanKatalog = {}): Pelatihan[] {
  return KATALOG_PELATIHAN.filter(
    (p) =>
      (!s.jenisKompetensi || p.jenisKompetensi === s.jenisKompetensi) &&
      (!s.nilai || p.nilai.includes(s.nilai)) &&
      (!s.bentuk || p.bentuk.jenis === s.bentuk) &&
      (!s.profil || sesuaiSasaran(p, s.profil)),
  );
}

export const pelatihanById = (id: string) => KATALOG_PELATIHAN.find((p) => p.id === id);

/**
 * The year the plan is for: the year of the period that follows the evaluated one. After an
 * annual cycle or the fourth quarter that is next year; after quarters I-III it is the rest of
 * the same year, so the quarters of one year add to one plan (the 20 JP are counted per year).
 */
export function tahunRencana(c: Pick<Cycle, 'tahun' | 'periode'>): number {
  return c.periode === 'TAHUNAN' || c.periode === 'TRIWULAN_IV' ? c.tahun + 1 : c.tahun;
}

// ---------------------------------------------------------------------------------------------
// Recommendation (the workflow's automatic step)
// ---------------------------------------------------------------------------------------------

/** The gaps the evaluation leaves: values and rows rated below expectation, and the advice. */
export function kesenjanganDari({ evaluation: e, rows }: EvaluationSheet): Kesenjangan {
  const pa = e.penilaianAtasan;
  const perilaku: Kesenjangan['perilaku'] = {};
  for (const [kode, v] of Object.entries(pa?.perilaku ?? {})) {
    if (v?.level) perilaku[kode as KodeBerakhlak] = v.level;
  }
  const hasilKerja = rows.flatMap((r) => {
    const level = pa?.baris?.[r.id]?.level;
    return level ? [{ id: r.id, rhk: r.rhk, indikator: r.indikator, level }] : [];
  });
  const saran = e.umpanBalik?.saran?.trim();
  return { perilaku, hasilKerja, ...(saran ? { saranAtasan: saran } : {}) };
}

const saranDari = (r: Rekomendasi): SaranPelatihan => ({
  pelatihanId: r.pelatihan.id,
  judul: r.pelatihan.judul,
  jp: r.pelatihan.jp,
  bentuk: r.pelatihan.bentuk.jenis,
  alasan: r.alasan.map((a) => a.teks),
});

/**
 * Item ids are `<tahun>-<catalogue id>`; a training cancelled and planned again would repeat
 * its id, so the later one gets a suffix and every item keeps an address of its own.
 */
function unikkanId(items: ItemRencana[]): ItemRencana[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let id = item.id;
    for (let n = 2; seen.has(id); n++) id = `${item.id}-${n}`;
    seen.add(id);
    return id === item.id ? item : { ...item, id };
  });
}

/** Today's WIB date: certificates dated after it do not count yet (jpTotals). */
export const hariIni = (deps: Deps) => tanggalWib(deps.now());

/** The plan's totals follow its items: planned JP, and whether planned plus done reach 20 JP. */
function denganTotal(r: RencanaTersimpan, today: string): RencanaTersimpan {
  const jp = jpTotals(r.items, r.tahun, today);
  return { ...r, jpDirencanakan: jp.direncanakan, terpenuhi: jp.selesai + jp.direncanakan >= HAK_JP_TAHUNAN };
}

export interface HasilRekomendasi {
  tahun: number;
  direkomendasikan: number;
  jpDirencanakan: number;
  terpenuhi: boolean;
  /** The recommendation was made before (a resumed execution): nothing was written. */
  sudahAda: boolean;
}

const permanen = (name: string, message: string) => Object.assign(new Error(message), { name });

/**
 * Builds the recommended development plan from the evaluation's gaps and stores it, with the
 * evaluation's copy and an audit entry, in one transaction. Idempotent: an evaluation that
 * already holds its copy is left alone. Trainings done this year or the evaluated year, and
 * those already in the year's plan (an earlier quarter), are not proposed again; the new ones
 * only fill what the year still lacks toward 20 JP.
 */
export async function rekomendasikanPelatihan(
  deps: Deps,
  cycleId: string,
  nip: string,
): Promise<HasilRekomendasi> {
  return retryOnConflict(async () => {
    const sheet = await getSheet(deps, cycleId, nip);
    if (!sheet) throw notFound(`Evaluation ${cycleId}/${nip}`);
    const e = sheet.evaluation;
    const ada = rencanaPada(e);
    if (ada) {
      const items = ada.items.filter((i) => i.status !== 'BATAL');
      return {
        tahun: ada.tahun,
        direkomendasikan: items.length,
        jpDirencanakan: ada.jpDirencanakan,
        terpenuhi: ada.terpenuhi,
        sudahAda: true,
      };
    }
    if (STAGES.indexOf(e.stage) < STAGES.indexOf('UMPAN_BALIK'))
      throw permanen('PenilaianBelumSelesai', `Evaluation ${cycleId}/${nip} is at ${e.stage}`);
    const [cycle, pegawai] = await Promise.all([getCycle(deps, cycleId), getEmployee(deps, nip)]);
    if (!cycle) throw notFound(`Cycle ${cycleId}`);
    if (!pegawai) throw permanen('PegawaiTidakDitemukan', `Employee ${nip} not found`);
    const tahun = tahunRencana(cycle);
    const profil: ProfilPegawai = {
      opd: pegawai.opd,
      jabatan: pegawai.jabatan,
      jenisJabatan: pegawai.jenisJabatan,
    };
    const semua = await listRencana(deps, nip, Math.min(cycle.tahun, tahun), Math.max(cycle.tahun, tahun));
    const sebelumnya = semua.find((r) => r.tahun === tahun);
    const lama = sebelumnya?.items ?? [];
    const kecualikan = [
      ...semua.flatMap((r) => r.items).filter((i) => i.status === 'SELESAI'),
      ...lama.filter((i) => i.status === 'DIRENCANAKAN'),
    ].map((i) => i.pelatihanId);
    const jp = jpTotals(lama, tahun, hariIni(deps));
    const recs = rekomendasi(kesenjanganDari(sheet), KATALOG_PELATIHAN, profil, { kecualikan });
    const usul = rencanaPengembangan(recs, { tahun, jpSudah: jp.selesai + jp.direncanakan });
    const at = deps.now().toISOString();
    const dikenal = new Set((sebelumnya?.rekomendasi ?? []).map((s) => s.pelatihanId));
    const after = denganTotal(
      {
        nip,
        tahun,
        profil,
        jpSudah: jp.selesai,
        kebutuhan: Math.max(0, HAK_JP_TAHUNAN - jp.selesai),
        jpDirencanakan: 0,
        terpenuhi: false,
        items: unikkanId([...lama, ...usul.items]),
        usulan: [...(sebelumnya?.usulan ?? []), { cycleId, pada: at }],
        rekomendasi: [
          ...(sebelumnya?.rekomendasi ?? []),
          ...recs.map(saranDari).filter((s) => !dikenal.has(s.pelatihanId)),
        ],
        ...(sebelumnya?.konfirmasi ? { konfirmasi: sebelumnya.konfirmasi } : {}),
        version: (sebelumnya?.version ?? 0) + 1,
        createdAt: sebelumnya?.createdAt ?? at,
        updatedAt: at,
      },
      hariIni(deps),
    );
    await commitChange(deps, {
      before: e,
      patch: denganRencana(after),
      audit: {
        actor: SISTEM,
        action: 'PELATIHAN_DIREKOMENDASIKAN',
        detail: {
          tahun,
          pelatihan: usul.items.map((i) => i.judul),
          jpDirencanakan: after.jpDirencanakan,
          terpenuhi: after.terpenuhi,
        },
      },
      extra: [rencanaSimpan(deps, after, sebelumnya?.version)],
      extraFailures: { 0: staleRencana },
    });
    return {
      tahun,
      direkomendasikan: usul.items.length,
      jpDirencanakan: after.jpDirencanakan,
      terpenuhi: after.terpenuhi,
      sudahAda: false,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Changes to the plan
// ---------------------------------------------------------------------------------------------

/**
 * The evaluation's copy follows the plan until its stage is done (confirmed by the atasan, or
 * left standing at the deadline); after that the evaluation keeps the plan as agreed.
 */
export function salinanTerbuka(e: Pick<Evaluation, 'stage' | 'status'>): boolean {
  return (
    !!rencanaPada(e) &&
    e.stage !== 'SELESAI' &&
    !(e.stage === 'RENCANA_PENGEMBANGAN' && e.status === 'SELESAI')
  );
}

function belumAda(e: Evaluation) {
  return konflik(RENCANA_BELUM_DISUSUN, { stage: e.stage, status: e.status });
}

function assertVersiRencana(r: RencanaTersimpan, version: number, e?: Evaluation) {
  if (r.version !== version) {
    throw konflik(
      'Rencana pengembangan sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.',
      {
        currentVersion: r.version,
        ...(e ? { stage: e.stage, status: e.status } : {}),
      },
    );
  }
}

/** The live plan an evaluation proposed (its copy names the year). */
async function rencanaDari(deps: Deps, e: Evaluation): Promise<RencanaTersimpan> {
  const salinan = rencanaPada(e);
  if (!salinan) throw belumAda(e);
  const r = await getRencana(deps, e.nip, salinan.tahun);
  if (!r) throw tidakDitemukan('Rencana pengembangan tidak ditemukan');
  return r;
}

/**
 * Whether the evaluation's cycle is open, read fresh: it decides what a plan change writes (and,
 * for a change through the evaluation, whether it is allowed), not only what a page offers.
 */
async function siklusTerbuka(deps: Deps, cycleId: string): Promise<boolean> {
  return (await openCycles(deps, [cycleId], { fresh: true })).has(cycleId);
}

/** Loads the plan an evaluation proposed, once this person may change it. */
const rencanaUntukDiubah = (cycleId: string, nip: string) => async (deps: Deps, p: Principal) => {
  const [e, cycleOpen] = await Promise.all([evaluationFor(deps, cycleId, nip), siklusTerbuka(deps, cycleId)]);
  // A closed evaluation keeps the atasan of its time; the living plan is the current atasan's.
  const atasanKini = e.stage === 'SELESAI' ? (await getEmployee(deps, nip))?.atasanNip : e.atasanNip;
  const { plt: _plt, ...tanpaPlt } = e;
  // The same question the evaluation page asks: after the close, only a plan whose stage is done
  // may still be changed through the evaluation (actions.ts openAfterClose).
  assertAction(
    { ...(e.stage === 'SELESAI' ? { ...tanpaPlt, atasanNip: atasanKini } : e), cycleClosed: !cycleOpen },
    p,
    'UBAH_RENCANA',
    deps.now(),
    'mengubah rencana pengembangan',
  );
  return { e, r: await rencanaDari(deps, e), cycleOpen };
};

/**
 * Loads one's own plan of a year, and the evaluation that last proposed to it (its trail logs
 * the change) with whether that evaluation's cycle is still open.
 */
const rencanaSendiri = (tahun: number) => async (deps: Deps, p: Principal) => {
  const r = await getRencana(deps, p.nip, tahun);
  if (!r) throw tidakDitemukan(`Rencana pengembangan tahun ${tahun} tidak ditemukan`);
  const terakhir = r.usulan.at(-1);
  if (!terakhir) return { r, e: undefined, cycleOpen: false };
  const [e, cycleOpen] = await Promise.all([
    getEvaluation(deps, terakhir.cycleId, p.nip),
    siklusTerbuka(deps, terakhir.cycleId),
  ]);
  return { r, e, cycleOpen };
};

/**
 * The plan, and the evaluation whose trail records its changes (none: a plan no evaluation
 * proposed), with whether that evaluation's cycle is open (a closed one's evaluation is frozen).
 */
interface RencanaLoaded {
  e: Evaluation | undefined;
  r: RencanaTersimpan;
  cycleOpen: boolean;
}

/** A change of the plan: its items as they become, and what the trail says. */
interface RencanaDecision {
  items: ItemRencana[];
  audit: Omit<Audit, 'actor'>;
}

type Audit = Pick<AuditEntry, 'actor' | 'action' | 'detail'>;

/**
 * Plan changes go through the stage skeleton with the plan as their record: versioned on the
 * plan and written by `simpan`. The plan's stage is completed by the atasan's confirmation, on
 * the evaluation (konfirmasiRencana), never here.
 */
const onRencana = <S extends RencanaLoaded>(load: (deps: Deps, p: Principal) => Promise<S>) =>
  stageChange<S, RencanaDecision, Awaited<ReturnType<typeof simpan>>>({
    load,
    assertVersion: ({ e, r }, _d, version) => assertVersiRencana(r, version, e),
    taskToken: () => undefined,
    commit: (deps, p, { e, r, cycleOpen }, { items, audit }) =>
      simpan(deps, e, r, items, { actor: actorOf(p), ...audit }, cycleOpen),
  });

/**
 * One transaction: the plan (versioned), and either the evaluation with its copy and the audit
 * entry (while its stage and its cycle are open) or only the audit entry on the evaluation's
 * trail. A closed cycle's evaluation stays as the close froze it (its write would be refused),
 * but the plan lives on into its year. A plan no evaluation proposed logs beside itself. A close
 * that commits between the read and this write makes it a 409; trying again writes the plan.
 */
async function simpan(
  deps: Deps,
  e: Evaluation | undefined,
  before: RencanaTersimpan,
  items: ItemRencana[],
  audit: Audit,
  cycleOpen: boolean,
): Promise<{ rencana: RencanaTersimpan; evaluation: Evaluation | undefined }> {
  const at = deps.now().toISOString();
  const rencana = denganTotal(
    { ...before, items, version: before.version + 1, updatedAt: at },
    hariIni(deps),
  );
  const put = rencanaSimpan(deps, rencana, before.version);
  if (e && cycleOpen && salinanTerbuka(e) && rencanaPada(e)?.tahun === rencana.tahun) {
    const evaluation = await commitChange(deps, {
      before: e,
      patch: denganRencana(rencana),
      audit,
      extra: [put],
      extraFailures: { 0: staleRencana },
    });
    return { rencana, evaluation };
  }
  const entry: AuditEntry = {
    ...audit,
    cycleId: e?.cycleId ?? '',
    nip: rencana.nip,
    at,
    version: e?.version ?? rencana.version,
  };
  const log = e
    ? auditPut(deps, entry)
    : auditPut(deps, entry, keys.rencanaLog(rencana.nip, rencana.tahun, at, deps.newId().slice(0, 8)));
  await transact(deps, [put, log], { 0: staleRencana });
  return { rencana, evaluation: e };
}

const itemAudit = (i: ItemRencana) => ({ id: i.id, pelatihanId: i.pelatihanId, judul: i.judul, jp: i.jp });

/** A duplicate is reported at the field the person chose, not at the plan's list index. */
function diPelatihanId(err: unknown): unknown {
  if (!(err instanceof DomainError) || err.code !== 'VALIDASI') return err;
  return validasi(
    err.message,
    err.issues.map((i) => ({ path: 'pelatihanId', message: i.message })),
  );
}

export async function addPelatihan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  pelatihanId: string,
) {
  return onRencana(rencanaUntukDiubah(cycleId, nip)).save(deps, p, version, ({ r }) => {
    const pelatihan = pelatihanById(pelatihanId);
    if (!pelatihan) {
      throw validasi('Pelatihan tidak ditemukan dalam katalog', [
        { path: 'pelatihanId', message: 'Pilih pelatihan dari katalog' },
      ]);
    }
    // Agency and jabatan training is paid from that agency's budget: seats are not open to others.
    if (!sesuaiSasaran(pelatihan, r.profil)) {
      throw validasi('Pelatihan ini tidak dapat ditambahkan', [
        { path: 'pelatihanId', message: 'Pelatihan ini diperuntukkan bagi OPD atau jabatan lain' },
      ]);
    }
    let items: ItemRencana[];
    try {
      items = unikkanId(tambahKeRencana(r.items, pelatihan, r.tahun));
    } catch (err) {
      throw diPelatihanId(err);
    }
    const item = items.at(-1)!;
    return {
      items,
      audit: { action: 'PELATIHAN_DITAMBAH', detail: { tahun: r.tahun, item: itemAudit(item) } },
    };
  });
}

function cariItem(items: readonly ItemRencana[], itemId: string): number {
  const i = items.findIndex((x) => x.id === itemId);
  if (i < 0) throw tidakDitemukan('Pelatihan ini tidak ada dalam rencana pengembangan');
  return i;
}

/** Cancelled, not deleted: the plan keeps what was intended and why it was dropped. */
export async function cancelPelatihan(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
  itemId: string,
  catatan: string,
) {
  const teks = catatan.trim();
  if (teks.length < CATATAN_MIN || teks.length > CATATAN_MAX) {
    throw validasi('Catatan pembatalan tidak valid', [
      {
        path: 'catatan',
        message:
          teks.length < CATATAN_MIN
            ? `Tuliskan alasan pembatalan (minimal ${CATATAN_MIN} karakter)`
            : `Paling banyak ${CATATAN_MAX} karakter`,
      },
    ]);
  }
  return onRencana(rencanaUntukDiubah(cycleId, nip)).save(deps, p, version, ({ e, r }) => {
    const i = cariItem(r.items, itemId);
    if (r.items[i]!.status === 'BATAL')
      throw konflik('Pelatihan ini sudah dibatalkan', { status: 'BATAL', stage: e.stage });
    const item = batalkan(r.items[i]!, teks);
    return {
      items: r.items.map((x, j) => (j === i ? item : x)),
      audit: {
        action: 'PELATIHAN_DIBATALKAN',
        detail: { tahun: r.tahun, item: itemAudit(item), catatan: teks },
      },
    };
  });
}

/** The evaluation whose stage a confirmation completes, and the plan it confirms (if made yet). */
interface Konfirmasi {
  e: Evaluation;
  r: RencanaTersimpan | undefined;
}

/**
 * A confirmation is a change of the plan, checked against the plan's version like every change
 * of the plan (adding, cancelling, completing), and it also completes the evaluation's stage: one
 * transaction writes the plan (on its version), the evaluation with its copy (on the version just
 * read) and the audit entry, then the workflow resumes.
 */
const onKonfirmasi = (cycleId: string, nip: string) =>
  stageChange<Konfirmasi, EvaluationDecision, Evaluation>({
    load: async (deps) => {
      const e = await evaluationFor(deps, cycleId, nip);
      const salinan = rencanaPada(e);
      return { e, r: salinan ? await getRencana(deps, nip, salinan.tahun) : undefined };
    },
    assertVersion: ({ e, r }, _d, version) => assertVersiRencana(r!, version, e),
    taskToken: ({ e }) => e.taskToken,
    commit: (deps, p, { e }, d) =>
      commitChange(deps, {
        before: e,
        patch: d.patch,
        remove: ['taskToken'],
        audit: { actor: actorOf(p), ...d.audit },
        ...(d.extra ? { extra: d.extra } : {}),
        ...(d.extraFailures ? { extraFailures: d.extraFailures } : {}),
      }),
  });

/**
 * The atasan agrees to the plan as it stands: completes the RENCANA_PENGEMBANGAN stage in one
 * transaction (the evaluation keeps the agreed plan), then resumes the workflow. `version` is
 * the plan's (RencanaTersimpan.version; on the evaluation, its copy's rencanaVersion).
 */
export async function confirmRencana(
  deps: Deps,
  p: Principal,
  cycleId: string,
  nip: string,
  version: number,
) {
  return onKonfirmasi(cycleId, nip).complete(deps, p, version, ({ e, r: found }) => {
    assertAction(e, p, 'KONFIRMASI_RENCANA', deps.now(), 'mengonfirmasi rencana pengembangan');
    assertMenunggu(e, 'konfirmasi rencana');
    if (!rencanaPada(e)) throw belumAda(e);
    if (!found) throw tidakDitemukan('Rencana pengembangan tidak ditemukan');
    const r = found;
    const at = deps.now().toISOString();
    const rencana: RencanaTersimpan = {
      ...r,
      konfirmasi: { cycleId, nip: p.nip, nama: p.nama, pada: at },
      version: r.version + 1,
      updatedAt: at,
    };
    return {
      patch: denganRencana(rencana, { status: 'SELESAI' }),
      audit: {
        action: 'RENCANA_DIKONFIRMASI',
        detail: {
          tahun: r.tahun,
          pelatihan: r.items.filter((i) => i.status !== 'BATAL').length,
          jpDirencanakan: r.jpDirencanakan,
        },
      },
      extra: [rencanaSimpan(deps, rencana, r.version)],
      extraFailures: { 0: staleRencana },
      output: () => ({ dikonfirmasiOleh: p.nip, pada: at, tahun: r.tahun }),
    };
  });
}

/**
 * The employee records a planned training as done, with its certificate, at any time of the
 * plan's year. Only one's own plan: the certificate is the employee's evidence.
 */
export async function completePelatihan(
  deps: Deps,
  p: Principal,
  tahun: number,
  itemId: string,
  version: number,
  sertifikat: Sertifikat,
) {
  return onRencana(rencanaSendiri(tahun)).save(deps, p, version, ({ r }) => {
    const i = cariItem(r.items, itemId);
    const item = tandaiSelesai(
      r.items[i]!,
      {
        nomor: sertifikat.nomor.trim(),
        tanggal: sertifikat.tanggal.trim(),
        penyelenggara: sertifikat.penyelenggara.trim(),
      },
      hariIni(deps),
    );
    return {
      items: r.items.map((x, j) => (j === i ? item : x)),
      audit: {
        action: 'PELATIHAN_SELESAI',
        detail: { tahun, item: itemAudit(item), sertifikat: item.sertifikat },
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** An evaluation with the live plan it proposed (if any) and that plan's JP against 20 JP. */
export async function rencanaEvaluasi(deps: Deps, p: Principal, cycleId: string, nip: string) {
  const detail = await evaluationDetail(deps, p, cycleId, nip);
  const salinan = rencanaPada(detail.evaluation);
  const rencana = salinan ? await getRencana(deps, nip, salinan.tahun) : undefined;
  return {
    ...detail,
    rencana,
    jp: rencana ? jpTotals(rencana.items, rencana.tahun, hariIni(deps)) : undefined,
  };
}

/** The signed-in person's own plans, newest year first, each with its JP summary. */
export async function rencanaSaya(deps: Deps, p: Principal) {
  return (await listRencana(deps, p.nip)).map((rencana) => ({
    rencana,
    jp: jpTotals(rencana.items, rencana.tahun, hariIni(deps)),
  }));
}

/**
 * Certified trainings of a year: evidence (bukti dukung) for that year's self-assessment. The
 * caller has already decided that its reader may see the evaluation.
 */
export async function pelatihanSelesai(deps: Deps, nip: string, tahun: number): Promise<ItemRencana[]> {
  const r = await getRencana(deps, nip, tahun);
  return (r?.items ?? []).filter((i) => i.status === 'SELESAI' && i.tahun === tahun);
}
