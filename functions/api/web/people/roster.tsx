import type { ApplyResult, RosterImportPlan } from '../../../../shared/app/people/roster-import.js';
import type { Viewer } from '../common/types.js';
import { CsrfField, Layout } from '../common/layout.js';
import { Table } from '../common/table.js';

const MAX_LISTED = 200;

/** The upload form, on the admin page and again under a preview (browsers cannot keep a file). */
export function RosterUploadForm({
  csrf,
  action,
  sha256,
  label,
}: {
  csrf: string;
  action: string;
  sha256?: string;
  label: string;
}) {
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrf} />
      {sha256 && <input type="hidden" name="sha256" value={sha256} />}
      <div class="field">
        <label for={`berkas-${action.replace(/\W/g, '')}`}>
          Berkas roster (XLSX atau CSV, paling besar 4 MB)
        </label>
        <input
          id={`berkas-${action.replace(/\W/g, '')}`}
          type="file"
          name="berkas"
          accept=".xlsx,.csv"
          required
        />
      </div>
      {sha256 && (
        <>
          <div class="field">
            <label>
              <input type="checkbox" name="skipInvalid" value="ya" /> Terapkan baris yang valid dan lewati
              baris yang bermasalah
            </label>
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="allowMassDeactivation" value="ya" /> Saya memang bermaksud
              menonaktifkan banyak pegawai
            </label>
          </div>
        </>
      )}
      <button type="submit">{label}</button>
    </form>
  );
}

export function RosterSection({ csrf }: { csrf: string }) {
  return (
    <section aria-labelledby="roster">
      <h2 id="roster">Impor data pegawai (roster)</h2>
      <p class="muted">
        Satu baris per ASN. Berkas selalu diperiksa dulu; tidak ada yang disimpan sampai Anda menerapkannya.{' '}
        <a href="/admin/roster/templat">Unduh templat XLSX</a> (berisi daftar kode OPD dan unit kerja).
      </p>
      <RosterUploadForm csrf={csrf} action="/admin/roster/periksa" label="Periksa berkas" />
    </section>
  );
}

export function RosterPreviewPage({ viewer, plan }: { viewer: Viewer; plan: RosterImportPlan }) {
  const changes = [...plan.creates, ...plan.updates, ...plan.deactivations];
  const label = { BARU: 'Baru', UBAH: 'Diubah', NONAKTIF: 'Dinonaktifkan' } as const;
  return (
    <Layout title="Pratinjau impor roster" viewer={viewer}>
      <h1>Pratinjau impor roster</h1>
      <p>
        Berkas <strong>{plan.file.name}</strong>: {plan.creates.length} pegawai baru, {plan.updates.length}{' '}
        diubah, {plan.deactivations.length} dinonaktifkan, {plan.unchanged} tidak berubah.
      </p>
      {plan.warnings.map((w) => (
        <p class="flash" role="status">
          {w}
        </p>
      ))}
      {plan.errors.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>
            {plan.errors.length} kesalahan
            {plan.skippedRows.length > 0 && ` pada ${plan.skippedRows.length} baris`}
          </h2>
          <Table head={['Baris', 'Kolom', 'Masalah']}>
            {plan.errors.map((e) => (
              <tr>
                <td>{e.row || 'tidak ada di berkas'}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      {changes.length > 0 && (
        <>
          <h2>
            Perubahan{changes.length > MAX_LISTED ? ` (${MAX_LISTED} pertama dari ${changes.length})` : ''}
          </h2>
          <Table head={['Perubahan', 'NIP', 'Nama', 'OPD', 'Isian yang berubah']}>
            {changes.slice(0, MAX_LISTED).map((c) => (
              <tr>
                <td>{label[c.kind]}</td>
                <td>{c.nip}</td>
                <td>{c.nama}</td>
                <td>{c.opd}</td>
                <td>
                  {c.kind === 'UBAH'
                    ? c.changes
                        .map((f) => `${f.field}: ${String(f.from ?? '-')} → ${String(f.to ?? '-')}`)
                        .join('; ')
                    : ''}
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
      {changes.length === 0 && plan.errors.length === 0 ? (
        <p>Tidak ada yang perlu diubah: data sudah sama dengan berkas ini.</p>
      ) : (
        <>
          <h2>Terapkan</h2>
          <p class="muted">Pilih berkas yang sama sekali lagi; berkas lain akan ditolak.</p>
          <RosterUploadForm
            csrf={viewer.csrf}
            action="/admin/roster/terapkan"
            sha256={plan.file.sha256}
            label="Terapkan impor"
          />
        </>
      )}
      <p>
        <a href="/admin">Kembali ke halaman admin</a>
      </p>
    </Layout>
  );
}

export function RosterResultPage({ viewer, result }: { viewer: Viewer; result: ApplyResult }) {
  const failedPeople = result.failedBatches.reduce((n, b) => n + b.nips.length, 0);
  return (
    <Layout title="Hasil impor roster" viewer={viewer}>
      <h1>Hasil impor roster</h1>
      <p role="status">
        {result.created} pegawai baru, {result.updated} diubah, {result.deactivated} dinonaktifkan,{' '}
        {result.unchanged} tidak berubah; {result.skippedRows.length} baris dilewati. {result.transactions}{' '}
        transaksi, {result.writes} item ditulis.
      </p>
      {result.failedBatches.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>
            {result.failedBatches.length} kelompok gagal ({failedPeople} pegawai, tidak ada yang tersimpan
            sebagian)
          </h2>
          <ul>
            {result.failedBatches.map((b) => (
              <li>{`Kelompok ${b.batch}: ${b.reason}`}</li>
            ))}
          </ul>
          <p>Unggah berkas yang sama lagi: yang sudah tersimpan tidak akan ditulis ulang.</p>
        </div>
      )}
      {result.accounts &&
        result.accounts.created.failed.length + result.accounts.disabled.failed.length > 0 && (
          <p class="flash">
            Sebagian akun masuk belum dapat dibuat atau dinonaktifkan; ulangi impor untuk mencoba lagi.
          </p>
        )}
      <p>
        <a href="/admin">Kembali ke halaman admin</a>
      </p>
    </Layout>
  );
}
