/**
 * /dashboard — the evaluator's view of a letter: compliance per day and per unit, escalations per day, WFH share
 * per unit against that unit's own cap (the quota its roster cites, in the version in force), remote units
 * against the comparison group as the dossier draws it (units kept in the office by an exclusion or the rollout),
 * and the CSV download. Charts are plain SVG bars drawn from GET /api/policies/:id/results.
 */
import { page } from './layout';

const SCRIPT = `
function pct(x){ return x == null ? '-' : (x * 100).toFixed(1) + '%'; }
function bars(items, max, capLine){
  var h = 22, w = 500, lw = 210, H = items.length * h + 10;
  var s = '<svg role="img" viewBox="0 0 ' + (w + lw + 60) + ' ' + H + '" width="100%">';
  items.forEach(function(it, i){ var y = i * h + 4, bw = max > 0 ? Math.max(0, it.value) / max * w : 0;
    s += '<text x="0" y="' + (y + 14) + '" font-size="12">' + esc(it.label) + '</text><rect x="' + lw + '" y="' + y + '" width="' + bw.toFixed(1) + '" height="16" fill="' + (it.color || '#0b4f8a') + '"></rect><text x="' + (lw + bw + 4) + '" y="' + (y + 13) + '" font-size="12">' + esc(it.text) + '</text>'; });
  if (capLine != null) { var x = lw + capLine / max * w; s += '<line x1="' + x + '" x2="' + x + '" y1="0" y2="' + H + '" stroke="#d93025" stroke-dasharray="4"></line>'; }
  return s + '</svg>';
}
function sum(rows, k){ return rows.reduce(function(n, r){ return n + r[k]; }, 0); }
function group(rows, key){ var m = {}; rows.forEach(function(r){ (m[r[key]] = m[r[key]] || []).push(r); }); return m; }
function rate(rows){ var owed = sum(rows, 'plannedRemote') - sum(rows, 'excused'); return owed > 0 ? (sum(rows, 'onTime') + sum(rows, 'late')) / owed : null; }
async function render(){
  var box = document.getElementById('charts');
  if (!(await ensureSession())) return;
  box.textContent = t('loading');
  try {
    var p = policyId(); document.getElementById('when').textContent = p;
    var r = await api('GET', '/api/policies/' + encodeURIComponent(p) + '/results'); window.RESULTS = r;
    var rows = r.rows, byDay = group(rows, 'day'), byUnit = group(rows, 'unitId');
    var days = Object.keys(byDay).sort(), units = Object.keys(byUnit).sort();
    var capOf = {}; (r.unitCaps || []).slice().sort(function(a, b){ return a.date < b.date ? -1 : 1; }).forEach(function(c){ capOf[c.unitId] = c.maxWfhPercent; });
    var remoteUnits = units.filter(function(u){ return sum(byUnit[u], 'plannedRemote') > 0; });
    var officeUnits = (r.comparison || []).map(function(c){ return c.unitId; }).filter(function(u){ return byUnit[u]; });
    var html = '<section><h2 data-t="summary"></h2><table><tr><th>' + esc(t('status')) + '</th><td>' + esc(r.status) + '</td></tr>'
      + '<tr><th>' + esc(t('reported')) + '</th><td id="reported-total">' + (sum(rows, 'onTime') + sum(rows, 'late')) + '</td></tr>'
      + '<tr><th>' + esc(t('remote')) + '</th><td>' + sum(rows, 'plannedRemote') + '</td></tr>'
      + '<tr><th>' + esc(t('missing')) + '</th><td>' + sum(rows, 'missing') + '</td></tr>'
      + '<tr><th>' + esc(t('compliance')) + '</th><td id="compliance-total">' + pct(rate(rows)) + '</td></tr></table>'
      + '<button class="primary" id="csv" onclick="downloadCsv()">' + esc(t('csv')) + '</button></section>';
    html += '<section><h2>' + esc(t('perDay')) + '</h2>' + bars(days.map(function(d){ var x = rate(byDay[d]); return { label: d, value: (x || 0) * 100, text: pct(x) + ' (' + (sum(byDay[d], 'onTime') + sum(byDay[d], 'late')) + '/' + sum(byDay[d], 'plannedRemote') + ')' }; }), 100) + '</section>';
    html += '<section><h2>' + esc(t('perUnit')) + '</h2>' + bars(remoteUnits.map(function(u){ var x = rate(byUnit[u]); return { label: u, value: (x || 0) * 100, text: pct(x) }; }), 100) + '</section>';
    var esc_ = days.map(function(d){ return { label: d, value: sum(byDay[d], 'escalated'), text: String(sum(byDay[d], 'escalated')), color: '#e37400' }; });
    html += '<section><h2>' + esc(t('escalations')) + '</h2>' + bars(esc_, Math.max(1, Math.max.apply(null, esc_.map(function(e){ return e.value; }).concat([0])))) + '</section>';
    html += '<section id="share"><h2>' + esc(t('share')) + ' <span class="muted">(' + esc(t('capPerUnit')) + ')</span></h2>' + bars(units.map(function(u){ var cap = capOf[u], rem = sum(byUnit[u], 'plannedRemote'), all = rem + sum(byUnit[u], 'plannedOffice'), x = all ? rem / all : 0; return { label: u, value: x * 100, text: pct(x) + (cap != null ? ' / ' + esc(t('cap')) + ' ' + cap + '%' : ''), color: cap != null && x * 100 > cap + 0.001 ? '#d93025' : '#1e8e3e' }; }), 100) + '</section>';
    html += '<section><h2>' + esc(t('comparison')) + '</h2><table><tr><th></th><th>' + esc(t('units')) + '</th><th>' + esc(t('staffDays')) + '</th></tr>'
      + '<tr><td>' + esc(t('remoteGroup')) + '</td><td>' + remoteUnits.length + '</td><td>' + remoteUnits.reduce(function(n, u){ return n + sum(byUnit[u], 'plannedRemote') + sum(byUnit[u], 'plannedOffice'); }, 0) + '</td></tr>'
      + '<tr><td>' + esc(t('officeGroup')) + '</td><td id="comparison-units">' + officeUnits.length + '</td><td>' + officeUnits.reduce(function(n, u){ return n + sum(byUnit[u], 'plannedOffice'); }, 0) + '</td></tr></table>'
      + '<ul>' + (r.comparison || []).map(function(c){ return '<li>' + esc(c.unitId) + ' <span class="muted">' + esc(c.ruleIds.join(', ')) + '</span></li>'; }).join('') + '</ul>'
      + (r.lastEvaluation ? '<p>' + esc(t('evaluation')) + ': ' + pct(r.lastEvaluation.reportRate) + '</p>' : '') + '</section>';
    box.innerHTML = html; applyLang();
  } catch (e) { showError(box, e); }
}
async function downloadCsv(){
  var res = await fetch('/api/policies/' + encodeURIComponent(policyId()) + '/results?format=csv', { credentials: 'same-origin' });
  if (!res.ok) { showError(document.getElementById('charts'), apiError(res.status, await res.json().catch(function(){ return null; }))); return; }
  var blob = await res.blob(); var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = policyId() + '-results.csv'; document.body.appendChild(a); a.click(); a.remove();
}
window.render = render; render();
`;

