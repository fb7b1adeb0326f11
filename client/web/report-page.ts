/**
 * /report — the ASN's daily report on a phone: today's mode and why (from the roster), the report form
 * (check-in, check-out, e-Kinerja "Progres Harian" lines, location when the letter asks for it) and the receipt.
 */
import { page } from './layout';

const SCRIPT = `
async function render(){
  var box = document.getElementById('today'); var out = document.getElementById('result');
  if (!(await ensureSession())) return;
  box.textContent = t('loading');
  try {
    var me = await api('GET', '/api/me'); window.ME = me;
    var p = policyId(), d = dayOf();
    document.getElementById('who').textContent = (me.name ? me.name + ' · ' : '') + 'NIP ' + me.sub;
    document.getElementById('when').textContent = p + ' · ' + d;
    var s = await api('GET', '/api/policies/' + encodeURIComponent(p) + '/days/' + d + '/people/' + encodeURIComponent(me.sub));
    var mode = (s.day && s.day.mode || s.roster.mode || '').toUpperCase();
    var why = (s.clauses || []).filter(function(c){ return c.text; }).map(function(c){ return '<blockquote id="clause">' + esc(c.text) + ' <span class="muted">[' + esc(c.ruleId) + ']</span></blockquote>'; }).join('');
    var html = '<p><span class="badge" id="mode">' + esc(mode) + '</span> ' + esc(t('mode_' + mode.toLowerCase())) + '</p><p class="muted"><span data-t="why">' + esc(t('why')) + '</span>: ' + esc(s.roster.reason) + '</p>' + why;
    if (s.day && s.day.report) html += '<div class="ok">' + esc(t('already')) + ' ' + esc(s.day.report.receiptId) + '</div>';
    var remote = mode === 'WFH' || mode === 'WFA';
    // The roster is published before the day's shard opens (07:00, or moments after the letter is issued): the
    // form waits for the open day, and today's page looks again until then.
    if (remote && !s.day) {
      html += '<p class="muted" id="not-open">' + esc(t('notOpen')) + '</p>';
      clearTimeout(window.RECHECK);
      if (d <= todayJakarta()) window.RECHECK = setTimeout(render, 5000);
    }
    box.innerHTML = html;
    document.getElementById('form').hidden = !(remote && s.day);
    document.getElementById('loc').hidden = mode !== 'WFA';
    if (!(mode === 'WFH' || mode === 'WFA')) out.innerHTML = '<p>' + esc(t('office')) + '</p>';
  } catch (e) { showError(box, e); }
}
function addLine(){ var l = document.querySelector('.line').cloneNode(true); l.querySelectorAll('input').forEach(function(i){ i.value = ''; }); document.getElementById('lines').appendChild(l); }
async function submitReport(ev){
  ev.preventDefault(); var out = document.getElementById('result'); out.textContent = t('loading');
  var progress = []; document.querySelectorAll('.line').forEach(function(l){ var a = l.querySelector('[name=activity]').value.trim(), o = l.querySelector('[name=output]').value.trim(); if (a || o) progress.push({ activity: a, output: o }); });
  var body = { nip: window.ME.sub, checkIn: document.getElementById('checkIn').value, progress: progress };
  var co = document.getElementById('checkOut').value; if (co) body.checkOut = co;
  var lat = document.getElementById('lat').value, lon = document.getElementById('lon').value;
  if (lat && lon) body.location = { lat: Number(lat), lon: Number(lon) };
  try {
    var r = await api('POST', '/api/policies/' + encodeURIComponent(policyId()) + '/days/' + dayOf() + '/reports', body);
    out.innerHTML = '<div class="ok" id="receipt"><strong>' + esc(t('received')) + '</strong><br>' + esc(t('receipt')) + ': <code id="receipt-id">' + esc(r.receiptId) + '</code><br>' + esc(t('at')) + ': ' + esc(new Date(r.acceptedAt).toLocaleString(LANG === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta' })) + ' WIB' + (r.late ? '<br><strong>' + esc(t('late')) + '</strong>' : '') + '</div>';
  } catch (e) { showError(out, e); }
}
function locate(){ navigator.geolocation && navigator.geolocation.getCurrentPosition(function(p){ document.getElementById('lat').value = p.coords.latitude.toFixed(5); document.getElementById('lon').value = p.coords.longitude.toFixed(5); }); }
window.render = render; render();
`;

