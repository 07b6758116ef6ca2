import type { RencanaTersimpan } from '../../../../shared/data/rencana.js';
import { HAK_JP_TAHUNAN, type JpTotals } from '../../../../shared/domain/development/index.js';
import type { Viewer } from '../common/types.js';
import { ErrorSummary } from '../common/fields.js';
import { Flash, Layout } from '../common/layout.js';
import { DaftarItem, type GagalRencana, JpBar, rencanaHref } from './parts.js';

export interface PengembanganSayaProps {
  viewer: Viewer;
  daftar: { rencana: RencanaTersimpan; jp: JpTotals }[];
  flash?: string | undefined;
  failure?: GagalRencana | undefined;
}

/** The employee's plans per year: what is planned, what is certified, and where to record it. */
export function PengembanganSayaPage({ viewer, daftar, flash, failure }: PengembanganSayaProps) {
  return (
    <Layout title="Pengembangan kompetensi saya" viewer={viewer}>
      {failure && <ErrorSummary message={failure.message} issues={failure.issues} fields={[]} />}
      <Flash text={flash} />
      <h1>Pengembangan kompetensi saya</h1>
      <p>
        {`Setiap ASN berhak atas pengembangan kompetensi paling sedikit ${HAK_JP_TAHUNAN} jam pelajaran (JP) setahun. `}
        Hanya pelatihan dengan sertifikat yang dihitung; catat sertifikat setiap pelatihan yang selesai.
        Pelatihan yang selesai menjadi bukti dukung pada penilaian kinerja tahun itu.
      </p>
      {daftar.length === 0 ? (
        <p>Belum ada rencana pengembangan kompetensi. Rencana disusun dari hasil evaluasi kinerja Anda.</p>
      ) : (
        daftar.map(({ rencana: r, jp }) => {
          const asal = r.usulan.at(-1);
          return (
            <section aria-labelledby={`tahun-${r.tahun}`}>
              <h2 id={`tahun-${r.tahun}`}>{`Tahun ${r.tahun}`}</h2>
              <JpBar jp={jp} tahun={r.tahun} id={`jp-${r.tahun}`} />
              <DaftarItem
                items={r.items}
                selesai={{ csrf: viewer.csrf, version: r.version }}
                failure={failure}
              />
              {asal && (
                <p>
                  <a href={rencanaHref({ cycleId: asal.cycleId, nip: r.nip })}>
                    {`Tambah atau batalkan pelatihan melalui rencana dari evaluasi ${asal.cycleId}`}
                  </a>
                </p>
              )}
            </section>
          );
        })
      )}
    </Layout>
  );
}
