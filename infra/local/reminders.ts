import { kirimPengingat } from '../../shared/app/evaluation/pengingat.js';
import { bacaHariPengingat } from '../../shared/domain/evaluation/pengingat.js';
import type { Deps } from '../../shared/runtime/deps.js';

const HOURLY = 3_600_000;

/**
 * The cloud's daily EventBridge schedule, locally: the same job, once at start and then every
 * hour (a laptop is rarely on at 07:00 WIB). It writes each reminder once however often it
 * runs. Local mode has no email sender, so reminders are notices only. Returns the stop.
 */
export function startReminderTimer(deps: Deps, log: (msg: string) => void, everyMs = HOURLY): () => void {
  const hari = bacaHariPengingat(process.env.PENGINGAT_HARI);
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await kirimPengingat(deps, deps.now(), { hari });
      log(`pengingat: ${r.dibuat} baru dari ${r.diperiksa} tahap terbuka`);
    } catch (err) {
      console.error('[kinerja] pengingat gagal:', err);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
