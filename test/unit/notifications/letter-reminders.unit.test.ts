import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNotification } from '../../../activities/notifications/templates/render';
import { planPolicyDay } from '../../../domain/bridge';
import { parsePolicy } from '../../../domain/policy';

const examples = join(__dirname, '../../../examples/policies');
const load = (name: string) => {
  const r = parsePolicy(readFileSync(join(examples, name), 'utf8'), { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
};
const ctx = (timeZone: string) => ({ recipientName: 'Siti Aminah', letterNumber: 'P-334', timeZone });

describe("a letter's own reminder texts", () => {
  it('carries Kukar’s two reminders, as written, into the day’s plan (WITA)', () => {
    const plan = planPolicyDay(load('kukar-2021.yaml'), '2021-01-27');
    expect(plan.reminders.map((r) => [r.at, r.message])).toEqual([
      [
        '2021-01-26T23:30:00.000Z', // 07:30 WITA
        'Selamat pagi. Hari ini Anda WFH — laporkan kehadiran sebelum pukul 08.00 WITA.',
      ],
      [
        '2021-01-27T07:00:00.000Z', // 15:00 WITA
        'Pengingat — kirim laporan hasil kerja hari ini kepada atasan sebelum pukul 16.00 WITA.',
      ],
    ]);
  });

  it('sends the letter’s text as written instead of the generic reminder, in both languages', () => {
    const message = 'Selamat pagi. Hari ini Anda WFH — laporkan kehadiran sebelum pukul 08.00 WITA.';
    const content = {
      kind: 'report-reminder' as const,
      day: '2021-01-27',
      reportDeadline: '2021-01-27T08:00:00.000Z',
      reportUrl: 'https://edaran.example/lapor',
      reminder: 1,
      message,
    };
    const id = renderNotification(content, ctx('Asia/Makassar'), 'id');
    expect(id.text).toContain(message);
    expect(id.text).not.toMatch(/belum kami terima|WIB/);
    expect(id.text).toContain('https://edaran.example/lapor');
    const en = renderNotification(content, ctx('Asia/Makassar'), 'en');
    expect(en.text).toContain(`"${message}"`);
    // Without a text of its own, the generic reminder quotes the deadline in the letter's zone.
    const { message: _m, ...generic } = content;
    expect(renderNotification(generic, ctx('Asia/Makassar'), 'id').text).toContain('16.00 WITA');
  });

  it('quotes times across midnight in the letter’s zone: WIT is already the next day, WIB is not', () => {
    const content = {
      kind: 'escalation' as const,
      day: '2021-01-27',
      level: 1,
      subjectName: 'Budi',
      subjectNip: '198502022010011002',
      reportDeadline: '2021-01-27T08:00:00.000Z',
      escalatedAt: '2021-01-27T15:30:00.000Z', // 22:30 WIB, 23:30 WITA, 00:30 WIT the next day
    };
    expect(renderNotification(content, ctx('Asia/Jayapura'), 'id').text).toContain(
      'Kamis, 28 Januari 2021 pukul 00.30 WIT',
    );
    expect(renderNotification(content, ctx('Asia/Jakarta'), 'id').text).toContain(
      'Rabu, 27 Januari 2021 pukul 22.30 WIB',
    );
    expect(renderNotification(content, ctx('Asia/Makassar'), 'id').text).toContain(
      'Rabu, 27 Januari 2021 pukul 23.30 WITA',
    );
  });
});
