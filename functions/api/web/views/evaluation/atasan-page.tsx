import type { RekanUntukPembaca } from '../../../../../shared/app/evaluation/penilaian-view.js';
import type { EvaluationView } from '../../../../../shared/app/evaluation/queries.js';
import { BERAKHLAK, type KodeBerakhlak } from '../../../../../shared/domain/evaluation/berakhlak.js';
import { BATAS_PENILAIAN } from '../../../../../shared/domain/evaluation/penilaian-umum.js';
import { LIMITS, type TargetRow } from '../../../../../shared/domain/evaluation/skp.js';
import { angka } from '../../format.js';
import { ErrorSummary } from '../fields.js';
import { CsrfField, Flash, Layout, VersionField } from '../layout.js';
import { evaluationHref } from '../status.js';
import type { ReviewPageProps } from './mandiri-page.js';
import { atasanHref, penilaianAccess } from './penilaian-section.js';
import {
  BuktiList,
  LevelField,
  type PenilaianFailure,
  TextField,
  errorsOf,
  levelText,
  summaryIssues,
  valueOf,
} from './penilaian-parts.js';
import { AtasanTampil, CapaianText, RekanTampil, SaranText } from './penilaian-tampil.js';

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
export function AtasanPage({ viewer, evaluation: e, rows, penilaian, flash, failure }: ReviewPageProps) {
  const access = penilaianAccess(e, viewer.user);
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

function AtasanForm({
  viewer,
  e,
  rows,
  penilaian,
  failure,
}: Omit<ReviewPageProps, 'evaluation' | 'flash'> & {
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
        const b = pm?.baris[row.id];
        const level = `baris.${row.id}.level`;
        const catatan = `baris.${row.id}.catatan`;
        const suggested = capaianLevel.get(row.id);
        return (
          <fieldset id={`baris-${row.id}`}>
            <legend>{`${i + 1}. ${row.rhk}`}</legend>
            <dl class="facts">
              <dt>Indikator</dt>
              <dd>{row.indikator}</dd>
              <dt>Target</dt>
              <dd>{`${angka(row.target)} ${row.satuan}`}</dd>
              <dt>Realisasi</dt>
              <dd>{b?.realisasi !== undefined ? `${angka(b.realisasi)} ${row.satuan}` : '-'}</dd>
              <dt>Capaian</dt>
              <dd>
                <CapaianText row={row} saran={saran} />
              </dd>
              <dt>Narasi pegawai</dt>
              <dd>{b?.narasi || '-'}</dd>
              <dt>Bukti dukung</dt>
              <dd>
                <BuktiList bukti={b?.bukti ?? []} />
              </dd>
            </dl>
            <LevelField
              name={level}
              label="Penilaian Anda untuk hasil kerja ini"
              hint={suggested ? `Menurut capaian: ${levelText(suggested).toLowerCase()}.` : undefined}
              value={valueOf(failure, level, pa?.baris[row.id]?.level ?? suggested)}
              errors={errors}
            />
            <TextField
              name={catatan}
              label="Catatan (boleh dikosongkan)"
              value={valueOf(failure, catatan, pa?.baris[row.id]?.catatan)}
              errors={errors}
              max={BATAS_PENILAIAN.teks}
              rows={2}
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
        const level = `perilaku.${v.kode}.level`;
        const catatan = `perilaku.${v.kode}.catatan`;
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
            <LevelField
              name={level}
              label={`Penilaian Anda: ${v.nama}`}
              value={valueOf(failure, level, pa?.perilaku[v.kode]?.level)}
              errors={errors}
            />
            <TextField
              name={catatan}
              label="Catatan (boleh dikosongkan)"
              value={valueOf(failure, catatan, pa?.perilaku[v.kode]?.catatan)}
              errors={errors}
              max={BATAS_PENILAIAN.teks}
              rows={2}
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
      <div class="actions">
        <button type="submit" name="aksi" value="simpan" class="secondary">
          Simpan draf
        </button>
        <button type="submit" name="aksi" value="ajukan">
          Ajukan penilaian
        </button>
      </div>
    </form>
  );
}

function RekanTampilRingkas({ rekan }: { rekan: RekanUntukPembaca }) {
  if (rekan.tampil === 'RINGKASAN' && rekan.berlangsung) return null;
  return (
    <p class="muted">
      {`Rekan kerja: ${rekan.menjawab} dari ${rekan.diminta} sudah menjawab${rekan.terlewat ? `, ${rekan.terlewat} terlewat` : ''}. Rekan yang belum menjawab tidak menghambat pengajuan Anda.`}
    </p>
  );
}
