import { type LeaderLine, type StaffLine } from './profile';

/** Splits a total into integer parts proportional to weights (largest remainder; parts sum to the total). */
export function split(wanted: number, weights: readonly number[]): number[] {
  const total = Math.round(wanted);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, k) => ({ k, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.k - b.k);
  for (const { k } of order) {
    if (rest <= 0) break;
    parts[k] = (parts[k] as number) + 1;
    rest--;
  }
  return parts;
}

/** Position lines of a typical office (secretariat and bidang staff), with weights. */
const OFFICE_LINES: readonly (readonly [StaffLine['type'], string, number])[] = [
  ['pelaksana', 'Pengadministrasi Umum', 22],
  ['pelaksana', 'Pengelola Keuangan', 10],
  ['pelaksana', 'Pengolah Data', 10],
  ['pelaksana', 'Pengelola Barang Milik Daerah', 5],
  ['pelaksana', 'Pengemudi', 4],
  ['fungsional', 'Pranata Komputer Ahli Pertama', 5],
  ['fungsional', 'Arsiparis Terampil', 5],
  ['fungsional', 'Perencana Ahli Muda', 4],
  ['fungsional', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 4],
  ['fungsional', 'Pengelola Pengadaan Barang/Jasa Ahli Pertama', 3],
];

/** `total` office staff: ASN pelaksana and fungsional, plus a share of non-ASN support staff. */
export function officeStaff(total: number, nonAsnShare = 0): StaffLine[] {
  const nonAsn = Math.round(total * nonAsnShare);
  const counts = split(
    total - nonAsn,
    OFFICE_LINES.map((l) => l[2]),
  );
  const lines: StaffLine[] = OFFICE_LINES.map(([type, name], k) => ({
    type,
    name,
    count: counts[k] as number,
  }));
  if (nonAsn > 0)
    lines.push({
      type: 'pelaksana',
      name: 'Tenaga Pendukung Administrasi',
      count: nonAsn,
      status: 'non-ASN',
    });
  return lines.filter((l) => l.count > 0);
}

/** Staff lines from `[type, name, weight, extra]` tuples sharing a total. */
export function mix(
  total: number,
  lines: readonly (readonly [StaffLine['type'], string, number, Partial<StaffLine>?])[],
): StaffLine[] {
  const counts = split(
    total,
    lines.map((l) => l[2]),
  );
  return lines
    .map(([type, name, , extra], k) => ({ ...extra, type, name, count: counts[k] as number }))
    .filter((l) => l.count > 0);
}

/** Second-level leaders: a secretary and `bidang` heads of division (all administrator). */
export function divisions(bidang: number, secretary = 'Sekretaris'): LeaderLine[] {
  const out: LeaderLine[] = [{ type: 'administrator', name: secretary }];
  for (let k = 1; k <= bidang; k++) out.push({ type: 'administrator', name: `Kepala Bidang ${roman(k)}` });
  return out;
}

/** Roman numerals for division and region names. */
export function roman(n: number): string {
  const table: readonly (readonly [number, string])[] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Kebab-case id from a name ("Kota Jakarta Pusat" → "kota-jakarta-pusat"). */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Health workers of a hospital: doctors, nurses, midwives, pharmacists, lab staff. */
export const HOSPITAL_LINES: readonly (readonly [StaffLine['type'], string, number, Partial<StaffLine>?])[] =
  [
    ['fungsional', 'Dokter Ahli Muda', 10],
    ['fungsional', 'Dokter Spesialis Ahli Madya', 5],
    ['fungsional', 'Perawat Ahli Pertama', 30, { femaleShare: 0.75 }],
    ['fungsional', 'Perawat Terampil', 20, { femaleShare: 0.75 }],
    ['fungsional', 'Bidan Terampil', 8, { femaleShare: 1 }],
    ['fungsional', 'Apoteker Ahli Pertama', 3],
    ['fungsional', 'Pranata Laboratorium Kesehatan Terampil', 4],
    ['fungsional', 'Radiografer Terampil', 2],
    ['pelaksana', 'Pengadministrasi Rekam Medis', 6],
    ['pelaksana', 'Pengelola Keuangan', 4],
    ['pelaksana', 'Petugas Kebersihan Rumah Sakit', 8, { status: 'non-ASN' }],
  ];

/** Staff of a puskesmas (community health centre). */
export const PUSKESMAS_LINES: readonly (readonly [StaffLine['type'], string, number, Partial<StaffLine>?])[] =
  [
    ['fungsional', 'Dokter Ahli Pertama', 3],
    ['fungsional', 'Dokter Gigi Ahli Pertama', 1],
    ['fungsional', 'Perawat Terampil', 10, { femaleShare: 0.75 }],
    ['fungsional', 'Bidan Terampil', 10, { femaleShare: 1 }],
    ['fungsional', 'Sanitarian Terampil', 2],
    ['fungsional', 'Nutrisionis Terampil', 2],
    ['pelaksana', 'Pengadministrasi Umum', 3],
  ];

/** Teachers (guru) of a school or a school region, a share of them PPPK, with school administration staff. */
export function teachers(
  total: number,
  pppkShare: number,
  level: 'SD' | 'SMP' | 'SMA' | 'SMK',
  adminStatus: StaffLine['status'] = 'non-ASN',
): StaffLine[] {
  const subject = level === 'SD' ? 'Guru Kelas' : level === 'SMK' ? 'Guru Produktif' : 'Guru Mata Pelajaran';
  return mix(total, [
    ['fungsional', `${subject} Ahli Pertama`, (1 - pppkShare) * 4, { degree: 'S.Pd.', femaleShare: 0.65 }],
    ['fungsional', `${subject} Ahli Muda`, (1 - pppkShare) * 4, { degree: 'S.Pd.', femaleShare: 0.65 }],
    ['fungsional', `${subject} Ahli Madya`, (1 - pppkShare) * 2, { degree: 'S.Pd.', femaleShare: 0.65 }],
    [
      'fungsional',
      `${subject} Ahli Pertama`,
      pppkShare * 10,
      { degree: 'S.Pd.', femaleShare: 0.65, status: 'PPPK' },
    ],
    ['pelaksana', 'Tenaga Administrasi Sekolah', 1, { status: adminStatus ?? 'non-ASN' }],
  ]);
}

/** A school principal: a teacher with the additional task of heading the school. */
export const PRINCIPAL: LeaderLine = { type: 'fungsional', name: 'Guru Ahli Madya (Kepala Sekolah)' };
