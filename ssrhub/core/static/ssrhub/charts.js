// Charts drawn with the vendored Chart.js (load vendor/chartjs/chart.umd.min.js before this file). No build step.
//
// Progressive enhancement: the page always renders an accessible data table next to the canvas; this script only
// adds a picture on top and never touches the table. If the script, Chart.js or the JSON is missing, the canvas is
// hidden and the table remains.
//
//   <canvas data-chart="line|bar|timeline" data-chart-src="/api/...json" aria-label="What the chart shows"></canvas>
//
// Optional attribute: data-chart-aspect="2" (width / height; line and bar default to 2, the timeline sizes itself
// from its number of lanes). Put the canvas in its own block container (Chart.js sizes it from its parent).
// The script sets data-chart-state on the canvas: loading, ready, empty or error.
//
// The URL must be same-origin; it is fetched with the session cookie and `Accept: application/json`.
// JSON contract (keys marked * are optional):
//
//   Line or bar chart:
//   {"kind": "line" | "bar",
//    "labels": ["2019", "2020", ...],                                  x-axis labels
//    "series": [{"key": "police", "label": "Police", "values": [3, null, 5, ...]}],   one value per label; null = gap
//    "y_label": "Resolutions",            * y-axis title
//    "x_label": "Year",                   * x-axis title
//    "stacked": false}                    * stack the series
//
//   Timeline (x = date as a fractional year, y = one lane per row, top to bottom):
//   {"kind": "timeline",
//    "lanes": [{"key": "KHM", "label": "Cambodia"}],
//    "points": [{"lane": "KHM", "date": "1993-06-30", "label": "S/RES/840 (1993)", "url": "/documents/12/",
//                "category": "establishes|extends|adjusts|terminates|mentions|report"}],   url* (click to open)
//    "ranges": [{"lane": "KHM", "start": "1992-02-28", "end": "1993-09-24", "label": "UNTAC", "url": "/missions/3/"}],
//                                                                                      url*; end null = ongoing
//    "categories": [{"key": "establishes", "label": "Establishes"}],   * legend text (translated); default: the key
//                 a category outside the built-in ones may give its look: "look": "establishes" (any built-in key)
//    "ranges_label": "Missions"}                                       * legend text for the ranges
//
//   Dates are ISO "YYYY-MM-DD" (or "YYYY-MM", "YYYY"). Points or ranges naming an unknown lane are skipped.
(() => {
  'use strict';

  if (typeof window.Chart === 'undefined') return;
  const Chart = window.Chart;

  // Okabe-Ito: distinguishable with the common forms of colour blindness.
  const OKABE_ITO = {
    orange: '#E69F00',
    skyBlue: '#56B4E9',
    bluishGreen: '#009E73',
    yellow: '#F0E442',
    blue: '#0072B2',
    vermillion: '#D55E00',
    reddishPurple: '#CC79A7',
  };
  // Series colours, in order of appearance (yellow last: weak contrast on white).
  const SERIES_COLOURS = [
    OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion,
    OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.yellow,
  ];
  const SERIES_POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded'];
  // Line dashes and point sizes, in order of appearance: two series with the same values stay both visible (the
  // later one drawn dashed and with smaller points over the earlier one). Five dashes against seven colours: no two
  // of the first 35 series look alike.
  const SERIES_DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4]];
  const SERIES_POINT_RADII = [6, 5, 4, 4, 3];
  // Timeline categories: a fixed colour and a fixed shape each, so colour is never the only cue.
  const CATEGORIES = {
    establishes: {colour: OKABE_ITO.bluishGreen, pointStyle: 'triangle'},
    extends: {colour: OKABE_ITO.blue, pointStyle: 'circle'},
    adjusts: {colour: OKABE_ITO.orange, pointStyle: 'rectRot'},
    terminates: {colour: OKABE_ITO.vermillion, pointStyle: 'crossRot'},
    mentions: {colour: OKABE_ITO.reddishPurple, pointStyle: 'rect'},
    report: {colour: OKABE_ITO.skyBlue, pointStyle: 'star'},
  };
  const OTHER_CATEGORY = {colour: '#6c757d', pointStyle: 'circle'};
  const RANGE_COLOUR = 'rgba(86, 180, 233, 0.35)'; // sky blue, translucent: points stay visible on top
  const RANGE_BORDER = OKABE_ITO.skyBlue;

  const requests = new WeakMap(); // canvas -> AbortController of its pending fetch

  function language() {
    return document.documentElement.lang || undefined;
  }

  function reducedMotion() {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  // Colours and font of the page (Bootstrap variables), read at drawing time.
  function theme() {
    const style = getComputedStyle(document.body);
    const colours = {
      text: style.getPropertyValue('--bs-body-color').trim() || style.color,
      grid: style.getPropertyValue('--bs-border-color-translucent').trim() || 'rgba(0, 0, 0, 0.1)',
    };
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.color = colours.text;
    return colours;
  }

  function sameOrigin(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.origin === window.location.origin ? parsed : null;
    } catch {
      return null;
    }
  }

  function safeLink(url) {
    // Links come from our own JSON, but never follow javascript: or data: URLs.
    if (!url) return null;
    try {
      const parsed = new URL(url, window.location.href);
      return ['http:', 'https:'].includes(parsed.protocol) ? parsed.href : null;
    } catch {
      return null;
    }
  }

  // Options shared by every kind of chart.
  function baseOptions(canvas, colours) {
    return {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: parseFloat(canvas.dataset.chartAspect) || 2,
      animation: reducedMotion() ? false : {duration: 400},
      locale: language(),
      color: colours.text,
      plugins: {legend: {labels: {usePointStyle: true, color: colours.text}}},
    };
  }

  function axisTitle(text, colours) {
    return text ? {display: true, text, color: colours.text} : {display: false};
  }

  // ---- line and bar -----------------------------------------------------------------------------------------------

  function seriesDatasets(data, kind) {
    return (data.series || []).map((series, index) => {
      const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
      const dataset = {
        label: series.label || series.key,
        data: (series.values || []).map((value) => (value === null || value === undefined ? null : Number(value))),
        borderColor: colour,
        backgroundColor: colour,
      };
      if (kind === 'bar') dataset.pointStyle = 'rect'; // legend swatch
      if (kind === 'line') {
        Object.assign(dataset, {
          pointStyle: SERIES_POINT_STYLES[index % SERIES_POINT_STYLES.length],
          pointRadius: SERIES_POINT_RADII[index % SERIES_POINT_RADII.length],
          borderDash: SERIES_DASHES[index % SERIES_DASHES.length],
          borderWidth: 2,
          tension: 0,
          spanGaps: false,
          order: -index, // the later series on top of the earlier ones, as the legend lists them
        });
      }
      return dataset;
    });
  }

  // Counts (every value a whole number) get whole-number ticks: no 0.5 step between 0 and 1 resolution.
  function wholeNumbers(data) {
    return (data.series || []).every((series) =>
      (series.values || []).every((value) => value === null || value === undefined || Number.isInteger(Number(value))));
  }

  function cartesianOptions(canvas, data, colours) {
    const stacked = Boolean(data.stacked);
    const options = baseOptions(canvas, colours);
    options.interaction = {mode: 'index', intersect: false};
    options.plugins.legend.display = (data.series || []).length > 1;
    options.scales = {
      x: {stacked, title: axisTitle(data.x_label, colours), ticks: {color: colours.text}, grid: {color: colours.grid}},
      y: {
        stacked,
        beginAtZero: true,
        title: axisTitle(data.y_label, colours),
        ticks: wholeNumbers(data) ? {color: colours.text, precision: 0} : {color: colours.text},
        grid: {color: colours.grid},
      },
    };
    return options;
  }

  function renderLine(canvas, data, colours) {
    return new Chart(canvas, {
      type: 'line',
      data: {labels: data.labels || [], datasets: seriesDatasets(data, 'line')},
      options: cartesianOptions(canvas, data, colours),
    });
  }

  function renderBar(canvas, data, colours) {
    return new Chart(canvas, {
      type: 'bar',
      data: {labels: data.labels || [], datasets: seriesDatasets(data, 'bar')},
      options: cartesianOptions(canvas, data, colours),
    });
  }

  // ---- timeline ---------------------------------------------------------------------------------------------------

  // "1993-06-30" -> 1993.49 (start of the day); "1993-06" and "1993" are accepted. Null when unparseable.
  function fractionalYear(iso) {
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(String(iso || ''));
    if (!match) return null;
    const year = Number(match[1]);
    const start = Date.UTC(year, 0, 1);
    const day = Date.UTC(year, Number(match[2] || 1) - 1, Number(match[3] || 1));
    return year + (day - start) / (Date.UTC(year + 1, 0, 1) - start);
  }

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!match) return iso || '';
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return new Intl.DateTimeFormat(language(), {dateStyle: 'medium', timeZone: 'UTC'}).format(date);
  }

  function yearStep(span) {
    if (span <= 12) return 1;
    if (span <= 30) return 2;
    if (span <= 60) return 5;
    return 10;
  }

  function timelineDatasets(data, laneIndex) {
    const legend = Object.fromEntries((data.categories || []).map((category) => [category.key, category.label]));
    const looks = Object.fromEntries((data.categories || []).map((category) => [category.key, category.look]));
    const datasets = [];

    const ranges = (data.ranges || []).flatMap((range) => {
      const y = laneIndex.get(range.lane);
      const start = fractionalYear(range.start);
      const end = range.end ? fractionalYear(range.end) : fractionalYear(new Date().toISOString());
      if (y === undefined || start === null || end === null) return [];
      return [{x: [start, Math.max(end, start)], y, label: range.label, start: range.start, end: range.end,
        url: safeLink(range.url)}];
    });
    if (ranges.length) {
      datasets.push({
        type: 'bar',
        label: data.ranges_label || 'Ranges',
        data: ranges,
        indexAxis: 'y',
        grouped: false,
        barThickness: 14,
        backgroundColor: RANGE_COLOUR,
        borderColor: RANGE_BORDER,
        borderWidth: 1,
        borderSkipped: false,
        pointStyle: 'rect', // legend swatch
        order: 2, // drawn below the points
      });
    }

    // One scatter dataset per category, so the legend lists each category with its colour and shape.
    const byCategory = new Map();
    (data.points || []).forEach((point) => {
      const y = laneIndex.get(point.lane);
      const x = fractionalYear(point.date);
      if (y === undefined || x === null) return;
      const key = point.category || 'other';
      if (!byCategory.has(key)) byCategory.set(key, []);
      byCategory.get(key).push({x, y, label: point.label, date: point.date, url: safeLink(point.url), category: key});
    });
    const order = Object.keys(CATEGORIES);
    [...byCategory.keys()]
      .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
      .forEach((key) => {
        const style = CATEGORIES[key] || CATEGORIES[looks[key]] || OTHER_CATEGORY;
        datasets.push({
          type: 'scatter',
          label: legend[key] || key,
          data: byCategory.get(key),
          pointStyle: style.pointStyle,
          backgroundColor: style.colour,
          borderColor: style.colour,
          borderWidth: 2,
          pointRadius: 6,
          pointHoverRadius: 8,
          order: 1,
        });
      });
    return datasets;
  }

  function timelineTooltip(context) {
    const raw = context.raw;
    if (Array.isArray(raw.x)) {
      return [raw.label, `${formatDate(raw.start)} – ${raw.end ? formatDate(raw.end) : '…'}`];
    }
    return [raw.label, `${formatDate(raw.date)} · ${context.dataset.label}`];
  }

  function renderTimeline(canvas, data, colours) {
    const lanes = data.lanes || [];
    const laneIndex = new Map(lanes.map((lane, index) => [lane.key, index]));
    const datasets = timelineDatasets(data, laneIndex);
    if (!datasets.length) return null;

    const xs = datasets.flatMap((dataset) => dataset.data.flatMap((item) => (Array.isArray(item.x) ? item.x : [item.x])));
    const minYear = Math.floor(Math.min(...xs));
    const maxYear = Math.floor(Math.max(...xs)) + 1;
    const step = yearStep(maxYear - minYear);

    const options = baseOptions(canvas, colours);
    // Height follows the number of lanes unless the page set an aspect ratio.
    if (!canvas.dataset.chartAspect) {
      const width = canvas.parentElement ? canvas.parentElement.clientWidth : 800;
      options.aspectRatio = Math.max(0.6, width / (lanes.length * 36 + 110));
    }
    options.interaction = {mode: 'point', intersect: true};
    options.scales = {
      x: {
        type: 'linear',
        min: minYear,
        max: maxYear,
        ticks: {color: colours.text, callback: (value) => (Number.isInteger(value) ? String(value) : '')},
        afterBuildTicks: (scale) => {
          const ticks = [];
          for (let year = Math.ceil(minYear / step) * step; year <= maxYear; year += step) ticks.push({value: year});
          scale.ticks = ticks;
        },
        grid: {color: colours.grid},
      },
      y: {
        type: 'linear',
        min: -0.5,
        max: Math.max(lanes.length - 0.5, 0.5),
        reverse: true, // first lane on top
        ticks: {color: colours.text, autoSkip: false, callback: (value) => (lanes[value] ? lanes[value].label : '')},
        afterBuildTicks: (scale) => {
          scale.ticks = lanes.map((_lane, index) => ({value: index}));
        },
        grid: {color: colours.grid},
      },
    };
    options.plugins.tooltip = {callbacks: {title: () => '', label: timelineTooltip}};
    options.onClick = (event, elements, chart) => {
      const hit = elements.map((element) => chart.data.datasets[element.datasetIndex].data[element.index])
        .find((item) => item.url);
      if (hit) window.location.assign(hit.url);
    };
    options.onHover = (event, elements, chart) => {
      const link = elements.some((element) => chart.data.datasets[element.datasetIndex].data[element.index].url);
      chart.canvas.style.cursor = link ? 'pointer' : '';
    };

    return new Chart(canvas, {type: 'scatter', data: {datasets}, options});
  }

  // ---- loading ----------------------------------------------------------------------------------------------------

  const RENDERERS = {line: renderLine, bar: renderBar, timeline: renderTimeline};

  function isEmpty(kind, data) {
    if (kind === 'timeline') return !(data.points || []).length && !(data.ranges || []).length;
    return !(data.series || []).length || !(data.labels || []).length;
  }

  function setState(canvas, state) {
    canvas.dataset.chartState = state;
    // On failure the canvas disappears and the data table next to it is the content.
    canvas.hidden = state === 'error' || state === 'empty';
  }

  async function renderChart(canvas) {
    const kind = canvas.dataset.chart;
    const url = sameOrigin(canvas.dataset.chartSrc);
    const existing = Chart.getChart(canvas);
    if (existing) existing.destroy();
    if (requests.has(canvas)) requests.get(canvas).abort();
    if (!RENDERERS[kind] || !url) {
      setState(canvas, 'error');
      return;
    }
    if (!canvas.hasAttribute('role')) canvas.setAttribute('role', 'img');

    const controller = new AbortController();
    requests.set(canvas, controller);
    setState(canvas, 'loading');
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: {Accept: 'application/json'},
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const data = await response.json();
      if (controller.signal.aborted || !canvas.isConnected) return;
      if (isEmpty(kind, data)) {
        setState(canvas, 'empty');
        return;
      }
      setState(canvas, 'ready'); // visible before drawing, so Chart.js measures the real size
      if (!RENDERERS[kind](canvas, data, theme())) setState(canvas, 'empty');
    } catch (error) {
      if (error.name === 'AbortError') return;
      console.warn('ssrhub charts: cannot draw', canvas.dataset.chartSrc, error);
      setState(canvas, 'error');
    } finally {
      if (requests.get(canvas) === controller) requests.delete(canvas);
    }
  }

  // Draw every chart canvas inside root; with onlyNew, skip canvases already drawn or being drawn.
  function renderCharts(root, onlyNew = false) {
    // Forget charts whose canvas was swapped out of the page (Chart.js keeps every instance in a registry).
    Object.values(Chart.instances).forEach((chart) => {
      if (!chart.canvas || !chart.canvas.isConnected) chart.destroy();
    });
    const canvases = root.matches && root.matches('canvas[data-chart]') ? [root] : [];
    canvases.push(...root.querySelectorAll('canvas[data-chart]'));
    canvases
      .filter((canvas) => !onlyNew || !canvas.dataset.chartState)
      .forEach(renderChart);
  }

  // Canvases inside the swapped content are redrawn. After an outerHTML swap the target has left the page:
  // then draw whatever canvas on the page has not been drawn yet.
  document.addEventListener('htmx:afterSwap', (event) => {
    const target = (event.detail && event.detail.target) || event.target;
    if (target && target.isConnected) renderCharts(target);
    else renderCharts(document, true);
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => renderCharts(document));
  } else {
    renderCharts(document);
  }

  // For pages and tests: re-draw the charts inside an element (or the whole page).
  window.ssrhubCharts = {render: (root) => renderCharts(root || document)};
})();
