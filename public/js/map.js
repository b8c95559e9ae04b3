/*
 * The map view: draws the located records of a search with Leaflet (served from its npm package
 * through the asset pipeline), on the background map-background.js puts under it (the configured
 * tile server, or the offline vector base map). Everything arrives in data- attributes of
 * [data-map]: the GeoJSON address, the search to extend (`data-map-base`, to which "search this
 * area" adds `bbox=` and a click on the map `near=`), the tile server if one is configured, and
 * the labels in the page's language. Nearby records gather into clusters
 * (Leaflet.markercluster) that open as the map zooms in; records at one point fan out.
 * Record text is put into popups as text, never as HTML.
 */
(function () {
  'use strict';

  var element = document.querySelector('[data-map]');
  var figure = document.querySelector('[data-map-figure]');
  if (!element || !figure || typeof window.L !== 'object' || !window.HeritageMapBackground) return;
  var L = window.L;

  /** Five decimals are about a metre: enough for any box someone draws by panning. */
  function round(value) {
    return Math.round(value * 1e5) / 1e5;
  }

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  function label(name) {
    return element.getAttribute('data-label-' + name) || '';
  }

  function numbers(attribute) {
    var value = element.getAttribute(attribute);
    return value ? value.split(',').map(Number) : null;
  }

  /** The search in force with `key=value` added (the base has no bbox, near or page). */
  function searchWith(key, value) {
    var base = element.getAttribute('data-map-base') || '/search?view=map';
    return base + (base.indexOf('?') === -1 ? '?' : '&') + key + '=' + encodeURIComponent(value);
  }

  function link(href, text) {
    var anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = text;
    return anchor;
  }

  function paragraph(child) {
    var p = document.createElement('p');
    if (typeof child === 'string') p.textContent = child;
    else p.appendChild(child);
    return p;
  }

  var radius = Number(element.getAttribute('data-map-radius')) || 5;
  /** Pixels kept clear at the map's edges, where the zoom buttons and the credits are. */
  var EDGE = 56;
  var POPUP = { autoPanPadding: [EDGE, EDGE] };

  function nearLink(lat, lon, text) {
    return link(searchWith('near', [round(lat), round(lon), radius].join(',')), text);
  }

  /** The records (one, from a marker or a line), then the way to search around the first. */
  function recordsPopup(records) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    var list = document.createElement('ul');
    list.className = 'map-popup__records';
    records.forEach(function (properties) {
      var item = document.createElement('li');
      var title = paragraph(link(properties.url, properties.title));
      title.className = 'map-popup__title';
      item.appendChild(title);
      if (properties.period) item.appendChild(paragraph(properties.period));
      list.appendChild(item);
    });
    box.appendChild(list);
    box.appendChild(paragraph(nearLink(records[0].lat, records[0].lon, label('near-record'))));
    return box;
  }

  figure.hidden = false;
  // A maximum zoom of its own: the clusters need one, and without tiles nothing else sets it.
  var map = L.map(element, { zoomControl: false, worldCopyJump: false, maxZoom: 18 });
  L.control.zoom({ zoomInTitle: label('zoom-in'), zoomOutTitle: label('zoom-out') }).addTo(map);

  // Put under the map once its view is settled, so the base map fetches only what that view shows.
  var backgroundAdded = false;
  function addBackground() {
    if (backgroundAdded) return;
    backgroundAdded = true;
    window.HeritageMapBackground.addTo(map, element, function () {
      element.setAttribute('data-base-map-ready', 'true');
    });
  }

  // Leaflet's popup close button is labelled in English; say it in the page's language.
  map.on('popupopen', function (event) {
    var close = event.popup.getElement() && event.popup.getElement().querySelector('.leaflet-popup-close-button');
    if (close) close.setAttribute('aria-label', label('close'));
  });

  map.on('click', function (event) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    box.appendChild(paragraph(nearLink(event.latlng.lat, event.latlng.lng, label('near-point'))));
    L.popup(POPUP).setLatLng(event.latlng).setContent(box).openOn(map);
  });

  document.querySelector('[data-map-search-area]').addEventListener('click', function () {
    var bounds = map.getBounds();
    var south = round(clamp(bounds.getSouth(), -90, 90));
    var north = round(clamp(bounds.getNorth(), -90, 90));
    var west = round(clamp(bounds.getWest(), -180, 180));
    var east = round(clamp(bounds.getEast(), -180, 180));
    if (south < north && west < east) window.location.assign(searchWith('bbox', [south, west, north, east].join(',')));
  });

  // The map opens on what the search asked for: its box, its circle, or else its records.
  var bbox = numbers('data-map-bbox');
  var near = numbers('data-map-near');
  var lines = L.featureGroup().addTo(map);
  var markers = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 48, iconCreateFunction: clusterIcon }).addTo(map);
  if (bbox) {
    map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]]);
    L.rectangle([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { className: 'map-area', interactive: false, fill: false }).addTo(map);
  } else if (near) {
    // The circle's own bounds need a map that already has a view: its square is known without one.
    map.fitBounds(L.latLng(near[0], near[1]).toBounds(near[2] * 2000));
    L.circle([near[0], near[1]], { radius: near[2] * 1000, className: 'map-area', interactive: false, fill: false }).addTo(map);
  } else {
    map.setView([30, 115], 4);
  }
  // A box or a circle is the view already; otherwise the records decide it (draw, below).
  if (bbox || near) addBackground();

  /** A cluster's marker says how many records it holds, to the eye and to a screen reader. */
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var icon = L.DivIcon.prototype.createIcon.call(this, old);
      icon.setAttribute('aria-label', this.options.label);
      icon.title = this.options.label;
      return icon;
    },
  });

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var inner = document.createElement('div');
    var number = document.createElement('span');
    number.textContent = String(count);
    inner.appendChild(number);
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    return new ClusterIcon({ html: inner, className: 'marker-cluster marker-cluster--' + size, iconSize: L.point(40, 40), label: label('cluster').replace('{count}', String(count)) });
  }

  function draw(collection) {
    collection.features.forEach(function (feature) {
      var properties = feature.properties;
      var geometry = feature.geometry;
      var paths = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
      paths.forEach(function (path) {
        var latlngs = path.map(function (position) {
          return [position[1], position[0]];
        });
        L.polyline(latlngs, { className: 'map-line', weight: 5 }).bindPopup(recordsPopup([properties]), POPUP).addTo(lines);
      });
      // One marker a record: records at one place gather in a cluster, which fans them out when opened.
      L.marker([properties.lat, properties.lon], { title: properties.title, alt: properties.title, keyboard: true, riseOnHover: true })
        .bindPopup(recordsPopup([properties]), POPUP)
        .addTo(markers);
    });
    if (!bbox && !near && collection.features.length > 0) {
      var bounds = markers.getBounds();
      if (lines.getLayers().length > 0) bounds.extend(lines.getBounds());
      // No animation: the view is final at once, and the base map loads for it, not for the one before.
      map.fitBounds(bounds, { padding: [EDGE, EDGE], maxZoom: 13, animate: false });
    }
    addBackground();
    element.setAttribute('data-map-ready', String(collection.features.length));
  }

  fetch(element.getAttribute('data-map-geojson'), { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      return response.json();
    })
    .then(draw)
    .catch(function () {
      addBackground();
      var error = document.querySelector('[data-map-error]');
      if (error) {
        error.textContent = label('load-failed');
        error.hidden = false;
      }
    });
})();