const BODY = `<div id="app">
<section><div id="who" class="muted"></div><div id="when" class="muted"></div><h2 data-t="today">Hari ini</h2><div id="today"></div></section>
<section id="form" hidden><h2 data-t="report">Laporan harian</h2>
<form onsubmit="submitReport(event)">
<div class="row"><div><label for="checkIn" data-t="checkIn">Jam mulai</label><input id="checkIn" type="time" required value="07:30"></div>
<div><label for="checkOut" data-t="checkOut">Jam selesai</label><input id="checkOut" type="time"></div></div>
<div id="lines"><div class="line"><label data-t="activity">Kegiatan</label><input name="activity"><label data-t="output">Hasil / output</label><input name="output"></div></div>
<button type="button" class="small" onclick="addLine()" data-t="addLine">+ kegiatan</button>
<div id="loc" hidden><label data-t="location">Lokasi</label><div class="row"><input id="lat" placeholder="lat" inputmode="decimal"><input id="lon" placeholder="lon" inputmode="decimal"></div><button type="button" class="small" onclick="locate()" data-t="locate">Pakai lokasi saya</button></div>
<button class="primary" id="send" type="submit" data-t="send">Kirim laporan</button>
</form></section>
<section id="result" aria-live="polite"></section></div>`;

/** The report page's HTML. */
export function reportPage(): string {
  return page({
    title: { id: { title: 'Laporan Kerja ASN' }, en: { title: 'ASN work report' } },
    strings: {
      id: {
        today: 'Hari ini',
        why: 'Alasan',
        mode_wfh: 'Bekerja dari rumah (WFH)',
        mode_wfa: 'Bekerja dari mana saja (WFA)',
        mode_wfo: 'Bekerja di kantor (WFO)',
        report: 'Laporan harian',
        checkIn: 'Jam mulai',
        checkOut: 'Jam selesai',
        activity: 'Kegiatan',
        output: 'Hasil / output',
        addLine: '+ kegiatan',
        location: 'Lokasi',
        locate: 'Pakai lokasi saya',
        send: 'Kirim laporan',
        received: 'Laporan diterima.',
        receipt: 'Nomor tanda terima',
        at: 'Waktu',
        late: 'Terlambat (melewati batas waktu).',
        already: 'Laporan hari ini sudah diterima:',
        office: 'Hari ini Anda bekerja di kantor; tidak perlu laporan WFH.',
        notOpen: 'Laporan untuk hari ini belum dibuka. Halaman ini memeriksa lagi setiap 5 detik.',
      },
      en: {
        today: 'Today',
        why: 'Why',
        mode_wfh: 'Working from home (WFH)',
        mode_wfa: 'Working from anywhere (WFA)',
        mode_wfo: 'Working in the office (WFO)',
        report: 'Daily report',
        checkIn: 'Check-in',
        checkOut: 'Check-out',
        activity: 'Activity',
        output: 'Output',
        addLine: '+ activity',
        location: 'Location',
        locate: 'Use my location',
        send: 'Send report',
        received: 'Report received.',
        receipt: 'Receipt number',
        at: 'Time',
        late: 'Late (after the deadline).',
        already: 'Today’s report was already received:',
        office: 'You work in the office today; no WFH report is needed.',
        notOpen: 'Reports for this day are not open yet. This page checks again every 5 seconds.',
      },
    },
    body: BODY,
    script: SCRIPT,
  });
}
