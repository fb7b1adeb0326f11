/**
 * The shell every page shares: mobile-first CSS, the language switch (Bahasa Indonesia first, English on
 * demand), the session (an HttpOnly cookie the page never sees: set by a personal link or sign-in; the page only
 * asks /auth/session who is signed in and takes the CSRF token it sends with every change), sign-out, and a
 * small fetch helper that shows the API's error message in the chosen language with its fields. No token is
 * kept in localStorage or in the URL. No framework, no build step.
 */

/** Strings of one page in both languages. */
export type Strings = Readonly<Record<'id' | 'en', Readonly<Record<string, string>>>>;

const COMMON: Strings = {
  id: {
    lang: 'English',
    policy: 'Surat edaran',
    date: 'Tanggal',
    signInNeeded: 'Silakan masuk untuk membuka halaman ini, atau buka tautan pribadi dari pesan Anda.',
    signInButton: 'Masuk',
    signOutButton: 'Keluar',
    loading: 'Memuat…',
  },
  en: {
    lang: 'Bahasa Indonesia',
    policy: 'Circular letter',
    date: 'Date',
    signInNeeded: 'Please sign in to open this page, or open the personal link in your message.',
    signInButton: 'Sign in',
    signOutButton: 'Sign out',
    loading: 'Loading…',
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
.inline{display:inline;font-weight:400}.inline input{width:auto}a.button{display:inline-block;background:#0b4f8a;color:#fff;border-radius:6px;padding:.7rem 1rem;margin-top:.8rem;text-decoration:none}
header form{margin:0;display:inline}header form[hidden]{display:none}.row{display:flex;gap:.5rem}.row>*{flex:1}.muted{color:#5b6475;font-size:.9rem}
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
var QS = new URLSearchParams(location.search);
var SESSION = null;
async function ensureSession(){ if (SESSION && SESSION.signedIn) return true; var res = await fetch('/auth/session' + (policyId() ? '?policy=' + encodeURIComponent(policyId()) : ''), { credentials: 'same-origin' }); SESSION = await res.json(); var out = document.getElementById('sign-out'); if (out) out.hidden = !SESSION.signedIn; if (!SESSION.signedIn) { document.getElementById('app').innerHTML = signInBox(); applyLang(); return false; } return true; }
function signInBox(){ return '<section id="sign-in-box"><p>' + esc(t('signInNeeded')) + '</p>' + ((SESSION && (SESSION.signIn.sso || SESSION.signIn.dev)) ? '<a class="button" id="sign-in" href="/auth/login?next=' + encodeURIComponent(location.pathname + location.search) + '">' + esc(t('signInButton')) + '</a>' : '') + '</section>'; }
function todayJakarta(){ return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()); }
function policyId(){ var p = QS.get('policy') || localStorage.getItem('edaran.policy') || ''; if (p) localStorage.setItem('edaran.policy', p); return p; }
function dayOf(){ return QS.get('date') || todayJakarta(); }
function esc(s){ return String(s == null ? '' : s).replace(/[&<>"']/g, function(c){ return { '&':'&amp;', '<':'&lt;', '>':'&gt;', '"':'&quot;', "'":'&#39;' }[c]; }); }
function apiError(status, body){ var msg = body && body.message ? (body.message[LANG] || body.message.en) : ('HTTP ' + status); var lines = [msg + (body && body.error ? ' (' + body.error + ')' : '')]; (body && body.fields || []).forEach(function(f){ lines.push(f.field + ': ' + f.reason); }); if (!(body && body.fields && body.fields.length)) (body && body.problems || []).forEach(function(p){ lines.push(p); }); var e = new Error(lines.join('\\n')); e.status = status; e.body = body; return e; }
async function api(method, path, body){ var res = await fetch(path, { method: method, credentials: 'same-origin', headers: Object.assign(method !== 'GET' && SESSION ? { 'x-csrf-token': SESSION.csrfToken } : {}, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined }); var text = await res.text(); var data = null; try { data = text ? JSON.parse(text) : null; } catch (_) { data = text; } if (res.status === 401) { SESSION = null; await ensureSession(); } if (!res.ok) throw apiError(res.status, data); return data; }
function showError(el, err){ el.innerHTML = '<div class="err" role="alert">' + esc(err.message) + '</div>'; }
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
<body><header><h1 data-t="title">${opts.title.id.title ?? ''}</h1><span><button id="lang" onclick="switchLang()" data-t="lang">English</button> <form id="sign-out" method="post" action="/auth/logout" hidden><button data-t="signOutButton">Keluar</button></form></span></header>
<main>${opts.body}</main>
<script>var STRINGS = ${json};${SCRIPT}</script>
<script>${opts.script}
applyLang();</script>
</body></html>`;
}
