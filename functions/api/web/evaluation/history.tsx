import type { AuditEntry } from '../../../../shared/data/audit.js';
import { actorName, describeAudit } from './audit-text.js';
import { waktu } from '../common/format.js';

/** Newest first: the latest change is what people come to check. */
export function History({ history }: { history: AuditEntry[] }) {
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="riwayat">
      <h2 id="riwayat">Riwayat</h2>
      {entries.length === 0 ? (
        <p class="muted">Belum ada riwayat.</p>
      ) : (
        <ol class="plain" reversed>
          {entries.map((h) => (
            <li>
              <time datetime={h.at}>{waktu(h.at)}</time>, <strong>{actorName(h)}</strong>: {describeAudit(h)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
