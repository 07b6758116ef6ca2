import type { RekanUntukPembaca } from '../../../../shared/app/evaluation/penilaian-view.js';
import { KODE_BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import type { SaranAtasan } from '../../../../shared/domain/evaluation/penilaian-atasan.js';
import type {
  PenilaianAtasan,
  PenilaianMandiri,
} from '../../../../shared/domain/evaluation/penilaian-model.js';
import { MIN_JAWABAN_REKAN } from '../../../../shared/domain/evaluation/penilaian-rekan.js';
import { LEVEL } from '../../../../shared/domain/evaluation/predikat.js';
import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { angka, waktu } from '../common/format.js';
import { BuktiList, levelText, namaNilai } from './penilaian-parts.js';

const STATUS_REKAN_LABEL = {
  MENUNGGU: 'Belum menjawab',
  SELESAI: 'Sudah menjawab',
  DILEWATI: 'Terlewat (tenggat lewat)',
};

/** Capaian of one row as the system computed it, or why there is none. */
export function CapaianText({ row, saran }: { row: TargetRow; saran: SaranAtasan | undefined }) {
  const c = saran?.capaian.find((x) => x.rowId === row.id);
  return c ? (
    <>
      {`${angka(c.capaian)}%`} <span class="muted">({levelText(c.level).toLowerCase()})</span>
    </>
  ) : (
    <span class="muted">Belum dapat dihitung</span>
  );
}

export function SaranText({ saran }: { saran: SaranAtasan | undefined }) {
  return saran?.hasilKerja ? (
    <p>
      Saran sistem untuk hasil kerja: <strong>{levelText(saran.hasilKerja.level)}</strong>.{' '}
      {saran.hasilKerja.alasan}
    </p>
  ) : (
    <p class="muted">Saran hasil kerja belum dapat dihitung (belum ada realisasi hasil kerja utama).</p>
  );
}

/** One row as the employee reported it, with the capaian the system computed from it. */
export function BarisMandiri({
  row,
  b,
  saran,
  narasi,
}: {
  row: TargetRow;
  b: PenilaianMandiri['baris'][string] | undefined;
  saran: SaranAtasan | undefined;
  /** The narrative's label: whose it is, where that is not obvious. */
  narasi: string;
}) {
  return (
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
      <dt>{narasi}</dt>
      <dd>{b?.narasi || '-'}</dd>
      <dt>Bukti dukung</dt>
      <dd>
        <BuktiList bukti={b?.bukti ?? []} />
      </dd>
    </dl>
  );
}

export function MandiriTampil({
  rows,
  pm,
  saran,
}: {
  rows: TargetRow[];
  pm: PenilaianMandiri;
  saran: SaranAtasan | undefined;
}) {
  return (
    <>
      <ol class="plain">
        {rows.map((row) => (
          <li>
            <strong>{row.rhk}</strong>
            <BarisMandiri row={row} b={pm.baris[row.id]} saran={saran} narasi="Narasi" />
          </li>
        ))}
      </ol>
      <h4>Perilaku kerja menurut pegawai</h4>
      <ul class="plain">
        {KODE_BERAKHLAK.map((k) => (
          <li>
            <strong>{namaNilai(k)}</strong>: {levelText(pm.perilaku[k]?.level)}
            {pm.perilaku[k]?.contoh && <blockquote>{pm.perilaku[k]!.contoh}</blockquote>}
          </li>
        ))}
      </ul>
      {pm.diajukanPada && <p class="muted">Diajukan {waktu(pm.diajukanPada)}.</p>}
    </>
  );
}

export function AtasanTampil({ rows, pa }: { rows: TargetRow[]; pa: PenilaianAtasan }) {
  return (
    <>
      <ol class="plain">
        {rows.map((row) => (
          <li>
            <strong>{row.rhk}</strong>: {levelText(pa.baris[row.id]?.level)}
            {pa.baris[row.id]?.catatan && <blockquote>{pa.baris[row.id]!.catatan}</blockquote>}
          </li>
        ))}
      </ol>
      <p>
        Hasil kerja keseluruhan: <strong>{levelText(pa.hasilKerja.level)}</strong>
        {pa.hasilKerja.saran && pa.hasilKerja.saran !== pa.hasilKerja.level && (
          <> (saran sistem: {levelText(pa.hasilKerja.saran).toLowerCase()})</>
        )}
      </p>
      {pa.hasilKerja.alasan && <blockquote>{pa.hasilKerja.alasan}</blockquote>}
      <ul class="plain">
        {KODE_BERAKHLAK.map((k) => (
          <li>
            <strong>{namaNilai(k)}</strong>: {levelText(pa.perilaku[k]?.level)}
            {pa.perilaku[k]?.catatan && <blockquote>{pa.perilaku[k]!.catatan}</blockquote>}
          </li>
        ))}
      </ul>
      <p>
        Perilaku kerja keseluruhan: <strong>{levelText(pa.perilakuKerja.level)}</strong>
      </p>
      {pa.perilakuKerja.alasan && <blockquote>{pa.perilakuKerja.alasan}</blockquote>}
      {pa.diajukanPada && <p class="muted">Diajukan {waktu(pa.diajukanPada)}.</p>}
    </>
  );
}

/**
 * Peers as this reader may see them. The view decides it (penilaian-view.ts); this only
 * renders: per peer for the atasan, anonymous counts and sorted comments for everyone else.
 */
export function RekanTampil({ rekan }: { rekan: RekanUntukPembaca }) {
  if (rekan.tampil === 'RINGKASAN' && rekan.berlangsung) {
    return (
      <p class="muted">{`${rekan.diminta} rekan kerja diminta menilai. Ringkasan penilaian rekan ditampilkan setelah tahap penilaian selesai.`}</p>
    );
  }
  const jumlah = `${rekan.menjawab} dari ${rekan.diminta} rekan sudah menjawab${rekan.dilewati ? `, ${rekan.dilewati} terlewat` : ''}.`;
  if (rekan.tampil === 'PER_REKAN') {
    return (
      <>
        <p>{jumlah} Hanya Anda sebagai atasan yang melihat siapa menilai apa.</p>
        <ul class="plain">
          {rekan.ulasan.map((u) => (
            <li>
              <strong>{u.rekanNama}</strong> <span class="muted">({STATUS_REKAN_LABEL[u.status]})</span>
              {u.nilai && (
                <ul>
                  {KODE_BERAKHLAK.filter((k) => u.nilai![k]).map((k) => (
                    <li>
                      {namaNilai(k)}: {levelText(u.nilai![k]!.level)}. <q>{u.nilai![k]!.komentar}</q>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <p>{jumlah}</p>
      {!rekan.perNilai ? (
        <p class="muted">
          Kurang dari {MIN_JAWABAN_REKAN} rekan menjawab, sehingga isi penilaian rekan tidak ditampilkan agar
          penilai tetap tidak dikenali.
        </p>
      ) : (
        <>
          <p class="muted">Identitas rekan dirahasiakan; komentar diurutkan menurut abjad.</p>
          <ul class="plain">
            {rekan.perNilai.map((n) => (
              <li>
                <strong>{namaNilai(n.kode)}</strong>:{' '}
                {LEVEL.map((l) => `${levelText(l).toLowerCase()} ${n.jumlah[l] ?? 0}`).join(', ')}
                {n.komentar.length > 0 && (
                  <ul>
                    {n.komentar.map((k) => (
                      <li>
                        <q>{k}</q>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
