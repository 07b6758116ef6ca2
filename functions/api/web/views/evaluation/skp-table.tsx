import type { TargetRow } from '../../../../../shared/domain/evaluation/skp.js';
import { angka } from '../../format.js';
import { type FormFailure, failureFor } from '../../types.js';
import { CsrfField, VersionField } from '../layout.js';
import { ASPEK_LABEL, JENIS_LABEL } from './labels.js';

interface SkpTableProps {
  base: string;
  rows: TargetRow[];
  atasanRows: TargetRow[];
  editable: boolean;
  csrf: string;
  version: number;
  failure?: FormFailure | undefined;
}

export function SkpTable({ base, rows, atasanRows, editable, csrf, version, failure }: SkpTableProps) {
  if (rows.length === 0) return <p class="muted">Belum ada hasil kerja.</p>;
  const atasanRhk = new Map(atasanRows.map((r) => [r.id, r.rhk]));
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">Jenis</th>
            <th scope="col">Rencana hasil kerja (RHK)</th>
            <th scope="col">RHK pimpinan yang diintervensi</th>
            <th scope="col">Aspek</th>
            <th scope="col">Indikator kinerja</th>
            <th scope="col">Target</th>
            {editable && <th scope="col">Tindakan</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr id={`baris-${row.id}`}>
              <td>{i + 1}</td>
              <td>{JENIS_LABEL[row.jenis] ?? row.jenis}</td>
              <td>{row.rhk}</td>
              <td>
                {row.intervensi ? (
                  (atasanRhk.get(row.intervensi.rowId) ?? (
                    <span class="muted">RHK atasan tidak ditemukan</span>
                  ))
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
              <td>{ASPEK_LABEL[row.aspek] ?? row.aspek}</td>
              <td>{row.indikator}</td>
              <td>
                {angka(row.target)} {row.satuan}
              </td>
              {editable && (
                <td>
                  <RowActions
                    base={base}
                    row={row}
                    n={i + 1}
                    csrf={csrf}
                    version={version}
                    failure={failureFor(failure, 'hapus', row.id)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowActionsProps {
  base: string;
  row: TargetRow;
  n: number;
  csrf: string;
  version: number;
  failure?: FormFailure | undefined;
}

function RowActions({ base, row, n, csrf, version, failure }: RowActionsProps) {
  const rowPath = `${base}/target/${encodeURIComponent(row.id)}`;
  const linked = row.linkCount ?? 0;
  return (
    <div class="actions">
      <a href={`${rowPath}/ubah`} aria-label={`Ubah hasil kerja nomor ${n}`}>
        Ubah
      </a>
      {linked > 0 ? (
        <span class="muted">Diintervensi {linked} RHK bawahan, tidak dapat dihapus</span>
      ) : (
        <form method="post" action={`${rowPath}/hapus`} class="inline">
          <CsrfField token={csrf} />
          <VersionField version={version} />
          <button type="submit" class="danger" aria-label={`Hapus hasil kerja nomor ${n}`}>
            Hapus
          </button>
        </form>
      )}
      {failure && <p class="field-error">{failure.message}</p>}
    </div>
  );
}
