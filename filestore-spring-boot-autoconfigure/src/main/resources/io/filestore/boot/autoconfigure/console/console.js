// The FileStore console: plain DOM code, no build step. Every request is relative to the page, which is
// served at <filestore.console.path>/, so the console works under any path.
'use strict';

const state = { collection: null, offset: 0, pageSize: 50, total: 0 };
const $ = selector => document.querySelector(selector);

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || `${response.status} ${response.statusText}`);
  }
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function loadStatus() {
  const status = await getJson('api/status');
  $('#store').textContent = `${status.dataDir} · ${status.state} · sequence ${status.lastSequence}`;
}

async function loadCollections() {
  const collections = await getJson('api/collections');
  const body = $('#collections tbody');
  body.replaceChildren();
  for (const collection of collections) {
    const row = body.insertRow();
    row.dataset.name = collection.name;
    row.classList.toggle('selected', collection.name === state.collection);
    cell(row, collection.name, 'name');
    cell(row, String(collection.records), 'count');
    cell(row, collection.strategy);
    cell(row, collection.indexes.map(index => `${index.field}${index.unique ? ' (unique)' : ''}: ${index.keys} keys`)
      .join(', ') || '—');
    row.addEventListener('click', () => openCollection(collection.name));
  }
}

async function openCollection(name) {
  state.collection = name;
  state.offset = 0;
  document.querySelectorAll('#collections tbody tr')
    .forEach(row => row.classList.toggle('selected', row.dataset.name === name));
  await loadRecords();
}

async function loadRecords() {
  const name = state.collection;
  const page = await getJson(`api/collections/${encodeURIComponent(name)}/records?offset=${state.offset}&limit=${state.pageSize}`);
  state.total = page.total;
  $('#recordsTitle').textContent = `Records of ${name}`;
  const list = $('#records');
  list.replaceChildren();
  for (const id of page.ids) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = id;
    button.addEventListener('click', () => openRecord(name, id, item));
    item.append(button);
    list.append(item);
  }
  const last = Math.min(state.offset + page.ids.length, page.total);
  $('#pageInfo').textContent = page.total === 0 ? 'no records' : `${state.offset + 1}–${last} of ${page.total}`;
  $('#previous').disabled = state.offset === 0;
  $('#next').disabled = last >= page.total;
}

async function openRecord(name, id, item) {
  document.querySelectorAll('#records li').forEach(li => li.classList.toggle('selected', li === item));
  const record = await getJson(`api/collections/${encodeURIComponent(name)}/record?id=${encodeURIComponent(id)}`);
  $('#recordTitle').textContent = `${name} / ${id}`;
  $('#record').textContent = JSON.stringify(record, null, 2);
}

function addCondition() {
  const row = $('#conditionRow').content.firstElementChild.cloneNode(true);
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  $('#conditions').append(row);
}

/** A value typed in the form: JSON when it parses (42, true, "text", null), otherwise the text itself. */
function parseValue(text) {
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return text;
  }
}

async function runQuery(event) {
  event.preventDefault();
  $('#queryMessage').textContent = '';
  if (!state.collection) {
    $('#queryMessage').textContent = 'Pick a collection first.';
    return;
  }
  const form = $('#queryForm');
  const conditions = [...document.querySelectorAll('#conditions .condition')]
    .filter(row => row.querySelector('[name=field]').value.trim() !== '')
    .map(row => ({
      field: row.querySelector('[name=field]').value.trim(),
      op: row.querySelector('[name=op]').value,
      value: parseValue(row.querySelector('[name=value]').value),
    }));
  const sortField = form.sortField.value.trim();
  const request = {
    conditions,
    sort: sortField ? [{ field: sortField, descending: form.descending.checked }] : [],
    limit: Number(form.limit.value) || 50,
  };
  try {
    const result = await getJson(`api/collections/${encodeURIComponent(state.collection)}/query`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
    });
    showResult(result);
  } catch (error) {
    $('#queryMessage').textContent = error.message;
  }
}

function showResult(result) {
  $('#planBox').hidden = false;
  $('#plan').textContent = result.planText;
  const detail = $('#planDetail tbody');
  detail.replaceChildren();
  for (const [key, value] of Object.entries(result.plan)) {
    const row = detail.insertRow();
    cell(row, key);
    cell(row, String(value));
  }
  $('#timing').textContent = `${result.ids.length} row(s) in ${(result.tookMicros / 1000).toFixed(3)} ms`;
  const body = $('#results tbody');
  body.replaceChildren();
  result.ids.forEach((id, i) => {
    const row = body.insertRow();
    cell(row, id, 'id');
    cell(row, JSON.stringify(result.rows[i]), 'json');
  });
}

function watchChanges() {
  const source = new EventSource('api/changes');
  source.addEventListener('hello', () => {
    $('#live').textContent = 'live: connected';
    $('#live').className = 'on';
  });
  source.addEventListener('change', event => {
    const change = JSON.parse(event.data);
    const list = $('#changes');
    if (change.missed > 0) {
      const note = document.createElement('li');
      note.textContent = `(${change.missed} transaction(s) missed)`;
      list.prepend(note);
    }
    for (const record of change.records) {
      const item = document.createElement('li');
      item.textContent = `#${change.sequence} ${record.type} ${record.collection}/${record.id}`;
      list.prepend(item);
    }
    while (list.children.length > 200) list.lastElementChild.remove();
    refreshAfterChange(change).catch(showProblem);
  });
  source.onerror = () => {
    $('#live').textContent = 'live: reconnecting';
    $('#live').className = 'off';
  };
}

async function refreshAfterChange(change) {
  await Promise.all([loadStatus(), loadCollections()]);
  if (state.collection && change.records.some(record => record.collection === state.collection)) {
    await loadRecords();
  }
}

function showProblem(error) {
  $('#store').textContent = `Problem: ${error.message}`;
}

$('#addCondition').addEventListener('click', addCondition);
$('#queryForm').addEventListener('submit', runQuery);
$('#previous').addEventListener('click', () => {
  state.offset = Math.max(0, state.offset - state.pageSize);
  loadRecords().catch(showProblem);
});
$('#next').addEventListener('click', () => {
  state.offset += state.pageSize;
  loadRecords().catch(showProblem);
});
addCondition();
Promise.all([loadStatus(), loadCollections()]).catch(showProblem);
watchChanges();
