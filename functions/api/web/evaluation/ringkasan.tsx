import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { STAGE_LABEL } from '../../../../shared/domain/evaluation/evaluation.js';
import { LABEL_PREDIKAT } from '../../../../shared/domain/evaluation/hasil.js';
import type { Level } from '../../../../shared/domain/evaluation/predikat.js';
import type { RingkasanEvaluasi } from '../../../../shared/domain/evaluation/ringkasan.js';
import { angka, perubahanPredikat, tanggal, waktu } from '../common/format.js';
import { Layout } from '../common/layout.js';
import { PegawaiFacts } from './header.js';
import { evaluationHref } from './status.js';
import { ASPEK_LABEL, JENIS_LABEL } from './labels.js';
import { Table } from '../common/table.js';

const level = (l: Level | undefined) => (l ? LABEL_LEVEL[l] : '-');

/**
 * One printable page. Rendered without the site menu (no viewer for the layout), so that what
 * prints is the evaluation and nothing else; peer reviews appear as counts only.
 */
export function RingkasanPage({ r }: { r: RingkasanEvaluasi }) {
  const e = r.evaluation;
  return (
    <Layout title={`Ringkasan evaluasi ${e.nama} (${e.cycleId})`}>
      <h1>Ringkasan evaluasi kinerja</h1>
      {!r.final && (
        <p class="notice">
          Ringkasan sementara: evaluasi masih pada tahap {STAGE_LABEL[e.stage]}; isinya dapat berubah.
        </p>
      )}
      <dl class="facts">
        <PegawaiFacts e={e} />
        <dt>Atasan langsung</dt>
        <dd>{e.atasanNama ?? '-'}</dd>
        <dt>Periode</dt>
        <dd>
          {r.cycle
            ? `${r.cycle.nama} (${tanggal(r.cycle.mulai)} s.d. ${tanggal(r.cycle.selesai)})`
            : e.cycleId}
        </dd>
        {e.selesaiPada && (
          <>
            <dt>Selesai</dt>
            <dd>{waktu(e.selesaiPada)}</dd>
          </>
        )}
      </dl>

      <h2>Predikat kinerja</h2>
      {r.hasil ? (
        <dl class="facts">
          <dt>Hasil kerja</dt>
          <dd>{level(r.hasil.hasilKerja)}</dd>
          <dt>Perilaku kerja</dt>
          <dd>{level(r.hasil.perilaku)}</dd>
          <dt>Predikat</dt>
          <dd>
            <strong>{LABEL_PREDIKAT[r.hasil.predikat]}</strong>
          </dd>
          {r.putusanKeberatan && (
            <>
              <dt>Keberatan</dt>
              <dd>
                {r.putusanKeberatan.keputusan === 'DIREVISI'
                  ? `Direvisi: ${perubahanPredikat(LABEL_PREDIKAT[r.putusanKeberatan.sebelum.predikat], LABEL_PREDIKAT[r.putusanKeberatan.sesudah.predikat])}`
                  : 'Penilaian dipertahankan'}
                . {r.putusanKeberatan.alasan}
              </dd>
            </>
          )}
          {r.tanggapan && !r.putusanKeberatan && (
            <>
              <dt>Tanggapan</dt>
              <dd>
                {r.tanggapan.jenis === 'KEBERATAN'
                  ? 'Keberatan diajukan, belum diputus'
                  : r.tanggapan.jenis === 'DITERIMA_OTOMATIS'
                    ? 'Dianggap diterima (tidak ditanggapi sampai tenggat)'
                    : 'Diterima pegawai'}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p class="muted">Belum ada predikat.</p>
      )}

      <h2>Hasil kerja</h2>
      <Table
        head={['Rencana hasil kerja', 'Indikator dan target', 'Realisasi', 'Penilaian atasan', 'Umpan balik']}
      >
        {r.hasilKerja.map((b) => (
          <tr>
            <td>
              {b.rhk} <span class="muted">({JENIS_LABEL[b.jenis]})</span>
            </td>
            <td>
              {b.indikator}: {angka(b.target)} {b.satuan} <span class="muted">({ASPEK_LABEL[b.aspek]})</span>
            </td>
            <td>
              {b.realisasi === undefined
                ? '-'
                : `${angka(b.realisasi)} ${b.satuan}${b.capaian === undefined ? '' : ` (${angka(b.capaian)}%)`}`}
            </td>
            <td>{level(b.levelAtasan)}</td>
            <td>{b.umpanBalik ?? '-'}</td>
          </tr>
        ))}
      </Table>
      {r.alasanHasilKerja && <p>Catatan penilaian hasil kerja: {r.alasanHasilKerja}</p>}

      <h2>Perilaku kerja (BerAKHLAK)</h2>
      <Table head={['Nilai', 'Penilaian mandiri', 'Penilaian atasan']} class="ringkas">
        {r.perilaku.map((p) => (
          <tr>
            <td>{p.nama}</td>
            <td>{level(p.levelMandiri)}</td>
            <td>{level(p.levelAtasan)}</td>
          </tr>
        ))}
      </Table>
      {r.rekan && (
        <p>
          Rekan kerja: {r.rekan.menjawab} dari {r.rekan.diminta} rekan memberi penilaian
          {r.rekan.dilewati ? `, ${r.rekan.dilewati} terlewat` : ''}.
        </p>
      )}

      <h2>Umpan balik atasan</h2>
      {r.umpanBalik ? (
        <>
          <p>{r.umpanBalik.umum}</p>
          <p>
            <strong>Saran perbaikan:</strong> {r.umpanBalik.saran}
          </p>
        </>
      ) : (
        <p class="muted">Belum ada umpan balik.</p>
      )}

      <h2>Rencana pengembangan kompetensi</h2>
      {r.rencana ? (
        <>
          <p>
            Tahun {r.rencana.tahun}: {r.rencana.jpDirencanakan} JP direncanakan, {r.rencana.jpSudah} JP sudah
            ditempuh (hak paling sedikit 20 JP per tahun).
          </p>
          <ul>
            {r.rencana.items.map((i) => (
              <li>
                {i.judul} ({i.jp} JP)
                {i.status === 'SELESAI' ? ', selesai' : i.status === 'BATAL' ? ', batal' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">Belum ada rencana pengembangan.</p>
      )}
      <p>
        <a href={evaluationHref(e)}>Kembali ke halaman evaluasi</a>
      </p>
    </Layout>
  );
}
