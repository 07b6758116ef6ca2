import {
  cariKatalog,
  pelatihanById,
  salinanTerbuka,
} from '../../../../shared/app/development/pengembangan.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import { rencanaPada } from '../../../../shared/data/rencana.js';
import { type ItemRencana, jpTotals } from '../../../../shared/domain/development/index.js';
import { availableActions } from '../../../../shared/domain/evaluation/actions.js';
import { tanggalWib } from '../../../../shared/domain/wib.js';
import { tanggal, waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { DaftarItem, JpBar, KonfirmasiForm, TambahForm, TambahTombol, rencanaHref } from './parts.js';

interface RencanaSectionProps {
  e: EvaluationView;
  viewer: Viewer;
  now: Date;
}

/** What the person may do with this evaluation's plan: the domain's available actions (the services' guards). */
export function aksesRencana(e: EvaluationView, user: Viewer['user'], now: Date) {
  const aksi = availableActions(e, user, now);
  return { ubah: aksi.has('UBAH_RENCANA'), konfirmasi: aksi.has('KONFIRMASI_RENCANA') };
}

function StatusRencana({ e }: { e: EvaluationView }) {
  const r = rencanaPada(e)!;
  if (salinanTerbuka(e)) {
    return e.stage === 'RENCANA_PENGEMBANGAN' ? (
      <p class="notice">
        Rekomendasi disusun dari hasil penilaian. Pegawai dan atasan dapat menyesuaikannya; atasan
        mengonfirmasi rencana untuk menyelesaikan tahap ini.
      </p>
    ) : (
      <p class="muted">Rekomendasi disusun; tahap rencana pengembangan segera dibuka.</p>
    );
  }
  return r.konfirmasi && r.konfirmasi.cycleId === e.cycleId ? (
    <p class="done">{`Rencana dikonfirmasi oleh ${r.konfirmasi.nama} pada ${waktu(r.konfirmasi.pada)}.`}</p>
  ) : (
    <p class="muted">Tenggat konfirmasi terlewati; rencana berlaku seperti direkomendasikan.</p>
  );
}

/**
 * The development plan this evaluation proposed (the evaluation's copy of it). While the stage
 * is open it follows every change and carries the forms; afterwards it is the plan as agreed,
 * and the plan page shows how it is being carried out.
 */
export function RencanaSection({ e, viewer, now }: RencanaSectionProps) {
  const r = rencanaPada(e);
  if (!r) return null;
  const akses = aksesRencana(e, viewer.user, now);
  const terbuka = salinanTerbuka(e);
  const ubah = terbuka && akses.ubah;
  const base = rencanaHref(e);
  const form = { csrf: viewer.csrf, version: r.rencanaVersion, dari: 'evaluasi' as const };
  const hidup = new Set(r.items.filter((i) => i.status !== 'BATAL').map((i) => i.pelatihanId));
  const lain = r.rekomendasi.filter((s) => !hidup.has(s.pelatihanId));
  return (
    <section aria-labelledby="rencana">
      <h2 id="rencana">{`Rencana pengembangan kompetensi tahun ${r.tahun}`}</h2>
      <StatusRencana e={e} />
      <JpBar jp={jpTotals(r.items, r.tahun, tanggalWib(now))} tahun={r.tahun} id="jp-evaluasi" />
      <h3>Pelatihan dalam rencana</h3>
      <DaftarItem
        items={r.items}
        batal={ubah ? { ...form, action: (i) => `${base}/${i.id}/batal` } : undefined}
      />
      {ubah && lain.length > 0 && (
        <>
          <h3>Rekomendasi lain dari hasil penilaian</h3>
          <ul class="plain">
            {lain.map((s) => {
              const p = pelatihanById(s.pelatihanId);
              return (
                <li>
                  <strong>{s.judul}</strong> <span class="muted">{`(${s.jp} JP)`}</span>
                  <ul>
                    {s.alasan.map((a) => (
                      <li>{a}</li>
                    ))}
                  </ul>
                  {p && <TambahTombol {...form} action={`${base}/tambah`} pelatihan={p} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {ubah && (
        <TambahForm
          {...form}
          action={`${base}/tambah`}
          pilihan={cariKatalog({ profil: r.profil }).filter((p) => !hidup.has(p.id))}
        />
      )}
      {akses.konfirmasi && (
        <KonfirmasiForm {...form} action={`${base}/konfirmasi`} awaitingWorkflow={e.awaitingWorkflow} />
      )}
      <p>
        <a href={base}>Buka halaman rencana pengembangan</a>
        {ubah
          ? ' untuk menelusuri dan menyaring seluruh katalog pelatihan.'
          : ' untuk melihat pelaksanaannya.'}
      </p>
    </section>
  );
}

/**
 * Read-only, beside the self-assessment: certified trainings of the evaluated year, offered
 * as evidence. The caller loads them with `pelatihanSelesai(deps, nip, tahun)`.
 */
export function PelatihanSelesaiSection({ items, tahun }: { items: readonly ItemRencana[]; tahun: number }) {
  return (
    <section aria-labelledby="pelatihan-selesai">
      <h2 id="pelatihan-selesai">{`Pelatihan yang telah selesai tahun ${tahun}`}</h2>
      <p class="muted">Pelatihan yang telah selesai tahun ini dapat dijadikan bukti dukung.</p>
      {items.length === 0 ? (
        <p>Belum ada pelatihan bersertifikat yang tercatat tahun ini.</p>
      ) : (
        <ul class="plain">
          {items.map((i) => (
            <li>
              <strong>{i.judul}</strong> <span class="muted">{`(${i.jp} JP)`}</span>
              {i.sertifikat && (
                <p>{`Sertifikat nomor ${i.sertifikat.nomor}, tanggal ${tanggal(i.sertifikat.tanggal)}, ${i.sertifikat.penyelenggara}.`}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
