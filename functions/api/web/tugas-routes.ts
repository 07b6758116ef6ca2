import type { Hono } from 'hono';
import { notifikasiSaya, tugasSaya } from '../../../shared/app/evaluation/tugas.js';
import type { AppEnv } from '../http/env.js';
import { requireSession, sendPage, viewerOf } from './respond.js';
import { NotifikasiPage } from './views/notifikasi.js';
import { TugasPage } from './views/tugas.js';

/** "Tugas saya" and "Notifikasi saya": personal lists, so every signed-in person has them. */
export function tugasRoutes(web: Hono<AppEnv>) {
  web.get('/tugas', requireSession, async (c) => {
    const tugas = await tugasSaya(c.var.config.deps(), c.var.principal);
    return sendPage(c, TugasPage({ viewer: viewerOf(c), tugas }));
  });

  web.get('/notifikasi', requireSession, async (c) => {
    const notices = await notifikasiSaya(c.var.config.deps(), c.var.principal);
    return sendPage(c, NotifikasiPage({ viewer: viewerOf(c), notices }));
  });
}
