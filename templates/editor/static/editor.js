// The live parts of the editor: each change is checked in the background, problems appear beside their
// fields, the preview follows. Without this script the form still works: every button posts it.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form || !window.fetch) { return; }
  var csrf = document.querySelector('meta[name="csrf"]').getAttribute("content");
  var latest = 0;       // the newest check shown
  var previewed = -1;   // the revision the previews show
  var busy = false;
  var queued = null;    // the next action to send once the current one is answered
  var timer = null;

  function body(action) {
    var data = new FormData(form);
    data.delete("_actie");
    if (action) { data.append("_actie", action); }
    return new URLSearchParams(data);
  }

  function send(action) {
    if (busy) { queued = action || queued || ""; return; }
    busy = true;
    fetch("/", {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      body: body(action),
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(apply).catch(function () {
      say("De editor antwoordt niet. Draait 'assembler bewerk' nog?");
    }).then(function () {
      busy = false;
      if (queued !== null) { var next = queued; queued = null; send(next); }
    });
  }

  function say(text) { document.getElementById("status").textContent = text; }

  function apply(state) {
    if (state.formulier) {
      document.getElementById("velden").innerHTML = state.formulier;
    }
    if (state.kop) {
      document.getElementById("kop").innerHTML = state.kop;
    } else {
      showNotice(state.melding);
    }
    if (state.versie >= latest || state.formulier) {
      latest = state.versie;
      showMessages(state.meldingen);
      document.getElementById("samenvatting").innerHTML = state.samenvatting;
      var status = state.tellingen + (state.onopgeslagen ? " Niet opgeslagen wijzigingen." : "");
      var here = document.activeElement && document.getElementById("m-" + document.activeElement.id);
      if (here && here.textContent.trim()) { status += " " + here.textContent.trim(); }
      say(status);
    }
    if (state.voorbeeld !== previewed) { showPreview(state.voorbeeld); }
    document.getElementById("contacten-lijst").innerHTML = state.kaarten;
    if (state.focus) {
      var target = document.getElementById(state.focus) || form.querySelector('[name="' + CSS.escape(state.focus) + '"]');
      if (target) { target.focus(); }
    }
    if (state.melding && state.melding.ok && /^Bezig met maken/.test(state.melding.tekst)) { follow(); }
  }

  function showNotice(notice) {
    var box = document.getElementById("bericht");
    box.textContent = "";
    box.className = "bericht" + (notice && !notice.ok ? " bericht-fout" : "");
    if (!notice) { return; }
    var p = document.createElement("p");
    p.textContent = notice.tekst;
    box.appendChild(p);
    if (notice.wijzigingen && notice.wijzigingen.length) {
      var list = document.createElement("ul");
      notice.wijzigingen.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
  }

  function showMessages(found) {
    form.querySelectorAll(".melding").forEach(function (box) { box.textContent = ""; });
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (el) { el.removeAttribute("aria-invalid"); });
    Object.keys(found).forEach(function (id) {
      var box = document.getElementById("m-" + id);
      if (!box) { return; }
      var wrong = false;
      found[id].forEach(function (m) {
        var p = document.createElement("p");
        p.className = m.soort;
        p.textContent = (m.soort === "fout" ? "Fout: " : "Waarschuwing: ") + m.tekst;
        box.appendChild(p);
        wrong = wrong || m.soort === "fout";
      });
      var control = document.getElementById(id);
      if (wrong && control) { control.setAttribute("aria-invalid", "true"); }
    });
  }

  function showPreview(revision) {
    previewed = revision;
    ["routekaart", "kaarten"].forEach(function (name) {
      var frame = document.getElementById("frame-" + name);
      if (!frame) { return; }
      var y = 0;
      try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
      frame.addEventListener("load", function restore() {
        frame.removeEventListener("load", restore);
        try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* another document */ }
      });
      frame.src = "/voorbeeld/" + name + "?v=" + revision;
    });
  }

  function follow() {
    fetch("/maken", { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        document.getElementById("voortgang").textContent = job.tekst;
        var lines = document.getElementById("voortgang-regels");
        lines.hidden = !job.regels.length;
        lines.textContent = job.regels.join("\n");
        if (job.staat === "bezig") { window.setTimeout(follow, 700); }
      });
  }

  form.addEventListener("input", function (event) {
    if (!event.target.name || event.target.name.charAt(0) === "_") { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { send(""); }, 250);
  });
  form.addEventListener("change", function (event) {
    if (!event.target.name || event.target.name.charAt(0) === "_") { return; }
    window.clearTimeout(timer);
    send("");
  });
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || button.name !== "_actie") { return; }
    event.preventDefault();
    window.clearTimeout(timer);
    send(button.value);
  });
  var frame = document.getElementById("frame-routekaart");
  var match = frame && /v=(\d+)/.exec(frame.getAttribute("src"));
  previewed = match ? parseInt(match[1], 10) : -1;
})();
