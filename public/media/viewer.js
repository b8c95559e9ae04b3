/*
 * Deep zoom on record pages: turns a record image into an OpenSeadragon viewer of its IIIF tiles.
 * The first image becomes a viewer at once; the others when their "zoom" link is used. Without
 * JavaScript the <picture> stays and the link opens the large image. No inline script anywhere,
 * so the site's Content-Security-Policy (script-src 'self') holds: the info.json URL and the
 * viewer's image folder arrive in data- attributes.
 */
(function () {
  'use strict';

  var MIN_HEIGHT = 320;

  function start(figure) {
    if (figure.getAttribute('data-viewer-started') === 'true') return;
    var stage = figure.querySelector('[data-media-stage]');
    var container = figure.querySelector('[data-iiif-viewer]');
    var picture = figure.querySelector('picture');
    var link = figure.querySelector('[data-iiif-zoom]');
    if (!stage || !container || typeof window.OpenSeadragon !== 'function') return;
    figure.setAttribute('data-viewer-started', 'true');
    // The viewer covers the picture exactly, so the page does not move when it opens.
    var height = Math.max(picture ? picture.getBoundingClientRect().height : 0, MIN_HEIGHT);
    stage.style.minHeight = height + 'px';
    container.hidden = false;
    if (link) link.hidden = true;
    var viewer = window.OpenSeadragon({
      element: container,
      prefixUrl: container.getAttribute('data-osd-images'),
      tileSources: container.getAttribute('data-iiif-info'),
      // The 2D canvas drawer: WebGL adds nothing for still photographs and warns on software GPUs.
      drawer: 'canvas',
      showNavigator: false,
      visibilityRatio: 1,
      minZoomImageRatio: 1,
      maxZoomPixelRatio: 2,
      crossOriginPolicy: false,
    });
    viewer.addOnceHandler('tile-loaded', function () {
      figure.classList.add('record-image--zooming');
    });
    viewer.addHandler('open-failed', function () {
      container.hidden = true;
      figure.classList.remove('record-image--zooming');
      if (link) link.hidden = false;
    });
  }

  /**
   * OpenSeadragon injects an inline <style> (a focus-outline rule for touch screens) unless an
   * element matching style[data-openseadragon-mobile-css] exists. The site's CSP (style-src
   * 'self') refuses inline styles, even empty ones, so the marker is an inert element outside the
   * HTML namespace (it matches the selector but is no style sheet); the rule lives in media.css.
   */
  function preventInlineStyle() {
    if (document.querySelector('style[data-openseadragon-mobile-css]')) return;
    var marker = document.createElementNS('urn:x-heritage-archive:marker', 'style');
    marker.setAttribute('data-openseadragon-mobile-css', 'true');
    document.head.appendChild(marker);
  }

  /** The buttons' tooltips (and their images' alt text) in the page's language, from data- attributes. */
  var CONTROL_STRINGS = { 'Tooltips.ZoomIn': 'data-osd-zoom-in', 'Tooltips.ZoomOut': 'data-osd-zoom-out', 'Tooltips.Home': 'data-osd-home', 'Tooltips.FullPage': 'data-osd-full-page' };

  // MUST run before the first viewer is made: OpenSeadragon reads its strings when it builds the buttons.
  function translateControls() {
    var source = document.querySelector('[data-osd-zoom-in]');
    if (!source || typeof window.OpenSeadragon !== 'function') return;
    Object.keys(CONTROL_STRINGS).forEach(function (name) {
      var text = source.getAttribute(CONTROL_STRINGS[name]);
      if (text) window.OpenSeadragon.setString(name, text);
    });
  }

  function init() {
    preventInlineStyle();
    translateControls();
    var figures = document.querySelectorAll('[data-record-image]');
    Array.prototype.forEach.call(figures, function (figure, index) {
      var link = figure.querySelector('[data-iiif-zoom]');
      if (link) {
        link.addEventListener('click', function (event) {
          event.preventDefault();
          start(figure);
        });
      }
      if (index === 0) start(figure);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
