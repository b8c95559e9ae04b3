/*
 * The small map on a record page: the record's point, and its line (a canal section, a seawall)
 * when it has one, on the background map-background.js puts under it. Everything arrives in
 * data- attributes of [data-record-map]; the section stays hidden without this script, as the
 * page already gives the coordinates in words. The wheel does not zoom it (the page scrolls past);
 * the buttons and a pinch do.
 */
(function () {
  'use strict';

  var element = document.querySelector('[data-record-map]');
  var section = document.querySelector('[data-record-map-section]');
  if (!element || !section || typeof window.L !== 'object' || !window.HeritageMapBackground) return;
  var L = window.L;

  // With tiles, close enough for the streets around the place; on the base map (coasts, rivers,
  // provinces) far enough back to see which coast, river and province it is near.
  var tiled = element.hasAttribute('data-tile-url');
  var POINT_ZOOM = tiled ? 14 : 8;
  var LINE_MAX_ZOOM = tiled ? 15 : 9;
  var lat = Number(element.getAttribute('data-lat'));
  var lon = Number(element.getAttribute('data-lon'));
  var title = element.getAttribute('data-title') || '';

  section.hidden = false;
  var map = L.map(element, { zoomControl: false, scrollWheelZoom: false, maxZoom: 18 });
  L.control
    .zoom({ zoomInTitle: element.getAttribute('data-label-zoom-in') || '', zoomOutTitle: element.getAttribute('data-label-zoom-out') || '' })
    .addTo(map);

  var line;
  var lineText = element.getAttribute('data-line');
  if (lineText) {
    try {
      line = L.geoJSON(JSON.parse(lineText), { style: { className: 'map-line', weight: 5 }, interactive: false }).addTo(map);
    } catch (error) {
      line = undefined;
    }
  }
  L.marker([lat, lon], { title: title, alt: title, keyboard: false, interactive: false }).addTo(map);
  if (line && line.getLayers().length > 0) map.fitBounds(line.getBounds().extend([lat, lon]), { padding: [24, 24], maxZoom: LINE_MAX_ZOOM });
  else map.setView([lat, lon], POINT_ZOOM);

  window.HeritageMapBackground.addTo(map, element, function () {
    element.setAttribute('data-map-ready', 'true');
  });
})();
