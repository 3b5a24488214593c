// The matching rules page (/admin/regler, ADR 0041): dmn-js's decision-table editor on the DMN XML of the form's
// field. Without JavaScript (or if dmn-js cannot read the XML) the field itself is the editor. On "try", the
// editor's table is written back into the field before the form is posted, unless the admin typed in the field
// since (then the field is posted as typed, and the server names its problems).
(function () {
  'use strict';
  var container = document.getElementById('dmn-editor');
  var field = document.getElementById('xml');
  var form = document.getElementById('rules-form');
  if (!container || !field || !form || typeof window.DmnJS === 'undefined') {
    return;
  }
  var modeler = new window.DmnJS({ container: container });
  var editorHolds = false;

  function openTable() {
    var view = modeler.getViews().filter(function (v) { return v.type === 'decisionTable'; })[0];
    return view ? modeler.open(view) : Promise.reject(new Error('no decision table'));
  }

  function load() {
    container.hidden = false;
    return modeler.importXML(field.value).then(openTable).then(function () {
      editorHolds = true;
      container.setAttribute('data-ready', 'true');
    }).catch(function () {
      editorHolds = false;
      container.hidden = true;
    });
  }

  field.addEventListener('change', function () {
    editorHolds = false;
    load();
  });

  form.addEventListener('submit', function (event) {
    if (!editorHolds || form.getAttribute('data-synced') === 'true') {
      return;
    }
    event.preventDefault();
    modeler.saveXML({ format: true }).then(function (result) {
      field.value = result.xml;
    }).finally(function () {
      form.setAttribute('data-synced', 'true');
      form.submit();
    });
  });

  load();
}());
