// The EAST dashboard page: loads the snapshot (/api/state), then follows server-sent events (/events).
//
// Model-generated text (answers in east.groups) and every other string from a topic reach the DOM only through
// textContent: this file never assigns innerHTML, outerHTML or insertAdjacentHTML, and never builds markup from data.
(() => {
  'use strict';

  const COLOR = {
    entropy: '#1f77b4',
    weight: '#ff7f0e',
    mapping: '#2ca02c',
    kept: '#2ca02c',
    discarded: '#d62728',
    loss: '#9467bd',
    weightedLoss: '#8c564b',
    meanWeight: '#ff7f0e',
    quantile: '#1f77b4',
    accuracy: ['#1f77b4', '#d62728', '#17becf', '#bcbd22'],
  };
  const CHART_HEIGHT = 170;
  const RECENT_WINDOWS = 30;
  const GROUP_ROWS = 25;
  const VERSION_ROWS = 8;
  const MAX_ACCURACY_SERIES = 4;
  const RENDER_DELAY_MS = 40;

  /** Everything known, per experiment; rebuilt from each snapshot, extended by each event. */
  const model = { seq: 0, history: 500, experiments: new Map(), groups: [] };
  /** The DOM and charts of each experiment's column. */
  const views = new Map();
  const dirty = new Set();
  let renderTimer = null;
  let groupsDirty = false;
  let updates = 0;

  // ---------------------------------------------------------------- values from RecordJson

  /** RecordJson writes NaN and infinities as strings; charts want numbers or null. */
  function num(value) {
    if (typeof value === 'number') return value;
    if (value === 'Infinity') return Infinity;
    if (value === '-Infinity') return -Infinity;
    return NaN;
  }

  function finiteOrNull(value) {
    const n = num(value);
    return Number.isFinite(n) ? n : null;
  }

  function fmt(value, digits) {
    const n = num(value);
    if (!Number.isFinite(n)) return String(value);
    return Number.isInteger(n) ? String(n) : n.toFixed(digits === undefined ? 3 : digits);
  }

  // ---------------------------------------------------------------- model

  function emptySeries() {
    return { weightStats: [], train: [], eval: [], modelVersions: [], totals: { windows: 0, kept: 0, discarded: {} } };
  }

  function seriesOf(experiment) {
    if (!model.experiments.has(experiment)) model.experiments.set(experiment, emptySeries());
    return model.experiments.get(experiment);
  }

  function pushBounded(list, item, limit) {
    list.push(item);
    if (list.length > limit) list.splice(0, list.length - limit);
  }

  function loadSnapshot(snapshot) {
    model.seq = snapshot.seq;
    model.history = snapshot.history;
    model.experiments = new Map();
    for (const experiment of snapshot.experiments) {
      const s = snapshot.series[experiment] || emptySeries();
      model.experiments.set(experiment, {
        weightStats: s.weightStats, train: s.train, eval: s.eval, modelVersions: s.modelVersions, totals: s.totals,
      });
    }
    model.groups = snapshot.groups;
    for (const experiment of model.experiments.keys()) markDirty(experiment);
    groupsDirty = true;
  }

  function applyEvent(event) {
    if (event.seq <= model.seq) return;
    model.seq = event.seq;
    updates++;
    if (event.kind === 'group') {
      pushBounded(model.groups, event.record, GROUP_ROWS * 8);
      groupsDirty = true;
      scheduleRender();
      return;
    }
    const series = seriesOf(event.experiment);
    switch (event.kind) {
      case 'weight-stats':
        pushBounded(series.weightStats, event.record, model.history);
        series.totals = event.totals;
        break;
      case 'train':
        pushBounded(series.train, event.record, model.history);
        break;
      case 'eval':
        pushBounded(series.eval, event.record, model.history);
        break;
      case 'model-version':
        pushBounded(series.modelVersions, event.record, model.history);
        break;
      default:
        return;
    }
    markDirty(event.experiment);
  }

  // ---------------------------------------------------------------- connection

  function setStatus(state, text) {
    const status = document.getElementById('status');
    status.dataset.state = state;
    status.textContent = text;
  }

  function connect() {
    let buffered = null;
    const source = new EventSource('/events');
    source.addEventListener('update', (message) => {
      const event = JSON.parse(message.data);
      if (buffered) buffered.push(event); else applyEvent(event);
    });
    // Every (re)connection reloads the snapshot: events buffered meanwhile are applied after it, and those it
    // already holds are skipped by their sequence numbers.
    source.addEventListener('open', () => {
      buffered = [];
      setStatus('connecting', 'loading');
      fetch('/api/state', { cache: 'no-store' })
        .then((response) => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then((snapshot) => {
          loadSnapshot(snapshot);
          const pending = buffered;
          buffered = null;
          pending.forEach(applyEvent);
          setStatus('live', 'live');
          scheduleRender();
        })
        .catch((error) => {
          buffered = null;
          setStatus('reconnecting', 'snapshot failed: ' + error.message);
          source.close();
          setTimeout(connect, 2000);
        });
    });
    source.addEventListener('error', () => setStatus('reconnecting', 'reconnecting'));
  }

  // ---------------------------------------------------------------- rendering schedule

  function markDirty(experiment) {
    dirty.add(experiment);
    scheduleRender();
  }

  function scheduleRender() {
    if (renderTimer !== null) return;
    renderTimer = setTimeout(() => {
      renderTimer = null;
      for (const experiment of model.experiments.keys()) {
        if (!views.has(experiment)) dirty.add(experiment);
      }
      for (const experiment of dirty) renderExperiment(experiment);
      dirty.clear();
      if (groupsDirty) {
        renderGroups();
        groupsDirty = false;
      }
      document.getElementById('seq').textContent = 'update ' + model.seq + ' \u00b7 ' + new Date().toLocaleTimeString();
    }, RENDER_DELAY_MS);
  }

  // ---------------------------------------------------------------- experiment columns

  function viewOf(experiment) {
    if (views.has(experiment)) return views.get(experiment);
    const fragment = document.getElementById('experiment-template').content.cloneNode(true);
    const root = fragment.querySelector('.experiment');
    root.dataset.experiment = experiment;
    root.querySelector('.experiment-name').textContent = experiment;
    const view = {
      experiment,
      root,
      select: root.querySelector('.window-select'),
      charts: new Map(),
      ranges: {},
      selected: '',
    };
    view.select.addEventListener('change', () => {
      view.selected = view.select.value;
      markDirty(experiment);
    });
    for (const element of root.querySelectorAll('.chart')) {
      element.dataset.chart = experiment + '/' + element.dataset.kind;
    }
    // Columns keep the order the server gave: main first, then the experiments.
    document.getElementById('experiments').appendChild(fragment);
    views.set(experiment, view);
    return view;
  }

  function selectedWindow(view, stats) {
    if (view.selected) {
      const chosen = stats.find((s) => s.scope_id === view.selected);
      if (chosen) return chosen;
      view.selected = '';
    }
    return stats.length ? stats[stats.length - 1] : null;
  }

  function renderExperiment(experiment) {
    const series = model.experiments.get(experiment);
    if (!series) return;
    const view = viewOf(experiment);
    const window = selectedWindow(view, series.weightStats);
    renderSetting(view, window, series);
    renderWindowChoices(view, series.weightStats);
    const label = window ? window.scope_id + ' \u00b7 ' + window.kept + ' kept' : 'no window yet';
    view.root.querySelectorAll('.window-label').forEach((el) => { el.textContent = label; });
    drawHistogram(view, 'entropy', window && window.entropy_histogram, 'entropy (bits)', COLOR.entropy);
    drawHistogram(view, 'weight', window && window.weight_histogram, 'weight', COLOR.weight);
    drawMapping(view, window);
    drawQuantiles(view, series.weightStats);
    drawOutcomes(view, series.totals);
    drawTraining(view, series.train);
    drawAccuracy(view, series.eval);
    renderVersions(view, series.modelVersions);
    showEmpty(view, 'window', !window);
    showEmpty(view, 'training', series.train.length === 0);
    showEmpty(view, 'accuracy', series.eval.length === 0);
    showEmpty(view, 'versions', series.modelVersions.length === 0);
  }

  function showEmpty(view, what, empty) {
    view.root.querySelector('[data-empty="' + what + '"]').hidden = !empty;
  }

  function renderSetting(view, window, series) {
    const setting = view.root.querySelector('.experiment-setting');
    if (!window) {
      setting.textContent = series.train.length ? 'training only (no weight-stats yet)' : 'waiting for data';
      return;
    }
    setting.textContent = window.strategy + ', \u03b1 = ' + fmt(window.alpha) + ', ' + window.scope
      + ' \u00b7 ' + series.totals.windows + ' windows';
  }

  function renderWindowChoices(view, stats) {
    const recent = stats.slice(-RECENT_WINDOWS).reverse();
    const wanted = [''].concat(recent.map((s) => s.scope_id));
    const have = Array.from(view.select.options).map((o) => o.value);
    if (wanted.length === have.length && wanted.every((v, i) => v === have[i])) {
      view.select.value = view.selected;
      return;
    }
    while (view.select.options.length > 1) view.select.remove(1);
    for (const s of recent) {
      const option = document.createElement('option');
      option.value = s.scope_id;
      option.textContent = s.scope_id + ' (mean ' + fmt(s.weight_mean) + ')';
      view.select.appendChild(option);
    }
    view.select.value = view.selected;
  }

  // ---------------------------------------------------------------- charts

  const bars = () => uPlot.paths.bars({ size: [0.88, 80] });

  /** Creates the chart on first use, or again when its shape (signature) changes; then only its data changes. */
  function chart(view, kind, signature, options, data) {
    let entry = view.charts.get(kind);
    const element = view.root.querySelector('.chart[data-kind="' + kind + '"]');
    if (entry && entry.signature !== signature) {
      entry.plot.destroy();
      entry = null;
    }
    if (!entry) {
      const width = Math.max(260, element.clientWidth);
      const plot = new uPlot(Object.assign({ width, height: CHART_HEIGHT, legend: { live: false } }, options),
        data, element);
      entry = { plot, signature, renders: 0 };
      view.charts.set(kind, entry);
      new ResizeObserver(() => {
        const w = Math.max(260, element.clientWidth);
        if (w !== entry.plot.width) entry.plot.setSize({ width: w, height: CHART_HEIGHT });
      }).observe(element);
    } else {
      entry.plot.setData(data);
    }
    entry.renders++;
    element.dataset.renders = String(entry.renders);
    return entry.plot;
  }

  function zeroBased(u, min, max) {
    return [0, max > 0 ? max * 1.1 : 1];
  }

  function drawHistogram(view, kind, histogram, xLabel, color) {
    let centers = [];
    let counts = [];
    let lower = 0;
    let upper = 1;
    if (histogram && histogram.counts.length) {
      lower = num(histogram.lower);
      upper = num(histogram.upper);
      const width = (upper - lower) / histogram.counts.length;
      centers = histogram.counts.map((_, i) => lower + width * (i + 0.5));
      counts = histogram.counts.slice();
    }
    // The x range is the window's bin edges, read when the chart rescales to new data.
    view.ranges[kind] = [lower, upper];
    chart(view, kind, 'hist', {
      scales: { x: { time: false, range: () => view.ranges[kind] }, y: { range: zeroBased } },
      axes: [{ label: xLabel }, { label: 'questions', size: 50 }],
      series: [{ label: xLabel }, { label: 'questions', stroke: color, fill: color, width: 1, paths: bars(),
        points: { show: false } }],
    }, [centers, counts]);
  }

  /** The weight function of WeightFunction.java: s^a (1 when a = 0 or uniform, 0 when s = 0), over the normaliser. */
  function weightOf(strategy, alpha, normaliser, signal) {
    let power;
    if (alpha === 0 || strategy === 'uniform') power = 1;
    else power = signal === 0 ? 0 : Math.pow(signal, alpha);
    return power / normaliser;
  }

  const SIGNAL = {
    entropy: { name: 'h', label: 'entropy h (bits)' },
    accuracy: { name: '(1 \u2212 A)', label: '1 \u2212 accuracy' },
    rejected: { name: 'R', label: 'R: share of the top wrong answer' },
    uniform: { name: 's', label: 'signal (unused by uniform)' },
  };

  function drawMapping(view, window) {
    const formula = view.root.querySelector('.mapping-formula');
    let xs = [];
    let ys = [];
    let signal = SIGNAL.entropy;
    if (window) {
      signal = SIGNAL[window.strategy] || { name: 's', label: 'signal' };
      const alpha = num(window.alpha);
      const normaliser = num(window.normaliser);
      let xMax = 1;
      if (window.strategy === 'entropy') {
        const h = window.entropy_histogram;
        const width = (num(h.upper) - num(h.lower)) / Math.max(1, h.counts.length);
        const lastUsed = h.counts.reduce((last, c, i) => (c > 0 ? i : last), -1);
        xMax = Math.max(1, num(h.lower) + width * (lastUsed + 1));
      }
      const points = 120;
      for (let i = 0; i <= points; i++) {
        // Start just right of 0: a negative alpha is infinite there, and 0 itself maps to 0 by convention.
        const s = xMax * Math.max(i, 0.5) / points;
        const w = weightOf(window.strategy, alpha, normaliser, s);
        xs.push(s);
        ys.push(Number.isFinite(w) ? w : null);
      }
      formula.textContent = 'w = ' + signal.name + '^' + fmt(alpha) + ' / ' + fmt(normaliser, 4);
    } else {
      formula.textContent = '';
    }
    chart(view, 'mapping', 'mapping:' + signal.label, {
      scales: { x: { time: false }, y: { range: zeroBased } },
      axes: [{ label: signal.label }, { label: 'weight', size: 50 }],
      series: [{ label: signal.label }, { label: 'weight', stroke: COLOR.mapping, width: 2, points: { show: false } }],
    }, [xs, ys]);
  }

  function drawQuantiles(view, stats) {
    const xs = stats.map((_, i) => i + 1);
    const q = (key) => stats.map((s) => finiteOrNull(s.weight_quantiles[key]));
    chart(view, 'quantiles', 'quantiles', {
      scales: { x: { time: false }, y: { range: zeroBased } },
      axes: [{ label: 'window (arrival order)' }, { label: 'weight', size: 50 }],
      series: [
        { label: 'window' },
        { label: 'p90', stroke: 'rgba(31,119,180,0.5)', width: 1, points: { show: false } },
        { label: 'median', stroke: COLOR.quantile, width: 2, points: { size: 5, fill: COLOR.quantile } },
        { label: 'p10', stroke: 'rgba(31,119,180,0.5)', width: 1, points: { show: false } },
        { label: 'mean', stroke: '#333', width: 1, dash: [4, 4], points: { show: false } },
      ],
      bands: [{ series: [1, 3], fill: 'rgba(31,119,180,0.12)' }],
    }, [xs, q('p90'), q('p50'), q('p10'), stats.map((s) => finiteOrNull(s.weight_mean))]);
  }

  function drawOutcomes(view, totals) {
    const reasons = Object.keys(totals.discarded).sort();
    const labels = ['kept'].concat(reasons);
    const xs = labels.map((_, i) => i);
    const kept = labels.map((_, i) => (i === 0 ? totals.kept : null));
    const discarded = labels.map((name, i) => (i === 0 ? null : totals.discarded[name]));
    view.root.querySelector('.totals-label').textContent =
      'cumulative: ' + totals.kept + ' kept, ' + reasons.reduce((sum, r) => sum + totals.discarded[r], 0) + ' discarded';
    chart(view, 'outcomes', 'outcomes:' + labels.join('|'), {
      scales: { x: { time: false, range: () => [-0.5, labels.length - 0.5] }, y: { range: zeroBased } },
      axes: [
        { splits: () => xs, values: (u, splits) => splits.map((i) => labels[i] || ''), grid: { show: false } },
        { label: 'groups', size: 60 },
      ],
      series: [
        { label: 'outcome' },
        { label: 'kept', stroke: COLOR.kept, fill: COLOR.kept, paths: bars(), points: { show: false } },
        { label: 'discarded', stroke: COLOR.discarded, fill: COLOR.discarded, paths: bars(), points: { show: false } },
      ],
    }, [xs, kept, discarded]);
  }

  function drawTraining(view, train) {
    // A restarted trainer may repeat steps: the latest record of a step wins, and x must ascend.
    const byStep = new Map();
    for (const m of train) byStep.set(num(m.step), m);
    const steps = Array.from(byStep.keys()).sort((a, b) => a - b);
    const rows = steps.map((s) => byStep.get(s));
    chart(view, 'training', 'training', {
      scales: { x: { time: false }, loss: {}, w: { range: zeroBased } },
      axes: [
        { label: 'step' },
        { scale: 'loss', label: 'loss', size: 50 },
        { scale: 'w', label: 'mean weight', side: 1, size: 50, grid: { show: false } },
      ],
      series: [
        { label: 'step' },
        { label: 'loss', scale: 'loss', stroke: COLOR.loss, width: 2, points: { size: 5, fill: COLOR.loss } },
        { label: 'weighted loss', scale: 'loss', stroke: COLOR.weightedLoss, width: 1, dash: [5, 3],
          points: { show: false } },
        { label: 'mean weight', scale: 'w', stroke: COLOR.meanWeight, width: 2,
          points: { size: 5, fill: COLOR.meanWeight } },
      ],
    }, [steps, rows.map((m) => finiteOrNull(m.loss)), rows.map((m) => finiteOrNull(m.weighted_loss)),
      rows.map((m) => finiteOrNull(m.mean_weight))]);
  }

  function drawAccuracy(view, evals) {
    // The latest result per (version, dataset/split) wins; one line with its CI band per dataset/split.
    const keys = [];
    const latest = new Map();
    for (const e of evals) {
      const key = e.dataset + '/' + e.split;
      if (!keys.includes(key)) {
        if (keys.length >= MAX_ACCURACY_SERIES) continue;
        keys.push(key);
      }
      latest.set(key + '@' + e.model_version, e);
    }
    const versions = Array.from(new Set(evals.map((e) => num(e.model_version)))).sort((a, b) => a - b);
    const series = [{ label: 'model version' }];
    const data = [versions];
    const bands = [];
    keys.forEach((key, k) => {
      const color = COLOR.accuracy[k % COLOR.accuracy.length];
      const at = (field) => versions.map((v) => {
        const e = latest.get(key + '@' + v);
        return e ? finiteOrNull(e[field]) : null;
      });
      const first = series.length;
      series.push({ label: key + ' CI high', stroke: color + '66', width: 1, points: { show: false }, spanGaps: true });
      series.push({ label: key + ' pass@1', stroke: color, width: 2, points: { size: 7, fill: color },
        spanGaps: true });
      series.push({ label: key + ' CI low', stroke: color + '66', width: 1, points: { show: false }, spanGaps: true });
      data.push(at('pass_at_1_ci_high'), at('pass_at_1'), at('pass_at_1_ci_low'));
      bands.push({ series: [first, first + 2], fill: color + '22' });
    });
    chart(view, 'accuracy', 'accuracy:' + keys.join('|'), {
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { label: 'model version', incrs: [1, 2, 5, 10, 20, 50, 100], values: (u, splits) => splits.map((v) => String(v)) },
        { label: 'pass@1', size: 50 },
      ],
      series,
      bands,
    }, data);
  }

  // ---------------------------------------------------------------- tables (text only)

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function renderVersions(view, versions) {
    const body = view.root.querySelector('.versions tbody');
    const newest = versions.slice().sort((a, b) => num(b.version) - num(a.version)).slice(0, VERSION_ROWS);
    body.replaceChildren();
    for (const v of newest) {
      const row = document.createElement('tr');
      cell(row, String(v.version), 'num');
      cell(row, String(v.step), 'num');
      cell(row, String(v.examples_seen), 'num');
      cell(row, v.loss);
      cell(row, v.checkpoint_uri, 'code');
      body.appendChild(row);
    }
  }

  function renderGroups() {
    const body = document.querySelector('#groups tbody');
    const newest = model.groups.slice(-GROUP_ROWS).reverse();
    document.getElementById('groups-empty').hidden = newest.length > 0;
    body.replaceChildren();
    for (const g of newest) {
      const row = document.createElement('tr');
      row.dataset.taskId = g.task_id;
      cell(row, g.task_id, 'code');
      cell(row, g.dataset);
      cell(row, String(g.round), 'num');
      cell(row, g.n_received + ' / ' + g.n_expected, 'num');
      cell(row, fmt(g.entropy), 'num');
      cell(row, fmt(g.accuracy), 'num');
      cell(row, g.kept ? 'kept' : 'discarded: ' + (g.discard_reason || 'unknown'),
        g.kept ? 'outcome-kept' : 'outcome-discarded');
      const answers = cell(row, '');
      const list = document.createElement('ul');
      list.className = 'clusters';
      for (const c of g.clusters) {
        const item = document.createElement('li');
        item.className = c.correct ? 'correct' : 'wrong';
        item.title = c.correct ? 'correct' : 'wrong';
        const answer = document.createElement('span');
        if (c.answer === null) {
          answer.className = 'no-answer';
          answer.textContent = 'no answer';
        } else {
          answer.className = 'answer';
          answer.textContent = c.answer;
        }
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = '\u00d7' + c.count + (c.correct ? ' \u2713' : ' \u2717');
        item.append(answer, count);
        list.appendChild(item);
      }
      answers.appendChild(list);
      body.appendChild(row);
    }
  }

  // ---------------------------------------------------------------- read-only view for tests and debugging

  window.eastDashboard = Object.freeze({
    seq: () => model.seq,
    updates: () => updates,
    experiments: () => Array.from(views.keys()),
    /** A chart's data as plain arrays, e.g. chart('main/entropy') -> [[x...], [y...]]. */
    chart: (id) => {
      const [experiment, kind] = id.split('/');
      const view = views.get(experiment);
      const entry = view && view.charts.get(kind);
      return entry ? entry.plot.data.map((column) => Array.from(column)) : null;
    },
    seriesLabels: (id) => {
      const [experiment, kind] = id.split('/');
      const entry = views.get(experiment) && views.get(experiment).charts.get(kind);
      return entry ? entry.plot.series.map((s) => s.label) : null;
    },
  });

  connect();
})();
