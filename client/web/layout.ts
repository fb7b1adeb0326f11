/**
 * The shell every page shares: mobile-first CSS, the language switch (Bahasa Indonesia first, English on
 * demand), the token (taken once from `#token=…`, kept in localStorage) and a small fetch helper that shows the
 * API's error message in the chosen language with its fields. Dates and times are the letter's own: "today" in
 * its zone, instants with its zone's label (WIB, WITA, WIT; see local-time-script.ts; a page awaits
 * `letterZone()` before `dayOf()`). No framework, no build step.
 */

import { LOCAL_TIME_SCRIPT } from './local-time-script';

/** Strings of one page in both languages. */
export type Strings = Readonly<Record<'id' | 'en', Readonly<Record<string, string>>>>;

const COMMON: Strings = {
  id: {
    lang: 'English',
    token: 'Token akses',
    save: 'Simpan',
    policy: 'Surat edaran',
    date: 'Tanggal',
    noToken: 'Masukkan token akses dari Sekretariat atau BKPSDM.',
    loading: 'Memuat…',
    noZone: 'Surat edaran ini belum terbit; zona waktunya belum diketahui.',
  },
  en: {
    lang: 'Bahasa Indonesia',
    token: 'Access token',
    save: 'Save',
    policy: 'Circular letter',
    date: 'Date',
    noToken: 'Enter the access token from the secretariat or HR.',
    loading: 'Loading…',
    noZone: 'This letter is not issued yet; its time zone is not known.',
  },
};

const CSS = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2330;line-height:1.45}
header{background:#0b4f8a;color:#fff;padding:.75rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:.5rem;flex-wrap:wrap}
header h1{font-size:1.1rem;margin:0}header button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;padding:.3rem .6rem}
main{max-width:960px;margin:0 auto;padding:1rem}section{background:#fff;border-radius:8px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}input,select,textarea{width:100%;padding:.55rem;font-size:1rem;border:1px solid #b8bfcc;border-radius:6px}
button.primary{background:#0b4f8a;color:#fff;border:0;border-radius:6px;padding:.7rem 1rem;font-size:1rem;margin-top:.8rem;width:100%}
button.small{padding:.3rem .5rem;margin:.1rem;border-radius:4px;border:1px solid #0b4f8a;background:#fff;color:#0b4f8a}
.row{display:flex;gap:.5rem}.row>*{flex:1}.muted{color:#5b6475;font-size:.9rem}
.ok{background:#e6f4ea;border-left:4px solid #1e8e3e;padding:.6rem}.err{background:#fce8e6;border-left:4px solid #d93025;padding:.6rem;white-space:pre-line}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:10px;background:#e8eef7;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #e3e6eb}
@media (min-width:700px){button.primary{width:auto}}
`;

const SCRIPT = `
var LANG = localStorage.getItem('edaran.lang') || 'id';
function t(k){ return (STRINGS[LANG] && STRINGS[LANG][k]) || k; }
function applyLang(){ document.documentElement.lang = LANG; document.querySelectorAll('[data-t]').forEach(function(el){ el.textContent = t(el.getAttribute('data-t')); }); }
function switchLang(){ LANG = LANG === 'id' ? 'en' : 'id'; localStorage.setItem('edaran.lang', LANG); applyLang(); if (window.render) window.render(); }
(function(){ var m = /[#&]token=([^&]+)/.exec(location.hash); if (m) { localStorage.setItem('edaran.token', decodeURIComponent(m[1])); history.replaceState(null, '', location.pathname + location.search); } })();
var QS = new URLSearchParams(location.search);
function token(){ return localStorage.getItem('edaran.token') || ''; }
function saveToken(){ var v = document.getElementById('token-input').value.trim(); if (v) { localStorage.setItem('edaran.token', v); location.reload(); } }
var ZONE = '';
async function letterZone(){ if (!ZONE) { var s = await api('GET', '/api/policies/' + encodeURIComponent(policyId())); if (!(s && s.policy && s.policy.timezone)) throw new Error(t('noZone')); ZONE = ianaZone(s.policy.timezone); } return ZONE; }
function policyId(){ var p = QS.get('policy') || localStorage.getItem('edaran.policy') || ''; if (p) localStorage.setItem('edaran.policy', p); return p; }
function dayOf(){ return QS.get('date') || todayIn(ZONE); }
function esc(s){ return String(s == null ? '' : s).replace(/[&<>"']/g, function(c){ return { '&':'&amp;', '<':'&lt;', '>':'&gt;', '"':'&quot;', "'":'&#39;' }[c]; }); }
function apiError(status, body){ var msg = body && body.message ? (body.message[LANG] || body.message.en) : ('HTTP ' + status); var lines = [msg + (body && body.error ? ' (' + body.error + ')' : '')]; (body && body.fields || []).forEach(function(f){ lines.push(f.field + ': ' + f.reason); }); if (!(body && body.fields && body.fields.length)) (body && body.problems || []).forEach(function(p){ lines.push(p); }); var e = new Error(lines.join('\\n')); e.status = status; e.body = body; return e; }
async function api(method, path, body){ var res = await fetch(path, { method: method, headers: Object.assign({ authorization: 'Bearer ' + token() }, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined }); var text = await res.text(); var data = null; try { data = text ? JSON.parse(text) : null; } catch (_) { data = text; } if (!res.ok) throw apiError(res.status, data); return data; }
function showError(el, err){ el.innerHTML = '<div class="err" role="alert">' + esc(err.message) + '</div>'; }
function tokenBox(){ return '<section id="token-box"><label for="token-input">' + esc(t('token')) + '</label><input id="token-input" autocomplete="off"><button class="primary" onclick="saveToken()">' + esc(t('save')) + '</button><p class="muted">' + esc(t('noToken')) + '</p></section>'; }
`;

/** A whole HTML page: the shared shell, the page's strings, its body and its script. */
export function page(opts: { title: Strings; strings: Strings; body: string; script: string }): string {
  const strings = {
    id: { ...COMMON.id, ...opts.title.id, ...opts.strings.id },
    en: { ...COMMON.en, ...opts.title.en, ...opts.strings.en },
  };
  // JSON in a script tag: escape "<" so no string can close the tag.
  const json = JSON.stringify(strings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title.id.title ?? 'edaran'}</title><style>${CSS}</style></head>
<body><header><h1 data-t="title">${opts.title.id.title ?? ''}</h1><button id="lang" onclick="switchLang()" data-t="lang">English</button></header>
<main>${opts.body}</main>
<script>var STRINGS = ${json};${LOCAL_TIME_SCRIPT}${SCRIPT}</script>
<script>${opts.script}
applyLang();</script>
</body></html>`;
}
