/**
 * The console's one script (served as /console/assets/console.js): progressive enhancement only —
 * every page works without it. It fills the sign-in key from a link's #key= fragment (never sent
 * to the server, removed from the address bar at once) but never submits it: any site may link
 * here with a key of its own, and an automatic sign-in would put the visitor in that key's tenant
 * (login CSRF), so a person presses Sign in. It also turns the upload form into a
 * drag-and-drop upload with progress whose refusal lists the API's errors line by line.
 */
export const CONSOLE_JS = `'use strict';
(function () {
  var signIn = document.getElementById('sign-in');
  if (signIn && location.hash.indexOf('#key=') === 0) {
    var key = '';
    try { key = decodeURIComponent(location.hash.slice(5)); } catch (ignored) { key = ''; }
    history.replaceState(null, '', location.pathname + location.search);
    if (key) {
      signIn.elements.key.value = key;
      document.getElementById('key-from-link').hidden = false;
      signIn.querySelector('button[type=submit]').focus();
    }
  }

  var form = document.getElementById('upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var drop = document.getElementById('drop');
  var input = form.elements.file;
  var chosen = document.getElementById('chosen');
  var progress = document.getElementById('progress');
  var status = document.getElementById('upload-status');
  var file = null;

  function choose(f) {
    file = f;
    chosen.textContent = f ? f.name + ' (' + Math.ceil(f.size / 1024) + ' KB)' : 'no file chosen';
  }
  input.addEventListener('change', function () { choose(input.files[0] || null); });
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }
  function where(field) {
    var m = /^rows\\[(\\d+)\\](?:\\.(.+))?$/.exec(field || '');
    return m ? ['line ' + m[1], m[2] || '(the row)'] : ['', field || ''];
  }
  function show(kind, title, errors, link) {
    status.innerHTML = '';
    var box = document.createElement('div');
    box.className = 'notice ' + kind;
    box.appendChild(text('p', title));
    if (link) {
      var a = text('a', link.text);
      a.href = link.href;
      box.appendChild(a);
    }
    if (errors && errors.length) {
      var table = document.createElement('table');
      var head = table.createTHead().insertRow();
      ['line', 'field', 'problem'].forEach(function (h) { head.appendChild(text('th', h)); });
      var body = table.createTBody();
      errors.forEach(function (e) {
        var row = body.insertRow();
        var w = where(e.field);
        row.appendChild(text('td', w[0]));
        row.appendChild(text('td', w[1]));
        row.appendChild(text('td', e.reason));
      });
      box.appendChild(table);
    }
    status.appendChild(box);
    box.setAttribute('tabindex', '-1');
    box.focus();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData(form);
    if (file) data.set('file', file, file.name);
    if (!data.get('file') || !data.get('file').name) return show('error', 'Choose a file first.');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', form.elements._csrf.value);
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) progress.value = p.loaded / p.total; };
    xhr.onerror = function () { progress.hidden = true; show('error', 'The upload did not reach the server.'); };
    xhr.onload = function () {
      progress.hidden = true;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
      if (body.refused) {
        show('error', 'Refused (' + body.refused.status + '): ' + body.refused.detail, body.refused.errors || []);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        show('ok', (body.created ? 'Uploaded ' : 'Already uploaded: ') + body.name + ' v' + body.version +
          ', ' + body.itemCount + ' items.', null, { href: '/console/slices/' + body.id, text: 'Open the slice' });
      } else {
        show('error', 'Refused (' + xhr.status + '): ' + (body.detail || xhr.statusText), body.errors || []);
      }
    };
    xhr.send(data);
  });
})();
`;
