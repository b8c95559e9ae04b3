/*
 * Search suggestions under every search box marked `data-suggest` (its value is the endpoint).
 * Without this script the boxes are plain search fields and the forms work as they are. With it,
 * each box becomes an ARIA 1.2 combobox: typing fetches suggestions (debounced, stale requests
 * aborted) into a listbox; Up/Down move through them, Enter opens the chosen one, Escape closes
 * the list. Suggestions are inserted as text, never as HTML; their labels come from data-
 * attributes, so no inline script is needed (the Content-Security-Policy allows none).
 */
(function () {
  'use strict';

  var DELAY_MS = 150;
  var lang = (document.documentElement.lang || 'zh').slice(0, 2) === 'en' ? 'en' : 'zh';

  function enhance(input, index) {
    var endpoint = input.getAttribute('data-suggest');
    var listId = (input.id || 'search-' + index) + '-suggestions';

    // The box and its list share a positioned wrapper, so the list opens right under the box.
    var wrapper = document.createElement('div');
    wrapper.className = 'suggest';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggest__list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    wrapper.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    var suggestions = [];
    var active = -1;
    var timer = 0;
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(index) {
      var suggestion = suggestions[index];
      // Only the archive's own pages: a URL that is not a path on this site is ignored.
      if (suggestion && /^\/(?!\/)/.test(suggestion.url)) window.location.assign(suggestion.url);
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function show(found) {
      suggestions = found;
      list.textContent = '';
      found.forEach(function (suggestion, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.className = 'suggest__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = suggestion.text;
        // mousedown, not click: it comes before the box loses focus and closes the list.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (found.length > 0) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        status.textContent = (input.getAttribute('data-suggest-count') || '').replace('{count}', String(found.length));
      } else {
        close();
        status.textContent = input.value.trim() ? input.getAttribute('data-suggest-none') || '' : '';
      }
    }

    function fetchSuggestions() {
      var prefix = input.value.trim();
      if (pending) pending.abort();
      if (!prefix) {
        show([]);
        return;
      }
      pending = new AbortController();
      fetch(endpoint + '?q=' + encodeURIComponent(prefix) + '&lang=' + lang, { signal: pending.signal, headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (body) {
          // The box may have changed while the answer was on its way.
          if (input.value.trim() === prefix) show(Array.isArray(body.suggestions) ? body.suggestions : []);
        })
        .catch(function () {
          /* Aborted or offline: the box keeps working as a plain search field. */
        });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener('keydown', function (event) {
      var count = suggestions.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (count === 0) return;
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        var step = event.key === 'ArrowDown' ? 1 : -1;
        highlight(active === -1 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count);
      } else if (event.key === 'Enter') {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === 'Escape') {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener('blur', close);
  }

  var inputs = document.querySelectorAll('input[data-suggest]');
  for (var i = 0; i < inputs.length; i++) enhance(inputs[i], i);
})();
