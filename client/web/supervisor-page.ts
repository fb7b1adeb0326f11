/**
 * /supervisor — a supervisor's (or HR's) people today: who works where, who reported, who is missing, and the
 * three actions on a person: acknowledge an escalation, excuse an absence, recall to the office.
 */
import { page } from './layout';

const SCRIPT = `
async function render(){
  var box = document.getElementById('team');
  if (!(await ensureSession())) return;
  box.textContent = t('loading');
  try {
    var p = policyId(), d = dayOf();
    document.getElementById('when').textContent = p + ' · ' + d;
    var r = await api('GET', '/api/policies/' + encodeURIComponent(p) + '/days/' + d + '/team');
    var missing = r.team.filter(function(m){ return m.missing; }).length;
    var rows = r.team.map(function(m){
      var st = m.report ? t('st_' + m.report.status) : (m.missing ? t('missing') : '-');
      return '<tr data-nip="' + esc(m.nip) + '"><td>' + esc(m.name || m.nip) + '<br><span class="muted">' + esc(m.nip) + ' · ' + esc(m.unitId) + '</span></td><td>' + esc(m.mode) + '</td><td>' + esc(st) + (m.openEscalationLevel ? ' <span class="badge">L' + m.openEscalationLevel + '</span>' : '') + '</td><td>'
        + '<button class="small" onclick="act(\\'' + esc(m.nip) + '\\',\\'acknowledge\\')">' + esc(t('ack')) + '</button>'
        + '<button class="small" onclick="act(\\'' + esc(m.nip) + '\\',\\'excuse\\')">' + esc(t('excuse')) + '</button>'
        + '<button class="small" onclick="act(\\'' + esc(m.nip) + '\\',\\'recall\\')">' + esc(t('recall')) + '</button></td></tr>';
    }).join('');
    box.innerHTML = '<p><strong>' + r.team.length + '</strong> ' + esc(t('people')) + ', <strong id="missing-count">' + missing + '</strong> ' + esc(t('missing')) + '</p><table><thead><tr><th>' + esc(t('name')) + '</th><th>' + esc(t('mode')) + '</th><th>' + esc(t('status')) + '</th><th></th></tr></thead><tbody>' + rows + '</tbody></table>';
  } catch (e) { showError(box, e); }
}
async function act(nip, action){
  var out = document.getElementById('result'); var body = {};
  if (action === 'excuse') { var reason = document.getElementById('excuse-reason').value; body.reason = reason; }
  var note = document.getElementById('note').value.trim(); if (note) body.note = note;
  try { await api('POST', '/api/policies/' + encodeURIComponent(policyId()) + '/days/' + dayOf() + '/people/' + encodeURIComponent(nip) + '/' + action, body); out.innerHTML = '<div class="ok">' + esc(t('done')) + ' ' + esc(nip) + '</div>'; render(); }
  catch (e) { showError(out, e); }
}
window.render = render; render();
`;

const BODY = `<div id="app">
<section><div id="when" class="muted"></div><h2 data-t="teamToday">Tim hari ini</h2>
<div class="row"><div><label for="excuse-reason" data-t="excuseReason">Alasan dimaklumi</label><select id="excuse-reason"><option value="sick" data-t="sick">Sakit</option><option value="leave" data-t="leave">Cuti</option><option value="official-travel" data-t="travel">Dinas luar</option></select></div>
<div><label for="note" data-t="note">Catatan</label><input id="note"></div></div></section>
<section id="result" aria-live="polite"></section>
<section id="team"></section></div>`;

/** The supervisor page's HTML. */
export function supervisorPage(): string {
  return page({
    title: { id: { title: 'Atasan: tim hari ini' }, en: { title: 'Supervisor: team today' } },
    strings: {
      id: {
        teamToday: 'Tim hari ini',
        people: 'orang',
        missing: 'belum lapor',
        name: 'Nama',
        mode: 'Mode',
        status: 'Status',
        ack: 'Tindak lanjuti',
        excuse: 'Maklumi',
        recall: 'Panggil ke kantor',
        excuseReason: 'Alasan dimaklumi',
        sick: 'Sakit',
        leave: 'Cuti',
        travel: 'Dinas luar',
        note: 'Catatan',
        done: 'Tercatat untuk',
        st_accepted: 'sudah lapor',
        st_late: 'lapor terlambat',
        st_rejected: 'laporan ditolak',
        st_excused: 'dimaklumi',
      },
      en: {
        teamToday: 'Team today',
        people: 'people',
        missing: 'missing',
        name: 'Name',
        mode: 'Mode',
        status: 'Status',
        ack: 'Acknowledge',
        excuse: 'Excuse',
        recall: 'Recall to office',
        excuseReason: 'Excuse reason',
        sick: 'Sick',
        leave: 'Leave',
        travel: 'Official travel',
        note: 'Note',
        done: 'Recorded for',
        st_accepted: 'reported',
        st_late: 'reported late',
        st_rejected: 'report rejected',
        st_excused: 'excused',
      },
    },
    body: BODY,
    script: SCRIPT,
  });
}
