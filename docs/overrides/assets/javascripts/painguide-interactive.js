/* painguide, the interactive parts: checklists, self-checks, self-assessments, the
 * sortable register and "Listen". painguide.js loads this file only on pages that have
 * one of them, so the bedside pages (PMs) stay light.
 *
 * Checklist ticks are kept in localStorage under one key per checklist and document
 * version: "painguide:checklist:<id>:v<version>" → {"ticks": ["ITEM-ID", …]}.
 * Only the ids of ticked items are ever stored: no free text, no patient data.
 * A new document version uses a new key, and keys of older versions are removed.
 * Self-checks and self-assessments keep, the same way, only the chosen option per
 * question or item: "painguide:quiz:<module>:v<version>" and
 * "painguide:assessment:<profession>:v<version>" → {"choices": {"Q1": "2", …},
 * "saved": "2026-12-06"}; a self-check also keeps the first answer given to each question,
 * "first": {"Q1": "0"}, and the day the last of them was given, "done": "2026-12-06".
 */
(function () {
  "use strict";

  var PREFIX = "painguide:checklist:";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; // private mode or storage disabled: the checklist still works, unsaved
    }
  }

  function readTicks(store, key) {
    if (!store) return [];
    try {
      var data = JSON.parse(store.getItem(key) || "{}");
      return Array.isArray(data.ticks) ? data.ticks.filter(function (t) { return typeof t === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function forgetOtherVersions(store, id, key, prefix) {
    if (!store) return;
    var stale = [];
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k && k.indexOf((prefix || PREFIX) + id + ":") === 0 && k !== key) stale.push(k);
    }
    stale.forEach(function (k) { store.removeItem(k); });
  }

  function isoDate(d) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // One chosen value per question or item, by id; values are option numbers or level
  // names, checked against a pattern, so nothing typed can ever be stored. A self-check
  // also keeps each question's first answer, which its score is judged by, and the day
  // the last first answer was given ("done"). "saved" is the day of the last change, shown
  // so that a shared tablet's next user sees whose choices these might be.
  function savedChoices(kind, root, id) {
    var prefix = "painguide:" + kind + ":";
    var key = prefix + id + ":v" + root.getAttribute("data-version");
    var store = storage();
    forgetOtherVersions(store, id, key, prefix);
    var safe = /^[a-z0-9-]{1,20}$/, day = /^\d{4}-\d{2}-\d{2}$/;
    function read(data) {
      var out = {};
      Object.keys(data || {}).forEach(function (k) { if (safe.test(String(data[k]))) out[k] = String(data[k]); });
      return out;
    }
    var choices = {}, first = {}, dates = {};
    try {
      var data = JSON.parse((store && store.getItem(key)) || "{}");
      choices = read(data.choices);
      first = read(data.first);
      ["saved", "done"].forEach(function (k) { if (day.test(String(data[k]))) dates[k] = data[k]; });
    } catch (e) { choices = {}; first = {}; dates = {}; }
    function write() {
      if (!store) return;
      dates.saved = isoDate(new Date());
      var data = { choices: choices, saved: dates.saved };
      if (Object.keys(first).length) data.first = first;
      if (dates.done) data.done = dates.done;
      store.setItem(key, JSON.stringify(data));
    }
    return {
      all: function () { return choices; },
      first: function () { return first; },
      date: function (k) { return dates[k] || null; },
      set: function (k, v) {
        if (!safe.test(v)) return;
        choices[k] = v;
        write();
      },
      answer: function (k, v, total) {
        if (!safe.test(v)) return;
        if (!(k in first)) {
          first[k] = v;
          if (Object.keys(first).length === total) dates.done = isoDate(new Date());
        }
        choices[k] = v;
        write();
      },
      clear: function () { choices = {}; first = {}; dates = {}; if (store) store.removeItem(key); }
    };
  }

  function showSavedOn(root, saved) {
    var note = root.querySelector(".pg-saved-on");
    var date = saved.date("saved");
    if (note) note.textContent = date ? root.getAttribute("data-label-saved").replace("{date}", date) : "";
  }

  // Prints one part of the page alone: the class on <html> selects it in the print CSS.
  function printOnly(name) {
    var html = document.documentElement;
    html.classList.add(name);
    window.addEventListener("afterprint", function done() {
      html.classList.remove(name);
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }

  // Self-check questions, after their sections and at the end: an answer counts when the
  // learner presses "Check answer"; only then is the chosen option's feedback shown (in the
  // question's own live region). The first answer to each question is kept, and the score
  // (its own live region) gives both the current and the first-attempt count; once every
  // question is answered, a summary says whether the first attempts reach the pass mark,
  // and the certificate can be printed.
  function setupQuiz(root) {
    var id = root.getAttribute("data-quiz");
    var saved = savedChoices("quiz", root, id);
    var questions = document.querySelectorAll('.pg-question[data-quiz-of="' + id + '"]');
    var score = root.querySelector(".pg-quiz__score");
    var summary = root.querySelector(".pg-quiz__summary");
    var certificate = root.querySelector(".pg-certificate");
    var printButton = root.querySelector(".pg-certificate__print");
    var total = questions.length;
    function label(name) { return root.getAttribute("data-label-" + name); }
    function isRight(q, value) {
      var input = value !== undefined && q.querySelector('input[value="' + value + '"]');
      return !!input && input.getAttribute("data-correct") === "true";
    }
    function fill(name, text) { certificate.querySelector('[data-certificate="' + name + '"]').textContent = text; }
    function update() {
      var now = 0, first = 0, answered = 0;
      questions.forEach(function (q) {
        var qid = q.getAttribute("data-question");
        if (isRight(q, saved.all()[qid])) now++;
        if (qid in saved.first()) { answered++; if (isRight(q, saved.first()[qid])) first++; }
      });
      score.textContent = label("score").replace("{x}", now).replace("{n}", total) + " · " +
        label("first").replace("{x}", first).replace("{n}", total);
      var done = answered === total;
      summary.hidden = certificate.hidden = printButton.hidden = !done;
      showSavedOn(root, saved);
      if (!done) return;
      var percent = Math.round(100 * first / total);
      var passed = percent >= Number(root.getAttribute("data-pass-mark"));
      summary.textContent = label("summary").replace(/\{n\}/g, total).replace("{x}", first).replace("{p}", percent) + " " +
        label(passed ? "passed" : "not-passed");
      summary.className = "pg-quiz__summary " + (passed ? "pg-quiz__summary--passed" : "pg-quiz__summary--not-passed");
      var day = saved.date("done") || isoDate(new Date());
      var until = new Date(day + "T12:00:00");
      until.setMonth(until.getMonth() + Number(root.getAttribute("data-valid-months")));
      until.setDate(until.getDate() - 1);
      fill("date", day);
      fill("score", first + " / " + total + " (" + percent + " %)");
      fill("result", certificate.getAttribute(passed ? "data-passed" : "data-not-passed"));
      fill("until", isoDate(until));
    }
    // Shows the feedback of the answer given, if the option checked now is that answer.
    function show(q) {
      var qid = q.getAttribute("data-question");
      var given = saved.all()[qid];
      var chosen = q.querySelector("input:checked");
      var shown = given !== undefined && !!chosen && chosen.value === given;
      q.querySelectorAll(".pg-feedback").forEach(function (fb) {
        fb.hidden = !shown || fb.getAttribute("data-option") !== given;
      });
      q.querySelector(".pg-feedback__more").hidden = !shown;
      q.classList.toggle("pg-question--right", shown && isRight(q, given));
      q.classList.toggle("pg-question--wrong", shown && !isRight(q, given));
    }
    questions.forEach(function (q) {
      var qid = q.getAttribute("data-question");
      var value = saved.all()[qid];
      var input = value !== undefined && q.querySelector('input[value="' + value + '"]');
      if (input) input.checked = true;
      var actions = q.querySelector(".pg-question__actions");
      var note = q.querySelector(".pg-question__feedback");
      actions.hidden = false;
      q.addEventListener("change", function () { show(q); });
      actions.querySelector("button").addEventListener("click", function () {
        var chosen = q.querySelector("input:checked");
        var ask = note.querySelector(".pg-feedback--choose");
        if (!chosen) {
          ask = ask || document.createElement("p");
          ask.className = "pg-feedback pg-feedback--choose";
          ask.textContent = label("choose");
          note.appendChild(ask);
          return;
        }
        if (ask) ask.remove();
        saved.answer(qid, chosen.value, total);
        show(q);
        update();
      });
      show(q);
    });
    update();
    root.querySelector(".pg-quiz__reset").addEventListener("click", function () {
      saved.clear();
      questions.forEach(function (q) {
        q.querySelectorAll("input:checked").forEach(function (i) { i.checked = false; });
        show(q);
      });
      update();
    });
    printButton.addEventListener("click", function () { printOnly("pg-print-certificate"); });
    root.querySelector(".pg-actions").hidden = false;
  }

  // Self-assessment: one level per competence item, kept like the checklist ticks; it
  // prints as the competence card.
  function setupAssessment(root) {
    var saved = savedChoices("assessment", root, root.getAttribute("data-assessment"));
    root.querySelectorAll(".pg-assess-item").forEach(function (item) {
      var id = item.getAttribute("data-item");
      var value = saved.all()[id];
      var input = value && item.querySelector('input[value="' + value + '"]');
      if (input) input.checked = true;
      item.addEventListener("change", function (event) { saved.set(id, event.target.value); showSavedOn(root, saved); });
    });
    root.querySelector(".pg-assessment__reset").addEventListener("click", function () {
      saved.clear();
      root.querySelectorAll("input:checked").forEach(function (i) { i.checked = false; });
      showSavedOn(root, saved);
    });
    root.querySelector(".pg-print").addEventListener("click", function () { window.print(); });
    root.querySelector(".pg-actions").hidden = false;
    showSavedOn(root, saved);
  }

  function setupChecklist(root) {
    var id = root.getAttribute("data-checklist");
    var key = PREFIX + id + ":v" + root.getAttribute("data-version");
    var store = storage();
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-item]"));
    var progress = root.querySelector(".pg-progress");
    var actions = root.querySelector(".pg-actions");
    var variants = root.querySelector(".pg-variants");
    var template = root.getAttribute("data-label-progress");
    var outcome = root.querySelector(".pg-outcome");
    var groups = Array.prototype.slice.call(root.querySelectorAll(".pg-group"));

    // The group's items that apply to the chosen pump variant.
    function shownIn(group) {
      return boxes.filter(function (box) { return group.contains(box) && applies(box); });
    }

    // The checklist's own rules: every "all" group complete, at least one tick in every "any" group.
    function rulesMet() {
      return groups.every(function (group) {
        var mine = shownIn(group);
        if (!mine.length) return true;
        var ticked = mine.filter(function (box) { return box.checked; }).length;
        return group.getAttribute("data-rule") === "any" ? ticked > 0 : ticked === mine.length;
      });
    }

    forgetOtherVersions(store, id, key);
    var ticked = readTicks(store, key);
    boxes.forEach(function (box) { box.checked = ticked.indexOf(box.getAttribute("data-item")) !== -1; });

    function currentVariant() {
      var chosen = variants && variants.querySelector("input:checked");
      return chosen ? chosen.value : null;
    }

    function applies(box) {
      var only = box.getAttribute("data-variants");
      var variant = currentVariant();
      return !only || !variant || only.split(" ").indexOf(variant) !== -1;
    }

    function update(announce) {
      var shown = boxes.filter(applies);
      boxes.forEach(function (box) {
        box.closest("li").classList.toggle("pg-hidden", shown.indexOf(box) === -1);
      });
      groups.forEach(function (group) {
        group.classList.toggle("pg-hidden", !shownIn(group).length);
      });
      var done = shown.filter(function (box) { return box.checked; }).length;
      var text = template.replace("{x}", done).replace("{n}", shown.length);
      if (outcome) {
        var met = shown.length > 0 && rulesMet();
        outcome.hidden = !met;
        outcome.textContent = met ? outcome.getAttribute("data-outcome") : "";
        if (met) text += ". " + outcome.getAttribute("data-outcome");
      }
      if (announce !== false) progress.textContent = text;
    }

    function save() {
      if (!store) return;
      var ticks = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-item"); });
      if (ticks.length) store.setItem(key, JSON.stringify({ ticks: ticks }));
      else store.removeItem(key);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () { save(); update(); });
    });
    if (variants) {
      variants.hidden = false;
      variants.addEventListener("change", function () { update(); });
    }
    root.querySelector(".pg-reset").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      update();
      progress.textContent = progress.textContent + " " + root.getAttribute("data-label-reset-done");
    });
    root.querySelector(".pg-print").addEventListener("click", function () { window.print(); });
    progress.hidden = false;
    actions.hidden = false;
    update();
  }

  // The document register is a plain table, in registry order, without JavaScript; with
  // it, each column header becomes a button that sorts by that column (aria-sort says how).
  function sortableRegister(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pg-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          return (ascending ? 1 : -1) * x.localeCompare(y, document.documentElement.lang, { numeric: true });
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // "Listen" reads a leaflet aloud with the browser's own speech synthesis, and only with
  // a voice that runs on this device (localService): network voices would send the text to
  // a third party. With no local voice for the page's language the button stays hidden.
  function setupListen(box) {
    var synth = window.speechSynthesis;
    if (!synth || !window.SpeechSynthesisUtterance) return;
    var lang = box.getAttribute("data-lang");
    var play = box.querySelector(".pg-listen__play");
    var stop = box.querySelector(".pg-listen__stop");
    var state = "idle";
    function localVoice() {
      return synth.getVoices().filter(function (v) {
        return v.localService && (v.lang || "").toLowerCase().split(/[-_]/)[0] === lang;
      })[0] || null;
    }
    function reveal() { if (localVoice()) box.hidden = false; }
    function reset() {
      state = "idle";
      play.textContent = box.getAttribute("data-label-listen");
      stop.disabled = true;
    }
    reveal();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", reveal);  // Chrome loads voices late
    play.addEventListener("click", function () {
      if (state === "speaking") {
        synth.pause();
        state = "paused";
        play.textContent = box.getAttribute("data-label-resume");
        return;
      }
      if (state === "paused") {
        synth.resume();
        state = "speaking";
        play.textContent = box.getAttribute("data-label-pause");
        return;
      }
      var voice = localVoice();
      if (!voice) return;
      var title = document.querySelector(".md-content h1");
      var text = (title ? title.innerText + ". " : "") + document.querySelector(".pg-leaflet").innerText;
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = reset;
      utterance.onerror = reset;
      synth.cancel();
      synth.speak(utterance);
      state = "speaking";
      play.textContent = box.getAttribute("data-label-pause");
      stop.disabled = false;
    });
    stop.addEventListener("click", function () {
      synth.cancel();
      reset();
      play.focus();
    });
  }

  function init() {
    document.querySelectorAll(".pg-listen").forEach(setupListen);
    document.querySelectorAll(".pg-quiz[data-quiz]").forEach(setupQuiz);
    document.querySelectorAll(".pg-assessment[data-assessment]").forEach(setupAssessment);
    document.querySelectorAll(".pg-checklist[data-checklist]").forEach(setupChecklist);
    document.querySelectorAll(".pg-register table").forEach(sortableRegister);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
