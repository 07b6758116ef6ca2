import type { RekanUntukPembaca } from '../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { BERAKHLAK, type KodeBerakhlak } from '../../../../shared/domain/evaluation/berakhlak.js';
import { BATAS_PENILAIAN } from '../../../../shared/domain/evaluation/penilaian-umum.js';
import { LIMITS, type TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { ErrorSummary } from '../common/fields.js';
import { CsrfField, Flash, Layout, VersionField } from '../common/layout.js';
import { evaluationHref } from './status.js';
import type { ReviewPageProps } from './mandiri-page.js';
import { atasanHref, penilaianAccess } from './penilaian-section.js';
import {
  LevelField,
  type PenilaianFailure,
  TextField,
  errorsOf,
  levelText,
  summaryIssues,
  valueOf,
  SimpanAjukan,
} from './penilaian-parts.js';
import { AtasanTampil, BarisMandiri, RekanTampil, SaranText } from './penilaian-tampil.js';

const atasanFields = (rows: readonly TargetRow[]) => [
  ...rows.flatMap((r) => [`baris.${r.id}.level`, `baris.${r.id}.catatan`]),
  'hasilKerja.level',
  'hasilKerja.alasan',
  ...BERAKHLAK.flatMap((v) => [`perilaku.${v.kode}.level`, `perilaku.${v.kode}.catatan`]),
  'perilakuKerja.level',
  'perilakuKerja.alasan',
];

/**
 * The atasan's review: the employee's self-assessment beside each rating, the system's capaian
 * and suggestion, and each peer's review by name (the atasan alone sees who said what).
 */
export function AtasanPage({ viewer, now, evaluation: e, rows, penilaian, flash, failure }: ReviewPageProps) {
  const access = penilaianAccess(e, viewer.user, now);
  const pa = e.penilaianAtasan;
  return (
    <Layout title="Penilaian kinerja oleh atasan" viewer={viewer}>
      {failure && (
        <ErrorSummary
          message={failure.message}
          issues={summaryIssues(failure, rows)}
          fields={atasanFields(rows)}
        />
      )}
      <Flash text={flash} />
      <p>
        <a href={evaluationHref(e)}>← Kembali ke evaluasi</a>
      </p>
      <h1>Penilaian kinerja oleh atasan</h1>
      <p class="muted">{`${e.nama}, siklus ${e.cycleId}`}</p>
      {access.nilaiKinerja ? (
        <AtasanForm viewer={viewer} e={e} rows={rows} penilaian={penilaian} failure={failure} />
      ) : pa ? (
        <>
          {!pa.diajukanPada && <p class="notice">Draf; belum diajukan.</p>}
          <AtasanTampil rows={rows} pa={pa} />
          {penilaian.rekan && (
            <>
              <h2>Penilaian rekan kerja</h2>
              <RekanTampil rekan={penilaian.rekan} />
            </>
          )}
        </>
      ) : (
        <p>Penilaian atasan belum diajukan, atau tahapnya tidak sedang terbuka untuk Anda.</p>
      )}
    </Layout>
  );
}

/** Each submitted peer review of one BerAKHLAK value, by name. */
function RekanPerNilai({ rekan, kode }: { rekan: RekanUntukPembaca | undefined; kode: KodeBerakhlak }) {
  if (rekan?.tampil !== 'PER_REKAN') return null;
  const answers = rekan.ulasan.filter((u) => u.nilai?.[kode]);
  if (answers.length === 0) return <p class="muted">Belum ada penilaian rekan untuk nilai ini.</p>;
  return (
    <ul>
      {answers.map((u) => (
        <li>
          {`${u.rekanNama}: ${levelText(u.nilai![kode]!.level).toLowerCase()}. `}
          <q>{u.nilai![kode]!.komentar}</q>
        </li>
      ))}
    </ul>
  );
}

/** The atasan's rating of one item and the optional note beside it (`<prefix>.level`, `.catatan`). */
function Nilai(p: {
  prefix: string;
  label: string;
  hint?: string | undefined;
  level: string | undefined;
  catatan: string | undefined;
  failure: PenilaianFailure | undefined;
  errors: Record<string, string>;
}) {
  const level = `${p.prefix}.level`;
  const catatan = `${p.prefix}.catatan`;
  return (
    <>
      <LevelField
        name={level}
        label={p.label}
        hint={p.hint}
        value={valueOf(p.failure, level, p.level)}
        errors={p.errors}
      />
      <TextField
        name={catatan}
        label="Catatan (boleh dikosongkan)"
        value={valueOf(p.failure, catatan, p.catatan)}
        errors={p.errors}
        max={BATAS_PENILAIAN.teks}
        rows={2}
      />
    </>
  );
}

function AtasanForm({
  viewer,
  e,
  rows,
  penilaian,
  failure,
}: Omit<ReviewPageProps, 'evaluation' | 'flash' | 'now'> & {
  e: EvaluationView;
  failure?: PenilaianFailure | undefined;
}) {
  const errors = errorsOf(failure);
  const pa = e.penilaianAtasan;
  const pm = e.penilaianMandiri;
  const { saran, rekan } = penilaian;
  const capaianLevel = new Map(saran?.capaian.map((c) => [c.rowId, c.level]));
  return (
    <form method="post" action={atasanHref(e)} class="panel">
      <CsrfField token={viewer.csrf} />
      <VersionField version={e.version} />
      <p>
        Nilai setiap hasil kerja, lalu hasil kerja dan perilaku kerja secara keseluruhan. Pegawai tidak
        melihat draf Anda; setelah diajukan, penilaian tidak dapat diubah dan predikat dihitung.
      </p>
      <h2>Hasil kerja</h2>
      {rows.map((row, i) => {
        const suggested = capaianLevel.get(row.id);
        return (
          <fieldset id={`baris-${row.id}`}>
            <legend>{`${i + 1}. ${row.rhk}`}</legend>
            <BarisMandiri row={row} b={pm?.baris[row.id]} saran={saran} narasi="Narasi pegawai" />
            <Nilai
              prefix={`baris.${row.id}`}
              label="Penilaian Anda untuk hasil kerja ini"
              hint={suggested ? `Menurut capaian: ${levelText(suggested).toLowerCase()}.` : undefined}
              level={pa?.baris[row.id]?.level ?? suggested}
              catatan={pa?.baris[row.id]?.catatan}
              failure={failure}
              errors={errors}
            />
          </fieldset>
        );
      })}
      <h2>Hasil kerja keseluruhan</h2>
      <SaranText saran={saran} />
      <p class="muted">
        Saran dihitung dari penilaian per hasil kerja yang tersimpan; simpan draf untuk memperbaruinya.
      </p>
      <LevelField
        name="hasilKerja.level"
        label="Hasil kerja keseluruhan"
        value={valueOf(failure, 'hasilKerja.level', pa?.hasilKerja.level ?? saran?.hasilKerja?.level)}
        errors={errors}
      />
      <TextField
        name="hasilKerja.alasan"
        label="Alasan"
        hint="Wajib bila berbeda dari saran sistem (minimal 10 karakter)."
        value={valueOf(failure, 'hasilKerja.alasan', pa?.hasilKerja.alasan)}
        errors={errors}
        max={LIMITS.comment}
      />
      <h2>Perilaku kerja (BerAKHLAK)</h2>
      {rekan && <RekanTampilRingkas rekan={rekan} />}
      {BERAKHLAK.map((v) => {
        const self = pm?.perilaku[v.kode];
        return (
          <fieldset>
            <legend>{v.nama}</legend>
            <p class="muted">{v.perilaku}</p>
            {e.ekspektasi[v.kode] && (
              <p>
                Ekspektasi khusus Anda: <q>{e.ekspektasi[v.kode]}</q>
              </p>
            )}
            <p>
              Penilaian diri pegawai: <strong>{levelText(self?.level)}</strong>
              {self?.contoh && (
                <>
                  . <q>{self.contoh}</q>
                </>
              )}
            </p>
            <RekanPerNilai rekan={rekan} kode={v.kode} />
            <Nilai
              prefix={`perilaku.${v.kode}`}
              label={`Penilaian Anda: ${v.nama}`}
              level={pa?.perilaku[v.kode]?.level}
              catatan={pa?.perilaku[v.kode]?.catatan}
              failure={failure}
              errors={errors}
            />
          </fieldset>
        );
      })}
      <h2>Perilaku kerja keseluruhan</h2>
      <LevelField
        name="perilakuKerja.level"
        label="Perilaku kerja keseluruhan"
        value={valueOf(failure, 'perilakuKerja.level', pa?.perilakuKerja.level)}
        errors={errors}
      />
      <TextField
        name="perilakuKerja.alasan"
        label="Alasan (boleh dikosongkan)"
        value={valueOf(failure, 'perilakuKerja.alasan', pa?.perilakuKerja.alasan)}
        errors={errors}
        max={LIMITS.comment}
      />
      <SimpanAjukan ajukan="Ajukan penilaian" />
    </form>
  );
}

function RekanTampilRingkas({ rekan }: { rekan: RekanUntukPembaca }) {
  if (rekan.tampil === 'RINGKASAN' && rekan.berlangsung) return null;
  return (
    <p class="muted">
      {`Rekan kerja: ${rekan.menjawab} dari ${rekan.diminta} sudah menjawab${rekan.dilewati ? `, ${rekan.dilewati} terlewat` : ''}. Rekan yang belum menjawab tidak menghambat pengajuan Anda.`}
    </p>
  );
}