/** The evaluator dashboard's HTML. */
export function dashboardPage(): string {
  return page({
    title: { id: { title: 'Dasbor evaluasi' }, en: { title: 'Evaluation dashboard' } },
    strings: {
      id: {
        summary: 'Ringkasan',
        status: 'Status',
        reported: 'Laporan masuk',
        remote: 'Jadwal WFH/WFA (orang-hari)',
        missing: 'Belum lapor',
        compliance: 'Kepatuhan',
        csv: 'Unduh CSV',
        perDay: 'Kepatuhan per hari',
        perUnit: 'Kepatuhan per unit',
        escalations: 'Eskalasi per hari',
        share: 'Porsi WFH per unit',
        cap: 'batas',
        capPerUnit: 'dibanding batas kuota unit masing-masing',
        comparison: 'Kelompok pembanding',
        units: 'Unit',
        staffDays: 'Orang-hari',
        remoteGroup: 'Unit dengan WFH/WFA',
        officeGroup: 'Unit tetap di kantor (pembanding)',
        evaluation: 'Evaluasi terakhir, tingkat pelaporan',
      },
      en: {
        summary: 'Summary',
        status: 'Status',
        reported: 'Reports received',
        remote: 'Rostered WFH/WFA (person-days)',
        missing: 'Missing',
        compliance: 'Compliance',
        csv: 'Download CSV',
        perDay: 'Compliance per day',
        perUnit: 'Compliance per unit',
        escalations: 'Escalations per day',
        share: 'WFH share per unit',
        cap: 'cap',
        capPerUnit: 'against each unit’s own quota cap',
        comparison: 'Comparison group',
        units: 'Units',
        staffDays: 'Person-days',
        remoteGroup: 'Units with WFH/WFA',
        officeGroup: 'Units kept in the office (comparison)',
        evaluation: 'Last evaluation, report rate',
      },
    },
    body: '<div id="app"><section><div id="when" class="muted"></div></section><div id="charts"></div></div>',
    script: SCRIPT,
  });
}
