import { kirimPengingat } from '../../shared/app/evaluation/pengingat.js';
import { bacaHariPengingat } from '../../shared/domain/evaluation/pengingat.js';
import { getDeps } from '../../shared/runtime/deps.js';
import { parseWorkflowEvent, SendRemindersInput } from '../../shared/schemas/workflow.js';

/** Run daily by EventBridge Scheduler. Safe to run again: each reminder is written once. */
export const handler = async (event: unknown) => {
  parseWorkflowEvent(SendRemindersInput, event);
  const deps = getDeps();
  const hasil = await kirimPengingat(deps, deps.now(), {
    hari: bacaHariPengingat(process.env.PENGINGAT_HARI),
  });
  console.log(JSON.stringify({ pesan: 'pengingat terkirim', ...hasil }));
  return hasil;
};
