/**
 * The small pages of sign-in: a personal link that expired or is invalid (never a dead end: SSO sign-in and a
 * fresh link are offered), sign-in failures, sign-out, and the development sign-in that lists the directory's
 * people (only without an identity provider, outside production, and marked as such).
 */
import { page, type Strings } from './layout';

const STRINGS: Strings = {
  id: {
    signIn: 'Masuk (SSO)',
    noSignIn: 'Belum ada cara masuk',
    noSignInText: 'Server ini belum dihubungkan ke SSO. Buka tautan pribadi dari pesan terbaru Anda.',
    signInFailed: 'Gagal masuk',
    signInFailedText: 'Proses masuk tidak berhasil. Silakan coba lagi.',
    signOut: 'Keluar',
    signedOut: 'Anda sudah keluar',
    signedOutText: 'Sesi Anda di perangkat ini sudah diakhiri.',
    linkExpired: 'Tautan sudah kedaluwarsa',
    linkExpiredText:
      'Tautan ini sudah tidak berlaku. Masuk dengan SSO, atau minta tautan baru yang dikirim ke kontak Anda yang terdaftar.',
    linkInvalid: 'Tautan tidak sah',
    linkInvalidText: 'Tautan ini tidak dapat dipakai. Masuk dengan SSO untuk membuka halaman Anda.',
    askAdmin: 'Hubungi admin kepegawaian unit Anda untuk tautan baru.',
    renew: 'Kirim tautan baru',
    renewSent: 'Tautan baru sudah dikirim',
    renewSentText: 'Tautan baru sudah dikirim ke kontak Anda yang terdaftar (email atau WhatsApp).',
    renewFailed: 'Tautan baru belum terkirim',
    renewFailedText: 'Tautan baru tidak dapat dikirim: kontak Anda belum terdaftar. Masuk dengan SSO.',
    devTitle: 'Masuk (mode pengembangan)',
    devWarning:
      'MODE PENGEMBANGAN: tanpa SSO siapa pun dapat masuk sebagai siapa saja. Halaman ini tidak ada bila EDARAN_OIDC_ISSUER diisi atau di produksi.',
    devNone: 'Belum ada direktori pegawai. Terbitkan surat edaran atau impor direktori lebih dulu.',
    devAlso: 'Juga sebagai',
    secretariat: 'Sekretariat',
    evaluator: 'Evaluator',
    supervisor: 'atasan',
    hr: 'kepegawaian',
    asThis: 'Masuk',
    orNip: 'Atau masuk dengan NIP',
  },
  en: {
    signIn: 'Sign in (SSO)',
    noSignIn: 'No way to sign in yet',
    noSignInText: 'This server is not connected to an SSO. Open the personal link in your latest message.',
    signInFailed: 'Sign-in failed',
    signInFailedText: 'Signing in did not succeed. Please try again.',
    signOut: 'Sign out',
    signedOut: 'You are signed out',
    signedOutText: 'Your session on this device has ended.',
    linkExpired: 'The link has expired',
    linkExpiredText:
      'This link is no longer valid. Sign in with SSO, or ask for a fresh link sent to your registered contact.',
    linkInvalid: 'Invalid link',
    linkInvalidText: 'This link cannot be used. Sign in with SSO to open your page.',
    askAdmin: 'Ask your unit’s HR administrator for a fresh link.',
    renew: 'Send a fresh link',
    renewSent: 'A fresh link was sent',
    renewSentText: 'A fresh link was sent to your registered contact (email or WhatsApp).',
    renewFailed: 'No fresh link was sent',
    renewFailedText: 'A fresh link cannot be sent: you have no registered contact. Sign in with SSO.',
    devTitle: 'Sign in (development mode)',
    devWarning:
      'DEVELOPMENT MODE: without SSO anyone can sign in as anyone. This page does not exist when EDARAN_OIDC_ISSUER is set or in production.',
    devNone: 'No staff directory yet. Issue a letter or import a directory first.',
    devAlso: 'Also as',
    secretariat: 'Secretariat',
    evaluator: 'Evaluator',
    supervisor: 'supervisor',
    hr: 'HR',
    asThis: 'Sign in',
    orNip: 'Or sign in with a NIP',
  },
};

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A sign-in page titled by the string `titleKey`, with `body` (its texts are `data-t` keys of STRINGS). */
export function authPage(titleKey: string, body: string): string {
  return page({
    title: {
      id: { title: STRINGS.id[titleKey] ?? titleKey },
      en: { title: STRINGS.en[titleKey] ?? titleKey },
    },
    strings: STRINGS,
    body: `<section id="auth">${body}</section>`,
    script: '',
  });
}

/** One person offered by the development sign-in. */
export interface SamplePerson {
  readonly nip: string;
  readonly name: string;
  readonly unitId: string;
  readonly positionName: string;
  readonly supervisor: boolean;
  readonly hr: boolean;
}

/** The development sign-in: one button per sample person, with the extra IdP roles to take. */
export function devSignInPage(people: readonly SamplePerson[], next: string): string {
  const rows = people
    .map(
      (p) =>
        `<tr data-nip="${escapeHtml(p.nip)}"><td>${escapeHtml(p.name)}<br><span class="muted">${escapeHtml(p.nip)} · ${escapeHtml(p.unitId)} · ${escapeHtml(p.positionName)}</span>` +
        (p.supervisor ? ' <span class="badge" data-t="supervisor">atasan</span>' : '') +
        (p.hr ? ' <span class="badge" data-t="hr">kepegawaian</span>' : '') +
        `</td><td><button class="small" name="nip" value="${escapeHtml(p.nip)}" data-t="asThis">Masuk</button></td></tr>`,
    )
    .join('');
  const roles =
    `<p><span data-t="devAlso">Juga sebagai</span>: <label class="inline"><input type="checkbox" name="secretariat" value="1"> <span data-t="secretariat"></span></label> ` +
    `<label class="inline"><input type="checkbox" name="evaluator" value="1"> <span data-t="evaluator"></span></label></p>`;
  const hiddenNext = `<input type="hidden" name="next" value="${escapeHtml(next)}">`;
  const body =
    `<div class="err" id="dev-warning" role="alert" data-t="devWarning"></div>` +
    (people.length === 0
      ? '<p data-t="devNone"></p>'
      : `<form method="post" action="/auth/dev">${hiddenNext}${roles}<table id="people">${rows}</table></form>`) +
    `<form method="post" action="/auth/dev" id="by-nip">${hiddenNext}<label for="dev-nip" data-t="orNip">Atau masuk dengan NIP</label>` +
    `<input id="dev-nip" name="nip" inputmode="numeric" autocomplete="off">${roles}<button class="primary" id="dev-sign-in" data-t="asThis">Masuk</button></form>`;
  return page({
    title: { id: { title: STRINGS.id.devTitle ?? '' }, en: { title: STRINGS.en.devTitle ?? '' } },
    strings: STRINGS,
    body: `<section id="auth">${body}</section>`,
    script: '',
  });
}
