import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { angka } from '../common/format.js';
import { failureFor } from '../common/types.js';
import { type SkpFailure } from './skp-forms.js';
import { CsrfField, VersionField } from '../common/layout.js';
import { ASPEK_LABEL, JENIS_LABEL } from './labels.js';
import { Table } from '../common/table.js';

interface SkpTableProps {
  base: string;
  rows: TargetRow[];
  atasanRows: TargetRow[];
  editable: boolean;
  csrf: string;
  version: number;
  failure?: SkpFailure | undefined;
}

export function SkpTable({ base, rows, atasanRows, editable, csrf, version, failure }: SkpTableProps) {
  if (rows.length === 0) return <p class="muted">Belum ada hasil kerja.</p>;
  const atasanRhk = new Map(atasanRows.map((r) => [r.id, r.rhk]));
  return (
    <Table
      head={[
        'No',
        'Jenis',
        'Rencana hasil kerja (RHK)',
        'RHK pimpinan yang diintervensi',
        'Aspek',
        'Indikator kinerja',
        'Target',
        ...(editable ? ['Tindakan'] : []),
      ]}
    >
      {rows.map((row, i) => (
        <tr id={`baris-${row.id}`}>
          <td>{i + 1}</td>
          <td>{JENIS_LABEL[row.jenis] ?? row.jenis}</td>
          <td>{row.rhk}</td>
          <td>
            {row.intervensi ? (
              (atasanRhk.get(row.intervensi.rowId) ?? <span class="muted">RHK atasan tidak ditemukan</span>)
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
    </Table>
  );
}

interface RowActionsProps {
  base: string;
  row: TargetRow;
  n: number;
  csrf: string;
  version: number;
  failure?: SkpFailure | undefined;
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
