// Security-sector map drawn with the vendored Cytoscape.js (load vendor/cytoscape/cytoscape.min.js before this file).
// No build step.
//
// Progressive enhancement: the page always renders accessible tables of the actors, relations and headcounts; this
// script only draws a picture above them. The map's section starts `hidden` and is shown once the graph is drawn;
// if the script, Cytoscape or the JSON is missing, it stays hidden and the tables remain.
//
//   <section id="actor-graph-section" hidden>
//     <div id="actor-graph" data-graph-src="…/graph.json" role="img" aria-label="…" data-text-…="…"></div>
//     <button data-graph-action="fit">…</button>
//     <div id="actor-graph-legend"></div> <div id="actor-graph-details" aria-live="polite"></div>
//   </section>
//
// Translated words come from the container's data-text-* attributes (personnel, statutory, non-statutory,
// legend-statutory, legend-non-statutory, disagree, go-to-row, areas, relations, no-headcount). The script sets
// data-graph-state on the container: loading, ready, empty or error.
//
// JSON contract (sector.actor_graph):
//   {"country": "CAF",
//    "areas": [{"key": "core-security-actors", "label": "Core security actors", "count": 3}, …],   the four areas
//    "kinds": [{"key": "oversees", "label": "oversees"}, …],                                       relation kinds
//    "nodes": [{"id": "actor-7", "label": "FACA", "name": "Forces armées centrafricaines", "acronym": "FACA",
//               "area": "core-security-actors", "type": "defence", "type_label": "Armed forces", "statutory": true,
//               "headcounts": [{"count": 9400, "date": "2023-06-30", "basis": "payroll", "source": "…"}],
//               "anchor": "#actor-7"}],                 headcounts: the latest of each source (several = disagree)
//    "edges": [{"id": "relation-3", "source": "actor-2", "target": "actor-7", "kind": "oversees",
//               "label": "oversees", "note": ""}]}       from source to target; edges naming unknown nodes are skipped
(() => {
  'use strict';

  if (typeof window.cytoscape === 'undefined') return;
  const cytoscape = window.cytoscape;

  // Okabe-Ito colours (distinguishable with the common forms of colour blindness), and a shape per area so that
  // colour is never the only cue. `slot`: where the area sits around the core security actors.
  const AREAS = {
    'core-security-actors': {colour: '#0072B2', shape: 'ellipse', slot: 'centre'},
    'management-oversight': {colour: '#E69F00', shape: 'diamond', slot: 'top'},
    'justice': {colour: '#009E73', shape: 'round-rectangle', slot: 'left'},
    'non-state-actors': {colour: '#D55E00', shape: 'triangle', slot: 'right'},
  };
  const OTHER_AREA = {colour: '#6c757d', shape: 'hexagon', slot: 'bottom'};
  // Line pattern, width and arrow of each relation: they back up the edge label, which always names the relation.
  const KINDS = {
    'oversees': {dash: null, width: 2, arrow: 'triangle'},
    'reports-to': {dash: [7, 4], width: 1.6, arrow: 'triangle'},
    'funds': {dash: [2, 3], width: 2, arrow: 'triangle'},
    'trains': {dash: [10, 3, 2, 3], width: 1.6, arrow: 'vee'},
    'integrates-into': {dash: null, width: 3.2, arrow: 'triangle'},
  };
  const OTHER_KIND = {dash: null, width: 1.6, arrow: 'triangle'};
  const EDGE_COLOUR = '#495057';
  const TEXT_COLOUR = '#212529';
  const SELECTED = '#f0a500'; // the focus colour of ssrhub.css
  const CELL = {width: 150, height: 100}; // room for one actor and its label
  const GAP = 120; // between the core actors and the areas around them
  const ZIGZAG = 26; // every other actor of a row (column) is shifted, so a line along it does not cross the others

  function area(key) {
    return AREAS[key] || OTHER_AREA;
  }

  function kind(key) {
    return KINDS[key] || OTHER_KIND;
  }

  function text(container, key, fallback) {
    return container.dataset[`text${key.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase())}`] || fallback;
  }

  function formatCount(count) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined).format(count);
  }

  // Positions: the core security actors in the centre, management and oversight above them, justice on the left,
  // non-state actors on the right (any other area below). Within each block the actors are ordered so that they sit
  // next to the actors they relate to (a few rounds of the barycentre heuristic). Deterministic: the map looks the
  // same at every visit.
  function positions(nodes, edges) {
    const slots = {centre: [], top: [], left: [], right: [], bottom: []};
    nodes.forEach((node) => slots[area(node.area).slot].push(node.id));
    const neighbours = new Map(nodes.map((node) => [node.id, []]));
    edges.forEach((edge) => {
      if (!neighbours.has(edge.source) || !neighbours.has(edge.target)) return;
      neighbours.get(edge.source).push(edge.target);
      neighbours.get(edge.target).push(edge.source);
    });
    const found = {};

    function grid(count) {
      const columns = Math.max(1, Math.ceil(Math.sqrt(count * 2)));
      return {columns, rows: Math.max(1, Math.ceil(count / columns))};
    }

    function barycentre(id, axis) {
      const around = neighbours.get(id).filter((other) => found[other]);
      const sum = around.reduce((total, other) => total + found[other][axis], 0);
      return around.length ? sum / around.length : found[id][axis];
    }

    function place() {
      const centre = slots.centre.length;
      const {columns: centreColumns, rows: centreRows} = grid(centre);
      const width = Math.max(1, Math.ceil(centre / centreRows)) * CELL.width;
      const height = centreRows * CELL.height + ZIGZAG;
      // The core actors: a grid filled column by column, so that the left-to-right order holds.
      slots.centre.forEach((id, index) => {
        const column = Math.floor(index / centreRows);
        found[id] = {
          x: column * CELL.width + CELL.width / 2,
          y: (index % centreRows) * CELL.height + CELL.height / 2 + (column % 2) * ZIGZAG,
        };
      });
      // The areas around: lines of actors parallel to the core block, the actors related to a core actor on the
      // line nearest to it (so that their edges do not run through the others); each line keeps the block's order.
      const inCentre = new Set(slots.centre);
      const lines = (ids, capacity) => {
        const order = new Map(ids.map((id, index) => [id, index]));
        const near = ids.filter((id) => neighbours.get(id).some((other) => inCentre.has(other)));
        const queue = [...near, ...ids.filter((id) => !near.includes(id))];
        const found = [];
        for (let start = 0; start < queue.length; start += capacity) {
          found.push(queue.slice(start, start + capacity).sort((a, b) => order.get(a) - order.get(b)));
        }
        return found; // nearest the core actors first
      };
      const along = (line, index, size) => (index - (line.length - 1) / 2) * size;
      const perRow = Math.max(centreColumns + 1, 4);
      const perColumn = Math.max(centreRows + 1, 4);
      lines(slots.top, perRow).forEach((line, distance) => line.forEach((id, index) => {
        found[id] = {
          x: width / 2 + along(line, index, CELL.width),
          y: -GAP - distance * CELL.height - CELL.height / 2 - (index % 2) * ZIGZAG,
        };
      }));
      lines(slots.bottom, perRow).forEach((line, distance) => line.forEach((id, index) => {
        found[id] = {
          x: width / 2 + along(line, index, CELL.width),
          y: height + GAP + distance * CELL.height + CELL.height / 2 + (index % 2) * ZIGZAG,
        };
      }));
      lines(slots.left, perColumn).forEach((line, distance) => line.forEach((id, index) => {
        found[id] = {
          x: -GAP - distance * CELL.width - CELL.width / 2 - (index % 2) * ZIGZAG,
          y: height / 2 + along(line, index, CELL.height),
        };
      }));
      lines(slots.right, perColumn).forEach((line, distance) => line.forEach((id, index) => {
        found[id] = {
          x: width + GAP + distance * CELL.width + CELL.width / 2 + (index % 2) * ZIGZAG,
          y: height / 2 + along(line, index, CELL.height),
        };
      }));
    }

    place();
    for (let round = 0; round < 4; round += 1) {
      Object.entries(slots).forEach(([slot, ids]) => {
        const axis = slot === 'left' || slot === 'right' ? 'y' : 'x';
        const key = new Map(ids.map((id) => [id, barycentre(id, axis)]));
        ids.sort((a, b) => key.get(a) - key.get(b)); // a stable sort: ties keep their order
        if (slot !== 'centre') return;
        // In each column of the core grid, the actors related to the areas above go up, the others down.
        const {rows} = grid(ids.length);
        const height = new Map(ids.map((id) => [id, barycentre(id, 'y')]));
        for (let start = 0; start < ids.length; start += rows) {
          const column = ids.slice(start, start + rows).sort((a, b) => height.get(a) - height.get(b));
          ids.splice(start, column.length, ...column);
        }
      });
      place();
    }
    return found;
  }

  function elements(data) {
    const known = new Set(data.nodes.map((node) => node.id));
    const places = positions(data.nodes, data.edges);
    const present = new Set(data.nodes.map((node) => node.area));
    const parents = data.areas
      .filter((item) => present.has(item.key))
      .map((item) => ({
        group: 'nodes',
        data: {id: `area-${item.key}`, label: item.label, area: item.key, isArea: true},
      }));
    const nodes = data.nodes.map((node) => ({
      group: 'nodes',
      data: {...node, parent: present.has(node.area) && AREAS[node.area] ? `area-${node.area}` : undefined},
      position: places[node.id],
    }));
    const edges = data.edges
      .filter((edge) => known.has(edge.source) && known.has(edge.target))
      .map((edge) => ({group: 'edges', data: edge}));
    return [...parents, ...nodes, ...edges];
  }

  function style() {
    return [
      {
        selector: 'node',
        style: {
          'shape': (node) => area(node.data('area')).shape,
          'background-color': (node) => area(node.data('area')).colour,
          'width': 30,
          'height': 30,
          'border-width': 2,
          'border-color': TEXT_COLOUR,
          'label': 'data(label)',
          'color': TEXT_COLOUR,
          'font-size': 13,
          'font-weight': 600,
          'text-valign': 'bottom',
          'text-margin-y': 5,
          'text-wrap': 'wrap',
          'text-max-width': CELL.width - 30,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': 1,
        },
      },
      {selector: 'node[!statutory]', style: {'border-style': 'dashed', 'border-width': 3}},
      {
        selector: 'node[?isArea]',
        style: {
          'shape': 'round-rectangle',
          'background-color': (node) => area(node.data('area')).colour,
          'background-opacity': 0.07,
          'border-width': 1,
          'border-style': 'solid',
          'border-color': (node) => area(node.data('area')).colour,
          'label': 'data(label)',
          'text-valign': 'top',
          'text-halign': 'center',
          'text-margin-y': -4,
          'font-size': 13,
          'font-weight': 700,
          'text-background-opacity': 0,
          'text-max-width': 400,
          'padding': 18,
          'events': 'no',
        },
      },
      {
        selector: 'edge',
        style: {
          'curve-style': 'bezier',
          'width': (edge) => kind(edge.data('kind')).width,
          'line-color': EDGE_COLOUR,
          'line-style': (edge) => (kind(edge.data('kind')).dash ? 'dashed' : 'solid'),
          'line-dash-pattern': (edge) => kind(edge.data('kind')).dash || [6, 3],
          'target-arrow-shape': (edge) => kind(edge.data('kind')).arrow,
          'target-arrow-color': EDGE_COLOUR,
          'arrow-scale': 1.1,
          'label': 'data(label)',
          'font-size': 11,
          'color': TEXT_COLOUR,
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': 2,
        },
      },
      {selector: '.faded', style: {'opacity': 0.2}},
      {selector: 'node:selected', style: {'border-color': SELECTED, 'border-width': 5, 'border-style': 'solid'}},
      {selector: 'edge.linked', style: {'width': 2.6, 'line-color': TEXT_COLOUR, 'target-arrow-color': TEXT_COLOUR}},
    ];
  }

  // Legend: a small SVG of each area's shape and colour, the outlines and the relations.
  const SVG = 'http://www.w3.org/2000/svg';

  function swatch(shape, colour, dashed) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('me-2', 'flex-shrink-0');
    let mark;
    if (shape === 'ellipse') {
      mark = document.createElementNS(SVG, 'circle');
      mark.setAttribute('cx', '10');
      mark.setAttribute('cy', '10');
      mark.setAttribute('r', '7.5');
    } else if (shape === 'round-rectangle') {
      mark = document.createElementNS(SVG, 'rect');
      [['x', 2.5], ['y', 2.5], ['width', 15], ['height', 15], ['rx', 4]].forEach(([k, v]) => mark.setAttribute(k, v));
    } else {
      const points = {
        diamond: '10,1.5 18.5,10 10,18.5 1.5,10',
        triangle: '10,2 18.5,17.5 1.5,17.5',
        hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
      }[shape];
      mark = document.createElementNS(SVG, 'polygon');
      mark.setAttribute('points', points);
    }
    mark.setAttribute('fill', colour);
    mark.setAttribute('stroke', TEXT_COLOUR);
    mark.setAttribute('stroke-width', dashed ? '2' : '1.5');
    if (dashed) mark.setAttribute('stroke-dasharray', '3 2');
    svg.appendChild(mark);
    return svg;
  }

  function lineSwatch(style) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '34');
    svg.setAttribute('height', '12');
    svg.setAttribute('viewBox', '0 0 34 12');
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('me-2', 'flex-shrink-0');
    const line = document.createElementNS(SVG, 'line');
    [['x1', 1], ['y1', 6], ['x2', 26], ['y2', 6]].forEach(([k, v]) => line.setAttribute(k, v));
    line.setAttribute('stroke', EDGE_COLOUR);
    line.setAttribute('stroke-width', String(style.width));
    if (style.dash) line.setAttribute('stroke-dasharray', style.dash.map((length) => length * 0.7).join(' '));
    const arrow = document.createElementNS(SVG, 'polygon');
    arrow.setAttribute('points', '26,2 33,6 26,10');
    arrow.setAttribute('fill', EDGE_COLOUR);
    svg.append(line, arrow);
    return svg;
  }

  function legendList(title, items) {
    const fragment = document.createDocumentFragment();
    const heading = document.createElement('p');
    heading.className = 'fw-semibold mb-1';
    heading.textContent = title;
    const list = document.createElement('ul');
    list.className = 'list-unstyled mb-3';
    items.forEach(([mark, label]) => {
      const item = document.createElement('li');
      item.className = 'd-flex align-items-center mb-1';
      const span = document.createElement('span');
      span.textContent = label;
      item.append(mark, span);
      list.appendChild(item);
    });
    fragment.append(heading, list);
    return fragment;
  }

  function drawLegend(legend, container, data) {
    legend.replaceChildren(
      legendList(text(container, 'areas', 'Areas'), [
        ...data.areas.map((item) => [
          swatch(area(item.key).shape, area(item.key).colour, false),
          `${item.label} (${item.count})`,
        ]),
        [swatch('ellipse', '#ffffff', false), text(container, 'legend-statutory', 'Statutory (solid outline)')],
        [swatch('ellipse', '#ffffff', true), text(container, 'legend-non-statutory', 'Non-statutory (dashed outline)')],
      ]),
      legendList(
        text(container, 'relations', 'Relations'),
        data.kinds.map((item) => [lineSwatch(kind(item.key)), item.label]),
      ),
    );
  }

  function showDetails(panel, container, node, cy) {
    panel.replaceChildren();
    if (!node) return;
    const data = node.data();
    const title = document.createElement('p');
    title.className = 'fw-semibold mb-1';
    title.textContent = data.acronym ? `${data.name} (${data.acronym})` : data.name;
    const facts = document.createElement('p');
    facts.className = 'mb-1';
    const areaLabel = (cy.getElementById(`area-${data.area}`).data('label')) || data.area;
    const statutory = data.statutory
      ? text(container, 'statutory', 'Statutory')
      : text(container, 'non-statutory', 'Non-statutory');
    facts.textContent = `${areaLabel} · ${data.type_label} · ${statutory}`;
    const counts = document.createElement('ul');
    counts.className = 'list-unstyled mb-1';
    if (!data.headcounts.length) {
      const item = document.createElement('li');
      item.textContent = text(container, 'no-headcount', 'No headcount recorded');
      counts.appendChild(item);
    }
    data.headcounts.forEach((headcount) => {
      const item = document.createElement('li');
      const extra = [headcount.date, headcount.basis, headcount.source].filter(Boolean).join(', ');
      item.textContent = `${text(container, 'personnel', 'Personnel')}: ${formatCount(headcount.count)} (${extra})`;
      counts.appendChild(item);
    });
    if (new Set(data.headcounts.map((headcount) => headcount.count)).size > 1) {
      const item = document.createElement('li');
      item.className = 'badge text-bg-warning';
      item.textContent = text(container, 'disagree', 'Sources disagree');
      counts.appendChild(item);
    }
    const relations = document.createElement('ul');
    relations.className = 'mb-1 ps-3';
    node.connectedEdges().forEach((edge) => {
      const item = document.createElement('li');
      item.textContent = `${edge.source().data('label')} ${edge.data('label')} ${edge.target().data('label')}`;
      relations.appendChild(item);
    });
    const link = document.createElement('a');
    link.href = data.anchor;
    link.textContent = text(container, 'go-to-row', 'Show in the table');
    panel.append(title, facts, counts, relations, link);
  }

  function draw(container, data) {
    const section = container.closest('section');
    if (!data.nodes.length) {
      container.dataset.graphState = 'empty';
      return;
    }
    if (section) section.hidden = false; // shown before drawing: Cytoscape measures its container
    const cy = cytoscape({
      container,
      elements: elements(data),
      style: style(),
      layout: {name: 'preset', fit: true, padding: 30},
      minZoom: 0.25,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autounselectify: false,
    });
    const legend = document.getElementById('actor-graph-legend');
    if (legend) drawLegend(legend, container, data);
    const details = document.getElementById('actor-graph-details');
    cy.on('select', 'node', (event) => {
      const node = event.target;
      cy.elements().addClass('faded');
      node.closedNeighborhood().removeClass('faded');
      cy.nodes('[?isArea]').removeClass('faded');
      node.connectedEdges().addClass('linked');
      if (details) showDetails(details, container, node, cy);
    });
    cy.on('unselect', 'node', () => {
      cy.elements().removeClass('faded linked');
      if (details) showDetails(details, container, null, cy);
    });
    document.querySelectorAll('[data-graph-action="fit"]').forEach((button) => {
      button.addEventListener('click', () => cy.fit(undefined, 30));
    });
    window.addEventListener('resize', () => cy.resize());
    container.cytoscape = cy; // for tests and the browser console
    container.dataset.graphState = 'ready';
  }

  function load(container) {
    container.dataset.graphState = 'loading';
    fetch(container.dataset.graphSrc, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => draw(container, data))
      .catch(() => {
        container.dataset.graphState = 'error';
        const section = container.closest('section');
        if (section) section.hidden = true;
      });
  }

  function start() {
    document.querySelectorAll('[data-graph-src]').forEach(load);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
