// The calendar editor of `governance serve` (GET /calendar?bylaw=ID): the year's meetings as a table.
// Plain JavaScript served by the app itself (no build step, nothing fetched from elsewhere). The table holds
// the calendar as the plain data of the YAML format; every import, plan, check and export is the server's
// (POST /calendar/ACTION, JSON, with the page's CSRF token), so the engine alone reads and judges calendars.
(function () {
  "use strict";
  var source = document.getElementById("editor-data");
  var root = document.getElementById("editor");
  if (!source || !root || !window.fetch) { return; }
  var data = JSON.parse(source.textContent);
  var W = data.words, B = data.bylaw, lang = data.lang;
  var token = document.getElementById("csrf").value;
  var bodies = {};
  B.bodies.forEach(function (b) { bodies[b.id] = b; });
  var state = {calendar: {bylaw: B.id, meetings: []}, mapping: "", ics: "", given: "", titles: [], report: null};
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; } else if (key.slice(0, 2) === "on") {
        node.addEventListener(key.slice(2), value);
      } else if (value === true) { node.setAttribute(key, ""); } else { node.setAttribute(key, value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function say(text, problem) {
    var status = $("status");
    status.textContent = text;
    status.className = problem ? "problems" : "";
  }

  function post(action, body) {
    body.bylaw = B.id;
    body.lang = lang;
    say(W.working);
    return fetch("/calendar/" + action, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": token},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          var issues = (answer.issues || []).map(function (i) { return i.message ? i.file + ":" + i.line + ": " + i.message : ""; });
          var problem = new Error(answer.error + (issues.length ? "\n" + issues.join("\n") : ""));
          throw problem;
        }
        return answer;
      });
    }).catch(function (problem) {
      say(W.failed + ": " + problem.message, true);
      throw problem;
    });
  }

  function readFile(input) {
    return new Promise(function (resolve, reject) {
      if (!input.files.length) { resolve(""); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsText(input.files[0], "utf-8");
    });
  }

  // ---- the table ------------------------------------------------------------------------------------
  function people() {  // seat (as written) -> the roster's names for it
    var out = {}, roster = state.calendar.roster || {};
    Object.keys(roster).forEach(function (name) {
      var seat = typeof roster[name] === "string" ? roster[name] : roster[name].seat;
      (out[seat] = out[seat] || []).push(name);
    });
    return out;
  }

  function seatsFor(m) {
    var seats = (bodies[m.body] ? bodies[m.body].seats : []).slice();
    (m.attendees || []).concat(m.chair ? [m.chair] : []).forEach(function (s) {
      if (seats.indexOf(s) < 0) { seats.push(s); }
    });
    return seats;
  }

  function placesFor(m, seats) {
    // Each seat line as many times as it has places, or as the meeting lists it if that is more.
    var places = (bodies[m.body] && bodies[m.body].places) || {};
    var out = [];
    seats.forEach(function (s) {
      var listed = (m.attendees || []).filter(function (x) { return x === s; }).length;
      for (var k = 0; k < Math.max(places[s] || 1, listed); k++) { out.push(s); }
    });
    return out;
  }

  function split(when) {
    var text = String(when || "");
    return [text.slice(0, 10), text.length > 10 ? text.slice(11, 16) : ""];
  }

  function changed() {
    if (state.report) { say(W.changed); }
    state.report = null;
  }

  function option(value, text, selected) {
    return el("option", {value: value, text: text, selected: value === selected});
  }

  function render() {
    var body = $("meetings").tBodies[0];
    body.textContent = "";
    var meetings = state.calendar.meetings || [];
    if (!meetings.length) {
      body.appendChild(el("tr", {}, [el("td", {colspan: "6", class: "empty", text: W.empty})]));
    }
    meetings.forEach(function (m, i) { body.appendChild(row(m, i)); });
    showFindings();
  }

  function row(m, i) {
    var n = i + 1, names = people(), when = split(m.date);
    var tr = el("tr", {"data-meeting": m.id, id: "meeting-" + n});
    var date = el("input", {type: "text", value: when[0], size: "10", inputmode: "numeric", placeholder: "2025-02-11",
                            pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}", class: "date", "aria-label": W.date + ", " + W.meeting.toLowerCase() + " " + n});
    var time = el("input", {type: "text", value: when[1], size: "5", placeholder: "09:00", pattern: "[0-9]{2}:[0-9]{2}",
                            class: "time", "aria-label": W.time + ", " + W.meeting.toLowerCase() + " " + n});
    var setWhen = function () {
      m.date = time.value.trim() ? date.value.trim() + "T" + time.value.trim() : date.value.trim();
      rename(m);
      changed();
    };
    date.addEventListener("change", setWhen);
    time.addEventListener("change", setWhen);
    var remove = el("button", {type: "button", class: "small remove", text: W.remove,
      "aria-label": W["remove meeting"] + " " + n, onclick: function () {
        state.calendar.meetings.splice(i, 1);
        changed();
        render();
      }});
    tr.appendChild(el("td", {}, [date, el("br"), time, el("br"), more(m, n), remove]));

    var body = el("select", {class: "body", "aria-label": W.body + ", " + W.meeting.toLowerCase() + " " + n}, B.bodies.map(
      function (b) { return option(b.id, b.name, m.body); }));
    body.addEventListener("change", function () {
      m.body = body.value;
      m.attendees = [];
      delete m.chair;
      rename(m);
      changed();
      render();
    });
    tr.appendChild(el("td", {}, [body]));

    var seats = seatsFor(m);
    var chair = el("select", {class: "chair", "aria-label": W.chair + ", " + W.meeting.toLowerCase() + " " + n}, [option("", W.none, m.chair || "")]
      .concat(seats.map(function (s) { return option(s, s + (names[s] ? " (" + names[s].join(", ") + ")" : ""), m.chair || ""); })));
    chair.addEventListener("change", function () {
      if (chair.value) { m.chair = chair.value; } else { delete m.chair; }
      changed();
    });
    tr.appendChild(el("td", {}, [chair]));

    // A checkbox for each place: a seat line that three ledamöter hold has three, and each one ticked
    // counts (towards the quorum too). A line is listed in the attendees once for each ticked box.
    var present = m.attendees || [];
    var spots = placesFor(m, seats);
    var count = el("span", {class: "count", text: present.length + " " + W.of + " " + spots.length + " " + W.present});
    var inputs = [];
    var boxes = spots.map(function (s, k) {
      var id = "present-" + n + "-" + k;
      var rank = spots.slice(0, k).filter(function (x) { return x === s; }).length;
      var held = present.filter(function (x) { return x === s; }).length;
      var box = el("input", {type: "checkbox", id: id, value: s, checked: rank < held});
      inputs.push(box);
      box.addEventListener("change", function () {
        m.attendees = spots.filter(function (x, j) { return inputs[j].checked; })
          .concat((m.attendees || []).filter(function (x) { return spots.indexOf(x) < 0; }));
        count.textContent = m.attendees.length + " " + W.of + " " + spots.length + " " + W.present;
        changed();
      });
      var times = spots.filter(function (x) { return x === s; }).length;
      return el("div", {class: "seat"}, [box, el("label", {for: id, text: s + (times > 1 ? " " + (rank + 1) : "") +
        (names[s] ? " (" + names[s].join(", ") + ")" : "")})]);
    });
    tr.appendChild(el("td", {class: "present-cell"}, [el("details", {class: "present"}, [el("summary", {}, [count]),
      el("fieldset", {}, [el("legend", {class: "visually-hidden", text: W.present + ", " + W.meeting.toLowerCase() + " " + n})].concat(boxes))])]));

    var matters = el("div", {class: "matters"}, (m.matters || []).map(function (x, k) { return matter(m, x, n, k); }));
    matters.appendChild(el("button", {type: "button", class: "small", text: W["add matter"], onclick: function () {
      m.matters = (m.matters || []).concat([{id: "", action: "decide"}]);
      changed();
      render();
      var inputs = document.querySelectorAll("#meeting-" + n + " .matter input.matter-id");
      if (inputs.length) { inputs[inputs.length - 1].focus(); }
    }}));
    tr.appendChild(el("td", {class: "matters-cell"}, [matters]));
    tr.appendChild(el("td", {class: "results", "aria-live": "polite"}));
    return tr;
  }

  // What a meeting keeps beside its day: its status, when and by whom it was called, and its minutes
  // (justering, justerare, anslag). A field left empty is left out of the calendar.
  function setOrDrop(target, key, value) {
    if (value === "" || value === null || (Array.isArray(value) && !value.length)) { delete target[key]; } else { target[key] = value; }
  }

  function anslagText(anslag) {
    if (!anslag) { return ""; }
    if (Array.isArray(anslag)) { return anslag.join(", "); }
    return Object.keys(anslag).map(function (k) { return k + ": " + anslag[k]; }).join(", ");
  }

  function anslagValue(text) {  // "2025-03-20" or "halmstad: 2025-03-20, laholm: 2025-03-21"
    var parts = text.split(",").map(function (p) { return p.trim(); }).filter(Boolean);
    if (!parts.some(function (p) { return p.indexOf(":") >= 0; })) { return parts; }
    var out = {};
    parts.forEach(function (p) { var kv = p.split(":"); out[kv[0].trim()] = kv.slice(1).join(":").trim(); });
    return out;
  }

  function more(m, n) {
    var label = function (what) { return what + ", " + W.meeting.toLowerCase() + " " + n; };
    var field = function (key, what, value, onchange, attrs) {
      var id = "meeting-" + n + "-" + key;
      var input = el("input", Object.assign({type: "text", id: id, value: value || "", size: "10", class: key}, attrs || {}));
      input.addEventListener("change", function () { onchange(input.value.trim()); changed(); });
      return el("div", {class: "field"}, [el("label", {for: id, text: what}), el("br"), input]);
    };
    var minutes = function () { return m.minutes || (m.minutes = {}); };
    var tidy = function () { if (m.minutes && !Object.keys(m.minutes).length) { delete m.minutes; } };
    var statusId = "meeting-" + n + "-status";
    var status = el("select", {id: statusId, class: "status"}, [option("", W.none, m.status || "")]
      .concat(["held", "planned", "cancelled"].map(function (s) { return option(s, W["status " + s], m.status || ""); })));
    status.addEventListener("change", function () { setOrDrop(m, "status", status.value); changed(); });
    var dateAttrs = {inputmode: "numeric", placeholder: "2025-02-11", pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}"};
    var mins = m.minutes || {};
    var filled = [m.status, m.notice_date, m.convened_by, m.minutes].filter(Boolean).length;
    return el("details", {class: "more"}, [el("summary", {text: W.more + (filled ? " (" + filled + ")" : ""),
      "aria-label": label(W.more)}),
      el("div", {class: "field"}, [el("label", {for: statusId, text: W.status}), el("br"), status]),
      field("notice", W.notice, m.notice_date, function (v) { setOrDrop(m, "notice_date", v); }, dateAttrs),
      field("convener", W.convener, m.convened_by, function (v) { setOrDrop(m, "convened_by", v); },
            {placeholder: "sekretariatet", size: "14"}),
      field("justering", W.justering, mins.justering, function (v) { setOrDrop(minutes(), "justering", v); tidy(); }, dateAttrs),
      field("justerare", W.justerare, (mins.justerare || []).join(", "), function (v) {
        setOrDrop(minutes(), "justerare", v.split(",").map(function (x) { return x.trim(); }).filter(Boolean)); tidy();
      }, {placeholder: "halmstad/kso", size: "14"}),
      field("anslag", W.anslag, anslagText(mins.anslag), function (v) {
        setOrDrop(minutes(), "anslag", v ? anslagValue(v) : ""); tidy();
      }, {placeholder: "2025-02-20", size: "14"})]);
  }

  function matter(m, x, n, k) {
    var label = W.meeting + " " + n + ", " + W["matter id"].toLowerCase() + " " + (k + 1);
    var id = el("input", {type: "text", value: x.id || "", size: "12", class: "matter-id", "aria-label": label + ": " + W["matter id"]});
    var title = el("input", {type: "text", value: x.title || "", size: "16", "aria-label": label + ": " + W["matter title"]});
    var action = el("select", {"aria-label": label + ": " + W.action}, B.actions.map(function (a) { return option(a, W[a] || a, x.action || "decide"); }));
    var outcome = el("select", {"aria-label": label + ": " + W.outcome}, [option("", W.none, x.outcome || "")]
      .concat(B.outcomes.map(function (o) { return option(o, W[o] || o, x.outcome || ""); })));
    id.addEventListener("change", function () { x.id = id.value.trim(); changed(); });
    title.addEventListener("change", function () {
      if (title.value.trim()) { x.title = title.value.trim(); } else { delete x.title; }
      changed();
    });
    action.addEventListener("change", function () { x.action = action.value; changed(); });
    outcome.addEventListener("change", function () {
      if (outcome.value) { x.outcome = outcome.value; } else { delete x.outcome; }
      changed();
    });
    return el("div", {class: "matter"}, [id, title, action, outcome, el("button", {type: "button", class: "small",
      text: W.remove, "aria-label": W.remove + ": " + label, onclick: function () {
        m.matters.splice(k, 1);
        if (!m.matters.length) { delete m.matters; }
        changed();
        render();
      }})]);
  }

  // A meeting added here is named after its body and day (findings name it), and renamed when they change;
  // an imported or planned meeting keeps the id it came with (an .ics's UID).
  var added = new WeakSet();

  function newId(body, day, self) {
    var taken = {}, k = 1;
    (state.calendar.meetings || []).forEach(function (m) { if (m !== self) { taken[m.id] = true; } });
    while (taken[body + "-" + day + "-" + k]) { k += 1; }
    return body + "-" + day + "-" + k;
  }

  function rename(m) {
    if (added.has(m)) { m.id = newId(m.body, split(m.date)[0], m); }
  }

  // ---- results beside the meetings, and the summary --------------------------------------------------
  function showFindings() {
    var report = state.report;
    (state.calendar.meetings || []).forEach(function (m, i) {
      var tr = $("meeting-" + (i + 1));
      if (!tr) { return; }
      tr.setAttribute("data-meeting", m.id);  // a meeting added here is renamed as it is edited
      var cell = tr.querySelector("td.results");
      cell.textContent = "";
      tr.classList.remove("has-error", "has-warning");
      if (!report) { return; }
      var mine = report.findings.filter(function (f) { return f.meeting === m.id; });
      if (!mine.length) {
        cell.appendChild(el("span", {class: "none", text: W["no findings"]}));
        return;
      }
      tr.classList.add(mine.some(function (f) { return f.severity === "error"; }) ? "has-error" : "has-warning");
      cell.appendChild(el("ul", {class: "findings"}, mine.map(function (f) {
        // As the report writes a finding: "Fel (quorum): …", then its fix.
        var severity = W[f.severity] || f.severity;
        return el("li", {class: "finding " + f.severity}, [el("span", {class: "severity",
          text: severity.charAt(0).toUpperCase() + severity.slice(1)}),
          el("span", {text: " (" }), el("span", {class: "rule", text: f.rule}), el("span", {text: "): "}),
          el("span", {class: "message", text: f.message}), f.fix ? el("div", {class: "fix", text: W.fix + ": " + f.fix}) : null]);
      })));
    });
  }

  // ---- the buttons -----------------------------------------------------------------------------------
  function load(calendar) {
    state.calendar = calendar;
    state.calendar.bylaw = state.calendar.bylaw || B.id;
    state.report = null;
    $("summary").hidden = true;
    render();
  }

  function showTitles() {
    var box = $("titles");
    box.textContent = "";
    if (!state.titles.length) { return; }
    var rows = state.titles.map(function (t, k) {
      var select = el("select", {id: "title-" + k, "data-title": t.title}, [option("", W["no body"], t.body)]
        .concat(B.bodies.map(function (b) { return option(b.id, b.name, t.body); })));
      select.addEventListener("change", function () { importIcs(); });
      return el("tr", {}, [el("td", {}, [el("label", {for: "title-" + k, text: t.title})]),
        el("td", {text: t.events + " " + (t.events === 1 ? W.event : W.events) + (t.recurring ? ", " + W.recurring : "")}), el("td", {}, [select])]);
    });
    box.appendChild(el("table", {class: "titles"}, [el("caption", {text: W.titles}),
      el("thead", {}, [el("tr", {}, [el("th", {scope: "col", text: W.title}), el("th", {scope: "col", text: W.events}),
        el("th", {scope: "col", text: W["is body"]})])]), el("tbody", {}, rows)]));
  }

  // A status line with a count: the singular where there is one ("1 möte", "1 meeting"), else the plural.
  function counted(key, n) {
    return ((n === 1 && W[key + " 1"]) || W[key]).replace("{n}", n);
  }

  function imported(answer) {
    state.titles = answer.titles;
    state.mapping = answer.mapping;
    $("export-mapping").hidden = !state.mapping;
    showTitles();
    load(answer.calendar);
    var text = counted("imported", state.calendar.meetings.length);
    say(answer.left_out.length ? text + " " + W["left out"] + ": " + answer.left_out.join("; ") : text);
  }

  function importIcs() {
    var chosen = {};
    Array.prototype.forEach.call(document.querySelectorAll("#titles select"), function (s) {
      chosen[s.getAttribute("data-title")] = s.value;
    });
    return post("import", {text: state.ics, mapping: state.given, bodies: chosen}).then(imported);
  }

  $("import").addEventListener("click", function () {
    if (!$("import-file").files.length) { say(W["choose file"], true); return; }
    Promise.all([readFile($("import-file")), readFile($("import-mapping"))]).then(function (texts) {
      var ics = /^\s*BEGIN:VCALENDAR/i.test(texts[0].replace(/^\ufeff/, ""));
      state.ics = ics ? texts[0] : "";
      state.given = ics ? texts[1] : "";
      return post("import", ics ? {text: texts[0], mapping: texts[1]} : {text: texts[0]}).then(imported);
    }).catch(function () {});
  });

  $("plan").addEventListener("click", function () {
    // A mapping file chosen above gives the people to invite (its people:, `Name <e-mail>`).
    readFile($("import-mapping")).then(function (mapping) {
      return post("plan", {year: $("plan-year").value, july: $("plan-july").checked, time: $("plan-time").value.trim(),
                           mapping: mapping || state.mapping});
    }).then(function (answer) {
      state.titles = [];
      state.mapping = answer.mapping;
      $("export-mapping").hidden = !state.mapping;
      showTitles();
      load(answer.calendar);
      say([counted("planned", state.calendar.meetings.length)].concat(answer.notes).join("\n"));
    }).catch(function () {});
  });

  $("add").addEventListener("click", function () {
    var meetings = state.calendar.meetings || (state.calendar.meetings = []);
    var last = meetings[meetings.length - 1];
    var body = last ? last.body : B.bodies.filter(function (b) { return !b.office; }).concat(B.bodies)[0].id;
    var day = (last ? split(last.date)[0] : "") || new Date().toISOString().slice(0, 10);
    var at = /^[0-9]{1,2}:[0-9]{2}$/.test($("plan-time").value.trim()) ? $("plan-time").value.trim() : "09:00";
    var m = {id: newId(body, day), body: body, date: day + "T" + (at.length === 4 ? "0" + at : at), attendees: []};
    added.add(m);
    meetings.push(m);
    changed();
    render();
    var rows = document.querySelectorAll("#meetings tbody tr");
    rows[rows.length - 1].querySelector("input.date").focus();
  });

  $("check").addEventListener("click", function () {
    post("check", {calendar: state.calendar, as_of: $("as-of").value.trim()}).then(function (answer) {
      state.report = answer.report;
      $("summary-report").innerHTML = answer.html;  // the server's own rendering, every outside string escaped
      $("summary").hidden = false;
      showFindings();
      say(W.checked + " " + answer.summary);
    }).catch(function () {});
  });

  function download(answer) {
    var url = URL.createObjectURL(new Blob([answer.text], {type: answer.content_type}));
    var link = el("a", {href: url, download: answer.filename, class: "download", text: W.download.replace("{file}", answer.filename)});
    $("downloads").appendChild(el("p", {}, [link]));
    link.click();
    return answer.filename;
  }

  function exporting(formats) {
    var made = [];
    var next = function (k) {
      if (k >= formats.length) {
        say(W.exported.replace("{file}", made.join(", ")));
        return Promise.resolve();
      }
      // The .ics events last the length given beside the plan (the calendar itself keeps start times only).
      return post("export", {calendar: state.calendar, format: formats[k], mapping: state.mapping,
                             length: $("plan-length").value.trim()}).then(function (answer) {
        made.push(download(answer));
        return next(k + 1);
      });
    };
    $("downloads").textContent = "";
    next(0).catch(function () {});
  }

  $("export-yaml").addEventListener("click", function () { exporting(["yaml"]); });
  // The .ics and the mapping `governance check` reads it with (found beside it by its name).
  $("export-ics").addEventListener("click", function () { exporting(["ics", "ics-mapping"]); });
  $("export-mapping").addEventListener("click", function () { exporting(["mapping"]); });

  // The report page is the check form's answer: it is sent the table as YAML (the server writes it), so that
  // the form under the report holds the calendar as a secretary would save it.
  $("as-report").addEventListener("submit", function (event) {
    var form = $("as-report");
    event.preventDefault();
    $("report-as-of").value = $("as-of").value.trim();
    post("export", {calendar: state.calendar, format: "yaml"}).then(function (answer) {
      $("report-calendar").value = answer.text;
      form.submit();
    }).catch(function () {});
  });

  // The table is kept for this tab while the page is left (the language switch, a report page, a reload)
  // and given back when the editor of the same collaboration opens again: a secretary's work is not lost
  // by switching language. sessionStorage is the tab's own; nothing leaves the browser.
  var KEEP = "governance-editor:" + B.id;
  window.addEventListener("pagehide", function () {
    try {
      sessionStorage.setItem(KEEP, JSON.stringify({calendar: state.calendar, mapping: state.mapping}));
    } catch (e) { /* storage full or refused: the table is simply not kept */ }
  });
  root.hidden = false;
  var kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(KEEP) || "null"); } catch (e) { kept = null; }
  if (kept && kept.calendar && (kept.calendar.meetings || []).length) {
    state.mapping = kept.mapping || "";
    $("export-mapping").hidden = !state.mapping;
    load(kept.calendar);
    say(counted("kept", state.calendar.meetings.length));
  } else {
    render();
  }
})();
