/*
 * What a map is drawn on, for every map of the site (map.js, record-map.js): the configured tile
 * server when there is one, otherwise the offline vector base map in /assets/…/base-map/
 * (coastline, rivers, lakes, provincial borders and province names, from Natural Earth; made by
 * `npm run build:base-map`). Also the scale bar. Nothing is fetched from anywhere but this site.
 *
 * The base map has an index (index.json: the bands, the cells that exist, the province names) and
 * two bands: overview.json (East Asia, simplified) below the zoom the index names, and from that
 * zoom China in detail, cut into cells fetched as the view reaches them. Each is fetched only when
 * a view needs it.
 * Everything is drawn on one canvas, in panes beneath the records' lines and markers.
 */
(function () {
  'use strict';

  if (typeof window.L !== 'object') return;
  var L = window.L;

  // The folder beside this script's: /assets/<version>/js/map-background.js → /assets/<version>/base-map.
  var script = document.currentScript;
  var BASE_MAP_URL = script ? script.src.replace(/\/js\/[^/]+$/, '/base-map') : '';

  var LAND = '#f4f1e8';
  var WATER = '#b9d3e6';
  var STYLES = {
    // Cells are clipped squares: a stroke in the fill's own colour closes the hairline seams between them.
    land: { stroke: true, color: LAND, weight: 1, fill: true, fillColor: LAND, fillOpacity: 1 },
    lakes: { stroke: true, color: '#8db3cf', weight: 0.6, fill: true, fillColor: WATER, fillOpacity: 1 },
    rivers: { color: '#7fa9c9', weight: 1.2, fill: false },
    provinces: { color: '#a0958a', weight: 1, dashArray: '5 3', fill: false },
  };
  var LAYER_ORDER = ['land', 'lakes', 'rivers', 'provinces'];

  function text(element, name) {
    return element.getAttribute(name) || '';
  }

  /** The credit as Leaflet wants it (HTML), from plain text. */
  function escaped(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }

  function drawLayers(data, renderer) {
    var group = L.layerGroup();
    LAYER_ORDER.forEach(function (name) {
      if (!data[name] || data[name].coordinates.length === 0) return;
      L.geoJSON(data[name], { renderer: renderer, interactive: false, style: STYLES[name] }).addTo(group);
    });
    return group;
  }

  function label(entry, lang) {
    var span = document.createElement('span');
    span.className = 'base-map-label__text';
    span.lang = lang === 'zh' ? 'zh-Hans' : 'en';
    span.textContent = lang === 'zh' ? entry.zh : entry.en;
    var icon = L.divIcon({ className: 'base-map-label', html: span, iconSize: null });
    return L.marker([entry.lat, entry.lon], { icon: icon, interactive: false, keyboard: false, pane: 'baseMapLabels' });
  }

  function cellOf(detail, lon, lat) {
    var size = detail.cellDegrees;
    var west = detail.box[0] + Math.floor((lon - detail.box[0]) / size) * size;
    var south = detail.box[1] + Math.floor((lat - detail.box[1]) / size) * size;
    return west + '_' + south;
  }

  /**
   * The vector base map on `map`, its names in `lang`; calls `ready` once the view's first part of
   * it is drawn (or could not be).
   * `element` counts the detail cells drawn so far in data-base-map-cells.
   */
  function addBaseMap(map, element, lang, ready) {
    map.createPane('baseMap').style.zIndex = 250;
    var labelsPane = map.createPane('baseMapLabels');
    labelsPane.style.zIndex = 450;
    labelsPane.setAttribute('aria-hidden', 'true');
    var renderer = L.canvas({ pane: 'baseMap', padding: 0.3 });
    var cells = {};
    var detailGroup = L.layerGroup();

    function fetchJson(file) {
      return fetch(BASE_MAP_URL + '/' + file).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      });
    }

    fetchJson('index.json')
      .then(function (index) {
        var overview;
        var overviewState = 'none';
        var available = {};
        index.detail.cells.forEach(function (key) {
          available[key] = true;
        });
        var labels = index.labels.map(function (entry) {
          return { marker: label(entry, lang), minZoom: entry.minZoom };
        });
        var announced = false;

        function announce() {
          if (announced) return;
          announced = true;
          if (ready) ready();
        }

        function inDetail() {
          var detail = index.detail;
          var center = map.getCenter();
          return map.getZoom() >= detail.fromZoom && center.lng >= detail.box[0] && center.lng < detail.box[2] && center.lat >= detail.box[1] && center.lat < detail.box[3];
        }

        /** Fetched the first time the view is outside the detail band, then kept. */
        function showOverview() {
          if (overview) {
            overview.addTo(map);
            return;
          }
          if (overviewState !== 'none') return;
          overviewState = 'loading';
          fetchJson('overview.json')
            .then(function (data) {
              overview = drawLayers(data, renderer);
              if (!inDetail()) overview.addTo(map);
              announce();
            })
            .catch(function () {
              overviewState = 'none';
              announce();
            });
        }

        function loadCells() {
          var detail = index.detail;
          var bounds = map.getBounds().pad(0.2);
          var size = detail.cellDegrees;
          var west = Math.max(detail.box[0], bounds.getWest());
          var east = Math.min(detail.box[2] - 1e-9, bounds.getEast());
          var south = Math.max(detail.box[1], bounds.getSouth());
          var north = Math.min(detail.box[3] - 1e-9, bounds.getNorth());
          var pending = 0;
          for (var lon = west; lon < east + size; lon += size) {
            for (var lat = south; lat < north + size; lat += size) {
              var key = cellOf(detail, Math.min(lon, east), Math.min(lat, north));
              if (!available[key] || cells[key]) continue;
              cells[key] = 'loading';
              pending++;
              fetchCell(key);
            }
          }
          // A view of open sea has no cells: the background is already right.
          if (pending === 0) announce();
        }

        function fetchCell(key) {
          fetchJson('cells/' + key + '.json')
            .then(function (data) {
              cells[key] = drawLayers(data, renderer).addTo(detailGroup);
              element.setAttribute('data-base-map-cells', String(Number(element.getAttribute('data-base-map-cells') || 0) + 1));
              announce();
            })
            .catch(function () {
              delete cells[key];
              announce();
            });
        }

        function update() {
          if (inDetail()) {
            if (overview) map.removeLayer(overview);
            detailGroup.addTo(map);
            loadCells();
          } else {
            map.removeLayer(detailGroup);
            showOverview();
          }
          var zoom = map.getZoom();
          labels.forEach(function (entry) {
            if (zoom >= entry.minZoom) entry.marker.addTo(map);
            else map.removeLayer(entry.marker);
          });
        }

        map.on('zoomend moveend', update);
        update();
      })
      .catch(function () {
        // Without its data the map stays on its plain background; the records are still drawn.
        if (ready) ready();
      });
  }

  /**
   * Leaflet's own credit links to its site with an English title; the page's language replaces
   * it (data-label-library), and the rest of Leaflet's credit stays as Leaflet writes it.
   */
  function translateLibraryCredit(map, element) {
    var control = map.attributionControl;
    var title = text(element, 'data-label-library');
    var prefix = control && control.options.prefix;
    if (!title || typeof prefix !== 'string') return;
    control.setPrefix(prefix.replace(/title="[^"]*"/, 'title="' + escaped(title).replace(/"/g, '&quot;') + '"'));
  }

  /**
   * Puts the background under `map`: the tile server named in `element`'s data-tile-url, else the
   * offline base map (credited with data-base-map-credit); and a metric scale bar. `ready` is
   * called when the background is in place (at once for tiles).
   */
  function addBackground(map, element, ready) {
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
    translateLibraryCredit(map, element);
    var tileUrl = text(element, 'data-tile-url');
    if (tileUrl) {
      // The credit is the operator's text: escaped, as Leaflet writes attributions as HTML.
      L.tileLayer(tileUrl, { attribution: escaped(text(element, 'data-tile-attribution')), maxZoom: 19 }).addTo(map);
      if (ready) ready();
      return;
    }
    element.classList.add('map-base');
    map.attributionControl.addAttribution(escaped(text(element, 'data-base-map-credit')));
    addBaseMap(map, element, text(element, 'data-base-map-lang') || 'en', ready);
  }

  window.HeritageMapBackground = { addTo: addBackground };
})();
