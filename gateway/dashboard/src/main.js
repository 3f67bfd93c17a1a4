// The firstcall dashboard: signs in with a token (kept for this tab only, never in a URL), opens the
// WebSocket at /ws, says hello as the dashboard, then keeps the board, reps, speed-to-lead and latency
// panels live from the server's snapshot and deltas. It reconnects by itself when the server goes away.
import './style.css';
import { Board } from './board.js';
import { LatencyChart } from './latency.js';
import { escapeHtml, percent, duration } from './format.js';

const CREDENTIALS = 'firstcall.dashboard.credentials';
const $ = (id) => document.getElementById(id);

const state = {
  socket: null,
  credentials: null,
  offsetMs: 0,
  retryMs: 500,
  retryTimer: null,
  reps: new Map(),
  viewer: null,
  pending: false,
};

const board = new Board($('board'), $('board-spacer'), $('board-rows'), $('board-count'), serverNow);
const latency = new LatencyChart($('latency-chart'), $('latency-count'));

function serverNow() {
  return Date.now() + state.offsetMs;
}

function setStatus(name, text) {
  const status = $('status');
  status.dataset.state = name;
  status.textContent = text;
  document.body.dataset.connection = name;
}

function connect() {
  clearTimeout(state.retryTimer);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/ws`);
  state.socket = socket;
  setStatus('connecting', 'connecting…');
  socket.onopen = () => {
    const { token, tenant, rep } = state.credentials;
    const hello = { type: 'hello', role: 'dashboard', token };
    if (tenant) hello.tenant = tenant;
    if (rep) hello.rep = rep;
    socket.send(JSON.stringify(hello));
  };
  socket.onmessage = (event) => onMessage(JSON.parse(event.data));
  socket.onclose = () => {
    if (state.socket !== socket) return;
    state.socket = null;
    if (!state.credentials) return;
    setStatus('reconnecting', 'reconnecting…');
    state.retryTimer = setTimeout(connect, state.retryMs);
    state.retryMs = Math.min(5000, state.retryMs * 2);
  };
}

function onMessage(message) {
  if (typeof message.now === 'number') state.offsetMs = message.now - Date.now();
  switch (message.type) {
    case 'welcome':
      state.retryMs = 500;
      state.viewer = message;
      sessionStorage.setItem(CREDENTIALS, JSON.stringify(state.credentials));
      showApp(message);
      setStatus('live', 'live');
      break;
    case 'error':
      if (message.code === 'unauthorized') refused();
      break;
    case 'snapshot':
      if (message.reset) {
        board.clear();
        state.reps.clear();
      }
      apply(message);
      if (message.last) document.body.dataset.snapshot = 'done';
      break;
    case 'delta':
      apply(message);
      break;
    case 'speed':
      renderSpeed(message);
      break;
    case 'latency':
      latency.update(message);
      break;
    default:
      break;
  }
}

function apply(message) {
  for (const lead of message.leads) board.upsert(lead);
  for (const key of message.removed) board.remove(key);
  for (const rep of message.reps) state.reps.set(rep.key, rep);
  for (const key of message.removedReps) state.reps.delete(key);
  schedule();
}

function schedule() {
  if (state.pending) return;
  state.pending = true;
  requestAnimationFrame(() => {
    state.pending = false;
    board.render();
    renderQueue();
    renderReps();
  });
}

function refused() {
  state.credentials = null;
  sessionStorage.removeItem(CREDENTIALS);
  if (state.socket) state.socket.close();
  state.socket = null;
  setStatus('refused', 'refused');
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = 'That token was refused.';
}

function showApp(welcome) {
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  const who = welcome.role === 'rep' ? `rep ${welcome.rep} · ${welcome.tenant}`
    : welcome.role === 'manager' ? `manager · ${welcome.tenant}` : 'operator · all tenants';
  $('who').textContent = who;
  document.body.dataset.role = welcome.role;
  $('latency-panel').hidden = welcome.role !== 'operator';
  $('speed-panel').hidden = welcome.role === 'rep';
  $('queue-panel').hidden = welcome.role === 'rep';
}

function renderQueue() {
  const queued = [...board.leads.values()].filter((l) => l.state === 'queued').sort((a, b) => a.hotAt - b.hotAt);
  $('queue-count').textContent = String(queued.length);
  const now = serverNow();
  $('queue').innerHTML = queued.slice(0, 200).map((l) => `<li class="queue-row" data-key="${escapeHtml(l.key)}">
<b>${escapeHtml(l.lead)}</b> <span>${escapeHtml(l.name || l.company || '')}</span>
<span class="queue-name">${escapeHtml(l.queue || '')}</span><span class="waiting">waiting ${duration(now - l.hotAt)}</span></li>`).join('');
}

function renderReps() {
  const reps = [...state.reps.values()].sort((a, b) => (a.tenant + a.rep < b.tenant + b.rep ? -1 : 1));
  $('reps').innerHTML = reps.map((r) => {
    const capacity = r.capacity < 0 ? '∞' : r.capacity;
    const full = r.capacity >= 0 && r.held >= r.capacity ? ' full' : '';
    return `<tr data-rep="${escapeHtml(r.rep)}" data-key="${escapeHtml(r.key)}">
<td><b>${escapeHtml(r.rep)}</b><small>${escapeHtml(r.name || '')}</small></td><td>${escapeHtml(r.team || '')}</td>
<td><span class="presence ${escapeHtml(r.presence)}">${escapeHtml(r.presence)}</span></td>
<td class="held${full}">${r.held} / ${capacity}</td><td>${r.credit}</td><td>${r.alertsToday}</td>
<td>${percent(r.claimsToday, r.alertsToday)}</td></tr>`;
  }).join('');
}

const BUCKETS = [['le5m', '≤ 5 min', 'fast'], ['le30m', '≤ 30 min', 'mid'], ['gt30m', '> 30 min', 'slow'], ['never', 'never', 'never']];

function rate(value) {
  return value == null ? '–' : `${Math.round(100 * value)}%`;
}

function seconds(value) {
  return value == null ? '–' : duration(1000 * value);
}

// The live speed-to-lead metrics (the audit projection: the same figures as /stats and firstcall report).
function renderSpeed(message) {
  let html = '';
  for (const { tenant, figures } of message.tenants) {
    const total = figures.total;
    const decided = BUCKETS.reduce((n, [key]) => n + total.buckets[key].leads, 0);
    const bars = BUCKETS.map(([key, label, cls]) => {
      const b = total.buckets[key];
      return `<tr class="bucket ${cls}" data-bucket="${key}"><td>${label}</td><td>${b.leads}</td>
<td class="bar"><i style="width:${decided ? (100 * b.leads) / decided : 0}%"></i></td><td>${percent(b.leads, decided)}</td>
<td>${rate(b.connectRate)}</td><td>${rate(b.conversionRate)}</td></tr>`;
    }).join('');
    const reps = Object.entries(figures.reps).map(([rep, f]) => `<tr data-rep="${escapeHtml(rep)}"><td>${escapeHtml(rep)}</td>
<td>${f.responseFromHot.leads}</td><td>${seconds(f.responseFromHot.avgSeconds)}</td><td>${seconds(f.responseFromHot.medianSeconds)}</td>
<td>${seconds(f.responseFromHot.p90Seconds)}</td><td>${f.alerts}</td><td>${rate(f.claimRate)}</td></tr>`).join('');
    html += `<div class="speed-tenant" data-tenant="${escapeHtml(tenant)}"><h3>${escapeHtml(tenant)}: ${total.hotLeads} hot leads, ${total.open} not called yet</h3>
<table class="buckets"><thead><tr><th>First call</th><th>Leads</th><th></th><th>Share</th><th>Connect</th><th>Conversion</th></tr></thead><tbody>${bars}</tbody></table>
<table class="speed-reps"><thead><tr><th>Rep</th><th>Called</th><th>Average</th><th>Median</th><th>p90</th><th>Alerts</th><th>Claim rate</th></tr></thead><tbody>${reps}</tbody></table></div>`;
  }
  if (!html) html = '<p class="note">No hot leads yet.</p>';
  $('speed').innerHTML = `${html}<p class="note">Response time: from becoming hot to the first call; "never" after ${duration(message.neverAfterMs)}.</p>`;
}

function start(credentials) {
  state.credentials = credentials;
  $('login-error').textContent = '';
  connect();
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  start({ token: $('token').value, tenant: $('tenant').value.trim(), rep: $('rep').value.trim() });
  $('token').value = '';
});

$('logout').addEventListener('click', () => {
  state.credentials = null;
  sessionStorage.removeItem(CREDENTIALS);
  if (state.socket) state.socket.close();
  location.reload();
});

for (const button of $('board-tabs').querySelectorAll('button')) {
  button.addEventListener('click', () => {
    $('board-tabs').querySelectorAll('button').forEach((b) => b.classList.toggle('active', b === button));
    board.setFilter(button.dataset.filter);
  });
}

for (const button of $('latency-view').querySelectorAll('button')) {
  button.addEventListener('click', () => {
    $('latency-view').querySelectorAll('button').forEach((b) => b.classList.toggle('active', b === button));
    latency.setView(button.dataset.view);
  });
}

$('filter').addEventListener('input', (event) => board.setSearch(event.target.value));

// Countdowns and waiting times move every second, without a message.
setInterval(() => {
  if (!$('app').hidden) {
    board.draw();
    renderQueue();
  }
}, 1000);

const saved = sessionStorage.getItem(CREDENTIALS);
if (saved) {
  start(JSON.parse(saved));
} else {
  $('token').focus();
}
