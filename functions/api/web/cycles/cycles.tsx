import type {
  CycleDetail,
  CycleProgress,
  StatusPeluncuran,
} from '../../../../shared/app/evaluation/cycles.js';
import {
  type Cycle,
  JADWAL_LABEL,
  PERIODE,
  type Periode,
  DEADLINE_STAGES,
} from '../../../../shared/domain/evaluation/cycle.js';
import type { Opd } from '../../../../shared/domain/people/employee.js';
import type { Issue } from '../../../../shared/domain/errors.js';
import {
  STAGES,
  STAGE_LABEL,
  STATUS,
  STATUS_LABEL,
} from '../../../../shared/domain/evaluation/evaluation.js';
import { angka, tanggal, waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { ErrorSummary, Field, describedBy, fieldId, Input } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import { Table } from '../common/table.js';

export const PERIODE_LABEL: Record<Periode, string> = {
  TAHUNAN: 'Tahunan',
  TRIWULAN_I: 'Triwulan I',
  TRIWULAN_II: 'Triwulan II',
  TRIWULAN_III: 'Triwulan III',
  TRIWULAN_IV: 'Triwulan IV',
};
const CYCLE_STATUS: Record<Cycle['status'], string> = {
  DISIAPKAN: 'Disiapkan (belum diluncurkan)',
  DIBUKA: 'Berjalan',
  DITUTUP: 'Ditutup',
};
const STATUS_PELUNCURAN: Record<StatusPeluncuran, string> = {
  BERJALAN: 'Sedang berjalan',
  SELESAI: 'Selesai',
  GAGAL: 'Gagal: luncurkan lagi (aman diulang)',
  TIDAK_DIKETAHUI: 'Tidak diketahui (runtime dimulai ulang sebelum selesai): luncurkan lagi bila perlu',
};

/** A rejected submission, shown with what was typed. */
export interface CycleFailure {
  message: string;
  issues: Issue[];
}

/** Field names as posted: `jadwal.<TAHAP>` and `opd.<KODE>` are flattened record entries. */
export const CYCLE_FIELDS = [
  'id',
  'nama',
  'tahun',
  'periode',
  'mulai',
  'selesai',
  'graceDays',
  'scope',
  ...DEADLINE_STAGES.map((t) => `jadwal.${t}`),
];

export interface CyclesPageProps {
  viewer: Viewer;
  cycles: Cycle[];
  opd: Opd[];
  /** The create form's values: defaults for a period, or what was posted. */
  values: Record<string, string>;
  failure?: CycleFailure | undefined;
  flash?: string | undefined;
}

/** The period, posted as `periode` by both the pre-fill form and the create form. */
function PeriodeSelect({ name, value, error }: { name: string; value: string | undefined; error?: string }) {
  return (
    <Field name={name} label="Periode" error={error}>
      <select id={fieldId(name)} name="periode" {...describedBy(name, error)}>
        {PERIODE.map((p) => (
          <option value={p} selected={value === p}>
            {PERIODE_LABEL[p]}
          </option>
        ))}
      </select>
    </Field>
  );
}

const cycleHref = (id: string) => `/admin/siklus/${encodeURIComponent(id)}`;

export function CyclesPage({ viewer, cycles, opd, values, failure, flash }: CyclesPageProps) {
  // Issues on one OPD (`scope.3`) belong to the scope fieldset.
  const issues = (failure?.issues ?? []).map((i) => ({ ...i, path: i.path.replace(/^scope\..*/, 'scope') }));
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path] ??= i.message;
  const text = (name: string, label: string, extra: Record<string, string> = {}, hint?: string) => (
    <Input
      name={name}
      label={label}
      error={errors[name]}
      hint={hint}
      attrs={{ value: values[name] ?? '', ...extra }}
    />
  );
  const allOpd = (values.cakupan ?? 'ALL') === 'ALL';
  return (
    <Layout title="Siklus penilaian" viewer={viewer}>
      <h1>Siklus penilaian</h1>
      <Flash text={flash} />
      {failure && <ErrorSummary message={failure.message} issues={issues} fields={CYCLE_FIELDS} />}
      {cycles.length ? (
        <Table head={['Siklus', 'Periode', 'Status']}>
          {cycles.map((c) => (
            <tr>
              <td>
                <a href={cycleHref(c.id)}>{c.nama}</a> <span class="muted">({c.id})</span>
              </td>
              <td>{`${PERIODE_LABEL[c.periode]}: ${tanggal(c.mulai)} s.d. ${tanggal(c.selesai)}`}</td>
              <td>{CYCLE_STATUS[c.status]}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Belum ada siklus.</p>
      )}

      <section aria-labelledby="baru">
        <h2 id="baru">Buat siklus baru</h2>
        <form method="get" action="/admin/siklus#baru" class="panel">
          <p class="muted">Isi otomatis tanggal dan jadwal baku untuk satu periode, lalu ubah bila perlu.</p>
          <Input
            name="isi.tahun"
            posted="tahun"
            label="Tahun"
            type="number"
            attrs={{ value: values.tahun ?? '', min: '2000', max: '2100' }}
          />
          <PeriodeSelect name="isi.periode" value={values.periode} />
          <button type="submit" class="secondary">
            Isi jadwal baku
          </button>
        </form>

        <form method="post" action="/admin/siklus">
          <CsrfField token={viewer.csrf} />
          {text('nama', 'Nama siklus', { required: '' })}
          {text(
            'id',
            'ID siklus (boleh dikosongkan)',
            { pattern: '[A-Za-z0-9-]{1,40}' },
            'Kosong: tahun untuk siklus tahunan (2027) atau tahun-TW dan nomor triwulan (2027-TW1).',
          )}
          {text('tahun', 'Tahun', { type: 'number', required: '', min: '2000', max: '2100' })}
          <PeriodeSelect name="periode" value={values.periode} error={errors.periode} />
          {text('mulai', 'Mulai periode', { type: 'date', required: '' })}
          {text('selesai', 'Akhir periode', { type: 'date', required: '' })}
          {text(
            'graceDays',
            'Masa tenggang setelah tenggat terlewat (hari)',
            { type: 'number', min: '1', max: '60', required: '' },
            'Eskalasi berikutnya setelah sekian hari bila tahap masih terbuka.',
          )}

          <fieldset>
            <legend>Cakupan</legend>
            {errors.scope && (
              <p class="field-error" id={`${fieldId('scope')}-galat`}>
                {errors.scope}
              </p>
            )}
            <div class="field">
              <input type="radio" id={fieldId('scope')} name="cakupan" value="ALL" checked={allOpd} />{' '}
              <label for={fieldId('scope')}>Seluruh Kota Serang (semua OPD)</label>
            </div>
            <div class="field">
              <input type="radio" id={fieldId('cakupan.OPD')} name="cakupan" value="OPD" checked={!allOpd} />{' '}
              <label for={fieldId('cakupan.OPD')}>Hanya OPD yang dicentang:</label>
            </div>
            {opd.map((o) => (
              <div class="field">
                <input
                  type="checkbox"
                  id={fieldId(`opd.${o.kode}`)}
                  name={`opd.${o.kode}`}
                  value="ya"
                  checked={values[`opd.${o.kode}`] === 'ya'}
                />{' '}
                <label for={fieldId(`opd.${o.kode}`)}>{o.nama}</label>
              </div>
            ))}
          </fieldset>

          <fieldset>
            <legend>Jadwal (tanggal WIB)</legend>
            <p class="muted">
              Setiap tenggat berakhir pukul 23.59 WIB pada tanggalnya; masa penilaian dibuka pukul 00.00 WIB.
              Urutan harus sesuai tahap. Yang dikosongkan mengikuti jadwal baku.
            </p>
            {DEADLINE_STAGES.map((t) => text(`jadwal.${t}`, JADWAL_LABEL[t], { type: 'date' }))}
          </fieldset>
          <button type="submit">Buat siklus</button>
        </form>
      </section>
    </Layout>
  );
}

export interface CyclePageProps {
  viewer: Viewer;
  detail: CycleDetail;
  progres: CycleProgress;
  opd: Opd[];
  flash?: string | undefined;
  failure?: string | undefined;
}

function Peluncuran({ detail, jumlah }: { detail: CycleDetail; jumlah: number }) {
  const l = detail.peluncuran;
  // Launched in-process (the local runtime's start, the seed) leaves evaluations but no record.
  if (!l && jumlah > 0)
    return (
      <p>{`Siklus sudah berjalan dengan ${angka(jumlah)} evaluasi; peluncurannya tidak tercatat di halaman ini (misalnya diluncurkan saat sistem dimulai).`}</p>
    );
  if (!l) return <p>Siklus ini belum pernah diluncurkan.</p>;
  return (
    <dl class="facts">
      <dt>Peluncuran terakhir</dt>
      <dd>{`${waktu(l.mulai)}, eksekusi ${l.eksekusi}`}</dd>
      <dt>Status</dt>
      <dd>
        {STATUS_PELUNCURAN[l.status]}
        {l.status === 'BERJALAN' && <span class="muted"> (muat ulang halaman untuk status terbaru)</span>}
      </dd>
      {l.hasil && (
        <>
          <dt>Hasil</dt>
          <dd>
            {`${angka(l.hasil.employees)} pegawai aktif: ${angka(l.hasil.created)} evaluasi baru, ` +
              `${angka(l.hasil.started)} alur kerja dimulai, ${angka(l.hasil.alreadyStarted)} sudah berjalan ` +
              `(selesai ${waktu(l.hasil.selesai)})`}
          </dd>
        </>
      )}
    </dl>
  );
}

function Progres({ progres, opd }: { progres: CycleProgress; opd: Opd[] }) {
  const nama = new Map(opd.map((o) => [o.kode, o.singkatan]));
  const stages = STAGES.filter((s) => STATUS.some((x) => progres.perTahap[s][x] > 0));
  if (!progres.total) return <p>Belum ada evaluasi dalam siklus ini.</p>;
  return (
    <>
      <p>{`${angka(progres.total)} evaluasi.`}</p>
      <Table head={['Tahap', ...STATUS.map((x) => STATUS_LABEL[x])]} caption="Per tahap dan status">
        {stages.map((s) => (
          <tr>
            <th scope="row">{STAGE_LABEL[s]}</th>
            {STATUS.map((x) => (
              <td>{angka(progres.perTahap[s][x])}</td>
            ))}
          </tr>
        ))}
      </Table>
      <Table head={['OPD', 'Jumlah', ...stages.map((s) => STAGE_LABEL[s])]} caption="Per OPD dan tahap">
        {progres.perOpd.map((o) => (
          <tr>
            <th scope="row">
              <a href={`/opd/${encodeURIComponent(o.opd)}`}>{nama.get(o.opd) ?? o.opd}</a>
            </th>
            <td>{angka(o.total)}</td>
            {stages.map((s) => (
              <td>{angka(o.perTahap[s] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </Table>
    </>
  );
}

export function CyclePage({ viewer, detail, progres, opd, flash, failure }: CyclePageProps) {
  const c = detail.cycle;
  const base = cycleHref(c.id);
  const namaOpd = new Map(opd.map((o) => [o.kode, o.nama]));
  return (
    <Layout title={c.nama} viewer={viewer}>
      <p>
        <a href="/admin/siklus">Semua siklus</a>
      </p>
      <h1>{c.nama}</h1>
      <Flash text={flash} />
      {failure && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>Tidak dapat dilakukan</h2>
          <p>{failure}</p>
        </div>
      )}
      <dl class="facts">
        <dt>ID</dt>
        <dd>{c.id}</dd>
        <dt>Periode</dt>
        <dd>{`${PERIODE_LABEL[c.periode]} ${c.tahun}: ${tanggal(c.mulai)} s.d. ${tanggal(c.selesai)}`}</dd>
        <dt>Status</dt>
        <dd>{CYCLE_STATUS[c.status]}</dd>
        <dt>Cakupan</dt>
        <dd>
          {c.scope === 'ALL' ? 'Seluruh Kota Serang' : c.scope.map((k) => namaOpd.get(k) ?? k).join(', ')}
        </dd>
        <dt>Masa tenggang</dt>
        <dd>{`${c.graceDays} hari`}</dd>
      </dl>

      <section aria-labelledby="jadwal">
        <h2 id="jadwal">Jadwal</h2>
        <div class="table-scroll">
          <table class="ringkas">
            <tbody>
              {DEADLINE_STAGES.map((t) => (
                <tr>
                  <th scope="row">{JADWAL_LABEL[t]}</th>
                  <td>{waktu(c.jadwal[t])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="peluncuran">
        <h2 id="peluncuran">Peluncuran</h2>
        <p class="muted">
          Satu evaluasi dan satu alur kerja per pegawai aktif dalam cakupan. Aman diulang: yang sudah berjalan
          tidak dimulai dua kali, dan pegawai yang baru ditambahkan ikut diluncurkan.
        </p>
        <Peluncuran detail={detail} jumlah={progres.total} />
        {c.status !== 'DITUTUP' && (
          <form method="post" action={`${base}/luncurkan`}>
            <CsrfField token={viewer.csrf} />
            <button type="submit">
              {detail.peluncuran || progres.total > 0 ? 'Luncurkan lagi' : 'Luncurkan siklus'}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="masa-penilaian">
        <h2 id="masa-penilaian">Masa penilaian</h2>
        <p>
          {c.penilaianDibukaPada
            ? `Dibuka lebih awal oleh BKPSDM pada ${waktu(c.penilaianDibukaPada)}.`
            : `Dibuka sesuai jadwal pada ${waktu(c.jadwal.MENUNGGU_PENILAIAN)}.`}
        </p>
        {c.status === 'DIBUKA' && (
          <form method="post" action={`${base}/buka-penilaian`}>
            <CsrfField token={viewer.csrf} />
            <p class="muted">
              Semua evaluasi yang menunggu masa penilaian langsung lanjut ke penilaian mandiri; yang tiba
              kemudian tidak menunggu lagi.
            </p>
            <button type="submit" class="secondary">
              {c.penilaianDibukaPada
                ? 'Lanjutkan evaluasi yang masih menunggu'
                : 'Buka masa penilaian sekarang'}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="progres">
        <h2 id="progres">Progres</h2>
        <Progres progres={progres} opd={opd} />
        {c.status !== 'DISIAPKAN' && (
          <p>
            <a href={`${base}/kurva`}>Kurva distribusi dan penutupan siklus</a>
          </p>
        )}
      </section>
    </Layout>
  );
}
