import { type JurisdictionProfile, type UnitSpec } from '../profile';
import {
  divisions,
  HOSPITAL_LINES,
  mix,
  officeStaff,
  PRINCIPAL,
  PUSKESMAS_LINES,
  slug,
  teachers,
} from '../kit';
import { type SectorId } from '../../../policy/sectors';

/** Regency-wide budget absorption (serapan anggaran) the December 2023 trial compares OPDs against. */
export const KEBUMEN_BUDGET_ABSORPTION = 0.78;

/** [id, name, sector, office staff, budget absorption, bidang, tags, fixture] of the dinas/badan OPDs. */
type OpdRow = readonly [string, string, SectorId, number, number, number, readonly string[], boolean];

// prettier-ignore
const OPDS: readonly OpdRow[] = [
  ['setda', 'Sekretariat Daerah', 'administration', 180, 0.81, 3, [], true],
  ['setwan', 'Sekretariat DPRD', 'administration', 80, 0.76, 2, [], false],
  ['inspektorat', 'Inspektorat Daerah', 'administration', 60, 0.84, 3, [], false],
  ['bappeda', 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah', 'administration', 55, 0.72, 3, [], true],
  ['bpkpad', 'Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah', 'administration', 120, 0.88, 4, [], true],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'administration', 60, 0.79, 3, ['hr-office'], false],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah', 'disaster', 45, 0.69, 3, ['disaster-response'], true],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'security-public-order', 30, 0.83, 2, [], false],
  ['satpolpp', 'Satuan Polisi Pamong Praja', 'security-public-order', 110, 0.74, 3, [], true],
  ['dpupr', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'construction', 110, 0.62, 4, [], true],
  ['perkim', 'Dinas Perumahan dan Kawasan Permukiman', 'basic-utilities', 50, 0.7, 3, [], false],
  ['dukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'civil-registry', 55, 0.85, 3, ['public-service-desk'], true],
  ['dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa', 'public-service', 45, 0.81, 3, [], false],
  ['dinsos', 'Dinas Sosial', 'public-service', 50, 0.79, 3, [], false],
  ['dppkbp3a', 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', 'public-service', 90, 0.82, 3, [], false],
  ['dishub', 'Dinas Perhubungan', 'transport', 60, 0.68, 3, [], true],
  ['diskominfo', 'Dinas Komunikasi dan Informatika', 'administration', 45, 0.9, 3, [], false],
  ['dinkopukm', 'Dinas Koperasi, Usaha Kecil dan Menengah', 'other', 40, 0.77, 3, [], false],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'public-service', 40, 0.92, 3, ['public-service-desk'], true],
  ['disnaker', 'Dinas Tenaga Kerja dan Transmigrasi', 'public-service', 35, 0.8, 2, [], false],
  ['distapang', 'Dinas Pertanian dan Pangan', 'logistics', 140, 0.71, 4, [], false],
  ['dinkan', 'Dinas Kelautan dan Perikanan', 'other', 40, 0.83, 2, [], false],
  ['disperindag', 'Dinas Perindustrian dan Perdagangan', 'distribution', 45, 0.76, 3, [], false],
  ['disparbud', 'Dinas Pariwisata dan Kebudayaan', 'other', 40, 0.66, 3, [], false],
  ['dispora', 'Dinas Pemuda dan Olahraga', 'other', 30, 0.88, 2, [], false],
  ['arpusda', 'Dinas Kearsipan dan Perpustakaan', 'administration', 35, 0.79, 2, [], false],
];

// prettier-ignore
const KECAMATAN: readonly string[] = [
  'Kebumen', 'Gombong', 'Adimulyo', 'Alian', 'Ambal', 'Ayah', 'Bonorowo', 'Buayan', 'Buluspesantren', 'Karanganyar',
  'Karanggayam', 'Karangsambung', 'Klirong', 'Kutowinangun', 'Kuwarasan', 'Mirit', 'Padureso', 'Pejagoan', 'Petanahan',
  'Poncowarno', 'Prembun', 'Puring', 'Rowokele', 'Sadang', 'Sempor', 'Sruweng',
];

/** The regency's 11 kelurahan (the rest of its villages are desa, not regency offices). */
const KELURAHAN: readonly (readonly [string, string])[] = [
  ['Kebumen', 'Kebumen'],
  ['Kebumen', 'Bumirejo'],
  ['Kebumen', 'Kutosari'],
  ['Kebumen', 'Panjer'],
  ['Kebumen', 'Selang'],
  ['Kebumen', 'Tamanwinangun'],
  ['Kebumen', 'Bandung'],
  ['Kebumen', 'Gemeksekti'],
  ['Kebumen', 'Kawedusan'],
  ['Gombong', 'Gombong'],
  ['Gombong', 'Wero'],
];

const HEAD_TITLES: Readonly<Record<string, string>> = {
  setda: 'Sekretaris Daerah',
  setwan: 'Sekretaris DPRD',
  inspektorat: 'Inspektur',
  satpolpp: 'Kepala Satuan Polisi Pamong Praja',
};

const SD_PER_KECAMATAN = 18;
const SMP_COUNT = 40;
const PUSKESMAS_COUNT = 35;

function units(): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const [id, name, sector, staff, absorption, bidang, tags, fixture] of OPDS) {
    out.push({
      id,
      name,
      sector,
      tags,
      data: { budgetAbsorption: absorption },
      head: { type: 'jpt', name: HEAD_TITLES[id] ?? `Kepala ${name.split(' ')[0] ?? ''}` },
      managers: divisions(bidang),
      staff: officeStaff(staff, 0.15),
      fixture,
    });
    if (id === 'satpolpp') {
      out.push({
        id: 'satpolpp.damkar',
        name: 'Bidang Pemadam Kebakaran dan Penyelamatan (Damkar)',
        sector: 'fire',
        parentId: 'satpolpp',
        head: { type: 'administrator', name: 'Kepala Bidang Pemadam Kebakaran' },
        teamLead: { type: 'pengawas', name: 'Kepala Regu Pos Damkar', teamSize: 10 },
        staff: mix(70, [
          ['pelaksana', 'Petugas Pemadam Kebakaran', 6, { femaleShare: 0.05 }],
          ['fungsional', 'Analis Kebakaran Ahli Pertama', 1],
          ['pelaksana', 'Petugas Pemadam Kebakaran', 3, { status: 'non-ASN', femaleShare: 0.05 }],
        ]),
        fixture: true,
      });
    }
  }
  out.push({
    id: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    sector: 'sanitation',
    tags: ['waste', 'waste-water'],
    data: { budgetAbsorption: 0.75 },
    head: { type: 'jpt', name: 'Kepala Dinas Lingkungan Hidup' },
    managers: divisions(3),
    staff: officeStaff(60, 0.1),
    fixture: true,
  });
  for (const [sub, name, tag] of [
    ['upt-persampahan', 'UPT Pengelolaan Persampahan', 'waste'],
    ['upt-air-limbah', 'UPT Pengelolaan Air Limbah Domestik', 'waste-water'],
  ] as const) {
    out.push({
      id: `dlh.${sub}`,
      name,
      sector: 'sanitation',
      tags: [tag],
      parentId: 'dlh',
      head: { type: 'pengawas', name: `Kepala ${name}` },
      teamLead: { type: 'pelaksana', name: 'Mandor', teamSize: 15 },
      staff: mix(tag === 'waste' ? 140 : 40, [
        ['pelaksana', tag === 'waste' ? 'Petugas Pengangkut Sampah' : 'Operator IPAL', 3],
        [
          'pelaksana',
          tag === 'waste' ? 'Petugas Kebersihan' : 'Petugas Sedot Tinja',
          5,
          { status: 'non-ASN' },
        ],
      ]),
      fixture: true,
    });
  }
  out.push({
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    sector: 'health',
    data: { budgetAbsorption: 0.77 },
    head: { type: 'jpt', name: 'Kepala Dinas Kesehatan' },
    managers: divisions(4),
    staff: [...officeStaff(60, 0.1), ...mix(20, [['fungsional', 'Epidemiolog Kesehatan Ahli Muda', 1]])],
    fixture: true,
  });
  for (let k = 1; k <= PUSKESMAS_COUNT; k++) {
    const kec = KECAMATAN[(k - 1) % KECAMATAN.length] as string;
    const nth = k > KECAMATAN.length ? ' II' : '';
    out.push({
      id: `dinkes.puskesmas-${slug(kec)}${nth ? '-2' : ''}`,
      name: `UPTD Puskesmas ${kec}${nth}`,
      sector: 'health',
      tags: ['puskesmas', 'public-service-desk'],
      parentId: 'dinkes',
      head: { type: 'fungsional', name: 'Dokter Ahli Madya (Kepala Puskesmas)' },
      flat: true,
      staff: mix(40, PUSKESMAS_LINES),
      fixture: k === 1,
    });
  }
  for (const [id, name, staff, absorption, fixture] of [
    ['rsud-soedirman', 'RSUD dr. Soedirman Kebumen', 650, 0.86, true],
    ['rsud-prembun', 'RSUD Prembun', 350, 0.73, true],
  ] as const) {
    out.push({
      id,
      name,
      sector: 'health',
      tags: ['hospital'],
      data: { budgetAbsorption: absorption },
      head: { type: 'jpt', name: 'Direktur' },
      managers: [
        { type: 'administrator', name: 'Wakil Direktur Pelayanan' },
        { type: 'administrator', name: 'Wakil Direktur Umum dan Keuangan' },
        { type: 'administrator', name: 'Kepala Bidang Keperawatan' },
      ],
      teamLead: { type: 'pengawas', name: 'Kepala Seksi Pelayanan', teamSize: 25 },
      staff: mix(staff, HOSPITAL_LINES),
      fixture,
    });
  }
  out.push({
    id: 'disdik',
    name: 'Dinas Pendidikan',
    sector: 'education',
    data: { budgetAbsorption: 0.8 },
    head: { type: 'jpt', name: 'Kepala Dinas Pendidikan' },
    managers: divisions(4),
    staff: [...officeStaff(70, 0.1), ...mix(20, [['fungsional', 'Pengawas Sekolah Ahli Madya', 1]])],
    fixture: true,
  });
  KECAMATAN.forEach((kec, kk) => {
    for (let n = 1; n <= SD_PER_KECAMATAN; n++) {
      out.push({
        id: `disdik.sdn-${n}-${slug(kec)}`,
        name: `SD Negeri ${n} ${kec}`,
        sector: 'education',
        tags: ['school'],
        parentId: 'disdik',
        head: PRINCIPAL,
        flat: true,
        staff: teachers(8 + ((n + kk) % 4), 0.3, 'SD'),
        fixture: kk === 0 && n === 1,
      });
    }
  });
  for (let n = 1; n <= SMP_COUNT; n++) {
    const kec = KECAMATAN[(n - 1) % KECAMATAN.length] as string;
    const ord = n > KECAMATAN.length ? 2 : 1;
    out.push({
      id: `disdik.smpn-${ord}-${slug(kec)}`,
      name: `SMP Negeri ${ord} ${kec}`,
      sector: 'education',
      tags: ['school'],
      parentId: 'disdik',
      head: PRINCIPAL,
      flat: true,
      staff: teachers(30, 0.25, 'SMP'),
      fixture: n === 1,
    });
  }
  KECAMATAN.forEach((kec, kk) => {
    const id = `kec-${slug(kec)}`;
    out.push({
      id,
      name: `Kecamatan ${kec}`,
      sector: 'subdistrict-village',
      tags: ['kecamatan', 'public-service-desk'],
      data: { budgetAbsorption: Math.round((0.66 + ((kk * 37) % 25) / 100) * 100) / 100 },
      head: { type: 'administrator', name: 'Camat' },
      managers: [{ type: 'administrator', name: 'Sekretaris Kecamatan' }],
      teamLead: { type: 'pengawas', name: 'Kepala Seksi', teamSize: 6 },
      staff: officeStaff(22, 0.2),
      fixture: kk < 2,
    });
    KELURAHAN.filter(([k]) => k === kec).forEach(([, kel], n) => {
      out.push({
        id: `${id}.kel-${slug(kel)}`,
        name: `Kelurahan ${kel}`,
        sector: 'subdistrict-village',
        tags: ['kelurahan', 'public-service-desk'],
        parentId: id,
        head: { type: 'pengawas', name: 'Lurah' },
        flat: true,
        staff: officeStaff(8, 0.25),
        fixture: kk === 0 && n === 0,
      });
    });
  });
  return out;
}

/** Kebumen regency (Central Java): ~40 OPD plus kecamatan, kelurahan, puskesmas and schools; ~10,000 staff. */
export const KEBUMEN: JurisdictionProfile = {
  id: 'kebumen',
  name: 'Pemerintah Kabupaten Kebumen',
  timeZone: 'Asia/Jakarta',
  referenceDate: '2023-12-04',
  data: { budgetAbsorption: KEBUMEN_BUDGET_ABSORPTION },
  emailDomain: 'kebumenkab.go.id',
  pppkShare: 0.08,
  fixtureFactor: 0.05,
  units: units(),
};
