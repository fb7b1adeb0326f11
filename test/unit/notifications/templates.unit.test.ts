import {
  LANGUAGES,
  NOTIFICATION_KINDS,
  notificationContentSchema,
  renderNotification,
  zoneAbbreviation,
  type Language,
  type NotificationContent,
  type NotificationKind,
} from '../../../activities/notifications/templates/render';

// 08:00Z is 15.00 WIB, 16.00 WITA, 17.00 WIT.
const DEADLINE = '2021-01-27T08:00:00.000Z';
const LATER = '2021-01-27T10:30:00.000Z';

const SAMPLES: Record<NotificationKind, NotificationContent> = {
  'roster-notice': {
    kind: 'roster-notice',
    day: '2021-01-27',
    mode: 'WFH',
    reason: 'kuota 75% WFH',
    reportDeadline: DEADLINE,
    reportUrl: 'https://edaran.example/lapor',
  },
  'report-reminder': {
    kind: 'report-reminder',
    day: '2021-01-27',
    reportDeadline: DEADLINE,
    reportUrl: 'https://edaran.example/lapor',
  },
  'late-notice': { kind: 'late-notice', day: '2021-01-27', reportDeadline: DEADLINE },
  escalation: {
    kind: 'escalation',
    day: '2021-01-27',
    level: 2,
    subjectName: 'Budi Santoso',
    subjectNip: '198502022010011002',
    reportDeadline: DEADLINE,
    escalatedAt: LATER,
  },
  'hr-recap': {
    kind: 'hr-recap',
    day: '2021-01-27',
    unitName: 'BKPSDM',
    counts: {
      plannedRemote: 30,
      plannedOffice: 10,
      onTime: 25,
      late: 2,
      missing: 1,
      excused: 1,
      recalled: 1,
      escalated: 1,
    },
    recappedAt: LATER,
  },
  'evaluation-summary': {
    kind: 'evaluation-summary',
    from: '2021-01-27',
    to: '2021-02-09',
    days: 10,
    complianceRate: 0.9234,
    outcome: 'extend',
    completedAt: '2021-02-10T01:00:00.000Z',
  },
};

/** A word each kind's text must carry, per language: proof the right template ran. */
const MARKERS: Record<NotificationKind, Record<Language, RegExp>> = {
  'roster-notice': {
    id: /bekerja dari rumah \(WFH\)[\s\S]*Alasan: kuota 75% WFH/,
    en: /work from home \(WFH\)[\s\S]*Why:/,
  },
  'report-reminder': { id: /belum kami terima/, en: /have not yet received/ },
  'late-notice': { id: /terlambat|belum diterima/, en: /had not arrived/ },
  escalation: {
    id: /NIP 198502022010011002[\s\S]*Eskalasi tingkat 2/,
    en: /NIP 198502022010011002[\s\S]*level 2 escalation/,
  },
  'hr-recap': {
    id: /Laporan tepat waktu: 25[\s\S]*Tidak melapor: 1/,
    en: /Reports on time: 25[\s\S]*No report: 1/,
  },
  'evaluation-summary': { id: /92,3%[\s\S]*diperpanjang/, en: /92\.3%[\s\S]*extended/ },
};

const HELLO: Record<Language, string> = { id: 'Yth. Siti Aminah,', en: 'Dear Siti Aminah,' };

