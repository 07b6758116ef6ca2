import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../shared/data/evaluations.js';
import { nipOfKey } from '../../infra/local/seed-data.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import {
  chromiumAvailable,
  noSidewaysScroll,
  openWeb,
  SHOTS,
  signIn as signInAs,
  type WebHarness,
} from '../support/browser.js';

let s: TestSystem;
let web: WebHarness;

describe.skipIf(!chromiumAvailable)(
  'web form in a real browser (phone viewport, JavaScript disabled)',
  () => {
    beforeAll(async () => {
      s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] }, passwords: true });
      await launchAndWait(s);
      await eventually(
        async () => (await getEvaluation(s.deps, s.cycle.id, nipOfKey('pranata2')))?.taskToken,
      );
      web = await openWeb(s);
    });
    afterAll(async () => {
      await web?.close();
      s?.stop();
    });

    const signIn = (key: string) => signInAs(web, key);

    it('drafts, submits, returns, resubmits and approves an SKP with plain HTML forms', async () => {
      const pegawai = await signIn('pranata2');
      expect(await pegawai.locator('html').getAttribute('lang')).toBe('id');
      await pegawai.getByRole('link', { name: /2027/ }).first().click();
      expect(await noSidewaysScroll(pegawai)).toBe(true);

      // Input the browser accepts but the rules refuse (a blank RHK) comes back next to its field,
      // with the other typed text kept.
      await pegawai.getByLabel('Rencana hasil kerja').fill('   ');
      await pegawai.getByLabel('Indikator kinerja').fill('Jumlah dataset yang dipublikasikan');
      await pegawai.getByLabel('Target (angka)').fill('25');
      await pegawai.getByLabel('Satuan').fill('dataset');
      await pegawai.getByRole('button', { name: /Tambah/ }).click();
      expect(await pegawai.getByRole('alert').first().innerText()).toMatch(/Rencana hasil kerja/);
      expect(await pegawai.getByLabel('Indikator kinerja').inputValue()).toBe(
        'Jumlah dataset yang dipublikasikan',
      );

      await pegawai.getByLabel('Rencana hasil kerja').fill('Tersedianya layanan data terbuka Kota Serang');
      await pegawai.getByRole('button', { name: /Tambah/ }).click();
      expect(await pegawai.getByRole('table').first().innerText()).toContain(
        'Jumlah dataset yang dipublikasikan',
      );
      await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).click();
      expect(await pegawai.locator('body').innerText()).toContain('Diajukan ke atasan');
      await pegawai.screenshot({ path: path.join(SHOTS, 'skp-diajukan.png'), fullPage: true });

      const atasan = await signIn('kabidaptika');
      await atasan
        .getByRole('link', { name: /Kotak masuk/ })
        .first()
        .click();
      await atasan
        .getByRole('link', { name: /Dewi Lestari/ })
        .first()
        .click();
      await atasan.getByLabel(/Catatan pengembalian/).fill('Tambahkan target waktu publikasi dataset');
      await atasan.getByRole('button', { name: /Kembalikan/ }).click();
      expect(await atasan.locator('body').innerText()).toContain('Dikembalikan');

      await pegawai.reload();
      expect(await pegawai.locator('body').innerText()).toContain('Tambahkan target waktu publikasi dataset');
      await pegawai.getByLabel('Rencana hasil kerja').fill('Tersedianya layanan data terbuka Kota Serang');
      await pegawai.getByLabel('Aspek').selectOption('WAKTU');
      await pegawai.getByLabel('Indikator kinerja').fill('Bulan publikasi seluruh dataset');
      await pegawai.getByLabel('Target (angka)').fill('11');
      await pegawai.getByLabel('Satuan').fill('bulan');
      await pegawai.getByRole('button', { name: /Tambah/ }).click();
      // Three colleagues of the agency will rate behaviour in the review stage.
      const calon = pegawai.locator('input[type=checkbox][name^="rekan."]');
      for (const i of [0, 1, 2]) await calon.nth(i).check();
      await pegawai.getByRole('button', { name: 'Simpan rekan penilai' }).click();
      await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).click();

      await atasan.reload();
      await atasan.getByRole('button', { name: 'Setujui' }).click();
      expect(await atasan.locator('body').innerText()).toContain('Tahap penetapan target selesai');

      // The workflow moves on to the wait for the assessment window.
      await eventually(async () => {
        await pegawai.reload();
        return (await pegawai.locator('body').innerText()).includes('Pelaksanaan (menunggu masa penilaian)');
      });
      expect(await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).count()).toBe(0);
      const history = await pegawai.locator('body').innerText();
      for (const text of ['Mengajukan SKP ke atasan', 'Mengembalikan SKP untuk diperbaiki', 'Menyetujui SKP'])
        expect(history).toContain(text);
      expect(await noSidewaysScroll(pegawai)).toBe(true);
      await pegawai.screenshot({ path: path.join(SHOTS, 'skp-selesai.png'), fullPage: true });
      const e = await getEvaluation(s.deps, s.cycle.id, nipOfKey('pranata2'));
      expect(e).toMatchObject({ stage: 'MENUNGGU_PENILAIAN', rekan: expect.any(Array) });
      expect(e!.rekan).toHaveLength(3);
    });
  },
);
