// Starts Mirador on the page's one document. Its address and the page's language come from
// data- attributes: the viewer page's CSP allows no inline script.
(function startViewer() {
  var root = document.getElementById('mirador');
  if (!root || !window.Mirador) return;
  root.textContent = '';
  window.Mirador.viewer({
    id: 'mirador',
    language: root.dataset.language,
    windows: [{ manifestId: root.dataset.manifest }],
    window: { allowClose: false, allowMaximize: false, defaultSideBarPanel: 'info', sideBarOpenByDefault: true },
    workspace: { showZoomControls: true },
    workspaceControlPanel: { enabled: false },
  });
})();