describe('notification templates', () => {
  it('has a sample for every kind, each valid under the content schema', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    for (const sample of Object.values(SAMPLES))
      expect(notificationContentSchema.safeParse(sample).success).toBe(true);
  });

  describe.each(NOTIFICATION_KINDS.flatMap((k) => LANGUAGES.map((l) => [k, l] as const)))(
    '%s in %s',
    (kind, lang) => {
      const ctx = {
        recipientName: 'Siti Aminah',
        letterNumber: 'B-104/BKPSDM/065.11/01/2021',
        timeZone: 'Asia/Makassar',
      };
      const out = renderNotification(SAMPLES[kind], ctx, lang);

      it('greets the recipient, names the letter and says what the kind is about', () => {
        expect(out.subject.length).toBeGreaterThan(10);
        expect(out.text.startsWith(HELLO[lang])).toBe(true);
        expect(out.text).toContain('B-104/BKPSDM/065.11/01/2021');
        expect(out.text).toMatch(MARKERS[kind][lang]);
      });

      it('shows times in local WITA time, never UTC', () => {
        if (kind === 'evaluation-summary') {
          expect(out.text).toContain(lang === 'id' ? 'pukul 09.00 WITA' : 'at 09:00 WITA');
        } else if (kind === 'hr-recap') {
          expect(out.text).toContain(lang === 'id' ? 'pukul 18.30 WITA' : 'at 18:30 WITA');
        } else {
          expect(out.text).toContain(lang === 'id' ? '16.00 WITA' : '16:00 WITA');
        }
        expect(out.text).not.toMatch(/UTC|Z\b|08[.:]00/);
      });

      it('writes dates in the message language', () => {
        expect(out.text).toContain(lang === 'id' ? 'Rabu, 27 Januari 2021' : 'Wednesday, 27 January 2021');
      });
    },
  );

  it('uses WIB, WITA and WIT by offset, also for aliases and other Indonesian zones', () => {
    const deadline = { ...SAMPLES['late-notice'] };
    const text = (timeZone: string) =>
      renderNotification(deadline, { recipientName: 'X', letterNumber: '1', timeZone }).text;
    expect(text('Asia/Jakarta')).toContain('15.00 WIB');
    expect(text('WIB')).toContain('15.00 WIB');
    expect(text('Asia/Pontianak')).toContain('15.00 WIB');
    expect(text('Asia/Makassar')).toContain('16.00 WITA');
    expect(text('Asia/Jayapura')).toContain('17.00 WIT');
    expect(zoneAbbreviation('Asia/Jayapura')).toBe('WIT');
  });

  it('leaves the report deadline out of an office-day notice', () => {
    const wfo = { ...SAMPLES['roster-notice'], mode: 'WFO' as const, reason: 'pimpinan' };
    const out = renderNotification(wfo, { recipientName: 'X', letterNumber: '1', timeZone: 'WIB' });
    expect(out.text).toContain('bekerja di kantor (WFO)');
    expect(out.text).not.toContain('paling lambat');
  });

  it('tells an excused person they need neither work nor report, in both languages', () => {
    const excused = {
      ...SAMPLES['roster-notice'],
      mode: 'EXCUSED' as const,
      reason: 'ketidakhadiran Anda hari ini dicatat sebagai izin',
      reasonEn: 'your absence today is recorded as excused',
    };
    const ctx = { recipientName: 'X', letterNumber: '1', timeZone: 'WITA' };
    const id = renderNotification(excused, ctx, 'id');
    expect(id.subject).toBe('Jadwal kerja Rabu, 27 Januari 2021: izin');
    expect(id.text).toContain('tercatat izin tidak masuk kerja');
    expect(id.text).toContain('Alasan: ketidakhadiran Anda hari ini dicatat sebagai izin.');
    expect(id.text).not.toMatch(/WFO|paling lambat|Tautan laporan/);
    const en = renderNotification(excused, ctx, 'en');
    expect(en.subject).toBe('Work arrangement for Wednesday, 27 January 2021: excused');
    expect(en.text).toContain('you are excused from work');
    expect(en.text).toContain('Why: your absence today is recorded as excused.');
    expect(en.text).not.toMatch(/WFO|Send your daily|Report link/);
  });

  it('ends the reason with one full stop, also when the explanation has its own', () => {
    const quoted = { ...SAMPLES['roster-notice'], reason: 'Dasar: [q] "bergantian 50%."' };
    const out = renderNotification(quoted, { recipientName: 'X', letterNumber: '1', timeZone: 'WIB' });
    expect(out.text).toContain('Alasan: Dasar: [q] "bergantian 50%."\n');
  });
});
