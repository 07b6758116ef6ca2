import type { SaringanKatalog } from '../../../../shared/app/development/pengembangan.js';
import type { EvaluationView } from '../../../../shared/app/evaluation/queries.js';
import type { RencanaTersimpan } from '../../../../shared/data/rencana.js';
import { BERAKHLAK } from '../../../../shared/domain/evaluation/berakhlak.js';
import {
  type Pelatihan,
  type JpTotals,
  JENIS_BENTUK,
  JENIS_KOMPETENSI,
} from '../../../../shared/domain/development/index.js';
import { waktu } from '../common/format.js';
import type { Viewer } from '../common/types.js';
import { aksesRencana } from './rencana.js';
import { ErrorSummary } from '../common/fields.js';
import { Flash, Layout } from '../common/layout.js';
import { StageStatus, evaluationHref } from '../evaluation/status.js';
import { BENTUK_LABEL, JENIS_KOMPETENSI_LABEL } from './labels.js';
import {
  DaftarItem,
  type GagalRencana,
  JpBar,
  KonfirmasiForm,
  PelatihanKeterangan,
  TambahTombol,
  rencanaHref,
} from './parts.js';

export interface RencanaPageProps {
  viewer: Viewer;
  now: Date;
  evaluation: EvaluationView;
  rencana?: RencanaTersimpan | undefined;
  jp?: JpTotals | undefined;
  katalog: readonly Pelatihan[];
  saringan: SaringanKatalog;
  flash?: string | undefined;
  failure?: GagalRencana | undefined;
}

/** The catalogue filter: a plain GET form, so it works without script and can be bookmarked. */
function Saringan({ action, saringan }: { action: string; saringan: SaringanKatalog }) {
  return (
    <form method="get" action={action} class="panel">
      <div class="field">
        <label for="saring-jenis">Jenis kompetensi</label>
        <select id="saring-jenis" name="jenisKompetensi">
          <option value="">Semua</option>
          {JENIS_KOMPETENSI.map((j) => (
            <option value={j} selected={saringan.jenisKompetensi === j}>
              {JENIS_KOMPETENSI_LABEL[j]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="saring-nilai">Nilai BerAKHLAK yang dikembangkan</label>
        <select id="saring-nilai" name="nilai">
          <option value="">Semua</option>
          {BERAKHLAK.map((v) => (
            <option value={v.kode} selected={saringan.nilai === v.kode}>
              {v.nama}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="saring-bentuk">Bentuk</label>
        <select id="saring-bentuk" name="bentuk">
          <option value="">Semua</option>
          {JENIS_BENTUK.map((b) => (
            <option value={b} selected={saringan.bentuk === b}>
              {BENTUK_LABEL[b]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        Saring katalog
      </button>
    </form>
  );
}

export function RencanaPage({
  viewer,
  now,
  evaluation: e,
  rencana: r,
  jp,
  katalog,
  saringan,
  flash,
  failure,
}: RencanaPageProps) {
  const akses = aksesRencana(e, viewer.user, now);
  const base = rencanaHref(e);
  const title = `Rencana pengembangan kompetensi ${e.nama}`;
  const owner = viewer.user.nip === e.nip;
  return (
    <Layout title={title} viewer={viewer}>
      {failure && <ErrorSummary message={failure.message} issues={failure.issues} fields={[]} />}
      <Flash text={flash} />
      <h1>
        {title} <span class="muted">{r ? `tahun ${r.tahun}` : `siklus ${e.cycleId}`}</span>
      </h1>
      <p>
        <a href={evaluationHref(e)}>{`Kembali ke evaluasi siklus ${e.cycleId}`}</a>
        {owner && (
          <>
            {' · '}
            <a href="/pengembangan">Pengembangan kompetensi saya</a>
          </>
        )}
      </p>
      <dl class="facts">
        <dt>Pegawai</dt>
        <dd>{`${e.nama} (NIP ${e.nip}), ${e.jabatan}`}</dd>
        <dt>Tahap evaluasi</dt>
        <dd>
          <StageStatus e={e} />
        </dd>
        {r && (
          <>
            <dt>Diusulkan dari</dt>
            <dd>{r.usulan.map((u) => `evaluasi ${u.cycleId} (${waktu(u.pada)})`).join('; ') || '-'}</dd>
            <dt>Konfirmasi atasan</dt>
            <dd>
              {r.konfirmasi ? `${r.konfirmasi.nama}, ${waktu(r.konfirmasi.pada)}` : 'Belum dikonfirmasi'}
            </dd>
          </>
        )}
      </dl>
      {!r || !jp ? (
        <p>
          Rencana pengembangan belum disusun. Rekomendasi pelatihan dibuat otomatis dari hasil penilaian
          setelah umpan balik dan tanggapan pegawai selesai.
        </p>
      ) : (
        <>
          <JpBar jp={jp} tahun={r.tahun} id="jp-rencana" />
          <h2>Pelatihan dalam rencana</h2>
          <DaftarItem
            items={r.items}
            batal={
              akses.ubah
                ? {
                    action: (i) => `${base}/${i.id}/batal`,
                    csrf: viewer.csrf,
                    version: r.version,
                    dari: 'rencana',
                  }
                : undefined
            }
            failure={failure}
          />
          {akses.konfirmasi && (
            <KonfirmasiForm
              action={`${base}/konfirmasi`}
              csrf={viewer.csrf}
              version={r.version}
              dari="rencana"
              awaitingWorkflow={e.awaitingWorkflow}
              failure={failure?.form === 'konfirmasi' ? failure : undefined}
            />
          )}
          <Katalog
            r={r}
            katalog={katalog}
            saringan={saringan}
            base={base}
            viewer={viewer}
            ubah={akses.ubah}
          />
        </>
      )}
    </Layout>
  );
}

function Katalog({
  r,
  katalog,
  saringan,
  base,
  viewer,
  ubah,
}: {
  r: RencanaTersimpan;
  katalog: readonly Pelatihan[];
  saringan: SaringanKatalog;
  base: string;
  viewer: Viewer;
  ubah: boolean;
}) {
  const hidup = new Set(r.items.filter((i) => i.status !== 'BATAL').map((i) => i.pelatihanId));
  const alasan = new Map(r.rekomendasi.map((s) => [s.pelatihanId, s.alasan]));
  const form = { action: `${base}/tambah`, csrf: viewer.csrf, version: r.version, dari: 'rencana' as const };
  return (
    <section aria-labelledby="katalog">
      <h2 id="katalog">Katalog pelatihan</h2>
      <p class="muted">
        Hanya pelatihan yang terbuka bagi OPD dan jabatan pegawai ini. Pelatihan yang direkomendasikan dari
        hasil penilaian disertai alasannya.
      </p>
      <Saringan action={base} saringan={saringan} />
      {katalog.length === 0 ? (
        <p>Tidak ada pelatihan yang sesuai saringan ini.</p>
      ) : (
        <ul class="plain">
          {katalog.map((p) => (
            <li>
              <PelatihanKeterangan p={p} />
              {alasan.get(p.id)?.length ? (
                <>
                  <p>Direkomendasikan karena:</p>
                  <ul>
                    {alasan.get(p.id)!.map((a) => (
                      <li>{a}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {hidup.has(p.id) ? (
                <p class="muted">Sudah ada dalam rencana.</p>
              ) : (
                ubah && <TambahTombol {...form} pelatihan={p} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
