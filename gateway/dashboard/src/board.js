// The hot-lead board: every lead the server sent, newest hot first, drawn as a virtualised list
// (only the rows in view exist in the DOM), so 10,000 leads scroll and update without effort.
import { escapeHtml, duration } from './format.js';

const ROW_HEIGHT = 52;
const OVERSCAN = 6;

export class Board {
  constructor(scroller, spacer, rows, countEl, serverNow) {
    this.scroller = scroller;
    this.spacer = spacer;
    this.rowsEl = rows;
    this.countEl = countEl;
    this.serverNow = serverNow;
    this.leads = new Map();
    this.view = [];
    this.filter = 'all';
    this.search = '';
    this.dirty = true;
    this.scroller.addEventListener('scroll', () => this.draw());
    new ResizeObserver(() => this.draw()).observe(this.scroller);
  }

  clear() {
    this.leads.clear();
    this.dirty = true;
  }

  upsert(lead) {
    this.leads.set(lead.key, lead);
    this.dirty = true;
  }

  remove(key) {
    this.dirty = this.leads.delete(key) || this.dirty;
  }

  setFilter(filter) {
    this.filter = filter;
    this.dirty = true;
    this.render();
  }

  setSearch(text) {
    this.search = text.trim().toLowerCase();
    this.dirty = true;
    this.render();
  }

  render() {
    if (this.dirty) {
      this.dirty = false;
      const matches = [];
      for (const lead of this.leads.values()) {
        if (this.filter !== 'all' && lead.state !== this.filter) continue;
        if (this.search && !searchable(lead).includes(this.search)) continue;
        matches.push(lead);
      }
      matches.sort((a, b) => b.seq - a.seq);
      this.view = matches;
      this.spacer.style.height = `${matches.length * ROW_HEIGHT}px`;
      this.countEl.textContent = String(this.leads.size);
      document.body.dataset.leads = String(this.leads.size);
    }
    this.draw();
  }

  draw() {
    const top = this.scroller.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.view.length, Math.ceil((top + this.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const now = this.serverNow();
    let html = '';
    for (let i = first; i < last; i++) {
      html += row(this.view[i], i * ROW_HEIGHT, now);
    }
    this.rowsEl.innerHTML = html;
  }
}

function searchable(lead) {
  return [lead.lead, lead.name, lead.company, lead.team, lead.claimedBy, ...(lead.alerted || [])]
    .filter(Boolean).join(' ').toLowerCase();
}

function row(lead, y, now) {
  const title = lead.name || lead.company ? `${escapeHtml(lead.name || '')}${lead.company ? ` · ${escapeHtml(lead.company)}` : ''}` : '';
  const criteria = lead.criteria.map((c) => `<span class="chip">${escapeHtml(c)}</span>`).join('');
  const alerted = (lead.alerted || []).map((r) => `<span class="rep-chip">${escapeHtml(r)}</span>`).join('');
  let claim;
  if (lead.claimedBy) {
    claim = `<span class="claimed-by">${escapeHtml(lead.claimedBy)}</span> in ${duration(lead.claimMs)}`;
  } else if (lead.state === 'queued') {
    claim = `queue <b>${escapeHtml(lead.queue || '')}</b>`;
  } else if (lead.deadline > 0) {
    const left = lead.deadline - now;
    claim = left > 0 ? `<span class="countdown">${duration(left)} left</span>` : '<span class="late">deadline passed</span>';
  } else {
    claim = '';
  }
  const escalated = lead.escalations > 0
    ? `<span class="escalated">escalated ×${lead.escalations}${lead.escalatedTo ? ` → ${escapeHtml(lead.escalatedTo)}` : ''}</span>` : '';
  return `<div class="lead-row row-grid state-${lead.state}" data-key="${escapeHtml(lead.key)}" data-state="${lead.state}" style="transform:translateY(${y}px)">
<span class="lead-id"><b>${escapeHtml(lead.lead)}</b><small>${title}</small></span>
<span class="why">${criteria}<small>score ${lead.score}${lead.team ? ` · ${escapeHtml(lead.team)}` : ''}</small></span>
<span class="alerted">${alerted}</span>
<span class="claim">${claim}</span>
<span class="state"><span class="badge ${lead.state}">${lead.state === 'open' ? 'waiting' : lead.state}</span>${escalated}</span>
</div>`;
}
